//! The real app, driven through egui_kittest as a visitor would: tap by label, read
//! what the screen then shows.

mod common;

use common::{shows, tap};

use egui::{Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::KioskApp;
use kiosk::content::Content;
use kiosk::session::TextSize;

const LANDSCAPE: Vec2 = Vec2::new(1920.0, 1080.0);
const PORTRAIT: Vec2 = Vec2::new(1080.0, 1920.0);

/// The app, its content, and the temporary folder its files go to (keep it alive).
fn kiosk(size: Vec2) -> (Harness<'static, KioskApp>, Content, tempfile::TempDir) {
    let common::Kiosk {
        harness,
        content,
        state,
    } = common::kiosk(size);
    (harness, content, state)
}

/// Every button on the current screen is at least the design's 64x64 touch size.
fn assert_touch_sized(harness: &Harness<'_, KioskApp>, screen: &str) {
    for button in harness.query_all_by_role(Role::Button) {
        let size = button.rect().size();
        assert!(
            size.x >= 64.0 && size.y >= 64.0,
            "{screen}: button {:?} is only {size:?}",
            button.accesskit_node().label()
        );
    }
}

#[test]
fn home_shows_the_clinic_its_four_doors_and_booking() {
    let (harness, content, _state) = kiosk(LANDSCAPE);
    harness.get_by_role_and_label(Role::Label, &content.clinic.name);
    harness.get_by_role_and_label(Role::Image, &content.clinic.name);
    assert!(shows(&harness, &content.strings.home_intro));
    for tile in [
        "Guide",
        "Compare treatments",
        "Questions",
        "Is it right for me?",
        "Book a consultation",
    ] {
        let node = harness.get_by_role_and_label(Role::Button, tile);
        assert!(!node.accesskit_node().is_disabled());
    }
    assert_touch_sized(&harness, "home");
}

#[test]
fn the_guide_pages_forward_to_the_end_and_back_to_the_start() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    tap(&mut harness, "Guide");
    let pages = content.guide.len();
    for (index, page) in content.guide.iter().enumerate() {
        assert!(shows(&harness, &page.title), "page {index}: {}", page.title);
        assert!(shows(&harness, &format!("Page {} of {pages}", index + 1)));
        assert_touch_sized(&harness, &page.title);
        if index + 1 < pages {
            tap(&mut harness, "Next");
        }
    }
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Next")
            .accesskit_node()
            .is_disabled()
    );
    for _ in 1..pages {
        tap(&mut harness, "Back");
    }
    assert!(shows(&harness, &content.guide[0].title));
    assert!(shows(&harness, &format!("Page 1 of {pages}")));
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Back")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_guide_contents_jump_to_any_page() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    tap(&mut harness, "Guide");
    tap(&mut harness, "Contents");
    assert_touch_sized(&harness, "contents");
    let target = &content.guide[6];
    tap(&mut harness, &format!("7.  {}", target.title));
    assert!(shows(&harness, &target.title));
    assert!(shows(&harness, "Page 7 of 11"));
    let card = target.cards[0].heading.as_ref().unwrap().plain();
    assert!(shows(&harness, &card), "first card of page 7: {card}");
}

#[test]
fn compare_is_a_table_in_landscape_and_cards_in_portrait() {
    for (size, text_size, downtime_labels) in [
        (LANDSCAPE, TextSize::Normal, 1),
        (PORTRAIT, TextSize::Normal, 4),
        // At 150 % the columns would break words: cards instead.
        (LANDSCAPE, TextSize::Largest, 4),
    ] {
        let (mut harness, _, _state) = kiosk(size);
        tap(&mut harness, "Compare treatments");
        harness.state_mut().session.text_size = text_size;
        harness.run();
        assert!(shows(&harness, "Microdermabrasion"));
        assert!(shows(&harness, "Up to 1 day"));
        assert!(shows(&harness, "Warmth/tingle"));
        assert_eq!(
            harness.query_all_by_label("Downtime").count(),
            downtime_labels,
            "at {size:?}, {text_size:?}"
        );
        assert_touch_sized(&harness, "compare");
    }
}

#[test]
fn an_faq_answer_opens_on_tap_and_closes_on_a_second_tap() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    tap(&mut harness, "Questions");
    // Home and text size in the bar, then one row per question.
    assert_eq!(
        harness.query_all_by_role(Role::Button).count(),
        2 + content.faq.entries.len()
    );
    let question = &content.faq.entries[4].question;
    let answer = "A numbing cream is usually put on your skin first";
    assert!(!shows(&harness, answer));
    tap(&mut harness, question);
    assert!(shows(&harness, answer));
    assert_touch_sized(&harness, "faq open");
    tap(&mut harness, question);
    assert!(!shows(&harness, answer));
}

#[test]
fn home_is_one_tap_away_from_every_screen() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    for tile in [
        "Guide",
        "Compare treatments",
        "Questions",
        "Is it right for me?",
        "Book a consultation",
    ] {
        tap(&mut harness, tile);
        assert!(
            !shows(&harness, &content.strings.home_intro),
            "{tile} still shows Home"
        );
        tap(&mut harness, "Home");
        assert!(
            shows(&harness, &content.strings.home_intro),
            "Home from {tile}"
        );
    }
}

#[test]
fn a_mouse_drag_scrolls_a_long_page() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    tap(&mut harness, "Guide");
    let title = &content.guide[0].title;
    let before = harness.get_by_label(title).rect().top();
    let start = egui::pos2(960.0, 700.0);
    harness.hover_at(start);
    harness.drag_at(start);
    harness.step();
    for step in 1..=10 {
        harness.hover_at(start - egui::vec2(0.0, 30.0 * step as f32));
        harness.step();
    }
    let after = harness.get_by_label(title).rect().top();
    harness.drop_at(start - egui::vec2(0.0, 300.0));
    harness.run();
    assert!(
        after < before - 250.0,
        "title moved from {before} to {after}"
    );
    assert!(
        shows(&harness, "Page 1 of 11"),
        "a drag must not turn into a tap on Next"
    );
}

/// A press or release of the primary button, without moving or removing the pointer.
fn button(harness: &Harness<'_, KioskApp>, pos: egui::Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

/// Taps anywhere on a page, far apart, read as taps and never as drags. (The X11 case of
/// a pointer that jumps and presses in one frame is held apart by `input::InputFilter`,
/// tested in its module: kittest does not pass events through eframe's input hook.)
#[test]
fn taps_far_apart_do_not_scroll_the_page() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    tap(&mut harness, "Guide");
    let title = &content.guide[0].title;
    let before = harness.get_by_label(title).rect().top();
    // As X11 reports touches: the pointer jumps to each one and presses in the same
    // frame, and stays where the last touch lifted.
    for y in [300.0, 800.0] {
        let pos = egui::pos2(960.0, y);
        harness.hover_at(pos);
        button(&harness, pos, true);
        for _ in 0..3 {
            harness.step();
        }
        button(&harness, pos, false);
        harness.run();
    }
    assert_eq!(harness.get_by_label(title).rect().top(), before);
}

/// Whether a choice row reads as chosen to assistive technology.
fn is_chosen(harness: &Harness<'_, KioskApp>, role: Role, label: &str) -> bool {
    harness
        .get_by_role_and_label(role, label)
        .accesskit_node()
        .toggled()
        .is_some_and(|t| t == egui::accesskit::Toggled::True)
}

/// From Home, answers every question: the listed concerns, "A few days" of downtime,
/// and "Yes" to the listed yes/no questions, "No" to the rest.
fn answer_all(harness: &mut Harness<'_, KioskApp>, concerns: &[&str], yes_to: &[&str]) {
    common::answer_first_two_questions(harness, concerns);
    for step in 3..=9 {
        assert!(shows(harness, &format!("Question {step} of 9")));
        assert_touch_sized(harness, &format!("question {step}"));
        let question = [
            "",
            "",
            "",
            "acne",
            "infection",
            "diabetes",
            "keloid",
            "pregnant",
            "retinoids",
            "sunburn",
        ][step];
        let answer = if yes_to.contains(&question) {
            "Yes"
        } else {
            "No"
        };
        harness
            .get_by_role_and_label(Role::RadioButton, answer)
            .click();
        harness.run();
    }
}

#[test]
fn the_questionnaire_reaches_a_good_fit_and_back_keeps_every_answer() {
    let (mut harness, _, _state) = kiosk(LANDSCAPE);
    answer_all(&mut harness, &["Enlarged pores"], &[]);
    assert!(shows(&harness, "A good fit to discuss microneedling"));
    assert!(shows(
        &harness,
        "Enlarged pores: over time, pores can look smaller."
    ));
    assert!(shows(
        &harness,
        "Most people need 3–6 sessions, spaced 4–6 weeks apart."
    ));
    assert!(shows(&harness, "(312) 555-0142"));
    assert!(shows(
        &harness,
        "This is not a diagnosis or medical advice."
    ));
    harness.get_by_role_and_label(
        Role::Image,
        "Scan with your phone's camera to book online. https://example.com/book-microneedling",
    );
    assert_touch_sized(&harness, "result");

    tap(&mut harness, "Back");
    assert!(shows(&harness, "Question 9 of 9"));
    assert!(is_chosen(&harness, Role::RadioButton, "No"));
    for _ in 0..7 {
        tap(&mut harness, "Back");
    }
    assert!(shows(&harness, "Question 2 of 9"));
    assert!(is_chosen(&harness, Role::RadioButton, "A few days"));
    tap(&mut harness, "Back");
    assert!(is_chosen(&harness, Role::CheckBox, "Enlarged pores"));
    assert!(!is_chosen(&harness, Role::CheckBox, "Fine lines"));

    tap(&mut harness, "Start over");
    assert!(shows(&harness, "Question 1 of 9"));
    assert!(!is_chosen(&harness, Role::CheckBox, "Enlarged pores"));
}

#[test]
fn a_pregnant_visitor_with_enlarged_pores_is_asked_to_talk_first() {
    let (mut harness, _, _state) = kiosk(PORTRAIT);
    answer_all(&mut harness, &["Enlarged pores"], &["pregnant"]);
    assert!(shows(&harness, "Talk with a provider first"));
    assert!(!shows(&harness, "A good fit to discuss microneedling"));
    assert!(shows(
        &harness,
        "Pregnancy: microneedling should wait unless your medical provider clears you."
    ));
    assert!(shows(
        &harness,
        "This is not a diagnosis or medical advice."
    ));
}

#[test]
fn pigmentation_points_to_chemical_peels_with_their_comparison_row() {
    let (mut harness, _, _state) = kiosk(LANDSCAPE);
    answer_all(
        &mut harness,
        &["Uneven tone or pigmentation"],
        &["retinoids"],
    );
    assert!(shows(&harness, "Another treatment may suit this goal too"));
    assert!(shows(&harness, "Chemical Peels"));
    assert!(shows(
        &harness,
        "Hyperpigmentation, dullness, surface renewal"
    ));
    assert!(shows(
        &harness,
        "Retinoids or exfoliating acids: pause them 3–5 days before your session."
    ));
    assert!(shows(&harness, "Book a consultation"));
}

#[test]
fn the_consultation_card_is_one_tap_from_home() {
    let (mut harness, content, _state) = kiosk(PORTRAIT);
    tap(&mut harness, "Book a consultation");
    assert!(shows(&harness, &content.clinic.phone));
    assert!(shows(&harness, &content.clinic.address[0]));
    assert!(shows(&harness, "Ask us at the front desk"));
    assert_touch_sized(&harness, "consultation");
}
