//! Shared helpers for the integration tests.
#![allow(dead_code)] // Each test binary uses its own subset.

pub mod screens;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kiosk::app::{KioskApp, Options};
use kiosk::config::Config;
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

/// The real app on the shipped content, in a headless harness, with its files in a
/// temporary folder that lives as long as it.
pub struct Kiosk {
    pub harness: Harness<'static, KioskApp>,
    pub content: content::Content,
    pub state: tempfile::TempDir,
}

pub fn kiosk(size: egui::Vec2) -> Kiosk {
    kiosk_with(size, |_| {})
}

/// The real app on the content folder `dir`, with default settings.
pub fn kiosk_from(dir: &Path, size: egui::Vec2) -> Kiosk {
    kiosk_on(load_folder(dir), size, |_| {})
}

/// Like [`kiosk`], with settings changed by `configure` (the state folder is preset).
pub fn kiosk_with(size: egui::Vec2, configure: impl FnOnce(&mut Config)) -> Kiosk {
    kiosk_on(load_shipped(), size, configure)
}

/// The real app on the shipped content, speaking to a recording speaker with voices for
/// `voices`; the log shows what it was asked to say.
pub fn kiosk_listening(size: egui::Vec2, voices: &[&str]) -> (Kiosk, kiosk::speech::SpeechLog) {
    kiosk_speaking_to(size, kiosk::speech::Recording::with_voices(voices))
}

/// The real app on the shipped content, speaking to `speaker`; the log shows what it was
/// asked to say.
pub fn kiosk_speaking_to(
    size: egui::Vec2,
    speaker: kiosk::speech::Recording,
) -> (Kiosk, kiosk::speech::SpeechLog) {
    let log = speaker.log();
    let speaker: std::cell::Cell<Option<Box<dyn kiosk::speech::Speaker>>> =
        std::cell::Cell::new(Some(Box::new(speaker)));
    let kiosk = build(
        load_shipped(),
        size,
        |_| {},
        move |app| app.with_speaker(speaker.take().expect("built once")),
    );
    (kiosk, log)
}

fn kiosk_on(loaded: Loaded, size: egui::Vec2, configure: impl FnOnce(&mut Config)) -> Kiosk {
    build(loaded, size, configure, |app| app)
}

fn build(
    loaded: Loaded,
    size: egui::Vec2,
    configure: impl FnOnce(&mut Config),
    finish: impl FnOnce(KioskApp) -> KioskApp + 'static,
) -> Kiosk {
    let state = tempfile::tempdir().expect("temporary folder");
    let mut config = Config {
        state_dir: state.path().to_path_buf(),
        export_file: state.path().join("export/counters.csv"),
        ..Config::default()
    };
    configure(&mut config);
    let content = loaded.content.clone();
    let options = Options {
        config,
        ..Options::default()
    };
    // Frames 50 ms apart, as quick as a person taps; up to five seconds to settle (a
    // flung page glides that long).
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(0.05)
        .with_max_steps(100)
        .build_eframe(move |cc| finish(KioskApp::new(&cc.egui_ctx, loaded, options)));
    harness.run();
    Kiosk {
        harness,
        content,
        state,
    }
}

/// Taps the button labelled `label`, as a visitor would, and lets the app settle.
pub fn tap(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::Role::Button, label)
        .click();
    harness.run();
}

/// Whether some text on screen contains `text`.
pub fn shows(harness: &Harness<'_, KioskApp>, text: &str) -> bool {
    harness.query_by_label_contains(text).is_some()
}

/// From Home, starts "Is it right for me?", picks `concerns`, continues, and answers
/// "Mild to moderate": the app then shows question 3.
pub fn answer_first_two_questions(harness: &mut Harness<'_, KioskApp>, concerns: &[&str]) {
    tap(harness, "Is it right for me?");
    for concern in concerns {
        check(harness, concern);
    }
    tap(harness, "Continue");
    choose(harness, "Mild to moderate");
}

/// From Home, answers every question: the listed concerns (or "Not sure yet"), "Mild to
/// moderate", `downtime`, the listed cautions (or "None of these"), "None of these" before
/// a session.
pub fn answer_all(
    harness: &mut Harness<'_, KioskApp>,
    concerns: &[&str],
    downtime: &str,
    cautions: &[&str],
) {
    let concerns = if concerns.is_empty() {
        &["Not sure yet"][..]
    } else {
        concerns
    };
    answer_first_two_questions(harness, concerns);
    assert!(shows(harness, "Question 3 of 5"));
    choose(harness, downtime);
    assert!(shows(harness, "Question 4 of 5"));
    let cautions = if cautions.is_empty() {
        &["None of these"][..]
    } else {
        cautions
    };
    for caution in cautions {
        check(harness, caution);
    }
    tap(harness, "Continue");
    assert!(shows(harness, "Question 5 of 5"));
    check(harness, "None of these");
    tap(harness, "Continue");
}

/// Ticks (or unticks) a checklist option.
pub fn check(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::Role::CheckBox, label)
        .click();
    harness.run();
}

/// Taps a single-choice answer.
pub fn choose(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::Role::RadioButton, label)
        .click();
    harness.run();
}

/// The questionnaire's answers while it is the screen; `None` on any other screen.
pub fn answers(harness: &mut Harness<'_, KioskApp>) -> Option<kiosk::questionnaire::Answers> {
    harness
        .state_mut()
        .visitor
        .screen_as::<kiosk::ui::questionnaire::Questionnaire>()
        .map(|q| q.answers.clone())
}

/// The first few words of some Markdown blocks, to look for them on screen.
pub fn first_words(blocks: &[kiosk::content::markdown::Block]) -> String {
    let text = kiosk::content::markdown::plain_lines(blocks).join(" ");
    text.split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}
