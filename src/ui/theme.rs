//! The spa's look: warm cream, one teal accent, bundled fonts, large type and
//! finger-sized controls.

use std::sync::Arc;

use egui::{
    Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Stroke, Style, TextStyle,
    Vec2,
};

pub const BACKGROUND: Color32 = Color32::from_rgb(0xFA, 0xF6, 0xF0);
pub const SURFACE: Color32 = Color32::from_rgb(0xFF, 0xFD, 0xF9);
pub const SURFACE_MUTED: Color32 = Color32::from_rgb(0xF2, 0xEB, 0xE1);
pub const BORDER: Color32 = Color32::from_rgb(0xE4, 0xD9, 0xCB);
pub const TEXT: Color32 = Color32::from_rgb(0x2F, 0x2A, 0x26);
pub const TEXT_MUTED: Color32 = Color32::from_rgb(0x62, 0x58, 0x4F);
/// Scroll handles: visible on the cream, quieter than text.
pub const HANDLE: Color32 = Color32::from_rgb(0xA8, 0x9A, 0x8A);
pub const ACCENT: Color32 = Color32::from_rgb(0x2E, 0x6A, 0x62);
pub const ACCENT_PRESSED: Color32 = Color32::from_rgb(0x22, 0x52, 0x4B);
pub const ACCENT_SOFT: Color32 = Color32::from_rgb(0xE2, 0xEE, 0xEA);
pub const ON_ACCENT: Color32 = Color32::from_rgb(0xFF, 0xFD, 0xF9);

/// Sizes in logical pixels. Body text is at least 22 px (DESIGN.md); we use more.
pub const BODY: f32 = 26.0;
pub const SMALL: f32 = 22.0;
pub const BUTTON: f32 = 28.0;
pub const TITLE: f32 = 46.0;
pub const CARD_HEADING: f32 = 32.0;
pub const DISPLAY: f32 = 64.0;

/// The smallest tappable size at the default text size.
pub const TOUCH: f32 = 64.0;
pub const ROUNDING: u8 = 18;
/// The widest a column of reading text gets; longer lines are hard to follow.
pub const READING_WIDTH: f32 = 1100.0;

pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

pub fn italic() -> FontFamily {
    FontFamily::Name("italic".into())
}

/// The serif face for the clinic's name and page titles.
pub fn display() -> FontFamily {
    FontFamily::Name("display".into())
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
    // The same look whatever the system prefers: a dark desktop must not darken the spa.
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.set_visuals_of(theme, visuals());
    }
    ctx.all_styles_mut(style);
    ctx.set_theme(egui::Theme::Light);
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let faces: [(&str, &'static [u8]); 4] = [
        (
            "lato",
            include_bytes!("../../assets/fonts/Lato-Regular.ttf"),
        ),
        (
            "lato-bold",
            include_bytes!("../../assets/fonts/Lato-Bold.ttf"),
        ),
        (
            "lato-italic",
            include_bytes!("../../assets/fonts/Lato-Italic.ttf"),
        ),
        (
            "garamond",
            include_bytes!("../../assets/fonts/EBGaramond12-Regular.otf"),
        ),
    ];
    for (name, bytes) in faces {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    // egui's own fonts stay behind ours as a fallback for symbols Lato lacks.
    let fallback = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let family = |first: &[&str]| -> Vec<String> {
        first
            .iter()
            .map(|s| (*s).to_owned())
            .chain(fallback.iter().cloned())
            .collect()
    };
    fonts
        .families
        .insert(FontFamily::Proportional, family(&["lato"]));
    fonts
        .families
        .insert(bold(), family(&["lato-bold", "lato"]));
    fonts
        .families
        .insert(italic(), family(&["lato-italic", "lato"]));
    fonts
        .families
        .insert(display(), family(&["garamond", "lato"]));
    fonts
}

fn visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(TEXT);
    v.panel_fill = BACKGROUND;
    v.window_fill = SURFACE;
    v.extreme_bg_color = SURFACE;
    v.faint_bg_color = SURFACE_MUTED;
    v.selection.bg_fill = ACCENT_SOFT;
    v.selection.stroke = Stroke::new(2.0, ACCENT);
    let radius = CornerRadius::same(ROUNDING);
    for (state, fill) in [
        (&mut v.widgets.inactive, SURFACE),
        (&mut v.widgets.hovered, SURFACE),
        (&mut v.widgets.active, SURFACE_MUTED),
        (&mut v.widgets.open, SURFACE),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.bg_stroke = Stroke::new(1.5, BORDER);
        // Text colour comes from `override_text_color`; this stroke draws scroll handles.
        state.fg_stroke = Stroke::new(2.0, HANDLE);
        state.corner_radius = radius;
        state.expansion = 0.0;
    }
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, BORDER);
    v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, TEXT);
    v.widgets.noninteractive.corner_radius = radius;
    v
}

fn style(style: &mut Style) {
    style.text_styles = [
        (TextStyle::Body, FontId::proportional(BODY)),
        (TextStyle::Small, FontId::proportional(SMALL)),
        (TextStyle::Button, FontId::proportional(BUTTON)),
        (TextStyle::Heading, FontId::new(TITLE, display())),
        (TextStyle::Monospace, FontId::monospace(BODY)),
    ]
    .into();
    let spacing = &mut style.spacing;
    spacing.item_spacing = Vec2::new(16.0, 14.0);
    spacing.button_padding = Vec2::new(28.0, 14.0);
    spacing.interact_size = Vec2::splat(TOUCH);
    spacing.scroll = egui::style::ScrollStyle::solid();
    spacing.scroll.bar_width = 14.0;
    spacing.scroll.bar_outer_margin = 8.0;
    spacing.scroll.bar_inner_margin = 16.0;
    // Draw the handle in the widgets' foreground colour so it shows on the light track.
    spacing.scroll.foreground_color = true;
    // Labels that select text would swallow the drag a visitor uses to scroll.
    style.interaction.selectable_labels = false;
    style.interaction.tooltip_delay = f32::INFINITY;
    style.url_in_tooltip = false;
}
