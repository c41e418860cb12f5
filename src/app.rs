//! The eframe application: holds the loaded content and the visitor's session, and
//! hands each frame to the current screen.

use crate::content::Loaded;
use crate::input::InputFilter;
use crate::session::{Screen, Session};
use crate::ui;

pub struct KioskApp {
    pub loaded: Loaded,
    pub session: Session,
    logo: Option<egui::TextureHandle>,
    qr: Option<egui::TextureHandle>,
    input: InputFilter,
    /// When the process started; taken (and reported) once the first frame is built.
    started: Option<std::time::Instant>,
}

impl KioskApp {
    /// `started`, when given, is reported on stderr with the first frame, for start-up
    /// measurements and the system log.
    pub fn new(ctx: &egui::Context, loaded: Loaded, started: Option<std::time::Instant>) -> Self {
        ui::theme::install(ctx);
        let logo = (!loaded.logo.rgba.is_empty()).then(|| {
            let image =
                egui::ColorImage::from_rgba_unmultiplied(loaded.logo.size, &loaded.logo.rgba);
            ctx.load_texture("logo", image, egui::TextureOptions::LINEAR)
        });
        let qr = ui::consultation::qr_texture(ctx, &loaded.content.clinic.booking_url);
        Self {
            loaded,
            session: Session::default(),
            logo,
            qr,
            input: InputFilter::default(),
            started,
        }
    }
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let content = &self.loaded.content;
        let session = &mut self.session;
        match session.screen {
            Screen::Home => ui::home::show(ui, content, self.logo.as_ref(), session),
            Screen::Guide => ui::guide::show(ui, content, session),
            Screen::Compare => ui::compare::show(ui, content, session),
            Screen::Faq => ui::faq::show(ui, content, session),
            Screen::Questionnaire => {
                ui::questionnaire::show(ui, content, self.qr.as_ref(), session)
            }
            Screen::Consultation => ui::consultation::show(ui, content, self.qr.as_ref(), session),
        }
        if let Some(started) = self.started.take() {
            eprintln!(
                "kiosk: first frame built {} ms after start",
                started.elapsed().as_millis()
            );
        }
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        ui::theme::BACKGROUND.to_normalized_gamma_f32()
    }

    fn persist_egui_memory(&self) -> bool {
        false
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
    use egui::{Event, Key, Modifiers, PointerButton, RawInput, pos2};

    #[test]
    fn the_input_hook_filters_every_frame() {
        let ctx = egui::Context::default();
        let loaded = crate::content::load(&crate::content::Source::BuiltIn);
        let mut app = KioskApp::new(&ctx, loaded, None);
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
