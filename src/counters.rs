//! Anonymous totals for staff: how often the kiosk started, which screens and FAQ entries
//! were opened, which questionnaire results came up, how often it reset itself. Never a
//! visitor's answers and never a per-visitor record. Saved atomically, at most every few
//! seconds, and on exit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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
}

impl Counters {
    pub fn new(today: String) -> Self {
        Self {
            since: today,
            ..Self::default()
        }
    }

    /// The totals as CSV: `counter,item,count`, one row each.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("counter,item,count\n");
        let mut row = |counter: &str, item: &str, count: u64| {
            csv.push_str(&format!("{counter},{},{count}\n", csv_field(item)));
        };
        row("counting_since", &self.since, 0);
        row("app_starts", "", self.app_starts);
        row("idle_resets", "", self.idle_resets);
        row("screen_failures", "", self.screen_failures);
        for (counter, map) in [
            ("screen", &self.screens),
            ("faq_entry", &self.faq_entries),
            ("result", &self.results),
            ("language", &self.languages),
        ] {
            for (item, count) in map {
                row(counter, item, *count);
            }
        }
        csv
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
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
    /// again; a missing one starts counting today.
    pub fn load(path: PathBuf, today: &str) -> Self {
        let (counters, notice) = match crate::platform::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                (Counters::new(today.to_owned()), None)
            }
            Ok(text) => match toml::from_str::<Counters>(&text) {
                Ok(counters) => (counters, None),
                Err(_) => (Counters::new(today.to_owned()), Some(set_aside(&path))),
            },
            Err(_) => (Counters::new(today.to_owned()), Some(set_aside(&path))),
        };
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

    /// Changes the counters; they are written by the next due [`Self::save_if_due`].
    pub fn record(&mut self, change: impl FnOnce(&mut Counters)) {
        change(&mut self.counters);
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
        let text = toml::to_string(&self.counters).unwrap_or_default();
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
    pub fn reset(&mut self, today: &str) {
        self.counters = Counters::new(today.to_owned());
        self.dirty = true;
    }

    pub fn export(&self, to: &Path) -> std::io::Result<()> {
        platform::export(to, self.counters.to_csv().as_bytes())
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
    fn csv_quotes_what_needs_quoting() {
        let mut counters = Counters::new("2026-11-27".into());
        counters.app_starts = 3;
        counters
            .faq_entries
            .insert("Does it hurt, \"really\"?".into(), 2);
        let csv = counters.to_csv();
        assert!(
            csv.starts_with("counter,item,count\ncounting_since,2026-11-27,0\napp_starts,,3\n")
        );
        assert!(
            csv.contains("faq_entry,\"Does it hurt, \"\"really\"\"?\",2\n"),
            "{csv}"
        );
    }
}
