//! The staff desk, window-free: the hidden gesture that opens the PIN pad, the digits
//! typed so far, which staff view is showing, and the staff screen's own state. All of it
//! is closed together, by staff or by the idle reset.

use crate::pin::{Attempt, PinLock};

/// Taps on the logo that open the PIN pad, and how quickly they must come: a visitor
/// does not tap a logo five times in three seconds by accident.
pub const KNOCKS: usize = 5;
pub const KNOCK_WINDOW_SECS: f64 = 3.0;
pub const MAX_DIGITS: usize = 8;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Closed,
    PinPad,
    Open,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Staff {
    pub view: View,
    /// Digits typed on the pad; cleared after every try.
    pub digits: String,
    /// The pad's last answer (wrong PIN, locked out).
    pub pad_message: Option<PadMessage>,
    /// The staff screen's answer to the last action, e.g. where the export went.
    pub message: Option<String>,
    /// "Reset counters" was tapped once; the next tap resets them.
    pub reset_armed: bool,
    knocks: Vec<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PadMessage {
    Wrong { tries_left: u32 },
    LockedOut { seconds: u64 },
}

impl Staff {
    /// A tap on the logo at `now`; the fifth within the window opens the PIN pad.
    pub fn knock(&mut self, now: f64) {
        self.knocks.retain(|t| now - t < KNOCK_WINDOW_SECS);
        self.knocks.push(now);
        if self.knocks.len() >= KNOCKS {
            self.knocks.clear();
            self.view = View::PinPad;
            self.digits.clear();
            self.pad_message = None;
        }
    }

    pub fn press_digit(&mut self, digit: char) {
        if self.digits.len() < MAX_DIGITS {
            self.digits.push(digit);
        }
    }

    /// Tries the typed digits; the staff screen opens on the right PIN.
    pub fn submit(&mut self, lock: &mut PinLock, now: u64) {
        let digits = std::mem::take(&mut self.digits);
        self.pad_message = match lock.try_pin(&digits, now) {
            Attempt::Accepted => {
                self.view = View::Open;
                None
            }
            Attempt::Wrong { tries_left } => Some(PadMessage::Wrong { tries_left }),
            Attempt::LockedOut { seconds } => Some(PadMessage::LockedOut { seconds }),
            Attempt::NoPin => None,
        };
    }

    /// Closes whatever staff view is open (and forgets typed digits).
    pub fn close(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_quick_knocks_open_the_pad_and_slow_ones_do_not() {
        let mut staff = Staff::default();
        for t in [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0] {
            staff.knock(t);
        }
        assert_eq!(staff.view, View::Closed, "one tap a second is too slow");
        for t in [10.0, 10.5, 11.0, 11.5] {
            staff.knock(t);
        }
        assert_eq!(staff.view, View::Closed, "four quick taps are not enough");
        staff.knock(12.0);
        assert_eq!(
            staff.view,
            View::PinPad,
            "the fifth within three seconds opens the pad"
        );
    }

    #[test]
    fn the_pad_takes_at_most_eight_digits() {
        let mut staff = Staff::default();
        for _ in 0..10 {
            staff.press_digit('1');
        }
        assert_eq!(staff.digits, "11111111");
    }
}
