//! The `spelling` kind through the real binary: option errors in a rule
//! file, the default `outside-quotes` scope and the `allow` list.

use std::fs;

mod common;

use common::{manifest_dir, run_in, transcript};

/// The files a finding points at, as `path:line:column`.
fn locations(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ "))
        .collect()
}

/// Writes a one-rule file using the `spelling` kind with `options`, and a
/// story, into a new directory.
fn setup(options: &str, story: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::write(
        dir.path().join("rules/house.toml"),
        format!(
            "[[rule]]\nid = \"house-spelling\"\nkind = \"spelling\"\nseverity = \"warning\"\n\
             description = \"test\"\nmessage = \"`{{match}}` is misspelt\"\n{options}\n"
        ),
    )
    .unwrap();
    fs::write(dir.path().join("story.txt"), story).unwrap();
    dir
}

const STORY: &str = "\
Police said the boy was recieving treatment.

“I was recieving threats,” the boy’s mother said.

Teh family said it had not been told.
";

#[test]
fn bad_options_are_reported_with_code_frames() {
    let result = run_in(
        &manifest_dir(),
        &[
            "--color",
            "never",
            "--no-default-rules",
            "--rules",
            "tests/fixtures/bad-kind-options/spelling",
            "seeds/000_a2105e3f9ef73aac.txt",
        ],
    );
    assert_eq!(result.0, 2, "a broken rule file exits 2");
    insta::assert_snapshot!("bad_options", transcript(result));
}

#[test]
fn quoted_speech_is_left_alone_by_default() {
    let dir = setup("", STORY);
    let args = [
        "--color",
        "never",
        "--no-default-rules",
        "--rules",
        "rules",
        "story.txt",
    ];
    let (code, stdout, stderr) = run_in(dir.path(), &args);
    assert_eq!((code, stderr.as_str()), (0, ""));
    // Line 3 holds the quoted `recieving`; `Teh` opens a sentence.
    assert_eq!(locations(&stdout), ["story.txt:1:25", "story.txt:5:1"]);
    assert!(stdout.contains("help: replace with `receiving`"));
    assert!(stdout.contains("help: replace with `The`"));

    // With a scope that includes quotations, the quoted word is flagged.
    let dir = setup("scope = \"document\"", STORY);
    let (_, stdout, _) = run_in(dir.path(), &args);
    assert_eq!(
        locations(&stdout),
        ["story.txt:1:25", "story.txt:3:8", "story.txt:5:1"]
    );
}

#[test]
fn allowed_words_are_never_flagged_whatever_their_case() {
    let dir = setup("allow = [\"RECIEVING\", \"teh\"]", STORY);
    let (code, stdout, _) = run_in(
        dir.path(),
        &["-q", "--no-default-rules", "--rules", "rules", "."],
    );
    assert_eq!(code, 0);
    assert_eq!(stdout, "0 errors, 0 warnings in 1 file\n");
}
