//! Reading `questionnaire.toml` and checking what one file can tell: names that resolve,
//! options that matter, a last `otherwise` rule. What needs other files (the comparison,
//! the guide) is [`super::link`]; what needs every set of answers is
//! [`super::check_every_answer_set`].

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use super::engine::MAX_OPTIONS;
use super::{
    Choice, Citation, Cited, Columns, Condition, Effect, Help, Question, Questionnaire, ResultKind,
    Role, Rule, Section, TreatmentNotes,
};
use crate::problems::{Issue, LineIndex, parse_toml};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileQuestionnaire {
    title: String,
    intro: String,
    disclaimer: String,
    cautions_page: Option<Spanned<String>>,
    columns: Spanned<FileColumns>,
    #[serde(default)]
    question: Vec<Spanned<FileQuestion>>,
    #[serde(default)]
    result: Vec<Spanned<FileResult>>,
    #[serde(default)]
    treatment: Vec<Spanned<FileTreatment>>,
    #[serde(default)]
    rule: Vec<Spanned<FileRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileColumns {
    goals: String,
    downtime: String,
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
    #[serde(default)]
    none: bool,
    goals: Option<Vec<String>>,
    days: Option<u32>,
    guide: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileResult {
    id: String,
    title: String,
    intro: String,
    offers: Option<String>,
    rules_out: Option<String>,
    #[serde(default)]
    plan: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileTreatment {
    name: String,
    #[serde(default)]
    expect: Vec<Spanned<FileCited>>,
    #[serde(default)]
    after: Vec<Spanned<FileCited>>,
    #[serde(default)]
    helps: Vec<Spanned<FileHelp>>,
}

/// `{ text = "…", source = "guide/05-sessions.md", words = "…" }`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCited {
    text: String,
    source: String,
    words: String,
}

/// `{ concern = "concerns.pigmentation", says = "…", source = "…", words = "…" }`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileHelp {
    concern: String,
    says: String,
    source: String,
    words: String,
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
    note: Option<String>,
    section: Option<Section>,
    source: Option<String>,
    words: Option<String>,
}

pub fn parse(text: &str) -> Result<Questionnaire, Vec<Issue>> {
    let file: FileQuestionnaire = parse_toml(text)?;
    let lines = LineIndex::new(text);
    let line = |span: std::ops::Range<usize>| lines.line_of(span.start);
    let mut issues = Vec::new();

    let mut questions = Vec::new();
    let mut neutral = BTreeSet::new();
    for spanned in &file.question {
        let q_line = line(spanned.span());
        let question = spanned.get_ref();
        if questions.iter().any(|q: &Question| q.id == question.id) {
            issues.push(Issue::new(
                q_line,
                format!("two questions have the id `{}`", question.id),
            ));
        }
        let problem = if question.options.is_empty() {
            Some("has no options, so nobody can answer it")
        } else if question.options.len() > MAX_OPTIONS {
            Some("has more than 64 options")
        } else if !question.multiple && question.options.len() < 2 {
            Some("has only one option: give it at least two")
        } else {
            None
        };
        if let Some(problem) = problem {
            issues.push(Issue::new(
                q_line,
                format!("question `{}` {problem}", question.id),
            ));
        }
        let mut options: Vec<Choice> = Vec::new();
        for (o, option) in question.options.iter().enumerate() {
            let choice = option.get_ref();
            let o_line = line(option.span());
            if options.iter().any(|c| c.id == choice.id) {
                issues.push(Issue::new(
                    o_line,
                    format!(
                        "question `{}` has two options with the id `{}`",
                        question.id, choice.id
                    ),
                ));
            }
            if choice.neutral {
                neutral.insert((questions.len(), o));
            }
            let role = role(choice, question.multiple).unwrap_or_else(|message| {
                issues.push(Issue::new(o_line, message));
                Role::Plain
            });
            options.push(Choice {
                id: choice.id.clone(),
                label: choice.label.clone(),
                role,
                line: o_line,
            });
        }
        if options
            .iter()
            .filter(|o| o.role == Role::NoneOfThese)
            .count()
            > 1
        {
            issues.push(Issue::new(
                q_line,
                format!(
                    "question `{}` has more than one `none = true` option",
                    question.id
                ),
            ));
        }
        questions.push(Question {
            id: question.id.clone(),
            text: question.text.clone(),
            hint: question.hint.clone(),
            multiple: question.multiple,
            options,
            line: q_line,
        });
    }

    let results: Vec<ResultKind> = file
        .result
        .iter()
        .map(|r| {
            let (r_line, r) = (line(r.span()), r.get_ref());
            ResultKind {
                id: r.id.clone(),
                title: r.title.clone(),
                intro: r.intro.clone(),
                offers: r.offers.clone(),
                rules_out: r.rules_out.clone(),
                plan: r.plan,
                line: r_line,
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
    if !rules.iter().any(|r| r.when == Condition::Otherwise) {
        issues.push(Issue::new(
            1,
            "some answers would lead to no result: end the rules with an `otherwise = true` rule",
        ));
    }
    for (q, question) in questions.iter().enumerate() {
        for (o, option) in question.options.iter().enumerate() {
            // A concern, a downtime or "None of these" means something without a rule.
            let has_meaning = matches!(
                option.role,
                Role::Concern { .. } | Role::Downtime { .. } | Role::NoneOfThese
            );
            if !has_meaning && !used.contains(&(q, o)) && !neutral.contains(&(q, o)) {
                issues.push(Issue::new(
                    option.line,
                    format!(
                        "option `{}.{}` is used by no rule, so choosing it changes nothing; add a rule for it or mark it `neutral = true`",
                        question.id, option.id
                    ),
                ));
            }
        }
    }
    let cited = |list: &[Spanned<FileCited>]| -> Vec<Cited> {
        list.iter()
            .map(|c| {
                let c_line = line(c.span());
                let c = c.get_ref();
                Cited {
                    text: c.text.clone(),
                    source: Citation {
                        file: c.source.clone(),
                        words: c.words.clone(),
                    },
                    line: c_line,
                }
            })
            .collect()
    };
    let mut treatment_notes = Vec::new();
    for spanned in &file.treatment {
        let (t_line, t) = (line(spanned.span()), spanned.get_ref());
        let mut helps = Vec::new();
        for help in &t.helps {
            let h_line = line(help.span());
            let help = help.get_ref();
            match resolve_option(&help.concern, &questions) {
                Ok((q, o)) if matches!(questions[q].options[o].role, Role::Concern { .. }) => {
                    helps.push(Help {
                        concern: (q, o),
                        says: Cited {
                            text: help.says.clone(),
                            source: Citation {
                                file: help.source.clone(),
                                words: help.words.clone(),
                            },
                            line: h_line,
                        },
                    });
                }
                Ok(_) => issues.push(Issue::new(
                    h_line,
                    format!(
                        "`concern = \"{}\"` is not a concern (an option with `goals`)",
                        help.concern
                    ),
                )),
                Err(message) => issues.push(Issue::new(h_line, message)),
            }
        }
        treatment_notes.push(TreatmentNotes {
            name: t.name.clone(),
            expect: cited(&t.expect),
            after: cited(&t.after),
            helps,
            line: t_line,
        });
    }
    if !issues.is_empty() {
        return Err(issues);
    }

    Ok(Questionnaire {
        title: file.title,
        intro: file.intro,
        disclaimer: file.disclaimer,
        questions,
        results,
        rules,
        columns: Columns {
            line: line(file.columns.span()),
            goals: file.columns.get_ref().goals.clone(),
            downtime: file.columns.get_ref().downtime.clone(),
        },
        cautions_page: file
            .cautions_page
            .map(|page| (page.get_ref().clone(), line(page.span()))),
        treatment_notes,
        treatments: Vec::new(),
    })
}

/// What an option means, from the one key among `none`, `goals`, `days` and `guide` it
/// may have.
fn role(choice: &FileChoice, multiple: bool) -> Result<Role, String> {
    let roles = [
        choice.none.then_some(Role::NoneOfThese),
        choice.goals.clone().map(|goals| Role::Concern {
            goals,
            aimed: Vec::new(),
            helped: Vec::new(),
        }),
        choice.days.map(|days| Role::Downtime { days }),
        choice.guide.clone().map(|guide| Role::Caution { guide }),
    ];
    let mut roles = roles.into_iter().flatten();
    let role = roles.next().unwrap_or(Role::Plain);
    if roles.next().is_some() {
        return Err(format!(
            "option `{}` may have only one of `none`, `goals`, `days` and `guide`",
            choice.id
        ));
    }
    if role == Role::NoneOfThese && !multiple {
        return Err(format!(
            "option `{}`: `none = true` belongs to a checklist (`multiple = true`)",
            choice.id
        ));
    }
    if matches!(&role, Role::Concern { goals, .. } if goals.iter().all(|g| g.trim().is_empty())) {
        return Err(format!(
            "option `{}`: `goals` needs at least one word of the comparison's goals column",
            choice.id
        ));
    }
    Ok(role)
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
    let reason = rule.reason.clone().filter(|r| !r.trim().is_empty());
    // What a result says is cited; a rule that says nothing has nothing to cite.
    let cite = |text: &str| {
        match (&rule.source, &rule.words) {
        (Some(file), Some(words)) => Ok(Cited {
            text: text.to_owned(),
            source: Citation {
                file: file.clone(),
                words: words.clone(),
            },
            line,
        }),
        _ => Err(
            "say where this comes from: `source = \"guide/….md\"` (or \"faq.md\") and `words = \"…\"` that are there"
                .to_owned(),
        ),
    }
    };
    if reason.is_none() && rule.note.is_none() && (rule.source.is_some() || rule.words.is_some()) {
        return Err(
            "`source` and `words` cite a `reason` or a `note`; this rule has neither".into(),
        );
    }
    let effect = match (&rule.result, &rule.note) {
        (Some(result), None) if rule.section.is_none() => {
            let index = results
                .iter()
                .position(|r| &r.id == result)
                .ok_or_else(|| format!("no result has the id `{result}`"))?;
            Effect::Result {
                result: index,
                reason: reason.as_deref().map(cite).transpose()?,
            }
        }
        (None, Some(note)) if reason.is_none() => {
            if matches!(when, Condition::Otherwise) {
                return Err("an `otherwise` rule must give a `result`".into());
            }
            let section = rule.section.ok_or(
                "a `note` rule needs `section = \"first\"`, `\"before\"`, `\"after\"` or `\"know\"` (Good to know)",
            )?;
            Effect::Note {
                section,
                note: cite(note)?,
            }
        }
        (Some(_), None) => return Err("a `result` rule takes no `section`".into()),
        (None, Some(_)) => return Err("a `note` rule takes no `reason`".into()),
        _ => return Err("a rule needs either `result` or `note`".into()),
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
