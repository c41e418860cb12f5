//! Prints what Listen says on one screen, exactly as the kiosk hands it to the speech
//! service, so `scripts/speech-check.sh` can prove that this very text becomes audio.
//!
//! `cargo run --example listen_text -- LANGUAGE SCREEN [PAGE]`, e.g. `es Guide 1`
//! (SCREEN is a registry key: Home, Guide, Compare, Faq, Questionnaire, Consultation).

use kiosk::content::{self, Source};
use kiosk::speech::join_for_speech;
use kiosk::ui::guide::Guide;
use kiosk::ui::screen;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(language), Some(key)) = (args.first(), args.get(1)) else {
        eprintln!("usage: listen_text LANGUAGE SCREEN [PAGE]");
        return std::process::ExitCode::FAILURE;
    };
    let loaded = content::load(&Source::resolve(None));
    let Some(index) = loaded.language_index(language) else {
        eprintln!("no language folder `{language}`");
        return std::process::ExitCode::FAILURE;
    };
    let Some(kind) = screen::kind(key) else {
        eprintln!("no screen `{key}`");
        return std::process::ExitCode::FAILURE;
    };
    let mut shown = (kind.open)();
    if let (Some(guide), Some(page)) = (
        shown.as_any_mut().downcast_mut::<Guide>(),
        args.get(2).and_then(|p| p.parse::<usize>().ok()),
    ) {
        guide.page = page.saturating_sub(1);
    }
    let parts = shown.speech(loaded.language(index));
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    println!("{}", join_for_speech(&parts));
    std::process::ExitCode::SUCCESS
}
