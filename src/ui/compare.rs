//! Compare treatments: a table where it fits, one card per treatment where it does not
//! (a portrait screen, or larger text).

use egui::{Frame, RichText, Stroke, Ui, Vec2};

use super::{markdown_view, theme, widgets};
use crate::content::{Compare, Content};
use crate::session::Session;

/// Narrower columns than this wrap every other word; switch to cards instead.
const MIN_COLUMN_WIDTH: f32 = 230.0;

pub fn show(ui: &mut Ui, content: &Content, session: &mut Session) {
    let s = &content.strings;
    let compare = &content.compare;
    let title = compare.title.as_deref().unwrap_or(&s.compare_title);
    widgets::top_bar(ui, s, title, session, |_, _| {});
    let fresh = session.take_fresh_view();
    widgets::body(ui, |ui| {
        widgets::scroll(ui, "compare", fresh, |ui| {
            widgets::reading_column(ui, 1600.0, |ui| {
                if fits_as_table(ui.available_width(), compare) {
                    table(ui, compare);
                } else {
                    cards(ui, compare);
                }
                ui.add_space(12.0);
                markdown_view::blocks(ui, &compare.notes);
            });
        });
    });
}

pub fn fits_as_table(width: f32, compare: &Compare) -> bool {
    width / compare.columns.len().max(1) as f32 >= MIN_COLUMN_WIDTH
}

fn table(ui: &mut Ui, compare: &Compare) {
    let columns = compare.columns.len().max(1);
    let inner = ui.available_width() - 2.0 * 24.0;
    let spacing = 20.0;
    let column_width = (inner - spacing * (columns as f32 - 1.0)) / columns as f32;
    let row = |ui: &mut Ui, cells: &[String], header: bool| {
        let fill = if header {
            theme::ACCENT
        } else {
            theme::SURFACE
        };
        Frame::new()
            .fill(fill)
            .stroke(Stroke::new(1.0, theme::BORDER))
            .corner_radius(theme::ROUNDING)
            .inner_margin(egui::Margin::symmetric(24, 22))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = spacing;
                    for (index, cell) in cells.iter().enumerate() {
                        let text = RichText::new(cell).size(theme::BODY);
                        let text = match (header, index) {
                            (true, _) => text.family(theme::bold()).color(theme::ON_ACCENT),
                            (false, 0) => text.family(theme::bold()).color(theme::ACCENT),
                            (false, _) => text.color(theme::TEXT),
                        };
                        ui.allocate_ui(Vec2::new(column_width, 0.0), |ui| {
                            ui.set_width(column_width);
                            ui.add(egui::Label::new(text).wrap());
                        });
                    }
                });
            });
    };
    row(ui, &compare.columns, true);
    for cells in &compare.rows {
        row(ui, cells, false);
    }
}

fn cards(ui: &mut Ui, compare: &Compare) {
    for cells in &compare.rows {
        widgets::card(ui, |ui| {
            ui.label(
                RichText::new(&cells[0])
                    .family(theme::display())
                    .size(theme::TITLE)
                    .color(theme::ACCENT),
            );
            for (column, cell) in compare.columns.iter().zip(cells).skip(1) {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(column)
                        .size(theme::SMALL)
                        .color(theme::TEXT_MUTED),
                );
                ui.label(RichText::new(cell).size(theme::BODY));
            }
        });
        ui.add_space(16.0);
    }
}
