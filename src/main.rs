//! Parses the command line and starts the kiosk window (or checks content).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use kiosk::app::KioskApp;
use kiosk::content::{self, Source};

/// Microneedling education kiosk for the spa's waiting room.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// Content folder to show [default: ./content when present, else the built-in copy]
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,

    /// Open fullscreen instead of in a window.
    #[arg(long)]
    fullscreen: bool,

    /// Check a content folder (default: the one the kiosk would use), print every
    /// problem as `path:line: message`, and exit non-zero if there are any.
    #[arg(long, value_name = "DIR")]
    check: Option<Option<PathBuf>>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(dir) = args.check {
        let (report, clean) = kiosk::check::run(&Source::resolve(dir.or(args.content)));
        println!("{report}");
        return if clean {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }

    let loaded = content::load(&Source::resolve(args.content));
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    let viewport = egui::ViewportBuilder::default()
        .with_title(loaded.content.clinic.name.clone())
        .with_inner_size([1920.0, 1080.0])
        .with_min_inner_size([800.0, 600.0])
        .with_fullscreen(args.fullscreen)
        .with_decorations(!args.fullscreen);
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "microneedling-kiosk",
        options,
        Box::new(|cc| Ok(Box::new(KioskApp::new(&cc.egui_ctx, loaded)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("the kiosk window could not start: {e}");
            ExitCode::FAILURE
        }
    }
}
