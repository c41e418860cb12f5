//! The interface's words (`ui.toml`), with their `{n}`/`{m}` templates and plural forms
//! filled as the screens fill them.
#![no_main]

use kiosk::content::strings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(s) = strings::parse(&text) else {
        return;
    };
    let _ = s.page_of(1, 11);
    let _ = s.question_of(3, 7);
    for n in [0, 1, 2, 30] {
        let _ = s.idle_message.fill(n, &[]);
        let _ = s.pin_wrong.fill(n, &[]);
        let _ = s.pin_locked.fill(n, &[]);
        let _ = s.goal_treatments.fill(
            n,
            &[("concern", "acne scars"), ("treatments", "Microneedling")],
        );
    }
});
