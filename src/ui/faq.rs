//! Questions: each a large row that opens its answer below it, and closes on a second tap.

use super::widgets::Marker;
use super::{markdown_view, theme, widgets};
use crate::content::Content;
use crate::session::{Screen, Session};

pub fn show(ui: &mut egui::Ui, content: &Content, session: &mut Session) {
    let s = &content.strings;
    let title = content.faq.title.as_deref().unwrap_or(&s.faq_title);
    if widgets::top_bar(ui, &s.home, title, |ui| {
        widgets::text_size_button(ui, &s.text_size, &mut session.text_size);
    }) {
        session.go(Screen::Home);
    }
    let fresh = session.take_fresh_view();
    widgets::body(ui, |ui| {
        widgets::scroll(ui, "faq", fresh, |ui| {
            widgets::reading_column(ui, theme::READING_WIDTH, |ui| {
                for (index, entry) in content.faq.entries.iter().enumerate() {
                    let open = session.faq_open.contains(&index);
                    let marker = if open { Marker::Close } else { Marker::Open };
                    if widgets::list_row(ui, &entry.question, marker, open).clicked() {
                        session.toggle_faq(index);
                    }
                    if open {
                        widgets::card(ui, |ui| markdown_view::blocks(ui, &entry.answer));
                        ui.add_space(12.0);
                    }
                }
            });
        });
    });
}
