//! Reading `questionnaire.toml` and checking it: names that resolve, options that
//! matter, and results that some set of answers reaches.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use super::engine::{MAX_OPTIONS, decide, for_each_answer_set};
use super::{Choice, Condition, Effect, Question, Questionnaire, ResultKind, Rule};
use crate::content::problem::{Issue, LineIndex};
use crate::content::text::parse_toml;

/// More answer sets than this are not tried one by one (the shipped file has 65,536).
const MAX_ANSWER_SETS: usize = 1 << 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileQuestionnaire {
    title: String,
    intro: String,
    disclaimer: String,
    #[serde(default)]
    question: Vec<Spanned<FileQuestion>>,
    #[serde(default)]
    result: Vec<Spanned<FileResult>>,
    #[serde(default)]
    rule: Vec<Spanned<FileRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileQuestion {
    id: String,
    text: String,
    hint: Option<String>,
    #[serde(default)]
    multiple: bool,
    #[serde(default)]
    options: Vec<Spanned<FileChoice>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileChoice {
    id: String,
    label: String,
    #[serde(default)]
    neutral: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileResult {
    id: String,
    title: String,
    intro: String,
    points_heading: Option<String>,
    #[serde(default)]
    points: Vec<String>,
    #[serde(default)]
    show_alternatives: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRule {
    #[serde(default)]
    when: Vec<String>,
    #[serde(default)]
    otherwise: bool,
    result: Option<String>,
    reason: Option<String>,
    treatment: Option<String>,
    note: Option<String>,
}

pub fn parse(text: &str) -> Result<Questionnaire, Vec<Issue>> {
    let file: FileQuestionnaire = parse_toml(text)?;
    let lines = LineIndex::new(text);
    let line = |span: std::ops::Range<usize>| lines.line_of(span.start);
    let mut issues = Vec::new();

    let mut questions = Vec::new();
    let mut neutral = BTreeSet::new();
    let mut option_lines = Vec::new();
    for spanned in &file.question {
        let q_line = line(spanned.span());
        let question = spanned.get_ref();
        if questions.iter().any(|q: &Question| q.id == question.id) {
            issues.push(Issue::new(
                q_line,
                format!("two questions have the id `{}`", question.id),
            ));
        }
        if question.options.is_empty() {
            issues.push(Issue::new(
                q_line,
                format!(
                    "question `{}` has no options, so nobody can answer it",
                    question.id
                ),
            ));
        } else if question.options.len() > MAX_OPTIONS {
            issues.push(Issue::new(
                q_line,
                format!(
                    "question `{}` has more than {MAX_OPTIONS} options",
                    question.id
                ),
            ));
        } else if !question.multiple && question.options.len() < 2 {
            issues.push(Issue::new(
                q_line,
                format!(
                    "question `{}` has only one option: give it at least two",
                    question.id
                ),
            ));
        }
        let mut options: Vec<Choice> = Vec::new();
        for (o, option) in question.options.iter().enumerate() {
            let choice = option.get_ref();
            if options.iter().any(|c| c.id == choice.id) {
                issues.push(Issue::new(
                    line(option.span()),
                    format!(
                        "question `{}` has two options with the id `{}`",
                        question.id, choice.id
                    ),
                ));
            }
            if choice.neutral {
                neutral.insert((questions.len(), o));
            }
            option_lines.push(((questions.len(), o), line(option.span())));
            options.push(Choice {
                id: choice.id.clone(),
                label: choice.label.clone(),
            });
        }
        questions.push(Question {
            id: question.id.clone(),
            text: question.text.clone(),
            hint: question.hint.clone(),
            multiple: question.multiple,
            options,
        });
    }

    let results: Vec<ResultKind> = file
        .result
        .iter()
        .map(|r| {
            let r = r.get_ref();
            ResultKind {
                id: r.id.clone(),
                title: r.title.clone(),
                intro: r.intro.clone(),
                points_heading: r.points_heading.clone(),
                points: r.points.clone(),
                show_alternatives: r.show_alternatives,
            }
        })
        .collect();

    let mut rules = Vec::new();
    let mut used = BTreeSet::new();
    for (index, spanned) in file.rule.iter().enumerate() {
        let r_line = line(spanned.span());
        match compile_rule(spanned.get_ref(), r_line, &questions, &results) {
            Ok(rule) => {
                if let Condition::AnyOf(pairs) = &rule.when {
                    used.extend(pairs.iter().copied());
                } else if index + 1 != file.rule.len() {
                    issues.push(Issue::new(
                        r_line,
                        "the `otherwise = true` rule must be the last rule: rules below it would never decide",
                    ));
                }
                rules.push(rule);
            }
            Err(message) => issues.push(Issue::new(r_line, message)),
        }
    }
    for (pair, o_line) in &option_lines {
        if !used.contains(pair) && !neutral.contains(pair) {
            let question = &questions[pair.0];
            issues.push(Issue::new(
                *o_line,
                format!(
                    "option `{}.{}` is used by no rule, so choosing it changes nothing; add a rule for it or mark it `neutral = true`",
                    question.id, question.options[pair.1].id
                ),
            ));
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }

    let questionnaire = Questionnaire {
        title: file.title,
        intro: file.intro,
        disclaimer: file.disclaimer,
        questions,
        results,
        rules,
    };
    check_reachability(&questionnaire, &file.result, &line)?;
    Ok(questionnaire)
}

fn compile_rule(
    rule: &FileRule,
    line: usize,
    questions: &[Question],
    results: &[ResultKind],
) -> Result<Rule, String> {
    let when = match (rule.when.is_empty(), rule.otherwise) {
        (false, false) => Condition::AnyOf(
            rule.when
                .iter()
                .map(|name| resolve_option(name, questions))
                .collect::<Result<_, _>>()?,
        ),
        (true, true) => Condition::Otherwise,
        (false, true) => {
            return Err("a rule has either `when = [...]` or `otherwise = true`, not both".into());
        }
        (true, false) => {
            return Err(
                "this rule has no `when = [\"question.option\"]` and would never match".into(),
            );
        }
    };
    let effect = match (&rule.result, &rule.note) {
        (Some(result), None) => {
            let index = results
                .iter()
                .position(|r| &r.id == result)
                .ok_or_else(|| format!("no result has the id `{result}`"))?;
            let reason = rule
                .reason
                .clone()
                .filter(|r| !r.trim().is_empty())
                .ok_or("a rule with a `result` needs a `reason` that tells the visitor why")?;
            Effect::Result {
                result: index,
                reason,
                treatment: rule.treatment.clone(),
            }
        }
        (None, Some(note)) if rule.reason.is_none() && rule.treatment.is_none() => {
            if matches!(when, Condition::Otherwise) {
                return Err("an `otherwise` rule must give a `result`".into());
            }
            Effect::Note(note.clone())
        }
        (None, Some(_)) => return Err("a `note` rule takes no `reason` or `treatment`".into()),
        _ => return Err("a rule needs either `result` (with a `reason`) or `note`".into()),
    };
    Ok(Rule { line, when, effect })
}

fn resolve_option(name: &str, questions: &[Question]) -> Result<(usize, usize), String> {
    let (question_id, option_id) = name
        .split_once('.')
        .ok_or_else(|| format!("`{name}` should be written as \"question.option\""))?;
    let q = questions
        .iter()
        .position(|q| q.id == question_id)
        .ok_or_else(|| format!("`{name}` names a question `{question_id}` that does not exist"))?;
    let o = questions[q]
        .options
        .iter()
        .position(|o| o.id == option_id)
        .ok_or_else(|| format!("`{name}`: question `{question_id}` has no option `{option_id}`"))?;
    Ok((q, o))
}

/// Tries every set of answers: each must reach a result, and each result must be reached.
fn check_reachability(
    questionnaire: &Questionnaire,
    results: &[Spanned<FileResult>],
    line: &dyn Fn(std::ops::Range<usize>) -> usize,
) -> Result<(), Vec<Issue>> {
    let mut reached = vec![false; questionnaire.results.len()];
    let mut stuck = false;
    let counted = for_each_answer_set(questionnaire, MAX_ANSWER_SETS, |answers| {
        match decide(questionnaire, answers) {
            Some((_, result)) => reached[result] = true,
            None => stuck = true,
        }
    });
    if !counted {
        return Err(vec![Issue::new(
            1,
            format!(
                "the questions allow more than {MAX_ANSWER_SETS} sets of answers, too many to check; use fewer options"
            ),
        )]);
    }
    if stuck {
        return Err(vec![Issue::new(
            1,
            "some answers lead to no result: end the rules with an `otherwise = true` rule",
        )]);
    }
    let issues: Vec<Issue> = results
        .iter()
        .zip(&reached)
        .filter(|(_, reached)| !**reached)
        .map(|(result, _)| {
            Issue::new(
                line(result.span()),
                format!(
                    "no set of answers reaches the result `{}`",
                    result.get_ref().id
                ),
            )
        })
        .collect();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}
