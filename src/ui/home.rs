//! Home: who we are, what this is, and four big doors.

use egui::{Align, Layout, RichText, TextureHandle, Ui, Vec2};

use super::{theme, widgets};
use crate::content::Content;
use crate::session::{Screen, Session};

/// The booking banner under the tiles.
const BOOK_HEIGHT: f32 = 150.0;

/// Draws Home; returns true when the logo was tapped (part of the staff gesture).
/// `languages` are the names of the languages, each in itself, for the switch.
pub fn show(
    ui: &mut Ui,
    content: &Content,
    languages: &[String],
    logo: Option<&TextureHandle>,
    session: &mut Session,
) -> bool {
    let c = theme::colors(ui.ctx());
    let strings = &content.strings;
    let mut logo_tapped = false;
    widgets::body(ui, |ui| {
        let viewport_bottom = ui.max_rect().bottom();
        widgets::scroll(ui, "home", session.take_fresh_view(), |ui| {
            widgets::reading_column(ui, 1400.0, |ui| {
                ui.add_space(24.0);
                logo_tapped = header(ui, content, logo);
                ui.add_space(16.0);
                settings(ui, content, languages, session);
                ui.add_space(20.0);
                ui.label(RichText::new(&strings.home_intro).size(theme::CARD_HEADING));
                ui.label(
                    RichText::new(&strings.home_hint)
                        .size(theme::BODY)
                        .color(c.text_muted),
                );
                ui.add_space(28.0);
                // The tiles share what the screen has left, above the service-area line.
                let room = viewport_bottom - ui.cursor().top() - BOOK_HEIGHT - 150.0;
                tiles(ui, content, session, room);
                let size = Vec2::new(ui.available_width(), BOOK_HEIGHT);
                if widgets::tile(ui, size, &strings.book_title, &strings.book_note, true).clicked()
                {
                    session.go(Screen::Consultation);
                }
                ui.add_space(24.0);
                if !content.clinic.service_area.is_empty() {
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
    logo_tapped
}

/// Language, text size and contrast: what a visitor may want before reading anything.
fn settings(ui: &mut Ui, content: &Content, languages: &[String], session: &mut Session) {
    let s = &content.strings;
    ui.horizontal_wrapped(|ui| {
        if languages.len() > 1 {
            for (index, name) in languages.iter().enumerate() {
                if widgets::toggle_button(ui, name, session.language == index).clicked() {
                    session.language = index;
                }
            }
            ui.add_space(24.0);
        }
        widgets::text_size_button(ui, &s.text_size, &mut session.text_size);
        if widgets::toggle_button(ui, &s.high_contrast, session.high_contrast).clicked() {
            session.high_contrast = !session.high_contrast;
        }
    });
}

fn header(ui: &mut Ui, content: &Content, logo: Option<&TextureHandle>) -> bool {
    let c = theme::colors(ui.ctx());
    ui.horizontal(|ui| {
        let tapped = logo.is_some_and(|logo| {
            let image = egui::Image::new(logo)
                .fit_to_exact_size(Vec2::splat(140.0))
                .alt_text(&content.clinic.name)
                .sense(egui::Sense::click());
            ui.add(image).clicked()
        });
        ui.add_space(20.0);
        ui.with_layout(Layout::top_down(Align::Min), |ui| {
            ui.add_space(16.0);
            ui.label(
                RichText::new(&content.clinic.name)
                    .family(theme::display())
                    .size(theme::DISPLAY)
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

fn tiles(ui: &mut Ui, content: &Content, session: &mut Session, room: f32) {
    let s = &content.strings;
    let tiles = [
        (Screen::Guide, &s.guide_title, &s.guide_note),
        (Screen::Compare, &s.compare_title, &s.compare_note),
        (Screen::Faq, &s.faq_title, &s.faq_note),
        (Screen::Questionnaire, &s.quiz_title, &s.quiz_note),
    ];
    let gap = 28.0;
    let columns = if ui.available_width() >= 1200.0 { 2 } else { 1 };
    let rows = tiles.len().div_ceil(columns) as f32;
    let width = (ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32;
    let needed = tiles
        .iter()
        .map(|(_, title, note)| widgets::tile_height(ui, width, title, note))
        .fold(0.0, f32::max);
    let height = ((room - gap * (rows - 1.0)) / rows)
        .clamp(150.0, 340.0)
        .max(needed);
    let size = Vec2::new(width, height);
    for row in tiles.chunks(columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (screen, title, note) in row {
                if widgets::tile(ui, size, title, note, false).clicked() {
                    session.go(*screen);
                }
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
}
