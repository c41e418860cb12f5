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

    /// Window size in logical pixels, e.g. 1080x1920 to preview a portrait screen.
    #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = parse_size)]
    window_size: [f32; 2],

    /// Check a content folder (default: the one the kiosk would use), print every
    /// problem as `path:line: message`, and exit non-zero if there are any.
    #[arg(long, value_name = "DIR")]
    check: Option<Option<PathBuf>>,
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
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
        .with_inner_size(args.window_size)
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
        Box::new(|cc| Ok(Box::new(KioskApp::new(&cc.egui_ctx, loaded, Some(started))))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("the kiosk window could not start: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let parse = |part: Option<&str>| part.and_then(|p| p.trim().parse::<f32>().ok());
    let mut parts = text.split(['x', 'X']);
    match (parse(parts.next()), parse(parts.next()), parts.next()) {
        (Some(w), Some(h), None) if w >= 320.0 && h >= 320.0 => Ok([w, h]),
        _ => Err(format!(
            "expected a size like 1920x1080 (at least 320x320), not {text:?}"
        )),
    }
}
