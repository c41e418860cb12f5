//! Problems found in the kiosk's files, told the way a staff member can act on them:
//! file, line and message. Shared by the content loader, the questionnaire and the
//! settings, so none of them depends on another for it.

use std::fmt;

/// Something wrong with a content file, told the way a staff member can act on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the staff member would find it (the content folder joined with the file).
    pub path: String,
    /// 1-based line; whole-file problems (missing, empty) point at line 1.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// A problem found while parsing one file's text, before we know the file's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub line: usize,
    pub message: String,
}

impl Issue {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

/// Maps byte offsets in a text to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Parses TOML into `T`, reporting the line of the first mistake.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Vec<Issue>> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |span| LineIndex::new(text).line_of(span.start));
        vec![Issue::new(line, e.message().trim().to_owned())]
    })
}

/// The line where `key = …` is written, for problems that serde cannot place.
pub fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_start_at_one() {
        let index = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(1), 1);
        assert_eq!(index.line_of(3), 2);
        assert_eq!(index.line_of(6), 3);
        assert_eq!(index.line_of(7), 4);
        assert_eq!(index.line_of(9), 4);
    }
}
