//! Rules: the TOML side of factlint, below every kind.
//!
//! A rule file holds one or more `[[rule]]` tables. Each names a kind (the
//! algorithm, in [`crate::kinds`]), the kind's options, and how to report a
//! finding. Loading goes in two layers, as in selene and cargo-deny: the
//! file is parsed into toml's spanned tree, then every table is validated,
//! collecting every error with its span so that all of them can be shown
//! with code frames into the rule file.
//!
//! This module knows no kind: it holds what every rule has (its
//! [`RuleHead`]), the readers a kind reads its options with
//! ([`reader`]), message templates, examples and the shipped rule files.
//! [`crate::ruleset`] joins a head to its kind.

pub mod builtin;
pub mod examples;
pub mod reader;
pub mod template;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::document::{Document, Role, RoleSet};
pub use crate::rule_regex::RuleRegex;
use crate::source::{FileId, Span};
pub use examples::Example;
use reader::{Errors, SpannedStr};
pub use template::Template;

/// Keys every rule accepts, whatever its kind.
pub const COMMON_KEYS: &[&str] = &[
    "id",
    "kind",
    "description",
    "severity",
    "message",
    "help",
    "note",
    "url",
    "enabled",
    "examples",
    "roles",
];

/// The most memory one compiled rule regex may take; a pattern over it is
/// reported as a rule-file error rather than slowing every run down.
const REGEX_SIZE_LIMIT: usize = 8 * 1024 * 1024;

/// Where a rule was defined: its rule file and the span of its `id` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: FileId,
    pub span: Span,
}

/// The validated keys every rule has, whatever its kind: what the rule is
/// called, how its findings read and which paragraphs it reads. A kind
/// reports through it; [`crate::ruleset::Rule`] joins it to the kind.
#[derive(Debug)]
pub struct RuleHead {
    pub id: String,
    pub description: String,
    pub severity: Severity,
    pub message: Template,
    pub help: Option<Template>,
    pub note: Option<Template>,
    pub url: Option<String>,
    /// False for a rule that is off unless turned on (`-W RULE`, or
    /// `enabled = true` in `factlint.toml`): a rule whose precision on real
    /// copy is below the bar for the default set.
    pub enabled: bool,
    /// The paragraphs the rule reads, by role: the rule's `roles`, or its
    /// kind's default.
    pub roles: RoleSet,
    pub origin: Origin,
    /// Texts the rule must flag or leave alone (`[[rule.examples]]`).
    pub examples: Vec<Example>,
}

impl RuleHead {
    /// Whether the rule reads paragraphs of `role`.
    pub fn reads(&self, role: Role) -> bool {
        self.roles.contains(role)
    }

    /// Whether the rule reads the paragraph containing byte `offset` (text
    /// between paragraphs is read by every rule).
    pub fn reads_at(&self, doc: &Document<'_>, offset: u32) -> bool {
        doc.role_at(offset).is_none_or(|role| self.reads(role))
    }

    /// Builds a finding of this rule at `span` of `file`, filling the
    /// message, note and help templates from `values`.
    pub fn report<'v>(
        &self,
        file: FileId,
        span: Span,
        values: impl Fn(&str) -> Option<&'v str>,
    ) -> Diagnostic {
        let mut diagnostic = Diagnostic::new(&self.id, self.severity, self.message.render(&values))
            .with_primary(Label::new(file, span));
        if let Some(note) = &self.note {
            diagnostic.notes.push(note.render(&values));
        }
        if let Some(help) = &self.help {
            diagnostic.help = Some(help.render(&values));
        }
        diagnostic
    }
}

/// A rule file to load: the name shown in diagnostics and its text.
#[derive(Clone, Debug)]
pub struct RuleFile {
    pub name: String,
    pub text: String,
}

/// What the rule loader needs to know about a kind.
#[derive(Debug)]
pub struct KindInfo {
    pub name: &'static str,
    pub summary: &'static str,
    /// The option keys this kind accepts, besides the common rule keys.
    pub options: &'static [&'static str],
}

/// Which documents a cross-document rule compares with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Each file on its own.
    File,
    /// The files of one directory: one story.
    Directory,
    /// Every file of the run.
    Run,
}

impl Grouping {
    /// The spellings of the `scope` option of cross-document kinds.
    pub const CHOICES: &'static [(&'static str, Grouping)] = &[
        ("file", Grouping::File),
        ("directory", Grouping::Directory),
        ("run", Grouping::Run),
    ];
}

/// The span in the rule file of bytes `at..at + len` of a string value, when
/// the TOML literal holds the value verbatim (no escapes); otherwise the
/// whole literal.
pub fn source_offset(source: &str, raw: &SpannedStr, at: usize, len: usize) -> Span {
    let Some(literal) = source.get(raw.span.range()) else {
        return raw.span;
    };
    for quote in ["'''", "\"\"\"", "'", "\""] {
        let Some(body) = literal
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        else {
            continue;
        };
        // A multi-line string drops a newline right after its opening quote.
        let (skip, body) = match body.strip_prefix('\n') {
            Some(rest) if quote.len() == 3 => (quote.len() + 1, rest),
            _ => (quote.len(), body),
        };
        if body == raw.value {
            let start = raw.span.start as usize + skip + at;
            return Span::new(start, start + len);
        }
        break;
    }
    raw.span
}

/// Compiles a user's regex, reporting a syntax error with a caret at the
/// failing position inside the TOML string.
pub fn compile_regex(raw: &SpannedStr, source: &str, errors: &mut Errors) -> Option<RuleRegex> {
    if let Err(error) = regex_syntax::ast::parse::Parser::new().parse(&raw.value) {
        let span = error.span();
        let width = span.end.offset.saturating_sub(span.start.offset).max(1);
        errors.error_with_help(
            source_offset(source, raw, span.start.offset, width),
            format!("invalid regex: {}", error.kind()),
            "here",
            "regex syntax: https://docs.rs/regex/latest/regex/#syntax",
        );
        return None;
    }
    match build_regex(&raw.value, REGEX_SIZE_LIMIT, errors) {
        Ok(regex) => Some(regex),
        Err(regex::Error::CompiledTooBig(limit)) => {
            errors.error_with_help(
                raw.span,
                format!("regex is too large (over {limit} bytes compiled)"),
                "too large",
                "split the pattern into several rules, or use shorter alternatives",
            );
            None
        }
        Err(error) => {
            let detail = error.to_string();
            let last = detail.lines().last().unwrap_or("invalid regex").trim();
            errors.error(
                raw.span,
                format!("invalid regex: {}", last.trim_start_matches("error: ")),
                "in this pattern",
            );
            None
        }
    }
}

/// Compiles a regex of a rule in the file of `errors`: every error is
/// found now ([`RuleRegex::new`]), except in a file that ships with
/// factlint, whose regexes the tests compile ([`RuleRegex::prechecked`]).
pub(crate) fn build_regex(
    pattern: &str,
    size_limit: usize,
    errors: &Errors,
) -> Result<RuleRegex, regex::Error> {
    if errors.shipped {
        RuleRegex::prechecked(pattern, size_limit)
    } else {
        RuleRegex::new(pattern, size_limit)
    }
}

/// Reports a bad value of an enumerated option.
pub(crate) fn bad_choice(errors: &mut Errors, raw: &SpannedStr, key: &str, choices: &[&str]) {
    let suggestion = reader::closest(&raw.value, choices)
        .map(|s| format!("did you mean `{s}`? "))
        .unwrap_or_default();
    errors.error_with_help(
        raw.span,
        format!("unknown value `{}` for `{key}`", raw.value),
        format!("not a valid `{key}`"),
        format!(
            "{suggestion}`{key}` is one of: {}",
            choices
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
}
