//! A translation must say everything English says: the same guide pages, as many FAQ
//! entries and table rows, the same questions and options. Gaps are reported (with file
//! and line) but do not stop the translation from being shown.

use super::diagram::{Kind, Unit};
use super::markdown::{Block, BlockKind};
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

    // Every diagram shows the same numbers in every language, in the same order.
    let guide_pairs = english.guide.iter().filter_map(|page| {
        let here = translation.guide.iter().find(|p| p.file == page.file)?;
        let blocks = |p: &super::GuidePage| {
            p.cards
                .iter()
                .flat_map(|c| c.blocks.clone())
                .collect::<Vec<_>>()
        };
        Some((
            format!("{code}/guide/{}", page.file),
            blocks(page),
            blocks(here),
        ))
    });
    let faq_pairs = english
        .faq
        .entries
        .iter()
        .zip(&translation.faq.entries)
        .map(|(en, here)| {
            (
                format!("{code}/faq.md"),
                en.answer.clone(),
                here.answer.clone(),
            )
        });
    let notes = std::iter::once((
        format!("{code}/compare.md"),
        english.compare.notes.clone(),
        translation.compare.notes.clone(),
    ));
    for (relative, en, here) in guide_pairs.chain(faq_pairs).chain(notes) {
        let (en, here) = (diagrams(&en), diagrams(&here));
        for index in 0..en.len().max(here.len()) {
            let line = here.get(index).or(here.last()).map_or(1, |d| d.0);
            match (en.get(index), here.get(index)) {
                (Some((_, kind, numbers)), Some((_, kind_here, numbers_here)))
                    if kind == kind_here && numbers == numbers_here => {}
                (Some((_, kind, numbers)), Some(_)) => report(
                    &relative,
                    line,
                    format!(
                        "this diagram must show what English shows: a {kind:?} with the times {numbers:?}"
                    ),
                ),
                (Some((_, kind, _)), None) => report(
                    &relative,
                    line,
                    format!("a diagram is missing here: English has a {kind:?} after this one"),
                ),
                (None, Some(_)) => {
                    report(&relative, line, "English has no diagram here".to_owned())
                }
                (None, None) => {}
            }
        }
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

type Times = Vec<(u32, u32, Unit)>;

/// The diagrams among `blocks`: their lines, kinds and times.
fn diagrams(blocks: &[Block]) -> Vec<(usize, Kind, Times)> {
    blocks
        .iter()
        .filter_map(|block| match &block.kind {
            BlockKind::Diagram(Ok(diagram)) => Some((block.line, diagram.kind, diagram.numbers())),
            _ => None,
        })
        .collect()
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
