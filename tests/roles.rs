//! The `roles` option: which paragraphs a rule reads. Every kind accepts it,
//! bad values are spanned rule-file errors, and the findings of a rule in
//! paragraphs of other roles are dropped, the same way for every kind.

use std::fs;

mod common;

use common::run_in;

/// Lints `article` in a fresh directory with only the rules in `rules`.
fn lint(rules: &str, article: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::write(dir.path().join("rules/story.toml"), rules).unwrap();
    fs::write(dir.path().join("story.txt"), article).unwrap();
    run_in(
        dir.path(),
        &[
            "--color",
            "never",
            "--no-default-rules",
            "--rules",
            "rules",
            "story.txt",
        ],
    )
}

/// A made-up article with a headline, prose, a caption, a byline and a
/// share bar, each holding the word `shelter`.
const ARTICLE: &str = "Storm shelter opens early\n\n\
    The county opened its storm shelter on Monday, officials said.\n\n\
    Volunteers carry cots into the shelter. (Photo: Dana Cole, Lakeside Gazette)\n\n\
    By Shelter Reporter\n\n\
    Share this: Facebook | Twitter | Email\n";

fn rule(roles: Option<&str>) -> String {
    let roles = roles.map(|r| format!("roles = {r}\n")).unwrap_or_default();
    format!(
        "[[rule]]\nid = \"shelter-word\"\nkind = \"pattern\"\nseverity = \"warning\"\n\
         description = \"Finds a word\"\npattern = '(?i)shelter'\n{roles}message = \"found `{{match}}`\"\n"
    )
}

/// The lines of the findings of a run.
fn lines_found(stdout: &str) -> Vec<usize> {
    stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("┌─ story.txt:"))
        .filter_map(|rest| rest.split(':').next()?.parse().ok())
        .collect()
}

#[test]
fn a_pattern_rule_reads_prose_and_headlines_by_default() {
    let (code, stdout, stderr) = lint(&rule(None), ARTICLE);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines_found(&stdout), [1, 3]);
}

#[test]
fn roles_select_the_paragraphs_read() {
    let (_, stdout, _) = lint(&rule(Some(r#"["caption", "byline"]"#)), ARTICLE);
    assert_eq!(lines_found(&stdout), [5, 7]);
    let (_, stdout, _) = lint(&rule(Some(r#"["all"]"#)), ARTICLE);
    assert_eq!(lines_found(&stdout), [1, 3, 5, 7]);
    let (_, stdout, _) = lint(&rule(Some(r#"["prose"]"#)), ARTICLE);
    assert_eq!(lines_found(&stdout), [3]);
}

#[test]
fn bad_roles_are_spanned_rule_file_errors() {
    let rules =
        fs::read_to_string(common::manifest_dir().join("tests/fixtures/bad-roles/rules.toml"))
            .unwrap();
    let (code, _, stderr) = lint(&rules, ARTICLE);
    assert_eq!(code, 2);
    insta::assert_snapshot!("bad_roles", stderr);
}
