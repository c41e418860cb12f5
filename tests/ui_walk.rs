//! The real app, driven through egui_kittest as a visitor would: tap by label, read
//! what the screen then shows. Labels come from the strings file and the content, so the
//! tests follow the behaviour, not the copy.

mod common;

use common::{shows, tap};

use egui::{Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::KioskApp;
use kiosk::content::Content;
use kiosk::questionnaire::{Answers, evaluate};
use kiosk::ui::questionnaire::result_parts;
use kiosk::ui::theme::TextSize;

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

/// Home's doors, as their tiles are named: every screen of the registry that has one.
fn doors(harness: &Harness<'_, KioskApp>) -> Vec<String> {
    let s = harness.state().content().strings.clone();
    harness
        .state()
        .registry()
        .kinds()
        .iter()
        .filter_map(|kind| Some((kind.door.as_ref()?.words)(&s).0.to_owned()))
        .collect()
}

/// The answers of `chosen` ((question id, option ids) pairs; checklists not listed get
/// "None of these", other questions their first option), as the engine takes them.
fn answers_of(content: &Content, chosen: &[(&str, &[&str])]) -> Answers {
    let mut answers = Answers::default();
    for (qi, question) in content.questionnaire.questions.iter().enumerate() {
        let picked: &[&str] = chosen
            .iter()
            .find(|(id, _)| *id == question.id)
            .map_or(&[], |(_, options)| options);
        for (oi, option) in question.options.iter().enumerate() {
            let wanted = if picked.is_empty() {
                question.none_option().map_or(oi == 0, |none| none == oi)
            } else {
                picked.contains(&option.id.as_str())
            };
            if wanted {
                answers.toggle(question, qi, oi);
            }
        }
    }
    answers
}

/// Every statement of the result the engine gives for these answers is on screen.
fn shows_the_result_for(harness: &Harness<'_, KioskApp>, answers: &Answers) {
    let content = harness.state().content().clone();
    let outcome = evaluate(&content.questionnaire, answers).unwrap();
    assert!(shows(harness, &outcome.result.title));
    for part in result_parts(&content, &outcome) {
        assert!(shows(harness, &part.heading), "{}", part.heading);
        for line in part.lines {
            assert!(shows(harness, &line.text), "{}", line.text);
        }
    }
    assert!(shows(harness, &content.questionnaire.disclaimer));
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
    let doors = doors(&harness);
    assert!(doors.len() >= 5, "{doors:?}");
    for tile in &doors {
        let node = harness.get_by_role_and_label(Role::Button, tile);
        assert!(!node.accesskit_node().is_disabled());
    }
    assert_touch_sized(&harness, "home");
}

#[test]
fn home_shows_every_choice_without_scrolling_on_each_screen_size() {
    // 1920x1080, 1080x1920 and a 1280x800 tablet show the service-area line under the
    // choices too; a 1280x720 output (as cage's headless backend has) and the web app's
    // tablets, in points and both ways up, keep every choice and show the line where room
    // is left: iPad and iPad mini (768x1024), iPad 10.2" (810x1080), iPad Air (820x1180),
    // iPad Pro 12.9" (1024x1366).
    let with_line = [LANDSCAPE, PORTRAIT, Vec2::new(1280.0, 800.0)].map(|size| (size, true));
    let tablets = [
        (768.0, 1024.0),
        (810.0, 1080.0),
        (820.0, 1180.0),
        (1024.0, 1366.0),
    ]
    .into_iter()
    .flat_map(|(w, h)| [Vec2::new(w, h), Vec2::new(h, w)]);
    let choices_only = std::iter::once(Vec2::new(1280.0, 720.0))
        .chain(tablets)
        .map(|size| (size, false));
    for (size, line) in with_line.into_iter().chain(choices_only) {
        let (harness, content, _state) = kiosk(size);
        let area = content.clinic.service_area.last().unwrap();
        let doors = doors(&harness);
        let mut nodes: Vec<_> = doors
            .iter()
            .map(|tile| harness.get_by_role_and_label(Role::Button, tile))
            .collect();
        if line {
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
    for size in [
        LANDSCAPE,
        PORTRAIT,
        Vec2::new(1280.0, 800.0),
        Vec2::new(768.0, 1024.0),
        Vec2::new(1024.0, 768.0),
    ] {
        for text_size in TextSize::ALL {
            let (mut harness, _, _state) = kiosk(size);
            harness.state_mut().visitor.look.text_size = text_size;
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
    let s = &content.strings;
    tap(&mut harness, &s.guide_title);
    let pages = content.guide.len();
    for (index, page) in content.guide.iter().enumerate() {
        assert!(shows(&harness, &page.title), "page {index}: {}", page.title);
        assert!(shows(&harness, &s.page_of(index + 1, pages)));
        assert_touch_sized(&harness, &page.title);
        if index + 1 < pages {
            tap(&mut harness, &s.next);
        }
    }
    assert!(
        harness
            .get_by_role_and_label(Role::Button, &s.next)
            .accesskit_node()
            .is_disabled()
    );
    for _ in 1..pages {
        tap(&mut harness, &s.back);
    }
    assert!(shows(&harness, &content.guide[0].title));
    assert!(shows(&harness, &s.page_of(1, pages)));
    assert!(
        harness
            .get_by_role_and_label(Role::Button, &s.back)
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_guide_contents_jump_to_any_page() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    let s = &content.strings;
    tap(&mut harness, &s.guide_title);
    tap(&mut harness, &s.contents);
    assert_touch_sized(&harness, "contents");
    let target = &content.guide[6];
    tap(&mut harness, &format!("7.  {}", target.title));
    assert!(shows(&harness, &target.title));
    assert!(shows(&harness, &s.page_of(7, content.guide.len())));
    let card = target.cards[0].heading.as_ref().unwrap().plain();
    assert!(shows(&harness, &card), "first card of page 7: {card}");
}

#[test]
fn compare_is_a_table_in_landscape_and_cards_in_portrait() {
    // "Downtime" heads the table's column once, or each card's row; and once more, the
    // bars under the table or cards.
    for (size, text_size, downtime_labels) in [
        (LANDSCAPE, TextSize::Normal, 1 + 1),
        (PORTRAIT, TextSize::Normal, 4 + 1),
        // At 150 % the columns would break words: cards instead.
        (LANDSCAPE, TextSize::Largest, 4 + 1),
    ] {
        let (mut harness, content, _state) = kiosk(size);
        let compare = &content.compare;
        tap(&mut harness, &content.strings.compare_title);
        harness.state_mut().visitor.look.text_size = text_size;
        harness.run();
        for cell in compare.rows.iter().flatten() {
            assert!(shows(&harness, cell), "{cell}");
        }
        let downtime = &content.questionnaire.columns.downtime;
        assert_eq!(
            harness.query_all_by_label(downtime).count(),
            downtime_labels,
            "at {size:?}, {text_size:?}"
        );
        assert_touch_sized(&harness, "compare");
    }
}

#[test]
fn an_faq_answer_opens_on_tap_and_closes_on_a_second_tap() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    tap(&mut harness, &content.strings.faq_title);
    // Home and text size in the bar, then one row per question.
    assert_eq!(
        harness.query_all_by_role(Role::Button).count(),
        2 + content.faq.entries.len()
    );
    let question = &content.faq.entries[4].question;
    let answer = common::first_words(&content.faq.entries[4].answer);
    let answer = answer.as_str();
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
    for tile in doors(&harness) {
        tap(&mut harness, &tile);
        assert!(
            !shows(&harness, &content.strings.home_intro),
            "{tile} still shows Home"
        );
        tap(&mut harness, &content.strings.home);
        assert!(
            shows(&harness, &content.strings.home_intro),
            "Home from {tile}"
        );
    }
}

#[test]
fn a_mouse_drag_scrolls_a_long_page() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    let s = &content.strings;
    tap(&mut harness, &s.guide_title);
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
        shows(&harness, &s.page_of(1, content.guide.len())),
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
    tap(&mut harness, &content.strings.guide_title);
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
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    let s = &content.strings;
    common::answer_all(&mut harness, &["pores"], "few_days", &[]);
    let answers = answers_of(
        &content,
        &[("concerns", &["pores"]), ("downtime", &["few_days"])],
    );
    shows_the_result_for(&harness, &answers);
    assert_touch_sized(&harness, "result");

    tap(&mut harness, &s.back);
    assert!(shows(&harness, &common::question_of(&harness, 5)));
    let none = common::label(&harness, "preparation", "none");
    assert!(is_chosen(&harness, Role::CheckBox, &none));
    for _ in 0..2 {
        tap(&mut harness, &s.back);
    }
    assert!(shows(&harness, &common::question_of(&harness, 3)));
    let few_days = common::label(&harness, "downtime", "few_days");
    assert!(is_chosen(&harness, Role::RadioButton, &few_days));
    tap(&mut harness, &s.back);
    tap(&mut harness, &s.back);
    let (pores, lines) = (
        common::label(&harness, "concerns", "pores"),
        common::label(&harness, "concerns", "lines"),
    );
    assert!(is_chosen(&harness, Role::CheckBox, &pores));
    assert!(!is_chosen(&harness, Role::CheckBox, &lines));

    tap(&mut harness, &s.start_over);
    assert!(shows(&harness, &common::question_of(&harness, 1)));
    assert!(!is_chosen(&harness, Role::CheckBox, &pores));
}

#[test]
fn a_checklist_needs_an_answer_and_none_of_these_excludes_the_rest() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    let s = &content.strings;
    tap(&mut harness, &s.quiz_title);
    let continue_ = harness.get_by_role_and_label(Role::Button, &s.continue_);
    assert!(
        continue_.accesskit_node().is_disabled(),
        "nothing chosen yet"
    );
    let label = |option| common::label(&harness, "concerns", option);
    let (pores, unsure, lines) = (label("pores"), label("unsure"), label("lines"));
    let tick = |harness: &mut Harness<'_, KioskApp>, label: &str| {
        harness.get_by_role_and_label(Role::CheckBox, label).click();
        harness.run();
    };
    tick(&mut harness, &pores);
    tick(&mut harness, &unsure);
    assert!(is_chosen(&harness, Role::CheckBox, &unsure));
    assert!(!is_chosen(&harness, Role::CheckBox, &pores));
    tick(&mut harness, &lines);
    assert!(!is_chosen(&harness, Role::CheckBox, &unsure));
    let continue_ = harness.get_by_role_and_label(Role::Button, &s.continue_);
    assert!(!continue_.accesskit_node().is_disabled());
}

/// Each result kind the content can reach, reached by tapping through, shows everything
/// the engine says for those answers, in both orientations.
#[test]
fn every_kind_of_result_shows_all_it_says() {
    for (size, chosen) in [
        (LANDSCAPE, &[("concerns", &["unsure"][..])][..]),
        (
            PORTRAIT,
            &[("concerns", &["pores"][..]), ("cautions", &["pregnant"])],
        ),
        (
            LANDSCAPE,
            &[("concerns", &["pigmentation"][..]), ("downtime", &["week"])],
        ),
        (
            PORTRAIT,
            &[("concerns", &["pores"][..]), ("downtime", &["none"])],
        ),
    ] {
        let (mut harness, content, _state) = kiosk(size);
        let pick = |question: &str, otherwise: &'static str| -> Vec<&str> {
            chosen
                .iter()
                .find(|(q, _)| *q == question)
                .map_or(vec![otherwise], |(_, o)| o.to_vec())
        };
        let concerns = pick("concerns", "unsure");
        let cautions = pick("cautions", "none");
        let downtime = pick("downtime", "none")[0];
        common::answer_all(&mut harness, &concerns, downtime, &cautions);
        shows_the_result_for(&harness, &answers_of(&content, chosen));
    }
}

/// Every statement opens where it comes from, and Back returns to the result as it was.
#[test]
fn read_more_opens_the_source_and_back_returns_to_the_result() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    let s = &content.strings;
    common::answer_all(&mut harness, &["pigmentation"], "week", &[]);
    let outcome = evaluate(
        &content.questionnaire,
        &answers_of(
            &content,
            &[("concerns", &["pigmentation"]), ("downtime", &["week"])],
        ),
    )
    .unwrap();
    let parts = result_parts(&content, &outcome);
    let lines: Vec<_> = parts.iter().flat_map(|p| &p.lines).collect();
    let read_more = |harness: &mut Harness<'_, KioskApp>, text: &str| {
        // Further down the result, it is scrolled to first, as a finger would.
        let label = format!("{text} {}", s.read_more);
        harness
            .get_by_role_and_label(Role::Button, &label)
            .scroll_to_me();
        harness.run();
        tap(harness, &label);
    };
    let back = |harness: &mut Harness<'_, KioskApp>| {
        tap(harness, &s.back_to_result);
        assert!(shows(harness, &outcome.result.title), "back on the result");
    };
    use kiosk::content::place::Place;
    for line in &lines {
        let Some(place) = line.source else { continue };
        read_more(&mut harness, &line.text);
        assert!(!shows(&harness, &outcome.result.title), "{}", line.text);
        match place {
            Place::Guide { page, card } => {
                let page = &content.guide[page];
                assert!(harness.query_all_by_label_contains(&page.title).count() >= 1);
                // The card that says it is on screen, set apart.
                let heading = page.cards[card].heading.as_ref().map(|h| h.plain());
                if let Some(heading) = heading {
                    let rect = harness.get_by_label(&heading).rect();
                    assert!(
                        rect.top() >= 0.0 && rect.bottom() <= LANDSCAPE.y,
                        "{}: the cited card {heading:?} is on screen at {rect:?}",
                        line.text
                    );
                }
            }
            Place::Faq { entry } => {
                assert!(shows(&harness, &content.faq.entries[entry].question));
            }
            Place::Compare => assert!(shows(&harness, &content.compare.rows[0][0])),
        }
        back(&mut harness);
    }
    assert!(common::questionnaire_holds_answers(&mut harness));
    // Home from a source forgets the answers, as from the result.
    tap(&mut harness, &s.home);
    common::answer_all(&mut harness, &["pigmentation"], "week", &[]);
    read_more(
        &mut harness,
        &lines.iter().find(|l| l.source.is_some()).unwrap().text,
    );
    tap(&mut harness, &s.home);
    tap(&mut harness, &s.quiz_title);
    assert_eq!(common::chosen_on_screen(&harness), 0);
}

/// Leaving the questionnaire any way but its Back button forgets every answer: the next
/// person starts at question 1 with nothing chosen.
#[test]
fn leaving_the_questionnaire_forgets_the_answers() {
    let (mut harness, content, _state) = kiosk(LANDSCAPE);
    let loaded = common::load_shipped();
    let (en, es) = (&loaded.language(0).strings, &loaded.language(1).strings);
    type Leave<'a> = Box<dyn Fn(&mut Harness<'_, KioskApp>) + 'a>;
    let leave: Vec<(&str, Leave<'_>)> = vec![
        ("Home", Box::new(|h| tap(h, &en.home))),
        (
            "a language change",
            Box::new(|h| {
                tap(h, &en.home);
                tap(h, &es.language_name);
                tap(h, &en.language_name);
            }),
        ),
        (
            "the staff screen",
            Box::new(|h| {
                tap(h, &en.home);
                let staff = (kiosk::ui::staff::KIND.open)();
                h.state_mut().visitor.open(staff);
                h.run();
                tap(h, &en.home);
            }),
        ),
    ];
    for (how, leave) in leave {
        common::answer_all(&mut harness, &["pores"], "few_days", &["keloids"]);
        assert!(shows(&harness, &content.questionnaire.results[0].title));
        leave(&mut harness);
        assert!(shows(&harness, &en.home_intro), "{how}");
        tap(&mut harness, &en.quiz_title);
        assert!(shows(&harness, &common::question_of(&harness, 1)), "{how}");
        assert_eq!(common::chosen_on_screen(&harness), 0, "{how}");
        tap(&mut harness, &en.home);
    }
}

#[test]
fn the_consultation_card_without_contact_details_sends_visitors_to_the_front_desk() {
    let (mut harness, content, _state) = kiosk(PORTRAIT);
    let s = &content.strings;
    assert!(
        content.clinic.missing().len() == 3,
        "the shipped clinic file has no details"
    );
    tap(&mut harness, &s.book_title);
    assert!(shows(&harness, &content.clinic.name));
    assert!(shows(&harness, &s.front_desk_only));
    assert!(harness.query_by_role(Role::Image).is_none(), "no QR code");
    assert!(!shows(&harness, &s.call));
    assert_touch_sized(&harness, "consultation");
}

#[test]
fn a_placeholder_detail_is_never_shown_and_a_real_one_is() {
    let dir = common::content_copy();
    let clinic = dir.path().join("en/clinic.toml");
    let text = std::fs::read_to_string(&clinic).unwrap();
    let url = "https://elite-chicago-facials.test/book";
    let text = text
        .replace("phone = \"\"", "phone = \"(312) 555-0142\"")
        .replace("booking_url = \"\"", &format!("booking_url = \"{url}\""));
    std::fs::write(&clinic, text).unwrap();
    let mut kiosk = common::kiosk_from(dir.path(), PORTRAIT);
    let s = kiosk.content.strings.clone();
    let harness = &mut kiosk.harness;
    tap(harness, &s.book_title);
    assert!(!shows(harness, "555-0142"), "a fictional number is hidden");
    harness.get_by_role_and_label(Role::Image, &format!("{} {url}", s.scan_to_book));
}
