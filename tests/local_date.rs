//! The counters' dates are the clinic's local date: the time zone comes from `TZ` (as
//! systemd and the shell pass it) or `/etc/localtime`. Its own test binary, because it sets
//! `TZ` for the whole process: to Chicago's rule, once, before any test reads it.

mod common;

use std::sync::Once;
use std::sync::atomic::Ordering;

use common::{strings, tap};
use egui_kittest::Harness;
use kiosk::app::{KioskApp, Options};
use kiosk::clock::{Clock, local_date};

fn in_chicago() {
    static SET: Once = Once::new();
    // Chicago's rule as a POSIX TZ string, so the test needs no time zone database.
    // SAFETY: every test of this binary calls this first, so no thread reads the
    // environment while it is set.
    SET.call_once(|| unsafe { std::env::set_var("TZ", "CST6CDT,M3.2.0,M11.1.0") });
}

fn date_of(unix: u64) -> String {
    local_date(unix).to_string()
}

/// 2026-11-27 00:00 UTC.
const MIDNIGHT_UTC: u64 = 1_795_737_600;

#[test]
fn dates_follow_the_local_time_zone_and_its_summer_time() {
    in_chicago();
    // Midnight UTC is 18:00 the day before in Chicago (CST, UTC-6)...
    assert_eq!(date_of(MIDNIGHT_UTC), "2026-11-26");
    assert_eq!(date_of(MIDNIGHT_UTC + 6 * 3600 - 1), "2026-11-26");
    assert_eq!(date_of(MIDNIGHT_UTC + 6 * 3600), "2026-11-27");
    // ...and in summer (CDT, UTC-5) the day changes at 05:00 UTC.
    let july_first_utc = 1_782_864_000; // 2026-07-01 00:00 UTC
    assert_eq!(date_of(july_first_utc + 5 * 3600 - 1), "2026-06-30");
    assert_eq!(date_of(july_first_utc + 5 * 3600), "2026-07-01");
}

#[test]
fn the_counters_start_a_new_day_at_local_midnight_and_fold_days_after_a_year() {
    in_chicago();
    // 23:59:30 on 26 November in Chicago (05:59:30 UTC on the 27th).
    let before_midnight = MIDNIGHT_UTC + 6 * 3600 - 30;
    let (clock, time) = Clock::set_at(before_midnight);
    let mut kiosk = common::kiosk_as_started(
        egui::Vec2::new(1920.0, 1080.0),
        |_| {},
        |o| Options { clock, ..o },
    );
    let harness = &mut kiosk.harness;
    let s = strings(harness);
    let visit = |harness: &mut Harness<'_, KioskApp>| {
        tap(harness, &s.guide_title);
        tap(harness, &s.home);
        // They leave: after a while on Home the visit ends.
        common::idle(harness, 200.0);
    };
    visit(harness);
    time.store(before_midnight + 60, Ordering::Relaxed); // 00:00:30 on the 27th
    visit(harness);
    visit(harness);
    let counters = &harness.state().kiosk.counters.counters;
    let visits = |day: &str| {
        counters
            .days
            .get(day)
            .map(|d| (d.visits, d.screens["Guide"]))
    };
    assert_eq!(visits("2026-11-26"), Some((1, 1)));
    assert_eq!(visits("2026-11-27"), Some((2, 2)));
    assert_eq!(counters.screens["Guide"], 3, "the total");

    // A year and a day later, the first visit of the day folds the old days away.
    time.store(before_midnight + 367 * 86_400, Ordering::Relaxed);
    visit(harness);
    let counters = &harness.state().kiosk.counters.counters;
    assert_eq!(counters.days.keys().collect::<Vec<_>>(), ["2027-11-28"]);
    assert_eq!(counters.months["2026-11"].visits, 3);
    assert_eq!(counters.months["2026-11"].screens["Guide"], 3);
    assert_eq!(counters.all_time().visits, 4, "nothing lost");
}
