//! What `spd-say -O` and `-L` print: the output modules and the voices' languages, and
//! the regional voice to ask for.

use std::collections::BTreeSet;

use super::primary_language;

/// The modules in `spd-say -O` output: the lines after "OUTPUT MODULES".
pub(super) fn parse_modules(output: &str) -> Vec<String> {
    output
        .lines()
        .map(str::trim)
        .skip_while(|line| *line != "OUTPUT MODULES")
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The languages (primary subtags) in `spd-say -L` output.
pub(super) fn parse_voice_languages(output: &str) -> BTreeSet<String> {
    voice_codes(output).filter_map(primary_language).collect()
}

/// The voices' full language codes in `spd-say -L` output, lower case, `-` between parts.
pub(super) fn parse_voice_codes(output: &str) -> BTreeSet<String> {
    voice_codes(output)
        .filter(|code| primary_language(code).is_some())
        .map(|code| code.to_ascii_lowercase().replace('_', "-"))
        .collect()
}

/// Regions asked for where the engine has a voice for them: a Chicago clinic's Spanish
/// speakers are mostly Latin American (espeak-ng's `es-419`), not from Spain (`es`).
const PREFERRED_REGIONS: &[(&str, &str)] = &[("es", "es-419")];

/// The language code to ask speech-dispatcher for `language`: its preferred region
/// where one of `codes` is that region, else `language` itself.
pub(super) fn voice_code<'a>(codes: &BTreeSet<String>, language: &'a str) -> &'a str {
    PREFERRED_REGIONS
        .iter()
        .find(|(primary, region)| {
            primary_language(language).as_deref() == Some(*primary) && codes.contains(*region)
        })
        .map_or(language, |(_, region)| region)
}

/// The language column of `spd-say -L` output: after the header "NAME LANGUAGE VARIANT",
/// one voice a line, right-aligned columns, the language second to last (names may
/// contain spaces); the dummy module's voice is left out.
fn voice_codes(output: &str) -> impl Iterator<Item = &str> {
    let mut lines = output.lines().skip_while(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words != ["NAME", "LANGUAGE", "VARIANT"]
    });
    lines.next();
    lines.filter_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let [name @ .., language, _variant] = words.as_slice() else {
            return None;
        };
        (!name.is_empty() && *name != ["dummy"]).then_some(*language)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_are_parsed_as_spd_say_prints_them() {
        let modules = "OUTPUT MODULES\nespeak-ng\ndummy\n";
        assert_eq!(parse_modules(modules), ["espeak-ng", "dummy"]);
        assert!(parse_modules("Output modules not found.\n").is_empty());

        let voices = "                     NAME                 LANGUAGE                  VARIANT\n\
                      \x20     English (America)                    en-US                     none\n\
                      English (America, New York City)                en-US-NYC                     none\n\
                      \x20         Spanish (Spain)                       es                     none\n\
                      \x20 Spanish (Latin America)+Max                   es-419                      Max\n\
                      \x20                   dummy                       en                     none\n";
        let languages: Vec<String> = parse_voice_languages(voices).into_iter().collect();
        assert_eq!(languages, ["en", "es"]);
        let codes = parse_voice_codes(voices);
        let codes_listed: Vec<&str> = codes.iter().map(String::as_str).collect();
        assert_eq!(codes_listed, ["en-us", "en-us-nyc", "es", "es-419"]);
        // Spanish is asked for in its Latin American voice where there is one.
        assert_eq!(voice_code(&codes, "es"), "es-419");
        assert_eq!(voice_code(&codes, "en"), "en");
        let spain_only = parse_voice_codes(&voices.replace("es-419", "es"));
        assert_eq!(voice_code(&spain_only, "es"), "es");
        assert!(parse_voice_languages("Failed to get voice list.\n").is_empty());
        assert!(parse_voice_languages("").is_empty());
    }
}
