//! `microneedling-kiosk --check`: every problem of a content folder and of the settings file, one per
//! line, for staff.

use std::path::Path;

use crate::config;
use crate::content::{self, Source};

/// The report to print and whether everything is clean.
pub fn run(source: &Source, config_path: &Path) -> (String, bool) {
    let loaded = content::load(source);
    let (_, config_problems) = config::load(config_path);
    let problems: Vec<_> = loaded.problems.iter().chain(&config_problems).collect();
    if problems.is_empty() {
        (format!("{} - no problems found", loaded.summary()), true)
    } else {
        let mut report: String = problems.iter().map(|p| format!("{p}\n")).collect();
        report.push_str(&format!(
            "{} problem(s) found. The kiosk still runs: it uses the built-in version of each broken content file and the default of each wrong setting.",
            problems.len()
        ));
        (report, false)
    }
}
