//! The words on buttons and headings (`ui.toml`), kept with the content so staff and
//! translators can change them without a programmer.

use serde::Deserialize;

use super::problem::Issue;
use super::text::{line_of_key, parse_toml};

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub home_intro: String,
    pub home_hint: String,
    pub home: String,
    pub back: String,
    pub next: String,
    pub contents: String,
    pub close_contents: String,
    /// "Page {n} of {m}".
    pub page_of: String,
    pub coming_soon: String,
    pub service_area: String,
    pub guide_title: String,
    pub guide_note: String,
    pub compare_title: String,
    pub compare_note: String,
    pub faq_title: String,
    pub faq_note: String,
    pub quiz_title: String,
    pub quiz_note: String,
}

impl Strings {
    pub fn page_of(&self, n: usize, m: usize) -> String {
        self.page_of
            .replace("{n}", &n.to_string())
            .replace("{m}", &m.to_string())
    }
}

pub fn parse(text: &str) -> Result<Strings, Vec<Issue>> {
    let strings: Strings = parse_toml(text)?;
    if !(strings.page_of.contains("{n}") && strings.page_of.contains("{m}")) {
        return Err(vec![Issue::new(
            line_of_key(text, "page_of"),
            "`page_of` must contain {n} (this page) and {m} (number of pages)",
        )]);
    }
    Ok(strings)
}
