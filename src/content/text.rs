//! Reading one content file as text and parsing it, with the per-file fallback.

use super::source::{self, Read, Source};
use crate::problems::{Issue, Problem};

pub type Parse<T> = fn(&str) -> Result<T, Vec<Issue>>;

pub struct Loader<'a> {
    source: &'a Source,
    pub problems: Vec<Problem>,
    /// What staff should know but that is not wrong (a key a newer version added).
    pub notes: Vec<Problem>,
}

impl<'a> Loader<'a> {
    pub fn new(source: &'a Source) -> Self {
        Self {
            source,
            problems: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The file's text, or why it cannot be read as text.
    pub fn text(&self, relative: &str) -> Result<String, Vec<Issue>> {
        decode(self.source.read(relative))
    }

    /// The built-in copy of a file, parsed; `None` when there is none or it does not parse.
    pub fn built_in<T>(relative: &str, parse: Parse<T>) -> Option<T> {
        source::built_in(relative)
            .and_then(|bytes| decode(Read::Bytes(bytes.to_vec())).ok())
            .and_then(|text| parse(&text).ok())
    }

    pub fn source(&self) -> &Source {
        self.source
    }

    /// A file that must exist: its built-in version, or `otherwise` (for a language with
    /// no built-in copy: the English version), stands in when it is broken.
    pub fn file<T>(&mut self, relative: &str, parse: Parse<T>, otherwise: impl FnOnce() -> T) -> T {
        self.file_or_built_in(relative, parse)
            .unwrap_or_else(otherwise)
    }

    /// The file parsed from the source; else its built-in version (when there is one);
    /// else `None`. Problems are recorded either way.
    pub fn file_or_built_in<T>(&mut self, relative: &str, parse: Parse<T>) -> Option<T> {
        let issues = match decode(self.source.read(relative)).and_then(|text| parse(&text)) {
            Ok(value) => return Some(value),
            Err(issues) => issues,
        };
        let path = self.source.display_path(relative);
        self.report(&path, issues);
        let fallback = match self.source {
            Source::BuiltIn => None,
            Source::Folder(_) => Self::built_in(relative, parse),
        };
        self.fell_back(&path, fallback.is_some());
        fallback
    }

    /// Says what the kiosk does instead of a file it could not use.
    pub fn fell_back(&mut self, path: &str, to_built_in: bool) {
        let consequence = if to_built_in {
            "until this is fixed, the kiosk shows the built-in version of this file"
        } else {
            "until this is fixed, the kiosk leaves this file out"
        };
        self.problems.push(Problem {
            path: path.to_owned(),
            line: 1,
            message: consequence.to_owned(),
        });
    }

    pub fn report(&mut self, path: &str, issues: Vec<Issue>) {
        self.problems
            .extend(issues.into_iter().map(|issue| Problem {
                path: path.to_owned(),
                line: issue.line,
                message: issue.message,
            }));
    }
}

/// The file's bytes as text, or why they cannot be.
fn decode(read: Read) -> Result<String, Vec<Issue>> {
    let bytes = match read {
        Read::Bytes(bytes) => bytes,
        Read::Missing => return Err(vec![Issue::new(1, "the file is missing")]),
        Read::Failed(why) => {
            return Err(vec![Issue::new(
                1,
                format!("the file cannot be read: {why}"),
            )]);
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        vec![Issue::new(
            line,
            "this line is not UTF-8 text; save the file as UTF-8 in your editor",
        )]
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Issue::new(1, "the file is empty")]);
    }
    Ok(text)
}
