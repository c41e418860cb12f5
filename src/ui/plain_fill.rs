//! Large plain areas (the inside of a card) filled by OpenGL's clear instead of shaded
//! triangles.
//!
//! On a machine without a graphics chip, Mesa's llvmpipe runs egui's shader for every
//! pixel a triangle covers: a texture read and a blend. Cards cover most of a reading
//! screen (in portrait nearly all of it), so while a page is dragged most of each frame's
//! time went to shading their plain insides (measured in docs/performance.md). A scissored
//! clear writes the same colour without a shader. egui still draws the rounded corners and
//! the outline, so the picture is the one egui would draw.
//!
//! Only where the window draws with OpenGL (the app says so each frame); elsewhere (the
//! tests' renderer), and for see-through colours or a fading screen, egui fills the whole
//! shape as usual.

use egui::epaint::{CornerRadius, RectShape, StrokeKind};
use egui::{Color32, Context, Id, Pos2, Rect, Shape, Stroke, Ui, Vec2, layers::ShapeIdx};

/// The app's word, each frame, that its window draws with OpenGL.
pub fn clears_with_opengl(ctx: &Context) {
    ctx.data_mut(|d| d.insert_temp(key(), true));
}

fn key() -> Id {
    Id::unique("plain_fill_by_clear")
}

fn by_clear(ctx: &Context) -> bool {
    ctx.data(|d| d.get_temp(key())).unwrap_or(false)
}

/// Places kept for a card's background and outline below what is drawn next, filled once
/// its size is known (as egui's `Frame` does): the cleared cross, the four corners, then
/// the outline; or egui's one shape for all.
pub struct Background {
    slots: Vec<ShapeIdx>,
}

/// Keeps the places for a background; the slots it needs depend on how it will be filled.
pub fn reserve(ui: &Ui) -> Background {
    let count = if by_clear(ui.ctx()) { 6 } else { 1 };
    let slots = (0..count).map(|_| ui.painter().add(Shape::Noop)).collect();
    Background { slots }
}

impl Background {
    /// Fills `rect`, rounded by `radius`, with `fill`, outlined inside by `stroke`.
    pub fn paint(self, ui: &Ui, rect: Rect, radius: u8, fill: Color32, stroke: Stroke) {
        let painter = ui.painter();
        let split = split(rect, f32::from(radius), ui.ctx().pixels_per_point());
        let radius = CornerRadius::same(radius);
        let plain = fill.is_opaque() && painter.opacity() >= 1.0;
        match (self.slots.as_slice(), split) {
            ([cross, corners @ .., outline], Some(split)) if plain => {
                painter.set(*cross, clear(split.cross, fill));
                // egui's own fill, seen only through each corner.
                let filled = RectShape::filled(rect, radius, fill);
                for (slot, corner) in corners.iter().zip(split.corners) {
                    painter.with_clip_rect(corner).set(*slot, filled.clone());
                }
                painter.set(
                    *outline,
                    RectShape::stroke(rect, radius, stroke, StrokeKind::Inside),
                );
            }
            (slots, _) => {
                let card = RectShape::new(rect, radius, fill, stroke, StrokeKind::Inside);
                painter.set(slots[0], card);
            }
        }
    }
}

/// A rounded rectangle cut up: a cross of two rectangles on whole pixels, clear of the
/// rounded corners, and the four corner squares (a pixel larger, so no seam shows).
#[derive(Debug, PartialEq)]
struct Split {
    cross: [Rect; 2],
    corners: [Rect; 4],
}

/// `None` when the rectangle is too small to leave a cross.
fn split(rect: Rect, radius: f32, pixels_per_point: f32) -> Option<Split> {
    let radius = radius.max(1.0);
    let snap = |v: f32, up: bool| {
        let px = v * pixels_per_point;
        (if up { px.ceil() } else { px.floor() }) / pixels_per_point
    };
    // Whole pixels within the rectangle, `inset` points in from its left and right and
    // `down` from its top and bottom.
    let within = |inset: f32, down: f32| {
        Rect::from_min_max(
            Pos2::new(
                snap(rect.min.x + inset, true),
                snap(rect.min.y + down, true),
            ),
            Pos2::new(
                snap(rect.max.x - inset, false),
                snap(rect.max.y - down, false),
            ),
        )
    };
    let cross = [within(0.0, radius), within(radius, 0.0)];
    if !cross.iter().all(|r| r.is_positive()) {
        return None;
    }
    let side = Vec2::splat(radius + 1.0 / pixels_per_point);
    let corners = [
        Rect::from_min_size(rect.min, side),
        Rect::from_min_size(Pos2::new(rect.max.x - side.x, rect.min.y), side),
        Rect::from_min_size(Pos2::new(rect.min.x, rect.max.y - side.y), side),
        Rect::from_min_size(rect.max - side, side),
    ];
    Some(Split { cross, corners })
}

/// A shape that clears `rects` (whole pixels) to `fill`, within the clip rectangle.
fn clear(rects: [Rect; 2], fill: Color32) -> Shape {
    use eframe::egui_glow::CallbackFn;
    use eframe::glow::{self, HasContext as _};
    use egui::epaint::ViewportInPixels;
    let [r, g, b, a] = fill.to_normalized_gamma_f32();
    let callback = CallbackFn::new(move |info, painter| {
        let gl = painter.gl();
        // In pixels, rounded as egui rounds its own clip rectangle.
        let clip = info.clip_rect_in_pixels();
        for rect in rects {
            let area =
                ViewportInPixels::from_points(&rect, info.pixels_per_point, info.screen_size_px);
            let left = area.left_px.max(clip.left_px);
            let right = (area.left_px + area.width_px).min(clip.left_px + clip.width_px);
            let bottom = area.from_bottom_px.max(clip.from_bottom_px);
            let top =
                (area.from_bottom_px + area.height_px).min(clip.from_bottom_px + clip.height_px);
            if right <= left || top <= bottom {
                continue;
            }
            // SAFETY: plain state calls on egui's own context, on its thread, inside its
            // paint pass; egui sets its state again after a callback.
            unsafe {
                gl.scissor(left, bottom, right - left, top - bottom);
                gl.clear_color(r, g, b, a);
                gl.clear(glow::COLOR_BUFFER_BIT);
            }
        }
    });
    Shape::Callback(egui::PaintCallback {
        rect: rects[0].union(rects[1]),
        callback: std::sync::Arc::new(callback),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cross_is_on_whole_pixels_clear_of_the_corners_which_cover_the_rest() {
        let rect = Rect::from_min_max(Pos2::new(32.3, 289.0), Pos2::new(1010.0, 740.6));
        for ppp in [1.0, 1.5, 2.0] {
            let s = split(rect, 18.0, ppp).expect("room for a cross");
            for r in s.cross {
                assert!(rect.contains_rect(r), "{ppp}: {r:?}");
                for v in [r.min.x, r.min.y, r.max.x, r.max.y] {
                    let px = v * ppp;
                    assert!(
                        (px - px.round()).abs() < 1e-3,
                        "{ppp}: {v} is not on a pixel"
                    );
                }
            }
            // Nothing cleared in a corner square's rounded part...
            for corner in s.corners {
                let rounded = corner.shrink(1.0);
                assert!(s.cross.iter().all(|r| !r.intersects(rounded.shrink(1.0))));
            }
            // ...and the corners reach past the cross, so every pixel of the card is filled.
            let [across, down] = s.cross;
            assert!(s.corners[0].max.y > across.min.y && s.corners[0].max.x > down.min.x);
            assert!(s.corners[3].min.y < across.max.y && s.corners[3].min.x < down.max.x);
        }
    }

    /// The shapes one frame paints for a card of `fill`, with the clear said to be there or not.
    fn card_shapes(opengl: bool, fill: Color32) -> Vec<Shape> {
        let ctx = Context::default();
        let mut output = ctx.run_ui(Default::default(), |ui| {
            if opengl {
                clears_with_opengl(ui.ctx());
            }
            let rect = Rect::from_min_size(Pos2::new(10.0, 10.0), egui::vec2(400.0, 300.0));
            reserve(ui).paint(ui, rect, 18, fill, Stroke::new(1.0, Color32::GRAY));
        });
        output.textures_delta.clear();
        output
            .shapes
            .into_iter()
            .map(|clipped| clipped.shape)
            .collect()
    }

    fn cleared(shapes: &[Shape]) -> bool {
        shapes.iter().any(|s| matches!(s, Shape::Callback(_)))
    }

    #[test]
    fn only_an_opaque_card_on_opengl_is_cleared() {
        let plain = Color32::from_rgb(255, 253, 249);
        assert!(cleared(&card_shapes(true, plain)));
        assert!(!cleared(&card_shapes(false, plain)));
        let see_through = Color32::from_rgba_unmultiplied(255, 253, 249, 128);
        assert!(!cleared(&card_shapes(true, see_through)));
        // Without the clear, one shape fills and outlines the card, as egui's Frame did.
        let shapes = card_shapes(false, plain);
        assert!(
            shapes
                .iter()
                .any(|s| matches!(s, Shape::Rect(r) if r.fill == plain && r.stroke.width == 1.0))
        );
    }

    #[test]
    fn a_rectangle_without_an_inside_is_not_split() {
        let thin = Rect::from_min_size(Pos2::ZERO, egui::vec2(400.0, 30.0));
        assert_eq!(split(thin, 18.0, 1.0), None);
    }
}
