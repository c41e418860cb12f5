//! `cargo bench`: the cost of one frame of each screen (built and tessellated with a
//! headless egui context at 1920x1080, after a warm-up frame), loading all content, and
//! the questionnaire engine over every possible set of answers.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, Vec2, pos2};
use kiosk::app::{KioskApp, Options};
use kiosk::config::Config;
use kiosk::content::{self, Source};
use kiosk::questionnaire::{Answers, check_every_answer_set, evaluate, for_each_answer_set};

fn input(size: Vec2) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), size)),
        ..RawInput::default()
    }
}

/// One frame: build the UI and tessellate it, as eframe does before painting. There is no
/// GPU to upload textures to: their changes are dropped on purpose.
fn frame(ctx: &egui::Context, app: &mut KioskApp, size: Vec2) -> usize {
    let mut output = ctx.run_ui(input(size), |ui| app.show(ui));
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn screens(c: &mut Criterion) {
    let state = tempfile::tempdir().unwrap();
    let landscape = Vec2::new(1920.0, 1080.0);
    let portrait = Vec2::new(1080.0, 1920.0);
    // States of the registry's gallery: (what, its name there, the window size).
    let cases = [
        ("home", "home", landscape),
        ("guide page 1 (longest)", "guide", landscape),
        ("compare table", "compare", landscape),
        ("compare cards", "compare", portrait),
        ("faq with every answer open", "faq all open", landscape),
        ("question 1", "questionnaire", landscape),
        ("result, worth discussing", "result good fit", landscape),
        ("staff screen", "staff", landscape),
    ];
    let mut group = c.benchmark_group("frame");
    for (name, state_name, size) in cases {
        let ctx = egui::Context::default();
        let options = Options {
            config: Config {
                state_dir: state.path().to_path_buf(),
                ..Config::default()
            },
            ..Options::default()
        };
        let mut app = KioskApp::new(&ctx, content::load(&Source::BuiltIn), options);
        let screen = app.registry().gallery_state(app.content(), state_name);
        app.visitor.open(screen.expect("a state of the gallery"));
        // Warm-up: fonts, textures and the galley cache, as after the kiosk's first frame.
        let mut primitives = 0;
        for _ in 0..3 {
            primitives = frame(&ctx, &mut app, size);
        }
        let mut output = ctx.run_ui(input(size), |ui| app.show(ui));
        output.textures_delta.clear();
        let vertices: usize = ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        eprintln!("{name}: {primitives} clipped primitives, {vertices} vertices per frame");
        group.bench_function(name, |b| b.iter(|| black_box(frame(&ctx, &mut app, size))));
    }
    group.finish();
}

fn loading(c: &mut Criterion) {
    let folder = Source::Folder(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    let mut group = c.benchmark_group("load all content, both languages");
    group.bench_function("from the content folder", |b| {
        b.iter(|| black_box(content::load(&folder)))
    });
    group.bench_function("from the built-in copy", |b| {
        b.iter(|| black_box(content::load(&Source::BuiltIn)))
    });
    group.finish();
}

fn engine(c: &mut Criterion) {
    let questionnaire = content::load(&Source::BuiltIn).content.questionnaire;
    c.bench_function("questionnaire: evaluate every answer set", |b| {
        b.iter(|| {
            let mut reasons = 0;
            for_each_answer_set(&questionnaire, usize::MAX, |answers: &Answers| {
                reasons += evaluate(&questionnaire, answers).map_or(0, |o| o.reasons.len());
            });
            black_box(reasons)
        })
    });
    c.bench_function("questionnaire: --check over every answer set", |b| {
        b.iter(|| black_box(check_every_answer_set(&questionnaire)))
    });
}

criterion_group!(benches, screens, loading, engine);
criterion_main!(benches);
