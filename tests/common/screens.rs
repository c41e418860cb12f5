//! Every screen of the app, as a way to put the app on it.

use kiosk::app::KioskApp;
use kiosk::questionnaire::Answers;
use kiosk::staff::View;
use kiosk::ui::faq::Faq;
use kiosk::ui::guide::Guide;
use kiosk::ui::questionnaire::Questionnaire;
use kiosk::ui::screen::REGISTRY;

/// Options picked for one question: (question id, option ids).
type Picked = (&'static str, &'static [&'static str]);

/// A way to put the app on one screen.
pub type Setup = Box<dyn Fn(&mut KioskApp)>;

/// Opens the registry's screen `key`, fresh, as a tap on its door would.
pub fn open(app: &mut KioskApp, key: &str) {
    assert!(REGISTRY.iter().any(|k| k.key == key), "{key}");
    app.visitor.go(key);
}

/// Every screen but the idle warning (which needs time to pass), by name: each registry
/// screen, plus each page, question and result kind of the paged ones.
pub fn all(app: &KioskApp) -> Vec<(String, Setup)> {
    let content = app.content();
    let mut list: Vec<(String, Setup)> = Vec::new();
    for kind in REGISTRY {
        let key = kind.key;
        list.push((key.to_lowercase(), Box::new(move |app| open(app, key))));
    }
    for page in 1..content.guide.len() {
        list.push((
            format!("guide page {}", page + 1),
            Box::new(move |app: &mut KioskApp| {
                open(app, "Guide");
                app.visitor.screen_as::<Guide>().unwrap().page = page;
            }),
        ));
    }
    list.push((
        "guide contents".into(),
        Box::new(|app: &mut KioskApp| {
            open(app, "Guide");
            app.visitor.screen_as::<Guide>().unwrap().contents = true;
        }),
    ));
    let entries = content.faq.entries.len();
    list.push((
        "faq all open".into(),
        Box::new(move |app: &mut KioskApp| {
            open(app, "Faq");
            app.visitor.screen_as::<Faq>().unwrap().open = (0..entries).collect();
        }),
    ));
    let questions = &content.questionnaire.questions;
    for step in 1..questions.len() {
        list.push((
            format!("question {}", step + 1),
            Box::new(move |app: &mut KioskApp| {
                open(app, "Questionnaire");
                app.visitor.screen_as::<Questionnaire>().unwrap().step = step;
            }),
        ));
    }
    // One set of answers per result kind.
    let results: [(&str, &[Picked]); 4] = [
        (
            "result: talk first",
            &[
                ("concerns", &["pores"]),
                ("cautions", &["pregnant", "infection"]),
            ],
        ),
        (
            "result: good fit",
            &[
                ("concerns", &["pores", "pigmentation"]),
                ("downtime", &["none"]),
                ("preparation", &["retinoids"]),
            ],
        ),
        (
            "result: severe",
            &[
                ("concerns", &["scars", "pigmentation", "sagging"]),
                ("severity", &["severe"]),
                ("downtime", &["day"]),
            ],
        ),
        ("result: look together", &[("concerns", &["unsure"])]),
    ];
    let questionnaire = content.questionnaire.clone();
    for (name, chosen) in results {
        let questionnaire = questionnaire.clone();
        list.push((
            name.into(),
            Box::new(move |app: &mut KioskApp| {
                let mut answers = Answers::default();
                for (qi, question) in questionnaire.questions.iter().enumerate() {
                    let picked: &[&str] = chosen
                        .iter()
                        .find(|(id, _)| *id == question.id)
                        .map_or(&[], |(_, options)| options);
                    for (oi, option) in question.options.iter().enumerate() {
                        let wanted = if picked.is_empty() {
                            // Unlisted: the first option, or "None of these".
                            question.none_option().map_or(oi == 0, |none| none == oi)
                        } else {
                            picked.contains(&option.id.as_str())
                        };
                        if wanted {
                            answers.toggle(question, qi, oi);
                        }
                    }
                }
                open(app, "Questionnaire");
                let screen = app.visitor.screen_as::<Questionnaire>().unwrap();
                screen.answers = answers;
                screen.step = questionnaire.questions.len();
            }),
        ));
    }
    // "Read more" from a result: the guide page with the cited card set apart.
    let cited = content
        .questionnaire
        .notes_of("Microneedling")
        .and_then(|notes| notes.helps.first())
        .map(|help| help.says.source.clone())
        .expect("a cited claim");
    let place = kiosk::content::place::locate(
        &cited.file,
        &cited.words,
        &content.guide,
        &content.faq,
        &content.compare,
    )
    .expect("the claim is on its page");
    list.push((
        "result: read more".into(),
        Box::new(move |app: &mut KioskApp| {
            open(app, "Questionnaire");
            let screen = app.visitor.screen_as::<Questionnaire>().unwrap();
            screen.step = usize::MAX;
            screen.source = Some(place);
        }),
    ));
    list.push((
        "pin pad".into(),
        Box::new(|app: &mut KioskApp| app.desk.view = View::PinPad),
    ));
    list.push((
        "staff screen".into(),
        Box::new(|app: &mut KioskApp| app.desk.view = View::Open),
    ));
    list
}
