//! Answers in, one result out: the reasons that led there, every chosen concern answered
//! from the comparison's own rows, and the notes that apply.

use super::{
    Cited, Condition, Effect, Question, Questionnaire, ResultKind, Role, Section, Treatment,
};
use crate::problems::Issue;

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

    /// Adds or removes `option` among the answers to a checklist. "None of these" and the
    /// other options exclude each other, so a checklist never says both.
    pub fn toggle(&mut self, checklist: &Question, question: usize, option: usize) {
        let none = checklist.none_option();
        let bits = self.question_mut(question);
        *bits ^= bit(option);
        if let Some(none) = none.filter(|_| *bits >> option & 1 == 1) {
            *bits &= if option == none {
                bit(none)
            } else {
                !bit(none)
            };
        }
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
    pub reasons: Vec<&'q Cited>,
    /// Every concern the visitor chose, in the order asked, with the treatments of the
    /// comparison that aim at it and what the guide says others can also do for it.
    pub concerns: Vec<ConcernAnswer<'q>>,
    /// Each treatment named for a concern, once, in the comparison's order, with how its
    /// downtime compares with what the visitor accepts (planning results only).
    pub treatments: Vec<TreatmentFit<'q>>,
    /// The downtime answer, as the visitor chose it, when the result weighs downtime.
    pub accepted: Option<&'q str>,
    /// What to expect, for each treatment named that has expectations (planning results).
    pub expectations: Vec<(&'q str, &'q [Cited])>,
    /// Notes of every matching note rule and, on a planning result, the aftercare of
    /// each treatment named (under "After a session"); in the order of [`Section`].
    pub notes: Vec<(Section, &'q Cited)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConcernAnswer<'q> {
    pub label: &'q str,
    /// The treatments whose goals in the comparison name this concern.
    pub aimed: Vec<&'q str>,
    /// Other treatments the guide says can also help, each in its own cited sentence.
    pub helps: Vec<(&'q str, &'q Cited)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreatmentFit<'q> {
    pub treatment: &'q Treatment,
    /// How its downtime compares with what the visitor accepts; `None` when the result
    /// weighs no downtime or the downtime question was not answered.
    pub fit: Option<Fit>,
}

/// A downtime range from the table set against the days a visitor accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// All of the range is within what the visitor accepts.
    Within,
    /// Part of the range is more ("Up to 1 day" for someone who accepts none).
    Partly,
    /// Even its shortest is more.
    Longer,
}

impl Fit {
    pub fn of((least, most): (u32, u32), accepted: u32) -> Self {
        if most <= accepted {
            Self::Within
        } else if least <= accepted {
            Self::Partly
        } else {
            Self::Longer
        }
    }
}

/// Applies the rules: the first matching result rule decides the result; every other
/// matching rule for the same result adds its reason; every matching note rule adds its
/// note. `None` only for a questionnaire without an `otherwise` rule, which the check
/// reports.
pub fn evaluate<'q>(questionnaire: &'q Questionnaire, answers: &Answers) -> Option<Outcome<'q>> {
    let (decided_by, result_index) = decide(questionnaire, answers)?;
    let result = questionnaire.results.get(result_index)?;
    let mut reasons = Vec::new();
    let mut notes = Vec::new();
    for (index, rule) in questionnaire.rules.iter().enumerate() {
        let applies = index == decided_by
            || matches!(rule.when, Condition::AnyOf(_)) && chosen(&rule.when, answers);
        match &rule.effect {
            Effect::Result {
                result,
                reason: Some(reason),
            } if applies && *result == result_index => reasons.push(reason),
            Effect::Note { section, note } if applies => notes.push((*section, note)),
            _ => {}
        }
    }

    let name = |row: usize| questionnaire.treatments.get(row).map(|t| t.name.as_str());
    let mut concerns = Vec::new();
    let mut named = vec![false; questionnaire.treatments.len()];
    let mut accepted = None;
    for ((q, o), option) in chosen_options(questionnaire, answers) {
        match &option.role {
            Role::Concern { aimed, helped, .. } => {
                let helps = helped
                    .iter()
                    .filter_map(|&row| {
                        let treatment = name(row)?;
                        let says = questionnaire
                            .notes_of(treatment)?
                            .helps
                            .iter()
                            .find(|help| help.concern == (q, o))?;
                        Some((treatment, &says.says))
                    })
                    .collect();
                concerns.push(ConcernAnswer {
                    label: &option.label,
                    aimed: aimed.iter().filter_map(|&row| name(row)).collect(),
                    helps,
                });
                for &row in aimed.iter().chain(helped) {
                    if let Some(named) = named.get_mut(row) {
                        *named = true;
                    }
                }
            }
            Role::Downtime { days } => accepted = accepted.or(Some((option.label.as_str(), *days))),
            _ => {}
        }
    }
    let plan = result.plan;
    let treatments: Vec<TreatmentFit> = questionnaire
        .treatments
        .iter()
        .zip(&named)
        .filter(|(_, named)| **named)
        .map(|(treatment, _)| TreatmentFit {
            treatment,
            fit: accepted
                .filter(|_| plan)
                .map(|(_, days)| Fit::of(treatment.downtime_days, days)),
        })
        .collect();
    let mut expectations = Vec::new();
    for fit in treatments.iter().filter(|_| plan) {
        if let Some(treatment) = questionnaire.notes_of(&fit.treatment.name) {
            if !treatment.expect.is_empty() {
                expectations.push((fit.treatment.name.as_str(), treatment.expect.as_slice()));
            }
            notes.extend(treatment.after.iter().map(|after| (Section::After, after)));
        }
    }
    notes.sort_by_key(|(section, _)| *section);
    Some(Outcome {
        result,
        result_index,
        reasons,
        accepted: accepted
            .filter(|_| plan && !treatments.is_empty())
            .map(|(label, _)| label),
        concerns,
        treatments,
        expectations,
        notes,
    })
}

/// Every chosen option with its (question, option) index, in the order asked.
fn chosen_options<'q>(
    questionnaire: &'q Questionnaire,
    answers: &Answers,
) -> Vec<((usize, usize), &'q super::Choice)> {
    questionnaire
        .questions
        .iter()
        .enumerate()
        .flat_map(|(q, question)| {
            question
                .options
                .iter()
                .enumerate()
                .filter(move |(o, _)| answers.is_chosen(q, *o))
                .map(move |(o, option)| ((q, o), option))
        })
        .collect()
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
/// single-choice question; for a checklist, "None of these" alone or any non-empty set
/// of its other options (any set, none included, when it has no "None of these").
/// Returns false, visiting nothing, when there are more than `limit` sets.
pub fn for_each_answer_set(
    questionnaire: &Questionnaire,
    limit: usize,
    mut visit: impl FnMut(&Answers),
) -> bool {
    let choices: Option<Vec<Vec<u64>>> = questionnaire
        .questions
        .iter()
        .map(|question| choices_of(question, limit))
        .collect();
    let Some(choices) = choices else { return false };
    let count = choices
        .iter()
        .try_fold(1usize, |count, c| count.checked_mul(c.len().max(1)));
    if count.is_none_or(|count| count > limit) {
        return false;
    }
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

/// Every answer one question allows, as option bits; `None` when more than `limit`.
fn choices_of(question: &Question, limit: usize) -> Option<Vec<u64>> {
    let n = question.options.len().min(MAX_OPTIONS);
    if !question.multiple {
        return Some((0..n).map(bit).collect());
    }
    let subsets = 1usize
        .checked_shl(n as u32)
        .filter(|s| n < 63 && *s <= limit)?;
    let choices = match question.none_option() {
        Some(none) => std::iter::once(bit(none))
            .chain((1..subsets as u64).filter(|set| set & bit(none) == 0))
            .collect(),
        None => (0..subsets as u64).collect(),
    };
    Some(choices)
}

/// For each result a visitor can reach, a telling set of answers that reaches it: tried
/// over broad answers (every checklist all ticked, or "None of these"; each answer of the
/// other questions), the one whose result says the most. For the screen walk, the
/// snapshots and the benchmarks, whatever the content's questions are.
pub fn example_answers(questionnaire: &Questionnaire) -> Vec<(usize, Answers)> {
    let choices: Vec<Vec<u64>> = questionnaire
        .questions
        .iter()
        .map(|question| {
            let n = question.options.len().min(MAX_OPTIONS);
            if !question.multiple {
                return (0..n).map(bit).collect();
            }
            let none = question.none_option();
            let all = (0..n)
                .filter(|&o| Some(o) != none)
                .fold(0, |bits, o| bits | bit(o));
            let nothing = none.map_or(0, bit);
            vec![all, nothing]
        })
        // A question nobody can answer (the check refuses it) still leaves one way on.
        .map(|c: Vec<u64>| if c.is_empty() { vec![0] } else { c })
        .collect();
    let mut best: Vec<Option<(usize, Answers)>> = vec![None; questionnaire.results.len()];
    let mut digits = vec![0usize; choices.len()];
    loop {
        let answers = Answers {
            chosen: choices.iter().zip(&digits).map(|(c, &d)| c[d]).collect(),
        };
        if let Some(outcome) = evaluate(questionnaire, &answers) {
            let says = outcome.reasons.len()
                + outcome.concerns.len()
                + outcome.notes.len()
                + outcome.expectations.len();
            let slot = &mut best[outcome.result_index];
            if slot.as_ref().is_none_or(|(most, _)| says > *most) {
                *slot = Some((says, answers));
            }
        }
        // Count like an odometer over the choices.
        let Some(q) = (0..choices.len())
            .rev()
            .find(|&q| digits[q] + 1 < choices[q].len())
        else {
            break;
        };
        digits[q] += 1;
        digits[q + 1..].fill(0);
    }
    best.into_iter()
        .enumerate()
        .filter_map(|(result, found)| Some((result, found?.1)))
        .collect()
}

/// More answer sets than this are not tried one by one (the shipped file has about a
/// million, tried in well under a second).
const MAX_ANSWER_SETS: usize = 1 << 23;

/// Tries every set of answers a visitor can give and reports, with the line to fix:
/// answers that reach no result, a result no answers reach, and a result that offers (or
/// rules out) a treatment that does not aim at or help (or does aim at or help) a chosen
/// concern. Every chosen concern is answered by [`evaluate`] itself, from the comparison
/// and the guide's cited sentences.
pub fn check_every_answer_set(questionnaire: &Questionnaire) -> Vec<Issue> {
    // Per option, the treatments (as bits) that aim at it or help it: the check runs
    // a million times.
    let aims: Vec<Vec<u64>> = questionnaire
        .questions
        .iter()
        .map(|q| {
            q.options
                .iter()
                .map(|o| match &o.role {
                    Role::Concern { aimed, helped, .. } => {
                        aimed.iter().chain(helped).fold(0, |bits, &t| bits | bit(t))
                    }
                    _ => 0,
                })
                .collect()
        })
        .collect();
    let treatment_bit = |name: &Option<String>| {
        name.as_ref().and_then(|name| {
            questionnaire
                .treatments
                .iter()
                .position(|t| t.name.eq_ignore_ascii_case(name))
                .map(bit)
        })
    };
    let claims: Vec<(Option<u64>, Option<u64>)> = questionnaire
        .results
        .iter()
        .map(|r| (treatment_bit(&r.offers), treatment_bit(&r.rules_out)))
        .collect();
    let mut reached = vec![false; questionnaire.results.len()];
    let mut stuck = false;
    let mut wrong_claim = vec![false; questionnaire.results.len()];
    let counted = for_each_answer_set(questionnaire, MAX_ANSWER_SETS, |answers| {
        let Some((_, result)) = decide(questionnaire, answers) else {
            stuck = true;
            return;
        };
        reached[result] = true;
        let aimed = aims.iter().enumerate().fold(0, |bits, (q, options)| {
            let chosen = answers.chosen.get(q).copied().unwrap_or(0);
            options
                .iter()
                .enumerate()
                .filter(|(o, _)| chosen >> o & 1 == 1)
                .fold(bits, |bits, (_, aims)| bits | aims)
        });
        let (offers, rules_out) = claims[result];
        if offers.is_some_and(|t| aimed & t == 0) || rules_out.is_some_and(|t| aimed & t != 0) {
            wrong_claim[result] = true;
        }
    });
    if !counted {
        return vec![Issue::new(
            1,
            format!(
                "the questions allow more than {MAX_ANSWER_SETS} sets of answers, too many to check; use fewer options"
            ),
        )];
    }
    if stuck {
        return vec![Issue::new(
            1,
            "some answers lead to no result: end the rules with an `otherwise = true` rule",
        )];
    }
    let mut issues = Vec::new();
    for (index, result) in questionnaire.results.iter().enumerate() {
        if !reached[index] {
            issues.push(Issue::new(
                result.line,
                format!("no set of answers reaches the result `{}`", result.id),
            ));
        }
        if wrong_claim[index] {
            let message = match (&result.offers, &result.rules_out) {
                (Some(t), _) if claims[index].0.is_some() => format!(
                    "the result `{}` offers {t}, but some answers that reach it choose no concern {t} aims at in the comparison or helps in the guide",
                    result.id
                ),
                (_, Some(t)) => format!(
                    "the result `{}` says {t} does not aim at the visitor's goals, but some answers that reach it choose a concern it aims at or helps",
                    result.id
                ),
                _ => continue,
            };
            issues.push(Issue::new(result.line, message));
        }
    }
    issues
}
