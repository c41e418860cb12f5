//! The install log (`installs.toml`): every install and rollback, what went live, when
//! and from where, so staff can see which content is live and since when.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The most entries kept: years of weekly updates.
const KEPT: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Install,
    GoBack,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Seconds since 1970.
    pub at: u64,
    pub action: Action,
    /// The version that went live; empty for the content that came with the kiosk.
    pub version: String,
    /// Where an install was copied from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Log {
    #[serde(default, rename = "change")]
    pub entries: Vec<Entry>,
}

impl Log {
    /// The log at `path`; empty when there is none or it cannot be read (it only
    /// informs, so a damaged one must not stop an install).
    pub fn read(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn add(&mut self, entry: Entry) {
        self.entries.push(entry);
        let extra = self.entries.len().saturating_sub(KEPT);
        self.entries.drain(..extra);
    }

    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let text = toml::to_string(self).unwrap_or_default();
        crate::files::write_atomically(path, text.as_bytes())
    }

    /// The change that made `version` live last ("" for the content that came with the
    /// kiosk): since when it is live.
    pub fn went_live(&self, version: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.version == version)
    }

    /// The install that brought `version`: where it came from.
    pub fn installed(&self, version: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.version == version && e.action == Action::Install)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_reads_back_and_finds_when_a_version_went_live() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("installs.toml");
        assert_eq!(Log::read(&path), Log::default());
        let mut log = Log::default();
        for (at, action, version, from) in [
            (
                10,
                Action::Install,
                "a",
                "/media/kiosk-usb/microneedling-content",
            ),
            (20, Action::Install, "b", "/home/staff/content"),
            (30, Action::GoBack, "a", ""),
        ] {
            log.add(Entry {
                at,
                action,
                version: version.into(),
                from: from.into(),
            });
        }
        log.write(&path).unwrap();
        let read = Log::read(&path);
        assert_eq!(read, log);
        assert_eq!(read.went_live("a").map(|e| e.at), Some(30));
        assert_eq!(
            read.installed("a").map(|e| e.from.as_str()),
            Some("/media/kiosk-usb/microneedling-content")
        );
        assert_eq!(read.went_live(""), None);
        std::fs::write(&path, "[[change]]\nat = \"x").unwrap();
        assert_eq!(Log::read(&path), Log::default(), "damaged: empty");
    }
}
