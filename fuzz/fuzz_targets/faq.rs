//! The FAQ (`faq.md`).
#![no_main]

use kiosk::content::faq;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(faq) = faq::parse(&text) {
        for entry in &faq.entries {
            let _ = entry.answer.iter().map(|b| b.line).max();
        }
    }
});
