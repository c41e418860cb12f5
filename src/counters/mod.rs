//! Anonymous counts for staff: totals since a date (kiosk starts, screens and FAQ entries
//! opened, questionnaire results, automatic resets) and the same day by day, never finer
//! than a day and never a visitor's answers or a per-visitor record. Days older than a
//! year are folded into their months. Saved atomically, at most every few seconds, and on
//! exit.

pub mod csv;
pub mod days;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use self::days::Day;
use crate::platform;

/// The longest the counters wait in memory before they are written.
pub const SAVE_EVERY_SECS: f64 = 10.0;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counters {
    /// The day counting began (`YYYY-MM-DD`).
    pub since: String,
    pub app_starts: u64,
    pub idle_resets: u64,
    /// Screens that failed (a bug) and were replaced by Home.
    #[serde(default)]
    pub screen_failures: u64,
    pub screens: BTreeMap<String, u64>,
    pub faq_entries: BTreeMap<String, u64>,
    pub results: BTreeMap<String, u64>,
    /// Languages chosen on Home (not counting the default a visitor starts in).
    pub languages: BTreeMap<String, u64>,
    /// Day by day (`YYYY-MM-DD`, the clinic's local date), for the last year.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub days: BTreeMap<String, Day>,
    /// Month by month (`YYYY-MM`): the days older than a year, folded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub months: BTreeMap<String, Day>,
}

/// Something to count: each is added to the day it happened on and, where there is
/// one, to its total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    AppStart,
    IdleReset,
    ScreenFailure,
    /// A visit began: the first touch after Home.
    Visit,
    /// A visitor's screen opened, by its key.
    Screen(&'a str),
    /// An FAQ answer opened, by its question.
    FaqEntry(&'a str),
    /// A visit opened the questionnaire (counted once per visit).
    QuestionnaireStarted,
    /// A visit reached a result (once per visit).
    QuestionnaireFinished,
    /// A result was shown, by its id.
    Result(&'a str),
    /// The consultation card came into view (once per visit)...
    Consultation,
    /// ...after a questionnaire's result (once per visit).
    ConsultationAfterResult,
    /// A language chosen on Home, by its name.
    Language(&'a str),
}

impl Counters {
    pub fn new(today: String) -> Self {
        Self {
            since: today,
            ..Self::default()
        }
    }

    /// Counts `event` on `today` (the local date) and in its total.
    pub fn count(&mut self, event: Event<'_>, today: NaiveDate) {
        let add = |map: &mut BTreeMap<String, u64>, key: &str| {
            *map.entry(key.to_owned()).or_default() += 1;
        };
        match event {
            Event::AppStart => self.app_starts += 1,
            Event::IdleReset => self.idle_resets += 1,
            Event::ScreenFailure => self.screen_failures += 1,
            Event::Screen(key) => add(&mut self.screens, key),
            Event::FaqEntry(question) => add(&mut self.faq_entries, question),
            Event::Result(id) => add(&mut self.results, id),
            Event::Language(name) => add(&mut self.languages, name),
            _ => {}
        }
        let key = days::day_key(today);
        if !self.days.contains_key(&key) {
            // A new day: the oldest may now be more than a year old.
            days::fold(&mut self.days, &mut self.months, today);
        }
        let day = self.days.entry(key).or_default();
        match event {
            Event::Visit => day.visits += 1,
            Event::Screen(key) => add(&mut day.screens, key),
            Event::QuestionnaireStarted => day.questionnaires_started += 1,
            Event::QuestionnaireFinished => day.questionnaires_finished += 1,
            Event::Result(id) => add(&mut day.results, id),
            Event::Consultation => day.consultations += 1,
            Event::ConsultationAfterResult => day.consultations_after_result += 1,
            Event::Language(name) => add(&mut day.languages, name),
            Event::AppStart | Event::IdleReset | Event::ScreenFailure | Event::FaqEntry(_) => {}
        }
    }

    /// Every day and month counted, added up.
    pub fn all_time(&self) -> Day {
        Day::sum(self.days.values().chain(self.months.values()))
    }

    /// The `n` days up to `today`, oldest first, quiet days included.
    pub fn last_days(&self, today: NaiveDate, n: u32) -> Vec<(NaiveDate, &Day)> {
        days::last(&self.days, today, n)
    }

    /// The file's text: TOML, each day on one line, so a year of days stays small.
    pub fn to_toml(&self) -> String {
        let text = toml::to_string(self).unwrap_or_default();
        let Ok(mut document) = text.parse::<toml_edit::DocumentMut>() else {
            return text;
        };
        for periods in ["days", "months"] {
            let Some(table) = document.get_mut(periods).and_then(|t| t.as_table_mut()) else {
                continue;
            };
            let lines: Vec<(String, toml_edit::InlineTable)> = table
                .iter()
                .filter_map(|(key, item)| Some((key.to_owned(), item.as_table()?.clone())))
                .map(|(key, day)| (key, day.into_inline_table()))
                .collect();
            table.clear();
            for (key, day) in lines {
                table.insert(&key, toml_edit::Item::Value(day.into()));
            }
        }
        document.to_string()
    }
}

/// The counters and their file.
#[derive(Debug)]
pub struct CounterStore {
    path: PathBuf,
    pub counters: Counters,
    dirty: bool,
    last_saved: f64,
    /// What staff should know about the file (e.g. it was damaged and set aside).
    pub notice: Option<String>,
}

impl CounterStore {
    /// Reads the counters at `path`. A damaged file is kept as `.bak` and counting starts
    /// again; a missing one starts counting `today`.
    pub fn load(path: PathBuf, today: NaiveDate) -> Self {
        let new = || Counters::new(days::day_key(today));
        let (mut counters, notice) = match platform::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (new(), None),
            Ok(text) => match toml::from_str::<Counters>(&text) {
                Ok(counters) => (counters, None),
                Err(_) => (new(), Some(set_aside(&path))),
            },
            Err(_) => (new(), Some(set_aside(&path))),
        };
        days::fold(&mut counters.days, &mut counters.months, today);
        Self {
            path,
            counters,
            dirty: false,
            last_saved: f64::NEG_INFINITY,
            notice,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Counts `event` on `today`; written by the next due [`Self::save_if_due`].
    pub fn count(&mut self, event: Event<'_>, today: NaiveDate) {
        self.counters.count(event, today);
        self.dirty = true;
    }

    /// Writes the counters when they changed and the last write is `SAVE_EVERY_SECS` old.
    /// Returns the seconds until a write will be due, when one is waiting.
    pub fn save_if_due(&mut self, now: f64) -> Option<f64> {
        if !self.dirty {
            return None;
        }
        let due_in = self.last_saved + SAVE_EVERY_SECS - now;
        if due_in > 0.0 {
            return Some(due_in);
        }
        self.save();
        self.last_saved = now;
        None
    }

    /// Writes the counters now (on exit, and when due).
    pub fn save(&mut self) {
        let text = self.counters.to_toml();
        match platform::write(&self.path, text.as_bytes()) {
            Ok(()) => self.dirty = false,
            Err(e) => {
                self.notice = Some(format!(
                    "The counters could not be saved to {}: {e}",
                    self.path.display()
                ));
            }
        }
    }

    /// Starts counting again from `today`.
    pub fn reset(&mut self, today: NaiveDate) {
        self.counters = Counters::new(days::day_key(today));
        self.dirty = true;
    }

    /// Writes the totals to `to` and the days beside it ([`csv::days_path`]); the
    /// day-by-day file's path.
    pub fn export(&self, to: &Path) -> std::io::Result<PathBuf> {
        platform::export(to, csv::totals(&self.counters).as_bytes())?;
        let days = csv::days_path(to);
        platform::export(&days, csv::days(&self.counters).as_bytes())?;
        Ok(days)
    }
}

/// Moves a damaged counters file aside and says so.
fn set_aside(path: &Path) -> String {
    let mut backup = path.as_os_str().to_owned();
    backup.push(".bak");
    let backup = PathBuf::from(backup);
    match platform::rename(path, &backup) {
        Ok(()) => format!(
            "The counters file was damaged. It was kept as {} and counting started again.",
            backup.display()
        ),
        Err(e) => format!(
            "The counters file {} is damaged and could not be set aside ({e}); counting started again.",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_event_counts_in_its_day_and_its_total() {
        let mut counters = Counters::new("2026-05-01".into());
        let today: NaiveDate = "2026-05-12".parse().unwrap();
        for event in [
            Event::AppStart,
            Event::Visit,
            Event::Screen("Questionnaire"),
            Event::QuestionnaireStarted,
            Event::QuestionnaireFinished,
            Event::Result("good_fit"),
            Event::Consultation,
            Event::ConsultationAfterResult,
            Event::Language("Español"),
            Event::FaqEntry("Does it hurt?"),
        ] {
            counters.count(event, today);
        }
        assert_eq!(counters.app_starts, 1);
        assert_eq!(counters.screens["Questionnaire"], 1);
        assert_eq!(counters.results["good_fit"], 1);
        assert_eq!(counters.languages["Español"], 1);
        assert_eq!(counters.faq_entries["Does it hurt?"], 1);
        let day = &counters.days["2026-05-12"];
        assert_eq!(
            (
                day.visits,
                day.screens_opened(),
                day.questionnaires_started,
                day.questionnaires_finished,
                day.consultations,
                day.consultations_after_result
            ),
            (1, 1, 1, 1, 1, 1)
        );
        assert_eq!(day.results["good_fit"], 1);
        assert_eq!(day.languages["Español"], 1);
    }

    #[test]
    fn the_file_keeps_a_day_on_a_line_and_reads_back() {
        let mut counters = Counters::new("2026-05-01".into());
        let today: NaiveDate = "2026-05-12".parse().unwrap();
        counters.count(Event::Visit, today);
        counters.count(Event::Screen("Guide"), today);
        let text = counters.to_toml();
        assert!(
            text.contains("\n2026-05-12 = { visits = 1, screens = { Guide = 1 } }\n"),
            "{text}"
        );
        assert_eq!(toml::from_str::<Counters>(&text).unwrap(), counters);
        // A file written before the days were counted still reads.
        let old = "since = \"2026-01-01\"\napp_starts = 2\nidle_resets = 0\n[screens]\n[faq_entries]\n[results]\n[languages]\n";
        assert_eq!(toml::from_str::<Counters>(old).unwrap().app_starts, 2);
    }
}
