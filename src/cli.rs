//! The command line, defined once: `main` parses it, and the manual page
//! (`packaging/microneedling-kiosk.1`, checked by `tests/manpage.rs`) is generated from it.

use std::path::PathBuf;

use clap::Parser;

/// Microneedling education kiosk for the spa's waiting room.
///
/// An offline touchscreen guide to microneedling: the guide, a comparison with other
/// treatments, the clinic's questions and answers, and a short "Is it right for me?"
/// questionnaire that ends at a consultation. Its content is a folder of plain text files
/// that staff can edit; a copy is built in.
///
/// Files: the settings in $XDG_CONFIG_HOME/microneedling-kiosk/config.toml (see
/// --config), the counters, the staff PIN's lockout and the content staff installed
/// (content/, with its log) in $XDG_STATE_HOME/microneedling-kiosk, all readable by the
/// kiosk's user only. A USB stick is mounted read-only at /media/kiosk-usb. In a
/// waiting room it runs under cage as the systemd unit microneedling-kiosk-cage.service,
/// set up in /etc/default/microneedling-kiosk; on a staff tablet, through the user unit
/// microneedling-kiosk.service. See /usr/share/doc/microneedling-kiosk/setup.md.
#[derive(Parser, Debug)]
#[command(name = "microneedling-kiosk", version, about)]
pub struct Args {
    /// Content folder to show [default: the settings' `content`, else the content staff
    /// installed (--install-content), else ./content when present, else
    /// /usr/share/microneedling-kiosk/content when installed, else the built-in copy]
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Settings file [default: $XDG_CONFIG_HOME/microneedling-kiosk/config.toml]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Kiosk mode: fullscreen, no window decorations, hidden pointer, and closing
    /// refused until staff exit with the PIN. Also `kiosk = true` in the settings.
    #[arg(long)]
    pub kiosk: bool,

    /// Open fullscreen instead of in a window (without kiosk mode's lockdown).
    #[arg(long)]
    pub fullscreen: bool,

    /// Window size in logical pixels, e.g. 1080x1920 to preview a portrait screen.
    #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = parse_size)]
    pub window_size: [f32; 2],

    /// Check a content folder (default: the one the kiosk would use) and the settings,
    /// print every problem as `path:line: message`, and exit non-zero if there are any.
    #[arg(long, value_name = "DIR")]
    pub check: Option<Option<PathBuf>>,

    /// Set the staff PIN (4 to 8 digits, typed twice without being shown, or two lines on
    /// standard input); only its hash is stored, in the settings file.
    #[arg(long)]
    pub set_pin: bool,

    /// Install the content folder DIR: checked as --check checks it and refused with
    /// every problem if there is any; otherwise copied beside the live content and made
    /// live in one step, keeping the one live before. A running kiosk shows it at its
    /// next idle moment. Run it as the kiosk's user.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["check", "rollback_content", "preview"])]
    pub install_content: Option<PathBuf>,

    /// Put back the content that was live before the last install or rollback.
    #[arg(long, conflicts_with_all = ["check", "preview"])]
    pub rollback_content: bool,

    /// Open a window on the content folder DIR for whoever edits it: it reloads each
    /// time a file is saved and lists the problems found beside the screen. Writes
    /// nothing: no counters, no lock.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["check", "kiosk"])]
    pub preview: Option<PathBuf>,
}

/// The command line's definition, for the manual page.
pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
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
