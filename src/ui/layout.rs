//! How a screen is laid out: the bar every screen but Home opens with, the scrolling body
//! under it, and the bar under a paged screen.

use egui::{Align, Layout, Ui};

use super::screen::{Command, Cx};
use super::theme::{self, Palette};
use super::widgets;

/// The bar every screen but Home opens with: Home on the left, the title, then the
/// screen's own buttons, Listen (where a voice speaks this language) and text size.
pub fn top_bar(ui: &mut Ui, cx: &mut Cx<'_>, title: &str, own: impl FnOnce(&mut Ui, &mut Cx<'_>)) {
    let s = cx.strings();
    let c = cx.palette();
    let home = widgets::top_bar(ui, c, &s.home, title, |ui| {
        own(ui, cx);
        listen_button(ui, cx);
        if let Some(size) = widgets::text_size_button(ui, c, &s.text_size, cx.look.text_size) {
            cx.send(Command::SetTextSize(size));
        }
    });
    if home {
        cx.send(Command::Home);
    }
}

/// "Listen" while quiet, "Stop" while speaking; hidden where no voice speaks the language.
pub fn listen_button(ui: &mut Ui, cx: &mut Cx<'_>) {
    if !cx.listen.available {
        return;
    }
    let s = cx.strings();
    let (label, command) = if cx.listen.speaking {
        (&s.stop_listening, Command::StopListening)
    } else {
        (&s.listen, Command::Listen)
    };
    if widgets::toggle_button(ui, cx.palette(), label, cx.listen.speaking).clicked() {
        cx.send(command);
    }
}

/// The scrolling body under the bars: a centred column at most `width` wide, shown from
/// its top on a view's first frame.
pub fn body<R>(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    id: &str,
    width: f32,
    add: impl FnOnce(&mut Ui, &mut Cx<'_>) -> R,
) -> R {
    let fresh = cx.take_fresh();
    widgets::body(ui, |ui| {
        widgets::reading_scroll(ui, id, fresh, |ui| {
            widgets::reading_column(ui, width, |ui| add(ui, cx))
        })
    })
}

/// The bar under a paged screen: a way back on the left (its label, and whether it is
/// enabled), the main step on the right, and where the visitor is ("Page 2 of 11")
/// between them. Returns (back tapped, next tapped).
pub fn paging_bar(
    ui: &mut Ui,
    c: &Palette,
    (back_label, back): (&str, bool),
    next: Option<(&str, bool)>,
    position: Option<String>,
) -> (bool, bool) {
    egui::Panel::bottom("paging_bar")
        .frame(widgets::bar_frame(c))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let back = widgets::secondary_button(ui, c, back_label, back).clicked();
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    let next = next.is_some_and(|(label, enabled)| {
                        widgets::primary_button(ui, c, label, enabled).clicked()
                    });
                    if let Some(position) = position {
                        ui.centered_and_justified(|ui| {
                            ui.label(
                                egui::RichText::new(position)
                                    .size(theme::BODY)
                                    .color(c.text_muted),
                            );
                        });
                    }
                    (back, next)
                })
                .inner
            })
            .inner
        })
        .inner
}
