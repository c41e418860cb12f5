//! `--preview DIR` for whoever edits the content: the kiosk in a window on the folder,
//! reloaded within a second of each save, with the problems found beside the screen,
//! and whoever previews left on the screen they were looking at.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{screen_key, shows, tap};
use egui_kittest::Harness;
use kiosk::app::{Follow, KioskApp, Options, PREVIEW_EVERY};
use kiosk::ui::faq;

/// A copy of the behaviour tests' small content folder.
fn fixture_copy() -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    let dir = tempfile::tempdir().unwrap();
    for sub in ["en", "en/guide"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(from.join(sub)).unwrap().flatten() {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    dir
}

/// Runs frames, as the woken window would, until `seen` holds: how long that took.
fn until(
    harness: &mut Harness<'_, KioskApp>,
    seen: impl Fn(&Harness<'_, KioskApp>) -> bool,
) -> Duration {
    let saved = Instant::now();
    while !seen(harness) {
        assert!(saved.elapsed() < Duration::from_secs(10), "never shown");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    saved.elapsed()
}

#[test]
fn the_preview_shows_each_save_within_a_second_with_its_problems_beside_it() {
    let dir = fixture_copy();
    let folder = dir.path().to_path_buf();
    let mut kiosk = common::kiosk_as_started(
        egui::Vec2::new(1920.0, 1080.0),
        |c| c.content = Some(folder),
        |o| Options {
            follow: Follow::Edits(PREVIEW_EVERY),
            ..o
        },
    );
    let harness = &mut kiosk.harness;
    let s = kiosk.content.strings.clone();
    assert!(shows(harness, &s.preview_no_problems));
    tap(harness, &s.faq_title);

    // A new question, saved: shown on the FAQ being looked at.
    let faq = dir.path().join("en/faq.md");
    let text = std::fs::read_to_string(&faq).unwrap();
    std::fs::write(
        &faq,
        format!("{text}\n## Is this the new question?\n\nYes.\n"),
    )
    .unwrap();
    let took = until(harness, |h| shows(h, "Is this the new question?"));
    println!("a saved question showed after {} ms", took.as_millis());
    assert!(took < Duration::from_secs(1), "{took:?}");
    assert_eq!(screen_key(harness), faq::KIND.key, "still on the FAQ");
    // Editing in another window for a while does not send the preview back Home.
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + 600.0);
    harness.step();
    harness.input_mut().time = None;
    harness.run();
    assert_eq!(screen_key(harness), faq::KIND.key, "no idle reset");

    // A mistake, saved: listed beside the screen with its file and line.
    let clinic = dir.path().join("en/clinic.toml");
    let text = std::fs::read_to_string(&clinic).unwrap();
    std::fs::write(&clinic, format!("{text}fax = \"1\"\n")).unwrap();
    let line = text.lines().count() + 1;
    let problem = format!("{}:{line}: unknown field `fax`", clinic.display());
    let took = until(harness, |h| shows(h, &problem));
    assert!(took < Duration::from_secs(1), "{took:?}");
    let count = s.preview_problems.fill(2, &[]);
    assert!(shows(harness, &count), "{count}");
    assert!(!shows(harness, &s.preview_no_problems));

    // Fixed again: no problem left.
    std::fs::write(&clinic, text).unwrap();
    until(harness, |h| shows(h, &s.preview_no_problems));
}
