//! A guide page (`guide/*.md`): parsed, and, when it parses, linked as the cautions page
//! against the shipped questionnaire and comparison (the questionnaire reads its cautions
//! from that page's bullet list).
#![no_main]

use std::sync::LazyLock;

use kiosk::content::{self, Compare, Source, guide};
use kiosk::questionnaire::{self, Questionnaire};
use libfuzzer_sys::fuzz_target;

/// The shipped FAQ, which the questionnaire's citations may name.
static FAQ: LazyLock<content::Faq> =
    LazyLock::new(|| content::load(&Source::BuiltIn).content.faq);

static SHIPPED: LazyLock<(Questionnaire, Compare, Vec<content::GuidePage>)> = LazyLock::new(|| {
    let loaded = content::load(&Source::BuiltIn);
    let text = content::source::built_in("en/questionnaire.toml").expect("shipped");
    let questionnaire =
        questionnaire::parse(std::str::from_utf8(text).expect("UTF-8")).expect("shipped parses");
    (
        questionnaire,
        loaded.content.compare.clone(),
        loaded.content.guide.clone(),
    )
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(page) = guide::parse(&text) else {
        return;
    };
    let (questionnaire, compare, pages) = &*SHIPPED;
    let mut questionnaire = questionnaire.clone();
    let Some((cautions, _)) = questionnaire.cautions_page.clone() else {
        return;
    };
    let guide: Vec<content::GuidePage> = pages
        .iter()
        .map(|p| {
            if p.file == cautions {
                content::GuidePage {
                    file: cautions.clone(),
                    ..page.clone()
                }
            } else {
                p.clone()
            }
        })
        .collect();
    let _ = content::link::link(&mut questionnaire, compare, &guide, &FAQ);
});
