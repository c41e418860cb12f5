//! The questionnaire's result: the reasons, what the visitor should know first, every
//! chosen concern answered from the comparison and the guide, downtime in the table's own
//! words, what to expect, notes and aftercare, and the consultation card. Each statement
//! that rests on the content opens its source ("Read more").

use egui::{RichText, Ui};

use crate::content::place::{Place, locate};
use crate::content::strings::fill;
use crate::content::{Content, Strings};
use crate::questionnaire::{Cited, Fit, Outcome, Section};
use crate::ui::components::{comparison, consultation_card};
use crate::ui::screen::Cx;
use crate::ui::theme::{self, Palette};
use crate::ui::widgets;

/// One statement of a result, and where "Read more" leads.
pub struct Line {
    pub text: String,
    pub source: Option<Place>,
}

/// One card of the result: a heading and its lines.
pub struct Part {
    pub heading: String,
    pub lines: Vec<Line>,
    /// The comparison's rows of the treatments named follow this card.
    pub rows_after: bool,
}

/// The result as cards, in the order shown and spoken: reasons first, then what to know
/// first, the goals, and only on a result that plans, downtime, what to expect and the
/// aftercare; then the other notes.
pub fn result_parts(content: &Content, outcome: &Outcome<'_>) -> Vec<Part> {
    let s = &content.strings;
    let cited = |cited: &Cited| Line {
        text: cited.text.clone(),
        source: locate(
            &cited.source.file,
            &cited.source.words,
            &content.guide,
            &content.faq,
            &content.compare,
        )
        .ok(),
    };
    let table = |text: String| Line {
        text,
        source: Some(Place::Compare),
    };
    let notes = |section: Section| -> Vec<Line> {
        outcome
            .notes
            .iter()
            .filter(|(s, _)| *s == section)
            .map(|(_, note)| cited(note))
            .collect()
    };
    let plan = outcome.result.plan;
    let mut parts = Vec::new();
    let mut add = |heading: &str, lines: Vec<Line>, rows_after: bool| {
        if !lines.is_empty() {
            parts.push(Part {
                heading: heading.to_owned(),
                lines,
                rows_after,
            });
        }
    };
    add(
        &s.reasons_heading,
        outcome.reasons.iter().map(|r| cited(r)).collect(),
        false,
    );
    add(&s.notes_first, notes(Section::First), false);
    let mut goals = Vec::new();
    for concern in &outcome.concerns {
        goals.push(table(if concern.aimed.is_empty() {
            fill(&s.goal_none, &[("concern", concern.label)])
        } else {
            s.goal_treatments.fill(
                concern.aimed.len(),
                &[
                    ("concern", concern.label),
                    ("treatments", &join(s, &concern.aimed)),
                ],
            )
        }));
        goals.extend(concern.helps.iter().map(|(_, says)| cited(says)));
    }
    let goals_heading = if plan {
        &s.goals_heading
    } else {
        &s.goals_ask_heading
    };
    add(goals_heading, goals, plan);
    if let Some(accepted) = outcome.accepted {
        let mut downtime = vec![Line {
            text: fill(&s.downtime_accepted, &[("answer", accepted)]),
            source: None,
        }];
        downtime.extend(outcome.treatments.iter().filter_map(|fit| {
            let template = match fit.fit? {
                Fit::Within => &s.downtime_within,
                Fit::Partly => &s.downtime_partly,
                Fit::Longer => &s.downtime_longer,
            };
            let treatment = &fit.treatment;
            Some(table(fill(
                template,
                &[
                    ("treatment", &treatment.name),
                    ("downtime", &treatment.downtime),
                ],
            )))
        }));
        add(&s.downtime_heading, downtime, false);
    }
    for (treatment, points) in &outcome.expectations {
        add(
            &fill(&s.expect_heading, &[("treatment", treatment)]),
            points.iter().map(cited).collect(),
            false,
        );
    }
    add(&s.notes_before, notes(Section::Before), false);
    add(&s.notes_after, notes(Section::After), false);
    add(&s.notes_know, notes(Section::Know), false);
    parts
}

/// "A, B and C" in the visitor's language.
fn join(strings: &Strings, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [first @ .., last] => format!("{} {} {last}", first.join(", "), strings.and),
    }
}

pub(super) fn heading(ui: &mut Ui, c: &Palette, text: &str) {
    ui.label(
        RichText::new(text)
            .size(theme::CARD_HEADING)
            .family(theme::bold())
            .color(c.accent),
    );
}

/// The result; returns the source of a statement whose "Read more" was tapped.
pub(super) fn result_view(ui: &mut Ui, cx: &mut Cx<'_>, outcome: &Outcome<'_>) -> Option<Place> {
    let (content, s, c) = (cx.content, cx.strings(), cx.palette());
    ui.label(
        RichText::new(&outcome.result.title)
            .family(theme::display())
            .size(theme::DISPLAY)
            .color(c.text),
    );
    ui.label(RichText::new(&outcome.result.intro).size(theme::CARD_HEADING));
    ui.label(
        RichText::new(&s.read_more_hint)
            .size(theme::BODY)
            .color(c.text_muted),
    );
    ui.add_space(12.0);
    let mut opened = None;
    for part in result_parts(content, outcome) {
        widgets::card(ui, c, |ui| {
            heading(ui, c, &part.heading);
            for line in &part.lines {
                match line.source {
                    Some(place) => {
                        if widgets::source_row(ui, c, &line.text, &s.read_more).clicked() {
                            opened = Some(place);
                        }
                    }
                    // Lined up with the statements that open a source.
                    None => {
                        ui.horizontal(|ui| {
                            ui.add_space(4.0);
                            ui.label(RichText::new(&line.text).size(theme::BODY));
                        });
                    }
                }
            }
        });
        ui.add_space(12.0);
        if part.rows_after {
            for row in treatment_rows(content, outcome) {
                comparison::treatment_card(ui, c, &content.compare, row);
                ui.add_space(12.0);
            }
        }
    }
    consultation_card::show(ui, cx);
    ui.add_space(12.0);
    ui.label(
        RichText::new(&content.questionnaire.disclaimer)
            .size(theme::BODY)
            .family(theme::italic())
            .color(c.text_muted),
    );
    opened
}

pub(super) fn result_speech(content: &Content, outcome: &Outcome<'_>) -> Vec<String> {
    let mut parts = vec![outcome.result.title.clone(), outcome.result.intro.clone()];
    for part in result_parts(content, outcome) {
        parts.push(part.heading);
        parts.extend(part.lines.into_iter().map(|line| line.text));
        if part.rows_after {
            for row in treatment_rows(content, outcome) {
                parts.extend(comparison::row_speech(&content.compare, row));
            }
        }
    }
    parts.extend(consultation_card::speech(&content.clinic, &content.strings));
    parts.push(content.questionnaire.disclaimer.clone());
    parts
}

/// The comparison's rows of the treatments the result names, in the table's order.
fn treatment_rows<'c>(
    content: &'c Content,
    outcome: &Outcome<'_>,
) -> impl Iterator<Item = &'c [String]> {
    let names: Vec<String> = outcome
        .treatments
        .iter()
        .map(|fit| fit.treatment.name.clone())
        .collect();
    names
        .into_iter()
        .filter_map(|name| content.compare.row(&name))
}
