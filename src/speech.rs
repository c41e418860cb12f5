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
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// Something that reads text aloud. The app owns one as a `Box<dyn Speaker>`.
pub trait Speaker: Send {
    /// Speaks `text` (plain text, already free of Markdown) in `language` (a content folder
    /// code such as "en", "es"), replacing anything being spoken.
    fn speak(&mut self, language: &str, text: &str);
    /// Stops at once; nothing stays queued.
    fn stop(&mut self);
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

/// The speaker for this system: speech-dispatcher on Linux, silence elsewhere.
/// `rate` and `volume` are the staff settings, -100..100 each.
pub fn system_speaker(rate: i32, volume: i32) -> Box<dyn Speaker> {
    if cfg!(target_os = "linux") {
        Box::new(SpeechDispatcher::new(rate, volume))
    } else {
        Box::new(Silent::new(
            "Speech is off: read-aloud needs speech-dispatcher, which this system does not have",
        ))
    }
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
fn primary_language(code: &str) -> Option<String> {
    let valid = !code.is_empty()
        && code.len() <= 35
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    (valid && !primary.is_empty()).then(|| primary.to_ascii_lowercase())
}

/// Whether `languages` (primary subtags) has a voice for `code`.
fn has_language(languages: &BTreeSet<String>, code: &str) -> bool {
    primary_language(code).is_some_and(|primary| languages.contains(&primary))
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

// ----------------------------------------------------------------------------------------
// Recording: for tests.

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
                Spoken::Stopped => None,
            })
            .collect()
    }

    /// The last `(language, text)` spoken.
    pub fn last_spoken(&self) -> Option<(String, String)> {
        self.spoken().pop()
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

// ----------------------------------------------------------------------------------------
// Silent: no speech at all.

/// A speaker with no voices, for systems without a speech service.
#[derive(Clone, Debug)]
pub struct Silent {
    reason: String,
}

impl Silent {
    /// `reason` is the status line, e.g. "Speech is off: …".
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
        }
    }
}

impl Speaker for Silent {
    fn speak(&mut self, _language: &str, _text: &str) {}

    fn stop(&mut self) {}

    fn is_speaking(&mut self) -> bool {
        false
    }

    fn has_voice(&self, _language: &str) -> bool {
        false
    }

    fn status(&self) -> String {
        self.reason.clone()
    }
}

// ----------------------------------------------------------------------------------------
// speech-dispatcher through spd-say.

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
/// How often the detection thread looks whether a listing has finished.
const POLL: Duration = Duration::from_millis(10);
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

fn program_name(program: &Path) -> String {
    program
        .file_name()
        .unwrap_or(program.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// Asks speech-dispatcher for its output modules, makes sure sound can be played (when
/// `audio` says how), and asks for the voices.
fn detect(program: &Path, audio: Option<&AudioProbe>) -> Detection {
    let name = program_name(program);
    let modules = match run_with_timeout(program, &["-O"], MODULES_TIMEOUT) {
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
    let (languages, codes) = match run_with_timeout(program, &["-L"], VOICES_TIMEOUT) {
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

/// `spd-say` (or its stand-in) as a command. It starts speech-dispatcher when none runs,
/// and the daemon inherits its environment: systemd's notification variables are the
/// kiosk's own and are not passed on (with `NotifyAccess=all` the daemon's messages would
/// count as the kiosk's).
fn client(program: &Path) -> Command {
    let mut command = Command::new(program);
    for variable in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] {
        command.env_remove(variable);
    }
    command
}

// ----------------------------------------------------------------------------------------
// Can sound be played at all?

/// How long the ALSA probe may take (it plays a tenth of a second of silence).
const AUDIO_TIMEOUT: Duration = Duration::from_secs(3);

/// Finds out, once at start, whether sound can be played, the way the kiosk's
/// speech-dispatcher plays it (`AudioOutputMethod "pulse,alsa"`, which the Debian package
/// sets for the kiosk's user): through a sound server (PulseAudio, or PipeWire's Pulse
/// service) when one answers, else through ALSA's default device, which is tried by
/// playing a tenth of a second of silence with `aplay` (alsa-utils), so the kiosk needs
/// no sound library of its own. Without a way to play sound, Listen is not offered and
/// the staff screen says why.
#[derive(Clone, Debug)]
pub struct AudioProbe {
    /// `aplay`, or a stand-in.
    pub aplay: PathBuf,
    /// `$PULSE_SERVER`: a sound server named explicitly.
    pub pulse_server: Option<String>,
    /// `$XDG_RUNTIME_DIR`, where a sound server's socket would be (`pulse/native`).
    pub runtime_dir: Option<PathBuf>,
}

impl AudioProbe {
    /// This session's: `aplay` from `PATH`, `$PULSE_SERVER`, `$XDG_RUNTIME_DIR`.
    pub fn system() -> Self {
        Self {
            aplay: PathBuf::from("aplay"),
            pulse_server: std::env::var("PULSE_SERVER")
                .ok()
                .filter(|s| !s.trim().is_empty()),
            runtime_dir: std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from),
        }
    }

    /// Where sound goes, or why none can be played.
    pub fn run(&self) -> Result<String, String> {
        if let Some(server) = &self.pulse_server {
            return Ok(format!("the sound server {server}"));
        }
        if let Some(dir) = &self.runtime_dir {
            let socket = dir.join("pulse/native");
            #[cfg(unix)]
            if std::os::unix::net::UnixStream::connect(&socket).is_ok() {
                return Ok("the session's sound server (PulseAudio or PipeWire)".to_owned());
            }
        }
        // 0.1 s of silence, 16-bit mono at 16 kHz, on ALSA's default device.
        let silence = vec![0u8; 3200];
        let name = program_name(&self.aplay);
        let result = run_with_input(
            &self.aplay,
            &[
                "-q", "-t", "raw", "-f", "S16_LE", "-c", "1", "-r", "16000", "-",
            ],
            silence,
            AUDIO_TIMEOUT,
        );
        let why = match result {
            Ok(_) => return Ok("ALSA's default device".to_owned()),
            Err(RunError::NotFound) => {
                return Err(format!(
                    "{name} was not found, so whether sound can be played is unknown; install the Debian package alsa-utils"
                ));
            }
            Err(RunError::TimedOut) => {
                format!("{name} did not finish within {} s", AUDIO_TIMEOUT.as_secs())
            }
            Err(RunError::Start(error)) => format!("{name} could not be started ({error})"),
            Err(RunError::Failed { stderr, .. }) => {
                stderr.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        };
        Err(format!(
            "no sound can be played: no sound server answers and ALSA's default device cannot be used ({why}); check that the sound card is there (aplay -l) and that this user is in the audio group"
        ))
    }
}

/// Runs `program args` with `input` on its standard input, killing it after `timeout`.
fn run_with_input(
    program: &Path,
    args: &[&str],
    input: Vec<u8>,
    timeout: Duration,
) -> Result<String, RunError> {
    use std::io::Write;
    let mut child = client(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => RunError::NotFound,
            _ => RunError::Start(error),
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = thread::Builder::new()
            .name("audio-probe".to_owned())
            .spawn(move || {
                let _ = stdin.write_all(&input);
            });
    }
    let stderr = read_in_background(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
            Ok(None) | Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::TimedOut);
            }
        }
    };
    let stderr = stderr
        .recv_timeout(Duration::from_millis(500))
        .unwrap_or_default();
    if status.success() {
        Ok(String::new())
    } else {
        Err(RunError::Failed { status, stderr })
    }
}

/// The modules in `spd-say -O` output: the lines after "OUTPUT MODULES".
fn parse_modules(output: &str) -> Vec<String> {
    output
        .lines()
        .map(str::trim)
        .skip_while(|line| *line != "OUTPUT MODULES")
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The languages (primary subtags) in `spd-say -L` output.
fn parse_voice_languages(output: &str) -> BTreeSet<String> {
    voice_codes(output).filter_map(primary_language).collect()
}

/// The voices' full language codes in `spd-say -L` output, lower case, `-` between parts.
fn parse_voice_codes(output: &str) -> BTreeSet<String> {
    voice_codes(output)
        .filter(|code| primary_language(code).is_some())
        .map(|code| code.to_ascii_lowercase().replace('_', "-"))
        .collect()
}

/// Regions asked for where the engine has a voice for them: a Chicago clinic's Spanish
/// speakers are mostly Latin American (espeak-ng's `es-419`), not from Spain (`es`).
const PREFERRED_REGIONS: &[(&str, &str)] = &[("es", "es-419")];

/// The language code to ask speech-dispatcher for `language`: its preferred region
/// where one of `codes` is that region, else `language` itself.
fn voice_code<'a>(codes: &BTreeSet<String>, language: &'a str) -> &'a str {
    PREFERRED_REGIONS
        .iter()
        .find(|(primary, region)| {
            primary_language(language).as_deref() == Some(*primary) && codes.contains(*region)
        })
        .map_or(language, |(_, region)| region)
}

/// The language column of `spd-say -L` output: after the header "NAME LANGUAGE VARIANT",
/// one voice a line, right-aligned columns, the language second to last (names may
/// contain spaces); the dummy module's voice is left out.
fn voice_codes(output: &str) -> impl Iterator<Item = &str> {
    let mut lines = output.lines().skip_while(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words != ["NAME", "LANGUAGE", "VARIANT"]
    });
    lines.next();
    lines.filter_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let [name @ .., language, _variant] = words.as_slice() else {
            return None;
        };
        (!name.is_empty() && *name != ["dummy"]).then_some(*language)
    })
}

/// Why running `spd-say` for a listing failed.
#[derive(Debug)]
enum RunError {
    NotFound,
    Start(std::io::Error),
    TimedOut,
    Failed { status: ExitStatus, stderr: String },
}

impl RunError {
    /// The staff screen's line for this failure of `program option`.
    fn describe(&self, program: &str, option: &str, timeout: Duration) -> String {
        match self {
            Self::NotFound => format!(
                "Speech is off: {program} was not found; install the Debian packages speech-dispatcher and espeak-ng"
            ),
            Self::Start(error) => {
                format!("Speech is off: {program} could not be started ({error})")
            }
            Self::TimedOut => format!(
                "Speech is off: speech-dispatcher did not answer within {} s ({program} {option})",
                timeout.as_secs()
            ),
            Self::Failed { status, stderr } => {
                let mut why: String = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
                if why.chars().count() > 300 {
                    why = why.chars().take(300).collect::<String>() + "…";
                }
                if why.is_empty() {
                    format!("Speech is off: {program} {option} failed ({status})")
                } else {
                    format!("Speech is off: {program} {option} failed ({status}): {why}")
                }
            }
        }
    }
}

/// Runs `program args` and returns its standard output, killing it after `timeout`.
fn run_with_timeout(program: &Path, args: &[&str], timeout: Duration) -> Result<String, RunError> {
    let mut child = client(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => RunError::NotFound,
            _ => RunError::Start(error),
        })?;
    // Both pipes are drained while the child runs: `-L` writes about 800 KB.
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::TimedOut);
            }
            Err(error) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Start(error));
            }
        }
    };
    // Only a process the child left behind could hold a pipe open; do not wait for it.
    let grace = Duration::from_millis(500);
    let stdout = stdout.recv_timeout(grace).unwrap_or_default();
    let stderr = stderr.recv_timeout(grace).unwrap_or_default();
    if status.success() {
        Ok(stdout)
    } else {
        Err(RunError::Failed { status, stderr })
    }
}

fn read_in_background(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    if let Some(mut pipe) = pipe {
        let _ = thread::Builder::new()
            .name("speech-read".to_owned())
            .spawn(move || {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                let _ = sender.send(String::from_utf8_lossy(&bytes).into_owned());
            });
    }
    receiver
}

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
    fn languages_match_on_their_primary_subtag() {
        let languages: BTreeSet<String> = ["en", "es"].map(str::to_owned).into();
        for code in ["en", "EN", "en-US", "es", "es-419", "es_MX"] {
            assert!(has_language(&languages, code), "{code}");
        }
        for code in ["fr", "", "-", "e n", "en;rm", "eng"] {
            assert!(!has_language(&languages, code), "{code}");
        }
    }

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

    #[test]
    fn listings_are_parsed_as_spd_say_prints_them() {
        let modules = "OUTPUT MODULES\nespeak-ng\ndummy\n";
        assert_eq!(parse_modules(modules), ["espeak-ng", "dummy"]);
        assert!(parse_modules("Output modules not found.\n").is_empty());

        let voices = "                     NAME                 LANGUAGE                  VARIANT\n\
                      \x20     English (America)                    en-US                     none\n\
                      English (America, New York City)                en-US-NYC                     none\n\
                      \x20         Spanish (Spain)                       es                     none\n\
                      \x20 Spanish (Latin America)+Max                   es-419                      Max\n\
                      \x20                   dummy                       en                     none\n";
        let languages: Vec<String> = parse_voice_languages(voices).into_iter().collect();
        assert_eq!(languages, ["en", "es"]);
        let codes = parse_voice_codes(voices);
        let codes_listed: Vec<&str> = codes.iter().map(String::as_str).collect();
        assert_eq!(codes_listed, ["en-us", "en-us-nyc", "es", "es-419"]);
        // Spanish is asked for in its Latin American voice where there is one.
        assert_eq!(voice_code(&codes, "es"), "es-419");
        assert_eq!(voice_code(&codes, "en"), "en");
        let spain_only = parse_voice_codes(&voices.replace("es-419", "es"));
        assert_eq!(voice_code(&spain_only, "es"), "es");
        assert!(parse_voice_languages("Failed to get voice list.\n").is_empty());
        assert!(parse_voice_languages("").is_empty());
    }

    #[test]
    fn text_is_cleaned_and_bounded_for_one_argument() {
        assert_eq!(speakable("  a\tb\r\nc\0d  "), "a b \nc d");
        let long = "é".repeat(MAX_TEXT_BYTES);
        let cut = speakable(&long);
        assert!(cut.len() <= MAX_TEXT_BYTES && cut.chars().all(|c| c == 'é'));
    }

    #[test]
    fn time_limit_allows_the_slowest_rate() {
        let page = "x".repeat(1000);
        // Measured: about 0.065 s a character at rate 0, 0.13 s at rate -100.
        assert!(time_limit(&page, 0) >= Duration::from_secs(100));
        assert!(time_limit(&page, -100) >= Duration::from_secs(200));
        assert!(time_limit(&page, 100) <= time_limit(&page, 0));
        assert_eq!(time_limit("", 0), Duration::from_secs(10));
    }

    /// Tests of the speech-dispatcher backend against a stand-in `spd-say` (a shell
    /// script that logs its arguments), so they need neither the daemon nor audio.
    #[cfg(unix)]
    mod stand_in {
        use super::super::*;
        use std::os::unix::fs::PermissionsExt;
        use std::sync::atomic::{AtomicUsize, Ordering};

        const VOICES: &str = "NAME LANGUAGE VARIANT\n  English (America)  en-US  none\n  Spanish (Spain)  es  none\n";

        struct StandIn {
            dir: PathBuf,
            program: PathBuf,
        }

        impl StandIn {
            /// A stand-in whose `-O` and `-L` run `listing` (shell) and whose `-w`
            /// reading lasts `speak_seconds`.
            fn new(listing: &str, speak_seconds: u32) -> Self {
                static NEXT: AtomicUsize = AtomicUsize::new(0);
                let dir = std::env::temp_dir().join(format!(
                    "speech-test-{}-{}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join("voices"), VOICES).unwrap();
                let program = dir.join("spd-say");
                let script = format!(
                    "#!/bin/sh\n\
                     here=$(dirname \"$0\")\n\
                     [ \"$1\" = --probe ] && exit 0\n\
                     for a in \"$@\"; do printf '%s\\037' \"$a\"; done >> \"$here/calls\"\n\
                     printf '\\036' >> \"$here/calls\"\n\
                     case \"$1\" in -O|-L) {listing};; esac\n\
                     for a in \"$@\"; do [ \"$a\" = -w ] && exec sleep {speak_seconds}; done\n\
                     exit 0\n"
                );
                std::fs::write(&program, script).unwrap();
                std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
                // Another test's fork may briefly hold the script open for writing
                // (ETXTBSY); once one run succeeds, no such holder remains.
                for _ in 0..100 {
                    match Command::new(&program).arg("--probe").status() {
                        Ok(_) => break,
                        Err(error) if error.raw_os_error() == Some(26) => {
                            thread::sleep(Duration::from_millis(10))
                        }
                        Err(error) => panic!("stand-in: {error}"),
                    }
                }
                Self { dir, program }
            }

            fn working(speak_seconds: u32) -> Self {
                Self::new(
                    "[ \"$1\" = -O ] && printf 'OUTPUT MODULES\\nespeak-ng\\ndummy\\n' || cat \"$here/voices\"; exit 0",
                    speak_seconds,
                )
            }

            /// Every call so far, each as its arguments.
            fn calls(&self) -> Vec<Vec<String>> {
                let calls = std::fs::read_to_string(self.dir.join("calls")).unwrap_or_default();
                calls
                    .split('\x1e')
                    .filter(|call| !call.is_empty())
                    .map(|call| {
                        call.split('\x1f')
                            .filter(|a| !a.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .collect()
            }

            fn cancels(&self) -> usize {
                self.calls()
                    .iter()
                    .filter(|call| call.as_slice() == ["-C", "-N", "kiosk"])
                    .count()
            }

            fn wait_for(&self, mut what: impl FnMut(&Self) -> bool) -> bool {
                let deadline = Instant::now() + Duration::from_secs(5);
                while Instant::now() < deadline {
                    if what(self) {
                        return true;
                    }
                    thread::sleep(Duration::from_millis(20));
                }
                false
            }
        }

        impl Drop for StandIn {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.dir);
            }
        }

        fn ready(stand_in: &StandIn, rate: i32, volume: i32) -> SpeechDispatcher {
            let speaker = SpeechDispatcher::with_program(&stand_in.program, rate, volume);
            assert!(speaker.wait_until_ready(Duration::from_secs(10)));
            speaker
        }

        #[test]
        fn voices_are_detected_and_reported() {
            let stand_in = StandIn::working(0);
            let speaker = ready(&stand_in, 0, 100);
            assert!(speaker.has_voice("en") && speaker.has_voice("es") && !speaker.has_voice("fr"));
            assert_eq!(
                speaker.status(),
                "Speech works: speech-dispatcher with espeak-ng, voices for 2 languages"
            );
        }

        #[test]
        fn speaking_cancels_first_passes_settings_and_keeps_a_leading_dash() {
            let stand_in = StandIn::working(30);
            let mut speaker = ready(&stand_in, -250, 40);
            speaker.speak("es", "-5 grados: ¿frío?");
            assert!(speaker.is_speaking());
            let speak = [
                "-C",
                "-w",
                "-N",
                "kiosk",
                "-r",
                "-100",
                "-i",
                "40",
                "-l",
                "es",
                "--",
                "-5 grados: ¿frío?",
            ];
            assert!(
                stand_in.wait_for(|s| s.calls().iter().any(|call| call.as_slice() == speak)),
                "{:?}",
                stand_in.calls()
            );

            speaker.stop();
            assert!(!speaker.is_speaking());
            assert!(
                stand_in.wait_for(|s| s.cancels() == 1),
                "{:?}",
                stand_in.calls()
            );
        }

        #[test]
        fn a_reading_that_ends_is_no_longer_speaking_and_needs_no_cancel() {
            let stand_in = StandIn::working(0);
            let mut speaker = ready(&stand_in, 0, 100);
            speaker.speak("en", "Short.");
            assert!(stand_in.wait_for(|_| !speaker.is_speaking()));
            speaker.stop();
            speaker.stop();
            thread::sleep(Duration::from_millis(200));
            assert_eq!(stand_in.cancels(), 0, "{:?}", stand_in.calls());
        }

        #[test]
        fn nothing_is_spoken_without_a_voice_or_text() {
            let stand_in = StandIn::working(30);
            let mut speaker = ready(&stand_in, 0, 100);
            let listings = stand_in.calls().len();
            speaker.speak("fr", "Bonjour.");
            speaker.speak("en", "   ");
            speaker.stop();
            assert!(!speaker.is_speaking());
            thread::sleep(Duration::from_millis(200));
            assert_eq!(stand_in.calls().len(), listings, "{:?}", stand_in.calls());
        }

        #[test]
        fn a_new_text_replaces_the_one_being_spoken() {
            let stand_in = StandIn::working(30);
            let mut speaker = ready(&stand_in, 0, 100);
            speaker.speak("en", "First.");
            speaker.speak("en", "Second.");
            assert!(speaker.is_speaking());
            // The first client is killed at once, often before it has even started.
            let last_spoken = |s: &StandIn| {
                s.calls()
                    .into_iter()
                    .rfind(|call| call.contains(&"-w".to_owned()))
                    .and_then(|call| call.last().cloned())
            };
            assert!(
                stand_in.wait_for(|s| last_spoken(s).as_deref() == Some("Second.")),
                "{:?}",
                stand_in.calls()
            );
            drop(speaker);
            assert!(
                stand_in.wait_for(|s| s.cancels() == 1),
                "{:?}",
                stand_in.calls()
            );
        }

        #[test]
        fn a_missing_client_turns_speech_off_and_says_why() {
            let dir = std::env::temp_dir().join("speech-test-no-such-dir");
            let mut speaker = SpeechDispatcher::with_program(dir.join("spd-say"), 0, 100);
            assert!(speaker.wait_until_ready(Duration::from_secs(5)));
            assert_eq!(
                speaker.status(),
                "Speech is off: spd-say was not found; install the Debian packages speech-dispatcher and espeak-ng"
            );
            assert!(!speaker.has_voice("en"));
            speaker.speak("en", "Hello.");
            speaker.stop();
            assert!(!speaker.is_speaking());
        }

        #[test]
        fn a_failing_daemon_is_reported_with_its_message() {
            let stand_in = StandIn::new(
                "echo 'Failed to connect to Speech Dispatcher:' >&2; echo '  Error: no socket.' >&2; exit 1",
                0,
            );
            let speaker = ready(&stand_in, 0, 100);
            assert_eq!(
                speaker.status(),
                "Speech is off: spd-say -O failed (exit status: 1): Failed to connect to Speech Dispatcher: Error: no socket."
            );
            assert!(!speaker.has_voice("en"));
        }

        #[test]
        fn only_the_dummy_module_means_no_synthesizer() {
            let stand_in = StandIn::new("printf 'OUTPUT MODULES\\ndummy\\n'; exit 0", 0);
            let speaker = ready(&stand_in, 0, 100);
            assert!(
                speaker
                    .status()
                    .starts_with("Speech is off: speech-dispatcher has no speech synthesizer")
            );
        }

        /// An audio probe with a stand-in `aplay` that runs `script` (shell), and no
        /// sound server unless `server` (a listening `pulse/native` socket).
        fn probe(stand_in: &StandIn, script: &str, server: bool) -> AudioProbe {
            let aplay = stand_in.dir.join("aplay");
            std::fs::write(&aplay, format!("#!/bin/sh\ncat >/dev/null\n{script}\n")).unwrap();
            std::fs::set_permissions(&aplay, std::fs::Permissions::from_mode(0o755)).unwrap();
            // As for the stand-in spd-say: wait out another test's fork holding it (ETXTBSY).
            for _ in 0..100 {
                match Command::new(&aplay).stdin(Stdio::null()).status() {
                    Ok(_) => break,
                    Err(error) if error.raw_os_error() == Some(26) => {
                        thread::sleep(Duration::from_millis(10))
                    }
                    Err(error) => panic!("stand-in aplay: {error}"),
                }
            }
            let runtime = stand_in.dir.join("runtime");
            std::fs::create_dir_all(runtime.join("pulse")).unwrap();
            if server {
                let listener =
                    std::os::unix::net::UnixListener::bind(runtime.join("pulse/native")).unwrap();
                std::mem::forget(listener);
            }
            AudioProbe {
                aplay,
                pulse_server: None,
                runtime_dir: Some(runtime),
            }
        }

        fn ready_with(stand_in: &StandIn, audio: AudioProbe) -> SpeechDispatcher {
            let speaker =
                SpeechDispatcher::with_program_and_probe(&stand_in.program, audio, 0, 100);
            assert!(speaker.wait_until_ready(Duration::from_secs(10)));
            speaker
        }

        #[test]
        fn without_a_way_to_play_sound_listen_is_hidden_and_staff_told_why() {
            let stand_in = StandIn::working(0);
            let alsa_fails = "echo 'ALSA lib confmisc.c:855:(parse_card) cannot find card 0' >&2; \
                 echo 'aplay: main:831: audio open error: No such file or directory' >&2; exit 1";
            let speaker = ready_with(&stand_in, probe(&stand_in, alsa_fails, false));
            assert!(!speaker.has_voice("en"), "no Listen without sound");
            assert_eq!(
                speaker.status(),
                "Speech is off: no sound can be played: no sound server answers and ALSA's default \
                 device cannot be used (ALSA lib confmisc.c:855:(parse_card) cannot find card 0 \
                 aplay: main:831: audio open error: No such file or directory); check that the \
                 sound card is there (aplay -l) and that this user is in the audio group"
            );
        }

        #[test]
        fn sound_through_alsa_or_a_sound_server_shows_listen_and_says_which() {
            let stand_in = StandIn::working(0);
            let speaker = ready_with(&stand_in, probe(&stand_in, "exit 0", false));
            assert!(speaker.has_voice("en"));
            assert_eq!(
                speaker.status(),
                "Speech works: speech-dispatcher with espeak-ng, voices for 2 languages, sound \
                 through ALSA's default device"
            );
            let stand_in = StandIn::working(0);
            let speaker = ready_with(&stand_in, probe(&stand_in, "exit 1", true));
            assert!(speaker.has_voice("en"), "a sound server is enough");
            assert!(
                speaker
                    .status()
                    .ends_with("sound through the session's sound server (PulseAudio or PipeWire)"),
                "{}",
                speaker.status()
            );
        }

        #[test]
        fn without_aplay_the_probe_says_what_to_install() {
            let stand_in = StandIn::working(0);
            let mut audio = probe(&stand_in, "exit 0", false);
            audio.aplay = stand_in.dir.join("no-such-aplay");
            let speaker = ready_with(&stand_in, audio);
            assert!(!speaker.has_voice("en"));
            assert!(
                speaker
                    .status()
                    .contains("install the Debian package alsa-utils"),
                "{}",
                speaker.status()
            );
        }

        #[test]
        fn a_daemon_that_does_not_answer_cannot_hang_the_kiosk() {
            let stand_in = StandIn::new("exec sleep 30", 0);
            let started = Instant::now();
            let speaker = SpeechDispatcher::with_program(&stand_in.program, 0, 100);
            assert!(
                started.elapsed() < Duration::from_millis(500),
                "construction waited"
            );
            assert!(!speaker.has_voice("en"));
            assert_eq!(
                speaker.status(),
                "Speech: checking speech-dispatcher and its voices"
            );
            assert!(speaker.wait_until_ready(Duration::from_secs(10)));
            assert!(started.elapsed() < Duration::from_secs(4));
            assert_eq!(
                speaker.status(),
                "Speech is off: speech-dispatcher did not answer within 2 s (spd-say -O)"
            );
        }
    }

    /// The real thing: `SPEECH_REAL=1 cargo test -- --ignored real_speech_dispatcher`.
    /// Needs speech-dispatcher and espeak-ng, and an audio output that works (or a
    /// private daemon with a file sink, `SPEECHD_ADDRESS=unix_socket:…`): without one,
    /// `spd-say -w` never returns and this test fails at the time limit.
    #[test]
    #[ignore = "needs speech-dispatcher, espeak-ng and an audio output"]
    fn real_speech_dispatcher() {
        if std::env::var_os("SPEECH_REAL").is_none() {
            return;
        }
        let mut speaker = SpeechDispatcher::new(0, 100);
        assert!(
            speaker.wait_until_ready(Duration::from_secs(12)),
            "{}",
            speaker.status()
        );
        assert!(
            speaker.status().starts_with("Speech works"),
            "{}",
            speaker.status()
        );
        assert!(speaker.has_voice("en") && speaker.has_voice("es"));
        for (language, text) in [
            ("en", "Microneedling takes three to six sessions."),
            ("es", "El microneedling necesita de tres a seis sesiones."),
        ] {
            let started = Instant::now();
            speaker.speak(language, text);
            assert!(speaker.is_speaking());
            while speaker.is_speaking() {
                thread::sleep(Duration::from_millis(50));
            }
            assert!(
                speaker.status().starts_with("Speech works"),
                "{language}: {}",
                speaker.status()
            );
            eprintln!("{language}: spoken in {:?}", started.elapsed());
        }
        speaker.speak("en", "This one is stopped at once.");
        speaker.stop();
        assert!(!speaker.is_speaking());
    }
}
