//! Draws the diagrams of [`crate::content::diagram`] with egui's painter, in the look's
//! colours, at the zoom the text size sets: rows on a time axis (timeline, bars) and
//! numbered steps. No text is parsed here; the words on screen are the diagram's own.
//! The whole drawing is one image in the accessibility tree, named by its description.

use egui::{
    Align2, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo,
};

use super::theme::{self, Palette};
use crate::content::diagram::{Diagram, Kind, Quantity};

/// Below this width a row's label goes above its bar, and steps run down the page.
const NARROW: f32 = 760.0;
const BAR: f32 = 30.0;
const GAP: f32 = 14.0;
/// The smallest width a step's caption gets side by side with the others.
const STEP_WIDTH: f32 = 220.0;

pub fn show(ui: &mut Ui, c: &Palette, diagram: &Diagram) {
    let width = ui.available_width();
    let response = match diagram.kind {
        Kind::Timeline | Kind::Bars => rows(ui, c, diagram, width),
        Kind::Steps => steps(ui, c, diagram, width),
    };
    let description = diagram.description();
    response.widget_info(|| WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description));
}

/// Each row's label and its time on one axis, in the largest unit any row uses.
fn rows(ui: &mut Ui, c: &Palette, diagram: &Diagram, width: f32) -> egui::Response {
    let narrow = width < NARROW;
    let label_width = if narrow { width } else { width * 0.36 };
    let font = FontId::proportional(theme::BODY * 0.9);
    let galleys: Vec<_> = diagram
        .rows
        .iter()
        .map(|row| {
            ui.painter()
                .layout(row.label.clone(), font.clone(), c.text, label_width - GAP)
        })
        .collect();
    let row_heights: Vec<f32> = galleys
        .iter()
        .map(|g| {
            if narrow {
                g.size().y + 6.0 + BAR
            } else {
                g.size().y.max(BAR)
            }
        })
        .collect();
    let axis_height = theme::SMALL * if diagram.start.is_some() { 3.8 } else { 2.4 };
    let height = row_heights.iter().sum::<f32>() + GAP * row_heights.len() as f32 + axis_height;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let times: Vec<_> = diagram
        .rows
        .iter()
        .map(|row| {
            let text = row.time.as_ref().map_or("", |time| time.text.as_str());
            ui.painter()
                .layout_no_wrap(text.to_owned(), font.clone(), c.text_muted)
        })
        .collect();
    let painter = ui.painter_at(rect.expand(2.0));
    let bars_left = if narrow {
        rect.left()
    } else {
        rect.left() + label_width
    };
    // Room at the right for the time as written beside the longest bar.
    let widest = times.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let bars_right = (rect.right() - widest - 12.0).max(bars_left + BAR * 3.0);
    let unit = diagram.axis_unit();
    let unit_hours = unit.hours() as f32;
    let longest = (diagram.longest_hours() as f32 / unit_hours)
        .ceil()
        .max(1.0);
    let x_of =
        |hours: u32| bars_left + (bars_right - bars_left) * (hours as f32 / unit_hours / longest);

    let mut y = rect.top();
    let rows = diagram
        .rows
        .iter()
        .zip(&galleys)
        .zip(&row_heights)
        .zip(times);
    for (((row, galley), row_height), time_galley) in rows {
        let Some(time) = &row.time else { continue };
        let bar_top = if narrow {
            painter.galley(Pos2::new(rect.left(), y), galley.clone(), c.text);
            y + galley.size().y + 6.0
        } else {
            let label_y = y + (row_height - galley.size().y) / 2.0;
            painter.galley(Pos2::new(rect.left(), label_y), galley.clone(), c.text);
            y + (row_height - BAR) / 2.0
        };
        let bar_end = bar(&painter, c, diagram.kind, time, bar_top, &x_of);
        let at = Pos2::new(bar_end + 10.0, bar_top + (BAR - time_galley.size().y) / 2.0);
        painter.galley(at, time_galley, c.text_muted);
        y += row_height + GAP;
    }
    axis(
        &painter,
        c,
        diagram,
        Rect::from_x_y_ranges(bars_left..=bars_right, y..=rect.bottom()),
        longest as u32,
    );
    response
}

/// One row's time: a span or a point on a timeline; a bar from zero, its uncertain part
/// outlined, for bars. Returns where it ends.
fn bar(
    painter: &egui::Painter,
    c: &Palette,
    kind: Kind,
    time: &Quantity,
    top: f32,
    x_of: &impl Fn(u32) -> f32,
) -> f32 {
    let (from, to) = time.hours();
    let rounding = CornerRadius::same((BAR / 2.0) as u8);
    let span = |a: u32, b: u32| {
        Rect::from_x_y_ranges(x_of(a)..=x_of(b).max(x_of(a) + BAR), top..=top + BAR)
    };
    match kind {
        Kind::Timeline if from == to => {
            let centre = Pos2::new(x_of(from), top + BAR / 2.0);
            painter.circle_filled(centre, BAR / 2.0, c.accent);
            centre.x + BAR / 2.0
        }
        Kind::Timeline => {
            let rect = span(from, to);
            painter.rect_filled(rect, rounding, c.accent);
            rect.right()
        }
        _ => {
            // Certain: up to the range's first number; possible: on to its second.
            let certain = if time.up_to { 0 } else { from };
            let whole = span(0, to);
            painter.rect(
                whole,
                rounding,
                c.accent_soft,
                Stroke::new(2.0, c.accent),
                StrokeKind::Inside,
            );
            if certain > 0 {
                painter.rect_filled(span(0, certain), rounding, c.accent);
            }
            whole.right()
        }
    }
}

/// The axis under the rows: ticks in the unit, the unit's word as the rows write it, and
/// what zero is when the writer said.
fn axis(painter: &egui::Painter, c: &Palette, diagram: &Diagram, rect: Rect, longest: u32) {
    let font = FontId::proportional(theme::SMALL * 0.85);
    let y = rect.top() + 4.0;
    painter.line_segment(
        [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
        Stroke::new(2.0, c.text_muted),
    );
    let step = (longest as f32 / 8.0).ceil().max(1.0) as u32;
    for tick in (0..=longest).step_by(step as usize) {
        let x = rect.left() + rect.width() * tick as f32 / longest as f32;
        painter.line_segment(
            [Pos2::new(x, y - 6.0), Pos2::new(x, y + 6.0)],
            Stroke::new(2.0, c.text_muted),
        );
        painter.text(
            Pos2::new(x, y + 8.0),
            Align2::CENTER_TOP,
            tick.to_string(),
            font.clone(),
            c.text_muted,
        );
    }
    let unit = diagram.axis_unit();
    let word = diagram
        .rows
        .iter()
        .filter_map(|row| row.time.as_ref())
        .find(|time| time.unit == unit)
        .and_then(|time| time.text.split_whitespace().last())
        .unwrap_or_default();
    painter.text(
        Pos2::new(rect.right() + 12.0, y),
        Align2::LEFT_CENTER,
        word,
        font.clone(),
        c.text_muted,
    );
    if let Some(start) = &diagram.start {
        // Zero, named: a mark on the axis and the words under its number.
        painter.circle_filled(Pos2::new(rect.left(), y), 7.0, c.accent);
        painter.text(
            Pos2::new(rect.left(), y + 10.0 + theme::SMALL * 1.1),
            Align2::LEFT_TOP,
            start,
            font,
            c.text,
        );
    }
}

/// Numbered circles joined by a line, each with its caption: side by side where they fit,
/// else down the page.
fn steps(ui: &mut Ui, c: &Palette, diagram: &Diagram, width: f32) -> egui::Response {
    let count = diagram.rows.len().max(1);
    let across = width / count as f32 >= STEP_WIDTH && width >= NARROW;
    let radius = theme::BODY * 0.9;
    let font = FontId::proportional(theme::SMALL);
    let caption_width = if across {
        width / count as f32 - GAP * 2.0
    } else {
        width - radius * 2.0 - GAP * 2.0
    };
    let galleys: Vec<_> = diagram
        .rows
        .iter()
        .map(|row| {
            ui.painter()
                .layout(row.label.clone(), font.clone(), c.text, caption_width)
        })
        .collect();
    let height = if across {
        radius * 2.0 + GAP + galleys.iter().map(|g| g.size().y).fold(0.0, f32::max)
    } else {
        galleys
            .iter()
            .map(|g| g.size().y.max(radius * 2.0) + GAP)
            .sum()
    };
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter_at(rect.expand(2.0));
    let centres: Vec<Pos2> = if across {
        let column = width / count as f32;
        (0..count)
            .map(|i| Pos2::new(rect.left() + column * (i as f32 + 0.5), rect.top() + radius))
            .collect()
    } else {
        let mut y = rect.top();
        galleys
            .iter()
            .map(|g| {
                let centre = Pos2::new(rect.left() + radius, y + radius);
                y += g.size().y.max(radius * 2.0) + GAP;
                centre
            })
            .collect()
    };
    for pair in centres.windows(2) {
        painter.line_segment([pair[0], pair[1]], Stroke::new(4.0, c.accent_soft));
    }
    for (index, (centre, galley)) in centres.iter().zip(galleys).enumerate() {
        painter.circle(*centre, radius, c.accent, Stroke::new(3.0, c.surface));
        painter.text(
            *centre,
            Align2::CENTER_CENTER,
            (index + 1).to_string(),
            FontId::new(theme::BODY, theme::bold()),
            c.on_accent,
        );
        let at = if across {
            Pos2::new(centre.x - galley.size().x / 2.0, centre.y + radius + GAP)
        } else {
            Pos2::new(
                centre.x + radius + GAP,
                centre.y - radius.min(galley.size().y / 2.0),
            )
        };
        painter.galley(at, galley, c.text);
    }
    response
}
