//! factlint as a CI gate: configuration file, suppressions, baseline,
//! autofix, Markdown and standard input, through the real binary.

mod common;

use std::fs;
use std::path::Path;

use common::{manifest_dir, run_in, run_with_stdin, transcript};

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn seed(name: &str) -> String {
    fs::read_to_string(manifest_dir().join("seeds").join(name)).unwrap()
}

const SEED_000: &str = "000_a2105e3f9ef73aac.txt";
const SEED_003: &str = "003_671e6e606567e874.txt";

#[test]
fn the_config_file_is_found_walking_up_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "factlint.toml",
        r#"
rule_dirs = ["house-rules"]
exclude = ["stories/skip/**"]
allow = ["accidently"]

[rules.mid-word-capital]
severity = "error"
[rules.restatement]
enabled = false
[rules.dangling-heading]
promise = '(?i)\bcoverage\b'

[[overrides]]
paths = ["stories/archive/**"]
rules = { dangling-heading = { severity = "info" }, country-with-the = { enabled = false } }
"#,
    );
    write(
        root,
        "house-rules/style.toml",
        r#"
[[rule]]
id = "house-detained"
kind = "pattern"
severity = "warning"
description = "House style says detained"
pattern = '\bapprehended\b'
message = "write `detained`, not `{match}`"
"#,
    );
    write(root, &format!("stories/{SEED_000}"), &seed(SEED_000));
    write(
        root,
        &format!("stories/archive/{SEED_000}"),
        &seed(SEED_000),
    );
    write(
        root,
        &format!("stories/archive/{SEED_003}"),
        &seed(SEED_003),
    );
    write(root, "stories/skip/x.txt", "A sHooting here.\n");
    write(
        root,
        "stories/house.txt",
        "Police said 150 were apprehended. She accidently left.\n",
    );
    // Run from a subdirectory: the config is found in a parent.
    let result = run_in(&root.join("stories"), &["--format", "short", "."]);
    insta::assert_snapshot!("config_applied", transcript(result));
}

#[test]
fn config_errors_are_spanned_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "factlint.toml",
        r#"
rule_dir = ["rules"]
include = ["a/[**"]
[rules.mid-word-captal]
severity = "fatal"
[rules.dangling-heading]
max_heading_wrds = 6
[[overrides]]
paths = ["archive/**"]
rules = { misspelling = { allow = ["x"] } }
"#,
    );
    write(dir.path(), "a.txt", "Fine.\n");
    let result = run_in(dir.path(), &["--color", "never", "a.txt"]);
    assert_eq!(result.0, 2);
    insta::assert_snapshot!("config_errors", transcript(result));
}

#[test]
fn factlint_config_prints_the_effective_configuration() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "factlint.toml", "exclude = [\"drafts/**\"]\n[rules.stray-space]\nenabled = false\n[rules.dangling-heading]\nmin_heading_words = 3\n");
    let (code, stdout, stderr) = run_in(dir.path(), &["config"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let stdout = stdout.replace(&dir.path().display().to_string(), "<dir>");
    assert!(
        !stdout.contains("stray-space "),
        "a disabled rule is not in effect"
    );
    insta::assert_snapshot!("config_command", stdout);
}

#[test]
fn suppression_comments_and_unused_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "story.md",
        "\
A sHooting on Main Street.

<!-- factlint-disable-next-line mid-word-capital -->
A second sHooting nearby.

<!-- factlint-disable mid-word-capital, stray-space -->
A third sHooting  later.
<!-- factlint-enable mid-word-capital -->

A fourth sHooting  at dusk.

<!-- factlint-disable-next-line placeholder-text -->
Nothing left to fix here.

<!-- factlint-disable-next-line no-such-rule -->
The end.
",
    );
    let result = run_in(dir.path(), &["--color", "never", "story.md"]);
    insta::assert_snapshot!("suppressions", transcript(result));
}

#[test]
fn a_baseline_hides_recorded_findings_but_not_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "story.txt",
        "A sHooting happened.\n\nThe council met.\n",
    );
    let (code, _, stderr) = run_in(dir.path(), &["--write-baseline", "baseline.json", "."]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("wrote 1 finding to the baseline baseline.json"),
        "{stderr}"
    );
    let (code, stdout, _) = run_in(dir.path(), &["-q", "--baseline", "baseline.json", "."]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "0 errors, 0 warnings in 1 file\n")
    );
    // Edits elsewhere do not bring the finding back; a new one is reported.
    write(
        dir.path(),
        "story.txt",
        "New lede paragraph.\n\nA sHooting happened.\n\nThe council met. A fIre broke out.\n",
    );
    let (_, stdout, _) = run_in(
        dir.path(),
        &["--format", "short", "--baseline", "baseline.json", "."],
    );
    assert_eq!(
        stdout,
        "./story.txt:5:20: warning[mid-word-capital]: `fIre` looks like a typo\n"
    );
    // An unreadable baseline is an error.
    let (code, _, stderr) = run_in(dir.path(), &["--baseline", "missing.json", "."]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read baseline `missing.json`"),
        "{stderr}"
    );
    write(dir.path(), "bad.json", "{\"version\": 1}");
    let (code, _, stderr) = run_in(dir.path(), &["--baseline", "bad.json", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not a factlint baseline"), "{stderr}");
}

#[test]
fn fix_applies_unambiguous_fixes_and_touches_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let original = "The  council voted on the the budget.\n\nShe accidently said it, the mayor said.\n\nA sHooting was reported.\n";
    write(dir.path(), "story.txt", original);
    let diff = run_in(dir.path(), &["--diff", "story.txt"]);
    assert_eq!(diff.0, 1, "something to fix");
    insta::assert_snapshot!("fix_diff", diff.1);
    assert_eq!(
        fs::read_to_string(dir.path().join("story.txt")).unwrap(),
        original,
        "--diff writes nothing"
    );

    let (code, stdout, stderr) = run_in(dir.path(), &["--fix", "--format", "short", "story.txt"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("fixed 3 findings in 1 file"), "{stderr}");
    assert_eq!(
        stdout,
        "story.txt:5:3: warning[mid-word-capital]: `sHooting` looks like a typo\n"
    );
    let fixed = fs::read_to_string(dir.path().join("story.txt")).unwrap();
    assert_eq!(
        fixed,
        "The council voted on the budget.\n\nShe accidentally said it, the mayor said.\n\nA sHooting was reported.\n"
    );
    // Linting again: the fixed findings are gone, the rest is unchanged.
    let (_, stdout, _) = run_in(dir.path(), &["--format", "short", "story.txt"]);
    assert_eq!(
        stdout,
        "story.txt:5:3: warning[mid-word-capital]: `sHooting` looks like a typo\n"
    );
}

#[test]
fn fix_deletes_a_stray_letter_only_where_that_is_the_one_reading() {
    let dir = tempfile::tempdir().unwrap();
    // A stray letter opening a clause before a known word is fixed; two
    // words run together, a name and a capital mid-clause are not.
    let original = "In July, aArrests rose sharply. tThe border stayed open.\n\nCrossings fell, and inArrests followed. xJohnson spoke, and a rEport came out.\n";
    write(dir.path(), "story.txt", original);
    let diff = run_in(dir.path(), &["--diff", "story.txt"]);
    assert_eq!(diff.0, 1, "something to fix");
    insta::assert_snapshot!("fix_diff_stray_letter", diff.1);
    let (_, stdout, stderr) = run_in(dir.path(), &["--fix", "--format", "short", "story.txt"]);
    assert!(stderr.contains("fixed 2 findings in 1 file"), "{stderr}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
}

#[test]
fn markdown_code_front_matter_urls_and_html_are_not_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "story.md",
        "\
---
title: A sHooting  TK
---

# Council votes

The council voted on the the budget, see [the report](https://example.com/aArrests).

```
a sHooting in code  TK
```

Use `the the` in code, or <img alt=\"aArrests\"> in HTML, or https://x.io/aBc.

A sHooting in prose.
",
    );
    let result = run_in(dir.path(), &["--color", "never", "story.md"]);
    insta::assert_snapshot!("markdown", transcript(result));
}

#[test]
fn standard_input_is_linted_under_the_given_name() {
    let (code, stdout, _) = run_with_stdin(
        &manifest_dir(),
        &["--format", "short", "-"],
        "Story TK here.\n",
    );
    assert_eq!(
        (code, stdout.as_str()),
        (
            1,
            "<stdin>:1:7: error[placeholder-text]: leftover placeholder `TK`\n"
        )
    );
    let (_, stdout, _) = run_with_stdin(
        &manifest_dir(),
        &[
            "--format",
            "short",
            "--stdin-filename",
            "drafts/story.md",
            "-",
        ],
        "Use `TK` here.\n",
    );
    assert_eq!(stdout, "", "read as Markdown: inline code is not linted");
}

#[test]
fn no_progress_bar_or_colour_when_output_is_not_a_terminal() {
    let (_, stdout, stderr) = run_in(&manifest_dir(), &["seeds/"]);
    assert!(!stdout.contains('\u{1b}') && stderr.is_empty());
}

#[test]
fn the_readme_configuration_example_is_valid() {
    let readme = fs::read_to_string(manifest_dir().join("README.md")).unwrap();
    let section = readme
        .split("### Configuration: `factlint.toml`")
        .nth(1)
        .expect("the README documents the configuration");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a toml example");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "factlint.toml", example);
    fs::create_dir(dir.path().join("rules")).unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["config"]);
    assert_eq!(
        (code, stderr.as_str()),
        (0, ""),
        "the README example must load"
    );
}

/// The opt-in packs ship inside the binary: `--pack NAME` or `packs` in
/// factlint.toml turns one on, from any directory, with no repository
/// checkout; an unknown name is an error that lists the packs.
#[test]
fn opt_in_packs_are_turned_on_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let article = "Council meets on the budget\n\nThe mayor said “we will not raise taxes this year, and then left the room.\n";
    write(root, "story/a.txt", article);

    let (code, stdout, _) = run_in(root, &["--no-config", "--color", "never", "story"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("unbalanced-quote"), "{stdout}");

    let (code, stdout, stderr) = run_in(
        root,
        &[
            "--no-config",
            "--color",
            "never",
            "--pack",
            "style",
            "story",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("warning[unbalanced-quote]") && stdout.contains("story/a.txt:3:16"),
        "{stdout}"
    );

    let (code, _, stderr) = run_in(root, &["--no-config", "--pack", "styles", "story"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no rule pack is called `styles`")
            && stderr.contains("the packs are: review, style"),
        "{stderr}"
    );

    write(root, "factlint.toml", "packs = [\"style\"]\n");
    let (code, stdout, stderr) = run_in(root, &["--color", "never", "story"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("warning[unbalanced-quote]"), "{stdout}");
    // Named twice, once in each place, the pack loads once.
    let (code, _, stderr) = run_in(root, &["--pack", "style", "story"]);
    assert_eq!((code, stderr.as_str()), (0, ""));

    // A pack's rule named without its pack points at the pack.
    let (code, _, stderr) = run_in(root, &["--no-config", "-W", "name-spelling", "story"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "`name-spelling` is in the opt-in pack `review`: turn it on with `--pack review`"
        ),
        "{stderr}"
    );
    write(
        root,
        "factlint.toml",
        "[rules.long-headline]\nseverity = \"warning\"\n",
    );
    let (code, _, stderr) = run_in(root, &["--color", "never", "story"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("factlint.toml:1:8") && stderr.contains("opt-in pack `style`"),
        "{stderr}"
    );

    write(root, "factlint.toml", "packs = [\"syle\"]\n");
    let (code, _, stderr) = run_in(root, &["--color", "never", "story"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no rule pack is called `syle`") && stderr.contains("factlint.toml:1:10"),
        "{stderr}"
    );
}
