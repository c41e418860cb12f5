//! Compare treatments: the comparison table (a component), under the top bar.

use egui::Ui;

use super::components::comparison;
use super::layout;
use super::screen::{self, Cx, Door, IdleRule, ScreenKind, screen_basics};

pub const KIND: ScreenKind = ScreenKind {
    key: "Compare",
    idle: IdleRule::Reading,
    open: || Box::new(CompareScreen),
    door: Some(Door {
        words: |s| (&s.compare_title, &s.compare_note),
        banner: false,
    }),
    gallery: |_| screen::just_opened(&KIND),
};

pub struct CompareScreen;

impl screen::Screen for CompareScreen {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (compare, c) = (&cx.content.compare, cx.palette());
        let title = compare
            .title
            .as_deref()
            .unwrap_or(&cx.strings().compare_title);
        layout::top_bar(ui, cx, title, |_, _| {});
        layout::body(ui, cx, "compare", 1600.0, |ui, _| {
            comparison::show(ui, c, compare)
        });
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        comparison::speech(&cx.content.compare)
    }
}
