//! The staff side: a PIN pad drawn by the app (no system keyboard), and the staff screen
//! with exit, reload, start over, and the anonymous counters.

use egui::{Button, RichText, Stroke, Ui, Vec2};

use super::{markdown_view, theme, widgets};
use crate::content::Strings;
use crate::content::strings::fill;
use crate::counters::Counters;
use crate::pin::PinLock;
use crate::staff::{PadMessage, Staff};

/// What staff asked for on the staff screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Exit,
    Reload,
    StartOver,
    Export,
    ResetCounters,
    NextDefaultLanguage,
}

/// What the staff screen shows besides its buttons.
pub struct Report<'a> {
    pub counters: &'a Counters,
    /// Problems with file and line, and notices (e.g. a damaged counters file).
    pub problems: &'a [String],
    /// What is left to set up (no PIN, contact details not filled in).
    pub setup: &'a [String],
    /// Whether read-aloud works, and if not, why.
    pub speech: String,
    /// The answer to the last action, e.g. where the export went.
    pub message: Option<&'a str>,
}

pub fn pin_pad(ui: &mut Ui, strings: &Strings, staff: &mut Staff, lock: &mut PinLock, now: u64) {
    let c = theme::colors(ui.ctx());
    if widgets::top_bar(ui, &strings.cancel, &strings.staff_title, |_| {}) {
        staff.close();
        return;
    }
    widgets::body(ui, |ui| {
        // Scrolls when large text on a small screen pushes the keypad below the edge.
        widgets::scroll(ui, "pin_pad", false, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(24.0);
                if !lock.has_pin() {
                    ui.label(RichText::new(&strings.pin_missing).size(theme::CARD_HEADING));
                    return;
                }
                ui.label(
                    RichText::new(&strings.pin_prompt)
                        .family(theme::display())
                        .size(theme::TITLE),
                );
                dots(ui, staff.digits.len());
                let locked = lock.locked_for(now);
                let message = match (locked, staff.pad_message) {
                    (Some(seconds), _) | (None, Some(PadMessage::LockedOut { seconds })) => {
                        Some(strings.pin_locked.fill(seconds.div_ceil(60) as usize, &[]))
                    }
                    (None, Some(PadMessage::Wrong { tries_left })) => {
                        Some(strings.pin_wrong.fill(tries_left as usize, &[]))
                    }
                    (None, None) => None,
                };
                ui.label(
                    RichText::new(message.unwrap_or_default())
                        .size(theme::BODY)
                        .color(c.text),
                );
                ui.add_space(12.0);
                ui.add_enabled_ui(locked.is_none(), |ui| keypad(ui, strings, staff, lock, now));
            });
        });
    });
}

/// One dot per digit typed, so the PIN never shows.
fn dots(ui: &mut Ui, typed: usize) {
    let c = theme::colors(ui.ctx());
    let size = Vec2::new(8.0 * 36.0, 48.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    for i in 0..crate::staff::MAX_DIGITS {
        let centre = rect.left_center() + Vec2::new(18.0 + 36.0 * i as f32, 0.0);
        if i < typed {
            ui.painter().circle_filled(centre, 10.0, c.accent);
        } else {
            ui.painter()
                .circle_stroke(centre, 10.0, Stroke::new(1.5, c.border));
        }
    }
}

fn keypad(ui: &mut Ui, strings: &Strings, staff: &mut Staff, lock: &mut PinLock, now: u64) {
    let c = theme::colors(ui.ctx());
    let key_size = Vec2::new(150.0, 96.0);
    let width = 3.0 * key_size.x + 2.0 * 16.0;
    let rows: [[&str; 3]; 4] = [
        ["1", "2", "3"],
        ["4", "5", "6"],
        ["7", "8", "9"],
        [&strings.pin_clear, "0", &strings.pin_enter],
    ];
    for row in rows {
        ui.allocate_ui(Vec2::new(width, key_size.y), |ui| {
            ui.horizontal(|ui| {
                for key in row {
                    let text = RichText::new(key).size(theme::TITLE * 0.8);
                    let button = Button::new(text)
                        .min_size(key_size)
                        .fill(c.surface)
                        .stroke(Stroke::new(1.5, c.border));
                    if !ui.add(button).clicked() {
                        continue;
                    }
                    if key == strings.pin_clear {
                        staff.digits.clear();
                    } else if key == strings.pin_enter {
                        staff.submit(lock, now);
                    } else if let Some(digit) = key.chars().next() {
                        staff.press_digit(digit);
                    }
                }
            });
        });
    }
}

/// The staff screen; `default_language` is the name of the language new visitors get.
pub fn screen(
    ui: &mut Ui,
    strings: &Strings,
    report: &Report<'_>,
    default_language: &str,
) -> (bool, Option<Action>) {
    let c = theme::colors(ui.ctx());
    let close = widgets::top_bar(ui, &strings.home, &strings.staff_title, |_| {});
    let mut action = None;
    widgets::body(ui, |ui| {
        widgets::scroll(ui, "staff", false, |ui| {
            widgets::reading_column(ui, 1400.0, |ui| {
                if let Some(message) = report.message {
                    ui.label(
                        RichText::new(message)
                            .size(theme::CARD_HEADING)
                            .color(c.accent),
                    );
                }
                if !report.setup.is_empty() {
                    widgets::card(ui, |ui| {
                        heading(ui, &strings.staff_setup);
                        markdown_view::bullets(ui, report.setup.iter().map(String::as_str));
                    });
                    ui.add_space(12.0);
                }
                ui.horizontal_wrapped(|ui| {
                    if widgets::primary_button(ui, &strings.staff_exit, true).clicked() {
                        action = Some(Action::Exit);
                    }
                    for (label, choice) in [
                        (&strings.staff_reload, Action::Reload),
                        (&strings.staff_start_over, Action::StartOver),
                        (&strings.staff_export, Action::Export),
                        (&strings.staff_reset_counters, Action::ResetCounters),
                    ] {
                        if widgets::secondary_button(ui, label, true).clicked() {
                            action = Some(choice);
                        }
                    }
                });
                let language = fill(
                    &strings.staff_default_language,
                    &[("language", default_language)],
                );
                if widgets::secondary_button(ui, &language, true).clicked() {
                    action = Some(Action::NextDefaultLanguage);
                }
                ui.add_space(12.0);
                counters(ui, strings, report.counters);
                ui.add_space(12.0);
                widgets::card(ui, |ui| {
                    heading(ui, &strings.staff_problems);
                    if report.problems.is_empty() {
                        ui.label(RichText::new(&strings.staff_no_problems).size(theme::BODY));
                    }
                    ui.label(RichText::new(&report.speech).size(theme::SMALL));
                    for problem in report.problems {
                        ui.label(
                            RichText::new(problem)
                                .size(theme::SMALL)
                                .family(egui::FontFamily::Monospace),
                        );
                    }
                });
            });
        });
    });
    (close, action)
}

fn counters(ui: &mut Ui, strings: &Strings, counters: &Counters) {
    widgets::card(ui, |ui| {
        heading(
            ui,
            &fill(&strings.staff_counters, &[("date", &counters.since)]),
        );
        let line = |ui: &mut Ui, label: &str, count: u64| {
            ui.label(RichText::new(format!("{label}: {count}")).size(theme::BODY));
        };
        line(ui, &strings.staff_app_starts, counters.app_starts);
        line(ui, &strings.staff_idle_resets, counters.idle_resets);
        line(ui, &strings.staff_screen_failures, counters.screen_failures);
        for (title, map) in [
            (&strings.staff_screens, &counters.screens),
            (&strings.staff_results, &counters.results),
            (&strings.staff_faq, &counters.faq_entries),
            (&strings.staff_languages, &counters.languages),
        ] {
            ui.add_space(8.0);
            ui.label(RichText::new(title).size(theme::BODY).family(theme::bold()));
            for (item, count) in map {
                line(ui, item, *count);
            }
        }
    });
}

fn heading(ui: &mut Ui, text: &str) {
    let c = theme::colors(ui.ctx());
    ui.label(
        RichText::new(text)
            .size(theme::CARD_HEADING)
            .family(theme::bold())
            .color(c.accent),
    );
}
