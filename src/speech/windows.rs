//! Listen on Windows: the system's own voices (SAPI, through .NET's System.Speech), run
//! by the PowerShell that every Windows 10 and 11 has, so nothing is installed and nothing
//! is linked. One PowerShell process speaks one text; stopping kills it, which stops its
//! voice at once. The voices are listed once, in the background, at start.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::os::windows::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Speaker, has_language, lock, primary_language};

/// No console window for the PowerShell processes.
const CREATE_NO_WINDOW: u32 = 0x0800_0000;
/// PowerShell and .NET can take seconds to start on a slow tablet.
const LIST_LIMIT: Duration = Duration::from_secs(30);

/// Lists the enabled voices' languages, one culture name (`en-US`) a line.
const LIST_VOICES: &str = "Add-Type -AssemblyName System.Speech; \
    $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; \
    $s.GetInstalledVoices() | Where-Object { $_.Enabled } | \
    ForEach-Object { $_.VoiceInfo.Culture.Name }";

/// Speaks standard input (UTF-8) with a voice of the language `$lang` (Latin American
/// Spanish first for Spanish), at rate `$rate` (-10..10) and volume `$volume` (0..100),
/// which [`speak_script`] sets first. (PowerShell takes everything after `-Command` as
/// the command, so they cannot be passed as arguments.)
const SPEAK: &str = "[Console]::InputEncoding = [Text.Encoding]::UTF8; \
    $text = [Console]::In.ReadToEnd(); \
    Add-Type -AssemblyName System.Speech; \
    $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; \
    $voices = @($s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.TwoLetterISOLanguageName -eq $lang }); \
    $latin = @($voices | Where-Object { $_.VoiceInfo.Culture.Name -in 'es-MX','es-US','es-419' }); \
    if ($latin.Count -gt 0) { $voices = $latin + $voices }; \
    if ($voices.Count -gt 0) { $s.SelectVoice($voices[0].VoiceInfo.Name) }; \
    $s.Rate = $rate; $s.Volume = $volume; \
    $s.Speak($text)";

/// The script that speaks in `language` (a primary subtag: ASCII letters and digits only,
/// as [`primary_language`] gives) at SAPI's `rate` and `volume`.
fn speak_script(language: &str, rate: i32, volume: i32) -> String {
    format!("$lang = '{language}'; $rate = {rate}; $volume = {volume}; {SPEAK}")
}

type Voices = Option<Result<BTreeSet<String>, String>>;

pub struct WindowsSpeech {
    /// SAPI's `Rate` and `Volume` ([`super::sapi_voice`]).
    rate: i32,
    volume: i32,
    /// `None` while the voices are being listed.
    voices: Arc<Mutex<Voices>>,
    speaking: Option<Child>,
}

fn powershell() -> Command {
    let mut command = Command::new("powershell.exe");
    command
        .args([
            "-NoProfile",
            "-NonInteractive",
            "-ExecutionPolicy",
            "Bypass",
            "-Command",
        ])
        .creation_flags(CREATE_NO_WINDOW);
    command
}

impl WindowsSpeech {
    pub fn new(rate: i32, volume: i32) -> Self {
        let voices = Arc::new(Mutex::new(None));
        let found = Arc::clone(&voices);
        let listed = std::thread::Builder::new()
            .name("speech-voices".into())
            .spawn(move || *lock(&found) = Some(list_voices()));
        if let Err(e) = listed {
            *lock(&voices) = Some(Err(format!(
                "Speech is off: the voices cannot be listed ({e})"
            )));
        }
        let (rate, volume) = super::sapi_voice(rate, volume);
        Self {
            rate,
            volume,
            voices,
            speaking: None,
        }
    }
}

fn list_voices() -> Result<BTreeSet<String>, String> {
    let mut child = powershell()
        .arg(LIST_VOICES)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("Speech is off: PowerShell could not be started ({e})"))?;
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(out) = stdout.as_mut() {
            let _ = out.read_to_string(&mut text);
        }
        text
    });
    let deadline = Instant::now() + LIST_LIMIT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break,
            Ok(Some(status)) => {
                return Err(format!(
                    "Speech is off: listing the voices failed ({status})"
                ));
            }
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "Speech is off: the system's voices did not answer within {} s",
                    LIST_LIMIT.as_secs()
                ));
            }
        }
    }
    let text = reader.join().unwrap_or_default();
    let languages: BTreeSet<String> = text.lines().filter_map(primary_language).collect();
    if languages.is_empty() {
        Err(
            "Speech is off: Windows has no voice installed (Settings, Time & language, Speech)"
                .to_owned(),
        )
    } else {
        Ok(languages)
    }
}

impl Speaker for WindowsSpeech {
    fn speak(&mut self, language: &str, text: &str) {
        self.stop();
        let Some(primary) = primary_language(language) else {
            return;
        };
        if text.trim().is_empty() {
            return;
        }
        let spawned = powershell()
            .arg(speak_script(&primary, self.rate, self.volume))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(mut child) => {
                if let Some(mut stdin) = child.stdin.take() {
                    let text = text.as_bytes().to_vec();
                    let _ = std::thread::Builder::new()
                        .name("speech-write".into())
                        .spawn(move || {
                            let _ = stdin.write_all(&text);
                        });
                }
                self.speaking = Some(child);
            }
            Err(e) => log::warn!("PowerShell could not be started to speak: {e}"),
        }
    }

    fn set_voice(&mut self, rate: i32, volume: i32) {
        (self.rate, self.volume) = super::sapi_voice(rate, volume);
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.speaking.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn is_speaking(&mut self) -> bool {
        let running = self
            .speaking
            .as_mut()
            .is_some_and(|child| matches!(child.try_wait(), Ok(None)));
        if !running {
            self.speaking = None;
        }
        running
    }

    fn has_voice(&self, language: &str) -> bool {
        matches!(&*lock(&self.voices), Some(Ok(languages)) if has_language(languages, language))
    }

    fn status(&self) -> String {
        match &*lock(&self.voices) {
            None => "Speech: looking for the system's voices".to_owned(),
            Some(Ok(languages)) => {
                let list: Vec<&str> = languages.iter().map(String::as_str).collect();
                format!("Speech works: Windows' voices for {}", list.join(", "))
            }
            Some(Err(why)) => why.clone(),
        }
    }

    fn is_checking(&self) -> bool {
        lock(&self.voices).is_none()
    }
}

impl Drop for WindowsSpeech {
    fn drop(&mut self) {
        self.stop();
    }
}
