//! The few building blocks every screen shares: buttons, cards, the top bar and a
//! scroll area that follows a finger (or a mouse, as X11 reports touch).

use egui::containers::scroll_area::{DragScroll, ScrollSource};
use egui::{
    Align, Button, Frame, Layout, Margin, Response, RichText, ScrollArea, Sense, Stroke, Ui, Vec2,
    WidgetInfo,
};

use super::theme;
use crate::content::Strings;
use crate::session::{Screen, Session};

/// The main action of a view: filled with the accent colour.
pub fn primary_button(ui: &mut Ui, text: &str, enabled: bool) -> Response {
    let label = RichText::new(text)
        .size(theme::BUTTON)
        .color(theme::ON_ACCENT);
    ui.add_enabled(
        enabled,
        Button::new(label)
            .fill(theme::ACCENT)
            .stroke(Stroke::NONE)
            .min_size(Vec2::new(200.0, 76.0)),
    )
}

/// Every other button: quiet, outlined.
pub fn secondary_button(ui: &mut Ui, text: &str, enabled: bool) -> Response {
    let label = RichText::new(text).size(theme::BUTTON).color(theme::ACCENT);
    ui.add_enabled(
        enabled,
        Button::new(label)
            .fill(theme::SURFACE)
            .stroke(Stroke::new(2.0, theme::ACCENT))
            .min_size(Vec2::new(160.0, theme::TOUCH + 8.0)),
    )
}

/// A rounded card of reading matter.
pub fn card<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    Frame::new()
        .fill(theme::SURFACE)
        .stroke(Stroke::new(1.0, theme::BORDER))
        .corner_radius(theme::ROUNDING)
        .inner_margin(Margin::symmetric(36, 28))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        })
        .inner
}

/// A large tappable panel with a title and a line under it (Home tiles, contents rows).
/// `badge` replaces the note and greys the tile out when the tile cannot be used yet.
pub fn tile(ui: &mut Ui, size: Vec2, title: &str, note: &str, badge: Option<&str>) -> Response {
    let enabled = badge.is_none();
    let (rect, response) = ui.allocate_exact_size(
        size,
        if enabled {
            Sense::click()
        } else {
            Sense::hover()
        },
    );
    response.widget_info(|| {
        let name = badge.map_or_else(|| title.to_owned(), |badge| format!("{title} ({badge})"));
        WidgetInfo::labeled(egui::Role::Button, enabled, name)
    });
    if ui.is_rect_visible(rect) {
        panel_background(ui, rect, enabled, response.is_pointer_button_down_on());
        let painter = ui.painter();
        // Painted, not laid out as child labels: the tile is one button to touch and to
        // a screen reader, and nothing on top of it can take its tap.
        let inner = rect.shrink2(Vec2::new(36.0, 30.0));
        let title_color = if enabled {
            theme::ACCENT
        } else {
            theme::TEXT_MUTED
        };
        let title = painter.layout(
            title.to_owned(),
            egui::FontId::new(theme::TITLE, theme::display()),
            title_color,
            inner.width(),
        );
        let note = painter.layout(
            badge.unwrap_or(note).to_owned(),
            egui::FontId::proportional(theme::BODY),
            theme::TEXT_MUTED,
            inner.width(),
        );
        let height = title.size().y + 8.0 + note.size().y;
        let title_pos = egui::pos2(inner.left(), inner.center().y - height / 2.0);
        let note_pos = title_pos + Vec2::new(0.0, title.size().y + 8.0);
        painter.galley(title_pos, title, title_color);
        painter.galley(note_pos, note, theme::TEXT_MUTED);
    }
    response
}

/// A full-width row that wraps its text (FAQ questions, guide contents), with a short
/// marker on the right such as `+`. `highlighted` marks the open or current row.
pub fn list_row(ui: &mut Ui, text: &str, marker: &str, highlighted: bool) -> Response {
    let width = ui.available_width();
    let padding = Vec2::new(32.0, 20.0);
    let marker_width = 56.0;
    let galley = ui.painter().layout(
        text.to_owned(),
        egui::FontId::new(theme::BUTTON, theme::bold()),
        theme::TEXT,
        width - 2.0 * padding.x - marker_width,
    );
    let height = (galley.size().y + 2.0 * padding.y).max(theme::TOUCH + 20.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        panel_background(
            ui,
            rect,
            true,
            highlighted || response.is_pointer_button_down_on(),
        );
        let painter = ui.painter();
        let text_pos = egui::pos2(
            rect.left() + padding.x,
            rect.center().y - galley.size().y / 2.0,
        );
        painter.galley(text_pos, galley, theme::TEXT);
        painter.text(
            egui::pos2(rect.right() - padding.x, rect.center().y),
            egui::Align2::RIGHT_CENTER,
            marker,
            egui::FontId::new(theme::TITLE, theme::bold()),
            theme::ACCENT,
        );
    }
    response
}

/// The rounded background of a tile or row: muted when it cannot be used, lit in the
/// accent colour while pressed or when it marks the current choice.
fn panel_background(ui: &Ui, rect: egui::Rect, enabled: bool, lit: bool) {
    let (fill, stroke) = match (enabled, lit) {
        (false, _) => (theme::SURFACE_MUTED, theme::BORDER),
        (true, true) => (theme::ACCENT_SOFT, theme::ACCENT),
        (true, false) => (theme::SURFACE, theme::BORDER),
    };
    ui.painter().rect(
        rect,
        theme::ROUNDING,
        fill,
        Stroke::new(1.5, stroke),
        egui::StrokeKind::Inside,
    );
}

/// The bar at the top of every screen but Home: Home on the left, the screen's title,
/// and room on the right for the screen's own button.
pub fn top_bar(
    ui: &mut Ui,
    strings: &Strings,
    title: &str,
    session: &mut Session,
    right: impl FnOnce(&mut Ui, &mut Session),
) {
    egui::Panel::top("top_bar")
        .frame(bar_frame())
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if secondary_button(ui, &strings.home, true).clicked() {
                    session.go(Screen::Home);
                }
                ui.add_space(24.0);
                ui.label(
                    RichText::new(title)
                        .family(theme::display())
                        .size(theme::TITLE)
                        .color(theme::TEXT),
                );
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    right(ui, session)
                });
            });
        });
}

/// A vertical scroll area that scrolls by dragging anywhere, with a mouse as well as
/// a finger, and starts at the top on a fresh view.
pub fn scroll<R>(ui: &mut Ui, id: &str, fresh_view: bool, add: impl FnOnce(&mut Ui) -> R) -> R {
    let mut area = ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink(false)
        .scroll_source(ScrollSource {
            drag: DragScroll::Always,
            ..ScrollSource::default()
        });
    if fresh_view {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, add).inner
}

/// A centred column no wider than is comfortable to read.
pub fn reading_column<R>(ui: &mut Ui, max_width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let width = ui.available_width().min(max_width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
    })
    .inner
}

/// The screen's outer margin: generous on a wide screen, tighter on a narrow one.
pub fn page_margin(ui: &Ui) -> Margin {
    let side = if ui.available_width() > 1400.0 {
        64
    } else {
        32
    };
    Margin::symmetric(side, 28)
}

/// The frame of the bars above and below a screen's body.
pub fn bar_frame() -> Frame {
    Frame::new()
        .fill(theme::BACKGROUND)
        .inner_margin(Margin::symmetric(40, 18))
        .stroke(Stroke::new(1.0, theme::BORDER))
}

/// The body of a screen: what is left between its bars, with the page margin.
pub fn body<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let margin = page_margin(ui);
    egui::CentralPanel::no_frame()
        .frame(Frame::new().fill(theme::BACKGROUND).inner_margin(margin))
        .show(ui, add)
        .inner
}
