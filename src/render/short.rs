//! The short format: one line per finding,
//! `file:line:col: severity[rule]: message`, for editors and grep.

use crate::diagnostic::Diagnostic;
use crate::source::Sources;

pub fn render(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let Some(primary) = &d.primary else { continue };
        let file = sources.get(primary.file);
        let (line, column) = file.line_col(primary.span.start as usize);
        out.push_str(&format!(
            "{}:{line}:{column}: {}[{}]: {}\n",
            file.name(),
            d.severity,
            d.code,
            d.message
        ));
    }
    out
}
