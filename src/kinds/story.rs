//! Kind `story`: the facts of a news story, read by the document model
//! ([`crate::document::claims`]) with no pattern to write, checked across
//! the articles of one story.
//!
//! ## What it does
//! Each rule of this kind picks one `fact`:
//!
//! - `count`: how many people were killed, injured, shot, hospitalised,
//!   arrested or missing (and any subject a rule file defines). The
//!   article's figure for each subject is compared across the story; two
//!   articles that state different figures are reported, with a label in
//!   every article that states it.
//! - `age`: the age given for one named person.
//! - `name`: one person's name spelled two ways (same first name and a
//!   surname a letter or two apart, or the reverse).
//! - `weekday-date`: a weekday and a date that do not match in the story's
//!   year ("Tuesday, Oct. 4" when Oct. 4 is a Wednesday).
//! - `day`: the day the event happened, said differently by two articles.
//!
//! ## Why is this bad
//! A figure, an age or a name that differs between two articles of one
//! story is wrong in one of them; an editor checking a breaking story
//! against the wire wants to see both places.
//!
//! ## Updates are not contradictions
//! Stories are updated: a toll rises, a victim dies later. When the
//! articles can be ordered (a dateline or an `Updated` line) and the later
//! one has the larger figure, or the later figure is written as an update
//! ("has died", "rose to"), the change is reported as an `info` note only.
//! Counts of different things are never compared: killed with killed,
//! never "two were shot, one fatally" as two killed.
//!
//! ## A fact sheet wins
//! A `facts.toml` value for a subject (`killed = 1`) or an age (`age = {
//! "John Smith" = 23 }`) is the truth: every article is compared with it.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::document::claims::{
    self, resolve, weekday_of, ArticleClaims, Claim, ClaimKind, CountForm, DateClaim, Disagreement,
    DisagreementKind, Extractor, PersonName, Subject, SubjectId, Weekday,
};
use crate::document::Document;
use crate::fact_sheet::{normalise_key, FactSheet};
use crate::rules::reader::{SpannedStr, TableReader};
use crate::rules::{bad_choice, Grouping, KindInfo, RuleHead};
use crate::source::{FileId, Sources, Span};

pub const INFO: KindInfo = KindInfo {
    name: "story",
    summary: "the facts of a story (counts, ages, names, days) must agree across its articles",
    options: &["fact", "scope", "subjects", "define"],
};

/// Which facts a rule compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Count,
    Age,
    Name,
    WeekdayDate,
    Day,
}

impl Fact {
    const CHOICES: &'static [(&'static str, Fact)] = &[
        ("count", Fact::Count),
        ("age", Fact::Age),
        ("name", Fact::Name),
        ("weekday-date", Fact::WeekdayDate),
        ("day", Fact::Day),
    ];
}

/// The fact-sheet name of the ages of named people: `age = { "John Smith"
/// = 23 }`.
pub const AGE_FACT: &str = "age";

/// A compiled `story` rule.
#[derive(Debug)]
pub struct Story {
    fact: Fact,
    grouping: Grouping,
    scope_explicit: bool,
    /// The count subjects compared, by id (for `fact = "count"`).
    subjects: Vec<SubjectId>,
    /// The rule's own extractor, when it defines subjects; otherwise the
    /// document's claims (built-in subjects) are read.
    extractor: Option<Extractor>,
}

/// What one document contributes: its claims of the rule's fact.
pub type Evidence = ArticleClaims;

pub fn compile(reader: &mut TableReader<'_, '_>, _source: &str) -> Option<Story> {
    let fact = if reader.contains("fact") {
        reader.choice("fact", Fact::CHOICES).ok().flatten()
    } else {
        // Reports the missing key.
        reader.required_string(
            "fact",
            "what to compare: `count`, `age`, `name`, `weekday-date` or `day`",
        );
        None
    };
    let grouping = reader.choice("scope", Grouping::CHOICES);
    let scope_explicit = matches!(grouping, Ok(Some(_)));
    let grouping = grouping.map(|g| g.unwrap_or(Grouping::Directory)).ok();
    let defined = read_definitions(reader);
    let names = reader.string_list("subjects");
    let fact = fact?;
    let defined = defined?;
    if fact != Fact::Count {
        for key in ["subjects", "define"] {
            if let Some(span) = reader.key_span(key) {
                reader.errors.error_with_help(
                    span,
                    format!("`{key}` is an option of `fact = \"count\"` only"),
                    "not read for this fact",
                    "remove the key, or make the rule a count rule",
                );
                return None;
            }
        }
    }
    let extractor = (!defined.is_empty()).then(|| Extractor::with_subjects(defined.clone()));
    let all: Vec<String> = Subject::builtin()
        .into_iter()
        .chain(defined.iter().cloned())
        .map(|s| s.name)
        .collect();
    let subjects = match names {
        Some(names) => {
            let mut ids = Vec::new();
            for name in &names {
                match all.iter().position(|s| *s == name.value) {
                    Some(index) => ids.push(SubjectId(u16::try_from(index).ok()?)),
                    None => {
                        let choices: Vec<&str> = all.iter().map(String::as_str).collect();
                        bad_choice(reader.errors, name, "subjects", &choices);
                        return None;
                    }
                }
            }
            ids
        }
        // A rule that defines subjects compares those; otherwise every
        // built-in subject.
        None if !defined.is_empty() => (Subject::builtin().len()..all.len())
            .filter_map(|i| u16::try_from(i).ok().map(SubjectId))
            .collect(),
        None => (0..Subject::builtin().len())
            .filter_map(|i| u16::try_from(i).ok().map(SubjectId))
            .collect(),
    };
    Some(Story {
        fact,
        grouping: grouping?,
        scope_explicit,
        subjects,
        extractor,
    })
}

/// Reads `[[rule.define]]` tables: `name`, and `verbs` (lemmas, inflected
/// for you), `words` (as written) and `nouns` (what is counted).
fn read_definitions(reader: &mut TableReader<'_, '_>) -> Option<Vec<Subject>> {
    let Some(tables) = reader.table_array("define") else {
        return (!reader.contains("define")).then(Vec::new);
    };
    let builtin: Vec<String> = Subject::builtin().into_iter().map(|s| s.name).collect();
    let mut subjects = Vec::new();
    let mut ok = true;
    for (span, table) in tables {
        let mut sub = TableReader::new(table, span, reader.errors);
        let name = sub.required_string("name", "what is counted, such as `evacuated`");
        let verbs = sub.string_list("verbs").unwrap_or_default();
        let words = sub.string_list("words").unwrap_or_default();
        let nouns = sub.string_list("nouns").unwrap_or_default();
        let no_trigger = verbs.is_empty() && words.is_empty();
        sub.finish(&["name", "verbs", "words", "nouns"], |_| None);
        let Some(name) = name else {
            ok = false;
            continue;
        };
        if builtin.contains(&name.value) {
            reader.errors.error_with_help(
                name.span,
                format!("`{}` is a built-in subject", name.value),
                "already defined",
                "pick it with `subjects = [...]` instead of defining it",
            );
            ok = false;
            continue;
        }
        if no_trigger {
            reader.errors.error_with_help(
                span,
                format!("subject `{}` has no `verbs` or `words`", name.value),
                "nothing says what happened",
                "add `verbs = [\"evacuate\"]` (inflected for you) or `words = [...]` as written",
            );
            ok = false;
            continue;
        }
        let mut subject = Subject::new(name.value.as_str()).words(values(&words));
        for verb in &verbs {
            subject = subject.verb(&verb.value);
        }
        subjects.push(subject.nouns(values(&nouns)));
    }
    ok.then_some(subjects)
}

fn values(list: &[SpannedStr]) -> impl Iterator<Item = &str> {
    list.iter().map(|s| s.value.as_str())
}

impl Story {
    pub fn grouping(&self) -> Grouping {
        self.grouping
    }

    /// Sets the scope used when the rule sets none (`facts.scope` in
    /// `factlint.toml`).
    pub fn set_default_grouping(&mut self, grouping: Grouping) {
        if !self.scope_explicit {
            self.grouping = grouping;
        }
    }

    pub fn placeholders(&self) -> Vec<String> {
        let names: &[&str] = match self.fact {
            Fact::Count => &["subject", "value", "other", "written"],
            Fact::Age => &["person", "value", "other"],
            Fact::Name => &["name", "other"],
            Fact::WeekdayDate => &["written", "weekday", "actual", "date"],
            Fact::Day => &["weekday", "other"],
        };
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The subjects' names, as fact sheets write them.
    pub fn subject_names(&self) -> Vec<String> {
        let subjects = match &self.extractor {
            Some(extractor) => extractor.subjects().to_vec(),
            None => Subject::builtin(),
        };
        match self.fact {
            Fact::Count => self
                .subjects
                .iter()
                .filter_map(|id| subjects.get(usize::from(id.0)).map(|s| s.name.clone()))
                .collect(),
            Fact::Age => vec![AGE_FACT.to_owned()],
            _ => Vec::new(),
        }
    }

    /// The claims of `doc` this rule compares (`None` when there are none).
    pub fn gather(&self, rule: &RuleHead, doc: &Document<'_>) -> Option<Evidence> {
        let own;
        let all = match &self.extractor {
            Some(extractor) => {
                own = extractor.extract(doc);
                &own
            }
            None => doc.claims(),
        };
        let keep = |claim: &Claim| match (&claim.kind, self.fact) {
            (ClaimKind::Count(count), Fact::Count) => self.subjects.contains(&count.subject),
            (ClaimKind::Age(_), Fact::Age | Fact::Name) => true,
            (ClaimKind::Name(_), Fact::Name) => true,
            (ClaimKind::Date(_), Fact::WeekdayDate | Fact::Day) => true,
            (ClaimKind::Count(count), Fact::Day) => {
                [SubjectId::KILLED, SubjectId::INJURED, SubjectId::SHOT].contains(&count.subject)
            }
            _ => false,
        };
        let claims: Vec<Claim> = all
            .claims
            .iter()
            .filter(|c| keep(c) && rule.reads_at(doc, c.span.start))
            .cloned()
            .collect();
        (!claims.is_empty()).then_some(ArticleClaims {
            claims,
            time: all.time,
        })
    }

    /// Compares the claims of one story.
    pub fn conclude(
        &self,
        rule: &RuleHead,
        group: Vec<(FileId, Evidence)>,
        sources: &Sources,
        sheet: Option<&FactSheet>,
        out: &mut Vec<Diagnostic>,
    ) {
        let story = StoryClaims::new(group, sources);
        match self.fact {
            Fact::Count => self.counts(rule, &story, sheet, out),
            Fact::Age => ages(rule, &story, sheet, out),
            Fact::Name => names(rule, &story, out),
            Fact::WeekdayDate => weekday_dates(rule, &story, out),
            Fact::Day => days(rule, &story, out),
        }
    }

    fn subject_name(&self, id: SubjectId) -> String {
        match &self.extractor {
            Some(extractor) => extractor.subjects()[usize::from(id.0)].name.clone(),
            None => claims::builtin_subject_name(id)
                .unwrap_or("count")
                .to_owned(),
        }
    }

    fn counts(
        &self,
        rule: &RuleHead,
        story: &StoryClaims<'_>,
        sheet: Option<&FactSheet>,
        out: &mut Vec<Diagnostic>,
    ) {
        let resolved = resolve(&story.articles);
        for value in &resolved.values {
            let subject = self.subject_name(value.subject);
            let stated: Vec<(usize, usize)> = value
                .stated
                .iter()
                .flatten()
                .map(|r| (r.article, r.claim))
                .collect();
            let count_of = |(article, claim): (usize, usize)| story.articles[article].count(claim);
            if let Some(known) = sheet.and_then(|s| s.get(&subject, "")) {
                for &at in &stated {
                    let Some(count) = count_of(at) else { continue };
                    if count.value.agrees_with(&known.quantity, false) {
                        continue;
                    }
                    let written = story.text(at.0, count.figure);
                    let mut diagnostic =
                        rule.report(story.files[at.0], story.claim(at).span, |name| match name {
                            "subject" => Some(subject.as_str()),
                            "value" => Some(written),
                            "other" => Some(known.written.as_str()),
                            "written" => Some(story.text(at.0, story.claim(at).span)),
                            _ => None,
                        });
                    diagnostic.primary = diagnostic
                        .primary
                        .map(|l| l.with_message(format!("says `{written}`")));
                    diagnostic.secondary.push(
                        Label::new(known.file, known.span)
                            .with_message(format!("the fact sheet says `{}`", known.written)),
                    );
                    diagnostic.notes.push(format!(
                        "the fact sheet gives `{subject}` as {}; every article must agree with it",
                        known.quantity
                    ));
                    out.push(diagnostic);
                }
                continue;
            }
            let disagreements: Vec<&Disagreement> =
                reported_disagreements(&resolved, &story.articles, &story.texts)
                    .into_iter()
                    .filter(|d| d.subject == value.subject)
                    .collect();
            if disagreements.is_empty() {
                continue;
            }
            let story_value = (value.from.article, value.from.claim);
            if disagreements
                .iter()
                .all(|d| d.kind == DisagreementKind::Update)
            {
                // The earliest and the latest figure of the updates.
                let first = disagreements[0].earlier;
                let last = disagreements
                    .iter()
                    .map(|d| d.later)
                    .max_by_key(|r| (story.articles[r.article].time, r.article))
                    .unwrap_or(disagreements[0].later);
                let (from, to) = ((first.article, first.claim), (last.article, last.claim));
                let (Some(before), Some(after)) = (count_of(from), count_of(to)) else {
                    continue;
                };
                let mut diagnostic = Diagnostic::new(
                    &rule.id,
                    Severity::Info,
                    format!(
                        "the `{subject}` count went from {} to {} between these articles",
                        before.value, after.value
                    ),
                )
                .with_primary(
                    Label::new(story.files[to.0], story.claim(to).span)
                        .with_message(format!("later: `{}`", story.text(to.0, after.figure))),
                )
                .with_secondary(
                    Label::new(story.files[from.0], story.claim(from).span)
                        .with_message(format!("earlier: `{}`", story.text(from.0, before.figure))),
                )
                .with_note(update_evidence(story, from.0, to.0));
                diagnostic.help = Some(
                    "nothing to fix if the story was updated; otherwise bring the earlier article up to date"
                        .to_owned(),
                );
                out.push(diagnostic);
                continue;
            }
            // The statement reported: one whose disagreement with the
            // story's figure is a contradiction (not an update), labelled
            // with every other article's.
            let Some(story_count) = count_of(story_value) else {
                continue;
            };
            let contradicts = |at: (usize, usize)| {
                disagreements.iter().any(|d| {
                    let (x, y) = (
                        (d.earlier.article, d.earlier.claim),
                        (d.later.article, d.later.claim),
                    );
                    d.kind == DisagreementKind::Contradiction
                        && ((x == at && y == story_value) || (y == at && x == story_value))
                })
            };
            let disagrees = |at: (usize, usize)| {
                at != story_value
                    && count_of(at).is_some_and(|c| !c.value.agrees_with(&story_count.value, false))
                    && comparable(&story.articles, &story.texts, at, story_value)
            };
            let Some(&odd) = stated
                .iter()
                .find(|&&at| disagrees(at) && contradicts(at))
                .or_else(|| stated.iter().find(|&&at| disagrees(at)))
            else {
                continue;
            };
            let Some(odd_count) = count_of(odd) else {
                continue;
            };
            let written = story.text(odd.0, odd_count.figure);
            let other = story_count.value.to_string();
            let mut diagnostic =
                rule.report(
                    story.files[odd.0],
                    story.claim(odd).span,
                    |name| match name {
                        "subject" => Some(subject.as_str()),
                        "value" => Some(written),
                        "other" => Some(other.as_str()),
                        "written" => Some(story.text(odd.0, story.claim(odd).span)),
                        _ => None,
                    },
                );
            diagnostic.primary = diagnostic
                .primary
                .map(|l| l.with_message(format!("says `{written}`")));
            for &at in &stated {
                if at == odd {
                    continue;
                }
                if let Some(count) = count_of(at) {
                    diagnostic.secondary.push(
                        Label::new(story.files[at.0], story.claim(at).span)
                            .with_message(format!("says `{}`", story.text(at.0, count.figure))),
                    );
                }
            }
            diagnostic
                .notes
                .push(story.tally(&stated, |at| count_of(at).map(|c| c.value.to_string())));
            out.push(diagnostic);
        }
    }
}

/// The disagreements of a resolved story that a count rule reports: those
/// between two strong statements (a figure, a zero or an event word: "a
/// man was killed" is said of each victim of a double shooting) of the
/// same set of people ("eight Tajik nationals" were arrested is not the
/// story's "over 150 have been detained"). `texts` are the articles'
/// texts, in the order of `articles`.
pub fn reported_disagreements<'s>(
    story: &'s claims::Story,
    articles: &[ArticleClaims],
    texts: &[&str],
) -> Vec<&'s Disagreement> {
    story
        .disagreements
        .iter()
        .filter(|d| {
            comparable(
                articles,
                texts,
                (d.earlier.article, d.earlier.claim),
                (d.later.article, d.later.claim),
            )
        })
        .collect()
}

/// Whether two count claims (article, claim) may be compared: both strong,
/// and of the same set of people.
fn comparable(
    articles: &[ArticleClaims],
    texts: &[&str],
    x: (usize, usize),
    y: (usize, usize),
) -> bool {
    let set_of = |(a, c): (usize, usize)| {
        let claim = articles[a].claims.get(c)?;
        let count = articles[a].count(c)?;
        if count.form == CountForm::Singular {
            return None;
        }
        // A headline capitalises every word.
        let set = if claim.headline {
            None
        } else {
            counted_set(texts[a], count.figure, claim.span)
        };
        Some(set)
    };
    matches!((set_of(x), set_of(y)), (Some(a), Some(b)) if a == b)
}

/// Which set of people a count counts, when the copy narrows it: a
/// capitalised word right after the figure ("eight Tajik nationals", "two
/// Chicago officers"), lowercased; `None` for people in general.
fn counted_set(text: &str, figure: Span, claim: Span) -> Option<String> {
    let after = text.get(figure.end as usize..claim.end.max(figure.end) as usize)?;
    let word = after.split_whitespace().next()?;
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    word.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| word.to_lowercase())
}

/// The claims of one story, with their files and texts.
struct StoryClaims<'s> {
    files: Vec<FileId>,
    texts: Vec<&'s str>,
    names: Vec<&'s str>,
    articles: Vec<ArticleClaims>,
}

impl<'s> StoryClaims<'s> {
    fn new(group: Vec<(FileId, Evidence)>, sources: &'s Sources) -> Self {
        let mut story = StoryClaims {
            files: Vec::new(),
            texts: Vec::new(),
            names: Vec::new(),
            articles: Vec::new(),
        };
        for (file, claims) in group {
            story.files.push(file);
            story.texts.push(sources.get(file).text());
            story.names.push(sources.get(file).name());
            story.articles.push(claims);
        }
        story
    }

    fn claim(&self, (article, claim): (usize, usize)) -> &Claim {
        &self.articles[article].claims[claim]
    }

    fn text(&self, article: usize, span: Span) -> &'s str {
        self.texts[article].get(span.range()).unwrap_or("")
    }

    /// `2 in a.txt, b.txt; 5 in c.txt`: each value with where it is stated.
    fn tally(
        &self,
        at: &[(usize, usize)],
        value: impl Fn((usize, usize)) -> Option<String>,
    ) -> String {
        let mut values: Vec<(String, Vec<&str>)> = Vec::new();
        for &place in at {
            let Some(v) = value(place) else { continue };
            let name = self.names[place.0];
            match values.iter_mut().find(|(existing, _)| *existing == v) {
                Some((_, files)) => {
                    if !files.contains(&name) {
                        files.push(name);
                    }
                }
                None => values.push((v, vec![name])),
            }
        }
        let parts: Vec<String> = values
            .iter()
            .map(|(v, files)| format!("{v} in {}", files.join(", ")))
            .collect();
        format!("the story states {}", parts.join("; "))
    }
}

/// Why a change between two articles reads as an update.
fn update_evidence(story: &StoryClaims<'_>, from: usize, to: usize) -> String {
    let time = |a: usize| story.articles[a].time;
    match (time(from), time(to)) {
        (Some(a), Some(b)) if a != b => format!(
            "{} is dated {}-{:02}-{:02}, {} {}-{:02}-{:02}; the later article has the larger figure",
            story.names[from], a.year, a.month, a.day, story.names[to], b.year, b.month, b.day
        ),
        _ => "the later figure is written as an update (`has died`, `rose to`, `now`)".to_owned(),
    }
}

/// One person's age as stated somewhere in the story.
struct AgeStatement<'p> {
    at: (usize, usize),
    person: &'p PersonName,
    age: u32,
}

/// Ages given to one person that differ.
fn ages(
    rule: &RuleHead,
    story: &StoryClaims<'_>,
    sheet: Option<&FactSheet>,
    out: &mut Vec<Diagnostic>,
) {
    let mut statements: Vec<AgeStatement<'_>> = Vec::new();
    for (a, article) in story.articles.iter().enumerate() {
        for (c, claim) in article.claims.iter().enumerate() {
            if let ClaimKind::Age(age) = &claim.kind {
                statements.push(AgeStatement {
                    at: (a, c),
                    person: &age.person,
                    age: age.age,
                });
            }
        }
    }
    // People by surname; a surname given to two first names is two people,
    // and a bare surname then says which of them nobody can tell.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in statements.iter().enumerate() {
        by_key.entry(s.person.key.as_str()).or_default().push(i);
    }
    let mut keys: Vec<&&str> = by_key.keys().collect();
    keys.sort();
    for key in keys {
        let members = &by_key[*key];
        let mut firsts: Vec<String> = members
            .iter()
            .filter_map(|&i| statements[i].person.first.as_ref())
            .map(|f| f.to_lowercase())
            .collect();
        firsts.sort();
        firsts.dedup();
        let people: Vec<Vec<usize>> = if firsts.len() <= 1 {
            vec![members.clone()]
        } else {
            firsts
                .iter()
                .map(|first| {
                    members
                        .iter()
                        .copied()
                        .filter(|&i| {
                            statements[i]
                                .person
                                .first
                                .as_ref()
                                .is_some_and(|f| f.to_lowercase() == *first)
                        })
                        .collect()
                })
                .collect()
        };
        for person in people {
            report_ages(rule, story, sheet, &statements, &person, out);
        }
    }
}

fn report_ages(
    rule: &RuleHead,
    story: &StoryClaims<'_>,
    sheet: Option<&FactSheet>,
    statements: &[AgeStatement<'_>],
    person: &[usize],
    out: &mut Vec<Diagnostic>,
) {
    let Some(&first) = person.first() else { return };
    let full = person
        .iter()
        .map(|&i| statements[i].person)
        .max_by_key(|p| p.full.len())
        .map_or(statements[first].person.full.clone(), |p| p.full.clone());
    let known = sheet.and_then(|s| s.get(AGE_FACT, &normalise_key(&full)));
    // The age most statements give (the earliest on a tie), unless a fact
    // sheet gives it.
    let mut tally: Vec<(u32, usize)> = Vec::new();
    for &i in person {
        match tally.iter_mut().find(|(age, _)| *age == statements[i].age) {
            Some((_, n)) => *n += 1,
            None => tally.push((statements[i].age, 1)),
        }
    }
    let expected = match known {
        Some(known) => known.quantity.nominal as u32,
        None => {
            if tally.len() < 2 {
                return;
            }
            tally
                .iter()
                .max_by_key(|(_, n)| *n)
                .map_or(statements[first].age, |(age, _)| *age)
        }
    };
    let Some(&odd) = person.iter().find(|&&i| statements[i].age != expected) else {
        return;
    };
    let odd = &statements[odd];
    let value = odd.age.to_string();
    let other = expected.to_string();
    let mut diagnostic =
        rule.report(
            story.files[odd.at.0],
            story.claim(odd.at).span,
            |name| match name {
                "person" => Some(full.as_str()),
                "value" => Some(value.as_str()),
                "other" => Some(other.as_str()),
                _ => None,
            },
        );
    diagnostic.primary = diagnostic
        .primary
        .map(|l| l.with_message(format!("age {value}")));
    match known {
        Some(known) => diagnostic.secondary.push(
            Label::new(known.file, known.span)
                .with_message(format!("the fact sheet says {}", known.written)),
        ),
        None => {
            for &i in person {
                let s = &statements[i];
                if s.at != odd.at {
                    diagnostic.secondary.push(
                        Label::new(story.files[s.at.0], story.claim(s.at).span)
                            .with_message(format!("age {}", s.age)),
                    );
                }
            }
        }
    }
    let places: Vec<(usize, usize)> = person.iter().map(|&i| statements[i].at).collect();
    diagnostic.notes.push(story.tally(&places, |at| {
        person
            .iter()
            .find(|&&i| statements[i].at == at)
            .map(|&i| format!("age {}", statements[i].age))
    }));
    out.push(diagnostic);
}

/// One spelling of a name part, with where it is written.
struct Spelling<'p> {
    at: (usize, usize),
    name: &'p PersonName,
}

/// The same person's name written two ways.
fn names(rule: &RuleHead, story: &StoryClaims<'_>, out: &mut Vec<Diagnostic>) {
    let mut mentions: Vec<Spelling<'_>> = Vec::new();
    for (a, article) in story.articles.iter().enumerate() {
        for (c, claim) in article.claims.iter().enumerate() {
            let name = match &claim.kind {
                ClaimKind::Name(name) => name,
                ClaimKind::Age(age) => &age.person,
                _ => continue,
            };
            // A name with an age is read twice, as a name and as an age.
            let seen = mentions.iter().any(|m| {
                let span = story.claim(m.at).span;
                m.at.0 == a && span.start < claim.span.end && claim.span.start < span.end
            });
            if name.first.is_some() && !seen {
                mentions.push(Spelling { at: (a, c), name });
            }
        }
    }
    // Each distinct full name, with its mentions.
    let mut full_names: Vec<(&PersonName, Vec<(usize, usize)>)> = Vec::new();
    for m in &mentions {
        match full_names
            .iter_mut()
            .find(|(n, _)| n.first == m.name.first && n.last == m.name.last)
        {
            Some((_, at)) => at.push(m.at),
            None => full_names.push((m.name, vec![m.at])),
        }
    }
    let mut reported: Vec<(String, String)> = Vec::new();
    for (i, (a, at_a)) in full_names.iter().enumerate() {
        for (b, at_b) in &full_names[i + 1..] {
            let (Some(fa), Some(fb)) = (&a.first, &b.first) else {
                continue;
            };
            let same_first = fa.eq_ignore_ascii_case(fb);
            let same_last = a.last.eq_ignore_ascii_case(&b.last);
            let variant = match (same_first, same_last) {
                (true, false) => looks_misspelt(&a.last, &b.last),
                (false, true) => looks_misspelt(fa, fb),
                _ => false,
            };
            if !variant {
                continue;
            }
            // The rarer spelling is reported; on a tie, the later one.
            let (odd, odd_at, common, common_at) = if at_a.len() > at_b.len() {
                (b, at_b, a, at_a)
            } else {
                (a, at_a, b, at_b)
            };
            let (odd, odd_at, common, common_at) = if at_a.len() == at_b.len() {
                (b, at_b, a, at_a)
            } else {
                (odd, odd_at, common, common_at)
            };
            let pair = (odd.full.clone(), common.full.clone());
            if reported.contains(&pair) {
                continue;
            }
            reported.push(pair);
            let at = odd_at[0];
            let mut diagnostic =
                rule.report(story.files[at.0], story.claim(at).span, |name| match name {
                    "name" => Some(odd.full.as_str()),
                    "other" => Some(common.full.as_str()),
                    _ => None,
                });
            diagnostic.primary = diagnostic
                .primary
                .map(|l| l.with_message(format!("`{}`", odd.full)));
            for &place in odd_at.iter().skip(1) {
                diagnostic.secondary.push(
                    Label::new(story.files[place.0], story.claim(place).span)
                        .with_message(format!("`{}`", odd.full)),
                );
            }
            let mut seen_files = Vec::new();
            for &place in common_at.iter() {
                if seen_files.contains(&place.0) {
                    continue;
                }
                seen_files.push(place.0);
                diagnostic.secondary.push(
                    Label::new(story.files[place.0], story.claim(place).span)
                        .with_message(format!("`{}`", common.full)),
                );
            }
            diagnostic.notes.push(format!(
                "`{}` is written {} time{}, `{}` {} time{}",
                common.full,
                common_at.len(),
                if common_at.len() == 1 { "" } else { "s" },
                odd.full,
                odd_at.len(),
                if odd_at.len() == 1 { "" } else { "s" },
            ));
            out.push(diagnostic);
        }
    }
}

/// Whether two spellings of one name part look like a slip: both at least
/// four letters, a letter or two apart (one for names under seven
/// letters), and not one a prefix of the other (`Chris`, `Christopher`).
fn looks_misspelt(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 4 || lb < 4 {
        return false;
    }
    let lower = |s: &str| s.to_lowercase();
    let (a, b) = (lower(a), lower(b));
    if a.starts_with(&b) || b.starts_with(&a) {
        return false;
    }
    let distance = claims::edit_distance(&a, &b);
    let most = if la.min(lb) < 7 { 1 } else { 2 };
    // A transposition ("Odoum"/"Oudom" style swaps) counts as one slip.
    (1..=most).contains(&distance) || (distance == 2 && is_transposition(&a, &b))
}

/// Whether `b` is `a` with two neighbouring letters swapped.
fn is_transposition(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    differ.len() == 2
        && differ[1] == differ[0] + 1
        && a[differ[0]] == b[differ[1]]
        && a[differ[1]] == b[differ[0]]
}

/// The year a story's dates are in: an article's own, else the story's.
fn year_of(story: &StoryClaims<'_>, article: usize) -> Option<i32> {
    story.articles[article]
        .time
        .or_else(|| story.articles.iter().find_map(|a| a.time))
        .map(|t| t.year)
}

/// A weekday and a date that do not match.
fn weekday_dates(rule: &RuleHead, story: &StoryClaims<'_>, out: &mut Vec<Diagnostic>) {
    const MONTHS: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    for (a, article) in story.articles.iter().enumerate() {
        for claim in &article.claims {
            let ClaimKind::Date(DateClaim {
                weekday: Some(weekday),
                month: Some(month),
                day: Some(day),
                year,
                ..
            }) = claim.kind
            else {
                continue;
            };
            let Some(year) = year.or_else(|| year_of(story, a)) else {
                continue;
            };
            let Some(actual) = weekday_of(year, month, day) else {
                continue;
            };
            if actual == weekday {
                continue;
            }
            let date = format!(
                "{} {day}, {year}",
                MONTHS
                    .get(usize::from(month).saturating_sub(1))
                    .unwrap_or(&"")
            );
            let written = story.text(a, claim.span);
            let mut diagnostic = rule.report(story.files[a], claim.span, |name| match name {
                "written" => Some(written),
                "weekday" => Some(weekday.name()),
                "actual" => Some(actual.name()),
                "date" => Some(date.as_str()),
                _ => None,
            });
            diagnostic.primary = diagnostic
                .primary
                .map(|l| l.with_message(format!("{date} is a {}", actual.name())));
            if claim_year_is_assumed(&claim.kind) {
                diagnostic.notes.push(format!(
                    "the year is not written here; {year} is the year the story is dated"
                ));
            }
            out.push(diagnostic);
        }
    }
}

fn claim_year_is_assumed(kind: &ClaimKind) -> bool {
    matches!(kind, ClaimKind::Date(DateClaim { year: None, .. }))
}

/// The weekday an article gives the event: the first weekday in a sentence
/// that also counts the killed, injured or shot, with where it is.
fn event_day(article: &ArticleClaims) -> Option<(usize, Weekday, Option<&'static str>)> {
    let counted: Vec<usize> = article
        .claims
        .iter()
        .filter(|c| {
            c.context.is_clear()
                && !c.update
                && matches!(&c.kind, ClaimKind::Count(count) if count.form != CountForm::Zero)
        })
        .map(|c| c.sentence)
        .collect();
    article
        .claims
        .iter()
        .enumerate()
        .find_map(|(i, claim)| match claim.kind {
            ClaimKind::Date(DateClaim {
                weekday: Some(day),
                part,
                ..
            }) if counted.contains(&claim.sentence)
                && claim.context.is_clear()
                && !claim.update =>
            {
                Some((i, day, part))
            }
            _ => None,
        })
}

/// Two articles that put the event on different days.
fn days(rule: &RuleHead, story: &StoryClaims<'_>, out: &mut Vec<Diagnostic>) {
    let found: Vec<(usize, usize, Weekday, Option<&'static str>)> = story
        .articles
        .iter()
        .enumerate()
        .filter_map(|(a, article)| event_day(article).map(|(c, day, part)| (a, c, day, part)))
        .collect();
    let Some(&(_, _, first_day, _)) = found.first() else {
        return;
    };
    // The day most articles give (the earliest on a tie).
    let mut tally: Vec<(Weekday, usize, usize)> = Vec::new();
    for (i, &(_, _, day, _)) in found.iter().enumerate() {
        match tally.iter_mut().find(|(d, _, _)| *d == day) {
            Some((_, n, _)) => *n += 1,
            None => tally.push((day, 1, i)),
        }
    }
    if tally.len() < 2 {
        return;
    }
    let (expected, _, at) = tally
        .iter()
        .copied()
        .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first)))
        .unwrap_or((first_day, 1, 0));
    let (common_a, common_c, _, common_part) = found[at];
    for &(a, c, day, part) in &found {
        if day == expected {
            continue;
        }
        // Around midnight, "late Sunday" and "early Monday" are one time.
        let night = |p: Option<&str>| matches!(p, Some("night" | "evening" | "late"));
        let morning = |p: Option<&str>| matches!(p, Some("morning" | "early"));
        let next = |x: Weekday, y: Weekday| (x as usize + 1) % 7 == y as usize;
        if (next(expected, day) && (night(common_part) || morning(part)))
            || (next(day, expected) && (night(part) || morning(common_part)))
        {
            continue;
        }
        let claim = &story.articles[a].claims[c];
        let common = &story.articles[common_a].claims[common_c];
        let mut diagnostic = rule.report(story.files[a], claim.span, |name| match name {
            "weekday" => Some(day.name()),
            "other" => Some(expected.name()),
            _ => None,
        });
        diagnostic.primary = diagnostic.primary.map(|l| l.with_message(day.name()));
        diagnostic
            .secondary
            .push(Label::new(story.files[common_a], common.span).with_message(expected.name()));
        diagnostic.notes.push(format!(
            "the day is read from the sentence that counts the victims; {} gives {}",
            story.names[common_a],
            expected.name()
        ));
        out.push(diagnostic);
    }
}
