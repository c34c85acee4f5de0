//! Helpers shared by the tests that run the real binary.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root, where the seeds and fixtures are.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs factlint in `dir` with `args`; returns the exit code, stdout and
/// stderr.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run_with_stdin(dir, args, "")
}

/// Runs factlint in the repository root.
pub fn run(args: &[&str]) -> (i32, String, String) {
    run_in(&manifest_dir(), args)
}

/// Runs factlint in `dir` with `stdin` as its standard input.
pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the factlint binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin.as_bytes())
        .expect("stdin accepts input");
    drop(pipe);
    let output = child.wait_with_output().expect("factlint finishes");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Exit code, stdout and stderr as one text for snapshots.
pub fn transcript((code, stdout, stderr): (i32, String, String)) -> String {
    format!("exit: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}")
}

/// The opt-in rule packs shipped in `packs/` (not built in: loaded with
/// `--rules packs/...`), as rule files named by their path in the
/// repository, in name order.
pub fn pack_files() -> Vec<factlint::rules::RuleFile> {
    let dir = manifest_dir().join("packs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the packs/ directory exists")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| factlint::rules::RuleFile {
            text: std::fs::read_to_string(dir.join(&name)).expect("a pack is readable UTF-8"),
            name: format!("packs/{name}"),
        })
        .collect()
}
