//! The real app, driven through egui_kittest as a visitor would: tap by label, read
//! what the screen then shows.

mod common;

use common::{shows, tap};

use egui::{Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::KioskApp;
use kiosk::content::Content;
use kiosk::visitor::TextSize;

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
fn home_shows_the_clinic_its_doors_and_booking() {
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
fn home_shows_every_choice_without_scrolling_on_each_screen_size() {
    // 1920x1080, 1080x1920, a 1280x800 tablet, and a 1280x720 output.
    for size in [
        LANDSCAPE,
        PORTRAIT,
        Vec2::new(1280.0, 800.0),
        Vec2::new(1280.0, 720.0),
    ] {
        let (harness, content, _state) = kiosk(size);
        let area = content.clinic.service_area.last().unwrap();
        let mut nodes: Vec<_> = [
            "Guide",
            "Compare treatments",
            "Questions",
            "Is it right for me?",
            "Book a consultation",
        ]
        .iter()
        .map(|tile| harness.get_by_role_and_label(Role::Button, tile))
        .collect();
        // The service-area line too, on the three sizes the design names (a 1280x720
        // output, as cage's headless backend has, keeps every choice but not that line).
        if size.y >= 800.0 {
            nodes.push(harness.get_by_label_contains(area));
        }
        // Inside the page's bottom margin: seen, not cut by the edge.
        for node in nodes {
            let rect = node.rect();
            assert!(
                rect.bottom() <= size.y - 28.0,
                "{size:?}: {:?} ends at {}",
                node.accesskit_node().label(),
                rect.bottom()
            );
        }
    }
}

/// Home's layout must not depend on where it is scrolled: a layout that did would change
/// the scroll range, which would change the layout, and the kiosk would never rest.
#[test]
fn home_settles_wherever_it_is_scrolled_at_every_text_size() {
    for size in [LANDSCAPE, PORTRAIT, Vec2::new(1280.0, 800.0)] {
        for text_size in TextSize::ALL {
            let (mut harness, _, _state) = kiosk(size);
            harness.state_mut().visitor.text_size = text_size;
            harness.run();
            for dy in [-400.0, -150.0, 300.0] {
                let from = egui::pos2(size.x / 2.0, size.y / 2.0);
                harness.hover_at(from);
                harness.drag_at(from);
                harness.step();
                harness.hover_at(from + egui::vec2(0.0, dy));
                harness.step();
                harness.drop_at(from + egui::vec2(0.0, dy));
                assert!(
                    harness.try_run().is_ok(),
                    "{size:?} at {}% keeps repainting after a drag of {dy}",
                    text_size.percent()
                );
            }
        }
    }
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
        harness.state_mut().visitor.text_size = text_size;
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

#[test]
fn the_questionnaire_reaches_a_result_and_back_keeps_every_answer() {
    let (mut harness, _, _state) = kiosk(LANDSCAPE);
    common::answer_all(&mut harness, &["Enlarged pores"], "A few days", &[]);
    assert!(shows(&harness, "Microneedling is worth discussing"));
    assert!(shows(
        &harness,
        "Enlarged pores: Microneedling aims at this."
    ));
    assert!(shows(
        &harness,
        "Most people with mild to moderate concerns need 3–6 sessions, spaced 4–6 weeks apart."
    ));
    assert!(shows(
        &harness,
        "Microneedling: 1–3 days in our comparison, within what you would accept."
    ));
    assert!(shows(
        &harness,
        "This is not a diagnosis or medical advice."
    ));
    assert_touch_sized(&harness, "result");

    tap(&mut harness, "Back");
    assert!(shows(&harness, "Question 5 of 5"));
    assert!(is_chosen(&harness, Role::CheckBox, "None of these"));
    for _ in 0..2 {
        tap(&mut harness, "Back");
    }
    assert!(shows(&harness, "Question 3 of 5"));
    assert!(is_chosen(&harness, Role::RadioButton, "A few days"));
    tap(&mut harness, "Back");
    tap(&mut harness, "Back");
    assert!(is_chosen(&harness, Role::CheckBox, "Enlarged pores"));
    assert!(!is_chosen(&harness, Role::CheckBox, "Fine lines"));

    tap(&mut harness, "Start over");
    assert!(shows(&harness, "Question 1 of 5"));
    assert!(!is_chosen(&harness, Role::CheckBox, "Enlarged pores"));
}

#[test]
fn a_checklist_needs_an_answer_and_none_of_these_excludes_the_rest() {
    let (mut harness, _, _state) = kiosk(LANDSCAPE);
    tap(&mut harness, "Is it right for me?");
    let continue_ = harness.get_by_role_and_label(Role::Button, "Continue");
    assert!(
        continue_.accesskit_node().is_disabled(),
        "nothing chosen yet"
    );
    common::check(&mut harness, "Enlarged pores");
    common::check(&mut harness, "Not sure yet");
    assert!(is_chosen(&harness, Role::CheckBox, "Not sure yet"));
    assert!(!is_chosen(&harness, Role::CheckBox, "Enlarged pores"));
    common::check(&mut harness, "Fine lines");
    assert!(!is_chosen(&harness, Role::CheckBox, "Not sure yet"));
    let continue_ = harness.get_by_role_and_label(Role::Button, "Continue");
    assert!(!continue_.accesskit_node().is_disabled());
}

#[test]
fn a_visitor_with_nothing_to_report_is_invited_to_look_together() {
    let (mut harness, _, _state) = kiosk(LANDSCAPE);
    common::answer_all(&mut harness, &[], "A few days", &[]);
    assert!(shows(&harness, "Let a provider look with you"));
    assert!(!shows(&harness, "worth discussing"));
}

#[test]
fn a_pregnant_visitor_with_enlarged_pores_is_asked_to_talk_first() {
    let (mut harness, _, _state) = kiosk(PORTRAIT);
    common::answer_all(
        &mut harness,
        &["Enlarged pores"],
        "A few days",
        &["Pregnancy, or you could be pregnant"],
    );
    assert!(shows(&harness, "Talk with a provider first"));
    assert!(shows(
        &harness,
        "Pregnancy: microneedling should wait unless your medical provider clears you."
    ));
    assert!(shows(
        &harness,
        "Enlarged pores: Microneedling aims at this."
    ));
    assert!(shows(
        &harness,
        "This is not a diagnosis or medical advice."
    ));
}

#[test]
fn no_downtime_keeps_the_concern_and_says_what_the_table_says() {
    let (mut harness, _, _state) = kiosk(LANDSCAPE);
    common::answer_all(&mut harness, &["Enlarged pores"], "None at all", &[]);
    assert!(shows(
        &harness,
        "Enlarged pores: Microneedling aims at this."
    ));
    assert!(shows(&harness, "You would accept: None at all."));
    assert!(shows(
        &harness,
        "Microneedling: 1–3 days in our comparison, more than you would accept."
    ));
    assert!(!shows(&harness, "free of downtime"));
    assert!(shows(&harness, "common for 24–72 hours"));
    assert!(shows(
        &harness,
        "Skip makeup and sunscreen for at least 24 hours"
    ));
}

#[test]
fn uneven_tone_names_chemical_peels_and_what_microneedling_can_also_do() {
    let (mut harness, _, _state) = kiosk(LANDSCAPE);
    common::answer_all(
        &mut harness,
        &["Uneven tone or dark spots"],
        "Up to a week",
        &[],
    );
    assert!(shows(&harness, "Microneedling is worth discussing"));
    assert!(shows(
        &harness,
        "Uneven tone or dark spots: Chemical Peels aims at this."
    ));
    assert!(shows(
        &harness,
        "microneedling can also give a better skin tone"
    ));
    assert!(shows(
        &harness,
        "Hyperpigmentation, dullness, surface renewal"
    ));
    assert!(shows(&harness, "Book a consultation"));
}

/// Every statement opens where it comes from, and Back returns to the result as it was.
#[test]
fn read_more_opens_the_source_and_back_returns_to_the_result() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    let s = &content.strings;
    common::answer_all(
        &mut harness,
        &["Uneven tone or dark spots"],
        "Up to a week",
        &[],
    );
    let helps = content
        .questionnaire
        .notes_of("Microneedling")
        .unwrap()
        .helps[0]
        .says
        .text
        .clone();
    tap(&mut harness, &format!("{helps} {}", s.read_more));
    let page = content
        .guide
        .iter()
        .find(|p| p.file == "03-benefits.md")
        .unwrap();
    assert!(
        harness.query_all_by_label_contains(&page.title).count() >= 1,
        "the cited guide page"
    );
    assert!(shows(&harness, "a better skin tone"));
    assert!(!shows(&harness, &content.questionnaire.results[2].title));
    tap(&mut harness, &s.back_to_result);
    assert!(shows(&harness, &content.questionnaire.results[2].title));
    assert!(common::answers(&mut harness).is_some_and(|a| !a.is_empty()));

    // A statement from the table opens the comparison.
    let from_table = "Uneven tone or dark spots: Chemical Peels aims at this.";
    tap(&mut harness, &format!("{from_table} {}", s.read_more));
    assert!(shows(&harness, &content.compare.rows[1][1]));
    tap(&mut harness, &s.back_to_result);
    // One from the FAQ opens its answer.
    let faq = content
        .questionnaire
        .notes_of("Microneedling")
        .unwrap()
        .expect[1]
        .text
        .clone();
    // Further down the result: scrolled to first, as a finger would.
    let label = format!("{faq} {}", s.read_more);
    harness
        .get_by_role_and_label(Role::Button, &label)
        .scroll_to_me();
    harness.run();
    tap(&mut harness, &label);
    assert!(shows(&harness, "When will I see changes in my pores?"));
    tap(&mut harness, &s.back_to_result);
    // A card low on its page is brought into view.
    let hands_off = content
        .questionnaire
        .notes_of("Microneedling")
        .unwrap()
        .after[3]
        .text
        .clone();
    let label = format!("{hands_off} {}", s.read_more);
    harness
        .get_by_role_and_label(Role::Button, &label)
        .scroll_to_me();
    harness.run();
    tap(&mut harness, &label);
    let card = harness.get_by_label_contains("Do not pick, scratch").rect();
    assert!(
        card.top() >= 0.0 && card.bottom() <= LANDSCAPE.y,
        "the cited card is on screen: {card:?}"
    );
    // Home from there forgets the answers, as from the result.
    tap(&mut harness, &s.home);
    assert!(common::answers(&mut harness).is_none());
}

/// Leaving the questionnaire any way but its Back button forgets every answer: the next
/// person starts at question 1 with nothing chosen.
#[test]
fn leaving_the_questionnaire_forgets_the_answers() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    type Leave = fn(&mut Harness<'_, KioskApp>);
    let leave: [(&str, Leave); 3] = [
        ("Home", |h| tap(h, "Home")),
        ("a language change", |h| {
            tap(h, "Home");
            tap(h, "Español");
            tap(h, "English");
        }),
        ("the staff screen", |h| {
            tap(h, "Home");
            let app = h.state_mut();
            app.desk.view = kiosk::staff::View::Open;
            h.run();
            tap(h, "Home");
        }),
    ];
    for (how, leave) in leave {
        common::answer_all(
            &mut harness,
            &["Enlarged pores"],
            "A few days",
            &["Keloid scars, now or in the past"],
        );
        assert!(shows(&harness, "Talk with a provider first"));
        leave(&mut harness);
        assert!(shows(&harness, &content.strings.home_intro), "{how}");
        tap(&mut harness, "Is it right for me?");
        assert!(shows(&harness, "Question 1 of 5"), "{how}");
        assert!(
            !is_chosen(&harness, Role::CheckBox, "Enlarged pores"),
            "{how}"
        );
        assert!(
            common::answers(&mut harness).is_some_and(|a| a.is_empty()),
            "{how}"
        );
        tap(&mut harness, "Home");
    }
}

#[test]
fn the_consultation_card_without_contact_details_sends_visitors_to_the_front_desk() {
    let (mut harness, content, _state) = kiosk(PORTRAIT);
    assert!(
        content.clinic.missing().len() == 3,
        "the shipped clinic file has no details"
    );
    tap(&mut harness, "Book a consultation");
    assert!(shows(&harness, &content.clinic.name));
    assert!(shows(&harness, "Ask us at the front desk"));
    assert!(harness.query_by_role(Role::Image).is_none(), "no QR code");
    assert!(!shows(&harness, "555"));
    assert_touch_sized(&harness, "consultation");
}

#[test]
fn a_placeholder_detail_is_never_shown_and_a_real_one_is() {
    let dir = common::content_copy();
    let clinic = dir.path().join("en/clinic.toml");
    let text = std::fs::read_to_string(&clinic).unwrap();
    let text = text
        .replace("phone = \"\"", "phone = \"(312) 555-0142\"")
        .replace(
            "booking_url = \"\"",
            "booking_url = \"https://elite-chicago-facials.test/book\"",
        );
    std::fs::write(&clinic, text).unwrap();
    let mut kiosk = common::kiosk_from(dir.path(), PORTRAIT);
    let harness = &mut kiosk.harness;
    tap(harness, "Book a consultation");
    assert!(!shows(harness, "555-0142"), "a fictional number is hidden");
    harness.get_by_role_and_label(
        Role::Image,
        "Scan with your phone's camera to book online. https://elite-chicago-facials.test/book",
    );
}
