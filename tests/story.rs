//! Cross-document rules on a copy of the seed story, edited to disagree.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Copies the seed articles into a temporary story directory, applying
/// `edits` as (file name, from, to) replacements that must each apply.
fn edited_story(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    fs::create_dir(&story).unwrap();
    for entry in fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut text = fs::read_to_string(&path).unwrap();
        for (file, from, to) in edits.iter().filter(|(file, _, _)| *file == name) {
            assert!(text.contains(from), "{file} does not contain {from:?}");
            text = text.replacen(from, to, 1);
        }
        fs::write(story.join(&name), text).unwrap();
    }
    dir
}

fn lint(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the factlint binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// The diagnostics of one rule in a human-format output.
fn findings_of(stdout: &str, rule: &str) -> String {
    stdout
        .split("\n\n")
        .filter(|block| block.contains(&format!("[{rule}]")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_name_misspelt_in_one_article_is_reported_against_the_story() {
    let (_, clean) = lint(&manifest(), &["seeds/"]);
    assert_eq!(findings_of(&clean, "name-spelling"), "");
    let dir = edited_story(&[(
        "003_671e6e606567e874.txt",
        "Secretary Alejandro Mayorkas",
        "Secretary Alejandro Majorkas",
    )]);
    let (_, stdout) = lint(dir.path(), &["story"]);
    let found = findings_of(&stdout, "name-spelling");
    assert!(found.contains("story/003_671e6e606567e874.txt"), "{found}");
    assert!(
        found.contains("story/001_28828167f31af141.txt"),
        "secondary label in another file: {found}"
    );
    insta::assert_snapshot!("name_spelling_across_files", found);
}
