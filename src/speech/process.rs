//! Running `spd-say` and `aplay` with time limits, their output read in the background.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How often a running client is looked at.
pub(super) const POLL: Duration = Duration::from_millis(10);

/// `spd-say` or `aplay` (or a stand-in) as a command. `spd-say` starts speech-dispatcher
/// when none runs, and the daemon inherits its environment: systemd's notification
/// variables are the kiosk's own and are not passed on (with `NotifyAccess=all` the
/// daemon's messages would count as the kiosk's).
pub(super) fn client(program: &Path) -> Command {
    let mut command = Command::new(program);
    for variable in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] {
        command.env_remove(variable);
    }
    command
}

pub(super) fn program_name(program: &Path) -> String {
    program
        .file_name()
        .unwrap_or(program.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// Why running a client failed.
#[derive(Debug)]
pub(super) enum RunError {
    NotFound,
    Start(std::io::Error),
    TimedOut,
    Failed { status: ExitStatus, stderr: String },
}

impl RunError {
    /// The staff screen's line for this failure of `program option`.
    pub(super) fn describe(&self, program: &str, option: &str, timeout: Duration) -> String {
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
                let mut why = one_line(stderr);
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

/// A message on one line, its words separated by single spaces.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `program args`, with `input` on its standard input, and returns its standard
/// output; killed after `timeout`.
pub(super) fn run(
    program: &Path,
    args: &[&str],
    input: Option<Vec<u8>>,
    timeout: Duration,
) -> Result<String, RunError> {
    let stdin = if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    };
    let mut child = client(program)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => RunError::NotFound,
            _ => RunError::Start(error),
        })?;
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        let _ = thread::Builder::new()
            .name("speech-write".to_owned())
            .spawn(move || {
                let _ = stdin.write_all(&input);
            });
    }
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
