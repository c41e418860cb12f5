//! The one contract everything on screen follows, in the spirit of egui's demo library: a
//! screen is a type that draws itself from its frame's [`Cx`] and says what it shows (for
//! Listen), and a [`ScreenKind`] describes it without opening it: a stable key for the
//! counters, its idle rule, its door on Home, and a gallery of its states for the screen
//! walk and the snapshots. [`super::registry`] lists them all.
//!
//! Screens do not change the app: they ask with [`Command`]s, which the app applies after
//! the frame (as egui_demo_app's `wrap_app.rs` does), and the app answers the screen that
//! asked with a [`Reply`] where there is something to answer.

use egui::Ui;

use super::textures::Textures;
use super::theme::{Look, Palette, TextSize};
use crate::content::{Content, Strings};
use crate::kiosk::Kiosk;
use crate::pin::Attempt;
use crate::voice::{Voice, VoiceLimits};

pub trait Screen: 'static {
    fn kind(&self) -> &'static ScreenKind;

    /// Draws one frame.
    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>);

    /// What Listen reads: the text on screen, in the order shown, as plain sentences.
    fn speech(&self, cx: &Cx<'_>) -> Vec<String>;

    /// Where the visitor is, for a listener ("where am I"): the screen's title, and the
    /// page or question. By default the first thing Listen reads.
    fn where_am_i(&self, cx: &Cx<'_>) -> Vec<String> {
        self.speech(cx).into_iter().take(1).collect()
    }

    /// What a listener hears when this view opens: by default where they are; a question
    /// also reads its answers, a result reads itself whole.
    fn announce(&self, cx: &Cx<'_>) -> Vec<String> {
        self.where_am_i(cx)
    }

    /// The app's answer to a command this screen sent.
    fn reply(&mut self, _reply: Reply) {}
}

/// What the registry knows about a screen without opening it.
pub struct ScreenKind {
    /// Stable name, used for the counters file: never rename it.
    pub key: &'static str,
    /// How long it may stay untouched before "Still there?".
    pub idle: IdleRule,
    /// A new, empty screen of this kind: nothing of a previous visit carries over.
    pub open: fn() -> Box<dyn Screen>,
    /// How Home offers it; `None` for screens reached another way (staff, the warning).
    pub door: Option<Door>,
    /// Named states of this screen (each page, each result...), for the screen walk, the
    /// snapshots and the benchmarks.
    pub gallery: fn(&Content) -> Gallery,
}

/// Named states of a screen.
pub type Gallery = Vec<(String, Box<dyn Screen>)>;

/// A gallery of one state: the screen as it opens, named after its key in words
/// ("PinPad" is "pin pad").
pub fn just_opened(kind: &'static ScreenKind) -> Gallery {
    let mut name = String::new();
    for (i, c) in kind.key.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            name.push(' ');
        }
        name.extend(c.to_lowercase());
    }
    vec![(name, (kind.open)())]
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
    /// Title and note on its tile.
    pub words: fn(&Strings) -> (&str, &str),
    /// The one wide accent banner under the tiles (booking), instead of a tile.
    pub banner: bool,
}

/// What a screen may ask of the app; applied after the frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Opens the registry's screen with this key, new and empty.
    Open(&'static str),
    /// Back to Home (a new Home: nothing of the screen left behind).
    Home,
    /// The staff's hidden gesture on Home is complete: the PIN pad, please.
    OpenPinPad,
    SetLanguage(usize),
    SetTextSize(TextSize),
    ToggleContrast,
    /// Read this screen aloud; or stop.
    Listen,
    StopListening,
    /// An FAQ answer was opened (its question), for the anonymous counters.
    FaqOpened(String),
    /// A questionnaire result was shown (its id), for the anonymous counters.
    ResultShown(String),
    /// The consultation card came into view, for the anonymous counters.
    ConsultationShown,
    /// The PIN pad's digits, to try; answered with [`Reply::Pin`].
    TryPin(String),
    /// A staff action; answered with [`Reply::Staff`].
    Staff(StaffAction),
    /// The listener's volume or pace, one step.
    Voice(VoiceStep),
    /// A long press on Listen: speech navigation on, for this visitor.
    SpeechNavigation,
    /// Said to a listener using speech navigation (and to nobody else): what a tap made
    /// appear without opening a new view, such as an FAQ answer.
    Announce(Vec<String>),
}

/// One step of the listener's voice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoiceStep {
    Louder,
    Softer,
    Faster,
    Slower,
}

/// What staff asked for on the staff screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffAction {
    Exit,
    Reload,
    /// Install the content found on the USB stick.
    Install,
    /// Put back the content live before the last install or rollback.
    GoBack,
    StartOver,
    Export,
    ResetCounters,
    NextDefaultLanguage,
}

/// The app's answer to a command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Pin(Attempt),
    /// What came of a staff action, to show (where the export went, a failure).
    Staff(Option<String>),
}

/// The screens of one kiosk: [`super::registry::SCREENS`] by default, and any a test or
/// a build adds.
#[derive(Clone)]
pub struct Registry {
    kinds: Vec<&'static ScreenKind>,
}

impl Registry {
    pub fn new(kinds: &[&'static ScreenKind]) -> Self {
        Self {
            kinds: kinds.to_vec(),
        }
    }

    /// These screens and `more` (a key already taken is a mistake, refused loudly).
    pub fn with(mut self, more: &[&'static ScreenKind]) -> Self {
        for kind in more {
            assert!(
                self.kind(kind.key).is_none(),
                "two screens use the key {}",
                kind.key
            );
            self.kinds.push(kind);
        }
        self
    }

    pub fn kinds(&self) -> &[&'static ScreenKind] {
        &self.kinds
    }

    /// A screen by its key.
    pub fn kind(&self, key: &str) -> Option<&'static ScreenKind> {
        self.kinds.iter().copied().find(|k| k.key == key)
    }

    /// Every named state of every screen (each page, each result...), made fresh: what
    /// the screen walk, the snapshots and the benchmarks go through.
    pub fn gallery(&self, content: &Content) -> Gallery {
        self.kinds
            .iter()
            .flat_map(|kind| (kind.gallery)(content))
            .collect()
    }

    /// One state of [`Registry::gallery`] by its name.
    pub fn gallery_state(&self, content: &Content, name: &str) -> Option<Box<dyn Screen>> {
        self.gallery(content)
            .into_iter()
            .find_map(|(n, screen)| (n == name).then_some(screen))
    }
}

/// Whether Listen can be offered, whether it is speaking, and the listener's voice when
/// its controls are showing (after Listen, or with speech navigation on).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Listen {
    pub available: bool,
    pub speaking: bool,
    pub voice: Option<(Voice, VoiceLimits)>,
}

/// What a screen gets for one frame: everything it may read, and a place for commands.
pub struct Cx<'a> {
    pub kiosk: &'a Kiosk,
    /// The screens there are, Home's doors among them.
    pub registry: &'a Registry,
    /// The content in the visitor's language.
    pub content: &'a Content,
    pub language: usize,
    pub look: Look,
    pub textures: &'a Textures,
    pub listen: Listen,
    /// egui's input time, for gestures that count taps.
    pub now: f64,
    /// The listener's Back key was pressed this frame, for the screen's way back.
    back_key: bool,
    fresh: bool,
    moved: bool,
    commands: Vec<Command>,
}

impl<'a> Cx<'a> {
    /// `fresh`: this is the first frame of a view, to be shown from its top.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        kiosk: &'a Kiosk,
        registry: &'a Registry,
        language: usize,
        look: Look,
        textures: &'a Textures,
        listen: Listen,
        now: f64,
        fresh: bool,
    ) -> Self {
        Self {
            kiosk,
            registry,
            content: kiosk.loaded.language(language),
            language,
            look,
            textures,
            listen,
            now,
            back_key: false,
            fresh,
            moved: false,
            commands: Vec::new(),
        }
    }

    pub fn strings(&self) -> &'a Strings {
        &self.content.strings
    }

    /// The colours of the visitor's look.
    pub fn palette(&self) -> &'static Palette {
        self.look.palette()
    }

    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The Back key of this frame, for the screen's way back: true once.
    pub fn take_back_key(&mut self) -> bool {
        std::mem::take(&mut self.back_key)
    }

    /// The listener pressed Back this frame.
    pub fn press_back_key(&mut self) {
        self.back_key = true;
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

    /// What the frame left for the app.
    pub fn finish(self) -> Finished {
        Finished {
            commands: self.commands,
            moved: self.moved,
            fresh: self.fresh,
            back_key_unused: self.back_key,
        }
    }
}

/// What a frame of a screen left for the app.
pub struct Finished {
    pub commands: Vec<Command>,
    /// The screen moved to a new view.
    pub moved: bool,
    /// That view is still to be shown from its top: it began after the body was drawn (a
    /// tap inside it), so the next frame shows it fresh.
    pub fresh: bool,
    /// The listener's Back key found no way back on the screen.
    pub back_key_unused: bool,
}

/// Implements the part of [`Screen`] every screen writes the same way.
macro_rules! screen_basics {
    () => {
        fn kind(&self) -> &'static $crate::ui::screen::ScreenKind {
            &KIND
        }
    };
}
pub(crate) use screen_basics;
