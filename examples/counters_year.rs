//! Simulates a waiting room's traffic through the kiosk's own counters and prints how
//! big the counters file grows: after one year, and after two (when the first year's
//! days have been folded into months). `scripts/measure-desk.sh` runs it.
//!
//! `cargo run --release --example counters_year [VISITS_A_DAY]` (default 40: a busy
//! clinic's waiting room; each visit opens a few screens, some take the questionnaire,
//! some reach the consultation card, some read in Spanish).

use chrono::NaiveDate;
use kiosk::counters::{CounterStore, Event};

/// A small deterministic generator, so every run counts the same year.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const SCREENS: [&str; 5] = ["Guide", "Compare", "Faq", "Questionnaire", "Consultation"];
const RESULTS: [&str; 3] = ["talk_first", "look_together", "good_fit"];

fn main() {
    let visits_a_day: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let dir = std::env::temp_dir().join(format!("counters-year-{}", std::process::id()));
    let path = dir.join("counters.toml");
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    let mut store = CounterStore::load(path.clone(), start);
    let mut rng = Rng(21);
    for (year, days) in [(1, 365), (2, 365)] {
        for day in 0..days {
            let today = start + chrono::Days::new((year - 1) * 365 + day);
            // Quieter on some days, busier on others.
            let visits = visits_a_day / 2 + rng.below(visits_a_day + 1);
            for _ in 0..visits {
                let mut count = |event| store.count(event, today);
                count(Event::Visit);
                for _ in 0..1 + rng.below(4) {
                    count(Event::Screen(SCREENS[rng.below(5) as usize]));
                }
                if rng.below(10) < 4 {
                    count(Event::QuestionnaireStarted);
                    if rng.below(10) < 7 {
                        count(Event::QuestionnaireFinished);
                        count(Event::Result(RESULTS[rng.below(3) as usize]));
                        if rng.below(10) < 4 {
                            count(Event::Consultation);
                            count(Event::ConsultationAfterResult);
                        }
                    }
                }
                if rng.below(100) < 15 {
                    count(Event::Language("Español"));
                }
                if rng.below(10) < 3 {
                    count(Event::FaqEntry("How many sessions will I need?"));
                }
            }
        }
        store.save();
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let counters = &store.counters;
        println!(
            "after {year} year(s) of about {visits_a_day} visits a day: {size} bytes ({} days, {} folded months, {} visits in all)",
            counters.days.len(),
            counters.months.len(),
            counters.all_time().visits
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
