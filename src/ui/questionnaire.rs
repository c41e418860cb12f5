//! "Is it right for me?": one question per screen with big answer buttons, then the
//! result: the reasons, what the visitor should know first, every chosen concern answered
//! from the comparison and the guide, downtime in the table's own words, what to expect,
//! notes and aftercare, and the consultation card. Every statement that rests on the
//! content opens its source ("Read more"), shown over the result until Back.
//!
//! The answers live in this screen's state and nowhere else, so leaving the screen (Home,
//! a language change, the idle reset, the staff gesture) forgets them by construction.

use egui::{RichText, Ui};

use super::components::{comparison, consultation_card, guide_page};
use super::screen::{Command, Cx, Door, Gallery, IdleRule, Screen, ScreenKind, screen_basics};
use super::theme::{self, Palette};
use super::widgets::Marker;
use super::{layout, markdown_view, widgets};
use crate::content::place::{Place, locate};
use crate::content::strings::fill;
use crate::content::{Content, Strings};
use crate::questionnaire::{
    Answers, Cited, Fit, Outcome, Question, Section, evaluate, example_answers,
};

pub const KIND: ScreenKind = ScreenKind {
    key: "Questionnaire",
    idle: IdleRule::Answers,
    open: || Box::<Questionnaire>::default(),
    door: Some(Door {
        words: |s| (&s.quiz_title, &s.quiz_note),
        banner: false,
    }),
    gallery,
};

/// Each question, each result the content can reach (with telling answers), and a result's
/// "Read more" open on the first statement that has a source.
fn gallery(content: &Content) -> Gallery {
    let questionnaire = &content.questionnaire;
    let mut gallery: Gallery = Vec::new();
    for step in 0..questionnaire.questions.len() {
        let name = match step {
            0 => "questionnaire".to_owned(),
            _ => format!("question {}", step + 1),
        };
        gallery.push((
            name,
            Box::new(Questionnaire {
                step,
                ..Questionnaire::default()
            }),
        ));
    }
    let step = questionnaire.questions.len();
    let mut source = None;
    for (result, answers) in example_answers(questionnaire) {
        let outcome = evaluate(questionnaire, &answers);
        source = source.or_else(|| {
            let parts = result_parts(content, &outcome?);
            parts
                .into_iter()
                .flat_map(|p| p.lines)
                .find_map(|l| l.source)
        });
        let id = &questionnaire.results[result].id;
        let screen = Questionnaire {
            step,
            answers,
            source: None,
        };
        gallery.push((format!("result {}", id.replace('_', " ")), Box::new(screen)));
    }
    if let Some(place) = source {
        let screen = Questionnaire {
            step,
            source: Some(place),
            ..Questionnaire::default()
        };
        gallery.push(("result read more".to_owned(), Box::new(screen)));
    }
    gallery
}

#[derive(Debug, Default)]
pub struct Questionnaire {
    /// The question on screen; one past the last question shows the result.
    pub step: usize,
    pub answers: Answers,
    /// The source of a statement of the result, open over it ("Read more").
    pub source: Option<Place>,
}

impl Screen for Questionnaire {
    screen_basics!();

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        if let Some(place) = self.source {
            self.source_view(ui, cx, place);
            return;
        }
        let (content, s, c) = (cx.content, cx.strings(), cx.palette());
        let questionnaire = &content.questionnaire;
        let total = questionnaire.questions.len();
        let started = self.step > 0 || !self.answers.is_empty();
        layout::top_bar(ui, cx, &questionnaire.title, |ui, cx| {
            if widgets::secondary_button(ui, c, &s.start_over, started).clicked() {
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
        let (back, next) = layout::paging_bar(ui, c, (&s.back, step > 0), next, position);
        if back {
            self.step = step.saturating_sub(1);
            cx.new_view();
        }
        if next {
            self.next(cx, total);
        }
        layout::body(
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
                                .color(c.text_muted),
                        );
                        ui.add_space(8.0);
                    }
                    if let Some(option) = question_view(ui, c, question, step, &self.answers) {
                        if question.multiple {
                            self.answers.toggle(question, step, option);
                        } else {
                            self.answers.choose(step, option);
                            self.next(cx, total);
                        }
                    }
                }
                None => {
                    if let Some(outcome) = evaluate(questionnaire, &self.answers)
                        && let Some(place) = result_view(ui, cx, &outcome)
                    {
                        self.source = Some(place);
                        cx.new_view();
                    }
                }
            },
        );
    }

    fn speech(&self, cx: &Cx<'_>) -> Vec<String> {
        let content = cx.content;
        let questionnaire = &content.questionnaire;
        if let Some(place) = self.source {
            return source_speech(content, place);
        }
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

    /// A statement's source: the guide page with the card that says it set apart, the FAQ
    /// answer, or the comparison. Back returns to the result where it was left.
    fn source_view(&mut self, ui: &mut Ui, cx: &mut Cx<'_>, place: Place) {
        let (content, s, c) = (cx.content, cx.strings(), cx.palette());
        let title = match place {
            Place::Guide { page, .. } => content.guide.get(page).map(|p| p.title.as_str()),
            Place::Faq { .. } => content.faq.title.as_deref(),
            Place::Compare => content.compare.title.as_deref(),
        };
        let fallback = match place {
            Place::Guide { .. } => &s.guide_title,
            Place::Faq { .. } => &s.faq_title,
            Place::Compare => &s.compare_title,
        };
        layout::top_bar(ui, cx, title.unwrap_or(fallback), |_, _| {});
        let (back, _) = layout::paging_bar(ui, c, (&s.back_to_result, true), None, None);
        if back {
            self.source = None;
            // The result keeps its scroll position: only the voice stops.
            cx.stop_reading();
            return;
        }
        let fresh = cx.is_fresh();
        layout::body(
            ui,
            cx,
            "questionnaire_source",
            theme::READING_WIDTH,
            |ui, _| match place {
                Place::Guide { page, card } => {
                    if let Some(page) = content.guide.get(page) {
                        guide_page::show(ui, c, page, Some(card), fresh);
                    }
                }
                Place::Faq { entry } => {
                    if let Some(entry) = content.faq.entries.get(entry) {
                        let stroke = egui::Stroke::new(3.0, c.accent);
                        widgets::card_with(ui, c.accent_soft, stroke, |ui| {
                            heading(ui, c, &entry.question);
                            markdown_view::blocks(ui, c, &entry.answer);
                        });
                    }
                }
                Place::Compare => comparison::show(ui, c, &content.compare),
            },
        );
    }
}

/// What Listen reads of a statement's source.
fn source_speech(content: &Content, place: Place) -> Vec<String> {
    match place {
        Place::Guide { page, .. } => content
            .guide
            .get(page)
            .map(guide_page::speech)
            .unwrap_or_default(),
        Place::Faq { entry } => content
            .faq
            .entries
            .get(entry)
            .map(|e| {
                std::iter::once(e.question.clone())
                    .chain(crate::content::markdown::plain_lines(&e.answer))
                    .collect()
            })
            .unwrap_or_default(),
        Place::Compare => comparison::speech(&content.compare),
    }
}

/// The question and its answers; returns the option tapped.
fn question_view(
    ui: &mut Ui,
    c: &Palette,
    question: &Question,
    step: usize,
    answers: &Answers,
) -> Option<usize> {
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
            let several = question.multiple;
            if widgets::choice_row(ui, c, &option.label, marker, chosen, several).clicked() {
                tapped = Some(index);
            }
        }
    });
    tapped
}

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

fn heading(ui: &mut Ui, c: &Palette, text: &str) {
    ui.label(
        RichText::new(text)
            .size(theme::CARD_HEADING)
            .family(theme::bold())
            .color(c.accent),
    );
}

/// The result; returns the source of a statement whose "Read more" was tapped.
fn result_view(ui: &mut Ui, cx: &mut Cx<'_>, outcome: &Outcome<'_>) -> Option<Place> {
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
    consultation_card::show(ui, c, &content.clinic, s, cx.textures.qr.as_ref());
    ui.add_space(12.0);
    ui.label(
        RichText::new(&content.questionnaire.disclaimer)
            .size(theme::BODY)
            .family(theme::italic())
            .color(c.text_muted),
    );
    opened
}

fn result_speech(content: &Content, outcome: &Outcome<'_>) -> Vec<String> {
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
