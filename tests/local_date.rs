//! The counters' dates are the clinic's local date: the time zone comes from `TZ` (as
//! systemd and the shell pass it) or `/etc/localtime`. Its own test binary, because it sets
//! `TZ` for the whole process.

use kiosk::clock::local_date;

fn date_of(unix: u64) -> String {
    local_date(unix).to_string()
}

/// 2026-11-27 00:00 UTC.
const MIDNIGHT_UTC: u64 = 1_795_737_600;

#[test]
fn dates_follow_the_local_time_zone_and_its_summer_time() {
    // Chicago's rule as a POSIX TZ string, so the test needs no time zone database.
    // SAFETY: the only test of this binary, so no other thread reads the environment.
    unsafe { std::env::set_var("TZ", "CST6CDT,M3.2.0,M11.1.0") };
    // Midnight UTC is 18:00 the day before in Chicago (CST, UTC-6)...
    assert_eq!(date_of(MIDNIGHT_UTC), "2026-11-26");
    assert_eq!(date_of(MIDNIGHT_UTC + 6 * 3600 - 1), "2026-11-26");
    assert_eq!(date_of(MIDNIGHT_UTC + 6 * 3600), "2026-11-27");
    // ...and in summer (CDT, UTC-5) the day changes at 05:00 UTC.
    let july_first_utc = 1_782_864_000; // 2026-07-01 00:00 UTC
    assert_eq!(date_of(july_first_utc + 5 * 3600 - 1), "2026-06-30");
    assert_eq!(date_of(july_first_utc + 5 * 3600), "2026-07-01");
}
