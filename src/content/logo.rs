//! The clinic's logo: `logo.png` in the content folder when staff put one there,
//! else the one in `assets/`.

use super::picture::{self, Pixels};
use super::source::{Read, Source};
use crate::problems::Problem;

static BUILT_IN: &[u8] = include_bytes!("../../assets/logo.png");

/// Large enough for any screen; small enough that a wrong file cannot eat the memory.
pub const MAX_SIDE: u32 = 2048;

/// The logo's pixels.
pub type Logo = Pixels;

pub const FILE: &str = "logo.png";

pub fn load(source: &Source, problems: &mut Vec<Problem>) -> Logo {
    // A built-in copy has one only when a clinic's folder was built in (`KIOSK_CONTENT`).
    let outcome = match source.read(FILE) {
        Read::Missing => None,
        Read::Failed(why) => Some(Err(format!("the image cannot be read: {why}"))),
        Read::Bytes(bytes) => Some(decode(&bytes)),
    };
    match outcome {
        Some(Ok(logo)) => return logo,
        Some(Err(message)) => problems.push(Problem {
            path: source.display_path(FILE),
            line: 1,
            message: format!("{message}; the kiosk shows the built-in logo"),
        }),
        None => {}
    }
    decode(BUILT_IN).unwrap_or_default()
}

/// Decodes the logo, refusing one too large before any pixel is allocated.
pub fn decode(bytes: &[u8]) -> Result<Logo, String> {
    picture::decode(bytes, MAX_SIDE).map_err(|why| format!("the image cannot be shown: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_logo_decodes() {
        let logo = decode(BUILT_IN).unwrap();
        assert!(logo.size[0] > 0 && logo.size[1] > 0);
        assert_eq!(logo.rgba.len(), logo.size[0] * logo.size[1] * 4);
    }

    #[test]
    fn garbage_is_refused_with_a_reason() {
        assert!(
            decode(b"not a png")
                .unwrap_err()
                .contains("not a readable PNG or JPEG")
        );
    }
}
