//! The `repetition` kind from rule files written by a user: its options are
//! validated with spans, and each mode behaves as documented.

use factlint::diagnostic::Diagnostic;
use factlint::engine::lint_document;
use factlint::rules::RuleFile;
use factlint::ruleset::RuleSet;
use factlint::source::{SourceFile, Sources};

mod common;

/// Lints `text` with the rules in `rules` (a rule file's text) alone.
fn lint(rules: &str, text: &str) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources::new();
    let (rules, errors) = RuleSet::load(
        &mut sources,
        vec![RuleFile {
            name: "story.toml".to_owned(),
            text: rules.to_owned(),
        }],
    );
    assert!(errors.is_empty(), "the rule file loads: {errors:?}");
    let id = sources.add(SourceFile::new("story.txt", text));
    let findings = lint_document(&rules, &sources, id);
    (sources, findings)
}

/// The text under each finding's primary label.
fn flagged<'s>(sources: &'s Sources, findings: &[Diagnostic]) -> Vec<&'s str> {
    findings
        .iter()
        .filter_map(|d| d.primary.as_ref())
        .map(|label| &sources.get(label.file).text()[label.span.range()])
        .collect()
}

#[test]
fn bad_options_are_rule_file_errors_with_spans() {
    let (code, _, stderr) = common::run(&[
        "--color",
        "never",
        "--no-default-rules",
        "--rules",
        "tests/fixtures/bad-kind-options/repetition",
        "seeds/000_a2105e3f9ef73aac.txt",
    ]);
    assert_eq!(code, 2, "a broken rule file exits 2");
    insta::assert_snapshot!("bad_kind_options__repetition", stderr);
}

const WORDS: &str = r#"
[[rule]]
id = "doubled-word"
kind = "repetition"
unit = "word"
allow = ["had had"]
severity = "warning"
description = "A word typed twice"
message = "repeated word `{word}` in `{match}`"
"#;

#[test]
fn words_are_compared_case_blind_across_a_line_break_but_not_a_paragraph_break() {
    let text = "The the vote was\nwas close.\n\nIt ended in\n\nin a tie. They had had enough.\n";
    let (sources, findings) = lint(WORDS, text);
    assert_eq!(flagged(&sources, &findings), ["the", "was"]);
    assert_eq!(findings[0].message, "repeated word `the` in `The the`");
}

#[test]
fn the_fix_removes_the_second_word_and_the_space_before_it() {
    let text = "Police said the the driver fled.";
    let (sources, findings) = lint(WORDS, text);
    let fix = findings[0].fix.as_ref().expect("a fix");
    let mut fixed = sources.get(fix.file).text().to_owned();
    fixed.replace_range(fix.span.range(), &fix.replacement);
    assert_eq!(fixed, "Police said the driver fled.");
}

#[test]
fn sentences_can_be_compared_instead_of_paragraphs() {
    let rules = r#"
[[rule]]
id = "repeated-sentence"
kind = "repetition"
unit = "sentence"
match = "identical"
min_words = 4
severity = "warning"
description = "A sentence said twice"
message = "`{excerpt}` repeats the {unit} at line {line}"
"#;
    let text = "Storm hits coast\n\nThe storm reached the coast at noon. Winds topped 90 mph.\n\n\
                Schools closed early. The storm reached the coast at noon.\n";
    let (sources, findings) = lint(rules, text);
    assert_eq!(
        flagged(&sources, &findings),
        ["The storm reached the coast at noon."]
    );
    assert_eq!(
        findings[0].message,
        "`The storm reached the coast at …` repeats the sentence at line 3"
    );
}

#[test]
fn every_span_lies_on_a_char_boundary() {
    let rules = format!(
        "{WORDS}\n{}",
        r#"
[[rule]]
id = "near-copy"
kind = "repetition"
unit = "paragraph"
min_words = 3
severity = "warning"
description = "A paragraph said twice, nearly"
message = "`{excerpt}` restates line {line}"
"#
    );
    let text = "Título\n\n«Él dijo» que é é cierto, señor Peña.\n\nOtra línea más.\n\n«Él dijo» que es cierto, señora Peña.\n";
    let (sources, findings) = lint(&rules, text);
    assert_eq!(findings.len(), 2);
    let text = sources.get(findings[0].file().unwrap()).text();
    for diagnostic in &findings {
        let labels = diagnostic.primary.iter().chain(&diagnostic.secondary);
        let fixes = diagnostic.fix.iter().map(|f| f.span);
        for span in labels.map(|l| l.span).chain(fixes) {
            assert!(text.is_char_boundary(span.start as usize));
            assert!(text.is_char_boundary(span.end as usize));
        }
    }
}
