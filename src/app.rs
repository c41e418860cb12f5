//! The eframe application. Its state is split by what must be forgotten together:
//! the [`Visitor`] (everything an idle reset forgets), the staff desk (PIN entry and the
//! staff screen's own state, closed by the same reset), the kiosk's own state (settings,
//! content, counters, PIN lock, idle timer, speech), and the window's (textures, sizing).

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use egui::{Event, ViewportCommand};

use crate::config::Config;
use crate::content::{self, Loaded, Problem};
use crate::counters::CounterStore;
use crate::files;
use crate::idle::{Idle, IdleTimer};
use crate::input::InputFilter;
use crate::pin::PinLock;
use crate::speech::{self, Speaker};
use crate::staff::{Staff, View};
use crate::ui;
use crate::ui::screen::{self, Command, Cx, Listen};
use crate::ui::staff::Action;
use crate::visitor::Visitor;

/// How the app was started.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub config: Config,
    /// Problems with the settings file, shown to staff.
    pub config_problems: Vec<Problem>,
    /// When the process started; reported on stderr with the first frame.
    pub started: Option<Instant>,
    /// The settings file, where staff's choice of default language is kept.
    pub config_path: Option<std::path::PathBuf>,
}

pub struct KioskApp {
    /// The person in front of the screen: replaced whole by the idle reset.
    pub visitor: Visitor,
    /// The staff desk: closed whole by the idle reset.
    pub desk: Staff,
    pub kiosk: Kiosk,
    window: Window,
}

/// What the kiosk keeps from one visitor to the next.
pub struct Kiosk {
    pub loaded: Loaded,
    pub counters: CounterStore,
    pub config: Config,
    config_path: Option<std::path::PathBuf>,
    config_problems: Vec<Problem>,
    pin: PinLock,
    idle: IdleTimer,
    /// Set by staff's Exit: the one way out of kiosk mode.
    may_close: bool,
    /// Shared with the short-lived threads that wake the window when speech ends.
    speaker: SharedSpeaker,
    /// Listen was started and has not been seen to finish.
    speaking: bool,
    /// To wake the window from those threads.
    ctx: egui::Context,
}

type SharedSpeaker = Arc<Mutex<Box<dyn Speaker>>>;

/// What belongs to the window rather than to anybody using it.
#[derive(Default)]
struct Window {
    logo: Option<egui::TextureHandle>,
    qr: Option<egui::TextureHandle>,
    /// The look last applied (text size, high contrast), to change it only on a change.
    applied_look: Option<(crate::visitor::TextSize, bool)>,
    sized_to_monitor: bool,
    input: InputFilter,
    started: Option<Instant>,
    /// The idle warning was showing last frame.
    warned: bool,
    /// Set by [`KioskApp::fail_next_frame`], to prove a failing screen is survived.
    fail_next_frame: bool,
    /// systemd's watchdog, pinged from the frame loop when the unit asks for one.
    #[cfg(unix)]
    watchdog: Option<crate::watchdog::Watchdog>,
}

impl KioskApp {
    /// The app without speech; [`KioskApp::with_speaker`] gives it a voice.
    pub fn new(ctx: &egui::Context, loaded: Loaded, options: Options) -> Self {
        ui::theme::install(ctx);
        let config = options.config;
        let mut config_problems = options.config_problems;
        if loaded.language_index(&config.default_language).is_none() {
            config_problems.push(Problem {
                path: "settings".to_owned(),
                line: 1,
                message: format!(
                    "`default_language = \"{}\"` names no language folder of the content; using English",
                    config.default_language
                ),
            });
        }
        let today = files::date_of(files::unix_now());
        let mut counters = CounterStore::load(config.counters_file(), &today);
        counters.record(|c| c.app_starts += 1);
        let pin = PinLock::load(
            config.pin_hash.clone(),
            config.lockout_file(),
            files::unix_now(),
        );
        let kiosk = Kiosk {
            loaded,
            counters,
            config,
            config_path: options.config_path,
            config_problems,
            pin,
            idle: IdleTimer::default(),
            may_close: false,
            speaker: Arc::new(Mutex::new(Box::new(speech::Recording::default()))),
            speaking: false,
            ctx: ctx.clone(),
        };
        let mut app = Self {
            visitor: Visitor::new(kiosk.default_language()),
            desk: Staff::default(),
            kiosk,
            window: Window {
                started: options.started,
                ..Window::default()
            },
        };
        // The first frame is drawn in the visitor's look, not corrected a frame later.
        app.apply_look(ctx);
        app.make_textures(ctx);
        app
    }

    /// Speaks through `speaker` (the platform's speech service, or a recording in tests).
    pub fn with_speaker(mut self, speaker: Box<dyn Speaker>) -> Self {
        let checking = speaker.is_checking();
        self.kiosk.speaker = Arc::new(Mutex::new(speaker));
        // Listen appears once the voices are known, two or three seconds after start; a
        // speaker that already knows them needs no watching (and no extra frame).
        if checking {
            self.kiosk.wake_when(|speaker| !speaker.is_checking());
        }
        self
    }

    /// Tells systemd from every frame that the kiosk is alive (`WatchdogSec=` in the unit).
    #[cfg(unix)]
    pub fn with_watchdog(mut self, watchdog: Option<crate::watchdog::Watchdog>) -> Self {
        self.window.watchdog = watchdog;
        self
    }

    /// Where staff's choice of default language is saved (tests point it at a temporary file).
    pub fn set_config_path(&mut self, path: std::path::PathBuf) {
        self.kiosk.config_path = Some(path);
    }

    /// Forgets everything about the visitor and closes the staff desk: the one wipe used
    /// by the idle reset, staff's "Start over", and a failed screen. Written against every
    /// field, so a part added later must be placed on one side or the other.
    pub fn wipe(&mut self) {
        let Self {
            visitor,
            desk,
            kiosk,
            window: _,
        } = self;
        *visitor = Visitor::new(kiosk.default_language());
        *desk = Staff::default();
        kiosk.stop_speaking();
    }

    /// Decoded once per content load, never per frame.
    fn make_textures(&mut self, ctx: &egui::Context) {
        let logo = &self.kiosk.loaded.logo;
        self.window.logo = (!logo.rgba.is_empty()).then(|| {
            let image = egui::ColorImage::from_rgba_unmultiplied(logo.size, &logo.rgba);
            ctx.load_texture("logo", image, egui::TextureOptions::LINEAR)
        });
        self.window.qr =
            ui::consultation::qr_texture(ctx, &self.kiosk.loaded.content.clinic.booking_url);
    }

    /// Nothing to forget: Home, untouched. The idle timer rests then.
    fn is_pristine(&self) -> bool {
        self.desk.view == View::Closed && self.visitor.is_pristine(self.kiosk.default_language())
    }

    fn idle_timeout(&self) -> f64 {
        let reading = self.visitor.screen.kind().reading;
        let secs = if reading && self.desk.view == View::Closed {
            self.kiosk.config.reading_idle_timeout_secs
        } else {
            self.kiosk.config.idle_timeout_secs
        };
        secs as f64
    }

    /// What the visitor reads, in the language they chose.
    pub fn content(&self) -> &content::Content {
        self.kiosk.loaded.language(self.visitor.language)
    }

    /// Applies the visitor's text size and contrast when they change.
    fn apply_look(&mut self, ctx: &egui::Context) {
        let look = (self.visitor.text_size, self.visitor.high_contrast);
        if self.window.applied_look != Some(look) {
            ctx.set_zoom_factor(look.0.zoom());
            let palette = if look.1 {
                ui::theme::HIGH_CONTRAST
            } else {
                ui::theme::STANDARD
            };
            ui::theme::apply(ctx, palette);
            self.window.applied_look = Some(look);
        }
    }

    /// Makes the next frame's screen panic, as a bug would: for the test that proves the
    /// kiosk survives one.
    #[doc(hidden)]
    pub fn fail_next_frame(&mut self) {
        self.window.fail_next_frame = true;
    }

    /// Draws the current screen. A panic inside it (a bug, or content nobody foresaw) must
    /// not leave a dead kiosk in front of a visitor: it is caught here, counted for staff,
    /// logged, and the kiosk starts over on Home.
    fn draw_screen_safely(&mut self, ui: &mut egui::Ui) {
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if std::mem::take(&mut self.window.fail_next_frame) {
                panic!("a deliberately failing screen");
            }
            self.draw_screen(ui);
        }));
        if drawn.is_err() {
            log::error!("a screen failed; starting over on Home");
            self.wipe();
            self.kiosk.counters.record(|c| c.screen_failures += 1);
            ui.ctx().request_repaint();
        }
    }

    fn draw_screen(&mut self, ui: &mut egui::Ui) {
        match self.desk.view {
            View::PinPad => {
                let strings = &self.kiosk.loaded.language(self.visitor.language).strings;
                ui::staff::pin_pad(
                    ui,
                    strings,
                    &mut self.desk,
                    &mut self.kiosk.pin,
                    files::unix_now(),
                );
                return;
            }
            View::Open => {
                self.staff_screen(ui);
                return;
            }
            View::Closed => {}
        }
        let kiosk = &mut self.kiosk;
        let visitor = &mut self.visitor;
        let languages = kiosk.loaded.language_names();
        let code = kiosk.loaded.language_code(visitor.language).to_owned();
        let listen = Listen {
            available: kiosk.speaker().has_voice(&code),
            speaking: kiosk.speaking,
        };
        let content = kiosk.loaded.language(visitor.language);
        let mut cx = Cx::new(
            content,
            &languages,
            visitor.language,
            visitor.text_size,
            visitor.high_contrast,
            (self.window.logo.as_ref(), self.window.qr.as_ref()),
            listen,
            std::mem::take(&mut visitor.fresh_view),
        );
        visitor.screen.show(ui, &mut cx);
        let (commands, moved) = cx.finish();
        if moved {
            self.kiosk.stop_speaking();
        }
        let now = ui.input(|i| i.time);
        for command in commands {
            self.apply(command, now);
        }
    }

    /// Carries out what a screen asked for, after its frame.
    fn apply(&mut self, command: Command, now: f64) {
        let kiosk = &mut self.kiosk;
        match command {
            Command::Open(key) => {
                let Some(kind) = screen::kind(key) else {
                    return;
                };
                kiosk.stop_speaking();
                if kind.key != screen::REGISTRY[0].key {
                    kiosk
                        .counters
                        .record(|c| *c.screens.entry(kind.key.to_owned()).or_default() += 1);
                }
                self.visitor.open((kind.open)());
            }
            Command::SetLanguage(index) if index != self.visitor.language => {
                kiosk.stop_speaking();
                self.visitor.language = index.min(kiosk.loaded.language_count() - 1);
                let name = kiosk.loaded.language_names()[self.visitor.language].clone();
                kiosk
                    .counters
                    .record(|c| *c.languages.entry(name).or_default() += 1);
            }
            Command::SetLanguage(_) => {}
            Command::SetTextSize(size) => self.visitor.text_size = size,
            Command::ToggleContrast => self.visitor.high_contrast ^= true,
            Command::Listen => {
                let content = kiosk.loaded.language(self.visitor.language);
                let parts = self.visitor.screen.speech(content);
                let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                let code = kiosk.loaded.language_code(self.visitor.language).to_owned();
                kiosk.speak(&code, &speech::join_for_speech(&parts));
                self.visitor.listened = true;
            }
            Command::StopListening => kiosk.stop_speaking(),
            Command::Knock => {
                self.desk.knock(now);
                if self.desk.view != View::Closed {
                    kiosk.stop_speaking();
                }
            }
            Command::FaqOpened(question) => kiosk
                .counters
                .record(|c| *c.faq_entries.entry(question).or_default() += 1),
            Command::ResultShown(id) => kiosk
                .counters
                .record(|c| *c.results.entry(id).or_default() += 1),
        }
    }

    fn staff_screen(&mut self, ui: &mut egui::Ui) {
        let kiosk = &self.kiosk;
        let problems: Vec<String> = kiosk
            .loaded
            .problems
            .iter()
            .chain(&kiosk.config_problems)
            .map(ToString::to_string)
            .chain(kiosk.counters.notice.clone())
            .collect();
        let setup = kiosk.setup_notes();
        let report = ui::staff::Report {
            counters: &kiosk.counters.counters,
            problems: &problems,
            setup: &setup,
            speech: kiosk.speaker().status(),
            message: self.desk.message.as_deref(),
        };
        let default_language = kiosk.loaded.language_names()[kiosk.default_language()].clone();
        let strings = &kiosk.loaded.language(self.visitor.language).strings;
        let (close, action) = ui::staff::screen(ui, strings, &report, &default_language);
        if close {
            self.desk.close();
        }
        if let Some(action) = action {
            self.staff_action(ui.ctx(), action);
        }
    }

    fn staff_action(&mut self, ctx: &egui::Context, action: Action) {
        let kiosk = &mut self.kiosk;
        let strings = &kiosk.loaded.language(self.visitor.language).strings;
        let armed = std::mem::take(&mut self.desk.reset_armed);
        self.desk.message = match action {
            Action::Exit => {
                kiosk.may_close = true;
                kiosk.counters.save();
                ctx.send_viewport_cmd(ViewportCommand::Close);
                None
            }
            Action::Reload => {
                let message = strings.staff_reloaded.clone();
                kiosk.loaded = content::load(&kiosk.loaded.source);
                self.visitor = Visitor::new(kiosk.default_language());
                self.make_textures(ctx);
                Some(message)
            }
            Action::StartOver => {
                self.visitor = Visitor::new(kiosk.default_language());
                None
            }
            Action::Export => Some(match kiosk.counters.export(&kiosk.config.export_file) {
                Ok(()) => content::strings::fill(
                    &strings.staff_exported,
                    &[("path", &kiosk.config.export_file.display().to_string())],
                ),
                Err(e) => format!("{}: {e}", kiosk.config.export_file.display()),
            }),
            // Counting since a date is worth one extra tap to lose.
            Action::ResetCounters if !armed => {
                self.desk.reset_armed = true;
                Some(strings.staff_reset_confirm.clone())
            }
            Action::ResetCounters => {
                kiosk.counters.reset(&files::date_of(files::unix_now()));
                None
            }
            Action::NextDefaultLanguage => {
                let next = (kiosk.default_language() + 1) % kiosk.loaded.language_count();
                kiosk.save_default_language(next)
            }
        };
    }

    /// One frame of the kiosk: idle timer, look, the current screen, counters. The eframe
    /// `App::ui` calls this; benchmarks call it with a bare egui context.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.kiosk.config.kiosk {
            ctx.set_cursor_icon(egui::CursorIcon::None);
        }
        let now = ctx.input(|i| i.time);
        let config = &self.kiosk.config;
        let (timeout, warning) = (self.idle_timeout(), config.warning_secs as f64);
        // Judged before this frame's touches, so the tap that answers "Still there?" lands
        // on the warning and not on the screen beneath it.
        let idle = self.kiosk.idle.state(now, timeout, warning);
        if self.is_pristine() || ctx.input(|i| i.events.iter().any(is_touch)) {
            self.kiosk.idle.touch(now);
        }
        if idle == Idle::Expired {
            self.wipe();
            self.kiosk.counters.record(|c| c.idle_resets += 1);
            self.kiosk.idle.touch(now);
        }

        self.apply_look(&ctx);
        self.draw_screen_safely(ui);

        let warned = std::mem::replace(&mut self.window.warned, false);
        match idle {
            Idle::Warning { remaining } => {
                let strings = &self.content().strings;
                let seconds = remaining.ceil() as u64;
                ui::idle_warning::show(ui, strings, seconds);
                // Someone listening may not see the warning: say it once.
                if !warned && self.visitor.listened {
                    let text = [
                        strings.idle_title.as_str(),
                        &ui::idle_warning::message(strings, seconds),
                    ];
                    let text = speech::join_for_speech(&text);
                    let code = self
                        .kiosk
                        .loaded
                        .language_code(self.visitor.language)
                        .to_owned();
                    self.kiosk.speak(&code, &text);
                }
                self.window.warned = true;
                // Wake for the next whole second of the countdown, and no more often.
                let next_tick = remaining - (remaining.ceil() - 1.0);
                ctx.request_repaint_after(Duration::from_secs_f64(next_tick.max(0.05)));
            }
            Idle::Active { warning_in } if !self.is_pristine() => {
                ctx.request_repaint_after(Duration::from_secs_f64(warning_in));
            }
            _ => {}
        }
        // Stop turns back into Listen when the voice is done (a thread wakes the window).
        if self.kiosk.speaking && !self.kiosk.speaker().is_speaking() {
            self.kiosk.speaking = false;
            ctx.request_repaint();
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

impl Kiosk {
    /// The language every new visitor starts in: staff's choice, kept as a folder code so
    /// a reload that adds or removes a language cannot shift it.
    pub fn default_language(&self) -> usize {
        self.loaded
            .language_index(&self.config.default_language)
            .unwrap_or(0)
    }

    fn speaker(&self) -> std::sync::MutexGuard<'_, Box<dyn Speaker>> {
        self.speaker.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn speak(&mut self, language: &str, text: &str) {
        self.speaker().speak(language, text);
        self.speaking = true;
        self.wake_when(|speaker| !speaker.is_speaking());
    }

    fn stop_speaking(&mut self) {
        if self.speaking {
            self.speaker().stop();
            self.speaking = false;
        }
    }

    /// Wakes the window once `done` holds for the speaker. A thread looks four times a
    /// second, so the window itself draws nothing while it waits: on software rendering
    /// one frame of a full screen costs tens of milliseconds.
    fn wake_when(&self, done: fn(&mut dyn Speaker) -> bool) {
        let (speaker, ctx) = (Arc::clone(&self.speaker), self.ctx.clone());
        let watch = move || {
            loop {
                std::thread::sleep(Duration::from_millis(250));
                let mut speaker = speaker.lock().unwrap_or_else(PoisonError::into_inner);
                if done(speaker.as_mut()) {
                    break;
                }
            }
            ctx.request_repaint();
        };
        if let Err(e) = std::thread::Builder::new()
            .name("speech-wake".into())
            .spawn(watch)
        {
            log::warn!("cannot watch speech ({e}); Listen changes on the next touch");
        }
    }

    /// What is left to set up before the kiosk can face visitors, for the staff screen.
    pub fn setup_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.pin.has_pin() {
            notes.push(
                "No staff PIN is set: run microneedling-kiosk --set-pin on the kiosk.".to_owned(),
            );
        }
        let problems = self.loaded.problems.len() + self.config_problems.len();
        if problems > 0 {
            notes.push(format!(
                "{problems} problem(s) in the content or settings: see the list below."
            ));
        }
        let missing = self.loaded.content.clinic.missing();
        if !missing.is_empty() {
            notes.push(format!(
                "Contact details not filled in yet (clinic.toml: {}); visitors are sent to the front desk.",
                missing.join(", ")
            ));
        }
        notes
    }

    /// Keeps staff's choice of default language in the settings file.
    fn save_default_language(&mut self, index: usize) -> Option<String> {
        let code = self.loaded.language_code(index).to_owned();
        self.config.default_language = code.clone();
        let path = self.config_path.as_ref()?;
        crate::config::set_in_file(path, "default_language", &code).err()
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
        if ctx.input(|i| i.viewport().close_requested()) && kiosk.config.kiosk && !kiosk.may_close {
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

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        // The screens leave the background to this clear (widgets::body), so it follows the
        // visitor's contrast choice; it runs before the frame, after the last frame's tap.
        let palette = if self.visitor.high_contrast {
            ui::theme::HIGH_CONTRAST
        } else {
            ui::theme::STANDARD
        };
        palette.background.to_normalized_gamma_f32()
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.kiosk.stop_speaking();
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
        let loaded = content::load(&content::Source::BuiltIn);
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
