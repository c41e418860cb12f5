//! Linux and Windows: files.

use std::path::{Path, PathBuf};

use super::APP_FOLDER;

/// A stored file's bytes.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

/// Stores `bytes` at `path`, whole or not at all ([`crate::files::write_atomically`]).
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::files::write_atomically(path, bytes)
}

/// Renames a stored file (a damaged one set aside).
pub fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::rename(from, to)
}

/// Hands an exported file to staff: written at `path`.
pub fn export(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::files::write_atomically(path, bytes)
}

/// The settings' folder: `$XDG_CONFIG_HOME/microneedling-kiosk`, or under `~/.config`.
#[cfg(not(windows))]
pub fn settings_dir() -> PathBuf {
    xdg_dir("XDG_CONFIG_HOME", ".config")
}

/// The counters' and the lockout's folder: `$XDG_STATE_HOME/microneedling-kiosk`, or
/// under `~/.local/state`.
#[cfg(not(windows))]
pub fn state_dir() -> PathBuf {
    xdg_dir("XDG_STATE_HOME", ".local/state")
}

#[cfg(not(windows))]
fn xdg_dir(variable: &str, fallback: &str) -> PathBuf {
    let base = std::env::var_os(variable)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(fallback)))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join(APP_FOLDER)
}

/// The settings' folder: `%APPDATA%\microneedling-kiosk` (the user's roaming application
/// data), else beside the program.
#[cfg(windows)]
pub fn settings_dir() -> PathBuf {
    std::env::var_os("APPDATA")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| exe_dir())
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_FOLDER)
}

/// The counters' and the lockout's folder: the same as the settings' on Windows.
#[cfg(windows)]
pub fn state_dir() -> PathBuf {
    settings_dir()
}

/// The folder of the running program.
pub fn exe_dir() -> Option<PathBuf> {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
}

/// Staff install content from a folder (a USB stick, `--install-content`) on Linux. Not
/// on Windows: the swap uses directory symbolic links, which a standard Windows user may
/// not create (Developer Mode or an administrator's privilege); there the content folder
/// beside the `.exe` is replaced by hand (docs/tablets.md).
pub const INSTALLS_CONTENT: bool = cfg!(unix);

/// Content, settings and state are files in folders.
pub const HAS_FOLDERS: bool = true;

/// Where an installation keeps its content folder: the Debian package's
/// `/usr/share/microneedling-kiosk/content`.
#[cfg(not(windows))]
pub fn installed_content() -> Option<PathBuf> {
    Some(PathBuf::from("/usr/share").join(APP_FOLDER).join("content"))
}

/// Where an installation keeps its content folder: `content` beside the `.exe`.
#[cfg(windows)]
pub fn installed_content() -> Option<PathBuf> {
    exe_dir().map(|dir| dir.join("content"))
}

/// Closes the console Windows opened for this process alone (started from Explorer, a
/// shortcut or as Shell Launcher's shell), so only the kiosk's window shows; a console
/// that a terminal shares with the kiosk stays.
#[cfg(windows)]
pub fn close_own_console() {
    use windows_sys::Win32::System::Console::{FreeConsole, GetConsoleProcessList};
    let mut processes = [0u32; 2];
    // SAFETY: the buffer holds the two entries its length says; both calls only read or
    // detach this process's console.
    let count = unsafe { GetConsoleProcessList(processes.as_mut_ptr(), 2) };
    if count == 1 {
        // SAFETY: as above.
        unsafe { FreeConsole() };
    }
}
