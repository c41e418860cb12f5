//! "Is it right for me?": the questionnaire as data (`questionnaire.toml`), checked at
//! load time, and the rules engine that turns answers into a result. No UI in here.

mod engine;
mod file;

pub use engine::{Answers, MAX_OPTIONS, Outcome, decide, evaluate, for_each_answer_set};
pub use file::parse;

/// A checked questionnaire: every rule names real questions, options and results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Questionnaire {
    pub title: String,
    pub intro: String,
    pub disclaimer: String,
    pub questions: Vec<Question>,
    pub results: Vec<ResultKind>,
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
    /// Several options may be chosen (then the visitor taps Continue).
    pub multiple: bool,
    pub options: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// One of the results a visitor can reach, e.g. "Talk with a provider first".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultKind {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub points_heading: Option<String>,
    pub points: Vec<String>,
    /// Whether treatments named by other matching rules are offered as alternatives.
    pub show_alternatives: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Where the rule starts in the file, for problems found later (e.g. a treatment
    /// missing from the comparison).
    pub line: usize,
    pub when: Condition,
    pub effect: Effect,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// Any of these (question, option) pairs is chosen.
    AnyOf(Vec<(usize, usize)>),
    /// No rule above has decided a result.
    Otherwise,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Result {
        result: usize,
        reason: String,
        /// A row of the comparison table to show with the result.
        treatment: Option<String>,
    },
    Note(String),
}
