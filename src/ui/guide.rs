//! The guide: one page at a time, "page n of m", big Back and Next, and contents.

use egui::{Align, Layout, RichText, Ui};

use super::{markdown_view, theme, widgets};
use crate::content::{Content, GuidePage};
use crate::session::{Screen, Session};

pub fn show(ui: &mut Ui, content: &Content, session: &mut Session) {
    let c = theme::colors(ui.ctx());
    let s = &content.strings;
    let pages = content.guide.len();
    let mut show_contents = None;
    let home = widgets::top_bar(ui, &s.home, &s.guide_title, |ui| {
        let (label, show) = if session.guide_contents {
            (&s.close_contents, false)
        } else {
            (&s.contents, true)
        };
        if widgets::secondary_button(ui, label, true).clicked() {
            show_contents = Some(show);
        }
        widgets::text_size_button(ui, &s.text_size, &mut session.text_size);
    });
    if home {
        session.go(Screen::Home);
    }
    if let Some(show) = show_contents {
        session.show_contents(show);
    }
    let fresh = session.take_fresh_view();
    if session.guide_contents {
        widgets::body(ui, |ui| {
            widgets::scroll(ui, "guide_contents", fresh, |ui| {
                widgets::reading_column(ui, theme::READING_WIDTH, |ui| {
                    contents(ui, content, session)
                })
            })
        });
        return;
    }
    let Some(page) = content.guide.get(session.guide_page) else {
        return;
    };
    egui::Panel::bottom("guide_nav")
        .frame(widgets::bar_frame(ui))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if widgets::secondary_button(ui, &s.back, session.guide_page > 0).clicked() {
                    session.previous_page(pages);
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    let last = session.guide_page + 1 >= pages;
                    if widgets::primary_button(ui, &s.next, !last).clicked() {
                        session.next_page(pages);
                    }
                    ui.centered_and_justified(|ui| {
                        ui.label(
                            RichText::new(s.page_of(session.guide_page + 1, pages))
                                .size(theme::BODY)
                                .color(c.text_muted),
                        );
                    });
                });
            });
        });
    widgets::body(ui, |ui| {
        widgets::scroll(ui, "guide_page", fresh, |ui| {
            widgets::reading_column(ui, theme::READING_WIDTH, |ui| page_view(ui, page))
        })
    });
}

fn page_view(ui: &mut Ui, page: &GuidePage) {
    let c = theme::colors(ui.ctx());
    ui.label(
        RichText::new(&page.title)
            .family(theme::display())
            .size(theme::DISPLAY)
            .color(c.text),
    );
    ui.add_space(12.0);
    for card in &page.cards {
        widgets::card(ui, |ui| {
            if let Some(heading) = &card.heading {
                markdown_view::heading(ui, heading);
                ui.add_space(4.0);
            }
            markdown_view::blocks(ui, &card.blocks);
        });
        ui.add_space(18.0);
    }
}

fn contents(ui: &mut Ui, content: &Content, session: &mut Session) {
    let pages = content.guide.len();
    for (index, page) in content.guide.iter().enumerate() {
        let current = index == session.guide_page;
        let label = format!("{}.  {}", index + 1, page.title);
        if widgets::list_row(ui, &label, widgets::Marker::Arrow, current).clicked() {
            session.open_page(index, pages);
        }
    }
}
