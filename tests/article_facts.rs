//! The content keeps the article's facts: its comparison table cell by cell, and every
//! number range it gives.

mod common;

use kiosk::content::markdown::{self, Block, BlockKind};

const ARTICLE: &str = include_str!("fixtures/source-article.txt");

fn plain(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { text, .. } | BlockKind::Paragraph(text) => out += &text.plain(),
            BlockKind::List(items) => items.iter().for_each(|i| out += &(i.text.plain() + "\n")),
            BlockKind::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .for_each(|c| out += &(c.plain() + "\n")),
            BlockKind::Diagram(diagram) => out += &diagram.as_ref().unwrap().description(),
            BlockKind::Photo(photo) => out += &photo.description,
        }
        out.push('\n');
    }
    out
}

fn all_content_text() -> String {
    let content = common::load_shipped().content;
    let mut text = String::new();
    for page in &content.guide {
        for card in &page.cards {
            text += &card.heading.as_ref().map(|h| h.plain()).unwrap_or_default();
            text += &plain(&card.blocks);
        }
    }
    for entry in &content.faq.entries {
        text += &entry.question;
        text += &plain(&entry.answer);
    }
    text += &content.compare.rows.concat().join("\n");
    text
}

#[test]
fn every_cell_of_the_articles_comparison_table_is_in_the_parsed_table() {
    let table_source: String = ARTICLE
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| format!("{l}\n"))
        .collect();
    let blocks = markdown::parse(&table_source);
    let BlockKind::Table(article) = &blocks[0].kind else {
        panic!("the article's table did not parse")
    };
    assert_eq!(article.rows.len(), 4);
    let compare = common::load_shipped().content.compare;
    let header: Vec<String> = article
        .header
        .as_ref()
        .unwrap()
        .cells
        .iter()
        .map(|c| c.plain())
        .collect();
    // Headings may be re-cased for the screen; their words must stay.
    assert_eq!(
        compare.columns.join("|").to_lowercase(),
        header.join("|").to_lowercase()
    );
    for row in &article.rows {
        let cells: Vec<String> = row.cells.iter().map(|c| c.plain()).collect();
        assert_eq!(
            compare.row(&cells[0]),
            Some(cells.as_slice()),
            "row {}",
            cells[0]
        );
    }
}

/// Number ranges such as `3–6` in the article's prose (not its keyword list).
fn ranges_in_article() -> Vec<String> {
    let prose = ARTICLE.split("About Elite Chicago Facials").next().unwrap();
    let chars: Vec<char> = prose.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c != '–' || i == 0 || !chars[i - 1].is_ascii_digit() {
            continue;
        }
        let start = (0..i)
            .rev()
            .take_while(|&j| chars[j].is_ascii_digit())
            .last()
            .unwrap();
        let end = (i + 1..chars.len())
            .take_while(|&j| chars[j].is_ascii_digit())
            .last();
        if let Some(end) = end {
            found.push(chars[start..=end].iter().collect());
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn every_number_range_of_the_article_is_in_the_content() {
    let ranges = ranges_in_article();
    for expected in [
        "3–6", "4–6", "24–72", "3–5", "1–2", "4–8", "2–3", "1–3", "2–7", "3–4",
    ] {
        assert!(
            ranges.contains(&expected.to_owned()),
            "the scan missed {expected}"
        );
    }
    let text = all_content_text();
    let missing: Vec<&String> = ranges
        .iter()
        .filter(|r| !text.contains(r.as_str()))
        .collect();
    assert!(missing.is_empty(), "missing from the content: {missing:?}");
    assert!(text.contains("24 hours"));
    assert!(text.contains("once or twice a year"));
}

#[test]
fn every_faq_question_of_the_article_is_asked() {
    let faq = common::load_shipped().content.faq;
    let section = ARTICLE
        .split("Frequently Asked Questions About Microneedling and Pores")
        .nth(1)
        .unwrap()
        .split("Wrap-Up")
        .next()
        .unwrap();
    let questions: Vec<&str> = section
        .lines()
        .filter(|l| l.trim_end().ends_with('?'))
        .collect();
    assert_eq!(questions.len(), 10);
    for question in questions {
        assert!(
            faq.entries.iter().any(|e| e.question == question.trim()),
            "not asked: {question}"
        );
    }
}

/// Every time a diagram shows is one the article gives, word for word ("2–3 weeks",
/// "24–72 hours"); the Spanish diagrams are held to the same numbers by the translation
/// check, and the comparison's bars are its table's cells.
#[test]
fn every_time_in_a_diagram_is_the_articles() {
    let content = common::load_shipped().content;
    let blocks = content
        .guide
        .iter()
        .flat_map(|page| page.cards.iter().flat_map(|card| card.blocks.clone()))
        .chain(content.faq.entries.iter().flat_map(|e| e.answer.clone()))
        .chain(content.compare.notes.clone());
    let article = ARTICLE.to_lowercase();
    let mut times = 0;
    for block in blocks {
        if let BlockKind::Diagram(Ok(diagram)) = &block.kind {
            for time in diagram.rows.iter().filter_map(|row| row.time.as_ref()) {
                assert!(
                    article.contains(&time.text.to_lowercase()),
                    "{:?} is not in the article",
                    time.text
                );
                times += 1;
            }
        }
    }
    assert_eq!(times, 6, "the series and after-a-session diagrams' times");
}
