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
    /// "Tap Read more to see where each answer comes from."
    pub read_more_hint: String,
    pub read_more: String,
    pub back_to_result: String,
    /// Before everything but the reasons: the article's limit for a severe concern.
    pub notes_first: String,
    pub goals_heading: String,
    /// The goals on a result that does not plan ("Talk with a provider first").
    pub goals_ask_heading: String,
    /// "{concern}: {treatments} aims at this", by the number of treatments.
    pub goal_treatments: Plural,
    /// "{concern}: no treatment in our comparison aims at this."
    pub goal_none: String,
    /// The word before the last item of a list: "A, B and C".
    pub and: String,
    pub downtime_heading: String,
    /// "You would accept: {answer}."
    pub downtime_accepted: String,
    /// "{treatment}: {downtime} in our comparison, within what you would accept."
    pub downtime_within: String,
    /// The table's range is partly more than the visitor accepts.
    pub downtime_partly: String,
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
    pub idle_message: Plural,
    pub idle_continue: String,
    pub staff_title: String,
    pub pin_prompt: String,
    /// "{n} tries left".
    pub pin_wrong: Plural,
    /// "locked for {n} minutes".
    pub pin_locked: Plural,
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

/// A text that depends on a number: `one` for 1, `other` for any other number (the rule
/// of English and Spanish). Written in `ui.toml` as `key = { one = "…", other = "…" }`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    pub one: String,
    pub other: String,
}

impl Plural {
    /// The form for `n`, with `{n}` filled in and the other `values`.
    pub fn fill(&self, n: usize, values: &[(&str, &str)]) -> String {
        let form = if n == 1 { &self.one } else { &self.other };
        let n = n.to_string();
        let mut all = vec![("n", n.as_str())];
        all.extend_from_slice(values);
        fill(form, &all)
    }
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
    ("downtime_accepted", &["answer"]),
    ("downtime_within", &["treatment", "downtime"]),
    ("downtime_partly", &["treatment", "downtime"]),
    ("downtime_longer", &["treatment", "downtime"]),
    ("expect_heading", &["treatment"]),
];

/// The texts that depend on a number, so need a `one` and an `other` form.
const PLURALS: &[&str] = &["idle_message", "pin_wrong", "pin_locked", "goal_treatments"];

pub fn parse(text: &str) -> Result<Strings, Vec<Issue>> {
    let table: toml::Table = toml::from_str(text).unwrap_or_default();
    let single: Vec<Issue> = PLURALS
        .iter()
        .filter(|key| table.get(**key).is_some_and(toml::Value::is_str))
        .map(|key| {
            Issue::new(
                line_of_key(text, key),
                format!("`{key}` needs two forms, for 1 and for other numbers: {key} = {{ one = \"…\", other = \"…\" }}"),
            )
        })
        .collect();
    if !single.is_empty() {
        return Err(single);
    }
    let strings: Strings = parse_toml(text)?;
    let issues: Vec<Issue> = TEMPLATES
        .iter()
        .flat_map(|(key, names)| {
            // A plain text, or each form of a plural.
            let forms: Vec<(String, &str)> = match table.get(*key) {
                Some(toml::Value::String(s)) => vec![(key.to_string(), s.as_str())],
                Some(toml::Value::Table(t)) => t
                    .iter()
                    .filter_map(|(form, v)| Some((format!("{key}.{form}"), v.as_str()?)))
                    .collect(),
                _ => Vec::new(),
            };
            forms.into_iter().filter_map(move |(name, template)| {
                let missing: Vec<String> = names
                    .iter()
                    .map(|name| format!("{{{name}}}"))
                    .filter(|placeholder| !template.contains(placeholder.as_str()))
                    .collect();
                (!missing.is_empty()).then(|| {
                    Issue::new(
                        line_of_key(text, key),
                        format!("`{name}` must keep {}", missing.join(" and ")),
                    )
                })
            })
        })
        .collect();
    if issues.is_empty() {
        Ok(strings)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../content/en/ui.toml");

    #[test]
    fn a_count_picks_its_form() {
        let strings = parse(SHIPPED).unwrap();
        assert_eq!(
            strings.pin_wrong.fill(1, &[]),
            "That PIN is not right. 1 try left."
        );
        assert_eq!(
            strings.pin_wrong.fill(3, &[]),
            "That PIN is not right. 3 tries left."
        );
    }

    #[test]
    fn a_count_without_its_two_forms_is_reported_at_its_line() {
        let text = SHIPPED.replace(
            &SHIPPED
                .lines()
                .find(|l| l.starts_with("pin_wrong"))
                .unwrap()
                .to_owned(),
            "pin_wrong = \"{n} tries left\"",
        );
        let issues = parse(&text).unwrap_err();
        assert_eq!(issues[0].line, line_of_key(&text, "pin_wrong"));
        assert!(issues[0].message.contains("needs two forms"), "{issues:?}");
    }

    #[test]
    fn a_form_that_loses_its_number_is_reported() {
        let text = SHIPPED.replace("{n} try left", "one try left");
        let issues = parse(&text).unwrap_err();
        assert_eq!(issues[0].message, "`pin_wrong.one` must keep {n}");
    }
}
