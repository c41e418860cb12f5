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
use kiosk::content::strings::fill;
use kiosk::counters::Event;
use kiosk::ui::screen::{Cx, IdleRule, Screen, ScreenKind};
use kiosk::ui::theme::Look;
use kiosk::ui::{faq, guide, home, questionnaire};

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);
const PIN: &str = "2468";

fn timeouts(config: &mut Config) {
    config.idle_timeout_secs = 90;
    config.reading_idle_timeout_secs = 180;
    config.questionnaire_idle_timeout_secs = 45;
    config.warning_secs = 30;
}

#[test]
fn nobody_at_home_needs_no_timer_and_no_repaint() {
    let Kiosk { mut harness, .. } = kiosk_with(SIZE, timeouts);
    common::idle(&mut harness, 1000.0);
    assert_eq!(common::screen_key(&harness), home::KIND.key);
    assert!(!shows(&harness, &common::strings(&harness).idle_title));
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay > std::time::Duration::from_secs(3600),
        "repaint after {delay:?}"
    );
}

#[test]
fn the_warning_comes_after_the_timeout_and_still_here_keeps_every_answer() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, timeouts);
    let s = &content.strings;
    common::answer_first_two_questions(&mut harness, &["pores"]);
    assert!(shows(&harness, &common::question_of(&harness, 3)));
    // The counters are written within ten seconds; after that the next wake-up is the
    // warning, at the questionnaire's own, shorter idle time.
    common::idle(&mut harness, 11.0);
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay.as_secs_f64() > 30.0 && delay.as_secs_f64() <= 34.0,
        "nothing wakes the app before the warning: {delay:?}"
    );

    common::idle(&mut harness, 33.0);
    assert!(
        !shows(&harness, &s.idle_title),
        "no warning before the timeout"
    );
    common::idle(&mut harness, 2.0);
    assert!(shows(&harness, &s.idle_title));
    assert!(
        shows(&harness, &s.idle_message.fill(29, &[])),
        "countdown from 30 s"
    );
    assert!(
        !shows(&harness, &common::question_of(&harness, 3)),
        "the countdown hides the questionnaire beneath it"
    );
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay.as_secs_f64() <= 1.0,
        "the countdown ticks each second: {delay:?}"
    );

    tap(&mut harness, &s.idle_continue);
    assert!(!shows(&harness, &s.idle_title));
    assert!(shows(&harness, &common::question_of(&harness, 3)));
    assert!(
        common::questionnaire_holds_answers(&mut harness),
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
    let s = &content.strings;
    tap(&mut harness, &s.faq_title);
    tap(&mut harness, &content.faq.entries[0].question);
    tap(&mut harness, &s.home);
    tap(&mut harness, &s.guide_title);
    tap(&mut harness, &s.next);
    tap(&mut harness, &s.home);
    common::answer_first_two_questions(&mut harness, &["pores"]);

    common::idle(&mut harness, 46.0);
    assert!(shows(&harness, &s.idle_title));
    common::idle(&mut harness, 30.0);
    assert!(!shows(&harness, &s.idle_title));
    assert!(shows(&harness, &s.home_intro), "back on Home");
    assert_eq!(common::screen_key(&harness), home::KIND.key);
    assert_eq!(harness.state().kiosk.counters.counters.idle_resets, 1);
    tap(&mut harness, &s.guide_title);
    assert!(
        shows(&harness, &s.page_of(1, content.guide.len())),
        "the guide starts at its first page"
    );
    tap(&mut harness, &s.home);
    tap(&mut harness, &s.faq_title);
    assert!(
        !shows(
            &harness,
            &common::first_words(&content.faq.entries[0].answer)
        ),
        "no FAQ answer left open"
    );
    tap(&mut harness, &s.home);

    tap(&mut harness, &s.quiz_title);
    assert!(
        shows(&harness, &common::question_of(&harness, 1)),
        "the next visitor starts at the first question"
    );
    assert_eq!(common::chosen_on_screen(&harness), 0, "with nothing chosen");
}

/// A result walked away from must not wait for the next person in the room: it has the
/// questionnaire's shorter idle time, and the countdown hides it (WCAG 2.2.1 still holds:
/// 30 s to answer with one tap).
#[test]
fn a_result_left_behind_is_hidden_then_forgotten_sooner() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, timeouts);
    let s = &content.strings;
    common::answer_all(&mut harness, &["pores"], "few_days", &["pregnant"]);
    let result = &content.questionnaire.results[0].title;
    let caution = common::label(&harness, "cautions", "pregnant");
    assert!(shows(&harness, result));
    common::idle(&mut harness, 44.0);
    assert!(!shows(&harness, &s.idle_title));
    common::idle(&mut harness, 2.0);
    assert!(shows(&harness, &s.idle_title));
    assert!(
        !shows(&harness, result) && !shows(&harness, &caution[..9]),
        "nothing of the result shows around the countdown"
    );
    tap(&mut harness, &s.idle_continue);
    assert!(
        shows(&harness, result),
        "the visitor who came back has it again"
    );
    common::idle(&mut harness, 46.0);
    common::idle(&mut harness, 30.0);
    assert_eq!(common::screen_key(&harness), home::KIND.key);
}

#[test]
fn reading_screens_wait_longer() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, timeouts);
    let s = &content.strings;
    tap(&mut harness, &s.guide_title);
    common::idle(&mut harness, 120.0);
    assert!(!shows(&harness, &s.idle_title), "180 s on a guide page");
    common::idle(&mut harness, 61.0);
    assert!(shows(&harness, &s.idle_title));
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
    let enter = common::strings(harness).pin_enter;
    tap(harness, &enter);
}

#[test]
fn the_right_pin_opens_the_staff_screen() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, with_pin);
    let s = &content.strings;
    assert!(!shows(&harness, &s.pin_prompt));
    knock(&mut harness, &content.clinic.name);
    assert!(shows(&harness, &s.pin_prompt));
    type_pin(&mut harness, PIN);
    assert!(shows(&harness, &s.staff_exit));
    assert!(shows(&harness, &s.staff_no_problems));
    tap(&mut harness, &s.staff_tab_counters);
    assert!(shows(&harness, &format!("{}: 1", s.staff_app_starts)));
    tap(&mut harness, &s.home);
    assert!(shows(&harness, &s.home_intro));
}

#[test]
fn wrong_pins_count_down_then_lock_even_the_right_pin_out_across_a_restart() {
    let Kiosk {
        mut harness,
        content,
        state,
    } = kiosk_with(SIZE, with_pin);
    let s = &content.strings;
    let locked = s.pin_locked.fill(5, &[]);
    knock(&mut harness, &content.clinic.name);
    for left in (1..kiosk::pin::TRIES).rev() {
        type_pin(&mut harness, "1111");
        let wrong = s.pin_wrong.fill(left as usize, &[]);
        assert!(shows(&harness, &wrong), "{wrong}");
    }
    type_pin(&mut harness, "1111");
    assert!(shows(&harness, &locked));
    type_pin(&mut harness, PIN);
    assert!(
        !shows(&harness, &s.staff_exit),
        "the sixth try is refused, right PIN or not"
    );
    assert!(shows(&harness, &locked));

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
    assert!(shows(&restarted, &locked));
    type_pin(&mut restarted, PIN);
    assert!(!shows(&restarted, &s.staff_exit));

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
    kiosk::config::set_pin(&path, "97531").unwrap();
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
    assert!(shows(&harness, &content.strings.pin_missing));
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
        .get_by_role_and_label(Role::Button, &content.strings.staff_exit)
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
    let s = &content.strings;
    tap(&mut harness, &s.guide_title);
    tap(&mut harness, &s.home);
    tap(&mut harness, &s.faq_title);
    tap(&mut harness, &content.faq.entries[1].question);
    tap(&mut harness, &s.home);
    common::answer_all(&mut harness, &["pores"], "few_days", &[]);
    let good_fit = &content.questionnaire.results[2];
    assert!(shows(&harness, &good_fit.title));
    let counters = harness.state().kiosk.counters.counters.clone();
    assert_eq!(counters.app_starts, 1);
    for screen in [guide::KIND.key, faq::KIND.key, questionnaire::KIND.key] {
        assert_eq!(counters.screens[screen], 1, "{screen}");
    }
    assert_eq!(
        counters.screens.len(),
        3,
        "Home and staff screens are not counted"
    );
    assert_eq!(counters.faq_entries[&content.faq.entries[1].question], 1);
    assert_eq!(counters.results[&good_fit.id], 1);

    tap(&mut harness, &s.home);
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    tap(&mut harness, &s.staff_tab_counters);
    tap(&mut harness, &s.staff_export);
    let csv = std::fs::read_to_string(state.path().join("export/counters.csv")).unwrap();
    assert!(csv.starts_with("counter,item,count\n"), "{csv}");
    assert!(
        csv.contains("app_starts,,1\n")
            && csv.contains(&format!("result,{},1\n", good_fit.id))
            && csv.contains("screen,Guide,1\n"),
        "{csv}"
    );
    let exported = state.path().join("export/counters.csv");
    let by_day = state.path().join("export/counters-by-day.csv");
    assert!(shows(
        &harness,
        &fill(
            &s.staff_exported,
            &[
                ("path", &exported.display().to_string()),
                ("days", &by_day.display().to_string())
            ]
        )
    ));
    // The day-by-day table: a header, then today's row, with the visit's steps.
    let days = std::fs::read_to_string(&by_day).unwrap();
    let rows: Vec<Vec<&str>> = days.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 2, "{days}");
    let today = harness.state().kiosk.clock.today().to_string();
    let column = |name: &str| {
        let at = rows[0]
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{name}: {days}"));
        rows[1][at]
    };
    assert_eq!(column("date"), today);
    assert_eq!(column("visits"), "1", "one visit, never wiped");
    assert_eq!(column("screens_opened"), "3");
    assert_eq!(column("questionnaires_started"), "1");
    assert_eq!(column("questionnaires_finished"), "1");
    assert_eq!(column(&format!("result {}", good_fit.id)), "1");

    tap(&mut harness, &s.staff_reset_counters);
    assert!(shows(&harness, &s.staff_reset_confirm));
    assert_eq!(
        harness.state().kiosk.counters.counters.results.len(),
        1,
        "one tap resets nothing"
    );
    tap(&mut harness, &s.staff_reset_counters);
    assert_eq!(harness.state().kiosk.counters.counters.results.len(), 0);
    assert_eq!(harness.state().kiosk.counters.counters.app_starts, 0);
}

#[test]
fn each_step_of_a_visit_counts_once_in_its_day_and_the_funnel_ends_at_the_consultation() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = kiosk_with(SIZE, |_| {});
    let s = &content.strings;
    // The consultation card before any result is not the funnel's end.
    tap(&mut harness, &s.book_title);
    tap(&mut harness, &s.home);
    let day = |harness: &Harness<'_, KioskApp>| {
        let kiosk = &harness.state().kiosk;
        kiosk.counters.counters.days[&kiosk.clock.today().to_string()].clone()
    };
    let funnel = |harness: &Harness<'_, KioskApp>| {
        let d = day(harness);
        (
            d.visits,
            d.questionnaires_started,
            d.questionnaires_finished,
            d.consultations,
            d.consultations_after_result,
        )
    };
    assert_eq!(funnel(&harness), (1, 0, 0, 1, 0));
    // Twice through the questionnaire in one visit: started and finished once.
    for _ in 0..2 {
        common::answer_all(&mut harness, &["pores"], "few_days", &[]);
        tap(&mut harness, &s.home);
    }
    assert_eq!(funnel(&harness), (1, 1, 1, 1, 0));
    assert_eq!(
        day(&harness).results.values().sum::<u64>(),
        2,
        "each result shown"
    );
    tap(&mut harness, &s.book_title);
    assert_eq!(funnel(&harness), (1, 1, 1, 1, 1));
}

#[test]
fn counters_are_written_atomically_and_a_damaged_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("counters.toml");
    let mut store = kiosk::counters::CounterStore::load(path.clone(), day("2026-11-27"));
    for _ in 0..7 {
        store.count(Event::AppStart, day("2026-11-27"));
    }
    store.save();
    // A crash after writing the temporary file and before the rename leaves it behind.
    std::fs::write(
        kiosk::files::temporary_path(&path),
        "app_starts = 99\nsince = \"2026",
    )
    .unwrap();
    let reloaded = kiosk::counters::CounterStore::load(path.clone(), day("2026-11-28"));
    assert_eq!(
        reloaded.counters.app_starts, 7,
        "the previous file is whole"
    );
    assert!(reloaded.notice.is_none());

    std::fs::write(&path, "app_starts = \"lots\"").unwrap();
    let recovered = kiosk::counters::CounterStore::load(path.clone(), day("2026-11-28"));
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
    let mut store = kiosk::counters::CounterStore::load(path.clone(), day("2026-11-27"));
    store.count(Event::AppStart, day("2026-11-27"));
    assert_eq!(
        store.save_if_due(0.0),
        None,
        "the first change is written at once"
    );
    assert!(path.exists());
    store.count(Event::IdleReset, day("2026-11-27"));
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

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
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
    let s = &content.strings;
    common::answer_first_two_questions(&mut harness, &["pores", "pigmentation"]);
    common::answer(&mut harness, "downtime", &["none"]);
    common::answer(&mut harness, "cautions", &["pregnant"]);
    common::answer(&mut harness, "preparation", &["retinoids"]);
    assert!(shows(&harness, &content.questionnaire.results[0].title));
    tap(&mut harness, &s.home);
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    tap(&mut harness, &s.staff_tab_counters);
    tap(&mut harness, &s.staff_export);
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
    secrets.extend(kiosk::questionnaire::citations(q).map(|c| c.text.clone()));
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
    let loaded = common::load_shipped();
    let (en, es) = (&loaded.language(0).strings, &loaded.language(1).strings);
    tap(&mut harness, &es.language_name);
    assert!(shows(&harness, &es.home_intro));
    let size = |s: &kiosk::content::Strings, n: &str| fill(&s.text_size, &[("n", n)]);
    tap(&mut harness, &size(es, "100"));
    tap(&mut harness, &size(es, "125"));
    assert!((harness.ctx.zoom_factor() - 1.5).abs() < 1e-6);
    tap(&mut harness, &es.high_contrast);
    assert!(harness.state().visitor.look.high_contrast);
    tap(&mut harness, &es.guide_title);
    assert!(shows(&harness, &loaded.language(1).guide[0].title));
    assert!(shows(
        &harness,
        &es.page_of(1, loaded.language(1).guide.len())
    ));
    assert_eq!(
        harness.state().kiosk.counters.counters.languages[&es.language_name],
        1
    );

    common::idle(&mut harness, 181.0);
    assert!(shows(&harness, &es.idle_title));
    common::idle(&mut harness, 30.0);
    assert!(shows(&harness, &en.home_intro), "back to English");
    assert!(
        (harness.ctx.zoom_factor() - 1.0).abs() < 1e-6,
        "back to 100 %"
    );
    assert_eq!(harness.state().visitor.look, Look::default());
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
    let loaded = common::load_shipped();
    let (en, es) = (&loaded.language(0).strings, &loaded.language(1).strings);
    harness.state_mut().kiosk.config_path = Some(config_path.clone());
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    let choice = |s: &kiosk::content::Strings, name: &str| {
        fill(&s.staff_default_language, &[("language", name)])
    };
    tap(&mut harness, &choice(en, &en.language_name));
    assert!(shows(&harness, &choice(en, &es.language_name)));
    let text = std::fs::read_to_string(&config_path).unwrap();
    assert_eq!(
        text,
        "# the spa's settings\nkiosk = false\ndefault_language = \"es\"\n"
    );
    tap(&mut harness, &en.home);
    let ctx = harness.ctx.clone();
    harness.state_mut().wipe(&ctx);
    harness.run();
    assert!(
        shows(&harness, &es.home_intro),
        "the next visitor starts in Spanish"
    );
}

/// A screen that fails inside its layout, half drawn, as a bug would: added through the
/// public contract, as any new screen is.
struct Failing;

const FAILING: ScreenKind = ScreenKind {
    key: "Failing",
    idle: IdleRule::Standard,
    open: || Box::new(Failing),
    door: None,
    gallery: |_| Vec::new(),
};

impl Screen for Failing {
    fn kind(&self) -> &'static ScreenKind {
        &FAILING
    }

    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx<'_>) {
        kiosk::ui::layout::top_bar(ui, cx, "Failing", |_, _| {});
        kiosk::ui::layout::body(ui, cx, "failing", 800.0, |ui, _| {
            ui.label("Half a page");
            panic!("a screen that fails inside its scroll area");
        });
    }

    fn speech(&self, _: &Cx<'_>) -> Vec<String> {
        Vec::new()
    }
}

#[test]
fn a_screen_failing_inside_its_layout_goes_back_home_and_is_counted() {
    let Kiosk {
        mut harness,
        content,
        ..
    } = common::kiosk_with_screens(SIZE, &[&FAILING]);
    let s = &content.strings;
    common::answer_first_two_questions(&mut harness, &["pores"]);
    harness.state_mut().visitor.open(Box::new(Failing));
    harness.run();
    assert!(shows(&harness, &s.home_intro), "back on Home");
    assert_eq!(harness.state().kiosk.counters.counters.screen_failures, 1);
    tap(&mut harness, &s.quiz_title);
    assert_eq!(
        common::chosen_on_screen(&harness),
        0,
        "the visitor forgotten"
    );
    tap(&mut harness, &s.home);
    tap(&mut harness, &s.guide_title);
    assert!(
        shows(&harness, &s.page_of(1, content.guide.len())),
        "the kiosk goes on working"
    );
    harness.check_accessibility();
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
    harness.state_mut().kiosk.config_path = Some(config_path.clone());
    knock(&mut harness, &content.clinic.name);
    type_pin(&mut harness, PIN);
    let s = &content.strings;
    tap(
        &mut harness,
        &fill(&s.staff_default_language, &[("language", &s.language_name)]),
    );
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
    kiosk::config::set_pin(&fresh, PIN).unwrap();
    assert_eq!(mode(&fresh), 0o600, "a new settings file");
    assert_eq!(mode(fresh.parent().unwrap()), 0o700, "its new folder");
    assert_eq!(mode(&dir.path().join("home/.config")), 0o700);

    // An existing one, group-readable by the administrator's choice, with comments.
    let path = dir.path().join("config.toml");
    let text = "# Waiting room, front desk\nkiosk = true # locked down\ndefault_language = \"es\" # Spanish first, since May\n";
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    kiosk::config::set_pin(&path, PIN).unwrap();
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
    let error = kiosk::config::set_pin(&broken, PIN).unwrap_err();
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
