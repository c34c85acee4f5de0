//! Text -> findings of every built-in rule, never a panic: the prose
//! view, the document model, every rule kind, suppressions, fixes (as a
//! diff, never written) and every output format, over arbitrary text read
//! as plain text and as Markdown.

#![no_main]

use std::sync::LazyLock;

use factlint::engine::lint_document;
use factlint::render::{github, human, json, sarif, short};
use factlint::rules::builtin;
use factlint::ruleset::RuleSet;
use factlint::source::{SourceFile, Sources};
use factlint::{fix, suppress};
use libfuzzer_sys::fuzz_target;

/// The built-in rules, compiled once, with the rule files' sources.
static RULES: LazyLock<(Sources, RuleSet)> = LazyLock::new(|| {
    let mut sources = Sources::new();
    let (rules, problems) = RuleSet::load(&mut sources, builtin::rule_files());
    assert!(problems.is_empty(), "the built-in rules load");
    (sources, rules)
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (rule_sources, rules) = &*RULES;
    let ids: Vec<String> = rules.rules.iter().map(|r| r.id.clone()).collect();
    for name in ["story/a.txt", "story/a.md"] {
        // The rule files come first, as in a real run, so labels in the
        // rule files (none expected here) would still resolve.
        let mut sources = Sources::new();
        for id in 0..rule_sources.len() {
            let file = rule_sources.get(id);
            sources.add(SourceFile::new(file.name(), file.text()));
        }
        let file = sources.add(SourceFile::new(name, text));
        let mut findings = lint_document(rules, &sources, file);
        for finding in &findings {
            for label in finding.primary.iter().chain(&finding.secondary) {
                let text = sources.get(label.file).text();
                assert!(
                    (label.span.end as usize) <= text.len()
                        && text.is_char_boundary(label.span.start as usize)
                        && text.is_char_boundary(label.span.end as usize),
                    "label of {finding:?} is not in its file"
                );
            }
        }
        let unused = suppress::apply(file, sources.get(file), &mut findings, &ids, &ids);
        findings.extend(unused);
        let outcome = fix::apply(&findings, &sources, false);
        assert!(outcome.problems.is_empty(), "a diff writes nothing");
        assert_ne!(human::render_plain(&sources, &findings), "<render error>");
        let _ = json::render(&sources, &findings);
        let _ = short::render(&sources, &findings);
        let _ = github::render(&sources, &findings);
        let _ = sarif::render(rules, &sources, &findings);
    }
});
