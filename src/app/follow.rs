//! New content, picked up by the app itself: an install or a rollback goes live at the
//! next idle moment (Home, with no visit under way: after the wipe, never in front of a
//! visitor mid-page); in a preview, every saved file at once, with its problems beside
//! the screen.

use std::time::Duration;

use super::KioskApp;
use super::window::Window;
use crate::check;
use crate::content::Source;
use crate::installed;
use crate::kiosk::Kiosk;
use crate::ui::components::problem_list;
use crate::ui::textures::Textures;
use crate::ui::theme;
use crate::watch::{self, Watch};

/// Whether the app picks up new content by itself, and how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Follow {
    /// Only when staff tap "Reload content" (tests, mostly).
    #[default]
    Never,
    /// The folder that is live, looked at this often: installs and rollbacks go live
    /// between visitors.
    Installs(Duration),
    /// Every file of the content folder, looked at this often: a preview for whoever
    /// edits it, reloaded on each save.
    Edits(Duration),
}

/// What the watch sees: the live folder and, in a preview, its files' fingerprint.
pub(super) type Seen = (Source, u64);

impl Window {
    /// Starts watching the content as `follow` says.
    pub fn follow(&mut self, ctx: &egui::Context, kiosk: &Kiosk, follow: Follow) {
        let (every, files) = match follow {
            Follow::Never => return,
            Follow::Installs(every) => (every, false),
            Follow::Edits(every) => (every, true),
        };
        let config = kiosk.config.clone();
        let look = move || {
            let source = installed::live_source(&config);
            let stamp = match &source {
                Source::Folder(dir) if files => watch::fingerprint(dir),
                _ => 0,
            };
            (source, stamp)
        };
        self.seen_stamp = look().1;
        let ctx = ctx.clone();
        self.content = Some(Watch::start(every, look, move || ctx.request_repaint()));
        if files {
            self.preview = Some(check::content_problems(&kiosk.loaded.source).1);
        }
    }
}

impl KioskApp {
    /// Loads the content again when the watch saw it change and the moment is right.
    pub(super) fn pick_up_new_content(&mut self, ctx: &egui::Context) {
        let Some(watch) = &self.window.content else {
            return;
        };
        let (source, stamp) = watch.latest();
        let changed = source != self.kiosk.loaded.source || stamp != self.window.seen_stamp;
        let previewing = self.window.preview.is_some();
        if !changed || !(previewing || self.is_resting()) {
            return;
        }
        self.window.seen_stamp = stamp;
        if previewing {
            // Checked as `--check` and an install check it, for the panel.
            let (loaded, problems) = check::content_problems(&source);
            self.kiosk.loaded = loaded;
            self.window.preview = Some(problems);
        } else {
            self.kiosk.reload();
            // Nobody is there: the next visitor starts afresh on the new content, in its
            // default language (an added or removed language folder moves the indexes).
            self.wipe(ctx);
        }
        log::info!("showing {}", self.kiosk.loaded.summary());
        self.window.textures = Textures::make(ctx, &self.kiosk.loaded);
        // A language folder may have gone; whoever previews stays where they were.
        self.visitor.language = self
            .visitor
            .language
            .min(self.kiosk.loaded.language_count() - 1);
        ctx.request_repaint();
    }

    /// The preview's panel beside the screen: what the folder holds and every problem
    /// in it, as `--check` finds them.
    pub(super) fn preview_panel(&self, ui: &mut egui::Ui) {
        let Some(problems) = &self.window.preview else {
            return;
        };
        let loaded = &self.kiosk.loaded;
        let s = &self.content().strings;
        let c = self.visitor.look.palette();
        egui::Panel::right("preview")
            .exact_size(PANEL_WIDTH)
            .frame(egui::Frame::new().fill(c.surface_muted).inner_margin(20))
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.label(egui::RichText::new(loaded.summary()).size(theme::SMALL));
                    let heading = s.preview_problems.fill(problems.len(), &[]);
                    let lines = problems.iter().map(ToString::to_string);
                    problem_list::show(ui, c, &heading, &s.preview_no_problems, lines);
                    // Worth knowing, not wrong (a word the clinic's ui.toml lacks).
                    for note in &loaded.notes {
                        let note = egui::RichText::new(format!("note: {note}"));
                        ui.label(note.size(theme::SMALL).family(egui::FontFamily::Monospace));
                    }
                });
            });
    }
}

const PANEL_WIDTH: f32 = 520.0;

/// How often the preview looks at the files: a save shows well within a second.
pub const PREVIEW_EVERY: Duration = Duration::from_millis(250);

/// How often the kiosk looks for an install: there is no hurry, it waits for Home.
pub const INSTALLS_EVERY: Duration = Duration::from_secs(2);
