//! "Is it right for me?": one question per screen with big answer buttons, then the
//! result: the reasons, what the visitor should know first, every chosen concern answered
//! from the comparison and the guide, downtime in the table's own words, what to expect,
//! notes and aftercare, and the consultation card. Every statement that rests on the
//! content opens its source ("Read more"), shown over the result until Back.
//!
//! The answers live in this screen's state and nowhere else, so leaving the screen (Home,
//! a language change, the idle reset, the staff gesture) forgets them by construction.

use egui::{RichText, Ui};

mod result;

pub use result::{Line, Part, result_parts};

use self::result::{heading, result_speech, result_view};
use super::components::{comparison, guide_page};
use super::screen::{Command, Cx, Door, Gallery, IdleRule, Screen, ScreenKind, screen_basics};
use super::theme::{self, Palette};
use super::widgets::Marker;
use super::{layout, markdown_view, widgets};
use crate::content::Content;
use crate::content::place::Place;
use crate::questionnaire::{Answers, Question, evaluate, example_answers};

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
        let (back, next) = layout::paging_bar(ui, cx, (&s.back, step > 0), next, position);
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

    fn where_am_i(&self, cx: &Cx<'_>) -> Vec<String> {
        let (content, s) = (cx.content, cx.strings());
        let questionnaire = &content.questionnaire;
        if let Some(place) = self.source {
            return source_speech(content, place).into_iter().take(1).collect();
        }
        let mut parts = vec![questionnaire.title.clone()];
        let total = questionnaire.questions.len();
        match questionnaire.questions.get(self.step) {
            Some(question) => {
                parts.push(s.question_of(self.step + 1, total));
                parts.push(question.text.clone());
            }
            None => {
                parts.extend(evaluate(questionnaire, &self.answers).map(|o| o.result.title.clone()))
            }
        }
        parts
    }

    /// A question is heard with its answers; a result whole.
    fn announce(&self, cx: &Cx<'_>) -> Vec<String> {
        let questionnaire = &cx.content.questionnaire;
        match questionnaire.questions.get(self.step) {
            _ if self.source.is_some() => self.where_am_i(cx),
            Some(_) => {
                let mut parts = self.where_am_i(cx);
                parts.truncate(2);
                parts.extend(self.speech(cx));
                parts
            }
            None => self.speech(cx),
        }
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
        let (back, _) = layout::paging_bar(ui, cx, (&s.back_to_result, true), None, None);
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
