//! Output formats and severity controls through the real binary.

mod common;

use common::{run, transcript};

#[test]
fn short_format_is_one_line_per_finding() {
    let result = run(&["--format", "short", "seeds/"]);
    assert_eq!(result.0, 1);
    assert!(result
        .1
        .lines()
        .all(|l| l.contains(": warning[") || l.contains(": error[") || l.contains(": info[")));
    insta::assert_snapshot!("short", transcript(result));
}

#[test]
fn json_format_is_a_stable_array() {
    let (code, stdout, _) = run(&["--format", "json", "seeds/"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let findings = value.as_array().expect("an array");
    assert!(!findings.is_empty());
    for finding in findings {
        for key in [
            "file", "rule", "severity", "message", "help", "notes", "span", "related", "fix",
        ] {
            assert!(finding.get(key).is_some(), "missing {key} in {finding}");
        }
    }
    insta::assert_snapshot!("json", stdout);
}

#[test]
fn sarif_format_validates_against_the_2_1_0_schema() {
    let (code, stdout, _) = run(&["--format", "sarif", "seeds/"]);
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let schema_text =
        std::fs::read_to_string(common::manifest_dir().join("tests/data/sarif-schema-2.1.0.json"))
            .expect("the vendored schema");
    let mut schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    // The published schema's `language` patterns (on `run` and
    // `toolComponent`) have a stray `]`, an erratum that strict regex
    // engines reject; factlint never sets `language`, so each is replaced by
    // its intended form.
    let patched = fix_language_patterns(&mut schema);
    assert_eq!(patched, 2, "the erratum is where it was");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF is not valid:\n{}",
        errors.join("\n")
    );
    // Rule metadata for every loaded rule, and results that point at them.
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules.iter().any(|r| r["id"] == "mid-word-capital"));
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    insta::assert_snapshot!("sarif", stdout);
}

#[test]
fn github_format_writes_workflow_annotations() {
    let (code, stdout, _) = run(&["--format", "github", "seeds/"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("::error file=seeds/000_a2105e3f9ef73aac.txt,line=25,col=1,"));
    insta::assert_snapshot!("github", stdout);
}

#[test]
fn deny_warn_and_allow_change_levels_and_exit_codes() {
    // Everything off but one rule, made an error.
    let (code, stdout, _) = run(&["-q", "-A", "all", "-D", "mid-word-capital", "seeds/"]);
    assert_eq!(
        (code, stdout.as_str()),
        (1, "1 error, 0 warnings in 5 files\n")
    );
    // The error-level rule downgraded: no errors, exit 0.
    let (code, stdout, _) = run(&["-q", "-W", "placeholder-text", "-A", "death-toll", "seeds/"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.starts_with("0 errors, "), "{stdout}");
    // Deny all, allow one: the specific setting wins over `all`.
    let (code, stdout, _) = run(&["-q", "-D", "all", "-A", "restatement", "seeds/"]);
    assert_eq!(code, 1);
    assert!(
        stdout.ends_with(", 0 warnings in 5 files\n") && !stdout.contains("info"),
        "{stdout}"
    );
}

#[test]
fn an_unknown_rule_in_a_level_flag_is_a_usage_error() {
    let result = run(&["--color", "never", "-q", "-D", "mid-word-captal", "seeds/"]);
    assert_eq!(result.0, 2);
    insta::assert_snapshot!("unknown_rule_flag", transcript(result));
}

#[test]
fn max_warnings_and_min_severity() {
    let (code, _, _) = run(&[
        "-q",
        "-A",
        "placeholder-text",
        "--max-warnings",
        "100",
        "seeds/",
    ]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&[
        "-q",
        "-A",
        "placeholder-text",
        "--max-warnings",
        "2",
        "seeds/",
    ]);
    assert_eq!(code, 1, "more than 2 warnings fails the run");
    let (_, stdout, _) = run(&["--format", "short", "--min-severity", "error", "seeds/"]);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("error[placeholder-text]"));
}

/// Replaces the erroneous `language` pattern of the SARIF schema wherever it
/// occurs; returns how many were replaced.
fn fix_language_patterns(value: &mut serde_json::Value) -> usize {
    const ERRATUM: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match value {
        serde_json::Value::String(text) if text == ERRATUM => {
            *text = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".to_owned();
            1
        }
        serde_json::Value::Array(items) => items.iter_mut().map(fix_language_patterns).sum(),
        serde_json::Value::Object(map) => map.values_mut().map(fix_language_patterns).sum(),
        _ => 0,
    }
}
