//! Shared helpers for the integration tests. Behaviour tests find things on screen by the
//! words the strings file and the content give them, and answer the questionnaire by its
//! ids, so editing a word never breaks a test.
#![allow(dead_code)] // Each test binary uses its own subset.

pub mod screens;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::{KioskApp, Options};
use kiosk::config::Config;
use kiosk::content::{self, Content, Loaded, Source, Strings};
use kiosk::ui::screen::ScreenKind;

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
    /// English.
    pub content: Content,
    pub state: tempfile::TempDir,
}

pub fn kiosk(size: egui::Vec2) -> Kiosk {
    kiosk_with(size, |_| {})
}

/// The real app on the content folder `dir`, with default settings.
pub fn kiosk_from(dir: &Path, size: egui::Vec2) -> Kiosk {
    build(load_folder(dir), size, |_| {}, |options| options, |app| app)
}

/// Like [`kiosk`], with settings changed by `configure` (the state folder is preset).
pub fn kiosk_with(size: egui::Vec2, configure: impl FnOnce(&mut Config)) -> Kiosk {
    build(
        load_shipped(),
        size,
        configure,
        |options| options,
        |app| app,
    )
}

/// Like [`kiosk`], with `more` screens beside the kiosk's own.
pub fn kiosk_with_screens(size: egui::Vec2, more: &[&'static ScreenKind]) -> Kiosk {
    let more = more.to_vec();
    build(
        load_shipped(),
        size,
        |_| {},
        move |options| Options {
            more_screens: more,
            ..options
        },
        |app| app,
    )
}

/// The real app on the shipped content, speaking to a recording speaker with voices for
/// `voices`; the log shows what it was asked to say.
pub fn kiosk_listening(size: egui::Vec2, voices: &[&str]) -> (Kiosk, kiosk::speech::SpeechLog) {
    kiosk_speaking_to(size, kiosk::speech::Recording::with_voices(voices), &[])
}

/// The real app on the shipped content, with `more` screens, speaking to `speaker`; the
/// log shows what it was asked to say.
pub fn kiosk_speaking_to(
    size: egui::Vec2,
    speaker: kiosk::speech::Recording,
    more: &[&'static ScreenKind],
) -> (Kiosk, kiosk::speech::SpeechLog) {
    let log = speaker.log();
    let speaker: std::cell::Cell<Option<Box<dyn kiosk::speech::Speaker>>> =
        std::cell::Cell::new(Some(Box::new(speaker)));
    let more = more.to_vec();
    let kiosk = build(
        load_shipped(),
        size,
        |_| {},
        move |options| Options {
            more_screens: more,
            ..options
        },
        move |app| app.with_speaker(speaker.take().expect("built once")),
    );
    (kiosk, log)
}

/// The real app as `main` starts it in a waiting room, on the content its settings make
/// live (installed content, else `./content`), with the settings changed by `configure`
/// (the state folder is preset) and the options by `options`.
pub fn kiosk_as_started(
    size: egui::Vec2,
    configure: impl FnOnce(&mut Config),
    options: impl FnOnce(Options) -> Options,
) -> Kiosk {
    build_with(None, size, configure, options, |app| app)
}

fn build(
    loaded: Loaded,
    size: egui::Vec2,
    configure: impl FnOnce(&mut Config),
    options: impl FnOnce(Options) -> Options,
    finish: impl FnOnce(KioskApp) -> KioskApp + 'static,
) -> Kiosk {
    build_with(Some(loaded), size, configure, options, finish)
}

/// The app on `loaded`, shown as `--content` would show it, or, for `None`, on what
/// the settings make live.
fn build_with(
    loaded: Option<Loaded>,
    size: egui::Vec2,
    configure: impl FnOnce(&mut Config),
    options: impl FnOnce(Options) -> Options,
    finish: impl FnOnce(KioskApp) -> KioskApp + 'static,
) -> Kiosk {
    let state = tempfile::tempdir().expect("temporary folder");
    // The folder shown, as `--content` gives it: what "Reload content" reads again.
    let content = match loaded.as_ref().map(|l| &l.source) {
        Some(Source::Folder(dir)) => Some(dir.clone()),
        _ => None,
    };
    let mut config = Config {
        state_dir: state.path().to_path_buf(),
        export_file: state.path().join("export/counters.csv"),
        content,
        ..Config::default()
    };
    configure(&mut config);
    let loaded = loaded.unwrap_or_else(|| content::load(&kiosk::installed::live_source(&config)));
    let content = loaded.content.clone();
    // egui_kittest's renderer does not clear to the look's background: the app paints it.
    let options = options(Options {
        config,
        window_clears_background: false,
        ..Options::default()
    });
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

/// The interface words in the visitor's language.
/// Lets `seconds` of egui's clock pass with nobody touching the screen.
pub fn idle(harness: &mut Harness<'_, KioskApp>, seconds: f64) {
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + seconds);
    harness.step();
    harness.input_mut().time = None;
    harness.step();
}

pub fn strings(harness: &Harness<'_, KioskApp>) -> Strings {
    harness.state().content().strings.clone()
}

/// Taps the button labelled `label`, as a visitor would, and lets the app settle.
pub fn tap(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::Role::Button, label)
        .click();
    harness.run();
}

/// Whether some text on screen contains `text` (once or more).
pub fn shows(harness: &Harness<'_, KioskApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// The key of the screen the visitor is on.
pub fn screen_key(harness: &Harness<'_, KioskApp>) -> &'static str {
    harness.state().visitor.screen.kind().key
}

/// The label of option `option` of question `question` (ids) in the visitor's language.
pub fn label(harness: &Harness<'_, KioskApp>, question: &str, option: &str) -> String {
    let questionnaire = &harness.state().content().questionnaire;
    let question = questionnaire
        .questions
        .iter()
        .find(|q| q.id == question)
        .unwrap_or_else(|| panic!("no question {question}"));
    question
        .options
        .iter()
        .find(|o| o.id == option)
        .unwrap_or_else(|| panic!("no option {option}"))
        .label
        .clone()
}

/// "Question n of m" for the questionnaire in the visitor's language.
pub fn question_of(harness: &Harness<'_, KioskApp>, n: usize) -> String {
    let content = harness.state().content();
    content
        .strings
        .question_of(n, content.questionnaire.questions.len())
}

/// Answers one question by option ids: ticks them on a checklist (then Continue), or taps
/// the one answer of a single-choice question.
pub fn answer(harness: &mut Harness<'_, KioskApp>, question: &str, options: &[&str]) {
    let multiple = harness
        .state()
        .content()
        .questionnaire
        .questions
        .iter()
        .any(|q| q.id == question && q.multiple);
    for option in options {
        let label = label(harness, question, option);
        let role = if multiple {
            egui::Role::CheckBox
        } else {
            egui::Role::RadioButton
        };
        harness.get_by_role_and_label(role, &label).click();
        harness.run();
    }
    if multiple {
        let next = strings(harness).continue_;
        tap(harness, &next);
    }
}

/// From Home, starts "Is it right for me?", picks `concerns` (ids), continues, and answers
/// "mild": the app then shows question 3.
pub fn answer_first_two_questions(harness: &mut Harness<'_, KioskApp>, concerns: &[&str]) {
    let title = strings(harness).quiz_title;
    tap(harness, &title);
    answer(harness, "concerns", concerns);
    answer(harness, "severity", &["mild"]);
}

/// From Home, answers every question: the listed concerns (or "unsure"), "mild",
/// `downtime`, the listed cautions (or "none"), "none" before a session.
pub fn answer_all(
    harness: &mut Harness<'_, KioskApp>,
    concerns: &[&str],
    downtime: &str,
    cautions: &[&str],
) {
    let concerns = if concerns.is_empty() {
        &["unsure"][..]
    } else {
        concerns
    };
    answer_first_two_questions(harness, concerns);
    assert!(shows(harness, &question_of(harness, 3)));
    answer(harness, "downtime", &[downtime]);
    let cautions = if cautions.is_empty() {
        &["none"][..]
    } else {
        cautions
    };
    answer(harness, "cautions", cautions);
    answer(harness, "preparation", &["none"]);
}

/// How many answers on screen read as chosen to assistive technology.
pub fn chosen_on_screen(harness: &Harness<'_, KioskApp>) -> usize {
    harness
        .query_all(egui_kittest::kittest::By::new())
        .filter(|node| {
            let node = node.accesskit_node();
            matches!(
                node.role(),
                egui::accesskit::Role::CheckBox | egui::accesskit::Role::RadioButton
            ) && node.toggled() == Some(egui::accesskit::Toggled::True)
        })
        .count()
}

/// Whether the questionnaire still holds answers: back to its first question (as a
/// visitor would, with Back), something there is chosen. Leaves it on question 1.
pub fn questionnaire_holds_answers(harness: &mut Harness<'_, KioskApp>) -> bool {
    if screen_key(harness) != kiosk::ui::questionnaire::KIND.key {
        return false;
    }
    let back = strings(harness).back;
    while harness
        .query_by_role_and_label(egui::Role::Button, &back)
        .is_some_and(|b| !b.accesskit_node().is_disabled())
    {
        tap(harness, &back);
    }
    chosen_on_screen(harness) > 0
}

/// The first few words of some Markdown blocks, to look for them on screen.
pub fn first_words(blocks: &[kiosk::content::markdown::Block]) -> String {
    let text = kiosk::content::markdown::plain_lines(blocks).join(" ");
    text.split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}
