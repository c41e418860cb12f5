//! The clinic's details (`clinic.toml`).

use chrono::NaiveDate;
use serde::Deserialize;

use crate::problems::Issue;
use crate::problems::{line_of_key, parse_toml};

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Clinic {
    pub name: String,
    pub tagline: String,
    /// Empty until the clinic fills it in: a visitor is then sent to the front desk.
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: Vec<String>,
    /// Where the consultation QR code leads; opened on the visitor's own phone.
    #[serde(default)]
    pub booking_url: String,
    pub service_area: Vec<String>,
    /// When a clinician last reviewed this language's medical content (`YYYY-MM-DD`),
    /// and who; empty until the clinic records a review.
    #[serde(default)]
    pub reviewed: String,
    #[serde(default)]
    pub reviewed_by: String,
    /// Details the kiosk cannot use (a placeholder, a review date that is no date), each
    /// with its line: blanked, so no visitor sees them, and reported.
    #[serde(skip)]
    pub blanked: Vec<Issue>,
}

impl Clinic {
    /// The contact details left to fill in, by key, for the setup list.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            ("phone", self.phone.is_empty()),
            ("address", self.address.is_empty()),
            ("booking_url", self.booking_url.is_empty()),
        ]
        .into_iter()
        .filter_map(|(key, missing)| missing.then_some(key))
        .collect()
    }

    /// The recorded review: its date and who made it.
    pub fn review(&self) -> Option<(NaiveDate, &str)> {
        let date = self.reviewed.parse().ok()?;
        Some((date, &self.reviewed_by))
    }
}

/// Why a contact detail is a placeholder no visitor should see, if it is one: the
/// reserved fictional phone numbers 555-0100 to 555-0199, the reserved example domains,
/// and "Example" streets.
pub fn placeholder(value: &str) -> Option<&'static str> {
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let lower = value.to_lowercase();
    if digits.contains("55501") && digits.len() >= 7 {
        Some("a fictional 555-01xx phone number")
    } else if ["example.com", "example.net", "example.org"]
        .iter()
        .any(|domain| lower.contains(domain))
    {
        Some("a reserved example address (example.com, .net or .org)")
    } else if lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "example")
    {
        Some("an example, not a real detail")
    } else {
        None
    }
}

/// What is wrong with the recorded review, if anything: both the date and the reviewer,
/// or neither.
fn review_issue(clinic: &Clinic, text: &str) -> Option<Issue> {
    let (date, by) = (clinic.reviewed.trim(), clinic.reviewed_by.trim());
    // Pointed at the line that is there: the date's, or the reviewer's when only it is.
    let (key, message) = if !date.is_empty() && date.parse::<NaiveDate>().is_err() {
        (
            "reviewed",
            "`reviewed` must be the date of the last medical review, year-month-day, such as \"2026-03-15\"",
        )
    } else if !date.is_empty() && by.is_empty() {
        (
            "reviewed",
            "`reviewed_by` is empty: write who reviewed the content (name and role)",
        )
    } else if date.is_empty() && !by.is_empty() {
        (
            "reviewed_by",
            "`reviewed` is empty: write the date of that review, year-month-day, such as \"2026-03-15\"",
        )
    } else {
        return None;
    };
    Some(Issue::new(line_of_key(text, key), message))
}

pub fn parse(text: &str) -> Result<Clinic, Vec<Issue>> {
    let mut clinic: Clinic = parse_toml(text)?;
    let mut placeholders = Vec::new();
    let mut check = |key: &str, values: &[&str]| {
        let why = values.iter().find_map(|v| placeholder(v));
        if let Some(why) = why {
            placeholders.push(Issue::new(
                line_of_key(text, key),
                format!("`{key}` is {why}: put the clinic's real detail here, or leave it empty (visitors are then sent to the front desk)"),
            ));
        }
        why.is_some()
    };
    if check("phone", &[&clinic.phone]) {
        clinic.phone.clear();
    }
    let address: Vec<&str> = clinic.address.iter().map(String::as_str).collect();
    if check("address", &address) {
        clinic.address.clear();
    }
    if check("booking_url", &[&clinic.booking_url]) {
        clinic.booking_url.clear();
    }
    clinic.blanked = placeholders;
    if let Some(issue) = review_issue(&clinic, text) {
        clinic.blanked.push(issue);
        clinic.reviewed.clear();
        clinic.reviewed_by.clear();
    }
    if clinic.name.trim().is_empty() {
        return Err(vec![Issue::new(
            line_of_key(text, "name"),
            "`name` must not be empty: it is the clinic name on the Home screen",
        )]);
    }
    if !clinic.booking_url.is_empty()
        && let Err(why) = crate::qr::encode(&clinic.booking_url)
    {
        return Err(vec![Issue::new(
            line_of_key(text, "booking_url"),
            format!("`booking_url` {why}"),
        )]);
    }
    Ok(clinic)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "name = \"A\"\ntagline = \"t\"\nphone = \"1\"\naddress = [\"x\"]\nbooking_url = \"u\"\nservice_area = []\n";

    #[test]
    fn reads_every_field() {
        assert_eq!(parse(GOOD).unwrap().name, "A");
    }

    #[test]
    fn an_unknown_key_is_reported_at_its_line() {
        let issues = parse(&format!("{GOOD}opening_hours = \"9-5\"\n")).unwrap_err();
        assert_eq!(issues[0].line, 7);
        assert!(
            issues[0].message.contains("unknown field `opening_hours`"),
            "{issues:?}"
        );
    }

    #[test]
    fn placeholders_are_reported_at_their_line_and_never_kept() {
        let text = "name = \"A\"\ntagline = \"t\"\nphone = \"(312) 555-0142\"\naddress = [\"100 N Example Street\", \"Chicago\"]\nbooking_url = \"https://example.com/book\"\nservice_area = []\n";
        let clinic = parse(text).unwrap();
        assert!(clinic.phone.is_empty() && clinic.address.is_empty());
        assert!(clinic.booking_url.is_empty());
        let lines: Vec<usize> = clinic.blanked.iter().map(|i| i.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert_eq!(clinic.missing(), ["phone", "address", "booking_url"]);
    }

    #[test]
    fn real_details_are_not_placeholders() {
        for real in [
            "(312) 555-1234",
            "1200 N State St",
            "https://elitechicagofacials.com/book",
        ] {
            assert_eq!(placeholder(real), None, "{real}");
        }
        for fake in ["312-555-0199", "https://www.example.org", "1 Example Ave"] {
            assert!(placeholder(fake).is_some(), "{fake}");
        }
    }

    #[test]
    fn contact_details_may_be_left_out() {
        let clinic = parse("name = \"A\"\ntagline = \"t\"\nservice_area = []\n").unwrap();
        assert_eq!(clinic.missing().len(), 3);
    }

    #[test]
    fn a_review_needs_its_date_and_its_reviewer() {
        let clinic = parse(&format!(
            "{GOOD}reviewed = \"2026-03-15\"\nreviewed_by = \"Dr. A. Rivera, dermatologist\"\n"
        ))
        .unwrap();
        assert_eq!(
            clinic.review(),
            Some((
                NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
                "Dr. A. Rivera, dermatologist"
            ))
        );
        assert!(clinic.blanked.is_empty());
        for (review, line, message) in [
            (
                "reviewed = \"15/03/2026\"\nreviewed_by = \"B\"\n",
                7,
                "`reviewed` must be",
            ),
            ("reviewed = \"2026-03-15\"\n", 7, "`reviewed_by` is empty"),
            ("reviewed_by = \"B\"\n", 7, "`reviewed` is empty"),
        ] {
            let clinic = parse(&format!("{GOOD}{review}")).unwrap();
            assert_eq!(clinic.review(), None, "{review}");
            assert_eq!(clinic.blanked.len(), 1, "{review}");
            assert_eq!(clinic.blanked[0].line, line, "{review}");
            assert!(clinic.blanked[0].message.starts_with(message), "{review}");
        }
    }

    #[test]
    fn an_empty_name_is_reported() {
        let issues = parse(&GOOD.replace("name = \"A\"", "name = \" \"")).unwrap_err();
        assert_eq!(issues[0].line, 1);
    }
}
