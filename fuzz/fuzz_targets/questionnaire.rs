//! "Is it right for me?" (`questionnaire.toml`): parsed; when it parses, linked against
//! the shipped comparison and guide as the loader does; and, when it is small enough to
//! stay fast, every set of answers checked (`--check`) and evaluated (the result screen).
#![no_main]

use std::sync::LazyLock;

use kiosk::content::{self, Compare, GuidePage, Source};
use kiosk::questionnaire::{self, Questionnaire};
use libfuzzer_sys::fuzz_target;

/// The shipped FAQ, which the questionnaire's citations may name.
static FAQ: LazyLock<content::Faq> =
    LazyLock::new(|| content::load(&Source::BuiltIn).content.faq);

static SHIPPED: LazyLock<(Compare, Vec<GuidePage>)> = LazyLock::new(|| {
    let loaded = content::load(&Source::BuiltIn);
    (loaded.content.compare.clone(), loaded.content.guide.clone())
});

/// At most this many questions of at most this many options are checked answer set by
/// answer set, and only when they allow at most [`MAX_SETS`] sets of answers: the check
/// tries every one (the shipped file has about a million), too slow for each input here.
const MAX_QUESTIONS: usize = 6;
const MAX_OPTIONS: usize = 8;
const MAX_SETS: usize = 4096;

fn small(questionnaire: &Questionnaire) -> bool {
    questionnaire.questions.len() <= MAX_QUESTIONS
        && questionnaire
            .questions
            .iter()
            .all(|q| q.options.len() <= MAX_OPTIONS)
        && questionnaire
            .questions
            .iter()
            .try_fold(1usize, |sets, q| {
                let here = if q.multiple {
                    1usize << q.options.len()
                } else {
                    q.options.len().max(1)
                };
                sets.checked_mul(here)
            })
            .is_some_and(|sets| sets <= MAX_SETS)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(mut questionnaire) = questionnaire::parse(&text) else {
        return;
    };
    let (compare, guide) = &*SHIPPED;
    let _ = content::link::link(&mut questionnaire, compare, guide, &FAQ);
    if small(&questionnaire) {
        let _ = questionnaire::check_every_answer_set(&questionnaire);
        questionnaire::for_each_answer_set(&questionnaire, MAX_SETS, |answers| {
            let _ = questionnaire::evaluate(&questionnaire, answers);
        });
    }
});
