//! Rule kinds: the algorithms behind rules.
//!
//! A rule file picks a kind with `kind = "..."` and sets the kind's options;
//! the algorithm lives here, once, in one module per kind. Every kind reads
//! the same [`Document`] and only appends [`Diagnostic`]s: kinds never print
//! and never touch the file system.
//!
//! Kinds that compare documents (the same figure across the articles of a
//! story) work in two steps: [`Kind::gather`] collects [`Evidence`] from
//! each document, and [`Kind::conclude`] compares the evidence of a group
//! of documents, chosen by [`Kind::grouping`].
//!
//! To add a kind: write its module with an [`KindInfo`] (name, summary,
//! option keys) and a `compile` function reading its options, then list it
//! in [`KINDS`], [`Kind`] and [`compile`].

pub mod agree;
pub mod consistency;
pub mod pattern;
pub mod quote;
pub mod repetition;
pub mod scope;
pub mod sentence;
pub mod spelling;
pub mod story;
pub mod structure;
pub mod verbs;

use crate::diagnostic::Diagnostic;
use crate::document::{Document, RoleSet};
use crate::fact_sheet::FactSheet;
use crate::rules::reader::TableReader;
use crate::rules::RuleHead;
pub use crate::rules::{Grouping, KindInfo};
use crate::source::{FileId, Sources};

/// What one document contributes to a cross-document rule.
#[derive(Debug)]
pub enum Evidence {
    Forms(Vec<consistency::FormUse>),
    Statements(Vec<agree::Statement>),
    Claims(story::Evidence),
}

/// Every kind, by name.
pub const KINDS: &[KindInfo] = &[
    pattern::INFO,
    sentence::INFO,
    quote::INFO,
    structure::INFO,
    consistency::INFO,
    agree::INFO,
    story::INFO,
    spelling::INFO,
    repetition::INFO,
];

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
    Spelling(spelling::Spelling),
    Quote(quote::QuoteCheck),
    Structure(structure::StructureCheck),
    Consistency(consistency::Consistency),
    Agree(agree::Agree),
    Story(story::Story),
}

impl Kind {
    /// Runs the kind for `rule` over one document.
    pub fn check(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        self.check_cleared(rule, file, doc, out, None);
    }

    /// [`Kind::check`], with the units a shared search cleared
    /// ([`pattern::SharedSearch`]) for a pattern rule.
    pub fn check_cleared(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
        cleared: Option<&[bool]>,
    ) {
        match self {
            Kind::Pattern(kind) => kind.check(rule, file, doc, out, cleared),
            Kind::Sentence(kind) => kind.check(rule, file, doc, out),
            Kind::Repetition(kind) => kind.check(rule, file, doc, out),
            Kind::Spelling(kind) => kind.check(rule, file, doc, out),
            Kind::Quote(kind) => kind.check(rule, file, doc, out),
            Kind::Structure(kind) => kind.check(rule, file, doc, out),
            // Cross-document kinds report from `conclude`.
            Kind::Consistency(_) | Kind::Agree(_) | Kind::Story(_) => {}
        }
    }

    /// For kinds that compare documents, how documents are grouped; `None`
    /// for kinds that check each document alone.
    pub fn grouping(&self) -> Option<Grouping> {
        match self {
            Kind::Consistency(kind) => Some(kind.grouping()),
            Kind::Agree(kind) => Some(kind.grouping()),
            Kind::Story(kind) => Some(kind.grouping()),
            _ => None,
        }
    }

    /// What `doc` contributes to a cross-document rule.
    pub fn gather(&self, rule: &RuleHead, file: FileId, doc: &Document<'_>) -> Option<Evidence> {
        match self {
            Kind::Consistency(kind) => kind.gather(rule, file, doc).map(Evidence::Forms),
            Kind::Agree(kind) => {
                let statements = kind.gather(rule, doc);
                (!statements.is_empty()).then_some(Evidence::Statements(statements))
            }
            Kind::Story(kind) => kind.gather(rule, doc).map(Evidence::Claims),
            _ => None,
        }
    }

    /// Compares the evidence of one group of documents.
    pub fn conclude(
        &self,
        rule: &RuleHead,
        group: Vec<(FileId, Evidence)>,
        sources: &Sources,
        sheet: Option<&FactSheet>,
        out: &mut Vec<Diagnostic>,
    ) {
        match self {
            Kind::Consistency(kind) => {
                let uses = group
                    .into_iter()
                    .filter_map(|(file, evidence)| match evidence {
                        Evidence::Forms(uses) => Some((file, uses)),
                        _ => None,
                    })
                    .collect();
                kind.conclude(rule, uses, sources, out);
            }
            Kind::Agree(kind) => {
                let statements = group
                    .into_iter()
                    .filter_map(|(file, evidence)| match evidence {
                        Evidence::Statements(statements) => Some((file, statements)),
                        _ => None,
                    })
                    .collect();
                kind.conclude(rule, statements, sources, sheet, out);
            }
            Kind::Story(kind) => {
                let claims = group
                    .into_iter()
                    .filter_map(|(file, evidence)| match evidence {
                        Evidence::Claims(claims) => Some((file, claims)),
                        _ => None,
                    })
                    .collect();
                kind.conclude(rule, claims, sources, sheet, out);
            }
            _ => {}
        }
    }

    /// Applies the project's settings: words to accept (spelling and name
    /// rules) and the default scope of fact rules that set none.
    pub fn apply_project(&mut self, allow: &[String], fact_scope: Option<Grouping>) {
        match self {
            Kind::Spelling(kind) => kind.allow_words(allow),
            Kind::Consistency(kind) => kind.allow_words(allow),
            Kind::Agree(kind) => {
                if let Some(grouping) = fact_scope {
                    kind.set_default_grouping(grouping);
                }
            }
            Kind::Story(kind) => {
                if let Some(grouping) = fact_scope {
                    kind.set_default_grouping(grouping);
                }
            }
            _ => {}
        }
    }

    /// The options of a pattern rule; `None` for every other kind.
    pub fn as_pattern(&self) -> Option<&pattern::Pattern> {
        match self {
            Kind::Pattern(pattern) => Some(pattern),
            _ => None,
        }
    }

    /// The kind's name in rule files.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Pattern(_) => pattern::INFO.name,
            Kind::Sentence(_) => sentence::INFO.name,
            Kind::Spelling(_) => spelling::INFO.name,
            Kind::Repetition(_) => repetition::INFO.name,
            Kind::Quote(_) => quote::INFO.name,
            Kind::Structure(_) => structure::INFO.name,
            Kind::Consistency(_) => consistency::INFO.name,
            Kind::Agree(_) => agree::INFO.name,
            Kind::Story(_) => story::INFO.name,
        }
    }

    /// The paragraphs a rule of this kind reads when it sets no `roles`:
    /// the article's prose, and its headlines where a slip there matters
    /// as much (typography, spelling, figures, the shape of the copy).
    /// Quotations and sentences are read in prose only, since headlines
    /// quote without attribution and are not sentences; compared units
    /// (paragraphs said twice) are prose only, since a headline, a dek or
    /// a caption is meant to echo the body.
    pub fn default_roles(&self) -> RoleSet {
        match self {
            Kind::Pattern(_)
            | Kind::Spelling(_)
            | Kind::Structure(_)
            | Kind::Consistency(_)
            | Kind::Agree(_)
            | Kind::Story(_) => RoleSet::PROSE_AND_HEADLINE,
            Kind::Sentence(_) | Kind::Quote(_) => RoleSet::PROSE,
            Kind::Repetition(kind) => kind.default_roles(),
        }
    }

    /// The placeholders this kind provides to message templates.
    pub fn placeholders(&self) -> Vec<String> {
        match self {
            Kind::Pattern(kind) => kind.placeholders(),
            Kind::Sentence(kind) => kind.placeholders(),
            Kind::Repetition(kind) => kind.placeholders(),
            Kind::Spelling(kind) => kind.placeholders(),
            Kind::Quote(kind) => kind.placeholders(),
            Kind::Structure(kind) => kind.placeholders(),
            Kind::Consistency(kind) => kind.placeholders(),
            Kind::Agree(kind) => kind.placeholders(),
            Kind::Story(kind) => kind.placeholders(),
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
        "spelling" => spelling::compile(reader).map(Kind::Spelling),
        "quote" => quote::compile(reader, source).map(Kind::Quote),
        "structure" => structure::compile(reader, source).map(Kind::Structure),
        "consistency" => consistency::compile(reader, source).map(Kind::Consistency),
        "agree" => agree::compile(reader, source).map(Kind::Agree),
        "story" => story::compile(reader, source).map(Kind::Story),
        _ => None,
    }
}
