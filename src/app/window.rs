//! What belongs to the window rather than to anybody using it: the screens there are, the
//! textures, the look last applied, the input filter, and how the window is cleared.

use std::time::{Duration, Instant};

use super::Options;
use super::follow::Seen;
use crate::content::{Loaded, Problem};
use crate::input::InputFilter;
use crate::kiosk::Kiosk;
use crate::speech::{self, Speaker};
use crate::ui::screen::Registry;
use crate::ui::textures::Textures;
use crate::ui::theme::Look;
use crate::watch::Watch;

pub(super) struct Window {
    pub registry: Registry,
    pub textures: Textures,
    /// The look last applied (text size, contrast), to change it only on a change.
    applied_look: Option<Look>,
    pub sized_to_monitor: bool,
    pub input: InputFilter,
    pub started: Option<Instant>,
    /// Set by staff's Exit: the one way out of kiosk mode.
    pub may_close: bool,
    pub clears_background: bool,
    pub plain_fills_by_clear: bool,
    /// To wake the window from the threads that watch the voice.
    ctx: egui::Context,
    /// The watch on the content, when the app follows it ([`super::Follow`]).
    pub content: Option<Watch<Seen>>,
    /// The fingerprint of the files last loaded in a preview.
    pub seen_stamp: u64,
    /// In a preview: the problems of the content shown, for the panel beside it.
    pub preview: Option<Vec<Problem>>,
    /// systemd's watchdog, pinged from the frame loop when the unit asks for one.
    #[cfg(unix)]
    pub watchdog: Option<crate::watchdog::Watchdog>,
}

impl Window {
    pub fn new(
        ctx: &egui::Context,
        loaded: &Loaded,
        registry: Registry,
        options: &Options,
    ) -> Self {
        Self {
            registry,
            textures: Textures::make(ctx, loaded),
            applied_look: None,
            sized_to_monitor: false,
            input: InputFilter::default(),
            started: options.started,
            may_close: false,
            clears_background: options.window_clears_background,
            plain_fills_by_clear: options.plain_fills_by_clear,
            ctx: ctx.clone(),
            content: None,
            seen_stamp: 0,
            preview: None,
            #[cfg(unix)]
            watchdog: None,
        }
    }

    /// Applies the visitor's look (zoom, visuals) when it changes.
    pub fn apply_look(&mut self, ctx: &egui::Context, look: Look) {
        if self.applied_look != Some(look) {
            look.apply(ctx);
            self.applied_look = Some(look);
        }
    }

    /// Wakes the window once `done` holds for the kiosk's voice. A thread looks four
    /// times a second, so the window itself draws nothing while it waits: on software
    /// rendering one frame of a full screen costs tens of milliseconds.
    pub fn wake_when(&self, kiosk: &Kiosk, done: fn(&mut dyn Speaker) -> bool) {
        let ctx = self.ctx.clone();
        speech::watch(
            std::sync::Arc::clone(&kiosk.speaker),
            Duration::from_millis(250),
            done,
            move || ctx.request_repaint(),
        );
    }
}
