//! The kiosk's settings (`config.toml`): kiosk mode, idle timeouts, where files go, the
//! staff PIN's hash. A wrong value never stops the kiosk: it is reported with its line
//! and that setting's default is used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::content::Problem;
use crate::keys::{Action, KeyMap};
use crate::problems::LineIndex;
use crate::voice::{self, Voice, VoiceLimits};

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Fullscreen, no decorations, hidden pointer, close refused without the staff PIN.
    pub kiosk: bool,
    /// The content folder; `None` for `./content` when present, else the installed
    /// `/usr/share/microneedling-kiosk/content`, else the built-in copy.
    pub content: Option<PathBuf>,
    /// Where the window opens, in screen pixels: picks the monitor in kiosk mode.
    pub window_position: Option<[f32; 2]>,
    /// Seconds without a touch before "Still there?" on most screens.
    pub idle_timeout_secs: u64,
    /// The same on reading screens (guide, comparison, FAQ), where people read longer.
    pub reading_idle_timeout_secs: u64,
    /// The same on the questionnaire and its result, which show a visitor's own answers:
    /// shorter, so a result left behind does not wait for the next person.
    pub questionnaire_idle_timeout_secs: u64,
    /// How long "Still there?" counts down before everything is forgotten.
    pub warning_secs: u64,
    /// Counters and the PIN lockout are kept here.
    pub state_dir: PathBuf,
    /// Where "Export counters" writes its CSV file.
    pub export_file: PathBuf,
    /// The staff PIN, as an Argon2 hash (`microneedling-kiosk --set-pin` writes it).
    pub pin_hash: Option<String>,
    /// The language folder every visitor starts in (the staff screen can change it).
    pub default_language: String,
    /// Listen's speaking rate and volume, -100 to 100 (speech-dispatcher's scale).
    pub speech_rate: i32,
    pub speech_volume: i32,
    /// The volume and pace levels (1 to 10) a listener may choose.
    pub voice_volume_levels: (u8, u8),
    pub voice_pace_levels: (u8, u8),
    /// Which key does what for a visitor who cannot see the screen.
    pub keys: KeyMap,
    /// Where content installed by staff is kept (its versions, which one is live, the
    /// log); `None` for `<state_dir>/content`.
    pub installed_content: Option<PathBuf>,
    /// Where the staff screen looks for new content on a USB stick.
    pub usb_content: PathBuf,
    /// How old the content's medical review may be, in months, before it is due.
    pub review_after_months: u32,
}

/// Where the package mounts a USB stick (read-only), and the folder staff put on it.
pub const USB_CONTENT: &str = "/media/kiosk-usb/microneedling-content";

impl Default for Config {
    fn default() -> Self {
        let state_dir = crate::platform::state_dir();
        Self {
            kiosk: false,
            content: None,
            window_position: None,
            idle_timeout_secs: 90,
            reading_idle_timeout_secs: 180,
            questionnaire_idle_timeout_secs: 45,
            warning_secs: 30,
            export_file: state_dir.join("counters.csv"),
            state_dir,
            pin_hash: None,
            default_language: crate::content::ENGLISH.to_owned(),
            speech_rate: 0,
            speech_volume: 100,
            voice_volume_levels: (1, voice::LEVELS),
            voice_pace_levels: (1, voice::LEVELS),
            keys: KeyMap::default(),
            installed_content: None,
            usb_content: PathBuf::from(USB_CONTENT),
            review_after_months: 24,
        }
    }
}

impl Config {
    /// The listener's voice: where each visitor starts (`speech_rate`, `speech_volume`),
    /// kept within the levels staff allow.
    pub fn voice_limits(&self) -> VoiceLimits {
        let start = Voice::from_settings(self.speech_rate, self.speech_volume);
        let within = |level: u8, (min, max): (u8, u8)| level.clamp(min, max);
        VoiceLimits {
            volume: self.voice_volume_levels,
            pace: self.voice_pace_levels,
            start: Voice {
                volume: within(start.volume, self.voice_volume_levels),
                pace: within(start.pace, self.voice_pace_levels),
            },
        }
    }

    pub fn counters_file(&self) -> PathBuf {
        self.state_dir.join("counters.toml")
    }

    pub fn lockout_file(&self) -> PathBuf {
        self.state_dir.join("pin-lockout.toml")
    }

    /// Where installed content is kept.
    pub fn installed_content(&self) -> PathBuf {
        self.installed_content
            .clone()
            .unwrap_or_else(|| self.state_dir.join("content"))
    }
}

/// The settings in `path` (defaults when the file does not exist), and what was wrong.
pub fn load(path: &Path) -> (Config, Vec<Problem>) {
    match crate::platform::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![Problem {
                path: path.display().to_string(),
                line: 1,
                message: format!("the settings cannot be read ({e}); using the defaults"),
            }],
        ),
    }
}

const KEYS: &str = "kiosk, content, window_position, idle_timeout_secs, reading_idle_timeout_secs, questionnaire_idle_timeout_secs, warning_secs, state_dir, export_file, pin_hash, default_language, speech_rate, speech_volume, voice_volume_levels, voice_pace_levels, keys, installed_content, usb_content, review_after_months";

pub fn parse(text: &str, path: &str) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let lines = LineIndex::new(text);
    let problem = |line: usize, message: String| Problem {
        path: path.to_owned(),
        line,
        message,
    };
    let table: BTreeMap<String, Spanned<toml::Value>> = match toml::from_str(text) {
        Ok(table) => table,
        Err(e) => {
            let line = e.span().map_or(1, |s| lines.line_of(s.start));
            let message = format!("{}; using the default settings", e.message().trim());
            return (config, vec![problem(line, message)]);
        }
    };
    let mut problems = Vec::new();
    for (key, value) in &table {
        let line = lines.line_of(value.span().start);
        if let Err(message) = apply(&mut config, key, value.get_ref()) {
            problems.push(problem(line, message));
        }
    }
    problems.sort_by_key(|p| p.line);
    (config, problems)
}

/// Sets one setting, or says why it cannot be used (its default stays).
fn apply(config: &mut Config, key: &str, value: &toml::Value) -> Result<(), String> {
    let seconds = |min: u64, max: u64, default: u64| {
        value
            .as_integer()
            .and_then(|n| u64::try_from(n).ok())
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                format!(
                    "`{key}` must be a whole number of seconds from {min} to {max}; using {default}"
                )
            })
    };
    let path = || {
        value
            .as_str()
            .filter(|s| !s.trim().is_empty())
            .map(PathBuf::from)
            .ok_or_else(|| {
                format!("`{key}` must be a folder or file path in quotes; using the default")
            })
    };
    let defaults = Config::default();
    match key {
        "kiosk" => {
            config.kiosk = value
                .as_bool()
                .ok_or("`kiosk` must be true or false; using false")?;
        }
        "content" => config.content = Some(path()?),
        "window_position" => {
            let position = value
                .as_array()
                .filter(|a| a.len() == 2)
                .and_then(|a| {
                    let number = |v: &toml::Value| v.as_integer().map(|n| n as f32).or(v.as_float().map(|f| f as f32));
                    Some([number(&a[0])?, number(&a[1])?])
                })
                .ok_or("`window_position` must be two numbers such as [1920, 0]; using the first monitor")?;
            config.window_position = Some(position);
        }
        "idle_timeout_secs" => {
            config.idle_timeout_secs = seconds(10, 3600, defaults.idle_timeout_secs)?;
        }
        "reading_idle_timeout_secs" => {
            config.reading_idle_timeout_secs =
                seconds(10, 3600, defaults.reading_idle_timeout_secs)?;
        }
        "questionnaire_idle_timeout_secs" => {
            config.questionnaire_idle_timeout_secs =
                seconds(10, 3600, defaults.questionnaire_idle_timeout_secs)?;
        }
        "warning_secs" => config.warning_secs = seconds(20, 300, defaults.warning_secs)?,
        "state_dir" => {
            config.state_dir = path()?;
        }
        "export_file" => config.export_file = path()?,
        "installed_content" => config.installed_content = Some(path()?),
        "usb_content" => config.usb_content = path()?,
        "review_after_months" => {
            config.review_after_months = value
                .as_integer()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| (1..=120).contains(n))
                .ok_or("`review_after_months` must be a whole number of months from 1 to 120; using 24")?;
        }
        "pin_hash" => {
            let hash = value
                .as_str()
                .filter(|h| h.starts_with("$argon2"))
                .ok_or("`pin_hash` is not a PIN hash; set the PIN with `microneedling-kiosk --set-pin`; until then the staff screen cannot be opened")?;
            crate::pin::check_hash(hash).map_err(|reason| {
                format!("`pin_hash` is damaged: {reason}; set the PIN again with `microneedling-kiosk --set-pin`; until then the staff screen cannot be opened")
            })?;
            config.pin_hash = Some(hash.to_owned());
        }
        "default_language" => {
            let code = value
                .as_str()
                .filter(|c| (2..=5).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'))
                .ok_or("`default_language` must be a language folder's name such as \"en\" or \"es\"; using \"en\"")?;
            config.default_language = code.to_owned();
        }
        "speech_rate" | "speech_volume" => {
            let level = value
                .as_integer()
                .filter(|n| (-100..=100).contains(n))
                .ok_or_else(|| {
                    format!("`{key}` must be a whole number from -100 to 100; using the default")
                })? as i32;
            if key == "speech_rate" {
                config.speech_rate = level;
            } else {
                config.speech_volume = level;
            }
        }
        "voice_volume_levels" | "voice_pace_levels" => {
            let levels = value
                .as_array()
                .filter(|a| a.len() == 2)
                .and_then(|a| {
                    let level = |v: &toml::Value| {
                        v.as_integer()
                            .and_then(|n| u8::try_from(n).ok())
                            .filter(|n| (1..=voice::LEVELS).contains(n))
                    };
                    Some((level(&a[0])?, level(&a[1])?))
                })
                .filter(|(min, max)| min <= max)
                .ok_or_else(|| {
                    format!(
                        "`{key}` must be the lowest and the highest level a listener may choose, from 1 to {}, such as [3, 10]; using [1, {}]",
                        voice::LEVELS,
                        voice::LEVELS
                    )
                })?;
            if key == "voice_volume_levels" {
                config.voice_volume_levels = levels;
            } else {
                config.voice_pace_levels = levels;
            }
        }
        "keys" => {
            let table = value
                .as_table()
                .ok_or("`keys` is a table: `[keys]`, then lines such as `next = [\"2\", \"ArrowDown\"]`; using the default keys")?;
            let mut keys = KeyMap::default();
            for (name, names) in table {
                let action = Action::ALL
                    .into_iter()
                    .find(|a| a.name() == name)
                    .ok_or_else(|| {
                        let all: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                        format!("`keys.{name}` is no action; the actions are: {}; using the default keys", all.join(", "))
                    })?;
                let names: Vec<String> = names
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|n| n.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                keys = keys
                    .with(action, &names)
                    .map_err(|why| format!("`keys.{name}`: {why}; using the default keys"))?;
            }
            config.keys = keys;
        }
        _ => return Err(format!("unknown setting `{key}`; the settings are: {KEYS}")),
    }
    Ok(())
}

/// Hashes `pin` into the settings file at `path`, keeping its other settings.
pub fn set_pin(path: &Path, pin: &str) -> Result<(), String> {
    set_in_file(path, "pin_hash", &crate::pin::hash(pin)?)
}

/// Sets `key = "value"` in the settings file at `path`: the one writer of the settings,
/// used by `--set-pin` and by the staff screen's default language. Every other line stays
/// as staff wrote it, comments included; the file keeps its permissions (a new one is
/// created readable by its owner only: it holds the PIN's hash). Nothing is written when
/// the file exists but cannot be read or is not valid TOML, since writing then would lose
/// the settings that could not be read, the PIN's hash among them.
pub fn set_in_file(path: &Path, key: &str, value: &str) -> Result<(), String> {
    let text = match crate::platform::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            format!(
                "{} is not UTF-8 text, so it was left unchanged; save it as UTF-8 and try again",
                path.display()
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(format!(
                "{} cannot be read ({e}), so it was left unchanged",
                path.display()
            ));
        }
    };
    let text = with_setting(&text, key, value).map_err(|e| {
        format!(
            "{}:{e}; the file was left unchanged: fix that line and try again",
            path.display()
        )
    })?;
    crate::platform::write(path, text.as_bytes())
        .map_err(|e| format!("{} cannot be written: {e}", path.display()))
}

/// `text` with the setting `key` set to the string `value`: its value replaced where it is
/// set (keeping a comment after it), else added. Everything else is kept as it was,
/// comments and spacing included. Fails, with `line: message`, when `text` is not TOML.
pub fn with_setting(text: &str, key: &str, value: &str) -> Result<String, String> {
    let mut document: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| {
            let line = e
                .span()
                .map_or(1, |span| LineIndex::new(text).line_of(span.start));
            format!("{line}: {}", e.message().trim())
        })?;
    let mut new = toml_edit::Value::from(value);
    match document.get_mut(key) {
        Some(toml_edit::Item::Value(old)) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        _ => {
            document.insert(key, toml_edit::Item::Value(new));
        }
    }
    Ok(document.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_gives_the_defaults() {
        assert_eq!(parse("", "c.toml"), (Config::default(), Vec::new()));
    }

    #[test]
    fn good_values_are_used() {
        let (config, problems) = parse(
            "kiosk = true\nidle_timeout_secs = 60\nwindow_position = [1920, 0]\nstate_dir = \"/var/kiosk\"\nreview_after_months = 12\n",
            "c.toml",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.review_after_months, 12);
        assert_eq!(
            config.installed_content(),
            PathBuf::from("/var/kiosk/content"),
            "installed content follows the state folder"
        );
        assert!(config.kiosk);
        assert_eq!(config.idle_timeout_secs, 60);
        assert_eq!(config.window_position, Some([1920.0, 0.0]));
        assert_eq!(
            config.counters_file(),
            PathBuf::from("/var/kiosk/counters.toml")
        );
    }

    #[test]
    fn each_bad_value_falls_back_to_its_default_with_its_line() {
        let text = "# settings\nkiosk = \"yes\"\nidle_timeout_secs = 5\nreading_idle_timeout_secs = -1\nwarning_secs = 10\nwindow_position = [1]\nstate_dir = \"\"\nexport_file = 7\npin_hash = \"1234\"\ncolour = \"red\"\nreview_after_months = 0\n";
        let (config, problems) = parse(text, "c.toml");
        let defaults = Config::default();
        assert_eq!(config, defaults);
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let expected = [
            "c.toml:2: `kiosk` must be true or false; using false",
            "c.toml:3: `idle_timeout_secs` must be a whole number of seconds from 10 to 3600; using 90",
            "c.toml:4: `reading_idle_timeout_secs` must be a whole number of seconds from 10 to 3600; using 180",
            "c.toml:5: `warning_secs` must be a whole number of seconds from 20 to 300; using 30",
            "c.toml:6: `window_position` must be two numbers such as [1920, 0]; using the first monitor",
            "c.toml:7: `state_dir` must be a folder or file path in quotes; using the default",
            "c.toml:8: `export_file` must be a folder or file path in quotes; using the default",
            "c.toml:9: `pin_hash` is not a PIN hash; set the PIN with `microneedling-kiosk --set-pin`; until then the staff screen cannot be opened",
            "c.toml:10: unknown setting `colour`; the settings are: kiosk, content, window_position, idle_timeout_secs, reading_idle_timeout_secs, questionnaire_idle_timeout_secs, warning_secs, state_dir, export_file, pin_hash, default_language, speech_rate, speech_volume, voice_volume_levels, voice_pace_levels, keys, installed_content, usb_content, review_after_months",
            "c.toml:11: `review_after_months` must be a whole number of months from 1 to 120; using 24",
        ];
        assert_eq!(lines, expected);
    }

    #[test]
    fn the_listeners_levels_and_the_keys_can_be_set() {
        let (config, problems) = parse(
            "speech_volume = 100\nvoice_volume_levels = [3, 8]\n[keys]\nrepeat = [\"R\"]\n",
            "c.toml",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            config.voice_limits().start.volume,
            8,
            "within the levels allowed"
        );
        assert_eq!(
            config.keys.action(egui::Key::R, false),
            Some(Action::Repeat)
        );
        let (config, problems) = parse(
            "voice_pace_levels = [8, 3]\n[keys]\nrepeat = [\"Hoem\"]\n",
            "c.toml",
        );
        assert_eq!(config, Config::default());
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("c.toml:1: `voice_pace_levels` must be"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with("c.toml:2: `keys.repeat`: `Hoem` is not a key name"),
            "{lines:?}"
        );
    }

    #[test]
    fn a_damaged_pin_hash_is_reported_with_its_line_and_not_used() {
        let whole = crate::pin::hash("2468").unwrap();
        let (config, problems) =
            parse(&format!("kiosk = true\npin_hash = \"{whole}\"\n"), "c.toml");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.pin_hash.as_deref(), Some(whole.as_str()));

        let cut = &whole[..whole.len() - 5];
        let (config, problems) = parse(&format!("kiosk = true\npin_hash = \"{cut}\"\n"), "c.toml");
        assert_eq!(config.pin_hash, None);
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with("c.toml:2: `pin_hash` is damaged: ")
                && lines[0].ends_with("; set the PIN again with `microneedling-kiosk --set-pin`; until then the staff screen cannot be opened"),
            "{lines:?}"
        );
    }

    #[test]
    fn a_broken_file_gives_every_default_and_says_where() {
        let (config, problems) = parse("kiosk = true\nidle_timeout_secs = [\n", "c.toml");
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("c.toml:"),
            "{problems:?}"
        );
        assert!(problems[0].message.ends_with("using the default settings"));
    }

    #[test]
    fn a_setting_is_replaced_or_added_and_everything_else_kept() {
        assert_eq!(
            with_setting("kiosk = true", "pin_hash", "$argon2id$x").unwrap(),
            "kiosk = true\npin_hash = \"$argon2id$x\"\n"
        );
        assert_eq!(
            with_setting(
                "pin_hash = \"old\"\nkiosk = true\n",
                "pin_hash",
                "$argon2id$y"
            )
            .unwrap(),
            "pin_hash = \"$argon2id$y\"\nkiosk = true\n"
        );
        // Comments above, beside and below, spacing and the other settings stay.
        let text = "# The spa's settings\n\n# Staff chose Spanish.\ndefault_language   = \"es\" # since May\n  kiosk = true\n# end\n";
        assert_eq!(
            with_setting(text, "default_language", "en").unwrap(),
            "# The spa's settings\n\n# Staff chose Spanish.\ndefault_language   = \"en\" # since May\n  kiosk = true\n# end\n"
        );
        // A value that only looks like the setting is not it.
        let text = "content = \"\"\"\npin_hash = \"not this\"\n\"\"\"\n";
        let written = with_setting(text, "pin_hash", "$argon2id$z").unwrap();
        assert!(written.starts_with(text), "{written}");
        assert!(
            written.ends_with("pin_hash = \"$argon2id$z\"\n"),
            "{written}"
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_not_rewritten() {
        assert_eq!(
            with_setting("kiosk = true\nidle_timeout_secs = [\n", "pin_hash", "x")
                .map_err(|e| e.split(':').next().map(str::to_owned)),
            Err(Some("2".to_owned()))
        );
    }
}
