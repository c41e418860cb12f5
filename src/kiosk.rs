//! What the kiosk keeps from one visitor to the next, window-free: the content, the
//! settings, the counters, the PIN lock and the voice. Screens read it through their
//! frame's [`crate::ui::screen::Cx`]; the app changes it when it applies commands.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::config::Config;
use crate::content::{self, Loaded, Problem, Strings};
use crate::counters::CounterStore;
use crate::files;
use crate::pin::PinLock;
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
}

impl Kiosk {
    /// The kiosk on `loaded`, with its counters and PIN lockout read from the state folder,
    /// and no voice until [`Kiosk::speaker`] is given one.
    pub fn new(
        loaded: Loaded,
        config: Config,
        config_problems: Vec<Problem>,
        config_path: Option<PathBuf>,
    ) -> Self {
        let today = files::date_of(files::unix_now());
        let mut counters = CounterStore::load(config.counters_file(), &today);
        counters.record(|c| c.app_starts += 1);
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
        }
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
        let mut notes = setup_notes(&self.loaded, &self.config);
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

    /// Reads the content again, from where it came.
    pub fn reload(&mut self) {
        self.loaded = content::load(&self.loaded.source);
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

/// Something left to set up, for the staff screen and `--check`, worded by the strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupNote {
    NoPin,
    /// The contact details `clinic.toml` leaves empty (`phone`, `address`...).
    Contact(Vec<&'static str>),
    /// How many problems the content and settings have.
    Problems(usize),
}

impl SetupNote {
    pub fn words(&self, s: &Strings) -> String {
        match self {
            Self::NoPin => s.setup_no_pin.clone(),
            Self::Contact(missing) => {
                content::strings::fill(&s.setup_contact, &[("fields", &missing.join(", "))])
            }
            Self::Problems(n) => s.setup_problems.fill(*n, &[]),
        }
    }
}

/// What is left to set up in this content and these settings (problems aside).
pub fn setup_notes(loaded: &Loaded, config: &Config) -> Vec<SetupNote> {
    let mut notes = Vec::new();
    if config.pin_hash.is_none() {
        notes.push(SetupNote::NoPin);
    }
    let missing = loaded.content.clinic.missing();
    if !missing.is_empty() {
        notes.push(SetupNote::Contact(missing));
    }
    notes
}
