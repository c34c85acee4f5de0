//! Cross-document rules on a copy of the seed story, edited to disagree.

use std::fs;
use std::path::Path;

mod common;

use common::{manifest_dir, run_in};

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

/// A temporary directory holding `files` (path, text).
fn scratch(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn lint(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec!["--color", "never"];
    all.extend_from_slice(args);
    let (code, stdout, _) = run_in(dir, &all);
    (code, stdout)
}

/// The diagnostics of one rule in a human-format output.
fn findings_of(stdout: &str, rule: &str) -> String {
    stdout
        .split("\n\n")
        .filter(|block| block.contains(&format!("[{rule}]")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `name-spelling` is in the opt-in pack `packs/review.toml`; these runs
/// load it.
fn review_pack() -> String {
    manifest_dir()
        .join("packs/review.toml")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_name_misspelt_in_one_article_is_reported_against_the_story() {
    let pack = review_pack();
    let (_, clean) = lint(&manifest_dir(), &["--rules", &pack, "seeds/"]);
    assert_eq!(findings_of(&clean, "name-spelling"), "");
    let dir = edited_story(&[(
        "003_671e6e606567e874.txt",
        "Secretary Alejandro Mayorkas",
        "Secretary Alejandro Majorkas",
    )]);
    let (_, stdout) = lint(dir.path(), &["--rules", &pack, "story"]);
    let found = findings_of(&stdout, "name-spelling");
    assert!(found.contains("story/003_671e6e606567e874.txt"), "{found}");
    assert!(
        found.contains("story/001_28828167f31af141.txt"),
        "secondary label in another file: {found}"
    );
    insta::assert_snapshot!("name_spelling_across_files", found);
}

#[test]
fn the_unedited_seeds_agree_on_every_fact() {
    let (_, stdout) = lint(&manifest_dir(), &["seeds/"]);
    for rule in [
        "migrant-count",
        "detained-count",
        "unaccounted-count",
        "nationals-count",
        "death-toll",
    ] {
        assert_eq!(findings_of(&stdout, rule), "", "{rule} fired on the seeds");
    }
}

#[test]
fn edited_figures_disagree_with_the_rest_of_the_story() {
    let dir = edited_story(&[
        (
            "002_d690daa9b23a1653.txt",
            "more than 400 migrants",
            "more than 300 migrants",
        ),
        (
            "001_28828167f31af141.txt",
            "eight Tajik nationals",
            "six Tajik nationals",
        ),
    ]);
    let (code, stdout) = lint(dir.path(), &["story"]);
    assert_eq!(code, 1, "disagreements are errors");
    let migrants = findings_of(&stdout, "migrant-count");
    let nationals = findings_of(&stdout, "nationals-count");
    assert_eq!(
        migrants.matches("error[migrant-count]").count(),
        1,
        "{migrants}"
    );
    assert_eq!(
        nationals.matches("error[nationals-count]").count(),
        1,
        "{nationals}"
    );
    // Labels in every file that states the fact.
    for file in ["001", "002", "003", "004"] {
        assert!(
            migrants.contains(&format!("story/{file}_")),
            "migrant labels miss {file}"
        );
    }
    for file in ["001", "002", "003"] {
        assert!(
            nationals.contains(&format!("story/{file}_")),
            "Tajik labels miss {file}"
        );
    }
    insta::assert_snapshot!("migrant_count_disagreement", migrants);
    insta::assert_snapshot!("nationals_count_disagreement", nationals);
}

#[test]
fn nearly_disagrees_with_more_than_but_a_bare_figure_agrees() {
    let dir = edited_story(&[(
        "003_671e6e606567e874.txt",
        "over 400 migrants",
        "nearly 400 migrants",
    )]);
    let (_, stdout) = lint(dir.path(), &["story"]);
    let found = findings_of(&stdout, "migrant-count");
    assert!(
        found.contains(
            "migrant count disagrees: nearly 400 here, more than 400 in the rest of the story"
        ),
        "{found}"
    );
    // "the 400 migrants" (bare) sits beside "more than 400" without complaint.
    assert_eq!(found.matches("error[migrant-count]").count(), 1, "{found}");
}

#[test]
fn a_fact_sheet_overrules_the_articles_and_is_shown_beside_them() {
    let dir = edited_story(&[]);
    fs::write(
        dir.path().join("story/facts.toml"),
        "# Known values for this story\nmigrant-count = \"more than 400\"\nnationals-count = { Tajik = 6 }\n",
    )
    .unwrap();
    let (code, stdout) = lint(dir.path(), &["story"]);
    assert_eq!(code, 1);
    assert_eq!(
        findings_of(&stdout, "migrant-count"),
        "",
        "the sheet agrees with the articles"
    );
    let found = findings_of(&stdout, "nationals-count");
    assert!(found.contains("story/facts.toml:3:29"), "{found}");
    assert!(found.contains("the fact sheet says 6 here"), "{found}");
    insta::assert_snapshot!("fact_sheet_disagreement", found);
}

#[test]
fn a_fact_sheet_entry_that_names_no_fact_rule_is_an_error() {
    let dir = edited_story(&[]);
    fs::write(
        dir.path().join("story/facts.toml"),
        "migrant-cuont = 400\nmid-word-capital = 3\ndetained-count = \"lots\"\n",
    )
    .unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["--color", "never", "-q", "story"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("fact_sheet_errors", stderr);
}

#[test]
fn facts_lists_every_extracted_figure() {
    let (code, stdout, stderr) = run_in(&manifest_dir(), &["facts", "seeds/"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.contains("nationals-count    tajik  8"), "{stdout}");
    insta::assert_snapshot!("facts_text", stdout);
}

#[test]
fn facts_json_has_a_stable_shape() {
    let (code, stdout, _) = run_in(&manifest_dir(), &["facts", "--format", "json", "seeds/"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(value["version"], 2);
    let story = &value["stories"][0];
    assert_eq!(story["story"], "seeds");
    for key in ["articles", "values", "claims"] {
        assert!(story[key].is_array(), "no `{key}` in {story}");
    }
    let claim = &story["claims"][0];
    for key in [
        "file", "fact", "subject", "value", "interval", "text", "span", "headline", "update",
        "context",
    ] {
        assert!(claim.get(key).is_some(), "no `{key}` in {claim}");
    }
    let first = &value["facts"][0];
    for key in [
        "rule",
        "key",
        "value",
        "written",
        "statement",
        "file",
        "span",
        "interval",
    ] {
        assert!(first.get(key).is_some(), "missing {key}: {first}");
    }
    insta::assert_snapshot!("facts_json", stdout);
}

#[test]
fn a_quantity_inside_a_group_is_extracted() {
    let dir = scratch(&[
        (
            "rule.toml",
            r#"
[[rule]]
id = "crowd-size"
kind = "agree"
severity = "error"
description = "Crowd sizes must agree"
pattern = '(?i)(?:a crowd of {quantity}|{quantity} (?:protesters|marchers))\b'
message = "crowd size disagrees: {value} here, {expected} elsewhere"
"#,
        ),
        (
            "story.txt",
            "A crowd of about 300 gathered.\n\nPolice said 900 marchers took part.\n",
        ),
    ]);
    let (code, stdout, _) = run_in(
        dir.path(),
        &[
            "facts",
            "--no-default-rules",
            "--rules",
            "rule.toml",
            "story.txt",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.contains("crowd-size  -    about 300") && stdout.contains("900"),
        "{stdout}"
    );
    let (code, stdout, _) = run_in(
        dir.path(),
        &[
            "--format",
            "short",
            "--no-default-rules",
            "--rules",
            "rule.toml",
            "story.txt",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[crowd-size]: crowd size disagrees: 900 here, about 300 elsewhere"),
        "{stdout}"
    );
}

#[test]
fn skip_documents_leaves_round_ups_out_of_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let rule = |skip: &str| {
        format!(
            r#"
[[rule]]
id = "wounded-count"
kind = "agree"
severity = "warning"
description = "How many were wounded must agree"
lead_paragraphs = 2
{skip}
pattern = '(?i){{quantity}} (?:people )?(?:were )?wounded\b'
message = "wounded count disagrees: {{value}} here, {{expected}} elsewhere"
"#
        )
    };
    fs::create_dir(dir.path().join("story")).unwrap();
    fs::write(dir.path().join("story/a.txt"), "Three wounded in shooting on Elm Street\n\nThree people were wounded on Elm Street on Friday night, police said.\n").unwrap();
    fs::write(dir.path().join("story/b.txt"), "Elm Street shooting leaves three hurt\n\nThree people were wounded when shots were fired on Elm Street, police said.\n").unwrap();
    fs::write(dir.path().join("story/c.txt"), "17 wounded in weekend shootings across the city\n\nSeventeen people were wounded in weekend shootings, including three on Elm Street.\n").unwrap();
    fs::write(dir.path().join("plain.toml"), rule("")).unwrap();
    fs::write(
        dir.path().join("skipping.toml"),
        rule(r#"skip_documents = '(?i)\bweekend shootings\b'"#),
    )
    .unwrap();
    let (code, stdout, _) = run_in(
        dir.path(),
        &[
            "--format",
            "short",
            "--no-default-rules",
            "--rules",
            "plain.toml",
            "story",
        ],
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("story/c.txt:1:1: warning[wounded-count]: wounded count disagrees: 17 here, 3 elsewhere"), "{stdout}");
    let (_, stdout, _) = run_in(
        dir.path(),
        &[
            "--format",
            "short",
            "--no-default-rules",
            "--rules",
            "skipping.toml",
            "story",
        ],
    );
    assert_eq!(stdout, "", "the round-up states no figure for the incident");
}

#[test]
fn an_updated_story_is_corrected_not_contradicted() {
    let dir = scratch(&[
        ("rule.toml", r#"
[[rule]]
id = "killed"
kind = "agree"
severity = "error"
description = "Deaths must agree within an article"
scope = "file"
pattern = '(?i){quantity} (?:people )?(?:were )?killed\b'
message = "killed count disagrees: {value} here, {expected} elsewhere"
"#),
        ("updated.txt", "Shooting at plant\n\nUPDATE (5:04 p.m.): Three people were killed, police now say.\n\nORIGINAL STORY: Two people were killed at the plant on Friday, police said.\n"),
        ("slip.txt", "Shooting at plant\n\nThree people were killed at the plant on Friday.\n\nTwo people were killed when the gunman opened fire, police said.\n"),
    ]);
    let (_, stdout, _) = run_in(
        dir.path(),
        &[
            "--format",
            "short",
            "--no-default-rules",
            "--rules",
            "rule.toml",
            ".",
        ],
    );
    assert_eq!(
        stdout, "./slip.txt:5:1: error[killed]: killed count disagrees: 2 here, 3 elsewhere\n",
        "the update is a correction; the slip is a contradiction"
    );
}

/// Files are settled (suppressions applied, text cut down to the lines of
/// their findings) as soon as their story is complete. A story whose
/// files are split by a subdirectory in walk order must still be compared
/// as one, and every code frame must show the right line, also in a file
/// whose text was cut down while the other story was still open.
#[test]
fn a_story_split_by_a_subdirectory_is_compared_whole_and_shown_right() {
    let dir = scratch(&[
        (
            "story/a.txt",
            "Officials said on Monday.\n\nThey identified more than 400 migrants in all.\n",
        ),
        (
            "story/b/inner.txt",
            "First line.\n\nThe the council met.\n\nLast line.\n",
        ),
        (
            "story/c.txt",
            "A line.\n\nAnother line.\n\nOfficials are reviewing the 300 migrants now.\n",
        ),
    ]);
    let (code, stdout) = lint(dir.path(), &["story"]);
    assert_eq!(code, 1, "{stdout}");
    let count = findings_of(&stdout, "migrant-count");
    assert!(count.contains("story/c.txt:5:"), "{count}");
    assert!(
        count.contains("5 │ Officials are reviewing the 300 migrants now."),
        "{count}"
    );
    assert!(
        count.contains("3 │ They identified more than 400 migrants in all."),
        "{count}"
    );
    let repeated = findings_of(&stdout, "repeated-word");
    assert!(repeated.contains("story/b/inner.txt:3:5"), "{repeated}");
    assert!(repeated.contains("3 │ The the council met."), "{repeated}");
    // The JSON format gives offsets in the files as they are.
    let (_, json) = lint(dir.path(), &["--format", "json", "story"]);
    let findings: serde_json::Value = serde_json::from_str(&json).unwrap();
    for finding in findings.as_array().unwrap() {
        let text = fs::read_to_string(dir.path().join(finding["file"].as_str().unwrap())).unwrap();
        let span = &finding["span"];
        let flagged =
            &text[span["start"].as_u64().unwrap() as usize..span["end"].as_u64().unwrap() as usize];
        assert!(
            !flagged.is_empty() && !flagged.contains("line"),
            "{finding}"
        );
    }
}
