//! The one contract every visitor screen follows, in the spirit of egui's demo library:
//! a screen is a type that draws itself and says what it shows (for Listen), and a
//! [`ScreenKind`] entry in [`REGISTRY`] gives it a stable counter key, its idle rule and
//! its door on Home. The app, the idle timer, the counters and the tests all read the
//! registry, so a new screen is its own file plus one entry there.
//!
//! Screens do not change the app: they ask for changes with [`Command`]s, which the app
//! applies after the frame (as egui_demo_app's `wrap_app.rs` does).

use std::any::Any;

use egui::{Align, Layout, TextureHandle, Ui};

use super::{compare, consultation, faq, guide, home, questionnaire, theme, widgets};
use crate::content::{Content, Strings};
use crate::visitor::TextSize;

pub trait Screen: Any {
    fn kind(&self) -> &'static ScreenKind;

    /// Draws one frame.
    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>);

    /// What Listen reads: the text on screen, in the order shown, as plain sentences.
    fn speech(&self, content: &Content) -> Vec<String>;

    fn as_any_mut(&mut self) -> &mut dyn Any;
}

/// What the registry knows about a screen without opening it.
pub struct ScreenKind {
    /// Stable name, used for the counters file: never rename it.
    pub key: &'static str,
    /// How long it may stay untouched before "Still there?".
    pub idle: IdleRule,
    /// A new, empty screen of this kind: nothing of a previous visit carries over.
    pub open: fn() -> Box<dyn Screen>,
    /// How Home offers it: title and note words, and whether it is the banner.
    pub door: Option<Door>,
}

/// Which of the settings' idle times a screen follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleRule {
    Standard,
    /// People read longer (guide, comparison, FAQ).
    Reading,
    /// The screen shows a visitor's own answers, which must not wait long for the next
    /// person in the room.
    Answers,
}

pub struct Door {
    pub words: fn(&Strings) -> (&str, &str),
    /// The one wide accent banner under the tiles (booking), instead of a tile.
    pub banner: bool,
}

/// Every screen, Home first; Home shows the others' doors in this order.
pub const REGISTRY: &[&ScreenKind] = &[
    &home::KIND,
    &guide::KIND,
    &compare::KIND,
    &faq::KIND,
    &questionnaire::KIND,
    &consultation::KIND,
];

/// A registry entry by key.
pub fn kind(key: &str) -> Option<&'static ScreenKind> {
    REGISTRY.iter().copied().find(|k| k.key == key)
}

/// What a screen may ask of the app; applied after the frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Open(&'static str),
    SetLanguage(usize),
    SetTextSize(TextSize),
    ToggleContrast,
    /// Read this screen aloud; or stop.
    Listen,
    StopListening,
    /// A tap on the logo: part of the staff gesture.
    Knock,
    /// An FAQ answer was opened (its question), for the anonymous counters.
    FaqOpened(String),
    /// A questionnaire result was shown (its id), for the anonymous counters.
    ResultShown(String),
}

/// Whether Listen can be offered, and whether it is speaking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Listen {
    pub available: bool,
    pub speaking: bool,
}

/// What a screen gets for one frame.
pub struct Cx<'a> {
    pub content: &'a Content,
    /// Each language's name in itself, in index order.
    pub languages: &'a [String],
    pub language: usize,
    pub text_size: TextSize,
    pub high_contrast: bool,
    pub logo: Option<&'a TextureHandle>,
    pub qr: Option<&'a TextureHandle>,
    pub listen: Listen,
    fresh: bool,
    moved: bool,
    commands: Vec<Command>,
}

impl<'a> Cx<'a> {
    /// `fresh`: this is the first frame of a view, to be shown from its top.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        content: &'a Content,
        languages: &'a [String],
        language: usize,
        text_size: TextSize,
        high_contrast: bool,
        textures: (Option<&'a TextureHandle>, Option<&'a TextureHandle>),
        listen: Listen,
        fresh: bool,
    ) -> Self {
        Self {
            content,
            languages,
            language,
            text_size,
            high_contrast,
            logo: textures.0,
            qr: textures.1,
            listen,
            fresh,
            moved: false,
            commands: Vec::new(),
        }
    }

    pub fn strings(&self) -> &'a Strings {
        &self.content.strings
    }

    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The screen moved to another page or question: show it from the top, and stop
    /// reading the old one.
    pub fn new_view(&mut self) {
        self.fresh = true;
        self.moved = true;
    }

    /// The screen went back to a view it keeps where it was: stop reading the old one.
    pub fn stop_reading(&mut self) {
        self.moved = true;
    }

    /// True once, on the first frame of a view.
    pub fn take_fresh(&mut self) -> bool {
        std::mem::take(&mut self.fresh)
    }

    /// Whether this is the first frame of a view, without using it up.
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// The frame's commands, whether the screen moved to a new view, and whether that
    /// view is still to be shown from its top (it began after the body was drawn, as with
    /// a tap inside it: the next frame shows it fresh).
    pub fn finish(self) -> (Vec<Command>, bool, bool) {
        (self.commands, self.moved, self.fresh)
    }
}

/// The bar every screen but Home opens with: Home on the left, the title, then the
/// screen's own buttons, Listen (where a voice speaks this language) and text size.
pub fn top_bar(ui: &mut Ui, cx: &mut Cx<'_>, title: &str, own: impl FnOnce(&mut Ui, &mut Cx<'_>)) {
    let s = cx.strings();
    let home = widgets::top_bar(ui, &s.home, title, |ui| {
        own(ui, cx);
        listen_button(ui, cx);
        if let Some(size) = widgets::text_size_button(ui, &s.text_size, cx.text_size) {
            cx.send(Command::SetTextSize(size));
        }
    });
    if home {
        cx.send(Command::Open(home::KIND.key));
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
    if widgets::toggle_button(ui, label, cx.listen.speaking).clicked() {
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
    (back_label, back): (&str, bool),
    next: Option<(&str, bool)>,
    position: Option<String>,
) -> (bool, bool) {
    let c = theme::colors(ui.ctx());
    egui::Panel::bottom("paging_bar")
        .frame(widgets::bar_frame(ui))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let back = widgets::secondary_button(ui, back_label, back).clicked();
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    let next = next.is_some_and(|(label, enabled)| {
                        widgets::primary_button(ui, label, enabled).clicked()
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

/// Implements the parts of [`Screen`] every screen writes the same way.
macro_rules! screen_basics {
    () => {
        fn kind(&self) -> &'static $crate::ui::screen::ScreenKind {
            &KIND
        }

        fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
            self
        }
    };
}
pub(crate) use screen_basics;
