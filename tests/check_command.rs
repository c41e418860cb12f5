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
