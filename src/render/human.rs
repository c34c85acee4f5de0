//! The human format: rustc-style code frames through codespan-reporting,
//! and a summary line.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::{self, termcolor, termcolor::Buffer, Config};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity};
use crate::kinds::pattern::describe_fix;
use crate::source::{FileId, Sources};

/// Converts one diagnostic to codespan's type.
pub fn to_codespan(diagnostic: &Diagnostic) -> CsDiagnostic<FileId> {
    let severity = match diagnostic.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut labels = Vec::new();
    if let Some(primary) = &diagnostic.primary {
        labels.push(
            CsLabel::primary(primary.file, primary.span.range()).with_message(&primary.message),
        );
    }
    for secondary in &diagnostic.secondary {
        labels.push(
            CsLabel::secondary(secondary.file, secondary.span.range())
                .with_message(&secondary.message),
        );
    }
    let mut notes: Vec<String> = diagnostic
        .notes
        .iter()
        .map(|note| format!("note: {note}"))
        .collect();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    // The replacement is the help of a rule with none of its own; a rule's
    // own help says what to do, and `--diff` shows the replacement.
    if let (Some(fix), None) = (&diagnostic.fix, &diagnostic.help) {
        notes.push(format!("help: {}", describe_fix(&fix.replacement)));
    }
    CsDiagnostic::new(severity)
        .with_code(&diagnostic.code)
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Renders diagnostics as code frames into a buffer (coloured or not).
pub fn render(
    buffer: &mut Buffer,
    sources: &Sources,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    let config = Config::default();
    let color = termcolor::WriteColor::supports_color(buffer);
    // Each code frame is rendered on its own, in parallel (a large run has
    // tens of thousands), into its own buffer; they are joined in order.
    let frames: Vec<io::Result<Vec<u8>>> = diagnostics
        .par_iter()
        .map(|diagnostic| {
            let mut frame = if color {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            };
            term::emit_to_write_style(&mut frame, &config, sources, &to_codespan(diagnostic))
                .map_err(io::Error::other)?;
            Ok(frame.into_inner())
        })
        .collect();
    for frame in frames {
        buffer.write_all(frame?.as_slice())?;
    }
    Ok(())
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut tally = Tally::default();
        tally.add(diagnostics);
        tally
    }

    /// Counts `diagnostics` too.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            match diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// The closing line, e.g. `1 error, 4 warnings in 5 files`.
pub fn summary(tally: Tally, files: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![
        plural(tally.errors, "error"),
        plural(tally.warnings, "warning"),
    ];
    if tally.infos > 0 {
        parts.push(format!("{} info", tally.infos));
    }
    format!("{} in {}", parts.join(", "), plural(files, "file"))
}

/// Writes a buffer to `out`; a closed pipe (`factlint | head`) is not an error.
pub fn write_out(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Renders diagnostics without colour into a string (for tests and
/// snapshots).
pub fn render_plain(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut buffer = Buffer::no_color();
    // Writing into memory cannot fail, and every label points into `sources`.
    if render(&mut buffer, sources, diagnostics).is_err() {
        return String::from("<render error>");
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}
