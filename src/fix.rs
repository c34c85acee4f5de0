//! Autofix: applying the replacements rules suggest.
//!
//! Only findings that carry a [`Fix`](crate::diagnostic::Fix) are fixed
//! (stray spaces, repeated words, misspellings with a single correction);
//! where two fixes overlap, the first wins and the other waits for the next
//! run. Files are written atomically (a temporary file in the same
//! directory, then a rename), and never when the file changed on disk
//! since factlint read it. `--diff` shows the same changes as a unified
//! diff without writing.

use std::collections::BTreeMap;
use std::path::Path;

use similar::TextDiff;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, Sources};
use crate::walk::IO;

/// What applying fixes did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// Indices into the findings of the fixes applied (or, for a diff,
    /// that would be).
    pub applied: Vec<usize>,
    /// Files changed (or that would be).
    pub files: usize,
    /// A unified diff of every change.
    pub diff: String,
    /// Files that could not be written.
    pub problems: Vec<Diagnostic>,
}

/// Applies the fixes of `findings` to their files; with `write` false only
/// computes the diff.
pub fn apply(findings: &[Diagnostic], sources: &Sources, write: bool) -> FixOutcome {
    let mut by_file: BTreeMap<FileId, Vec<usize>> = BTreeMap::new();
    for (index, finding) in findings.iter().enumerate() {
        if let Some(fix) = &finding.fix {
            by_file.entry(fix.file).or_default().push(index);
        }
    }
    let mut outcome = FixOutcome::default();
    for (file, mut indices) in by_file {
        let source = sources.get(file);
        let original = source.text();
        indices.sort_by_key(|&i| findings[i].fix.as_ref().map(|f| (f.span.start, f.span.end)));
        let mut fixed = String::with_capacity(original.len());
        let mut at = 0usize;
        let mut applied = Vec::new();
        for index in indices {
            let Some(fix) = &findings[index].fix else {
                continue;
            };
            let range = fix.span.range();
            if range.start < at {
                continue; // Overlaps a fix already applied.
            }
            fixed.push_str(&original[at..range.start]);
            fixed.push_str(&fix.replacement);
            at = range.end;
            applied.push(index);
        }
        fixed.push_str(&original[at..]);
        if fixed == original {
            continue;
        }
        let name = source.name().strip_prefix("./").unwrap_or(source.name());
        if write {
            if let Err(error) = write_atomically(Path::new(name), original, &fixed) {
                outcome.problems.push(error.to_diagnostic());
                continue;
            }
        }
        outcome.diff.push_str(
            &TextDiff::from_lines(original, &fixed)
                .unified_diff()
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string(),
        );
        outcome.files += 1;
        outcome.applied.extend(applied);
    }
    outcome
}

/// Why a file could not be fixed.
#[derive(Debug, thiserror::Error)]
enum FixError {
    #[error("cannot re-read `{path}` to fix it: {source}")]
    Reread {
        path: String,
        source: std::io::Error,
    },
    #[error("`{path}` changed while factlint was reading it; not fixed")]
    Changed { path: String },
    #[error("cannot write `{path}`: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl FixError {
    fn to_diagnostic(&self) -> Diagnostic {
        let diagnostic = Diagnostic::new(IO, Severity::Error, self.to_string());
        match self {
            FixError::Changed { .. } => diagnostic.with_help("run factlint --fix again"),
            _ => diagnostic,
        }
    }
}

/// Replaces the file at `path` with `fixed`, unless it no longer holds
/// `original`.
fn write_atomically(path: &Path, original: &str, fixed: &str) -> Result<(), FixError> {
    let name = || path.display().to_string();
    let current = std::fs::read(path).map_err(|source| FixError::Reread {
        path: name(),
        source,
    })?;
    if current != original.as_bytes() {
        return Err(FixError::Changed { path: name() });
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{file_name}.factlint-fix"));
    let result = std::fs::write(&temp, fixed).and_then(|()| {
        // Keep the original's permissions.
        if let Ok(metadata) = std::fs::metadata(path) {
            let _ = std::fs::set_permissions(&temp, metadata.permissions());
        }
        std::fs::rename(&temp, path)
    });
    result.map_err(|source| {
        let _ = std::fs::remove_file(&temp);
        FixError::Write {
            path: name(),
            source,
        }
    })
}
