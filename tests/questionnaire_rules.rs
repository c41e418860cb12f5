//! The shipped questionnaire's rules, case by case (what each visitor is told), and over
//! every possible set of answers, in both languages.

mod common;

use kiosk::content::Content;
use kiosk::content::place::locate;
use kiosk::questionnaire::{
    Answers, Outcome, Questionnaire, Role, Section, check_every_answer_set, evaluate,
    for_each_answer_set,
};
use kiosk::ui::questionnaire::result_parts;

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

/// Everything the result says, card by card, as the screen shows and Listen reads it
/// (minus the consultation card and the comparison's rows): one line each.
fn told(outcome: &Outcome<'_>, content: &Content) -> String {
    let mut text = vec![outcome.result.title.clone(), outcome.result.intro.clone()];
    for part in result_parts(content, outcome) {
        text.push(format!("## {}", part.heading));
        text.extend(part.lines.into_iter().map(|line| line.text));
    }
    text.join("\n")
}

const CASES: &[Case] = &[
    // Finding 1: tone, dullness and sagging are not sent away from microneedling: the
    // table's treatments aim at them, and the guide says microneedling can also help.
    Case {
        concerns: &["pigmentation"],
        severity: "mild",
        downtime: "week",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling", "Chemical Peels"],
        says: &[
            "Uneven tone or dark spots: Chemical Peels aims at this.",
            "microneedling can also give a better skin tone",
            "Chemical Peels: 2–7 days in our comparison, within what you would accept",
        ],
        never: &["does not aim at the goals you chose", "Another treatment"],
    },
    Case {
        concerns: &["dullness"],
        severity: "mild",
        downtime: "few_days",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling", "Chemical Peels", "Microdermabrasion"],
        says: &[
            "Dull skin: Chemical Peels and Microdermabrasion aim at this.",
            "microneedling can also give smoother, brighter skin",
            "Chemical Peels: 2–7 days in our comparison, which can be more than you would accept",
            "Microdermabrasion: Up to 1 day in our comparison, within what you would accept",
        ],
        never: &["does not aim"],
    },
    Case {
        concerns: &["sagging"],
        severity: "mild",
        downtime: "none",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling", "RF Skin Tightening"],
        says: &[
            "Mild sagging: RF Skin Tightening aims at this.",
            "People also choose microneedling for slight sagging",
            // Finding 3: downtime in the table's own words, no claim it does not make.
            "You would accept: None at all.",
            "RF Skin Tightening: <1 day in our comparison, which can be more than you would accept",
            "Microneedling: 1–3 days in our comparison, more than you would accept",
        ],
        never: &["free of downtime", "Microdermabrasion"],
    },
    Case {
        concerns: &["pigmentation", "sagging"],
        severity: "mild",
        downtime: "day",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling", "Chemical Peels", "RF Skin Tightening"],
        says: &[
            "Uneven tone or dark spots: Chemical Peels aims at this.",
            "Mild sagging: RF Skin Tightening aims at this.",
            "RF Skin Tightening: <1 day in our comparison, within what you would accept",
            "Microneedling: 1–3 days in our comparison, which can be more",
        ],
        never: &["Microdermabrasion"],
    },
    // Finding 3: "None at all" is set against each cell as the table words it.
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "none",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling"],
        says: &[
            "Enlarged pores: Microneedling aims at this.",
            "Microneedling: 1–3 days in our comparison, more than you would accept",
            // Finding 4: both timings, and the aftercare that makes up the downtime.
            "first change is often visible after 2–3 weeks",
            "less obvious within 4–8 weeks",
            "## After a session",
            "Skip makeup and sunscreen for at least 24 hours",
            "For 1–2 days, avoid hard exercise, saunas, swimming and hot showers",
            "Stay out of direct sun",
            "1–2 times a year",
        ],
        never: &["free of downtime", "The shortest"],
    },
    // Finding 2: "Talk with a provider first" settles nothing: reasons first, goals as
    // what to ask about, no downtime verdict, no session plan, no aftercare.
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
            "## Your goals: what to ask a provider about",
            "Enlarged pores: Microneedling aims at this.",
        ],
        never: &[
            "## Downtime",
            "within what you would accept",
            "3–6 sessions",
            "What to expect",
            "## After a session",
        ],
    },
    Case {
        concerns: &["pores"],
        severity: "mild",
        downtime: "few_days",
        cautions: &["infection"],
        preparation: &[],
        result: "talk_first",
        treatments: &["Microneedling"],
        says: &["A skin infection: wait until a professional clears you"],
        never: &["## Downtime", "3–6 sessions"],
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
        never: &["## Downtime"],
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
            "Rough texture: Microneedling and Microdermabrasion aim at this.",
        ],
        never: &["## Downtime"],
    },
    // Finding 5: a severe concern leads with the article's limit.
    Case {
        concerns: &["scars"],
        severity: "severe",
        downtime: "week",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling"],
        says: &[
            "## Know this first\nMicroneedling alone does not fix deep acne pits",
            "mild to moderate concerns need 3–6 sessions",
        ],
        never: &["## Good to know"],
    },
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
    Case {
        concerns: &[],
        severity: "unsure",
        downtime: "week",
        cautions: &["pregnant"],
        preparation: &[],
        result: "talk_first",
        treatments: &[],
        says: &["Pregnancy"],
        never: &["3–6 sessions", "## Downtime"],
    },
    // No concern is not "worth discussing", and no downtime is weighed.
    Case {
        concerns: &[],
        severity: "unsure",
        downtime: "none",
        cautions: &[],
        preparation: &[],
        result: "look_together",
        treatments: &[],
        says: &["Let a provider look with you"],
        never: &["worth discussing", "3–6 sessions", "## Downtime"],
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
            "## Before a session\nRetinoids or exfoliating acids: stop them 3–5 days",
            "Sunburn or irritated skin",
            "Microneedling: 1–3 days in our comparison, within what you would accept",
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
        treatments: &["Microneedling", "RF Skin Tightening"],
        says: &["Keloid scarring", "Retinoids", "slight sagging"],
        never: &["Microneedling: 1–3", "## Downtime"],
    },
    Case {
        concerns: &["lines"],
        severity: "mild",
        downtime: "day",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling"],
        says: &[
            "Fine lines: Microneedling aims at this.",
            "Afterwards, redness, mild swelling and sensitivity are common for 24–72 hours",
        ],
        never: &["## Before a session"],
    },
    Case {
        concerns: &["pores", "pigmentation", "sagging"],
        severity: "mild",
        downtime: "few_days",
        cautions: &[],
        preparation: &[],
        result: "good_fit",
        treatments: &["Microneedling", "Chemical Peels", "RF Skin Tightening"],
        says: &[
            "Enlarged pores: Microneedling aims at this.",
            "Uneven tone or dark spots: Chemical Peels aims at this.",
            "Mild sagging: RF Skin Tightening aims at this.",
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
        says: &[
            "Fine lines: Microneedling aims at this.",
            "1–3 days in our comparison, within",
        ],
        never: &["more than you would accept"],
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
            "Microneedling: 1–3 days in our comparison, which can be more",
            "Microdermabrasion: Up to 1 day in our comparison, within",
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
            "## Know this first",
            "## Before a session\nSunburn",
            "Afterwards, redness",
            "Microdermabrasion: Up to 1 day in our comparison, which can be more",
        ],
        never: &["free of downtime"],
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
        // Finding 5: the article's limit leads, before anything but the reasons.
        let first_card = text.lines().find(|l| {
            l.starts_with("## ") && *l != format!("## {}", content.strings.reasons_heading)
        });
        if case.severity == "severe" {
            assert_eq!(
                first_card,
                Some(format!("## {}", content.strings.notes_first).as_str()),
                "case {n}:\n{text}"
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
/// concern answered, in the order asked; a treatment named for a concern only when its
/// row's goals mention it or a cited sentence of the guide says it helps; a caution always
/// leads to "talk first", naming it, with nothing that reads as a plan; the article's
/// limit first for a severe concern; expectations and aftercare exactly when a planning
/// result names microneedling.
#[test]
#[ignore = "long: cargo test -- --include-ignored (CI runs it)"]
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
        let microneedling = &content.compare.rows[0][0];
        // What the guide supports for each concern, found once from the treatments' own
        // notes, each citation located: the walk below compares every answer with it.
        let mut supported_helps = std::collections::HashMap::new();
        for (qi, question) in q.questions.iter().enumerate() {
            for oi in 0..question.options.len() {
                let mut helps = Vec::new();
                for row in &content.compare.rows {
                    let Some(notes) = q.notes_of(&row[0]) else {
                        continue;
                    };
                    for help in notes.helps.iter().filter(|h| h.concern == (qi, oi)) {
                        let cited = &help.says.source;
                        let place = locate(
                            &cited.file,
                            &cited.words,
                            &content.guide,
                            &content.faq,
                            &content.compare,
                        );
                        assert!(place.is_ok(), "{place:?}");
                        helps.push((row[0].as_str(), &help.says));
                    }
                }
                supported_helps.insert((qi, oi), helps);
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut count = 0;
        let all = for_each_answer_set(q, 1 << 24, |answers| {
            count += 1;
            let outcome = evaluate(q, answers).expect("every answer set has a result");
            seen.insert(outcome.result_index);
            let mut concerns = outcome.concerns.iter();
            let (mut caution, mut severe) = (false, false);
            let mut microneedling_supported = false;
            for (qi, question) in q.questions.iter().enumerate() {
                for (oi, option) in question.options.iter().enumerate() {
                    if !answers.is_chosen(qi, oi) {
                        continue;
                    }
                    match &option.role {
                        Role::Concern { goals, .. } => {
                            let answer = concerns.next().expect("every chosen concern answered");
                            assert_eq!(answer.label, option.label);
                            assert!(!answer.aimed.is_empty() || !answer.helps.is_empty());
                            for name in &answer.aimed {
                                let row = content.compare.row(name).unwrap();
                                let cell = row[goals_column].to_lowercase();
                                assert!(goals.iter().any(|g| cell.contains(&g.to_lowercase())));
                            }
                            assert_eq!(answer.helps, supported_helps[&(qi, oi)]);
                            microneedling_supported |=
                                answer.aimed.contains(&microneedling.as_str())
                                    || answer.helps.iter().any(|(n, _)| n == microneedling);
                        }
                        Role::Caution { .. } => caution = true,
                        _ => severe |= question.id == "severity" && option.id == "severe",
                    }
                }
            }
            assert!(concerns.next().is_none());
            assert_eq!(outcome.result.id == "talk_first", caution);
            if caution {
                assert!(!outcome.reasons.is_empty(), "a caution is named");
            }
            if outcome.result.offers.is_some() {
                assert!(microneedling_supported, "offered only where supported");
            }
            let plan = outcome.result.plan;
            assert_eq!(plan, outcome.result.id == "good_fit");
            let has_after = outcome.notes.iter().any(|(s, _)| *s == Section::After);
            if plan {
                let named = outcome
                    .treatments
                    .iter()
                    .any(|t| &t.treatment.name == microneedling);
                assert_eq!(!outcome.expectations.is_empty(), named);
                assert_eq!(has_after, named);
                assert!(outcome.treatments.iter().all(|t| t.fit.is_some()));
                assert!(outcome.accepted.is_some());
            } else {
                assert!(outcome.expectations.is_empty() && !has_after);
                assert!(outcome.treatments.iter().all(|t| t.fit.is_none()));
                assert!(outcome.accepted.is_none());
            }
            let first = outcome.notes.iter().any(|(s, _)| *s == Section::First);
            assert_eq!(first, severe, "the article's limit comes first when severe");
            assert!(outcome.notes.windows(2).all(|w| w[0].0 <= w[1].0));
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
