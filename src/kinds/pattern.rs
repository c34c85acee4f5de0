//! `pattern`: a regex that must not match.
//!
//! ## What it does
//! Reports every match of `pattern` in each unit of the `scope` (line by
//! default; also sentence, paragraph or document).
//!
//! ## Options
//! - `pattern`: the regex. If it has a capture group named `span`, only that
//!   group is flagged and the rest is context, which stands in for the
//!   look-behind the regex crate lacks: `\w(?P<span>  +)\w` flags the spaces
//!   between two words. Alternatives that need different context can each
//!   name their own group `span_<anything>`; the first group that took part
//!   in the match is flagged.
//! - `exceptions`: matched texts that are fine as they are (`iPhone`).
//! - `exception_pattern`: a regex; a match is fine when the whole
//!   white-space-delimited token around it matches (URLs, handles).
//! - `replace`: the suggested replacement for the flagged text (the `span`
//!   group if there is one, else the whole match), with `$1` or `${name}`
//!   for groups; shown as `help: replace with ...` and used by `--fix`.
//! - `scope`: `line` (default), `sentence`, `paragraph` or `document`.
//!
//! Templates may use `{match}` (the flagged text) and any named group.

use crate::rules::RuleRegex;

use super::scope::Scope;
use super::KindInfo;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::Document;
use crate::rules::reader::TableReader;
use crate::rules::template::escape_invisible;
use crate::rules::{compile_regex, Rule};
use crate::source::{FileId, Span};

pub const INFO: KindInfo = KindInfo {
    name: "pattern",
    summary: "a regex that must not match",
    options: &[
        "pattern",
        "exceptions",
        "exception_pattern",
        "replace",
        "scope",
    ],
};

#[derive(Debug)]
pub struct Pattern {
    regex: RuleRegex,
    span_groups: Vec<usize>,
    exceptions: Vec<String>,
    exception_pattern: Option<RuleRegex>,
    replace: Option<String>,
    scope: Scope,
}

pub fn compile(reader: &mut TableReader<'_, '_>, source: &str) -> Option<Pattern> {
    let pattern = reader.required_string("pattern", "the regex to flag");
    let exceptions = reader.string_list("exceptions").unwrap_or_default();
    let exception_pattern = reader.string("exception_pattern");
    let replace = reader.string("replace");
    let scope = Scope::read(reader, Scope::Line);

    let regex = compile_regex(&pattern?, source, reader.errors);
    let exception_pattern = match exception_pattern {
        Some(raw) => Some(compile_regex(&raw, source, reader.errors)?),
        None => None,
    };
    let regex = regex?;
    let span_groups = regex
        .capture_names()
        .enumerate()
        .filter(|(_, name)| name.is_some_and(|n| n == "span" || n.starts_with("span_")))
        .map(|(index, _)| index)
        .collect();
    Some(Pattern {
        regex,
        span_groups,
        exceptions: exceptions.into_iter().map(|e| e.value).collect(),
        exception_pattern,
        replace: replace.map(|r| r.value),
        scope: scope?,
    })
}

impl Pattern {
    pub fn placeholders(&self) -> Vec<String> {
        std::iter::once("match".to_owned())
            .chain(self.regex.capture_names().flatten().map(str::to_owned))
            .collect()
    }

    pub fn check(&self, rule: &Rule, file: FileId, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        for unit in self.scope.units(doc) {
            // Only an empty match fits in an empty unit (a blank line),
            // and an empty match is never reported.
            if unit.start == unit.end {
                continue;
            }
            let haystack = doc.slice(unit);
            let base = unit.start as usize;
            let regex = self.regex.for_characters(doc.characters(unit));
            let mut at = 0;
            while at <= haystack.len() {
                let Some(captures) = regex.captures_at(haystack, at) else {
                    break;
                };
                let whole = captures.get(0).map_or(at..at, |m| m.range());
                let flagged = self
                    .span_groups
                    .iter()
                    .find_map(|&group| captures.get(group))
                    .map_or(whole.clone(), |m| m.range());
                // Resume after the flagged part, so that context consumed
                // after it (`\w` in `\w  +\w`) can start the next match.
                at = if flagged.end > at {
                    flagged.end
                } else {
                    next_char(haystack, whole.end.max(at))
                };
                let text = &haystack[flagged.clone()];
                if flagged.is_empty() || self.is_exception(haystack, flagged.clone()) {
                    continue;
                }
                let span = Span::new(base + flagged.start, base + flagged.end);
                let mut diagnostic = rule.report(file, span, |name| match name {
                    "match" => Some(text),
                    group => captures.name(group).map(|m| m.as_str()),
                });
                if let Some(replace) = &self.replace {
                    let mut replacement = String::new();
                    captures.expand(replace, &mut replacement);
                    if text != replacement {
                        diagnostic.fix = Some(Fix {
                            file,
                            span,
                            replacement,
                        });
                    }
                }
                out.push(diagnostic);
            }
        }
    }

    fn is_exception(&self, haystack: &str, flagged: std::ops::Range<usize>) -> bool {
        let text = &haystack[flagged.clone()];
        if self.exceptions.iter().any(|e| e == text) {
            return true;
        }
        let Some(exception) = &self.exception_pattern else {
            return false;
        };
        let start = haystack[..flagged.start]
            .rfind(char::is_whitespace)
            .map_or(0, |i| {
                i + haystack[i..].chars().next().map_or(1, char::len_utf8)
            });
        let end = haystack[flagged.end..]
            .find(char::is_whitespace)
            .map_or(haystack.len(), |i| flagged.end + i);
        exception.is_match(&haystack[start..end])
    }
}

/// The byte offset just past the character at `at` (or `at + 1` at the end).
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// The replacement of a fix as shown in help text.
pub fn describe_fix(replacement: &str) -> String {
    if replacement.is_empty() {
        "remove it".to_owned()
    } else if replacement == " " {
        "replace with a single space".to_owned()
    } else {
        format!("replace with `{}`", escape_invisible(replacement))
    }
}
