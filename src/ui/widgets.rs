//! The few building blocks every screen shares: buttons, cards, the top bar and a
//! scroll area that follows a finger (or a mouse, as X11 reports touch).

use egui::containers::scroll_area::{DragScroll, ScrollBarVisibility, ScrollSource};
use egui::{
    Align, Button, Color32, Frame, Layout, Margin, Response, RichText, ScrollArea, Sense, Stroke,
    Ui, Vec2, WidgetInfo,
};

use super::plain_fill;
use super::theme::{self, Palette, TextSize};
use crate::content::strings::fill;

/// The main action of a view: filled with the accent colour.
pub fn primary_button(ui: &mut Ui, c: &Palette, text: &str, enabled: bool) -> Response {
    let label = RichText::new(text).size(theme::BUTTON).color(c.on_accent);
    ui.add_enabled(
        enabled,
        Button::new(label)
            .fill(c.accent)
            .stroke(Stroke::NONE)
            .min_size(Vec2::new(200.0, 76.0)),
    )
}

/// Every other button: quiet, outlined.
pub fn secondary_button(ui: &mut Ui, c: &Palette, text: &str, enabled: bool) -> Response {
    let label = RichText::new(text).size(theme::BUTTON).color(c.accent);
    ui.add_enabled(
        enabled,
        Button::new(label)
            .fill(c.surface)
            .stroke(Stroke::new(2.0, c.accent))
            .min_size(Vec2::new(160.0, theme::TOUCH + 8.0)),
    )
}

/// A button that stays pressed while its choice is on (a language, high contrast).
pub fn toggle_button(ui: &mut Ui, c: &Palette, text: &str, selected: bool) -> Response {
    let label = RichText::new(text).size(theme::BUTTON).color(if selected {
        c.on_accent
    } else {
        c.accent
    });
    ui.add(
        Button::new(label)
            .selected(selected)
            .fill(if selected { c.accent } else { c.surface })
            .stroke(Stroke::new(2.0, c.accent))
            .min_size(Vec2::new(160.0, theme::TOUCH + 8.0)),
    )
}

/// A rounded card of reading matter.
pub fn card<R>(ui: &mut Ui, c: &Palette, add: impl FnOnce(&mut Ui) -> R) -> R {
    let mut inner = None;
    card_with(ui, c.surface, Stroke::new(1.0, c.border), |ui| {
        inner = Some(add(ui));
    });
    inner.expect("the card's contents were drawn")
}

/// A card in other colours (one set apart); its response, to bring it into view.
pub fn card_with(
    ui: &mut Ui,
    fill: Color32,
    stroke: Stroke,
    add: impl FnOnce(&mut Ui),
) -> Response {
    // The outline is painted with the fill, so its width joins the margin, as egui's
    // Frame counts it.
    let background = plain_fill::reserve(ui);
    let outline = stroke.width.round() as i8;
    let response = Frame::new()
        .inner_margin(Margin::symmetric(36 + outline, 28 + outline))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        })
        .response;
    background.paint(ui, response.rect, theme::ROUNDING, fill, stroke);
    response
}

/// How a tile's words are set: their size, and the room above and below them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TileWords {
    /// Full size, for a tall screen.
    Large,
    /// A size down, for a short screen.
    Small,
    /// A size down with half the room around them, for a tablet whose Home would not
    /// show every choice otherwise.
    Tight,
}

impl TileWords {
    fn padding(self) -> Vec2 {
        match self {
            TileWords::Tight => Vec2::new(TILE_PADDING.x, TILE_PADDING.y / 2.0),
            TileWords::Large | TileWords::Small => TILE_PADDING,
        }
    }
}

/// A large tappable panel with a title and a line under it (the Home doors). An
/// `accent` tile is filled with the accent colour, for the one action that matters most.
pub fn tile(
    ui: &mut Ui,
    c: &Palette,
    size: Vec2,
    (title, note): (&str, &str),
    accent: bool,
    words: TileWords,
) -> Response {
    let (title_color, note_color) = if accent {
        (c.on_accent, c.on_accent)
    } else {
        (c.accent, c.text_muted)
    };
    // Painted, not laid out as child labels: the tile is one button to touch and to a
    // screen reader, and nothing on top of it can take its tap.
    let (title_galley, note_galley) =
        tile_text(ui, size.x, (title, note), (title_color, note_color), words);
    let text_height = title_galley.size().y + 8.0 + note_galley.size().y;
    // Never shorter than its text, whatever the text size.
    let size = Vec2::new(size.x, size.y.max(text_height + 2.0 * words.padding().y));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, title));
    if ui.is_rect_visible(rect) {
        let pressed = response.is_pointer_button_down_on();
        if accent {
            let fill = if pressed { c.accent_pressed } else { c.accent };
            ui.painter().rect_filled(rect, theme::ROUNDING, fill);
        } else {
            panel_background(ui, c, rect, pressed);
        }
        let title_pos = egui::pos2(
            rect.left() + TILE_PADDING.x,
            rect.center().y - text_height / 2.0,
        );
        let note_pos = title_pos + Vec2::new(0.0, title_galley.size().y + 8.0);
        let painter = ui.painter();
        painter.galley(title_pos, title_galley, title_color);
        painter.galley(note_pos, note_galley, note_color);
    }
    response
}

const TILE_PADDING: Vec2 = Vec2::new(36.0, 20.0);

/// The height a tile of `width` needs for its text, so a row of tiles can share it.
pub fn tile_height(ui: &Ui, width: f32, text: (&str, &str), words: TileWords) -> f32 {
    let (title, note) = tile_text(ui, width, text, (Color32::BLACK, Color32::BLACK), words);
    title.size().y + 8.0 + note.size().y + 2.0 * words.padding().y
}

fn tile_text(
    ui: &Ui,
    width: f32,
    (title, note): (&str, &str),
    (title_color, note_color): (Color32, Color32),
    words: TileWords,
) -> (std::sync::Arc<egui::Galley>, std::sync::Arc<egui::Galley>) {
    let text_width = width - 2.0 * TILE_PADDING.x;
    let (title_size, note_size) = match words {
        TileWords::Large => (theme::TITLE, theme::BODY),
        TileWords::Small | TileWords::Tight => (theme::TITLE * 0.85, theme::SMALL),
    };
    let title = ui.painter().layout(
        title.to_owned(),
        egui::FontId::new(title_size, theme::display()),
        title_color,
        text_width,
    );
    let note = ui.painter().layout(
        note.to_owned(),
        egui::FontId::proportional(note_size),
        note_color,
        text_width,
    );
    (title, note)
}

/// What a [`list_row`] shows at its right end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// Opens something: a page, the next question.
    Arrow,
    /// Opens an answer below.
    Open,
    /// Closes the answer below.
    Close,
    /// An answer not chosen, among several that may be.
    Unchecked,
    /// A chosen answer.
    Check,
}

/// A full-width row that wraps its text (FAQ questions, guide contents, answers), with a
/// marker at its right end. `highlighted` marks the open, current or chosen row.
pub fn list_row(
    ui: &mut Ui,
    c: &Palette,
    text: &str,
    marker: Marker,
    highlighted: bool,
) -> Response {
    row(ui, c, text, marker, highlighted, theme::TOUCH + 20.0)
}

fn row(
    ui: &mut Ui,
    c: &Palette,
    text: &str,
    marker: Marker,
    highlighted: bool,
    min_height: f32,
) -> Response {
    let width = ui.available_width();
    let padding = Vec2::new(32.0, 20.0);
    let marker_width = 56.0;
    let galley = ui.painter().layout(
        text.to_owned(),
        egui::FontId::new(theme::BUTTON, theme::bold()),
        c.text,
        width - 2.0 * padding.x - marker_width,
    );
    let height = (galley.size().y + 2.0 * padding.y).max(min_height);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        panel_background(
            ui,
            c,
            rect,
            highlighted || response.is_pointer_button_down_on(),
        );
        let painter = ui.painter();
        let text_pos = egui::pos2(
            rect.left() + padding.x,
            rect.center().y - galley.size().y / 2.0,
        );
        painter.galley(text_pos, galley, c.text);
        let centre = egui::pos2(rect.right() - padding.x - 14.0, rect.center().y);
        paint_marker(painter, c, centre, marker);
    }
    response
}

/// Markers are drawn, not typed: the bundled fonts lack some of these symbols.
fn paint_marker(painter: &egui::Painter, c: &Palette, centre: egui::Pos2, marker: Marker) {
    let stroke = Stroke::new(3.5, c.accent);
    let r = 10.0;
    let lines: &[[Vec2; 2]] = match marker {
        Marker::Arrow => &[
            [Vec2::new(-4.0, -r), Vec2::new(4.0, 0.0)],
            [Vec2::new(4.0, 0.0), Vec2::new(-4.0, r)],
        ],
        Marker::Open => &[
            [Vec2::new(-r, 0.0), Vec2::new(r, 0.0)],
            [Vec2::new(0.0, -r), Vec2::new(0.0, r)],
        ],
        Marker::Close => &[[Vec2::new(-r, 0.0), Vec2::new(r, 0.0)]],
        Marker::Check => &[
            [Vec2::new(-r, 0.0), Vec2::new(-3.0, 7.0)],
            [Vec2::new(-3.0, 7.0), Vec2::new(r + 2.0, -9.0)],
        ],
        Marker::Unchecked => &[],
    };
    if marker == Marker::Unchecked {
        let square = egui::Rect::from_center_size(centre, Vec2::splat(26.0));
        painter.rect_stroke(
            square,
            6.0,
            Stroke::new(2.5, stroke.color),
            egui::StrokeKind::Inside,
        );
    }
    for [from, to] in lines {
        painter.line_segment([centre + *from, centre + *to], stroke);
    }
}

/// A statement that opens its source: its text, and a "Read more" tag at its right end.
/// The whole row is one button, named by both, so a finger or a screen reader finds it.
pub fn source_row(ui: &mut Ui, c: &Palette, text: &str, read_more: &str) -> Response {
    let width = ui.available_width();
    let gap = 20.0;
    let tag = ui.painter().layout_no_wrap(
        read_more.to_owned(),
        egui::FontId::new(theme::SMALL, theme::bold()),
        c.accent,
    );
    let tag_size = tag.size() + Vec2::new(32.0, 16.0);
    let galley = ui.painter().layout(
        text.to_owned(),
        egui::FontId::proportional(theme::BODY),
        c.text,
        width - tag_size.x - gap - 8.0,
    );
    let height = (galley.size().y + 16.0).max(theme::TOUCH);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| {
        WidgetInfo::labeled(egui::Role::Button, true, format!("{text} {read_more}"))
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if response.is_pointer_button_down_on() {
            painter.rect_filled(rect, theme::ROUNDING, c.accent_soft);
        }
        let text_pos = egui::pos2(rect.left() + 4.0, rect.center().y - galley.size().y / 2.0);
        painter.galley(text_pos, galley, c.text);
        let tag_rect = egui::Rect::from_min_size(
            egui::pos2(
                rect.right() - tag_size.x,
                rect.center().y - tag_size.y / 2.0,
            ),
            tag_size,
        );
        painter.rect(
            tag_rect,
            tag_size.y / 2.0,
            c.surface,
            Stroke::new(2.0, c.accent),
            egui::StrokeKind::Inside,
        );
        painter.galley(tag_rect.min + Vec2::new(16.0, 8.0), tag, c.accent);
    }
    response
}

/// A [`list_row`] that is an answer: screen readers hear whether it is chosen.
/// `several` marks a question where more than one answer may be chosen.
pub fn choice_row(
    ui: &mut Ui,
    c: &Palette,
    text: &str,
    marker: Marker,
    chosen: bool,
    several: bool,
) -> Response {
    // Taller than a list row: answering is the whole screen's purpose.
    let response = row(ui, c, text, marker, chosen, 1.75 * theme::TOUCH);
    let role = if several {
        egui::Role::CheckBox
    } else {
        egui::Role::RadioButton
    };
    response.widget_info(|| WidgetInfo::selected(role, true, chosen, text));
    response
}

/// The rounded background of a tile or row, lit in the accent colour while pressed or
/// when it marks the current choice.
fn panel_background(ui: &Ui, c: &Palette, rect: egui::Rect, lit: bool) {
    let (fill, stroke) = if lit {
        (c.accent_soft, c.accent)
    } else {
        (c.surface, c.border)
    };
    ui.painter().rect(
        rect,
        theme::ROUNDING,
        fill,
        Stroke::new(1.5, stroke),
        egui::StrokeKind::Inside,
    );
}

/// The bar at the top of every screen but Home: a way back on the left (usually Home),
/// the screen's title, and room on the right for the screen's own buttons. On a narrow
/// screen (portrait, or large text) the title gets a row of its own. Returns true when the
/// way back was tapped.
pub fn top_bar(
    ui: &mut Ui,
    c: &Palette,
    back: &str,
    title: &str,
    right: impl FnOnce(&mut Ui),
) -> bool {
    egui::Panel::top("top_bar")
        .frame(bar_frame(c))
        .show(ui, |ui| {
            let title = RichText::new(title)
                .family(theme::display())
                .size(theme::TITLE)
                .color(c.text);
            if ui.available_width() >= 1100.0 {
                ui.horizontal(|ui| {
                    let back = secondary_button(ui, c, back, true).clicked();
                    ui.add_space(24.0);
                    ui.label(title);
                    ui.with_layout(Layout::right_to_left(Align::Center), right);
                    back
                })
                .inner
            } else {
                // Narrow: the buttons wrap onto as many rows as they need, then the title.
                let back = ui
                    .horizontal_wrapped(|ui| {
                        let back = secondary_button(ui, c, back, true).clicked();
                        right(ui);
                        back
                    })
                    .inner;
                ui.add(egui::Label::new(title).wrap());
                back
            }
        })
        .inner
}

/// The persistent "larger text" control: each tap asks for the next size.
pub fn text_size_button(
    ui: &mut Ui,
    c: &Palette,
    template: &str,
    size: TextSize,
) -> Option<TextSize> {
    let label = fill(template, &[("n", &size.percent().to_string())]);
    secondary_button(ui, c, &label, true)
        .clicked()
        .then(|| size.next())
}

/// A vertical scroll area that scrolls by dragging anywhere, with a mouse as well as
/// a finger, and starts at the top on a fresh view.
pub fn scroll<R>(ui: &mut Ui, id: &str, fresh_view: bool, add: impl FnOnce(&mut Ui) -> R) -> R {
    scroll_with(
        ui,
        id,
        fresh_view,
        ScrollBarVisibility::VisibleWhenNeeded,
        add,
    )
}

/// [`scroll`] for a reading screen: the bar and its room are always there. Shown only when
/// needed (egui's default), a new scroll area's first frame is laid out 38 px wider, then
/// the bar animates in over the next frames and the centred column slides 19 px left, so
/// a page's first picture is never its final one.
pub fn reading_scroll<R>(
    ui: &mut Ui,
    id: &str,
    fresh_view: bool,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    scroll_with(ui, id, fresh_view, ScrollBarVisibility::AlwaysVisible, add)
}

fn scroll_with<R>(
    ui: &mut Ui,
    id: &str,
    fresh_view: bool,
    bar: ScrollBarVisibility,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let mut area = ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink(false)
        .scroll_bar_visibility(bar)
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

/// The frame of the bars above and below a screen's body: a line between them and the
/// body, and no fill (the window's background shows through).
pub fn bar_frame(c: &Palette) -> Frame {
    Frame::new()
        .inner_margin(Margin::symmetric(40, 18))
        .stroke(Stroke::new(1.0, c.border))
}

/// The body of a screen: what is left between its bars, with the page margin.
pub fn body<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let margin = page_margin(ui);
    egui::CentralPanel::no_frame()
        .frame(Frame::new().inner_margin(margin))
        .show(ui, add)
        .inner
}
