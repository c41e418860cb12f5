//! Running all day with nobody watching: the idle reset that forgets the visitor, the
//! staff PIN and its lockout, kiosk-mode closing, the counters, and privacy on disk.

mod common;

use common::{shows, tap};

use std::path::Path;

use common::{Kiosk, kiosk_with};
use egui::{Role, Vec2, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kiosk::app::KioskApp;
use kiosk::config::Config;

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);
const PIN: &str = "2468";

/// Lets `seconds` pass with nobody touching the screen: the clock is egui's input time.
fn wait(harness: &mut Harness<'_, KioskApp>, seconds: f64) {
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + seconds);
    harness.step();
    harness.input_mut().time = None;
    harness.step();
}

fn timeouts(config: &mut Config) {
    config.idle_timeout_secs = 90;
    config.reading_idle_timeout_secs = 180;
    config.warning_secs = 30;
}

#[test]
fn nobody_at_home_needs_no_timer_and_no_repaint() {
    let Kiosk { mut harness, .. } = kiosk_with(SIZE, timeouts);
    wait(&mut harness, 1000.0);
    assert!(!shows(&harness, "Still there?"));
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay > std::time::Duration::from_secs(3600),
        "repaint after {delay:?}"
    );
}

#[test]
fn the_warning_comes_after_the_timeout_and_still_here_keeps_every_answer() {
    let Kiosk { mut harness, .. } = kiosk_with(SIZE, timeouts);
    common::answer_first_two_questions(&mut harness, &["Enlarged pores"]);
    assert!(shows(&harness, "Question 3 of 5"));
    // The counters are written within ten seconds; after that the next wake-up is the warning.
    wait(&mut harness, 11.0);
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay.as_secs_f64() > 75.0 && delay.as_secs_f64() <= 79.0,
        "nothing wakes the app before the warning: {delay:?}"
    );

    wait(&mut harness, 78.0);
    assert!(
        !shows(&harness, "Still there?"),
        "no warning before the timeout"
    );
    wait(&mut harness, 2.0);
    assert!(shows(&harness, "Still there?"));
    assert!(
        shows(&harness, "forget your answers in 29 seconds"),
        "countdown from 30 s"
    );
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay.as_secs_f64() <= 1.0,
        "the countdown ticks each second: {delay:?}"
    );

    tap(&mut harness, "I'm still here");
    assert!(!shows(&harness, "Still there?"));
    assert!(shows(&harness, "Question 3 of 5"));
    assert!(
        common::answers(&mut harness).is_some_and(|a| !a.is_empty()),
        "answers kept"
    );
    assert_eq!(harness.state().kiosk.counters.counters.idle_resets, 0);
}

#[test]
fn when_the_warning_runs_out_everything_is_forgotten() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, timeouts);
    tap(&mut harness, "Questions");
    tap(&mut harness, &content.faq.entries[0].question);
    tap(&mut harness, "Home");
    tap(&mut harness, "Guide");
    tap(&mut harness, "Next");
    tap(&mut harness, "Home");
    common::answer_first_two_questions(&mut harness, &["Enlarged pores"]);
    assert!(common::answers(&mut harness).is_some_and(|a| !a.is_empty()));

    wait(&mut harness, 91.0);
    assert!(shows(&harness, "Still there?"));
    wait(&mut harness, 30.0);
    assert!(!shows(&harness, "Still there?"));
    assert!(shows(&harness, &content.strings.home_intro), "back on Home");
    assert_eq!(harness.state().visitor.screen.kind().key, "Home");
    assert!(
        common::answers(&mut harness).is_none(),
        "the questionnaire is gone"
    );
    assert_eq!(harness.state().kiosk.counters.counters.idle_resets, 1);
    tap(&mut harness, "Guide");
    assert!(
        shows(&harness, "Page 1 of 11"),
        "the guide starts at its first page"
    );
    tap(&mut harness, "Home");
    tap(&mut harness, "Questions");
    assert!(
        !shows(
            &harness,
            &common::first_words(&content.faq.entries[0].answer)
        ),
        "no FAQ answer left open"
    );
    tap(&mut harness, "Home");

    tap(&mut harness, "Is it right for me?");
    assert!(
        shows(&harness, "Question 1 of 5"),
        "the next visitor starts at the first question"
    );
}

#[test]
fn reading_screens_wait_longer() {
    let Kiosk { mut harness, .. } = kiosk_with(SIZE, timeouts);
    tap(&mut harness, "Guide");
    wait(&mut harness, 120.0);
    assert!(!shows(&harness, "Still there?"), "180 s on a guide page");
    wait(&mut harness, 61.0);
    assert!(shows(&harness, "Still there?"));
}

fn with_pin(config: &mut Config) {
    config.pin_hash = Some(kiosk::pin::hash(PIN).unwrap());
}

/// Five quick taps on the logo.
fn knock(harness: &mut Harness<'_, KioskApp>, clinic: &str) {
    for _ in 0..5 {
        harness.get_by_role_and_label(Role::Image, clinic).click();
        harness.step();
    }
    harness.run();
}

fn type_pin(harness: &mut Harness<'_, KioskApp>, pin: &str) {
    for digit in pin.chars() {
        tap(harness, &digit.to_string());
    }
    tap(harness, "Enter");
}

#[test]
fn the_right_pin_opens_the_staff_screen() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, with_pin);
    assert!(!shows(&harness, "Enter the staff PIN"));
    knock(&mut harness, &content.clinic.name);
    assert!(shows(&harness, "Enter the staff PIN"));
    type_pin(&mut harness, PIN);
    assert!(shows(&harness, "Exit the kiosk"));
    assert!(shows(
        &harness,
        "No problems found in the content or settings."
    ));
    assert!(shows(&harness, "Kiosk starts: 1"));
    tap(&mut harness, "Home");
    assert!(shows(&harness, &content.strings.home_intro));
}

#[test]
fn wrong_pins_count_down_then_lock_even_the_right_pin_out_across_a_restart() {
    let Kiosk {
        mut harness,
        content,
        state,
    } = kiosk_with(SIZE, with_pin);
    knock(&mut harness, &content.clinic.name);
    for left in ["4 tries", "3 tries", "2 tries", "1 try"] {
        type_pin(&mut harness, "1111");
        assert!(
            shows(&harness, &format!("That PIN is not right. {left} left.")),
            "{left}"
        );
    }
    type_pin(&mut harness, "1111");
    assert!(shows(&harness, "The pad is locked for 5 minutes."));
    type_pin(&mut harness, PIN);
    assert!(
        !shows(&harness, "Exit the kiosk"),
        "the sixth try is refused, right PIN or not"
    );
    assert!(shows(&harness, "The pad is locked for 5 minutes."));

    // A restart does not lift the lockout.
    let state_dir = state.path().to_path_buf();
    let Kiosk {
        harness: mut restarted,
        ..
    } = kiosk_with(SIZE, |c| {
        with_pin(c);
        c.state_dir = state_dir.clone();
    });
    knock(&mut restarted, &content.clinic.name);
    assert!(shows(&restarted, "The pad is locked for 5 minutes."));
    type_pin(&mut restarted, PIN);
    assert!(!shows(&restarted, "Exit the kiosk"));

    let lockout = std::fs::read_to_string(state_dir.join("pin-lockout.toml")).unwrap();
    assert!(
        !lockout.contains(PIN) && !lockout.contains("1111"),
        "{lockout}"
    );
}

#[test]
fn lockouts_double() {
    let dir = tempfile::tempdir().unwrap();
    let hash = kiosk::pin::hash(PIN).unwrap();
    let mut lock = kiosk::pin::PinLock::load(Some(hash), dir.path().join("lock.toml"), 1000);
    let mut now = 1000;
    for (round, minutes) in [(1, 5), (2, 10), (3, 20)] {
        for _ in 0..4 {
            assert!(matches!(
                lock.try_pin("0000", now),
                kiosk::pin::Attempt::Wrong { .. }
            ));
        }
        assert_eq!(
            lock.try_pin("0000", now),
            kiosk::pin::Attempt::LockedOut {
                seconds: minutes * 60
            },
            "lockout {round}"
        );
        now += minutes * 60;
    }
    assert_eq!(lock.try_pin(PIN, now), kiosk::pin::Attempt::Accepted);
}

#[test]
fn the_settings_file_keeps_only_a_hash_of_the_pin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "kiosk = true\n").unwrap();
    kiosk::pin::set_in_config(&path, "97531").unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("97531"), "{text}");
    assert!(text.contains("pin_hash = \"$argon2id$"));
    let (config, problems) = kiosk::config::load(&path);
    assert!(problems.is_empty() && config.kiosk);
    let mut lock = kiosk::pin::PinLock::load(config.pin_hash, dir.path().join("lock.toml"), 0);
    assert_eq!(lock.try_pin("97531", 0), kiosk::pin::Attempt::Accepted);
}

#[test]
fn without_a_pin_the_staff_gesture_only_says_how_to_set_one() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, |_| {});
    knock(&mut harness, &content.clinic.name);
    assert!(shows(&harness, "No staff PIN is set yet."));
    assert!(
        harness.query_by_label("5").is_none(),
        "no keypad to guess on"
    );
}

fn close_request(harness: &mut Harness<'_, KioskApp>) -> Vec<ViewportCommand> {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .clone()
}

#[test]
fn in_kiosk_mode_closing_is_refused_until_staff_exit() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, |c| {
        with_pin(c);
        c.kiosk = true;
    });
    assert!(close_request(&mut harness).contains(&ViewportCommand::CancelClose));
    harness.key_press_modifiers(egui::Modifiers::CTRL, egui::Key::Q);
    harness.run();
    assert!(
        !harness.output().viewport_output[&ViewportId::ROOT]
            .commands
            .contains(&ViewportCommand::Close)
    );

    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    harness
        .get_by_role_and_label(Role::Button, "Exit the kiosk")
        .click();
    harness.step();
    let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(!close_request(&mut harness).contains(&ViewportCommand::CancelClose));
}

#[test]
fn a_window_for_development_closes_normally() {
    let Kiosk { mut harness, .. } = kiosk_with(SIZE, |_| {});
    assert!(!close_request(&mut harness).contains(&ViewportCommand::CancelClose));
}

#[test]
fn counters_count_screens_faq_entries_and_results_and_export_as_csv() {
    let Kiosk {
        mut harness,
        content,
        state,
    } = kiosk_with(SIZE, with_pin);
    tap(&mut harness, "Guide");
    tap(&mut harness, "Home");
    tap(&mut harness, "Questions");
    tap(&mut harness, &content.faq.entries[1].question);
    tap(&mut harness, "Home");
    common::answer_all(&mut harness, &["Enlarged pores"], "A few days", &[]);
    assert!(shows(&harness, "Microneedling is worth discussing"));
    let counters = harness.state().kiosk.counters.counters.clone();
    assert_eq!(counters.app_starts, 1);
    assert_eq!(counters.screens["Guide"], 1);
    assert_eq!(counters.screens["Faq"], 1);
    assert_eq!(counters.screens["Questionnaire"], 1);
    assert_eq!(counters.faq_entries[&content.faq.entries[1].question], 1);
    assert_eq!(counters.results["good_fit"], 1);

    tap(&mut harness, "Home");
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    tap(&mut harness, "Export counters");
    let csv = std::fs::read_to_string(state.path().join("export/counters.csv")).unwrap();
    assert!(csv.starts_with("counter,item,count\n"), "{csv}");
    assert!(
        csv.contains("app_starts,,1\n")
            && csv.contains("result,good_fit,1\n")
            && csv.contains("screen,Guide,1\n"),
        "{csv}"
    );
    assert!(shows(&harness, "Counters saved to"));

    tap(&mut harness, "Reset counters");
    assert!(shows(&harness, "Tap Reset counters again"));
    assert_eq!(
        harness.state().kiosk.counters.counters.results.len(),
        1,
        "one tap resets nothing"
    );
    tap(&mut harness, "Reset counters");
    assert_eq!(harness.state().kiosk.counters.counters.results.len(), 0);
    assert_eq!(harness.state().kiosk.counters.counters.app_starts, 0);
}

#[test]
fn counters_are_written_atomically_and_a_damaged_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("counters.toml");
    let mut store = kiosk::counters::CounterStore::load(path.clone(), "2026-11-27");
    store.record(|c| c.app_starts = 7);
    store.save();
    // A crash after writing the temporary file and before the rename leaves it behind.
    std::fs::write(
        kiosk::files::temporary_path(&path),
        "app_starts = 99\nsince = \"2026",
    )
    .unwrap();
    let reloaded = kiosk::counters::CounterStore::load(path.clone(), "2026-11-28");
    assert_eq!(
        reloaded.counters.app_starts, 7,
        "the previous file is whole"
    );
    assert!(reloaded.notice.is_none());

    std::fs::write(&path, "app_starts = \"lots\"").unwrap();
    let recovered = kiosk::counters::CounterStore::load(path.clone(), "2026-11-28");
    assert_eq!(recovered.counters.app_starts, 0);
    assert_eq!(recovered.counters.since, "2026-11-28");
    assert!(
        recovered
            .notice
            .as_deref()
            .unwrap()
            .contains("counters.toml.bak")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("counters.toml.bak")).unwrap(),
        "app_starts = \"lots\""
    );
}

#[test]
fn the_counters_are_saved_at_most_every_few_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("counters.toml");
    let mut store = kiosk::counters::CounterStore::load(path.clone(), "2026-11-27");
    store.record(|c| c.app_starts += 1);
    assert_eq!(
        store.save_if_due(0.0),
        None,
        "the first change is written at once"
    );
    assert!(path.exists());
    store.record(|c| c.idle_resets += 1);
    assert_eq!(
        store.save_if_due(4.0),
        Some(6.0),
        "the next waits for ten seconds after the last"
    );
    assert_eq!(store.save_if_due(10.0), None);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("idle_resets = 1")
    );
}

/// Every file under `dir`, with its text.
fn files_under(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap_or_default(),
            ));
        }
    }
    found
}

#[test]
fn nothing_a_visitor_chose_is_ever_written_to_disk() {
    let Kiosk {
        mut harness,
        content,
        state,
    } = kiosk_with(SIZE, with_pin);
    common::answer_first_two_questions(
        &mut harness,
        &["Enlarged pores", "Uneven tone or dark spots"],
    );
    common::choose(&mut harness, "None at all");
    common::check(&mut harness, "Pregnancy, or you could be pregnant");
    tap(&mut harness, "Continue");
    common::check(
        &mut harness,
        "I used retinoids or exfoliating acids in the last few days",
    );
    tap(&mut harness, "Continue");
    assert!(shows(&harness, "Talk with a provider first"));
    tap(&mut harness, "Home");
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    tap(&mut harness, "Export counters");
    harness.state_mut().kiosk.counters.save();

    let written = files_under(state.path());
    assert!(
        written.len() >= 2,
        "counters and export were written: {written:?}"
    );
    let q = &content.questionnaire;
    let mut secrets: Vec<String> = Vec::new();
    for question in &q.questions {
        for option in &question.options {
            secrets.push(option.label.clone());
            secrets.push(format!("{}.{}", question.id, option.id));
        }
    }
    secrets.extend(q.rules.iter().filter_map(|r| match &r.effect {
        kiosk::questionnaire::Effect::Result { reason, .. } => reason.clone(),
        kiosk::questionnaire::Effect::Note { text, .. } => Some(text.clone()),
    }));
    secrets.push("pregnant".into());
    for (path, text) in written {
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{path} contains {secret:?}:\n{text}"
            );
        }
    }
}

#[test]
fn language_text_size_and_contrast_follow_the_visitor_and_reset_for_the_next() {
    let Kiosk { mut harness, .. } = kiosk_with(SIZE, timeouts);
    tap(&mut harness, "Español");
    assert!(shows(&harness, "Una guía honesta sobre el microneedling"));
    tap(&mut harness, "Texto 100 %");
    tap(&mut harness, "Texto 125 %");
    assert!((harness.ctx.zoom_factor() - 1.5).abs() < 1e-6);
    tap(&mut harness, "Alto contraste");
    assert_eq!(
        kiosk::ui::theme::colors(&harness.ctx),
        kiosk::ui::theme::HIGH_CONTRAST
    );
    tap(&mut harness, "Guía");
    assert!(shows(&harness, "¿Qué es el microneedling?"));
    assert!(shows(&harness, "Página 1 de 11"));
    assert_eq!(
        harness.state().kiosk.counters.counters.languages["Español"],
        1
    );

    wait(&mut harness, 181.0);
    assert!(shows(&harness, "¿Sigue ahí?"));
    wait(&mut harness, 30.0);
    assert!(
        shows(&harness, "An honest guide to microneedling"),
        "back to English"
    );
    assert!(
        (harness.ctx.zoom_factor() - 1.0).abs() < 1e-6,
        "back to 100 %"
    );
    assert_eq!(
        kiosk::ui::theme::colors(&harness.ctx),
        kiosk::ui::theme::STANDARD
    );
}

#[test]
fn staff_choose_the_language_each_visitor_starts_in() {
    let dir = tempfile::tempdir().unwrap();
    let config_path = dir.path().join("config.toml");
    std::fs::write(&config_path, "# the spa's settings\nkiosk = false\n").unwrap();
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, with_pin);
    harness.state_mut().set_config_path(config_path.clone());
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    tap(&mut harness, "Language for each new visitor: English");
    assert!(
        shows(&harness, "Idioma para cada visitante nuevo: Español")
            || shows(&harness, "Language for each new visitor: Español")
    );
    let text = std::fs::read_to_string(&config_path).unwrap();
    assert_eq!(
        text,
        "# the spa's settings\nkiosk = false\ndefault_language = \"es\"\n"
    );
    tap(&mut harness, "Home");
    harness.state_mut().wipe();
    harness.run();
    assert!(
        shows(&harness, "Una guía honesta sobre el microneedling"),
        "the next visitor starts in Spanish"
    );
}

#[test]
fn a_failing_screen_goes_back_home_and_is_counted_instead_of_killing_the_kiosk() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, |_| {});
    common::answer_first_two_questions(&mut harness, &["Enlarged pores"]);
    harness.state_mut().fail_next_frame();
    harness.run();
    assert!(shows(&harness, &content.strings.home_intro), "back on Home");
    assert!(
        common::answers(&mut harness).is_none(),
        "and the visitor forgotten"
    );
    assert_eq!(harness.state().kiosk.counters.counters.screen_failures, 1);
    tap(&mut harness, "Guide");
    assert!(shows(&harness, "Page 1 of 11"), "the kiosk goes on working");
}

/// A settings file the kiosk cannot read as text (here a comment saved in Latin-1 by an
/// editor) is left exactly as it is when staff change the default language: the first
/// version read it as empty and replaced it with a one-line file, and the PIN's hash was
/// gone (a kiosk-mode install could no longer be exited).
#[test]
fn a_settings_file_that_cannot_be_read_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let config_path = dir.path().join("config.toml");
    let hash = kiosk::pin::hash(PIN).unwrap();
    let mut original = b"# Caf\xe9 on the corner: staff settings\nkiosk = true\n".to_vec();
    original.extend_from_slice(format!("pin_hash = \"{hash}\"\n").as_bytes());
    std::fs::write(&config_path, &original).unwrap();
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, with_pin);
    harness.state_mut().set_config_path(config_path.clone());
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    tap(&mut harness, "Language for each new visitor: English");
    assert_eq!(
        std::fs::read(&config_path).unwrap(),
        original,
        "the settings file was rewritten"
    );
    assert!(
        shows(
            &harness,
            &format!(
                "{} is not UTF-8 text, so it was left unchanged; save it as UTF-8 and try again",
                config_path.display()
            )
        ),
        "staff are told why the choice was not saved"
    );
}

/// `--set-pin` and the staff screen write through one writer that keeps every other line
/// (comments beside a value included) and the file's permissions; a new settings file,
/// the counters and the lockout are readable by the kiosk's user only.
#[cfg(unix)]
#[test]
fn settings_counters_and_lockout_are_private_and_comments_survive() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();

    // A new settings file, in new folders.
    let fresh = dir
        .path()
        .join("home/.config/microneedling-kiosk/config.toml");
    kiosk::pin::set_in_config(&fresh, PIN).unwrap();
    assert_eq!(mode(&fresh), 0o600, "a new settings file");
    assert_eq!(mode(fresh.parent().unwrap()), 0o700, "its new folder");
    assert_eq!(mode(&dir.path().join("home/.config")), 0o700);

    // An existing one, group-readable by the administrator's choice, with comments.
    let path = dir.path().join("config.toml");
    let text = "# Waiting room, front desk\nkiosk = true # locked down\ndefault_language = \"es\" # Spanish first, since May\n";
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    kiosk::pin::set_in_config(&path, PIN).unwrap();
    kiosk::config::set_in_file(&path, "default_language", "en").unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("# Waiting room, front desk\nkiosk = true # locked down\ndefault_language = \"en\" # Spanish first, since May\npin_hash = \"$argon2id$"),
        "{written}"
    );
    assert_eq!(
        mode(&path),
        0o640,
        "the administrator's permissions are kept"
    );
    let (config, problems) = kiosk::config::load(&path);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(config.kiosk && config.pin_hash.is_some());

    // A file that is not TOML is not touched.
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "kiosk = true\nidle_timeout_secs = [\n").unwrap();
    let error = kiosk::pin::set_in_config(&broken, PIN).unwrap_err();
    assert!(error.contains("broken.toml:2: "), "{error}");
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "kiosk = true\nidle_timeout_secs = [\n"
    );

    // The counters and the lockout, in a state folder the kiosk creates.
    let state_dir = dir.path().join("state/microneedling-kiosk");
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, |c| {
        with_pin(c);
        c.state_dir = state_dir.clone();
    });
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, "1111");
    harness.state_mut().kiosk.counters.save();
    assert_eq!(mode(&state_dir), 0o700, "the state folder");
    assert_eq!(
        mode(&state_dir.join("pin-lockout.toml")),
        0o600,
        "the lockout"
    );
    assert_eq!(
        mode(&state_dir.join("counters.toml")),
        0o600,
        "the counters"
    );
}

/// What the lockout's comment says: a damaged lockout file counts as a lockout, while
/// deleting it (which needs a shell on the kiosk as its user or root, who could as well
/// set a new PIN) starts with no wrong tries.
#[test]
fn a_damaged_lockout_file_locks_and_a_deleted_one_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pin-lockout.toml");
    let hash = kiosk::pin::hash(PIN).unwrap();
    std::fs::write(&path, "this is not a lockout file").unwrap();
    let mut lock = kiosk::pin::PinLock::load(Some(hash.clone()), path.clone(), 1000);
    assert_eq!(
        lock.try_pin(PIN, 1000),
        kiosk::pin::Attempt::LockedOut { seconds: 300 }
    );
    std::fs::remove_file(&path).unwrap();
    let mut lock = kiosk::pin::PinLock::load(Some(hash), path, 1000);
    assert_eq!(lock.try_pin(PIN, 1000), kiosk::pin::Attempt::Accepted);
}
