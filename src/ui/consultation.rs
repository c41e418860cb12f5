//! The consultation hand-off screen: the consultation card (a component) on its own.

use egui::Ui;

use super::components::consultation_card;
use super::screen::{self, Cx, Door, IdleRule, ScreenKind, screen_basics};
use super::theme;
use crate::content::Content;

pub const KIND: ScreenKind = ScreenKind {
    key: "Consultation",
    idle: IdleRule::Standard,
    open: || Box::new(Consultation),
    door: Some(Door {
        words: |s| (&s.book_title, &s.book_note),
        banner: true,
    }),
};

pub struct Consultation;

impl screen::Screen for Consultation {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        screen::top_bar(ui, cx, &cx.strings().book_title, |_, _| {});
        screen::body(ui, cx, "consultation", theme::READING_WIDTH, |ui, cx| {
            consultation_card::show(ui, &cx.content.clinic, cx.strings(), cx.qr);
        });
    }

    fn speech(&self, content: &Content) -> Vec<String> {
        consultation_card::speech(&content.clinic, &content.strings)
    }
}
