//! Hostile content: random and mutated bytes thrown at every content parser and the logo
//! decoder. None may panic or take long; each broken input yields problems, never a crash.
//! CI runs a few thousand inputs; `FUZZ_SECS=1800 cargo test --release --test
//! hostile_content -- --ignored --nocapture` runs for half an hour and reports the count.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use kiosk::content::{clinic, compare, faq, guide, logo, strings};

/// A small, seeded generator (xorshift64*): the same seed gives the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn text_parser(parse: fn(&str) -> bool) -> impl Fn(&[u8]) -> bool {
    move |bytes| parse(&String::from_utf8_lossy(bytes))
}

/// A parser under test: its name, a real file of its kind to mutate, and the parser.
type Target = (&'static str, Vec<u8>, Box<dyn Fn(&[u8]) -> bool>);

/// Every parser, with a real file of its kind to mutate.
fn targets() -> Vec<Target> {
    let read = |p: &str| std::fs::read(common::shipped_content().join(p)).unwrap();
    vec![
        (
            "guide page",
            read("en/guide/06-side-effects.md"),
            Box::new(text_parser(|t| guide::parse(t).is_ok())),
        ),
        (
            "faq",
            read("en/faq.md"),
            Box::new(text_parser(|t| faq::parse(t).is_ok())),
        ),
        (
            "compare",
            read("en/compare.md"),
            Box::new(text_parser(|t| compare::parse(t).is_ok())),
        ),
        (
            "clinic",
            read("en/clinic.toml"),
            Box::new(text_parser(|t| clinic::parse(t).is_ok())),
        ),
        (
            "strings",
            read("en/ui.toml"),
            Box::new(text_parser(|t| strings::parse(t).is_ok())),
        ),
        (
            "questionnaire",
            read("en/questionnaire.toml"),
            Box::new(text_parser(|t| kiosk::questionnaire::parse(t).is_ok())),
        ),
        (
            "logo",
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/logo.png")).unwrap(),
            Box::new(|b: &[u8]| logo::decode(b).is_ok()),
        ),
    ]
}

/// A hostile variation of `seed`: flipped, inserted, deleted, duplicated or truncated bytes,
/// Markdown and TOML syntax sprinkled in, or something generated from scratch.
fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    const TOKENS: &[&[u8]] = &[
        b"|",
        b"\n|---|",
        b"#",
        b"## ",
        b"- ",
        b"> ",
        b"*",
        b"**",
        b"`",
        b"[",
        b"]",
        b"=",
        b"\"",
        b"[[rule]]\n",
        b"[[question]]\n",
        b"when = [\"",
        b"otherwise = true\n",
        b"\n",
        b"\xff",
        b"\xef\xbb\xbf",
        b"\x00",
        b"\r\n",
        b"1.",
        b"<html>",
        b"\t",
        b"{n}",
    ];
    let mut data = seed.to_vec();
    match rng.below(10) {
        // Built from scratch: deep nesting, a table thousands of columns wide, or noise.
        0 => {
            let depth = 1 + rng.below(5000);
            let nest: [&[u8]; 4] = [b"> ", b"- ", b"  - ", b"*"];
            return nest[rng.below(4)].repeat(depth);
        }
        1 => {
            let columns = 1 + rng.below(5000);
            let mut table = b"|".repeat(columns + 1);
            table.extend_from_slice(b"\n");
            table.extend(b"|---".repeat(columns));
            table.extend_from_slice(b"|\n");
            table.extend(b"| x ".repeat(columns));
            return table;
        }
        2 => return (0..rng.below(4096)).map(|_| rng.next() as u8).collect(),
        _ => {}
    }
    for _ in 0..1 + rng.below(16) {
        if data.is_empty() {
            data.push(b'#');
        }
        let at = rng.below(data.len());
        match rng.below(6) {
            0 => data[at] = rng.next() as u8,
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                data.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(data.len());
                data.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(data.len());
                let chunk = data[at..end].to_vec();
                data.splice(at..at, chunk);
            }
            4 => data.truncate(at),
            _ => {
                // Claims to be a huge image: a PNG header with enormous dimensions.
                if data.starts_with(b"\x89PNG") && data.len() > 24 {
                    data[16..24].copy_from_slice(&[0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff]);
                }
            }
        }
    }
    data
}

/// Runs hostile inputs until `budget` is spent or `limit` inputs were tried. Returns the
/// number of inputs and the slowest single parse.
fn run(seed: u64, budget: Duration, limit: usize) -> (usize, Duration) {
    let mut rng = Rng(seed);
    let targets = targets();
    let started = Instant::now();
    let mut tried = 0;
    let mut slowest = Duration::ZERO;
    while tried < limit && started.elapsed() < budget {
        let (name, sample, parse) = &targets[rng.below(targets.len())];
        let input = mutate(&mut rng, sample);
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| parse(&input)));
        let took = t.elapsed();
        slowest = slowest.max(took);
        assert!(
            outcome.is_ok(),
            "{name} panicked on input #{tried} (seed {seed}): {:?}",
            String::from_utf8_lossy(&input[..input.len().min(400)])
        );
        // Generous for a debug build on a shared machine; a hang would take far longer.
        assert!(
            took < Duration::from_secs(5),
            "{name} took {took:?} on input #{tried}"
        );
        tried += 1;
    }
    (tried, slowest)
}

#[test]
fn a_few_thousand_hostile_inputs_never_panic_or_hang() {
    let (tried, slowest) = run(0x5EED, Duration::from_secs(120), 3000);
    println!("{tried} inputs, slowest {slowest:?}");
    assert!(tried >= 1000, "only {tried} inputs in the time allowed");
}

#[test]
fn the_shipped_files_themselves_parse() {
    for (name, sample, parse) in targets() {
        assert!(parse(&sample), "{name}");
    }
}

/// The long run: `FUZZ_SECS` seconds (default 60) from `FUZZ_SEED` (default the time).
#[test]
#[ignore = "long: run by hand, see the module comment"]
fn fuzz_for_a_long_time() {
    let secs = std::env::var("FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    let (tried, slowest) = run(seed, Duration::from_secs(secs), usize::MAX);
    println!("seed {seed}: {tried} inputs in {secs} s, none panicked; slowest {slowest:?}");
}
