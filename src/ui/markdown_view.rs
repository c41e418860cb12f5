//! Draws the parsed Markdown of [`crate::content::markdown`]: no parsing happens here.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, RichText, Ui};

use super::theme::{self, Palette};
use crate::content::markdown::{Block, BlockKind, Inline, ListItem};

pub fn blocks(ui: &mut Ui, c: &Palette, blocks: &[Block]) {
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { text, .. } => {
                ui.add_space(6.0);
                inline(ui, text, theme::CARD_HEADING, c.text);
            }
            BlockKind::Paragraph(text) => inline(ui, text, theme::BODY, c.text),
            BlockKind::List(items) => list(ui, c, items),
            BlockKind::Table(table) => {
                // Tables belong on the Compare screen; elsewhere show their rows as lines.
                for row in table.header.iter().chain(&table.rows) {
                    let cells: Vec<String> = row.cells.iter().map(Inline::plain).collect();
                    ui.label(RichText::new(cells.join("  ·  ")).size(theme::BODY));
                }
            }
            BlockKind::Diagram(Ok(diagram)) => {
                ui.add_space(8.0);
                super::diagram_view::show(ui, c, diagram);
                ui.add_space(8.0);
            }
            BlockKind::Photo(photo) => {
                ui.add_space(8.0);
                super::photo_view::show(ui, c, photo);
                ui.add_space(8.0);
            }
            // A page with a broken diagram is refused at load; nothing to draw.
            BlockKind::Diagram(Err(_)) => {}
        }
    }
}

/// A card heading in the bold face.
pub fn heading(ui: &mut Ui, c: &Palette, text: &Inline) {
    let job = layout(
        text,
        theme::CARD_HEADING,
        c.accent,
        true,
        ui.available_width(),
    );
    ui.label(job);
}

pub fn inline(ui: &mut Ui, text: &Inline, size: f32, color: Color32) {
    let job = layout(text, size, color, false, ui.available_width());
    ui.label(job);
}

fn list(ui: &mut Ui, c: &Palette, items: &[ListItem]) {
    for item in items {
        let marker = match item.number {
            Some(n) => format!("{n}."),
            None if item.depth == 0 => "•".to_owned(),
            None => "◦".to_owned(),
        };
        bullet(ui, c, &marker, item.depth, |ui| {
            inline(ui, &item.text, theme::BODY, c.text);
        });
    }
}

/// Plain lines of text as a bullet list (questionnaire reasons and notes).
pub fn bullets<'a>(ui: &mut Ui, c: &Palette, items: impl IntoIterator<Item = &'a str>) {
    for item in items {
        bullet(ui, c, "•", 0, |ui| {
            ui.label(RichText::new(item).size(theme::BODY));
        });
    }
}

fn bullet(ui: &mut Ui, c: &Palette, marker: &str, depth: usize, add: impl FnOnce(&mut Ui)) {
    ui.horizontal_top(|ui| {
        ui.add_space(depth as f32 * 36.0);
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(36.0, theme::BODY * 1.3), egui::Sense::hover());
        ui.painter().text(
            rect.left_top(),
            egui::Align2::LEFT_TOP,
            marker,
            FontId::proportional(theme::BODY),
            c.accent,
        );
        ui.vertical(add);
    });
}

/// The spans of `text` as one wrapped layout in the right faces.
pub fn layout(text: &Inline, size: f32, color: Color32, bold: bool, width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    for span in &text.spans {
        let family = match (bold || span.bold, span.italic) {
            (true, _) => theme::bold(),
            (false, true) => theme::italic(),
            (false, false) => FontFamily::Proportional,
        };
        job.append(
            &span.text,
            0.0,
            TextFormat {
                font_id: FontId::new(size, family),
                color,
                line_height: Some(size * 1.4),
                ..TextFormat::default()
            },
        );
    }
    job
}
