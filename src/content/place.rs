//! Where words are said in a language's content: the guide card, FAQ entry or comparison
//! that holds them. The questionnaire's citations are checked with it, and "Read more"
//! opens what it finds.

use super::markdown::plain_lines;
use super::{Compare, Faq, GuidePage};

/// A place in one language's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A card of a guide page (indices in the guide and in the page).
    Guide {
        page: usize,
        card: usize,
    },
    Faq {
        entry: usize,
    },
    Compare,
}

/// The place in `file` (`guide/….md`, `faq.md` or `compare.md`) whose text holds `words`,
/// ignoring case, emphasis and line breaks; or why there is none.
pub fn locate(
    file: &str,
    words: &str,
    guide: &[GuidePage],
    faq: &Faq,
    compare: &Compare,
) -> Result<Place, String> {
    let wanted = normalize(words);
    if wanted.is_empty() {
        return Err("`words` is empty: quote the words of the source that say this".to_owned());
    }
    let holds = |lines: Vec<String>| normalize(&lines.join(" ")).contains(&wanted);
    let found = if let Some(name) = file.strip_prefix("guide/") {
        let index = guide
            .iter()
            .position(|p| p.file == name)
            .ok_or_else(|| format!("`source = \"{file}\"`: the guide has no page `{name}`"))?;
        guide[index]
            .cards
            .iter()
            .position(|card| {
                holds(
                    card.heading
                        .iter()
                        .map(|h| h.plain())
                        .chain(plain_lines(&card.blocks))
                        .collect(),
                )
            })
            .map(|card| Place::Guide { page: index, card })
    } else if file == "faq.md" {
        faq.entries
            .iter()
            .position(|e| {
                holds(
                    std::iter::once(e.question.clone())
                        .chain(plain_lines(&e.answer))
                        .collect(),
                )
            })
            .map(|entry| Place::Faq { entry })
    } else if file == "compare.md" {
        let cells = compare.columns.iter().chain(compare.rows.iter().flatten());
        let lines = cells.cloned().chain(plain_lines(&compare.notes)).collect();
        holds(lines).then_some(Place::Compare)
    } else {
        return Err(format!(
            "`source = \"{file}\"`: a source is `guide/` and a page's file name, `faq.md` or `compare.md`"
        ));
    };
    found.ok_or_else(|| {
        let within = if file.starts_with("guide/") {
            "any one card of"
        } else {
            ""
        };
        format!("`words = \"{words}\"` are not in {within} {file}: the source must say it in these words")
            .replace("  ", " ")
    })
}

/// Lower case, one space between words, straight quotes: so a line break or a curly
/// apostrophe in the source does not hide the words.
fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Vec<GuidePage> {
        let mut page = super::super::guide::parse(
            "# Sessions\n\n## How many?\n\nMost people need **3–6\nsessions**.\n\n## Apart\n\nSpaced 4–6 weeks apart.\n",
        )
        .unwrap();
        page.file = "05-sessions.md".to_owned();
        vec![page]
    }

    #[test]
    fn words_are_found_in_their_card_across_emphasis_and_line_breaks() {
        let (faq, compare) = (Faq::default(), Compare::default());
        let found = locate(
            "guide/05-sessions.md",
            "NEED 3–6 sessions",
            &guide(),
            &faq,
            &compare,
        );
        assert_eq!(found, Ok(Place::Guide { page: 0, card: 0 }));
        let found = locate(
            "guide/05-sessions.md",
            "4–6 weeks",
            &guide(),
            &faq,
            &compare,
        );
        assert_eq!(found, Ok(Place::Guide { page: 0, card: 1 }));
    }

    #[test]
    fn words_that_are_not_there_or_span_two_cards_are_refused() {
        let (faq, compare) = (Faq::default(), Compare::default());
        for words in ["3–8 sessions", "sessions. Spaced", ""] {
            let found = locate("guide/05-sessions.md", words, &guide(), &faq, &compare);
            assert!(found.is_err(), "{words:?}: {found:?}");
        }
        let found = locate("guide/99-none.md", "sessions", &guide(), &faq, &compare);
        assert!(found.unwrap_err().contains("no page `99-none.md`"));
        let found = locate("notes.txt", "sessions", &guide(), &faq, &compare);
        assert!(found.unwrap_err().contains("a source is"));
    }
}
