//! A list of problems, `path:line: message` each, under a heading, or the words that say
//! there are none: on the staff screen (the content and settings, a USB stick's content)
//! and beside a preview.

use egui::{FontFamily, RichText, Ui};

use crate::ui::theme::{self, Palette};

pub fn show(
    ui: &mut Ui,
    c: &Palette,
    heading: &str,
    none: &str,
    lines: impl Iterator<Item = String>,
) {
    ui.label(
        RichText::new(heading)
            .size(theme::CARD_HEADING)
            .family(theme::bold())
            .color(c.accent),
    );
    let mut any = false;
    for line in lines {
        any = true;
        ui.label(
            RichText::new(line)
                .size(theme::SMALL)
                .family(FontFamily::Monospace),
        );
    }
    if !any {
        ui.label(RichText::new(none).size(theme::BODY));
    }
}
