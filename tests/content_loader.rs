//! Loading the real `content/` folder, and each kind of broken file.

mod common;

use std::fs;

use common::{content_copy, load_folder, load_shipped};
use kiosk::content::{self, Problem, Source};

fn problem_lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn shipped_and_built_in_content_check_clean_and_match() {
    let shipped = load_shipped();
    assert_eq!(problem_lines(&shipped.problems), Vec::<String>::new());
    let built_in = content::load(&Source::BuiltIn);
    assert_eq!(problem_lines(&built_in.problems), Vec::<String>::new());
    assert_eq!(shipped.content.guide, built_in.content.guide);
    assert_eq!(shipped.content.faq, built_in.content.faq);
    assert_eq!(shipped.content.compare, built_in.content.compare);
    assert_eq!(shipped.content.clinic, built_in.content.clinic);
    let codes = |l: &content::Loaded| {
        l.translations
            .iter()
            .map(|t| t.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&shipped), ["es"]);
    assert_eq!(codes(&built_in), ["es"]);
    for index in 0..shipped.language_count() {
        let (a, b) = (shipped.language(index), built_in.language(index));
        assert_eq!(
            (
                &a.guide,
                &a.faq,
                &a.compare,
                &a.clinic,
                &a.strings,
                &a.questionnaire
            ),
            (
                &b.guide,
                &b.faq,
                &b.compare,
                &b.clinic,
                &b.strings,
                &b.questionnaire
            ),
            "language {index}"
        );
    }
}

#[test]
fn shipped_content_has_every_section_of_the_article() {
    let content = load_shipped().content;
    let titles: Vec<&str> = content.guide.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "What is microneedling?",
            "Types of microneedling",
            "What it can improve",
            "What it cannot do",
            "Sessions and timing",
            "Side effects and warning signs",
            "Who should wait",
            "Choosing a provider",
            "Before your appointment",
            "Right after your treatment",
            "Keeping your results",
        ]
    );
    assert_eq!(content.faq.entries.len(), 10);
    assert_eq!(content.compare.rows.len(), 4);
    assert_eq!(content.clinic.name, "Elite Chicago Facials");
}

/// Breaks one file of a copy of the content, loads it, and returns the problem lines
/// (with the temporary folder's path cut off) and the loaded content.
fn break_file(relative: &str, bytes: Option<&[u8]>) -> (Vec<String>, content::Loaded) {
    let dir = content_copy();
    let path = dir.path().join(relative);
    match bytes {
        Some(bytes) => fs::write(&path, bytes).unwrap(),
        None => fs::remove_file(&path).unwrap(),
    }
    let loaded = load_folder(dir.path());
    let prefix = format!("{}/", dir.path().display());
    let lines = problem_lines(&loaded.problems)
        .into_iter()
        .map(|l| l.replace(&prefix, ""))
        .collect();
    (lines, loaded)
}

const FALLBACK: &str = "until this is fixed, the kiosk shows the built-in version of this file";

#[test]
fn a_missing_file_falls_back_to_its_built_in_version() {
    let (lines, loaded) = break_file("en/faq.md", None);
    assert_eq!(
        lines,
        [
            "en/faq.md:1: the file is missing".to_owned(),
            format!("en/faq.md:1: {FALLBACK}")
        ]
    );
    assert_eq!(
        loaded.content.faq,
        content::load(&Source::BuiltIn).content.faq
    );
}

#[test]
fn an_empty_file_falls_back() {
    let (lines, loaded) = break_file("en/compare.md", Some(b"  \n\n"));
    assert_eq!(lines[0], "en/compare.md:1: the file is empty");
    assert_eq!(loaded.content.compare.rows.len(), 4);
}

#[test]
fn a_non_utf8_file_names_the_line() {
    let (lines, loaded) = break_file(
        "en/guide/03-benefits.md",
        Some(b"# Title\n\nGood line\nBad \xff line\n"),
    );
    assert_eq!(
        lines[0],
        "en/guide/03-benefits.md:4: this line is not UTF-8 text; save the file as UTF-8 in your editor"
    );
    assert_eq!(loaded.content.guide[2].title, "What it can improve");
    assert_eq!(loaded.content.guide.len(), 11);
}

#[test]
fn a_table_row_with_the_wrong_number_of_columns_is_reported_at_its_line() {
    let original = fs::read_to_string(common::shipped_content().join("en/compare.md")).unwrap();
    let broken = original.replace("| 4–6 | Up to 1 day |", "| 4–6 |");
    assert_ne!(broken, original);
    let line = 1 + broken
        .lines()
        .position(|l| l.starts_with("| Microdermabrasion"))
        .unwrap();
    let (lines, loaded) = break_file("en/compare.md", Some(broken.as_bytes()));
    assert_eq!(
        lines[0],
        format!(
            "en/compare.md:{line}: this row has 4 cells but the header has 5; every row needs one cell per column"
        )
    );
    assert_eq!(
        loaded.content.compare.row("Microdermabrasion").unwrap()[3],
        "Up to 1 day"
    );
}

#[test]
fn an_faq_without_questions_is_reported() {
    let (lines, loaded) = break_file("en/faq.md", Some(b"# Questions\n"));
    assert_eq!(
        lines[0],
        "en/faq.md:1: no questions found: start each question on its own line with `## `"
    );
    assert_eq!(loaded.content.faq.entries.len(), 10);
}

#[test]
fn an_unknown_key_in_the_clinic_file_is_reported_at_its_line() {
    let original = fs::read_to_string(common::shipped_content().join("en/clinic.toml")).unwrap();
    let broken = format!("{original}opening_hours = \"9 to 5\"\n");
    let line = broken.lines().count();
    let (lines, loaded) = break_file("en/clinic.toml", Some(broken.as_bytes()));
    assert!(
        lines[0].starts_with(&format!(
            "en/clinic.toml:{line}: unknown field `opening_hours`"
        )),
        "{lines:?}"
    );
    assert_eq!(loaded.content.clinic.name, "Elite Chicago Facials");
}

#[test]
fn a_wrong_type_in_the_strings_file_is_reported() {
    let (lines, loaded) = break_file("en/ui.toml", Some(b"home = 3\n"));
    assert!(lines[0].starts_with("en/ui.toml:1: "), "{lines:?}");
    assert_eq!(loaded.content.strings.home, "Home");
}

#[test]
fn a_broken_logo_falls_back_to_the_built_in_one() {
    let (lines, loaded) = break_file("logo.png", Some(b"\x89PNG\r\n\x1a\nnot really"));
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0]
            .starts_with("logo.png:1: the image cannot be shown: it is not a readable PNG or JPEG"),
        "{lines:?}"
    );
    assert!(lines[0].ends_with("the kiosk shows the built-in logo"));
    assert!(!loaded.logo.rgba.is_empty());
}

#[test]
fn staff_can_add_a_guide_page_and_a_broken_new_page_is_left_out() {
    let dir = content_copy();
    let guide = dir.path().join("en/guide");
    let page = "12-our-promise.md";
    fs::write(
        guide.join(page),
        "# Our promise\n\n## Honest advice\n\nAlways.\n",
    )
    .unwrap();
    // Until the Spanish page exists, the gap is reported.
    let loaded = load_folder(dir.path());
    assert_eq!(
        problem_lines(&loaded.problems),
        [format!(
            "{}/es/guide/{page}:1: this page is missing: English has `en/guide/{page}`",
            dir.path().display()
        )]
    );
    fs::write(
        dir.path().join("es/guide").join(page),
        "# Nuestra promesa\n\n## Consejos honestos\n\nSiempre.\n",
    )
    .unwrap();
    let loaded = load_folder(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.content.guide.len(), 12);
    assert_eq!(loaded.content.guide[11].title, "Our promise");
    assert_eq!(loaded.language(1).guide[11].title, "Nuestra promesa");

    fs::write(guide.join("12-our-promise.md"), "No title here.\n").unwrap();
    let loaded = load_folder(dir.path());
    assert_eq!(loaded.content.guide.len(), 11);
    let lines = problem_lines(&loaded.problems);
    assert!(lines[0].ends_with(
        "12-our-promise.md:1: a guide page must start with its title on a line like `# Title`"
    ));
    assert!(lines[1].ends_with("until this is fixed, the kiosk leaves this file out"));
}

#[test]
fn a_missing_guide_folder_gives_the_built_in_guide() {
    let dir = content_copy();
    fs::remove_dir_all(dir.path().join("en/guide")).unwrap();
    let loaded = load_folder(dir.path());
    assert_eq!(loaded.content.guide.len(), 11);
    assert!(
        loaded.problems[0]
            .message
            .contains("guide folder is missing")
    );
}

#[test]
fn a_missing_content_folder_gives_problems_for_every_file_but_still_loads() {
    let loaded = load_folder(std::path::Path::new("/nonexistent/kiosk-content"));
    assert!(loaded.problems.len() >= 5);
    assert_eq!(loaded.content.faq.entries.len(), 10);
    assert_eq!(loaded.content.guide.len(), 11);
}
