//! What screens ask for, applied after the frame: opening screens, the visitor's
//! language and look, Listen, the anonymous counters, and the staff's PIN and actions.

use egui::ViewportCommand;

use super::KioskApp;
use crate::content::strings::fill;
use crate::files;
use crate::pin::Attempt;
use crate::speech;
use crate::ui::screen::{Command, Reply, StaffAction, VoiceStep};
use crate::ui::{home, pin_pad, staff};

impl KioskApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command, now: f64) {
        match command {
            Command::Open(key) => {
                let Some(kind) = self.window.registry.kind(key) else {
                    return;
                };
                self.stop_speaking();
                // Visitors' screens (those with a door on Home) are counted.
                if kind.door.is_some() {
                    self.kiosk
                        .counters
                        .record(|c| *c.screens.entry(kind.key.to_owned()).or_default() += 1);
                }
                self.visitor.open((kind.open)());
            }
            Command::Home => {
                self.stop_speaking();
                self.visitor.open((home::KIND.open)());
            }
            Command::OpenPinPad => {
                self.stop_speaking();
                self.visitor.open((pin_pad::KIND.open)());
            }
            Command::SetLanguage(index) if index != self.visitor.language => {
                self.stop_speaking();
                let loaded = &self.kiosk.loaded;
                self.visitor.language = index.min(loaded.language_count() - 1);
                let name = loaded
                    .language(self.visitor.language)
                    .strings
                    .language_name
                    .clone();
                self.kiosk
                    .counters
                    .record(|c| *c.languages.entry(name).or_default() += 1);
            }
            Command::SetLanguage(_) => {}
            Command::SetTextSize(size) => self.visitor.look.text_size = size,
            Command::ToggleContrast => self.visitor.look.high_contrast ^= true,
            Command::Listen => {
                let parts = self.visitor.screen.speech(&self.cx(now));
                let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                self.say(&speech::join_for_speech(&parts));
                self.visitor.listened = true;
                self.visitor.reading = true;
            }
            Command::StopListening => self.stop_speaking(),
            Command::FaqOpened(question) => self
                .kiosk
                .counters
                .record(|c| *c.faq_entries.entry(question).or_default() += 1),
            Command::ResultShown(id) => self
                .kiosk
                .counters
                .record(|c| *c.results.entry(id).or_default() += 1),
            Command::TryPin(digits) => match self.kiosk.pin.try_pin(&digits, files::unix_now()) {
                Attempt::Accepted => self.visitor.open((staff::KIND.open)()),
                attempt => self.visitor.screen.reply(Reply::Pin(attempt)),
            },
            Command::Staff(action) => self.staff(ctx, action),
            Command::Voice(step) => {
                let limits = self.kiosk.config.voice_limits();
                let voice = self.visitor.voice;
                let (changed, template, level) = match step {
                    VoiceStep::Louder | VoiceStep::Softer => {
                        let up = step == VoiceStep::Louder;
                        let changed = voice.volume_step(up, &limits);
                        let s = &self.content().strings;
                        (
                            changed,
                            s.voice_volume.clone(),
                            changed.unwrap_or(voice).volume,
                        )
                    }
                    VoiceStep::Faster | VoiceStep::Slower => {
                        let up = step == VoiceStep::Faster;
                        let changed = voice.pace_step(up, &limits);
                        let s = &self.content().strings;
                        (changed, s.voice_pace.clone(), changed.unwrap_or(voice).pace)
                    }
                };
                if let Some(changed) = changed {
                    self.visitor.voice = changed;
                }
                // Said at its new setting (at a limit, the level that stays).
                let levels = crate::voice::LEVELS.to_string();
                let text = fill(&template, &[("n", &level.to_string()), ("m", &levels)]);
                self.say(&text);
            }
            Command::SpeechNavigation if !self.visitor.nav => {
                self.visitor.nav = true;
                self.visitor.listened = true;
                let intro = self.content().strings.nav_intro.clone();
                self.say(&intro);
            }
            Command::SpeechNavigation => {}
            Command::Announce(parts) if self.visitor.nav => {
                let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                self.say(&speech::join_for_speech(&parts));
            }
            Command::Announce(_) => {}
        }
    }

    fn staff(&mut self, ctx: &egui::Context, action: StaffAction) {
        let strings = self.content().strings.clone();
        let kiosk = &mut self.kiosk;
        let message = match action {
            StaffAction::Exit => {
                self.window.may_close = true;
                kiosk.counters.save();
                ctx.send_viewport_cmd(ViewportCommand::Close);
                None
            }
            StaffAction::Reload => {
                kiosk.reload();
                self.window.textures = crate::ui::textures::Textures::make(ctx, &kiosk.loaded);
                // The one reset, then back to the staff screen that asked.
                self.wipe(ctx);
                self.visitor.open((staff::KIND.open)());
                Some(self.content().strings.staff_reloaded.clone())
            }
            StaffAction::StartOver => {
                self.wipe(ctx);
                return;
            }
            StaffAction::Export => Some(match kiosk.counters.export(&kiosk.config.export_file) {
                Ok(()) => fill(
                    &strings.staff_exported,
                    &[("path", &kiosk.config.export_file.display().to_string())],
                ),
                Err(e) => format!("{}: {e}", kiosk.config.export_file.display()),
            }),
            StaffAction::ResetCounters => {
                kiosk.counters.reset(&files::date_of(files::unix_now()));
                None
            }
            StaffAction::NextDefaultLanguage => {
                let next = (kiosk.default_language() + 1) % kiosk.loaded.language_count();
                kiosk.save_default_language(next)
            }
        };
        self.visitor.screen.reply(Reply::Staff(message));
    }
}
