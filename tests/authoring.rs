//! Writing rules: the examples in rule files, `factlint test`, `rules`,
//! `explain` and `init`, and the rule authors' guide (`docs/rules.md`),
//! whose tutorial is run here command by command so that it cannot drift
//! from what factlint does.

use std::fs;
use std::path::Path;
use std::process::Command;

use factlint::kinds::KINDS;
use factlint::rules::{builtin, RuleFile};
use factlint::ruleset::RuleSet;
use factlint::source::Sources;

mod common;

use common::{manifest_dir, run, run_in, transcript};

fn builtin_rules(sources: &mut Sources) -> RuleSet {
    let (rules, errors) = RuleSet::load(sources, builtin::rule_files());
    assert!(errors.is_empty(), "built-in rules must load: {errors:?}");
    rules
}

#[test]
fn every_builtin_rule_has_firing_and_quiet_examples() {
    let mut sources = Sources::new();
    let mut files = builtin::rule_files();
    files.extend(common::pack_files());
    let (rules, errors) = RuleSet::load(&mut sources, files);
    assert!(
        errors.is_empty(),
        "built-in rules and packs must load: {errors:?}"
    );
    let mut missing = Vec::new();
    for rule in &rules.rules {
        if !rule.examples.iter().any(|e| e.fires()) {
            missing.push(format!("`{}` has no example that fires", rule.id));
        }
        if !rule.examples.iter().any(|e| !e.fires()) {
            missing.push(format!("`{}` has no example that stays quiet", rule.id));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn factlint_test_passes_on_the_builtin_rules() {
    let (code, stdout, stderr) = run(&["test", "--color", "never", "rules/"]);
    let examples: usize = {
        let mut sources = Sources::new();
        let rules = builtin_rules(&mut sources);
        rules.rules.iter().map(|r| r.examples.len()).sum()
    };
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    assert!(stdout.starts_with(&format!("running {examples} examples\n")));
    assert!(
        stdout.ends_with(&format!("\ntest result: ok. {examples} passed; 0 failed\n")),
        "{stdout}"
    );
}

/// The opt-in packs are not built in, but their examples are tested the
/// same way.
#[test]
fn factlint_test_passes_on_the_packs() {
    let (code, stdout, stderr) = run(&["test", "--color", "never", "packs/"]);
    let examples: usize = {
        let mut sources = Sources::new();
        let (rules, errors) = RuleSet::load(&mut sources, common::pack_files());
        assert!(errors.is_empty(), "packs must load: {errors:?}");
        rules.rules.iter().map(|r| r.examples.len()).sum()
    };
    assert!(examples > 0);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    assert!(
        stdout.ends_with(&format!("\ntest result: ok. {examples} passed; 0 failed\n")),
        "{stdout}"
    );
}

/// Moves the mark of the first `mid-word-capital` example one word too far,
/// in a copy of the built-in rule file.
#[test]
fn a_broken_example_fails_with_a_readable_diff() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir(&rules).unwrap();
    let original = fs::read_to_string(manifest_dir().join("rules/typography.toml")).unwrap();
    let good = "In July, «aArrests» for";
    assert!(
        original.contains(good),
        "the example to break is still there"
    );
    let broken = original.replacen(good, "In July, «aArrests for»", 1);
    fs::write(rules.join("typography.toml"), broken).unwrap();

    let result = run_in(dir.path(), &["test", "--color", "never", "rules/"]);
    assert_eq!(result.0, 1, "a failing example exits 1");
    let last = result.1.lines().last().unwrap_or_default().to_owned();
    assert!(
        last.starts_with("test result: FAILED. ") && last.ends_with(" passed; 1 failed"),
        "{last}"
    );
    insta::assert_snapshot!("broken_example", transcript(result));
}

#[test]
fn bad_examples_are_rule_file_errors_with_code_frames() {
    let result = run(&["test", "--color", "never", "tests/fixtures/bad-examples/"]);
    assert_eq!(result.0, 2, "rule-file errors exit 2");
    insta::assert_snapshot!("bad_examples", transcript(result));
}

#[test]
fn rules_lists_every_loaded_rule_as_text_and_json() {
    let text = run(&["rules"]);
    assert_eq!(text.0, 0);
    insta::assert_snapshot!("rules_text", transcript(text));

    let (code, json, stderr) = run(&["rules", "--format", "json"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let mut sources = Sources::new();
    let count = builtin_rules(&mut sources).rules.len();
    assert_eq!(value["rules"].as_array().map(Vec::len), Some(count));
    insta::assert_snapshot!("rules_json", json);
}

#[test]
fn explain_shows_every_builtin_rule_on_its_examples() {
    let mut sources = Sources::new();
    let rules = builtin_rules(&mut sources);
    for rule in &rules.rules {
        let result = run(&["explain", "--color", "never", &rule.id]);
        assert_eq!(result.0, 0, "{}", rule.id);
        assert!(!result.1.contains("FAILS"), "{}", result.1);
        insta::assert_snapshot!(format!("explain__{}", rule.id), transcript(result));
    }
    // The packs' rules, explained with the pack loaded.
    let mut sources = Sources::new();
    let (packs, _) = RuleSet::load(&mut sources, common::pack_files());
    for rule in &packs.rules {
        let result = run(&["explain", "--color", "never", "--rules", "packs/", &rule.id]);
        assert_eq!(result.0, 0, "{}", rule.id);
        assert!(!result.1.contains("FAILS"), "{}", result.1);
        insta::assert_snapshot!(format!("explain__{}", rule.id), transcript(result));
    }
}

#[test]
fn explain_suggests_the_closest_rule_for_an_unknown_id() {
    let (code, stdout, stderr) = run(&["explain", "--color", "never", "mid-word-capitl"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.contains("no rule `mid-word-capitl` is loaded"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `mid-word-capital`?"),
        "{stderr}"
    );
}

#[test]
fn init_writes_a_starter_project_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (code, stdout, stderr) = run_in(root, &["init"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.starts_with("created factlint.toml\ncreated rules/example.toml\n"));
    let config = fs::read_to_string(root.join("factlint.toml")).unwrap();
    assert!(config.lines().any(|l| l == r#"rule_dirs = ["rules"]"#));
    // The starter rule passes its own examples.
    let (code, stdout, _) = run_in(root, &["test", "rules/"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with("test result: ok. 3 passed; 0 failed\n"));

    // A second run writes nothing, even where only one file exists.
    fs::write(root.join("factlint.toml"), "# mine\n").unwrap();
    fs::remove_file(root.join("rules/example.toml")).unwrap();
    let (code, stdout, stderr) = run_in(root, &["init"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error: `factlint.toml` already exists; nothing was written\n"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(root.join("factlint.toml")).unwrap(),
        "# mine\n"
    );
    assert!(!root.join("rules/example.toml").exists());
}

fn guide() -> String {
    fs::read_to_string(manifest_dir().join("docs/rules.md")).expect("docs/rules.md exists")
}

/// Every kind has a section in the guide naming each of its options.
#[test]
fn every_kind_and_option_is_documented() {
    let guide = guide();
    let mut missing = Vec::new();
    for kind in KINDS {
        let heading = format!("### Kind `{}`", kind.name);
        let Some(start) = guide.find(&heading) else {
            missing.push(heading);
            continue;
        };
        let rest = &guide[start + heading.len()..];
        let end = ["\n## ", "\n### "]
            .iter()
            .filter_map(|h| rest.find(h))
            .min()
            .unwrap_or(rest.len());
        let section = &rest[..end];
        for option in kind.options {
            if !section.contains(&format!("`{option}`")) {
                missing.push(format!("option `{option}` of kind `{}`", kind.name));
            }
        }
    }
    assert!(missing.is_empty(), "not in docs/rules.md: {missing:?}");
}

/// The fenced blocks of a Markdown text: (info string, body).
fn fenced_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        for line in lines.by_ref() {
            if line == "```" {
                break;
            }
            body.push_str(line);
            body.push('\n');
        }
        blocks.push((info.trim().to_owned(), body));
    }
    blocks
}

/// Every complete rule file shown in the README and the guide loads, and
/// its examples pass.
#[test]
fn rules_in_the_docs_load_and_pass_their_examples() {
    let readme = fs::read_to_string(manifest_dir().join("README.md")).unwrap();
    let mut checked = 0;
    for (doc, text) in [("README.md", readme), ("docs/rules.md", guide())] {
        for (index, (info, body)) in fenced_blocks(&text).into_iter().enumerate() {
            if info != "toml" || !body.contains("[[rule]]") {
                continue;
            }
            let name = format!("{doc} block {}", index + 1);
            let mut sources = Sources::new();
            let file = RuleFile {
                name: name.clone(),
                text: body,
            };
            let (rules, errors) = RuleSet::load(&mut sources, vec![file]);
            assert!(errors.is_empty(), "{name}: {errors:?}");
            for rule in &rules.rules {
                for example in &rule.examples {
                    let run = factlint::authoring::examples::run_example(
                        &rules,
                        rule,
                        example,
                        &mut sources,
                    );
                    assert!(run.passed(), "{name}: {}::{}", rule.id, example.name);
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} rule blocks found");
}

/// Whether `actual` matches `expected`, where an expected line `...`
/// stands for any number of lines. Trailing spaces are ignored.
fn matches_with_ellipses(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((&"...", rest)) => {
            (0..=actual.len()).any(|skip| matches_with_ellipses(rest, &actual[skip..]))
        }
        Some((line, rest)) => actual.split_first().is_some_and(|(first, others)| {
            first.trim_end() == line.trim_end() && matches_with_ellipses(rest, others)
        }),
    }
}

/// Runs the ```` ```sh tutorial ```` blocks of the guide in order, in a
/// copy of the repository's seeds and rules with the built binary on the
/// PATH; a ```` ```text ```` block right after one is its expected output
/// (stdout and stderr together). A block expects exit code 0 unless its
/// info string says `exit=N`.
#[test]
fn the_tutorial_works_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for sub in ["seeds", "rules"] {
        copy_dir(&manifest_dir().join(sub), &root.join(sub));
    }
    let binary = Path::new(env!("CARGO_BIN_EXE_factlint"));
    let path = std::env::join_paths(
        std::iter::once(binary.parent().unwrap().to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();

    let blocks = fenced_blocks(&guide());
    let mut ran = 0;
    for (index, (info, script)) in blocks.iter().enumerate() {
        let mut words = info.split_whitespace();
        if words.next() != Some("sh") || !words.clone().any(|w| w == "tutorial") {
            continue;
        }
        let expected_code: i32 = words
            .find_map(|w| w.strip_prefix("exit="))
            .map_or(0, |n| n.parse().expect("exit=N"));
        let output = Command::new("sh")
            .arg("-ec")
            .arg(format!("exec 2>&1\n{script}"))
            .current_dir(root)
            .env("PATH", &path)
            .env_remove("NO_COLOR")
            .output()
            .expect("sh runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            output.status.code(),
            Some(expected_code),
            "tutorial block:\n{script}\noutput:\n{stdout}"
        );
        if let Some((next_info, expected)) = blocks.get(index + 1) {
            if next_info == "text" {
                let expected: Vec<&str> = expected.lines().collect();
                let actual: Vec<&str> = stdout.lines().collect();
                assert!(
                    matches_with_ellipses(&expected, &actual),
                    "tutorial block:\n{script}\nexpected:\n{}\nactual:\n{stdout}",
                    expected.join("\n")
                );
            }
        }
        ran += 1;
    }
    assert!(ran >= 5, "only {ran} tutorial blocks found");
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn ellipses_match_any_number_of_lines() {
    assert!(matches_with_ellipses(
        &["a", "...", "d"],
        &["a", "b", "c", "d"]
    ));
    assert!(matches_with_ellipses(&["a", "...", "b"], &["a", "b"]));
    assert!(matches_with_ellipses(&["...", "z"], &["z"]));
    assert!(!matches_with_ellipses(&["a", "...", "d"], &["a", "b"]));
    assert!(!matches_with_ellipses(&["a"], &["a", "b"]));
}
