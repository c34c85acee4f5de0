//! `factlint test`: every example of every rule, reported like `cargo test`.
//!
//! A rule that does not do what its examples say must not ship, so each
//! failure says which marks the rule missed and what it flagged instead,
//! with the example's place in the rule file and the text shown twice,
//! marked as expected and as found. The last line has cargo's exact shape
//! (`test result: ok. 12 passed; 0 failed`), which CI log readers know.

use std::io;

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};

use super::examples::{run_example, ExampleRun, Place};
use crate::rules::examples::mark;
use crate::rules::template::escape_invisible;
use crate::ruleset::{Rule, RuleSet};
use crate::source::Sources;

/// How many examples passed and failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub passed: usize,
    pub failed: usize,
}

/// Runs the examples of every rule in `rules`, writing the report to `out`
/// (`quiet`: only the `test result` line). Example documents are added to
/// `sources`, where the rule files are.
pub fn run(
    out: &mut impl WriteColor,
    rules: &RuleSet,
    sources: &mut Sources,
    quiet: bool,
) -> io::Result<Totals> {
    let count: usize = rules.rules.iter().map(|r| r.examples.len()).sum();
    let mut totals = Totals::default();
    let mut failures = Vec::new();
    if quiet {
        for rule in &rules.rules {
            for example in &rule.examples {
                match run_example(rules, rule, example, sources).passed() {
                    true => totals.passed += 1,
                    false => totals.failed += 1,
                }
            }
        }
        return write_result(out, totals);
    }
    writeln!(
        out,
        "running {count} example{}",
        if count == 1 { "" } else { "s" }
    )?;
    for rule in &rules.rules {
        for example in &rule.examples {
            let run = run_example(rules, rule, example, sources);
            write!(out, "test {}::{} ... ", rule.id, example.name)?;
            if run.passed() {
                totals.passed += 1;
                colored(out, Color::Green, "ok")?;
            } else {
                totals.failed += 1;
                colored(out, Color::Red, "FAILED")?;
                failures.push(failure(rule, &run, sources));
            }
            writeln!(out)?;
        }
    }
    if !failures.is_empty() {
        writeln!(out, "\nfailures:")?;
        for (name, detail) in &failures {
            write!(out, "\n---- {name} ----\n{detail}")?;
        }
        writeln!(out, "\nfailures:")?;
        for (name, _) in &failures {
            writeln!(out, "    {name}")?;
        }
    }
    writeln!(out)?;
    write_result(out, totals)
}

/// `test result: ok. 12 passed; 0 failed`.
fn write_result(out: &mut impl WriteColor, totals: Totals) -> io::Result<Totals> {
    write!(out, "test result: ")?;
    if totals.failed == 0 {
        colored(out, Color::Green, "ok")?;
    } else {
        colored(out, Color::Red, "FAILED")?;
    }
    writeln!(out, ". {} passed; {} failed", totals.passed, totals.failed)?;
    Ok(totals)
}

fn colored(out: &mut impl WriteColor, color: Color, text: &str) -> io::Result<()> {
    out.set_color(ColorSpec::new().set_fg(Some(color)))?;
    write!(out, "{text}")?;
    out.reset()
}

/// The test's name and the details of its failure.
fn failure(rule: &Rule, run: &ExampleRun<'_>, sources: &Sources) -> (String, String) {
    let name = format!("{}::{}", rule.id, run.example.name);
    let rule_file = sources.get(rule.origin.file);
    let (line, column) = rule_file.line_col(run.example.span.start as usize);
    let mut detail = format!("example at {}:{line}:{column}\n", rule_file.name());
    let expected = run.expected.len();
    let found = run.actual.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    detail.push_str(&format!(
        "expected {expected} finding{}, found {found}\n",
        plural(expected)
    ));
    let missing = run.missing();
    if !missing.is_empty() {
        detail.push_str("missing (marked, not flagged):\n");
        for place in missing {
            detail.push_str(&format!("  {}\n", describe(run, place, sources)));
        }
    }
    let unexpected = run.unexpected();
    if !unexpected.is_empty() {
        detail.push_str("unexpected (flagged, not marked):\n");
        for (place, finding) in unexpected {
            detail.push_str(&format!(
                "  {}: {}\n",
                describe(run, place, sources),
                finding.message
            ));
        }
    }
    detail.push_str(&text_diff(run, sources));
    (name, detail)
}

/// `1:10-1:18 `aArrests``, prefixed with the document's name when the
/// example has several documents.
fn describe(run: &ExampleRun<'_>, place: Place, sources: &Sources) -> String {
    let file = sources.get(run.files[place.document]);
    let (line, column) = file.line_col(place.span.start as usize);
    let (end_line, end_column) = file.line_col(place.span.end as usize);
    let prefix = match &run.example.documents[place.document].name {
        Some(name) if run.example.documents.len() > 1 => format!("{name}:"),
        _ => String::new(),
    };
    format!(
        "{prefix}{line}:{column}-{end_line}:{end_column} `{}`",
        escape_invisible(&file.text()[place.span.range()])
    )
}

/// The lines of each document where the expected and the actual marks
/// differ, as `-` (expected) and `+` (actual) lines with a line of context.
fn text_diff(run: &ExampleRun<'_>, sources: &Sources) -> String {
    let mut out = String::new();
    for (index, doc) in run.example.documents.iter().enumerate() {
        let spans = |places: &[Place]| -> Vec<_> {
            places
                .iter()
                .filter(|p| p.document == index)
                .map(|p| p.span)
                .collect()
        };
        let expected = spans(&run.expected);
        let actual = spans(&run.actual);
        if expected == actual {
            continue;
        }
        let text = sources.get(run.files[index]).text();
        let expected = mark(text, &expected);
        let actual = mark(text, &actual);
        let (expected, actual) = (lines(&expected), lines(&actual));
        let differs: Vec<bool> = expected.iter().zip(&actual).map(|(e, a)| e != a).collect();
        let near = |i: usize| {
            differs[i.saturating_sub(1)..(i + 2).min(differs.len())]
                .iter()
                .any(|&d| d)
        };
        match &doc.name {
            Some(name) => out.push_str(&format!("{name} (- expected, + actual):\n")),
            None => out.push_str("text (- expected, + actual):\n"),
        }
        let mut elided = false;
        for (i, (e, a)) in expected.iter().zip(&actual).enumerate() {
            if differs[i] {
                out.push_str(&format!("- {e}\n+ {a}\n"));
                elided = false;
            } else if near(i) {
                out.push_str(format!("  {e}").trim_end());
                out.push('\n');
                elided = false;
            } else if !elided {
                out.push_str("  ...\n");
                elided = true;
            }
        }
    }
    out
}

/// The lines of a text, at least one (an empty document is one empty line).
fn lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        vec![""]
    } else {
        lines
    }
}
