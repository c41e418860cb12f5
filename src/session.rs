//! What one visitor is doing: the screen, the guide page, the open FAQ answers.
//! Kept apart from drawing so a reset can forget all of it in one call.

use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Home,
    Guide,
    Compare,
    Faq,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    pub screen: Screen,
    /// 0-based page of the guide.
    pub guide_page: usize,
    /// The guide's table of contents is showing instead of a page.
    pub guide_contents: bool,
    /// FAQ entries whose answers are open.
    pub faq_open: BTreeSet<usize>,
    /// Set by every move to a new view, so the next frame starts it scrolled to the top.
    pub fresh_view: bool,
}

impl Session {
    /// Forgets everything the visitor did and shows Home.
    pub fn reset(&mut self) {
        *self = Self {
            fresh_view: true,
            ..Self::default()
        };
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

    /// True once after a move to a new view.
    pub fn take_fresh_view(&mut self) -> bool {
        std::mem::take(&mut self.fresh_view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn reset_forgets_everything() {
        let mut s = Session::default();
        s.go(Screen::Guide);
        s.next_page(5);
        s.toggle_faq(1);
        s.reset();
        assert_eq!(s.screen, Screen::Home);
        assert_eq!(s.guide_page, 0);
        assert!(s.faq_open.is_empty());
    }
}
