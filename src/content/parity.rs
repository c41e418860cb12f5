//! A translation must say everything English says: the same guide pages, as many FAQ
//! entries and table rows, the same questions and options. Gaps are reported (with file
//! and line) but do not stop the translation from being shown.

use super::source::{Read, Source};
use super::{Content, ENGLISH};
use crate::problems::Problem;

pub fn check(
    source: &Source,
    code: &str,
    english: &Content,
    translation: &Content,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |relative: &str, line: usize, message: String| {
        problems.push(Problem {
            path: source.display_path(relative),
            line,
            message,
        });
    };

    let pages = |lang: &str| {
        source
            .markdown_files(&format!("{lang}/guide"))
            .unwrap_or_default()
    };
    let (english_pages, pages_here) = (pages(ENGLISH), pages(code));
    for name in english_pages.iter().filter(|n| !pages_here.contains(n)) {
        report(
            &format!("{code}/guide/{name}"),
            1,
            format!("this page is missing: English has `{ENGLISH}/guide/{name}`"),
        );
    }
    for name in pages_here.iter().filter(|n| !english_pages.contains(n)) {
        report(
            &format!("{code}/guide/{name}"),
            1,
            format!("English has no page `{name}`: a translated page keeps the English file name"),
        );
    }

    let (faq_en, faq_here) = (&english.faq.entries, &translation.faq.entries);
    if faq_en.len() != faq_here.len() {
        let line = faq_here.last().map_or(1, |e| e.line);
        report(
            &format!("{code}/faq.md"),
            line,
            format!(
                "{} questions here; English has {}",
                faq_here.len(),
                faq_en.len()
            ),
        );
    }

    let (table_en, table_here) = (&english.compare, &translation.compare);
    if table_en.rows.len() != table_here.rows.len()
        || table_en.columns.len() != table_here.columns.len()
    {
        let relative = format!("{code}/compare.md");
        let line = line_containing(source, &relative, "|");
        report(
            &relative,
            line,
            format!(
                "the table has {} rows of {} columns; English has {} rows of {}",
                table_here.rows.len(),
                table_here.columns.len(),
                table_en.rows.len(),
                table_en.columns.len()
            ),
        );
    }

    let relative = format!("{code}/questionnaire.toml");
    let (quiz_en, quiz_here) = (&english.questionnaire, &translation.questionnaire);
    for question in &quiz_en.questions {
        let needle = format!("\"{}\"", question.id);
        match quiz_here.questions.iter().find(|q| q.id == question.id) {
            None => report(
                &relative,
                1,
                format!("question `{}` is missing: English asks it", question.id),
            ),
            Some(here) => {
                let ids = |q: &crate::questionnaire::Question| {
                    q.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>()
                };
                if ids(here) != ids(question) {
                    report(
                        &relative,
                        line_containing(source, &relative, &needle),
                        format!(
                            "question `{}` has the options {:?}; English has {:?}",
                            question.id,
                            ids(here),
                            ids(question)
                        ),
                    );
                }
            }
        }
    }
    for question in quiz_here
        .questions
        .iter()
        .filter(|q| !quiz_en.questions.iter().any(|e| e.id == q.id))
    {
        report(
            &relative,
            line_containing(source, &relative, &format!("\"{}\"", question.id)),
            format!("English has no question `{}`", question.id),
        );
    }
    problems
}

/// The first line of a file that contains `needle` (1 when there is none).
fn line_containing(source: &Source, relative: &str, needle: &str) -> usize {
    match source.read(relative) {
        Read::Bytes(bytes) => String::from_utf8_lossy(&bytes)
            .lines()
            .position(|l| l.contains(needle))
            .map_or(1, |i| i + 1),
        _ => 1,
    }
}
