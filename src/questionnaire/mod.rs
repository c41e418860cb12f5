//! "Is it right for me?": the questionnaire as data (`questionnaire.toml`), checked at
//! load time, linked to the comparison table it reasons with, and the rules engine that
//! turns answers into a result. No UI in here.

mod engine;
mod file;

pub use engine::{
    Answers, ConcernAnswer, Fit, MAX_OPTIONS, Outcome, TreatmentFit, check_every_answer_set,
    decide, evaluate, example_answers, for_each_answer_set,
};
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
    /// Which columns of the comparison table hold the goals and the downtime.
    pub columns: Columns,
    /// The guide page whose bullet list names every caution (e.g. `07-who-should-wait.md`),
    /// and the line that names it.
    pub cautions_page: Option<(String, usize)>,
    /// What the guide says of each treatment beyond the comparison's goals column: what to
    /// expect, its aftercare, and the concerns it can also help.
    pub treatment_notes: Vec<TreatmentNotes>,
    /// The comparison's rows, as [`link`] read them; empty until linked.
    pub treatments: Vec<Treatment>,
}

/// Every cited statement a result can show: reasons, notes, expectations, aftercare and
/// what a treatment can also help.
pub fn citations(questionnaire: &Questionnaire) -> impl Iterator<Item = &Cited> {
    let rules = questionnaire
        .rules
        .iter()
        .filter_map(|rule| match &rule.effect {
            Effect::Result { reason, .. } => reason.as_ref(),
            Effect::Note { note, .. } => Some(note),
        });
    let treatments = questionnaire.treatment_notes.iter().flat_map(|notes| {
        notes
            .expect
            .iter()
            .chain(&notes.after)
            .chain(notes.helps.iter().map(|help| &help.says))
    });
    rules.chain(treatments)
}

impl Questionnaire {
    /// The `[[treatment]]` notes of a row of the comparison, by its name.
    pub fn notes_of(&self, treatment: &str) -> Option<&TreatmentNotes> {
        self.treatment_notes
            .iter()
            .find(|notes| notes.name.eq_ignore_ascii_case(treatment))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub goals: String,
    pub downtime: String,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
    /// Several options may be chosen (then the visitor taps Continue).
    pub multiple: bool,
    pub options: Vec<Choice>,
    pub line: usize,
}

impl Question {
    /// The "None of these" option of a checklist, if it has one.
    pub fn none_option(&self) -> Option<usize> {
        self.options
            .iter()
            .position(|o| o.role == Role::NoneOfThese)
    }

    /// Whether the visitor may move on: a checklist with "None of these" needs an
    /// explicit answer, so silence is never taken for "nothing applies".
    pub fn may_continue(&self, answers: &Answers, step: usize) -> bool {
        self.none_option().is_none() || answers.is_answered(step)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub role: Role,
    pub line: usize,
}

/// What an option means beyond the rules that name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// Only what the rules say.
    Plain,
    /// "None of these": choosing it clears the other options, and the other way round.
    NoneOfThese,
    /// A skin concern: `goals` are words looked for in the comparison's goals column;
    /// `aimed` are the rows that name one of them, and `helped` the rows whose
    /// [`TreatmentNotes::helps`] cite the guide for it (both filled by [`link`]).
    Concern {
        goals: Vec<String>,
        aimed: Vec<usize>,
        helped: Vec<usize>,
    },
    /// How much downtime the visitor accepts, in days.
    Downtime { days: u32 },
    /// A caution of the guide's cautions page: the words of its bullet there.
    Caution { guide: String },
}

/// A row of the comparison as the questionnaire reasons with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Treatment {
    pub name: String,
    /// The downtime as the table words it, e.g. "1–3 days".
    pub downtime: String,
    /// The same as a range of days: "Up to 1 day" is 0 to 1.
    pub downtime_days: (u32, u32),
}

/// One of the results a visitor can reach, e.g. "Talk with a provider first".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultKind {
    pub id: String,
    pub title: String,
    pub intro: String,
    /// A treatment this result recommends discussing: checked to aim at a chosen concern
    /// for every set of answers that reaches the result.
    pub offers: Option<String>,
    /// A treatment this result says does not aim at the visitor's goals: checked likewise.
    pub rules_out: Option<String>,
    /// The result settles what comes next, so it weighs downtime and says what to expect
    /// and the aftercare. "Talk with a provider first" does not: nothing there may read
    /// as a plan.
    pub plan: bool,
    pub line: usize,
}

/// A sentence a result may say, and the words of the content that support it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    pub text: String,
    pub source: Citation,
    pub line: usize,
}

/// Where a statement comes from: a file of the same language folder
/// (`guide/05-sessions.md`, `faq.md`, `compare.md`) and words that are in it, which
/// [`link`] checks, so a statement cannot outlive the sentence it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub file: String,
    pub words: String,
}

/// `[[treatment]]`: what the rest of the content says of one row of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreatmentNotes {
    pub name: String,
    /// Shown whenever a planning result names it.
    pub expect: Vec<Cited>,
    /// Shown under "After a session" whenever a planning result names it.
    pub after: Vec<Cited>,
    /// Concerns it can also help, beyond its goals in the table.
    pub helps: Vec<Help>,
    pub line: usize,
}

/// "Microneedling can also improve skin tone": a concern (question, option) the guide
/// says a treatment can help, in the treatment's own sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Help {
    pub concern: (usize, usize),
    pub says: Cited,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Where the rule starts in the file, for problems found later.
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
        /// Shown under "Why"; a rule may decide without one.
        reason: Option<Cited>,
    },
    Note {
        section: Section,
        note: Cited,
    },
}

/// Where a note is shown on the result, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Before everything but the reasons: what the visitor must know first (the
    /// article's limit for a severe concern).
    First,
    Before,
    After,
    Know,
}
