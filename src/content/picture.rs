//! Pictures from the content folder (the logo, the clinic's photos), decoded once at load
//! into pixels ready to become a texture, with their size checked before any pixel is
//! allocated.

use std::io::Cursor;

use image::{ImageReader, Limits};

/// Decoded RGBA pixels, ready to become a texture.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Pixels {
    pub size: [usize; 2],
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Pixels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pixels({}x{})", self.size[0], self.size[1])
    }
}

/// Decodes a PNG or JPEG, refusing one with a side longer than `max_side` before any
/// pixel is allocated.
pub fn decode(bytes: &[u8], max_side: u32) -> Result<Pixels, String> {
    let reader = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| format!("the picture cannot be read: {e}"))
    };
    let unreadable = |e: image::ImageError| format!("it is not a readable PNG or JPEG: {e}");
    // Only what the docs promise, whatever else the image crate was built to read.
    match reader()?.format() {
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg) => {}
        _ => return Err("it is not a readable PNG or JPEG".to_owned()),
    }
    let (width, height) = reader()?.into_dimensions().map_err(unreadable)?;
    if width > max_side || height > max_side {
        return Err(format!(
            "it is {width}x{height} pixels; at most {max_side}x{max_side} is allowed"
        ));
    }
    let mut reader = reader()?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(max_side);
    limits.max_image_height = Some(max_side);
    reader.limits(limits);
    let image = reader.decode().map_err(unreadable)?.into_rgba8();
    Ok(Pixels {
        size: [image.width() as usize, image.height() as usize],
        rgba: image.into_raw(),
    })
}

/// `pixels` shrunk to fit a `side` x `side` square, its shape kept; as it is when it fits.
pub fn fit(pixels: Pixels, side: u32) -> Pixels {
    let [width, height] = pixels.size.map(|s| s as u32);
    if width <= side && height <= side {
        return pixels;
    }
    let scale = f64::from(side) / f64::from(width.max(height));
    let new = |s: u32| ((f64::from(s) * scale).round() as u32).clamp(1, side);
    let Some(image) = image::RgbaImage::from_raw(width, height, pixels.rgba) else {
        return Pixels::default();
    };
    // Area averaging: as sharp as a filter when shrinking, several times faster, and
    // without a filter's full-height floating-point copy (100 MB for a phone's photo).
    let image = image::imageops::thumbnail(&image, new(width), new(height));
    Pixels {
        size: [image.width() as usize, image.height() as usize],
        rgba: image.into_raw(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut bytes = Cursor::new(Vec::new());
        image.write_to(&mut bytes, format).unwrap();
        bytes.into_inner()
    }

    #[test]
    fn png_and_jpeg_decode_to_rgba() {
        for format in [image::ImageFormat::Png, image::ImageFormat::Jpeg] {
            let pixels = decode(&encoded(40, 30, format), 100).unwrap();
            assert_eq!(pixels.size, [40, 30], "{format:?}");
            assert_eq!(pixels.rgba.len(), 40 * 30 * 4);
        }
    }

    #[test]
    fn too_large_garbage_and_cut_short_are_refused_with_a_reason() {
        let big = encoded(120, 30, image::ImageFormat::Png);
        assert!(decode(&big, 100).unwrap_err().contains("120x30 pixels"));
        assert!(
            decode(b"not a picture", 100)
                .unwrap_err()
                .contains("not a readable")
        );
        let jpeg = encoded(64, 64, image::ImageFormat::Jpeg);
        assert!(decode(&jpeg[..jpeg.len() / 2], 100).is_err());
    }

    #[test]
    fn fit_keeps_the_shape_and_leaves_small_pictures_alone() {
        let pixels = decode(&encoded(400, 100, image::ImageFormat::Png), 1000).unwrap();
        let small = fit(pixels.clone(), 400);
        assert_eq!(small, pixels);
        let fitted = fit(pixels, 200);
        assert_eq!(fitted.size, [200, 50]);
        assert_eq!(fitted.rgba.len(), 200 * 50 * 4);
    }
}
