//! Where a visitor taps and scrolls, worked out by the real app at a screen size, for the
//! web build's check in a browser (`scripts/web-check.cjs`), which has no accessibility
//! tree to find buttons by name on egui's canvas: the same code draws the same layout
//! there, so the centres of the buttons found here by their words are where the browser
//! is tapped.
//!
//! `KIOSK_TAP_PLAN=plan.json cargo test --test web_taps` writes the plan for 1920x1080
//! and 1024x1366 (an iPad Pro in portrait); without the variable the test only proves the
//! walk still works.

mod common;

use common::Kiosk;
use egui::{Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kiosk::app::KioskApp;

/// The PIN the web check's settings are made with (`--set-pin` in `.ci/run`).
const PIN: &str = "2468";

/// The steps of one walk, as the browser replays them: a tap `[x, y]` in points (CSS
/// pixels at a device scale of 1), or a turn of the mouse wheel `{"wheel": [x, y, dy]}`
/// (the browser's `deltaY`, in pixels).
struct Walk<'a> {
    harness: &'a mut Harness<'static, KioskApp>,
    size: Vec2,
    steps: Vec<String>,
}

impl Walk<'_> {
    /// Taps the middle of the control, where the browser is tapped: a control hidden under
    /// a bar is missed there as it would be on the tablet.
    fn tap(&mut self, role: Role, label: &str) {
        let centre = self
            .harness
            .get_by_role_and_label(role, label)
            .rect()
            .center();
        self.steps
            .push(format!("[{}, {}]", centre.x.round(), centre.y.round()));
        self.harness.get_by_role_and_label(role, label).click();
        self.harness.run();
    }

    /// Scrolls the page to its end with the mouse wheel, from the middle of the screen: a
    /// page taller than the screen (a checklist on a portrait tablet) shows its last
    /// answers only then. Far more than any page, so both end at the same place.
    fn scroll_to_end(&mut self) {
        const PAST_THE_END: f32 = 5000.0;
        let at = (self.size / 2.0).to_pos2();
        self.steps.push(format!(
            "{{\"wheel\": [{}, {}, {PAST_THE_END}]}}",
            at.x, at.y
        ));
        self.harness.event(egui::Event::PointerMoved(at));
        self.harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            // egui's content moves the other way to the browser's deltaY.
            delta: Vec2::new(0.0, -PAST_THE_END),
            modifiers: egui::Modifiers::default(),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        self.harness.run();
    }

    /// The steps so far, as JSON; the walk goes on from here with none.
    fn take(&mut self) -> String {
        let steps: Vec<String> = self.steps.drain(..).collect();
        format!("[{}]", steps.join(", "))
    }
}

fn label(harness: &Harness<'_, KioskApp>, question: &str, option: &str) -> String {
    common::label(harness, question, option)
}

/// The plan at `size`, as one JSON object.
fn plan(size: Vec2) -> String {
    let Kiosk {
        mut harness,
        content,
        state: _state,
    } = common::kiosk_with(size, |config| {
        config.pin_hash = Some(kiosk::pin::hash(PIN).unwrap());
    });
    let s = content.strings.clone();
    let mut walk = Walk {
        harness: &mut harness,
        size,
        steps: Vec::new(),
    };

    // Home: the guide's door opens the guide; Home comes back.
    walk.tap(Role::Button, &s.guide_title);
    assert_eq!(common::screen_key(walk.harness), "Guide");
    let guide = walk.take();
    walk.tap(Role::Button, &s.home);
    assert_eq!(common::screen_key(walk.harness), "Home");
    let home = walk.take();

    // The questionnaire: large pores, mild, a few days, no cautions, nothing before.
    walk.tap(Role::Button, &s.quiz_title);
    let pores = label(walk.harness, "concerns", "pores");
    walk.tap(Role::CheckBox, &pores);
    walk.tap(Role::Button, &s.continue_);
    let mild = label(walk.harness, "severity", "mild");
    walk.tap(Role::RadioButton, &mild);
    let few_days = label(walk.harness, "downtime", "few_days");
    walk.tap(Role::RadioButton, &few_days);
    for question in ["cautions", "preparation"] {
        let none = label(walk.harness, question, "none");
        walk.scroll_to_end();
        walk.tap(Role::CheckBox, &none);
        walk.tap(Role::Button, &s.continue_);
    }
    let result = walk
        .harness
        .state()
        .kiosk
        .counters
        .counters
        .results
        .keys()
        .next()
        .cloned()
        .expect("the walk reached a result");
    let questionnaire = walk.take();
    walk.tap(Role::Button, &s.home);
    assert_eq!(common::screen_key(walk.harness), "Home");
    let back_home = walk.take();

    // Staff: five taps on the logo (within three seconds), a wrong PIN, the right one,
    // then Export.
    let logo = walk
        .harness
        .get_by_role_and_label(Role::Image, &content.clinic.name)
        .rect()
        .center();
    for _ in 0..5 {
        walk.harness
            .get_by_role_and_label(Role::Image, &content.clinic.name)
            .click();
        walk.harness.step();
    }
    walk.harness.run();
    assert_eq!(common::screen_key(walk.harness), "PinPad");
    for digit in "1357".chars() {
        walk.tap(Role::Button, &digit.to_string());
    }
    walk.tap(Role::Button, &s.pin_enter);
    let wrong = walk.take();
    for digit in PIN.chars() {
        walk.tap(Role::Button, &digit.to_string());
    }
    walk.tap(Role::Button, &s.pin_enter);
    assert_eq!(common::screen_key(walk.harness), "Staff");
    let right = walk.take();
    walk.tap(Role::Button, &s.staff_tab_counters);
    walk.tap(Role::Button, &s.staff_export);
    let export = walk.take();

    format!(
        concat!(
            "{{\"size\": [{}, {}], \"guide\": {}, \"home\": {}, \"questionnaire\": {}, ",
            "\"result\": \"{}\", \"back_home\": {}, \"logo\": [{}, {}], \"wrong_pin\": {}, ",
            "\"right_pin\": {}, \"export\": {}}}"
        ),
        size.x,
        size.y,
        guide,
        home,
        questionnaire,
        result,
        back_home,
        logo.x.round(),
        logo.y.round(),
        wrong,
        right,
        export
    )
}

#[test]
fn the_web_checks_walk_works_and_its_taps_are_written_when_asked() {
    let plans = [Vec2::new(1920.0, 1080.0), Vec2::new(1024.0, 1366.0)].map(plan);
    let json = format!("[\n{}\n]\n", plans.join(",\n"));
    if let Some(path) = std::env::var_os("KIOSK_TAP_PLAN") {
        std::fs::write(&path, json).expect("the plan is written");
    }
}
