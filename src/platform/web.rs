//! The browser (wasm32): `localStorage` for what Linux keeps in files, the browser's
//! SpeechSynthesis for Listen, the console for the log, and the start of the app on the
//! page's canvas. No network: nothing here fetches anything; the page's service worker
//! (`web/sw.js`) caches the app's own files so that it starts with the network off.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};

use wasm_bindgen::JsCast;

use super::APP_FOLDER;
use crate::speech::Speaker;

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

fn settings_path() -> PathBuf {
    settings_dir().join("config.toml")
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
    if path == settings_path() {
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
    if path == settings_path() {
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

/// No content folder on the web: the content is built in.
pub fn installed_content() -> Option<PathBuf> {
    None
}

/// The browser's voices.
pub fn system_speaker(rate: i32, volume: i32) -> Box<dyn Speaker> {
    Box::new(BrowserSpeech::new(rate, volume))
}

/// Listen through the browser's SpeechSynthesis, with the device's own voices only
/// (`localService`): a voice that the browser fetches from a server is never used, so
/// the kiosk says nothing over the network.
pub struct BrowserSpeech {
    /// The utterances' rate and volume ([`super::web_voice`]).
    rate: f32,
    volume: f32,
    /// The languages (primary subtags) with an on-device voice, when known.
    languages: RefCell<BTreeSet<String>>,
    /// Whether the browser has said which voices it has (some list them a moment after
    /// the page loads; the frame loop looks again four times a second meanwhile).
    known: Cell<bool>,
    /// Looks left before the voices are taken as none (about 5 s at 4 a second).
    looks_left: Cell<u32>,
}

impl BrowserSpeech {
    pub fn new(rate: i32, volume: i32) -> Self {
        let (rate, volume) = super::web_voice(rate, volume);
        let speech = Self {
            rate,
            volume,
            languages: RefCell::new(BTreeSet::new()),
            known: Cell::new(false),
            looks_left: Cell::new(20),
        };
        speech.look_for_voices();
        speech
    }

    fn synthesis() -> Option<web_sys::SpeechSynthesis> {
        web_sys::window()?.speech_synthesis().ok()
    }

    fn voices() -> Vec<web_sys::SpeechSynthesisVoice> {
        Self::synthesis()
            .map(|s| {
                s.get_voices()
                    .iter()
                    .map(|v| v.unchecked_into::<web_sys::SpeechSynthesisVoice>())
                    .filter(web_sys::SpeechSynthesisVoice::local_service)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn look_for_voices(&self) {
        let voices = Self::voices();
        *self.languages.borrow_mut() = voices
            .iter()
            .filter_map(|v| crate::speech::primary_language(&v.lang()))
            .collect();
        self.looks_left.set(self.looks_left.get().saturating_sub(1));
        self.known
            .set(!voices.is_empty() || self.looks_left.get() == 0);
    }

    /// The on-device voice for `language`: Latin American Spanish first for Spanish (as
    /// on Linux), else the browser's default for the language, else the first.
    fn voice_for(language: &str) -> Option<web_sys::SpeechSynthesisVoice> {
        let primary = crate::speech::primary_language(language)?;
        let voices: Vec<_> = Self::voices()
            .into_iter()
            .filter(|v| crate::speech::primary_language(&v.lang()).as_deref() == Some(&primary))
            .collect();
        let preferred: &[&str] = if primary == "es" {
            &["es-419", "es-MX", "es-US"]
        } else {
            &[]
        };
        preferred
            .iter()
            .find_map(|tag| {
                voices
                    .iter()
                    .find(|v| v.lang().replace('_', "-").eq_ignore_ascii_case(tag))
            })
            .or_else(|| voices.iter().find(|v| v.default()))
            .or_else(|| voices.first())
            .cloned()
    }
}

impl Speaker for BrowserSpeech {
    fn speak(&mut self, language: &str, text: &str) {
        let Some(synthesis) = Self::synthesis() else {
            return;
        };
        synthesis.cancel();
        let Some(voice) = Self::voice_for(language) else {
            return;
        };
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            return;
        };
        utterance.set_lang(&voice.lang());
        utterance.set_voice(Some(&voice));
        utterance.set_rate(self.rate);
        utterance.set_volume(self.volume);
        synthesis.speak(&utterance);
    }

    fn set_voice(&mut self, rate: i32, volume: i32) {
        (self.rate, self.volume) = super::web_voice(rate, volume);
    }

    fn stop(&mut self) {
        if let Some(synthesis) = Self::synthesis() {
            synthesis.cancel();
        }
    }

    fn is_speaking(&mut self) -> bool {
        Self::synthesis().is_some_and(|s| s.speaking() || s.pending())
    }

    fn has_voice(&self, language: &str) -> bool {
        crate::speech::has_language(&self.languages.borrow(), language)
    }

    fn status(&self) -> String {
        if Self::synthesis().is_none() {
            "Speech is off: this browser has no speech synthesis".to_owned()
        } else if self.languages.borrow().is_empty() {
            "Speech is off: this device has no voice of its own (voices from the network are not used)".to_owned()
        } else {
            let list: Vec<String> = self.languages.borrow().iter().cloned().collect();
            format!("Speech works: the device's voices for {}", list.join(", "))
        }
    }

    /// Looks again at the browser's voices while they are not known yet.
    fn is_checking(&self) -> bool {
        if !self.known.get() {
            self.look_for_voices();
        }
        !self.known.get()
    }
}

/// The kiosk's log in the browser's console, filtered as on Linux (`RUST_LOG`'s
/// default, [`crate::logging::DEFAULT_FILTER`]).
pub fn init_logging() {
    struct Console(crate::logging::Filter);
    impl log::Log for Console {
        fn enabled(&self, metadata: &log::Metadata) -> bool {
            metadata.level() <= self.0.level_for(metadata.target())
        }
        fn log(&self, record: &log::Record) {
            if !self.enabled(record.metadata()) {
                return;
            }
            let line = crate::logging::format_line(
                record.level(),
                record.target(),
                &record.args().to_string(),
                false,
            );
            let line = wasm_bindgen::JsValue::from_str(&line);
            match record.level() {
                log::Level::Error => web_sys::console::error_1(&line),
                log::Level::Warn => web_sys::console::warn_1(&line),
                log::Level::Info => web_sys::console::info_1(&line),
                _ => web_sys::console::debug_1(&line),
            }
        }
        fn flush(&self) {}
    }
    let filter = crate::logging::Filter::parse(crate::logging::DEFAULT_FILTER)
        .expect("the default filter parses");
    let max = filter.max();
    if log::set_boxed_logger(Box::new(Console(filter))).is_ok() {
        log::set_max_level(max);
    }
    // A panic cannot be caught here (the module is built with panic=abort), so the page
    // starts the kiosk again, on Home, as Linux does after a screen fails; not in its
    // first half-minute, where a failure would only repeat.
    let started = web_time::Instant::now();
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("the kiosk failed: {info}").into());
        if started.elapsed().as_secs() >= 30
            && let Some(window) = web_sys::window()
        {
            let _ = window.location().reload();
        }
    }));
}

/// Starts the kiosk on the page's `<canvas id="kiosk">`: the built-in content, the
/// settings from `localStorage` or built in, the browser's voices.
pub fn start() {
    init_logging();
    let config_path = settings_path();
    let (config, config_problems) = crate::config::load(&config_path);
    let loaded = crate::content::load(&crate::content::Source::BuiltIn);
    log::info!("showing {}", loaded.summary());
    for problem in loaded.problems.iter().chain(&config_problems) {
        log::warn!("{problem}");
    }
    let speaker = system_speaker(config.speech_rate, config.speech_volume);
    let options = crate::app::Options {
        config,
        config_problems,
        started: None,
        config_path: Some(config_path),
        window_clears_background: true,
        more_screens: Vec::new(),
    };
    let web_options = eframe::WebOptions {
        dithering: false,
        ..Default::default()
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(canvas) = document
            .get_element_by_id("kiosk")
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            log::error!("the page has no <canvas id=\"kiosk\">");
            return;
        };
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                web_options,
                Box::new(move |cc| {
                    let app = crate::app::KioskApp::new(&cc.egui_ctx, loaded, options)
                        .with_speaker(speaker);
                    Ok(Box::new(app))
                }),
            )
            .await;
        match started {
            Ok(()) => {
                if let Some(loading) = document.get_element_by_id("loading") {
                    loading.remove();
                }
            }
            Err(e) => {
                log::error!("the kiosk could not start: {e:?}");
                if let Some(loading) = document.get_element_by_id("loading") {
                    loading.set_text_content(Some(
                        "The kiosk could not start in this browser (it needs WebGL 2).",
                    ));
                }
            }
        }
    });
}
