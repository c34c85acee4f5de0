//! The JSON format: a stable array of findings, one object each.
//!
//! ```json
//! [ { "file": "seeds/000.txt", "rule": "mid-word-capital", "severity": "warning",
//!     "message": "...", "help": "..." | null, "notes": ["..."],
//!     "span": SPAN, "related": [ { "file", "span": SPAN, "message" } ],
//!     "fix": null | { "span": SPAN, "replacement": "..." } } ]
//! ```
//!
//! `SPAN` is `{ "start", "end" }` in bytes (end exclusive) with `"line",
//! "column", "end_line", "end_column"` (1-based, columns in characters), as
//! in `factlint inspect`. Findings come in report order.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Location, Sources};

#[derive(Debug, Serialize)]
pub struct JsonFinding<'d> {
    pub file: &'d str,
    pub rule: &'d str,
    pub severity: Severity,
    pub message: &'d str,
    pub help: Option<&'d str>,
    pub notes: &'d [String],
    pub span: Location,
    pub related: Vec<JsonRelated<'d>>,
    pub fix: Option<JsonFix<'d>>,
}

#[derive(Debug, Serialize)]
pub struct JsonRelated<'d> {
    pub file: &'d str,
    pub span: Location,
    pub message: &'d str,
}

#[derive(Debug, Serialize)]
pub struct JsonFix<'d> {
    pub span: Location,
    pub replacement: &'d str,
}

/// The findings as JSON objects; findings without a place are skipped
/// (they are problems with factlint's input, reported on stderr).
pub fn findings<'d>(sources: &'d Sources, diagnostics: &'d [Diagnostic]) -> Vec<JsonFinding<'d>> {
    diagnostics
        .iter()
        .filter_map(|d| {
            let primary = d.primary.as_ref()?;
            let file = sources.get(primary.file);
            Some(JsonFinding {
                file: file.name(),
                rule: &d.code,
                severity: d.severity,
                message: &d.message,
                help: d.help.as_deref(),
                notes: &d.notes,
                span: Location::new(file, primary.span),
                related: d
                    .secondary
                    .iter()
                    .map(|label| JsonRelated {
                        file: sources.get(label.file).name(),
                        span: Location::new(sources.get(label.file), label.span),
                        message: &label.message,
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|fix| JsonFix {
                    span: Location::new(sources.get(fix.file), fix.span),
                    replacement: &fix.replacement,
                }),
            })
        })
        .collect()
}

/// Renders the findings as pretty-printed JSON with a final newline.
pub fn render(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut text = serde_json::to_string_pretty(&findings(sources, diagnostics))
        .unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}
