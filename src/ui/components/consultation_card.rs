//! The consultation card: phone, address and a QR code to book on the visitor's own
//! phone. Shown on its own screen (from Home) and under every questionnaire result. A
//! detail the clinic has not filled in is left out, never invented: without any, the card
//! sends the visitor to the front desk.

use egui::{RichText, Stroke, TextureHandle, Ui, Vec2};

use crate::content::{Clinic, Strings};
use crate::ui::screen::{Command, Cx};
use crate::ui::theme::{self, Palette};
use crate::ui::widgets;

/// Pixels per QR module: large enough for a phone camera at arm's length.
pub const MODULE_PIXELS: f32 = 10.0;

/// The card's words, as Listen says them.
pub fn speech(clinic: &Clinic, strings: &Strings) -> Vec<String> {
    let mut parts = vec![strings.book_title.clone(), clinic.name.clone()];
    if !clinic.phone.is_empty() {
        parts.push(format!("{} {}", strings.call, clinic.phone));
    }
    if !clinic.address.is_empty() {
        parts.push(format!("{} {}", strings.visit, clinic.address.join(", ")));
    }
    if !clinic.booking_url.is_empty() {
        parts.push(strings.scan_to_book.clone());
    }
    parts.push(front_desk(clinic, strings).to_owned());
    parts
}

/// The front-desk line: an alternative beside other details, the way to book without them.
fn front_desk<'s>(clinic: &Clinic, strings: &'s Strings) -> &'s str {
    if clinic.missing().len() == 3 {
        &strings.front_desk_only
    } else {
        &strings.front_desk
    }
}

/// The card itself: QR code beside the clinic's details where there is room, above
/// them where there is not. Counted (once a visit) when it comes into view.
pub fn show(ui: &mut Ui, cx: &mut Cx<'_>) {
    let (c, clinic, strings) = (cx.palette(), &cx.content.clinic, cx.strings());
    let qr = cx.textures.qr.as_ref();
    let card = widgets::card_with(ui, c.surface, Stroke::new(1.0, c.border), |ui| {
        let wide = qr.is_some() && ui.available_width() >= 860.0;
        if wide {
            ui.horizontal_top(|ui| {
                qr_code(ui, c, clinic, strings, qr);
                ui.add_space(24.0);
                ui.vertical(|ui| details(ui, c, clinic, strings));
            });
        } else {
            ui.vertical_centered(|ui| qr_code(ui, c, clinic, strings, qr));
            details(ui, c, clinic, strings);
        }
    });
    if ui.is_rect_visible(card.rect) {
        cx.send(Command::ConsultationShown);
    }
}

fn qr_code(
    ui: &mut Ui,
    c: &Palette,
    clinic: &Clinic,
    strings: &Strings,
    qr: Option<&TextureHandle>,
) {
    let Some(qr) = qr else { return };
    let side = qr.size()[0] as f32 * MODULE_PIXELS;
    ui.vertical(|ui| {
        ui.set_width(side);
        ui.add(
            egui::Image::new(qr)
                .fit_to_exact_size(Vec2::splat(side))
                .alt_text(format!("{} {}", strings.scan_to_book, clinic.booking_url)),
        );
        ui.label(
            RichText::new(&strings.scan_to_book)
                .size(theme::SMALL)
                .color(c.text_muted),
        );
    });
}

fn details(ui: &mut Ui, c: &Palette, clinic: &Clinic, strings: &Strings) {
    ui.label(
        RichText::new(&strings.book_title)
            .family(theme::display())
            .size(theme::TITLE)
            .color(c.accent),
    );
    ui.label(RichText::new(&clinic.name).size(theme::CARD_HEADING));
    if !clinic.phone.is_empty() {
        ui.add_space(8.0);
        labelled(ui, c, &strings.call, &clinic.phone, theme::TITLE);
    }
    if !clinic.address.is_empty() {
        labelled(
            ui,
            c,
            &strings.visit,
            &clinic.address.join("\n"),
            theme::BODY,
        );
    }
    ui.add_space(8.0);
    ui.label(RichText::new(front_desk(clinic, strings)).size(theme::BODY));
}

fn labelled(ui: &mut Ui, c: &Palette, label: &str, value: &str, size: f32) {
    ui.label(RichText::new(label).size(theme::SMALL).color(c.text_muted));
    ui.label(RichText::new(value).size(size).family(theme::bold()));
}
