//! Pictures of every screen, compared pixel by pixel with `tests/snapshots/*.png`
//! (`cargo test --features snapshots`; `UPDATE_SNAPSHOTS=1` to accept changes). Every
//! English screen at 1920x1080 and 1080x1920, and samples in Spanish, in high contrast, at
//! 150 % text, and with the keypad's focus ring in both palettes.
#![cfg(feature = "snapshots")]

mod common;

use chrono::NaiveDate;
use egui::{Key, Vec2};
use egui_kittest::Harness;
use kiosk::app::{KioskApp, Options};
use kiosk::clock::Clock;
use kiosk::config::Config;
use kiosk::content::{self, Source};
use kiosk::counters::{Counters, Event};
use kiosk::ui::theme::TextSize;

const LANDSCAPE: Vec2 = Vec2::new(1920.0, 1080.0);
const PORTRAIT: Vec2 = Vec2::new(1080.0, 1920.0);

/// The day the pictures are taken: noon UTC on 12 May 2026, that date in any time zone
/// a CI machine has.
const TODAY: u64 = 1_778_587_200;

fn harness(size: Vec2, state: &std::path::Path) -> Harness<'static, KioskApp> {
    // egui_kittest's renderer does not clear to the look's background: the app paints it.
    // The folders as relative paths, so the staff screen shows the same on any machine:
    // the shipped content live, the test fixture on the "USB stick".
    let options = Options {
        config: Config {
            state_dir: state.to_path_buf(),
            usb_content: "tests/fixtures/content".into(),
            ..Config::default()
        },
        window_clears_background: false,
        clock: Clock::set_at(TODAY).0,
        ..Options::default()
    };
    let loaded = content::load(&Source::Folder("content".into()));
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(0.05)
        .with_max_steps(100)
        .wgpu()
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, loaded, options));
    harness.run();
    harness
}

/// Puts the app on each screen in turn (or each of `only`, every one of which must
/// exist), with `look` applied, and snapshots it.
fn snapshot_screens(
    size: Vec2,
    prefix: &str,
    look: impl Fn(&mut Harness<'static, KioskApp>),
    only: Option<&[&str]>,
) {
    let state = tempfile::tempdir().unwrap();
    let mut harness = harness(size, state.path());
    let screens = common::screens::names(harness.state());
    let mut taken = 0;
    for name in &screens {
        if only.is_some_and(|only| !only.contains(&name.as_str())) {
            continue;
        }
        let ctx = harness.ctx.clone();
        let app = harness.state_mut();
        common::screens::open(app, &ctx, name);
        // The staff screen shows the counters: the same month every time.
        app.kiosk.counters.counters = a_month_of_visits();
        look(&mut harness);
        harness.run();
        harness.snapshot(format!(
            "{prefix}-{}",
            name.replace([' ', ':'], "-").replace("--", "-")
        ));
        taken += 1;
    }
    assert_eq!(taken, only.map_or(screens.len(), <[&str]>::len));
}

/// Thirty days of a waiting room's traffic, made up but the same every time: busier on
/// some days, a quiet one, and the questionnaire's funnel narrowing to the consultation.
fn a_month_of_visits() -> Counters {
    let mut counters = Counters::new("2026-01-01".into());
    let today = NaiveDate::from_ymd_opt(2026, 5, 12).unwrap();
    for back in 0..30u64 {
        let day = today - chrono::Days::new(back);
        let visits = if back == 9 { 0 } else { 4 + (back * 7) % 13 };
        for visit in 0..visits {
            let mut count = |event| counters.count(event, day);
            count(Event::Visit);
            count(Event::Screen("Guide"));
            if visit % 2 == 0 {
                count(Event::Screen("Questionnaire"));
                count(Event::QuestionnaireStarted);
            }
            if visit % 4 == 0 {
                count(Event::QuestionnaireFinished);
                count(Event::Result(if visit % 8 == 0 {
                    "good_fit"
                } else {
                    "talk_first"
                }));
            }
            if visit % 8 == 0 {
                count(Event::Consultation);
                count(Event::ConsultationAfterResult);
            }
            if visit % 5 == 1 {
                count(Event::Language("Español"));
            }
        }
    }
    counters
}

#[test]
fn every_english_screen_landscape() {
    snapshot_screens(LANDSCAPE, "en-1920x1080", |_| {}, None);
}

#[test]
fn every_english_screen_portrait() {
    snapshot_screens(PORTRAIT, "en-1080x1920", |_| {}, None);
}

const SAMPLE: &[&str] = &["home", "guide", "question 3", "result good fit"];

const RESULTS: &[&str] = &[
    "result talk first",
    "result good fit",
    "result look together",
    "result read more",
];

fn spanish(harness: &mut Harness<'static, KioskApp>) {
    harness.state_mut().visitor.language = 1;
}

/// Every result kind and a few other screens.
#[test]
fn spanish_landscape() {
    let screens: Vec<&str> = RESULTS.iter().chain(&SAMPLE[..3]).copied().collect();
    snapshot_screens(LANDSCAPE, "es-1920x1080", spanish, Some(&screens));
}

#[test]
fn spanish_results_portrait() {
    snapshot_screens(PORTRAIT, "es-1080x1920", spanish, Some(RESULTS));
}

#[test]
fn a_sample_in_high_contrast() {
    snapshot_screens(
        PORTRAIT,
        "high-contrast-1080x1920",
        |harness| harness.state_mut().visitor.look.high_contrast = true,
        Some(SAMPLE),
    );
}

/// The staff screen's charts in the second palette, on both screens.
#[test]
fn the_charts_in_high_contrast_landscape() {
    snapshot_screens(
        LANDSCAPE,
        "high-contrast-1920x1080",
        |harness| harness.state_mut().visitor.look.high_contrast = true,
        Some(&["staff counters"]),
    );
}

#[test]
fn the_charts_in_high_contrast_portrait() {
    snapshot_screens(
        PORTRAIT,
        "high-contrast-1080x1920",
        |harness| harness.state_mut().visitor.look.high_contrast = true,
        Some(&["staff counters"]),
    );
}

#[test]
fn a_sample_at_150_percent() {
    // The app zooms itself: the 1920x1080 screen shows 1280x720 points.
    snapshot_screens(
        LANDSCAPE,
        "text-150-1920x1080",
        |harness| harness.state_mut().visitor.look.text_size = TextSize::Largest,
        Some(&[
            "home",
            "guide",
            "compare",
            "faq all open",
            "result good fit",
        ]),
    );
}

/// The keypad's focus ring eight moves in (the first press turns speech on and takes the
/// focus to the first control): past the top bar, into the screen's own controls.
fn focus_on_the_eighth_control(harness: &mut Harness<'static, KioskApp>) {
    for _ in 0..8 {
        harness.key_press(Key::Num2);
        harness.run();
    }
}

#[test]
fn the_focus_ring_in_the_standard_look() {
    snapshot_screens(
        LANDSCAPE,
        "focus-1920x1080",
        focus_on_the_eighth_control,
        Some(&["home", "question 3", "faq"]),
    );
}

#[test]
fn the_focus_ring_in_high_contrast() {
    snapshot_screens(
        LANDSCAPE,
        "focus-high-contrast-1920x1080",
        |harness| {
            harness.state_mut().visitor.look.high_contrast = true;
            focus_on_the_eighth_control(harness);
        },
        Some(&["home", "question 3", "faq"]),
    );
}

/// Scrolls the page, as a finger would, until its first diagram is near the top.
fn diagram_in_view(harness: &mut Harness<'static, KioskApp>) {
    use egui_kittest::kittest::Queryable;
    let top = harness
        .query_all_by_role(egui::accesskit::Role::Image)
        .map(|node| node.rect().top())
        .find(|top| *top > 0.0);
    if let Some(top) = top {
        let middle = harness.ctx.content_rect().center();
        harness.event(egui::Event::PointerMoved(middle));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 260.0 - top),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.event(egui::Event::PointerGone);
        harness.run();
    }
}

const DIAGRAMS: &[&str] = &["guide", "guide page 5", "guide page 10", "compare"];

/// Every shipped diagram, in both languages, at both screen sizes and at 150 % text.
fn diagrams(size: Vec2, prefix: &str, look: impl Fn(&mut Harness<'static, KioskApp>)) {
    snapshot_screens(
        size,
        prefix,
        |harness| {
            look(harness);
            harness.run();
            diagram_in_view(harness);
        },
        Some(DIAGRAMS),
    );
}

#[test]
fn diagrams_in_english_landscape() {
    diagrams(LANDSCAPE, "diagrams-en-1920x1080", |_| {});
}

#[test]
fn diagrams_in_english_portrait() {
    diagrams(PORTRAIT, "diagrams-en-1080x1920", |_| {});
}

#[test]
fn diagrams_in_spanish_landscape() {
    diagrams(LANDSCAPE, "diagrams-es-1920x1080", spanish);
}

#[test]
fn diagrams_in_spanish_portrait() {
    diagrams(PORTRAIT, "diagrams-es-1080x1920", spanish);
}

#[test]
fn diagrams_at_150_percent() {
    diagrams(LANDSCAPE, "diagrams-text-150-1920x1080", |harness| {
        harness.state_mut().visitor.look.text_size = TextSize::Largest;
    });
}
