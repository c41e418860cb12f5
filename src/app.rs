//! The eframe application: holds the loaded content and the visitor's session, and
//! hands each frame to the current screen.

use crate::content::Loaded;
use crate::session::{Screen, Session};
use crate::ui;

pub struct KioskApp {
    pub loaded: Loaded,
    pub session: Session,
    logo: Option<egui::TextureHandle>,
}

impl KioskApp {
    pub fn new(ctx: &egui::Context, loaded: Loaded) -> Self {
        ui::theme::install(ctx);
        let logo = (!loaded.logo.rgba.is_empty()).then(|| {
            let image =
                egui::ColorImage::from_rgba_unmultiplied(loaded.logo.size, &loaded.logo.rgba);
            ctx.load_texture("logo", image, egui::TextureOptions::LINEAR)
        });
        Self {
            loaded,
            session: Session::default(),
            logo,
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
        }
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        ui::theme::BACKGROUND.to_normalized_gamma_f32()
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        drop_leaving_shortcuts(raw_input);
    }
}

/// Removes the key presses that would quit, close or zoom the app: a visitor must not
/// be able to leave or break the kiosk from a keyboard left within reach.
pub fn drop_leaving_shortcuts(raw_input: &mut egui::RawInput) {
    use egui::{Event, Key};
    raw_input.events.retain(|event| match event {
        Event::Key { key, modifiers, .. }
            if modifiers.command || modifiers.ctrl || modifiers.alt =>
        {
            !matches!(
                key,
                Key::Q | Key::W | Key::F4 | Key::Plus | Key::Equals | Key::Minus | Key::Num0
            )
        }
        Event::Zoom(_) => false,
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Event, Key, Modifiers, RawInput};

    fn key(key: Key, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    #[test]
    fn quit_and_zoom_shortcuts_are_dropped_and_plain_keys_kept() {
        let mut input = RawInput {
            events: vec![
                key(Key::Q, Modifiers::CTRL),
                key(Key::Plus, Modifiers::COMMAND),
                key(Key::F4, Modifiers::ALT),
                Event::Zoom(1.5),
                key(Key::Q, Modifiers::NONE),
            ],
            ..RawInput::default()
        };
        drop_leaving_shortcuts(&mut input);
        assert_eq!(input.events, [key(Key::Q, Modifiers::NONE)]);
    }
}
