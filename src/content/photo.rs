//! The clinic's own photos: `![what the photo shows](images/room.jpg)` on a line of its
//! own in a guide page, an FAQ answer or the comparison's notes. Each file is read and
//! decoded once per load, shrunk to what a screen can show, and shared by every page and
//! language that shows it. A photo that cannot be shown is a problem for `--check` (and
//! refuses an install); the kiosk shows its description in a card in its place.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Content;
use super::markdown::{Block, BlockKind};
use super::picture::{self, Pixels};
use super::source::{Read, Source};
use crate::problems::Issue;

/// Where photos live in a content folder (shared by every language).
pub const FOLDER: &str = "images/";
/// The largest file accepted: a phone's photo, not a camera's raw file.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The longest side accepted in the file (a 12-megapixel phone photo is 4032 wide).
pub const MAX_SIDE: u32 = 4096;
/// The longest side kept after decoding: the reading column at 150 % text on a 2x screen.
pub const KEPT_SIDE: u32 = 2048;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Photo {
    /// As written, e.g. `images/room.jpg`.
    pub src: String,
    pub description: String,
    /// The decoded picture; none when it cannot be shown (its problem is listed).
    pub pixels: Option<Arc<Pixels>>,
}

/// Each file decoded, or why it cannot be shown: one entry per file for a whole load.
pub type Decoded = BTreeMap<String, Result<Arc<Pixels>, String>>;

/// Gives every photo on the pages of `content` its pixels, decoding each file once
/// (`decoded` is shared by every language), and lists what is wrong with each: the file
/// (relative to the language folder, e.g. `guide/01-what.md`) and the issue at its line.
pub fn attach(
    content: &mut Content,
    source: &Source,
    decoded: &mut Decoded,
) -> Vec<(String, Issue)> {
    let mut issues = Vec::new();
    let mut each = |file: String, blocks: &mut [Block]| {
        for block in blocks {
            if let BlockKind::Photo(photo) = &mut block.kind {
                for message in attach_one(photo, source, decoded) {
                    issues.push((file.clone(), Issue::new(block.line, message)));
                }
            }
        }
    };
    for page in &mut content.guide {
        for card in &mut page.cards {
            each(format!("guide/{}", page.file), &mut card.blocks);
        }
    }
    for entry in &mut content.faq.entries {
        each("faq.md".to_owned(), &mut entry.answer);
    }
    each("compare.md".to_owned(), &mut content.compare.notes);
    issues
}

fn attach_one(photo: &mut Photo, source: &Source, decoded: &mut Decoded) -> Vec<String> {
    let mut problems = Vec::new();
    if photo.description.trim().is_empty() {
        problems.push(format!(
            "the photo {} has no description: write what it shows between the brackets, \
             `![what the photo shows]({})`; screen readers and Listen say it, and it is shown \
             when the photo cannot be",
            photo.src, photo.src
        ));
    }
    let result = decoded
        .entry(photo.src.clone())
        .or_insert_with(|| load(source, &photo.src).map(Arc::new));
    match result {
        Ok(pixels) => photo.pixels = Some(Arc::clone(pixels)),
        Err(why) => problems.push(format!(
            "the photo {} cannot be shown: {why}; its description is shown instead",
            photo.src
        )),
    }
    problems
}

fn load(source: &Source, src: &str) -> Result<Pixels, String> {
    // Plain names only, whichever way a folder is written: no `..`, `\\` or `C:`.
    let inside = src.strip_prefix(FOLDER).is_some_and(|name| {
        name.split('/')
            .all(|part| !part.is_empty() && part != ".." && !part.contains(['\\', ':']))
    });
    if !inside {
        return Err(format!(
            "a photo must be a file in the content folder's `{FOLDER}` folder, like `{FOLDER}room.jpg`"
        ));
    }
    let bytes = match source.read(src) {
        Read::Bytes(bytes) => bytes,
        Read::Missing => return Err(format!("there is no {}", source.display_path(src))),
        Read::Failed(why) => return Err(format!("the file cannot be read: {why}")),
    };
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "the file is {:.1} MB; at most {} MB is allowed: save it smaller",
            bytes.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    picture::decode(&bytes, MAX_SIDE).map(|pixels| picture::fit(pixels, KEPT_SIDE))
}
