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
    /// The folder given (command line or settings), else the content staff installed
    /// (`installed`: the version live now), else `./content` when present, else the
    /// shipped one when present ([`crate::platform::installed_content`]: the Debian
    /// package's; on Windows, `content` beside the `.exe`; on the web, none), else built
    /// in.
    pub fn resolve(explicit: Option<PathBuf>, installed: Option<PathBuf>) -> Self {
        let shipped = crate::platform::installed_content().unwrap_or_default();
        Self::resolve_in(explicit.or(installed), Path::new("content"), &shipped)
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

impl Source {
    /// Every file of this source, as paths relative to it with `/` between folders,
    /// sorted; hidden files (a stick's `.DS_Store`, `._…`) left out.
    pub fn files(&self) -> Vec<String> {
        let mut files = Vec::new();
        match self {
            Self::BuiltIn => built_in_files(&BUILT_IN, &mut files),
            Self::Folder(dir) => folder_files(dir, "", &mut files),
        }
        files.sort();
        files
    }
}

fn built_in_files(dir: &Dir<'static>, into: &mut Vec<String>) {
    for file in dir.files() {
        into.extend(file.path().to_str().map(str::to_owned));
    }
    for sub in dir.dirs() {
        built_in_files(sub, into);
    }
}

/// The files under `dir` (as `prefix` + name), following no link out of a loop: a
/// content folder is a few levels deep, so anything deeper than that is left out.
fn folder_files(dir: &Path, prefix: &str, into: &mut Vec<String>) {
    const DEEPEST: usize = 6;
    if prefix.matches('/').count() >= DEEPEST {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if is_hidden(&name) {
            continue;
        }
        let relative = format!("{prefix}{name}");
        match std::fs::metadata(entry.path()) {
            Ok(meta) if meta.is_dir() => folder_files(&entry.path(), &format!("{relative}/"), into),
            Ok(meta) if meta.is_file() => into.push(relative),
            _ => {}
        }
    }
}

/// Files a content folder carries without meaning to: macOS's and other systems' own.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
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

    #[test]
    fn a_folder_lists_its_files_as_the_built_in_copy_does_without_hidden_ones() {
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let files = Source::Folder(shipped.clone()).files();
        assert!(
            files.contains(&"en/guide/01-what-it-is.md".to_owned()),
            "{files:?}"
        );
        assert_eq!(files, Source::BuiltIn.files());
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en/.Trashes")).unwrap();
        std::fs::write(dir.path().join("en/faq.md"), "x").unwrap();
        std::fs::write(dir.path().join("en/.DS_Store"), "x").unwrap();
        assert_eq!(Source::Folder(dir.path().into()).files(), ["en/faq.md"]);
    }
}
