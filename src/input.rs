//! Input as a kiosk needs it, applied before egui sees a frame's events.
//!
//! - Shortcuts that quit, close or zoom are dropped: a keyboard left within reach must not
//!   let a visitor leave or break the kiosk.
//! - A press that arrives in the same frame as the pointer's jump to it is held back one
//!   frame. X11 reports a touch as "move there, press": egui would count that jump as the
//!   first step of a drag and scroll the page by the distance from the previous touch.

use egui::{Event, Key, RawInput};

#[derive(Debug, Default)]
pub struct InputFilter {
    held: Vec<Event>,
}

impl InputFilter {
    /// Filters this frame's events. Returns true when events were held back for the next
    /// frame, which must then be requested.
    pub fn apply(&mut self, raw_input: &mut RawInput) -> bool {
        let mut events = std::mem::take(&mut self.held);
        events.append(&mut raw_input.events);
        events.retain(|event| !is_leaving_shortcut(event));
        if let Some(press) = press_after_move(&events) {
            self.held = events.split_off(press);
        }
        raw_input.events = events;
        !self.held.is_empty()
    }
}

fn is_leaving_shortcut(event: &Event) -> bool {
    match event {
        Event::Key { key, modifiers, .. }
            if modifiers.command || modifiers.ctrl || modifiers.alt =>
        {
            matches!(
                key,
                Key::Q | Key::W | Key::F4 | Key::Plus | Key::Equals | Key::Minus | Key::Num0
            )
        }
        Event::Zoom(_) => true,
        _ => false,
    }
}

/// The index of the first press that follows a pointer move in the same frame.
fn press_after_move(events: &[Event]) -> Option<usize> {
    let first_move = events
        .iter()
        .position(|e| matches!(e, Event::PointerMoved(_)))?;
    events
        .iter()
        .skip(first_move)
        .position(|e| matches!(e, Event::PointerButton { pressed: true, .. }))
        .map(|i| first_move + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Modifiers, PointerButton, pos2};

    fn key(key: Key, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    fn button(pressed: bool) -> Event {
        Event::PointerButton {
            pos: pos2(10.0, 10.0),
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        }
    }

    fn frame(filter: &mut InputFilter, events: Vec<Event>) -> (Vec<Event>, bool) {
        let mut input = RawInput {
            events,
            ..RawInput::default()
        };
        let again = filter.apply(&mut input);
        (input.events, again)
    }

    #[test]
    fn quit_and_zoom_shortcuts_are_dropped_and_plain_keys_kept() {
        let events = vec![
            key(Key::Q, Modifiers::CTRL),
            key(Key::Plus, Modifiers::COMMAND),
            key(Key::F4, Modifiers::ALT),
            Event::Zoom(1.5),
            key(Key::Q, Modifiers::NONE),
        ];
        let (events, again) = frame(&mut InputFilter::default(), events);
        assert_eq!(events, [key(Key::Q, Modifiers::NONE)]);
        assert!(!again);
    }

    #[test]
    fn a_press_right_after_a_jump_waits_one_frame() {
        let mut filter = InputFilter::default();
        let moved = Event::PointerMoved(pos2(10.0, 10.0));
        let (first, again) = frame(
            &mut filter,
            vec![moved.clone(), button(true), button(false)],
        );
        assert_eq!(first, [moved]);
        assert!(again);
        let (second, again) = frame(&mut filter, vec![]);
        assert_eq!(second, [button(true), button(false)]);
        assert!(!again);
    }

    #[test]
    fn a_press_without_a_move_before_it_passes_at_once() {
        let mut filter = InputFilter::default();
        let moved = Event::PointerMoved(pos2(12.0, 10.0));
        let (events, again) = frame(&mut filter, vec![button(true), moved.clone()]);
        assert_eq!(events, [button(true), moved]);
        assert!(!again);
    }
}
