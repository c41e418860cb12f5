//! Listen, driven as a visitor would, against a recording speaker: each kind of screen
//! sends exactly what it shows, in order and in the visitor's language, and every way of
//! moving on stops it.

mod common;

use common::{shows, tap};

use egui::{Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kiosk::app::KioskApp;
use kiosk::speech::{SpeechLog, join_for_speech};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);

/// What the current screen says it shows, as the app hands it to the speaker.
fn screen_text(harness: &Harness<'_, KioskApp>) -> (Vec<String>, String) {
    let app = harness.state();
    let parts = app.visitor.screen.speech(app.content());
    let joined = join_for_speech(&parts.iter().map(String::as_str).collect::<Vec<_>>());
    (parts, joined)
}

/// Whether a button with this label is on screen.
fn has_button(harness: &Harness<'_, KioskApp>, label: &str) -> bool {
    harness
        .query_by_role_and_label(Role::Button, label)
        .is_some()
}

/// Counts from now on the times something asks the window to draw at once.
fn count_wakes(harness: &Harness<'_, KioskApp>) -> Arc<AtomicUsize> {
    let wakes = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&wakes);
    harness.ctx.set_request_repaint_callback(move |info| {
        if info.delay.is_zero() {
            count.fetch_add(1, SeqCst);
        }
    });
    wakes
}

/// Whether the window is woken within two seconds (the thread that watches the speaker
/// looks four times a second).
fn woken_soon(wakes: &AtomicUsize) -> bool {
    (0..20).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        wakes.load(SeqCst) > 0
    })
}

/// Taps Listen and checks the speaker got the screen's text in `language`, and that each
/// piece of it is on screen, top to bottom in the order spoken.
fn listen_and_check(
    harness: &mut Harness<'_, KioskApp>,
    log: &SpeechLog,
    language: &str,
) -> String {
    let (parts, joined) = screen_text(harness);
    tap(harness, listen_label(language));
    assert_eq!(
        log.last_spoken(),
        Some((language.to_owned(), joined.clone()))
    );
    check_shown_in_order(harness, &parts);
    assert!(!joined.contains("**") && !joined.contains("- ") && !joined.contains('#'));
    tap(harness, stop_label(language));
    joined
}

/// Each piece is on screen (as a label), in the order given: top to bottom, column by
/// column where answers stand in two columns.
fn check_shown_in_order(harness: &Harness<'_, KioskApp>, parts: &[String]) {
    let (mut last_top, mut last_left) = (f32::MIN, f32::MIN);
    for part in parts {
        // A comparison value is said with its column's name, shown beside it.
        let shown = part.rsplit(": ").next().unwrap();
        let node = harness
            .query_all_by_label_contains(shown)
            .next()
            .unwrap_or_else(|| panic!("spoken but not shown: {part:?}"));
        let (top, left) = (node.rect().top(), node.rect().left());
        let next_column = left > last_left + 100.0;
        assert!(
            top >= last_top - 1.0 || next_column,
            "{part:?} is said out of order"
        );
        (last_top, last_left) = (top, left.max(last_left));
    }
}

fn listen_label(language: &str) -> &'static str {
    if language == "es" {
        "Escuchar"
    } else {
        "Listen"
    }
}

fn stop_label(language: &str) -> &'static str {
    if language == "es" { "Detener" } else { "Stop" }
}

#[test]
fn each_kind_of_screen_is_read_as_shown_in_both_languages() {
    for language in ["en", "es"] {
        let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en", "es"]);
        let harness = &mut kiosk.harness;
        if language == "es" {
            tap(harness, "Español");
        }
        // Home: the clinic, what this is, then each door's title and the line under it
        // (painted inside its tile, which screen readers know by its title).
        let content = harness.state().content().clone();
        let s = &content.strings;
        tap(harness, listen_label(language));
        let (_, home) = log.last_spoken().unwrap();
        let mut expected = vec![content.clinic.name.clone(), s.home_intro.clone()];
        for (title, note) in [
            (&s.guide_title, &s.guide_note),
            (&s.compare_title, &s.compare_note),
            (&s.faq_title, &s.faq_note),
            (&s.quiz_title, &s.quiz_note),
            (&s.book_title, &s.book_note),
        ] {
            expected.extend([title.clone(), note.clone()]);
        }
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        assert_eq!(home, join_for_speech(&expected));
        check_shown_in_order(
            harness,
            &expected[..2]
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        );
        tap(harness, stop_label(language));
        for door in [&s.guide_title, &s.faq_title, &s.quiz_title, &s.book_title] {
            tap(harness, door);
            let text = listen_and_check(harness, &log, language);
            assert!(!text.is_empty());
            tap(harness, &s.home);
        }
        // An open FAQ answer is read after its question.
        tap(harness, &s.faq_title);
        tap(harness, &content.faq.entries[3].question);
        let text = listen_and_check(harness, &log, language);
        assert!(text.starts_with(&content.faq.entries[3].question), "{text}");
        tap(harness, &s.home);
        // The comparison, row by row.
        tap(harness, &s.compare_title);
        let text = listen_and_check(harness, &log, language);
        assert!(text.contains(&content.compare.rows[0][0]));
        tap(harness, &s.home);
    }
}

#[test]
fn a_question_and_a_result_are_read_whole() {
    let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en", "es"]);
    let harness = &mut kiosk.harness;
    common::answer_first_two_questions(harness, &["Enlarged pores"]);
    let question = listen_and_check(harness, &log, "en");
    assert!(
        question.starts_with("After a treatment, how much downtime could you accept?"),
        "{question}"
    );
    assert!(question.contains("None at all. About a day. A few days. Up to a week."));
    common::choose(harness, "None at all");
    common::check(harness, "Keloid scars, now or in the past");
    tap(harness, "Continue");
    common::check(harness, "None of these");
    tap(harness, "Continue");
    let (_, joined) = screen_text(harness);
    tap(harness, "Listen");
    assert_eq!(log.last_spoken(), Some(("en".to_owned(), joined.clone())));
    for words in [
        "Talk with a provider first.",
        "Keloid scarring",
        "Enlarged pores: Microneedling aims at this.",
        "Your goals: what to ask a provider about.",
        "Ask us at the front desk",
        "This is not a diagnosis or medical advice.",
    ] {
        assert!(joined.contains(words), "{words}: {joined}");
    }
}

#[test]
fn moving_on_stops_the_voice_and_nothing_waits_for_the_next_visitor() {
    let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en", "es"]);
    let harness = &mut kiosk.harness;
    // Next page.
    tap(harness, "Guide");
    tap(harness, "Listen");
    assert!(log.is_speaking());
    tap(harness, "Next");
    assert!(!log.is_speaking(), "a new page stops the old one");
    assert!(shows(harness, "Listen"));
    // Home.
    tap(harness, "Listen");
    tap(harness, "Home");
    assert!(!log.is_speaking(), "Home stops it");
    // A language change.
    tap(harness, "Listen");
    tap(harness, "Español");
    assert!(!log.is_speaking(), "a new language stops it");
    assert_eq!(log.spoken().last().unwrap().0, "en");
    // The idle reset: the warning is spoken (Listen was used), then silence.
    tap(harness, "English");
    tap(harness, "Questions");
    tap(harness, "Listen");
    let spoken = log.spoken().len();
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + 185.0);
    harness.step();
    harness.step();
    assert!(shows(harness, "Still there?"));
    let (language, warning) = log.last_spoken().unwrap();
    assert_eq!(log.spoken().len(), spoken + 1);
    assert!(
        language == "en" && warning.starts_with("Still there?"),
        "{warning}"
    );
    harness.input_mut().time = Some(now + 185.0 + 31.0);
    harness.step();
    harness.step();
    assert!(!log.is_speaking(), "the reset stops it");
    assert!(
        shows(harness, "An honest guide to microneedling"),
        "back on Home"
    );
    assert_eq!(
        log.spoken().len(),
        spoken + 1,
        "nothing said for the next visitor"
    );
}

#[test]
fn a_language_without_a_voice_has_no_listen_button() {
    let (mut kiosk, _log) = common::kiosk_listening(SIZE, &["en"]);
    let harness = &mut kiosk.harness;
    assert!(has_button(harness, "Listen"));
    tap(harness, "Español");
    assert!(!has_button(harness, "Escuchar"));
    tap(harness, "Guía");
    assert!(!has_button(harness, "Escuchar"));
}

#[test]
fn a_finished_reading_turns_stop_back_into_listen_without_redrawing_meanwhile() {
    let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en"]);
    let harness = &mut kiosk.harness;
    tap(harness, "Listen");
    assert!(has_button(harness, "Stop"));
    // While it speaks the window sleeps: a thread, not the drawing, watches the voice.
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(delay.as_secs() >= 1, "{delay:?}");
    let wakes = count_wakes(harness);
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(
        wakes.load(SeqCst),
        0,
        "nothing wakes the window while it speaks"
    );
    log.finish();
    assert!(
        woken_soon(&wakes),
        "the window was not woken when the voice ended"
    );
    harness.run();
    assert!(has_button(harness, "Listen"));
}

#[test]
fn listen_appears_once_the_voices_are_known_without_a_touch() {
    let speaker = kiosk::speech::Recording::with_voices(&["en"]).checking();
    let (mut kiosk, log) = common::kiosk_speaking_to(SIZE, speaker);
    let harness = &mut kiosk.harness;
    assert!(
        !has_button(harness, "Listen"),
        "no Listen before the voices are known"
    );
    let wakes = count_wakes(harness);
    log.finish_checking();
    assert!(
        woken_soon(&wakes),
        "the window was not woken when the voices became known"
    );
    harness.run();
    assert!(
        has_button(harness, "Listen"),
        "Listen once the voices are known"
    );
}
