//! `--install-content DIR` and `--rollback-content`, as a shell or a script runs them:
//! the report to print and whether it went through.

use std::path::Path;

use super::stick::Summary;
use super::{Change, Library, Refused, changes, live_source};
use crate::clock::Clock;
use crate::config::Config;
use crate::content::Source;

/// Installs the content folder `from` for the kiosk set up by `config`.
pub fn install(config: &Config, from: &Path, clock: &Clock) -> (String, bool) {
    let library = Library::at(config.installed_content());
    let before = changes(&Source::Folder(from.to_path_buf()), &live_source(config));
    match library.install(from, clock) {
        Ok(installed) => {
            let mut report = format!(
                "Installed {} as {}. It is live now: a running kiosk shows it at its next idle moment (on Home, with nobody using it).\n{}\n",
                from.display(),
                installed.folder.display(),
                summary(&Summary::of(&installed.loaded)),
            );
            report.push_str(&what_changed(&before));
            report.push_str(&overridden(config));
            (report, true)
        }
        Err(Refused::Problems(problems)) => {
            let mut report: String = problems.iter().map(|p| format!("{p}\n")).collect();
            report.push_str(&format!(
                "Not installed: {} problem(s) found. The live content is unchanged.",
                problems.len()
            ));
            (report, false)
        }
        Err(Refused::Failed(why)) => (
            format!("Not installed: {why}. The live content is unchanged."),
            false,
        ),
    }
}

/// Puts back the content live before the last install or rollback.
pub fn go_back(config: &Config, clock: &Clock) -> (String, bool) {
    let library = Library::at(config.installed_content());
    match library.go_back(clock) {
        Ok(_) => {
            let mut report = format!(
                "Went back: the live content is now {}; a running kiosk shows it at its next idle moment.\n",
                live_source(config).describe()
            );
            report.push_str(&overridden(config));
            (report, true)
        }
        Err(why) => (format!("Nothing was changed: {why}."), false),
    }
}

fn summary(summary: &Summary) -> String {
    format!(
        "{} guide pages, {} FAQ entries; languages: {}",
        summary.pages,
        summary.faq_entries,
        summary.languages.join(", ")
    )
}

fn what_changed(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "Nothing changed against the content live before.\n".to_owned();
    }
    changes
        .iter()
        .map(|change| match change {
            Change::Added(file) => format!("new: {file}\n"),
            Change::Changed(file) => format!("changed: {file}\n"),
            Change::Removed(file) => format!("removed: {file}\n"),
        })
        .collect()
}

/// Says so when the kiosk is told to show another folder, whatever is installed.
fn overridden(config: &Config) -> String {
    match &config.content {
        Some(dir) => format!(
            "note: the kiosk shows {} (the settings' `content`, or --content), not the installed content, while that is set: remove it to show what is installed.\n",
            dir.display()
        ),
        None => String::new(),
    }
}
