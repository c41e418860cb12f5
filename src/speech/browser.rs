//! Listen in the browser (wasm32): its SpeechSynthesis, with the device's own voices.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use wasm_bindgen::JsCast;

use super::{Speaker, has_language, primary_language};

/// Listen through the browser's SpeechSynthesis, with the device's own voices only
/// (`localService`): a voice that the browser fetches from a server is never used, so
/// the kiosk says nothing over the network.
pub struct BrowserSpeech {
    /// The utterances' rate and volume ([`super::web_voice`]).
    rate: f32,
    volume: f32,
    /// The languages (primary subtags) with an on-device voice, when known.
    languages: RefCell<BTreeSet<String>>,
    /// Whether the browser has said which voices it has (some list them a moment after
    /// the page loads; the frame loop looks again four times a second meanwhile).
    known: Cell<bool>,
    /// Looks left before the voices are taken as none (about 5 s at 4 a second).
    looks_left: Cell<u32>,
}

impl BrowserSpeech {
    pub fn new(rate: i32, volume: i32) -> Self {
        let (rate, volume) = super::web_voice(rate, volume);
        let speech = Self {
            rate,
            volume,
            languages: RefCell::new(BTreeSet::new()),
            known: Cell::new(false),
            looks_left: Cell::new(20),
        };
        speech.look_for_voices();
        speech
    }

    fn synthesis() -> Option<web_sys::SpeechSynthesis> {
        web_sys::window()?.speech_synthesis().ok()
    }

    fn voices() -> Vec<web_sys::SpeechSynthesisVoice> {
        Self::synthesis()
            .map(|s| {
                s.get_voices()
                    .iter()
                    .map(|v| v.unchecked_into::<web_sys::SpeechSynthesisVoice>())
                    .filter(web_sys::SpeechSynthesisVoice::local_service)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn look_for_voices(&self) {
        let voices = Self::voices();
        *self.languages.borrow_mut() = voices
            .iter()
            .filter_map(|v| primary_language(&v.lang()))
            .collect();
        self.looks_left.set(self.looks_left.get().saturating_sub(1));
        self.known
            .set(!voices.is_empty() || self.looks_left.get() == 0);
    }

    /// The on-device voice for `language`: Latin American Spanish first for Spanish (as
    /// on Linux), else the browser's default for the language, else the first.
    fn voice_for(language: &str) -> Option<web_sys::SpeechSynthesisVoice> {
        let primary = primary_language(language)?;
        let voices: Vec<_> = Self::voices()
            .into_iter()
            .filter(|v| primary_language(&v.lang()).as_deref() == Some(&primary))
            .collect();
        let preferred: &[&str] = if primary == "es" {
            &["es-419", "es-MX", "es-US"]
        } else {
            &[]
        };
        preferred
            .iter()
            .find_map(|tag| {
                voices
                    .iter()
                    .find(|v| v.lang().replace('_', "-").eq_ignore_ascii_case(tag))
            })
            .or_else(|| voices.iter().find(|v| v.default()))
            .or_else(|| voices.first())
            .cloned()
    }
}

impl Speaker for BrowserSpeech {
    fn speak(&mut self, language: &str, text: &str) {
        let Some(synthesis) = Self::synthesis() else {
            return;
        };
        synthesis.cancel();
        let Some(voice) = Self::voice_for(language) else {
            return;
        };
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            return;
        };
        utterance.set_lang(&voice.lang());
        utterance.set_voice(Some(&voice));
        utterance.set_rate(self.rate);
        utterance.set_volume(self.volume);
        synthesis.speak(&utterance);
    }

    fn set_voice(&mut self, rate: i32, volume: i32) {
        (self.rate, self.volume) = super::web_voice(rate, volume);
    }

    fn stop(&mut self) {
        if let Some(synthesis) = Self::synthesis() {
            synthesis.cancel();
        }
    }

    fn is_speaking(&mut self) -> bool {
        Self::synthesis().is_some_and(|s| s.speaking() || s.pending())
    }

    fn has_voice(&self, language: &str) -> bool {
        has_language(&self.languages.borrow(), language)
    }

    fn status(&self) -> String {
        if Self::synthesis().is_none() {
            "Speech is off: this browser has no speech synthesis".to_owned()
        } else if self.languages.borrow().is_empty() {
            "Speech is off: this device has no voice of its own (voices from the network are not used)".to_owned()
        } else {
            let list: Vec<String> = self.languages.borrow().iter().cloned().collect();
            format!("Speech works: the device's voices for {}", list.join(", "))
        }
    }

    /// Looks again at the browser's voices while they are not known yet.
    fn is_checking(&self) -> bool {
        if !self.known.get() {
            self.look_for_voices();
        }
        !self.known.get()
    }
}
