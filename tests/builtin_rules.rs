//! Every rule that ships, built in or in an opt-in pack (`packs/`), against
//! its fixtures: `invalid*.txt` must fire (and the rendered diagnostics are
//! snapshot-tested), `valid*.txt` must stay quiet. Every such rule must have
//! fixtures of both kinds.

use std::fs;
use std::path::{Path, PathBuf};

use factlint::diagnostic::Diagnostic;
use factlint::engine::{lint_document, Linter};
use factlint::render::human::render_plain;
use factlint::rules::builtin;
use factlint::ruleset::RuleSet;
use factlint::source::{SourceFile, Sources};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

mod common;

fn load_builtin(sources: &mut Sources) -> RuleSet {
    let (rules, errors) = RuleSet::load(sources, builtin::rule_files());
    assert!(errors.is_empty(), "built-in rules must load: {errors:?}");
    rules
}

/// The built-in rules and the rules of every pack, as one set.
fn load_shipped(sources: &mut Sources) -> RuleSet {
    let mut files = builtin::rule_files();
    files.extend(common::pack_files());
    let (rules, errors) = RuleSet::load(sources, files);
    assert!(
        errors.is_empty(),
        "built-in rules and packs must load: {errors:?}"
    );
    rules
}

/// Shipped rule files are loaded checking only the syntax of their regexes
/// (`RuleRegex::prechecked`), on the strength of this test: a copy that is
/// not byte for byte the shipped file is checked as a user's rule file is,
/// every regex compiled within its size limit (with ASCII word boundaries
/// where it has any, else as written). The other forms differ only in the
/// kind of word boundary or in classes cut down, so they are no larger
/// to within a little; compiled on first use, they get twice the limit.
#[test]
fn shipped_regexes_compile_within_their_limits() {
    let mut files = builtin::rule_files();
    files.extend(common::pack_files());
    for file in &mut files {
        file.text.push('\n');
    }
    let (rules, errors) = RuleSet::load(&mut Sources::new(), files);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!rules.rules.is_empty());
}

/// Lints one fixture file with every shipped rule, keeping `rule`'s
/// findings.
/// Lints one fixture: a file, or a directory of files that are the
/// articles of one story (for rules that compare articles).
fn lint_fixture(path: &Path, rule: &str) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources::new();
    let rules = load_shipped(&mut sources);
    let fixture = path.file_name().unwrap().to_string_lossy().into_owned();
    let findings = if path.is_dir() {
        let mut files: Vec<PathBuf> = fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let mut linter = Linter::new(&rules);
        for file in files {
            let text = fs::read_to_string(&file).expect("fixture is UTF-8");
            let name = format!(
                "{rule}/{fixture}/{}",
                file.file_name().unwrap().to_string_lossy()
            );
            let id = sources.add(SourceFile::new(name, text));
            linter.add(&sources, id);
        }
        linter.finish(&sources)
    } else {
        let text = fs::read_to_string(path).expect("fixture is UTF-8");
        let id = sources.add(SourceFile::new(format!("{rule}/{fixture}"), text));
        lint_document(&rules, &sources, id)
    };
    let findings = findings.into_iter().filter(|d| d.code == rule).collect();
    (sources, findings)
}

fn fixtures(rule: &str, prefix: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixtures_dir().join(rule))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    });
    paths.sort();
    paths
}

#[test]
fn every_shipped_rule_fires_on_invalid_and_stays_quiet_on_valid() {
    let mut sources = Sources::new();
    let rules = load_shipped(&mut sources);
    assert!(!rules.rules.is_empty());
    check_fixtures(&rules);
}

/// "All built-in rules on" means every rule that ships built in: none is
/// off by default. A rule that cannot meet the built-in set's bar on real
/// copy goes to an opt-in pack instead (docs/accuracy.md).
#[test]
fn every_builtin_rule_is_on_by_default_and_packs_are_apart() {
    let mut sources = Sources::new();
    let rules = load_builtin(&mut sources);
    let off: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| !r.enabled)
        .map(|r| r.id.as_str())
        .collect();
    assert!(off.is_empty(), "off by default: {off:?}");
    assert!(rules.rules.iter().any(|r| r.id == "unattributed-quote"));
    let mut sources = Sources::new();
    let (packs, errors) = RuleSet::load(&mut sources, common::pack_files());
    assert!(errors.is_empty(), "packs must load: {errors:?}");
    let mut ids: Vec<&str> = packs.rules.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "duplicate-paragraph",
            "long-headline",
            "mixed-quote-style",
            "name-spelling",
            "unbalanced-quote"
        ]
    );
    assert!(packs.rules.iter().all(|r| r.enabled));
}

/// Runs every rule of `rules` against its fixtures.
fn check_fixtures(rules: &RuleSet) {
    for rule in &rules.rules {
        let invalid = fixtures(&rule.id, "invalid");
        let valid = fixtures(&rule.id, "valid");
        assert!(
            !invalid.is_empty() && !valid.is_empty(),
            "rule `{}` needs tests/fixtures/rules/{}/invalid*.txt and valid*.txt",
            rule.id,
            rule.id
        );
        for path in &invalid {
            let (sources, findings) = lint_fixture(path, &rule.id);
            assert!(
                !findings.is_empty(),
                "`{}` did not fire on {}",
                rule.id,
                path.display()
            );
            insta::assert_snapshot!(
                format!(
                    "{}__{}",
                    rule.id,
                    path.file_stem().unwrap().to_string_lossy()
                ),
                render_plain(&sources, &findings)
            );
        }
        for path in &valid {
            let (sources, findings) = lint_fixture(path, &rule.id);
            assert!(
                findings.is_empty(),
                "`{}` fired on {}:\n{}",
                rule.id,
                path.display(),
                render_plain(&sources, &findings)
            );
        }
    }
}
