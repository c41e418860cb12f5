//! Where content comes from: a folder staff can edit, or the copy built into the binary.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

/// The shipped `content/` folder itself, compiled in, so the two can never differ (a web
/// or Windows build for a clinic may build in the clinic's folder instead:
/// `KIOSK_CONTENT`, read by `build.rs`).
static BUILT_IN: Dir<'static> = include_dir!("$KIOSK_BUILT_IN_CONTENT");

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    BuiltIn,
    Folder(PathBuf),
}

/// What reading one file gave.
pub enum Read {
    Bytes(Vec<u8>),
    Missing,
    Failed(String),
}

impl Source {
    /// The folder given (command line or settings), else `./content` when present, else
    /// the installed one when present ([`crate::platform::installed_content`]: the Debian
    /// package's; on Windows, `content` beside the `.exe`; on the web, none), else built
    /// in.
    pub fn resolve(explicit: Option<PathBuf>) -> Self {
        let installed = crate::platform::installed_content().unwrap_or_default();
        Self::resolve_in(explicit, Path::new("content"), &installed)
    }

    /// [`Self::resolve`] with the local and the system folder given.
    pub fn resolve_in(explicit: Option<PathBuf>, local: &Path, system: &Path) -> Self {
        match explicit {
            Some(dir) => Self::Folder(dir),
            None if local.is_dir() => Self::Folder(local.to_path_buf()),
            None if system.is_dir() => Self::Folder(system.to_path_buf()),
            None => Self::BuiltIn,
        }
    }

    /// How a problem names a file of this source, e.g. `content/en/faq.md`.
    pub fn display_path(&self, relative: &str) -> String {
        match self {
            Self::BuiltIn => format!("(built-in)/{relative}"),
            Self::Folder(dir) => dir.join(relative).display().to_string(),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Self::BuiltIn => "the built-in content".to_owned(),
            Self::Folder(dir) => dir.display().to_string(),
        }
    }

    pub fn read(&self, relative: &str) -> Read {
        match self {
            Self::BuiltIn => built_in(relative).map_or(Read::Missing, |b| Read::Bytes(b.to_vec())),
            Self::Folder(dir) => match std::fs::read(dir.join(relative)) {
                Ok(bytes) => Read::Bytes(bytes),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Read::Missing,
                Err(e) => Read::Failed(e.to_string()),
            },
        }
    }

    /// The Markdown files directly in a folder, sorted by name (so `01-…` comes first).
    /// `None` when the folder itself does not exist.
    pub fn markdown_files(&self, folder: &str) -> Option<Vec<String>> {
        let mut names: Vec<String> = match self {
            Self::BuiltIn => BUILT_IN
                .get_dir(folder)?
                .files()
                .filter_map(|f| f.path().file_name()?.to_str().map(str::to_owned))
                .collect(),
            Self::Folder(dir) => std::fs::read_dir(dir.join(folder))
                .ok()?
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .collect(),
        };
        names.retain(|n| n.ends_with(".md"));
        names.sort();
        Some(names)
    }
}

impl Source {
    /// The language folders (`en`, `es`, ...) of this source, sorted.
    pub fn language_folders(&self) -> Vec<String> {
        let mut names: Vec<String> = match self {
            Self::BuiltIn => BUILT_IN
                .dirs()
                .filter_map(|d| d.path().file_name()?.to_str().map(str::to_owned))
                .collect(),
            Self::Folder(dir) => std::fs::read_dir(dir)
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        };
        // Language codes only: `en`, `es`, `pt-br`; anything else in the folder is ignored.
        names.retain(|n| {
            (2..=5).contains(&n.len()) && n.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        });
        names.sort();
        names
    }
}

/// A file of the built-in copy.
pub fn built_in(relative: &str) -> Option<&'static [u8]> {
    BUILT_IN.get_file(relative).map(|f| f.contents())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_installed_folder_comes_after_the_given_and_the_local_one() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join("content");
        let system = dir.path().join("usr/share/microneedling-kiosk/content");
        let given = PathBuf::from("/somewhere/else");
        let resolve = |explicit: Option<PathBuf>| Source::resolve_in(explicit, &local, &system);

        assert_eq!(resolve(None), Source::BuiltIn);
        std::fs::create_dir_all(&system).unwrap();
        assert_eq!(resolve(None), Source::Folder(system.clone()));
        std::fs::create_dir_all(&local).unwrap();
        assert_eq!(resolve(None), Source::Folder(local.clone()));
        assert_eq!(resolve(Some(given.clone())), Source::Folder(given));
    }
}
