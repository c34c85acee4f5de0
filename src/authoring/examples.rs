//! Running one example of a rule and comparing what the rule flagged with
//! what the example marked.
//!
//! Each example runs in a lint pass of its own, so that the documents of
//! two examples are never compared with each other by a rule that compares
//! documents. The pass runs every loaded rule (as a real run would) and
//! keeps the findings of the rule under test.

use crate::diagnostic::Diagnostic;
use crate::engine::Linter;
use crate::rules::Example;
use crate::ruleset::{Rule, RuleSet};
use crate::source::{FileId, SourceFile, Sources, Span};

/// A span in one document of an example.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// The index of the document in the example.
    pub document: usize,
    pub span: Span,
}

/// One example, run.
#[derive(Debug)]
pub struct ExampleRun<'e> {
    pub example: &'e Example,
    /// Where each document of the example is in the run's sources.
    pub files: Vec<FileId>,
    /// The findings of the rule under test, sorted.
    pub findings: Vec<Diagnostic>,
    /// The marked places, sorted and without repeats.
    pub expected: Vec<Place>,
    /// The primary places of the findings, sorted and without repeats.
    pub actual: Vec<Place>,
}

impl ExampleRun<'_> {
    /// Whether the rule flagged exactly the marked places.
    pub fn passed(&self) -> bool {
        self.expected == self.actual
    }

    /// Marked places the rule did not flag.
    pub fn missing(&self) -> Vec<Place> {
        self.expected
            .iter()
            .filter(|p| !self.actual.contains(p))
            .copied()
            .collect()
    }

    /// Places the rule flagged that were not marked, each with the first
    /// finding there.
    pub fn unexpected(&self) -> Vec<(Place, &Diagnostic)> {
        self.actual
            .iter()
            .filter(|p| !self.expected.contains(p))
            .filter_map(|place| {
                let finding = self
                    .findings
                    .iter()
                    .find(|d| self.place_of(d) == Some(*place))?;
                Some((*place, finding))
            })
            .collect()
    }

    /// Where a finding's primary label is, if it is in this example.
    pub fn place_of(&self, diagnostic: &Diagnostic) -> Option<Place> {
        let label = diagnostic.primary.as_ref()?;
        let document = self.files.iter().position(|&f| f == label.file)?;
        Some(Place {
            document,
            span: label.span,
        })
    }
}

/// The name an example document gets in diagnostics: the rule and the
/// example, and for several documents a directory of them, so that a rule
/// comparing the documents of one directory compares them.
pub fn document_name(rule: &Rule, example: &Example, document: Option<&str>) -> String {
    match document {
        Some(name) => format!("{}/{}/{name}", rule.id, example.name),
        None => format!("{}/{}.txt", rule.id, example.name),
    }
}

/// Runs `example` of `rule`, adding its documents to `sources`. `rules` is
/// the whole set `rule` was loaded with.
pub fn run_example<'e>(
    rules: &RuleSet,
    rule: &Rule,
    example: &'e Example,
    sources: &mut Sources,
) -> ExampleRun<'e> {
    let files: Vec<FileId> = example
        .documents
        .iter()
        .map(|doc| {
            let name = document_name(rule, example, doc.name.as_deref());
            sources.add(SourceFile::new(name, doc.text.clone()))
        })
        .collect();
    let mut linter = Linter::new(rules);
    for &file in &files {
        linter.add(sources, file);
    }
    let findings: Vec<Diagnostic> = linter
        .finish(sources)
        .into_iter()
        .filter(|d| d.code == rule.id)
        .collect();
    let mut expected: Vec<Place> = example
        .documents
        .iter()
        .enumerate()
        .flat_map(|(document, doc)| doc.marks.iter().map(move |&span| Place { document, span }))
        .collect();
    expected.sort();
    expected.dedup();
    let mut run = ExampleRun {
        example,
        files,
        findings,
        expected,
        actual: Vec::new(),
    };
    let mut actual: Vec<Place> = run
        .findings
        .iter()
        .filter_map(|d| run.place_of(d))
        .collect();
    actual.sort();
    actual.dedup();
    run.actual = actual;
    run
}
