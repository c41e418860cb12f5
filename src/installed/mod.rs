//! Content installed by staff (`--install-content`, or from a USB stick on the staff
//! screen), kept so that no install can break the kiosk and every one can be undone:
//!
//! ```text
//! <installed_content>/
//!   versions/2026-05-12_14-30-05/   each install a complete content folder, never changed
//!   current  -> versions/…          the version the kiosk shows
//!   previous -> versions/…          the one it showed before the last change
//!   installs.toml                   the log: what went live, when, from where
//! ```
//!
//! A new version is copied in beside the others under a hidden name, checked, renamed
//! into place, and only then does `current` change, by renaming a new link over it (one
//! atomic step). An install killed at any moment leaves `current` on a complete folder;
//! what it left half-done is tidied away by the next one. No `current` means the content
//! the kiosk shows without any installed (the package's, or the built-in copy).

mod changes;
pub mod command;
mod copy;
pub mod log;
pub mod stick;

use std::path::{Path, PathBuf};

pub use self::changes::{Change, changes};
use self::log::{Action, Entry, Log};
use crate::check;
use crate::clock::Clock;
use crate::config::Config;
use crate::content::{Loaded, Problem, Source};

const VERSIONS: &str = "versions";
const CURRENT: &str = "current";
const PREVIOUS: &str = "previous";
const LOG: &str = "installs.toml";
const LOCK: &str = "install.lock";
/// What a version is called while it is being copied.
const INCOMING: &str = ".incoming-";

/// The content the kiosk shows with `config`: the folder the settings or the command
/// line give, else the installed version live now, else the package's or the built-in.
pub fn live_source(config: &Config) -> Source {
    if !crate::platform::HAS_FOLDERS {
        return Source::BuiltIn;
    }
    let library = Library::at(config.installed_content());
    Source::resolve(config.content.clone(), library.current())
}

/// The installed versions of the content, in one folder.
#[derive(Clone, Debug)]
pub struct Library {
    root: PathBuf,
}

/// Why an install did not happen. Nothing live was changed.
#[derive(Debug)]
pub enum Refused {
    /// The folder has problems: every one, with its file and line.
    Problems(Vec<Problem>),
    /// It could not be copied, or switched to (a stick pulled out, a full disk...).
    Failed(String),
}

/// A new version copied in under its hidden name, not yet checked or live.
pub struct Staged {
    dir: PathBuf,
    from: PathBuf,
}

impl Staged {
    /// The copy, to check.
    pub fn source(&self) -> Source {
        Source::Folder(self.dir.clone())
    }
}

/// What went live.
#[derive(Debug)]
pub struct Installed {
    /// The content as it was loaded and checked (from the copy, before it took its
    /// version's name: for what it holds, not where).
    pub loaded: Loaded,
    /// The version's folder.
    pub folder: PathBuf,
}

impl Library {
    pub fn at(root: PathBuf) -> Self {
        Self { root }
    }

    /// The version live now, if one is installed.
    pub fn current(&self) -> Option<PathBuf> {
        self.version_of(CURRENT)
    }

    /// The version that was live before the last change, if it was an installed one.
    pub fn previous(&self) -> Option<PathBuf> {
        self.version_of(PREVIOUS)
    }

    /// Whether there is a change to undo: an installed version live, or one to go back to.
    pub fn can_go_back(&self) -> bool {
        self.current().is_some() || self.previous().is_some()
    }

    /// The log of every install and rollback, oldest first.
    pub fn log(&self) -> Log {
        Log::read(&self.root.join(LOG))
    }

    /// The folder a link points to, when that is a version folder that exists.
    fn version_of(&self, link: &str) -> Option<PathBuf> {
        let target = std::fs::read_link(self.root.join(link)).ok()?;
        let folder = self.root.join(target);
        folder.is_dir().then_some(folder)
    }

    /// The version name a link points to.
    fn version_name(&self, link: &str) -> Option<String> {
        let folder = self.version_of(link)?;
        folder.file_name()?.to_str().map(str::to_owned)
    }

    /// Checks the content folder `from` as `--check` does and, when it has no problem,
    /// makes a copy of it the live content, keeping the one live before as the previous.
    pub fn install(&self, from: &Path, clock: &Clock) -> Result<Installed, Refused> {
        let _lock = self.lock().map_err(Refused::Failed)?;
        self.tidy();
        let staged = self.stage(from).map_err(Refused::Failed)?;
        let (loaded, problems) = check::content_problems(&staged.source());
        if !problems.is_empty() {
            let _ = std::fs::remove_dir_all(&staged.dir);
            return Err(Refused::Problems(as_found_in(problems, &staged.dir, from)));
        }
        let folder = self.go_live(staged, clock).map_err(Refused::Failed)?;
        Ok(Installed { loaded, folder })
    }

    /// Copies `from` in beside the versions, under a hidden name; nothing live changes.
    pub fn stage(&self, from: &Path) -> Result<Staged, String> {
        if !from.is_dir() {
            return Err(format!("{} is not a folder", from.display()));
        }
        let versions = self.root.join(VERSIONS);
        crate::files::create_private_dir_all(&versions)
            .map_err(|e| format!("{} cannot be created: {e}", versions.display()))?;
        let dir = versions.join(format!("{INCOMING}{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        if let Err(e) = copy::tree(from, &dir) {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(format!("{} could not be copied: {e}", from.display()));
        }
        Ok(Staged {
            dir,
            from: from.to_path_buf(),
        })
    }

    /// Gives the staged copy its version name and switches `current` to it.
    fn go_live(&self, staged: Staged, clock: &Clock) -> Result<PathBuf, String> {
        let name = self.new_version_name(clock);
        let folder = self.root.join(VERSIONS).join(&name);
        std::fs::rename(&staged.dir, &folder)
            .and_then(|()| copy::sync_dir(&self.root.join(VERSIONS)))
            .map_err(|e| format!("{} cannot be created: {e}", folder.display()))?;
        let live = self.version_name(CURRENT);
        // `previous` first: a kill between the two leaves the old version live and kept.
        self.point(PREVIOUS, live.as_deref())
            .and_then(|()| self.point(CURRENT, Some(&name)))
            .map_err(|e| format!("the new content could not be made live: {e}"))?;
        ::log::info!(
            "content installed from {} as {}",
            staged.from.display(),
            folder.display()
        );
        self.write_log(Entry {
            at: clock.now(),
            action: Action::Install,
            version: name,
            from: staged.from.display().to_string(),
        });
        Ok(folder)
    }

    /// Puts back the content that was live before the last change (the package's when
    /// that was not an installed one), keeping the one live now as the previous.
    pub fn go_back(&self, clock: &Clock) -> Result<Option<PathBuf>, String> {
        let _lock = self.lock()?;
        let (live, before) = (self.version_name(CURRENT), self.version_name(PREVIOUS));
        let switched = match (&live, &before) {
            (None, None) => return Err("there is no previous content to go back to".to_owned()),
            // Back to the package's content: `current` becomes `previous`, in one step.
            (Some(_), None) => std::fs::rename(self.root.join(CURRENT), self.root.join(PREVIOUS))
                .and_then(|()| copy::sync_dir(&self.root)),
            // `current` first: a kill between the two leaves the wanted version live.
            _ => self
                .point(CURRENT, before.as_deref())
                .and_then(|()| self.point(PREVIOUS, live.as_deref())),
        };
        switched.map_err(|e| format!("the previous content could not be put back: {e}"))?;
        ::log::info!(
            "content gone back to {}",
            before
                .as_deref()
                .unwrap_or("the content that came with the kiosk")
        );
        self.write_log(Entry {
            at: clock.now(),
            action: Action::GoBack,
            version: before.unwrap_or_default(),
            from: String::new(),
        });
        Ok(self.current())
    }

    /// Makes the link `name` point to version `version` (atomically: a new link renamed
    /// over the old one), or removes it for `None`.
    fn point(&self, name: &str, version: Option<&str>) -> std::io::Result<()> {
        let link = self.root.join(name);
        match version {
            Some(version) => {
                let new = self.root.join(format!("{name}.new"));
                let _ = std::fs::remove_file(&new);
                symlink(&Path::new(VERSIONS).join(version), &new)?;
                std::fs::rename(&new, &link)?;
            }
            None => match std::fs::remove_file(&link) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            },
        }
        copy::sync_dir(&self.root)
    }

    /// A version name from the local time, unused so far: `2026-05-12_14-30-05`.
    fn new_version_name(&self, clock: &Clock) -> String {
        let base = crate::clock::local_second(clock.now())
            .replace(' ', "_")
            .replace(':', "-");
        let versions = self.root.join(VERSIONS);
        (1..)
            .map(|n| match n {
                1 => base.clone(),
                n => format!("{base}-{n}"),
            })
            .find(|name| !versions.join(name).exists())
            .expect("some name is free")
    }

    /// Removes what no link needs: copies an earlier install left half-done, versions
    /// neither live nor previous, links it never renamed into place.
    fn tidy(&self) {
        let keep = [self.version_name(CURRENT), self.version_name(PREVIOUS)];
        let Ok(entries) = std::fs::read_dir(self.root.join(VERSIONS)) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !keep.iter().flatten().any(|kept| *kept == name) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        for name in [CURRENT, PREVIOUS] {
            let _ = std::fs::remove_file(self.root.join(format!("{name}.new")));
        }
    }

    fn write_log(&self, entry: Entry) {
        let path = self.root.join(LOG);
        let mut log = Log::read(&path);
        log.add(entry);
        if let Err(e) = log.write(&path) {
            ::log::warn!(
                "the install log {} could not be written: {e}",
                path.display()
            );
        }
    }

    /// One install or rollback at a time, whoever starts it (the staff screen, a shell).
    fn lock(&self) -> Result<std::fs::File, String> {
        let failed = |e: std::io::Error| format!("{} cannot be used: {e}", self.root.display());
        crate::files::create_private_dir_all(&self.root).map_err(failed)?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.root.join(LOCK))
            .map_err(failed)?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(
                "another install or rollback is under way; try again when it is done".to_owned(),
            ),
            Err(std::fs::TryLockError::Error(e)) => Err(failed(e)),
        }
    }
}

/// `problems` found in the copy at `copy`, named as in the folder staff gave, `from`,
/// where they will fix them.
fn as_found_in(problems: Vec<Problem>, copy: &Path, from: &Path) -> Vec<Problem> {
    let (copy, from) = (copy.display().to_string(), from.display().to_string());
    problems
        .into_iter()
        .map(|problem| Problem {
            path: match problem.path.strip_prefix(&copy) {
                Some(rest) => format!("{from}{rest}"),
                None => problem.path,
            },
            ..problem
        })
        .collect()
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}

/// The browser has no folders; [`crate::platform::INSTALLS_CONTENT`] keeps staff from
/// trying.
#[cfg(not(any(unix, windows)))]
fn symlink(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}
