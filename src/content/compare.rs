//! The comparison of treatments: one Markdown table, treatment names in the first column.

use super::diagram::{Diagram, Quantity};
use super::markdown::{self, Block, BlockKind, Inline, TableRow};
use crate::problems::Issue;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compare {
    /// The optional `# Title` line.
    pub title: Option<String>,
    /// Column headings; the first names the treatment column.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The line of each row in the file.
    pub lines: Vec<usize>,
    /// Paragraphs around the table.
    pub notes: Vec<Block>,
    /// The downtime column's heading and its cells as bars, set once the questionnaire
    /// has said which column is the downtime.
    pub downtime: Option<(String, Diagram)>,
}

impl Compare {
    /// A treatment's row by its name (case does not matter).
    /// The column headed `column` as bars, read from its own cells ("1–3 days"), so the
    /// picture cannot disagree with the table; `None` when a cell has no time (which the
    /// questionnaire's linking reports for the downtime column).
    pub fn bars(&self, column: &str) -> Option<(String, Diagram)> {
        let index = self
            .columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(column))?;
        let rows = self
            .rows
            .iter()
            .map(|row| Some((row[0].clone(), Quantity::parse(row.get(index)?).ok()?)))
            .collect::<Option<Vec<_>>>()?;
        Some((self.columns[index].clone(), Diagram::bars(rows)))
    }

    pub fn row(&self, treatment: &str) -> Option<&[String]> {
        self.rows
            .iter()
            .find(|row| row[0].eq_ignore_ascii_case(treatment))
            .map(Vec::as_slice)
    }
}

pub fn parse(text: &str) -> Result<Compare, Vec<Issue>> {
    let mut compare = Compare::default();
    let blocks = markdown::parse(text);
    let mut issues = markdown::diagram_issues(&blocks);
    let mut tables = 0;
    for block in blocks {
        match block.kind {
            BlockKind::Heading { level: 1, text } if compare.title.is_none() && tables == 0 => {
                compare.title = Some(text.plain());
            }
            BlockKind::Table(table) => {
                tables += 1;
                if tables > 1 {
                    issues.push(Issue::new(
                        block.line,
                        "only one table is allowed; put every treatment in the first table",
                    ));
                    continue;
                }
                let Some(header) = table.header else { continue };
                check_table(&header, &table.rows, &mut issues);
                compare.columns = plain_cells(&header.cells);
                compare.rows = table.rows.iter().map(|r| plain_cells(&r.cells)).collect();
                compare.lines = table.rows.iter().map(|r| r.line).collect();
            }
            _ => compare.notes.push(block),
        }
    }
    if tables == 0 {
        issues.push(Issue::new(
            1,
            "no table found: the comparison must be a Markdown table with a `|---|` line under its header",
        ));
    }
    if issues.is_empty() {
        Ok(compare)
    } else {
        Err(issues)
    }
}

fn check_table(header: &TableRow, rows: &[TableRow], issues: &mut Vec<Issue>) {
    let columns = header.cells_in_source;
    if columns < 2 {
        issues.push(Issue::new(
            header.line,
            "the table needs at least two columns: the treatment and one thing to compare",
        ));
    }
    if rows.is_empty() {
        issues.push(Issue::new(
            header.line,
            "the table has no treatments below its header",
        ));
    }
    for row in rows {
        if row.cells_in_source != columns {
            issues.push(Issue::new(
                row.line,
                format!(
                    "this row has {} cells but the header has {columns}; every row needs one cell per column",
                    row.cells_in_source
                ),
            ));
        } else if row.cells.first().is_none_or(Inline::is_blank) {
            issues.push(Issue::new(
                row.line,
                "this row has no treatment name in its first cell",
            ));
        }
    }
}

fn plain_cells(cells: &[Inline]) -> Vec<String> {
    cells.iter().map(|c| c.plain().trim().to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# Compare\n\n| T | Goal |\n|---|---|\n| A | x |\n| B | y |\n\nA note.\n";

    #[test]
    fn reads_columns_rows_and_notes() {
        let compare = parse(GOOD).unwrap();
        assert_eq!(compare.columns, ["T", "Goal"]);
        assert_eq!(compare.row("b").unwrap(), ["B", "y"]);
        assert_eq!(compare.notes.len(), 1);
    }

    #[test]
    fn a_row_with_the_wrong_cell_count_is_reported_at_its_line() {
        let issues = parse(&GOOD.replace("| B | y |", "| B | y | z |")).unwrap_err();
        assert_eq!(
            issues,
            [Issue::new(
                6,
                "this row has 3 cells but the header has 2; every row needs one cell per column"
            )]
        );
    }

    #[test]
    fn text_without_a_table_is_reported() {
        let issues = parse("# Compare\n\nNothing here.\n").unwrap_err();
        assert!(issues[0].message.starts_with("no table found"));
    }
}
