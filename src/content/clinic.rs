//! The clinic's details (`clinic.toml`).

use serde::Deserialize;

use super::problem::Issue;
use super::text::{line_of_key, parse_toml};

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Clinic {
    pub name: String,
    pub tagline: String,
    pub phone: String,
    pub address: Vec<String>,
    /// Where the consultation QR code leads; opened on the visitor's own phone.
    pub booking_url: String,
    pub service_area: Vec<String>,
}

pub fn parse(text: &str) -> Result<Clinic, Vec<Issue>> {
    let clinic: Clinic = parse_toml(text)?;
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
    fn an_empty_name_is_reported() {
        let issues = parse(&GOOD.replace("name = \"A\"", "name = \" \"")).unwrap_err();
        assert_eq!(issues[0].line, 1);
    }
}
