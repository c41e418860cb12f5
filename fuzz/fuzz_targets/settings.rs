//! The settings (`config.toml`), and `--set-pin`'s rewrite of one line of them.
#![no_main]

use libfuzzer_sys::fuzz_target;

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$3sdbJNSDS2h1Kn6cJkYKk7C+7nW9u0KPVtBYo1Q0XUo";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = kiosk::config::parse(&text, "fuzz.toml");
    // Text that parses must take the new line and still parse, to the same settings
    // apart from the PIN.
    if let Ok(rewritten) = kiosk::config::with_setting(&text, "pin_hash", HASH) {
        let (before, _) = kiosk::config::parse(&text, "fuzz.toml");
        let (after, _) = kiosk::config::parse(&rewritten, "fuzz.toml");
        assert_eq!(after.pin_hash.as_deref(), Some(HASH), "{rewritten}");
        // Compared as text: a NaN window position is never equal to itself.
        let without_pin = |config: kiosk::config::Config| {
            format!("{:?}", kiosk::config::Config { pin_hash: None, ..config })
        };
        assert_eq!(without_pin(after), without_pin(before));
    }
});
