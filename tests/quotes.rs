//! The quote rules on the seed articles: every quotation in them is
//! attributed, and removing an attribution makes `unattributed-quote` fire.
//! The quote rules are off by default, so these runs turn them on by name;
//! without that they stay quiet.

use std::fs;
use std::path::Path;

mod common;

fn lint(dir: &Path) -> (i32, String) {
    let on = [
        "-W",
        "unattributed-quote",
        "-W",
        "unbalanced-quote",
        "-W",
        "mixed-quote-style",
    ];
    let mut args = vec!["--color", "never"];
    args.extend(on);
    args.push(".");
    let (code, stdout, _) = common::run_in(dir, &args);
    (code, stdout)
}

#[test]
fn every_seed_quotation_is_attributed() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (_, stdout) = lint(&seeds);
    assert!(!stdout.contains("quote]"), "{stdout}");
}

#[test]
fn removing_an_attribution_is_reported() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_d690daa9b23a1653.txt");
    let text = fs::read_to_string(seed).unwrap();
    let attribution = ",” a senior US official previously told CNN.";
    assert!(text.contains(attribution));
    let edited = text.replace(attribution, ".”");
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("edited.txt"), edited).unwrap();
    let (_, stdout) = lint(dir.path());
    let findings: Vec<&str> = stdout.lines().filter(|l| l.contains("quote]")).collect();
    assert_eq!(
        findings,
        ["warning[unattributed-quote]: quotation has no attribution: “I think what (the incident with the Uzbek…”"]
    );
    insta::assert_snapshot!("removed_attribution", stdout);
}

#[test]
fn quote_rules_are_opt_in() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_d690daa9b23a1653.txt");
    let text = fs::read_to_string(seed).unwrap();
    let edited = text.replace(",” a senior US official previously told CNN.", ".”");
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("edited.txt"), edited).unwrap();
    let (_, stdout, _) = common::run_in(dir.path(), &["--color", "never", "."]);
    assert!(!stdout.contains("quote]"), "{stdout}");
}
