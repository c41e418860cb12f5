//! The shipped questionnaire's rules, case by case (what each visitor is told), and over
//! every possible set of answers, in both languages.

mod common;

use kiosk::content::Content;
use kiosk::questionnaire::{
    Answers, Outcome, Questionnaire, Role, Section, check_every_answer_set, evaluate,
    for_each_answer_set,
};

fn english() -> Content {
    common::load_shipped().content
}

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

/// One visitor's answers: every checklist answered ("None of these" where nothing is
/// listed), "Mild to moderate" unless `severity` says otherwise.
struct Case {
    concerns: &'static [&'static str],
    severity: &'static str,
    downtime: &'static str,
    cautions: &'static [&'static str],
    preparation: &'static [&'static str],
    result: &'static str,
    /// Treatments named for the concerns, in the comparison's order.
    treatments: &'static [&'static str],
    /// Words the result must say, and words it must not.
    says: &'static [&'static str],
    never: &'static [&'static str],
}

fn answers(q: &Questionnaire, case: &Case) -> Answers {
    let mut answers = Answers::default();
    let checklist = |answers: &mut Answers, question: &str, chosen: &[&str]| {
        let chosen = if chosen.is_empty() {
            &["none"][..]
        } else {
            chosen
        };
        for option in chosen {
            let (qi, oi) = index_of(q, question, option);
            answers.toggle(&q.questions[qi], qi, oi);
        }
    };
    let concerns = if case.concerns.is_empty() {
        &["unsure"][..]
    } else {
        case.concerns
    };
    checklist(&mut answers, "concerns", concerns);
    for (question, option) in [("severity", case.severity), ("downtime", case.downtime)] {
        let (qi, oi) = index_of(q, question, option);
        answers.choose(qi, oi);
    }
    checklist(&mut answers, "cautions", case.cautions);
    checklist(&mut answers, "preparation", case.preparation);
    answers
}

/// Everything the result says, as one text (what Listen would read, minus the card).
fn told(outcome: &Outcome<'_>, content: &Content) -> String {
    let s = &content.strings;
    let mut text = vec![outcome.result.title.clone(), outcome.result.intro.clone()];
    text.extend(outcome.reasons.iter().map(|r| r.to_string()));
    for concern in &outcome.concerns {
        text.push(format!(
            "{}: {}",
            concern.label,
            concern.treatments.join(", ")
        ));
    }
    for fit in &outcome.treatments {
        let fits = match fit.fits {
            Some(true) => "within",
            Some(false) => "longer",
            None => "",
        };
        text.push(format!(
            "{} {} {fits}",
            fit.treatment.name, fit.treatment.downtime
        ));
    }
    if !outcome.shortest.is_empty() {
        text.push(s.downtime_none_free.clone());
        text.extend(outcome.shortest.iter().map(|t| t.name.clone()));
    }
    for (_, points) in &outcome.expectations {
        text.extend(points.iter().cloned());
    }
    for (section, note) in &outcome.notes {
        text.push(format!("{section:?}: {note}"));
    }
    text.join("\n")
}

const CASES: &[Case] = &[
    // Finding 2: "Enlarged pores" + no downtime keeps pores, names microneedling, and says
    // honestly that nothing in the comparison is free of downtime.
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "none",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling"],
        says: &[
            "Enlarged pores: Microneedling",
            "None of the treatments in our comparison is free of downtime",
            "Microdermabrasion",
            "RF Skin Tightening",
            "1–3 days longer",
            "3–6 sessions",
            "not erased",
            "may not make pores smaller for everyone",
            "2–3 weeks",
            "Afterwards, redness, mild swelling and sensitivity are common for 24–72 hours",
        ],
        never: &["Before: Redness"],
    },
    // Finding 2, second half: sagging with no downtime is answered by RF, not by
    // microdermabrasion (which does not aim at sagging).
    Case {
        concerns: &["sagging"],
        severity: "mild",
        downtime: "none",
        cautions: &[],
        preparation: &[],
        result: "other_treatment",
        treatments: &["RF Skin Tightening"],
        says: &[
            "Mild sagging: RF Skin Tightening",
            "<1 day longer",
            "free of downtime",
        ],
        never: &["Microdermabrasion Up to", "You would like no downtime"],
    },
    // Finding 4: no concern is not "a good fit", and no downtime is weighed.
    Case {
        concerns: &[],
        severity: "unsure",
        downtime: "none",
        cautions: &[],
        preparation: &[],
        result: "look_together",
        treatments: &[],
        says: &["Let a provider look with you"],
        never: &[
            "good fit",
            "worth discussing",
            "3–6 sessions",
            "free of downtime",
        ],
    },
    // Finding 5: "About a day" no longer puts 24–72 hours under "Before a session": it is
    // said with what to expect from microneedling, as what comes afterwards.
    Case {
        concerns: &["lines"],
        severity: "mild",
        downtime: "day",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling"],
        says: &["Afterwards, redness, mild swelling and sensitivity are common for 24–72 hours"],
        never: &["Before: Afterwards", "Before: Redness"],
    },
    // Finding 3: the cautions the old questions never asked.
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "few_days",
        cautions: &["infection"],
        preparation: &[],
        result: "talk_first",
        treatments: &["Microneedling"],
        says: &["A skin infection", "Enlarged pores: Microneedling"],
        never: &[],
    },
    Case {
        concerns: &["scars"],
        severity: "mild",
        downtime: "week",
        cautions: &["skin_disease"],
        preparation: &[],
        result: "talk_first",
        treatments: &["Microneedling"],
        says: &["A skin disease"],
        never: &[],
    },
    Case {
        concerns: &["texture"],
        severity: "mild",
        downtime: "few_days",
        cautions: &["medical"],
        preparation: &[],
        result: "talk_first",
        treatments: &["Microneedling", "Microdermabrasion"],
        says: &[
            "medical condition that is not well controlled",
            "Rough texture: Microneedling, Microdermabrasion",
        ],
        never: &[],
    },
    // Finding 3, severity: the article's limit on deep pits is said.
    Case {
        concerns: &["scars"],
        severity: "severe",
        downtime: "week",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling"],
        says: &[
            "Know: Microneedling alone does not fix deep acne pits",
            "mild to moderate",
        ],
        never: &[],
    },
    // Each remaining caution alone, and two at once: every reason named.
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "few_days",
        cautions: &["active_skin"],
        preparation: &[],
        result: "talk_first",
        treatments: &["Microneedling"],
        says: &["Active acne, eczema, psoriasis, cold sores or open wounds"],
        never: &[],
    },
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "few_days",
        cautions: &["diabetes", "keloids"],
        preparation: &[],
        result: "talk_first",
        treatments: &["Microneedling"],
        says: &["Diabetes that is not well controlled", "Keloid scarring"],
        never: &[],
    },
    // A pregnant visitor with enlarged pores: talk first, pores still answered.
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "few_days",
        cautions: &["pregnant"],
        preparation: &[],
        result: "talk_first",
        treatments: &["Microneedling"],
        says: &[
            "Pregnancy: microneedling should wait",
            "Enlarged pores: Microneedling",
        ],
        never: &[],
    },
    Case {
        concerns: &[],
        severity: "unsure",
        downtime: "week",
        cautions: &["pregnant"],
        preparation: &[],
        result: "talk_first",
        treatments: &[],
        says: &["Pregnancy"],
        never: &["3–6 sessions"],
    },
    // Preparation notes sit before a session, whatever the result.
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "few_days",
        cautions: &[],
        preparation: &["retinoids", "sunburn"],
        result: "good_fit",
        treatments: &["Microneedling"],
        says: &[
            "Before: Retinoids or exfoliating acids: stop them 3–5 days",
            "Before: Sunburn",
        ],
        never: &[],
    },
    Case {
        concerns: &["sagging"],
        severity: "mild",
        downtime: "week",
        cautions: &["keloids"],
        preparation: &["retinoids"],
        result: "talk_first",
        treatments: &["RF Skin Tightening"],
        says: &["Keloid scarring", "Before: Retinoids"],
        never: &["Microneedling 1–3"],
    },
    // Goals microneedling does not aim at: the treatments that do, and only those.
    Case {
        concerns: &["pigmentation"],
        severity: "mild",
        downtime: "week",
        cautions: &[],
        preparation: &[],
        result: "other_treatment",
        treatments: &["Chemical Peels"],
        says: &[
            "Uneven tone or dark spots: Chemical Peels",
            "2–7 days within",
        ],
        never: &["3–6 sessions"],
    },
    Case {
        concerns: &["dullness"],
        severity: "mild",
        downtime: "few_days",
        cautions: &[],
        preparation: &[],
        result: "other_treatment",
        treatments: &["Chemical Peels", "Microdermabrasion"],
        says: &[
            "Dull skin: Chemical Peels, Microdermabrasion",
            "2–7 days longer",
            "Up to 1 day within",
        ],
        never: &[],
    },
    Case {
        concerns: &["pigmentation", "sagging"],
        severity: "mild",
        downtime: "day",
        cautions: &[],
        preparation: &[],
        result: "other_treatment",
        treatments: &["Chemical Peels", "RF Skin Tightening"],
        says: &[
            "Uneven tone or dark spots: Chemical Peels",
            "Mild sagging: RF Skin Tightening",
            "<1 day within",
        ],
        never: &["Microdermabrasion"],
    },
    // Mixed goals: every one answered, microneedling first where it aims.
    Case {
        concerns: &["pores", "pigmentation", "sagging"],
        severity: "mild",
        downtime: "few_days",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling", "Chemical Peels", "RF Skin Tightening"],
        says: &[
            "Enlarged pores: Microneedling",
            "Uneven tone or dark spots: Chemical Peels",
            "Mild sagging: RF Skin Tightening",
        ],
        never: &[],
    },
    Case {
        concerns: &[
            "pores",
            "scars",
            "lines",
            "texture",
            "pigmentation",
            "dullness",
            "sagging",
        ],
        severity: "unsure",
        downtime: "week",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &[
            "Microneedling",
            "Chemical Peels",
            "Microdermabrasion",
            "RF Skin Tightening",
        ],
        says: &["Fine lines: Microneedling", "1–3 days within"],
        never: &["longer than"],
    },
    Case {
        concerns: &["texture"],
        severity: "mild",
        downtime: "day",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling", "Microdermabrasion"],
        says: &[
            "Microneedling 1–3 days longer",
            "Microdermabrasion Up to 1 day within",
        ],
        never: &["free of downtime"],
    },
    Case {
        concerns: &["lines", "dullness"],
        severity: "severe",
        downtime: "none",
        cautions: &[],
        preparation: &["sunburn"],
        result: "good_fit",
        treatments: &["Microneedling", "Chemical Peels", "Microdermabrasion"],
        says: &[
            "free of downtime",
            "Know: Microneedling alone",
            "Before: Sunburn",
            "Afterwards, redness",
        ],
        never: &[],
    },
];

#[test]
fn each_visitor_is_told_what_their_answers_call_for() {
    let content = english();
    let q = &content.questionnaire;
    assert!(CASES.len() >= 20);
    for (n, case) in CASES.iter().enumerate() {
        let outcome = evaluate(q, &answers(q, case)).expect("a result");
        let text = told(&outcome, &content);
        assert_eq!(outcome.result.id, case.result, "case {n}:\n{text}");
        let names: Vec<&str> = outcome
            .treatments
            .iter()
            .map(|t| t.treatment.name.as_str())
            .collect();
        assert_eq!(names, case.treatments, "case {n}:\n{text}");
        for words in case.says {
            assert!(
                text.contains(words),
                "case {n} should say {words:?}:\n{text}"
            );
        }
        for words in case.never {
            assert!(
                !text.contains(words),
                "case {n} must not say {words:?}:\n{text}"
            );
        }
        if std::env::var_os("PRINT_CASES").is_some() {
            println!(
                "| {} | {} | {} | {} | {} | {} | {} |",
                case.concerns.join(", "),
                case.severity,
                case.downtime,
                case.cautions.join(", "),
                case.preparation.join(", "),
                outcome.result.title,
                text.replace('\n', " / ")
            );
        }
    }
}

/// Every set of answers a visitor can give, in every language: one result; every chosen
/// concern named with exactly the treatments whose goals mention it; no treatment named
/// for a goal its row does not list; a caution always leads to "talk first", naming it;
/// microneedling's expectations exactly when it answers a concern; notes in their section.
#[test]
fn every_possible_set_of_answers_is_answered_honestly() {
    let loaded = common::load_shipped();
    for index in 0..loaded.language_count() {
        let content = loaded.language(index);
        let q = &content.questionnaire;
        assert_eq!(
            check_every_answer_set(q),
            [],
            "{}",
            loaded.language_code(index)
        );
        let goals_column = content
            .compare
            .columns
            .iter()
            .position(|c| c == &q.columns.goals)
            .unwrap();
        let mut seen = std::collections::BTreeSet::new();
        let mut count = 0;
        let all = for_each_answer_set(q, 1 << 24, |answers| {
            count += 1;
            let outcome = evaluate(q, answers).expect("every answer set has a result");
            seen.insert(outcome.result_index);
            let mut concerns = outcome.concerns.iter();
            let mut caution = false;
            for (qi, question) in q.questions.iter().enumerate() {
                for (oi, option) in question.options.iter().enumerate() {
                    if !answers.is_chosen(qi, oi) {
                        continue;
                    }
                    match &option.role {
                        Role::Concern { goals, .. } => {
                            let answer = concerns.next().expect("every chosen concern answered");
                            assert_eq!(answer.label, option.label);
                            assert!(!answer.treatments.is_empty());
                            for name in &answer.treatments {
                                let row = content.compare.row(name).unwrap();
                                let cell = row[goals_column].to_lowercase();
                                assert!(goals.iter().any(|g| cell.contains(&g.to_lowercase())));
                            }
                        }
                        Role::Caution { .. } => caution = true,
                        _ => {}
                    }
                }
            }
            assert!(concerns.next().is_none());
            assert_eq!(outcome.result.id == "talk_first", caution);
            if caution {
                assert!(!outcome.reasons.is_empty(), "a caution is named");
            }
            assert!(outcome.shortest.is_empty() || !outcome.treatments.is_empty());
            let microneedling = outcome
                .treatments
                .iter()
                .any(|t| t.treatment.name == "Microneedling");
            assert_eq!(!outcome.expectations.is_empty(), microneedling);
            assert!(outcome.notes.windows(2).all(|w| w[0].0 <= w[1].0));
            assert!(
                outcome
                    .notes
                    .iter()
                    .all(|(s, _)| matches!(s, Section::Before | Section::After | Section::Know))
            );
        });
        assert!(all);
        // 128 concern sets (127 non-empty sets of the seven concerns, or "Not sure yet") x 3
        // severities x 4 downtimes x 128 caution sets x 4 preparation sets.
        assert_eq!(count, 128 * 3 * 4 * 128 * 4);
        assert_eq!(seen.len(), q.results.len(), "every result is reachable");
    }
}

#[test]
fn a_visitor_with_nothing_to_report_answers_in_five_screens() {
    let q = english().questionnaire;
    assert!(q.questions.len() <= 5, "{} screens", q.questions.len());
}
