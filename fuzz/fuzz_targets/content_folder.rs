//! The content loader's own path: a content folder on disk (a copy of the shipped `en/`
//! and `es/`) with one file replaced by the input's raw bytes, loaded with
//! `content::load(&Source::Folder(..))`. This reaches what the text targets cannot: the
//! bytes-to-text decoding (invalid UTF-8 reported with its line, a byte-order mark, an
//! empty file), the per-file fallback to the built-in copy, the translation checks and
//! the logo read from the folder. The first byte picks the file, the rest is its content.
//! Each run parses the whole folder, both languages, so this target is far slower than
//! the others: run it for a time rather than a number of executions.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use kiosk::content::{self, Source};
use libfuzzer_sys::fuzz_target;

/// The files an input can replace (one is added: the folder has no such page).
const FILES: &[&str] = &[
    "en/clinic.toml",
    "en/ui.toml",
    "en/faq.md",
    "en/compare.md",
    "en/questionnaire.toml",
    "en/guide/07-who-should-wait.md",
    "en/guide/12-added-by-staff.md",
    "es/clinic.toml",
    "es/ui.toml",
    "es/faq.md",
    "es/compare.md",
    "es/questionnaire.toml",
    "es/guide/01-what-it-is.md",
    "logo.png",
];

static TINY_LOGO: &[u8] = include_bytes!("../corpus/logo/rgba-1x1.png");

struct Folder {
    root: PathBuf,
    originals: Vec<Option<Vec<u8>>>,
}

/// Temporary folders are named after the fuzzing process; libFuzzer exits without
/// running destructors, so each start removes those of processes that are gone.
const PREFIX: &str = "kiosk-fuzz-content-";

static FOLDER: LazyLock<Folder> = LazyLock::new(|| {
    let temp = std::env::temp_dir();
    for entry in std::fs::read_dir(&temp).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix(PREFIX)
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let root = temp.join(format!("{PREFIX}{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    for language in ["en", "es"] {
        copy(&shipped.join(language), &root.join(language));
    }
    // A folder without a logo makes every load decode the built-in one, which took half
    // of each run; a 1x1 logo keeps the runs on the text files.
    std::fs::write(root.join("logo.png"), TINY_LOGO).expect("logo");
    let originals = FILES
        .iter()
        .map(|f| std::fs::read(root.join(f)).ok())
        .collect();
    Folder { root, originals }
});

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create");
    for entry in std::fs::read_dir(from).expect("shipped content") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let folder = &*FOLDER;
    let index = pick as usize % FILES.len();
    let path = folder.root.join(FILES[index]);
    std::fs::write(&path, bytes).expect("write the input");
    let loaded = content::load(&Source::Folder(folder.root.clone()));
    for problem in &loaded.problems {
        assert!(problem.line >= 1, "lines are 1-based: {problem}");
    }
    match &folder.originals[index] {
        Some(original) => std::fs::write(&path, original).expect("restore"),
        None => std::fs::remove_file(&path).expect("remove"),
    }
});
