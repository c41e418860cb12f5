//! The staff screen's counters part: the last 30 days as charts (visits, screens opened),
//! the questionnaire's funnel, results and languages, then the totals since counting
//! began, with export and reset.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

use super::{charts, heading};
use crate::content::Strings;
use crate::content::strings::fill;
use crate::counters::{Counters, Day};
use crate::ui::screen::{Cx, StaffAction};
use crate::ui::theme::{self, Palette};
use crate::ui::widgets;

/// The days the charts show.
const DAYS: u32 = 30;

pub(super) fn show(ui: &mut Ui, cx: &Cx<'_>) -> Option<StaffAction> {
    let (s, c, kiosk) = (cx.strings(), cx.palette(), cx.kiosk);
    let counters = &kiosk.counters.counters;
    let days = counters.last_days(kiosk.clock.today(), DAYS);
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        for (label, choice) in [
            (&s.staff_export, StaffAction::Export),
            (&s.staff_reset_counters, StaffAction::ResetCounters),
        ] {
            if widgets::secondary_button(ui, c, label, true).clicked() {
                action = Some(choice);
            }
        }
    });
    ui.add_space(12.0);
    // Side by side where there is room, so a landscape screen shows them all at once.
    let wide = ui.available_width() >= 1200.0;
    widgets::card(ui, c, |ui| {
        let chart = |ui: &mut Ui, title: &str, count: fn(&Day) -> u64| {
            let per_day: Vec<(String, u64)> = days
                .iter()
                .map(|(date, day)| (day_words(s, *date), count(day)))
                .collect();
            charts::day_bars(ui, c, title, &per_day, &in_words(s, &per_day));
        };
        side_by_side(
            ui,
            wide,
            |ui| chart(ui, &s.staff_chart_visits, |d| d.visits),
            |ui| chart(ui, &s.staff_chart_screens, Day::screens_opened),
        );
    });
    ui.add_space(12.0);
    let month = Day::sum(days.iter().map(|(_, day)| *day));
    widgets::card(ui, c, |ui| {
        side_by_side(
            ui,
            wide,
            |ui| funnel(ui, c, s, &month),
            |ui| {
                let named = |map: &BTreeMap<String, u64>, name: &dyn Fn(&str) -> String| {
                    map.iter()
                        .map(|(key, n)| (name(key), *n, n.to_string()))
                        .collect::<Vec<_>>()
                };
                for (title, rows) in [
                    (
                        &s.staff_results,
                        named(&month.results, &|id| result_title(cx, id)),
                    ),
                    (&s.staff_languages, named(&month.languages, &str::to_owned)),
                ] {
                    if !rows.is_empty() {
                        ui.label(RichText::new(title).size(theme::BODY).family(theme::bold()));
                        charts::across(ui, c, &rows);
                        ui.add_space(8.0);
                    }
                }
            },
        );
    });
    ui.add_space(12.0);
    totals(ui, c, s, counters);
    action
}

/// The questionnaire's funnel: started, reached a result, then saw the consultation
/// card, each with its share of those who started.
fn funnel(ui: &mut Ui, c: &Palette, s: &Strings, month: &Day) {
    heading(ui, c, &s.staff_funnel);
    let started = month.questionnaires_started;
    let steps = [
        (&s.staff_funnel_started, started),
        (&s.staff_funnel_finished, month.questionnaires_finished),
        (
            &s.staff_funnel_consultation,
            month.consultations_after_result,
        ),
    ];
    let rows: Vec<(String, u64, String)> = steps
        .iter()
        .map(|(label, n)| {
            let percent = (*n * 100).checked_div(started).unwrap_or(0).to_string();
            let shown = fill(
                &s.staff_funnel_share,
                &[("n", &n.to_string()), ("percent", &percent)],
            );
            ((*label).clone(), *n, shown)
        })
        .collect();
    charts::across(ui, c, &rows);
}

/// `left` then `right`: beside each other when `wide`, else one under the other.
fn side_by_side(ui: &mut Ui, wide: bool, left: impl FnOnce(&mut Ui), right: impl FnOnce(&mut Ui)) {
    if wide {
        ui.columns(2, |columns| {
            left(&mut columns[0]);
            right(&mut columns[1]);
        });
    } else {
        left(ui);
        ui.add_space(16.0);
        right(ui);
    }
}

/// A day as the charts label it ("5/12" in English, "12/5" in Spanish).
fn day_words(s: &Strings, date: NaiveDate) -> String {
    fill(
        &s.staff_chart_day,
        &[
            ("month", &date.month().to_string()),
            ("day", &date.day().to_string()),
        ],
    )
}

/// A chart's numbers in a line: the total, the busiest day, today.
fn in_words(s: &Strings, per_day: &[(String, u64)]) -> String {
    let total: u64 = per_day.iter().map(|(_, n)| n).sum();
    let (busiest, most) = per_day
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(day, n)| (day.as_str(), *n))
        .unwrap_or_default();
    let today = per_day.last().map_or(0, |(_, n)| *n);
    fill(
        &s.staff_chart_words,
        &[
            ("total", &total.to_string()),
            ("most", &most.to_string()),
            ("day", busiest),
            ("today", &today.to_string()),
        ],
    )
}

/// A result's title in the visitor's language, or its id when the content has no such
/// result any more.
fn result_title(cx: &Cx<'_>, id: &str) -> String {
    let results = &cx.content.questionnaire.results;
    results
        .iter()
        .find(|r| r.id == id)
        .map_or_else(|| id.to_owned(), |r| r.title.clone())
}

/// Every total since counting began.
fn totals(ui: &mut Ui, c: &Palette, s: &Strings, counters: &Counters) {
    widgets::card(ui, c, |ui| {
        heading(
            ui,
            c,
            &fill(&s.staff_counters, &[("date", &counters.since)]),
        );
        let line = |ui: &mut Ui, label: &str, count: u64| {
            ui.label(RichText::new(format!("{label}: {count}")).size(theme::BODY));
        };
        let all = counters.all_time();
        line(ui, &s.staff_visits, all.visits);
        line(ui, &s.staff_app_starts, counters.app_starts);
        line(ui, &s.staff_idle_resets, counters.idle_resets);
        line(ui, &s.staff_screen_failures, counters.screen_failures);
        for (title, map) in [
            (&s.staff_screens, &counters.screens),
            (&s.staff_results, &counters.results),
            (&s.staff_faq, &counters.faq_entries),
            (&s.staff_languages, &counters.languages),
        ] {
            ui.add_space(8.0);
            ui.label(RichText::new(title).size(theme::BODY).family(theme::bold()));
            for (item, count) in map {
                line(ui, item, *count);
            }
        }
    });
}
