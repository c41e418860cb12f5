//! The microneedling education kiosk.
//!
//! Window-free logic (content loading and checking, the questionnaire, the visitor, the
//! staff desk, idle timer, PIN, counters, speech) lives outside [`ui`]; everything that
//! draws lives in [`ui`], one module per screen behind one contract
//! ([`ui::screen::Screen`]), and [`app`] ties them to eframe.

pub mod app;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod counters;
pub mod files;
pub mod idle;
pub mod input;
pub mod kiosk;
pub mod logging;
pub mod pin;
pub mod problems;
pub mod qr;
pub mod questionnaire;
pub mod speech;
pub mod staff;
pub mod ui;
#[cfg(unix)]
pub mod watchdog;
