//! `microneedling-kiosk --check`: output and exit codes, run as a staff member would.

mod common;

use std::process::Command;

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
    let (out, code) = check(&common::shipped_content());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.trim_end()
            .ends_with("content: 11 guide pages, 10 FAQ entries, 4 table rows - no problems found"),
        "{out}"
    );
}

#[test]
fn broken_content_prints_every_problem_and_exits_non_zero() {
    let dir = common::content_copy();
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
    let (out, code) = check_with(&common::shipped_content(), &config);
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
    // 11 guide pages, the FAQ and the results, in each of the two languages.
    assert_eq!(grades.len(), 2 * 13, "{out}");
    assert!(grades.iter().all(|l| !l.contains("above grade")), "{out}");
}

#[test]
fn a_page_of_long_sentences_is_flagged_but_does_not_fail_the_check() {
    let dir = common::content_copy();
    let page = dir.path().join("en/guide/05-sessions.md");
    let long = "Notwithstanding considerable individual variability attributable to physiological, dermatological and environmental determinants, practitioners conventionally recommend administering consecutive microneedling procedures at intervals approximating four to six weeks, contingent upon satisfactory cutaneous recovery.";
    let text = std::fs::read_to_string(&page).unwrap() + "\n## More\n\n" + long + "\n";
    std::fs::write(&page, text).unwrap();
    let (out, code) = check(dir.path());
    assert_eq!(code, Some(0), "{out}");
    let line = out
        .lines()
        .find(|l| {
            l.ends_with(
                "en/guide/05-sessions.md - above grade 8: use shorter sentences and plainer words",
            )
        })
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with("reading grade "), "{line}");
}

#[test]
fn empty_contact_details_are_setup_notes_and_a_placeholder_fails_with_its_line() {
    let (out, code) = check(&common::shipped_content());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("setup: contact details not filled in yet (phone, address, booking_url)"),
        "{out}"
    );
    let dir = common::content_copy();
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
