//! The clinic's details (`clinic.toml`); the booking address's QR code is drawn as the
//! consultation card does.
#![no_main]

use kiosk::content::clinic;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(clinic) = clinic::parse(&text) else {
        return;
    };
    let _ = clinic.missing();
    if !clinic.booking_url.is_empty()
        && clinic::placeholder(&clinic.booking_url).is_none()
        && let Ok(image) = kiosk::qr::encode(&clinic.booking_url)
    {
        let (side, grey) = image.to_grey(1);
        assert_eq!(grey.len(), side * side);
    }
});
