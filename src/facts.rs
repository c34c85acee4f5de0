//! `factlint facts`: what the `agree` rules compare.
//!
//! A rule author needs to see which figures each fact rule extracted, and
//! where; this module lists them, grouped by rule and key, and also lists
//! candidate facts: figures attached to the same noun in more than one
//! file, which a new rule could compare.
//!
//! The JSON shape is stable:
//!
//! ```json
//! { "version": 1,
//!   "facts": [ { "rule", "key", "value", "written", "statement", "file", "span": SPAN,
//!                "interval": { "low", "high" (null if unbounded), "low_inclusive",
//!                              "high_inclusive", "percent" } } ],
//!   "candidates": [ { "noun", "files", "values": ["400", "more than 400"] } ] }
//! ```
//!
//! `SPAN` is the one of `factlint inspect` (byte offsets and 1-based
//! line/column).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::document::Document;
use crate::kinds::Kind;
use crate::quantity::{self, Interval};
use crate::ruleset::RuleSet;
use crate::source::{FileId, Location, Sources};

/// One extracted statement of a fact.
#[derive(Debug, Serialize)]
pub struct FactRow {
    pub rule: String,
    pub key: String,
    /// The figure as read (`more than 400`).
    pub value: String,
    /// The figure as written (`over 400`).
    pub written: String,
    /// The text the rule's pattern matched.
    pub statement: String,
    pub file: String,
    pub span: Location,
    pub interval: Interval,
}

/// A noun that figures are attached to in more than one file.
#[derive(Debug, Serialize)]
pub struct Candidate {
    pub noun: String,
    pub files: usize,
    pub values: Vec<String>,
}

/// Everything `factlint facts` prints.
#[derive(Debug, Serialize)]
pub struct FactTable {
    pub version: u32,
    pub facts: Vec<FactRow>,
    pub candidates: Vec<Candidate>,
}

/// Words after a figure that do not name what is counted.
const NOT_NOUNS: &[&str] = &[
    "a", "am", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or",
    "p.m", "percent", "pm", "than", "that", "the", "to", "was", "were", "with",
];

impl FactTable {
    /// Extracts the statements of every `agree` rule from `files`.
    pub fn collect(rules: &RuleSet, sources: &Sources, files: &[FileId]) -> Self {
        let mut facts = Vec::new();
        let mut nouns: BTreeMap<String, (BTreeSet<FileId>, BTreeSet<String>)> = BTreeMap::new();
        for &file in files {
            let source = sources.get(file);
            let view = crate::input::prose_view(source.name(), source.text());
            let doc = Document::parse(&view);
            for rule in &rules.rules {
                let Kind::Agree(agree) = &rule.kind else {
                    continue;
                };
                for statement in agree.gather(rule, &doc) {
                    facts.push(FactRow {
                        rule: rule.id.clone(),
                        key: statement.key.clone(),
                        value: statement.quantity.to_string(),
                        written: statement.written.clone(),
                        statement: source.text()[statement.span.range()].to_owned(),
                        file: source.name().to_owned(),
                        span: Location::new(source, statement.figure),
                        interval: Interval::from(&statement.quantity),
                    });
                }
            }
            for (index, sentence) in doc.sentences.iter().enumerate() {
                for &figure in doc.figures(index) {
                    let Some(quantity) = quantity::parse(doc.slice(figure)) else {
                        continue;
                    };
                    let noun: String = doc.text()[figure.end as usize..sentence.span.end as usize]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase();
                    if noun.len() < 3
                        || NOT_NOUNS.contains(&noun.as_str())
                        || noun.contains(|c: char| c.is_ascii_digit())
                    {
                        continue;
                    }
                    let entry = nouns.entry(noun).or_default();
                    entry.0.insert(file);
                    entry.1.insert(quantity.to_string());
                }
            }
        }
        facts.sort_by(|a, b| {
            (&a.rule, &a.key, &a.file, a.span.start).cmp(&(&b.rule, &b.key, &b.file, b.span.start))
        });
        let candidates = nouns
            .into_iter()
            .filter(|(_, (files, _))| files.len() > 1)
            .map(|(noun, (files, values))| Candidate {
                noun,
                files: files.len(),
                values: values.into_iter().collect(),
            })
            .collect();
        FactTable {
            version: 1,
            facts,
            candidates,
        }
    }

    /// The table as aligned text columns.
    pub fn to_text(&self) -> String {
        let mut rows: Vec<[String; 5]> = vec![[
            "FACT".to_owned(),
            "KEY".to_owned(),
            "VALUE".to_owned(),
            "WHERE".to_owned(),
            "STATEMENT".to_owned(),
        ]];
        for fact in &self.facts {
            rows.push([
                fact.rule.clone(),
                if fact.key.is_empty() {
                    "-".to_owned()
                } else {
                    fact.key.clone()
                },
                fact.value.clone(),
                format!("{}:{}:{}", fact.file, fact.span.line, fact.span.column),
                fact.statement.clone(),
            ]);
        }
        let mut out = String::new();
        if self.facts.is_empty() {
            out.push_str("no statements of any fact were found\n");
        } else {
            let widths: Vec<usize> = (0..4)
                .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
                .collect();
            for row in &rows {
                for (c, cell) in row.iter().enumerate() {
                    if c < 4 {
                        out.push_str(cell);
                        out.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
                    } else {
                        out.push_str(cell);
                    }
                }
                out.push('\n');
            }
        }
        if !self.candidates.is_empty() {
            out.push_str("\ncandidate facts (figures before the same word in several files):\n");
            for candidate in &self.candidates {
                out.push_str(&format!(
                    "  {:<16} {} files: {}\n",
                    candidate.noun,
                    candidate.files,
                    candidate.values.join(", ")
                ));
            }
        }
        out
    }
}
