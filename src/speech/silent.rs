//! A speaker with no voices, for systems without a speech service: Listen is hidden and
//! the staff screen says why.

use super::Speaker;

/// A speaker with no voices, for systems without a speech service.
#[derive(Clone, Debug)]
pub struct Silent {
    reason: String,
}

impl Silent {
    /// `reason` is the status line, e.g. "Speech is off: …".
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
        }
    }
}

impl Speaker for Silent {
    fn speak(&mut self, _language: &str, _text: &str) {}

    fn stop(&mut self) {}

    fn set_voice(&mut self, _rate: i32, _volume: i32) {}

    fn is_speaking(&mut self) -> bool {
        false
    }

    fn has_voice(&self, _language: &str) -> bool {
        false
    }

    fn status(&self) -> String {
        self.reason.clone()
    }
}
