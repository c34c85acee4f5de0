//! Suppression comments: turning rules off for part of a file.
//!
//! In any linted file, HTML comments (which Markdown renders as nothing):
//!
//! - `<!-- factlint-disable RULE ... -->` turns the rules off from here
//!   (no rule named: every rule);
//! - `<!-- factlint-enable RULE ... -->` turns them back on;
//! - `<!-- factlint-disable-next-line RULE ... -->` turns them off for the
//!   next line that is not blank.
//!
//! Rules are separated by spaces or commas. A suppression that suppresses
//! nothing is itself reported (`unused-suppression`, a warning), so stale
//! comments do not pile up.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::{FileId, SourceFile, Span};

/// The code of the finding about a suppression that suppresses nothing.
pub const UNUSED: &str = "unused-suppression";

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*factlint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid regex")
});

#[derive(Debug)]
struct Suppression {
    /// The rules named; empty for every rule.
    rules: Vec<String>,
    /// Where the suppression starts.
    start: u32,
    /// Where it ends for each rule in `rules` (one end when `rules` is
    /// empty): an `enable` may end some of a disable's rules and not others.
    ends: Vec<u32>,
    /// The comment itself.
    comment: Span,
    directive: String,
    used: bool,
}

/// Parses the suppressions of one file.
fn parse(file: &SourceFile) -> Vec<Suppression> {
    let text = file.text();
    let mut found: Vec<Suppression> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    if !text.contains("factlint-") {
        return Vec::new();
    }
    for captures in DIRECTIVE.captures_iter(text) {
        let (Some(whole), Some(kind), Some(names)) =
            (captures.get(0), captures.get(1), captures.get(2))
        else {
            continue;
        };
        let rules: Vec<String> = names
            .as_str()
            .split([' ', ',', '\t'])
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        let comment = Span::from(whole.range());
        match kind.as_str() {
            "disable-next-line" => {
                let line = file.line_index(whole.end());
                let next = (line + 1..)
                    .map_while(|l| file.line_range(l))
                    .find(|range| !text[range.clone()].trim().is_empty());
                let covers = next.map_or(Span::new(text.len(), text.len()), Span::from);
                let ends = vec![covers.end; rules.len().max(1)];
                found.push(Suppression {
                    rules,
                    start: covers.start,
                    ends,
                    comment,
                    directive: whole.as_str().to_owned(),
                    used: false,
                });
            }
            "disable" => {
                open.push(found.len());
                let ends = vec![text.len() as u32; rules.len().max(1)];
                found.push(Suppression {
                    rules,
                    start: whole.end() as u32,
                    ends,
                    comment,
                    directive: whole.as_str().to_owned(),
                    used: false,
                });
            }
            _ => {
                // `enable` ends the rules it names in every open disable
                // (every rule if it names none; a disable of every rule
                // ends at any enable).
                let at = whole.start() as u32;
                for &index in &open {
                    let disable = &mut found[index];
                    for (i, end) in disable.ends.iter_mut().enumerate() {
                        let named = rules.is_empty()
                            || disable.rules.is_empty()
                            || rules.contains(&disable.rules[i]);
                        if named && *end > at {
                            *end = at;
                        }
                    }
                }
                open.retain(|&index| found[index].ends.iter().any(|&end| end > at));
            }
        }
    }
    found
}

/// Removes the findings of `file` that a suppression covers, and returns a
/// warning for each suppression that covered none. `active` lists the
/// rules that ran and `known` every rule loaded: a suppression naming only
/// rules that were loaded but did not run (turned off with `-A`) is not
/// reported, one naming a rule that does not exist is.
pub fn apply(
    file: FileId,
    source: &SourceFile,
    findings: &mut Vec<Diagnostic>,
    active: &[String],
    known: &[String],
) -> Vec<Diagnostic> {
    let mut suppressions = parse(source);
    if suppressions.is_empty() {
        return Vec::new();
    }
    findings.retain(|finding| {
        let Some(primary) = finding.primary.as_ref().filter(|p| p.file == file) else {
            return true;
        };
        let mut suppressed = false;
        for s in suppressions.iter_mut() {
            let end = if s.rules.is_empty() {
                s.ends.first().copied()
            } else {
                s.rules
                    .iter()
                    .position(|r| *r == finding.code)
                    .map(|i| s.ends[i])
            };
            let covered =
                end.is_some_and(|end| s.start <= primary.span.start && primary.span.start < end);
            if covered {
                s.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    let reportable = |s: &Suppression| {
        s.rules.is_empty()
            || s.rules
                .iter()
                .any(|r| active.contains(r) || !known.contains(r))
    };
    suppressions
        .into_iter()
        .filter(|s| !s.used && reportable(s))
        .map(|s| {
            let directive = s
                .directive
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim();
            let mut diagnostic = Diagnostic::new(
                UNUSED,
                Severity::Warning,
                format!("`{directive}` suppresses nothing"),
            )
            .with_primary(Label::new(file, s.comment))
            .with_help("remove the comment, or fix the rule name");
            let unknown: Vec<String> = s
                .rules
                .iter()
                .filter(|r| !known.contains(r))
                .map(|r| format!("`{r}`"))
                .collect();
            if !unknown.is_empty() {
                diagnostic
                    .notes
                    .push(format!("no rule is called {}", unknown.join(", ")));
            }
            diagnostic
        })
        .collect()
}
