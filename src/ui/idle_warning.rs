//! "Still there?": a calm card with a countdown and one big button, drawn instead of the
//! screen it warns about (which keeps its state for "I'm still here"). Any tap counts as an
//! answer; the app's idle timer does the rest.

use egui::{Align2, Frame, Id, Order, RichText, Sense, Ui, Vec2};

use super::screen::{self, Cx, IdleRule, ScreenKind, screen_basics};
use super::{theme, widgets};
use crate::content::Strings;

pub const KIND: ScreenKind = ScreenKind {
    key: "IdleWarning",
    idle: IdleRule::Standard,
    open: || Box::new(IdleWarning { seconds_left: 30 }),
    door: None,
    gallery: |_| screen::just_opened(&KIND),
};

pub struct IdleWarning {
    pub seconds_left: u64,
}

impl screen::Screen for IdleWarning {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (s, c) = (cx.strings(), cx.palette());
        let ctx = ui.ctx().clone();
        let screen = ctx.content_rect();
        egui::Area::new(Id::unique("idle_warning_veil"))
            .order(Order::Foreground)
            .fixed_pos(screen.min)
            .show(&ctx, |ui| {
                // Takes every tap, so one on an empty spot cannot reach anything else.
                ui.allocate_exact_size(screen.size(), Sense::CLICK);
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
                                RichText::new(&s.idle_title)
                                    .family(theme::display())
                                    .size(theme::DISPLAY)
                                    .color(c.text),
                            );
                            ui.label(
                                RichText::new(self.seconds_left.to_string())
                                    .size(theme::DISPLAY * 1.5)
                                    .family(theme::bold())
                                    .color(c.accent),
                            );
                            ui.label(
                                RichText::new(message(s, self.seconds_left)).size(theme::BODY),
                            );
                            ui.add_space(16.0);
                            ui.scope(|ui| {
                                ui.spacing_mut().button_padding = Vec2::new(48.0, 24.0);
                                widgets::primary_button(ui, c, &s.idle_continue, true);
                            });
                        });
                    });
            });
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        let s = cx.strings();
        vec![s.idle_title.clone(), message(s, self.seconds_left)]
    }

    fn where_am_i(&self, cx: &Cx<'_>) -> Vec<String> {
        self.speech(cx)
    }
}

/// "… will go back to the start … in {n} seconds", as shown and as spoken.
fn message(strings: &Strings, seconds_left: u64) -> String {
    strings.idle_message.fill(seconds_left as usize, &[])
}
