//! The GitHub Actions format: one workflow command per finding,
//! `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=rule::message`,
//! which GitHub shows as an annotation on the changed file.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Sources;

pub fn render(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let Some(primary) = &d.primary else { continue };
        let file = sources.get(primary.file);
        let (line, column) = file.line_col(primary.span.start as usize);
        let (end_line, end_column) = file.line_col(primary.span.end as usize);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}\n",
            escape_property(file.name()),
            escape_property(&d.code),
            escape_data(&message)
        ));
    }
    out
}

/// Escapes a command's message: `%`, CR and LF.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
