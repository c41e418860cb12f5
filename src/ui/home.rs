//! Home: who we are, what this is, and a big door to every other screen.

use egui::{Align, Layout, RichText, TextureHandle, Ui, Vec2};

use super::screen::{self, Command, Cx, IdleRule, ScreenKind, screen_basics};
use super::theme::{self, Palette};
use super::{layout, widgets};
use crate::content::Content;
use crate::staff::Knocks;

pub const KIND: ScreenKind = ScreenKind {
    key: "Home",
    idle: IdleRule::Standard,
    open: || Box::<Home>::default(),
    door: None,
    gallery: |_| screen::just_opened(&KIND),
};

/// The booking banner under the tiles.
const BOOK_HEIGHT: f32 = 150.0;

/// Kept free at the right for a scroll bar, shown or not.
const SCROLL_BAR_ROOM: f32 = 40.0;

/// Home keeps the taps on the logo that open the staff's PIN pad.
#[derive(Default)]
pub struct Home {
    knocks: Knocks,
}

impl screen::Screen for Home {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let c = cx.palette();
        let content = cx.content;
        let strings = cx.strings();
        let fresh = cx.take_fresh();
        widgets::body(ui, |ui| {
            // The layout is worked out from the screen alone, never from where the page is
            // scrolled or whether a scroll bar shows: either would change the layout, which
            // would change them back, frame after frame.
            let viewport = ui.max_rect().height();
            let width = (ui.available_width() - SCROLL_BAR_ROOM).min(1400.0);
            // A short screen (a 1280x800 tablet, larger text) gets tighter spacing, so
            // every choice still shows without scrolling.
            let space = if viewport < 1100.0 { 0.5 } else { 1.0 };
            widgets::scroll(ui, "home", fresh, |ui| {
                widgets::reading_column(ui, width, |ui| {
                    let top = ui.cursor().top();
                    ui.add_space(24.0 * space);
                    let logo = cx.textures.logo.as_ref();
                    if header(ui, c, content, logo, 140.0 * space.max(0.6))
                        && self.knocks.knock(cx.now)
                    {
                        cx.send(Command::OpenPinPad);
                    }
                    ui.add_space(16.0 * space);
                    settings(ui, cx);
                    ui.add_space(20.0 * space);
                    let intro = if space < 1.0 {
                        theme::BODY
                    } else {
                        theme::CARD_HEADING
                    };
                    ui.label(RichText::new(&strings.home_intro).size(intro));
                    if space == 1.0 {
                        ui.label(
                            RichText::new(&strings.home_hint)
                                .size(theme::BODY)
                                .color(c.text_muted),
                        );
                    }
                    ui.add_space(28.0 * space);
                    // The tiles and the banner share what the screen has left above the
                    // service-area line.
                    let room = viewport - (ui.cursor().top() - top) - 48.0;
                    doors(ui, cx, room, space < 1.0);
                    if !content.clinic.service_area.is_empty() {
                        ui.add_space(12.0 * space);
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                strings.service_area,
                                content.clinic.service_area.join(" · ")
                            ))
                            .size(theme::SMALL)
                            .color(c.text_muted),
                        );
                    }
                });
            });
        });
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        let (content, s) = (cx.content, cx.strings());
        // The hint ("Tap a card to begin") is left out: short screens do not show it.
        let mut parts = vec![content.clinic.name.clone(), s.home_intro.clone()];
        for kind in cx.registry.kinds() {
            if let Some(door) = &kind.door {
                let (title, note) = (door.words)(s);
                parts.extend([title.to_owned(), note.to_owned()]);
            }
        }
        parts
    }
}

/// Language, text size, contrast and Listen: what a visitor may want before reading.
fn settings(ui: &mut Ui, cx: &mut Cx<'_>) {
    let (s, c) = (cx.strings(), cx.palette());
    ui.horizontal_wrapped(|ui| {
        let languages = &cx.kiosk.loaded;
        if languages.language_count() > 1 {
            for index in 0..languages.language_count() {
                let name = &languages.language(index).strings.language_name;
                if widgets::toggle_button(ui, c, name, cx.language == index).clicked() {
                    cx.send(Command::SetLanguage(index));
                }
            }
            ui.add_space(24.0);
        }
        if let Some(size) = widgets::text_size_button(ui, c, &s.text_size, cx.look.text_size) {
            cx.send(Command::SetTextSize(size));
        }
        if widgets::toggle_button(ui, c, &s.high_contrast, cx.look.high_contrast).clicked() {
            cx.send(Command::ToggleContrast);
        }
        layout::listen_button(ui, cx);
        layout::voice_controls(ui, cx);
    });
}

fn header(
    ui: &mut Ui,
    c: &Palette,
    content: &Content,
    logo: Option<&TextureHandle>,
    side: f32,
) -> bool {
    ui.horizontal(|ui| {
        let tapped = logo.is_some_and(|logo| {
            let image = egui::Image::new(logo)
                .fit_to_exact_size(Vec2::splat(side))
                .alt_text(&content.clinic.name)
                // Taps only: the staff gesture is no control for the keys to land on.
                .sense(egui::Sense::CLICK);
            ui.add(image).clicked()
        });
        ui.add_space(20.0);
        ui.with_layout(Layout::top_down(Align::Min), |ui| {
            ui.add_space(side / 9.0);
            ui.label(
                RichText::new(&content.clinic.name)
                    .family(theme::display())
                    .size(theme::DISPLAY * (side / 140.0).max(0.75))
                    .color(c.text),
            );
            ui.label(
                RichText::new(&content.clinic.tagline)
                    .size(theme::BODY)
                    .color(c.text_muted),
            );
        });
        tapped
    })
    .inner
}

/// A tile for each screen the registry gives a door, then the booking banner: in two
/// columns where they fit (one on a narrow screen), all in one row when two rows would
/// not fit a short screen; `small` words on a short screen.
fn doors(ui: &mut Ui, cx: &mut Cx<'_>, room: f32, small: bool) {
    let gap = if small { 16.0 } else { 28.0 };
    let (s, c) = (cx.strings(), cx.palette());
    let (banners, tiles): (Vec<_>, Vec<_>) = cx
        .registry
        .kinds()
        .iter()
        .filter_map(|kind| kind.door.as_ref().map(|door| (kind.key, door)))
        .partition(|(_, door)| door.banner);
    let full = ui.available_width();
    let banner_needed = banners
        .iter()
        .map(|(_, door)| widgets::tile_height(ui, full, (door.words)(s), small))
        .fold(0.0, f32::max);
    // (columns, tile width, tallest tile's text) for a layout.
    let layout = |columns: usize| {
        let width = (full - gap * (columns as f32 - 1.0)) / columns as f32;
        let needed = tiles
            .iter()
            .map(|(_, door)| widgets::tile_height(ui, width, (door.words)(s), small))
            .fold(0.0, f32::max);
        (columns, width, needed)
    };
    let height_of = |(columns, _, needed): (usize, f32, f32)| {
        let rows = tiles.len().div_ceil(columns) as f32;
        rows * (needed + gap) + banner_needed
    };
    let (columns, width, needed) = match full {
        w if w < 1100.0 => layout(1),
        _ if height_of(layout(2)) <= room => layout(2),
        _ => layout(tiles.len().max(1)),
    };
    let rows = (tiles.len().div_ceil(columns) + banners.len()) as f32;
    // At least a finger's worth of tile; more when the screen has room.
    let share = ((room - gap * rows) / rows).clamp(100.0, 340.0);
    let size = Vec2::new(width, share.max(needed));
    for row in tiles.chunks(columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (key, door) in row {
                if widgets::tile(ui, c, size, (door.words)(s), false, small).clicked() {
                    cx.send(Command::Open(key));
                }
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
    // The banner takes what the tiles left, up to its own height.
    let left = room - tiles.len().div_ceil(columns) as f32 * (size.y + gap);
    for (key, door) in banners {
        let size = Vec2::new(full, left.min(BOOK_HEIGHT).max(banner_needed));
        if widgets::tile(ui, c, size, (door.words)(s), true, small).clicked() {
            cx.send(Command::Open(key));
        }
    }
}
