//! How a screen is laid out: the bar every screen but Home opens with, the scrolling body
//! under it, and the bar under a paged screen.

use egui::{Align, Layout, Ui};

use super::screen::{Command, Cx, VoiceStep};
use super::theme;
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
    if cx.listen.voice.is_some() {
        egui::Panel::top("voice_bar")
            .frame(widgets::bar_frame(c))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| voice_controls(ui, cx));
            });
    }
}

/// The listener's own volume and speed, each with a step down and up (shown while Listen
/// or speech navigation is on).
pub fn voice_controls(ui: &mut Ui, cx: &mut Cx<'_>) {
    let Some((voice, limits)) = cx.listen.voice else {
        return;
    };
    let (s, c) = (cx.strings(), cx.palette());
    let levels = crate::voice::LEVELS.to_string();
    let level = |template: &str, n: u8| {
        crate::content::strings::fill(template, &[("n", &n.to_string()), ("m", &levels)])
    };
    let rows = [
        (
            (
                &s.voice_softer,
                VoiceStep::Softer,
                voice.volume > limits.volume.0,
            ),
            level(&s.voice_volume, voice.volume),
            (
                &s.voice_louder,
                VoiceStep::Louder,
                voice.volume < limits.volume.1,
            ),
        ),
        (
            (
                &s.voice_slower,
                VoiceStep::Slower,
                voice.pace > limits.pace.0,
            ),
            level(&s.voice_pace, voice.pace),
            (
                &s.voice_faster,
                VoiceStep::Faster,
                voice.pace < limits.pace.1,
            ),
        ),
    ];
    for ((down, down_step, can_down), shown, (up, up_step, can_up)) in rows {
        if widgets::secondary_button(ui, c, down, can_down).clicked() {
            cx.send(Command::Voice(down_step));
        }
        ui.label(egui::RichText::new(shown).size(theme::BODY));
        if widgets::secondary_button(ui, c, up, can_up).clicked() {
            cx.send(Command::Voice(up_step));
        }
        ui.add_space(24.0);
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
    let response = widgets::toggle_button(ui, cx.palette(), label, cx.listen.speaking);
    if response.clicked() {
        cx.send(command);
    }
    // Held down on it for a second, it turns on speech navigation instead (egui does not
    // count a press that long as a click).
    let held = ui.input(|i| {
        let on_it = i.pointer.primary_down()
            && i.pointer
                .press_origin()
                .is_some_and(|at| response.rect.contains(at));
        i.pointer
            .press_start_time()
            .filter(|_| on_it)
            .map(|start| i.time - start)
    });
    match held {
        Some(held) if held >= LONG_PRESS_SECS => cx.send(Command::SpeechNavigation),
        Some(held) => ui
            .ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(LONG_PRESS_SECS - held)),
        None => {}
    }
}

/// How long a press on Listen turns on speech navigation.
pub const LONG_PRESS_SECS: f64 = 1.0;

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
    cx: &mut Cx<'_>,
    (back_label, back): (&str, bool),
    next: Option<(&str, bool)>,
    position: Option<String>,
) -> (bool, bool) {
    let c = cx.palette();
    // The listener's Back key is this bar's Back (and does nothing where Back is off).
    let back_key = cx.take_back_key() && back;
    egui::Panel::bottom("paging_bar")
        .frame(widgets::bar_frame(c))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let back = widgets::secondary_button(ui, c, back_label, back).clicked() || back_key;
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
