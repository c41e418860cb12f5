//! The web app (wasm32): the kiosk's log in the browser's console, and the start of the
//! app on the page's canvas (`src/web_main.rs`, built by `scripts/build-web.sh`). What the
//! browser keeps instead of files is [`crate::platform`]'s, its voices
//! [`crate::speech`]'s.

use wasm_bindgen::JsCast;

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
    let config_path = crate::platform::default_config_path();
    let (config, config_problems) = crate::config::load(&config_path);
    let loaded = crate::content::load(&crate::content::Source::BuiltIn);
    log::info!("showing {}", loaded.summary());
    for problem in loaded.problems.iter().chain(&config_problems) {
        log::warn!("{problem}");
    }
    let speaker = crate::speech::system_speaker(config.speech_rate, config.speech_volume);
    let options = crate::app::Options {
        config,
        config_problems,
        started: None,
        config_path: Some(config_path),
        window_clears_background: true,
        plain_fills_by_clear: true,
        // The system's clock; content is built in, so nothing new to follow.
        ..Default::default()
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
