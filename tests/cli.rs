//! The real binary, run as a user would: exit codes, stdout and stderr are
//! snapshot-tested together.

use std::fs;

mod common;

use common::{manifest_dir, run, run_in, transcript};

#[test]
fn seeds_report_the_known_defects() {
    let result = run(&["--color", "never", "seeds/"]);
    assert_eq!(result.0, 1, "placeholder-text is an error");
    insta::assert_snapshot!("seeds", transcript(result));
}

#[test]
fn quiet_prints_only_the_summary() {
    let (code, stdout, stderr) = run(&["-q", "seeds"]);
    let (_, full, _) = run(&["--color", "never", "seeds"]);
    let summary = full.lines().last().unwrap_or_default();
    assert!(summary.starts_with("1 error, ") && summary.ends_with(" in 5 files"));
    assert_eq!(
        (code, stdout, stderr),
        (1, format!("{summary}\n"), String::new())
    );
}

#[test]
fn a_clean_well_edited_paragraph_reports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("clean.txt"),
        "City council approves budget\n\n\
         The city council approved a $4.2 million budget on Tuesday, Mayor Ana Ruiz said. \
         “We kept every library open,” Ruiz told reporters after the 7-2 vote. \
         The Associated Press first reported the figure. Officials expect the new \
         fiscal year to begin on Jan. 1 in St. Paul, Minn., and in the U.S. capital.\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["clean.txt"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "0 errors, 0 warnings in 1 file\n", "")
    );
}

#[test]
fn builtin_rules_work_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let seed = manifest_dir().join("seeds/000_a2105e3f9ef73aac.txt");
    fs::copy(seed, dir.path().join("story.txt")).unwrap();
    let (code, stdout, _) = run_in(dir.path(), &["--color", "never", "."]);
    assert_eq!(code, 1);
    assert!(stdout.contains("warning[mid-word-capital]: `aArrests` looks like a typo"));
    assert!(stdout.contains("./story.txt:23:10"));
}

#[test]
fn a_missing_path_is_an_error_but_other_paths_are_linted() {
    let result = run(&[
        "--color",
        "never",
        "no-such-dir",
        "seeds/002_d690daa9b23a1653.txt",
    ]);
    assert_eq!(result.0, 2);
    insta::assert_snapshot!("missing_path", transcript(result));
}

#[test]
fn directory_walk_is_sorted_and_skips_hidden_target_and_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (path, text) in [
        ("b.md", "Second file with a sHooting typo.\n"),
        ("a.txt", "First file with a sHooting typo.\n"),
        ("notes.markdown", "Third file with a sHooting typo.\n"),
        ("sub/c.txt", "Nested file with a sHooting typo.\n"),
        ("skip.rs", "Code with a sHooting typo.\n"),
        (".hidden/d.txt", "Hidden file with a sHooting typo.\n"),
        ("target/e.txt", "Build output with a sHooting typo.\n"),
        (".git/f.txt", "Git file with a sHooting typo.\n"),
    ] {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let (code, stdout, _) = run_in(root, &["--color", "never", "."]);
    assert_eq!(code, 0, "warnings only");
    let files: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ "))
        .collect();
    assert_eq!(
        files,
        [
            "./a.txt:1:19",
            "./b.md:1:20",
            "./notes.markdown:1:19",
            "./sub/c.txt:1:20"
        ]
    );
    assert!(stdout.ends_with("0 errors, 4 warnings in 4 files\n"));
    // A file named explicitly is linted whatever its extension.
    let (_, stdout, _) = run_in(root, &["-q", "skip.rs"]);
    assert_eq!(stdout, "0 errors, 1 warning in 1 file\n");
}

#[test]
fn broken_rule_files_are_reported_with_code_frames() {
    let cases = fs::read_dir(manifest_dir().join("tests/fixtures/bad-rules")).unwrap();
    let mut names: Vec<String> = cases
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 7);
    for name in names {
        let rules = format!("tests/fixtures/bad-rules/{name}");
        let result = run(&[
            "--color",
            "never",
            "--no-default-rules",
            "--rules",
            &rules,
            "seeds/000_a2105e3f9ef73aac.txt",
        ]);
        assert_eq!(result.0, 2, "{name}: a broken rule file exits 2");
        insta::assert_snapshot!(format!("bad_rules__{name}"), transcript(result));
    }
}

#[test]
fn version_and_help() {
    let (code, stdout, _) = run(&["--version"]);
    assert_eq!(
        (code, stdout.trim()),
        (0, concat!("factlint ", env!("CARGO_PKG_VERSION")))
    );
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Examples:") && stdout.contains("Exit codes:"));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let (code, _, stderr) = run(&["--frobnicate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unexpected argument '--frobnicate'"));
}

/// `--color` and `-q` are accepted before or after any command's name,
/// and mean the same in both places.
#[test]
fn output_options_work_before_and_after_every_command() {
    let before = run(&["--color", "never", "facts", "seeds/"]);
    let after = run(&["facts", "--color", "never", "seeds/"]);
    assert_eq!(before.0, 0, "{}", before.2);
    assert!(before.1.contains("detained-count"), "{}", before.1);
    assert_eq!(before, after);

    let file = "seeds/000_a2105e3f9ef73aac.txt";
    for args in [
        vec!["-q", "inspect", file],
        vec!["inspect", "-q", file],
        vec!["--quiet", "facts", "seeds/"],
        vec!["rules", "-q"],
        vec!["-q", "explain", "mid-word-capital"],
    ] {
        assert_eq!(run(&args), (0, String::new(), String::new()), "{args:?}");
    }
    let (code, stdout, _) = run(&["test", "-q", "rules/"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("test result: ok. ") && stdout.lines().count() == 1,
        "{stdout}"
    );
}

/// An option of a lint run given with a subcommand is refused, not
/// silently ignored.
#[test]
fn lint_options_with_a_subcommand_are_a_usage_error() {
    let (code, _, stderr) = run(&["--deny", "all", "facts", "seeds/"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("lint_option_with_subcommand", stderr);
    // After a path, a command's name is read as one more path.
    let (code, _, stderr) = run(&["seeds/", "inspect", "seeds/"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("path `inspect` does not exist"), "{stderr}");
}
