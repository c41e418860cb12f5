//! The comparison (`compare.md`): parsed, and, when it parses, the shipped questionnaire
//! linked against it (goal and downtime columns, the downtime's days, each concern's rows)
//! and looked up by treatment name, as the result screen does.
#![no_main]

use std::sync::LazyLock;

use kiosk::content::{self, Source, compare};
use kiosk::questionnaire::{self, Questionnaire};
use libfuzzer_sys::fuzz_target;

/// The shipped FAQ, which the questionnaire's citations may name.
static FAQ: LazyLock<content::Faq> =
    LazyLock::new(|| content::load(&Source::BuiltIn).content.faq);

static SHIPPED: LazyLock<(Questionnaire, Vec<content::GuidePage>)> = LazyLock::new(|| {
    let loaded = content::load(&Source::BuiltIn);
    let text = content::source::built_in("en/questionnaire.toml").expect("shipped");
    let questionnaire =
        questionnaire::parse(std::str::from_utf8(text).expect("UTF-8")).expect("shipped parses");
    (questionnaire, loaded.content.guide.clone())
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(table) = compare::parse(&text) else {
        return;
    };
    let (questionnaire, guide) = &*SHIPPED;
    let mut questionnaire = questionnaire.clone();
    let _ = content::link::link(&mut questionnaire, &table, guide, &FAQ);
    for treatment in &questionnaire.treatments {
        let _ = table.row(&treatment.name);
    }
    for row in &table.rows {
        for cell in row {
            let _ = content::link::days(cell);
        }
    }
});
