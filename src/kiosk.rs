//! What the kiosk keeps from one visitor to the next, window-free: the content, the
//! settings, the counters, the PIN lock and the voice. Screens read it through their
//! frame's [`crate::ui::screen::Cx`]; the app changes it when it applies commands.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::clock::Clock;
use crate::config::Config;
use crate::content::{self, Loaded, Problem};
use crate::counters::{CounterStore, Event};
use crate::files;
use crate::installed::{self, Library};
use crate::pin::PinLock;
use crate::setup::{self, SetupNote};
use crate::speech::{self, Speaker};

/// The voice, shared with the short-lived threads that wake the window when it ends.
pub type SharedSpeaker = Arc<Mutex<Box<dyn Speaker>>>;

pub struct Kiosk {
    pub loaded: Loaded,
    pub counters: CounterStore,
    pub config: Config,
    /// The settings file, where staff's choice of default language is kept.
    pub config_path: Option<PathBuf>,
    /// Problems found in the settings file when it was read.
    config_problems: Vec<Problem>,
    pub pin: PinLock,
    pub speaker: SharedSpeaker,
    /// The calendar: the counters' days, the install log, the review dates.
    pub clock: Clock,
}

impl Kiosk {
    /// The kiosk on `loaded`, with its counters and PIN lockout read from the state folder,
    /// and no voice until [`Kiosk::speaker`] is given one.
    pub fn new(
        loaded: Loaded,
        config: Config,
        config_problems: Vec<Problem>,
        config_path: Option<PathBuf>,
        clock: Clock,
    ) -> Self {
        let today = clock.today();
        let mut counters = CounterStore::load(config.counters_file(), today);
        counters.count(Event::AppStart, today);
        let pin = PinLock::load(
            config.pin_hash.clone(),
            config.lockout_file(),
            files::unix_now(),
        );
        Self {
            loaded,
            counters,
            config,
            config_path,
            config_problems,
            pin,
            speaker: Arc::new(Mutex::new(Box::new(speech::Silent::new(
                "Speech is off: no speaker was given",
            )))),
            clock,
        }
    }

    /// Counts `event` on today's date.
    pub fn count(&mut self, event: Event<'_>) {
        self.counters.count(event, self.clock.today());
    }

    /// The installed versions of the content.
    pub fn library(&self) -> Library {
        Library::at(self.config.installed_content())
    }

    /// The language every new visitor starts in: staff's choice, kept as a folder code so
    /// a reload that adds or removes a language cannot shift it.
    pub fn default_language(&self) -> usize {
        self.loaded
            .language_index(&self.config.default_language)
            .unwrap_or(0)
    }

    /// Every problem of the content and the settings, as of now (a reload that adds the
    /// default language's folder takes its problem away).
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems: Vec<Problem> = self
            .loaded
            .problems
            .iter()
            .chain(&self.config_problems)
            .cloned()
            .collect();
        if self
            .loaded
            .language_index(&self.config.default_language)
            .is_none()
        {
            problems.push(Problem {
                path: "settings".to_owned(),
                line: 1,
                message: format!(
                    "`default_language = \"{}\"` names no language folder of the content; using English",
                    self.config.default_language
                ),
            });
        }
        problems
    }

    /// What is left to set up before the kiosk can face visitors.
    pub fn setup_notes(&self) -> Vec<SetupNote> {
        let mut notes = setup::notes(&self.loaded, &self.config, self.clock.today());
        let problems = self.problems().len();
        if problems > 0 {
            notes.push(SetupNote::Problems(problems));
        }
        notes
    }

    pub fn speaker(&self) -> MutexGuard<'_, Box<dyn Speaker>> {
        self.speaker.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether read-aloud works, and if not, why (for staff).
    pub fn speech_status(&self) -> String {
        self.speaker().status()
    }

    /// Reads the content again, from where it is now: an install or a rollback may
    /// have changed which folder that is.
    pub fn reload(&mut self) {
        self.loaded = content::load(&installed::live_source(&self.config));
    }

    /// Keeps staff's choice of default language in the settings file; what went wrong,
    /// if anything.
    pub fn save_default_language(&mut self, index: usize) -> Option<String> {
        let code = self.loaded.language_code(index).to_owned();
        self.config.default_language = code.clone();
        let path = self.config_path.as_ref()?;
        crate::config::set_in_file(path, "default_language", &code).err()
    }
}
