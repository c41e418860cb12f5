//! The manual page the Debian package installs (`packaging/microneedling-kiosk.1`) is
//! generated from the command line's own definition (clap_mangen, a dev-dependency only),
//! so it never disagrees with `--help`. After changing an option:
//! `UPDATE_MANPAGE=1 cargo test --test manpage`.

#[test]
fn the_manual_page_is_the_command_lines() {
    let mut page = Vec::new();
    clap_mangen::Man::new(kiosk::cli::command())
        .date("2026-11-30")
        .render(&mut page)
        .unwrap();
    let page = String::from_utf8(page).unwrap();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/microneedling-kiosk.1");
    if std::env::var_os("UPDATE_MANPAGE").is_some() {
        std::fs::write(&path, &page).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == page,
        "{} is not the page generated from src/cli.rs: run UPDATE_MANPAGE=1 cargo test --test manpage",
        path.display()
    );
    for option in ["--content", "--config", "--kiosk", "--set-pin", "--check"] {
        assert!(page.contains(&option.replace('-', "\\-")), "{option}");
    }
}
