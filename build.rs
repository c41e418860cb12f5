//! The shipped `content/` and `assets/` are compiled into the binary; rebuild whenever a
//! file in them changes, is added or is removed (include_dir alone misses new files).
//!
//! `KIOSK_CONTENT` names another content folder to build in instead of `content/` (the
//! web and Windows build scripts' `--content`, for a clinic's own folder). The web
//! build's settings are compiled in too: `KIOSK_WEB_CONFIG` names the clinic's
//! `config.toml` (`scripts/build-web.sh --config FILE`); without it they are empty.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=assets");
    println!("cargo:rerun-if-env-changed=KIOSK_CONTENT");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let content = match std::env::var_os("KIOSK_CONTENT") {
        Some(dir) => std::path::absolute(PathBuf::from(dir)).expect("KIOSK_CONTENT is a path"),
        None => manifest.join("content"),
    };
    assert!(
        content.is_dir(),
        "the content folder {} does not exist",
        content.display()
    );
    println!("cargo:rerun-if-changed={}", content.display());
    println!(
        "cargo:rustc-env=KIOSK_BUILT_IN_CONTENT={}",
        content.display()
    );
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rerun-if-env-changed=KIOSK_WEB_CONFIG");
        let settings = match std::env::var_os("KIOSK_WEB_CONFIG") {
            Some(path) => {
                println!("cargo:rerun-if-changed={}", path.to_string_lossy());
                std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("KIOSK_WEB_CONFIG={}: {e}", path.to_string_lossy()))
            }
            None => String::new(),
        };
        let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
        std::fs::write(out.join("web-config.toml"), settings).expect("OUT_DIR is writable");
    }
}
