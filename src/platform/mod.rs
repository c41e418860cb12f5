//! What differs between Linux, Windows and the browser, one small interface each, chosen
//! at compile time; everything else (content, questionnaire, screens, idle wipe, PIN) is
//! shared and tested once, on Linux.
//!
//! | what | Linux | Windows | web (wasm32) |
//! | --- | --- | --- | --- |
//! | storage of settings, counters, lockout ([`read`], [`write`], [`rename`]) | files, 0600 in 0700 folders, under XDG | files under `%APPDATA%\microneedling-kiosk` | the browser's `localStorage`, one entry per file; the settings built in by `scripts/build-web.sh` |
//! | counters' export ([`export`]) | a CSV file | a CSV file | a download of the CSV file |
//! | where the settings and the state live ([`settings_dir`], [`state_dir`]) | `$XDG_CONFIG_HOME`, `$XDG_STATE_HOME` | `%APPDATA%` | fixed names in `localStorage` |
//! | an installed content folder ([`installed_content`]) | `/usr/share/microneedling-kiosk/content` | `content` beside the `.exe` | none: always built in |
//! | speech ([`system_speaker`]) | speech-dispatcher (`spd-say`) | the system's voices (System.Speech through PowerShell) | the browser's SpeechSynthesis, its on-device voices only |
//! | the one-kiosk lock | `flock` ([`crate::files::lock_instance`]) | `LockFileEx`, the same function | the Web Locks API, taken by `index.html` before the module starts |
//! | logging | stderr (the journal) | stderr | the browser's console ([`web::init_logging`]) |
//! | the local date | chrono (`TZ`, `/etc/localtime`) | chrono (the system's zone) | chrono's `wasmbind` (the browser's zone) |
//! | lockdown | kiosk mode under cage | kiosk mode under Assigned Access or Shell Launcher | Guided Access (iPad), screen pinning or a kiosk launcher (Android), a full-screen home-screen app |
//!
//! `docs/tablets.md` has the tablets' setup.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(windows)]
mod windows_speech;

/// The application's folder name, under the settings and state folders (and the
/// `localStorage` prefix on the web).
pub const APP_FOLDER: &str = "microneedling-kiosk";

/// The listener's rate and volume (speech-dispatcher's -100..=100, [`crate::speech::Speaker::set_voice`])
/// as the browser's SpeechSynthesisUtterance takes them: the rate a factor from half to
/// twice the normal speed, the volume 0..=1.
#[cfg(any(test, target_arch = "wasm32"))]
pub(crate) fn web_voice(rate: i32, volume: i32) -> (f32, f32) {
    (
        2f32.powf(rate.clamp(-100, 100) as f32 / 100.0),
        (volume.clamp(-100, 100) + 100) as f32 / 200.0,
    )
}

/// The listener's rate and volume (-100..=100 each) as SAPI's `Rate` (-10..=10) and
/// `Volume` (0..=100).
#[cfg(any(test, windows))]
pub(crate) fn sapi_voice(rate: i32, volume: i32) -> (i32, i32) {
    (
        rate.clamp(-100, 100) / 10,
        (volume.clamp(-100, 100) + 100) / 2,
    )
}

/// A stored file read as text.
pub fn read_to_string(path: &std::path::Path) -> std::io::Result<String> {
    String::from_utf8(read(path)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
