//! Content updates that cannot break the kiosk: `--install-content` and
//! `--rollback-content` run as a shell runs them, against a kiosk's state folder; the
//! running kiosk picks an install up at its next idle moment; a broken folder is refused
//! with the live content untouched byte for byte; going back restores the previous; and
//! an install killed at any moment leaves a complete content folder live.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{screen_key, shows, strings, tap};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use kiosk::app::{Follow, KioskApp, Options};
use kiosk::clock::Clock;
use kiosk::config::Config;
use kiosk::content::strings::fill;
use kiosk::content::{self, Source};
use kiosk::installed::{Library, live_source};
use kiosk::ui::{guide, home};

const SIZE: egui::Vec2 = egui::Vec2::new(1920.0, 1080.0);

/// A copy of the shipped content whose first guide page has the title `title`.
fn content_titled(title: &str) -> tempfile::TempDir {
    let dir = common::content_copy();
    let page = dir.path().join("en/guide/01-what-it-is.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let rest = text.split_once('\n').unwrap().1;
    std::fs::write(&page, format!("# {title}\n{rest}")).unwrap();
    dir
}

/// A settings file that puts the kiosk's state (and so its installed content) in `state`.
fn settings(state: &Path) -> PathBuf {
    let file = state.join("settings.toml");
    let text = format!("state_dir = {:?}\n", state.display().to_string());
    std::fs::write(&file, text).unwrap();
    file
}

/// Runs the kiosk's command line with `args`: what it printed, and whether it succeeded.
fn run(args: &[&std::ffi::OsStr]) -> (String, bool) {
    let output = Command::new(env!("CARGO_BIN_EXE_microneedling-kiosk"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run microneedling-kiosk");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (text, output.status.success())
}

fn install(settings: &Path, folder: &Path) -> (String, bool) {
    run(&[
        "--config".as_ref(),
        settings.as_os_str(),
        "--install-content".as_ref(),
        folder.as_os_str(),
    ])
}

fn go_back(settings: &Path) -> (String, bool) {
    run(&[
        "--config".as_ref(),
        settings.as_os_str(),
        "--rollback-content".as_ref(),
    ])
}

/// Every file and link under `dir`: a file's bytes, a link's target.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.display().to_string();
        let kind = entry.file_type().unwrap();
        if kind.is_symlink() {
            let target = std::fs::read_link(&path).unwrap();
            found.insert(name, target.display().to_string().into_bytes());
        } else if kind.is_dir() {
            found.extend(tree(&path));
        } else {
            found.insert(name, std::fs::read(&path).unwrap());
        }
    }
    found
}

/// The files of a content folder, relative to it, with their bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let source = Source::Folder(dir.to_path_buf());
    source
        .files()
        .into_iter()
        .map(|file| (file.clone(), std::fs::read(dir.join(&file)).unwrap()))
        .collect()
}

/// The folder a kiosk with its state in `state` shows.
fn live(state: &Path) -> Source {
    live_source(&Config {
        state_dir: state.to_path_buf(),
        ..Config::default()
    })
}

/// Runs frames for `time` of real time, as a window woken by its watch would.
fn frames_for(harness: &mut Harness<'_, KioskApp>, time: Duration) {
    let until = Instant::now() + time;
    while Instant::now() < until {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_good_folder_installs_and_the_kiosk_shows_it_at_its_next_idle_moment() {
    let mut kiosk = common::kiosk_as_started(
        SIZE,
        |c| c.reading_idle_timeout_secs = 60,
        |o| Options {
            follow: Follow::Installs(Duration::from_millis(20)),
            ..o
        },
    );
    let state = kiosk.state.path().to_path_buf();
    let harness = &mut kiosk.harness;
    let s = strings(harness);
    // A visitor reads the guide's first page.
    tap(harness, &s.guide_title);
    let new = content_titled("Fresh words for the first page");
    let (out, done) = install(&settings(&state), new.path());
    assert!(done, "{out}");
    assert!(out.contains("changed: en/guide/01-what-it-is.md"), "{out}");

    // The visitor reads on: nothing changes in front of them.
    frames_for(harness, Duration::from_millis(500));
    assert_eq!(screen_key(harness), guide::KIND.key);
    assert!(!shows(harness, "Fresh words for the first page"));
    assert_ne!(harness.state().kiosk.loaded.source, live(&state));

    // They leave; after the idle reset, Home and the guide show the new words.
    common::idle(harness, 60.0 + 31.0);
    assert_eq!(screen_key(harness), home::KIND.key);
    assert_eq!(harness.state().kiosk.loaded.source, live(&state));
    tap(harness, &s.guide_title);
    assert!(shows(harness, "Fresh words for the first page"));
    tap(harness, &s.home);

    // With nobody there (Home, untouched after the reset), the next install goes live
    // as soon as the kiosk sees it.
    common::idle(harness, 60.0 + 31.0);
    let newer = content_titled("Newer words");
    assert!(install(&settings(&state), newer.path()).1);
    let seen = Instant::now();
    while harness.state().kiosk.loaded.source != live(&state) {
        assert!(seen.elapsed() < Duration::from_secs(10), "never picked up");
        frames_for(harness, Duration::from_millis(50));
    }
    assert_eq!(screen_key(harness), home::KIND.key);
    assert_eq!(
        harness.state().kiosk.loaded.content.guide[0].title,
        "Newer words"
    );
}

#[test]
fn a_broken_folder_is_refused_with_every_problem_and_the_live_content_is_untouched() {
    let state = tempfile::tempdir().unwrap();
    let settings = settings(state.path());
    let good = content_titled("The live words");
    assert!(install(&settings, good.path()).1);
    let library = state.path().join("content");
    let before = tree(&library);
    let live_before = live(state.path());

    let broken = common::content_copy();
    std::fs::write(broken.path().join("en/faq.md"), "").unwrap();
    let clinic = broken.path().join("es/clinic.toml");
    let text = std::fs::read_to_string(&clinic).unwrap();
    std::fs::write(&clinic, format!("{text}fax = \"1\"\n")).unwrap();
    let (out, done) = install(&settings, broken.path());
    assert!(!done, "{out}");
    let root = broken.path().display();
    assert!(
        out.contains(&format!("{root}/en/faq.md:1: the file is empty")),
        "every problem, named where staff fix it: {out}"
    );
    let fax_line = text.lines().count() + 1;
    assert!(
        out.contains(&format!(
            "{root}/es/clinic.toml:{fax_line}: unknown field `fax`"
        )),
        "{out}"
    );
    assert!(out.contains("The live content is unchanged"), "{out}");
    assert_eq!(tree(&library), before, "byte for byte");
    assert_eq!(live(state.path()), live_before);

    // Nor is a folder that is not there, or not a content folder at all.
    for not_content in [
        state.path().join("nowhere"),
        state.path().join("settings.toml"),
    ] {
        let (out, done) = install(&settings, &not_content);
        assert!(!done && out.contains("Not installed"), "{out}");
        assert_eq!(tree(&library), before);
    }
}

#[test]
fn going_back_restores_the_previous_content_and_going_back_again_returns() {
    let state = tempfile::tempdir().unwrap();
    let settings = settings(state.path());
    let shipped = live(state.path());
    let (first, second) = (content_titled("First"), content_titled("Second"));
    assert!(install(&settings, first.path()).1);
    let Source::Folder(first_live) = live(state.path()) else {
        panic!("installed content is a folder");
    };
    assert_eq!(contents(&first_live), contents(first.path()));
    assert!(install(&settings, second.path()).1);

    let (out, done) = go_back(&settings);
    assert!(done, "{out}");
    assert_eq!(live(state.path()), Source::Folder(first_live.clone()));
    assert_eq!(
        contents(&first_live),
        contents(first.path()),
        "as installed"
    );
    let (out, done) = go_back(&settings);
    assert!(done, "{out}");
    let Source::Folder(second_live) = live(state.path()) else {
        panic!("installed content is a folder");
    };
    assert_eq!(contents(&second_live), contents(second.path()));

    // From the first install, back is the content the kiosk came with.
    let fresh = tempfile::tempdir().unwrap();
    let settings = self::settings(fresh.path());
    assert!(install(&settings, first.path()).1);
    assert!(go_back(&settings).1);
    assert_eq!(live(fresh.path()), shipped);
    assert!(go_back(&settings).1, "and forward again");
    assert_ne!(live(fresh.path()), shipped);

    // The log says what went live, when and from where.
    let log = Library::at(fresh.path().join("content")).log();
    let actions: Vec<String> = log
        .entries
        .iter()
        .map(|e| format!("{:?} {}", e.action, e.from))
        .collect();
    let from = first.path().display();
    assert_eq!(
        actions,
        [
            format!("Install {from}"),
            "GoBack ".to_owned(),
            "GoBack ".to_owned()
        ]
    );
    let nothing = tempfile::tempdir().unwrap();
    let (out, done) = go_back(&self::settings(nothing.path()));
    assert!(!done && out.contains("no previous content"), "{out}");
}

#[test]
fn an_install_stopped_between_copy_and_swap_leaves_the_complete_folder_live() {
    let state = tempfile::tempdir().unwrap();
    let library = Library::at(state.path().join("content"));
    let clock = Clock::System;
    let live_one = content_titled("Live");
    library.install(live_one.path(), &clock).unwrap();
    let live_folder = library.current().unwrap();

    // Killed after the copy, before the swap: the copy is there under its hidden name,
    // and a new link was made but never renamed over `current`.
    let next = content_titled("Never live");
    let staged = library.stage(next.path()).unwrap();
    std::mem::forget(staged);
    std::os::unix::fs::symlink("versions/nowhere", state.path().join("content/current.new"))
        .unwrap();

    assert_eq!(library.current(), Some(live_folder.clone()));
    let loaded = content::load(&Source::Folder(live_folder.clone()));
    assert_eq!(loaded.problems, [], "complete");
    assert_eq!(loaded.content.guide[0].title, "Live");
    assert_eq!(contents(&live_folder), contents(live_one.path()));

    // The next install tidies what the stopped one left.
    let third = content_titled("Third");
    library.install(third.path(), &clock).unwrap();
    let versions: Vec<String> = std::fs::read_dir(state.path().join("content/versions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        versions.len(),
        2,
        "the live one and the previous: {versions:?}"
    );
    assert!(!state.path().join("content/current.new").exists());
}

#[test]
fn an_install_killed_at_any_moment_leaves_a_complete_folder_live() {
    let state = tempfile::tempdir().unwrap();
    let settings = settings(state.path());
    let first = content_titled("Before the kill");
    assert!(install(&settings, first.path()).1);
    // A big picture makes the copy take long enough to be killed in the middle of it.
    let next = content_titled("Killed");
    let picture: Vec<u8> = (0..48u32 << 20).map(|i| (i % 251) as u8).collect();
    std::fs::write(next.path().join("en/big-picture.bin"), picture).unwrap();
    for after_ms in [5, 20, 60, 150, 400] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_microneedling-kiosk"))
            .arg("--config")
            .arg(&settings)
            .arg("--install-content")
            .arg(next.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(after_ms));
        let _ = child.kill();
        child.wait().unwrap();
        let Source::Folder(live_folder) = live(state.path()) else {
            panic!("installed content is live");
        };
        let loaded = content::load(&Source::Folder(live_folder.clone()));
        assert_eq!(loaded.problems, [], "killed after {after_ms} ms");
        let expected = if loaded.content.guide[0].title == "Killed" {
            contents(next.path())
        } else {
            contents(first.path())
        };
        assert_eq!(
            contents(&live_folder),
            expected,
            "killed after {after_ms} ms"
        );
    }
    // Whatever the kills left, the next install goes through.
    assert!(install(&settings, first.path()).1);
}

#[test]
fn an_install_tells_when_the_settings_show_another_folder() {
    let state = tempfile::tempdir().unwrap();
    let settings = settings(state.path());
    let mut text = std::fs::read_to_string(&settings).unwrap();
    text.push_str(&format!(
        "content = {:?}\n",
        common::shipped_content().display().to_string()
    ));
    std::fs::write(&settings, text).unwrap();
    let new = content_titled("New");
    let (out, done) = install(&settings, new.path());
    assert!(done, "{out}");
    assert!(out.contains("not the installed content"), "{out}");
    let config: Config = kiosk::config::load(&settings).0;
    assert_eq!(
        live_source(&config),
        Source::Folder(common::shipped_content())
    );
}

#[test]
fn staff_install_the_usb_sticks_content_and_go_back_to_the_previous() {
    let stick = content_titled("From the stick");
    let folder = stick.path().to_path_buf();
    let mut kiosk = common::kiosk_as_started(SIZE, |c| c.usb_content = folder, |o| o);
    let harness = &mut kiosk.harness;
    let s = strings(harness);
    let ctx = harness.ctx.clone();
    common::screens::open(harness.state_mut(), &ctx, "staff content");
    harness.run();
    let shipped_title = harness.state().kiosk.loaded.content.guide[0].title.clone();
    assert!(shows(harness, &s.staff_stick_found));
    assert!(shows(harness, &s.staff_live_shipped));
    let changed = fill(
        &s.staff_change_changed,
        &[("file", "en/guide/01-what-it-is.md")],
    );
    assert!(shows(harness, &changed));
    assert!(shows(harness, &s.staff_stick_clean));
    let back = harness.get_by_role_and_label(egui::Role::Button, &s.staff_go_back);
    assert!(
        back.accesskit_node().is_disabled(),
        "nothing to go back to yet"
    );

    tap(harness, &s.staff_install);
    assert!(shows(harness, &s.staff_installed));
    assert_eq!(
        harness.state().kiosk.loaded.content.guide[0].title,
        "From the stick"
    );
    // Since when it is live and where it came from, and that the stick now holds what is
    // live.
    let library = harness.state().kiosk.library();
    let entry = library.log().entries.last().cloned().unwrap();
    let since = fill(
        &s.staff_live_since,
        &[
            ("date", &kiosk::clock::local_minute(entry.at)),
            ("from", &stick.path().display().to_string()),
        ],
    );
    assert!(shows(harness, &since), "{since}");
    assert!(shows(harness, &s.staff_stick_same));
    let install = harness.get_by_role_and_label(egui::Role::Button, &s.staff_install);
    assert!(
        install.accesskit_node().is_disabled(),
        "nothing left to install"
    );

    tap(harness, &s.staff_go_back);
    assert!(shows(harness, &s.staff_went_back));
    assert_eq!(
        harness.state().kiosk.loaded.content.guide[0].title,
        shipped_title
    );

    // A broken file on the stick: its problem, with file and line, and no Install.
    std::fs::write(stick.path().join("en/faq.md"), "").unwrap();
    common::idle(harness, 3.0);
    harness.run();
    let problem = format!("{}/en/faq.md:1: the file is empty", stick.path().display());
    assert!(shows(harness, &problem));
    assert!(shows(harness, &s.staff_stick_fix));
    let install = harness.get_by_role_and_label(egui::Role::Button, &s.staff_install);
    assert!(install.accesskit_node().is_disabled());
}
