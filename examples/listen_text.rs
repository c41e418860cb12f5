//! Prints what Listen says on one screen, exactly as the kiosk hands it to the speech
//! service, so `scripts/speech-check.sh` can prove that this very text becomes audio.
//!
//! `cargo run --example listen_text -- LANGUAGE SCREEN`, e.g. `es guide` or
//! `en "guide page 2"` (SCREEN is a state of the registry's gallery: `home`, `guide`,
//! `guide page N`, `compare`, `faq`, `question 2`, `result good fit`...).

use kiosk::app::{KioskApp, Options};
use kiosk::content::{self, Source};
use kiosk::speech::join_for_speech;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(language), Some(name)) = (args.first(), args.get(1)) else {
        eprintln!("usage: listen_text LANGUAGE SCREEN");
        return std::process::ExitCode::FAILURE;
    };
    let loaded = content::load(&Source::resolve(None, None));
    let Some(index) = loaded.language_index(language) else {
        eprintln!("no language folder `{language}`");
        return std::process::ExitCode::FAILURE;
    };
    let state = std::env::temp_dir().join("listen-text-state");
    let options = Options {
        config: kiosk::config::Config {
            state_dir: state,
            ..Default::default()
        },
        ..Options::default()
    };
    let mut app = KioskApp::new(&egui::Context::default(), loaded, options);
    app.visitor.language = index;
    let Some(screen) = app.registry().gallery_state(app.content(), name) else {
        eprintln!("no screen `{name}`");
        return std::process::ExitCode::FAILURE;
    };
    app.visitor.open(screen);
    let parts = app.speech();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    println!("{}", join_for_speech(&parts));
    std::process::ExitCode::SUCCESS
}
