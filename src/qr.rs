//! The booking QR code, made on the device: no network is used, the visitor's own phone
//! opens the link.

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the QR standard asks, so phones find its edges.
pub const QUIET_ZONE: usize = 4;

/// A QR code as a square of modules, quiet zone included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrImage {
    /// Modules per side, quiet zone included.
    pub side: usize,
    /// Row by row, `true` for a dark module.
    pub dark: Vec<bool>,
}

impl QrImage {
    /// Grey pixels (0 dark, 255 light), `scale` pixels per module.
    pub fn to_grey(&self, scale: usize) -> (usize, Vec<u8>) {
        let size = self.side * scale;
        let pixels = (0..size * size)
            .map(|i| {
                let (x, y) = (i % size / scale, i / size / scale);
                if self.dark[y * self.side + x] { 0 } else { 255 }
            })
            .collect();
        (size, pixels)
    }
}

/// Encodes `text` with medium error correction, which survives a smudged screen.
pub fn encode(text: &str) -> Result<QrImage, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| format!("cannot be made into a QR code: {e}"))?;
    let width = code.width();
    let side = width + 2 * QUIET_ZONE;
    let colors = code.to_colors();
    let mut dark = vec![false; side * side];
    for y in 0..width {
        for x in 0..width {
            dark[(y + QUIET_ZONE) * side + x + QUIET_ZONE] = colors[y * width + x] == Color::Dark;
        }
    }
    Ok(QrImage { side, dark })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(image: &QrImage) -> String {
        let (size, pixels) = image.to_grey(6);
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| pixels[y * size + x]);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the image");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn decodes_to_exactly_the_text() {
        for url in ["https://example.com/book-microneedling", "tel:+13125550142"] {
            assert_eq!(decode(&encode(url).unwrap()), url);
        }
    }

    #[test]
    fn has_a_quiet_zone_on_every_side() {
        let image = encode("https://example.com").unwrap();
        let side = image.side;
        for i in 0..side {
            for edge in 0..QUIET_ZONE {
                assert!(!image.dark[edge * side + i] && !image.dark[(side - 1 - edge) * side + i]);
                assert!(!image.dark[i * side + edge] && !image.dark[i * side + side - 1 - edge]);
            }
        }
    }

    #[test]
    fn text_too_long_for_any_qr_code_is_an_error() {
        assert!(encode(&"x".repeat(5000)).is_err());
    }
}
