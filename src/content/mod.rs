//! The kiosk's words: loaded once from a content folder (or the built-in copy), checked,
//! and turned into ready-to-draw structures. Nothing here knows about windows.
//!
//! Every file falls back on its own: a broken FAQ does not take the guide with it.

pub mod clinic;
pub mod compare;
pub mod diagram;
pub mod faq;
pub mod guide;
pub mod link;
pub mod logo;
pub mod markdown;
mod parity;
pub mod photo;
pub mod picture;
pub mod place;
pub mod readability;
pub mod source;
pub mod strings;
pub mod text;

pub use crate::problems::{Issue, Problem};
pub use clinic::Clinic;
pub use compare::Compare;
pub use faq::{Faq, FaqEntry};
pub use guide::{Card, GuidePage};
pub use logo::Logo;
pub use source::Source;
pub use strings::Strings;

use crate::questionnaire::{self, Questionnaire};

/// The reference language: always present, and every translation is checked against it.
pub const ENGLISH: &str = "en";

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

/// A translation: another language folder next to `en/`.
#[derive(Clone, Debug)]
pub struct Language {
    /// The folder's name, e.g. `es`.
    pub code: String,
    pub content: Content,
}

/// The content together with what was wrong with it and where it came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub source: Source,
    /// English.
    pub content: Content,
    /// Every other language, in folder-name order.
    pub translations: Vec<Language>,
    pub logo: Logo,
    pub problems: Vec<Problem>,
    /// Worth knowing, not wrong: `--check` prints them without failing.
    pub notes: Vec<Problem>,
}

impl Loaded {
    /// How many languages there are, English included.
    pub fn language_count(&self) -> usize {
        1 + self.translations.len()
    }

    /// Language `index`: 0 is English, then the translations; out of range gives English.
    pub fn language(&self, index: usize) -> &Content {
        index
            .checked_sub(1)
            .and_then(|i| self.translations.get(i))
            .map_or(&self.content, |l| &l.content)
    }

    /// Each language's name in itself ("English", "Español"), in index order.
    pub fn language_names(&self) -> Vec<String> {
        (0..self.language_count())
            .map(|i| self.language(i).strings.language_name.clone())
            .collect()
    }

    /// The folder code of language `index` ("en", "es"); English when out of range.
    pub fn language_code(&self, index: usize) -> &str {
        index
            .checked_sub(1)
            .and_then(|i| self.translations.get(i))
            .map_or(ENGLISH, |l| l.code.as_str())
    }

    /// The index of the language with folder `code`, if there is one.
    pub fn language_index(&self, code: &str) -> Option<usize> {
        if code == ENGLISH {
            return Some(0);
        }
        self.translations
            .iter()
            .position(|l| l.code == code)
            .map(|i| i + 1)
    }

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

/// Loads and checks every file of `source`, every language. Never fails: each broken file
/// is replaced by its built-in version and reported in [`Loaded::problems`].
pub fn load(source: &Source) -> Loaded {
    let mut loader = text::Loader::new(source);
    let mut photos = photo::Decoded::new();
    let content = load_language(&mut loader, &mut photos, ENGLISH, None);
    let translations: Vec<Language> = source
        .language_folders()
        .into_iter()
        .filter(|code| code != ENGLISH)
        .map(|code| {
            let translation = load_language(&mut loader, &mut photos, &code, Some(&content));
            loader
                .problems
                .extend(parity::check(source, &code, &content, &translation));
            Language {
                code,
                content: translation,
            }
        })
        .collect();
    let logo = logo::load(source, &mut loader.problems);
    Loaded {
        source: source.clone(),
        content,
        translations,
        logo,
        problems: loader.problems,
        notes: loader.notes,
    }
}

/// One language folder. A translation's broken file falls back to its built-in version,
/// or, for a language the kiosk does not ship, to the English one. Photos are decoded
/// once for every language (`photos`).
fn load_language(
    loader: &mut text::Loader<'_>,
    photos: &mut photo::Decoded,
    code: &str,
    english: Option<&Content>,
) -> Content {
    let path = |name: &str| format!("{code}/{name}");
    let mut guide = guide::load(loader, &path("guide"));
    if guide.is_empty() {
        guide = fallback(english, |e| &e.guide)();
    }
    let mut content = Content {
        clinic: loader.file(
            &path("clinic.toml"),
            clinic::parse,
            fallback(english, |e| &e.clinic),
        ),
        strings: strings::load(loader, &path("ui.toml"), english.map(|e| &e.strings)),
        guide,
        faq: loader.file(&path("faq.md"), faq::parse, fallback(english, |e| &e.faq)),
        compare: loader.file(
            &path("compare.md"),
            compare::parse,
            fallback(english, |e| &e.compare),
        ),
        questionnaire: loader.file(
            &path("questionnaire.toml"),
            questionnaire::parse,
            fallback(english, |e| &e.questionnaire),
        ),
    };
    let linked = link::link(
        &mut content.questionnaire,
        &content.compare,
        &content.guide,
        &content.faq,
    );
    content.compare.downtime = content
        .compare
        .bars(&content.questionnaire.columns.downtime);
    let pictured = photo::attach(&mut content, loader.source(), photos);
    for (file, issue) in pictured {
        let shown = loader.source().display_path(&path(&file));
        loader.report(&shown, vec![issue]);
    }
    for (file, issue) in linked {
        let relative = match file {
            link::File::Questionnaire => path("questionnaire.toml"),
            link::File::Compare => path("compare.md"),
            link::File::Guide(page) => path(&format!("guide/{page}")),
        };
        let shown = loader.source().display_path(&relative);
        loader.report(&shown, vec![issue]);
    }
    let clinic_path = loader.source().display_path(&path("clinic.toml"));
    loader.report(&clinic_path, content.clinic.blanked.clone());
    content
}

/// What stands in for a broken file with no built-in copy: the English version, or an
/// empty value for English itself (which always has a built-in copy).
fn fallback<'a, T: Clone + Default>(
    english: Option<&'a Content>,
    part: impl Fn(&Content) -> &T + 'a,
) -> impl FnOnce() -> T + 'a {
    move || english.map(|e| part(e).clone()).unwrap_or_default()
}
