//! The listener's own volume and pace: levels from 1 to 10 within limits staff set, each
//! visitor starting at the settings' defaults.

/// The highest level: levels run from 1 to this.
pub const LEVELS: u8 = 10;

/// How loud and how fast the voice speaks, as levels 1..=10.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Voice {
    pub volume: u8,
    pub pace: u8,
}

/// The levels a visitor may choose, and where each visitor starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoiceLimits {
    pub volume: (u8, u8),
    pub pace: (u8, u8),
    pub start: Voice,
}

impl Default for VoiceLimits {
    fn default() -> Self {
        Self {
            volume: (1, LEVELS),
            pace: (1, LEVELS),
            start: Voice::from_settings(0, 100),
        }
    }
}

impl Voice {
    /// The levels nearest to speech-dispatcher's `rate` and `volume` (-100..=100).
    pub fn from_settings(rate: i32, volume: i32) -> Self {
        Self {
            volume: level(volume),
            pace: level(rate),
        }
    }

    /// speech-dispatcher's (rate, volume), -100..=100 each.
    pub fn to_settings(self) -> (i32, i32) {
        (scale(self.pace), scale(self.volume))
    }

    /// One step louder (`up`) or softer, within the limits; `None` at a limit.
    pub fn volume_step(self, up: bool, limits: &VoiceLimits) -> Option<Self> {
        step(self.volume, up, limits.volume).map(|volume| Self { volume, ..self })
    }

    /// One step faster (`up`) or slower, within the limits; `None` at a limit.
    pub fn pace_step(self, up: bool, limits: &VoiceLimits) -> Option<Self> {
        step(self.pace, up, limits.pace).map(|pace| Self { pace, ..self })
    }
}

fn level(setting: i32) -> u8 {
    let fraction = f64::from(setting.clamp(-100, 100) + 100) / 200.0;
    1 + (fraction * f64::from(LEVELS - 1)).round() as u8
}

fn scale(level: u8) -> i32 {
    let level = level.clamp(1, LEVELS);
    -100 + (i32::from(level - 1) * 200) / i32::from(LEVELS - 1)
}

fn step(level: u8, up: bool, (min, max): (u8, u8)) -> Option<u8> {
    let next = if up {
        level.checked_add(1)?
    } else {
        level.checked_sub(1)?
    };
    (min..=max).contains(&next).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_map_to_speech_dispatchers_scale_and_back() {
        assert_eq!(
            Voice::from_settings(0, 100),
            Voice {
                volume: 10,
                pace: 6
            }
        );
        assert_eq!(
            Voice {
                volume: 1,
                pace: 10
            }
            .to_settings(),
            (100, -100)
        );
        for level in 1..=LEVELS {
            let voice = Voice {
                volume: level,
                pace: level,
            };
            let (rate, volume) = voice.to_settings();
            assert_eq!(Voice::from_settings(rate, volume), voice);
        }
    }

    #[test]
    fn steps_stay_within_the_staffs_limits() {
        let limits = VoiceLimits {
            volume: (4, 8),
            pace: (3, 7),
            start: Voice { volume: 8, pace: 3 },
        };
        let voice = limits.start;
        assert_eq!(
            voice.volume_step(true, &limits),
            None,
            "at the loudest allowed"
        );
        assert_eq!(voice.volume_step(false, &limits).unwrap().volume, 7);
        assert_eq!(
            voice.pace_step(false, &limits),
            None,
            "at the slowest allowed"
        );
        assert_eq!(voice.pace_step(true, &limits).unwrap().pace, 4);
    }
}
