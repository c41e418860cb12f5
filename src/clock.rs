//! The kiosk's calendar clock: the system's, or one a test sets, so the counters' days,
//! the install log and the review dates can be tried at any moment (a local midnight, a
//! year later) without waiting for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

#[derive(Clone, Debug, Default)]
pub enum Clock {
    #[default]
    System,
    /// Seconds since 1970, as the test holding the other end sets them.
    Set(Arc<AtomicU64>),
}

impl Clock {
    /// A clock standing at `unix_seconds`, and the handle that moves it.
    pub fn set_at(unix_seconds: u64) -> (Self, Arc<AtomicU64>) {
        let time = Arc::new(AtomicU64::new(unix_seconds));
        (Self::Set(Arc::clone(&time)), time)
    }

    /// Seconds since 1970.
    pub fn now(&self) -> u64 {
        match self {
            Self::System => crate::files::unix_now(),
            Self::Set(time) => time.load(Ordering::Relaxed),
        }
    }

    /// The clinic's calendar date now (the machine's local time zone).
    pub fn today(&self) -> NaiveDate {
        local_date(self.now())
    }
}

/// The local calendar date at a Unix time (the time zone from `TZ`, else
/// `/etc/localtime`).
pub fn local_date(unix_seconds: u64) -> NaiveDate {
    date_in(unix_seconds, &chrono::Local)
}

/// The calendar date at a Unix time in the time zone `zone`.
pub fn date_in<Tz: chrono::TimeZone>(unix_seconds: u64, zone: &Tz) -> NaiveDate {
    datetime_in(unix_seconds, zone).date_naive()
}

/// The local date and time at a Unix time, as staff read it: `2026-05-12 14:30`.
pub fn local_minute(unix_seconds: u64) -> String {
    datetime_in(unix_seconds, &chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The local date and time to the second, `2026-05-12 14:30:05`.
pub fn local_second(unix_seconds: u64) -> String {
    datetime_in(unix_seconds, &chrono::Local)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

fn datetime_in<Tz: chrono::TimeZone>(unix_seconds: u64, zone: &Tz) -> chrono::DateTime<Tz> {
    i64::try_from(unix_seconds)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .unwrap_or_default()
        .with_timezone(zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_clock_moves_only_when_told() {
        let (clock, time) = Clock::set_at(1_795_737_600);
        assert_eq!(clock.now(), 1_795_737_600);
        time.fetch_add(86_400, Ordering::Relaxed);
        assert_eq!(clock.clone().now(), 1_795_824_000);
        assert!(Clock::System.now() > 1_700_000_000);
    }

    #[test]
    fn dates_of_known_days() {
        let utc = chrono::Utc;
        let date = |unix, zone| date_in(unix, zone).to_string();
        assert_eq!(date(0, &utc), "1970-01-01");
        assert_eq!(date(951_782_400, &utc), "2000-02-29");
        assert_eq!(date(1_795_737_600, &utc), "2026-11-27");
        // Midnight UTC is still the evening before in Chicago (UTC-6 in November).
        let chicago_winter = chrono::FixedOffset::west_opt(6 * 3600).unwrap();
        let date = |unix| date_in(unix, &chicago_winter).to_string();
        assert_eq!(date(1_795_737_600), "2026-11-26");
        assert_eq!(date(1_795_737_600 + 6 * 3600), "2026-11-27");
    }
}
