//! Pictures the screens show, made once per content load, never per frame.

use egui::TextureHandle;

use crate::content::Loaded;
use crate::qr;

#[derive(Default)]
pub struct Textures {
    pub logo: Option<TextureHandle>,
    /// The booking page's QR code; none without a booking address.
    pub qr: Option<TextureHandle>,
}

impl Textures {
    pub fn make(ctx: &egui::Context, loaded: &Loaded) -> Self {
        let logo = &loaded.logo;
        Self {
            logo: (!logo.rgba.is_empty()).then(|| {
                let image = egui::ColorImage::from_rgba_unmultiplied(logo.size, &logo.rgba);
                ctx.load_texture("logo", image, egui::TextureOptions::LINEAR)
            }),
            qr: qr_texture(ctx, &loaded.content.clinic.booking_url),
        }
    }
}

fn qr_texture(ctx: &egui::Context, booking_url: &str) -> Option<TextureHandle> {
    if booking_url.is_empty() {
        return None;
    }
    let image = qr::encode(booking_url).ok()?;
    let (side, grey) = image.to_grey(1);
    let image = egui::ColorImage::from_gray([side, side], &grey);
    // Nearest filtering keeps every module's edges sharp at any size.
    Some(ctx.load_texture("booking-qr", image, egui::TextureOptions::NEAREST))
}
