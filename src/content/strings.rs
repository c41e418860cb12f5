//! The words on buttons and headings (`ui.toml`), kept with the content so staff and
//! translators can change them without a programmer.

use serde::Deserialize;

use crate::problems::Issue;
use crate::problems::{line_of_key, parse_toml};

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    /// This language's name in itself, on the language switch ("English", "Español").
    pub language_name: String,
    /// "Text size {n} %".
    pub text_size: String,
    pub high_contrast: String,
    pub listen: String,
    pub stop_listening: String,
    pub home_intro: String,
    pub home_hint: String,
    pub home: String,
    pub back: String,
    pub next: String,
    pub contents: String,
    pub close_contents: String,
    /// "Page {n} of {m}".
    pub page_of: String,
    pub service_area: String,
    pub guide_title: String,
    pub guide_note: String,
    pub compare_title: String,
    pub compare_note: String,
    pub faq_title: String,
    pub faq_note: String,
    pub quiz_title: String,
    pub quiz_note: String,
    pub book_title: String,
    pub book_note: String,
    /// "Question {n} of {m}".
    pub question_of: String,
    #[serde(rename = "continue")]
    pub continue_: String,
    pub start_over: String,
    pub reasons_heading: String,
    pub goals_heading: String,
    /// "{concern}: in our comparison, {treatments}."
    pub goal_treatments: String,
    /// "{concern}: no treatment in our comparison aims at this."
    pub goal_none: String,
    /// The word before the last item of a list: "A, B and C".
    pub and: String,
    pub downtime_heading: String,
    /// "… The shortest: {treatments}."
    pub downtime_none_free: String,
    /// "{treatment}: {downtime}, within what you would accept."
    pub downtime_within: String,
    pub downtime_longer: String,
    /// "What to expect with {treatment}".
    pub expect_heading: String,
    pub notes_before: String,
    pub notes_after: String,
    pub notes_know: String,
    pub scan_to_book: String,
    pub front_desk: String,
    /// The front-desk line when the clinic has given no phone, address or booking page.
    pub front_desk_only: String,
    pub call: String,
    pub visit: String,
    pub idle_title: String,
    /// "… in {n} seconds".
    pub idle_message: String,
    pub idle_continue: String,
    pub staff_title: String,
    pub pin_prompt: String,
    /// "{n} tries left".
    pub pin_wrong: String,
    /// "locked for {n} minutes".
    pub pin_locked: String,
    pub pin_missing: String,
    pub pin_enter: String,
    pub pin_clear: String,
    pub cancel: String,
    pub staff_exit: String,
    pub staff_reload: String,
    pub staff_start_over: String,
    pub staff_export: String,
    pub staff_reset_counters: String,
    pub staff_reset_confirm: String,
    /// "Counters since {date}".
    pub staff_counters: String,
    pub staff_app_starts: String,
    pub staff_idle_resets: String,
    pub staff_screen_failures: String,
    pub staff_screens: String,
    pub staff_results: String,
    pub staff_faq: String,
    pub staff_setup: String,
    pub staff_problems: String,
    pub staff_no_problems: String,
    /// "Saved to {path}".
    pub staff_exported: String,
    pub staff_reloaded: String,
    /// "Language for each new visitor: {language}".
    pub staff_default_language: String,
    pub staff_languages: String,
}

impl Strings {
    pub fn page_of(&self, n: usize, m: usize) -> String {
        fill(
            &self.page_of,
            &[("n", &n.to_string()), ("m", &m.to_string())],
        )
    }

    pub fn question_of(&self, n: usize, m: usize) -> String {
        fill(
            &self.question_of,
            &[("n", &n.to_string()), ("m", &m.to_string())],
        )
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The placeholders each template must keep, so staff cannot silently lose a number.
const TEMPLATES: &[(&str, &[&str])] = &[
    ("page_of", &["n", "m"]),
    ("question_of", &["n", "m"]),
    ("idle_message", &["n"]),
    ("text_size", &["n"]),
    ("pin_wrong", &["n"]),
    ("pin_locked", &["n"]),
    ("staff_counters", &["date"]),
    ("staff_exported", &["path"]),
    ("staff_default_language", &["language"]),
    ("goal_treatments", &["concern", "treatments"]),
    ("goal_none", &["concern"]),
    ("downtime_none_free", &["treatments"]),
    ("downtime_within", &["treatment", "downtime"]),
    ("downtime_longer", &["treatment", "downtime"]),
    ("expect_heading", &["treatment"]),
];

pub fn parse(text: &str) -> Result<Strings, Vec<Issue>> {
    let strings: Strings = parse_toml(text)?;
    let table: toml::Table = toml::from_str(text).unwrap_or_default();
    let issues: Vec<Issue> = TEMPLATES
        .iter()
        .filter_map(|(key, names)| {
            let template = table.get(*key)?.as_str()?;
            let missing: Vec<String> = names
                .iter()
                .map(|name| format!("{{{name}}}"))
                .filter(|placeholder| !template.contains(placeholder.as_str()))
                .collect();
            (!missing.is_empty()).then(|| {
                Issue::new(
                    line_of_key(text, key),
                    format!("`{key}` must keep {}", missing.join(" and ")),
                )
            })
        })
        .collect();
    if issues.is_empty() {
        Ok(strings)
    } else {
        Err(issues)
    }
}
