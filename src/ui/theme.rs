//! The spa's look: warm cream, one teal accent, bundled fonts, large type and
//! finger-sized controls.

use std::sync::Arc;

use egui::{
    Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Stroke, Style, TextStyle,
    Vec2,
};

/// How a visitor chose to see the kiosk: text size and contrast. Passed to every screen
/// as a value; the app applies it to the window (zoom, egui's visuals) when it changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Look {
    pub text_size: TextSize,
    pub high_contrast: bool,
}

impl Look {
    pub fn palette(self) -> &'static Palette {
        if self.high_contrast {
            &HIGH_CONTRAST
        } else {
            &STANDARD
        }
    }

    /// Makes the window draw in this look: zoom (so buttons grow with the text) and
    /// egui's own visuals (scroll bars) in the palette.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.set_zoom_factor(self.text_size.zoom());
        // The same look whatever the system prefers: a dark desktop must not darken the spa.
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            ctx.set_visuals_of(theme, visuals(self.palette()));
        }
    }
}

/// How large everything is drawn: the visitor's "larger text" choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// The zoom the whole interface is drawn at, so buttons grow with the text.
    pub fn zoom(self) -> f32 {
        match self {
            Self::Normal => 1.0,
            Self::Large => 1.25,
            Self::Largest => 1.5,
        }
    }

    pub fn percent(self) -> u32 {
        (self.zoom() * 100.0).round() as u32
    }

    /// The next size, back to normal after the largest.
    pub fn next(self) -> Self {
        match self {
            Self::Normal => Self::Large,
            Self::Large => Self::Largest,
            Self::Largest => Self::Normal,
        }
    }
}

/// The colours of one look. Every text colour is used only on the backgrounds listed in
/// [`Palette::text_pairs`], which the contrast test checks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Color32,
    pub surface: Color32,
    pub surface_muted: Color32,
    pub border: Color32,
    pub text: Color32,
    pub text_muted: Color32,
    /// Scroll handles.
    pub handle: Color32,
    pub accent: Color32,
    pub accent_pressed: Color32,
    /// Chosen, open or pressed rows.
    pub accent_soft: Color32,
    pub on_accent: Color32,
    /// The ring around the control a key-using visitor is on.
    pub focus: Color32,
}

/// Warm cream, one teal accent: the spa's front desk.
pub static STANDARD: Palette = Palette {
    background: Color32::from_rgb(0xFA, 0xF6, 0xF0),
    surface: Color32::from_rgb(0xFF, 0xFD, 0xF9),
    surface_muted: Color32::from_rgb(0xF2, 0xEB, 0xE1),
    border: Color32::from_rgb(0xE4, 0xD9, 0xCB),
    text: Color32::from_rgb(0x2F, 0x2A, 0x26),
    text_muted: Color32::from_rgb(0x62, 0x58, 0x4F),
    handle: Color32::from_rgb(0xA8, 0x9A, 0x8A),
    accent: Color32::from_rgb(0x2E, 0x6A, 0x62),
    accent_pressed: Color32::from_rgb(0x22, 0x52, 0x4B),
    accent_soft: Color32::from_rgb(0xE2, 0xEE, 0xEA),
    on_accent: Color32::from_rgb(0xFF, 0xFD, 0xF9),
    focus: Color32::from_rgb(0xB3, 0x40, 0x0A),
};

/// Black on white with a deep accent and firm borders, for low vision.
pub static HIGH_CONTRAST: Palette = Palette {
    background: Color32::WHITE,
    surface: Color32::WHITE,
    surface_muted: Color32::from_rgb(0xEE, 0xEE, 0xEE),
    border: Color32::BLACK,
    text: Color32::BLACK,
    text_muted: Color32::from_rgb(0x22, 0x22, 0x22),
    handle: Color32::BLACK,
    accent: Color32::from_rgb(0x00, 0x3B, 0x33),
    accent_pressed: Color32::BLACK,
    accent_soft: Color32::from_rgb(0xD6, 0xEC, 0xE7),
    on_accent: Color32::WHITE,
    focus: Color32::from_rgb(0x00, 0x33, 0xCC),
};

impl Palette {
    /// Every (text, background) pair the screens draw, by name.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color32, Color32)> {
        vec![
            ("text on background", self.text, self.background),
            ("text on surface", self.text, self.surface),
            ("text on a chosen row", self.text, self.accent_soft),
            ("muted text on background", self.text_muted, self.background),
            ("muted text on surface", self.text_muted, self.surface),
            ("accent on background", self.accent, self.background),
            ("accent on surface", self.accent, self.surface),
            ("accent on a chosen row", self.accent, self.accent_soft),
            ("text on accent", self.on_accent, self.accent),
            (
                "text on pressed accent",
                self.on_accent,
                self.accent_pressed,
            ),
            // Not text, but it must stand out as much: WCAG asks 3:1 of a focus
            // indicator; this one meets the text's 4.5:1 (7:1 in high contrast).
            ("focus ring on background", self.focus, self.background),
            ("focus ring on surface", self.focus, self.surface),
        ]
    }
}

/// The WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Sizes in logical pixels. Body text is at least 22 px (docs/design.md); we use more.
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

/// The fonts, sizes and spacing every look shares, and the standard look.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
    Look::default().apply(ctx);
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

fn visuals(c: &Palette) -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(c.text);
    v.panel_fill = c.background;
    v.window_fill = c.surface;
    v.extreme_bg_color = c.surface;
    v.faint_bg_color = c.surface_muted;
    v.selection.bg_fill = c.accent_soft;
    v.selection.stroke = Stroke::new(2.0, c.accent);
    let radius = CornerRadius::same(ROUNDING);
    for (state, fill) in [
        (&mut v.widgets.inactive, c.surface),
        (&mut v.widgets.hovered, c.surface),
        (&mut v.widgets.active, c.surface_muted),
        (&mut v.widgets.open, c.surface),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.bg_stroke = Stroke::new(1.5, c.border);
        // Text colour comes from `override_text_color`; this stroke draws scroll handles.
        state.fg_stroke = Stroke::new(2.0, c.handle);
        state.corner_radius = radius;
        state.expansion = 0.0;
    }
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, c.border);
    v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, c.text);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wcag_formula_gives_the_known_extremes() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!((contrast_ratio(grey, Color32::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_is_readable_on_its_background() {
        let mut lowest = (f32::MAX, "");
        for (palette, minimum) in [(&STANDARD, 4.5), (&HIGH_CONTRAST, 7.0)] {
            for (name, text, background) in palette.text_pairs() {
                let ratio = contrast_ratio(text, background);
                assert!(ratio >= minimum, "{name}: {ratio:.2} < {minimum}");
                if ratio < lowest.0 {
                    lowest = (ratio, name);
                }
            }
        }
        println!("lowest contrast: {:.2} ({})", lowest.0, lowest.1);
    }
}
