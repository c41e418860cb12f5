//! The settings (`config.toml`), and `--set-pin`'s rewrite of one line of them.
#![no_main]

use libfuzzer_sys::fuzz_target;

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$3sdbJNSDS2h1Kn6cJkYKk7C+7nW9u0KPVtBYo1Q0XUo";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = kiosk::config::parse(&text, "fuzz.toml");
    let rewritten = kiosk::config::with_setting(&text, "pin_hash", HASH);
    let _ = kiosk::config::parse(&rewritten, "fuzz.toml");
});
