//! Every screen the kiosk has. Home, the screen walk, the snapshots and the counters all
//! read the registry, so a new screen is its own file, one line here, and its strings.

use super::screen::{Registry, ScreenKind};
use super::{compare, consultation, faq, guide, home, idle_warning, pin_pad, questionnaire, staff};

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

impl Default for Registry {
    fn default() -> Self {
        Self::new(SCREENS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_home_is_there() {
        let registry = Registry::default();
        for kind in registry.kinds() {
            assert!(
                std::ptr::eq(registry.kind(kind.key).unwrap(), *kind),
                "{}",
                kind.key
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
