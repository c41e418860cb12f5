//! Every screen of the app, as a way to put the app on it.

use kiosk::app::KioskApp;
use kiosk::questionnaire::Answers;
use kiosk::session::Screen;
use kiosk::staff::View;

/// A way to put the app on one screen.
pub type Setup = Box<dyn Fn(&mut KioskApp)>;

/// Every screen but the idle warning (which needs time to pass), by name.
pub fn all(app: &KioskApp) -> Vec<(String, Setup)> {
    let content = app.loaded.language(app.session.language);
    let mut list: Vec<(String, Setup)> = vec![("home".into(), Box::new(|_| {}))];
    for page in 0..content.guide.len() {
        list.push((
            format!("guide page {}", page + 1),
            Box::new(move |app: &mut KioskApp| {
                app.session.go(Screen::Guide);
                app.session.open_page(page, usize::MAX);
            }),
        ));
    }
    list.push((
        "guide contents".into(),
        Box::new(|app: &mut KioskApp| {
            app.session.go(Screen::Guide);
            app.session.show_contents(true);
        }),
    ));
    list.push((
        "compare".into(),
        Box::new(|app: &mut KioskApp| app.session.go(Screen::Compare)),
    ));
    list.push((
        "faq closed".into(),
        Box::new(|app: &mut KioskApp| app.session.go(Screen::Faq)),
    ));
    let entries = content.faq.entries.len();
    list.push((
        "faq all open".into(),
        Box::new(move |app: &mut KioskApp| {
            app.session.go(Screen::Faq);
            app.session.faq_open = (0..entries).collect();
        }),
    ));
    for step in 0..content.questionnaire.questions.len() {
        list.push((
            format!("question {}", step + 1),
            Box::new(move |app: &mut KioskApp| {
                app.session.go(Screen::Questionnaire);
                app.session.quiz_step = step;
            }),
        ));
    }
    // One set of answers per result kind: (question, option) pairs.
    let results: [(&str, &[(usize, usize)]); 3] = [
        ("result: talk first", &[(0, 0), (1, 2), (6, 0)]),
        ("result: good fit", &[(0, 0), (0, 4), (1, 1), (7, 0)]),
        ("result: another treatment", &[(0, 4), (0, 6), (1, 0)]),
    ];
    let questions = content.questionnaire.questions.len();
    for (name, answers) in results {
        list.push((
            name.into(),
            Box::new(move |app: &mut KioskApp| {
                let mut chosen = Answers::default();
                for &(q, o) in answers {
                    chosen.toggle(q, o);
                }
                app.session.go(Screen::Questionnaire);
                app.session.answers = chosen;
                app.session.quiz_step = questions;
            }),
        ));
    }
    list.push((
        "consultation".into(),
        Box::new(|app: &mut KioskApp| app.session.go(Screen::Consultation)),
    ));
    list.push((
        "pin pad".into(),
        Box::new(|app: &mut KioskApp| app.staff.view = View::PinPad),
    ));
    list.push((
        "staff screen".into(),
        Box::new(|app: &mut KioskApp| app.staff.view = View::Open),
    ));
    list
}
