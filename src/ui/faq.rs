//! Questions: each a large row that opens its answer below it, and closes on a second tap.

use std::collections::BTreeSet;

use super::screen::{Command, Cx, Door, IdleRule, Screen, ScreenKind, screen_basics};
use super::widgets::Marker;
use super::{layout, markdown_view, theme, widgets};
use crate::content::markdown::plain_lines;

pub const KIND: ScreenKind = ScreenKind {
    key: "Faq",
    idle: IdleRule::Reading,
    open: || Box::<Faq>::default(),
    door: Some(Door {
        words: |s| (&s.faq_title, &s.faq_note),
        banner: false,
    }),
    gallery: |content| {
        let all_open = Faq {
            open: (0..content.faq.entries.len()).collect(),
        };
        vec![
            ("faq".to_owned(), Box::<Faq>::default()),
            (
                "faq all open".to_owned(),
                Box::new(all_open) as Box<dyn Screen>,
            ),
        ]
    },
};

#[derive(Debug, Default)]
pub struct Faq {
    /// Entries whose answers are open.
    pub open: BTreeSet<usize>,
}

impl Screen for Faq {
    screen_basics!();

    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx<'_>) {
        let (content, c) = (cx.content, cx.palette());
        let title = content
            .faq
            .title
            .as_deref()
            .unwrap_or(&cx.strings().faq_title);
        layout::top_bar(ui, cx, title, |_, _| {});
        layout::body(ui, cx, "faq", theme::READING_WIDTH, |ui, cx| {
            for (index, entry) in content.faq.entries.iter().enumerate() {
                let open = self.open.contains(&index);
                let marker = if open { Marker::Close } else { Marker::Open };
                if widgets::list_row(ui, c, &entry.question, marker, open).clicked() {
                    if open {
                        self.open.remove(&index);
                    } else {
                        self.open.insert(index);
                        cx.send(Command::FaqOpened(entry.question.clone()));
                        cx.send(Command::Announce(plain_lines(&entry.answer)));
                    }
                }
                if open {
                    widgets::card(ui, c, |ui| markdown_view::blocks(ui, c, &entry.answer));
                    ui.add_space(12.0);
                }
            }
        });
    }

    /// The open answers, each after its question; with none open, the questions.
    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        let entries = &cx.content.faq.entries;
        if self.open.is_empty() {
            return entries.iter().map(|e| e.question.clone()).collect();
        }
        let mut parts = Vec::new();
        for entry in self.open.iter().filter_map(|&i| entries.get(i)) {
            parts.push(entry.question.clone());
            parts.extend(plain_lines(&entry.answer));
        }
        parts
    }
}
