//! The staff side, window-free: the hidden gesture that opens the PIN pad, and the digits
//! typed on it. The screens that use them (Home, the PIN pad) keep them in their own state,
//! so leaving the screen forgets them.

/// Taps on the logo that open the PIN pad, and how quickly they must come: a visitor
/// does not tap a logo five times in three seconds by accident.
pub const KNOCKS: usize = 5;
pub const KNOCK_WINDOW_SECS: f64 = 3.0;
pub const MAX_DIGITS: usize = 8;

/// The recent taps on the logo.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Knocks {
    times: Vec<f64>,
}

impl Knocks {
    /// A tap on the logo at `now`; true on the fifth within the window (which starts over).
    pub fn knock(&mut self, now: f64) -> bool {
        self.times.retain(|t| now - t < KNOCK_WINDOW_SECS);
        self.times.push(now);
        let open = self.times.len() >= KNOCKS;
        if open {
            self.times.clear();
        }
        open
    }
}

/// Digits typed on the PIN pad, never more than a PIN can have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PinEntry {
    digits: String,
}

impl PinEntry {
    pub fn press(&mut self, digit: char) {
        if digit.is_ascii_digit() && self.digits.len() < MAX_DIGITS {
            self.digits.push(digit);
        }
    }

    pub fn len(&self) -> usize {
        self.digits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.digits.is_empty()
    }

    pub fn clear(&mut self) {
        self.digits.clear();
    }

    /// The digits, to try; the pad is empty again.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_quick_knocks_open_the_pad_and_slow_ones_do_not() {
        let mut knocks = Knocks::default();
        for t in [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0] {
            assert!(!knocks.knock(t), "one tap a second is too slow");
        }
        for t in [10.0, 10.5, 11.0, 11.5] {
            assert!(!knocks.knock(t), "four quick taps are not enough");
        }
        assert!(
            knocks.knock(12.0),
            "the fifth within three seconds opens the pad"
        );
        assert!(!knocks.knock(12.1), "and the count starts over");
    }

    #[test]
    fn the_pad_takes_at_most_eight_digits_and_only_digits() {
        let mut entry = PinEntry::default();
        for _ in 0..10 {
            entry.press('1');
        }
        entry.press('x');
        assert_eq!(entry.len(), 8);
        assert_eq!(entry.take(), "11111111");
        assert!(entry.is_empty());
    }
}
