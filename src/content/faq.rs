//! The FAQ: `## Question` headings, each followed by its answer.

use super::markdown::{self, Block, BlockKind};
use crate::problems::Issue;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Faq {
    /// The optional `# Title` line.
    pub title: Option<String>,
    pub entries: Vec<FaqEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaqEntry {
    pub question: String,
    pub line: usize,
    pub answer: Vec<Block>,
}

pub fn parse(text: &str) -> Result<Faq, Vec<Issue>> {
    let mut faq = Faq::default();
    let blocks = markdown::parse(text);
    let mut issues = markdown::diagram_issues(&blocks);
    for block in blocks {
        match block.kind {
            BlockKind::Heading { level: 1, text } if faq.title.is_none() && faq.entries.is_empty() => {
                faq.title = Some(text.plain());
            }
            BlockKind::Heading { level: 2, text } => faq.entries.push(FaqEntry {
                question: text.plain(),
                line: block.line,
                answer: Vec::new(),
            }),
            _ => match faq.entries.last_mut() {
                Some(entry) => entry.answer.push(block),
                None => issues.push(Issue::new(
                    block.line,
                    "this text comes before the first question and would not be shown; start each question with `## `",
                )),
            },
        }
    }
    for entry in &faq.entries {
        if entry.question.trim().is_empty() {
            issues.push(Issue::new(entry.line, "this question is empty"));
        } else if entry.answer.is_empty() {
            issues.push(Issue::new(
                entry.line,
                "this question has no answer below it",
            ));
        }
    }
    if faq.entries.is_empty() && issues.is_empty() {
        issues.push(Issue::new(
            1,
            "no questions found: start each question on its own line with `## `",
        ));
    }
    if issues.is_empty() {
        Ok(faq)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_answers() {
        let faq = parse("# FAQ\n\n## Q1?\n\nA1.\n\n- more\n\n## Q2?\n\nA2.\n").unwrap();
        assert_eq!(faq.title.as_deref(), Some("FAQ"));
        assert_eq!(faq.entries.len(), 2);
        assert_eq!(faq.entries[0].answer.len(), 2);
        assert_eq!(faq.entries[1].line, 9);
    }

    #[test]
    fn a_question_without_answer_is_reported() {
        let issues = parse("## Q1?\n\nA1.\n\n## Q2?\n").unwrap_err();
        assert_eq!(
            issues,
            [Issue::new(5, "this question has no answer below it")]
        );
    }

    #[test]
    fn no_questions_is_reported() {
        let issues = parse("# FAQ\n").unwrap_err();
        assert_eq!(issues[0].line, 1);
        assert!(issues[0].message.starts_with("no questions found"));
    }
}
