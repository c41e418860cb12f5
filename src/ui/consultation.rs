//! The consultation hand-off screen: the consultation card (a component) on its own.

use egui::Ui;

use super::components::consultation_card;
use super::screen::{self, Cx, Door, IdleRule, ScreenKind, screen_basics};
use super::{layout, theme};

pub const KIND: ScreenKind = ScreenKind {
    key: "Consultation",
    idle: IdleRule::Standard,
    open: || Box::new(Consultation),
    door: Some(Door {
        words: |s| (&s.book_title, &s.book_note),
        banner: true,
    }),
    gallery: |_| screen::just_opened(&KIND),
};

pub struct Consultation;

impl screen::Screen for Consultation {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        layout::top_bar(ui, cx, &cx.strings().book_title, |_, _| {});
        layout::body(
            ui,
            cx,
            "consultation",
            theme::READING_WIDTH,
            consultation_card::show,
        );
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        consultation_card::speech(&cx.content.clinic, cx.strings())
    }
}
