//! What is left to set up before the kiosk can face visitors, for the staff screen and
//! `--check`: a staff PIN, the contact details, the content's medical review, and the
//! problems found.

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::strings::fill;
use crate::content::{Loaded, Strings};
use crate::review::{self, Review};

/// Something left to set up, worded by the strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupNote {
    NoPin,
    /// The contact details `clinic.toml` leaves empty (`phone`, `address`...).
    Contact(Vec<&'static str>),
    /// A language's medical review: not recorded, due, or dated after today.
    Review(Review),
    /// How many problems the content and settings have.
    Problems(usize),
}

impl SetupNote {
    pub fn words(&self, s: &Strings) -> String {
        match self {
            Self::NoPin => s.setup_no_pin.clone(),
            Self::Contact(missing) => fill(&s.setup_contact, &[("fields", &missing.join(", "))]),
            Self::Review(Review::NotRecorded { language }) => fill(
                &s.setup_review_missing,
                &[("language", &language.name), ("file", &language.file)],
            ),
            Self::Review(Review::Due {
                language,
                reviewed,
                by,
                months,
                pages,
            }) => fill(
                &s.setup_review_due,
                &[
                    ("language", &language.name),
                    ("file", &language.file),
                    ("date", &reviewed.to_string()),
                    ("by", by),
                    ("months", &months.to_string()),
                    ("pages", &pages.join(", ")),
                ],
            ),
            Self::Review(Review::InTheFuture { language, reviewed }) => fill(
                &s.setup_review_future,
                &[
                    ("language", &language.name),
                    ("file", &language.file),
                    ("date", &reviewed.to_string()),
                ],
            ),
            Self::Problems(n) => s.setup_problems.fill(*n, &[]),
        }
    }
}

/// What is left to set up in this content and these settings on `today` (problems aside).
pub fn notes(loaded: &Loaded, config: &Config, today: NaiveDate) -> Vec<SetupNote> {
    let mut notes = Vec::new();
    if config.pin_hash.is_none() {
        notes.push(SetupNote::NoPin);
    }
    let missing = loaded.content.clinic.missing();
    if !missing.is_empty() {
        notes.push(SetupNote::Contact(missing));
    }
    notes.extend(
        review::notes(loaded, today, config.review_after_months)
            .into_iter()
            .map(SetupNote::Review),
    );
    notes
}
