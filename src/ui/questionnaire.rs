//! "Is it right for me?": one question per screen with big answer buttons, then the
//! result with its reasons and the consultation card.

use egui::{Align, Layout, RichText, TextureHandle, Ui};

use super::widgets::Marker;
use super::{compare, consultation, markdown_view, theme, widgets};
use crate::content::Content;
use crate::questionnaire::{Question, evaluate};
use crate::session::{Screen, Session};

pub fn show(ui: &mut Ui, content: &Content, qr: Option<&TextureHandle>, session: &mut Session) {
    let c = theme::colors(ui.ctx());
    let s = &content.strings;
    let questionnaire = &content.questionnaire;
    let total = questionnaire.questions.len();
    let mut start_over = false;
    let home = widgets::top_bar(ui, &s.home, &questionnaire.title, |ui| {
        let started = session.quiz_step > 0 || !session.answers.is_empty();
        start_over = widgets::secondary_button(ui, &s.start_over, started).clicked();
        widgets::text_size_button(ui, &s.text_size, &mut session.text_size);
    });
    if home {
        session.go(Screen::Home);
    }
    if start_over {
        session.start_over();
    }
    let step = session.quiz_step.min(total);
    let question = questionnaire.questions.get(step);
    egui::Panel::bottom("quiz_nav")
        .frame(widgets::bar_frame(ui))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if widgets::secondary_button(ui, &s.back, step > 0).clicked() {
                    session.previous_question();
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if question.is_some_and(|q| q.multiple)
                        && widgets::primary_button(ui, &s.continue_, true).clicked()
                    {
                        session.next_question(questionnaire);
                    }
                    if question.is_some() {
                        ui.centered_and_justified(|ui| {
                            ui.label(
                                RichText::new(s.question_of(step + 1, total))
                                    .size(theme::BODY)
                                    .color(c.text_muted),
                            );
                        });
                    }
                });
            });
        });
    let fresh = session.take_fresh_view();
    widgets::body(ui, |ui| {
        widgets::scroll(ui, "questionnaire", fresh, |ui| {
            widgets::reading_column(ui, theme::READING_WIDTH + 200.0, |ui| match question {
                Some(question) => {
                    if step == 0 {
                        ui.label(
                            RichText::new(&questionnaire.intro)
                                .size(theme::BODY)
                                .color(c.text_muted),
                        );
                        ui.add_space(8.0);
                    }
                    question_view(ui, question, step, session, content);
                }
                None => result_view(ui, content, qr, session),
            });
        });
    });
}

fn question_view(
    ui: &mut Ui,
    question: &Question,
    step: usize,
    session: &mut Session,
    content: &Content,
) {
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
            let chosen = session.answers.is_chosen(step, index);
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
    if let Some(index) = tapped {
        if question.multiple {
            session.answers.toggle(step, index);
        } else {
            session.answer(&content.questionnaire, index);
        }
    }
}

fn result_view(ui: &mut Ui, content: &Content, qr: Option<&TextureHandle>, session: &Session) {
    let c = theme::colors(ui.ctx());
    let s = &content.strings;
    let Some(outcome) = evaluate(&content.questionnaire, &session.answers) else {
        return;
    };
    ui.label(
        RichText::new(&outcome.result.title)
            .family(theme::display())
            .size(theme::DISPLAY)
            .color(c.text),
    );
    ui.label(RichText::new(&outcome.result.intro).size(theme::CARD_HEADING));
    ui.add_space(12.0);
    section(ui, &s.reasons_heading, &outcome.reasons);
    for treatment in &outcome.treatments {
        treatment_row(ui, content, treatment);
    }
    if let Some(heading) = &outcome.result.points_heading {
        let points: Vec<&str> = outcome.result.points.iter().map(String::as_str).collect();
        section(ui, heading, &points);
    }
    if !outcome.notes.is_empty() {
        section(ui, &s.notes_heading, &outcome.notes);
    }
    if !outcome.alternatives.is_empty() {
        ui.label(
            RichText::new(&s.alternatives_heading)
                .size(theme::CARD_HEADING)
                .family(theme::bold())
                .color(c.accent),
        );
        for (treatment, reason) in &outcome.alternatives {
            ui.label(RichText::new(*reason).size(theme::BODY));
            treatment_row(ui, content, treatment);
        }
    }
    consultation::card(ui, &content.clinic, s, qr);
    ui.add_space(12.0);
    ui.label(
        RichText::new(&content.questionnaire.disclaimer)
            .size(theme::BODY)
            .family(theme::italic())
            .color(c.text_muted),
    );
}

fn section(ui: &mut Ui, heading: &str, lines: &[&str]) {
    let c = theme::colors(ui.ctx());
    widgets::card(ui, |ui| {
        ui.label(
            RichText::new(heading)
                .size(theme::CARD_HEADING)
                .family(theme::bold())
                .color(c.accent),
        );
        markdown_view::bullets(ui, lines.iter().copied());
    });
    ui.add_space(12.0);
}

fn treatment_row(ui: &mut Ui, content: &Content, treatment: &str) {
    if let Some(row) = content.compare.row(treatment) {
        compare::treatment_card(ui, &content.compare, row);
        ui.add_space(12.0);
    }
}
