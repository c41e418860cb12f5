//! `kiosk --check`: every problem of a content folder, one per line, for staff.

use crate::content::{self, Source};

/// The report to print and whether the content is clean.
pub fn run(source: &Source) -> (String, bool) {
    let loaded = content::load(source);
    if loaded.problems.is_empty() {
        (format!("{} - no problems found", loaded.summary()), true)
    } else {
        let mut report: String = loaded.problems.iter().map(|p| format!("{p}\n")).collect();
        report.push_str(&format!(
            "{} problem(s) found. The kiosk still runs and uses the built-in version of each broken file.",
            loaded.problems.len()
        ));
        (report, false)
    }
}
