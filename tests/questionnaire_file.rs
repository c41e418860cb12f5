//! Checking `questionnaire.toml`: each kind of mistake gives `line: message`, a broken
//! file falls back to the built-in questionnaire, and what it says about the comparison
//! and the guide's cautions is checked against those files.

mod common;

use kiosk::content::Issue;
use kiosk::questionnaire::{check_every_answer_set, parse};

/// A small questionnaire that checks clean; each test breaks one thing in it.
const GOOD: &str = r#"title = "Right for me?"
intro = "Intro"
disclaimer = "Not medical advice."

[columns]
goals = "Main goals"
downtime = "Downtime"

[[question]]
id = "concerns"
text = "What bothers you?"
multiple = true
options = [
  { id = "pores", label = "Pores" },
  { id = "tone", label = "Tone" },
]

[[question]]
id = "pregnant"
text = "Pregnant?"
options = [
  { id = "yes", label = "Yes" },
  { id = "no", label = "No", neutral = true },
]

[[result]]
id = "talk_first"
title = "Talk first"
intro = "Talk first."

[[result]]
id = "good_fit"
title = "Good fit"
intro = "Good fit."

[[rule]]
when = ["pregnant.yes"]
result = "talk_first"
reason = "Pregnancy."
source = "guide/07-who-should-wait.md"
words = "Pregnancy"

[[rule]]
when = ["concerns.pores", "concerns.tone"]
result = "good_fit"
reason = "Pores or tone."
source = "compare.md"
words = "Pore"

[[rule]]
otherwise = true
result = "good_fit"
"#;

/// Parses, then tries every set of answers, as `--check` does.
fn check(text: &str) -> Vec<Issue> {
    match parse(text) {
        Ok(questionnaire) => check_every_answer_set(&questionnaire),
        Err(issues) => issues,
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    1 + text.lines().position(|l| l.contains(needle)).expect(needle)
}

fn issues_for(text: &str) -> Vec<Issue> {
    let issues = check(text);
    assert!(!issues.is_empty(), "the broken file must not check clean");
    issues
}

#[test]
fn the_fixture_itself_checks_clean() {
    assert_eq!(check(GOOD), []);
    let q = parse(GOOD).unwrap();
    assert_eq!(
        (q.questions.len(), q.results.len(), q.rules.len()),
        (2, 2, 3)
    );
}

#[test]
fn a_reason_without_its_source_is_reported_at_its_rule() {
    let text = GOOD.replacen("source = \"guide/07-who-should-wait.md\"\n", "", 1);
    let issues = issues_for(&text);
    assert_eq!(issues[0].line, line_of(&text, "pregnant.yes") - 1);
    assert!(
        issues[0].message.starts_with("say where this comes from"),
        "{issues:?}"
    );
}

#[test]
fn a_rule_naming_an_unknown_question_is_reported_at_the_rule() {
    let text = GOOD.replace(r#"when = ["pregnant.yes"]"#, r#"when = ["pregnancy.yes"]"#);
    assert_eq!(
        issues_for(&text)[0],
        Issue::new(
            line_of(&text, "pregnancy.yes") - 1,
            "`pregnancy.yes` names a question `pregnancy` that does not exist"
        )
    );
}

#[test]
fn a_rule_naming_an_unknown_option_is_reported() {
    let text = GOOD.replace(r#""concerns.tone"]"#, r#""concerns.tones"]"#);
    let issues = issues_for(&text);
    assert_eq!(
        issues[0],
        Issue::new(
            line_of(&text, "concerns.tones") - 1,
            "`concerns.tones`: question `concerns` has no option `tones`"
        )
    );
}

#[test]
fn a_rule_naming_an_unknown_result_is_reported() {
    let text = GOOD.replace(r#"result = "talk_first""#, r#"result = "talk""#);
    let issues = issues_for(&text);
    assert_eq!(issues[0].message, "no result has the id `talk`");
    assert_eq!(issues[0].line, line_of(&text, "pregnant.yes") - 1);
}

#[test]
fn a_question_nobody_can_answer_is_reported() {
    let text = GOOD.replace(
        "options = [\n  { id = \"yes\", label = \"Yes\" },\n  { id = \"no\", label = \"No\", neutral = true },\n]",
        "options = []",
    );
    let issues = issues_for(&text);
    assert_eq!(
        issues[0],
        Issue::new(
            line_of(&text, "id = \"pregnant\"") - 1,
            "question `pregnant` has no options, so nobody can answer it"
        )
    );
}

#[test]
fn an_option_that_leads_nowhere_is_reported_at_the_option() {
    let text = GOOD.replace(
        r#"{ id = "no", label = "No", neutral = true }"#,
        r#"{ id = "no", label = "No" }"#,
    );
    let issues = issues_for(&text);
    assert_eq!(
        issues,
        [Issue::new(
            line_of(&text, r#"{ id = "no""#),
            "option `pregnant.no` is used by no rule, so choosing it changes nothing; add a rule for it or mark it `neutral = true`"
        )]
    );
}

#[test]
fn a_result_no_answers_reach_is_reported_at_the_result() {
    let text = GOOD.replace(
        "[[result]]\nid = \"good_fit\"",
        "[[result]]\nid = \"unused\"\ntitle = \"U\"\nintro = \"U\"\n\n[[result]]\nid = \"good_fit\"",
    );
    let issues = issues_for(&text);
    assert_eq!(
        issues,
        [Issue::new(
            line_of(&text, "id = \"unused\"") - 1,
            "no set of answers reaches the result `unused`"
        )]
    );
}

const PREGNANCY_RULE: &str = "[[rule]]\nwhen = [\"pregnant.yes\"]\nresult = \"talk_first\"\nreason = \"Pregnancy.\"\nsource = \"guide/07-who-should-wait.md\"\nwords = \"Pregnancy\"\n\n";

#[test]
fn a_rule_that_can_never_decide_leaves_its_result_unreachable() {
    // A rule above it that matches everybody: nobody would be told to talk first.
    let catch_all =
        "[[rule]]\nwhen = [\"pregnant.yes\", \"pregnant.no\"]\nresult = \"good_fit\"\n\n";
    let text = GOOD.replace(PREGNANCY_RULE, &format!("{catch_all}{PREGNANCY_RULE}"));
    assert_eq!(
        issues_for(&text),
        [Issue::new(
            line_of(&text, "id = \"talk_first\"") - 1,
            "no set of answers reaches the result `talk_first`"
        )]
    );
}

#[test]
fn an_otherwise_rule_above_other_rules_is_reported() {
    let text = GOOD.replace(PREGNANCY_RULE, "") + "\n" + PREGNANCY_RULE;
    assert_eq!(
        issues_for(&text),
        [Issue::new(
            line_of(&text, "otherwise = true") - 1,
            "the `otherwise = true` rule must be the last rule: rules below it would never decide"
        )]
    );
}

#[test]
fn answers_that_reach_no_result_are_reported() {
    let text = GOOD.replace("[[rule]]\notherwise = true\nresult = \"good_fit\"\n", "");
    assert_eq!(
        issues_for(&text),
        [Issue::new(
            1,
            "some answers would lead to no result: end the rules with an `otherwise = true` rule"
        )]
    );
}

#[test]
fn an_unknown_key_is_reported_at_its_line() {
    let text = GOOD.replace("multiple = true", "multiple = true\ncolour = \"red\"");
    let issues = issues_for(&text);
    assert_eq!(issues[0].line, line_of(&text, "colour"));
    assert!(
        issues[0].message.contains("unknown field `colour`"),
        "{issues:?}"
    );
}

#[test]
fn a_broken_questionnaire_falls_back_to_the_built_in_one() {
    let dir = common::content_copy();
    let path = dir.path().join("en/questionnaire.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        original.replace("result = \"talk_first\"", "result = \"talk\""),
    )
    .unwrap();
    let loaded = common::load_folder(dir.path());
    let lines: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(
        lines[0].ends_with(": no result has the id `talk`"),
        "{lines:?}"
    );
    assert!(
        lines
            .last()
            .unwrap()
            .ends_with("the kiosk shows the built-in version of this file")
    );
    assert_eq!(
        loaded.content.questionnaire,
        common::load_shipped().content.questionnaire
    );
}

/// The shipped content with `change` made to one of its files, loaded: the problems.
fn problems_after(file: &str, change: impl Fn(&str) -> String) -> (Vec<String>, String) {
    let dir = common::content_copy();
    let path = dir.path().join(file);
    let text = change(&std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &text).unwrap();
    let loaded = common::load_folder(dir.path());
    let problems = loaded
        .problems
        .iter()
        .map(|p| {
            p.to_string()
                .replace(&format!("{}/", dir.path().display()), "")
        })
        .collect();
    (problems, text)
}

#[test]
fn a_treatment_missing_from_the_comparison_is_reported() {
    let (problems, text) = problems_after("en/questionnaire.toml", |t| {
        t.replace("name = \"Microneedling\"", "name = \"Dermaplaning\"")
    });
    let line = line_of(&text, "Dermaplaning") - 1;
    assert_eq!(
        problems,
        [format!(
            "en/questionnaire.toml:{line}: `Dermaplaning` is not a treatment of the comparison (compare.md)"
        )]
    );
}

#[test]
fn a_concern_no_treatment_aims_at_is_reported_at_its_option() {
    let (problems, text) = problems_after("en/questionnaire.toml", |t| {
        t.replace("goals = [\"tightening\"]", "goals = [\"lifting\"]")
    });
    let line = line_of(&text, "\"lifting\"");
    assert_eq!(
        problems,
        [format!(
            "en/questionnaire.toml:{line}: no treatment's `Main goals` in compare.md mentions \"lifting\""
        )]
    );
}

#[test]
fn a_caution_added_to_the_guide_without_a_question_is_reported_at_its_bullet() {
    let page = "en/guide/07-who-should-wait.md";
    let (problems, text) = problems_after(page, |t| {
        t.replacen("\n- ", "\n- Blood-thinning medicines\n- ", 1)
    });
    let line = line_of(&text, "Blood-thinning");
    assert_eq!(
        problems,
        [format!(
            "{page}:{line}: this caution is asked by no question of questionnaire.toml: add an option with `guide = \"…\"` (words of this line) to its cautions checklist"
        )]
    );
}

#[test]
fn a_caution_the_guide_no_longer_names_is_reported_at_its_option() {
    let (problems, text) = problems_after("en/questionnaire.toml", |t| {
        t.replace("guide = \"keloid\"", "guide = \"keloids of the ear\"")
    });
    let line = line_of(&text, "keloids of the ear");
    let page = "en/guide/07-who-should-wait.md";
    let bullet = line_of(
        &std::fs::read_to_string(common::shipped_content().join(page)).unwrap(),
        "keloid",
    );
    assert_eq!(
        problems,
        [
            format!(
                "{page}:{bullet}: this caution is asked by no question of questionnaire.toml: add an option with `guide = \"…\"` (words of this line) to its cautions checklist"
            ),
            format!(
                "en/questionnaire.toml:{line}: `guide = \"keloids of the ear\"`: no bullet of guide/07-who-should-wait.md has these words"
            ),
        ]
    );
}

#[test]
fn a_downtime_without_a_number_is_reported_at_its_row() {
    let (problems, text) =
        problems_after("en/compare.md", |t| t.replace("Up to 1 day", "Very little"));
    let line = line_of(&text, "Very little");
    assert!(
        problems.contains(&format!(
            "en/compare.md:{line}: the downtime of Microdermabrasion has no number of days, so the questionnaire cannot compare it"
        )),
        "{problems:?}"
    );
}

#[test]
fn a_result_that_offers_a_treatment_for_goals_it_neither_aims_at_nor_helps_is_reported() {
    for language in ["en", "es"] {
        let dir = common::content_copy();
        let path = dir.path().join(language).join("questionnaire.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        // Without the guide's sentence on sagging, sagging alone still reaches "worth
        // discussing", which offers microneedling.
        let text: String = text
            .lines()
            .filter(|l| !l.contains("concern = \"concerns.sagging\""))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&path, &text).unwrap();
        let loaded = common::load_folder(dir.path());
        assert_eq!(loaded.problems, []);
        let index = loaded.language_index(language).unwrap();
        let issues = check_every_answer_set(&loaded.language(index).questionnaire);
        let line = line_of(&text, "id = \"good_fit\"") - 1;
        assert_eq!(
            issues,
            [Issue::new(
                line,
                "the result `good_fit` offers Microneedling, but some answers that reach it choose no concern Microneedling aims at in the comparison or helps in the guide"
            )]
        );
    }
}

/// A citation whose words are no longer on its page (the page was edited, or the claim
/// was) is reported at the citation, in every language.
#[test]
fn a_claim_whose_words_are_not_on_its_page_is_reported_at_its_line() {
    for (language, words) in [("en", "a better skin tone"), ("es", "con un mejor tono")] {
        let file = format!("{language}/questionnaire.toml");
        let (problems, text) = problems_after(&file, |t| {
            t.replace(
                &format!("words = \"{words}\""),
                &format!("words = \"{words} and less acne\""),
            )
        });
        let line = line_of(&text, "and less acne");
        assert_eq!(
            problems,
            [format!(
                "{file}:{line}: `words = \"{words} and less acne\"` are not in any one card of guide/03-benefits.md: the source must say it in these words"
            )]
        );
    }
    // The page changed instead: the claim that rested on it is reported.
    let (problems, text) = problems_after("en/guide/05-sessions.md", |t| {
        t.replace("**3–6 sessions**", "**3–8 sessions**")
    });
    assert!(text.contains("3–8 sessions"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("en/questionnaire.toml:")
            && problems[0].contains("mild to moderate concerns need 3–6 sessions"),
        "{problems:?}"
    );
}

#[test]
fn a_qr_code_made_for_a_booking_address_reads_back() {
    let url = "https://elite-chicago-facials.test/book-microneedling";
    let image = kiosk::qr::encode(url).unwrap();
    let (size, pixels) = image.to_grey(8);
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| pixels[y * size + x]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].decode().unwrap().1, url);
}
