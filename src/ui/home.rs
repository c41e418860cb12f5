//! Home: who we are, what this is, and a big door to every other screen.

use egui::{Align, Layout, RichText, TextureHandle, Ui, Vec2};

use super::layout;
use super::screen::{self, Command, Cx, IdleRule, ScreenKind, screen_basics};
use super::theme::{self, Palette};
use super::widgets::{self, TileWords};
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

/// Kept free under the tiles for the service-area line, where the screen has room.
const SERVICE_AREA_ROOM: f32 = 48.0;

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
            // A short screen (a 1280x800 tablet, larger text), or one less than half as
            // tall again as it is wide (a tablet's 3:4 held upright), gets tighter
            // spacing, so every choice still shows without scrolling.
            let short = viewport < 1100.0 || viewport < 1.5 * ui.available_width();
            let space = if short { 0.5 } else { 1.0 };
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
                    let room = viewport - (ui.cursor().top() - top) - SERVICE_AREA_ROOM;
                    doors(ui, cx, room, short);
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
    });
    // A row of its own, as under the other screens' top bars: volume and speed together.
    if cx.listen.voice.is_some() {
        ui.horizontal_wrapped(|ui| layout::voice_controls(ui, cx));
    }
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
/// not fit a short screen; `small` words on a short screen, and tight ones where a
/// tablet's Home would not show every choice otherwise.
fn doors(ui: &mut Ui, cx: &mut Cx<'_>, room: f32, small: bool) {
    let (s, c) = (cx.strings(), cx.palette());
    let (banners, tiles): (Vec<_>, Vec<_>) = cx
        .registry
        .kinds()
        .iter()
        .filter_map(|kind| kind.door.as_ref().map(|door| (kind.key, door)))
        .partition(|(_, door)| door.banner);
    let full = ui.available_width();
    let tallest = |width: f32, doors: &[(&str, &screen::Door)], words| {
        doors
            .iter()
            .map(|(_, door)| widgets::tile_height(ui, width, (door.words)(s), words))
            .fold(0.0, f32::max)
    };
    let layout = |columns: usize, words: TileWords| {
        let gap = gap(words);
        let width = (full - gap * (columns as f32 - 1.0)) / columns as f32;
        Grid {
            columns,
            width,
            words,
            needed: tallest(width, &tiles, words),
            banner_needed: tallest(full, &banners, words),
        }
    };
    let height_of = |grid: &Grid| {
        let rows = tiles.len().div_ceil(grid.columns) as f32;
        rows * (grid.needed + gap(grid.words)) + grid.banner_needed
    };
    let words = if small {
        TileWords::Small
    } else {
        TileWords::Large
    };
    let candidates = if full < 1100.0 {
        // A narrow screen: one column where it fits (a portrait display), else two (a
        // tablet), with tight words if need be.
        vec![
            layout(1, words),
            layout(2, words),
            layout(1, TileWords::Tight),
            layout(2, TileWords::Tight),
        ]
    } else {
        vec![layout(2, words), layout(tiles.len().max(1), words)]
    };
    // The first that leaves room for the service-area line, else the first that shows
    // every choice with the line below the fold, else the most compact (Home scrolls).
    let grid = candidates
        .iter()
        .find(|grid| height_of(grid) <= room)
        .or_else(|| {
            candidates
                .iter()
                .find(|grid| height_of(grid) <= room + SERVICE_AREA_ROOM)
        })
        .or(candidates.last())
        .expect("there is always a layout to choose");
    let gap = gap(grid.words);
    let rows = (tiles.len().div_ceil(grid.columns) + banners.len()) as f32;
    // More than the words need when the screen has room, up to a comfortable size.
    let share = ((room - gap * rows) / rows).min(340.0);
    let size = Vec2::new(grid.width, share.max(grid.needed));
    for row in tiles.chunks(grid.columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (key, door) in row {
                if widgets::tile(ui, c, size, (door.words)(s), false, grid.words).clicked() {
                    cx.send(Command::Open(key));
                }
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
    // The banner takes what the tiles left, up to its own height.
    let left = room - tiles.len().div_ceil(grid.columns) as f32 * (size.y + gap);
    for (key, door) in banners {
        let size = Vec2::new(full, left.min(BOOK_HEIGHT).max(grid.banner_needed));
        if widgets::tile(ui, c, size, (door.words)(s), true, grid.words).clicked() {
            cx.send(Command::Open(key));
        }
    }
}

/// One way to lay out Home's doors.
struct Grid {
    columns: usize,
    /// Each tile's width.
    width: f32,
    words: TileWords,
    /// The height the tallest tile's words need, and the banner's.
    needed: f32,
    banner_needed: f32,
}

/// The space between tiles.
fn gap(words: TileWords) -> f32 {
    match words {
        TileWords::Large => 28.0,
        TileWords::Small => 16.0,
        TileWords::Tight => 12.0,
    }
}
