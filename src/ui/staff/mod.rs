//! The staff screen, behind the PIN, in three parts: the kiosk (what is left to set up,
//! exit, start over, the language new visitors start in, every problem found), the
//! content (which is live, since when and from where; a USB stick's content to install;
//! the way back) and the counters (the last 30 days as charts, the questionnaire's
//! funnel, the totals, export and reset).

mod charts;
mod content;
mod counters;

use egui::{RichText, Ui};

use super::components::problem_list;
use super::screen::{self, Command, Cx, IdleRule, Reply, Screen, ScreenKind, StaffAction};
use super::theme::{self, Palette};
use super::{markdown_view, widgets};
use crate::content::Strings;
use crate::content::strings::fill;

pub const KIND: ScreenKind = ScreenKind {
    key: "Staff",
    idle: IdleRule::Standard,
    open: || Box::<StaffScreen>::default(),
    door: None,
    gallery: |_| {
        Tab::ALL
            .iter()
            .map(|&tab| {
                let name = match tab {
                    Tab::Kiosk => "staff".to_owned(),
                    tab => format!("staff {}", tab.name()),
                };
                let screen: Box<dyn Screen> = Box::new(StaffScreen::on(tab));
                (name, screen)
            })
            .collect()
    },
};

/// The part of the staff screen showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Kiosk,
    Content,
    Counters,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Kiosk, Tab::Content, Tab::Counters];

    fn name(self) -> &'static str {
        match self {
            Self::Kiosk => "kiosk",
            Self::Content => "content",
            Self::Counters => "counters",
        }
    }

    fn words(self, s: &Strings) -> &str {
        match self {
            Self::Kiosk => &s.staff_tab_kiosk,
            Self::Content => &s.staff_tab_content,
            Self::Counters => &s.staff_tab_counters,
        }
    }
}

#[derive(Default)]
pub struct StaffScreen {
    tab: Tab,
    /// What came of the last action, e.g. where the export went.
    message: Option<String>,
    /// "Reset counters" was tapped once; the next tap resets them.
    reset_armed: bool,
    /// The USB stick, as last looked at.
    stick: content::StickView,
}

impl StaffScreen {
    /// The staff screen showing `tab`.
    pub fn on(tab: Tab) -> Self {
        Self {
            tab,
            ..Self::default()
        }
    }
}

impl Screen for StaffScreen {
    screen::screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (s, c) = (cx.strings(), cx.palette());
        if widgets::top_bar(ui, c, &s.home, &s.staff_title, |_| {}) {
            cx.send(Command::Home);
            return;
        }
        let fresh = cx.take_fresh();
        let mut action = None;
        widgets::body(ui, |ui| {
            widgets::scroll(ui, "staff", fresh, |ui| {
                widgets::reading_column(ui, 1400.0, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for tab in Tab::ALL {
                            let words = tab.words(s);
                            if widgets::toggle_button(ui, c, words, tab == self.tab).clicked()
                                && tab != self.tab
                            {
                                self.tab = tab;
                                self.message = None;
                                cx.new_view();
                            }
                        }
                    });
                    ui.add_space(12.0);
                    if let Some(message) = &self.message {
                        ui.label(
                            RichText::new(message)
                                .size(theme::CARD_HEADING)
                                .color(c.accent),
                        );
                        ui.add_space(8.0);
                    }
                    action = match self.tab {
                        Tab::Kiosk => kiosk_tab(ui, cx),
                        Tab::Content => self.stick.show(ui, cx),
                        Tab::Counters => counters::show(ui, cx),
                    };
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

/// What is left to set up, the kiosk's own actions, and every problem found.
fn kiosk_tab(ui: &mut Ui, cx: &Cx<'_>) -> Option<StaffAction> {
    let (s, c, kiosk) = (cx.strings(), cx.palette(), cx.kiosk);
    let setup: Vec<String> = kiosk.setup_notes().iter().map(|n| n.words(s)).collect();
    if !setup.is_empty() {
        widgets::card(ui, c, |ui| {
            heading(ui, c, &s.staff_setup);
            markdown_view::bullets(ui, c, setup.iter().map(String::as_str));
        });
        ui.add_space(12.0);
    }
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if widgets::primary_button(ui, c, &s.staff_exit, true).clicked() {
            action = Some(StaffAction::Exit);
        }
        if widgets::secondary_button(ui, c, &s.staff_start_over, true).clicked() {
            action = Some(StaffAction::StartOver);
        }
    });
    let default_language = &kiosk
        .loaded
        .language(kiosk.default_language())
        .strings
        .language_name;
    let language = fill(&s.staff_default_language, &[("language", default_language)]);
    if widgets::secondary_button(ui, c, &language, true).clicked() {
        action = Some(StaffAction::NextDefaultLanguage);
    }
    ui.add_space(12.0);
    widgets::card(ui, c, |ui| {
        let problems = kiosk.problems();
        let lines = problems
            .iter()
            .map(ToString::to_string)
            .chain(kiosk.counters.notice.iter().cloned());
        problem_list::show(ui, c, &s.staff_problems, &s.staff_no_problems, lines);
        ui.label(RichText::new(kiosk.speech_status()).size(theme::SMALL));
    });
    action
}

fn heading(ui: &mut Ui, c: &Palette, text: &str) {
    ui.label(
        RichText::new(text)
            .size(theme::CARD_HEADING)
            .family(theme::bold())
            .color(c.accent),
    );
}
