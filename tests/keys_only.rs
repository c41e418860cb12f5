//! A visitor who cannot see the screen, with a numeric keypad and headphones: keys only,
//! through Home, the guide, the FAQ, the comparison and the whole questionnaire to the
//! consultation card, in both languages, with a recording speaker. Every move is spoken
//! (the control that got the focus, each new screen, each choice), speech follows the
//! visitor's volume and pace, and nothing is said to the next visitor after the reset.

mod common;

use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::KioskApp;
use kiosk::content::{Content, Strings};
use kiosk::speech::SpeechLog;

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);

/// One key, pressed and released as a keypad sends it; the app settles.
fn press(harness: &mut Harness<'_, KioskApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The label of the control that has the focus, as assistive technology reads it.
fn focused(harness: &Harness<'_, KioskApp>) -> Option<String> {
    harness
        .root()
        .children_recursive()
        .find(|node| node.accesskit_node().is_focused())
        .and_then(|node| node.accesskit_node().label())
}

fn said(log: &SpeechLog) -> String {
    log.last_spoken().map(|(_, text)| text).unwrap_or_default()
}

/// Presses 2 (next) until the control labelled `label` has the focus, checking that each
/// move was spoken, starting with the control's name; panics after a lap with no luck.
fn move_to(harness: &mut Harness<'_, KioskApp>, log: &SpeechLog, label: &str) {
    for _ in 0..80 {
        press(harness, Key::Num2);
        let now = focused(harness).expect("a 2 gives some control the focus");
        let spoken = said(log);
        assert!(
            spoken.contains(&now),
            "the move to {now:?} was not spoken: {spoken:?}"
        );
        if now == label {
            return;
        }
    }
    panic!("{label:?} cannot be reached with the keys");
}

/// Moves to `label` and presses 5 on it.
fn choose(harness: &mut Harness<'_, KioskApp>, log: &SpeechLog, label: &str) {
    move_to(harness, log, label);
    press(harness, Key::Num5);
}

fn label_of(content: &Content, question: &str, option: &str) -> String {
    content
        .questionnaire
        .questions
        .iter()
        .find(|q| q.id == question)
        .and_then(|q| q.options.iter().find(|o| o.id == option))
        .map(|o| o.label.clone())
        .unwrap()
}

/// The whole walk in one language; returns the transcript (what was said, in order).
fn walk(language: usize) -> Vec<String> {
    let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en", "es"]);
    let loaded = common::load_shipped();
    let content = loaded.language(language).clone();
    let s: &Strings = &content.strings;
    let harness = &mut kiosk.harness;

    // The first key turns speech navigation on: the keys, then where the visitor is.
    press(harness, Key::Num2);
    let first = said(&log);
    let en = &loaded.language(0).strings;
    assert!(first.starts_with(&en.nav_intro[..20]), "{first}");
    if language > 0 {
        choose(harness, &log, &s.language_name);
        assert_eq!(harness.state().visitor.language, language);
    }

    // The guide: opened, a page on, one back, Home.
    choose(harness, &log, &s.guide_title);
    let pages = content.guide.len();
    assert!(said(&log).contains(&s.page_of(1, pages)), "{}", said(&log));
    assert!(said(&log).contains(&s.nav_hint));
    choose(harness, &log, &s.next);
    assert!(
        said(&log).contains(&content.guide[1].title),
        "{}",
        said(&log)
    );
    press(harness, Key::Num1);
    assert!(
        said(&log).contains(&content.guide[0].title),
        "Back: {}",
        said(&log)
    );
    press(harness, Key::Num7);
    assert_eq!(common::screen_key(harness), "Home");

    // The FAQ: a question opened is read with its answer.
    choose(harness, &log, &s.faq_title);
    let entry = &content.faq.entries[3];
    choose(harness, &log, &entry.question);
    let answer = kiosk::content::markdown::plain_lines(&entry.answer).join(" ");
    assert!(said(&log).starts_with(&answer[..30]), "{}", said(&log));
    press(harness, Key::Num7);

    // The comparison: its title, then 0 reads the whole table.
    choose(harness, &log, &s.compare_title);
    press(harness, Key::Num0);
    assert!(
        said(&log).contains(&content.compare.rows[3][0]),
        "{}",
        said(&log)
    );
    press(harness, Key::Num0);
    press(harness, Key::Num7);

    // The questionnaire, every question by keys, to a result read whole.
    choose(harness, &log, &s.quiz_title);
    let q = &content.questionnaire;
    assert!(said(&log).contains(&q.questions[0].text));
    let pores = label_of(&content, "concerns", "pores");
    choose(harness, &log, &pores);
    assert_eq!(said(&log), format!("{pores}, {}.", s.nav_chosen));
    choose(harness, &log, &s.continue_);
    assert!(said(&log).contains(&q.questions[1].text), "{}", said(&log));
    let mild = label_of(&content, "severity", "mild");
    choose(harness, &log, &mild);
    assert!(
        said(&log).starts_with(&format!("{mild}, {}.", s.nav_chosen)),
        "the choice is confirmed before the next question: {}",
        said(&log)
    );
    assert!(said(&log).contains(&q.questions[2].text));
    choose(harness, &log, &label_of(&content, "downtime", "few_days"));
    choose(harness, &log, &label_of(&content, "cautions", "none"));
    choose(harness, &log, &s.continue_);
    choose(harness, &log, &label_of(&content, "preparation", "none"));
    choose(harness, &log, &s.continue_);
    let result = said(&log);
    assert!(result.contains(&q.results[2].title), "{result}");
    assert!(
        result.contains(&q.disclaimer),
        "the result is read whole: {result}"
    );

    // Where am I, and again.
    press(harness, Key::Period);
    let here = said(&log);
    assert!(
        here.contains(&q.title) && here.contains(&q.results[2].title),
        "{here}"
    );
    press(harness, Key::Slash);
    assert_eq!(said(&log), here, "the repeat key says it again");

    // The listener's own volume and pace, said at each new setting, used from then on.
    let start = harness.state().visitor.voice;
    press(harness, Key::Minus);
    let softer = start.volume - 1;
    let levels = kiosk::voice::LEVELS.to_string();
    let volume = kiosk::content::strings::fill(
        &s.voice_volume,
        &[("n", &softer.to_string()), ("m", &levels)],
    );
    assert_eq!(said(&log), volume);
    press(harness, Key::Num3);
    let voice = harness.state().visitor.voice;
    assert_eq!((voice.volume, voice.pace), (softer, start.pace - 1));
    assert_eq!(log.last_voice(), Some(voice.to_settings()));

    // The consultation card, from Home.
    press(harness, Key::Num7);
    choose(harness, &log, &s.book_title);
    assert!(said(&log).contains(&s.book_title), "{}", said(&log));

    // Walking away: the warning is said, then the reset forgets the listener, and the
    // next visitor hears nothing and starts at the default voice.
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + 95.0);
    harness.step();
    harness.step();
    assert!(said(&log).starts_with(&s.idle_title), "{}", said(&log));
    let before = log.spoken().len();
    harness.input_mut().time = Some(now + 95.0 + 31.0);
    harness.step();
    harness.step();
    harness.run();
    assert_eq!(
        log.spoken().len(),
        before,
        "nothing said for the next visitor"
    );
    let next = &harness.state().visitor;
    assert!(
        !next.nav && next.voice == start,
        "the next visitor starts afresh"
    );
    assert!(focused(harness).is_none());
    log.spoken().into_iter().map(|(_, text)| text).collect()
}

#[test]
fn a_visitor_who_cannot_see_uses_the_whole_kiosk_by_keys_in_english() {
    let transcript = walk(0);
    if std::env::var_os("PRINT_TRANSCRIPT").is_some() {
        for line in &transcript {
            println!("{line}");
        }
    }
}

#[test]
fn a_visitor_who_cannot_see_uses_the_whole_kiosk_by_keys_in_spanish() {
    let transcript = walk(1);
    if std::env::var_os("PRINT_TRANSCRIPT").is_some() {
        for line in &transcript {
            println!("{line}");
        }
    }
}

/// A long press on Listen turns speech navigation on, for one who finds the button but
/// has no keypad; a short one only reads the screen.
#[test]
fn a_long_press_on_listen_turns_speech_navigation_on() {
    let (mut kiosk, log) = common::kiosk_listening(SIZE, &["en"]);
    let s = kiosk.content.strings.clone();
    let harness = &mut kiosk.harness;
    let listen = harness
        .get_by_role_and_label(egui::Role::Button, &s.listen)
        .rect()
        .center();
    harness.hover_at(listen);
    harness.event(egui::Event::PointerButton {
        pos: listen,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    for _ in 0..30 {
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: listen,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    assert!(harness.state().visitor.nav);
    assert_eq!(said(&log), s.nav_intro, "not also a tap on Listen");
}
