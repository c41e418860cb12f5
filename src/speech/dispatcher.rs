//! speech-dispatcher through its command-line client `spd-say` (see the flags in the
//! module above): detection of its modules and voices on a background thread, one
//! `spd-say -C -w` per reading, and cancelling.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use super::audio::AudioProbe;
use super::process::{client, program_name, run};
use super::voices::{parse_modules, parse_voice_codes, parse_voice_languages, voice_code};
use super::{Speaker, has_language, lock};

/// How long `spd-say -O` may take. speech-dispatcher starts itself on the first
/// request (autospawn); that and the answer take about 0.3 s.
const MODULES_TIMEOUT: Duration = Duration::from_secs(2);
/// How long `spd-say -L` may take: espeak-ng lists some 13,000 voices and variants, which
/// takes `spd-say` about 2 s of CPU on a slow machine. It runs off the UI thread.
const VOICES_TIMEOUT: Duration = Duration::from_secs(8);
/// How long the kiosk waits after start before it looks for voices: listing them costs
/// `spd-say` a second or two of CPU, which on two cores competed with the first picture
/// (first content after 195-468 ms without the wait, 204-325 ms with it, five starts each:
/// docs/measurements/compare-browser.txt).
const DETECT_AFTER: Duration = Duration::from_millis(1500);
/// A cancel request or a killed client still running after this long is killed.
const LEFTOVER_LIMIT: Duration = Duration::from_secs(5);
/// Longest text handed to `spd-say` (Linux refuses an argument over 128 KiB).
const MAX_TEXT_BYTES: usize = 64 * 1024;
/// The application name speech-dispatcher logs.
const APP_NAME: &str = "kiosk";

#[derive(Clone, Debug)]
enum Detection {
    Checking,
    Ready {
        modules: Vec<String>,
        languages: BTreeSet<String>,
        /// Every voice's full language code, lower case ("es-419"), to pick a region.
        codes: BTreeSet<String>,
        /// Where the sound goes, when the probe looked (see [`AudioProbe`]).
        audio: Option<String>,
    },
    Off(String),
}

type SharedDetection = Arc<(Mutex<Detection>, Condvar)>;

struct Utterance {
    child: Child,
    deadline: Instant,
    limit: Duration,
}

/// Speaks through speech-dispatcher by running its client `spd-say`, found on `PATH`.
///
/// Construction starts detection (`spd-say -O`, then `spd-say -L`) on a background
/// thread and returns at once; until it has finished, [`Speaker::has_voice`] is false
/// everywhere. Each text is spoken by one `spd-say -C -w …` process, so `is_speaking` is
/// whether that process still runs. A reading that outlives a generous time limit (its
/// length at the slowest rate, plus 10 s) is cancelled and reported, because `-w` never
/// returns when the daemon cannot open the audio output.
pub struct SpeechDispatcher {
    program: PathBuf,
    rate: i32,
    volume: i32,
    detection: SharedDetection,
    current: Option<Utterance>,
    /// Killed clients and cancel requests, reaped on later calls.
    leftovers: Vec<(Child, Instant)>,
    /// What went wrong with the last reading, if anything.
    problem: Option<String>,
}

impl SpeechDispatcher {
    /// Speaks through `spd-say` from `PATH`; `rate` and `volume` are -100..100. Detection
    /// waits [`DETECT_AFTER`], so the kiosk's first picture has both cores to itself.
    /// The audio output is probed first ([`AudioProbe::system`]).
    pub fn new(rate: i32, volume: i32) -> Self {
        Self::detecting_after(
            "spd-say",
            Some(AudioProbe::system()),
            rate,
            volume,
            DETECT_AFTER,
        )
    }

    /// Speaks through the given `spd-say` program (tests use a stand-in), without
    /// probing the audio output.
    pub fn with_program(program: impl Into<PathBuf>, rate: i32, volume: i32) -> Self {
        Self::detecting_after(program, None, rate, volume, Duration::ZERO)
    }

    /// The same, probing the audio output with `audio` first.
    pub fn with_program_and_probe(
        program: impl Into<PathBuf>,
        audio: AudioProbe,
        rate: i32,
        volume: i32,
    ) -> Self {
        Self::detecting_after(program, Some(audio), rate, volume, Duration::ZERO)
    }

    fn detecting_after(
        program: impl Into<PathBuf>,
        audio: Option<AudioProbe>,
        rate: i32,
        volume: i32,
        delay: Duration,
    ) -> Self {
        let program = program.into();

        let detection: SharedDetection =
            Arc::new((Mutex::new(Detection::Checking), Condvar::new()));
        let shared = Arc::clone(&detection);
        let detect_with = program.clone();
        let started = thread::Builder::new()
            .name("speech-detect".to_owned())
            .spawn(move || {
                thread::sleep(delay);
                let found = detect(&detect_with, audio.as_ref());
                let (state, ready) = &*shared;
                *lock(state) = found;
                ready.notify_all();
            });
        if let Err(error) = started {
            *lock(&detection.0) = Detection::Off(format!(
                "Speech is off: could not start checking for voices ({error})"
            ));
        }
        Self {
            program,
            rate: rate.clamp(-100, 100),
            volume: volume.clamp(-100, 100),
            detection,
            current: None,
            leftovers: Vec::new(),
            problem: None,
        }
    }

    /// Waits up to `timeout` for voice detection to finish; true when it has. For the
    /// command-line check and tests: the UI never needs to wait.
    pub fn wait_until_ready(&self, timeout: Duration) -> bool {
        let (state, ready) = &*self.detection;
        let guard = lock(state);
        let (guard, _) = ready
            .wait_timeout_while(guard, timeout, |detection| {
                matches!(detection, Detection::Checking)
            })
            .unwrap_or_else(PoisonError::into_inner);
        !matches!(*guard, Detection::Checking)
    }

    fn program_name(&self) -> String {
        program_name(&self.program)
    }

    /// Kills the current client, if any; true if it was still running (its message may
    /// still be playing, since killing the client does not stop the daemon).
    fn abandon_current(&mut self) -> bool {
        let Some(mut utterance) = self.current.take() else {
            return false;
        };
        let running = matches!(utterance.child.try_wait(), Ok(None));
        if running {
            let _ = utterance.child.kill();
        }
        self.leftovers.push((utterance.child, Instant::now()));
        running
    }

    /// Asks speech-dispatcher to cancel everything, without waiting for the answer.
    fn cancel_all(&mut self) {
        let mut command = client(&self.program);
        command
            .args(["-C", "-N", APP_NAME])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match command.spawn() {
            Ok(child) => self.leftovers.push((child, Instant::now())),
            Err(error) => {
                self.problem = Some(format!(
                    "{} -C could not be started ({error})",
                    self.program_name()
                ))
            }
        }
    }

    /// Forgets finished leftovers and kills the ones running too long.
    fn reap(&mut self) {
        self.leftovers
            .retain_mut(|(child, since)| match child.try_wait() {
                Ok(None) => {
                    if since.elapsed() > LEFTOVER_LIMIT {
                        let _ = child.kill();
                    }
                    true
                }
                Ok(Some(_)) | Err(_) => false,
            });
    }
}

impl Speaker for SpeechDispatcher {
    fn speak(&mut self, language: &str, text: &str) {
        self.reap();
        let was_speaking = self.abandon_current();
        let text = speakable(text);
        if text.is_empty() || !self.has_voice(language) {
            if was_speaking {
                self.cancel_all();
            }
            return;
        }
        // A cancel request still on its way could arrive after the new text and silence
        // it; the new request cancels everything first anyway, so the old one can go.
        for (child, _) in &mut self.leftovers {
            let _ = child.kill();
        }
        self.reap();
        let (rate, volume) = (self.rate.to_string(), self.volume.to_string());
        let language = match &*lock(&self.detection.0) {
            Detection::Ready { codes, .. } => voice_code(codes, language).to_owned(),
            _ => language.to_owned(),
        };
        let mut command = client(&self.program);
        command
            .args([
                "-C", "-w", "-N", APP_NAME, "-r", &rate, "-i", &volume, "-l", &language, "--",
                &text,
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match command.spawn() {
            Ok(child) => {
                let limit = time_limit(&text, self.rate);
                self.current = Some(Utterance {
                    child,
                    deadline: Instant::now() + limit,
                    limit,
                });
            }
            Err(error) => {
                self.problem = Some(format!(
                    "{} could not be started ({error})",
                    self.program_name()
                ))
            }
        }
    }

    fn set_voice(&mut self, rate: i32, volume: i32) {
        self.rate = rate.clamp(-100, 100);
        self.volume = volume.clamp(-100, 100);
    }

    fn stop(&mut self) {
        self.reap();
        if self.abandon_current() {
            self.cancel_all();
        }
    }

    fn is_speaking(&mut self) -> bool {
        self.reap();
        let Some(utterance) = self.current.as_mut() else {
            return false;
        };
        match utterance.child.try_wait() {
            Ok(None) if Instant::now() < utterance.deadline => true,
            Ok(None) => {
                let limit = utterance.limit.as_secs();
                self.abandon_current();
                self.cancel_all();
                self.problem = Some(format!(
                    "the last reading did not finish within {limit} s, so it was cancelled; is the audio output working?"
                ));
                false
            }
            Ok(Some(status)) => {
                self.current = None;
                self.problem = (!status.success())
                    .then(|| format!("{} failed ({status})", self.program_name()));
                false
            }
            Err(error) => {
                self.abandon_current();
                self.problem = Some(format!("could not watch {} ({error})", self.program_name()));
                false
            }
        }
    }

    fn has_voice(&self, language: &str) -> bool {
        match &*lock(&self.detection.0) {
            Detection::Ready { languages, .. } => has_language(languages, language),
            Detection::Checking | Detection::Off(_) => false,
        }
    }

    fn is_checking(&self) -> bool {
        matches!(*lock(&self.detection.0), Detection::Checking)
    }

    fn status(&self) -> String {
        match &*lock(&self.detection.0) {
            Detection::Checking => "Speech: checking speech-dispatcher and its voices".to_owned(),
            Detection::Off(reason) => reason.clone(),
            Detection::Ready {
                modules,
                languages,
                audio,
                ..
            } => {
                let mut engine = format!(
                    "speech-dispatcher with {}, voices for {} languages",
                    modules.join(", "),
                    languages.len()
                );
                if let Some(audio) = audio {
                    engine.push_str(&format!(", sound through {audio}"));
                }
                match &self.problem {
                    None => format!("Speech works: {engine}"),
                    Some(problem) => format!("Speech may not work: {problem} ({engine})"),
                }
            }
        }
    }
}

impl Drop for SpeechDispatcher {
    fn drop(&mut self) {
        if self.abandon_current() {
            self.cancel_all();
        }
        let mut leftovers: Vec<Child> = self.leftovers.drain(..).map(|(child, _)| child).collect();
        if leftovers.is_empty() {
            return;
        }
        // Reap them off this thread; the cancel request needs a moment to be delivered.
        let _ = thread::Builder::new()
            .name("speech-reap".to_owned())
            .spawn(move || {
                let deadline = Instant::now() + LEFTOVER_LIMIT;
                while !leftovers.is_empty() && Instant::now() < deadline {
                    leftovers.retain_mut(|child| matches!(child.try_wait(), Ok(None)));
                    thread::sleep(Duration::from_millis(50));
                }
                for child in &mut leftovers {
                    let _ = child.kill();
                    let _ = child.wait();
                }
            });
    }
}

/// The text as `spd-say` gets it: control characters other than line breaks become
/// spaces, trimmed, and cut (at a character boundary) to what one argument may hold.
fn speakable(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    let mut text = cleaned.trim();
    if text.len() > MAX_TEXT_BYTES {
        let mut end = MAX_TEXT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text = &text[..end];
    }
    text.to_owned()
}

/// How long a reading may take before it counts as stuck: espeak-ng reads about 15
/// characters a second at rate 0 and half that at -100; this allows 1.5 times that
/// time, plus 10 s.
fn time_limit(text: &str, rate: i32) -> Duration {
    let characters = text.chars().count() as f64;
    let slowness = 1.0 + f64::from((-rate).clamp(0, 100)) / 100.0 * 1.5;
    Duration::from_secs_f64(10.0 + characters * 0.1 * slowness)
}

/// Asks speech-dispatcher for its output modules, makes sure sound can be played (when
/// `audio` says how), and asks for the voices.
fn detect(program: &Path, audio: Option<&AudioProbe>) -> Detection {
    let name = program_name(program);
    let modules = match run(program, &["-O"], None, MODULES_TIMEOUT) {
        Ok(output) => parse_modules(&output),
        Err(error) => return Detection::Off(error.describe(&name, "-O", MODULES_TIMEOUT)),
    };
    // The dummy module only plays a recorded apology.
    let modules: Vec<String> = modules
        .into_iter()
        .filter(|module| module != "dummy")
        .collect();
    if modules.is_empty() {
        return Detection::Off(
            "Speech is off: speech-dispatcher has no speech synthesizer; install the Debian packages espeak-ng and speech-dispatcher-espeak-ng".to_owned(),
        );
    }
    let audio = match audio.map(AudioProbe::run).transpose() {
        Ok(audio) => audio,
        Err(why) => return Detection::Off(format!("Speech is off: {why}")),
    };
    let (languages, codes) = match run(program, &["-L"], None, VOICES_TIMEOUT) {
        Ok(output) => (parse_voice_languages(&output), parse_voice_codes(&output)),
        Err(error) => return Detection::Off(error.describe(&name, "-L", VOICES_TIMEOUT)),
    };
    if languages.is_empty() {
        return Detection::Off(format!(
            "Speech is off: speech-dispatcher lists no voices ({name} -L); install the Debian packages espeak-ng and speech-dispatcher-espeak-ng"
        ));
    }
    Detection::Ready {
        modules,
        languages,
        codes,
        audio,
    }
}

#[cfg(test)]
#[path = "dispatcher_tests.rs"]
mod tests;
