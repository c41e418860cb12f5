//! Copying a content folder in so that what was copied is on the disk, whole, before
//! anything points to it.

use std::path::Path;

use crate::content::source::is_hidden;

/// Copies the folder `from` to `to` (which must not exist): its files and folders, not
/// the hidden files a stick gathers. Every file and folder is flushed to the disk.
pub fn tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_str().is_none_or(is_hidden) {
            continue;
        }
        // Links are followed: what the kiosk would read is what is copied.
        let meta = std::fs::metadata(entry.path())?;
        if meta.is_dir() {
            tree(&entry.path(), &to.join(&name))?;
        } else if meta.is_file() {
            std::fs::copy(entry.path(), to.join(&name))?;
            std::fs::File::open(to.join(&name))?.sync_all()?;
        }
    }
    sync_dir(to)
}

/// Flushes a folder's list of entries (a new name, a rename) to the disk.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
