//! The questionnaire reasons with facts that live elsewhere, once: the comparison table
//! (which goals each treatment aims at, its downtime), the guide's page of cautions, and
//! the guide and FAQ sentences its statements cite. Linking reads them and reports, file
//! by file, what does not line up.

use super::diagram::Quantity;
use super::markdown::BlockKind;
use super::place::locate;
use super::{Compare, Faq, GuidePage};
use crate::problems::Issue;
use crate::questionnaire::{Questionnaire, Role, Treatment, citations};

/// Which file a linking problem is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum File {
    Questionnaire,
    Compare,
    /// A guide page, by file name.
    Guide(String),
}

/// Reads the comparison's rows into `questionnaire.treatments`, finds the rows each
/// concern aims at and the rows the guide says can also help it, checks that every
/// citation's words are where it says, and that every caution of the cautions page is
/// asked.
pub fn link(
    questionnaire: &mut Questionnaire,
    compare: &Compare,
    guide: &[GuidePage],
    faq: &Faq,
) -> Vec<(File, Issue)> {
    let mut issues = Vec::new();
    let column = |name: &str| {
        compare
            .columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name))
    };
    let columns = &questionnaire.columns;
    let (Some(goals), Some(downtime)) = (column(&columns.goals), column(&columns.downtime)) else {
        issues.push((
            File::Questionnaire,
            Issue::new(
                columns.line,
                format!(
                    "`[columns]` must name two column headings of compare.md (it has: {})",
                    compare.columns.join(", ")
                ),
            ),
        ));
        return issues;
    };

    questionnaire.treatments = compare
        .rows
        .iter()
        .zip(compare.lines.iter().chain(std::iter::repeat(&1)))
        .map(|(row, line)| {
            let cell = row.get(downtime).cloned().unwrap_or_default();
            let downtime_days = days(&cell).unwrap_or_else(|| {
                issues.push((
                    File::Compare,
                    Issue::new(
                        *line,
                        format!(
                            "the downtime of {} has no number of days, so the questionnaire cannot compare it",
                            row[0]
                        ),
                    ),
                ));
                (0, 0)
            });
            Treatment {
                name: row[0].clone(),
                downtime: cell,
                downtime_days,
            }
        })
        .collect();

    let row_index = |name: &str| {
        compare
            .rows
            .iter()
            .position(|row| row[0].eq_ignore_ascii_case(name))
    };
    let is_row = |name: &str| row_index(name).is_some();
    let helps: Vec<((usize, usize), usize)> = questionnaire
        .treatment_notes
        .iter()
        .filter_map(|notes| Some((row_index(&notes.name)?, &notes.helps)))
        .flat_map(|(row, helps)| helps.iter().map(move |help| (help.concern, row)))
        .collect();
    for (q, question) in questionnaire.questions.iter_mut().enumerate() {
        for (o, option) in question.options.iter_mut().enumerate() {
            if let Role::Concern {
                goals: words,
                aimed,
                helped,
            } = &mut option.role
            {
                *aimed = aiming_rows(compare, goals, words);
                *helped = helps
                    .iter()
                    .filter(|(concern, _)| *concern == (q, o))
                    .map(|(_, row)| *row)
                    .collect();
                helped.sort_unstable();
                helped.dedup();
                if aimed.is_empty() {
                    issues.push((
                        File::Questionnaire,
                        Issue::new(
                            option.line,
                            format!(
                                "no treatment's `{}` in compare.md mentions {}",
                                compare.columns[goals],
                                quoted(words)
                            ),
                        ),
                    ));
                }
            }
        }
    }
    let named = questionnaire
        .treatment_notes
        .iter()
        .map(|notes| (Some(&notes.name), notes.line))
        .chain(
            questionnaire
                .results
                .iter()
                .flat_map(|r| [(r.offers.as_ref(), r.line), (r.rules_out.as_ref(), r.line)]),
        );
    for (name, line) in named {
        if let Some(name) = name.filter(|n| !is_row(n)) {
            issues.push((
                File::Questionnaire,
                Issue::new(
                    line,
                    format!("`{name}` is not a treatment of the comparison (compare.md)"),
                ),
            ));
        }
    }
    for cited in citations(questionnaire) {
        if let Err(message) = locate(&cited.source.file, &cited.source.words, guide, faq, compare) {
            issues.push((File::Questionnaire, Issue::new(cited.line, message)));
        }
    }
    issues.extend(check_cautions(questionnaire, guide));
    issues
}

/// The rows whose goals cell mentions any of `words` (case does not matter).
fn aiming_rows(compare: &Compare, goals: usize, words: &[String]) -> Vec<usize> {
    compare
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| {
            let cell = row.get(goals).map(|c| c.to_lowercase()).unwrap_or_default();
            words
                .iter()
                .any(|w| !w.trim().is_empty() && cell.contains(&w.to_lowercase()))
        })
        .map(|(index, _)| index)
        .collect()
}

/// Every bullet of the cautions page must contain the `guide` words of some caution
/// option, and every caution option's words must be on the page: a caution staff add to
/// the guide is then never missing from the questionnaire.
fn check_cautions(questionnaire: &Questionnaire, guide: &[GuidePage]) -> Vec<(File, Issue)> {
    let Some((file, line)) = &questionnaire.cautions_page else {
        return Vec::new();
    };
    let Some(page) = guide.iter().find(|p| &p.file == file) else {
        return vec![(
            File::Questionnaire,
            Issue::new(
                *line,
                format!("`cautions_page`: the guide has no page `{file}`"),
            ),
        )];
    };
    let cautions: Vec<(&str, usize)> = questionnaire
        .questions
        .iter()
        .flat_map(|q| &q.options)
        .filter_map(|o| match &o.role {
            Role::Caution { guide } => Some((guide.as_str(), o.line)),
            _ => None,
        })
        .collect();
    let bullets: Vec<(String, usize)> = page
        .cards
        .iter()
        .flat_map(|card| &card.blocks)
        .filter_map(|block| match &block.kind {
            BlockKind::List(items) => Some(items),
            _ => None,
        })
        .flatten()
        .map(|item| (item.text.plain().to_lowercase(), item.line))
        .collect();
    let mentions = |bullet: &str, words: &str| bullet.contains(&words.to_lowercase());
    let mut issues = Vec::new();
    for (bullet, line) in &bullets {
        if !cautions.iter().any(|(words, _)| mentions(bullet, words)) {
            issues.push((
                File::Guide(file.clone()),
                Issue::new(
                    *line,
                    "this caution is asked by no question of questionnaire.toml: add an option with `guide = \"…\"` (words of this line) to its cautions checklist",
                ),
            ));
        }
    }
    for (words, line) in &cautions {
        if !bullets.iter().any(|(bullet, _)| mentions(bullet, words)) {
            issues.push((
                File::Questionnaire,
                Issue::new(
                    *line,
                    format!("`guide = \"{words}\"`: no bullet of guide/{file} has these words"),
                ),
            ));
        }
    }
    issues
}

/// A downtime cell as a range of days, read as the diagrams read times: "1–3 days" is 1
/// to 3; "Up to 1 day" and "<1 day" are 0 to 1; hours count as part days ("24–72 hours"
/// is 1 to 3). `None` when the cell has no number or no unit.
pub fn days(cell: &str) -> Option<(u32, u32)> {
    let (from, to) = Quantity::parse(cell).ok()?.hours();
    Some((from / 24, to.div_ceil(24)))
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" or ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downtime_cells_read_as_ranges_of_days() {
        assert_eq!(days("1–3 days"), Some((1, 3)));
        assert_eq!(days("2–7 días"), Some((2, 7)));
        assert_eq!(days("Up to 1 day"), Some((0, 1)));
        assert_eq!(days("<1 day"), Some((0, 1)));
        assert_eq!(days("none"), None);
        assert_eq!(days("24–72 hours"), Some((1, 3)));
        assert_eq!(days("3"), None, "a number without a unit");
    }
}
