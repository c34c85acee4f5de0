//! `factlint inspect` through the real binary: the text tree and the JSON
//! shape are snapshot-tested, including standard input.

mod common;

fn inspect(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut all = vec!["inspect"];
    all.extend_from_slice(args);
    common::run_with_stdin(&common::manifest_dir(), &all, stdin.unwrap_or(""))
}

#[test]
fn seed_000_as_a_tree() {
    let (code, stdout, stderr) = inspect(
        &["--color", "never", "seeds/000_a2105e3f9ef73aac.txt"],
        None,
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    // The outlet fragment is its own sentence, and the quote sits in the
    // sentence before it with its attribution.
    assert!(
        stdout.contains("Adrienne Watson said.\n│   │   └── quote 1 7:32 “identify and assess”")
    );
    assert!(stdout.contains("└── sentence 5 7:161 CNN in a statement.\n"));
    insta::assert_snapshot!("seed_000_tree", stdout);
}

#[test]
fn seed_000_as_json() {
    let (code, stdout, _) = inspect(
        &["--format", "json", "seeds/000_a2105e3f9ef73aac.txt"],
        None,
    );
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let sentences = value["files"][0]["sentences"]
        .as_array()
        .expect("sentences");
    let texts: Vec<&str> = sentences
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert!(texts.contains(&"CNN in a statement."));
    assert_eq!(
        value["files"][0]["quotes"][0]["text"],
        "identify and assess"
    );
    assert_eq!(value["files"][0]["quotes"][0]["sentence"], 3);
    assert_eq!(
        value["files"][0]["quotes"][0]["attribution"]["verb"]["text"],
        "said"
    );
    insta::assert_snapshot!("seed_000_json", stdout);
}

#[test]
fn quotes_of_seed_004_with_their_attributions() {
    let (code, stdout, _) = inspect(
        &[
            "--color",
            "never",
            "--only",
            "quotes",
            "seeds/004_f4dff9addbff57a9.txt",
        ],
        None,
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!("seed_004_quotes", stdout);
}

#[test]
fn standard_input_answers_at_once() {
    let (code, stdout, _) = inspect(
        &["--color", "never", "--only", "sentences", "-"],
        Some("I live in the U.S. How about you?\n"),
    );
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "<stdin>\nsentence 1 1:1 I live in the U.S.\nsentence 2 1:20 How about you?\n"
    );
}

#[test]
fn only_takes_several_units_and_json_omits_the_rest() {
    let (_, stdout, _) = inspect(
        &["--format", "json", "--only", "paragraphs,quotes", "-"],
        Some("One. “Two words here,” she said.\n"),
    );
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let file = &value["files"][0];
    assert_eq!(file["path"], "<stdin>");
    assert!(file.get("sentences").is_none());
    assert_eq!(
        file["paragraphs"][0]["sentences"],
        serde_json::json!([0, 1])
    );
    assert_eq!(file["quotes"][0]["attribution"]["speaker"]["text"], "she");
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_shown() {
    let (code, stdout, stderr) = inspect(
        &[
            "--color",
            "never",
            "--only",
            "sentences",
            "missing.txt",
            "-",
        ],
        Some("Fine.\n"),
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("error[io]: path `missing.txt` does not exist"));
    assert_eq!(stdout, "<stdin>\nsentence 1 1:1 Fine.\n");
}
