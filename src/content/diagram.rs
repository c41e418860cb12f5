//! Diagrams as content: a fenced block in a page's Markdown, read once at load time into
//! rows the UI draws with egui's painter and Listen reads as words.
//!
//! ````text
//! ```timeline                      ```bars                         ```steps
//! start: First session             Redness | 24–72 hours           Fine needles make tiny channels
//! First changes | 2–3 weeks        No makeup | 24 hours            The skin starts healing
//! Pores less obvious | 4–8 weeks   No hard exercise | 1–2 days     New collagen and elastin
//! ```                              ```                             ```
//! ````
//!
//! A `timeline` places each row's time (a point, or a span from the first number to the
//! second) after its `start`; `bars` draws each row's time from zero, the part a range
//! leaves uncertain lighter; `steps` numbers its lines. Times are written as the page's
//! language writes them ("2–3 weeks", "de 2 a 3 semanas", "up to 1 day", "<1 day"), and
//! are spoken as written.

use crate::problems::Issue;

/// The kinds, as a fence's first word names them.
pub const KINDS: [&str; 3] = ["timeline", "bars", "steps"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Timeline,
    Bars,
    Steps,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Hours,
    Days,
    Weeks,
    Months,
}

impl Unit {
    /// The unit's length in hours, so rows in hours and in days share one axis.
    pub fn hours(self) -> u32 {
        match self {
            Self::Hours => 1,
            Self::Days => 24,
            Self::Weeks => 24 * 7,
            Self::Months => 24 * 30,
        }
    }

    /// The words for the unit in the languages the kiosk ships, singular and plural.
    fn of(word: &str) -> Option<Self> {
        match word {
            "h" | "hour" | "hours" | "hora" | "horas" => Some(Self::Hours),
            "day" | "days" | "día" | "días" | "dia" | "dias" => Some(Self::Days),
            "week" | "weeks" | "semana" | "semanas" => Some(Self::Weeks),
            "month" | "months" | "mes" | "meses" => Some(Self::Months),
            _ => None,
        }
    }
}

/// A time as a page writes it: one number or a range, in one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub from: u32,
    pub to: u32,
    pub unit: Unit,
    /// "Up to 1 day", "<1 day": from zero to the number, none of it certain.
    pub up_to: bool,
    /// As written, which is also what Listen says.
    pub text: String,
}

impl Quantity {
    /// Reads "2–3 weeks", "de 2 a 3 semanas", "24 hours", "up to 1 day", "<1 día".
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let lower = text.to_lowercase();
        let mut numbers = Vec::new();
        let mut unit = None;
        let mut current = String::new();
        let mut words = Vec::new();
        for c in lower.chars().chain([' ']) {
            if c.is_alphanumeric() || c == '.' || c == ',' {
                current.push(c);
            } else if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        }
        for word in &words {
            let word = word.trim_end_matches(['.', ',']);
            if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
                let number = word
                    .parse::<u32>()
                    .map_err(|_| format!("`{word}` is too large a number"))?;
                numbers.push(number);
            } else if word.starts_with(|c: char| c.is_ascii_digit()) {
                return Err(format!(
                    "`{word}`: write whole numbers with a space before the unit, e.g. `2–3 weeks`"
                ));
            } else if let Some(found) = Unit::of(word) {
                if unit.is_some_and(|u| u != found) {
                    return Err(format!(
                        "`{text}` mixes units; write one time per row, e.g. `24–72 hours`"
                    ));
                }
                unit = Some(found);
            }
        }
        let unit = match (numbers.is_empty(), unit) {
            (true, _) => return Err(format!("`{text}` has no number, e.g. `2–3 weeks`")),
            (false, None) => {
                return Err(format!(
                    "`{text}` has a number without a unit: write hours, days, weeks or months after it"
                ));
            }
            (false, Some(unit)) => unit,
        };
        let up_to = ["up to", "under", "less than", "hasta", "menos de", "<"]
            .iter()
            .any(|words| lower.starts_with(words));
        let (from, to) = match numbers.as_slice() {
            [only] if up_to => (0, *only),
            [only] => (*only, *only),
            [from, to] if from <= to => (*from, *to),
            [from, to] => {
                return Err(format!(
                    "`{text}` runs backwards ({from} is more than {to}): write the smaller number first"
                ));
            }
            _ => {
                return Err(format!(
                    "`{text}` has more than two numbers: write one time or one range per row"
                ));
            }
        };
        Ok(Self {
            from,
            to,
            unit,
            up_to,
            text: text.to_owned(),
        })
    }

    /// The range in hours, for an axis shared by rows in different units.
    pub fn hours(&self) -> (u32, u32) {
        let hours = self.unit.hours();
        (self.from * hours, self.to * hours)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    /// Every row of a timeline or bars has one; steps have none.
    pub time: Option<Quantity>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagram {
    pub kind: Kind,
    /// What a timeline's or bars' zero is ("First session"), if the writer says.
    pub start: Option<String>,
    pub rows: Vec<Row>,
}

impl Diagram {
    /// Reads a fenced block: `kind` is the fence's word, `first_line` the file line of the
    /// block's first line. Every problem is reported, each at its line.
    pub fn parse(kind: &str, body: &str, first_line: usize) -> Result<Self, Vec<Issue>> {
        let kind = match kind.trim() {
            "timeline" => Kind::Timeline,
            "bars" => Kind::Bars,
            "steps" => Kind::Steps,
            other => {
                let what = if other.is_empty() {
                    "a code block without a kind is not shown on the kiosk".to_owned()
                } else {
                    format!("`{other}` is not a kind of diagram")
                };
                return Err(vec![Issue::new(
                    first_line.saturating_sub(1).max(1),
                    format!(
                        "{what}; start a diagram with ``` and its kind: {}",
                        KINDS.join(", ")
                    ),
                )]);
            }
        };
        let mut diagram = Self {
            kind,
            start: None,
            rows: Vec::new(),
        };
        let mut issues = Vec::new();
        for (index, line) in body.lines().enumerate() {
            let (number, line) = (first_line + index, line.trim());
            if line.is_empty() {
                continue;
            }
            if let Some(start) = line.strip_prefix("start:") {
                if kind == Kind::Steps {
                    issues.push(Issue::new(number, "steps have no `start:`"));
                }
                diagram.start = Some(start.trim().to_owned());
                continue;
            }
            match diagram.row(line) {
                Ok(row) => diagram.rows.push(row),
                Err(why) => issues.push(Issue::new(number, why)),
            }
        }
        let least = if kind == Kind::Steps { 2 } else { 1 };
        if diagram.rows.len() < least && issues.is_empty() {
            issues.push(Issue::new(
                first_line,
                format!("the {} has no rows", KINDS[kind as usize]),
            ));
        }
        if issues.is_empty() {
            Ok(diagram)
        } else {
            Err(issues)
        }
    }

    fn row(&self, line: &str) -> Result<Row, String> {
        if self.kind == Kind::Steps {
            // "1. Needles..." or "Needles...": the kiosk numbers the steps itself.
            let label = line
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(['.', ')'])
                .trim();
            return Ok(Row {
                label: if label.is_empty() { line } else { label }.to_owned(),
                time: None,
            });
        }
        let Some((label, time)) = line.split_once('|') else {
            return Err(format!(
                "`{line}`: write a label, a `|`, then a time, e.g. `First changes | 2–3 weeks`"
            ));
        };
        let label = label.trim();
        if label.is_empty() {
            return Err(format!("`{line}` has no label before its `|`"));
        }
        Ok(Row {
            label: label.to_owned(),
            time: Some(Quantity::parse(time)?),
        })
    }

    /// What the diagram shows, in words: its accessible name, and what Listen says.
    pub fn description(&self) -> String {
        let mut parts: Vec<String> = self.start.iter().cloned().collect();
        for (number, row) in self.rows.iter().enumerate() {
            parts.push(match &row.time {
                Some(time) => format!("{}: {}", row.label, time.text),
                None => format!("{}. {}", number + 1, row.label),
            });
        }
        // Each part ends in one full stop, or in the question mark it was written with.
        let parts: Vec<&str> = parts.iter().map(|p| p.trim_end_matches('.')).collect();
        let mut said = parts.join(". ") + ".";
        said = said.replace("?.", "?");
        said
    }

    /// Every number, in order: a translation must show the same ones.
    pub fn numbers(&self) -> Vec<(u32, u32, Unit)> {
        self.rows
            .iter()
            .filter_map(|row| row.time.as_ref())
            .map(|time| (time.from, time.to, time.unit))
            .collect()
    }

    /// The longest time, in hours: where the axis ends.
    pub fn longest_hours(&self) -> u32 {
        self.rows
            .iter()
            .filter_map(|row| row.time.as_ref())
            .map(|time| time.hours().1)
            .max()
            .unwrap_or(0)
    }

    /// The largest unit any row uses: the axis counts in it.
    pub fn axis_unit(&self) -> Unit {
        self.rows
            .iter()
            .filter_map(|row| row.time.as_ref())
            .map(|time| time.unit)
            .max()
            .unwrap_or(Unit::Days)
    }

    /// Bars built from a column of the comparison: one per treatment, its cell as the time.
    pub fn bars(rows: impl IntoIterator<Item = (String, Quantity)>) -> Self {
        Self {
            kind: Kind::Bars,
            start: None,
            rows: rows
                .into_iter()
                .map(|(label, time)| Row {
                    label,
                    time: Some(time),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(kind: &str, body: &str) -> (usize, String) {
        let issues = Diagram::parse(kind, body, 10).unwrap_err();
        (issues[0].line, issues[0].message.clone())
    }

    #[test]
    fn times_read_as_written_in_either_language() {
        let weeks = Quantity::parse("2–3 weeks").unwrap();
        assert_eq!((weeks.from, weeks.to, weeks.unit), (2, 3, Unit::Weeks));
        let spanish = Quantity::parse("De 2 a 3 semanas").unwrap();
        assert_eq!(
            (spanish.from, spanish.to, spanish.unit),
            (2, 3, Unit::Weeks)
        );
        for up_to in ["Up to 1 day", "<1 day", "Hasta 1 día", "Menos de 1 día"] {
            let time = Quantity::parse(up_to).unwrap();
            assert_eq!((time.from, time.to, time.up_to), (0, 1, true), "{up_to}");
        }
        let hours = Quantity::parse("24 hours").unwrap();
        assert_eq!((hours.from, hours.to, hours.up_to), (24, 24, false));
        assert_eq!(Quantity::parse("1–2 days").unwrap().hours(), (24, 48));
    }

    #[test]
    fn each_broken_row_is_reported_at_its_line() {
        assert_eq!(problem("pie", "a | 1 day").0, 9);
        assert!(
            problem("pie", "a | 1 day")
                .1
                .contains("timeline, bars, steps")
        );
        let (line, why) = problem("timeline", "First | 1 week\n | 2–3 weeks");
        assert_eq!((line, why.contains("no label")), (11, true));
        let (line, why) = problem("bars", "\nRedness | 24–72");
        assert_eq!((line, why.contains("without a unit")), (11, true));
        assert!(
            problem("bars", "Redness | 72–24 hours")
                .1
                .contains("runs backwards")
        );
        assert!(
            problem("bars", "Redness | some hours")
                .1
                .contains("no number")
        );
        assert!(problem("bars", "Redness 24 hours").1.contains("a `|`"));
        assert!(
            problem("bars", "Redness | 1.5 days")
                .1
                .contains("whole numbers")
        );
        assert!(
            problem("bars", "Redness | 1 day 3 hours")
                .1
                .contains("mixes units")
        );
        assert!(problem("steps", "Only one").1.contains("no rows"));
        assert!(problem("timeline", "").1.contains("no rows"));
    }

    #[test]
    fn a_description_says_every_row_with_its_time() {
        let series = Diagram::parse(
            "timeline",
            "start: First session\nNext session | 4–6 weeks\nFirst changes | 2–3 weeks",
            1,
        )
        .unwrap();
        assert_eq!(
            series.description(),
            "First session. Next session: 4–6 weeks. First changes: 2–3 weeks."
        );
        assert_eq!(series.axis_unit(), Unit::Weeks);
        assert_eq!(series.longest_hours(), 6 * 7 * 24);
        let steps = Diagram::parse("steps", "1. Needles.\n2. Healing", 1).unwrap();
        assert_eq!(steps.description(), "1. Needles. 2. Healing.");
        assert_eq!(series.numbers(), [(4, 6, Unit::Weeks), (2, 3, Unit::Weeks)]);
    }
}
