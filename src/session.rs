//! What one visitor is doing: the screen, the guide page, the open FAQ answers and the
//! questionnaire answers. Kept apart from drawing so a reset forgets all of it in one call.
//! Nothing here is ever written to disk.

use std::collections::BTreeSet;

use crate::questionnaire::{Answers, Questionnaire};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Home,
    Guide,
    Compare,
    Faq,
    Questionnaire,
    Consultation,
}

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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    pub screen: Screen,
    /// The language on screen: 0 is English, then the translations in folder order.
    pub language: usize,
    /// The language every new visitor starts in (the staff's choice, kept by `reset`).
    pub default_language: usize,
    pub text_size: TextSize,
    pub high_contrast: bool,
    /// 0-based page of the guide.
    pub guide_page: usize,
    /// The guide's table of contents is showing instead of a page.
    pub guide_contents: bool,
    /// FAQ entries whose answers are open.
    pub faq_open: BTreeSet<usize>,
    /// The question on screen; one past the last question shows the result.
    pub quiz_step: usize,
    pub answers: Answers,
    /// Set by every move to a new view, so the next frame starts it scrolled to the top.
    pub fresh_view: bool,
}

impl Session {
    /// A session for a new visitor, in `default_language`.
    pub fn new(default_language: usize) -> Self {
        Self {
            language: default_language,
            default_language,
            ..Self::default()
        }
    }

    /// Forgets everything the visitor did (answers, pages, language, text size, contrast)
    /// and shows Home.
    pub fn reset(&mut self) {
        *self = Self {
            fresh_view: true,
            ..Self::new(self.default_language)
        };
    }

    /// Nothing to forget: Home, untouched, as a new visitor finds it.
    pub fn is_pristine(&self) -> bool {
        *self
            == Self {
                fresh_view: self.fresh_view,
                ..Self::new(self.default_language)
            }
    }

    pub fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.guide_contents = false;
        self.fresh_view = true;
    }

    /// Shows guide page `page`, clamped to the `pages` there are.
    pub fn open_page(&mut self, page: usize, pages: usize) {
        self.guide_page = page.min(pages.saturating_sub(1));
        self.guide_contents = false;
        self.fresh_view = true;
    }

    pub fn next_page(&mut self, pages: usize) {
        if self.guide_page + 1 < pages {
            self.open_page(self.guide_page + 1, pages);
        }
    }

    pub fn previous_page(&mut self, pages: usize) {
        if self.guide_page > 0 {
            self.open_page(self.guide_page - 1, pages);
        }
    }

    pub fn show_contents(&mut self, show: bool) {
        self.guide_contents = show;
        self.fresh_view = true;
    }

    pub fn toggle_faq(&mut self, entry: usize) {
        if !self.faq_open.remove(&entry) {
            self.faq_open.insert(entry);
        }
    }

    /// Answers a single-choice question and moves on to the next question (or the result).
    pub fn answer(&mut self, questionnaire: &Questionnaire, option: usize) {
        self.answers.choose(self.quiz_step, option);
        self.next_question(questionnaire);
    }

    pub fn next_question(&mut self, questionnaire: &Questionnaire) {
        self.quiz_step = (self.quiz_step + 1).min(questionnaire.questions.len());
        self.fresh_view = true;
    }

    /// Back one question, keeping every answer.
    pub fn previous_question(&mut self) {
        self.quiz_step = self.quiz_step.saturating_sub(1);
        self.fresh_view = true;
    }

    /// Clears the answers and shows the first question.
    pub fn start_over(&mut self) {
        self.answers = Answers::default();
        self.quiz_step = 0;
        self.fresh_view = true;
    }

    /// True once after a move to a new view.
    pub fn take_fresh_view(&mut self) -> bool {
        std::mem::take(&mut self.fresh_view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{self, Source};

    #[test]
    fn paging_stays_within_the_guide() {
        let mut s = Session::default();
        s.previous_page(3);
        assert_eq!(s.guide_page, 0);
        s.next_page(3);
        s.next_page(3);
        s.next_page(3);
        assert_eq!(s.guide_page, 2);
        s.open_page(10, 3);
        assert_eq!(s.guide_page, 2);
    }

    #[test]
    fn faq_rows_toggle() {
        let mut s = Session::default();
        s.toggle_faq(2);
        assert!(s.faq_open.contains(&2));
        s.toggle_faq(2);
        assert!(s.faq_open.is_empty());
    }

    #[test]
    fn answering_moves_on_and_back_keeps_answers() {
        let questionnaire = content::load(&Source::BuiltIn).content.questionnaire;
        let mut s = Session::default();
        s.answers.toggle(0, 0);
        s.next_question(&questionnaire);
        s.answer(&questionnaire, 1);
        assert_eq!(s.quiz_step, 2);
        s.previous_question();
        s.previous_question();
        assert_eq!(s.quiz_step, 0);
        assert!(s.answers.is_chosen(0, 0) && s.answers.is_chosen(1, 1));
        s.start_over();
        assert!(s.answers.is_empty());
    }

    #[test]
    fn reset_forgets_everything_but_the_default_language() {
        let mut s = Session::new(1);
        s.go(Screen::Guide);
        s.next_page(5);
        s.toggle_faq(1);
        s.answers.choose(3, 0);
        s.quiz_step = 4;
        s.language = 0;
        s.text_size = TextSize::Largest;
        s.high_contrast = true;
        s.reset();
        assert_eq!(
            s,
            Session {
                fresh_view: true,
                ..Session::new(1)
            }
        );
        assert!(s.is_pristine());
    }
}
