//! The browser (wasm32): `localStorage` for what Linux keeps in files, and a download for
//! an export. No network: nothing here fetches anything; the page's service worker
//! (`web/sw.js`) caches the app's own files so that it starts with the network off.

use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};

use wasm_bindgen::JsCast;

use super::{APP_FOLDER, default_config_path};

/// The settings the web build was made with: `scripts/build-web.sh --config FILE` (the
/// clinic's `config.toml`, with the `pin_hash` that `--set-pin` wrote on any machine).
/// Empty without one: then the defaults, and no staff PIN.
pub const BUILT_IN_SETTINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/web-config.toml"));

/// The `localStorage` entry that says which built-in settings a stored copy started from.
const SETTINGS_ORIGIN: &str = "microneedling-kiosk:settings-origin";

fn storage() -> std::io::Result<web_sys::Storage> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Unsupported,
                "this browser keeps no local storage",
            )
        })
}

fn key(path: &Path) -> String {
    format!("{APP_FOLDER}:{}", path.display())
}

/// A digest of the built-in settings (FNV-1a), to notice a rebuild with new ones.
fn settings_origin() -> String {
    let digest = BUILT_IN_SETTINGS
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{digest:016x}")
}

/// A stored file's bytes. The settings file is the built-in one until staff change a
/// setting on the tablet (the default language); a rebuild with other settings (a new
/// PIN) replaces that copy.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let storage = storage()?;
    let stored = storage
        .get_item(&key(path))
        .map_err(|_| Error::other("local storage cannot be read"))?;
    if path == default_config_path() {
        let same_build =
            storage.get_item(SETTINGS_ORIGIN).ok().flatten() == Some(settings_origin());
        return Ok(match stored {
            Some(text) if same_build => text.into_bytes(),
            _ => BUILT_IN_SETTINGS.as_bytes().to_vec(),
        });
    }
    stored
        .map(String::into_bytes)
        .ok_or_else(|| Error::from(ErrorKind::NotFound))
}

/// Stores `bytes` (UTF-8 text: settings, counters, lockout) at `path`; one
/// `localStorage` write, whole or not at all.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::new(ErrorKind::InvalidData, e))?;
    let storage = storage()?;
    storage
        .set_item(&key(path), text)
        .map_err(|_| Error::other("local storage is full or turned off"))?;
    if path == default_config_path() {
        let _ = storage.set_item(SETTINGS_ORIGIN, &settings_origin());
    }
    Ok(())
}

/// Renames a stored entry (a damaged one set aside).
pub fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    let bytes = read(from)?;
    write(to, &bytes)?;
    storage()?
        .remove_item(&key(from))
        .map_err(|_| Error::other("local storage cannot be changed"))
}

/// Hands an exported file to staff: the browser downloads it, named as `path`'s file.
pub fn export(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let fail = |_| Error::other("the browser refused the download");
    let name = path
        .file_name()
        .map_or("counters.csv".into(), |n| n.to_string_lossy());
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| Error::other("no page"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(&name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The settings' `localStorage` prefix, as a path.
pub fn settings_dir() -> PathBuf {
    PathBuf::from("/").join(APP_FOLDER)
}

/// The counters' and the lockout's `localStorage` prefix, as a path.
pub fn state_dir() -> PathBuf {
    settings_dir()
}

/// No folders to install into: the web app's content is built in, and new content is a
/// new build (`scripts/build-web.sh`).
pub const INSTALLS_CONTENT: bool = false;

/// No folders: the content is the built-in copy, whatever the settings say.
pub const HAS_FOLDERS: bool = false;

/// No content folder on the web: the content is built in.
pub fn installed_content() -> Option<PathBuf> {
    None
}
