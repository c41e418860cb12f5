//! Using the kiosk without sight: keys (a numeric keypad, or any keyboard) move a focus
//! ring through the controls in reading order and press them, and a voice says every
//! move: each control as it gets the focus, each new screen's title and how to go on, each
//! question with its answers, each choice, the whole result. The first key turns it on for
//! this visitor; the reset turns it off.

use egui::{Event, FocusDirection, Id, Key, LayerId, Modifiers, Order, Rect, Role, WidgetInfo};

use super::KioskApp;
use crate::content::Strings;
use crate::keys::Action;
use crate::speech::join_for_speech;
use crate::ui::screen::Command;

/// What this frame's keys leave for the rest of the frame.
#[derive(Default)]
pub(super) struct Keys {
    /// Back was pressed: the screen's way back takes it, else Home.
    pub back: bool,
    /// What the voice says for them (the first key's introduction, where the visitor is,
    /// the last thing said again).
    pub said: Vec<String>,
}

impl KioskApp {
    /// Carries out this frame's keys before the screen is drawn.
    pub(super) fn keys(&mut self, ctx: &egui::Context) -> Keys {
        let map = &self.kiosk.config.keys;
        let actions: Vec<Action> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|event| match event {
                    Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } => map.action(*key, modifiers.shift),
                    _ => None,
                })
                .collect()
        });
        let mut keys = Keys::default();
        if actions.is_empty() {
            return keys;
        }
        // The kiosk moves the focus itself, in reading order: egui's own Tab and arrows
        // (creation order, and geometry) are off for this frame.
        ctx.memory_mut(|m| m.move_focus(FocusDirection::None));
        let s = self.content().strings.clone();
        if !self.visitor.nav {
            self.visitor.nav = true;
            self.visitor.listened = true;
            keys.said.push(s.nav_intro.clone());
            keys.said
                .extend(self.visitor.screen.announce(&self.cx(0.0)));
        }
        for action in actions {
            match action {
                Action::Next | Action::Previous => {
                    move_focus(ctx, action == Action::Next);
                }
                Action::Activate => match ctx.memory(|m| m.focused()) {
                    // egui presses the focused control on Enter.
                    Some(_)
                        if !ctx
                            .input(|i| i.key_pressed(Key::Enter) || i.key_pressed(Key::Space)) =>
                    {
                        ctx.input_mut(|i| {
                            i.events.push(Event::Key {
                                key: Key::Enter,
                                physical_key: None,
                                pressed: true,
                                repeat: false,
                                modifiers: Modifiers::NONE,
                            });
                        });
                    }
                    Some(_) => {}
                    None => move_focus(ctx, true),
                },
                Action::Listen => {
                    let command = if self.visitor.speaking && self.visitor.reading {
                        Command::StopListening
                    } else {
                        Command::Listen
                    };
                    self.apply(ctx, command, 0.0);
                }
                Action::Home => self.apply(ctx, Command::Home, 0.0),
                Action::Back => keys.back = true,
                Action::WhereAmI => {
                    keys.said
                        .extend(self.visitor.screen.where_am_i(&self.cx(0.0)));
                    let focused = ctx
                        .memory(|m| m.focused())
                        .and(self.visitor.focused.as_ref());
                    keys.said.push(match focused {
                        Some(info) => describe(info, &s),
                        None => s.nav_no_focus.clone(),
                    });
                }
                Action::Repeat => keys.said.push(self.visitor.last_said.clone()),
                Action::Louder | Action::Softer | Action::Faster | Action::Slower => {
                    let step = match action {
                        Action::Louder => crate::ui::screen::VoiceStep::Louder,
                        Action::Softer => crate::ui::screen::VoiceStep::Softer,
                        Action::Faster => crate::ui::screen::VoiceStep::Faster,
                        _ => crate::ui::screen::VoiceStep::Slower,
                    };
                    self.apply(ctx, Command::Voice(step), 0.0);
                }
            }
        }
        keys
    }

    /// After the frame, what the voice says about it, with speech navigation on: a new
    /// view announces itself (after the choice that led there); else the control that got
    /// the focus, or the choice just made. `said`: what the keys asked to say first.
    pub(super) fn narrate(&mut self, ctx: &egui::Context, views_before: u64, said: Vec<String>) {
        if !self.visitor.nav {
            return;
        }
        let s = self.content().strings.clone();
        let events = ctx.output(|o| o.events.clone());
        let mut focused = None;
        let mut chosen = None;
        for event in &events {
            match event {
                egui::output::OutputEvent::FocusGained(info) => {
                    focused = Some(info.clone());
                    self.visitor.focused = Some(info.clone());
                }
                egui::output::OutputEvent::Clicked(info)
                    if matches!(info.role, Role::CheckBox | Role::RadioButton) =>
                {
                    // The state drawn is the one before the tap: a check box turns over, a
                    // single choice is chosen.
                    let now_chosen =
                        info.role == Role::RadioButton || !info.selected.unwrap_or(false);
                    let state = if now_chosen {
                        &s.nav_chosen
                    } else {
                        &s.nav_not_chosen
                    };
                    chosen = Some(format!(
                        "{}, {state}",
                        info.label.clone().unwrap_or_default()
                    ));
                    self.visitor.focused = Some(WidgetInfo {
                        selected: Some(now_chosen),
                        ..info.clone()
                    });
                }
                _ => {}
            }
        }
        let mut parts = said;
        if self.visitor.views != views_before {
            parts.extend(chosen);
            parts.extend(self.visitor.screen.announce(&self.cx(0.0)));
            parts.push(s.nav_hint.clone());
        } else if let Some(info) = focused {
            parts.push(describe(&info, &s));
        } else {
            parts.extend(chosen);
        }
        if !parts.is_empty() {
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            self.say(&join_for_speech(&parts));
        }
    }

    /// Paints the focus ring: thick, in the look's own colour, on top of everything, so
    /// a visitor with some sight finds the control the voice named.
    pub(super) fn paint_focus_ring(&self, ctx: &egui::Context) {
        if !self.visitor.nav {
            return;
        }
        let Some(rect) = ctx
            .memory(|m| m.focused())
            .and_then(|id| ctx.viewport(|v| v.this_pass.widgets.get(id).map(|w| w.rect)))
        else {
            return;
        };
        let c = self.visitor.look.palette();
        let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("focus_ring")));
        let ring = rect.expand(6.0);
        painter.rect_stroke(
            ring,
            crate::ui::theme::ROUNDING,
            egui::Stroke::new(6.0, c.focus),
            egui::StrokeKind::Outside,
        );
        painter.rect_stroke(
            ring,
            crate::ui::theme::ROUNDING,
            egui::Stroke::new(2.0, c.background),
            egui::StrokeKind::Inside,
        );
    }
}

/// What the voice says of a control: "Enlarged pores, check box, not chosen".
fn describe(info: &WidgetInfo, s: &Strings) -> String {
    let mut parts = vec![info.label.clone().unwrap_or_default()];
    match info.role {
        Role::CheckBox => parts.push(s.nav_check_box.clone()),
        Role::RadioButton => parts.push(s.nav_choice.clone()),
        _ => parts.push(s.nav_button.clone()),
    }
    if matches!(info.role, Role::CheckBox | Role::RadioButton) {
        let state = if info.selected == Some(true) {
            &s.nav_chosen
        } else {
            &s.nav_not_chosen
        };
        parts.push(state.clone());
    }
    if !info.enabled {
        parts.push(s.nav_unavailable.clone());
    }
    parts.join(", ")
}

/// The controls of the last frame a visitor can press, in reading order: the topmost layer
/// that has any (the idle warning covers the screen), top to bottom, and left to right
/// within a row.
fn controls(ctx: &egui::Context) -> Vec<(Id, Rect)> {
    ctx.viewport(|v| {
        let widgets = &v.prev_pass.widgets;
        let mut layers: Vec<(LayerId, Vec<(Id, Rect)>)> = widgets
            .layers()
            .map(|(layer, rects)| {
                // Every control takes clicks and the focus; what only takes taps (the
                // logo's staff gesture, the idle warning's veil) is left out.
                let pressable = rects
                    .iter()
                    .filter(|w| w.enabled && w.sense.senses_click() && w.sense.is_focusable())
                    .map(|w| (w.id, w.rect))
                    .collect();
                (*layer, pressable)
            })
            .filter(|(_, pressable): &(LayerId, Vec<(Id, Rect)>)| !pressable.is_empty())
            .collect();
        layers.sort_by_key(|(layer, _)| layer.order);
        let mut controls = layers.pop().map(|(_, c)| c).unwrap_or_default();
        reading_order(&mut controls);
        controls
    })
}

/// Sorts controls top to bottom, and left to right within a row: a control whose middle
/// lies within the row started by the one above it belongs to that row.
fn reading_order(controls: &mut [(Id, Rect)]) {
    controls.sort_by(|(_, a), (_, b)| a.top().total_cmp(&b.top()));
    let mut row = 0;
    let mut row_bottom = f32::NEG_INFINITY;
    let mut rows: Vec<usize> = Vec::with_capacity(controls.len());
    for (_, rect) in controls.iter() {
        if rect.center().y > row_bottom {
            row += 1;
            row_bottom = rect.bottom();
        }
        rows.push(row);
    }
    let mut keyed: Vec<(usize, f32, (Id, Rect))> = controls
        .iter()
        .zip(rows)
        .map(|(control, row)| (row, control.1.left(), *control))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for (slot, (_, _, control)) in controls.iter_mut().zip(keyed) {
        *slot = control;
    }
}

/// Gives the focus to the next (or previous) control in reading order, around at the
/// ends, and brings it into view.
fn move_focus(ctx: &egui::Context, forward: bool) {
    let controls = controls(ctx);
    if controls.is_empty() {
        return;
    }
    let focused = ctx.memory(|m| m.focused());
    let at = focused.and_then(|id| controls.iter().position(|(c, _)| *c == id));
    let next = match (at, forward) {
        (Some(i), true) => (i + 1) % controls.len(),
        (Some(i), false) => (i + controls.len() - 1) % controls.len(),
        (None, true) => 0,
        (None, false) => controls.len() - 1,
    };
    let id = controls[next].0;
    ctx.memory_mut(|m| m.request_focus(id));
    if let Some(response) = ctx.read_response(id) {
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_read_by_rows_then_left_to_right() {
        let id = |name: &str| Id::NULL.with(name);
        let at =
            |x: f32, y: f32, h: f32| Rect::from_min_size(egui::pos2(x, y), egui::vec2(100.0, h));
        let mut controls = vec![
            (id("next"), at(1700.0, 1000.0, 60.0)),
            (id("right answer"), at(960.0, 300.0, 110.0)),
            (id("home"), at(40.0, 20.0, 70.0)),
            (id("listen"), at(1500.0, 24.0, 64.0)),
            (id("left answer"), at(300.0, 305.0, 100.0)),
            (id("back"), at(40.0, 1000.0, 60.0)),
        ];
        reading_order(&mut controls);
        let order: Vec<Id> = controls.iter().map(|(id, _)| *id).collect();
        let expected = [
            "home",
            "listen",
            "left answer",
            "right answer",
            "back",
            "next",
        ];
        assert_eq!(order, expected.map(id));
    }
}
