//! `factlint rules` and `factlint explain`: what the loaded rules are, where
//! each is defined, and what one of them flags, shown on its own examples.
//!
//! The JSON shape of `factlint rules --format json` is stable:
//!
//! ```json
//! { "version": 1,
//!   "rules": [ { "id", "kind", "severity", "description", "message",
//!                "help" (null if none), "note" (null), "url" (null),
//!                "file", "line", "examples": { "firing", "quiet" } } ] }
//! ```

use std::io::{self, Write};

use codespan_reporting::term::termcolor::Buffer;
use serde::Serialize;

use super::examples::run_example;
use crate::render::human;
use crate::ruleset::{Rule, RuleSet};
use crate::source::Sources;

/// One rule, as `factlint rules` lists it.
#[derive(Debug, Serialize)]
pub struct RuleEntry {
    pub id: String,
    pub kind: &'static str,
    pub severity: &'static str,
    /// False for a rule that is off by default (turned on with `-W`).
    pub enabled: bool,
    pub description: String,
    pub message: String,
    pub help: Option<String>,
    pub note: Option<String>,
    pub url: Option<String>,
    pub file: String,
    pub line: usize,
    pub examples: ExampleCounts,
}

/// How many examples of a rule must fire and how many must stay quiet.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct ExampleCounts {
    pub firing: usize,
    pub quiet: usize,
}

impl ExampleCounts {
    pub fn of(rule: &Rule) -> Self {
        let firing = rule.examples.iter().filter(|e| e.fires()).count();
        ExampleCounts {
            firing,
            quiet: rule.examples.len() - firing,
        }
    }
}

/// The output of `factlint rules --format json`.
#[derive(Debug, Serialize)]
pub struct RuleList {
    pub version: u32,
    pub rules: Vec<RuleEntry>,
}

impl RuleList {
    pub fn new(rules: &RuleSet, sources: &Sources) -> Self {
        let rules = rules
            .rules
            .iter()
            .map(|rule| {
                let (file, line) = defined_at(rule, sources);
                RuleEntry {
                    id: rule.id.clone(),
                    kind: rule.kind_info().name,
                    severity: rule.severity.as_str(),
                    enabled: rule.enabled,
                    description: rule.description.clone(),
                    message: rule.message.source(),
                    help: rule.help.as_ref().map(|t| t.source()),
                    note: rule.note.as_ref().map(|t| t.source()),
                    url: rule.url.clone(),
                    file,
                    line,
                    examples: ExampleCounts::of(rule),
                }
            })
            .collect();
        RuleList { version: 1, rules }
    }

    /// An aligned table: id, kind, severity, where, description.
    pub fn to_text(&self) -> String {
        if self.rules.is_empty() {
            return String::from("no rules are loaded\n");
        }
        // `(off)`: off by default; `-W RULE` turns it on.
        let mut rows: Vec<[String; 5]> = vec![[
            "ID".into(),
            "KIND".into(),
            "SEVERITY".into(),
            "DEFINED AT".into(),
            "DESCRIPTION".into(),
        ]];
        for rule in &self.rules {
            rows.push([
                rule.id.clone(),
                rule.kind.into(),
                if rule.enabled {
                    rule.severity.into()
                } else {
                    format!("{} (off)", rule.severity)
                },
                format!("{}:{}", rule.file, rule.line),
                rule.description.clone(),
            ]);
        }
        let widths: Vec<usize> = (0..4)
            .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for row in &rows {
            for (cell, width) in row.iter().zip(&widths) {
                out.push_str(cell);
                out.push_str(&" ".repeat(width - cell.chars().count() + 2));
            }
            out.push_str(&row[4]);
            out.push('\n');
        }
        out.push_str(&format!(
            "{} rule{}\n",
            self.rules.len(),
            if self.rules.len() == 1 { "" } else { "s" }
        ));
        out
    }
}

/// The rule file and the 1-based line where a rule's `id` is.
fn defined_at(rule: &Rule, sources: &Sources) -> (String, usize) {
    let file = sources.get(rule.origin.file);
    let (line, _) = file.line_col(rule.origin.span.start as usize);
    (file.name().to_owned(), line)
}

/// Writes the explanation of `rule` to `out`: what it flags, its messages,
/// where it is defined, and each of its examples, the firing ones rendered
/// as the diagnostics the rule gives on them.
pub fn explain(
    out: &mut Buffer,
    rule: &Rule,
    rules: &RuleSet,
    sources: &mut Sources,
) -> io::Result<()> {
    let info = rule.kind_info();
    let (file, line) = defined_at(rule, sources);
    writeln!(out, "{}: {}", rule.id, rule.description)?;
    writeln!(out)?;
    let mut fields = vec![
        ("kind", format!("{} ({})", info.name, info.summary)),
        ("severity", rule.severity.as_str().to_owned()),
        ("defined at", format!("{file}:{line}")),
        ("message", rule.message.source()),
    ];
    if let Some(note) = &rule.note {
        fields.push(("note", note.source()));
    }
    if let Some(help) = &rule.help {
        fields.push(("help", help.source()));
    }
    if let Some(url) = &rule.url {
        fields.push(("url", url.clone()));
    }
    let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in &fields {
        writeln!(out, "  {key:<width$}  {value}")?;
    }
    writeln!(out)?;
    let counts = ExampleCounts::of(rule);
    if rule.examples.is_empty() {
        writeln!(
            out,
            "This rule has no examples: add `[[rule.examples]]` to its table \
             (see docs/rules.md)."
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "Examples ({} firing, {} quiet; `factlint test` runs them):",
        counts.firing, counts.quiet
    )?;
    // Rendered diagnostics end with a blank line of their own.
    let mut blank_line_before = true;
    for example in &rule.examples {
        let run = run_example(rules, rule, example, sources);
        if blank_line_before {
            writeln!(out)?;
        }
        let expectation = if example.fires() {
            "must fire"
        } else {
            "must stay quiet"
        };
        writeln!(out, "{} ({expectation}):", example.name)?;
        if !run.passed() {
            writeln!(
                out,
                "  this example FAILS: the rule flags {} place{} where {} {} marked; \
                 run `factlint test` for the details",
                run.actual.len(),
                if run.actual.len() == 1 { "" } else { "s" },
                run.expected.len(),
                if run.expected.len() == 1 { "is" } else { "are" },
            )?;
        }
        blank_line_before = run.findings.is_empty();
        if run.findings.is_empty() {
            for (index, doc) in example.documents.iter().enumerate() {
                if doc.name.is_some() {
                    writeln!(out, "  {}", sources.get(run.files[index]).name())?;
                }
                for text_line in doc.text.lines() {
                    writeln!(out, "{}", format!("  │ {text_line}").trim_end())?;
                }
            }
        } else {
            human::render(out, sources, &run.findings)?;
        }
    }
    Ok(())
}
