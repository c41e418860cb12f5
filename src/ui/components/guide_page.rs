//! A guide page as a component: its title and one card per idea. Shown by the Guide and
//! by a result's "Read more", which marks the card that says what the result cited.

use egui::{RichText, Stroke, Ui};

use crate::content::GuidePage;
use crate::content::markdown::plain_lines;
use crate::ui::theme::{self, Palette};
use crate::ui::{markdown_view, widgets};

/// The page; `marked` is a card to set apart and bring into view on a view's first frame.
pub fn show(ui: &mut Ui, c: &Palette, page: &GuidePage, marked: Option<usize>, fresh: bool) {
    ui.label(
        RichText::new(&page.title)
            .family(theme::display())
            .size(theme::DISPLAY)
            .color(c.text),
    );
    ui.add_space(12.0);
    for (index, card) in page.cards.iter().enumerate() {
        let add = |ui: &mut Ui| {
            if let Some(heading) = &card.heading {
                markdown_view::heading(ui, c, heading);
                ui.add_space(4.0);
            }
            markdown_view::blocks(ui, c, &card.blocks);
        };
        if marked == Some(index) {
            let response = widgets::card_with(ui, c.accent_soft, Stroke::new(3.0, c.accent), add);
            if fresh {
                response.scroll_to_me(Some(egui::Align::Center));
            }
        } else {
            widgets::card(ui, c, add);
        }
        ui.add_space(18.0);
    }
}

/// The page as Listen reads it: title, then each card's heading and lines.
pub fn speech(page: &GuidePage) -> Vec<String> {
    let mut parts = vec![page.title.clone()];
    for card in &page.cards {
        parts.extend(card.heading.as_ref().map(|h| h.plain()));
        parts.extend(plain_lines(&card.blocks));
    }
    parts
}
