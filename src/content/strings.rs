//! The words on buttons and headings (`ui.toml`), kept with the content so staff and
//! translators can change them without a programmer.
//!
//! Each key stands on its own: a clinic's file that lacks a key added in a newer version,
//! or gets one wrong, keeps all its other words and shows the built-in one for that key.

use serde::{Deserialize, Serialize};

use super::text::Loader;
use crate::problems::{Issue, Problem};
use crate::problems::{line_of_key, parse_toml};

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    /// This language's name in itself, on the language switch ("English", "Español").
    pub language_name: String,
    /// "Text size {n} %".
    pub text_size: String,
    pub high_contrast: String,
    pub listen: String,
    pub stop_listening: String,
    /// Said when the first key turns speech navigation on: the keys.
    pub nav_intro: String,
    /// Said after each new screen's title: how to go on.
    pub nav_hint: String,
    /// The kinds of control, as the voice names them.
    pub nav_button: String,
    pub nav_check_box: String,
    pub nav_choice: String,
    pub nav_chosen: String,
    /// A button that is chosen (a language, high contrast): Spanish says it in the
    /// button's gender, not the check box's.
    pub nav_on: String,
    pub nav_not_chosen: String,
    pub nav_unavailable: String,
    /// Nothing has focus yet ("where am I" before the first move).
    pub nav_no_focus: String,
    /// "Volume {n} of {m}".
    pub voice_volume: String,
    /// "Speed {n} of {m}".
    pub voice_pace: String,
    pub voice_softer: String,
    pub voice_louder: String,
    pub voice_slower: String,
    pub voice_faster: String,
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
    /// Left to set up: no staff PIN.
    pub setup_no_pin: String,
    /// Left to set up: "… contact details not filled in yet ({fields}) …".
    pub setup_contact: String,
    /// Left to set up: "{n} problems in the content or settings …".
    pub setup_problems: Plural,
    pub staff_problems: String,
    pub staff_no_problems: String,
    /// "Saved to {path}".
    pub staff_exported: String,
    pub staff_reloaded: String,
    /// "Language for each new visitor: {language}".
    pub staff_default_language: String,
    pub staff_languages: String,
    pub staff_tab_kiosk: String,
    pub staff_tab_content: String,
    pub staff_tab_counters: String,
    pub staff_live: String,
    pub staff_live_shipped: String,
    pub staff_live_shipped_since: String,
    pub staff_live_since: String,
    pub staff_live_back_since: String,
    pub staff_live_set: String,
    pub staff_content_summary: String,
    pub staff_go_back: String,
    pub staff_stick_found: String,
    pub staff_stick_none: String,
    pub staff_stick_hint: String,
    pub staff_stick_same: String,
    pub staff_stick_changes: Plural,
    pub staff_stick_more: Plural,
    pub staff_stick_problems: Plural,
    pub staff_stick_fix: String,
    pub staff_stick_clean: String,
    pub staff_install: String,
    pub staff_change_added: String,
    pub staff_change_changed: String,
    pub staff_change_removed: String,
    pub staff_installed: String,
    pub staff_not_installed: String,
    pub staff_install_failed: String,
    pub staff_went_back: String,
    pub staff_go_back_failed: String,
    pub staff_chart_visits: String,
    pub staff_chart_screens: String,
    pub staff_chart_day: String,
    pub staff_chart_words: String,
    pub staff_visits: String,
    pub staff_funnel: String,
    pub staff_funnel_started: String,
    pub staff_funnel_finished: String,
    pub staff_funnel_consultation: String,
    pub staff_funnel_share: String,
    pub setup_review_missing: String,
    pub setup_review_due: String,
    pub setup_review_future: String,
    pub preview_problems: Plural,
    pub preview_no_problems: String,
}

/// A text that depends on a number: `one` for 1, `other` for any other number (the rule
/// of English and Spanish). Written in `ui.toml` as `key = { one = "…", other = "…" }`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
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
    ("voice_volume", &["n", "m"]),
    ("voice_pace", &["n", "m"]),
    ("question_of", &["n", "m"]),
    ("idle_message", &["n"]),
    ("text_size", &["n"]),
    ("pin_wrong", &["n"]),
    ("pin_locked", &["n"]),
    ("staff_counters", &["date"]),
    ("staff_exported", &["path", "days"]),
    ("staff_live_shipped_since", &["date"]),
    ("staff_live_since", &["date", "from"]),
    ("staff_live_back_since", &["date", "from"]),
    ("staff_content_summary", &["pages", "faq", "languages"]),
    ("staff_stick_hint", &["name", "folder"]),
    ("staff_stick_changes", &["n"]),
    ("staff_stick_more", &["n"]),
    ("staff_stick_problems", &["n"]),
    ("staff_change_added", &["file"]),
    ("staff_change_changed", &["file"]),
    ("staff_change_removed", &["file"]),
    ("staff_install_failed", &["why"]),
    ("staff_go_back_failed", &["why"]),
    ("staff_chart_day", &["month", "day"]),
    ("staff_chart_words", &["total", "most", "day", "today"]),
    ("staff_funnel_share", &["n", "percent"]),
    ("setup_review_missing", &["language", "file"]),
    (
        "setup_review_due",
        &["language", "file", "date", "by", "months", "pages"],
    ),
    ("setup_review_future", &["language", "file", "date"]),
    ("preview_problems", &["n"]),
    ("staff_default_language", &["language"]),
    ("setup_contact", &["fields"]),
    ("setup_problems", &["n"]),
    ("goal_treatments", &["concern", "treatments"]),
    ("goal_none", &["concern"]),
    ("downtime_accepted", &["answer"]),
    ("downtime_within", &["treatment", "downtime"]),
    ("downtime_partly", &["treatment", "downtime"]),
    ("downtime_longer", &["treatment", "downtime"]),
    ("expect_heading", &["treatment"]),
];

/// The texts that depend on a number, so need a `one` and an `other` form.
const PLURALS: &[&str] = &[
    "idle_message",
    "pin_wrong",
    "pin_locked",
    "goal_treatments",
    "setup_problems",
    "staff_stick_changes",
    "staff_stick_more",
    "staff_stick_problems",
    "preview_problems",
];

/// A complete strings file (the built-in ones): every key present and right.
pub fn parse(text: &str) -> Result<Strings, Vec<Issue>> {
    let table: toml::Table = parse_toml(text)?;
    let issues: Vec<Issue> = table
        .iter()
        .filter_map(|(key, value)| key_issue(text, key, value))
        .collect();
    if !issues.is_empty() {
        return Err(issues);
    }
    parse_toml(text)
}

/// The strings file at `relative`, key by key over its built-in version (or, for a
/// language the kiosk does not ship, over `english`): mistakes are problems, keys the file
/// lacks are notes, and the file falls back whole only when it is not TOML at all.
pub fn load(loader: &mut Loader<'_>, relative: &str, english: Option<&Strings>) -> Strings {
    let fallback = Loader::built_in(relative, parse)
        .or_else(|| english.cloned())
        .unwrap_or_default();
    let path = loader.source().display_path(relative);
    match loader
        .text(relative)
        .and_then(|text| parse_over(&text, &fallback))
    {
        Ok(parsed) => {
            loader.report(&path, parsed.problems);
            if !parsed.missing.is_empty() {
                loader.notes.push(Problem {
                    path,
                    line: 1,
                    message: format!(
                        "no words for {} yet: the kiosk shows the built-in ones",
                        parsed
                            .missing
                            .iter()
                            .map(|key| format!("`{key}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
            parsed.strings
        }
        Err(issues) => {
            loader.report(&path, issues);
            loader.fell_back(&path, true);
            fallback
        }
    }
}

/// What reading a clinic's strings file gave, key by key.
pub struct Parsed {
    pub strings: Strings,
    /// Mistakes (a key's value of the wrong shape, a lost placeholder, an unknown key):
    /// each such key shows the fallback's words.
    pub problems: Vec<Issue>,
    /// Keys the file does not have (added in a newer version): the fallback's words.
    pub missing: Vec<String>,
}

/// The strings of `text`, with each key it lacks or gets wrong taken from `fallback`.
/// Fails only when the file is not TOML at all.
pub fn parse_over(text: &str, fallback: &Strings) -> Result<Parsed, Vec<Issue>> {
    let file: toml::Table = parse_toml(text)?;
    let mut merged = toml::Table::try_from(fallback).expect("strings serialize to a table");
    let mut problems = Vec::new();
    for (key, value) in &file {
        if !merged.contains_key(key) {
            problems.push(Issue::new(
                line_of_key(text, key),
                format!("unknown key `{key}`: no screen uses it (is it misspelled?)"),
            ));
            continue;
        }
        match key_issue(text, key, value) {
            Some(issue) => problems.push(issue),
            None => {
                merged.insert(key.clone(), value.clone());
            }
        }
    }
    let missing = merged
        .keys()
        .filter(|key| !file.contains_key(*key))
        .cloned()
        .collect();
    let strings = match merged.try_into() {
        Ok(strings) => strings,
        // A key of the wrong shape that `key_issue` let through: the fallback stands in.
        Err(e) => {
            problems.push(Issue::new(1, e.to_string()));
            fallback.clone()
        }
    };
    problems.sort_by_key(|issue| issue.line);
    Ok(Parsed {
        strings,
        problems,
        missing,
    })
}

/// What is wrong with one key's value, if anything: a text where two plural forms are
/// needed (or the other way round), or a template without one of its placeholders.
fn key_issue(text: &str, key: &str, value: &toml::Value) -> Option<Issue> {
    let line = line_of_key(text, key);
    let plural = PLURALS.contains(&key);
    let forms: Vec<(String, &str)> = match value {
        toml::Value::String(s) if !plural => vec![(key.to_owned(), s.as_str())],
        toml::Value::String(_) => {
            return Some(Issue::new(
                line,
                format!(
                    "`{key}` needs two forms, for 1 and for other numbers: {key} = {{ one = \"…\", other = \"…\" }}"
                ),
            ));
        }
        toml::Value::Table(t) if plural => {
            let one_and_other = t.len() == 2
                && ["one", "other"]
                    .iter()
                    .all(|form| t.get(*form).is_some_and(toml::Value::is_str));
            if !one_and_other {
                return Some(Issue::new(
                    line,
                    format!(
                        "`{key}` has exactly two forms: {key} = {{ one = \"…\", other = \"…\" }}"
                    ),
                ));
            }
            t.iter()
                .filter_map(|(form, v)| Some((format!("{key}.{form}"), v.as_str()?)))
                .collect()
        }
        _ => return Some(Issue::new(line, format!("`{key}` must be text in quotes"))),
    };
    let names = TEMPLATES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&[][..], |(_, names)| *names);
    forms.into_iter().find_map(|(name, template)| {
        let missing: Vec<String> = names
            .iter()
            .map(|name| format!("{{{name}}}"))
            .filter(|placeholder| !template.contains(placeholder.as_str()))
            .collect();
        (!missing.is_empty()).then(|| {
            Issue::new(
                line,
                format!("`{name}` must keep {}", missing.join(" and ")),
            )
        })
    })
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

    /// A clinic's own words, in a file written before two keys existed, one of them
    /// broken: every other word stays theirs.
    #[test]
    fn each_key_falls_back_on_its_own() {
        let built_in = parse(SHIPPED).unwrap();
        let text = SHIPPED
            .replace("home = \"Home\"", "home = \"Start\"")
            .replace("next = \"Next\"\n", "")
            .replace("page_of = \"Page {n} of {m}\"", "page_of = \"Page {n}\"")
            .replace("back = \"Back\"", "back = \"Back\"\nbakc = \"Back\"")
            .lines()
            .filter(|l| !l.starts_with("read_more ="))
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        let parsed = parse_over(&text, &built_in).unwrap();
        assert_eq!(parsed.strings.home, "Start", "the clinic's word");
        assert_eq!(parsed.strings.next, built_in.next, "missing: built in");
        assert_eq!(parsed.strings.read_more, built_in.read_more);
        assert_eq!(parsed.missing, ["next", "read_more"]);
        assert_eq!(parsed.strings.page_of, built_in.page_of, "broken: built in");
        let problems: Vec<(usize, &str)> = parsed
            .problems
            .iter()
            .map(|i| (i.line, i.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    line_of_key(&text, "back") + 1,
                    "unknown key `bakc`: no screen uses it (is it misspelled?)"
                ),
                (line_of_key(&text, "page_of"), "`page_of` must keep {m}"),
            ]
        );
        assert!(parse_over("home = [", &built_in).is_err(), "not TOML");
    }
}
