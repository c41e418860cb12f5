//! The comparison table as a component: a table where it fits, one card per treatment
//! where it does not (a portrait screen, or larger text). Shown by the Compare screen and
//! by a result's "Read more".

use egui::{Frame, RichText, Stroke, Ui, Vec2};

use crate::content::Compare;
use crate::content::markdown::plain_lines;
use crate::ui::theme::{self, Palette};
use crate::ui::{markdown_view, widgets};

/// Space between columns, and inside each row's frame.
const COLUMN_GAP: f32 = 24.0;
const ROW_PADDING: f32 = 28.0;

/// The whole comparison: the table (or its cards), then the notes under it.
pub fn show(ui: &mut Ui, c: &Palette, compare: &Compare) {
    match table_widths(ui, compare) {
        Some(widths) => table(ui, c, compare, &widths),
        None => cards(ui, c, compare),
    }
    if let Some((heading, bars)) = &compare.downtime {
        // The same cells as the table, as bars: "Up to 1 day" against "2–7 days" at a glance.
        ui.add_space(24.0);
        ui.label(
            RichText::new(heading)
                .family(theme::bold())
                .size(theme::CARD_HEADING)
                .color(c.accent),
        );
        ui.add_space(8.0);
        crate::ui::diagram_view::show(ui, c, bars);
    }
    ui.add_space(12.0);
    markdown_view::blocks(ui, c, &compare.notes);
}

/// Row by row, each value with its column's name, as the cards show it; then the notes.
pub fn speech(compare: &Compare) -> Vec<String> {
    let mut parts: Vec<String> = compare.title.iter().cloned().collect();
    for row in &compare.rows {
        parts.extend(row_speech(compare, row));
    }
    parts.extend(plain_lines(&compare.notes));
    parts
}

/// One treatment's row as its card says it: the name, then "column: value" lines.
pub fn row_speech(compare: &Compare, row: &[String]) -> Vec<String> {
    let values = compare
        .columns
        .iter()
        .zip(row)
        .skip(1)
        .map(|(column, cell)| format!("{column}: {cell}"));
    std::iter::once(row[0].clone()).chain(values).collect()
}

/// The width of each column when the table fits: every column at least as wide as its
/// longest word, so no word is ever broken. `None` means cards instead (a portrait
/// screen, or larger text).
pub fn table_widths(ui: &Ui, compare: &Compare) -> Option<Vec<f32>> {
    let columns = compare.columns.len().max(1) as f32;
    let inner = ui.available_width() - 2.0 * ROW_PADDING - COLUMN_GAP * (columns - 1.0);
    let weights = column_weights(compare);
    let total: f32 = weights.iter().sum();
    let widths: Vec<f32> = weights.iter().map(|w| inner * w / total).collect();
    let font = egui::FontId::new(theme::BUTTON, theme::bold());
    let fits = widths.iter().enumerate().all(|(column, width)| {
        std::iter::once(&compare.columns)
            .chain(&compare.rows)
            .filter_map(|row| row.get(column))
            .flat_map(|cell| cell.split_whitespace())
            .all(|word| {
                let galley = ui.painter().layout_no_wrap(
                    word.to_owned(),
                    font.clone(),
                    egui::Color32::BLACK,
                );
                galley.size().x <= *width
            })
    });
    fits.then_some(widths)
}

fn table(ui: &mut Ui, c: &Palette, compare: &Compare, widths: &[f32]) {
    let row = |ui: &mut Ui, cells: &[String], header: bool| {
        let fill = if header { c.accent } else { c.surface };
        Frame::new()
            .fill(fill)
            .stroke(Stroke::new(1.0, c.border))
            .corner_radius(theme::ROUNDING)
            .inner_margin(egui::Margin::symmetric(ROW_PADDING as i8, 24))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = COLUMN_GAP;
                    for (index, (cell, width)) in cells.iter().zip(widths).enumerate() {
                        let text = RichText::new(cell).size(theme::BUTTON);
                        let text = match (header, index) {
                            (true, _) => text.family(theme::bold()).color(c.on_accent),
                            (false, 0) => text.family(theme::bold()).color(c.accent),
                            (false, _) => text.color(c.text),
                        };
                        ui.allocate_ui(Vec2::new(*width, 0.0), |ui| {
                            ui.set_width(*width);
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

/// Wider columns for longer text, within limits so no column starves.
fn column_weights(compare: &Compare) -> Vec<f32> {
    (0..compare.columns.len())
        .map(|column| {
            let longest = std::iter::once(&compare.columns)
                .chain(&compare.rows)
                .filter_map(|row| row.get(column))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0);
            (longest as f32).clamp(10.0, 36.0)
        })
        .collect()
}

fn cards(ui: &mut Ui, c: &Palette, compare: &Compare) {
    for cells in &compare.rows {
        treatment_card(ui, c, compare, cells);
        ui.add_space(16.0);
    }
}

/// One treatment's row of the comparison as a card: its name, then each column as
/// "label  value" lines. Also shown with questionnaire results.
pub fn treatment_card(ui: &mut Ui, c: &Palette, compare: &Compare, cells: &[String]) {
    widgets::card(ui, c, |ui| {
        ui.label(
            RichText::new(&cells[0])
                .family(theme::display())
                .size(theme::TITLE)
                .color(c.accent),
        );
        ui.add_space(4.0);
        let label_width = (ui.available_width() * 0.34).min(280.0);
        for (column, cell) in compare.columns.iter().zip(cells).skip(1) {
            ui.horizontal_top(|ui| {
                ui.allocate_ui(Vec2::new(label_width, 0.0), |ui| {
                    ui.set_width(label_width);
                    let label = RichText::new(column).size(theme::BODY).color(c.text_muted);
                    ui.add(egui::Label::new(label).wrap());
                });
                ui.add(egui::Label::new(RichText::new(cell).size(theme::BUTTON)).wrap());
            });
        }
    });
}
