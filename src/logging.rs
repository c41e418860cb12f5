//! The kiosk's log: its own records and those of eframe, winit, glutin and the rest (the
//! `log` facade) go to stderr, one line each, with their level, so the journal keeps them.
//!
//! When stderr is the journal (systemd says so in `JOURNAL_STREAM`), each line starts with
//! its syslog priority, e.g. `<4>` for a warning, which the journal stores as the entry's
//! priority (`journalctl -p warning` shows warnings and errors only). On a terminal the
//! level is written out instead.
//!
//! What is logged is chosen by `RUST_LOG` in the usual form, `level` and `target=level`
//! items separated by commas, e.g. `RUST_LOG=info,winit=debug`; without it,
//! [`DEFAULT_FILTER`].

use std::io::Write;

use log::{Level, LevelFilter, Log, Metadata, Record};

/// The kiosk's own records from `info` up, everybody else's from `warn` up.
pub const DEFAULT_FILTER: &str = "warn,kiosk=info,microneedling_kiosk=info";

/// Which level each log target is shown from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    default: LevelFilter,
    /// `(target prefix, level)`, longest prefix first.
    targets: Vec<(String, LevelFilter)>,
}

impl Filter {
    /// Reads `warn,kiosk=debug,winit=off`-style text; says what it could not read.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut filter = Self {
            default: LevelFilter::Warn,
            targets: Vec::new(),
        };
        for item in spec.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let level = |text: &str| {
                text.trim().parse::<LevelFilter>().map_err(|_| {
                    format!("`{text}` is not a log level (off, error, warn, info, debug, trace)")
                })
            };
            match item.split_once('=') {
                Some((target, text)) if !target.trim().is_empty() => {
                    filter
                        .targets
                        .push((target.trim().to_owned(), level(text)?));
                }
                Some(_) => return Err(format!("`{item}` names no target")),
                None => filter.default = level(item)?,
            }
        }
        filter
            .targets
            .sort_by_key(|(target, _)| std::cmp::Reverse(target.len()));
        Ok(filter)
    }

    /// The level `target` (a module path such as `winit::platform_impl`) is shown from:
    /// that of the longest configured prefix ending at a module boundary.
    pub fn level_for(&self, target: &str) -> LevelFilter {
        self.targets
            .iter()
            .find(|(prefix, _)| {
                target
                    .strip_prefix(prefix.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with("::"))
            })
            .map_or(self.default, |(_, level)| *level)
    }

    /// The most verbose level any target is shown from.
    pub fn max(&self) -> LevelFilter {
        self.targets
            .iter()
            .map(|(_, level)| *level)
            .fold(self.default, Ord::max)
    }
}

/// One log line, without its newline: `<4>winit: message` for the journal,
/// `WARN winit: message` for a terminal.
pub fn format_line(level: Level, target: &str, message: &str, journal: bool) -> String {
    if journal {
        let priority = match level {
            Level::Error => 3,
            Level::Warn => 4,
            Level::Info => 6,
            Level::Debug | Level::Trace => 7,
        };
        format!("<{priority}>{target}: {message}")
    } else {
        format!("{level:<5} {target}: {message}")
    }
}

struct StderrLogger {
    filter: Filter,
    journal: bool,
}

impl Log for StderrLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= self.filter.level_for(metadata.target())
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let message = record.args().to_string();
        let mut text = String::new();
        // A message of several lines stays several journal entries of the same level.
        for line in message.lines() {
            text.push_str(&format_line(
                record.level(),
                record.target(),
                line,
                self.journal,
            ));
            text.push('\n');
        }
        // One write per record, so lines of different threads do not interleave.
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }

    fn flush(&self) {
        let _ = std::io::stderr().flush();
    }
}

/// Installs the stderr logger with `RUST_LOG` or [`DEFAULT_FILTER`]. Called once, first
/// thing in `main`; a second call changes nothing.
pub fn init() {
    let (filter, problem) = match std::env::var("RUST_LOG") {
        Ok(spec) if !spec.trim().is_empty() => match Filter::parse(&spec) {
            Ok(filter) => (filter, None),
            Err(e) => (default_filter(), Some(format!("RUST_LOG ignored: {e}"))),
        },
        _ => (default_filter(), None),
    };
    let max = filter.max();
    let logger = StderrLogger {
        filter,
        journal: stderr_is_journal(),
    };
    if log::set_boxed_logger(Box::new(logger)).is_ok() {
        log::set_max_level(max);
    }
    if let Some(problem) = problem {
        log::warn!("{problem}");
    }
}

fn default_filter() -> Filter {
    Filter::parse(DEFAULT_FILTER).expect("the default filter parses")
}

/// Whether stderr is the stream systemd connected to the journal: `JOURNAL_STREAM` holds
/// its `device:inode`, as systemd.exec(5) describes.
#[cfg(not(unix))]
fn stderr_is_journal() -> bool {
    false
}

/// Whether stderr is the stream systemd connected to the journal: `JOURNAL_STREAM` holds
/// its `device:inode`, as systemd.exec(5) describes.
#[cfg(unix)]
fn stderr_is_journal() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;

    let Ok(expected) = std::env::var("JOURNAL_STREAM") else {
        return false;
    };
    let Ok(fd) = std::io::stderr().as_fd().try_clone_to_owned() else {
        return false;
    };
    let Ok(metadata) = std::fs::File::from(fd).metadata() else {
        return false;
    };
    expected == format!("{}:{}", metadata.dev(), metadata.ino())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_shows_the_kiosk_from_info_and_the_rest_from_warn() {
        let filter = default_filter();
        assert_eq!(filter.level_for("kiosk::app"), LevelFilter::Info);
        assert_eq!(filter.level_for("kiosk"), LevelFilter::Info);
        assert_eq!(filter.level_for("microneedling_kiosk"), LevelFilter::Info);
        assert_eq!(filter.level_for("winit::platform_impl"), LevelFilter::Warn);
        assert_eq!(filter.level_for("glutin"), LevelFilter::Warn);
        assert_eq!(filter.level_for("eframe::native::run"), LevelFilter::Warn);
        // A prefix counts only up to a module boundary.
        assert_eq!(filter.level_for("kiosky"), LevelFilter::Warn);
        assert_eq!(filter.max(), LevelFilter::Info);
    }

    #[test]
    fn the_longest_matching_target_wins() {
        let filter = Filter::parse("error, winit=debug ,winit::platform_impl=off").unwrap();
        assert_eq!(filter.level_for("egui"), LevelFilter::Error);
        assert_eq!(filter.level_for("winit::event_loop"), LevelFilter::Debug);
        assert_eq!(
            filter.level_for("winit::platform_impl::x11"),
            LevelFilter::Off
        );
        assert_eq!(filter.max(), LevelFilter::Debug);
        assert_eq!(
            Filter::parse("info").unwrap().level_for("x"),
            LevelFilter::Info
        );
    }

    #[test]
    fn a_wrong_filter_is_refused() {
        assert!(Filter::parse("loud").is_err());
        assert!(Filter::parse("winit=loud").is_err());
        assert!(Filter::parse("=info").is_err());
    }

    #[test]
    fn journal_lines_carry_the_syslog_priority() {
        assert_eq!(
            format_line(Level::Warn, "winit", "no cursor theme", true),
            "<4>winit: no cursor theme"
        );
        assert_eq!(format_line(Level::Error, "kiosk", "x", true), "<3>kiosk: x");
        assert_eq!(format_line(Level::Info, "kiosk", "x", true), "<6>kiosk: x");
        assert_eq!(
            format_line(Level::Info, "kiosk", "first frame", false),
            "INFO  kiosk: first frame"
        );
    }
}
