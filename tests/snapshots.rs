//! Pictures of every screen, compared pixel by pixel with `tests/snapshots/*.png`
//! (`cargo test --features snapshots`; `UPDATE_SNAPSHOTS=1` to accept changes). Every
//! English screen at 1920x1080 and 1080x1920, and samples in Spanish, in high contrast and
//! at 150 % text.
#![cfg(feature = "snapshots")]

mod common;

use egui::Vec2;
use egui_kittest::Harness;
use kiosk::app::{KioskApp, Options};
use kiosk::config::Config;
use kiosk::ui::theme::TextSize;

const LANDSCAPE: Vec2 = Vec2::new(1920.0, 1080.0);
const PORTRAIT: Vec2 = Vec2::new(1080.0, 1920.0);

fn harness(size: Vec2, state: &std::path::Path) -> Harness<'static, KioskApp> {
    // egui_kittest's renderer does not clear to the look's background: the app paints it.
    let options = Options {
        config: Config {
            state_dir: state.to_path_buf(),
            ..Config::default()
        },
        window_clears_background: false,
        ..Options::default()
    };
    let loaded = common::load_shipped();
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
fn snapshot_screens(size: Vec2, prefix: &str, look: impl Fn(&mut KioskApp), only: Option<&[&str]>) {
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
        // The staff screen shows the counters' start date: fixed, so pictures do not age.
        app.kiosk.counters.counters = kiosk::counters::Counters::new("2026-01-01".into());
        look(app);
        harness.run();
        harness.snapshot(format!(
            "{prefix}-{}",
            name.replace([' ', ':'], "-").replace("--", "-")
        ));
        taken += 1;
    }
    assert_eq!(taken, only.map_or(screens.len(), <[&str]>::len));
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

fn spanish(app: &mut KioskApp) {
    app.visitor.language = 1;
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
        |app| app.visitor.look.high_contrast = true,
        Some(SAMPLE),
    );
}

#[test]
fn a_sample_at_150_percent() {
    // The app zooms itself: the 1920x1080 screen shows 1280x720 points.
    snapshot_screens(
        LANDSCAPE,
        "text-150-1920x1080",
        |app| app.visitor.look.text_size = TextSize::Largest,
        Some(&[
            "home",
            "guide",
            "compare",
            "faq all open",
            "result good fit",
        ]),
    );
}
