//! The staff screen, behind the PIN: exit, reload, start over, export and reset the
//! anonymous counters, the language new visitors start in, what is left to set up, and
//! every problem found in the content and settings.

use egui::{RichText, Ui};

use super::screen::{self, Command, Cx, IdleRule, Reply, ScreenKind, StaffAction, screen_basics};
use super::theme::{self, Palette};
use super::{markdown_view, widgets};
use crate::content::Strings;
use crate::content::strings::fill;
use crate::counters::Counters;

pub const KIND: ScreenKind = ScreenKind {
    key: "Staff",
    idle: IdleRule::Standard,
    open: || Box::<StaffScreen>::default(),
    door: None,
    gallery: |_| screen::just_opened(&KIND),
};

#[derive(Default)]
pub struct StaffScreen {
    /// What came of the last action, e.g. where the export went.
    message: Option<String>,
    /// "Reset counters" was tapped once; the next tap resets them.
    reset_armed: bool,
}

impl screen::Screen for StaffScreen {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (s, c) = (cx.strings(), cx.palette());
        if widgets::top_bar(ui, c, &s.home, &s.staff_title, |_| {}) {
            cx.send(Command::Home);
            return;
        }
        let kiosk = cx.kiosk;
        let setup: Vec<String> = kiosk.setup_notes().iter().map(|n| n.words(s)).collect();
        let mut action = None;
        widgets::body(ui, |ui| {
            widgets::scroll(ui, "staff", false, |ui| {
                widgets::reading_column(ui, 1400.0, |ui| {
                    if let Some(message) = &self.message {
                        ui.label(
                            RichText::new(message)
                                .size(theme::CARD_HEADING)
                                .color(c.accent),
                        );
                    }
                    if !setup.is_empty() {
                        widgets::card(ui, c, |ui| {
                            heading(ui, c, &s.staff_setup);
                            markdown_view::bullets(ui, c, setup.iter().map(String::as_str));
                        });
                        ui.add_space(12.0);
                    }
                    action = buttons(ui, c, s, cx.kiosk);
                    ui.add_space(12.0);
                    counters(ui, c, s, &kiosk.counters.counters);
                    ui.add_space(12.0);
                    widgets::card(ui, c, |ui| {
                        heading(ui, c, &s.staff_problems);
                        let problems = kiosk.problems();
                        if problems.is_empty() {
                            ui.label(RichText::new(&s.staff_no_problems).size(theme::BODY));
                        }
                        ui.label(RichText::new(kiosk.speech_status()).size(theme::SMALL));
                        let notice = kiosk.counters.notice.iter();
                        for line in problems
                            .iter()
                            .map(ToString::to_string)
                            .chain(notice.cloned())
                        {
                            ui.label(
                                RichText::new(line)
                                    .size(theme::SMALL)
                                    .family(egui::FontFamily::Monospace),
                            );
                        }
                    });
                });
            });
        });
        if let Some(action) = action {
            // Counting since a date is worth one extra tap to lose.
            let armed = std::mem::take(&mut self.reset_armed);
            if action == StaffAction::ResetCounters && !armed {
                self.reset_armed = true;
                self.message = Some(s.staff_reset_confirm.clone());
            } else {
                cx.send(Command::Staff(action));
            }
        }
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        let s = cx.strings();
        let setup = cx.kiosk.setup_notes();
        std::iter::once(s.staff_title.clone())
            .chain(self.message.clone())
            .chain(setup.iter().map(|n| n.words(s)))
            .collect()
    }

    fn reply(&mut self, reply: Reply) {
        if let Reply::Staff(message) = reply {
            self.message = message;
        }
    }
}

/// The staff's actions; the one tapped.
fn buttons(
    ui: &mut Ui,
    c: &Palette,
    s: &Strings,
    kiosk: &crate::kiosk::Kiosk,
) -> Option<StaffAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if widgets::primary_button(ui, c, &s.staff_exit, true).clicked() {
            action = Some(StaffAction::Exit);
        }
        for (label, choice) in [
            (&s.staff_reload, StaffAction::Reload),
            (&s.staff_start_over, StaffAction::StartOver),
            (&s.staff_export, StaffAction::Export),
            (&s.staff_reset_counters, StaffAction::ResetCounters),
        ] {
            if widgets::secondary_button(ui, c, label, true).clicked() {
                action = Some(choice);
            }
        }
    });
    let loaded = &kiosk.loaded;
    let default_language = &loaded
        .language(kiosk.default_language())
        .strings
        .language_name;
    let language = fill(&s.staff_default_language, &[("language", default_language)]);
    if widgets::secondary_button(ui, c, &language, true).clicked() {
        action = Some(StaffAction::NextDefaultLanguage);
    }
    action
}

fn counters(ui: &mut Ui, c: &Palette, s: &Strings, counters: &Counters) {
    widgets::card(ui, c, |ui| {
        heading(
            ui,
            c,
            &fill(&s.staff_counters, &[("date", &counters.since)]),
        );
        let line = |ui: &mut Ui, label: &str, count: u64| {
            ui.label(RichText::new(format!("{label}: {count}")).size(theme::BODY));
        };
        line(ui, &s.staff_app_starts, counters.app_starts);
        line(ui, &s.staff_idle_resets, counters.idle_resets);
        line(ui, &s.staff_screen_failures, counters.screen_failures);
        for (title, map) in [
            (&s.staff_screens, &counters.screens),
            (&s.staff_results, &counters.results),
            (&s.staff_faq, &counters.faq_entries),
            (&s.staff_languages, &counters.languages),
        ] {
            ui.add_space(8.0);
            ui.label(RichText::new(title).size(theme::BODY).family(theme::bold()));
            for (item, count) in map {
                line(ui, item, *count);
            }
        }
    });
}

fn heading(ui: &mut Ui, c: &Palette, text: &str) {
    ui.label(
        RichText::new(text)
            .size(theme::CARD_HEADING)
            .family(theme::bold())
            .color(c.accent),
    );
}
