//! Where the kiosk keeps its few files, and how it writes them without ever leaving a
//! half-written one behind.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically: a temporary file beside it is written, flushed to
/// disk and renamed over the old one, so a crash or power cut leaves either the old file
/// or the new one, whole.
///
/// Only the kiosk's user can read what it writes (the settings hold the PIN's hash): a new
/// file is created 0600, in folders created 0700. A file that already exists keeps its
/// permissions and, where the writer may set it (root), its owner, so an administrator's
/// `chmod` survives a rewrite and `--set-pin` run as root keeps the kiosk's user owner.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir_all(dir)?;
    }
    let existing = std::fs::metadata(path).ok();
    let temporary = temporary_path(path);
    // A temporary file left by a crash keeps its old permissions if opened as it is.
    match std::fs::remove_file(&temporary) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut file = private_file_options().open(&temporary)?;
    if let Some(existing) = &existing {
        keep_owner_and_permissions(&file, existing)?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)
}

/// Creates `dir` and its missing parents, each 0700 (folders that exist are left as they
/// are).
pub fn create_private_dir_all(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// A new file, readable and writable by its owner only.
fn private_file_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

#[cfg(unix)]
fn keep_owner_and_permissions(
    file: &std::fs::File,
    existing: &std::fs::Metadata,
) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (existing.uid(), existing.gid()) {
        // Only root may give a file away; anyone else writes a file of their own.
        let _ = std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid()));
    }
    file.set_permissions(existing.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_permissions(
    file: &std::fs::File,
    existing: &std::fs::Metadata,
) -> std::io::Result<()> {
    file.set_permissions(existing.permissions())
}

/// The temporary file [`write_atomically`] writes before renaming.
pub fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    path.with_file_name(name)
}

/// Seconds since 1970, the clock the PIN lockout uses (and [`crate::clock`]'s; the
/// browser's clock on the web, where std has none).
pub fn unix_now() -> u64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The lock file, in the state folder, that keeps a second kiosk from starting.
pub const LOCK_FILE: &str = "kiosk.lock";

/// Why the kiosk cannot have its state folder to itself.
#[derive(Debug, PartialEq, Eq)]
pub enum LockError {
    /// Another kiosk holds the lock (its process id, when it wrote one).
    AlreadyRunning { lock: PathBuf, pid: Option<u32> },
    /// The lock could not be taken at all (a read-only or odd file system).
    Unavailable(String),
}

/// Takes the single-kiosk lock in `state_dir` (an advisory `flock`, released by the
/// system when the process ends however it ends, so a crash never leaves it stale).
/// Keep the returned file open for as long as the kiosk runs.
pub fn lock_instance(state_dir: &Path) -> Result<std::fs::File, LockError> {
    let path = state_dir.join(LOCK_FILE);
    let unavailable = |e: std::io::Error| {
        LockError::Unavailable(format!("{} cannot be locked: {e}", path.display()))
    };
    create_private_dir_all(state_dir).map_err(unavailable)?;
    // Not truncated on opening: the running kiosk's process id stays readable.
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).map_err(unavailable)?;
    match file.try_lock() {
        Ok(()) => {
            // Only informative (the lock itself is what counts), so a failed write is fine.
            let _ = file
                .set_len(0)
                .and_then(|()| writeln!(file, "{}", std::process::id()));
            Ok(file)
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let pid = std::fs::read_to_string(&path)
                .ok()
                .and_then(|text| text.trim().parse().ok());
            Err(LockError::AlreadyRunning { lock: path, pid })
        }
        Err(std::fs::TryLockError::Error(e)) => Err(unavailable(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        let first = lock_instance(&state).unwrap();
        match lock_instance(&state) {
            Err(LockError::AlreadyRunning { lock, pid }) => {
                assert_eq!(lock, state.join(LOCK_FILE));
                assert_eq!(pid, Some(std::process::id()));
            }
            other => panic!("the second lock was not refused: {other:?}"),
        }
        drop(first);
        assert!(lock_instance(&state).is_ok());
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/file.toml");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(!temporary_path(&path).exists());
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private_and_a_rewrite_keeps_the_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/deeper/file.toml");
        write_atomically(&path, b"one").unwrap();
        assert_eq!(mode(&path), 0o600, "a new file");
        assert_eq!(mode(&dir.path().join("new")), 0o700, "a new folder");
        assert_eq!(
            mode(&dir.path().join("new/deeper")),
            0o700,
            "its new subfolder"
        );
        // An administrator's choice survives the rewrite (here: group-readable).
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o640);
        // A temporary file left by a crash, world-readable, does not leak its mode.
        let other = dir.path().join("new/other.toml");
        std::fs::write(temporary_path(&other), b"left over").unwrap();
        std::fs::set_permissions(
            temporary_path(&other),
            std::fs::Permissions::from_mode(0o666),
        )
        .unwrap();
        write_atomically(&other, b"fresh").unwrap();
        assert_eq!(mode(&other), 0o600);
        assert_eq!(std::fs::read(&other).unwrap(), b"fresh");
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_and_its_folder_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        let _lock = lock_instance(&state).unwrap();
        assert_eq!(mode(&state), 0o700);
        assert_eq!(mode(&state.join(LOCK_FILE)), 0o600);
    }
}
