//! Bad inputs never crash factlint and never lose the rest of the run:
//! each test runs the real binary on awkward files next to a good one and
//! checks both what is said about the bad file and that the good one is
//! still linted. Then hostile rule files: a user's regex cannot blow up a
//! run, and a rule file cannot make factlint read or write anywhere.
//!
//! What factlint does with each (also in the README):
//! - not UTF-8 (including UTF-16): skipped, an `io` error (exit 2); not
//!   decoded lossily, which would move every byte offset after the first
//!   bad byte and let `--fix` write replacement characters into the file;
//! - binary (a NUL byte in the first 8 KiB): skipped with a note, exit code
//!   unchanged, whether found in a directory or named;
//! - a byte order mark: read as white space, columns counted after it;
//! - CRLF and lone CR line endings: lines, columns and spans as with LF;
//! - empty files: linted (`empty-document`);
//! - a symbolic link loop: a note (the directory it points back to is
//!   linted anyway); an unreadable file or directory: an error (exit 2);
//! - a path given twice: linted once.

use std::fs;
use std::path::Path;
use std::process::Command;

mod common;

use common::{manifest_dir, run_in};

/// A file with one known finding: `aArrests` at line 1, column 3.
const GOOD: &str = "A aArrests typo.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// The seed articles, by file name.
fn seeds() -> Vec<(String, String)> {
    let mut seeds: Vec<(String, String)> = fs::read_dir(manifest_dir().join("seeds"))
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(path).unwrap())
        })
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5);
    seeds
}

/// Lints `paths` in `dir` with `--format json`; returns the exit code, the
/// findings and stderr.
fn json(dir: &Path, paths: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let mut args = vec!["--format", "json"];
    args.extend(paths);
    let (code, stdout, stderr) = run_in(dir, &args);
    let findings: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("JSON output ({e}):\n{stdout}\n{stderr}"));
    (code, findings.as_array().unwrap().clone(), stderr)
}

/// Every span of every finding lies on character boundaries of its file,
/// and its line and column agree with the byte offset.
fn assert_spans_are_right(dir: &Path, findings: &[serde_json::Value]) {
    for finding in findings {
        let file = finding["file"].as_str().unwrap();
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let span = &finding["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert!(
            start <= end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end),
            "{finding}"
        );
        let (line, column) = line_col(&text, start);
        assert_eq!(
            (line, column),
            (
                span["line"].as_u64().unwrap() as usize,
                span["column"].as_u64().unwrap() as usize
            ),
            "{finding}"
        );
    }
}

/// Line and column of byte `offset`, counted independently of factlint:
/// lines end at `\n`, `\r\n` or `\r`; columns count characters, not a
/// byte order mark.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let normalised = before.replace("\r\n", "\n").replace('\r', "\n");
    let line = normalised.matches('\n').count() + 1;
    let last = normalised.rsplit('\n').next().unwrap_or("");
    let last = if line == 1 {
        last.strip_prefix('\u{feff}').unwrap_or(last)
    } else {
        last
    };
    (line, last.chars().count() + 1)
}

/// `(rule, message, line, column, end line, end column)` of each finding.
fn positions(findings: &[serde_json::Value]) -> Vec<(String, String, u64, u64, u64, u64)> {
    findings
        .iter()
        .map(|f| {
            let span = &f["span"];
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
                span["line"].as_u64().unwrap(),
                span["column"].as_u64().unwrap(),
                span["end_line"].as_u64().unwrap(),
                span["end_column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn invalid_utf8_is_skipped_with_an_error_and_the_rest_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    write(dir.path(), "latin1.txt", b"Caf\xe9 society aArrests.\n");
    let (code, stdout, stderr) = run_in(dir.path(), &["--color", "never", "."]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "error[io]: `./latin1.txt` is not valid UTF-8 (invalid byte at offset 3); skipped"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("iconv -f WINDOWS-1252 -t UTF-8"),
        "{stderr}"
    );
    assert!(stdout.contains("./good.txt:1:3"), "{stdout}");
    assert!(
        stdout.ends_with("0 errors, 1 warning in 1 file\n"),
        "{stdout}"
    );
}

#[test]
fn utf16_text_is_an_error_not_a_binary_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "A aArrests typo.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    write(dir.path(), "windows.txt", utf16);
    let (code, stdout, stderr) = run_in(dir.path(), &["--color", "never", "."]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("error[io]: `./windows.txt` is UTF-16 text, not UTF-8; skipped"),
        "{stderr}"
    );
    assert!(stderr.contains("iconv -f UTF-16 -t UTF-8"), "{stderr}");
    assert!(stdout.ends_with("in 1 file\n"), "{stdout}");
}

#[test]
fn binary_files_are_skipped_with_a_note_found_or_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(dir.path(), "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    for args in [&["."][..], &["good.txt", "image.png"][..]] {
        let mut all = vec!["--color", "never"];
        all.extend(args);
        let (code, stdout, stderr) = run_in(dir.path(), &all);
        assert_eq!(
            code, 0,
            "a binary file does not change the exit code: {stderr}"
        );
        assert!(
            stderr.contains("note[io]: `")
                && stderr.contains("looks like a binary file (it contains NUL bytes); skipped"),
            "{stderr}"
        );
        assert!(!stderr.contains("error"), "{stderr}");
        assert!(
            stdout.ends_with("0 errors, 1 warning in 1 file\n"),
            "{stdout}"
        );
    }
}

#[test]
fn a_byte_order_mark_changes_no_finding_and_no_column() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in seeds() {
        write(&dir.path().join("plain"), &name, &text);
        write(&dir.path().join("bom"), &name, format!("\u{feff}{text}"));
    }
    let (plain_code, plain, _) = json(&dir.path().join("plain"), &["."]);
    let (bom_code, bom, stderr) = json(&dir.path().join("bom"), &["."]);
    assert_eq!((bom_code, stderr.as_str()), (plain_code, ""));
    assert!(!plain.is_empty());
    assert_eq!(positions(&bom), positions(&plain));
    // Byte offsets still point into the file as it is, three bytes on.
    for (b, p) in bom.iter().zip(&plain) {
        assert_eq!(b["span"]["start"], p["span"]["start"].as_u64().unwrap() + 3);
    }
    assert_spans_are_right(&dir.path().join("bom"), &bom);

    // A finding on the first line: the code frame and the short format
    // count columns after the mark.
    write(dir.path(), "first.txt", format!("\u{feff}{GOOD}"));
    let (_, stdout, _) = run_in(dir.path(), &["--format", "short", "first.txt"]);
    assert!(
        stdout.starts_with("first.txt:1:3: warning[mid-word-capital]"),
        "{stdout}"
    );
    let (_, stdout, _) = run_in(dir.path(), &["--color", "never", "first.txt"]);
    assert!(stdout.contains("┌─ first.txt:1:3\n"), "{stdout}");
}

#[test]
fn crlf_and_lone_cr_line_endings_keep_lines_columns_and_spans() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in seeds() {
        write(&dir.path().join("lf"), &name, &text);
        write(&dir.path().join("crlf"), &name, text.replace('\n', "\r\n"));
        write(&dir.path().join("cr"), &name, text.replace('\n', "\r"));
    }
    let (code, lf, _) = json(&dir.path().join("lf"), &["."]);
    assert!(!lf.is_empty());
    for ending in ["crlf", "cr"] {
        let root = dir.path().join(ending);
        let (other_code, findings, stderr) = json(&root, &["."]);
        assert_eq!((other_code, stderr.as_str()), (code, ""), "{ending}");
        assert_eq!(positions(&findings), positions(&lf), "{ending}");
        assert_spans_are_right(&root, &findings);
        // The flagged text is the same text, line endings aside.
        for (finding, plain) in findings.iter().zip(&lf) {
            let slice = |root: &Path, f: &serde_json::Value| {
                let text = fs::read_to_string(root.join(f["file"].as_str().unwrap())).unwrap();
                let span = &f["span"];
                text[span["start"].as_u64().unwrap() as usize
                    ..span["end"].as_u64().unwrap() as usize]
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
            };
            assert_eq!(slice(&root, finding), slice(&dir.path().join("lf"), plain));
        }
    }
}

#[test]
fn empty_and_blank_files_are_linted_without_trouble() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "blank.txt", " \n\r\n\t\r");
    write(dir.path(), "bom-only.txt", "\u{feff}");
    write(dir.path(), "empty.md", "");
    let (code, stdout, stderr) = run_in(dir.path(), &["--format", "short", "."]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    for name in ["blank.txt", "bom-only.txt", "empty.md", "empty.txt"] {
        assert!(
            stdout.contains(&format!("./{name}:1:1: warning[empty-document]")),
            "{name}: {stdout}"
        );
    }
}

/// The test suite runs a debug build, about ten times slower than a
/// release build, so this is 1 MB on one line; `bench/run` times 100 MB.
/// A quadratic pass over a line would show here as minutes.
#[test]
fn a_long_single_line_file_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    let line: String = seeds()
        .iter()
        .map(|(_, text)| text.replace('\n', " "))
        .collect();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&line);
    }
    write(dir.path(), "line.txt", &text);
    write(dir.path(), "good.txt", GOOD);
    let (code, stdout, stderr) = run_in(dir.path(), &["-q", "."]);
    assert_eq!((code, stderr.as_str()), (1, ""), "the seeds hold an error");
    assert!(stdout.ends_with(" in 2 files\n"), "{stdout}");
}

#[test]
fn an_extremely_long_sentence_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    // 200,000 words without a full stop, with commas, quotation marks and a
    // verb of saying now and then.
    let mut text = String::from("The council ");
    for i in 0..20_000 {
        text.push_str(if i % 7 == 0 {
            "said “we met” and, "
        } else {
            "voted again on the same budget, "
        });
    }
    text.push_str("and adjourned.\n");
    write(dir.path(), "long.txt", &text);
    write(dir.path(), "good.txt", GOOD);
    let (code, findings, stderr) = json(dir.path(), &["."]);
    assert!(code <= 1 && stderr.is_empty(), "{code}: {stderr}");
    assert_spans_are_right(dir.path(), &findings);
    assert!(findings.iter().any(|f| f["file"] == "./good.txt"));
}

/// Found on the 200 MB benchmark corpus (newswire whose paragraphs run for
/// pages): a quotation introduced by a comma, more than 2,000 bytes into its
/// paragraph, looked for its speaker in the paragraph before, which lay
/// wholly out of reach; the reach window came out reversed and slicing it
/// panicked.
#[test]
fn a_quotation_far_into_a_long_paragraph_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    let filler =
        ["The committee went through the figures line by line and asked questions."; 32].join(" ");
    let text = format!(
        "Council debates the budget\n\nThe council met on Tuesday to discuss next year's budget.\n\n{filler} As one member put it, “Better some money back than none at all.”\n"
    );
    write(dir.path(), "far.txt", &text);
    let (code, findings, stderr) = json(dir.path(), &["far.txt"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The quotation is read and found unattributed, in the right place.
    let quote = findings
        .iter()
        .find(|f| f["rule"] == "unattributed-quote")
        .unwrap_or_else(|| panic!("{findings:?}"));
    let start = quote["span"]["start"].as_u64().unwrap() as usize;
    assert!(text[start..].starts_with("“Better"), "{quote}");
}

#[test]
fn deeply_nested_and_unbalanced_quotes_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    let n = 5_000;
    let cases = [
        (
            "nested.txt",
            format!("{}deep{}\n", "“".repeat(n), "”".repeat(n)),
        ),
        (
            "openers.txt",
            format!("He said {} and left.\n", "“a ".repeat(n)),
        ),
        (
            "closers.txt",
            format!("He said {} and left.\n", "a” ".repeat(n)),
        ),
        ("straight.txt", "\"".repeat(n + 1) + "\n"),
        ("mixed.txt", "“a\" ‘b’’ ''c” \"d“ ".repeat(n / 10) + "\n"),
        ("lines.txt", "“Quoted paragraph\n\n".repeat(n / 10)),
    ];
    for (name, text) in &cases {
        write(dir.path(), name, text);
    }
    write(dir.path(), "good.txt", GOOD);
    let (code, findings, stderr) = json(dir.path(), &["."]);
    assert!(code <= 1 && stderr.is_empty(), "{code}: {stderr}");
    assert_spans_are_right(dir.path(), &findings);
    assert!(findings.iter().any(|f| f["file"] == "./good.txt"));
    let (code, stdout, _) = run_in(dir.path(), &["inspect", "--format", "json", "."]);
    assert_eq!(code, 0);
    let model: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(model["files"].as_array().unwrap().len(), cases.len() + 1);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_a_note_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story/good.txt", GOOD);
    std::os::unix::fs::symlink("..", dir.path().join("story/up")).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["--color", "never", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("note[io]: skipped `./story/up`: a symbolic link loop back to `.`"),
        "{stderr}"
    );
    assert!(
        stdout.ends_with("0 errors, 1 warning in 1 file\n"),
        "{stdout}"
    );
    // A link to itself is a broken link, not a loop back to a directory
    // being linted: like a dangling link, it cannot be read, an error; the
    // rest is still linted.
    write(dir.path(), "other/good.txt", GOOD);
    std::os::unix::fs::symlink("self.txt", dir.path().join("other/self.txt")).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["--color", "never", "other"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("error[io]: cannot read `other/self.txt`"),
        "{stderr}"
    );
    assert!(
        stdout.ends_with("0 errors, 1 warning in 1 file\n"),
        "{stdout}"
    );
    let (code, _, stderr) = run_in(dir.path(), &["other/self.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("path `other/self.txt` does not exist"),
        "{stderr}"
    );
}

/// Runs factlint in `dir` as a user that file permissions apply to: when
/// the tests run as root (where `chmod 000` denies nothing), as `nobody`.
/// `None` if that cannot be done here.
#[cfg(unix)]
fn run_unprivileged(dir: &Path, args: &[&str]) -> Option<(i32, String, String)> {
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::process::CommandExt;
    let probe = dir.join(".owner");
    fs::write(&probe, "").unwrap();
    let root = fs::metadata(&probe).unwrap().uid() == 0;
    fs::remove_file(probe).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_factlint"));
    command.args(args).current_dir(dir).env_remove("NO_COLOR");
    if root {
        command.uid(65534).gid(65534);
    }
    let output = command.output().ok()?;
    Some((
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_directories_are_errors_and_the_rest_is_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.txt", GOOD);
    write(root, "secret.txt", GOOD);
    write(root, "locked/inside.txt", GOOD);
    let mode = |path: &str, mode| {
        fs::set_permissions(root.join(path), fs::Permissions::from_mode(mode)).unwrap()
    };
    mode(".", 0o755);
    mode("good.txt", 0o644);
    mode("secret.txt", 0o000);
    mode("locked", 0o000);
    let outcome = run_unprivileged(root, &["--color", "never", "."]);
    let named = run_unprivileged(root, &["--color", "never", "secret.txt", "good.txt"]);
    mode("locked", 0o755);
    let (Some((code, stdout, stderr)), Some(named)) = (outcome, named) else {
        println!("skipped: cannot run factlint as an unprivileged user here");
        return;
    };
    if stderr.is_empty() && stdout.contains("in 3 files") {
        println!("skipped: permissions deny nothing to this user (running as root?)");
        return;
    }
    assert_eq!(code, 2, "{stderr}");
    for path in ["./locked", "./secret.txt"] {
        assert!(
            stderr.contains(&format!(
                "error[io]: cannot read `{path}`: Permission denied"
            )),
            "{stderr}"
        );
    }
    assert!(
        stdout.ends_with("0 errors, 1 warning in 1 file\n"),
        "{stdout}"
    );
    let (code, stdout, stderr) = named;
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("error[io]: cannot read `secret.txt`: Permission denied"),
        "named explicitly: {stderr}"
    );
    assert!(
        stdout.ends_with("0 errors, 1 warning in 1 file\n"),
        "{stdout}"
    );
}

/// A file that exists but fails to read (here, a read error from the
/// kernel, which even root gets) is an error for that file alone.
#[cfg(target_os = "linux")]
#[test]
fn a_read_error_is_an_error_for_that_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    let (code, stdout, stderr) = run_in(dir.path(), &["-q", "/proc/self/mem", "good.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("error[io]: cannot read `/proc/self/mem`: "),
        "{stderr}"
    );
    assert_eq!(stdout, "0 errors, 1 warning in 1 file\n");
}

#[test]
fn a_path_given_twice_is_linted_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story/good.txt", GOOD);
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &[
            "--format",
            "short",
            "story/good.txt",
            "./story/good.txt",
            "story/../story/good.txt",
            "story",
            ".",
        ],
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_file_reached_through_a_link_and_directly_is_linted_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story/good.txt", GOOD);
    write(dir.path(), "elsewhere/other.txt", GOOD);
    // A link to a directory of the walk, a link to a file of the walk, and
    // a link out of it.
    std::os::unix::fs::symlink("story", dir.path().join("alias")).unwrap();
    std::os::unix::fs::symlink("story/good.txt", dir.path().join("link.txt")).unwrap();
    std::os::unix::fs::symlink("../elsewhere", dir.path().join("story/out")).unwrap();
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &["--format", "short", ".", "alias/good.txt", "story"],
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    let files: Vec<&str> = stdout
        .lines()
        .map(|line| line.split(':').next().unwrap())
        .collect();
    // Each file once, under the first path to it in the walk's sorted
    // order: `alias` comes before `elsewhere`, `link.txt` and `story`.
    assert_eq!(
        files,
        ["./alias/good.txt", "./alias/out/other.txt"],
        "{stdout}"
    );
}

#[test]
fn everything_at_once_loses_only_the_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a/good.txt", GOOD);
    write(root, "a/empty.txt", "");
    write(root, "a/latin1.txt", b"Caf\xe9\n");
    write(root, "a/binary.txt", b"\0\x01\x02");
    write(
        root,
        "a/bom-crlf.txt",
        "\u{feff}One aArrests.\r\nTwo.\rThree.\r\n",
    );
    write(root, "b/quotes.md", "“”“\"\"''’’\n\n```\n“\n```\n");
    write(root, "z/good.txt", GOOD);
    let (code, stdout, stderr) = run_in(root, &["--format", "short", "a", "b", "z", "missing"]);
    assert_eq!(code, 2, "a non-UTF-8 file and a missing path are errors");
    assert_eq!(stderr.matches("error[io]").count(), 2, "{stderr}");
    assert_eq!(stderr.matches("note[io]").count(), 1, "{stderr}");
    for expected in [
        "a/good.txt:1:3: warning[mid-word-capital]",
        "a/bom-crlf.txt:1:5: warning[mid-word-capital]",
        "z/good.txt:1:3: warning[mid-word-capital]",
        "a/empty.txt:1:1: warning[empty-document]",
    ] {
        assert!(stdout.contains(expected), "{expected}: {stdout}");
    }
}

// ---------------------------------------------------------------------------
// Hostile rule files.

/// A rule file with one `pattern` rule.
fn pattern_rule(pattern: &str) -> String {
    format!(
        "[[rule]]\nid = \"hostile\"\nkind = \"pattern\"\ndescription = \"a user's pattern\"\n\
         severity = \"warning\"\nmessage = \"found `{{match}}`\"\npattern = '''{pattern}'''\n"
    )
}

#[test]
fn an_oversized_regex_is_a_rule_file_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    for pattern in [
        r"(?:a{1000}){1000}",
        r"\w{500}\w{500}",
        r"(?:[a-z]{100}|\d{100}){100}",
    ] {
        write(dir.path(), "rules/hostile.toml", pattern_rule(pattern));
        let (code, stdout, stderr) = run_in(
            dir.path(),
            &["--color", "never", "--rules", "rules", "good.txt"],
        );
        assert_eq!(code, 2, "{pattern}: {stderr}");
        assert!(
            stderr.contains("error[rule-file]: regex is too large"),
            "{pattern}: {stderr}"
        );
        assert!(
            stderr.contains("rules/hostile.toml:7:"),
            "{pattern}: {stderr}"
        );
        // The other rules still run.
        assert!(stdout.contains("warning[mid-word-capital]"), "{stdout}");
    }
}

/// Patterns that backtracking engines take exponential time on run in
/// linear time (the regex crate's guarantee); this asserts they finish,
/// `bench/run` is where time is measured.
#[test]
fn pathological_patterns_run_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = "a".repeat(200_000);
    text.push_str("!\n");
    text.push_str(&"x".repeat(200_000));
    text.push('\n');
    write(dir.path(), "long.txt", &text);
    for pattern in [
        r"(a+)+$",
        r"(a|a)*b",
        r"(x+x+)+y",
        r"(?:a*)*c",
        r"(\w+\s?)+$",
    ] {
        write(dir.path(), "rules/hostile.toml", pattern_rule(pattern));
        let (code, _, stderr) = run_in(
            dir.path(),
            &["-q", "--no-default-rules", "--rules", "rules", "long.txt"],
        );
        assert_eq!((code, stderr.as_str()), (0, ""), "{pattern}");
    }
}

/// Rule files hold no paths: factlint reads the files it is given and
/// the rule, configuration, fact sheet and baseline files named on the
/// command line or in `factlint.toml`, never one a rule file names. Keys
/// that would name a file are unknown keys, reported as errors; no rule
/// kind has an option that names a file; and an example's document name
/// is a label, never opened or written.
#[test]
fn a_rule_file_cannot_name_a_file_to_read_or_write() {
    for kind in factlint::kinds::KINDS {
        for option in kind.options {
            for word in [
                "path", "file", "dir", "include", "import", "output", "write",
            ] {
                assert!(
                    !option.contains(word),
                    "kind `{}` has an option `{option}`: rule files must not name files",
                    kind.name
                );
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let secret = outside.join("secret.txt");
    fs::write(&secret, "A aArrests secret.\n").unwrap();
    let planted = outside.join("planted.txt");
    let story = dir.path().join("story");
    write(&story, "good.txt", GOOD);
    let rule = |extra: &str| {
        pattern_rule("zzz").replace(
            "[[rule]]\n",
            &format!("{extra}\n[[rule]]\n").replace("{secret}", &secret.display().to_string()),
        )
    };
    for extra in [
        "include = '{secret}'",
        "rules = ['{secret}']",
        "[facts]\nfile = '{secret}'",
    ] {
        write(&story, "rules/hostile.toml", rule(extra));
        let (code, stdout, stderr) = run_in(
            &story,
            &["--color", "never", "--rules", "rules", "good.txt"],
        );
        assert_eq!(code, 2, "{extra}");
        assert!(stderr.contains("unknown key"), "{extra}: {stderr}");
        assert!(!stdout.contains("secret"), "{extra}: {stdout}");
    }
    for option in ["path", "file", "output"] {
        let text = pattern_rule("zzz") + &format!("{option} = '{}'\n", secret.display());
        write(&story, "rules/hostile.toml", text);
        let (code, _, stderr) = run_in(&story, &["--rules", "rules", "good.txt"]);
        assert_eq!(code, 2, "{option}");
        assert!(
            stderr.contains(&format!("unknown key `{option}`")),
            "{stderr}"
        );
    }
    // An example's document names are labels, and must be plain file
    // names: a path is a rule-file error, and neither `factlint test` nor a
    // lint run with `--fix` reads or writes it.
    let example = format!(
        "{}\n[[rule.examples]]\nname = \"outside\"\ndocuments = [\n  \
         {{ name = \"{}\", text = \"«zzz»\" }},\n  {{ name = \"../../x.txt\", text = \"no\" }},\n]\n",
        pattern_rule("zzz"),
        planted.display()
    );
    write(&story, "rules/hostile.toml", example);
    let (code, stdout, stderr) = run_in(&story, &["--color", "never", "test", "rules"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    for name in [planted.display().to_string(), "../../x.txt".to_owned()] {
        assert!(
            stderr.contains(&format!("document name `{name}` is not a plain file name")),
            "{stderr}"
        );
    }
    let (code, _, stderr) = run_in(&story, &["--rules", "rules", "--fix", "good.txt"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!planted.exists(), "an example's name was written");
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 1);
}

/// A rule file far larger than any real one, and a deeply nested TOML
/// value, are reported or loaded, never a crash.
#[test]
fn huge_and_deeply_nested_rule_files_are_diagnosed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    let nested = format!(
        "{}examples = {}{}\n",
        pattern_rule("zzz"),
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let many: String = (0..20_000)
        .map(|i| pattern_rule("zzz").replace("\"hostile\"", &format!("\"rule-{i}\"")))
        .collect();
    for (name, text) in [("nested.toml", nested), ("many.toml", many)] {
        write(dir.path(), &format!("rules/{name}"), text);
        let (code, _, stderr) = run_in(
            dir.path(),
            &[
                "-q",
                "--no-default-rules",
                "--rules",
                &format!("rules/{name}"),
                "good.txt",
            ],
        );
        assert!(
            code == 0 || (code == 2 && stderr.contains("rule-file")),
            "{name}: {code} {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}
