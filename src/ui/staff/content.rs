//! The staff screen's content part: which content is live, since when and from where,
//! with "Reload content" and the way back; and the content found on a USB stick, with
//! what it holds, what it would change, its problems, and "Install".

use egui::{RichText, Ui};

use super::heading;
use crate::content::strings::fill;
use crate::content::{Source, Strings};
use crate::installed::log::{Action, Entry};
use crate::installed::stick::{self, Stick, Summary};
use crate::installed::{Change, Library};
use crate::kiosk::Kiosk;
use crate::ui::components::problem_list;
use crate::ui::screen::{Cx, StaffAction};
use crate::ui::theme::{self, Palette};
use crate::ui::{markdown_view, widgets};
use crate::watch;

/// How often the stick is looked for while this part shows.
const LOOK_EVERY: f64 = 2.0;

/// The most changed files listed; the rest are counted.
const LISTED: usize = 10;

/// The USB stick, as last looked at: looked at again every few seconds, and read again
/// only when its files or the live content changed.
#[derive(Default)]
pub(super) struct StickView {
    looked_at: Option<f64>,
    /// The stick folder's fingerprint and the live content it was compared with.
    seen: Option<(u64, Source)>,
    stick: Option<Stick>,
}

impl StickView {
    pub fn show(&mut self, ui: &mut Ui, cx: &Cx<'_>) -> Option<StaffAction> {
        let mut action = live(ui, cx);
        if !crate::platform::INSTALLS_CONTENT {
            return action;
        }
        self.look(cx);
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(LOOK_EVERY));
        let (s, c) = (cx.strings(), cx.palette());
        ui.add_space(12.0);
        widgets::card(ui, c, |ui| match &self.stick {
            Some(stick) => {
                heading(ui, c, &s.staff_stick_found);
                action = action.or(found(ui, c, s, stick));
            }
            None => {
                heading(ui, c, &s.staff_stick_none);
                let folder = &cx.kiosk.config.usb_content;
                let name = folder.file_name().unwrap_or_default().to_string_lossy();
                let folder = folder.display().to_string();
                let hint = fill(&s.staff_stick_hint, &[("name", &name), ("folder", &folder)]);
                ui.label(RichText::new(hint).size(theme::BODY));
            }
        });
        action
    }

    fn look(&mut self, cx: &Cx<'_>) {
        if self.looked_at.is_some_and(|at| cx.now - at < LOOK_EVERY) {
            return;
        }
        self.looked_at = Some(cx.now);
        let folder = &cx.kiosk.config.usb_content;
        let live = &cx.kiosk.loaded.source;
        let seen = folder
            .is_dir()
            .then(|| (watch::fingerprint(folder), live.clone()));
        if seen != self.seen {
            self.stick = seen.as_ref().and_then(|_| stick::look(folder, live));
            self.seen = seen;
        }
    }
}

/// The live content: where it is, what it holds, since when and from where.
fn live(ui: &mut Ui, cx: &Cx<'_>) -> Option<StaffAction> {
    let (s, c, kiosk) = (cx.strings(), cx.palette(), cx.kiosk);
    let library = kiosk.library();
    let mut action = None;
    widgets::card(ui, c, |ui| {
        heading(ui, c, &s.staff_live);
        body(ui, &kiosk.loaded.source.describe());
        body(ui, &summary(s, &Summary::of(&kiosk.loaded)));
        body(ui, &provenance(s, kiosk, &library));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if widgets::secondary_button(ui, c, &s.staff_reload, true).clicked() {
                action = Some(StaffAction::Reload);
            }
            let back = library.can_go_back();
            if crate::platform::INSTALLS_CONTENT
                && widgets::secondary_button(ui, c, &s.staff_go_back, back).clicked()
            {
                action = Some(StaffAction::GoBack);
            }
        });
    });
    action
}

/// Where the live content came from and since when, as the install log tells it.
fn provenance(s: &Strings, kiosk: &Kiosk, library: &Library) -> String {
    if kiosk.config.content.is_some() {
        return s.staff_live_set.clone();
    }
    let log = library.log();
    let date = |entry: &Entry| crate::clock::local_minute(entry.at);
    let installed = library
        .current()
        .filter(|version| kiosk.loaded.source == Source::Folder(version.clone()));
    let Some(version) = installed.as_ref().and_then(|v| v.file_name()) else {
        // The package's content (or the built-in copy), perhaps gone back to.
        return match log.went_live("") {
            Some(entry) => fill(&s.staff_live_shipped_since, &[("date", &date(entry))]),
            None => s.staff_live_shipped.clone(),
        };
    };
    let version = version.to_string_lossy();
    let live = log.went_live(&version);
    let template = match live {
        Some(entry) if entry.action == Action::GoBack => &s.staff_live_back_since,
        _ => &s.staff_live_since,
    };
    let from = log.installed(&version).map_or("", |e| e.from.as_str());
    fill(
        template,
        &[
            ("date", &live.map(date).unwrap_or_default()),
            ("from", from),
        ],
    )
}

/// The stick's content: what it holds, what would change, its problems, and Install.
fn found(ui: &mut Ui, c: &Palette, s: &Strings, stick: &Stick) -> Option<StaffAction> {
    body(ui, &stick.folder.display().to_string());
    body(ui, &summary(s, &stick.summary));
    ui.add_space(8.0);
    // Above the lists, which can be long: it is off while there is a problem.
    let install = widgets::primary_button(ui, c, &s.staff_install, stick.installable())
        .clicked()
        .then_some(StaffAction::Install);
    ui.add_space(8.0);
    if stick.changes.is_empty() {
        body(ui, &s.staff_stick_same);
    } else {
        let heading = s.staff_stick_changes.fill(stick.changes.len(), &[]);
        ui.label(
            RichText::new(heading)
                .size(theme::BODY)
                .family(theme::bold()),
        );
        let mut lines: Vec<String> = stick
            .changes
            .iter()
            .take(LISTED)
            .map(|change| change_words(s, change))
            .collect();
        let more = stick.changes.len().saturating_sub(LISTED);
        if more > 0 {
            lines.push(s.staff_stick_more.fill(more, &[]));
        }
        markdown_view::bullets(ui, c, lines.iter().map(String::as_str));
    }
    ui.add_space(8.0);
    let heading = s.staff_stick_problems.fill(stick.problems.len(), &[]);
    let lines = stick.problems.iter().map(ToString::to_string);
    problem_list::show(ui, c, &heading, &s.staff_stick_clean, lines);
    if !stick.problems.is_empty() {
        body(ui, &s.staff_stick_fix);
    }
    install
}

fn change_words(s: &Strings, change: &Change) -> String {
    let template = match change {
        Change::Added(_) => &s.staff_change_added,
        Change::Changed(_) => &s.staff_change_changed,
        Change::Removed(_) => &s.staff_change_removed,
    };
    fill(template, &[("file", change.path())])
}

/// "11 guide pages, 10 FAQ entries; languages: English, Español".
fn summary(s: &Strings, summary: &Summary) -> String {
    fill(
        &s.staff_content_summary,
        &[
            ("pages", &summary.pages.to_string()),
            ("faq", &summary.faq_entries.to_string()),
            ("languages", &summary.languages.join(", ")),
        ],
    )
}

fn body(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).size(theme::BODY));
}
