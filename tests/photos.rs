//! The clinic's own photos, `![what it shows](images/x.jpg)`: refused by `--check` with
//! file and line when they cannot be shown, drawn and named by their description when
//! they can, decoded once for every language, a card with the description in place of a
//! broken one, and their textures freed by the idle wipe.

mod common;

use std::io::Cursor;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use egui::{Role, Vec2};
use egui_kittest::kittest::Queryable;
use kiosk::app::KioskApp;
use kiosk::content::markdown::BlockKind;
use kiosk::content::photo::{self, Photo};

const SIZE: Vec2 = Vec2::new(1920.0, 1080.0);
const PAGE: &str = "guide/01-what-it-is.md";
const ROOM: &str = "Our treatment room: a reclining chair under a daylight lamp";
const SALA: &str =
    "Nuestra sala de tratamiento: un sillón reclinable bajo una lámpara de luz de día";

/// A `width` x `height` picture encoded as `format`.
fn encoded(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, 140, (y * 255 / height) as u8])
    });
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

/// Puts `lines` under the title of the first guide page in `language`; the line the first
/// of them is on.
fn add_to_first_page(dir: &Path, language: &str, lines: &[String]) -> usize {
    let path = dir.join(language).join(PAGE);
    let text = std::fs::read_to_string(&path).unwrap();
    let (title, rest) = text.split_once('\n').unwrap();
    let added: String = lines.iter().map(|l| format!("\n{l}\n")).collect();
    std::fs::write(&path, format!("{title}\n{added}{rest}")).unwrap();
    3
}

fn write_image(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir.join("images")).unwrap();
    std::fs::write(dir.join("images").join(name), bytes).unwrap();
}

/// The shipped content with the room's photo on the first guide page in both languages.
fn with_the_room(format: image::ImageFormat, file: &str) -> tempfile::TempDir {
    let dir = common::content_copy();
    write_image(dir.path(), file, &encoded(1200, 800, format));
    add_to_first_page(dir.path(), "en", &[format!("![{ROOM}](images/{file})")]);
    add_to_first_page(dir.path(), "es", &[format!("![{SALA}](images/{file})")]);
    dir
}

/// The photos' textures the window holds now: name and size in pixels.
fn photo_textures(harness: &egui_kittest::Harness<'_, KioskApp>) -> Vec<(String, [usize; 2])> {
    let manager = harness.ctx.tex_manager();
    let manager = manager.read();
    manager
        .allocated()
        .filter(|(_, meta)| meta.name.starts_with("photo "))
        .map(|(_, meta)| (meta.name.clone(), meta.size))
        .collect()
}

fn photos(blocks: &[kiosk::content::markdown::Block]) -> Vec<&Photo> {
    blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Photo(p) => Some(p),
            _ => None,
        })
        .collect()
}

#[test]
fn each_photo_that_cannot_be_shown_is_refused_with_its_file_and_line() {
    let dir = common::content_copy();
    let d = dir.path();
    write_image(d, "ok.jpg", &encoded(64, 48, image::ImageFormat::Jpeg));
    write_image(d, "garbage.png", b"\x89PNG\r\n\x1a\nnot really a picture");
    let jpeg = encoded(64, 48, image::ImageFormat::Jpeg);
    write_image(d, "cut.jpg", &jpeg[..jpeg.len() / 3]);
    write_image(
        d,
        "wide.png",
        &encoded(photo::MAX_SIDE + 1, 2, image::ImageFormat::Png),
    );
    write_image(d, "heavy.jpg", &vec![0u8; photo::MAX_BYTES + 1]);
    std::fs::write(d.join("secret.png"), encoded(8, 8, image::ImageFormat::Png)).unwrap();
    // A format the image library may read on some systems, not promised by the docs.
    write_image(d, "page.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    let cases = [
        ("![](images/ok.jpg)", "has no description"),
        ("![A missing photo](images/none.jpg)", "there is no "),
        (
            "![Garbage](images/garbage.png)",
            "not a readable PNG or JPEG",
        ),
        ("![Cut short](images/cut.jpg)", "not a readable PNG or JPEG"),
        (
            "![Too wide](images/wide.png)",
            "4097x2 pixels; at most 4096x4096",
        ),
        ("![Too heavy](images/heavy.jpg)", "at most 8 MB is allowed"),
        (
            "![Outside](../secret.png)",
            "in the content folder's `images/` folder",
        ),
        ("![Up](images/../secret.png)", "`images/` folder"),
        ("![Back](images/..\\..\\secret.png)", "`images/` folder"),
        ("![Drive](images/C:secret.png)", "`images/` folder"),
        (
            "![Not a photo](images/page.gif)",
            "not a readable PNG or JPEG",
        ),
    ];
    let lines: Vec<String> = cases.iter().map(|(line, _)| line.to_string()).collect();
    let first = add_to_first_page(d, "en", &lines);
    let output = Command::new(env!("CARGO_BIN_EXE_microneedling-kiosk"))
        .arg("--check")
        .arg(d)
        .arg("--config")
        .arg(d.join("no-such-settings.toml"))
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{out}");
    for (i, (_, words)) in cases.iter().enumerate() {
        let at = format!("{}/en/{PAGE}:{}: ", d.display(), first + 2 * i);
        assert!(
            out.lines().any(|l| l.starts_with(&at) && l.contains(words)),
            "{at}… {words}: {out}"
        );
    }
    // Only the photos' problems: the rest of the page is as shipped.
    assert_eq!(
        out.lines().filter(|l| l.contains(": the photo ")).count(),
        cases.len(),
        "{out}"
    );
}

#[test]
fn a_photo_is_decoded_once_for_every_language_and_fitted() {
    let dir = common::content_copy();
    write_image(
        dir.path(),
        "room.png",
        &encoded(4000, 1000, image::ImageFormat::Png),
    );
    add_to_first_page(dir.path(), "en", &[format!("![{ROOM}](images/room.png)")]);
    add_to_first_page(dir.path(), "es", &[format!("![{SALA}](images/room.png)")]);
    let loaded = common::load_folder(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let english = photos(&loaded.content.guide[0].cards[0].blocks);
    let spanish = photos(&loaded.translations[0].content.guide[0].cards[0].blocks);
    let (english, spanish) = (english[0], spanish[0]);
    assert_eq!(english.description, ROOM);
    assert_eq!(spanish.description, SALA);
    let pixels = english.pixels.as_ref().unwrap();
    assert!(
        Arc::ptr_eq(pixels, spanish.pixels.as_ref().unwrap()),
        "one decoding"
    );
    assert_eq!(
        pixels.size,
        [photo::KEPT_SIDE as usize, 512],
        "kept no larger than shown"
    );
}

#[test]
fn a_photo_is_shown_named_and_read_aloud_and_its_texture_goes_at_the_wipe() {
    let dir = with_the_room(image::ImageFormat::Jpeg, "room.jpg");
    let common::Kiosk {
        mut harness,
        content,
        state: _state,
    } = common::kiosk_from(dir.path(), SIZE);
    let s = &content.strings;
    assert!(
        photo_textures(&harness).is_empty(),
        "none before it is seen"
    );
    common::tap(&mut harness, &s.guide_title);
    let image = harness.get_by_role_and_label(Role::Image, ROOM);
    let shown = image.rect();
    assert!(
        shown.width() > 600.0 && (shown.width() / shown.height() - 1.5).abs() < 0.02,
        "{shown:?}"
    );
    let named = |name: &str| photo_textures(&harness).iter().any(|(n, _)| n == name);
    assert!(named("photo images/room.jpg"));
    assert!(
        harness
            .state()
            .speech()
            .iter()
            .any(|part| part.contains(ROOM)),
        "Listen says it"
    );

    // In Spanish, the same photo named in Spanish.
    let es = common::load_folder(dir.path()).translations[0]
        .content
        .strings
        .clone();
    common::tap(&mut harness, &s.home);
    common::tap(&mut harness, &es.language_name);
    common::tap(&mut harness, &es.guide_title);
    harness.get_by_role_and_label(Role::Image, SALA);

    common::idle(&mut harness, 1000.0);
    common::idle(&mut harness, 1000.0);
    assert_eq!(common::screen_key(&harness), "Home");
    assert!(
        photo_textures(&harness).is_empty(),
        "freed at the wipe: {:?}",
        photo_textures(&harness)
    );
}

#[test]
fn a_photo_that_cannot_be_shown_is_its_description_in_a_card() {
    let dir = common::content_copy();
    add_to_first_page(dir.path(), "en", &[format!("![{ROOM}](images/gone.jpg)")]);
    let common::Kiosk {
        mut harness,
        content,
        state: _state,
    } = common::kiosk_from(dir.path(), SIZE);
    common::tap(&mut harness, &content.strings.guide_title);
    assert!(common::shows(&harness, ROOM));
    assert!(harness.query_by_role_and_label(Role::Image, ROOM).is_none());
}

#[test]
fn a_photo_replaced_in_a_preview_is_shown_new() {
    let dir = with_the_room(image::ImageFormat::Png, "room.png");
    let common::Kiosk {
        mut harness,
        content,
        state: _state,
    } = common::kiosk_from(dir.path(), SIZE);
    common::tap(&mut harness, &content.strings.guide_title);
    let sizes = |harness: &egui_kittest::Harness<'_, _>| -> Vec<[usize; 2]> {
        photo_textures(harness)
            .into_iter()
            .map(|(_, size)| size)
            .collect()
    };
    assert_eq!(sizes(&harness), [[1200, 800]]);
    // A save in the preview reloads the content without a wipe.
    write_image(
        dir.path(),
        "room.png",
        &encoded(600, 600, image::ImageFormat::Png),
    );
    harness.state_mut().kiosk.loaded = common::load_folder(dir.path());
    harness.run();
    assert_eq!(
        sizes(&harness),
        [[600, 600]],
        "the new photo, and the old one freed"
    );
}
