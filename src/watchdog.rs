//! systemd's watchdog, from the frame loop: the kiosk says `READY=1` when its first frame
//! is built and `WATCHDOG=1` at least every half of `WATCHDOG_USEC`, so a frame loop
//! stuck in a driver or a deadlock stops the pings and systemd restarts the session
//! (`WatchdogSec=` in the unit). The protocol is sd_notify(3): one datagram per message
//! to the Unix socket named by `$NOTIFY_SOCKET` (a path, or `@name` for Linux's abstract
//! namespace), a few lines of std, no libsystemd.
//!
//! Under cage the service's main process is cage and the kiosk its child, so the unit
//! says `NotifyAccess=all`, and `WATCHDOG_PID` (cage's) is accepted when it is the
//! kiosk's parent. Without `$NOTIFY_SOCKET` and `$WATCHDOG_USEC` (a window on a desktop,
//! tests) there is no watchdog and nothing here wakes the window.

use std::os::unix::net::UnixDatagram;
use std::time::{Duration, Instant};

/// Environment variable, for tests only: the first frame built this many seconds after
/// start never ends, as a frame stuck in a driver would not (scripts/watchdog-check.sh).
pub const TEST_FREEZE_VARIABLE: &str = "MICRONEEDLING_KIOSK_TEST_FREEZE_AFTER_SECS";

/// Where the notifications go.
#[derive(Debug)]
enum Target {
    Path(std::path::PathBuf),
    #[cfg(target_os = "linux")]
    Abstract(Vec<u8>),
}

#[derive(Debug)]
pub struct Watchdog {
    socket: UnixDatagram,
    target: Target,
    /// How often to ping: half the watchdog's timeout, as sd_watchdog_enabled(3) advises.
    every: Duration,
    last_ping: Option<Instant>,
    ready_sent: bool,
    /// When the deliberately stuck frame comes (tests only).
    freeze_at: Option<Instant>,
}

impl Watchdog {
    /// The watchdog systemd asked for through the environment, if any.
    pub fn from_env() -> Option<Self> {
        let socket = std::env::var_os("NOTIFY_SOCKET")?;
        let usec: u64 = std::env::var("WATCHDOG_USEC").ok()?.trim().parse().ok()?;
        if let Some(pid) = std::env::var("WATCHDOG_PID")
            .ok()
            .and_then(|p| p.trim().parse::<u32>().ok())
        {
            let ours = pid == std::process::id() || pid == std::os::unix::process::parent_id();
            if !ours {
                log::info!("the watchdog is for process {pid}, not this one or its parent");
                return None;
            }
        }
        let freeze_after = std::env::var(TEST_FREEZE_VARIABLE)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok());
        match Self::new(&socket, Duration::from_micros(usec)) {
            Ok(mut watchdog) => {
                if let Some(secs) = freeze_after {
                    log::warn!(
                        "{TEST_FREEZE_VARIABLE}: a frame will hang {secs} s after start (a test)"
                    );
                    watchdog.freeze_at = Some(Instant::now() + Duration::from_secs_f64(secs));
                }
                log::info!(
                    "systemd watchdog: {} s, a ping at least every {:.1} s",
                    usec / 1_000_000,
                    watchdog.every.as_secs_f64()
                );
                Some(watchdog)
            }
            Err(e) => {
                log::warn!("the systemd watchdog is asked for but cannot be used: {e}");
                None
            }
        }
    }

    /// A watchdog pinging the socket `socket` (sd_notify's syntax) within `timeout`.
    pub fn new(socket: &std::ffi::OsStr, timeout: Duration) -> std::io::Result<Self> {
        use std::os::unix::ffi::OsStrExt;
        let bytes = socket.as_bytes();
        let target = match bytes.first() {
            #[cfg(target_os = "linux")]
            Some(b'@') => Target::Abstract(bytes[1..].to_vec()),
            Some(b'/') => Target::Path(socket.into()),
            _ => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("NOTIFY_SOCKET={socket:?} is neither a path nor @name"),
                ));
            }
        };
        if timeout.is_zero() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "WATCHDOG_USEC is 0",
            ));
        }
        Ok(Self {
            socket: UnixDatagram::unbound()?,
            target,
            every: timeout / 2,
            last_ping: None,
            ready_sent: false,
            freeze_at: None,
        })
    }

    /// How often it pings.
    pub fn every(&self) -> Duration {
        self.every
    }

    /// Sends one notification (e.g. "WATCHDOG=1").
    fn notify(&self, message: &str) -> std::io::Result<()> {
        match &self.target {
            Target::Path(path) => self.socket.send_to(message.as_bytes(), path),
            #[cfg(target_os = "linux")]
            Target::Abstract(name) => {
                use std::os::linux::net::SocketAddrExt;
                let address = std::os::unix::net::SocketAddr::from_abstract_name(name)?;
                self.socket.send_to_addr(message.as_bytes(), &address)
            }
        }
        .map(|_| ())
    }

    /// Called once per frame, at its end: `READY=1` the first time, then `WATCHDOG=1`
    /// whenever the last ping is half a timeout old. Returns how long until the next ping
    /// is due, for the frame loop to wake then (and not more often).
    pub fn frame_done(&mut self, now: Instant) -> Duration {
        if self.freeze_at.is_some_and(|at| now >= at) {
            log::warn!("{TEST_FREEZE_VARIABLE}: this frame now hangs for ever (a test)");
            loop {
                std::thread::park();
            }
        }
        if !self.ready_sent {
            self.ready_sent = true;
            if let Err(e) = self.notify("READY=1\nSTATUS=Showing the kiosk") {
                log::warn!("could not tell systemd the kiosk is ready: {e}");
            }
        }
        let due = self.last_ping.is_none_or(|last| now >= last + self.every);
        if due {
            self.last_ping = Some(now);
            if let Err(e) = self.notify("WATCHDOG=1") {
                log::warn!("could not ping the systemd watchdog: {e}");
            }
        }
        let last = self.last_ping.unwrap_or(now);
        (last + self.every).saturating_duration_since(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_once_then_a_ping_every_half_timeout_and_no_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify");
        let systemd = UnixDatagram::bind(&path).unwrap();
        systemd.set_nonblocking(true).unwrap();
        let received = || {
            let mut messages = Vec::new();
            let mut buffer = [0u8; 4096];
            while let Ok(n) = systemd.recv(&mut buffer) {
                messages.push(String::from_utf8_lossy(&buffer[..n]).into_owned());
            }
            messages
        };
        let mut watchdog = Watchdog::new(path.as_os_str(), Duration::from_secs(30)).unwrap();
        assert_eq!(watchdog.every(), Duration::from_secs(15));
        let start = Instant::now();
        assert_eq!(watchdog.frame_done(start), Duration::from_secs(15));
        assert_eq!(
            received(),
            ["READY=1\nSTATUS=Showing the kiosk", "WATCHDOG=1"]
        );
        // Frames in between (a visitor tapping) do not ping again.
        let later = start + Duration::from_secs(10);
        assert_eq!(watchdog.frame_done(later), Duration::from_secs(5));
        assert!(received().is_empty());
        // The frame the wake-up brings pings.
        let due = start + Duration::from_secs(15);
        assert_eq!(watchdog.frame_done(due), Duration::from_secs(15));
        assert_eq!(received(), ["WATCHDOG=1"]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_abstract_socket_is_reached_too() {
        use std::os::linux::net::SocketAddrExt;
        let name = format!("kiosk-watchdog-test-{}", std::process::id());
        let address = std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes()).unwrap();
        let systemd = UnixDatagram::bind_addr(&address).unwrap();
        let mut watchdog = Watchdog::new(
            std::ffi::OsStr::new(&format!("@{name}")),
            Duration::from_secs(2),
        )
        .unwrap();
        watchdog.frame_done(Instant::now());
        let mut buffer = [0u8; 64];
        let n = systemd.recv(&mut buffer).unwrap();
        assert!(buffer[..n].starts_with(b"READY=1"));
    }

    #[test]
    fn nonsense_is_refused() {
        assert!(Watchdog::new(std::ffi::OsStr::new("relative"), Duration::from_secs(1)).is_err());
        assert!(Watchdog::new(std::ffi::OsStr::new("/run/x"), Duration::ZERO).is_err());
    }
}
