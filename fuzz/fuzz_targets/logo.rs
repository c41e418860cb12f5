//! The clinic's logo (`logo.png`), decoded with the size limit the loader uses.
#![no_main]

use kiosk::content::logo;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = logo::decode(data) {
        assert!(decoded.size[0] <= logo::MAX_SIDE as usize);
        assert!(decoded.size[1] <= logo::MAX_SIDE as usize);
        assert_eq!(decoded.rgba.len(), decoded.size[0] * decoded.size[1] * 4);
    }
});
