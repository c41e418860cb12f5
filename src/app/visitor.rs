//! The person in front of the screen: the screen they are on (which holds that screen's
//! own state: the guide page, the open FAQ answers, the questionnaire's answers, the PIN
//! typed), their language and look, whether they listen, and their idle timer. Everything
//! here is forgotten together: a new visitor is a new `Visitor`. Nothing here is ever
//! written to disk.

use crate::idle::IdleTimer;
use crate::ui::home;
use crate::ui::screen::Screen;
use crate::ui::theme::Look;
use crate::voice::Voice;

pub struct Visitor {
    pub screen: Box<dyn Screen>,
    /// The language on screen: 0 is English, then the translations in folder order.
    pub language: usize,
    pub look: Look,
    /// The next frame starts a new view, shown from its top.
    pub fresh_view: bool,
    /// The visitor used Listen, so the idle warning is spoken too.
    pub listened: bool,
    /// Something is being said and has not been seen to finish.
    pub speaking: bool,
    /// What is being said is Listen's reading of the screen (the Listen key stops it).
    pub reading: bool,
    /// When they last touched the screen.
    pub idle: IdleTimer,
    /// "Still there?" was showing last frame (it is spoken once, when it appears).
    pub warned: bool,
    /// Speech navigation: keys move a focus ring and a voice says every move.
    pub nav: bool,
    /// Their own volume and pace.
    pub voice: Voice,
    /// The last thing said to them, for the repeat key.
    pub last_said: String,
    /// Counts the views they have opened (screens, pages, questions), to notice a new one.
    pub views: u64,
    /// The control the keys are on, as last described (for "where am I").
    pub focused: Option<egui::WidgetInfo>,
    /// What this visit has been counted for: each step of it once.
    pub counted: Counted,
}

/// The steps of a visit already counted, so each counts once per visit however often
/// the visitor goes back and forth. Forgotten with the visitor; never written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    pub visit: bool,
    pub started: bool,
    pub finished: bool,
    pub consultation: bool,
    pub consultation_after_result: bool,
}

impl Visitor {
    /// A visitor who has not touched anything yet, at `now`: Home, in `language`, with
    /// the voice at `voice`.
    pub fn new(language: usize, voice: Voice, now: f64) -> Self {
        let mut idle = IdleTimer::default();
        idle.touch(now);
        Self {
            screen: (home::KIND.open)(),
            language,
            look: Look::default(),
            fresh_view: true,
            listened: false,
            speaking: false,
            reading: false,
            idle,
            warned: false,
            nav: false,
            voice,
            last_said: String::new(),
            views: 0,
            focused: None,
            counted: Counted::default(),
        }
    }

    /// Opens a screen: whatever the previous one held is dropped with it.
    pub fn open(&mut self, screen: Box<dyn Screen>) {
        self.screen = screen;
        self.fresh_view = true;
        self.views += 1;
    }

    /// Nothing to forget: Home, untouched, as a new visitor finds it.
    pub fn is_pristine(&self, default_language: usize) -> bool {
        self.screen.kind().key == home::KIND.key
            && self.language == default_language
            && self.look == Look::default()
            && !self.listened
            && !self.nav
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::guide;

    #[test]
    fn a_new_visitor_is_pristine_and_a_touched_one_is_not() {
        let mut visitor = Visitor::new(1, Voice { volume: 5, pace: 5 }, 0.0);
        assert!(visitor.is_pristine(1));
        assert!(!visitor.is_pristine(0), "another language than the default");
        visitor.open((guide::KIND.open)());
        assert!(!visitor.is_pristine(1));
        assert_eq!(visitor.screen.kind().key, guide::KIND.key);
    }
}
