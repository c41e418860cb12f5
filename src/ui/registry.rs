//! Every screen there is. Home, the screen walk, the snapshots and the counters all read
//! the registry, so a new screen is its own file, one line here, and its strings.

use super::screen::{Gallery, Screen, ScreenKind};
use super::{compare, consultation, faq, guide, home, idle_warning, pin_pad, questionnaire, staff};
use crate::content::Content;

/// The kiosk's own screens. Home shows the doors of those that have one, in this order.
pub const SCREENS: &[&ScreenKind] = &[
    &home::KIND,
    &guide::KIND,
    &compare::KIND,
    &faq::KIND,
    &questionnaire::KIND,
    &consultation::KIND,
    &pin_pad::KIND,
    &staff::KIND,
    &idle_warning::KIND,
];

/// The screens of one kiosk: [`SCREENS`], and any a test or a build adds.
#[derive(Clone)]
pub struct Registry {
    kinds: Vec<&'static ScreenKind>,
}

impl Default for Registry {
    fn default() -> Self {
        Self {
            kinds: SCREENS.to_vec(),
        }
    }
}

impl Registry {
    /// These screens and `more` (a key already taken is a mistake, refused loudly).
    pub fn with(mut self, more: &[&'static ScreenKind]) -> Self {
        for kind in more {
            assert!(
                self.kind(kind.key).is_none(),
                "two screens use the key {}",
                kind.key
            );
            self.kinds.push(kind);
        }
        self
    }

    pub fn kinds(&self) -> &[&'static ScreenKind] {
        &self.kinds
    }

    /// A screen by its key.
    pub fn kind(&self, key: &str) -> Option<&'static ScreenKind> {
        self.kinds.iter().copied().find(|k| k.key == key)
    }

    /// Every named state of every screen (each page, each result...), made fresh: what
    /// the screen walk, the snapshots and the benchmarks go through.
    pub fn gallery(&self, content: &Content) -> Gallery {
        self.kinds
            .iter()
            .flat_map(|kind| (kind.gallery)(content))
            .collect()
    }

    /// One state of [`Registry::gallery`] by its name.
    pub fn gallery_state(&self, content: &Content, name: &str) -> Option<Box<dyn Screen>> {
        self.gallery(content)
            .into_iter()
            .find_map(|(n, screen)| (n == name).then_some(screen))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_home_is_there() {
        let registry = Registry::default();
        for (i, kind) in registry.kinds().iter().enumerate() {
            assert_eq!(
                registry.kind(kind.key).map(|k| k as *const _),
                Some(registry.kinds()[i] as *const _)
            );
        }
        assert!(registry.kind(home::KIND.key).is_some());
    }

    #[test]
    #[should_panic(expected = "two screens use the key Guide")]
    fn a_second_screen_with_a_taken_key_is_refused() {
        let _ = Registry::default().with(&[&guide::KIND]);
    }
}
