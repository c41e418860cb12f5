//! Watching something cheap to look at (which content folder is live, the files of a
//! folder being edited) from a thread of its own, which wakes the window only when it
//! changes: the window polls nothing and draws nothing while nothing changes.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::content::Source;

/// The latest look at something, kept up to date by a thread until it is dropped.
pub struct Watch<T> {
    latest: Arc<Mutex<T>>,
    stop: Arc<AtomicBool>,
}

impl<T: Clone + PartialEq + Send + 'static> Watch<T> {
    /// Looks with `look` now, then every `every`, and calls `wake` after each change.
    pub fn start(
        every: Duration,
        look: impl Fn() -> T + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let latest = Arc::new(Mutex::new(look()));
        let stop = Arc::new(AtomicBool::new(false));
        let (shared, stopped) = (Arc::clone(&latest), Arc::clone(&stop));
        let spawned = std::thread::Builder::new()
            .name("watch".to_owned())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    std::thread::sleep(every);
                    let now = look();
                    let mut latest = shared.lock().unwrap_or_else(PoisonError::into_inner);
                    if *latest != now {
                        *latest = now;
                        drop(latest);
                        wake();
                    }
                }
            });
        if let Err(e) = spawned {
            log::warn!("nothing will be watched: no thread could be started ({e})");
        }
        Self { latest, stop }
    }

    /// What the last look saw.
    pub fn latest(&self) -> T {
        self.latest
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl<T> Drop for Watch<T> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A number that changes when a file of `dir` is added, removed, resized or saved
/// (hidden files, such as an editor's swap files, aside).
pub fn fingerprint(dir: &Path) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in Source::Folder(dir.to_path_buf()).files() {
        file.hash(&mut hasher);
        if let Ok(meta) = std::fs::metadata(dir.join(&file)) {
            meta.len().hash(&mut hasher);
            meta.modified().ok().hash(&mut hasher);
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_change_wakes_once_and_a_save_changes_the_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("faq.md");
        std::fs::write(&file, "one").unwrap();
        let path = dir.path().to_path_buf();
        let (woken, wakes) = mpsc::channel();
        let watch = Watch::start(
            Duration::from_millis(10),
            move || fingerprint(&path),
            move || woken.send(()).unwrap(),
        );
        let before = watch.latest();
        std::fs::write(&file, "two, longer").unwrap();
        wakes.recv_timeout(Duration::from_secs(5)).expect("woken");
        assert_ne!(watch.latest(), before);
        assert_eq!(watch.latest(), fingerprint(dir.path()));
        std::fs::write(dir.path().join(".faq.md.swp"), "x").unwrap();
        assert!(
            wakes.recv_timeout(Duration::from_millis(200)).is_err(),
            "a hidden file changes nothing"
        );
    }
}
