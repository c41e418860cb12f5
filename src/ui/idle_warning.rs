//! "Still there?": a calm overlay with a countdown and one big button. Any tap on it
//! counts as an answer; the app's idle timer does the rest.

use egui::{Align2, Frame, Id, Order, RichText, Sense, Ui, Vec2};

use super::{theme, widgets};
use crate::content::Strings;

pub fn show(ui: &mut Ui, strings: &Strings, seconds_left: u64) {
    let c = theme::colors(ui.ctx());
    let ctx = ui.ctx().clone();
    let screen = ctx.content_rect();
    egui::Area::new(Id::unique("idle_warning_veil"))
        .order(Order::Foreground)
        .fixed_pos(screen.min)
        .show(&ctx, |ui| {
            // Covers the screen so a tap on the page beneath cannot do anything else, and
            // hides it: answers left behind must not be read over the countdown.
            let (rect, _) = ui.allocate_exact_size(screen.size(), Sense::click());
            ui.painter().rect_filled(rect, 0.0, c.background);
        });
    egui::Area::new(Id::unique("idle_warning"))
        .order(Order::Tooltip)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(&ctx, |ui| {
            let width = (screen.width() - 80.0).min(820.0);
            Frame::new()
                .fill(c.surface)
                .stroke(egui::Stroke::new(2.0, c.border))
                .corner_radius(theme::ROUNDING)
                .inner_margin(egui::Margin::same(48))
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.vertical_centered(|ui| {
                        ui.label(
                            RichText::new(&strings.idle_title)
                                .family(theme::display())
                                .size(theme::DISPLAY)
                                .color(c.text),
                        );
                        ui.label(
                            RichText::new(seconds_left.to_string())
                                .size(theme::DISPLAY * 1.5)
                                .family(theme::bold())
                                .color(c.accent),
                        );
                        let message = message(strings, seconds_left);
                        ui.label(RichText::new(message).size(theme::BODY));
                        ui.add_space(16.0);
                        ui.scope(|ui| {
                            ui.spacing_mut().button_padding = Vec2::new(48.0, 24.0);
                            widgets::primary_button(ui, &strings.idle_continue, true);
                        });
                    });
                });
        });
}

/// "… will go back to the start … in {n} seconds", as shown and as spoken.
pub fn message(strings: &Strings, seconds_left: u64) -> String {
    strings.idle_message.fill(seconds_left as usize, &[])
}
