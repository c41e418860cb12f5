//! What one visitor is doing: the screen they are on (which holds that screen's own
//! state: the guide page, the open FAQ answers, the questionnaire's answers), their
//! language, text size and contrast. Everything here is forgotten together: a new visitor
//! is a new `Visitor`. Nothing here is ever written to disk.

use crate::ui::screen::{REGISTRY, Screen};

/// How large everything is drawn: the visitor's "larger text" choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// The zoom the whole interface is drawn at, so buttons grow with the text.
    pub fn zoom(self) -> f32 {
        match self {
            Self::Normal => 1.0,
            Self::Large => 1.25,
            Self::Largest => 1.5,
        }
    }

    pub fn percent(self) -> u32 {
        (self.zoom() * 100.0).round() as u32
    }

    /// The next size, back to normal after the largest.
    pub fn next(self) -> Self {
        match self {
            Self::Normal => Self::Large,
            Self::Large => Self::Largest,
            Self::Largest => Self::Normal,
        }
    }
}

pub struct Visitor {
    pub screen: Box<dyn Screen>,
    /// The language on screen: 0 is English, then the translations in folder order.
    pub language: usize,
    pub text_size: TextSize,
    pub high_contrast: bool,
    /// The next frame starts a new view, shown from its top.
    pub fresh_view: bool,
    /// The visitor used Listen, so the idle warning is spoken too.
    pub listened: bool,
}

impl Visitor {
    /// A visitor who has not touched anything yet: Home, in `language`.
    pub fn new(language: usize) -> Self {
        Self {
            screen: (REGISTRY[0].open)(),
            language,
            text_size: TextSize::default(),
            high_contrast: false,
            fresh_view: true,
            listened: false,
        }
    }

    /// Opens a new, empty screen: whatever the previous one held is dropped with it.
    pub fn open(&mut self, screen: Box<dyn Screen>) {
        self.screen = screen;
        self.fresh_view = true;
    }

    /// Opens the registry's screen `key` (e.g. "Guide"), as a tap on its door does;
    /// an unknown key changes nothing.
    pub fn go(&mut self, key: &str) {
        if let Some(kind) = crate::ui::screen::kind(key) {
            self.open((kind.open)());
        }
    }

    /// Nothing to forget: Home, untouched, as a new visitor finds it.
    pub fn is_pristine(&self, default_language: usize) -> bool {
        self.screen.kind().key == REGISTRY[0].key
            && self.language == default_language
            && self.text_size == TextSize::default()
            && !self.high_contrast
            && !self.listened
    }

    /// The current screen as its own type, if it is one.
    pub fn screen_as<T: Screen>(&mut self) -> Option<&mut T> {
        self.screen.as_any_mut().downcast_mut::<T>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::guide::Guide;

    #[test]
    fn a_new_visitor_is_pristine_and_a_touched_one_is_not() {
        let mut visitor = Visitor::new(1);
        assert!(visitor.is_pristine(1));
        assert!(!visitor.is_pristine(0), "another language than the default");
        visitor.open(Box::new(Guide::default()));
        assert!(!visitor.is_pristine(1));
        assert!(visitor.screen_as::<Guide>().is_some());
    }
}
