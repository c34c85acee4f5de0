//! The lint pass: read each file, build its document once, run every rule,
//! then sort the findings so output is the same on every run.

use std::path::Path;

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::document::Document;
use crate::rules::RuleSet;
use crate::source::{FileId, SourceFile, Sources};
use crate::walk::IO;

/// What a lint run produced.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings of rules, sorted by file, position and rule.
    pub findings: Vec<Diagnostic>,
    /// Problems with the input itself (unreadable files).
    pub problems: Vec<Diagnostic>,
    /// How many files were linted.
    pub files_checked: usize,
}

/// Runs every rule over one document.
pub fn lint_document(rules: &RuleSet, file: FileId, text: &str) -> Vec<Diagnostic> {
    let doc = Document::parse(text);
    let mut out = Vec::new();
    for rule in &rules.rules {
        rule.check(file, &doc, &mut out);
    }
    out
}

/// Reads and lints `paths`, adding each file to `sources`.
pub fn lint_paths(rules: &RuleSet, sources: &mut Sources, paths: &[impl AsRef<Path>]) -> Report {
    let mut report = Report::default();
    for path in paths {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = match read_text(path) {
            Ok(text) => text,
            Err(error) => {
                report.problems.push(error.to_diagnostic());
                continue;
            }
        };
        let id = sources.add(SourceFile::new(name, text));
        report
            .findings
            .extend(lint_document(rules, id, sources.get(id).text()));
        report.files_checked += 1;
    }
    diagnostic::sort(&mut report.findings);
    report
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("`{path}` looks like a binary file (it contains NUL bytes); skipped")]
    Binary { path: String },
    #[error("`{path}` is not valid UTF-8 (invalid byte at offset {offset}); skipped")]
    NotUtf8 { path: String, offset: usize },
}

impl ReadError {
    /// The error as a diagnostic about factlint's input.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let diagnostic = Diagnostic::new(IO, Severity::Error, self.to_string());
        match self {
            ReadError::NotUtf8 { .. } => diagnostic
                .with_help("convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"),
            _ => diagnostic,
        }
    }
}

/// Reads a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let name = || path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: name(),
        source,
    })?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(ReadError::Binary { path: name() });
    }
    String::from_utf8(bytes).map_err(|error| ReadError::NotUtf8 {
        path: name(),
        offset: error.utf8_error().valid_up_to(),
    })
}
