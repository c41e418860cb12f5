//! Offline by construction: nothing in the dependency tree can speak HTTP or open a
//! network connection.

use std::process::Command;

/// Crates that talk to the network (HTTP clients and servers, TLS, DNS, sockets, URL
/// openers). None may be among the kiosk's dependencies.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "http",
    "tungstenite",
    "tokio-tungstenite",
    "rustls",
    "native-tls",
    "openssl",
    "quinn",
    "trust-dns-resolver",
    "hickory-resolver",
    "socket2",
    "webbrowser",
    "open",
    "ehttp",
];

#[test]
fn no_networking_crate_is_a_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo tree");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8(output.stdout).unwrap();
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        crates.contains(&"eframe"),
        "the tree was read: {}",
        crates.len()
    );
    let found: Vec<&&str> = NETWORK_CRATES
        .iter()
        .filter(|c| crates.contains(c))
        .collect();
    assert!(
        found.is_empty(),
        "networking crates in the dependency tree: {found:?}"
    );
}
