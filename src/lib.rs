//! The microneedling education kiosk.
//!
//! Window-free logic (content loading and checking, the visitor's session) lives in
//! [`content`] and [`session`]; everything that draws lives in [`ui`], one module per
//! screen, and [`app`] ties them to eframe.

pub mod app;
pub mod check;
pub mod config;
pub mod content;
pub mod counters;
pub mod files;
pub mod idle;
pub mod input;
pub mod logging;
pub mod pin;
pub mod qr;
pub mod questionnaire;
pub mod session;
pub mod staff;
pub mod ui;
