//! Can sound be played at all?

use std::path::PathBuf;
use std::time::Duration;

use super::process::{RunError, one_line, program_name, run};

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
        #[cfg(unix)]
        if let Some(dir) = &self.runtime_dir {
            let socket = dir.join("pulse/native");
            if std::os::unix::net::UnixStream::connect(&socket).is_ok() {
                return Ok("the session's sound server (PulseAudio or PipeWire)".to_owned());
            }
        }
        // 0.1 s of silence, 16-bit mono at 16 kHz, on ALSA's default device.
        let silence = vec![0u8; 3200];
        let name = program_name(&self.aplay);
        let result = run(
            &self.aplay,
            &[
                "-q", "-t", "raw", "-f", "S16_LE", "-c", "1", "-r", "16000", "-",
            ],
            Some(silence),
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
            Err(RunError::Failed { stderr, .. }) => one_line(&stderr),
        };
        Err(format!(
            "no sound can be played: no sound server answers and ALSA's default device cannot be used ({why}); check that the sound card is there (aplay -l) and that this user is in the audio group"
        ))
    }
}
