//! A screen added through the public contract, as docs/architecture.md shows: its own
//! type, one registry entry (here through `Options::more_screens`, as a test or a build
//! adds one), and its words. Home offers it, Listen reads it, the counters count it, the
//! one reset leaves it, and the registry's gallery walks it: nothing else was touched.

mod common;

use common::{shows, tap};
use egui::{Role, Vec2};
use egui_kittest::kittest::Queryable;
use kiosk::ui::layout;
use kiosk::ui::screen::{Cx, Door, IdleRule, Screen, ScreenKind, just_opened};

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);
const TITLE: &str = "Opening hours";
const NOTE: &str = "When the spa is open";
const HOURS: &str = "Monday to Saturday, 9 to 7";

/// The whole new screen.
struct OpeningHours;

const OPENING_HOURS: ScreenKind = ScreenKind {
    key: "OpeningHours",
    idle: IdleRule::Reading,
    open: || Box::new(OpeningHours),
    // A real screen takes its words from `ui.toml`; a test's may be fixed.
    door: Some(Door {
        words: |_| (TITLE, NOTE),
        banner: false,
    }),
    gallery: |_| just_opened(&OPENING_HOURS),
};

impl Screen for OpeningHours {
    fn kind(&self) -> &'static ScreenKind {
        &OPENING_HOURS
    }

    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx<'_>) {
        layout::top_bar(ui, cx, TITLE, |_, _| {});
        layout::body(ui, cx, "opening_hours", 1100.0, |ui, _| {
            ui.label(egui::RichText::new(HOURS).size(32.0));
        });
    }

    fn speech(&self, _: &Cx<'_>) -> Vec<String> {
        vec![TITLE.to_owned(), HOURS.to_owned()]
    }
}

#[test]
fn a_new_screen_is_its_file_one_registry_entry_and_its_words() {
    let speaker = kiosk::speech::Recording::with_voices(&["en"]);
    let (mut kiosk, log) = common::kiosk_speaking_to(SIZE, speaker, &[&OPENING_HOURS]);
    let s = kiosk.content.strings.clone();
    let harness = &mut kiosk.harness;

    // Home offers it among the doors, as a big tile, and says its note with the others.
    let door = harness.get_by_role_and_label(Role::Button, TITLE);
    assert!(door.rect().height() >= 64.0);
    tap(harness, &s.listen);
    assert!(log.last_spoken().unwrap().1.contains(NOTE));
    tap(harness, &s.stop_listening);
    tap(harness, TITLE);
    assert!(shows(harness, HOURS));
    assert_eq!(common::screen_key(harness), OPENING_HOURS.key);
    harness.check_accessibility();

    // Listen reads it, in its own words.
    tap(harness, &s.listen);
    let spoken = log.last_spoken().unwrap().1;
    assert!(
        spoken.starts_with(TITLE) && spoken.contains(HOURS),
        "{spoken}"
    );
    tap(harness, &s.stop_listening);

    // The counters count it, Home is one tap away, and the reset leaves it.
    let counted = harness.state().kiosk.counters.counters.screens[OPENING_HOURS.key];
    assert_eq!(counted, 1);
    tap(harness, &s.home);
    assert!(shows(harness, &s.home_intro));
    tap(harness, TITLE);
    let ctx = harness.ctx.clone();
    harness.state_mut().wipe(&ctx);
    harness.run();
    assert!(shows(harness, &s.home_intro));

    // The screen walk and the snapshots find it in the registry's gallery.
    assert!(common::screens::names(harness.state()).contains(&"opening hours".to_owned()));
}
