//! Shared helpers for the integration tests.
#![allow(dead_code)] // Each test binary uses its own subset.

use std::path::{Path, PathBuf};

use kiosk::content::{self, Loaded, Source};

pub fn shipped_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A copy of the shipped content in a temporary folder, for a test to break.
pub fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(&shipped_content(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn load_folder(dir: &Path) -> Loaded {
    content::load(&Source::Folder(dir.to_path_buf()))
}

pub fn load_shipped() -> Loaded {
    load_folder(&shipped_content())
}
