//! The kiosk's words: loaded once from a content folder (or the built-in copy), checked,
//! and turned into ready-to-draw structures. Nothing here knows about windows.
//!
//! Every file falls back on its own: a broken FAQ does not take the guide with it.

pub mod clinic;
pub mod compare;
pub mod faq;
pub mod guide;
pub mod logo;
pub mod markdown;
pub mod problem;
pub mod source;
pub mod strings;
pub mod text;

pub use clinic::Clinic;
pub use compare::Compare;
pub use faq::{Faq, FaqEntry};
pub use guide::{Card, GuidePage};
pub use logo::Logo;
pub use problem::{Issue, Problem};
pub use source::Source;
pub use strings::Strings;

use crate::questionnaire::{self, Effect, Questionnaire};

/// The language folder read today; the layout leaves room for `es/` and others.
pub const LANGUAGE: &str = "en";

/// Everything a visitor can read.
#[derive(Clone, Debug, Default)]
pub struct Content {
    pub clinic: Clinic,
    pub strings: Strings,
    pub guide: Vec<GuidePage>,
    pub faq: Faq,
    pub compare: Compare,
    pub questionnaire: Questionnaire,
}

/// The content together with what was wrong with it and where it came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub source: Source,
    pub content: Content,
    pub logo: Logo,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// One line for staff: what was loaded.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} guide pages, {} FAQ entries, {} table rows",
            self.source.describe(),
            self.content.guide.len(),
            self.content.faq.entries.len(),
            self.content.compare.rows.len(),
        )
    }
}

/// Loads and checks every file of `source`. Never fails: each broken file is replaced by
/// its built-in version and reported in [`Loaded::problems`].
pub fn load(source: &Source) -> Loaded {
    let mut loader = text::Loader::new(source);
    let lang = LANGUAGE;
    let content = Content {
        clinic: loader.file(&format!("{lang}/clinic.toml"), clinic::parse),
        strings: loader.file(&format!("{lang}/ui.toml"), strings::parse),
        guide: guide::load(&mut loader, &format!("{lang}/guide")),
        faq: loader.file(&format!("{lang}/faq.md"), faq::parse),
        compare: loader.file(&format!("{lang}/compare.md"), compare::parse),
        questionnaire: loader.file(&format!("{lang}/questionnaire.toml"), questionnaire::parse),
    };
    let path = source.display_path(&format!("{lang}/questionnaire.toml"));
    loader.problems.extend(missing_treatments(&content, &path));
    let logo = logo::load(source, &mut loader.problems);
    Loaded {
        source: source.clone(),
        content,
        logo,
        problems: loader.problems,
    }
}

/// Treatments the questionnaire names that the comparison table does not have.
fn missing_treatments(content: &Content, path: &str) -> Vec<Problem> {
    content
        .questionnaire
        .rules
        .iter()
        .filter_map(|rule| match &rule.effect {
            Effect::Result {
                treatment: Some(treatment),
                ..
            } if content.compare.row(treatment).is_none() => Some(Problem {
                path: path.to_owned(),
                line: rule.line,
                message: format!(
                    "treatment `{treatment}` is not a row of the comparison table (compare.md), so its details cannot be shown"
                ),
            }),
            _ => None,
        })
        .collect()
}
