//! SARIF 2.1.0, the format GitHub code scanning and other tools ingest.
//!
//! One run, with factlint as the tool driver and every loaded rule as
//! `reportingDescriptor` metadata (id, description, help, default level);
//! each finding is a `result` with its physical location (1-based lines
//! and columns, byte offset and length), related locations for secondary
//! labels, and a `fix` when the rule suggests a replacement.

use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Severity};
use crate::ruleset::RuleSet;
use crate::source::{FileId, Sources, Span};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file name as a URI reference: forward slashes, `./` dropped.
fn uri(name: &str) -> String {
    let slashed = name.replace('\\', "/");
    slashed.strip_prefix("./").unwrap_or(&slashed).to_owned()
}

fn location(sources: &Sources, file: FileId, span: Span) -> Value {
    let source = sources.get(file);
    let (start_line, start_column) = source.line_col(span.start as usize);
    let (end_line, end_column) = source.line_col(span.end as usize);
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(source.name()) },
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
                "byteOffset": source.original_offset(span.start as usize),
                "byteLength": span.len(),
            }
        }
    })
}

/// The SARIF log of a run as a JSON value.
pub fn log(rules: &RuleSet, sources: &Sources, diagnostics: &[Diagnostic]) -> Value {
    let descriptors: Vec<Value> = rules
        .rules
        .iter()
        .map(|rule| {
            let mut descriptor = json!({
                "id": rule.id,
                "shortDescription": { "text": rule.description },
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "kind": rule.kind.name() },
            });
            if let Some(url) = &rule.url {
                descriptor["helpUri"] = json!(url);
            }
            descriptor
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .filter_map(|d| {
            let primary = d.primary.as_ref()?;
            let mut text = d.message.clone();
            for note in &d.notes {
                text.push_str("\nnote: ");
                text.push_str(note);
            }
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [location(sources, primary.file, primary.span)],
            });
            if let Some(index) = rules.rules.iter().position(|r| r.id == d.code) {
                result["ruleIndex"] = json!(index);
            }
            if !d.secondary.is_empty() {
                let related: Vec<Value> = d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(id, label)| {
                        let mut related = location(sources, label.file, label.span);
                        related["id"] = json!(id);
                        if !label.message.is_empty() {
                            related["message"] = json!({ "text": label.message });
                        }
                        related
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &d.fix {
                let region =
                    location(sources, fix.file, fix.span)["physicalLocation"]["region"].clone();
                result["fixes"] = json!([{
                    "description": { "text": "apply the suggested replacement" },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(sources.get(fix.file).name()) },
                        "replacements": [{
                            "deletedRegion": region,
                            "insertedContent": { "text": fix.replacement },
                        }]
                    }]
                }]);
            }
            Some(result)
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "factlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/factlint",
                    "rules": descriptors,
                }
            },
            "results": results,
        }]
    })
}

/// Renders the SARIF log, pretty-printed with a final newline.
pub fn render(rules: &RuleSet, sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut text = serde_json::to_string_pretty(&log(rules, sources, diagnostics))
        .unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}
