//! Listen, driven as a visitor would, against a recording speaker: each kind of screen
//! sends exactly what it shows, in order and in the visitor's language, and every way of
//! moving on stops it.

mod common;

use common::{shows, tap};

use egui::{Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::KioskApp;
use kiosk::content::Strings;
use kiosk::speech::{SpeechLog, join_for_speech};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Duration;

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);

/// What the current screen says it shows, as the app hands it to the speaker.
fn screen_text(harness: &Harness<'_, KioskApp>) -> (Vec<String>, String) {
    let parts = harness.state().speech();
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
    let s = common::strings(harness);
    tap(harness, &s.listen);
    assert_eq!(
        log.last_spoken(),
        Some((language.to_owned(), joined.clone()))
    );
    check_shown_in_order(harness, &parts);
    assert!(!joined.contains("**") && !joined.contains("- ") && !joined.contains('#'));
    tap(harness, &s.stop_listening);
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

/// The interface words of each language, English first.
fn both() -> (Strings, Strings) {
    let loaded = common::load_shipped();
    (
        loaded.language(0).strings.clone(),
        loaded.language(1).strings.clone(),
    )
}

#[test]
fn each_kind_of_screen_is_read_as_shown_in_both_languages() {
    for language in ["en", "es"] {
        let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en", "es"]);
        let harness = &mut kiosk.harness;
        if language == "es" {
            tap(harness, &both().1.language_name);
        }
        // Home: the clinic, what this is, then each door's title and the line under it
        // (painted inside its tile, which screen readers know by its title).
        let content = harness.state().content().clone();
        let s = &content.strings;
        tap(harness, &s.listen);
        let (_, home) = log.last_spoken().unwrap();
        let mut expected = vec![content.clinic.name.clone(), s.home_intro.clone()];
        let doors: Vec<(&str, &str)> = harness
            .state()
            .registry()
            .kinds()
            .iter()
            .filter_map(|kind| Some((kind.door.as_ref()?.words)(s)))
            .collect();
        for (title, note) in &doors {
            expected.extend([title.to_string(), note.to_string()]);
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
        tap(harness, &s.stop_listening);
        for (door, _) in doors {
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
    let content = kiosk.content.clone();
    let (s, q) = (&content.strings, &content.questionnaire);
    let harness = &mut kiosk.harness;
    common::answer_first_two_questions(harness, &["pores"]);
    let question = listen_and_check(harness, &log, "en");
    let downtime = &q.questions[2];
    assert!(question.starts_with(&downtime.text), "{question}");
    let options: Vec<&str> = downtime.options.iter().map(|o| o.label.as_str()).collect();
    assert!(question.contains(&join_for_speech(&options)), "{question}");
    common::answer(harness, "downtime", &["none"]);
    common::answer(harness, "cautions", &["keloids"]);
    common::answer(harness, "preparation", &["none"]);
    let (_, joined) = screen_text(harness);
    tap(harness, &s.listen);
    assert_eq!(log.last_spoken(), Some(("en".to_owned(), joined.clone())));
    let talk_first = &q.results[0];
    let keloids = q
        .rules
        .iter()
        .find_map(|rule| match &rule.effect {
            kiosk::questionnaire::Effect::Result {
                reason: Some(reason),
                ..
            } if reason.text.contains("eloid") => Some(reason.text.clone()),
            _ => None,
        })
        .unwrap();
    for words in [
        &talk_first.title,
        &keloids,
        &s.goals_ask_heading,
        &s.front_desk_only,
        &q.disclaimer,
    ] {
        assert!(joined.contains(words.as_str()), "{words}: {joined}");
    }
}

#[test]
fn moving_on_stops_the_voice_and_nothing_waits_for_the_next_visitor() {
    let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en", "es"]);
    let (en, es) = both();
    let harness = &mut kiosk.harness;
    // Next page.
    tap(harness, &en.guide_title);
    tap(harness, &en.listen);
    assert!(log.is_speaking());
    tap(harness, &en.next);
    assert!(!log.is_speaking(), "a new page stops the old one");
    assert!(shows(harness, &en.listen));
    // Home.
    tap(harness, &en.listen);
    tap(harness, &en.home);
    assert!(!log.is_speaking(), "Home stops it");
    // A language change.
    tap(harness, &en.listen);
    tap(harness, &es.language_name);
    assert!(!log.is_speaking(), "a new language stops it");
    assert_eq!(log.spoken().last().unwrap().0, "en");
    // The idle reset: the warning is spoken (Listen was used), then silence.
    tap(harness, &en.language_name);
    tap(harness, &en.faq_title);
    tap(harness, &en.listen);
    let spoken = log.spoken().len();
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + 185.0);
    harness.step();
    harness.step();
    assert!(shows(harness, &en.idle_title));
    let (language, warning) = log.last_spoken().unwrap();
    assert_eq!(log.spoken().len(), spoken + 1);
    assert!(
        language == "en" && warning.starts_with(&en.idle_title),
        "{warning}"
    );
    harness.input_mut().time = Some(now + 185.0 + 31.0);
    harness.step();
    harness.step();
    assert!(!log.is_speaking(), "the reset stops it");
    assert!(shows(harness, &en.home_intro), "back on Home");
    assert_eq!(
        log.spoken().len(),
        spoken + 1,
        "nothing said for the next visitor"
    );
}

#[test]
fn a_language_without_a_voice_has_no_listen_button() {
    let (mut kiosk, _log) = common::kiosk_listening(SIZE, &["en"]);
    let (en, es) = both();
    let harness = &mut kiosk.harness;
    assert!(has_button(harness, &en.listen));
    tap(harness, &es.language_name);
    assert!(!has_button(harness, &es.listen));
    tap(harness, &es.guide_title);
    assert!(!has_button(harness, &es.listen));
}

#[test]
fn a_finished_reading_turns_stop_back_into_listen_without_redrawing_meanwhile() {
    let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en"]);
    let s = kiosk.content.strings.clone();
    let harness = &mut kiosk.harness;
    tap(harness, &s.listen);
    assert!(has_button(harness, &s.stop_listening));
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
    assert!(has_button(harness, &s.listen));
}

#[test]
fn listen_appears_once_the_voices_are_known_without_a_touch() {
    let speaker = kiosk::speech::Recording::with_voices(&["en"]).checking();
    let (mut kiosk, log) = common::kiosk_speaking_to(SIZE, speaker, &[]);
    let s = kiosk.content.strings.clone();
    let harness = &mut kiosk.harness;
    assert!(
        !has_button(harness, &s.listen),
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
        has_button(harness, &s.listen),
        "Listen once the voices are known"
    );
}

/// Every diagram of the guide, in both languages: Listen says its description where it
/// stands on the page, and screen readers find it as one image named by that description.
#[test]
fn each_diagram_is_read_in_place_and_named_for_screen_readers() {
    use kiosk::content::markdown::BlockKind;
    let mut read = 0;
    for (index, language) in ["en", "es"].into_iter().enumerate() {
        let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en", "es"]);
        let harness = &mut kiosk.harness;
        harness.state_mut().visitor.language = index;
        let guide = harness.state().content().guide.clone();
        for (number, page) in guide.iter().enumerate() {
            let descriptions: Vec<String> = page
                .cards
                .iter()
                .flat_map(|card| &card.blocks)
                .filter_map(|block| match &block.kind {
                    BlockKind::Diagram(Ok(diagram)) => Some(diagram.description()),
                    _ => None,
                })
                .collect();
            if descriptions.is_empty() {
                continue;
            }
            let ctx = harness.ctx.clone();
            common::screens::open(
                harness.state_mut(),
                &ctx,
                &match number {
                    0 => "guide".to_owned(),
                    n => format!("guide page {}", n + 1),
                },
            );
            harness.state_mut().visitor.language = index;
            harness.run();
            let spoken = listen_and_check(harness, &log, language);
            for description in descriptions {
                assert!(
                    spoken.contains(&description),
                    "{description:?} not in {spoken:?}"
                );
                let image = harness.get_by_label(&description);
                assert_eq!(image.accesskit_node().role(), Role::Image);
                read += 1;
            }
        }
    }
    // The shipped guide's three diagrams (how it works, the series, after a session).
    assert_eq!(read, 6);
}
