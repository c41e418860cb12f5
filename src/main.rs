//! Parses the command line and starts the kiosk window (or checks content, or sets the
//! staff PIN).

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use kiosk::app::{Follow, KioskApp, Options};
use kiosk::cli::Args;
use kiosk::clock::Clock;
use kiosk::content::{self, Source};
use kiosk::files::LockError;
use kiosk::{config, files, installed, logging, platform};

/// The exit status when another kiosk already runs with the same state folder.
const ALREADY_RUNNING: u8 = 3;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Args::parse();
    logging::init();
    let config_path = args
        .config
        .clone()
        .unwrap_or_else(platform::default_config_path);
    if args.set_pin {
        return set_pin(&config_path);
    }
    let (mut config, config_problems) = config::load(&config_path);
    config.kiosk |= args.kiosk;
    config.content = args.content.clone().or(config.content.take());
    let clock = Clock::System;
    if let Some(dir) = args.check {
        let source = dir.map_or_else(|| installed::live_source(&config), Source::Folder);
        let (report, clean) = kiosk::check::run(&source, &config_path, clock.today());
        return print_report(&report, clean);
    }
    if let Some(dir) = args.install_content {
        let (report, done) = installed::command::install(&config, &dir, &clock);
        return print_report(&report, done);
    }
    if args.rollback_content {
        let (report, done) = installed::command::go_back(&config, &clock);
        return print_report(&report, done);
    }
    // A preview shows the folder given, in a window, beside a running kiosk: its own
    // counters in a folder of its own, gone when it closes, and no lock.
    let preview = args.preview.clone().map(|dir| {
        config.content = Some(dir);
        config.kiosk = false;
        config.state_dir = std::env::temp_dir().join(format!(
            "microneedling-kiosk-preview-{}",
            std::process::id()
        ));
        TemporaryFolder(config.state_dir.clone())
    });

    // One kiosk per state folder: two would fight over the counters and the PIN lockout.
    let _lock = match files::lock_instance(&config.state_dir) {
        _ if preview.is_some() => None,
        Ok(lock) => Some(lock),
        Err(LockError::AlreadyRunning { lock, pid }) => {
            let process = pid.map_or_else(String::new, |pid| format!(" (process {pid})"));
            log::error!(
                "another kiosk{process} is already running with the state folder {}; this one exits. Stop that one first (lock file: {}).",
                config.state_dir.display(),
                lock.display()
            );
            return ExitCode::from(ALREADY_RUNNING);
        }
        Err(LockError::Unavailable(e)) => {
            log::warn!("{e}; starting without the single-kiosk lock");
            None
        }
    };

    let loaded = content::load(&installed::live_source(&config));
    log::info!("showing {}", loaded.summary());
    for problem in loaded.problems.iter().chain(&config_problems) {
        log::warn!("{problem}");
    }
    let fullscreen = args.fullscreen || config.kiosk;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(loaded.content.clinic.name.clone())
        .with_inner_size(args.window_size)
        .with_min_inner_size([640.0, 480.0])
        .with_fullscreen(fullscreen)
        .with_decorations(!fullscreen);
    if let Some(position) = config.window_position {
        viewport = viewport.with_position(position);
    }
    let native = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        // egui's shader adds noise to every fragment against banding in gradients; the
        // kiosk draws flat colours, and on llvmpipe the noise is a quarter of a frame.
        dithering: false,
        ..Default::default()
    };
    // Looks for voices in the background while the window opens.
    let speaker = kiosk::speech::system_speaker(config.speech_rate, config.speech_volume);
    // systemd's watchdog (WatchdogSec= in the waiting-room unit), when it asks for one.
    #[cfg(unix)]
    let watchdog = kiosk::watchdog::Watchdog::from_env();
    // Started from Explorer or as the kiosk's shell, Windows opened a console for the
    // kiosk alone: it closes, leaving the window (a terminal that started it keeps it).
    #[cfg(windows)]
    platform::close_own_console();
    let options = Options {
        config,
        config_problems,
        started: Some(started),
        config_path: Some(config_path),
        window_clears_background: true,
        // Off to compare pictures, or should a graphics driver's clear misbehave.
        plain_fills_by_clear: std::env::var_os("KIOSK_SHADED_FILLS").is_none(),
        more_screens: Vec::new(),
        clock,
        follow: match preview {
            Some(_) => Follow::Edits(kiosk::app::PREVIEW_EVERY),
            None => Follow::Installs(kiosk::app::INSTALLS_EVERY),
        },
    };
    let result = eframe::run_native(
        "microneedling-kiosk",
        native,
        Box::new(move |cc| {
            let app = KioskApp::new(&cc.egui_ctx, loaded, options).with_speaker(speaker);
            #[cfg(unix)]
            let app = app.with_watchdog(watchdog);
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            log::error!("the kiosk window could not start: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_report(report: &str, success: bool) -> ExitCode {
    println!("{report}");
    if success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A folder removed when the program ends.
struct TemporaryFolder(std::path::PathBuf);

impl Drop for TemporaryFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn set_pin(config_path: &std::path::Path) -> ExitCode {
    let (first, second) = if std::io::stdin().is_terminal() {
        // Typed on the terminal: not shown, not even as stars.
        let ask = |prompt: &str| {
            rpassword::prompt_password(prompt)
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        (
            ask("New staff PIN (4 to 8 digits, not shown): "),
            ask("The same PIN again: "),
        )
    } else {
        // Piped, e.g. `printf '2468\n2468\n' | microneedling-kiosk --set-pin`.
        let mut lines = std::io::stdin().lock().lines();
        let mut read = || {
            lines
                .next()
                .and_then(Result::ok)
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        (read(), read())
    };
    let result = if first != second {
        Err("the two PINs differ".to_owned())
    } else {
        config::set_pin(config_path, &first)
    };
    match result {
        Ok(()) => {
            eprintln!(
                "The staff PIN is set (only its hash is stored, in {}).",
                config_path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("The PIN was not set: {e}.");
            ExitCode::FAILURE
        }
    }
}
