//! TOML text -> rules or diagnostics, never a panic. Every diagnostic of
//! the loader points inside the rule file, on character boundaries, and
//! renders; a rule that loads runs over a real article without panicking,
//! and its findings render too.

#![no_main]

use factlint::diagnostic::Diagnostic;
use factlint::engine::lint_document;
use factlint::render::{human, json, short};
use factlint::rules::RuleFile;
use factlint::ruleset::RuleSet;
use factlint::source::{SourceFile, Sources};
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = include_str!("../../seeds/000_a2105e3f9ef73aac.txt");

fuzz_target!(|data: &[u8]| {
    // Rule files that are not UTF-8 are reported before the loader runs.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = Sources::new();
    let file = RuleFile {
        name: "fuzz.toml".to_owned(),
        text: text.to_owned(),
    };
    let (rules, diagnostics) = RuleSet::load(&mut sources, vec![file]);
    check_labels(&sources, &diagnostics);
    render(&sources, &diagnostics);
    if rules.rules.is_empty() {
        return;
    }
    let article = sources.add(SourceFile::new("story/article.txt", ARTICLE));
    let findings = lint_document(&rules, &sources, article);
    check_labels(&sources, &findings);
    render(&sources, &findings);
});

fn check_labels(sources: &Sources, diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        for label in diagnostic.primary.iter().chain(&diagnostic.secondary) {
            let text = sources.get(label.file).text();
            let span = label.span;
            assert!(
                span.start <= span.end
                    && (span.end as usize) <= text.len()
                    && text.is_char_boundary(span.start as usize)
                    && text.is_char_boundary(span.end as usize),
                "label {span:?} of {diagnostic:?} is not in its file"
            );
        }
    }
}

fn render(sources: &Sources, diagnostics: &[Diagnostic]) {
    let plain = human::render_plain(sources, diagnostics);
    assert_ne!(plain, "<render error>", "diagnostics render");
    let _ = json::render(sources, diagnostics);
    let _ = short::render(sources, diagnostics);
}
