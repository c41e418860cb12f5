//! Compare treatments: the comparison table (a component), under the top bar.

use egui::Ui;

use super::components::comparison;
use super::screen::{self, Cx, Door, IdleRule, ScreenKind, screen_basics};
use crate::content::Content;

pub const KIND: ScreenKind = ScreenKind {
    key: "Compare",
    idle: IdleRule::Reading,
    open: || Box::new(CompareScreen),
    door: Some(Door {
        words: |s| (&s.compare_title, &s.compare_note),
        banner: false,
    }),
};

pub struct CompareScreen;

impl screen::Screen for CompareScreen {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let compare = &cx.content.compare;
        let title = compare
            .title
            .as_deref()
            .unwrap_or(&cx.strings().compare_title);
        screen::top_bar(ui, cx, title, |_, _| {});
        screen::body(ui, cx, "compare", 1600.0, |ui, _| {
            comparison::show(ui, compare)
        });
    }

    fn speech(&self, content: &Content) -> Vec<String> {
        comparison::speech(&content.compare)
    }
}
