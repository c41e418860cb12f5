//! The clinic's details (`clinic.toml`).

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
    /// Placeholder details found in the file (and blanked, so no visitor sees them).
    #[serde(skip)]
    pub placeholders: Vec<Issue>,
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
    clinic.placeholders = placeholders;
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
        let lines: Vec<usize> = clinic.placeholders.iter().map(|i| i.line).collect();
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
    fn an_empty_name_is_reported() {
        let issues = parse(&GOOD.replace("name = \"A\"", "name = \" \"")).unwrap_err();
        assert_eq!(issues[0].line, 1);
    }
}
