//! Rule kinds: the algorithms behind rules.
//!
//! A rule file picks a kind with `kind = "..."` and sets the kind's options;
//! the algorithm lives here, once, in one module per kind. Every kind reads
//! the same [`Document`] and only appends [`Diagnostic`]s: kinds never print
//! and never touch the file system.
//!
//! To add a kind: write its module with an [`KindInfo`] (name, summary,
//! option keys) and a `compile` function reading its options, then list it
//! in [`KINDS`], [`Kind`] and [`compile`].

pub mod pattern;
pub mod repetition;
pub mod scope;
pub mod sentence;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::reader::TableReader;
use crate::rules::Rule;
use crate::source::FileId;

/// What the rule loader needs to know about a kind.
#[derive(Debug)]
pub struct KindInfo {
    pub name: &'static str,
    pub summary: &'static str,
    /// The option keys this kind accepts, besides the common rule keys.
    pub options: &'static [&'static str],
}

/// Every kind, by name.
pub const KINDS: &[KindInfo] = &[pattern::INFO, sentence::INFO, repetition::INFO];

/// Looks a kind up by its name in rule files.
pub fn info(name: &str) -> Option<&'static KindInfo> {
    KINDS.iter().find(|kind| kind.name == name)
}

/// A compiled kind with its options.
#[derive(Debug)]
pub enum Kind {
    Pattern(pattern::Pattern),
    Sentence(sentence::SentenceCheck),
    Repetition(repetition::Repetition),
}

impl Kind {
    /// Runs the kind for `rule` over one document.
    pub fn check(&self, rule: &Rule, file: FileId, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        match self {
            Kind::Pattern(kind) => kind.check(rule, file, doc, out),
            Kind::Sentence(kind) => kind.check(rule, file, doc, out),
            Kind::Repetition(kind) => kind.check(rule, file, doc, out),
        }
    }

    /// The placeholders this kind provides to message templates.
    pub fn placeholders(&self) -> Vec<String> {
        match self {
            Kind::Pattern(kind) => kind.placeholders(),
            Kind::Sentence(kind) => kind.placeholders(),
            Kind::Repetition(kind) => kind.placeholders(),
        }
    }
}

/// Reads and validates the options of kind `name` from a rule table.
/// Errors go to the reader's error list; `None` means the options were bad.
pub fn compile(name: &str, reader: &mut TableReader<'_, '_>, source: &str) -> Option<Kind> {
    match name {
        "pattern" => pattern::compile(reader, source).map(Kind::Pattern),
        "sentence" => sentence::compile(reader, source).map(Kind::Sentence),
        "repetition" => repetition::compile(reader, source).map(Kind::Repetition),
        _ => None,
    }
}
