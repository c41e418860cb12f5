//! A speaker that records what it is asked to say, for tests: the screens' words reach it
//! exactly as they would reach speech-dispatcher. Built only for tests (the
//! `test-support` feature), so no kiosk can end up speaking into it.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use super::{Speaker, has_language, lock, primary_language};

/// One call a [`Recording`] speaker received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spoken {
    /// `speak(language, text)`.
    Said {
        /// The language code passed.
        language: String,
        /// The text passed.
        text: String,
    },
    /// `stop()`.
    Stopped,
    /// `set_voice(rate, volume)`.
    Voice { rate: i32, volume: i32 },
}

#[derive(Debug, Default)]
struct LogState {
    events: Vec<Spoken>,
    speaking: bool,
    /// Still "looking for voices", as the real speaker is for a while after start.
    checking: bool,
}

/// What a [`Recording`] speaker was asked to do; a clone stays with the test while the
/// app owns the speaker.
#[derive(Clone, Debug, Default)]
pub struct SpeechLog(Arc<Mutex<LogState>>);

impl SpeechLog {
    /// Every call, in order.
    pub fn events(&self) -> Vec<Spoken> {
        lock(&self.0).events.clone()
    }

    /// Every `(language, text)` spoken, in order.
    pub fn spoken(&self) -> Vec<(String, String)> {
        lock(&self.0)
            .events
            .iter()
            .filter_map(|event| match event {
                Spoken::Said { language, text } => Some((language.clone(), text.clone())),
                Spoken::Stopped | Spoken::Voice { .. } => None,
            })
            .collect()
    }

    /// The last `(language, text)` spoken.
    pub fn last_spoken(&self) -> Option<(String, String)> {
        self.spoken().pop()
    }

    /// The last `(rate, volume)` the speaker was set to, if it was.
    pub fn last_voice(&self) -> Option<(i32, i32)> {
        lock(&self.0)
            .events
            .iter()
            .rev()
            .find_map(|event| match event {
                Spoken::Voice { rate, volume } => Some((*rate, *volume)),
                _ => None,
            })
    }

    /// How many times `stop` was called.
    pub fn stops(&self) -> usize {
        lock(&self.0)
            .events
            .iter()
            .filter(|event| **event == Spoken::Stopped)
            .count()
    }

    /// Whether the speaker is speaking: after `speak`, until `stop` or [`Self::finish`].
    pub fn is_speaking(&self) -> bool {
        lock(&self.0).speaking
    }

    /// Ends the current speech as if it had been read to the end.
    pub fn finish(&self) {
        lock(&self.0).speaking = false;
    }

    /// Ends the look for voices begun by [`Recording::checking`].
    pub fn finish_checking(&self) {
        lock(&self.0).checking = false;
    }

    /// Forgets the calls so far (not whether it is speaking).
    pub fn clear(&self) {
        lock(&self.0).events.clear();
    }
}

/// A speaker that records what it is asked to say, for tests.
#[derive(Debug, Default)]
pub struct Recording {
    log: SpeechLog,
    languages: BTreeSet<String>,
}

impl Recording {
    /// A recording speaker with voices for these language codes (`Default` has none).
    pub fn with_voices(languages_with_voices: &[&str]) -> Self {
        Self {
            log: SpeechLog::default(),
            languages: languages_with_voices
                .iter()
                .filter_map(|code| primary_language(code))
                .collect(),
        }
    }

    /// The same speaker still looking for its voices (none until
    /// [`SpeechLog::finish_checking`]), as the real one is for a while after start.
    pub fn checking(self) -> Self {
        lock(&self.log.0).checking = true;
        self
    }

    /// A handle on the calls, to keep while the app owns the speaker.
    pub fn log(&self) -> SpeechLog {
        self.log.clone()
    }
}

impl Speaker for Recording {
    fn speak(&mut self, language: &str, text: &str) {
        let mut state = lock(&self.log.0);
        state.events.push(Spoken::Said {
            language: language.to_owned(),
            text: text.to_owned(),
        });
        state.speaking = true;
    }

    fn stop(&mut self) {
        let mut state = lock(&self.log.0);
        state.events.push(Spoken::Stopped);
        state.speaking = false;
    }

    fn set_voice(&mut self, rate: i32, volume: i32) {
        lock(&self.log.0)
            .events
            .push(Spoken::Voice { rate, volume });
    }

    fn is_speaking(&mut self) -> bool {
        self.log.is_speaking()
    }

    fn has_voice(&self, language: &str) -> bool {
        !self.is_checking() && has_language(&self.languages, language)
    }

    fn status(&self) -> String {
        if self.is_checking() {
            "Speech: looking for voices".to_owned()
        } else if self.languages.is_empty() {
            "Speech is off: the recording speaker has no voices".to_owned()
        } else {
            let languages: Vec<&str> = self.languages.iter().map(String::as_str).collect();
            format!(
                "Speech works: recording speaker, voices for {}",
                languages.join(", ")
            )
        }
    }

    fn is_checking(&self) -> bool {
        lock(&self.log.0).checking
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speech::Silent;

    #[test]
    fn recording_records_speech_and_stops_while_the_app_owns_it() {
        let recording = Recording::with_voices(&["en", "es"]);
        let log = recording.log();
        let mut speaker: Box<dyn Speaker> = Box::new(recording);
        assert!(speaker.has_voice("en") && speaker.has_voice("es-419") && !speaker.has_voice("fr"));
        assert!(!speaker.is_speaking());

        speaker.speak("en", "Page one.");
        assert!(speaker.is_speaking() && log.is_speaking());
        speaker.speak("es", "Página uno.");
        speaker.stop();
        assert!(!speaker.is_speaking());
        assert_eq!(
            log.events(),
            [
                Spoken::Said {
                    language: "en".into(),
                    text: "Page one.".into()
                },
                Spoken::Said {
                    language: "es".into(),
                    text: "Página uno.".into()
                },
                Spoken::Stopped,
            ]
        );
        assert_eq!(log.last_spoken(), Some(("es".into(), "Página uno.".into())));
        assert_eq!(log.stops(), 1);

        speaker.speak("en", "Again.");
        log.finish();
        assert!(!speaker.is_speaking());
        log.clear();
        assert!(log.events().is_empty() && log.spoken().is_empty());
        assert_eq!(
            speaker.status(),
            "Speech works: recording speaker, voices for en, es"
        );
    }

    #[test]
    fn recording_without_voices_and_silent_hide_the_control() {
        let recording = Recording::with_voices(&[]);
        assert!(!recording.has_voice("en"));
        assert!(recording.status().starts_with("Speech is off"));
        let mut silent = Silent::new("Speech is off: testing");
        silent.speak("en", "Hello.");
        assert!(!silent.is_speaking() && !silent.has_voice("en"));
        assert_eq!(silent.status(), "Speech is off: testing");
    }
}
