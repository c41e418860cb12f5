//! Every screen, in both languages, at three screen sizes and three text sizes: every
//! control is big enough to touch and has a name, and nothing sticks out sideways.

mod common;

use egui::{Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::KioskApp;
use kiosk::questionnaire::Answers;
use kiosk::session::{Screen, TextSize};
use kiosk::staff::View;

const SCREENS: [(&str, Vec2); 3] = [
    ("landscape", Vec2::new(1920.0, 1080.0)),
    ("portrait", Vec2::new(1080.0, 1920.0)),
    ("tablet", Vec2::new(1280.0, 800.0)),
];

/// The smallest a visitor's control may be, in screen pixels at 100 % (DESIGN.md asks
/// 64; 48 is the floor).
const TOUCH: f32 = 64.0;

/// A way to put the app on one screen.
type Setup = Box<dyn Fn(&mut KioskApp)>;

fn screens(app: &KioskApp) -> Vec<(String, Setup)> {
    let content = app.loaded.language(app.session.language);
    let mut list: Vec<(String, Setup)> = vec![("home".into(), Box::new(|_| {}))];
    for page in 0..content.guide.len() {
        list.push((
            format!("guide page {}", page + 1),
            Box::new(move |app: &mut KioskApp| {
                app.session.go(Screen::Guide);
                app.session.open_page(page, usize::MAX);
            }),
        ));
    }
    list.push((
        "guide contents".into(),
        Box::new(|app: &mut KioskApp| {
            app.session.go(Screen::Guide);
            app.session.show_contents(true);
        }),
    ));
    list.push((
        "compare".into(),
        Box::new(|app: &mut KioskApp| app.session.go(Screen::Compare)),
    ));
    list.push((
        "faq closed".into(),
        Box::new(|app: &mut KioskApp| app.session.go(Screen::Faq)),
    ));
    let entries = content.faq.entries.len();
    list.push((
        "faq all open".into(),
        Box::new(move |app: &mut KioskApp| {
            app.session.go(Screen::Faq);
            app.session.faq_open = (0..entries).collect();
        }),
    ));
    for step in 0..content.questionnaire.questions.len() {
        list.push((
            format!("question {}", step + 1),
            Box::new(move |app: &mut KioskApp| {
                app.session.go(Screen::Questionnaire);
                app.session.quiz_step = step;
            }),
        ));
    }
    // One set of answers per result kind: (question, option) pairs.
    let results: [(&str, &[(usize, usize)]); 3] = [
        ("result: talk first", &[(0, 0), (1, 2), (6, 0)]),
        ("result: good fit", &[(0, 0), (0, 4), (1, 1), (7, 0)]),
        ("result: another treatment", &[(0, 4), (0, 6), (1, 0)]),
    ];
    let questions = content.questionnaire.questions.len();
    for (name, answers) in results {
        list.push((
            name.into(),
            Box::new(move |app: &mut KioskApp| {
                let mut chosen = Answers::default();
                for &(q, o) in answers {
                    chosen.toggle(q, o);
                }
                app.session.go(Screen::Questionnaire);
                app.session.answers = chosen;
                app.session.quiz_step = questions;
            }),
        ));
    }
    list.push((
        "consultation".into(),
        Box::new(|app: &mut KioskApp| app.session.go(Screen::Consultation)),
    ));
    list.push((
        "pin pad".into(),
        Box::new(|app: &mut KioskApp| app.staff.view = View::PinPad),
    ));
    list.push((
        "staff screen".into(),
        Box::new(|app: &mut KioskApp| app.staff.view = View::Open),
    ));
    list
}

/// Checks the screen on show: sizes, names, and that it fits sideways. Returns the
/// smallest control's smaller side, in screen pixels.
fn check_screen(harness: &Harness<'_, KioskApp>, width_px: f32, zoom: f32, what: &str) -> f32 {
    harness.check_accessibility();
    let mut smallest = f32::MAX;
    for node in harness.root().children_recursive() {
        let role = node.accesskit_node().role();
        let Some(b) = node.accesskit_node().bounding_box() else {
            continue;
        };
        let rect = egui::Rect::from_min_max(
            egui::pos2(b.x0 as f32, b.y0 as f32),
            egui::pos2(b.x1 as f32, b.y1 as f32),
        );
        // Sideways, everything fits (vertically, pages scroll).
        assert!(
            rect.left() >= -0.5 && rect.right() <= width_px + 0.5,
            "{what}: {role:?} {:?} sticks out sideways: {rect:?}",
            node.accesskit_node().label()
        );
        if matches!(role, Role::Button | Role::CheckBox | Role::RadioButton) {
            let side = rect.width().min(rect.height());
            smallest = smallest.min(side / zoom);
            assert!(
                side >= TOUCH * zoom - 0.5,
                "{what}: {role:?} {:?} is only {:?}",
                node.accesskit_node().label(),
                rect.size()
            );
        }
    }
    smallest
}

#[test]
fn every_screen_at_every_size_in_every_language() {
    let mut combinations = 0;
    let mut smallest = f32::MAX;
    for language in 0..2 {
        for (screen_name, screen) in SCREENS {
            for text_size in TextSize::ALL {
                let zoom = text_size.zoom();
                // What egui sees on that screen at that zoom: fewer, larger points.
                let mut kiosk = common::kiosk_with(screen / zoom, |c| c.pin_hash = None);
                let harness = &mut kiosk.harness;
                let setups = screens(harness.state());
                for (name, setup) in &setups {
                    let app = harness.state_mut();
                    app.wipe();
                    app.session.language = language;
                    app.session.text_size = text_size;
                    setup(app);
                    harness.run();
                    let what = format!(
                        "{name}, language {language}, {screen_name}, {}%",
                        text_size.percent()
                    );
                    smallest = smallest.min(check_screen(harness, screen.x, zoom, &what));
                    combinations += 1;
                }
                // "Still there?": a visitor who walked away mid-questionnaire.
                let app = harness.state_mut();
                app.wipe();
                app.session.language = language;
                app.session.text_size = text_size;
                app.session.go(Screen::Questionnaire);
                harness.run();
                let now = harness.ctx.input(|i| i.time);
                harness.input_mut().time = Some(now + 95.0);
                harness.step();
                harness.step();
                let idle_title = harness
                    .state()
                    .loaded
                    .language(language)
                    .strings
                    .idle_title
                    .clone();
                assert!(
                    harness.query_by_label(&idle_title).is_some(),
                    "the warning shows"
                );
                let what = format!(
                    "idle warning, language {language}, {screen_name}, {}%",
                    text_size.percent()
                );
                smallest = smallest.min(check_screen(harness, screen.x, zoom, &what));
                combinations += 1;
            }
        }
    }
    println!(
        "{combinations} screen/size/language/text-size combinations; smallest control side {smallest} px at 100 %"
    );
    assert_eq!(combinations, 2 * 3 * 3 * 32);
}
