//! `microneedling-kiosk --check`: every problem of a content folder and of the settings
//! file, one per line, for staff; then what is left to set up, which does not fail it.

use std::path::Path;

use chrono::NaiveDate;

use crate::content::markdown::plain_lines;
use crate::content::{self, Loaded, Problem, Source, readability};
use crate::questionnaire;
use crate::{config, setup};

/// The content of `source`, loaded, and every problem in it: what the kiosk finds when
/// it loads it, and every set of answers the questionnaire can be given, in every
/// language. What `--check` reports and what an install refuses on.
pub fn content_problems(source: &Source) -> (Loaded, Vec<Problem>) {
    let loaded = content::load(source);
    let mut problems = loaded.problems.clone();
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
    (loaded, problems)
}

/// The report to print and whether everything is clean, on `today`.
pub fn run(source: &Source, config_path: &Path, today: NaiveDate) -> (String, bool) {
    let (loaded, content_problems) = content_problems(source);
    let (config, config_problems) = config::load(config_path);
    let mut problems = content_problems;
    problems.extend(config_problems);
    let mut notes: Vec<String> = loaded.notes.iter().map(|n| format!("note: {n}")).collect();
    // Worded as the staff screen words them, in English, the technician's language.
    let english = &loaded.content.strings;
    notes.extend(
        setup::notes(&loaded, &config, today)
            .iter()
            .map(|note| format!("setup: {}", note.words(english))),
    );
    let mut report: String = problems.iter().map(|p| format!("{p}\n")).collect();
    report.extend(notes.iter().map(|n| format!("{n}\n")));
    report.extend(reading_grades(&loaded).iter().map(|g| format!("{g}\n")));
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

/// One line per text a visitor reads: its reading grade, and a note where it is above
/// [`readability::MAX_GRADE`]. Notes, not problems: a long sentence must not stop a
/// content update, but staff should see it.
pub fn reading_grades(loaded: &Loaded) -> Vec<String> {
    let mut lines = Vec::new();
    for index in 0..loaded.language_count() {
        let code = loaded.language_code(index);
        let content = loaded.language(index);
        let mut texts: Vec<(String, String)> = content
            .guide
            .iter()
            .map(|page| (format!("{code}/guide/{}", page.file), page_text(page)))
            .collect();
        let faq = content
            .faq
            .entries
            .iter()
            .flat_map(|e| std::iter::once(e.question.clone()).chain(plain_lines(&e.answer)))
            .collect::<Vec<_>>()
            .join("\n");
        texts.push((format!("{code}/faq.md"), faq));
        texts.push((
            format!("{code}/questionnaire.toml (results)"),
            results_text(&content.questionnaire),
        ));
        for (name, text) in texts {
            let Some(grade) = readability::grade(&text, code) else {
                continue;
            };
            let flag = if grade > readability::MAX_GRADE {
                format!(
                    " - above grade {}: use shorter sentences and plainer words",
                    readability::MAX_GRADE
                )
            } else {
                String::new()
            };
            lines.push(format!(
                "reading grade {grade:.1}: {}{flag}",
                loaded.source.display_path(&name)
            ));
        }
    }
    lines
}

fn page_text(page: &content::GuidePage) -> String {
    let mut lines = vec![page.title.clone()];
    for card in &page.cards {
        lines.extend(card.heading.as_ref().map(|h| h.plain()));
        lines.extend(plain_lines(&card.blocks));
    }
    lines.join("\n")
}

/// What any result can say: titles, intros and every cited statement.
fn results_text(questionnaire: &questionnaire::Questionnaire) -> String {
    let lines: Vec<&str> = questionnaire
        .results
        .iter()
        .flat_map(|r| [r.title.as_str(), r.intro.as_str()])
        .chain(questionnaire::citations(questionnaire).map(|c| c.text.as_str()))
        .collect();
    lines.join("\n")
}
