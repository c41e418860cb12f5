//! Spanish says everything English says, and `--check` finds each kind of gap.

mod common;

use std::fs;

use kiosk::content::markdown::plain_lines;

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
    let numbers = |s: &str| -> Vec<u32> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect()
    };
    for (a, b) in en.compare.rows.iter().zip(&es.compare.rows) {
        assert_eq!(numbers(&a[2]), numbers(&b[2]), "sessions");
        assert_eq!(numbers(&a[3]), numbers(&b[3]), "downtime");
        assert!(!numbers(&a[2]).is_empty());
    }
}

/// Each guide page says the same numbers in both languages (ranges are written "3–6" in
/// English and "de 3 a 6" in Spanish, so numbers are compared one by one, in order).
#[test]
fn the_spanish_guide_keeps_every_number() {
    let loaded = load_shipped();
    let numbers = |page: &kiosk::content::GuidePage| -> Vec<u32> {
        let text = page
            .cards
            .iter()
            .flat_map(|c| {
                c.heading
                    .iter()
                    .map(|h| h.plain())
                    .chain(plain_lines(&c.blocks))
            })
            .collect::<Vec<_>>()
            .join(" ");
        text.split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect()
    };
    let (en, es) = (loaded.language(0), loaded.language(1));
    assert_eq!(en.guide.len(), es.guide.len());
    // The article's numbers are there to compare: 3–6 sessions, 4–6 weeks, 4–8 weeks,
    // 24–72 hours, 3–5 days, 24 hours, 1–2 days, 1–2 times a year.
    let all: Vec<u32> = en.guide.iter().flat_map(numbers).collect();
    for n in [3, 6, 4, 8, 24, 72, 5, 1, 2] {
        assert!(all.contains(&n), "{n} in {all:?}");
    }
    for (a, b) in en.guide.iter().zip(&es.guide) {
        assert_eq!(numbers(a), numbers(b), "{}", a.file);
    }
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
    let quiz = fs::read_to_string(common::shipped_content().join("es/questionnaire.toml")).unwrap();
    let citing = 1 + quiz
        .lines()
        .position(|l| l.contains("source = \"guide/05-sessions.md\""))
        .unwrap();
    // The statement that rested on it is reported too: its Read more would lead nowhere.
    assert_eq!(
        problems,
        [
            format!(
                "es/questionnaire.toml:{citing}: `source = \"guide/05-sessions.md\"`: the guide has no page `05-sessions.md`"
            ),
            "es/guide/05-sessions.md:1: this page is missing: English has `en/guide/05-sessions.md`".to_owned()
        ]
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
        let end = text
            .find("## ¿Cómo sé si el microneedling es para mí?")
            .unwrap();
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
        let texture = text
            .lines()
            .find(|l| l.contains("id = \"texture\""))
            .unwrap();
        let text = text.replace(&format!("{texture}\n"), "");
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

/// A clinic's `ui.toml` written before a key existed keeps every word of its own and
/// shows the built-in word for that key; `--check` notes it without failing.
#[test]
fn a_missing_string_keeps_the_clinics_other_words() {
    let dir = content_copy();
    let path = dir.path().join("es/ui.toml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("idle_continue = \"Sigo aquí\"\n", "")
        .replace("home = \"Inicio\"", "home = \"Portada\"");
    fs::write(&path, text).unwrap();
    let loaded = load_folder(dir.path());
    assert_eq!(loaded.problems, []);
    let spanish = &loaded.language(1).strings;
    assert_eq!(spanish.home, "Portada", "the clinic's own word");
    assert_eq!(
        spanish.idle_continue, "Sigo aquí",
        "the built-in Spanish word"
    );
    let notes: Vec<String> = loaded.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].ends_with(
            "es/ui.toml:1: no words for `idle_continue` yet: the kiosk shows the built-in ones"
        ),
        "{notes:?}"
    );
    let (report, clean) = kiosk::check::run(
        &kiosk::content::Source::Folder(dir.path().to_path_buf()),
        &dir.path().join("no-settings.toml"),
        kiosk::clock::Clock::System.today(),
    );
    assert!(clean, "{report}");
    assert!(report.contains("note: "), "{report}");
}

#[test]
fn a_diagram_with_other_numbers_is_reported() {
    let page = "es/guide/10-aftercare.md";
    let problems = gaps(|dir| {
        let path = dir.join(page);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("De 24 a 72 horas", "De 24 a 48 horas")).unwrap();
    });
    let text = fs::read_to_string(common::shipped_content().join(page)).unwrap();
    let fence = 1 + text.lines().position(|l| l == "```bars").unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!(
            "{page}:{fence}: this diagram must show what English shows"
        )),
        "{problems:?}"
    );
    assert!(problems[0].contains("(24, 72, Hours)"), "{problems:?}");
}
