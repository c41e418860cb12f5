//! The eframe application: the frame loop. Its state is split by what must be forgotten
//! together: the [`Visitor`] (everything about the person in front of the screen,
//! replaced whole by the one reset, [`KioskApp::wipe`]), the [`Kiosk`] (kept from one
//! visitor to the next, window-free), and the window's own state (textures, the look
//! applied, the input filter, the screens there are).

mod commands;
mod follow;
mod navigation;
mod visitor;
mod window;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Event, ViewportCommand};

pub use self::follow::{Follow, INSTALLS_EVERY, PREVIEW_EVERY};
pub use self::visitor::Visitor;
use self::window::Window;
use crate::clock::Clock;
use crate::config::Config;
use crate::content::{Content, Loaded, Problem};
use crate::counters::Event as Count;
use crate::idle::Idle;
use crate::kiosk::Kiosk;
use crate::speech::{self, Speaker};
use crate::ui::idle_warning::IdleWarning;
use crate::ui::screen::{Command, Cx, IdleRule, Listen, Registry, Screen, ScreenKind};
use crate::ui::theme;

/// How the app was started.
#[derive(Clone, Default)]
pub struct Options {
    pub config: Config,
    /// Problems with the settings file, shown to staff.
    pub config_problems: Vec<Problem>,
    /// When the process started; reported on stderr with the first frame.
    pub started: Option<Instant>,
    /// The settings file, where staff's choice of default language is kept.
    pub config_path: Option<PathBuf>,
    /// The window clears itself to the look's background before each frame (eframe's
    /// clear colour, cheap). Where the renderer does not (egui_kittest's), the app paints
    /// that background itself; the screens draw the same either way.
    pub window_clears_background: bool,
    /// Where the window draws with OpenGL, the insides of cards are filled by its clear
    /// ([`crate::ui::plain_fill`]); off, egui shades them as every other shape.
    pub plain_fills_by_clear: bool,
    /// Screens beyond the kiosk's own (a test's, or a build's): each is one entry.
    pub more_screens: Vec<&'static ScreenKind>,
    /// The calendar (a test's, to stand at any date).
    pub clock: Clock,
    /// Whether the app picks up new content by itself, and how.
    pub follow: Follow,
}

pub struct KioskApp {
    /// The person in front of the screen: replaced whole by the one reset.
    pub visitor: Visitor,
    /// What the kiosk keeps from one visitor to the next.
    pub kiosk: Kiosk,
    window: Window,
}

impl KioskApp {
    /// The app without speech; [`KioskApp::with_speaker`] gives it a voice.
    pub fn new(ctx: &egui::Context, loaded: Loaded, options: Options) -> Self {
        theme::install(ctx);
        let registry = Registry::default().with(&options.more_screens);
        let mut window = Window::new(ctx, &loaded, registry, &options);
        let kiosk = Kiosk::new(
            loaded,
            options.config,
            options.config_problems,
            options.config_path,
            options.clock,
        );
        window.follow(ctx, &kiosk, options.follow);
        let now = ctx.input(|i| i.time);
        let visitor = Visitor::new(
            kiosk.default_language(),
            kiosk.config.voice_limits().start,
            now,
        );
        let mut app = Self {
            visitor,
            kiosk,
            window,
        };
        // The first frame is drawn in the visitor's look, not corrected a frame later.
        app.window.apply_look(ctx, app.visitor.look);
        app
    }

    /// Speaks through `speaker` (the platform's speech service, or a recording in tests).
    pub fn with_speaker(mut self, speaker: Box<dyn Speaker>) -> Self {
        let checking = speaker.is_checking();
        self.kiosk.speaker = std::sync::Arc::new(std::sync::Mutex::new(speaker));
        // Listen appears once the voices are known, two or three seconds after start; a
        // speaker that already knows them needs no watching (and no extra frame).
        if checking {
            self.window
                .wake_when(&self.kiosk, |speaker| !speaker.is_checking());
        }
        self
    }

    /// Tells systemd from every frame that the kiosk is alive (`WatchdogSec=` in the unit).
    #[cfg(unix)]
    pub fn with_watchdog(mut self, watchdog: Option<crate::watchdog::Watchdog>) -> Self {
        self.window.watchdog = watchdog;
        self
    }

    /// What the visitor reads, in the language they chose.
    pub fn content(&self) -> &Content {
        self.kiosk.loaded.language(self.visitor.language)
    }

    /// The screens of this kiosk.
    pub fn registry(&self) -> &Registry {
        &self.window.registry
    }

    /// The one reset, used by the idle wipe, staff's "Start over" and "Reload", and a
    /// failed screen: the visitor is replaced whole (their screen, language, look, voice,
    /// idle timer), and egui's own memory (scroll positions, focus) is cleared with it.
    pub fn wipe(&mut self, ctx: &egui::Context) {
        self.stop_speaking();
        let voice = self.kiosk.config.voice_limits().start;
        self.visitor = Visitor::new(self.kiosk.default_language(), voice, ctx.input(|i| i.time));
        // Only its options (the style, keyboard zoom off) outlive a visitor.
        ctx.memory_mut(|memory| {
            let options = std::mem::take(&mut memory.options);
            *memory = Default::default();
            memory.options = options;
        });
    }

    /// What the visitor's current screen would say if Listen were tapped.
    pub fn speech(&self) -> Vec<String> {
        let cx = self.cx(0.0);
        self.visitor.screen.speech(&cx)
    }

    /// A frame's view of the kiosk, for a screen that only reads.
    fn cx(&self, now: f64) -> Cx<'_> {
        frame_cx(&self.kiosk, &self.window, &self.visitor, now, false)
    }

    /// Nothing to forget: Home, as a new visitor finds it.
    fn is_pristine(&self) -> bool {
        self.visitor.is_pristine(self.kiosk.default_language())
    }

    /// Nothing to forget and no visit under way: the idle timer rests, and new content
    /// may go live.
    fn is_resting(&self) -> bool {
        self.is_pristine() && !self.visitor.counted.visit
    }

    fn idle_timeout(&self) -> f64 {
        let config = &self.kiosk.config;
        let secs = match self.visitor.screen.kind().idle {
            IdleRule::Standard => config.idle_timeout_secs,
            IdleRule::Reading => config.reading_idle_timeout_secs,
            IdleRule::Answers => config.questionnaire_idle_timeout_secs,
        };
        secs as f64
    }

    /// Says `text` in the visitor's language and voice, instead of anything being said.
    fn say(&mut self, text: &str) {
        let code = self
            .kiosk
            .loaded
            .language_code(self.visitor.language)
            .to_owned();
        let (rate, volume) = self.visitor.voice.to_settings();
        let mut speaker = self.kiosk.speaker();
        speaker.set_voice(rate, volume);
        speaker.speak(&code, text);
        drop(speaker);
        self.visitor.last_said = text.to_owned();
        self.visitor.reading = false;
        self.visitor.speaking = true;
        self.window
            .wake_when(&self.kiosk, |speaker| !speaker.is_speaking());
    }

    fn stop_speaking(&mut self) {
        if self.visitor.speaking {
            self.kiosk.speaker().stop();
            self.visitor.speaking = false;
            self.visitor.reading = false;
        }
    }

    /// Draws the visitor's screen. A panic inside it (a bug, or content nobody foresaw)
    /// must not leave a dead kiosk in front of a visitor: it is caught here, counted for
    /// staff, logged, and the kiosk starts over on Home.
    fn draw_screen_safely(&mut self, ui: &mut egui::Ui, now: f64, back_key: bool) {
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let Self {
                visitor,
                kiosk,
                window,
            } = self;
            let fresh = std::mem::take(&mut visitor.fresh_view);
            let mut cx = frame_cx(kiosk, window, visitor, now, fresh);
            if back_key {
                cx.press_back_key();
            }
            visitor.screen.show(ui, &mut cx);
            cx.finish()
        }));
        match drawn {
            Ok(finished) => {
                self.visitor.fresh_view |= finished.fresh;
                if finished.moved {
                    self.visitor.views += 1;
                    self.stop_speaking();
                }
                for command in finished.commands {
                    self.apply(ui.ctx(), command, now);
                }
                // No way back on this screen: Back goes Home.
                if finished.back_key_unused {
                    self.apply(ui.ctx(), Command::Home, now);
                }
            }
            Err(_) => {
                log::error!("a screen failed; starting over on Home");
                self.wipe(ui.ctx());
                self.kiosk.count(Count::ScreenFailure);
                ui.ctx().request_repaint();
            }
        }
    }

    /// "Still there?", drawn instead of the visitor's screen (which keeps its state), and
    /// said once, when it appears, to a visitor who listens.
    fn draw_warning(&mut self, ui: &mut egui::Ui, now: f64, remaining: f64) {
        let mut warning = IdleWarning {
            seconds_left: remaining.ceil() as u64,
        };
        let mut cx = frame_cx(&self.kiosk, &self.window, &self.visitor, now, false);
        warning.show(ui, &mut cx);
        let spoken = (!self.visitor.warned && self.visitor.listened).then(|| warning.speech(&cx));
        drop(cx);
        if let Some(parts) = spoken {
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            self.say(&speech::join_for_speech(&parts));
        }
        self.visitor.warned = true;
        // Wake for the next whole second of the countdown, and no more often.
        let next_tick = remaining - (remaining.ceil() - 1.0);
        ui.ctx()
            .request_repaint_after(Duration::from_secs_f64(next_tick.max(0.05)));
    }

    /// One frame of the kiosk: idle timer, look, the current screen (or the idle
    /// warning), counters. The eframe `App::ui` calls this; benchmarks call it with a bare
    /// egui context.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.kiosk.config.kiosk {
            ctx.set_cursor_icon(egui::CursorIcon::None);
        }
        let now = ctx.input(|i| i.time);
        let (timeout, warning) = (self.idle_timeout(), self.kiosk.config.warning_secs as f64);
        // Judged before this frame's touches, so the tap that answers "Still there?" lands
        // on the warning and not on the screen beneath it.
        // Whoever previews edits in another window: the preview never times out.
        if self.window.preview.is_some() {
            self.visitor.idle.touch(now);
        }
        let idle = self.visitor.idle.state(now, timeout, warning);
        let pristine = self.is_pristine();
        if self.is_resting() || ctx.input(|i| i.events.iter().any(is_touch)) {
            self.visitor.idle.touch(now);
        }
        let idle = match idle {
            // Back on Home with nothing to forget: the visit just ends, unasked.
            Idle::Warning { .. } | Idle::Expired if pristine => {
                self.wipe(&ctx);
                Idle::Expired
            }
            Idle::Expired => {
                self.wipe(&ctx);
                self.kiosk.count(Count::IdleReset);
                idle
            }
            idle => idle,
        };
        // Between visitors (or at once, in a preview), new content goes live.
        self.pick_up_new_content(&ctx);
        // A visit starts with its first press; moving a mouse is not one.
        if ctx.input(|i| i.events.iter().any(is_press)) {
            self.count_once(|c| &mut c.visit, Count::Visit);
        }

        let views_before = self.visitor.views;
        let keys = self.keys(&ctx);
        self.window.apply_look(&ctx, self.visitor.look);
        if !self.window.clears_background {
            let background = self.visitor.look.palette().background;
            ui.painter()
                .rect_filled(ctx.content_rect(), 0.0, background);
        }
        self.preview_panel(ui);
        match idle {
            Idle::Warning { remaining } => self.draw_warning(ui, now, remaining),
            _ => {
                self.visitor.warned = false;
                self.draw_screen_safely(ui, now, keys.back);
            }
        }
        self.narrate(&ctx, views_before, keys.said);
        self.paint_focus_ring(&ctx);
        if let Idle::Active { warning_in } = idle
            && !self.is_resting()
        {
            ctx.request_repaint_after(Duration::from_secs_f64(warning_in));
        }
        // Stop turns back into Listen when the voice is done (a thread wakes the window).
        if self.visitor.speaking && !self.kiosk.speaker().is_speaking() {
            self.visitor.speaking = false;
            ctx.request_repaint();
        }
        // In the browser, which has no threads, the frame loop itself looks again.
        #[cfg(target_arch = "wasm32")]
        if self.visitor.speaking || self.kiosk.speaker().is_checking() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }
        if let Some(due_in) = self.kiosk.counters.save_if_due(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(due_in));
        }
        if let Some(started) = self.window.started.take() {
            log::info!(
                "first frame built {} ms after start",
                started.elapsed().as_millis()
            );
        }
        // Alive: READY=1 after the first frame, then WATCHDOG=1, and a wake-up when the
        // next ping is due (half the watchdog's timeout; without a watchdog, none).
        #[cfg(unix)]
        if let Some(watchdog) = &mut self.window.watchdog {
            let next = watchdog.frame_done(Instant::now());
            ctx.request_repaint_after(next);
        }
    }
}

/// The frame's [`Cx`] for the visitor's screen; `fresh`: the first frame of a new view.
fn frame_cx<'a>(
    kiosk: &'a Kiosk,
    window: &'a Window,
    visitor: &Visitor,
    now: f64,
    fresh: bool,
) -> Cx<'a> {
    let code = kiosk.loaded.language_code(visitor.language);
    let listen = Listen {
        available: kiosk.speaker().has_voice(code),
        // Listen turns into Stop for its own reading, not for the navigation's voice.
        speaking: visitor.speaking && visitor.reading,
        voice: (visitor.listened || visitor.nav)
            .then(|| (visitor.voice, kiosk.config.voice_limits())),
    };
    Cx::new(
        kiosk,
        &window.registry,
        visitor.language,
        visitor.look,
        &window.textures,
        listen,
        now,
        fresh,
    )
}

/// Events that start something: a press of a finger, a mouse button or a key.
fn is_press(event: &Event) -> bool {
    match event {
        Event::PointerButton { pressed, .. } | Event::Key { pressed, .. } => *pressed,
        Event::Touch { phase, .. } => *phase == egui::TouchPhase::Start,
        _ => false,
    }
}

/// Events that show a person is there.
fn is_touch(event: &Event) -> bool {
    matches!(
        event,
        Event::PointerButton { .. }
            | Event::PointerMoved(_)
            | Event::Touch { .. }
            | Event::MouseWheel { .. }
            | Event::Key { .. }
    )
}

impl eframe::App for KioskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let kiosk = &self.kiosk;
        if ctx.input(|i| i.viewport().close_requested())
            && kiosk.config.kiosk
            && !self.window.may_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        // Fullscreen is ignored on X11 without a window manager: cover the monitor anyway.
        if self.kiosk.config.kiosk
            && !self.window.sized_to_monitor
            && let Some(size) = ctx.input(|i| i.viewport().monitor_size)
        {
            let [x, y] = self.kiosk.config.window_position.unwrap_or_default();
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::pos2(x, y)));
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            self.window.sized_to_monitor = true;
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if self.window.plain_fills_by_clear && frame.gl().is_some() {
            crate::ui::plain_fill::clears_with_opengl(ui.ctx());
        }
        self.show(ui);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        // It runs before the frame, after the last frame's tap: the visitor's look.
        let background = self.visitor.look.palette().background;
        background.to_normalized_gamma_f32()
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.stop_speaking();
        self.kiosk.counters.save();
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.window.input.apply(raw_input) {
            ctx.request_repaint();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::App as _;
    use egui::{Key, Modifiers, PointerButton, RawInput, pos2};

    #[test]
    fn the_input_hook_filters_every_frame() {
        let ctx = egui::Context::default();
        let loaded = crate::content::load(&crate::content::Source::BuiltIn);
        let dir = tempfile::tempdir().unwrap();
        let options = Options {
            config: Config {
                state_dir: dir.path().to_path_buf(),
                ..Config::default()
            },
            ..Options::default()
        };
        let mut app = KioskApp::new(&ctx, loaded, options);
        let quit = Event::Key {
            key: Key::Q,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::CTRL,
        };
        let moved = Event::PointerMoved(pos2(5.0, 5.0));
        let press = Event::PointerButton {
            pos: pos2(5.0, 5.0),
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        };
        let mut input = RawInput {
            events: vec![quit, moved.clone(), press.clone()],
            ..RawInput::default()
        };
        app.raw_input_hook(&ctx, &mut input);
        assert_eq!(input.events, [moved]);
        let mut next = RawInput::default();
        app.raw_input_hook(&ctx, &mut next);
        assert_eq!(next.events, [press]);
    }
}
