//! Every screen of the app, in each of its states, from the registry's galleries: a new
//! screen, page or result kind is walked and pictured without a line here.

use kiosk::app::KioskApp;

/// The names of the registry's gallery, in order.
pub fn names(app: &KioskApp) -> Vec<String> {
    let gallery = app.registry().gallery(app.content());
    gallery.into_iter().map(|(name, _)| name).collect()
}

/// Puts the app on gallery state `name`, for a new visitor: the kiosk's one reset first,
/// then the state opened.
pub fn open(app: &mut KioskApp, ctx: &egui::Context, name: &str) {
    app.wipe(ctx);
    let screen = app
        .registry()
        .gallery_state(app.content(), name)
        .unwrap_or_else(|| panic!("no screen state {name:?}"));
    app.visitor.open(screen);
}
