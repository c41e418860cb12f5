//! The microneedling education kiosk.
//!
//! Window-free logic (content loading and checking, the questionnaire, the kiosk's state
//! between visitors, the staff gesture, idle timer, PIN, counters, speech, settings) lives
//! outside [`ui`] and [`app`]; everything that draws lives in [`ui`], one module per screen
//! behind one contract ([`ui::screen::Screen`]) listed in [`ui::registry`]; [`app`] holds
//! the visitor and ties it all to eframe. `docs/architecture.md` has the map;
//! `scripts/module-cycles.py` proves the modules import one another without cycles.

pub mod app;
pub mod check;
pub mod cli;
pub mod clock;
pub mod config;
pub mod content;
pub mod counters;
pub mod files;
pub mod idle;
pub mod input;
pub mod installed;
pub mod keys;
pub mod kiosk;
pub mod logging;
pub mod pin;
pub mod platform;
pub mod problems;
pub mod qr;
pub mod questionnaire;
pub mod review;
pub mod setup;
pub mod speech;
pub mod staff;
pub mod ui;
pub mod voice;
pub mod watch;
#[cfg(unix)]
pub mod watchdog;
#[cfg(target_arch = "wasm32")]
pub mod web_app;
