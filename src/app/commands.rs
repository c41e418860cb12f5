//! What screens ask for, applied after the frame: opening screens, the visitor's
//! language and look, Listen, the anonymous counters, and the staff's PIN and actions.

use egui::ViewportCommand;

use super::KioskApp;
use super::visitor::Counted;
use crate::content::strings::fill;
use crate::counters::Event;
use crate::files;
use crate::installed::Refused;
use crate::pin::Attempt;
use crate::speech;
use crate::ui::screen::{Command, Reply, StaffAction, VoiceStep};
use crate::ui::{home, pin_pad, questionnaire, staff};

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
                    self.kiosk.count(Event::Screen(kind.key));
                }
                if kind.key == questionnaire::KIND.key {
                    self.count_once(|c| &mut c.started, Event::QuestionnaireStarted);
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
                self.kiosk.count(Event::Language(&name));
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
            Command::FaqOpened(question) => self.kiosk.count(Event::FaqEntry(&question)),
            Command::ResultShown(id) => {
                self.kiosk.count(Event::Result(&id));
                self.count_once(|c| &mut c.finished, Event::QuestionnaireFinished);
            }
            Command::ConsultationShown => {
                self.count_once(|c| &mut c.consultation, Event::Consultation);
                if self.visitor.counted.finished {
                    self.count_once(
                        |c| &mut c.consultation_after_result,
                        Event::ConsultationAfterResult,
                    );
                }
            }
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

    /// Loads the content from where it is now, for the staff member in front of the
    /// screen: the one reset, then back to the staff screen's content part.
    fn show_new_content(&mut self, ctx: &egui::Context) {
        self.kiosk.reload();
        self.window.textures = crate::ui::textures::Textures::make(ctx, &self.kiosk.loaded);
        self.wipe(ctx);
        self.visitor
            .open(Box::new(staff::StaffScreen::on(staff::Tab::Content)));
    }

    /// Counts `event` unless this visit already counted it.
    pub(super) fn count_once(&mut self, step: fn(&mut Counted) -> &mut bool, event: Event<'_>) {
        let counted = step(&mut self.visitor.counted);
        if !*counted {
            *counted = true;
            self.kiosk.count(event);
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
                self.show_new_content(ctx);
                Some(strings.staff_reloaded)
            }
            StaffAction::Install => {
                let from = kiosk.config.usb_content.clone();
                match kiosk.library().install(&from, &kiosk.clock) {
                    Ok(_) => {
                        self.show_new_content(ctx);
                        Some(strings.staff_installed)
                    }
                    Err(Refused::Problems(_)) => Some(strings.staff_not_installed),
                    Err(Refused::Failed(why)) => {
                        Some(fill(&strings.staff_install_failed, &[("why", &why)]))
                    }
                }
            }
            StaffAction::GoBack => match kiosk.library().go_back(&kiosk.clock) {
                Ok(_) => {
                    self.show_new_content(ctx);
                    Some(strings.staff_went_back)
                }
                Err(why) => Some(fill(&strings.staff_go_back_failed, &[("why", &why)])),
            },
            StaffAction::StartOver => {
                self.wipe(ctx);
                return;
            }
            StaffAction::Export => Some(match kiosk.counters.export(&kiosk.config.export_file) {
                Ok(days) => fill(
                    &strings.staff_exported,
                    &[
                        ("path", &kiosk.config.export_file.display().to_string()),
                        ("days", &days.display().to_string()),
                    ],
                ),
                Err(e) => format!("{}: {e}", kiosk.config.export_file.display()),
            }),
            StaffAction::ResetCounters => {
                kiosk.counters.reset(kiosk.clock.today());
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
