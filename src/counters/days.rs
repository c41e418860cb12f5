//! The counts of one day (never finer: no hour, no visitor), and the folding of days
//! older than a year into their months, so the file stays small.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// What happened on one day (or, folded, in one month).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Day {
    /// Visits: from the first touch after Home to the wipe.
    #[serde(skip_serializing_if = "is_zero")]
    pub visits: u64,
    /// Visitors' screens opened, by the screen's key.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub screens: BTreeMap<String, u64>,
    /// Visits that opened the questionnaire.
    #[serde(skip_serializing_if = "is_zero")]
    pub questionnaires_started: u64,
    /// Visits that reached a result.
    #[serde(skip_serializing_if = "is_zero")]
    pub questionnaires_finished: u64,
    /// Results shown, by the result's id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub results: BTreeMap<String, u64>,
    /// Visits in which the consultation card came into view.
    #[serde(skip_serializing_if = "is_zero")]
    pub consultations: u64,
    /// Visits in which it came into view after a questionnaire's result: the funnel's end.
    #[serde(skip_serializing_if = "is_zero")]
    pub consultations_after_result: u64,
    /// Languages chosen on Home, by name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub languages: BTreeMap<String, u64>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A day on which nothing happened.
pub static EMPTY: Day = Day {
    visits: 0,
    screens: BTreeMap::new(),
    questionnaires_started: 0,
    questionnaires_finished: 0,
    results: BTreeMap::new(),
    consultations: 0,
    consultations_after_result: 0,
    languages: BTreeMap::new(),
};

impl Day {
    /// Every screen opened, whichever.
    pub fn screens_opened(&self) -> u64 {
        self.screens.values().sum()
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &Day) {
        self.visits += other.visits;
        self.questionnaires_started += other.questionnaires_started;
        self.questionnaires_finished += other.questionnaires_finished;
        self.consultations += other.consultations;
        self.consultations_after_result += other.consultations_after_result;
        for (mine, theirs) in [
            (&mut self.screens, &other.screens),
            (&mut self.results, &other.results),
            (&mut self.languages, &other.languages),
        ] {
            for (key, n) in theirs {
                *mine.entry(key.clone()).or_default() += n;
            }
        }
    }

    /// The sum of `days`.
    pub fn sum<'a>(days: impl IntoIterator<Item = &'a Day>) -> Day {
        days.into_iter().fold(Day::default(), |mut sum, day| {
            sum.add(day);
            sum
        })
    }
}

/// The key of a day in the counters file: `YYYY-MM-DD`, which sorts by date.
pub fn day_key(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Moves the days older than a year before `today` out of `days` into their months
/// (`YYYY-MM`) in `months`.
pub fn fold(
    days: &mut BTreeMap<String, Day>,
    months: &mut BTreeMap<String, Day>,
    today: NaiveDate,
) {
    let Some(year_ago) = today.checked_sub_months(Months::new(12)) else {
        return;
    };
    let kept = days.split_off(&day_key(year_ago));
    for (date, day) in std::mem::replace(days, kept) {
        let month = date.get(..7).unwrap_or(&date).to_owned();
        months.entry(month).or_default().add(&day);
    }
}

/// The `n` days up to and including `today`, oldest first, with those on which nothing
/// was counted as empty days.
pub fn last(days: &BTreeMap<String, Day>, today: NaiveDate, n: u32) -> Vec<(NaiveDate, &Day)> {
    (0..n)
        .rev()
        .filter_map(|back| today.checked_sub_days(chrono::Days::new(back.into())))
        .map(|date| (date, days.get(&day_key(date)).unwrap_or(&EMPTY)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn visits(n: u64) -> Day {
        Day {
            visits: n,
            screens: BTreeMap::from([("Guide".to_owned(), n)]),
            ..Day::default()
        }
    }

    #[test]
    fn days_older_than_a_year_fold_into_their_months() {
        let mut days = BTreeMap::new();
        for (d, n) in [
            ("2025-04-30", 1),
            ("2025-05-01", 2),
            ("2025-05-11", 3),
            ("2025-05-12", 4),
            ("2026-05-12", 5),
        ] {
            days.insert(d.to_owned(), visits(n));
        }
        let mut months = BTreeMap::from([("2025-04".to_owned(), visits(10))]);
        fold(&mut days, &mut months, date("2026-05-12"));
        // A year ago to the day is kept; the day before it is folded.
        assert_eq!(
            days.keys().collect::<Vec<_>>(),
            ["2025-05-12", "2026-05-12"]
        );
        assert_eq!(months["2025-04"], visits(11));
        assert_eq!(months["2025-05"], visits(5));
        // Nothing is lost on the way.
        let total = Day::sum(days.values().chain(months.values()));
        assert_eq!(total.visits, 1 + 2 + 3 + 4 + 5 + 10);
    }

    #[test]
    fn the_last_days_include_the_quiet_ones() {
        let days = BTreeMap::from([
            ("2026-03-01".to_owned(), visits(2)),
            ("2026-02-27".to_owned(), visits(7)),
        ]);
        let last = last(&days, date("2026-03-01"), 3);
        let shown: Vec<(String, u64)> = last
            .iter()
            .map(|(d, day)| (d.to_string(), day.visits))
            .collect();
        assert_eq!(
            shown,
            [
                ("2026-02-27".to_owned(), 7),
                ("2026-02-28".to_owned(), 0),
                ("2026-03-01".to_owned(), 2)
            ]
        );
    }
}
