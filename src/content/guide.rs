//! The guide: one Markdown file per page in `guide/`, shown in file-name order.
//!
//! A page is `# Title` followed by cards, each starting with `## Card heading`.

use super::markdown::{self, Block, BlockKind, Inline};
use super::source::Source;
use super::text::Loader;
use crate::problems::{Issue, Problem};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GuidePage {
    /// The page's file name in `guide/`, e.g. `07-who-should-wait.md`.
    pub file: String,
    pub title: String,
    pub cards: Vec<Card>,
}

/// One idea: an optional heading and a few short blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Card {
    pub heading: Option<Inline>,
    pub blocks: Vec<Block>,
}

pub fn parse(text: &str) -> Result<GuidePage, Vec<Issue>> {
    let blocks = markdown::parse(text);
    let broken = markdown::diagram_issues(&blocks);
    if !broken.is_empty() {
        return Err(broken);
    }
    let mut blocks = blocks.into_iter();
    let title = match blocks.next() {
        Some(Block {
            kind: BlockKind::Heading { level: 1, text },
            ..
        }) if !text.is_blank() => text.plain(),
        Some(block) => {
            return Err(vec![Issue::new(
                block.line,
                "a guide page must start with its title on a line like `# Title`",
            )]);
        }
        None => return Err(vec![Issue::new(1, "the page has no text")]),
    };
    let mut cards: Vec<Card> = Vec::new();
    for block in blocks {
        match block.kind {
            BlockKind::Heading { level: 1, .. } => {
                return Err(vec![Issue::new(
                    block.line,
                    "a page has one `# Title`; start a new file for a new page, or use `## ` for a card",
                )]);
            }
            BlockKind::Heading { level: 2, text } => cards.push(Card {
                heading: Some(text),
                blocks: Vec::new(),
            }),
            _ => match cards.last_mut() {
                Some(card) => card.blocks.push(block),
                None => cards.push(Card {
                    heading: None,
                    blocks: vec![block],
                }),
            },
        }
    }
    if cards.is_empty() {
        return Err(vec![Issue::new(1, "the page has a title but no text")]);
    }
    Ok(GuidePage {
        file: String::new(),
        title,
        cards,
    })
}

/// Every page of the guide folder. A broken page falls back to its built-in version, or
/// is left out when staff added it; a missing or empty folder gives the built-in guide.
pub fn load(loader: &mut Loader<'_>, folder: &str) -> Vec<GuidePage> {
    let names = loader.source().markdown_files(folder).unwrap_or_default();
    if names.is_empty() {
        loader.problems.push(Problem {
            path: loader.source().display_path(folder),
            line: 1,
            message: "the guide folder is missing or has no `.md` pages; the kiosk shows the built-in guide".to_owned(),
        });
        return built_in_pages(folder);
    }
    pages(loader, folder, &names)
}

fn pages(loader: &mut Loader<'_>, folder: &str, names: &[String]) -> Vec<GuidePage> {
    names
        .iter()
        .filter_map(|name| {
            let page = loader.file_or_built_in(&format!("{folder}/{name}"), parse)?;
            Some(GuidePage {
                file: name.clone(),
                ..page
            })
        })
        .collect()
}

fn built_in_pages(folder: &str) -> Vec<GuidePage> {
    let built_in = Source::BuiltIn;
    let names = built_in.markdown_files(folder).unwrap_or_default();
    pages(&mut Loader::new(&built_in), folder, &names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_split_at_second_level_headings() {
        let page = parse("# T\n\nIntro.\n\n## One\n\nA\n\n- x\n\n## Two\n\nB\n").unwrap();
        assert_eq!(page.title, "T");
        assert_eq!(page.cards.len(), 3);
        assert!(page.cards[0].heading.is_none());
        assert_eq!(page.cards[1].heading.as_ref().unwrap().plain(), "One");
        assert_eq!(page.cards[1].blocks.len(), 2);
    }

    #[test]
    fn a_page_needs_a_title_first() {
        let issues = parse("Some text\n\n# Late title\n").unwrap_err();
        assert_eq!(issues[0].line, 1);
        assert!(issues[0].message.contains("# Title"));
    }

    #[test]
    fn a_second_title_is_reported_at_its_line() {
        let issues = parse("# A\n\ntext\n\n# B\n").unwrap_err();
        assert_eq!(issues[0].line, 5);
    }
}
