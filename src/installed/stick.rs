//! Content on a USB stick, as the staff screen shows it before anyone installs it: what
//! it holds, what it would change against the live content, and its problems (found as
//! `--check` and an install find them).

use std::path::{Path, PathBuf};

use super::{Change, changes};
use crate::check;
use crate::content::{Loaded, Problem, Source};

/// What a content folder holds, in a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub pages: usize,
    pub faq_entries: usize,
    /// Each language's name in itself.
    pub languages: Vec<String>,
}

impl Summary {
    pub fn of(loaded: &Loaded) -> Self {
        Self {
            pages: loaded.content.guide.len(),
            faq_entries: loaded.content.faq.entries.len(),
            languages: loaded.language_names(),
        }
    }
}

/// A content folder found on the stick.
#[derive(Clone, Debug)]
pub struct Stick {
    pub folder: PathBuf,
    pub summary: Summary,
    /// Against the live content.
    pub changes: Vec<Change>,
    /// Every problem: it cannot be installed until there are none.
    pub problems: Vec<Problem>,
}

impl Stick {
    /// Whether installing it is worth offering: clean, and not what is live already.
    pub fn installable(&self) -> bool {
        self.problems.is_empty() && !self.changes.is_empty()
    }
}

/// The content folder at `folder`, compared with `live`; `None` when there is none (no
/// stick, or no such folder on it).
pub fn look(folder: &Path, live: &Source) -> Option<Stick> {
    if !folder.is_dir() {
        return None;
    }
    let source = Source::Folder(folder.to_path_buf());
    let (loaded, problems) = check::content_problems(&source);
    Some(Stick {
        folder: folder.to_path_buf(),
        summary: Summary::of(&loaded),
        changes: changes(&source, live),
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_content_on_a_stick_is_clean_and_changes_nothing_against_itself() {
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let stick = look(&shipped, &Source::BuiltIn).expect("found");
        assert_eq!(stick.problems, []);
        assert_eq!(stick.changes, []);
        assert!(!stick.installable(), "nothing would change");
        assert_eq!(stick.summary.languages, ["English", "Español"]);
        assert!(look(&shipped.join("no-such-folder"), &Source::BuiltIn).is_none());
    }
}
