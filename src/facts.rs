//! `factlint facts`: what the `agree` rules compare.
//!
//! A rule author needs to see which figures each fact rule extracted, and
//! where; this module lists them, grouped by rule and key, and also lists
//! candidate facts: figures attached to the same noun in more than one
//! file, which a new rule could compare.
//!
//! The JSON shape is stable:
//!
//! ```json
//! { "version": 1,
//!   "facts": [ { "rule", "key", "value", "written", "statement", "file", "span": SPAN,
//!                "interval": { "low", "high" (null if unbounded), "low_inclusive",
//!                              "high_inclusive", "percent" } } ],
//!   "candidates": [ { "noun", "files", "values": ["400", "more than 400"] } ] }
//! ```
//!
//! `SPAN` is the one of `factlint inspect` (byte offsets and 1-based
//! line/column).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::document::claims::{
    self, Basis, Claim, ClaimKind, DateClaim, DisagreementKind, Place, SubjectId,
};
use crate::document::Document;
use crate::kinds::story::reported_disagreements;
use crate::kinds::Kind;
use crate::quantity::{self, Interval};
use crate::ruleset::RuleSet;
use crate::source::{FileId, Location, SourceFile, Sources};

/// One extracted statement of a fact.
#[derive(Debug, Serialize)]
pub struct FactRow {
    pub rule: String,
    pub key: String,
    /// The figure as read (`more than 400`).
    pub value: String,
    /// The figure as written (`over 400`).
    pub written: String,
    /// The text the rule's pattern matched.
    pub statement: String,
    pub file: String,
    pub span: Location,
    pub interval: Interval,
}

/// A noun that figures are attached to in more than one file.
#[derive(Debug, Serialize)]
pub struct Candidate {
    pub noun: String,
    pub files: usize,
    pub values: Vec<String>,
}

/// Everything `factlint facts` prints.
#[derive(Debug, Serialize)]
pub struct FactTable {
    pub version: u32,
    pub facts: Vec<FactRow>,
    pub candidates: Vec<Candidate>,
    /// The claims of each story, as the `story` rules read them.
    pub stories: Vec<StoryFacts>,
}

/// One story directory: its articles, their claims, and the story's value
/// of each count.
#[derive(Debug, Serialize)]
pub struct StoryFacts {
    /// The directory, as file names show it.
    pub story: String,
    pub articles: Vec<ArticleRow>,
    /// The story's figure for each subject some article states.
    pub values: Vec<StoryValueRow>,
    pub claims: Vec<ClaimRow>,
}

/// One article and the time it states.
#[derive(Debug, Serialize)]
pub struct ArticleRow {
    pub file: String,
    /// `2016-10-04`, or `2016-10-04 14:05`; `None` when the copy states no
    /// date of its own.
    pub time: Option<String>,
    /// Whether the time is from an `Updated` line.
    pub updated: bool,
}

/// The story's figure for one count subject.
#[derive(Debug, Serialize)]
pub struct StoryValueRow {
    pub subject: String,
    pub value: String,
    pub interval: Interval,
    /// `single` (one article states it), `latest` (the latest dated
    /// article's), `consensus` (most articles').
    pub basis: &'static str,
    /// The claim it was taken from.
    pub file: String,
    pub span: Location,
    /// Whether some articles disagree (`update` when only by updates).
    pub disagreement: Option<&'static str>,
}

/// One claim of an article.
#[derive(Debug, Serialize)]
pub struct ClaimRow {
    pub file: String,
    /// `count`, `age`, `name`, `date` or `place`.
    pub fact: &'static str,
    /// For a count, what is counted (`killed`); for an age, the person.
    pub subject: Option<String>,
    /// The value as read: a count's figure (`more than 2`), an age, a name,
    /// a date (`Tuesday, 10-04`), a place.
    pub value: String,
    /// A count's interval.
    pub interval: Option<Interval>,
    /// The words of the claim, as written.
    pub text: String,
    pub span: Location,
    pub headline: bool,
    /// Written as an update (`has died`, `rose to`).
    pub update: bool,
    /// Why a count may not be the story's own: `quoted`, `background`,
    /// `roundup`, `shooter_apart`.
    pub context: Vec<&'static str>,
}

/// Words after a figure that do not name what is counted.
const NOT_NOUNS: &[&str] = &[
    "a", "am", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or",
    "p.m", "percent", "pm", "than", "that", "the", "to", "was", "were", "with",
];

impl FactTable {
    /// Extracts the statements of every `agree` rule from `files`.
    pub fn collect(rules: &RuleSet, sources: &Sources, files: &[FileId]) -> Self {
        let mut facts = Vec::new();
        let mut nouns: BTreeMap<String, (BTreeSet<FileId>, BTreeSet<String>)> = BTreeMap::new();
        for &file in files {
            let source = sources.get(file);
            let view = crate::input::prose_view(source.name(), source.text());
            let doc = Document::parse(&view);
            for rule in &rules.rules {
                let Kind::Agree(agree) = &rule.kind else {
                    continue;
                };
                for statement in agree.gather(rule, &doc) {
                    facts.push(FactRow {
                        rule: rule.id.clone(),
                        key: statement.key.clone(),
                        value: statement.quantity.to_string(),
                        written: statement.written.clone(),
                        statement: source.text()[statement.span.range()].to_owned(),
                        file: source.name().to_owned(),
                        span: Location::new(source, statement.figure),
                        interval: Interval::from(&statement.quantity),
                    });
                }
            }
            for (index, sentence) in doc.sentences.iter().enumerate() {
                for &figure in doc.figures(index) {
                    let Some(quantity) = quantity::parse(doc.slice(figure)) else {
                        continue;
                    };
                    let noun: String = doc.text()[figure.end as usize..sentence.span.end as usize]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase();
                    if noun.len() < 3
                        || NOT_NOUNS.contains(&noun.as_str())
                        || noun.contains(|c: char| c.is_ascii_digit())
                    {
                        continue;
                    }
                    let entry = nouns.entry(noun).or_default();
                    entry.0.insert(file);
                    entry.1.insert(quantity.to_string());
                }
            }
        }
        facts.sort_by(|a, b| {
            (&a.rule, &a.key, &a.file, a.span.start).cmp(&(&b.rule, &b.key, &b.file, b.span.start))
        });
        let candidates = nouns
            .into_iter()
            .filter(|(_, (files, _))| files.len() > 1)
            .map(|(noun, (files, values))| Candidate {
                noun,
                files: files.len(),
                values: values.into_iter().collect(),
            })
            .collect();
        FactTable {
            version: 2,
            facts,
            candidates,
            stories: stories(sources, files),
        }
    }

    /// The table as aligned text columns.
    pub fn to_text(&self) -> String {
        let mut rows: Vec<[String; 5]> = vec![[
            "FACT".to_owned(),
            "KEY".to_owned(),
            "VALUE".to_owned(),
            "WHERE".to_owned(),
            "STATEMENT".to_owned(),
        ]];
        for fact in &self.facts {
            rows.push([
                fact.rule.clone(),
                if fact.key.is_empty() {
                    "-".to_owned()
                } else {
                    fact.key.clone()
                },
                fact.value.clone(),
                format!("{}:{}:{}", fact.file, fact.span.line, fact.span.column),
                fact.statement.clone(),
            ]);
        }
        let mut out = String::new();
        if self.facts.is_empty() {
            out.push_str("no statements of any fact were found\n");
        } else {
            let widths: Vec<usize> = (0..4)
                .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
                .collect();
            for row in &rows {
                for (c, cell) in row.iter().enumerate() {
                    if c < 4 {
                        out.push_str(cell);
                        out.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
                    } else {
                        out.push_str(cell);
                    }
                }
                out.push('\n');
            }
        }
        for story in &self.stories {
            story.write_text(&mut out);
        }
        if !self.candidates.is_empty() {
            out.push_str("\ncandidate facts (figures before the same word in several files):\n");
            for candidate in &self.candidates {
                out.push_str(&format!(
                    "  {:<16} {} files: {}\n",
                    candidate.noun,
                    candidate.files,
                    candidate.values.join(", ")
                ));
            }
        }
        out
    }
}

/// The claims of `files`, story directory by story directory (in the
/// order of their first file).
fn stories(sources: &Sources, files: &[FileId]) -> Vec<StoryFacts> {
    let mut groups: Vec<(String, Vec<FileId>)> = Vec::new();
    for &file in files {
        let dir = std::path::Path::new(sources.get(file).name())
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        match groups.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, members)) => members.push(file),
            None => groups.push((dir, vec![file])),
        }
    }
    groups
        .into_iter()
        .map(|(dir, members)| story_facts(sources, dir, &members))
        .collect()
}

fn story_facts(sources: &Sources, story: String, files: &[FileId]) -> StoryFacts {
    let mut articles = Vec::new();
    let mut claims = Vec::new();
    let mut read = Vec::new();
    for &file in files {
        let source = sources.get(file);
        let view = crate::input::prose_view(source.name(), source.text());
        let doc = Document::parse(&view);
        let found = doc.claims().clone();
        articles.push(ArticleRow {
            file: source.name().to_owned(),
            time: found.time.map(|t| {
                let date = format!("{}-{:02}-{:02}", t.year, t.month, t.day);
                match t.minutes {
                    Some(m) => format!("{date} {:02}:{:02}", m / 60, m % 60),
                    None => date,
                }
            }),
            updated: found.time.is_some_and(|t| t.updated),
        });
        let mut in_order: Vec<&Claim> = found.claims.iter().collect();
        in_order.sort_by_key(|c| (c.span.start, c.span.end));
        for claim in in_order {
            claims.push(claim_row(source, claim));
        }
        read.push(found);
    }
    let resolved = claims::resolve(&read);
    let texts: Vec<&str> = files.iter().map(|&f| sources.get(f).text()).collect();
    let values = resolved
        .values
        .iter()
        .filter_map(|value| {
            let source = sources.get(files[value.from.article]);
            let claim = read[value.from.article].claims.get(value.from.claim)?;
            let kinds: Vec<DisagreementKind> = reported_disagreements(&resolved, &read, &texts)
                .into_iter()
                .filter(|d| d.subject == value.subject)
                .map(|d| d.kind)
                .collect();
            Some(StoryValueRow {
                subject: subject_name(value.subject),
                value: value.value.to_string(),
                interval: Interval::from(&value.value),
                basis: match value.basis {
                    Basis::Single => "single",
                    Basis::Latest => "latest",
                    Basis::Consensus => "consensus",
                },
                file: source.name().to_owned(),
                span: Location::new(source, claim.span),
                disagreement: if kinds.is_empty() {
                    None
                } else if kinds.iter().all(|k| *k == DisagreementKind::Update) {
                    Some("update")
                } else {
                    Some("contradiction")
                },
            })
        })
        .collect();
    StoryFacts {
        story,
        articles,
        values,
        claims,
    }
}

fn subject_name(id: SubjectId) -> String {
    claims::builtin_subject_name(id)
        .unwrap_or("count")
        .to_owned()
}

fn claim_row(source: &SourceFile, claim: &Claim) -> ClaimRow {
    let (fact, subject, value, interval) = match &claim.kind {
        ClaimKind::Count(count) => (
            "count",
            Some(subject_name(count.subject)),
            count.value.to_string(),
            Some(Interval::from(&count.value)),
        ),
        ClaimKind::Age(age) => (
            "age",
            Some(age.person.full.clone()),
            age.age.to_string(),
            None,
        ),
        ClaimKind::Name(name) => ("name", None, name.full.clone(), None),
        ClaimKind::Date(date) => ("date", None, date_text(date), None),
        ClaimKind::Place(place) => ("place", None, place_text(place), None),
    };
    let context = [
        (claim.context.quoted, "quoted"),
        (claim.context.background, "background"),
        (claim.context.roundup, "roundup"),
        (claim.context.shooter_apart, "shooter_apart"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect();
    ClaimRow {
        file: source.name().to_owned(),
        fact,
        subject,
        value,
        interval,
        text: source
            .text()
            .get(claim.span.range())
            .unwrap_or("")
            .to_owned(),
        span: Location::new(source, claim.span),
        headline: claim.headline,
        update: claim.update,
        context,
    }
}

/// `Tuesday, 10-04-2016`, `Tuesday night`, `10-04`.
fn date_text(date: &DateClaim) -> String {
    let mut parts = Vec::new();
    if let Some(weekday) = date.weekday {
        parts.push(match date.part {
            Some(part) => format!("{} {part}", weekday.name()),
            None => weekday.name().to_owned(),
        });
    }
    if let (Some(month), Some(day)) = (date.month, date.day) {
        parts.push(match date.year {
            Some(year) => format!("{year}-{month:02}-{day:02}"),
            None => format!("{month:02}-{day:02}"),
        });
    }
    parts.join(", ")
}

fn place_text(place: &Place) -> String {
    match place {
        Place::Block { number, street } => format!("{number} block of {street}"),
        Place::Street(street) => street.clone(),
        Place::City { city, state } => match state {
            Some(state) => format!("{city}, {state}"),
            None => city.clone(),
        },
    }
}

impl StoryFacts {
    /// The story as text: its figures, then its claims.
    fn write_text(&self, out: &mut String) {
        let dir = if self.story.is_empty() {
            "."
        } else {
            &self.story
        };
        out.push_str(&format!(
            "\nstory {dir}/ ({} article{}): the claims the story rules compare\n",
            self.articles.len(),
            if self.articles.len() == 1 { "" } else { "s" }
        ));
        for article in &self.articles {
            if let Some(time) = &article.time {
                out.push_str(&format!(
                    "  {} is dated {time}{}\n",
                    article.file,
                    if article.updated { " (updated)" } else { "" }
                ));
            }
        }
        for value in &self.values {
            out.push_str(&format!(
                "  {:<14} {:<16} {} from {}:{}:{}{}\n",
                value.subject,
                value.value,
                value.basis,
                value.file,
                value.span.line,
                value.span.column,
                match value.disagreement {
                    Some(kind) => format!(" ({kind})"),
                    None => String::new(),
                }
            ));
        }
        if self.claims.is_empty() {
            out.push_str("  no claims found\n");
            return;
        }
        let rows: Vec<[String; 4]> = self
            .claims
            .iter()
            .map(|c| {
                let what = match &c.subject {
                    Some(subject) => format!("{} {subject}", c.fact),
                    None => c.fact.to_owned(),
                };
                let mut flags = c.context.join(",");
                if c.update {
                    flags = if flags.is_empty() {
                        "update".to_owned()
                    } else {
                        format!("{flags},update")
                    };
                }
                let value = if flags.is_empty() {
                    c.value.clone()
                } else {
                    format!("{} [{flags}]", c.value)
                };
                [
                    format!("{}:{}:{}", c.file, c.span.line, c.span.column),
                    what,
                    value,
                    c.text.clone(),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..3)
            .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
            .collect();
        for row in rows {
            out.push_str("  ");
            for (i, cell) in row.iter().enumerate() {
                out.push_str(cell);
                if i < 3 {
                    out.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
                }
            }
            out.push('\n');
        }
    }
}
