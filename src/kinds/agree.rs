//! `agree`: the same fact must be stated with figures that agree.
//!
//! ## What it does
//! A rule names a fact with a regex around a figure, `{quantity}`:
//! `{quantity} (?:migrants|immigrants)`. Every statement of the fact in a
//! group of documents (one story directory, by default) is read as an
//! interval of values (see [`crate::quantity`]), and two statements
//! disagree when their intervals cannot both be true ("nearly 400" and
//! "more than 400"). A figure that disagrees with the consensus — the
//! statements that agree with the most others and with each other — is
//! reported once, at its first statement, with every other statement of
//! the fact shown beside it, in whichever file it is. When no statement has
//! more support than another, the later one is reported.
//!
//! Within one article, two versions of an updated story (an `UPDATE:`
//! above the original text, see the document model's sections) may state
//! different figures: that is a correction, and is not reported.
//!
//! A named group `key` tracks several facts with one rule:
//! `{quantity} (?P<key>Tajik|Uzbek) nationals` compares Tajik figures with
//! Tajik figures only. Keys are compared in lowercase, without a plural
//! `s`.
//!
//! ## Options
//! - `pattern`: the regex, with `{quantity}` where the figure stands, once
//!   in each top-level alternative (`killed {quantity} people|{quantity}
//!   people (?:were )?killed`). It is matched within sentences.
//! - `scope`: `file`, `directory` (default: the articles of one story) or
//!   `run`.
//! - `strict`: when false (the default), a bare figure ("the 400 migrants")
//!   agrees with a qualified one of the same number ("more than 400");
//!   when true, only overlapping intervals agree.
//! - `within`: `document` (default), `outside-quotes` (figures in
//!   quotations are left out: a speaker's rough "about a hundred" is not
//!   the reporter's count) or `inside-quotes`.
//! - `skip_documents`: a regex; a document whose paragraphs read (see
//!   `lead_paragraphs`) match it states no figure for this fact. For
//!   round-ups (`weekend`, `across the city`), whose figures add up
//!   several incidents.
//! - `skip_sentences`: a regex; a sentence that matches it states no
//!   figure for this fact. For counts of one stage of an event told in the
//!   lede (`killed two people at a fire pit before ...`).
//! - `lead_paragraphs`: read only the first N paragraphs of each document
//!   (headline and lede), where a story states its own figures; later
//!   paragraphs often give figures for other events. Default: all.
//!
//! Templates may use `{value}` (the figure as read, `more than 400`),
//! `{written}` (as written), `{expected}` (the consensus figure it
//! contradicts), `{key}` (as written) and `{statement}`.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::Look;

use crate::rule_regex::Characters;
use crate::rule_regex::RuleRegex;

use super::scope::Scope;
use crate::diagnostic::{Diagnostic, Label};
use crate::document::Document;
use crate::fact_sheet::{normalise_key, FactSheet, KnownValue};
use crate::quantity::{self, Quantity};
use crate::rules::reader::{SpannedStr, TableReader};
use crate::rules::{build_regex, compile_regex, RuleHead};
use crate::rules::{Grouping, KindInfo};
use crate::source::{FileId, Sources, Span};

pub const INFO: KindInfo = KindInfo {
    name: "agree",
    summary: "statements of one fact must state figures that agree",
    options: &[
        "pattern",
        "scope",
        "strict",
        "lead_paragraphs",
        "within",
        "skip_documents",
        "skip_sentences",
    ],
};

const PLACEHOLDER: &str = "{quantity}";

/// How a rule's pattern is matched around a figure.
#[derive(Debug)]
enum Matcher {
    /// `{quantity}` once in each top-level alternative: figures are found
    /// once with the shared quantity regex, then, for some alternative,
    /// `before` must match right before the figure and `after` right after.
    Split(Vec<Around>),
    /// `{quantity}` inside a group: the grammar is compiled into the
    /// rule's own regex, once per occurrence (`quantity0`, `quantity1`...).
    Whole(RuleRegex),
}

/// The context one alternative requires around a figure.
#[derive(Debug)]
struct Around {
    before: Option<RuleRegex>,
    after: Option<RuleRegex>,
    /// What the text before the figure must end with for `before` to
    /// match, if that says anything.
    before_ends: Option<Affixes>,
    /// What the text after the figure must start with for `after` to
    /// match, if that says anything.
    after_starts: Option<Affixes>,
}

/// Short strings one of which every match of a regex starts (or ends)
/// with, compared in any ASCII case: a test that turns away most figures
/// before the regex is asked (it is asked for every figure of every
/// sentence, for every alternative of every fact rule).
#[derive(Debug)]
struct Affixes(Vec<Vec<u8>>);

impl Affixes {
    /// The longest affix kept: a shorter one still holds.
    const LENGTH: usize = 4;

    /// The starts (`kind` prefix) or ends (suffix) of the matches of
    /// `pattern`, or `None` if they say nothing: a match may be empty, or
    /// start with too many things. For ends, only a pattern whose matches
    /// end where the text searched ends (`$` without `(?m)`) qualifies.
    fn of(pattern: &str, kind: ExtractKind) -> Option<Affixes> {
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        let suffix = matches!(kind, ExtractKind::Suffix);
        if suffix && !hir.properties().look_set_suffix().contains(Look::End) {
            return None;
        }
        let found = Extractor::new().kind(kind).extract(&hir);
        let mut affixes: Vec<Vec<u8>> = found
            .literals()?
            .iter()
            .map(|literal| {
                let bytes = literal.as_bytes();
                let length = bytes.len().min(Self::LENGTH);
                let kept = if suffix {
                    &bytes[bytes.len() - length..]
                } else {
                    &bytes[..length]
                };
                kept.to_ascii_lowercase()
            })
            .collect();
        if affixes.is_empty() || affixes.iter().any(Vec::is_empty) {
            return None;
        }
        affixes.sort_unstable();
        affixes.dedup();
        Some(Affixes(affixes))
    }

    /// Whether `text` starts with one of the affixes.
    fn start(&self, text: &[u8]) -> bool {
        self.0.iter().any(|affix| {
            text.get(..affix.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(affix))
        })
    }

    /// Whether `text` ends with one of the affixes.
    fn end(&self, text: &[u8]) -> bool {
        self.0.iter().any(|affix| {
            text.len()
                .checked_sub(affix.len())
                .is_some_and(|at| text[at..].eq_ignore_ascii_case(affix))
        })
    }
}

/// One statement of a fact.
#[derive(Clone, Debug)]
pub struct Statement {
    /// The key, normalised for comparison (`tajik`).
    pub key: String,
    /// The key as written (`Tajiks`), for messages.
    pub key_written: String,
    pub quantity: Quantity,
    /// The figure as written (`more than a dozen`).
    pub written: String,
    /// The figure's span.
    pub figure: Span,
    /// The whole match of the rule's pattern.
    pub span: Span,
    /// The version of an updated story the statement is in (see
    /// [`crate::document::Paragraph::section`]).
    pub section: usize,
}

#[derive(Debug)]
pub struct Agree {
    matcher: Matcher,
    grouping: Grouping,
    /// Whether the rule set `scope` itself (a project default does not
    /// override it then).
    scope_explicit: bool,
    strict: bool,
    lead_paragraphs: Option<usize>,
    within: Scope,
    skip_documents: Option<RuleRegex>,
    skip_sentences: Option<RuleRegex>,
}

pub fn compile(reader: &mut TableReader<'_, '_>, source: &str) -> Option<Agree> {
    let pattern = reader.required_string(
        "pattern",
        "the regex naming the fact, with `{quantity}` where the figure is",
    );
    let grouping = reader.choice("scope", Grouping::CHOICES);
    let scope_explicit = matches!(grouping, Ok(Some(_)));
    let grouping = grouping.map(|g| g.unwrap_or(Grouping::Directory)).ok();
    let strict = reader.bool("strict").unwrap_or(false);
    let lead_paragraphs = reader.count("lead_paragraphs");
    let skip_documents = reader
        .string("skip_documents")
        .map(|raw| compile_regex(&raw, source, reader.errors));
    let skip_sentences = reader
        .string("skip_sentences")
        .map(|raw| compile_regex(&raw, source, reader.errors));
    let within = Scope::read_key(reader, "within", Scope::Document);
    let pattern = pattern?;
    let matcher = compile_matcher(&pattern, source, reader)?;
    Some(Agree {
        matcher,
        grouping: grouping?,
        scope_explicit,
        strict,
        lead_paragraphs,
        within: within?,
        skip_documents: match skip_documents {
            Some(regex) => Some(regex?),
            None => None,
        },
        skip_sentences: match skip_sentences {
            Some(regex) => Some(regex?),
            None => None,
        },
    })
}

fn compile_matcher(
    raw: &SpannedStr,
    source: &str,
    reader: &mut TableReader<'_, '_>,
) -> Option<Matcher> {
    if !raw.value.contains(PLACEHOLDER) {
        reader.errors.error_with_help(
            raw.span,
            format!("an `agree` pattern needs `{PLACEHOLDER}` where the figure stands"),
            "no `{quantity}` in this pattern",
            "for example: `{quantity} (?:migrants|immigrants)`",
        );
        return None;
    }
    // Check the syntax with a stand-in of the same length, so that an error
    // points at the right character of the rule file. (Not in a file that
    // ships with factlint, whose patterns the tests check: see
    // `RuleRegex::prechecked`.)
    if !reader.errors.shipped {
        let stand_in = SpannedStr {
            value: raw.value.replace(PLACEHOLDER, "(?:quanti)"),
            span: raw.span,
        };
        compile_regex(&stand_in, source, reader.errors)?;
    }
    // Inline flags at the very start, `(?i)`, apply to every part.
    let (flags, body) = leading_flags(&raw.value);
    let part = |text: &str, anchored_end: bool| -> Option<Option<(RuleRegex, String)>> {
        if text.is_empty() {
            return Some(None);
        }
        // The part after the figure is searched from the figure's end in
        // the whole sentence (so `\b` sees the figure) and must start there.
        let pattern = if anchored_end {
            format!("{flags}(?:{text})$")
        } else {
            format!("{flags}(?:{text})")
        };
        let regex = build_regex(&pattern, 1 << 24, reader.errors).ok()?;
        Some(Some((regex, pattern)))
    };
    let split: Option<Vec<Around>> = top_level_alternatives(body)
        .into_iter()
        .map(|alternative| {
            let mut pieces = alternative.split(PLACEHOLDER);
            let (before, after) = (pieces.next()?, pieces.next()?);
            if pieces.next().is_some() {
                return None;
            }
            Some(Around::new(part(before, true)?, part(after, false)?))
        })
        .collect();
    if let Some(split) = split {
        return Some(Matcher::Split(split));
    }
    let mut expanded = String::new();
    for (index, piece) in raw.value.split(PLACEHOLDER).enumerate() {
        if index > 0 {
            expanded.push_str(&format!(
                "(?P<quantity{}>{})",
                index - 1,
                quantity::QUANTITY_PATTERN
            ));
        }
        expanded.push_str(piece);
    }
    let whole = SpannedStr {
        value: expanded,
        span: raw.span,
    };
    compile_regex(&whole, source, reader.errors).map(Matcher::Whole)
}

/// The top-level alternatives of a regex: split at `|` outside groups,
/// character classes and escapes.
fn top_level_alternatives(pattern: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut in_class, mut escaped, mut start) = (0usize, false, false, 0);
    for (i, c) in pattern.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => {
                parts.push(&pattern[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&pattern[start..]);
    parts
}

/// Splits `(?i)rest` into `("(?i)", "rest")`.
fn leading_flags(text: &str) -> (&str, &str) {
    if let Some(rest) = text.strip_prefix("(?") {
        if let Some(end) = rest.find(')') {
            let flags = &rest[..end];
            if !flags.is_empty() && flags.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
                return text.split_at(end + 3);
            }
        }
    }
    ("", text)
}

impl Around {
    /// The context of the regexes of the parts `before` and `after` the
    /// figure, each with its pattern.
    fn new(before: Option<(RuleRegex, String)>, after: Option<(RuleRegex, String)>) -> Around {
        let affixes = |part: &Option<(RuleRegex, String)>, kind| {
            part.as_ref()
                .and_then(|(_, pattern)| Affixes::of(pattern, kind))
        };
        Around {
            before_ends: affixes(&before, ExtractKind::Suffix),
            after_starts: affixes(&after, ExtractKind::Prefix),
            before: before.map(|(regex, _)| regex),
            after: after.map(|(regex, _)| regex),
        }
    }

    /// The whole statement's range and its key, if the context around the
    /// figure at `figure` matches.
    ///
    /// `characters` are those of `text` (or of a text holding it), which
    /// choose the forms of `before` and `after` (see
    /// [`RuleRegex::for_characters`]).
    fn around<'t>(
        &self,
        characters: Characters,
        text: &'t str,
        figure: std::ops::Range<usize>,
    ) -> Option<(std::ops::Range<usize>, Option<&'t str>)> {
        let bytes = text.as_bytes();
        let turned_away = |affixes: &Option<Affixes>, test: fn(&Affixes, &[u8]) -> bool, part| {
            affixes.as_ref().is_some_and(|affixes| !test(affixes, part))
        };
        if turned_away(&self.after_starts, Affixes::start, &bytes[figure.end..])
            || turned_away(&self.before_ends, Affixes::end, &bytes[..figure.start])
        {
            return None;
        }
        let (mut start, mut end, mut key) = (figure.start, figure.end, None);
        if let Some(before) = self.before.as_ref().map(|r| r.for_characters(characters)) {
            let captures = before.captures_at(&text[..figure.start], 0)?;
            start = captures.get(0).map_or(start, |m| m.start());
            key = captures.name("key").map(|k| k.as_str());
        }
        if let Some(after) = self.after.as_ref().map(|r| r.for_characters(characters)) {
            let captures = after.captures_anchored_at(text, figure.end)?;
            let whole = captures.get(0)?;
            end = whole.end();
            key = key.or_else(|| captures.name("key").map(|k| k.as_str()));
        }
        Some((start..end, key))
    }
}

impl Agree {
    /// Uses `grouping` unless the rule chose its own scope.
    pub fn set_default_grouping(&mut self, grouping: Grouping) {
        if !self.scope_explicit {
            self.grouping = grouping;
        }
    }

    pub fn grouping(&self) -> Grouping {
        self.grouping
    }

    pub fn placeholders(&self) -> Vec<String> {
        ["value", "written", "expected", "key", "statement"]
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Every statement of the fact in `doc`.
    pub fn gather(&self, rule: &RuleHead, doc: &Document<'_>) -> Vec<Statement> {
        let mut statements = Vec::new();
        // The paragraphs read: those of the rule's roles (no related links,
        // captions or boilerplate), and of those only the first
        // `lead_paragraphs` (headline and lede).
        let read: Vec<bool> = {
            let mut left = self.lead_paragraphs.unwrap_or(usize::MAX);
            doc.paragraphs
                .iter()
                .map(|p| {
                    let wanted = left > 0 && rule.reads(p.role);
                    left -= usize::from(wanted);
                    wanted
                })
                .collect()
        };
        if let Some(skip) = &self.skip_documents {
            let skipped = doc
                .paragraphs
                .iter()
                .zip(&read)
                .any(|(p, &read)| read && skip.is_match(doc.slice(p.span)));
            if skipped {
                return statements;
            }
        }
        let units: Vec<Span> = match self.within {
            Scope::Document => Vec::new(),
            within => within.units(doc).collect(),
        };
        let wanted = |figure: Span| units.is_empty() || units.iter().any(|u| u.contains(figure));
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if !read[sentence.paragraph] {
                continue;
            }
            // Most sentences hold no figure: nothing to read in them (a
            // whole-statement pattern holds the figure pattern, so it
            // cannot match either).
            let figures = doc.figures(index);
            if figures.is_empty() {
                continue;
            }
            let text = doc.slice(sentence.span);
            let characters = doc.characters(sentence.span);
            if self
                .skip_sentences
                .as_ref()
                .is_some_and(|skip| skip.for_characters(characters).is_match(text))
            {
                continue;
            }
            let base = sentence.span.start as usize;
            let first_new = statements.len();
            match &self.matcher {
                Matcher::Split(alternatives) => {
                    for figure in figures {
                        let found = figure.start as usize - base..figure.end as usize - base;
                        let matched = alternatives
                            .iter()
                            .find_map(|around| around.around(characters, text, found.clone()));
                        if let Some((whole, key)) = matched {
                            push(
                                &wanted,
                                &mut statements,
                                &text[found.clone()],
                                key,
                                base,
                                found,
                                whole,
                            );
                        }
                    }
                }
                Matcher::Whole(rule_regex) => {
                    let regex = rule_regex.for_characters(characters);
                    for captures in regex.captures_iter(text) {
                        // The figure is whichever `{quantity}` took part.
                        let figure = regex
                            .capture_names()
                            .enumerate()
                            .filter(|(_, name)| name.is_some_and(|n| n.starts_with("quantity")))
                            .find_map(|(index, _)| captures.get(index));
                        let (Some(whole), Some(figure)) = (captures.get(0), figure) else {
                            continue;
                        };
                        let key = captures.name("key").map(|k| k.as_str());
                        push(
                            &wanted,
                            &mut statements,
                            figure.as_str(),
                            key,
                            base,
                            figure.range(),
                            whole.range(),
                        );
                    }
                }
            }
            // Which version of an updated story these statements are in.
            let section = doc.paragraphs[sentence.paragraph].section;
            for statement in &mut statements[first_new..] {
                statement.section = section;
            }
        }
        statements
    }

    pub fn conclude(
        &self,
        rule: &RuleHead,
        group: Vec<(FileId, Vec<Statement>)>,
        sources: &Sources,
        sheet: Option<&FactSheet>,
        out: &mut Vec<Diagnostic>,
    ) {
        let all: Vec<(FileId, &Statement)> = group
            .iter()
            .flat_map(|(file, statements)| statements.iter().map(move |s| (*file, s)))
            .collect();
        let mut keys: Vec<&str> = all.iter().map(|(_, s)| s.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            let facts: Vec<(FileId, &Statement)> =
                all.iter().copied().filter(|(_, s)| s.key == key).collect();
            let known = sheet.and_then(|sheet| sheet.get(&rule.id, key));
            self.compare(rule, &facts, known, sources, out);
        }
    }

    /// Reports the statements of one fact that disagree with the consensus.
    ///
    /// The consensus is built greedily: statements in order of how many
    /// others they agree with (the earlier first on a tie) join it when they
    /// agree with every statement already in it. Agreement is not
    /// transitive (a bare `400` agrees with both `nearly 400` and `more than
    /// 400`), so the consensus must agree within itself.
    fn compare(
        &self,
        rule: &RuleHead,
        facts: &[(FileId, &Statement)],
        known: Option<&KnownValue>,
        sources: &Sources,
        out: &mut Vec<Diagnostic>,
    ) {
        // Two versions of one updated article (an `UPDATE:` above the
        // original story) may give different figures: that is a
        // correction, not a contradiction.
        let agree = |i: usize, j: usize| {
            let ((fa, a), (fb, b)) = (facts[i], facts[j]);
            (fa == fb && a.section != b.section) || a.quantity.agrees_with(&b.quantity, self.strict)
        };
        let support: Vec<usize> = (0..facts.len())
            .map(|i| (0..facts.len()).filter(|&j| agree(i, j)).count())
            .collect();
        let mut order: Vec<usize> = (0..facts.len()).collect();
        order.sort_by(|&a, &b| support[b].cmp(&support[a]).then(a.cmp(&b)));
        let mut consensus: Vec<usize> = Vec::new();
        let mut dissent: Vec<usize> = Vec::new();
        for i in order {
            // A fact sheet overrules the articles.
            let joins = match known {
                Some(known) => facts[i]
                    .1
                    .quantity
                    .agrees_with(&known.quantity, self.strict),
                None => consensus.iter().all(|&c| agree(c, i)),
            };
            if joins {
                consensus.push(i);
            } else {
                dissent.push(i);
            }
        }
        if dissent.is_empty() {
            return;
        }
        consensus.sort_unstable();
        dissent.sort_unstable();
        let note = match known {
            Some(known) if consensus.is_empty() => format!(
                "the fact sheet says {}; no statement agrees: {}",
                known.quantity,
                summarise(facts, &dissent, sources)
            ),
            Some(known) => format!(
                "the fact sheet says {}; agreeing: {}; disagreeing: {}",
                known.quantity,
                summarise(facts, &consensus, sources),
                summarise(facts, &dissent, sources)
            ),
            None => format!(
                "{} vs {}",
                summarise(facts, &consensus, sources),
                summarise(facts, &dissent, sources)
            ),
        };
        // One finding per dissenting figure, at its first statement; the
        // others are among the labels.
        let mut reported: Vec<String> = Vec::new();
        for &i in &dissent {
            let (file, statement) = facts[i];
            let figure = statement.quantity.to_string();
            if reported.contains(&figure) {
                continue;
            }
            reported.push(figure);
            let value = statement.quantity.to_string();
            // The consensus figure this statement contradicts, the most
            // stated one if several.
            let expected = match known {
                Some(known) => known.quantity.to_string(),
                None => most_common(
                    consensus
                        .iter()
                        .filter(|&&c| !agree(c, i))
                        .map(|&c| facts[c].1.quantity.to_string()),
                )
                .unwrap_or_default(),
            };
            let mut diagnostic = rule.report(file, statement.figure, |name| match name {
                "value" => Some(value.as_str()),
                "written" => Some(statement.written.as_str()),
                "expected" => Some(expected.as_str()),
                "key" => Some(statement.key_written.as_str()),
                "statement" => Some(
                    sources
                        .get(file)
                        .text()
                        .get(statement.span.range())
                        .unwrap_or(""),
                ),
                _ => None,
            });
            if let Some(primary) = diagnostic.primary.as_mut() {
                primary.message = format!("says {value}");
            }
            if let Some(known) = known {
                diagnostic = diagnostic.with_secondary(
                    Label::new(known.file, known.span)
                        .with_message(format!("the fact sheet says {} here", known.quantity)),
                );
            }
            const MAX_LABELS: usize = 12;
            for (j, &(other_file, other)) in facts
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .take(MAX_LABELS)
            {
                let verdict = if consensus.contains(&j) { "" } else { " too" };
                diagnostic = diagnostic.with_secondary(
                    Label::new(other_file, other.figure)
                        .with_message(format!("says {}{verdict}", other.quantity)),
                );
            }
            if facts.len() - 1 > MAX_LABELS {
                diagnostic.notes.push(format!(
                    "{} more statements are not shown",
                    facts.len() - 1 - MAX_LABELS
                ));
            }
            diagnostic.notes.push(note.clone());
            out.push(diagnostic);
        }
    }
}

/// The most frequent item, the first seen on a tie.
fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(i, _)| *i == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    counts
        .into_iter()
        .enumerate()
        .max_by(|(ia, (_, a)), (ib, (_, b))| a.cmp(b).then(ib.cmp(ia)))
        .map(|(_, (item, _))| item)
}

fn push(
    wanted: &dyn Fn(Span) -> bool,
    statements: &mut Vec<Statement>,
    written: &str,
    key: Option<&str>,
    base: usize,
    figure: std::ops::Range<usize>,
    whole: std::ops::Range<usize>,
) {
    let figure_span = Span::new(base + figure.start, base + figure.end);
    if !wanted(figure_span) {
        return;
    }
    let Some(quantity) = quantity::parse(written) else {
        return;
    };
    statements.push(Statement {
        key: normalise_key(key.unwrap_or("")),
        key_written: key.unwrap_or("").to_owned(),
        quantity,
        written: written.to_owned(),
        figure: Span::new(base + figure.start, base + figure.end),
        span: Span::new(base + whole.start, base + whole.end),
        section: 0,
    });
}

/// `400 (4 statements in 3 files), more than 400 (2 statements in a.txt)`:
/// the values of some statements, each with where it is stated.
fn summarise(facts: &[(FileId, &Statement)], indices: &[usize], sources: &Sources) -> String {
    let mut values: Vec<(String, Vec<FileId>)> = Vec::new();
    for &i in indices {
        let (file, statement) = facts[i];
        let value = statement.quantity.to_string();
        match values.iter_mut().find(|(v, _)| *v == value) {
            Some((_, files)) => files.push(file),
            None => values.push((value, vec![file])),
        }
    }
    values
        .iter()
        .map(|(value, files)| {
            let mut distinct = files.clone();
            distinct.dedup();
            let statements = if files.len() == 1 {
                "1 statement".to_owned()
            } else {
                format!("{} statements", files.len())
            };
            let place = if distinct.len() == 1 {
                sources.get(distinct[0]).name().to_owned()
            } else {
                format!("{} files", distinct.len())
            };
            format!("{value} ({statements} in {place})")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::builtin;
    use crate::ruleset::RuleSet;
    use crate::source::Sources;

    fn affixes(pattern: &str, kind: ExtractKind) -> Option<Vec<String>> {
        Affixes::of(pattern, kind).map(|affixes| {
            affixes
                .0
                .iter()
                .map(|affix| String::from_utf8_lossy(affix).into_owned())
                .collect()
        })
    }

    #[test]
    fn affixes_are_the_short_starts_and_ends_of_every_match() {
        assert_eq!(
            affixes(r"(?i)(?: (?:migrants?|immigrants)\b)", ExtractKind::Prefix),
            Some(vec![" imm".to_owned(), " mig".to_owned()])
        );
        assert_eq!(
            affixes(
                r"(?i)(?:\b(?:killed|killing|kills)\ )$",
                ExtractKind::Suffix
            ),
            Some(vec![
                "ing ".to_owned(),
                "led ".to_owned(),
                "lls ".to_owned(),
                "lſ ".to_owned()
            ])
        );
        // Case folding outside ASCII is kept as written.
        assert_eq!(
            affixes(r"(?i)k", ExtractKind::Prefix),
            Some(vec!["k".to_owned(), "\u{212A}".to_owned()])
        );
        // A match that may be empty, or start with any word, says nothing.
        assert_eq!(affixes(r"\b", ExtractKind::Prefix), None);
        assert_eq!(affixes(r"(?: of)?", ExtractKind::Prefix), None);
        assert_eq!(affixes(r"\w+ people", ExtractKind::Prefix), None);
        // Ends only of a match that ends where the text searched does.
        assert_eq!(affixes(r"(?:killed )", ExtractKind::Suffix), None);
        assert_eq!(affixes(r"(?m)(?:killed )$", ExtractKind::Suffix), None);
        assert!(affixes(r"(?:killed )$", ExtractKind::Suffix).is_some());
    }

    /// Sentences mixing figures with the words of the shipped fact rules,
    /// in changing case, and near misses. A fixed seed.
    fn random_sentences(count: usize) -> Vec<String> {
        const WORDS: &[&str] = &[
            "killed",
            "Killed",
            "KILLING",
            "kills",
            "kiLLs",
            "people",
            "PEOPLE",
            "persons",
            "others",
            "men",
            "women",
            "children",
            "were",
            "have",
            "been",
            "had",
            "dead",
            "slain",
            "migrants",
            "Migrant",
            "immigrants",
            "individuals",
            "in",
            "question",
            "of",
            "them",
            "those",
            "the",
            "detained",
            "arrested",
            "are",
            "whereabouts",
            "Whereabouts",
            "from",
            "Tajik",
            "Tajiks",
            "Uzbekistan",
            "uzbek",
            "eight",
            "400",
            "more",
            "than",
            "a",
            "dozen",
            "nearly",
            "1,200",
            "two",
            "ſlain",
            "\u{212A}illed",
            "said",
            "police",
            "“eight”",
            "people,",
            "migrants.",
            "—",
        ];
        const GAPS: &[&str] = &[" ", " ", " ", "  ", "\u{a0}", "-", ", "];
        let mut random = crate::test_random::Random(0x2545_F491_4F6C_DD1D);
        (0..count)
            .map(|_| {
                let mut sentence = String::new();
                for _ in 0..random.below(12) + 1 {
                    sentence.push_str(WORDS[random.below(WORDS.len())]);
                    sentence.push_str(GAPS[random.below(GAPS.len())]);
                }
                sentence
            })
            .collect()
    }

    #[test]
    fn affixes_turn_away_no_figure_the_regexes_accept() {
        let (rules, problems) = RuleSet::load(&mut Sources::new(), builtin::rule_files());
        assert!(problems.is_empty());
        let sentences = random_sentences(3_000);
        let (mut tested, mut found, mut turned_away) = (0, 0, 0);
        for rule in &rules.rules {
            let crate::kinds::Kind::Agree(agree) = &rule.kind else {
                continue;
            };
            let Matcher::Split(alternatives) = &agree.matcher else {
                continue;
            };
            for around in alternatives {
                tested +=
                    usize::from(around.before_ends.is_some() || around.after_starts.is_some());
                let unfiltered = Around {
                    before: around.before.clone(),
                    after: around.after.clone(),
                    before_ends: None,
                    after_starts: None,
                };
                for text in &sentences {
                    for figure in quantity::figures(text) {
                        let characters = Characters::of(text);
                        let with = around.around(characters, text, figure.clone());
                        let without = unfiltered.around(characters, text, figure.clone());
                        assert_eq!(with, without, "{text:?} at {figure:?}");
                        found += usize::from(with.is_some());
                        turned_away += usize::from(without.is_none());
                    }
                }
            }
        }
        // The test means something: the shipped rules have affixes, and
        // the sentences hold statements and figures that are not.
        assert!(tested >= 5, "{tested}");
        assert!(found > 30 && turned_away > 2_000, "{found} {turned_away}");
    }
}
