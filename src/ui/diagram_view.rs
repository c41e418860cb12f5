//! Draws the diagrams of [`crate::content::diagram`] with egui's painter, in the look's
//! colours, at the zoom the text size sets: rows on a time axis (timeline, bars) and
//! numbered steps. No text is parsed here; the words on screen are the diagram's own.
//! The whole drawing is one image in the accessibility tree, named by its description.

use std::sync::Arc;

use egui::epaint::{CircleShape, RectShape};
use egui::{
    Align2, Color32, Context, CornerRadius, FontId, Galley, Id, Pos2, Rect, Sense, Shape, Stroke,
    StrokeKind, Ui, Vec2, WidgetInfo,
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
    let drawing = drawing(ui.ctx(), c, diagram, ui.available_width());
    let (rect, response) = ui.allocate_exact_size(drawing.size, Sense::hover());
    if ui.is_rect_visible(rect) {
        let mut shape = Shape::Vec(drawing.shapes.clone());
        shape.translate(rect.min.to_vec2());
        ui.painter_at(rect.expand(2.0)).add(shape);
    }
    response.widget_info(|| {
        WidgetInfo::labeled(egui::accesskit::Role::Image, true, &drawing.description)
    });
}

/// A diagram as drawn at one width, in one look and at one zoom: its size, its shapes
/// from its top-left corner and its description. Built when one of those changes, then
/// only placed on screen each frame.
struct Drawing {
    made: Made,
    size: Vec2,
    shapes: Vec<Shape>,
    description: String,
}

/// What a drawing was built from; a different one builds it again.
struct Made {
    diagram: Diagram,
    palette: Palette,
    width: f32,
    pixels_per_point: f32,
}

/// The diagram's drawing, from egui's memory (cleared with the visitor) or built now.
fn drawing(ctx: &Context, c: &Palette, diagram: &Diagram, width: f32) -> Arc<Drawing> {
    let pixels_per_point = ctx.pixels_per_point();
    // The same diagram by place in memory; `Made` tells a reloaded one at the same place.
    let id = Id::unique(("diagram", std::ptr::from_ref(diagram) as usize));
    let kept: Option<Arc<Drawing>> = ctx.data(|d| d.get_temp(id));
    if let Some(drawing) = kept {
        let made = &drawing.made;
        if made.diagram == *diagram
            && made.palette == *c
            && made.width == width
            && made.pixels_per_point == pixels_per_point
        {
            return drawing;
        }
    }
    let mut sketch = Sketch {
        ctx,
        shapes: Vec::new(),
    };
    let size = match diagram.kind {
        Kind::Timeline | Kind::Bars => rows(&mut sketch, c, diagram, width),
        Kind::Steps => steps(&mut sketch, c, diagram, width),
    };
    let drawing = Arc::new(Drawing {
        made: Made {
            diagram: diagram.clone(),
            palette: *c,
            width,
            pixels_per_point,
        },
        size,
        shapes: sketch.shapes,
        description: diagram.description(),
    });
    ctx.data_mut(|d| d.insert_temp(id, drawing.clone()));
    drawing
}

/// Shapes collected for a drawing, with egui's fonts to set its words.
struct Sketch<'a> {
    ctx: &'a Context,
    shapes: Vec<Shape>,
}

impl Sketch<'_> {
    fn layout(&self, text: &str, font: FontId, color: Color32, wrap: f32) -> Arc<Galley> {
        self.ctx
            .fonts_mut(|f| f.layout(text.to_owned(), font, color, wrap))
    }

    fn galley(&mut self, at: Pos2, galley: Arc<Galley>, color: Color32) {
        self.shapes.push(Shape::galley(at, galley, color));
    }

    fn text(&mut self, at: Pos2, align: Align2, text: &str, font: FontId, color: Color32) {
        let galley = self.layout(text, font, color, f32::INFINITY);
        let rect = align.anchor_size(at, galley.size());
        self.galley(rect.min, galley, color);
    }

    fn add(&mut self, shape: impl Into<Shape>) {
        self.shapes.push(shape.into());
    }
}

/// Each row's label and its time on one axis, in the largest unit any row uses.
fn rows(sketch: &mut Sketch<'_>, c: &Palette, diagram: &Diagram, width: f32) -> Vec2 {
    let narrow = width < NARROW;
    let label_width = if narrow { width } else { width * 0.36 };
    let font = FontId::proportional(theme::BODY * 0.9);
    let galleys: Vec<_> = diagram
        .rows
        .iter()
        .map(|row| sketch.layout(&row.label, font.clone(), c.text, label_width - GAP))
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
    let size = Vec2::new(width, height);
    let rect = Rect::from_min_size(Pos2::ZERO, size);
    let times: Vec<_> = diagram
        .rows
        .iter()
        .map(|row| {
            let text = row.time.as_ref().map_or("", |time| time.text.as_str());
            sketch.layout(text, font.clone(), c.text_muted, f32::INFINITY)
        })
        .collect();
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
            sketch.galley(Pos2::new(rect.left(), y), galley.clone(), c.text);
            y + galley.size().y + 6.0
        } else {
            let label_y = y + (row_height - galley.size().y) / 2.0;
            sketch.galley(Pos2::new(rect.left(), label_y), galley.clone(), c.text);
            y + (row_height - BAR) / 2.0
        };
        let bar_end = bar(sketch, c, diagram.kind, time, bar_top, &x_of);
        let at = Pos2::new(bar_end + 10.0, bar_top + (BAR - time_galley.size().y) / 2.0);
        sketch.galley(at, time_galley, c.text_muted);
        y += row_height + GAP;
    }
    axis(
        sketch,
        c,
        diagram,
        Rect::from_x_y_ranges(bars_left..=bars_right, y..=rect.bottom()),
        longest as u32,
    );
    size
}

/// One row's time: a span or a point on a timeline; a bar from zero, its uncertain part
/// outlined, for bars. Returns where it ends.
fn bar(
    sketch: &mut Sketch<'_>,
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
            sketch.add(CircleShape::filled(centre, BAR / 2.0, c.accent));
            centre.x + BAR / 2.0
        }
        Kind::Timeline => {
            let rect = span(from, to);
            sketch.add(RectShape::filled(rect, rounding, c.accent));
            rect.right()
        }
        _ => {
            // Certain: up to the range's first number; possible: on to its second.
            let certain = if time.up_to { 0 } else { from };
            let whole = span(0, to);
            sketch.add(RectShape::new(
                whole,
                rounding,
                c.accent_soft,
                Stroke::new(2.0, c.accent),
                StrokeKind::Inside,
            ));
            if certain > 0 {
                sketch.add(RectShape::filled(span(0, certain), rounding, c.accent));
            }
            whole.right()
        }
    }
}

/// The axis under the rows: ticks in the unit, the unit's word as the rows write it, and
/// what zero is when the writer said.
fn axis(sketch: &mut Sketch<'_>, c: &Palette, diagram: &Diagram, rect: Rect, longest: u32) {
    let font = FontId::proportional(theme::SMALL * 0.85);
    let y = rect.top() + 4.0;
    sketch.add(Shape::line_segment(
        [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
        Stroke::new(2.0, c.text_muted),
    ));
    let step = (longest as f32 / 8.0).ceil().max(1.0) as u32;
    for tick in (0..=longest).step_by(step as usize) {
        let x = rect.left() + rect.width() * tick as f32 / longest as f32;
        sketch.add(Shape::line_segment(
            [Pos2::new(x, y - 6.0), Pos2::new(x, y + 6.0)],
            Stroke::new(2.0, c.text_muted),
        ));
        sketch.text(
            Pos2::new(x, y + 8.0),
            Align2::CENTER_TOP,
            &tick.to_string(),
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
    sketch.text(
        Pos2::new(rect.right() + 12.0, y),
        Align2::LEFT_CENTER,
        word,
        font.clone(),
        c.text_muted,
    );
    if let Some(start) = &diagram.start {
        // Zero, named: a mark on the axis and the words under its number.
        sketch.add(CircleShape::filled(
            Pos2::new(rect.left(), y),
            7.0,
            c.accent,
        ));
        sketch.text(
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
fn steps(sketch: &mut Sketch<'_>, c: &Palette, diagram: &Diagram, width: f32) -> Vec2 {
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
        .map(|row| sketch.layout(&row.label, font.clone(), c.text, caption_width))
        .collect();
    let height = if across {
        radius * 2.0 + GAP + galleys.iter().map(|g| g.size().y).fold(0.0, f32::max)
    } else {
        galleys
            .iter()
            .map(|g| g.size().y.max(radius * 2.0) + GAP)
            .sum()
    };
    let size = Vec2::new(width, height);
    let rect = Rect::from_min_size(Pos2::ZERO, size);
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
        sketch.add(Shape::line_segment(
            [pair[0], pair[1]],
            Stroke::new(4.0, c.accent_soft),
        ));
    }
    for (index, (centre, galley)) in centres.iter().zip(galleys).enumerate() {
        sketch.add(CircleShape {
            center: *centre,
            radius,
            fill: c.accent,
            stroke: Stroke::new(3.0, c.surface),
        });
        sketch.text(
            *centre,
            Align2::CENTER_CENTER,
            &(index + 1).to_string(),
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
        sketch.galley(at, galley, c.text);
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::{HIGH_CONTRAST, STANDARD};

    /// The drawing each call gets, on a context that has drawn one frame (so it has fonts).
    fn drawings(calls: &[(&Palette, f32)], diagram: &Diagram) -> Vec<Arc<Drawing>> {
        let ctx = Context::default();
        let mut out = Vec::new();
        let mut output = ctx.run_ui(Default::default(), |ui| {
            for (palette, width) in calls {
                out.push(drawing(ui.ctx(), palette, diagram, *width));
            }
        });
        output.textures_delta.clear();
        out
    }

    #[test]
    fn a_drawing_is_built_once_per_layout_and_again_when_it_changes() {
        let diagram = Diagram::parse(
            "timeline",
            "start: First session\nNext session | 4–6 weeks",
            1,
        )
        .expect("a diagram");
        let d = drawings(
            &[
                (&STANDARD, 900.0),
                (&STANDARD, 900.0),
                (&STANDARD, 600.0),
                (&HIGH_CONTRAST, 600.0),
                (&HIGH_CONTRAST, 600.0),
            ],
            &diagram,
        );
        assert!(Arc::ptr_eq(&d[0], &d[1]), "the same layout is built once");
        assert!(
            !Arc::ptr_eq(&d[1], &d[2]),
            "a narrower column lays it out again"
        );
        assert!(!Arc::ptr_eq(&d[2], &d[3]), "another look draws it again");
        assert!(Arc::ptr_eq(&d[3], &d[4]));
        assert!(!d[0].shapes.is_empty());
        assert_eq!(d[0].description, diagram.description());
    }
}
