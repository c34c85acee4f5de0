//! factlint's own diagnostic type.
//!
//! Rule kinds produce [`Diagnostic`]s; the renderers in [`crate::render`]
//! convert them at the edge (to codespan for humans, to JSON or SARIF for
//! machines), so no output format depends on another's types.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use crate::source::{FileId, Sources, Span};

/// How serious a finding is. Only `error` makes the run fail (exit code 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Parses the spelling used in rule files and on the command line.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a file, with an optional message shown next to the carets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(file: FileId, span: Span) -> Self {
        Label {
            file,
            span,
            message: String::new(),
        }
    }

    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }
}

/// A replacement that fixes the finding without judgement: `span` becomes
/// `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub file: FileId,
    pub span: Span,
    pub replacement: String,
}

/// One finding, or one problem with factlint's own input (a missing path, a
/// broken rule file).
///
/// The contract: `message` says what is wrong (lowercase, no final period);
/// `notes` give evidence; `help` says what to do. `primary` is where the
/// problem is; `secondary` labels point at related places, in any file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule id, or for problems with factlint's input a fixed code such
    /// as `rule-file` or `io`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub primary: Option<Label>,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(code: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn with_primary(mut self, label: Label) -> Self {
        self.primary = Some(label);
        self
    }

    pub fn with_secondary(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The file the diagnostic belongs to, if it points anywhere.
    pub fn file(&self) -> Option<FileId> {
        self.primary.as_ref().map(|label| label.file)
    }

    /// The order in which diagnostics are reported: by file, position,
    /// then code, so that output is the same on every run.
    pub fn sort_key(&self) -> (Option<FileId>, u32, u32, &str, &str) {
        let (file, start, end) = match &self.primary {
            Some(label) => (Some(label.file), label.span.start, label.span.end),
            None => (None, 0, 0),
        };
        (file, start, end, self.code.as_str(), self.message.as_str())
    }
}

/// Sorts diagnostics into report order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then(Ordering::Equal));
}

/// Cuts each of `files` in `sources` down to the lines that `diagnostics` point at
/// (see [`crate::source::SourceFile::keep_lines_of`]), moving their labels and fixes
/// along.
pub fn keep_lines_of(sources: &mut Sources, files: &[FileId], diagnostics: &mut [Diagnostic]) {
    // The spans of each file, gathered in one pass over the findings.
    let mut spans_of: HashMap<FileId, Vec<&mut Span>> =
        files.iter().map(|&file| (file, Vec::new())).collect();
    for diagnostic in diagnostics.iter_mut() {
        let Diagnostic {
            primary,
            secondary,
            fix,
            ..
        } = diagnostic;
        let labels = primary
            .iter_mut()
            .chain(secondary.iter_mut())
            .map(|label| (label.file, &mut label.span));
        let fixes = fix.iter_mut().map(|fix| (fix.file, &mut fix.span));
        for (file, span) in labels.chain(fixes) {
            if let Some(spans) = spans_of.get_mut(&file) {
                spans.push(span);
            }
        }
    }
    for &file in files {
        if let Some(mut spans) = spans_of.remove(&file) {
            sources.get_mut(file).keep_lines_of(&mut spans);
        }
    }
}
