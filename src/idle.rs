//! The idle timer: after a while with no touch, "Still there?", then forget the visitor.
//! Times are seconds on any steady clock (egui's input time in the app, plain numbers in
//! tests).

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Idle {
    /// Someone is using the kiosk; the warning is due in this many seconds.
    Active { warning_in: f64 },
    /// "Still there?" is showing, with this many seconds left.
    Warning { remaining: f64 },
    /// Nobody answered the warning: forget everything now.
    Expired,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct IdleTimer {
    last_touch: f64,
}

impl IdleTimer {
    pub fn touch(&mut self, now: f64) {
        self.last_touch = now;
    }

    /// Where the visitor stands: `timeout` seconds of no touch bring the warning, which
    /// lasts `warning` seconds.
    pub fn state(&self, now: f64, timeout: f64, warning: f64) -> Idle {
        let idle = (now - self.last_touch).max(0.0);
        if idle < timeout {
            Idle::Active {
                warning_in: timeout - idle,
            }
        } else if idle < timeout + warning {
            Idle::Warning {
                remaining: timeout + warning - idle,
            }
        } else {
            Idle::Expired
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_then_warning_then_expired() {
        let mut timer = IdleTimer::default();
        timer.touch(100.0);
        assert_eq!(
            timer.state(150.0, 90.0, 30.0),
            Idle::Active { warning_in: 40.0 }
        );
        assert_eq!(
            timer.state(190.0, 90.0, 30.0),
            Idle::Warning { remaining: 30.0 }
        );
        assert_eq!(
            timer.state(215.0, 90.0, 30.0),
            Idle::Warning { remaining: 5.0 }
        );
        assert_eq!(timer.state(220.0, 90.0, 30.0), Idle::Expired);
    }

    #[test]
    fn a_touch_starts_the_wait_again() {
        let mut timer = IdleTimer::default();
        timer.touch(0.0);
        timer.touch(200.0);
        assert_eq!(
            timer.state(250.0, 90.0, 30.0),
            Idle::Active { warning_in: 40.0 }
        );
    }
}
