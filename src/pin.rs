//! The staff PIN: checked against an Argon2 hash (the PIN itself is never stored), with a
//! lockout after repeated wrong tries that doubles each time and survives a restart.

use std::path::PathBuf;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, MIN_SALT_LEN, Params, PasswordHash};
use serde::{Deserialize, Serialize};

/// Wrong tries allowed before the pad locks.
pub const TRIES: u32 = 5;
/// The first lockout; each further one doubles.
pub const FIRST_LOCKOUT_SECS: u64 = 5 * 60;

/// A PIN is 4 to 8 digits: typed on the app's own pad, never on a keyboard.
pub fn check_format(pin: &str) -> Result<(), String> {
    if (4..=8).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err("a staff PIN is 4 to 8 digits".to_owned())
    }
}

/// A salted Argon2id hash of `pin`, as a PHC string for the settings file.
pub fn hash(pin: &str) -> Result<String, String> {
    check_format(pin)?;
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("the PIN could not be hashed: {e}"))
}

/// Whether `hash` is a whole PIN hash such as `--set-pin` writes: an Argon2 PHC string
/// with its parameters, a salt and the full hash. A damaged or cut-short one would refuse
/// every PIN without a word, so the settings report it instead.
pub fn check_hash(hash: &str) -> Result<(), String> {
    let parsed = PasswordHash::new(hash).map_err(|e| format!("it cannot be read ({e})"))?;
    Algorithm::try_from(parsed.algorithm.as_str())
        .map_err(|_| format!("`{}` is not an Argon2 hash", parsed.algorithm))?;
    Params::try_from(&parsed).map_err(|e| format!("its parameters are wrong ({e})"))?;
    let salt = parsed.salt.ok_or("its salt is missing")?;
    if salt.len() < MIN_SALT_LEN {
        return Err(format!("its salt is only {} bytes", salt.len()));
    }
    let output = parsed.hash.ok_or("its hash part is missing")?;
    if output.len() != Params::DEFAULT_OUTPUT_LEN {
        return Err(format!(
            "its hash part is {} bytes instead of {}: cut short?",
            output.len(),
            Params::DEFAULT_OUTPUT_LEN
        ));
    }
    Ok(())
}

/// What the lockout file keeps: counts and a time, never a PIN.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockState {
    pub wrong_tries: u32,
    pub lockouts: u32,
    /// Unix time until which the pad refuses every PIN.
    pub locked_until: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    Accepted,
    Wrong {
        tries_left: u32,
    },
    /// Refused without checking, even the right PIN, for this many more seconds.
    LockedOut {
        seconds: u64,
    },
    /// No PIN has been set, so the staff screen cannot be opened.
    NoPin,
}

#[derive(Debug)]
pub struct PinLock {
    hash: Option<String>,
    path: PathBuf,
    state: LockState,
}

impl PinLock {
    /// The lock for `hash`, with its lockout state read from `path`. A damaged or
    /// unreadable state file counts as a fresh lockout. A missing one means no wrong
    /// tries: deleting the file does lift a lockout, but only someone with a shell on the
    /// kiosk as its user or as root can delete it (it is created 0600 in a 0700 folder),
    /// and they may as well set a new PIN with `--set-pin`; a visitor at the screen cannot.
    pub fn load(hash: Option<String>, path: PathBuf, now: u64) -> Self {
        let state = match crate::platform::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => LockState::default(),
            Ok(text) => toml::from_str(&text).unwrap_or_else(|_| damaged(now)),
            Err(_) => damaged(now),
        };
        Self { hash, path, state }
    }

    pub fn has_pin(&self) -> bool {
        self.hash.is_some()
    }

    /// Seconds until the pad accepts a PIN again, when it is locked.
    pub fn locked_for(&self, now: u64) -> Option<u64> {
        (self.state.locked_until > now).then(|| self.state.locked_until - now)
    }

    pub fn try_pin(&mut self, pin: &str, now: u64) -> Attempt {
        let Some(hash) = &self.hash else {
            return Attempt::NoPin;
        };
        if let Some(seconds) = self.locked_for(now) {
            return Attempt::LockedOut { seconds };
        }
        let right = Argon2::default()
            .verify_password(pin.as_bytes(), hash.as_str())
            .is_ok();
        let attempt = if right {
            self.state = LockState::default();
            Attempt::Accepted
        } else {
            self.state.wrong_tries += 1;
            if self.state.wrong_tries >= TRIES {
                let seconds = FIRST_LOCKOUT_SECS.saturating_mul(1 << self.state.lockouts.min(16));
                self.state.lockouts += 1;
                self.state.wrong_tries = 0;
                self.state.locked_until = now + seconds;
                Attempt::LockedOut { seconds }
            } else {
                Attempt::Wrong {
                    tries_left: TRIES - self.state.wrong_tries,
                }
            }
        };
        self.save();
        attempt
    }

    fn save(&self) {
        let text = toml::to_string(&self.state).unwrap_or_default();
        // A failed write only loses the lockout's memory across a restart; the pad in
        // memory stays locked.
        let _ = crate::platform::write(&self.path, text.as_bytes());
    }
}

fn damaged(now: u64) -> LockState {
    LockState {
        wrong_tries: 0,
        lockouts: 1,
        locked_until: now + FIRST_LOCKOUT_SECS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_four_to_eight_digits() {
        assert!(check_format("1234").is_ok());
        assert!(check_format("12345678").is_ok());
        assert!(check_format("123").is_err());
        assert!(check_format("12a4").is_err());
        assert!(hash("12").is_err());
    }

    #[test]
    fn a_whole_hash_passes_and_every_cut_or_damaged_one_is_reported() {
        let whole = hash("2468").unwrap();
        assert_eq!(check_hash(&whole), Ok(()));
        for end in 0..whole.len() {
            assert!(check_hash(&whole[..end]).is_err(), "{}", &whole[..end]);
        }
        for damaged in [
            whole.replace("$argon2id$", "$argon2x$"),
            whole.replace("m=", "q="),
            whole.replace("$v=19$", "$v=19$$"),
            format!("{whole}*"),
            whole.replacen('$', " ", 1),
        ] {
            assert!(check_hash(&damaged).is_err(), "{damaged}");
        }
    }
}
