//! What a content folder would change against the live content: files added, changed
//! and removed, for staff to see before they install it.

use crate::content::Source;
use crate::content::source::Read;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added(String),
    Changed(String),
    Removed(String),
}

/// The files of `new` that differ from `live`'s, by path, in path order.
pub fn changes(new: &Source, live: &Source) -> Vec<Change> {
    let (new_files, live_files) = (new.files(), live.files());
    let mut changes = Vec::new();
    for file in &new_files {
        if !live_files.contains(file) {
            changes.push(Change::Added(file.clone()));
        } else if !same(&new.read(file), &live.read(file)) {
            changes.push(Change::Changed(file.clone()));
        }
    }
    changes.extend(
        live_files
            .into_iter()
            .filter(|file| !new_files.contains(file))
            .map(Change::Removed),
    );
    changes.sort_by(|a, b| a.path().cmp(b.path()));
    changes
}

fn same(a: &Read, b: &Read) -> bool {
    matches!((a, b), (Read::Bytes(a), Read::Bytes(b)) if a == b)
}

impl Change {
    pub fn path(&self) -> &str {
        match self {
            Self::Added(path) | Self::Changed(path) | Self::Removed(path) => path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_changed_and_removed_files_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        for (folder, files) in [
            (
                &old,
                &[
                    ("en/faq.md", "a"),
                    ("en/compare.md", "b"),
                    ("en/gone.md", "c"),
                ][..],
            ),
            (
                &new,
                &[
                    ("en/faq.md", "a"),
                    ("en/compare.md", "B"),
                    ("es/faq.md", "d"),
                ][..],
            ),
        ] {
            for (file, text) in files {
                std::fs::create_dir_all(folder.join(file).parent().unwrap()).unwrap();
                std::fs::write(folder.join(file), text).unwrap();
            }
        }
        assert_eq!(
            changes(&Source::Folder(new), &Source::Folder(old.clone())),
            [
                Change::Changed("en/compare.md".into()),
                Change::Removed("en/gone.md".into()),
                Change::Added("es/faq.md".into()),
            ]
        );
        let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        assert_eq!(changes(&Source::Folder(shipped), &Source::BuiltIn), []);
    }
}
