//! The eframe application: holds the loaded content, the visitor's session and the
//! kiosk's own state (idle timer, staff PIN, counters), and hands each frame to the
//! current screen.

use std::time::{Duration, Instant};

use egui::{Event, ViewportCommand};

use crate::config::Config;
use crate::content::{self, Loaded, Problem};
use crate::counters::CounterStore;
use crate::files;
use crate::idle::{Idle, IdleTimer};
use crate::input::InputFilter;
use crate::pin::PinLock;
use crate::questionnaire::evaluate;
use crate::session::{Screen, Session};
use crate::staff::{Staff, View};
use crate::ui;
use crate::ui::staff::Action;

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
    pub loaded: Loaded,
    pub session: Session,
    pub staff: Staff,
    pub counters: CounterStore,
    config: Config,
    config_path: Option<std::path::PathBuf>,
    config_problems: Vec<Problem>,
    /// The look last applied (text size, high contrast), to change it only on a change.
    applied_look: Option<(crate::session::TextSize, bool)>,
    pin: PinLock,
    idle: IdleTimer,
    /// The answer to staff's last action.
    staff_message: Option<String>,
    /// Set by staff's Exit: the one way out of kiosk mode.
    may_close: bool,
    /// "Reset counters" was tapped once; the next tap resets them.
    reset_armed: bool,
    sized_to_monitor: bool,
    logo: Option<egui::TextureHandle>,
    qr: Option<egui::TextureHandle>,
    input: InputFilter,
    started: Option<Instant>,
    /// Set by [`KioskApp::fail_next_frame`], to prove a failing screen is survived.
    fail_next_frame: bool,
}

impl KioskApp {
    pub fn new(ctx: &egui::Context, loaded: Loaded, options: Options) -> Self {
        ui::theme::install(ctx);
        let config = options.config;
        let mut config_problems = options.config_problems;
        let default_language = loaded.language_index(&config.default_language).unwrap_or_else(|| {
            config_problems.push(Problem {
                path: "settings".to_owned(),
                line: 1,
                message: format!(
                    "`default_language = \"{}\"` names no language folder of the content; using English",
                    config.default_language
                ),
            });
            0
        });
        let today = files::date_of(files::unix_now());
        let mut counters = CounterStore::load(config.counters_file(), &today);
        counters.record(|c| c.app_starts += 1);
        let pin = PinLock::load(
            config.pin_hash.clone(),
            config.lockout_file(),
            files::unix_now(),
        );
        let mut app = Self {
            loaded,
            session: Session::new(default_language),
            staff: Staff::default(),
            counters,
            config,
            config_path: options.config_path,
            config_problems,
            applied_look: None,
            pin,
            idle: IdleTimer::default(),
            staff_message: None,
            may_close: false,
            reset_armed: false,
            sized_to_monitor: false,
            logo: None,
            qr: None,
            input: InputFilter::default(),
            started: options.started,
            fail_next_frame: false,
        };
        app.make_textures(ctx);
        app
    }

    /// Where staff's choice of default language is saved (tests point it at a temporary file).
    pub fn set_config_path(&mut self, path: std::path::PathBuf) {
        self.config_path = Some(path);
    }

    /// Forgets everything about the visitor (and closes any staff view): the one wipe
    /// used by the idle reset and by staff's "Start over".
    pub fn wipe(&mut self) {
        self.session.reset();
        self.staff.close();
    }

    /// Decoded once per content load, never per frame.
    fn make_textures(&mut self, ctx: &egui::Context) {
        let logo = &self.loaded.logo;
        self.logo = (!logo.rgba.is_empty()).then(|| {
            let image = egui::ColorImage::from_rgba_unmultiplied(logo.size, &logo.rgba);
            ctx.load_texture("logo", image, egui::TextureOptions::LINEAR)
        });
        self.qr = ui::consultation::qr_texture(ctx, &self.loaded.content.clinic.booking_url);
    }

    /// Nothing to forget: Home, untouched. The idle timer rests then.
    fn is_pristine(&self) -> bool {
        self.staff.view == View::Closed && self.session.is_pristine()
    }

    fn idle_timeout(&self) -> f64 {
        let reading = matches!(
            self.session.screen,
            Screen::Guide | Screen::Compare | Screen::Faq
        );
        let secs = if reading && self.staff.view == View::Closed {
            self.config.reading_idle_timeout_secs
        } else {
            self.config.idle_timeout_secs
        };
        secs as f64
    }

    /// What the visitor reads, in the language they chose.
    pub fn content(&self) -> &content::Content {
        self.loaded.language(self.session.language)
    }

    /// Applies the visitor's text size and contrast when they change.
    fn apply_look(&mut self, ctx: &egui::Context) {
        let look = (self.session.text_size, self.session.high_contrast);
        if self.applied_look != Some(look) {
            ctx.set_zoom_factor(look.0.zoom());
            let palette = if look.1 {
                ui::theme::HIGH_CONTRAST
            } else {
                ui::theme::STANDARD
            };
            ui::theme::apply(ctx, palette);
            self.applied_look = Some(look);
        }
    }

    /// Makes the next frame's screen panic, as a bug would: for the test that proves the
    /// kiosk survives one.
    #[doc(hidden)]
    pub fn fail_next_frame(&mut self) {
        self.fail_next_frame = true;
    }

    /// Draws the current screen. A panic inside it (a bug, or content nobody foresaw) must
    /// not leave a dead kiosk in front of a visitor: it is caught here, counted for staff,
    /// logged, and the kiosk starts over on Home.
    fn draw_screen_safely(&mut self, ui: &mut egui::Ui) {
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if std::mem::take(&mut self.fail_next_frame) {
                panic!("a deliberately failing screen");
            }
            self.draw_screen(ui);
        }));
        if drawn.is_err() {
            eprintln!("kiosk: a screen failed; starting over on Home");
            self.wipe();
            self.counters.record(|c| c.screen_failures += 1);
            ui.ctx().request_repaint();
        }
    }

    fn draw_screen(&mut self, ui: &mut egui::Ui) {
        let content = self.loaded.language(self.session.language);
        let session = &mut self.session;
        match self.staff.view {
            View::PinPad => {
                ui::staff::pin_pad(
                    ui,
                    &content.strings,
                    &mut self.staff,
                    &mut self.pin,
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
        match session.screen {
            Screen::Home => {
                let languages = self.loaded.language_names();
                if ui::home::show(ui, content, &languages, self.logo.as_ref(), session) {
                    let now = ui.input(|i| i.time);
                    self.staff.knock(now);
                }
            }
            Screen::Guide => ui::guide::show(ui, content, session),
            Screen::Compare => ui::compare::show(ui, content, session),
            Screen::Faq => ui::faq::show(ui, content, session),
            Screen::Questionnaire => {
                ui::questionnaire::show(ui, content, self.qr.as_ref(), session)
            }
            Screen::Consultation => ui::consultation::show(ui, content, self.qr.as_ref(), session),
        }
    }

    fn staff_screen(&mut self, ui: &mut egui::Ui) {
        let problems: Vec<String> = self
            .loaded
            .problems
            .iter()
            .chain(&self.config_problems)
            .map(ToString::to_string)
            .chain(self.counters.notice.clone())
            .collect();
        let report = ui::staff::Report {
            counters: &self.counters.counters,
            problems: &problems,
            message: self.staff_message.as_deref(),
        };
        let default_language = self.loaded.language_names()[self.session.default_language].clone();
        let (close, action) =
            ui::staff::screen(ui, &self.content().strings, &report, &default_language);
        if close {
            self.staff.close();
            self.staff_message = None;
            self.reset_armed = false;
        }
        if let Some(action) = action {
            self.staff_action(ui.ctx(), action);
        }
    }

    fn staff_action(&mut self, ctx: &egui::Context, action: Action) {
        let strings = &self.loaded.language(self.session.language).strings;
        let armed = std::mem::take(&mut self.reset_armed);
        self.staff_message = match action {
            Action::Exit => {
                self.may_close = true;
                self.counters.save();
                ctx.send_viewport_cmd(ViewportCommand::Close);
                None
            }
            Action::Reload => {
                let message = strings.staff_reloaded.clone();
                self.loaded = content::load(&self.loaded.source);
                self.make_textures(ctx);
                self.session.reset();
                Some(message)
            }
            Action::StartOver => {
                self.session.reset();
                None
            }
            Action::Export => Some(match self.counters.export(&self.config.export_file) {
                Ok(()) => content::strings::fill(
                    &strings.staff_exported,
                    &[("path", &self.config.export_file.display().to_string())],
                ),
                Err(e) => format!("{}: {e}", self.config.export_file.display()),
            }),
            // Counting since a date is worth one extra tap to lose.
            Action::ResetCounters if !armed => {
                self.reset_armed = true;
                Some(strings.staff_reset_confirm.clone())
            }
            Action::ResetCounters => {
                self.counters.reset(&files::date_of(files::unix_now()));
                None
            }
            Action::NextDefaultLanguage => {
                let next = (self.session.default_language + 1) % self.loaded.language_count();
                self.session.default_language = next;
                self.save_default_language()
            }
        };
    }

    /// Keeps staff's choice of default language in the settings file.
    fn save_default_language(&mut self) -> Option<String> {
        let code = match self.session.default_language {
            0 => content::ENGLISH.to_owned(),
            i => self.loaded.translations[i - 1].code.clone(),
        };
        self.config.default_language = code.clone();
        let path = self.config_path.as_ref()?;
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let text = crate::config::with_setting(&text, "default_language", &code);
        files::write_atomically(path, text.as_bytes())
            .err()
            .map(|e| format!("{}: {e}", path.display()))
    }

    /// Adds what this frame changed to the anonymous totals: a screen opened, an FAQ answer
    /// opened, a questionnaire result reached. Never the answers themselves.
    fn count_changes(&mut self, before: &Session) {
        let after = &self.session;
        let content = self.loaded.language(after.language);
        let screen = (after.screen != before.screen && after.screen != Screen::Home)
            .then(|| format!("{:?}", after.screen));
        let faq: Vec<String> = after
            .faq_open
            .difference(&before.faq_open)
            .filter_map(|&i| content.faq.entries.get(i).map(|e| e.question.clone()))
            .collect();
        let at_result = |s: &Session| {
            s.screen == Screen::Questionnaire
                && s.quiz_step >= content.questionnaire.questions.len()
        };
        let result = (at_result(after) && !at_result(before))
            .then(|| evaluate(&content.questionnaire, &after.answers))
            .flatten()
            .map(|outcome| outcome.result.id.clone());
        let language = (after.language != before.language).then(|| {
            self.loaded
                .language(after.language)
                .strings
                .language_name
                .clone()
        });
        if screen.is_none() && faq.is_empty() && result.is_none() && language.is_none() {
            return;
        }
        self.counters.record(|c| {
            for (map, key) in [
                (&mut c.screens, screen),
                (&mut c.results, result),
                (&mut c.languages, language),
            ] {
                if let Some(key) = key {
                    *map.entry(key).or_default() += 1;
                }
            }
            for question in faq {
                *c.faq_entries.entry(question).or_default() += 1;
            }
        });
    }

    /// One frame of the kiosk: idle timer, look, the current screen, counters. The eframe
    /// `App::ui` calls this; benchmarks call it with a bare egui context.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.config.kiosk {
            ctx.set_cursor_icon(egui::CursorIcon::None);
        }
        let now = ctx.input(|i| i.time);
        let (timeout, warning) = (self.idle_timeout(), self.config.warning_secs as f64);
        // Judged before this frame's touches, so the tap that answers "Still there?" lands
        // on the warning and not on the screen beneath it.
        let idle = self.idle.state(now, timeout, warning);
        if self.is_pristine() || ctx.input(|i| i.events.iter().any(is_touch)) {
            self.idle.touch(now);
        }
        if idle == Idle::Expired {
            self.wipe();
            self.counters.record(|c| c.idle_resets += 1);
            self.idle.touch(now);
        }

        self.apply_look(&ctx);
        let before = self.session.clone();
        self.draw_screen_safely(ui);
        self.count_changes(&before);

        match idle {
            Idle::Warning { remaining } => {
                ui::idle_warning::show(ui, &self.content().strings, remaining.ceil() as u64);
                // Wake for the next whole second of the countdown, and no more often.
                let next_tick = remaining - (remaining.ceil() - 1.0);
                ctx.request_repaint_after(Duration::from_secs_f64(next_tick.max(0.05)));
            }
            Idle::Active { warning_in } if !self.is_pristine() => {
                ctx.request_repaint_after(Duration::from_secs_f64(warning_in));
            }
            _ => {}
        }
        if let Some(due_in) = self.counters.save_if_due(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(due_in));
        }
        if let Some(started) = self.started.take() {
            eprintln!(
                "kiosk: first frame built {} ms after start",
                started.elapsed().as_millis()
            );
        }
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
        if ctx.input(|i| i.viewport().close_requested()) && self.config.kiosk && !self.may_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        // Fullscreen is ignored on X11 without a window manager: cover the monitor anyway.
        if self.config.kiosk
            && !self.sized_to_monitor
            && let Some(size) = ctx.input(|i| i.viewport().monitor_size)
        {
            let [x, y] = self.config.window_position.unwrap_or_default();
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::pos2(x, y)));
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            self.sized_to_monitor = true;
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        ui::theme::STANDARD.background.to_normalized_gamma_f32()
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.counters.save();
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.input.apply(raw_input) {
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
