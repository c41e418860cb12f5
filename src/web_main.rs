//! The web app's module: starts the kiosk on the page's canvas (`scripts/build-web.sh`
//! builds it for wasm32 and makes the page around it).

#[cfg(target_arch = "wasm32")]
fn main() {
    kiosk::web_app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "microneedling-kiosk-web is the web app's module: build it with scripts/build-web.sh"
    );
    std::process::exit(2);
}
