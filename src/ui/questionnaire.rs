//! "Is it right for me?": one question per screen with big answer buttons, then the
//! result: the reasons, every chosen concern answered from the comparison, downtime set
//! against what the visitor accepts, what to expect, notes, and the consultation card.
//!
//! The answers live in this screen's state and nowhere else, so leaving the screen (Home,
//! a language change, the idle reset, the staff gesture) forgets them by construction.

use egui::{RichText, Ui};

use super::screen::{self, Command, Cx, Door, ScreenKind, screen_basics};
use super::widgets::Marker;
use super::{compare, consultation, theme, widgets};
use crate::content::strings::fill;
use crate::content::{Content, Strings};
use crate::questionnaire::{Answers, Outcome, Question, Section, evaluate};

pub const KIND: ScreenKind = ScreenKind {
    key: "Questionnaire",
    reading: false,
    open: || Box::<Questionnaire>::default(),
    door: Some(Door {
        words: |s| (&s.quiz_title, &s.quiz_note),
        banner: false,
    }),
};

#[derive(Debug, Default)]
pub struct Questionnaire {
    /// The question on screen; one past the last question shows the result.
    pub step: usize,
    pub answers: Answers,
}

impl screen::Screen for Questionnaire {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let content = cx.content;
        let s = cx.strings();
        let questionnaire = &content.questionnaire;
        let total = questionnaire.questions.len();
        let started = self.step > 0 || !self.answers.is_empty();
        screen::top_bar(ui, cx, &questionnaire.title, |ui, cx| {
            if widgets::secondary_button(ui, &s.start_over, started).clicked() {
                *self = Self::default();
                cx.new_view();
            }
        });
        let step = self.step.min(total);
        let question = questionnaire.questions.get(step);
        // Single-choice questions move on with the tap on an answer; checklists with
        // Continue, once answered.
        let next = question
            .filter(|q| q.multiple)
            .map(|q| (s.continue_.as_str(), q.may_continue(&self.answers, step)));
        let position = question.map(|_| s.question_of(step + 1, total));
        let (back, next) = screen::paging_bar(ui, s, step > 0, next, position);
        if back {
            self.step = step.saturating_sub(1);
            cx.new_view();
        }
        if next {
            self.next(cx, total);
        }
        screen::body(
            ui,
            cx,
            "questionnaire",
            theme::READING_WIDTH + 200.0,
            |ui, cx| match question {
                Some(question) => {
                    if step == 0 {
                        ui.label(
                            RichText::new(&questionnaire.intro)
                                .size(theme::BODY)
                                .color(theme::colors(ui.ctx()).text_muted),
                        );
                        ui.add_space(8.0);
                    }
                    if let Some(option) = question_view(ui, question, step, &self.answers) {
                        if question.multiple {
                            self.answers.toggle(question, step, option);
                        } else {
                            self.answers.choose(step, option);
                            self.next(cx, total);
                        }
                    }
                }
                None => {
                    if let Some(outcome) = evaluate(questionnaire, &self.answers) {
                        result_view(ui, cx, &outcome);
                    }
                }
            },
        );
    }

    fn speech(&self, content: &Content) -> Vec<String> {
        let questionnaire = &content.questionnaire;
        match questionnaire.questions.get(self.step) {
            Some(question) => {
                let mut parts = Vec::new();
                if self.step == 0 {
                    parts.push(questionnaire.intro.clone());
                }
                parts.push(question.text.clone());
                parts.extend(question.hint.clone());
                parts.extend(question.options.iter().map(|o| o.label.clone()));
                parts
            }
            None => evaluate(questionnaire, &self.answers)
                .map(|outcome| result_speech(content, &outcome))
                .unwrap_or_default(),
        }
    }
}

impl Questionnaire {
    /// On to the next question, or to the result, which is counted once when reached.
    fn next(&mut self, cx: &mut Cx<'_>, total: usize) {
        self.step = (self.step + 1).min(total);
        cx.new_view();
        if self.step == total
            && let Some(outcome) = evaluate(&cx.content.questionnaire, &self.answers)
        {
            cx.send(Command::ResultShown(outcome.result.id.clone()));
        }
    }
}

/// The question and its answers; returns the option tapped.
fn question_view(
    ui: &mut Ui,
    question: &Question,
    step: usize,
    answers: &Answers,
) -> Option<usize> {
    let c = theme::colors(ui.ctx());
    ui.label(
        RichText::new(&question.text)
            .family(theme::display())
            .size(theme::DISPLAY * 0.8)
            .color(c.text),
    );
    if let Some(hint) = &question.hint {
        ui.label(RichText::new(hint).size(theme::BODY).color(c.text_muted));
    }
    ui.add_space(16.0);
    // Two columns for a long list on a wide screen, and for a short pair such as Yes/No.
    let short_pair = question.options.len() == 2
        && question
            .options
            .iter()
            .all(|o| o.label.chars().count() <= 16);
    let columns = if ui.available_width() >= 1100.0 && question.options.len() > 4 || short_pair {
        2
    } else {
        1
    };
    let mut tapped = None;
    ui.columns(columns, |uis| {
        let per_column = question.options.len().div_ceil(columns);
        for (index, option) in question.options.iter().enumerate() {
            let ui = &mut uis[index / per_column];
            let chosen = answers.is_chosen(step, index);
            let marker = match (question.multiple, chosen) {
                (_, true) => Marker::Check,
                (false, false) => Marker::Arrow,
                (true, false) => Marker::Unchecked,
            };
            if widgets::choice_row(ui, &option.label, marker, chosen, question.multiple).clicked() {
                tapped = Some(index);
            }
        }
    });
    tapped
}

/// One card of the result: a heading and its lines.
struct Part {
    heading: String,
    lines: Vec<String>,
    /// The comparison's rows of the treatments named follow this card.
    rows_after: bool,
}

/// The result as cards, in the order shown and spoken.
fn result_parts(content: &Content, outcome: &Outcome<'_>) -> Vec<Part> {
    let s = &content.strings;
    let mut parts = Vec::new();
    let mut add = |heading: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            parts.push(Part {
                rows_after: heading == s.goals_heading,
                heading: heading.to_owned(),
                lines,
            });
        }
    };
    add(
        &s.reasons_heading,
        outcome.reasons.iter().map(|r| r.to_string()).collect(),
    );
    add(
        &s.goals_heading,
        outcome
            .concerns
            .iter()
            .map(|concern| {
                if concern.treatments.is_empty() {
                    fill(&s.goal_none, &[("concern", concern.label)])
                } else {
                    let treatments = join(s, &concern.treatments);
                    s.goal_treatments.fill(
                        concern.treatments.len(),
                        &[("concern", concern.label), ("treatments", &treatments)],
                    )
                }
            })
            .collect(),
    );
    let mut downtime: Vec<String> = Vec::new();
    if !outcome.shortest.is_empty() {
        let shortest: Vec<String> = outcome
            .shortest
            .iter()
            .map(|t| format!("{} ({})", t.name, t.downtime))
            .collect();
        let shortest: Vec<&str> = shortest.iter().map(String::as_str).collect();
        downtime.push(fill(
            &s.downtime_none_free,
            &[("treatments", &join(s, &shortest))],
        ));
    }
    downtime.extend(outcome.treatments.iter().filter_map(|fit| {
        let template = match fit.fits? {
            true => &s.downtime_within,
            false => &s.downtime_longer,
        };
        let treatment = &fit.treatment;
        Some(fill(
            template,
            &[
                ("treatment", &treatment.name),
                ("downtime", &treatment.downtime),
            ],
        ))
    }));
    add(&s.downtime_heading, downtime);
    for (treatment, points) in &outcome.expectations {
        add(
            &fill(&s.expect_heading, &[("treatment", treatment)]),
            points.to_vec(),
        );
    }
    for section in [Section::Before, Section::After, Section::Know] {
        let heading = match section {
            Section::Before => &s.notes_before,
            Section::After => &s.notes_after,
            Section::Know => &s.notes_know,
        };
        add(
            heading,
            outcome
                .notes
                .iter()
                .filter(|(s, _)| *s == section)
                .map(|(_, note)| note.to_string())
                .collect(),
        );
    }
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

fn result_view(ui: &mut Ui, cx: &mut Cx<'_>, outcome: &Outcome<'_>) {
    let c = theme::colors(ui.ctx());
    let content = cx.content;
    ui.label(
        RichText::new(&outcome.result.title)
            .family(theme::display())
            .size(theme::DISPLAY)
            .color(c.text),
    );
    ui.label(RichText::new(&outcome.result.intro).size(theme::CARD_HEADING));
    ui.add_space(12.0);
    for part in result_parts(content, outcome) {
        widgets::card(ui, |ui| {
            ui.label(
                RichText::new(&part.heading)
                    .size(theme::CARD_HEADING)
                    .family(theme::bold())
                    .color(c.accent),
            );
            super::markdown_view::bullets(ui, part.lines.iter().map(String::as_str));
        });
        ui.add_space(12.0);
        if part.rows_after {
            for row in treatment_rows(content, outcome) {
                compare::treatment_card(ui, &content.compare, row);
                ui.add_space(12.0);
            }
        }
    }
    consultation::card(ui, &content.clinic, cx.strings(), cx.qr);
    ui.add_space(12.0);
    ui.label(
        RichText::new(&content.questionnaire.disclaimer)
            .size(theme::BODY)
            .family(theme::italic())
            .color(c.text_muted),
    );
}

fn result_speech(content: &Content, outcome: &Outcome<'_>) -> Vec<String> {
    let mut parts = vec![outcome.result.title.clone(), outcome.result.intro.clone()];
    for part in result_parts(content, outcome) {
        parts.push(part.heading);
        parts.extend(part.lines);
        if part.rows_after {
            for row in treatment_rows(content, outcome) {
                parts.extend(compare::row_speech(&content.compare, row));
            }
        }
    }
    parts.extend(consultation::card_speech(&content.clinic, &content.strings));
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
