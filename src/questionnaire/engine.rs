//! Answers in, one result out, with the reasons that led there.

use std::collections::BTreeSet;

use super::{Condition, Effect, Questionnaire, ResultKind};

/// Most options a question may have (answers are kept as one bit per option).
pub const MAX_OPTIONS: usize = 64;

/// What one visitor chose: for each question, one bit per chosen option.
/// Held in memory only; never written anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    chosen: Vec<u64>,
}

impl Answers {
    pub fn is_chosen(&self, question: usize, option: usize) -> bool {
        option < MAX_OPTIONS
            && self
                .chosen
                .get(question)
                .is_some_and(|bits| bits >> option & 1 == 1)
    }

    pub fn is_answered(&self, question: usize) -> bool {
        self.chosen.get(question).is_some_and(|bits| *bits != 0)
    }

    /// Chooses `option` as the only answer to `question`.
    pub fn choose(&mut self, question: usize, option: usize) {
        *self.question_mut(question) = bit(option);
    }

    /// Adds or removes `option` among the answers to a multiple-choice question.
    pub fn toggle(&mut self, question: usize, option: usize) {
        *self.question_mut(question) ^= bit(option);
    }

    pub fn is_empty(&self) -> bool {
        self.chosen.iter().all(|bits| *bits == 0)
    }

    fn question_mut(&mut self, question: usize) -> &mut u64 {
        if self.chosen.len() <= question {
            self.chosen.resize(question + 1, 0);
        }
        &mut self.chosen[question]
    }
}

fn bit(option: usize) -> u64 {
    if option < MAX_OPTIONS { 1 << option } else { 0 }
}

/// The result for one set of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome<'q> {
    pub result: &'q ResultKind,
    /// Index of the result in [`Questionnaire::results`].
    pub result_index: usize,
    /// Why: the reason of every matching rule for this result, in file order.
    pub reasons: Vec<&'q str>,
    /// Comparison rows named by those rules.
    pub treatments: Vec<&'q str>,
    /// Other treatments named by matching rules for other results, with those rules'
    /// reasons, when the result shows them.
    pub alternatives: Vec<(&'q str, &'q str)>,
    /// What to do before a session.
    pub notes: Vec<&'q str>,
}

/// Applies the rules: the first matching rule decides the result; every other matching
/// rule for the same result adds its reason. `None` only for a questionnaire without an
/// `otherwise` rule, which the check reports.
pub fn evaluate<'q>(questionnaire: &'q Questionnaire, answers: &Answers) -> Option<Outcome<'q>> {
    let chosen = |when: &Condition| match when {
        Condition::AnyOf(pairs) => pairs.iter().any(|&(q, o)| answers.is_chosen(q, o)),
        // Reached in file order only when no result rule above matched.
        Condition::Otherwise => true,
    };
    let rules = &questionnaire.rules;
    let decided_by = rules
        .iter()
        .position(|r| matches!(r.effect, Effect::Result { .. }) && chosen(&r.when))?;
    let Effect::Result {
        result: result_index,
        ..
    } = rules[decided_by].effect
    else {
        return None;
    };
    let result = questionnaire.results.get(result_index)?;
    let mut outcome = Outcome {
        result,
        result_index,
        reasons: Vec::new(),
        treatments: Vec::new(),
        alternatives: Vec::new(),
        notes: Vec::new(),
    };
    let mut seen_treatments = BTreeSet::new();
    for (index, rule) in rules.iter().enumerate() {
        let applies =
            index == decided_by || matches!(rule.when, Condition::AnyOf(_)) && chosen(&rule.when);
        if !applies {
            continue;
        }
        match &rule.effect {
            Effect::Note(note) => outcome.notes.push(note),
            Effect::Result {
                result: rule_result,
                reason,
                treatment,
            } => {
                let treatment = treatment.as_deref();
                if *rule_result == result_index {
                    outcome.reasons.push(reason);
                    if let Some(t) = treatment.filter(|t| seen_treatments.insert(*t)) {
                        outcome.treatments.push(t);
                    }
                } else if let Some(t) = treatment
                    .filter(|_| result.show_alternatives)
                    .filter(|t| seen_treatments.insert(*t))
                {
                    outcome.alternatives.push((t, reason));
                }
            }
        }
    }
    Some(outcome)
}

/// The rule that decides the result, and the result: the first result rule that matches.
pub fn decide(questionnaire: &Questionnaire, answers: &Answers) -> Option<(usize, usize)> {
    questionnaire
        .rules
        .iter()
        .enumerate()
        .find_map(|(index, rule)| match rule.effect {
            Effect::Result { result, .. } if chosen(&rule.when, answers) => Some((index, result)),
            _ => None,
        })
}

fn chosen(when: &Condition, answers: &Answers) -> bool {
    match when {
        Condition::AnyOf(pairs) => pairs.iter().any(|&(q, o)| answers.is_chosen(q, o)),
        // Reached in file order only when no result rule above matched.
        Condition::Otherwise => true,
    }
}

/// Calls `visit` with every set of answers a visitor can give: one option for each
/// single-choice question, any subset (none included) for each multiple-choice one.
/// Returns false, visiting nothing, when there are more than `limit` sets.
pub fn for_each_answer_set(
    questionnaire: &Questionnaire,
    limit: usize,
    mut visit: impl FnMut(&Answers),
) -> bool {
    let mut sizes = questionnaire.questions.iter().map(|question| {
        let n = question.options.len().min(MAX_OPTIONS);
        if question.multiple {
            1usize.checked_shl(n as u32).filter(|_| n < 63)
        } else {
            Some(n.max(1))
        }
    });
    let count = sizes.try_fold(1usize, |count, size| count.checked_mul(size?));
    if count.is_none_or(|count| count > limit) {
        return false;
    }
    // Small enough now to list every choice of every question.
    let choices: Vec<Vec<u64>> = questionnaire
        .questions
        .iter()
        .map(|question| {
            let n = question.options.len().min(MAX_OPTIONS);
            if question.multiple {
                (0..1u64 << n).collect()
            } else {
                (0..n).map(|o| 1 << o).collect()
            }
        })
        .collect();
    let mut answers = Answers {
        chosen: choices
            .iter()
            .map(|c| c.first().copied().unwrap_or(0))
            .collect(),
    };
    let mut digits = vec![0usize; choices.len()];
    loop {
        visit(&answers);
        // Count like an odometer: the last question turns fastest.
        let mut q = choices.len();
        loop {
            if q == 0 {
                return true;
            }
            q -= 1;
            digits[q] += 1;
            if digits[q] < choices[q].len() {
                answers.chosen[q] = choices[q][digits[q]];
                break;
            }
            digits[q] = 0;
            answers.chosen[q] = choices[q].first().copied().unwrap_or(0);
        }
    }
}
