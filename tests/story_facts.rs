//! The `story` rules and `factlint facts` on a story written for the
//! test, and planted disagreements in real stories of the corpus.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::run_in;
use factlint::document::claims::{ClaimKind, CountForm, SubjectId};
use factlint::document::Document;

const STORY_RULES: &[&str] = &[
    "-A",
    "all",
    "-W",
    "story-count-disagrees",
    "-W",
    "story-age-disagrees",
    "-W",
    "name-spelled-two-ways",
    "-W",
    "weekday-date-mismatch",
    "-W",
    "story-day-disagrees",
];

/// A temporary directory holding `files` (path, text).
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

const WIRE: &str = "\
Two killed in Dayton shooting

Updated: Oct. 4, 2016

DAYTON, Ohio — Two people were killed and three were injured in a shooting on Main Street on Tuesday, Oct. 4, police said.

Police identified one of the victims as Daniel Dej-Oudom, 23, of Dayton. Dej-Oudom died at the scene.

The second victim, Maria Lopez, 41, died at a hospital.
";

const LOCAL: &str = "\
Shooting on Main Street

Updated: Oct. 4, 2016

Police said five people were killed in the Main Street shooting on Wednesday.

The victim, Daniel Dej-Odoum, 32, was a student, police said. Maria Lopez, 44, died at a hospital.
";

const FOLLOW_UP: &str = "\
Third victim dies

Updated: Oct. 6, 2016

The death toll in Tuesday's shooting on Main Street rose to three on Thursday when a third victim died, police said. Three people were killed and two were injured in the shooting on Tuesday, police said.

Daniel Dej-Oudom, 23, was remembered by friends. A vigil is planned for Thursday, Oct. 7.
";

#[test]
fn story_rules_report_each_disagreement_with_a_label_in_every_article() {
    let dir = tree(&[
        ("story/a-wire.txt", WIRE),
        ("story/b-local.txt", LOCAL),
        ("story/c-follow-up.txt", FOLLOW_UP),
    ]);
    let mut args = vec!["--color", "never"];
    args.extend(STORY_RULES);
    args.push("story");
    let result = run_in(dir.path(), &args);
    insta::assert_snapshot!("story_rules", common::transcript(result));
}

#[test]
fn a_fact_sheet_overrules_the_articles() {
    let dir = tree(&[
        ("story/a-wire.txt", WIRE),
        ("story/c-follow-up.txt", FOLLOW_UP),
        (
            "story/facts.toml",
            "killed = 3\ninjured = 3\nage = { \"Daniel Dej-Oudom\" = 24 }\n",
        ),
    ]);
    let mut args = vec!["--color", "never"];
    args.extend(STORY_RULES);
    args.push("story");
    let result = run_in(dir.path(), &args);
    insta::assert_snapshot!("story_fact_sheet", common::transcript(result));
}

#[test]
fn a_fact_sheet_names_only_known_facts() {
    let dir = tree(&[
        ("story/a-wire.txt", WIRE),
        ("story/facts.toml", "kiled = 3\n"),
    ]);
    let (code, _, stderr) = run_in(dir.path(), &["--color", "never", "story"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `killed`?"), "{stderr}");
}

#[test]
fn facts_lists_the_claims_of_each_story() {
    let dir = tree(&[
        ("story/a-wire.txt", WIRE),
        ("story/b-local.txt", LOCAL),
        ("story/c-follow-up.txt", FOLLOW_UP),
    ]);
    let text = run_in(dir.path(), &["facts", "--color", "never", "story"]);
    insta::assert_snapshot!("story_facts_text", common::transcript(text));
    let (code, json, _) = run_in(dir.path(), &["facts", "--format", "json", "story"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    insta::assert_snapshot!(
        "story_facts_json",
        serde_json::to_string_pretty(&value["stories"]).unwrap()
    );
}

#[test]
fn rule_files_define_their_own_count_subjects() {
    let rules = r#"
[[rule]]
id = "evacuated-count"
kind = "story"
fact = "count"
severity = "error"
description = "The number of people evacuated must agree across the story"
message = "`{subject}` count disagrees: {value} here, {other} in the rest of the story"

[[rule.define]]
name = "evacuated"
verbs = ["evacuate"]
nouns = ["residents", "people", "families"]
"#;
    let dir = tree(&[
        ("rules/evacuated.toml", rules),
        (
            "story/a.txt",
            "About 200 residents were evacuated after the fire, officials said.\n",
        ),
        (
            "story/b.txt",
            "Officials said 2,000 residents were evacuated after the fire.\n",
        ),
        (
            "story/c.txt",
            "The fire forced officials to evacuate 200 residents.\n",
        ),
    ]);
    let result = run_in(
        dir.path(),
        &[
            "--color",
            "never",
            "--no-default-rules",
            "--rules",
            "rules",
            "story",
        ],
    );
    insta::assert_snapshot!("story_defined_subject", common::transcript(result));
}

// ---------------------------------------------------------------------
// Planted disagreements in real stories
// ---------------------------------------------------------------------

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gvc");
    dir.is_dir().then_some(dir)
}

/// The stories of the corpus, each as its files' (name, text), in order.
fn stories(corpus: &Path) -> Vec<Vec<(String, String)>> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|dir| {
            let mut files: Vec<PathBuf> = fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            files
                .iter()
                .map(|f| {
                    (
                        f.file_name().unwrap().to_string_lossy().into_owned(),
                        fs::read_to_string(f).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .collect()
}

/// One planted slip: the story with one article edited, and the file that
/// must carry the finding's primary or a related label besides the edited
/// one.
struct Planted {
    story: Vec<(String, String)>,
    edited: String,
    other: String,
}

/// A figure for a count, four more than the one written, written the same
/// way: in digits, or as a word with the same capital.
fn other_figure(written: &str) -> String {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let n = factlint::quantity::parse(written).map_or(1.0, |q| q.nominal) as usize + 4;
    match WORDS.get(n) {
        Some(word) if written.chars().all(char::is_alphabetic) => {
            if written.starts_with(char::is_uppercase) {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            } else {
                (*word).to_owned()
            }
        }
        _ => n.to_string(),
    }
}

/// Plants a different killed count in the second article of a story whose
/// first two articles both state one by a figure.
fn plant_count(story: &[(String, String)]) -> Option<Planted> {
    let figure_of = |text: &str| {
        let doc = Document::parse(text);
        let claims = doc.claims();
        let at = claims.stated(SubjectId::KILLED)?;
        let count = claims.count(at)?;
        (count.form == CountForm::Figure && count.value.exact)
            .then_some((count.figure, count.value.nominal))
    };
    let (_, a) = figure_of(&story.first()?.1)?;
    let (span, b) = figure_of(&story.get(1)?.1)?;
    if a != b {
        return None;
    }
    let text = &story[1].1;
    let planted = format!(
        "{}{}{}",
        &text[..span.start as usize],
        other_figure(&text[span.range()]),
        &text[span.end as usize..]
    );
    Some(edited(story, 1, planted, 0))
}

/// Plants a different age for a person whose age two articles give.
fn plant_age(story: &[(String, String)]) -> Option<Planted> {
    let ages = |text: &str| -> Vec<(String, u32, factlint::source::Span)> {
        let doc = Document::parse(text);
        doc.claims()
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Age(age) => Some((age.person.key.clone(), age.age, c.span)),
                _ => None,
            })
            .collect()
    };
    for i in 1..story.len() {
        let here = ages(&story[i].1);
        for j in 0..story.len() {
            if j == i {
                continue;
            }
            let there = ages(&story[j].1);
            for (key, age, span) in &here {
                if !there.iter().any(|(k, a, _)| k == key && a == age) {
                    continue;
                }
                // Only when this article gives the person one age, once.
                if here.iter().filter(|(k, _, _)| k == key).count() != 1 {
                    continue;
                }
                let text = &story[i].1;
                let claim = &text[span.range()];
                let digits = age.to_string();
                let offset = claim.find(&digits)?;
                let at = span.start as usize + offset;
                let planted = format!("{}{}{}", &text[..at], age + 9, &text[at + digits.len()..]);
                return Some(edited(story, i, planted, j));
            }
        }
    }
    None
}

/// Swaps two inner letters of a surname written with its first name in
/// two articles, in one mention of one of them.
fn plant_name(story: &[(String, String)]) -> Option<Planted> {
    let names = |text: &str| -> Vec<(String, String, factlint::source::Span)> {
        let doc = Document::parse(text);
        doc.claims()
            .claims
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Name(n)
                | ClaimKind::Age(factlint::document::claims::Age { person: n, .. }) => {
                    Some((n.first.clone()?, n.last.clone(), c.span))
                }
                _ => None,
            })
            .collect()
    };
    for i in 1..story.len() {
        for (first, last, span) in names(&story[i].1) {
            let chars: Vec<char> = last.chars().collect();
            if chars.len() < 6
                || !chars
                    .iter()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_uppercase())
            {
                continue;
            }
            if !(0..story.len()).any(|j| {
                j != i
                    && names(&story[j].1)
                        .iter()
                        .any(|(f, l, _)| *f == first && *l == last)
            }) {
                continue;
            }
            let j = (0..story.len()).find(|&j| {
                j != i
                    && names(&story[j].1)
                        .iter()
                        .any(|(f, l, _)| *f == first && *l == last)
            })?;
            let mut swapped = chars.clone();
            let k = chars.len() / 2;
            if swapped[k] == swapped[k - 1] {
                continue;
            }
            swapped.swap(k - 1, k);
            let swapped: String = swapped.into_iter().collect();
            let text = &story[i].1;
            let claim = &text[span.range()];
            let offset = claim.find(&last)?;
            let at = span.start as usize + offset;
            let planted = format!("{}{}{}", &text[..at], swapped, &text[at + last.len()..]);
            return Some(edited(story, i, planted, j));
        }
    }
    None
}

/// Changes the weekday of the event in one article to a day three days
/// away, when two articles give the same one.
fn plant_day(story: &[(String, String)]) -> Option<Planted> {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let event_day = |text: &str| {
        let doc = Document::parse(text);
        let claims = doc.claims();
        // As the rule reads it: the day in a sentence that counts the
        // killed, injured or shot.
        let victims = [SubjectId::KILLED, SubjectId::INJURED, SubjectId::SHOT];
        let counted: Vec<usize> = claims
            .claims
            .iter()
            .filter(|c| {
                c.context.is_clear()
                    && !c.update
                    && matches!(&c.kind, ClaimKind::Count(n)
                        if n.form != CountForm::Zero && victims.contains(&n.subject))
            })
            .map(|c| c.sentence)
            .collect();
        claims.claims.iter().find_map(|c| match &c.kind {
            ClaimKind::Date(d)
                if d.weekday.is_some()
                    && counted.contains(&c.sentence)
                    && c.context.is_clear()
                    && !c.update =>
            {
                Some((d.weekday?.name(), c.span))
            }
            _ => None,
        })
    };
    let (day, _) = event_day(&story.first()?.1)?;
    let (other, span) = event_day(&story.get(1)?.1)?;
    if day != other {
        return None;
    }
    let text = &story[1].1;
    let claim = &text[span.range()];
    let offset = claim.find(day)?;
    let index = DAYS.iter().position(|d| *d == day)?;
    let planted_day = DAYS[(index + 3) % 7];
    let at = span.start as usize + offset;
    let planted = format!("{}{}{}", &text[..at], planted_day, &text[at + day.len()..]);
    Some(edited(story, 1, planted, 0))
}

/// Plants one class of slip in a story, when the story allows it.
type Plant = fn(&[(String, String)]) -> Option<Planted>;

fn edited(story: &[(String, String)], index: usize, text: String, other: usize) -> Planted {
    let mut story = story.to_vec();
    story[index].1 = text;
    Planted {
        edited: story[index].0.clone(),
        other: story[other].0.clone(),
        story,
    }
}

/// Whether `rule` reports the planted slip with labels in both files.
fn reported(planted: &Planted, rule: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    fs::create_dir(&story).unwrap();
    for (name, text) in &planted.story {
        fs::write(story.join(name), text).unwrap();
    }
    let (_, stdout, _) = run_in(
        dir.path(),
        &["-A", "all", "-W", rule, "--format", "json", "story"],
    );
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap_or_default();
    findings.iter().any(|f| {
        let mut files: Vec<&str> = vec![f["file"].as_str().unwrap_or("")];
        if let Some(related) = f["related"].as_array() {
            files.extend(related.iter().filter_map(|r| r["file"].as_str()));
        }
        let has = |name: &str| files.iter().any(|file| file.ends_with(name));
        f["rule"] == rule && has(&planted.edited) && has(&planted.other)
    })
}

/// Plants one slip of each class in real stories (up to `per_class`
/// stories each) and checks that its rule reports it in both files.
#[test]
fn planted_disagreements_in_real_stories_are_reported_in_both_files() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus/gvc is not here");
        return;
    };
    let stories = stories(&corpus);
    let per_class = 12;
    let classes: [(&str, &str, Plant); 4] = [
        ("count", "story-count-disagrees", plant_count),
        ("age", "story-age-disagrees", plant_age),
        ("name", "name-spelled-two-ways", plant_name),
        ("weekday", "story-day-disagrees", plant_day),
    ];
    let mut table = Vec::new();
    for (class, rule, plant) in classes {
        let planted: Vec<Planted> = stories
            .iter()
            .filter_map(|story| plant(story))
            .take(per_class)
            .collect();
        let mut found = 0;
        for p in &planted {
            if reported(p, rule) {
                found += 1;
            } else {
                eprintln!("{class}: missed in the story of {}", p.edited);
            }
        }
        table.push((class, planted.len(), found));
    }
    for (class, planted, found) in &table {
        eprintln!("{class:<8} planted in {planted:>2} stories, reported in {found:>2}");
    }
    for (class, planted, found) in table {
        assert!(planted >= 5, "{class}: only {planted} stories to plant in");
        assert!(
            found * 10 >= planted * 9,
            "{class}: {found} of {planted} planted slips reported"
        );
    }
}
