//! The keys a visitor who cannot see the screen uses: a USB numeric keypad (or any
//! keyboard), mapped to a few actions. The default map is the one accessible kiosks and
//! voting machines use; staff can change it in the settings (`[keys]`).

use egui::Key;

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// The next control, in reading order.
    Next,
    Previous,
    /// Presses the control that has the focus.
    Activate,
    /// Reads the whole screen; or stops.
    Listen,
    Home,
    /// The screen's way back (the previous page or question), else Home.
    Back,
    /// Says where the visitor is: the screen, the page or question, the control in focus.
    WhereAmI,
    /// Says the last thing said again.
    Repeat,
    Louder,
    Softer,
    Faster,
    Slower,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::Next,
        Action::Previous,
        Action::Activate,
        Action::Listen,
        Action::Home,
        Action::Back,
        Action::WhereAmI,
        Action::Repeat,
        Action::Louder,
        Action::Softer,
        Action::Faster,
        Action::Slower,
    ];

    /// Its name in the settings' `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Self::Next => "next",
            Self::Previous => "previous",
            Self::Activate => "activate",
            Self::Listen => "listen",
            Self::Home => "home",
            Self::Back => "back",
            Self::WhereAmI => "where_am_i",
            Self::Repeat => "repeat",
            Self::Louder => "louder",
            Self::Softer => "softer",
            Self::Faster => "faster",
            Self::Slower => "slower",
        }
    }

    /// The default keys: the keypad's digits (with Num Lock on), the same keys with Num
    /// Lock off (arrows, Home, End...), and a keyboard's usual ones.
    fn default_keys(self) -> &'static [Key] {
        match self {
            Self::Next => &[
                Key::Num2,
                Key::Num6,
                Key::ArrowDown,
                Key::ArrowRight,
                Key::Tab,
            ],
            Self::Previous => &[Key::Num8, Key::Num4, Key::ArrowUp, Key::ArrowLeft],
            Self::Activate => &[Key::Num5, Key::Enter, Key::Space],
            Self::Listen => &[Key::Num0, Key::Insert],
            Self::Home => &[Key::Num7, Key::Home],
            Self::Back => &[Key::Num1, Key::End, Key::Backspace],
            Self::WhereAmI => &[Key::Period, Key::Delete],
            Self::Repeat => &[Key::Slash],
            Self::Louder => &[Key::Plus, Key::Equals],
            Self::Softer => &[Key::Minus],
            Self::Faster => &[Key::Num9, Key::PageUp],
            Self::Slower => &[Key::Num3, Key::PageDown],
        }
    }
}

/// Which key does what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap {
    keys: Vec<(Key, Action)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        Self {
            keys: Action::ALL
                .iter()
                .flat_map(|&action| action.default_keys().iter().map(move |&key| (key, action)))
                .collect(),
        }
    }
}

impl KeyMap {
    /// The action of a key pressed with `shift` (Shift+Tab goes back, as everywhere).
    pub fn action(&self, key: Key, shift: bool) -> Option<Action> {
        let action = self.keys.iter().find(|(k, _)| *k == key).map(|(_, a)| *a);
        match action {
            Some(Action::Next) if shift && key == Key::Tab => Some(Action::Previous),
            action => action,
        }
    }

    /// The keys of `action`, as the settings and the README name them.
    pub fn keys_of(&self, action: Action) -> Vec<Key> {
        self.keys
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// This map with `action` done by `names` (egui's key names: "2", "ArrowDown",
    /// "Enter"...) instead of its default keys; a name that is no key is the error.
    pub fn with(mut self, action: Action, names: &[String]) -> Result<Self, String> {
        let keys: Vec<Key> = names
            .iter()
            .map(|name| Key::from_name(name).ok_or_else(|| format!("`{name}` is not a key name")))
            .collect::<Result<_, _>>()?;
        self.keys
            .retain(|(key, a)| *a != action && !keys.contains(key));
        self.keys.extend(keys.into_iter().map(|key| (key, action)));
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keypad_reaches_every_action_and_no_key_does_two() {
        let map = KeyMap::default();
        for action in Action::ALL {
            assert!(!map.keys_of(action).is_empty(), "{action:?}");
        }
        let mut keys: Vec<Key> = map.keys.iter().map(|(k, _)| *k).collect();
        let all = keys.len();
        keys.sort_by_key(|k| k.name());
        keys.dedup();
        assert_eq!(keys.len(), all, "a key with two actions");
        assert_eq!(map.action(Key::Num5, false), Some(Action::Activate));
        assert_eq!(map.action(Key::Tab, true), Some(Action::Previous));
        assert_eq!(map.action(Key::A, false), None);
    }

    #[test]
    fn staff_can_move_an_action_to_other_keys() {
        let map = KeyMap::default()
            .with(Action::Repeat, &["R".to_owned(), "Numpad5".to_owned()])
            .unwrap();
        assert_eq!(map.action(Key::R, false), Some(Action::Repeat));
        assert_eq!(
            map.action(Key::Num5, false),
            Some(Action::Repeat),
            "taken from Activate"
        );
        assert_eq!(
            map.action(Key::Slash, false),
            None,
            "the default key is free again"
        );
        let wrong = KeyMap::default().with(Action::Home, &["Hoem".to_owned()]);
        assert_eq!(wrong.unwrap_err(), "`Hoem` is not a key name");
    }
}
