//! The counters as CSV files a spreadsheet opens as they are: the totals, one row per
//! counter, and the days, one row per day with a column per count.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Counters;
use super::days::{Day, EMPTY, day_key};

/// The totals: `counter,item,count`, one row each.
pub fn totals(counters: &Counters) -> String {
    let mut csv = String::from("counter,item,count\n");
    let mut row = |counter: &str, item: &str, count: u64| {
        csv.push_str(&format!("{counter},{},{count}\n", field(item)));
    };
    row("counting_since", &counters.since, 0);
    row("app_starts", "", counters.app_starts);
    row("idle_resets", "", counters.idle_resets);
    row("screen_failures", "", counters.screen_failures);
    let all = counters.all_time();
    for (counter, count) in day_columns(&all) {
        row(counter, "", count);
    }
    for (counter, map) in [
        ("screen", &counters.screens),
        ("faq_entry", &counters.faq_entries),
        ("result", &counters.results),
        ("language", &counters.languages),
    ] {
        for (item, count) in map {
            row(counter, item, *count);
        }
    }
    csv
}

/// Day by day: a header, then the months folded after a year (`YYYY-MM`), then every day
/// from the first counted to the last, quiet days included, so a chart of it has no gaps.
pub fn days(counters: &Counters) -> String {
    let periods: Vec<&Day> = counters
        .months
        .values()
        .chain(counters.days.values())
        .collect();
    let keys = |part: fn(&Day) -> &std::collections::BTreeMap<String, u64>| {
        periods
            .iter()
            .flat_map(|day| part(day).keys().cloned())
            .collect::<BTreeSet<String>>()
    };
    let (screens, results, languages) = (
        keys(|d| &d.screens),
        keys(|d| &d.results),
        keys(|d| &d.languages),
    );
    let mut header = vec!["date".to_owned()];
    header.extend(day_columns(&EMPTY).map(|(name, _)| name.to_owned()));
    header.extend(screens.iter().map(|k| format!("screen {k}")));
    header.extend(results.iter().map(|k| format!("result {k}")));
    header.extend(languages.iter().map(|k| format!("language {k}")));
    let mut csv = line(header.iter().map(|h| field(h)));
    let mut row = |date: &str, day: &Day| {
        let counts = day_columns(day)
            .map(|(_, n)| n)
            .chain(
                screens
                    .iter()
                    .map(|k| day.screens.get(k).copied().unwrap_or(0)),
            )
            .chain(
                results
                    .iter()
                    .map(|k| day.results.get(k).copied().unwrap_or(0)),
            )
            .chain(
                languages
                    .iter()
                    .map(|k| day.languages.get(k).copied().unwrap_or(0)),
            );
        csv.push_str(&line(
            std::iter::once(date.to_owned()).chain(counts.map(|n| n.to_string())),
        ));
    };
    for (month, day) in &counters.months {
        row(month, day);
    }
    let first = counters
        .days
        .keys()
        .next()
        .and_then(|d| d.parse::<NaiveDate>().ok());
    let last = counters
        .days
        .keys()
        .next_back()
        .and_then(|d| d.parse::<NaiveDate>().ok());
    if let (Some(first), Some(last)) = (first, last) {
        for date in first.iter_days().take_while(|d| *d <= last) {
            let key = day_key(date);
            row(&key, counters.days.get(&key).unwrap_or(&EMPTY));
        }
    }
    csv
}

/// The day-by-day file beside the totals' `export`: `counters.csv` gives
/// `counters-by-day.csv`.
pub fn days_path(export: &Path) -> PathBuf {
    let stem = export.file_stem().unwrap_or_default().to_string_lossy();
    let name = match export.extension() {
        Some(extension) => format!("{stem}-by-day.{}", extension.to_string_lossy()),
        None => format!("{stem}-by-day"),
    };
    export.with_file_name(name)
}

/// The counts every day has, in the files' order.
fn day_columns(day: &Day) -> impl Iterator<Item = (&'static str, u64)> {
    [
        ("visits", day.visits),
        ("screens_opened", day.screens_opened()),
        ("questionnaires_started", day.questionnaires_started),
        ("questionnaires_finished", day.questionnaires_finished),
        ("consultations_shown", day.consultations),
        ("consultations_after_result", day.consultations_after_result),
    ]
    .into_iter()
}

fn line(fields: impl Iterator<Item = String>) -> String {
    let mut line = fields.collect::<Vec<_>>().join(",");
    line.push('\n');
    line
}

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counters::Event;

    #[test]
    fn totals_quote_what_needs_quoting() {
        let mut counters = Counters::new("2026-11-27".into());
        counters.app_starts = 3;
        counters
            .faq_entries
            .insert("Does it hurt, \"really\"?".into(), 2);
        let csv = totals(&counters);
        assert!(
            csv.starts_with("counter,item,count\ncounting_since,2026-11-27,0\napp_starts,,3\n")
        );
        assert!(
            csv.contains("faq_entry,\"Does it hurt, \"\"really\"\"?\",2\n"),
            "{csv}"
        );
    }

    #[test]
    fn days_are_one_row_each_quiet_ones_included_after_the_folded_months() {
        let mut counters = Counters::new("2025-01-01".into());
        let on = |text: &str| text.parse::<NaiveDate>().unwrap();
        counters.count(Event::Visit, on("2025-01-03"));
        counters.count(Event::Language("Español"), on("2025-01-03"));
        counters.count(Event::Visit, on("2026-01-02"));
        counters.count(Event::Screen("Guide"), on("2026-01-02"));
        counters.count(Event::Result("good_fit"), on("2026-01-04"));
        counters.count(Event::Visit, on("2026-01-04"));
        assert_eq!(
            days(&counters),
            "date,visits,screens_opened,questionnaires_started,questionnaires_finished,consultations_shown,consultations_after_result,screen Guide,result good_fit,language Español\n\
             2025-01,1,0,0,0,0,0,0,0,1\n\
             2026-01-02,1,1,0,0,0,0,1,0,0\n\
             2026-01-03,0,0,0,0,0,0,0,0,0\n\
             2026-01-04,1,0,0,0,0,0,0,1,0\n"
        );
        assert_eq!(
            days_path(Path::new("/x/counters.csv")),
            Path::new("/x/counters-by-day.csv")
        );
    }
}
