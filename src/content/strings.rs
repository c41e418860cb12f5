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
    pub notes_heading: String,
    pub alternatives_heading: String,
    pub scan_to_book: String,
    pub front_desk: String,
    pub call: String,
    pub visit: String,
}

impl Strings {
    pub fn page_of(&self, n: usize, m: usize) -> String {
        fill(&self.page_of, n, m)
    }

    pub fn question_of(&self, n: usize, m: usize) -> String {
        fill(&self.question_of, n, m)
    }
}

fn fill(template: &str, n: usize, m: usize) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}

pub fn parse(text: &str) -> Result<Strings, Vec<Issue>> {
    let strings: Strings = parse_toml(text)?;
    let issues: Vec<Issue> = [
        ("page_of", &strings.page_of),
        ("question_of", &strings.question_of),
    ]
    .into_iter()
    .filter(|(_, template)| !(template.contains("{n}") && template.contains("{m}")))
    .map(|(key, _)| {
        Issue::new(
            line_of_key(text, key),
            format!("`{key}` must contain {{n}} (this one) and {{m}} (how many there are)"),
        )
    })
    .collect();
    if issues.is_empty() {
        Ok(strings)
    } else {
        Err(issues)
    }
}
