//! Read-aloud without a window: the [`Speaker`] contract the screens talk to, the
//! [`SpeechDispatcher`] backend that speaks on a kiosk, a [`Recording`] backend for tests
//! and a [`Silent`] one for systems without speech.
//!
//! The kiosk reaches speech-dispatcher at run time through its command-line client
//! `spd-say`, so building needs nothing but the Rust toolchain (no `libspeechd-dev`, no
//! `clang`). What the client's flags do, measured with speech-dispatcher 0.11.4 and
//! espeak-ng 1.51 (Debian 12):
//!
//! - `-w` keeps the client running until its message has been spoken or cancelled; it
//!   exits 0 in both cases. Killing the client does **not** stop the audio: the daemon
//!   goes on speaking a message whose client has gone.
//! - `-C` cancels every message of every client, the one being spoken and all queued
//!   ones; this is what silences the audio (within half a second). Given with a text it
//!   cancels first and then speaks, on one connection, so a new text never races its
//!   own cancel. `-S` would stop only the message being spoken.
//! - `-r` and `-i` set rate and volume, -100..100. Without `-i` the daemon uses its
//!   `DefaultVolume` (100 on Debian); `-i 0` is about half as loud.
//! - `-l` sets the language; `--` ends the options, so a text starting with `-` is
//!   spoken rather than taken for an option. An empty text makes `spd-say` fail.
//! - `-O` lists the output modules and `-L` the voices (name, language, variant).
//!
//! Nothing here blocks the caller for long: voices are detected on a background thread
//! with time limits, speaking spawns a process, and stopping kills one and spawns another.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

/// Something that reads text aloud. The app owns one as a `Box<dyn Speaker>`.
pub trait Speaker: Send {
    /// Speaks `text` (plain text, already free of Markdown) in `language` (a content folder
    /// code such as "en", "es"), replacing anything being spoken.
    fn speak(&mut self, language: &str, text: &str);
    /// Stops at once; nothing stays queued.
    fn stop(&mut self);
    /// How fast and how loud what follows is spoken, -100..=100 each (speech-dispatcher's
    /// scale): the listener's own levels. Every speaker has its own (no default), so a
    /// platform cannot quietly ignore them.
    fn set_voice(&mut self, rate: i32, volume: i32);
    /// Whether it is still speaking (polled by the UI a few times a second at most).
    fn is_speaking(&mut self) -> bool;
    /// Whether a voice exists for `language`; a language without one hides the Listen
    /// control.
    fn has_voice(&self, language: &str) -> bool;
    /// One line for the staff screen: works, or why not.
    fn status(&self) -> String;
    /// Still finding out which voices there are (then the UI looks again shortly).
    fn is_checking(&self) -> bool {
        false
    }
}

/// The speaker for this system: speech-dispatcher on Linux, the system's voices on
/// Windows, the browser's on the web, silence elsewhere. `rate` and `volume` are the staff
/// settings, -100..100 each.
pub fn system_speaker(rate: i32, volume: i32) -> Box<dyn Speaker> {
    #[cfg(target_arch = "wasm32")]
    {
        Box::new(browser::BrowserSpeech::new(rate, volume))
    }
    #[cfg(windows)]
    {
        Box::new(windows::WindowsSpeech::new(rate, volume))
    }
    #[cfg(target_os = "linux")]
    {
        Box::new(SpeechDispatcher::new(rate, volume))
    }
    #[cfg(not(any(target_arch = "wasm32", windows, target_os = "linux")))]
    {
        let _ = (rate, volume);
        Box::new(Silent::new(
            "Speech is off: read-aloud needs speech-dispatcher, which this system does not have",
        ))
    }
}

/// The listener's rate and volume (speech-dispatcher's -100..=100, [`Speaker::set_voice`])
/// as the browser's SpeechSynthesisUtterance takes them: the rate a factor from half to
/// twice the normal speed, the volume 0..=1.
#[cfg(any(test, target_arch = "wasm32"))]
fn web_voice(rate: i32, volume: i32) -> (f32, f32) {
    (
        2f32.powf(rate.clamp(-100, 100) as f32 / 100.0),
        (volume.clamp(-100, 100) + 100) as f32 / 200.0,
    )
}

/// The listener's rate and volume (-100..=100 each) as SAPI's `Rate` (-10..=10) and
/// `Volume` (0..=100).
#[cfg(any(test, windows))]
fn sapi_voice(rate: i32, volume: i32) -> (i32, i32) {
    (
        rate.clamp(-100, 100) / 10,
        (volume.clamp(-100, 100) + 100) / 2,
    )
}

/// Joins the pieces of a screen into one text to speak: each piece trimmed, empty ones
/// dropped, and a full stop added to a piece that does not already end a sentence, so a
/// heading is not run into the sentence after it.
pub fn join_for_speech(parts: &[&str]) -> String {
    let mut joined = String::new();
    for part in parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
    {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(part);
        if !ends_sentence(part) {
            joined.push('.');
        }
    }
    joined
}

/// Whether `text` ends with sentence punctuation, looking through closing quotes and
/// brackets (`He said "yes."`).
fn ends_sentence(text: &str) -> bool {
    const CLOSERS: &[char] = &['"', '\'', ')', ']', '»', '”', '’'];
    let last = text.trim_end_matches(CLOSERS).chars().next_back();
    matches!(last, Some('.' | '!' | '?' | ':' | ';' | '…'))
}

/// Calls `wake` once `done` holds for `speaker`, looked at every `every` on a short-lived
/// thread, so whoever waits for the voice draws nothing meanwhile.
pub fn watch(
    speaker: Arc<Mutex<Box<dyn Speaker>>>,
    every: Duration,
    done: fn(&mut dyn Speaker) -> bool,
    wake: impl FnOnce() + Send + 'static,
) {
    // The browser has no threads: there the frame loop looks four times a second instead.
    if cfg!(target_arch = "wasm32") {
        return;
    }
    let watch = move || {
        loop {
            thread::sleep(every);
            if done(lock(&speaker).as_mut()) {
                break;
            }
        }
        wake();
    };
    if let Err(e) = thread::Builder::new()
        .name("speech-wake".into())
        .spawn(watch)
    {
        log::warn!("cannot watch speech ({e}); Listen changes on the next touch");
    }
}

/// The primary subtag of a language code ("es" for "es-419" or "es_MX"), lower case;
/// `None` for something that is not a language code.
pub(crate) fn primary_language(code: &str) -> Option<String> {
    let valid = !code.is_empty()
        && code.len() <= 35
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    (valid && !primary.is_empty()).then(|| primary.to_ascii_lowercase())
}

/// Whether `languages` (primary subtags) has a voice for `code`.
pub(crate) fn has_language(languages: &BTreeSet<String>, code: &str) -> bool {
    primary_language(code).is_some_and(|primary| languages.contains(&primary))
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

mod audio;
#[cfg(target_arch = "wasm32")]
mod browser;
mod dispatcher;
mod process;
#[cfg(any(test, feature = "test-support"))]
mod recording;
mod silent;
mod voices;
#[cfg(windows)]
mod windows;

pub use audio::AudioProbe;
pub use dispatcher::SpeechDispatcher;
#[cfg(any(test, feature = "test-support"))]
pub use recording::{Recording, SpeechLog, Spoken};
pub use silent::Silent;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_adds_a_full_stop_where_a_piece_does_not_end_a_sentence() {
        assert_eq!(
            join_for_speech(&[
                "What is microneedling?",
                "How it works",
                "Tiny channels start healing."
            ]),
            "What is microneedling? How it works. Tiny channels start healing."
        );
        assert_eq!(
            join_for_speech(&["  Aftercare  ", "", "   ", "Avoid sun: 1-2 days"]),
            "Aftercare. Avoid sun: 1-2 days."
        );
        assert_eq!(
            join_for_speech(&["Options:", "Yes", "No"]),
            "Options: Yes. No."
        );
        assert_eq!(
            join_for_speech(&["¿Es para mí?", "¡Claro!", "Sesiones"]),
            "¿Es para mí? ¡Claro! Sesiones."
        );
        assert_eq!(
            join_for_speech(&["She said \"wait.\"", "(See the table.)", "Wait…"]),
            "She said \"wait.\" (See the table.) Wait…"
        );
        assert_eq!(join_for_speech(&[]), "");
        assert_eq!(join_for_speech(&["", "  "]), "");
    }

    #[test]
    fn the_listeners_levels_reach_each_platforms_whole_range() {
        assert_eq!(web_voice(-100, -100), (0.5, 0.0));
        assert_eq!(web_voice(0, 0), (1.0, 0.5));
        assert_eq!(web_voice(100, 100), (2.0, 1.0));
        assert_eq!(web_voice(-500, 500), (0.5, 1.0));
        assert_eq!(sapi_voice(-100, -100), (-10, 0));
        assert_eq!(sapi_voice(0, 0), (0, 50));
        assert_eq!(sapi_voice(100, 100), (10, 100));
        assert_eq!(sapi_voice(500, -500), (10, 0));
        // Every step of the listener's ten levels is a different rate and volume.
        let levels: Vec<(i32, i32)> = (1..=crate::voice::LEVELS)
            .map(|level| {
                crate::voice::Voice {
                    volume: level,
                    pace: level,
                }
                .to_settings()
            })
            .collect();
        for pair in levels.windows(2) {
            let ((r0, v0), (r1, v1)) = (pair[0], pair[1]);
            let (lower, higher) = (web_voice(r0, v0), web_voice(r1, v1));
            assert!(lower.0 < higher.0 && lower.1 < higher.1, "{pair:?}");
            let (lower, higher) = (sapi_voice(r0, v0), sapi_voice(r1, v1));
            assert!(lower.0 < higher.0 && lower.1 < higher.1, "{pair:?}");
        }
    }

    #[test]
    fn languages_match_on_their_primary_subtag() {
        let languages: BTreeSet<String> = ["en", "es"].map(str::to_owned).into();
        for code in ["en", "EN", "en-US", "es", "es-419", "es_MX"] {
            assert!(has_language(&languages, code), "{code}");
        }
        for code in ["fr", "", "-", "e n", "en;rm", "eng"] {
            assert!(!has_language(&languages, code), "{code}");
        }
    }
}
