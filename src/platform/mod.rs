//! What differs between Linux, Windows and the browser, one small interface each, chosen
//! at compile time; everything else (content, questionnaire, screens, idle wipe, PIN) is
//! shared and tested once, on Linux. This module keeps the storage and the places; the
//! rows that name another module are that module's, by `cfg` too. It uses nothing of the
//! kiosk's but [`crate::files`]' atomic writes, so that every module may use it.
//!
//! | what | Linux | Windows | web (wasm32) |
//! | --- | --- | --- | --- |
//! | storage of settings, counters, lockout ([`read`], [`write`], [`rename`]) | files, 0600 in 0700 folders, under XDG | files under `%APPDATA%\microneedling-kiosk` | the browser's `localStorage`, one entry per file; the settings built in by `scripts/build-web.sh` |
//! | counters' export ([`export`]) | a CSV file | a CSV file | a download of the CSV file |
//! | where the settings and the state live ([`settings_dir`], [`state_dir`]) | `$XDG_CONFIG_HOME`, `$XDG_STATE_HOME` | `%APPDATA%` | fixed names in `localStorage` |
//! | an installed content folder ([`installed_content`]) | `/usr/share/microneedling-kiosk/content` | `content` beside the `.exe` | none: always built in |
//! | content installed by staff ([`INSTALLS_CONTENT`]) | from a USB stick or `--install-content`, in the state folder | none on the staff screen (directory links need a privilege): the folder beside the `.exe` is replaced | none: a new build; the staff screen shows no USB stick |
//! | content folders at all ([`HAS_FOLDERS`]) | yes | yes | none: always the built-in copy |
//! | speech ([`crate::speech::system_speaker`]) | speech-dispatcher (`spd-say`) | the system's voices (System.Speech through PowerShell) | the browser's SpeechSynthesis, its on-device voices only |
//! | the one-kiosk lock | `flock` ([`crate::files::lock_instance`]) | `LockFileEx`, the same function | the Web Locks API, taken by `index.html` before the module starts |
//! | logging | stderr (the journal) | stderr | the browser's console (`crate::web_app`, which also starts the app on the page) |
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

/// The application's folder name, under the settings and state folders (and the
/// `localStorage` prefix on the web).
pub const APP_FOLDER: &str = "microneedling-kiosk";

/// The settings file's usual place: `config.toml` in [`settings_dir`].
pub fn default_config_path() -> std::path::PathBuf {
    settings_dir().join("config.toml")
}

/// A stored file read as text.
pub fn read_to_string(path: &std::path::Path) -> std::io::Result<String> {
    String::from_utf8(read(path)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}
