//! Spanish says everything English says, and `--check` finds each kind of gap.

mod common;

use std::fs;

use common::{content_copy, load_folder, load_shipped};

#[test]
fn english_and_spanish_have_the_same_structure() {
    let loaded = load_shipped();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let (en, es) = (loaded.language(0), loaded.language(1));
    assert_eq!(loaded.language_names(), ["English", "Español"]);
    assert_eq!(en.guide.len(), es.guide.len());
    for (a, b) in en.guide.iter().zip(&es.guide) {
        assert_eq!(
            a.cards.len(),
            b.cards.len(),
            "cards of {} / {}",
            a.title,
            b.title
        );
    }
    assert_eq!(en.faq.entries.len(), es.faq.entries.len());
    assert_eq!(en.compare.rows.len(), es.compare.rows.len());
    assert_eq!(en.compare.columns.len(), es.compare.columns.len());
    let ids = |q: &kiosk::questionnaire::Questionnaire| {
        q.questions
            .iter()
            .map(|q| {
                (
                    q.id.clone(),
                    q.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&en.questionnaire), ids(&es.questionnaire));
    assert_eq!(en.questionnaire.rules.len(), es.questionnaire.rules.len());
    // Every number of the comparison is the same in both languages.
    for (a, b) in en.compare.rows.iter().zip(&es.compare.rows) {
        assert_eq!(a[2], b[2], "sessions");
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        assert_eq!(digits(&a[3]), digits(&b[3]), "downtime");
    }
}

#[test]
fn the_spanish_guide_keeps_every_number() {
    let loaded = load_shipped();
    let text = |content: &kiosk::content::Content| -> Vec<String> {
        content
            .guide
            .iter()
            .flat_map(|p| &p.cards)
            .flat_map(|c| &c.blocks)
            .map(|b| format!("{b:?}"))
            .collect()
    };
    let numbers = |blocks: Vec<String>| -> Vec<String> {
        let joined = blocks.join(" ");
        let mut found: Vec<String> = joined
            .split(|c: char| !(c.is_ascii_digit() || c == '–'))
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_owned)
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        numbers(text(loaded.language(0))),
        numbers(text(loaded.language(1)))
    );
}

/// Breaks a copy of the content and returns the problems, folder path cut off.
fn gaps(edit: impl FnOnce(&std::path::Path)) -> Vec<String> {
    let dir = content_copy();
    edit(dir.path());
    let prefix = format!("{}/", dir.path().display());
    load_folder(dir.path())
        .problems
        .iter()
        .map(|p| p.to_string().replace(&prefix, ""))
        .collect()
}

#[test]
fn a_missing_spanish_page_is_reported() {
    let problems = gaps(|dir| fs::remove_file(dir.join("es/guide/05-sessions.md")).unwrap());
    assert_eq!(
        problems,
        ["es/guide/05-sessions.md:1: this page is missing: English has `en/guide/05-sessions.md`"]
    );
}

#[test]
fn a_missing_faq_entry_is_reported() {
    let problems = gaps(|dir| {
        let path = dir.join("es/faq.md");
        let text = fs::read_to_string(&path).unwrap();
        let cut = text
            .find("## ¿Se puede hacer microneedling en casa?")
            .unwrap();
        let end = text.find("## ¿Cómo sé si soy buen candidato?").unwrap();
        fs::write(&path, format!("{}{}", &text[..cut], &text[end..])).unwrap();
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("es/faq.md:"), "{problems:?}");
    assert!(problems[0].ends_with(": 9 questions here; English has 10"));
}

#[test]
fn a_missing_table_row_is_reported() {
    let problems = gaps(|dir| {
        let path = dir.join("es/compare.md");
        let text = fs::read_to_string(&path).unwrap();
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("| Tensado con RF"))
            .map(|l| format!("{l}\n"))
            .collect();
        fs::write(&path, text).unwrap();
    });
    // The questionnaire's concern that only that row aimed at is reported too, at its option.
    let quiz = fs::read_to_string(common::shipped_content().join("es/questionnaire.toml")).unwrap();
    let option_line = 1 + quiz
        .lines()
        .position(|l| l.contains("id = \"sagging\""))
        .unwrap();
    assert_eq!(
        problems[0],
        format!(
            "es/questionnaire.toml:{option_line}: no treatment's `Objetivos principales` in compare.md mentions \"tensar\""
        )
    );
    assert_eq!(
        problems[1],
        "es/compare.md:3: the table has 3 rows of 5 columns; English has 4 rows of 5"
    );
}

#[test]
fn a_missing_question_or_option_is_reported() {
    let problems = gaps(|dir| {
        let path = dir.join("es/questionnaire.toml");
        let text = fs::read_to_string(&path).unwrap();
        let sagging = text
            .lines()
            .find(|l| l.contains("id = \"sagging\""))
            .unwrap();
        let text = text.replace(&format!("{sagging}\n"), "");
        fs::write(&path, text).unwrap();
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    let quiz = fs::read_to_string(common::shipped_content().join("es/questionnaire.toml")).unwrap();
    let question_line = 1 + quiz
        .lines()
        .position(|l| l.contains("\"concerns\""))
        .unwrap();
    assert!(
        problems[0].starts_with(&format!(
            "es/questionnaire.toml:{question_line}: question `concerns` has the options"
        )),
        "{problems:?}"
    );
}

#[test]
fn a_missing_string_is_reported_and_the_built_in_spanish_stands_in() {
    let dir = content_copy();
    let path = dir.path().join("es/ui.toml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("idle_continue = \"Sigo aquí\"\n", "");
    fs::write(&path, text).unwrap();
    let loaded = load_folder(dir.path());
    let lines: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(
        lines[0].contains("es/ui.toml:1: missing field `idle_continue`"),
        "{lines:?}"
    );
    assert_eq!(loaded.language(1).strings.idle_continue, "Sigo aquí");
}
