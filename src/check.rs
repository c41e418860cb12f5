//! `microneedling-kiosk --check`: every problem of a content folder and of the settings
//! file, one per line, for staff; then what is left to set up, which does not fail it.

use std::path::Path;

use crate::config;
use crate::content::{self, Problem, Source};
use crate::questionnaire;

/// The report to print and whether everything is clean.
pub fn run(source: &Source, config_path: &Path) -> (String, bool) {
    let loaded = content::load(source);
    let (config, config_problems) = config::load(config_path);
    let mut problems: Vec<Problem> = loaded
        .problems
        .iter()
        .chain(&config_problems)
        .cloned()
        .collect();
    // Every set of answers, in every language: too slow to repeat at each start.
    for index in 0..loaded.language_count() {
        let code = loaded.language_code(index);
        let path = source.display_path(&format!("{code}/questionnaire.toml"));
        let issues = questionnaire::check_every_answer_set(&loaded.language(index).questionnaire);
        problems.extend(issues.into_iter().map(|issue| Problem {
            path: path.clone(),
            line: issue.line,
            message: issue.message,
        }));
    }
    let mut notes = Vec::new();
    let missing = loaded.content.clinic.missing();
    if !missing.is_empty() {
        notes.push(format!(
            "setup: contact details not filled in yet ({}): visitors are sent to the front desk; see {}",
            missing.join(", "),
            source.display_path("en/clinic.toml")
        ));
    }
    if config.pin_hash.is_none() {
        notes.push("setup: no staff PIN is set: run `microneedling-kiosk --set-pin`".to_owned());
    }
    let mut report: String = problems.iter().map(|p| format!("{p}\n")).collect();
    report.extend(notes.iter().map(|n| format!("{n}\n")));
    if problems.is_empty() {
        report.push_str(&format!("{} - no problems found", loaded.summary()));
        (report, true)
    } else {
        report.push_str(&format!(
            "{} problem(s) found. The kiosk still runs: it uses the built-in version of each broken content file and the default of each wrong setting.",
            problems.len()
        ));
        (report, false)
    }
}
