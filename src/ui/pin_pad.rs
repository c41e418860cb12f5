//! The staff's way in: a PIN pad drawn by the kiosk (no system keyboard), opened by five
//! quick taps on Home's logo. Its digits are its own state, so leaving forgets them.

use egui::{Button, RichText, Stroke, Ui, Vec2};

use super::screen::{self, Command, Cx, IdleRule, Reply, ScreenKind, screen_basics};
use super::theme::{self, Palette};
use super::widgets;
use crate::content::Strings;
use crate::pin::Attempt;
use crate::staff::{MAX_DIGITS, PinEntry};

pub const KIND: ScreenKind = ScreenKind {
    key: "PinPad",
    idle: IdleRule::Standard,
    open: || Box::<PinPad>::default(),
    door: None,
    gallery: |_| screen::just_opened(&KIND),
};

#[derive(Default)]
pub struct PinPad {
    entry: PinEntry,
    /// The answer to the last try (wrong, locked out).
    answer: Option<Attempt>,
}

/// A key of the pad.
#[derive(Clone, Copy)]
enum Key {
    Digit(char),
    Clear,
    Enter,
}

impl screen::Screen for PinPad {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (s, c) = (cx.strings(), cx.palette());
        if widgets::top_bar(ui, c, &s.cancel, &s.staff_title, |_| {}) {
            cx.send(Command::Home);
            return;
        }
        let pin = &cx.kiosk.pin;
        let locked = pin.locked_for(crate::files::unix_now());
        let mut pressed = None;
        widgets::body(ui, |ui| {
            // Scrolls when large text on a small screen pushes the keypad below the edge.
            widgets::scroll(ui, "pin_pad", false, |ui| {
                ui.vertical_centered(|ui| {
                    ui.add_space(24.0);
                    if !pin.has_pin() {
                        ui.label(RichText::new(&s.pin_missing).size(theme::CARD_HEADING));
                        return;
                    }
                    ui.label(
                        RichText::new(&s.pin_prompt)
                            .family(theme::display())
                            .size(theme::TITLE),
                    );
                    dots(ui, c, self.entry.len());
                    let message = self.message(s, locked);
                    ui.label(
                        RichText::new(message.unwrap_or_default())
                            .size(theme::BODY)
                            .color(c.text),
                    );
                    ui.add_space(12.0);
                    ui.add_enabled_ui(locked.is_none(), |ui| pressed = keypad(ui, c, s));
                });
            });
        });
        match pressed {
            Some(Key::Digit(digit)) => self.entry.press(digit),
            Some(Key::Clear) => self.entry.clear(),
            Some(Key::Enter) => cx.send(Command::TryPin(self.entry.take())),
            None => {}
        }
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        let s = cx.strings();
        let locked = cx.kiosk.pin.locked_for(crate::files::unix_now());
        std::iter::once(s.pin_prompt.clone())
            .chain(self.message(s, locked))
            .collect()
    }

    fn reply(&mut self, reply: Reply) {
        if let Reply::Pin(attempt) = reply {
            self.answer = Some(attempt);
        }
    }
}

impl PinPad {
    /// What the pad says under the dots: a lockout, or how many tries are left.
    fn message(&self, s: &Strings, locked: Option<u64>) -> Option<String> {
        match (locked, self.answer) {
            (Some(seconds), _) | (None, Some(Attempt::LockedOut { seconds })) => {
                Some(s.pin_locked.fill(seconds.div_ceil(60) as usize, &[]))
            }
            (None, Some(Attempt::Wrong { tries_left })) => {
                Some(s.pin_wrong.fill(tries_left as usize, &[]))
            }
            _ => None,
        }
    }
}

/// One dot per digit typed, so the PIN never shows.
fn dots(ui: &mut Ui, c: &Palette, typed: usize) {
    let size = Vec2::new(MAX_DIGITS as f32 * 36.0, 48.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    for i in 0..MAX_DIGITS {
        let centre = rect.left_center() + Vec2::new(18.0 + 36.0 * i as f32, 0.0);
        if i < typed {
            ui.painter().circle_filled(centre, 10.0, c.accent);
        } else {
            ui.painter()
                .circle_stroke(centre, 10.0, Stroke::new(1.5, c.border));
        }
    }
}

/// The twelve keys; the one tapped.
fn keypad(ui: &mut Ui, c: &Palette, s: &Strings) -> Option<Key> {
    let key_size = Vec2::new(150.0, 96.0);
    let width = 3.0 * key_size.x + 2.0 * 16.0;
    let digit = |d: char| (d.to_string(), Key::Digit(d));
    let rows = [
        [digit('1'), digit('2'), digit('3')],
        [digit('4'), digit('5'), digit('6')],
        [digit('7'), digit('8'), digit('9')],
        [
            (s.pin_clear.clone(), Key::Clear),
            digit('0'),
            (s.pin_enter.clone(), Key::Enter),
        ],
    ];
    let mut pressed = None;
    for row in rows {
        ui.allocate_ui(Vec2::new(width, key_size.y), |ui| {
            ui.horizontal(|ui| {
                for (label, key) in row {
                    let text = RichText::new(label).size(theme::TITLE * 0.8);
                    let button = Button::new(text)
                        .min_size(key_size)
                        .fill(c.surface)
                        .stroke(Stroke::new(1.5, c.border));
                    if ui.add(button).clicked() {
                        pressed = Some(key);
                    }
                }
            });
        });
    }
    pressed
}
