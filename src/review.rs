//! The content's medical review: each language's `clinic.toml` says when a clinician last
//! reviewed it and who (`reviewed`, `reviewed_by`). Patient-education publishers review
//! on a fixed cycle (24 months is common), so a review older than the settings'
//! `review_after_months` is due, and so is one never recorded.

use chrono::{Months, NaiveDate};

use crate::content::{Content, Loaded};

/// What staff should know about one language's review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Review {
    /// No review is recorded.
    NotRecorded { language: Language },
    /// The last review is more than `months` old: every page it covers is due.
    Due {
        language: Language,
        reviewed: NaiveDate,
        by: String,
        months: u32,
        pages: Vec<String>,
    },
    /// The date is after today: a typing mistake, most likely.
    InTheFuture {
        language: Language,
        reviewed: NaiveDate,
    },
}

/// A language as the notes name it: its name in itself and its `clinic.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    pub name: String,
    /// `en/clinic.toml`: where the review is recorded.
    pub file: String,
}

/// The reviews of `loaded`'s languages that need attention on `today`.
pub fn notes(loaded: &Loaded, today: NaiveDate, months: u32) -> Vec<Review> {
    (0..loaded.language_count())
        .filter_map(|index| {
            let content = loaded.language(index);
            let language = Language {
                name: content.strings.language_name.clone(),
                file: format!("{}/clinic.toml", loaded.language_code(index)),
            };
            let Some((reviewed, by)) = content.clinic.review() else {
                return Some(Review::NotRecorded { language });
            };
            let due = reviewed
                .checked_add_months(Months::new(months))
                .is_none_or(|due| due < today);
            if reviewed > today {
                Some(Review::InTheFuture { language, reviewed })
            } else if due {
                Some(Review::Due {
                    language,
                    reviewed,
                    by: by.to_owned(),
                    months,
                    pages: pages(content),
                })
            } else {
                None
            }
        })
        .collect()
}

/// The files a language's review covers, as its folder names them.
fn pages(content: &Content) -> Vec<String> {
    content
        .guide
        .iter()
        .map(|page| format!("guide/{}", page.file))
        .chain(["faq.md", "compare.md", "questionnaire.toml"].map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{self, Source};

    fn reviewed_on(date: &str) -> Loaded {
        let mut loaded = content::load(&Source::BuiltIn);
        for index in 0..loaded.language_count() {
            let clinic = match index {
                0 => &mut loaded.content.clinic,
                i => &mut loaded.translations[i - 1].content.clinic,
            };
            clinic.reviewed = date.to_owned();
            clinic.reviewed_by = "Dr. A. Rivera".to_owned();
        }
        loaded
    }

    fn on(date: &str) -> NaiveDate {
        date.parse().unwrap()
    }

    #[test]
    fn a_review_is_due_the_day_after_its_months_are_up() {
        let loaded = reviewed_on("2024-03-15");
        assert_eq!(notes(&loaded, on("2026-03-15"), 24), []);
        let due = notes(&loaded, on("2026-03-16"), 24);
        assert_eq!(due.len(), loaded.language_count());
        let Review::Due {
            language,
            reviewed,
            by,
            pages,
            ..
        } = &due[1]
        else {
            panic!("{due:?}");
        };
        assert_eq!(language.file, "es/clinic.toml");
        assert_eq!(
            (*reviewed, by.as_str()),
            (on("2024-03-15"), "Dr. A. Rivera")
        );
        assert_eq!(
            pages.first().map(String::as_str),
            Some("guide/01-what-it-is.md")
        );
        assert_eq!(pages.len(), loaded.content.guide.len() + 3);
        assert_eq!(notes(&loaded, on("2026-03-16"), 36), [], "a longer cycle");
    }

    #[test]
    fn a_missing_or_future_review_is_noted() {
        let shipped = content::load(&Source::BuiltIn);
        assert!(matches!(
            notes(&shipped, on("2026-01-01"), 24)[0],
            Review::NotRecorded { .. }
        ));
        let loaded = reviewed_on("2027-01-01");
        assert!(matches!(
            notes(&loaded, on("2026-01-01"), 24)[0],
            Review::InTheFuture { .. }
        ));
    }
}
