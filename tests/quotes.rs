//! The quote rules on the seed articles: every quotation in them is
//! attributed, and removing an attribution makes `unattributed-quote` fire.
//! `unattributed-quote` is built in and on by default; the rules on
//! quotation marks are in the opt-in pack `packs/style.toml`, which these
//! runs load too, so that the seeds are checked by every quote rule.

use std::fs;
use std::path::Path;

mod common;

fn style_pack() -> String {
    common::manifest_dir()
        .join("packs/style.toml")
        .to_string_lossy()
        .into_owned()
}

fn lint(dir: &Path) -> (i32, String) {
    let pack = style_pack();
    let args = ["--color", "never", "--rules", &pack, "."];
    let (code, stdout, _) = common::run_in(dir, &args);
    (code, stdout)
}

/// Seed 002 with the attribution of one quotation removed: its own
/// (`, a senior US official previously told CNN`) and the one the
/// paragraph before gives it (`Two US officials also said that ...`), since
/// a verb of saying just before a quotation that stands alone attributes it.
fn seed_without_attribution() -> String {
    let seed = common::manifest_dir().join("seeds/002_d690daa9b23a1653.txt");
    let text = fs::read_to_string(seed).unwrap();
    let attribution = ",” a senior US official previously told CNN.";
    let before = "Two US officials also said that it spurred";
    assert!(text.contains(attribution) && text.contains(before));
    text.replace(attribution, ".”")
        .replace(before, "It also spurred")
}

#[test]
fn every_seed_quotation_is_attributed() {
    let seeds = common::manifest_dir().join("seeds");
    let (_, stdout) = lint(&seeds);
    assert!(!stdout.contains("quote]"), "{stdout}");
}

#[test]
fn removing_an_attribution_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("edited.txt"), seed_without_attribution()).unwrap();
    let (_, stdout) = lint(dir.path());
    let findings: Vec<&str> = stdout.lines().filter(|l| l.contains("quote]")).collect();
    assert_eq!(
        findings,
        ["warning[unattributed-quote]: quotation has no attribution: “I think what (the incident with the Uzbek…”"]
    );
    insta::assert_snapshot!("removed_attribution", stdout);
}

#[test]
fn removing_only_the_own_attribution_leaves_the_one_before() {
    let seed = common::manifest_dir().join("seeds/002_d690daa9b23a1653.txt");
    let text = fs::read_to_string(seed).unwrap();
    let edited = text.replace(",” a senior US official previously told CNN.", ".”");
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("edited.txt"), edited).unwrap();
    let (_, stdout) = lint(dir.path());
    assert!(!stdout.contains("quote]"), "{stdout}");
}

#[test]
fn unattributed_quote_is_on_by_default() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("edited.txt"), seed_without_attribution()).unwrap();
    let (_, stdout, _) = common::run_in(dir.path(), &["--color", "never", "."]);
    assert!(stdout.contains("warning[unattributed-quote]"), "{stdout}");
}

#[test]
fn quotation_mark_rules_are_opt_in() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The mayor said “we will rebuild the bridge by spring, and work starts Monday.\n";
    fs::write(dir.path().join("story.txt"), text).unwrap();
    let (_, without, _) = common::run_in(dir.path(), &["--color", "never", "."]);
    assert!(!without.contains("unbalanced-quote"), "{without}");
    let (_, with) = lint(dir.path());
    assert!(with.contains("warning[unbalanced-quote]"), "{with}");
}
