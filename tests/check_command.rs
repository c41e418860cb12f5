//! `microneedling-kiosk --check`: output and exit codes, run as a staff member would. The
//! behaviour is tested on a small fixture folder (`tests/fixtures/content`), the shipped
//! content's own cleanliness on the shipped folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use kiosk::content::strings::fill;

/// The behaviour tests' own small content folder.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

/// A copy of the fixture, for a test to break.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    };
    copy(&fixture().join("en"), &dir.path().join("en"));
    copy(&fixture().join("en/guide"), &dir.path().join("en/guide"));
    dir
}

/// Runs `microneedling-kiosk --check DIR` with the settings file `config` (which need not exist).
fn check_with(dir: &std::path::Path, config: &std::path::Path) -> (String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_microneedling-kiosk"))
        .arg("--check")
        .arg(dir)
        .arg("--config")
        .arg(config)
        .output()
        .expect("run microneedling-kiosk --check");
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code(),
    )
}

fn check(dir: &std::path::Path) -> (String, Option<i32>) {
    check_with(dir, &dir.join("no-such-settings.toml"))
}

#[test]
fn clean_content_prints_a_summary_and_exits_zero() {
    for dir in [fixture(), common::shipped_content()] {
        let (out, code) = check(&dir);
        assert_eq!(code, Some(0), "{out}");
        let loaded = common::load_folder(&dir);
        assert!(
            out.trim_end()
                .ends_with(&format!("{} - no problems found", loaded.summary())),
            "{out}"
        );
    }
}

#[test]
fn broken_content_prints_every_problem_and_exits_non_zero() {
    let dir = fixture_copy();
    std::fs::write(dir.path().join("en/faq.md"), "").unwrap();
    std::fs::write(dir.path().join("en/clinic.toml"), "name = \"X\"\nfax = 1\n").unwrap();
    let (out, code) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    let root = dir.path().display();
    assert!(
        out.contains(&format!("{root}/en/faq.md:1: the file is empty\n")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{root}/en/clinic.toml:2: unknown field `fax`")),
        "{out}"
    );
    assert!(out.contains("problem(s) found"));
}

#[test]
fn a_wrong_setting_is_reported_too() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "kiosk = true\nwarning_secs = 5\n").unwrap();
    let (out, code) = check_with(&fixture(), &config);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.starts_with(&format!(
            "{}:2: `warning_secs` must be a whole number of seconds from 20 to 300; using 30\n",
            config.display()
        )),
        "{out}"
    );
}

#[test]
fn every_page_gets_a_reading_grade_and_no_shipped_text_is_above_grade_8() {
    let (out, _) = check(&common::shipped_content());
    let grades: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("reading grade "))
        .collect();
    // Each guide page, the FAQ and the results, in each language.
    let loaded = common::load_shipped();
    let texts = loaded.language_count() * (loaded.content.guide.len() + 2);
    assert_eq!(grades.len(), texts, "{out}");
    assert!(grades.iter().all(|l| !l.contains("above grade")), "{out}");
}

#[test]
fn a_page_of_long_sentences_is_flagged_but_does_not_fail_the_check() {
    let dir = fixture_copy();
    let page = dir.path().join("en/guide/01-first.md");
    let long = "Notwithstanding considerable individual variability attributable to physiological, dermatological and environmental determinants, practitioners conventionally recommend administering consecutive microneedling procedures at intervals approximating four to six weeks, contingent upon satisfactory cutaneous recovery.";
    let text = std::fs::read_to_string(&page).unwrap() + "\n## More\n\n" + long + "\n";
    std::fs::write(&page, text).unwrap();
    let (out, code) = check(dir.path());
    assert_eq!(code, Some(0), "{out}");
    let line = out
        .lines()
        .find(|l| {
            l.ends_with(
                "en/guide/01-first.md - above grade 8: use shorter sentences and plainer words",
            )
        })
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with("reading grade "), "{line}");
}

#[test]
fn empty_contact_details_are_setup_notes_and_a_placeholder_fails_with_its_line() {
    let (out, code) = check(&fixture());
    assert_eq!(code, Some(0), "{out}");
    let english = &common::load_shipped().content.strings;
    let note = kiosk::setup::SetupNote::Contact(vec!["phone", "address", "booking_url"]);
    assert!(
        out.contains(&format!("setup: {}", note.words(english))),
        "{out}"
    );
    let dir = fixture_copy();
    let clinic = dir.path().join("en/clinic.toml");
    let text = std::fs::read_to_string(&clinic)
        .unwrap()
        .replace("phone = \"\"", "phone = \"(312) 555-0142\"");
    let line = 1 + text.lines().position(|l| l.starts_with("phone")).unwrap();
    std::fs::write(&clinic, text).unwrap();
    let (out, code) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "{}:{line}: `phone` is a fictional 555-01xx phone number",
            clinic.display()
        )),
        "{out}"
    );
}

#[test]
fn each_broken_diagram_is_reported_with_its_line() {
    let dir = fixture_copy();
    let page = "# Timing\n\n## Over the weeks\n\n```timeline\nstart: First session\n | 2–3 weeks\nPores | 8–4 weeks\nRedness | 24\n```\n\n```pie\nA | 1 day\n```\n";
    std::fs::write(dir.path().join("en/guide/09-timing.md"), page).unwrap();
    let (out, code) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    let at = |line: usize| format!("{}/en/guide/09-timing.md:{line}: ", dir.path().display());
    for (line, words) in [
        (7, "has no label"),
        (8, "runs backwards"),
        (9, "a number without a unit"),
        (12, "`pie` is not a kind of diagram"),
    ] {
        assert!(
            out.contains(&format!("{}`", at(line)))
                && out
                    .lines()
                    .any(|l| l.starts_with(&at(line)) && l.contains(words)),
            "line {line}, {words}: {out}"
        );
    }
}

/// A copy of the fixture whose medical review is dated `date`.
fn reviewed_on(date: &str) -> tempfile::TempDir {
    let dir = fixture_copy();
    let clinic = dir.path().join("en/clinic.toml");
    let text = std::fs::read_to_string(&clinic).unwrap();
    let text = text
        .lines()
        .map(|l| match l.starts_with("reviewed =") {
            true => format!("reviewed = \"{date}\"\n"),
            false => format!("{l}\n"),
        })
        .collect::<String>();
    std::fs::write(&clinic, text).unwrap();
    dir
}

#[test]
fn a_review_older_than_the_setting_is_due_and_names_every_page() {
    let today = kiosk::clock::Clock::System.today();
    let years_ago = |years: u32| (today - chrono::Months::new(12 * years)).to_string();
    let old = reviewed_on(&years_ago(3));
    let (out, code) = check(old.path());
    assert_eq!(code, Some(0), "a note, not a problem: {out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("setup: ") && l.contains(&years_ago(3)))
        .unwrap_or_else(|| panic!("{out}"));
    for words in [
        "Dr. Test Reviewer, dermatologist",
        "24",
        "en/clinic.toml",
        "guide/01-first.md, guide/02-second.md, faq.md, compare.md, questionnaire.toml",
    ] {
        assert!(line.contains(words), "{words:?} in {line}");
    }
    let missing = |out: &str, language: &str, file: &str| {
        let english = &common::load_shipped().content.strings;
        let words = fill(
            &english.setup_review_missing,
            &[("language", language), ("file", file)],
        );
        out.contains(&format!("setup: {words}"))
    };
    // A longer cycle in the settings, or a recent review: nothing due.
    let settings = old.path().join("settings.toml");
    std::fs::write(&settings, "review_after_months = 48\n").unwrap();
    let (out, _) = check_with(old.path(), &settings);
    assert!(!out.contains(&years_ago(3)), "{out}");
    let recent = reviewed_on(&years_ago(1));
    let (out, _) = check(recent.path());
    assert!(
        !out.contains(&years_ago(1)) && !missing(&out, "English", "en/clinic.toml"),
        "{out}"
    );
    // A date that is no date is a problem with its line, and the review counts as
    // missing.
    let wrong = reviewed_on("15/03/2026");
    let clinic = wrong.path().join("en/clinic.toml");
    let text = std::fs::read_to_string(&clinic).unwrap();
    let line = 1 + text
        .lines()
        .position(|l| l.starts_with("reviewed ="))
        .unwrap();
    let (out, code) = check(wrong.path());
    assert_eq!(code, Some(1), "{out}");
    let problem = format!("{}:{line}: `reviewed` must be the date", clinic.display());
    assert!(out.contains(&problem), "{out}");
    assert!(missing(&out, "English", "en/clinic.toml"), "{out}");
}

#[test]
fn the_shipped_content_asks_for_its_first_medical_review_in_each_language() {
    let (out, code) = check(&common::shipped_content());
    assert_eq!(code, Some(0), "{out}");
    let loaded = common::load_shipped();
    for index in 0..loaded.language_count() {
        let words = fill(
            &loaded.content.strings.setup_review_missing,
            &[
                ("language", &loaded.language(index).strings.language_name),
                (
                    "file",
                    &format!("{}/clinic.toml", loaded.language_code(index)),
                ),
            ],
        );
        assert!(out.contains(&format!("setup: {words}")), "{words}\n{out}");
    }
}

#[test]
fn the_staff_screen_lists_the_pages_due_for_review_among_what_is_left_to_set_up() {
    let dir = reviewed_on("2023-01-15");
    let path = dir.path().to_path_buf();
    // 1 June 2025: more than 24 months after the review.
    let (clock, _) = kiosk::clock::Clock::set_at(1_748_736_000);
    let mut kiosk = common::kiosk_as_started(
        egui::Vec2::new(1920.0, 1080.0),
        |c| c.content = Some(path),
        |o| kiosk::app::Options { clock, ..o },
    );
    let ctx = kiosk.harness.ctx.clone();
    common::screens::open(kiosk.harness.state_mut(), &ctx, "staff");
    kiosk.harness.run();
    let s = &kiosk.content.strings;
    let due = fill(
        &s.setup_review_due,
        &[
            ("language", &s.language_name),
            ("file", "en/clinic.toml"),
            ("date", "2023-01-15"),
            ("by", "Dr. Test Reviewer, dermatologist"),
            ("months", "24"),
            (
                "pages",
                "guide/01-first.md, guide/02-second.md, faq.md, compare.md, questionnaire.toml",
            ),
        ],
    );
    assert!(common::shows(&kiosk.harness, &due), "{due}");
}
