//! One kiosk at a time: a second start with the same state folder exits at once with a
//! clear message, while `--check`, `--set-pin` and `--version` still work beside a running
//! kiosk. The first kiosk here is this test process holding the lock the way the kiosk does
//! (`kiosk::files::lock_instance`), so no window is needed; the second is the real binary.

use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;

fn kiosk(config: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_microneedling-kiosk"))
        .arg("--config")
        .arg(config)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Whatever display the test runs under, the second kiosk must not reach a window.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env_remove("XDG_RUNTIME_DIR")
        .spawn()
        .expect("start the kiosk");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_second_kiosk_exits_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("state_dir = {:?}\n", state.display().to_string()),
    )
    .unwrap();

    let running = kiosk::files::lock_instance(&state).expect("the first kiosk takes the lock");
    let second = kiosk(&config, &["--kiosk"], "");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "another kiosk (process {}) is already running with the state folder {}; this one exits",
            std::process::id(),
            state.display()
        )),
        "{stderr}"
    );

    // Beside the running kiosk, staff can still check, set the PIN and ask the version.
    let content = common::shipped_content();
    let check = kiosk(&config, &["--check", content.to_str().unwrap()], "");
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let set_pin = kiosk(&config, &["--set-pin"], "2468\n2468\n");
    assert_eq!(set_pin.status.code(), Some(0), "{set_pin:?}");
    let settings = std::fs::read_to_string(&config).unwrap();
    assert!(settings.contains("pin_hash = \"$argon2id$"), "{settings}");
    assert!(!settings.contains("2468"), "{settings}");
    let check = kiosk(&config, &["--check", content.to_str().unwrap()], "");
    assert_eq!(
        check.status.code(),
        Some(0),
        "the new hash is valid: {check:?}"
    );
    let version = kiosk(&config, &["--version"], "");
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("microneedling-kiosk {}", env!("CARGO_PKG_VERSION"))
    );

    // Once the first kiosk is gone, the lock is free: the next start gets past it (and, with
    // no display here, stops at the window instead).
    drop(running);
    let next = kiosk(&config, &["--kiosk"], "");
    let stderr = String::from_utf8_lossy(&next.stderr);
    assert!(!stderr.contains("already running"), "{stderr}");
    assert!(
        stderr.contains("the kiosk window could not start"),
        "{stderr}"
    );
}
