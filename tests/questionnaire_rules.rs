//! The shipped questionnaire's rules, case by case, and over every possible set of answers.

mod common;

use kiosk::questionnaire::{Answers, Questionnaire, evaluate, for_each_answer_set};

fn questionnaire() -> Questionnaire {
    common::load_shipped().content.questionnaire
}

/// The questions that name a reason to wait (the article's contraindications).
const CONTRAINDICATIONS: [&str; 5] = [
    "active_skin",
    "infection",
    "diabetes",
    "keloids",
    "pregnant",
];
const YES_NO: [&str; 7] = [
    "active_skin",
    "infection",
    "diabetes",
    "keloids",
    "pregnant",
    "retinoids",
    "sunburn",
];

fn index_of(q: &Questionnaire, question: &str, option: &str) -> (usize, usize) {
    let qi = q
        .questions
        .iter()
        .position(|x| x.id == question)
        .expect(question);
    let oi = q.questions[qi]
        .options
        .iter()
        .position(|o| o.id == option)
        .expect(option);
    (qi, oi)
}

/// Answers as a visitor gives them: "No" to every yes/no question and "A few days" of
/// downtime unless the case says otherwise; concerns as listed.
fn answers(q: &Questionnaire, concerns: &[&str], downtime: &str, yes: &[&str]) -> Answers {
    let mut answers = Answers::default();
    for concern in concerns {
        let (qi, oi) = index_of(q, "concerns", concern);
        answers.toggle(qi, oi);
    }
    let (qi, oi) = index_of(q, "downtime", downtime);
    answers.choose(qi, oi);
    for question in YES_NO {
        let option = if yes.contains(&question) { "yes" } else { "no" };
        let (qi, oi) = index_of(q, question, option);
        answers.choose(qi, oi);
    }
    answers
}

struct Case {
    name: &'static str,
    concerns: &'static [&'static str],
    downtime: &'static str,
    yes: &'static [&'static str],
    result: &'static str,
    /// Each reason, in order, must start with these words.
    reasons: &'static [&'static str],
    treatments: &'static [&'static str],
    /// Treatments offered besides the result's own.
    alternatives: &'static [&'static str],
    /// Each note, in order, must start with these words.
    notes: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "pores only",
        concerns: &["pores"],
        downtime: "few_days",
        yes: &[],
        result: "good_fit",
        reasons: &["Enlarged pores"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "pregnant with enlarged pores",
        concerns: &["pores"],
        downtime: "few_days",
        yes: &["pregnant"],
        result: "talk_first",
        reasons: &["Pregnancy"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "active skin condition alone",
        concerns: &[],
        downtime: "few_days",
        yes: &["active_skin"],
        result: "talk_first",
        reasons: &["Active acne, eczema"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "recent infection alone",
        concerns: &["scars"],
        downtime: "week",
        yes: &["infection"],
        result: "talk_first",
        reasons: &["A recent skin infection"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "uncontrolled diabetes alone",
        concerns: &["lines"],
        downtime: "few_days",
        yes: &["diabetes"],
        result: "talk_first",
        reasons: &["Diabetes that is not well controlled"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "keloid history alone",
        concerns: &["texture"],
        downtime: "few_days",
        yes: &["keloids"],
        result: "talk_first",
        reasons: &["A history of keloid scarring"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "keloids and pregnancy together",
        concerns: &["pores"],
        downtime: "few_days",
        yes: &["keloids", "pregnant"],
        result: "talk_first",
        reasons: &["A history of keloid scarring", "Pregnancy"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "safety and preparation together",
        concerns: &["pores"],
        downtime: "few_days",
        yes: &["infection", "retinoids"],
        result: "talk_first",
        reasons: &["A recent skin infection"],
        treatments: &[],
        alternatives: &[],
        notes: &["Retinoids or exfoliating acids: pause them 3–5 days"],
    },
    Case {
        name: "retinoids only is preparation, not a refusal",
        concerns: &["pores"],
        downtime: "few_days",
        yes: &["retinoids"],
        result: "good_fit",
        reasons: &["Enlarged pores"],
        treatments: &[],
        alternatives: &[],
        notes: &["Retinoids or exfoliating acids: pause them 3–5 days"],
    },
    Case {
        name: "sunburn only is preparation",
        concerns: &["scars"],
        downtime: "few_days",
        yes: &["sunburn"],
        result: "good_fit",
        reasons: &["Acne scars or marks"],
        treatments: &[],
        alternatives: &[],
        notes: &["Sunburn or irritated skin: wait"],
    },
    Case {
        name: "both preparation issues and no concern",
        concerns: &[],
        downtime: "few_days",
        yes: &["retinoids", "sunburn"],
        result: "good_fit",
        reasons: &["You did not pick a particular concern"],
        treatments: &[],
        alternatives: &[],
        notes: &["Retinoids", "Sunburn"],
    },
    Case {
        name: "acne scars alone",
        concerns: &["scars"],
        downtime: "few_days",
        yes: &[],
        result: "good_fit",
        reasons: &["Acne scars or marks"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "fine lines alone",
        concerns: &["lines"],
        downtime: "few_days",
        yes: &[],
        result: "good_fit",
        reasons: &["Fine lines"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "texture alone",
        concerns: &["texture"],
        downtime: "few_days",
        yes: &[],
        result: "good_fit",
        reasons: &["Rough texture or sun damage"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "pigmentation alone",
        concerns: &["pigmentation"],
        downtime: "few_days",
        yes: &[],
        result: "other_treatment",
        reasons: &["Uneven tone, pigmentation or dull skin"],
        treatments: &["Chemical Peels"],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "dullness alone",
        concerns: &["dullness"],
        downtime: "week",
        yes: &[],
        result: "other_treatment",
        reasons: &["Uneven tone, pigmentation or dull skin"],
        treatments: &["Chemical Peels"],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "sagging alone",
        concerns: &["sagging"],
        downtime: "few_days",
        yes: &[],
        result: "other_treatment",
        reasons: &["Mild sagging"],
        treatments: &["RF Skin Tightening"],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "pores but no downtime at all",
        concerns: &["pores"],
        downtime: "none",
        yes: &[],
        result: "other_treatment",
        reasons: &["You would like no downtime"],
        treatments: &["Microdermabrasion"],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "pores with about a day of downtime",
        concerns: &["pores"],
        downtime: "day",
        yes: &[],
        result: "good_fit",
        reasons: &["Enlarged pores"],
        treatments: &[],
        alternatives: &[],
        notes: &["Redness, mild swelling and sensitivity are common for 24–72 hours"],
    },
    Case {
        name: "pores with a week of downtime",
        concerns: &["pores", "lines"],
        downtime: "week",
        yes: &[],
        result: "good_fit",
        reasons: &["Enlarged pores", "Fine lines"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "no concerns at all",
        concerns: &[],
        downtime: "few_days",
        yes: &[],
        result: "good_fit",
        reasons: &["You did not pick a particular concern"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "pores and pigmentation",
        concerns: &["pores", "pigmentation"],
        downtime: "few_days",
        yes: &[],
        result: "good_fit",
        reasons: &["Enlarged pores"],
        treatments: &[],
        alternatives: &["Chemical Peels"],
        notes: &[],
    },
    Case {
        name: "pigmentation and sagging",
        concerns: &["pigmentation", "sagging"],
        downtime: "few_days",
        yes: &[],
        result: "other_treatment",
        reasons: &["Uneven tone", "Mild sagging"],
        treatments: &["Chemical Peels", "RF Skin Tightening"],
        alternatives: &[],
        notes: &[],
    },
    Case {
        name: "pregnant and wanting peels' goal",
        concerns: &["pigmentation"],
        downtime: "few_days",
        yes: &["pregnant"],
        result: "talk_first",
        reasons: &["Pregnancy"],
        treatments: &[],
        alternatives: &[],
        notes: &[],
    },
];

fn starts_all(actual: &[&str], expected: &[&str]) -> bool {
    actual.len() == expected.len() && actual.iter().zip(expected).all(|(a, e)| a.starts_with(e))
}

#[test]
fn each_case_gets_its_result_and_reasons() {
    let q = questionnaire();
    assert!(CASES.len() >= 15);
    for case in CASES {
        let outcome = evaluate(&q, &answers(&q, case.concerns, case.downtime, case.yes))
            .unwrap_or_else(|| panic!("{}: no result", case.name));
        assert_eq!(outcome.result.id, case.result, "{}", case.name);
        assert!(
            starts_all(&outcome.reasons, case.reasons),
            "{}: reasons {:?}",
            case.name,
            outcome.reasons
        );
        assert_eq!(outcome.treatments, case.treatments, "{}", case.name);
        let alternatives: Vec<&str> = outcome.alternatives.iter().map(|(t, _)| *t).collect();
        assert_eq!(alternatives, case.alternatives, "{}", case.name);
        assert!(
            outcome
                .alternatives
                .iter()
                .all(|(_, reason)| !reason.is_empty())
        );
        assert!(
            starts_all(&outcome.notes, case.notes),
            "{}: notes {:?}",
            case.name,
            outcome.notes
        );
    }
}

#[test]
fn every_possible_set_of_answers_gets_exactly_one_result_and_safety_comes_first() {
    let q = questionnaire();
    let contraindications: Vec<(usize, usize)> = CONTRAINDICATIONS
        .iter()
        .map(|id| index_of(&q, id, "yes"))
        .collect();
    let mut count = 0;
    let mut seen = std::collections::BTreeSet::new();
    let all = for_each_answer_set(&q, 1 << 20, |answers| {
        count += 1;
        let outcome = evaluate(&q, answers).expect("a result for every set of answers");
        assert!(!outcome.reasons.is_empty(), "a result always says why");
        let unsafe_answer = contraindications
            .iter()
            .any(|&(qi, oi)| answers.is_chosen(qi, oi));
        assert_eq!(
            outcome.result.id == "talk_first",
            unsafe_answer,
            "talk first exactly when a safety answer applies: {answers:?}"
        );
        seen.insert(outcome.result.id.clone());
    });
    assert!(all);
    // 2^7 concern sets x 4 downtimes x 2^7 yes/no answers.
    assert_eq!(count, 128 * 4 * 128);
    assert_eq!(seen.len(), q.results.len(), "every result is reachable");
}
