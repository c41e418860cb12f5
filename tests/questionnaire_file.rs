//! Checking `questionnaire.toml`: each kind of mistake gives `line: message`, and a broken
//! file falls back to the built-in questionnaire.

mod common;

use kiosk::content::Issue;
use kiosk::questionnaire::parse;

/// A small questionnaire that checks clean; each test breaks one thing in it.
const GOOD: &str = r#"title = "Right for me?"
intro = "Intro"
disclaimer = "Not medical advice."

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

[[rule]]
when = ["concerns.pores", "concerns.tone"]
result = "good_fit"
reason = "Pores or tone."

[[rule]]
otherwise = true
result = "good_fit"
reason = "No concern."
"#;

fn line_of(text: &str, needle: &str) -> usize {
    1 + text.lines().position(|l| l.contains(needle)).expect(needle)
}

fn issues_for(text: &str) -> Vec<Issue> {
    parse(text).expect_err("the broken file must not check clean")
}

#[test]
fn the_fixture_itself_checks_clean() {
    let q = parse(GOOD).unwrap();
    assert_eq!(q.questions.len(), 2);
    assert_eq!(q.rules.len(), 3);
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

const PREGNANCY_RULE: &str =
    "[[rule]]\nwhen = [\"pregnant.yes\"]\nresult = \"talk_first\"\nreason = \"Pregnancy.\"\n\n";

#[test]
fn a_rule_that_can_never_decide_leaves_its_result_unreachable() {
    // A rule above it that matches everybody: nobody would be told to talk first.
    let catch_all = "[[rule]]\nwhen = [\"pregnant.yes\", \"pregnant.no\"]\nresult = \"good_fit\"\nreason = \"All.\"\n\n";
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
    let text = GOOD.replace(
        "[[rule]]\notherwise = true\nresult = \"good_fit\"\nreason = \"No concern.\"\n",
        "",
    );
    assert_eq!(
        issues_for(&text),
        [Issue::new(
            1,
            "some answers lead to no result: end the rules with an `otherwise = true` rule"
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

#[test]
fn a_treatment_missing_from_the_comparison_is_reported() {
    let dir = common::content_copy();
    let path = dir.path().join("en/questionnaire.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let text = original.replace(
        "treatment = \"Microdermabrasion\"",
        "treatment = \"Dermaplaning\"",
    );
    std::fs::write(&path, &text).unwrap();
    let loaded = common::load_folder(dir.path());
    let rule_line = line_of(&text, "downtime.none\"]") - 1;
    assert_eq!(
        loaded
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [format!(
            "{}:{rule_line}: treatment `Dermaplaning` is not a row of the comparison table (compare.md), so its details cannot be shown",
            path.display()
        )]
    );
}

#[test]
fn the_booking_address_in_the_shipped_content_makes_a_qr_code_that_reads_back() {
    let url = common::load_shipped().content.clinic.booking_url;
    let image = kiosk::qr::encode(&url).unwrap();
    let (size, pixels) = image.to_grey(8);
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| pixels[y * size + x]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].decode().unwrap().1, url);
}
