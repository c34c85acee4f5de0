//! `repetition`: a word said twice in a row, or a sentence or paragraph
//! said twice in one document.
//!
//! ## What it does
//! With `unit = "word"`, reports a word immediately repeated (`the the`),
//! ignoring case, also across a line break inside a paragraph but never
//! across a paragraph break: a title echoed by the dateline below it
//! ("...in Detroit" / "Detroit —") is not a typo. The fix removes the
//! second word and the space before it.
//!
//! With `unit = "sentence"` or `unit = "paragraph"`, compares the units of
//! one document with each other and reports a later unit that repeats an
//! earlier one, with a secondary label on the earlier one:
//! `match = "identical"` finds the same words in the same order (case and
//! punctuation aside), `match = "similar"` finds near-copies and rewordings
//! whose [`similarity`] reaches `threshold`. Identical pairs are left to an
//! `identical` rule, so one slip is never reported twice.
//!
//! ## Why
//! A doubled word is a keyboard or editing slip a spell checker accepts. A
//! paragraph said twice is a paste or an edit that kept the old version,
//! or a scraper that took a teaser along with the lede.
//!
//! ## What is left alone, and why
//! Each exemption removes a class of false alarms measured on real news
//! copy (`../shared/corpus/PITFALLS.md`, sections 3 and 7):
//! - words: a word run of three or more (`bam bam bam`), numbers
//!   (`1 1/2`), the `allow` phrases (`had had`, `sworn in
//!   in`), the `sounds` list, and with `skip_capitalized` pairs that are both
//!   capitalised (names such as `Ty Ty` or `Delta Delta Delta`; text in
//!   capitals, `A LONG LONG NIGHT`, is still checked);
//! - units: units under `min_words` words; units matching `unless`
//!   (captions, credits, embeds); with `skip_heading` the heading (the
//!   first paragraph and the unterminated paragraphs after it: headline and
//!   dek, which the body is meant to echo); with `skip_adjacent` a unit and
//!   the one right after it (a teaser and its lede, a caption and its
//!   longer version, a tweet and the quotation of it: genuine restatements
//!   sit apart); with `skip_conflicting_numbers` similar pairs in which
//!   each unit has a figure the other lacks (parallel items of a list, such
//!   as one victim after another; a contradiction is a matter for the
//!   fact-consistency rules); a unit that takes part in two or more repeats
//!   (a caption under every photo of a gallery); units in two versions of
//!   an updated story (see [`crate::document::Paragraph::section`]), which
//!   repeat each other by design; paragraphs of roles the rule does not
//!   read (by default, only prose is compared); and with
//!   `max_per_document` every finding of a document that has more than that
//!   many (related-story widgets, data tables).
//!
//! Consecutive units repeated in order (a block pasted twice) are reported
//! once, the primary label spanning the whole block.
//!
//! ## Options
//! - `unit`: `word`, `sentence` or `paragraph` (required).
//! - For `word`: `allow` (phrases containing a repetition that is fine),
//!   `sounds` (words whose repetition is fine), `skip_capitalized` (default
//!   false), `scope` (default `paragraph`; any scope but `document`, which
//!   would cross paragraph breaks).
//! - For `sentence` and `paragraph`: `match` (`similar`, the default, or
//!   `identical`), `threshold` (0 to 1, default 0.65; `similar` only),
//!   `min_words` (default 8), `skip_heading` (default true),
//!   `skip_adjacent` (default false), `min_distance` (default 1: units
//!   closer than this are not compared; `skip_adjacent` is 2),
//!   `min_paragraph_distance` (default 0: sentences whose paragraphs are
//!   closer than this many paragraphs are not compared; 1 compares only
//!   sentences of different paragraphs), `skip_paragraphs` (default
//!   false: with `unit = "sentence"`, two sentences that are each a whole
//!   paragraph are not compared, a paragraph said twice being the business
//!   of a paragraph rule),
//!   `skip_conflicting_numbers` (default
//!   true), `skip_conflicting_names` (default false: similar pairs in which
//!   each unit has a capitalised word that the other lacks, which say the
//!   same of two people), `max_per_document` (default 0, no limit), `unless` (a regex).
//!
//! Templates may use `{word}` and `{match}` (`the the`) for words;
//! `{excerpt}` (the start of the later unit), `{unit}` (`paragraph`, or
//! `3 paragraphs` for a block), `{line}` (where the earlier one starts) and
//! `{similarity}` (`68%`) for sentences and paragraphs.

use std::collections::HashMap;
use std::ops::Range;

use crate::rule_regex::RuleRegex;

use super::scope::Scope;
use super::sentence::is_terminated;
use crate::diagnostic::{Diagnostic, Fix, Label};
use crate::document::{folded_hash, same_word, words, Document, RoleSet};
use crate::rules::reader::{SpannedStr, TableReader};
use crate::rules::KindInfo;
use crate::rules::{compile_regex, RuleHead};
use crate::source::{FileId, Span};

pub const INFO: KindInfo = KindInfo {
    name: "repetition",
    summary: "a word repeated, or a sentence or paragraph said twice",
    options: &[
        "unit",
        "allow",
        "sounds",
        "skip_capitalized",
        "scope",
        "match",
        "threshold",
        "min_words",
        "skip_heading",
        "skip_adjacent",
        "min_distance",
        "min_paragraph_distance",
        "skip_paragraphs",
        "skip_conflicting_numbers",
        "skip_conflicting_names",
        "max_per_document",
        "unless",
    ],
};

/// Options that only `unit = "word"` reads.
const WORD_OPTIONS: &[&str] = &["allow", "sounds", "skip_capitalized", "scope"];
/// Options that only `unit = "sentence"` and `unit = "paragraph"` read.
const UNIT_OPTIONS: &[&str] = &[
    "match",
    "threshold",
    "min_words",
    "skip_heading",
    "skip_adjacent",
    "min_distance",
    "min_paragraph_distance",
    "skip_paragraphs",
    "skip_conflicting_numbers",
    "skip_conflicting_names",
    "max_per_document",
    "unless",
];

/// The default `threshold`. Seed 000's reworded restatement scores 0.68.
/// On the 1,972 articles of the gvc corpus (with the built-in rule's other
/// settings) 0.65 gives 40 findings, 0.70 gives 29 and 0.60 gives 49; the
/// pairs from 0.60 to 0.70 are still about half genuine, so the threshold
/// trades volume for recall more than precision.
pub const DEFAULT_THRESHOLD: f64 = 0.65;
/// Shorter units ("Share this story.") repeat by design.
const DEFAULT_MIN_WORDS: usize = 8;
/// At most this many paragraphs form the heading: headline, dek, kicker.
const MAX_HEADING: usize = 3;
/// How many words of a unit `{excerpt}` shows.
const EXCERPT_WORDS: usize = 6;

#[derive(Debug)]
pub enum Repetition {
    Words(RepeatedWords),
    Units(RepeatedUnits),
}

/// `unit = "word"`.
#[derive(Debug)]
pub struct RepeatedWords {
    allow: Vec<AllowedPhrase>,
    /// Lowercase.
    sounds: Vec<String>,
    skip_capitalized: bool,
    scope: Scope,
}

/// A phrase from `allow`, lowercased into words, with the index of the
/// first of its two repeated words (`sworn in in` has it at 1).
#[derive(Debug)]
struct AllowedPhrase {
    words: Vec<String>,
    at: usize,
}

/// `unit = "sentence"` or `unit = "paragraph"`.
#[derive(Debug)]
pub struct RepeatedUnits {
    paragraphs: bool,
    identical: bool,
    threshold: f64,
    min_words: usize,
    skip_heading: bool,
    /// Units closer than this (in units) are not compared; 1 compares
    /// neighbours, 2 is `skip_adjacent`.
    min_distance: usize,
    /// Units whose paragraphs are closer than this (in paragraphs) are
    /// not compared; 1 compares only sentences of different paragraphs.
    min_paragraph_distance: usize,
    /// Sentences: a pair of sentences that are each a whole paragraph is
    /// not compared (a paragraph said twice is the paragraph rules').
    skip_paragraphs: bool,
    skip_conflicting_numbers: bool,
    /// Similar pairs in which each unit has a capitalised word that the
    /// other lacks: the same sentence about two people.
    skip_conflicting_names: bool,
    max_per_document: usize,
    unless: Option<RuleRegex>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Word,
    Sentence,
    Paragraph,
}

pub fn compile(reader: &mut TableReader<'_, '_>, source: &str) -> Option<Repetition> {
    let units = [
        ("word", Unit::Word),
        ("sentence", Unit::Sentence),
        ("paragraph", Unit::Paragraph),
    ];
    let unit = match reader.choice("unit", &units) {
        Ok(Some(unit)) => Some(unit),
        Ok(None) => {
            // Absent: report the missing key.
            reader.required_string(
                "unit",
                "what is compared: `word`, `sentence` or `paragraph`",
            );
            None
        }
        Err(_) => None,
    };

    // Every option is read whatever the unit, so that each is type-checked
    // and none is reported as an unknown key.
    let allow = reader.string_list("allow").unwrap_or_default();
    let sounds = reader.string_list("sounds").unwrap_or_default();
    let skip_capitalized = reader.bool("skip_capitalized").unwrap_or(false);
    let scope = Scope::read(reader, Scope::Paragraph);
    let matching = reader.choice("match", &[("similar", false), ("identical", true)]);
    let threshold = reader.fraction("threshold");
    let min_words = reader.count("min_words").unwrap_or(DEFAULT_MIN_WORDS);
    let skip_heading = reader.bool("skip_heading").unwrap_or(true);
    let skip_adjacent = reader.bool("skip_adjacent").unwrap_or(false);
    let min_distance = reader.count("min_distance").unwrap_or(1);
    let min_paragraph_distance = reader.count("min_paragraph_distance").unwrap_or(0);
    let skip_paragraphs = reader.bool("skip_paragraphs").unwrap_or(false);
    let skip_conflicting_numbers = reader.bool("skip_conflicting_numbers").unwrap_or(true);
    let skip_conflicting_names = reader.bool("skip_conflicting_names").unwrap_or(false);
    let max_per_document = reader.count("max_per_document").unwrap_or(0);
    let unless = reader.string("unless");

    let unit = unit?;
    let mut ok = true;
    if unit == Unit::Word {
        if scope == Some(Scope::Document) {
            if let Some(span) = reader.key_span("scope") {
                reader.errors.error_with_help(
                    span,
                    "scope `document` would compare words across paragraph breaks",
                    "crosses paragraph breaks",
                    "a title echoed by the dateline below it is not a typo; use `paragraph` (the default) or a smaller scope",
                );
            }
            ok = false;
        }
        let phrases: Vec<AllowedPhrase> = allow
            .iter()
            .filter_map(|raw| allowed_phrase(raw, reader))
            .collect();
        ok &= phrases.len() == allow.len();
        ok &= accepts_only(
            reader,
            UNIT_OPTIONS,
            "`unit = \"sentence\"` or `unit = \"paragraph\"`",
        );
        return ok.then(|| {
            Repetition::Words(RepeatedWords {
                allow: phrases,
                sounds: sounds.into_iter().map(|s| s.value.to_lowercase()).collect(),
                skip_capitalized,
                scope: scope.unwrap_or(Scope::Paragraph),
            })
        });
    }

    let identical = match matching {
        Ok(identical) => identical.unwrap_or(false),
        Err(_) => {
            ok = false;
            false
        }
    };
    if identical {
        if let Some(span) = reader.key_span("threshold") {
            reader.errors.error_with_help(
                span,
                "`threshold` does not apply to `match = \"identical\"`",
                "not used with identical units",
                "remove it, or use `match = \"similar\"` to find near-copies",
            );
            ok = false;
        }
    }
    let unless = match unless {
        Some(raw) => {
            let regex = compile_regex(&raw, source, reader.errors);
            ok &= regex.is_some();
            regex
        }
        None => None,
    };
    ok &= accepts_only(reader, WORD_OPTIONS, "`unit = \"word\"`");
    ok.then_some(Repetition::Units(RepeatedUnits {
        paragraphs: unit == Unit::Paragraph,
        identical,
        threshold: threshold.unwrap_or(DEFAULT_THRESHOLD),
        min_words,
        skip_heading,
        min_distance: min_distance.max(if skip_adjacent { 2 } else { 1 }),
        min_paragraph_distance,
        skip_paragraphs,
        skip_conflicting_numbers,
        skip_conflicting_names,
        max_per_document,
        unless,
    }))
}

/// Reports each of `foreign` (options of the other units) that the table
/// sets; `applies_to` says where they belong. False if any was set.
fn accepts_only(reader: &mut TableReader<'_, '_>, foreign: &[&str], applies_to: &str) -> bool {
    let mut ok = true;
    for key in foreign {
        if let Some(span) = reader.key_span(key) {
            reader.errors.error_with_help(
                span,
                format!("`{key}` does not apply to this unit"),
                "not used with this unit",
                format!("`{key}` applies only with {applies_to}"),
            );
            ok = false;
        }
    }
    ok
}

/// Reads one `allow` phrase, which must contain a word repeated.
fn allowed_phrase(raw: &SpannedStr, reader: &mut TableReader<'_, '_>) -> Option<AllowedPhrase> {
    let words: Vec<String> = words(&raw.value)
        .map(|w| raw.value[w.range()].to_lowercase())
        .collect();
    let at = words.windows(2).position(|pair| pair[0] == pair[1]);
    if at.is_none() {
        reader.errors.error_with_help(
            raw.span,
            format!("`allow` phrase `{}` repeats no word", raw.value),
            "no repeated word",
            "write the repetition that is fine, with any context it needs: `had had`, `sworn in in`",
        );
    }
    Some(AllowedPhrase { words, at: at? })
}

impl Repetition {
    /// Words are checked in prose and headlines (`Search is on for for
    /// gunman`); sentences and paragraphs are compared in prose only.
    pub fn default_roles(&self) -> RoleSet {
        match self {
            Repetition::Words(_) => RoleSet::PROSE_AND_HEADLINE,
            Repetition::Units(_) => RoleSet::PROSE,
        }
    }

    pub fn placeholders(&self) -> Vec<String> {
        let names: &[&str] = match self {
            Repetition::Words(_) => &["word", "match"],
            Repetition::Units(_) => &["excerpt", "unit", "line", "similarity"],
        };
        names.iter().map(|&n| n.to_owned()).collect()
    }

    pub fn check(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        match self {
            Repetition::Words(kind) => kind.check(rule, file, doc, out),
            Repetition::Units(kind) => kind.check(rule, file, doc, out),
        }
    }
}

impl RepeatedWords {
    fn check(&self, rule: &RuleHead, file: FileId, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        if self.scope == Scope::Paragraph {
            // A finding lies in the paragraph of its two words, and
            // `Rule::check` drops the findings in paragraphs of roles the
            // rule does not read: those paragraphs need not be read at all.
            for paragraph in doc.paragraphs.iter().filter(|p| rule.reads(p.role)) {
                self.check_unit(rule, file, doc, paragraph.span, out);
            }
        } else {
            for unit in self.scope.units(doc) {
                self.check_unit(rule, file, doc, unit, out);
            }
        }
    }

    /// Reports the repeated words of `unit`.
    fn check_unit(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        unit: Span,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.slice(unit);
        let base = unit.start as usize;
        // Every word of the unit, which only the `allow` phrases need:
        // made for the few units with a repeated word.
        let mut spans: Option<Vec<Span>> = None;
        each_repeated_pair(text, |k, first_span, second_span| {
            let first = &text[first_span.range()];
            let second = &text[second_span.range()];
            let spans = spans.get_or_insert_with(|| words(text).collect());
            if self.is_exempt(text, spans, k, first, second) {
                return;
            }
            let pair = format!("{first} {second}");
            let span = second_span.offset(base);
            let mut diagnostic = rule.report(file, span, |name| match name {
                "word" => Some(second),
                "match" => Some(pair.as_str()),
                _ => None,
            });
            diagnostic
                .secondary
                .push(Label::new(file, first_span.offset(base)));
            diagnostic.fix = Some(Fix {
                file,
                span: Span::new(base + first_span.end as usize, span.end as usize),
                replacement: String::new(),
            });
            out.push(diagnostic);
        });
    }

    /// Whether the repetition of word `k` (`first`) by word `k + 1`
    /// (`second`) of `text`, whose words are `spans`, is one of the kinds
    /// that are meant.
    fn is_exempt(&self, text: &str, spans: &[Span], k: usize, first: &str, second: &str) -> bool {
        // Title case (`Ty`) or a single capital, not capitals (`TIME`),
        // which are shouting, not a name.
        let capitalized = |w: &str| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && (chars.clone().next().is_none() || chars.any(char::is_lowercase))
        };
        let lower = first.to_lowercase();
        first.chars().any(|c| c.is_ascii_digit())
            || self.sounds.contains(&lower)
            || (self.skip_capitalized && capitalized(first) && capitalized(second))
            || self.allow.iter().any(|phrase| {
                k.checked_sub(phrase.at).is_some_and(|start| {
                    spans
                        .get(start..start + phrase.words.len())
                        .is_some_and(|window| {
                            window
                                .iter()
                                .zip(&phrase.words)
                                .all(|(span, word)| same_word(&text[span.range()], word))
                        })
                })
            })
    }
}

/// Calls `found` with each word `k` of `text` (and the spans of words `k`
/// and `k + 1`) that is followed by the same word, ignoring case, with
/// nothing but white space (at most one line break) between them, unless
/// the two are part of a run of three or more; in order of `k`.
///
/// The words are read once, each compared with the one before it as it
/// comes: almost no pair is equal, and most differ in their first byte.
fn each_repeated_pair(text: &str, mut found: impl FnMut(usize, Span, Span)) {
    let bytes = text.as_bytes();
    // Words as (start, end).
    let repeats = |a: (usize, usize), b: (usize, usize)| {
        // The test `same_word` makes first, without the call: two words
        // whose first characters are ASCII and differ, ignoring case. A
        // word starts with a letter or digit, which setting the case bit
        // lowercases (a digit has it set).
        if let (Some(x), Some(y)) = (bytes.get(a.0), bytes.get(b.0)) {
            if (x | y).is_ascii() && x | 0x20 != y | 0x20 {
                return false;
            }
        }
        same_word(&text[a.0..a.1], &text[b.0..b.1]) && is_plain_gap(&text[a.1..b.0])
    };
    let span = |(start, end): (usize, usize)| Span::new(start, end);
    // The two words before the current one, the older first (once there
    // are that many).
    let (mut older, mut newer) = ((0, 0), (0, 0));
    // Whether the newer of those repeats the older, and whether the older
    // repeats the word before it.
    let (mut last, mut before_last) = (false, false);
    let mut count = 0;
    word_bounds(text, |start, end| {
        let word = (start, end);
        let repeated = count > 0 && repeats(newer, word);
        // The pair before this word is reported once it is known that no
        // third repetition follows it, nor precedes it.
        if last && !before_last && !repeated {
            found(count - 2, span(older), span(newer));
        }
        (older, newer) = (newer, word);
        (last, before_last) = (repeated, last);
        count += 1;
    });
    if last && !before_last {
        found(count - 2, span(older), span(newer));
    }
}

/// Non-empty white space holding at most one line break.
fn is_plain_gap(gap: &str) -> bool {
    let mut breaks = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => breaks += 1,
            '\r' => {
                breaks += 1;
                chars.next_if_eq(&'\n');
            }
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    !gap.is_empty() && breaks <= 1
}

/// The document's sentences or paragraphs, as the unit comparison sees
/// them. The words of all pieces are kept in shared vectors that each
/// piece indexes, not in vectors of its own: most pieces are never
/// compared, and a document has many.
#[derive(Default)]
struct Pieces {
    list: Vec<Piece>,
    /// The lowercased words of each piece in turn, as ids shared across
    /// the document.
    tokens: Vec<u64>,
    /// The ids of words holding a digit, each piece's sorted and
    /// deduplicated.
    numbers: Vec<u64>,
}

/// One sentence or paragraph.
struct Piece {
    span: Span,
    /// Its words in [`Pieces::tokens`]; none unless it is eligible.
    words: Range<usize>,
    /// Its figures in [`Pieces::numbers`].
    numbers: Range<usize>,
    /// Whether the piece takes part in comparisons at all (`unless`
    /// aside, which is asked only of pieces in a repeat).
    eligible: bool,
    /// The version of an updated story it belongs to.
    section: usize,
    /// The index of its paragraph.
    paragraph: usize,
}

impl Pieces {
    fn len(&self) -> usize {
        self.list.len()
    }

    /// The word ids of piece `k`, in order.
    fn tokens(&self, k: usize) -> &[u64] {
        &self.tokens[self.list[k].words.clone()]
    }

    /// The ids of the words of piece `k` that hold a digit, sorted and
    /// deduplicated.
    fn numbers(&self, k: usize) -> &[u64] {
        &self.numbers[self.list[k].numbers.clone()]
    }

    /// Adds a word to the piece being built: its id, and whether it holds
    /// a digit.
    fn push_word(&mut self, id: u64, figure: bool) {
        self.tokens.push(id);
        if figure {
            self.numbers.push(id);
        }
    }

    /// The number of words added to the piece being built.
    fn words_pushed(&self) -> usize {
        self.tokens.len() - self.list.last().map_or(0, |p| p.words.end)
    }

    /// Ends the piece being built, at `span`: its words are those added
    /// since the last piece ended, dropped unless it is `eligible`.
    fn end_piece(&mut self, span: Span, section: usize, paragraph: usize, eligible: bool) {
        let words = self.list.last().map_or(0, |p| p.words.end);
        let numbers = self.list.last().map_or(0, |p| p.numbers.end);
        if !eligible {
            self.tokens.truncate(words);
            self.numbers.truncate(numbers);
        }
        self.numbers[numbers..].sort_unstable();
        // Deduplicated in place: each figure moves down over the copies
        // before it.
        let mut kept = numbers;
        for k in numbers..self.numbers.len() {
            if kept == numbers || self.numbers[k] != self.numbers[kept - 1] {
                self.numbers[kept] = self.numbers[k];
                kept += 1;
            }
        }
        self.numbers.truncate(kept);
        self.list.push(Piece {
            span,
            words: words..self.tokens.len(),
            numbers: numbers..kept,
            eligible,
            section,
            paragraph,
        });
    }
}

/// A later unit (or block) that repeats an earlier one.
#[derive(Clone, Copy, Debug)]
struct Repeat {
    earlier: (usize, usize),
    later: (usize, usize),
    similarity: f64,
}

impl RepeatedUnits {
    fn check(&self, rule: &RuleHead, file: FileId, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        let heading = if self.skip_heading {
            heading_end(doc)
        } else {
            0
        };
        let pieces = self.pieces(rule, doc, heading);

        let threshold = if self.identical { 1.0 } else { self.threshold };
        let mut candidates = Candidates::new(&pieces, threshold);
        // `unless` is a long regex, and only pieces in a repeat need it:
        // asked when a pair is found, and remembered.
        let mut excluded: Vec<Option<bool>> = vec![None; pieces.len()];
        let mut is_excluded = |k: usize| {
            *excluded[k].get_or_insert_with(|| {
                self.unless
                    .as_ref()
                    .is_some_and(|u| u.is_match(doc.slice(pieces.list[k].span)))
            })
        };
        let mut found: Vec<Repeat> = Vec::new();
        let mut earlier_ones = Vec::new();
        for (j, later) in pieces.list.iter().enumerate() {
            if !later.eligible {
                continue;
            }
            let mut best: Option<(usize, f64)> = None;
            candidates.take(j, &mut earlier_ones);
            for &i in &earlier_ones {
                let earlier = &pieces.list[i];
                // Too close, or in another version of an updated story.
                let whole = |piece: &Piece| doc.paragraphs[piece.paragraph].sentences.len() == 1;
                if j - i < self.min_distance
                    || later.paragraph - earlier.paragraph < self.min_paragraph_distance
                    || (self.skip_paragraphs && !self.paragraphs && whole(earlier) && whole(later))
                    || earlier.section != later.section
                {
                    continue;
                }
                let same = pieces.tokens(i) == pieces.tokens(j);
                let score = if self.identical {
                    if !same {
                        continue;
                    }
                    1.0
                } else {
                    if same
                        || (self.skip_conflicting_numbers
                            && conflicting_numbers(pieces.numbers(i), pieces.numbers(j)))
                        || candidates.bound(i, j) < self.threshold
                    {
                        continue;
                    }
                    let score = similarity(pieces.tokens(i), pieces.tokens(j));
                    if score < self.threshold
                        || (self.skip_conflicting_names
                            && conflicting_names(doc.slice(earlier.span), doc.slice(later.span)))
                    {
                        continue;
                    }
                    score
                };
                if best.is_none_or(|(_, top)| score > top) && !is_excluded(i) {
                    best = Some((i, score));
                }
            }
            if let Some((i, similarity)) = best.filter(|_| !is_excluded(j)) {
                found.push(Repeat {
                    earlier: (i, i),
                    later: (j, j),
                    similarity,
                });
            }
        }

        // A unit in two or more repeats is a template: the same caption
        // under each photo of a gallery.
        let mut uses: HashMap<usize, usize> = HashMap::new();
        for repeat in &found {
            *uses.entry(repeat.earlier.0).or_default() += 1;
            *uses.entry(repeat.later.0).or_default() += 1;
        }
        found.retain(|r| uses[&r.earlier.0] == 1 && uses[&r.later.0] == 1);

        // A block repeated in order is one finding.
        let mut blocks: Vec<Repeat> = Vec::new();
        for repeat in found {
            match blocks.last_mut() {
                Some(block)
                    if block.earlier.1 + 1 == repeat.earlier.0
                        && block.later.1 + 1 == repeat.later.0
                        && repeat.earlier.0 < block.later.0 =>
                {
                    block.earlier.1 = repeat.earlier.0;
                    block.later.1 = repeat.later.0;
                    block.similarity = block.similarity.min(repeat.similarity);
                }
                _ => blocks.push(repeat),
            }
        }
        if self.max_per_document > 0 && blocks.len() > self.max_per_document {
            return;
        }

        let name = if self.paragraphs {
            "paragraph"
        } else {
            "sentence"
        };
        for block in blocks {
            let span = |(first, last): (usize, usize)| Span {
                start: pieces.list[first].span.start,
                end: pieces.list[last].span.end,
            };
            let (earlier, later) = (span(block.earlier), span(block.later));
            let count = block.later.1 - block.later.0 + 1;
            let unit = if count == 1 {
                name.to_owned()
            } else {
                format!("{count} {name}s")
            };
            let excerpt = excerpt(doc.slice(pieces.list[block.later.0].span));
            let line = line_number(doc, earlier.start).to_string();
            let similarity = format!("{:.0}%", block.similarity * 100.0);
            let mut diagnostic = rule.report(file, later, |key| match key {
                "excerpt" => Some(excerpt.as_str()),
                "unit" => Some(unit.as_str()),
                "line" => Some(line.as_str()),
                "similarity" => Some(similarity.as_str()),
                _ => None,
            });
            let (here, there) = if self.identical {
                ("repeated here", "first here")
            } else {
                ("said again here", "first said here")
            };
            if let Some(primary) = &mut diagnostic.primary {
                primary.message = here.to_owned();
            }
            diagnostic
                .secondary
                .push(Label::new(file, earlier).with_message(there));
            out.push(diagnostic);
        }
    }

    /// The document's sentences or paragraphs, tokenised once.
    fn pieces(&self, rule: &RuleHead, doc: &Document<'_>, heading: usize) -> Pieces {
        let mut pieces = Pieces::default();
        let mut add = |span: Span, paragraph: usize| {
            let text = doc.slice(span);
            // The cheap tests first: most pieces are never compared. Each
            // word takes a byte, and so does the gap after it but the
            // last. `unless` is asked later, of the pieces in a repeat.
            let mut eligible = paragraph >= heading
                && rule.reads(doc.paragraphs[paragraph].role)
                && text.len() + 1 >= self.min_words.saturating_mul(2);
            if eligible {
                scan_words(text, |id, figure| pieces.push_word(id, figure));
                eligible = pieces.words_pushed() >= self.min_words;
            }
            pieces.end_piece(span, doc.paragraphs[paragraph].section, paragraph, eligible);
        };
        if self.paragraphs {
            for (index, paragraph) in doc.paragraphs.iter().enumerate() {
                add(paragraph.span, index);
            }
        } else {
            for sentence in &doc.sentences {
                add(sentence.span, sentence.paragraph);
            }
        }
        pieces
    }
}

/// Whether each of two texts has a capitalised word that the other lacks:
/// the same sentence said of two people or places (`Karen Olsen was taken
/// ...` / `Peter Olsen was taken ...`). A word dropped from a copy makes
/// no conflict: the copy lacks a word but has none the other lacks.
fn conflicting_names(a: &str, b: &str) -> bool {
    let names = |text: &str| -> Vec<String> {
        words(text)
            .map(|w| &text[w.range()])
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (names(a), names(b));
    a.iter().any(|n| !b.contains(n)) && b.iter().any(|n| !a.contains(n))
}

/// Calls `each` with every word of `text`, exactly as [`words`] finds
/// them: with its id and whether it holds a digit.
///
/// The id stands for the word: it is the word's [`folded_hash`], computed
/// here for an ASCII word in the pass that finds it. No lowercased copy and
/// no table of words is made. Two different words of one document sharing
/// an id has odds of about one in 10^9; they would count as the same.
///
/// The restatement rule reads every word of most paragraphs, which makes
/// this loop its largest cost: it goes through the ASCII letters and
/// digits of a word in one tight run over a table, hashing them as it
/// goes (which costs less than finding the word's end first, eight bytes
/// at a time, and hashing it then), and leaves joiners and characters
/// outside ASCII to [`continuation`]. A test compares it with [`words`] on
/// random text.
#[inline(always)]
fn scan_words(text: &str, mut each: impl FnMut(u64, bool)) {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0100_0000_01b3;
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        let Some(start) = next_word_start(text, at) else {
            return;
        };
        at = start;
        // FNV-1a over the lowercased bytes, as `folded_hash` computes it
        // for an ASCII word; a word with other characters is hashed by
        // `folded_hash` itself. Digits are the lowest of the bytes.
        let mut hash = FNV_OFFSET;
        let mut lowest = u8::MAX;
        let mut ascii = true;
        loop {
            // The ASCII letters and digits of the word, in one run.
            let mut stop = OTHER;
            while let Some(&byte) = bytes.get(at) {
                let lower = WORD_BYTES[usize::from(byte)];
                if lower < ALPHANUMERIC {
                    stop = lower;
                    break;
                }
                hash = (hash ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
                lowest = lowest.min(lower);
                at += 1;
            }
            if stop == OTHER {
                break;
            }
            match continuation(text, at) {
                Continuation::End => break,
                Continuation::Joiner(joiner) => {
                    hash = (hash ^ u64::from(joiner)).wrapping_mul(FNV_PRIME);
                    // The letter or digit after it is taken by the run.
                    at += 1;
                }
                Continuation::NonAscii(len) => {
                    ascii = false;
                    at += len;
                }
            }
        }
        if !ascii {
            let word = &text[start..at];
            hash = folded_hash(word);
            lowest = if word.bytes().any(|b| b.is_ascii_digit()) {
                b'0'
            } else {
                u8::MAX
            };
        }
        each(hash, lowest <= b'9');
    }
}

/// Where the next word of `text` starts at or after `at` (the first
/// letter or digit), if there is one: for [`scan_words`] and
/// [`word_bounds`].
#[inline(always)]
fn next_word_start(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        match WORD_BYTES[usize::from(*bytes.get(at)?)] {
            OTHER | JOINER => at += 1,
            NON_ASCII => match char_at(text, at) {
                (true, _) => return Some(at),
                (false, len) => at += len,
            },
            _ => return Some(at),
        }
    }
}

/// Calls `each` with the start and end of every word of `text`, exactly
/// as [`words`] finds them.
///
/// The repeated-word rule reads every word of most paragraphs, which makes
/// this loop its largest cost: it finds the end of a word's run of ASCII
/// letters and digits eight bytes at a time ([`alphanumeric_run_end`]),
/// and leaves joiners and characters outside ASCII to [`continuation`]. A
/// test compares it with [`words`] on random text.
#[inline(always)]
fn word_bounds(text: &str, mut each: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        let Some(start) = next_word_start(text, at) else {
            return;
        };
        at = start;
        loop {
            // The ASCII letters and digits of the word, in one run.
            at = alphanumeric_run_end(bytes, at);
            match bytes.get(at) {
                Some(&byte) if WORD_BYTES[usize::from(byte)] != OTHER => {}
                _ => break,
            }
            match continuation(text, at) {
                Continuation::End => break,
                // The letter or digit after it is taken by the run.
                Continuation::Joiner(_) => at += 1,
                Continuation::NonAscii(len) => at += len,
            }
        }
        each(start, at);
    }
}

/// The lanes of a `u64` read as eight bytes: one in each.
const LANES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each lane.
const HIGH: u64 = 0x80 * LANES;

/// For eight bytes read as the lanes of a `u64`: the high bit of each lane
/// that is not an ASCII letter or digit. Each range test is an addition
/// that sets the lane's high bit without carrying into the next lane: a
/// digit is at least `0x30` and not above `0x39`; a letter, with the case
/// bit set, at least `0x61` and not above `0x7a`.
#[inline(always)]
fn non_alphanumeric_lanes(lanes: u64) -> u64 {
    let low = lanes & !HIGH;
    let digits = (low + (0x80 - 0x30) * LANES) & !(low + (0x80 - 0x3a) * LANES);
    let folded = low | (0x20 * LANES);
    let letters = (folded + (0x80 - 0x61) * LANES) & !(folded + (0x80 - 0x7b) * LANES);
    // Lanes outside ASCII are stops whatever their low bits say.
    (!(digits | letters) | lanes) & HIGH
}

/// The end of the run of ASCII letters and digits of `bytes` from `at`:
/// the first byte from `at` that is not one, or the end.
///
/// Eight bytes are tested at a time ([`non_alphanumeric_lanes`]). A test compares
/// it with the byte-by-byte statement.
#[inline(always)]
fn alphanumeric_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let stops = non_alphanumeric_lanes(u64::from_le_bytes(*chunk));
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

/// What [`WORD_BYTES`] holds for an ASCII byte that is neither a letter,
/// a digit nor a joiner.
const OTHER: u8 = 0;
/// What [`WORD_BYTES`] holds for `'`, `-` and `.`, kept inside a word.
const JOINER: u8 = 1;
/// What [`WORD_BYTES`] holds for a byte of a character outside ASCII.
const NON_ASCII: u8 = 2;
/// The least value [`WORD_BYTES`] holds for a letter or digit (`0`).
const ALPHANUMERIC: u8 = b'0';

/// For each byte: an ASCII letter or digit lowercased, or what else it is
/// to a word ([`OTHER`], [`JOINER`], [`NON_ASCII`]).
static WORD_BYTES: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = if !b.is_ascii() {
            NON_ASCII
        } else if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else if matches!(b, b'\'' | b'-' | b'.') {
            JOINER
        } else {
            OTHER
        };
        byte += 1;
    }
    table
};

/// How a word goes on at a byte that is a joiner or outside ASCII.
enum Continuation {
    /// The word ends before it.
    End,
    /// This ASCII joiner, then a letter or digit in ASCII.
    Joiner(u8),
    /// This many bytes, taking in characters outside ASCII: a letter or
    /// digit, or a joiner and the letter or digit after it.
    NonAscii(usize),
}

/// How the word that reached byte `at` of `text` (a joiner, or the start
/// of a character outside ASCII) goes on, as [`words`] decides it: a joiner
/// (`'`, `-`, `.`, `\u{2019}`) is kept only when a letter or digit follows
/// it, and a letter or digit outside ASCII continues the word.
fn continuation(text: &str, at: usize) -> Continuation {
    let bytes = text.as_bytes();
    let Some(&byte) = bytes.get(at) else {
        return Continuation::End;
    };
    let joiner = if byte.is_ascii() {
        1
    } else if bytes[at..].starts_with("\u{2019}".as_bytes()) {
        3
    } else {
        return match char_at(text, at) {
            (true, len) => Continuation::NonAscii(len),
            (false, _) => Continuation::End,
        };
    };
    match bytes.get(at + joiner) {
        Some(&next) if next.is_ascii_alphanumeric() => {
            if joiner == 1 {
                Continuation::Joiner(byte)
            } else {
                Continuation::NonAscii(joiner)
            }
        }
        Some(next) if !next.is_ascii() => match char_at(text, at + joiner) {
            (true, len) => Continuation::NonAscii(joiner + len),
            (false, _) => Continuation::End,
        },
        _ => Continuation::End,
    }
}

/// Whether the character at byte `at` of `text` (on a character boundary)
/// is a letter or digit, and its length.
fn char_at(text: &str, at: usize) -> (bool, usize) {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
}

/// The earlier pieces worth comparing with each piece, found through an
/// index instead of comparing every pair (which is quadratic: a 16 MB
/// newswire file has tens of thousands of paragraphs).
///
/// This is prefix filtering with positions, as in set-similarity joins
/// (AllPairs, PPJoin). Two pieces of `m` and `n` words whose
/// [`similarity_bound`] reaches `threshold` share at least
/// `threshold * (m + n) / 2` words, and so at least `threshold * n / (2 -
/// threshold)` of the `n` words of each: they share a word among the first
/// `n - that + 1` of each, in a fixed order. Ordering words from the
/// rarest makes those prefixes short lists of rare words, which most
/// pieces do not share. While the shared prefix words are counted, a
/// candidate is dropped as soon as the words left after the current ones
/// could no longer make up the overlap needed. Repeated words count as
/// distinct elements (`the`, `the#2`), as the bound counts them.
///
/// Any order that is the same for every piece keeps the filter sound,
/// since candidates are then compared exactly; so elements are ordered by
/// how many pieces hold them, ties broken by their number. Each element
/// is then known by its rank in that order, and each piece's elements are
/// listed by rank without sorting them: a counting sort ranks the
/// elements, and going through the ranks in order, the pieces holding
/// each, lists every piece's elements in order.
struct Candidates {
    /// The elements of each eligible piece by rank, ascending, one piece
    /// after another as in [`Pieces::tokens`]; then the one element of
    /// the prefix of every piece without words (ranked after all others),
    /// so that two such pieces (which are identical) still meet. Empty
    /// when `everything`.
    ranked: Vec<u32>,
    /// Each piece's elements in `ranked` (empty unless eligible).
    elements: Vec<Range<usize>>,
    /// Each piece's prefix in `ranked` (empty unless eligible).
    prefixes: Vec<Range<usize>>,
    /// Each piece's number of words.
    lengths: Vec<usize>,
    /// Under each element's rank, the last of its postings (an index into
    /// `postings`), or [`NO_POSTING`].
    heads: Vec<u32>,
    /// The pieces indexed so far holding an element, with its position in
    /// their order, each linked to the one indexed before it under the
    /// same element: one vector for the whole document, not one per word.
    postings: Vec<Posting>,
    threshold: f64,
    /// Every earlier eligible piece is a candidate (a threshold of 0).
    everything: bool,
    /// The pieces indexed so far, for `everything`.
    seen: Vec<usize>,
    /// For each earlier piece, the piece whose candidates it was last
    /// counted for, and its count of shared words (`None`: ruled out).
    counts: Vec<(usize, Option<usize>)>,
}

/// A piece holding a prefix element, and the element's position in its
/// order.
#[derive(Clone, Copy)]
struct Posting {
    piece: u32,
    position: u32,
    /// The posting indexed before it under the same element, or
    /// [`NO_POSTING`].
    previous: u32,
}

/// The end of a chain of postings, and of a chain of occurrences.
const NO_POSTING: u32 = u32::MAX;

impl Candidates {
    fn new(pieces: &Pieces, threshold: f64) -> Candidates {
        let mut candidates = Candidates {
            ranked: Vec::new(),
            elements: vec![0..0; pieces.len()],
            prefixes: vec![0..0; pieces.len()],
            lengths: pieces.list.iter().map(|p| p.words.len()).collect(),
            heads: Vec::new(),
            postings: Vec::new(),
            threshold,
            everything: threshold <= 0.0,
            seen: Vec::new(),
            counts: vec![(usize::MAX, None); pieces.len()],
        };
        if candidates.everything {
            return candidates;
        }
        let elements = Elements::of(pieces);
        let count = elements.frequency.len();
        // The rank of each element, by how many pieces hold it and then by
        // its number: a counting sort, the frequencies being at most the
        // number of pieces.
        let mut starts = vec![0u32; pieces.len() + 2];
        for &f in &elements.frequency {
            starts[f as usize + 1] += 1;
        }
        for f in 1..starts.len() {
            starts[f] += starts[f - 1];
        }
        let mut rank = vec![0u32; count];
        for (e, &f) in elements.frequency.iter().enumerate() {
            rank[e] = starts[f as usize];
            starts[f as usize] += 1;
        }
        // Where each rank's holders start in `holders`: its frequency
        // after the frequencies of the ranks before it.
        let mut holder_starts = vec![0u32; count + 1];
        for (e, &f) in elements.frequency.iter().enumerate() {
            holder_starts[rank[e] as usize + 1] = f;
        }
        for r in 1..holder_starts.len() {
            holder_starts[r] += holder_starts[r - 1];
        }
        // The pieces holding each rank, in order of rank, then of piece.
        let mut holders = vec![0u32; elements.list.len()];
        let mut next_holder = holder_starts.clone();
        for (k, piece) in pieces.list.iter().enumerate() {
            for &e in &elements.list[piece.words.clone()] {
                let r = rank[e as usize] as usize;
                holders[next_holder[r] as usize] = k as u32;
                next_holder[r] += 1;
            }
        }
        // Each piece's ranks in order: the ranks, in order, each written
        // into the pieces holding it.
        candidates.ranked = vec![0u32; elements.list.len()];
        let mut next_rank: Vec<usize> = pieces.list.iter().map(|p| p.words.start).collect();
        for r in 0..count {
            let (start, end) = (holder_starts[r] as usize, holder_starts[r + 1] as usize);
            for &k in &holders[start..end] {
                let at = &mut next_rank[k as usize];
                candidates.ranked[*at] = r as u32;
                *at += 1;
            }
        }
        // The element of the pieces without words.
        candidates.ranked.push(count as u32);
        let no_words = candidates.ranked.len() - 1..candidates.ranked.len();
        // Each prefix: the rarest elements of the piece, as many as
        // needed.
        for (k, piece) in pieces.list.iter().enumerate() {
            if !piece.eligible {
                continue;
            }
            let n = piece.words.len();
            candidates.elements[k] = piece.words.clone();
            candidates.prefixes[k] = if n == 0 {
                no_words.clone()
            } else {
                let length = n + 1 - min_overlap(threshold, n).clamp(1, n);
                piece.words.start..piece.words.start + length
            };
        }
        candidates.heads = vec![NO_POSTING; count + 1];
        candidates
    }

    /// An upper bound of the [`similarity`] of pieces `i` and `j`: their
    /// [`similarity_bound`] (1 when `everything`, which needs none).
    fn bound(&self, i: usize, j: usize) -> f64 {
        if self.everything {
            return 1.0;
        }
        similarity_bound(
            &self.ranked[self.elements[i].clone()],
            &self.ranked[self.elements[j].clone()],
        )
    }

    /// Fills `found` with the earlier eligible pieces that may repeat
    /// piece `j`, in order; then indexes `j` for the pieces after it.
    fn take(&mut self, j: usize, found: &mut Vec<usize>) {
        found.clear();
        if self.everything {
            found.extend_from_slice(&self.seen);
            self.seen.push(j);
            return;
        }
        let n = self.lengths[j];
        let prefix = self.prefixes[j].clone();
        for (p, &element) in self.ranked[prefix.clone()].iter().enumerate() {
            let mut next = self.heads[element as usize];
            while next != NO_POSTING {
                let Posting {
                    piece,
                    position,
                    previous,
                } = self.postings[next as usize];
                next = previous;
                let (i, q) = (piece as usize, position as usize);
                let m = self.lengths[i];
                let (last, count) = &mut self.counts[i];
                if *last != j {
                    *last = j;
                    // Lengths too far apart for the threshold, whatever
                    // they share.
                    let fits = 2 * m.min(n) >= ceil_overlap(self.threshold, m + n);
                    *count = fits.then_some(0);
                    if fits {
                        found.push(i);
                    }
                }
                if let Some(shared) = count {
                    *shared += 1;
                    // The words after these two can add at most this many.
                    let rest = n.saturating_sub(p + 1).min(m.saturating_sub(q + 1));
                    if 2 * (*shared + rest) < ceil_overlap(self.threshold, m + n) {
                        *count = None;
                    }
                }
            }
        }
        for (p, &element) in self.ranked[prefix].iter().enumerate() {
            let head = &mut self.heads[element as usize];
            let previous = std::mem::replace(head, self.postings.len() as u32);
            self.postings.push(Posting {
                piece: j as u32,
                position: p as u32,
                previous,
            });
        }
        found.retain(|&i| self.counts[i].1.is_some());
        found.sort_unstable();
    }
}

/// The elements (word, occurrence) of the eligible pieces of a document,
/// numbered in the order they first come, and how many pieces hold each.
struct Elements {
    /// The element of each word of [`Pieces::tokens`].
    list: Vec<u32>,
    /// How many pieces hold each element.
    frequency: Vec<u32>,
}

/// What [`Elements::of`] knows of a word of the document.
#[derive(Clone, Copy)]
struct WordState {
    /// The element of its first occurrence in a piece.
    first: u32,
    /// The piece it was last seen in, and the element of its occurrence
    /// there.
    piece: u32,
    current: u32,
}

impl Elements {
    /// Numbers the words of the eligible pieces as elements: the `o`-th
    /// occurrence of a word in a piece is element (word, `o`), the same in
    /// every piece.
    fn of(pieces: &Pieces) -> Elements {
        let mut table = WordTable::with_room_for(pieces.tokens.len());
        let mut states: Vec<WordState> = Vec::new();
        // The element of each word's next occurrence after an element, or
        // `NO_POSTING`.
        let mut next: Vec<u32> = Vec::new();
        let mut elements = Elements {
            list: Vec::with_capacity(pieces.tokens.len()),
            frequency: Vec::new(),
        };
        let new_element = |next: &mut Vec<u32>, frequency: &mut Vec<u32>| {
            next.push(NO_POSTING);
            frequency.push(0);
            (frequency.len() - 1) as u32
        };
        for (k, piece) in pieces.list.iter().enumerate() {
            let k = k as u32;
            for &id in &pieces.tokens[piece.words.clone()] {
                let (word, new) = table.number(id);
                if new {
                    let first = new_element(&mut next, &mut elements.frequency);
                    states.push(WordState {
                        first,
                        piece: NO_POSTING,
                        current: first,
                    });
                }
                let state = &mut states[word as usize];
                let element = if state.piece == k {
                    let mut element = next[state.current as usize];
                    if element == NO_POSTING {
                        element = new_element(&mut next, &mut elements.frequency);
                        next[state.current as usize] = element;
                    }
                    element
                } else {
                    state.piece = k;
                    state.first
                };
                state.current = element;
                elements.frequency[element as usize] += 1;
                elements.list.push(element);
            }
        }
        elements
    }
}

/// The numbers of the words of a document: an open hash table with linear
/// probing, keyed by the word's id (already a hash), growing at half full.
/// A slot holds only a number, the ids being kept in order of number: a
/// table of four bytes a slot costs less to clear than one that holds the
/// ids.
struct WordTable {
    /// Each word's number + 1, or 0 for a free slot.
    slots: Vec<u32>,
    /// The id of each word, by number.
    ids: Vec<u64>,
}

impl WordTable {
    /// A table that holds `words` words without growing, for a document
    /// of that many words in all (most of them repeats).
    fn with_room_for(words: usize) -> WordTable {
        WordTable {
            slots: vec![0; words.next_power_of_two().max(16)],
            ids: Vec::new(),
        }
    }

    /// The number of word `id`, and whether it is new: the one it was
    /// given, or for a new word the number of words before it.
    fn number(&mut self, id: u64) -> (u32, bool) {
        if 2 * (self.ids.len() + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = Self::slot(id) & mask;
        loop {
            let number = self.slots[at];
            if number == 0 {
                let fresh = self.ids.len() as u32;
                self.slots[at] = fresh + 1;
                self.ids.push(id);
                return (fresh, true);
            }
            if self.ids[number as usize - 1] == id {
                return (number - 1, false);
            }
            at = (at + 1) & mask;
        }
    }

    /// Where a word's search starts, before masking: the high bits of a
    /// multiplication.
    fn slot(id: u64) -> usize {
        (id.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize
    }

    /// Doubles the table.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.slots = vec![0; size];
        let mask = size - 1;
        for (number, &id) in self.ids.iter().enumerate() {
            let mut at = Self::slot(id) & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = number as u32 + 1;
        }
    }
}

/// Twice the overlap two pieces of `total` words in all need to reach
/// `threshold`, rounded up, with a little slack against rounding: a bound
/// that is too low only lets more pairs through to the exact comparison.
fn ceil_overlap(threshold: f64, total: usize) -> usize {
    (threshold * total as f64 - 1e-9).ceil().max(0.0) as usize
}

/// The fewest words of a piece of `n` words that a piece similar to it
/// shares with it.
fn min_overlap(threshold: f64, n: usize) -> usize {
    (threshold * n as f64 / (2.0 - threshold) - 1e-9)
        .ceil()
        .max(0.0) as usize
}

/// How alike two word sequences are, from 0 to 1: twice the length of
/// their longest common subsequence over the sum of their lengths. This is
/// the ratio of Python's `difflib.SequenceMatcher`, computed exactly (no
/// junk heuristics): the share of the words that the two say in the same
/// order. Rewording keeps it high (`is hunting` / `is looking for`);
/// reordering clauses lowers it, and two sentences that merely share
/// vocabulary score low.
pub fn similarity<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    // One row of the usual dynamic programme, over the shorter sequence.
    let mut row = vec![0u32; short.len() + 1];
    for x in long {
        let mut diagonal = 0;
        for (k, y) in short.iter().enumerate() {
            let above = row[k + 1];
            row[k + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[k])
            };
            diagonal = above;
        }
    }
    2.0 * f64::from(row[short.len()]) / (a.len() + b.len()) as f64
}

/// An upper bound of [`similarity`] from the words two sorted sequences
/// share, in any order; cheap enough to rule most pairs out.
fn similarity_bound<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Whether each of two sorted sets of figures has one the other lacks.
fn conflicting_numbers<T: Ord>(a: &[T], b: &[T]) -> bool {
    let lacks = |x: &[T], y: &[T]| x.iter().any(|n| y.binary_search(n).is_err());
    lacks(a, b) && lacks(b, a)
}

/// The number of paragraphs that form the heading: the first (the
/// headline) and those after it, up to [`MAX_HEADING`] in all, that do not
/// end like a sentence (a dek, a kicker).
fn heading_end(doc: &Document<'_>) -> usize {
    let limit = doc.paragraphs.len().min(MAX_HEADING);
    let mut end = limit.min(1);
    while end < limit && !is_terminated(doc.slice(doc.paragraphs[end].span)) {
        end += 1;
    }
    end
}

/// The first words of a unit, white space collapsed, with `…` if cut.
fn excerpt(text: &str) -> String {
    let spans: Vec<Span> = words(text).take(EXCERPT_WORDS + 1).collect();
    let Some(last) = spans.get(EXCERPT_WORDS.min(spans.len()).saturating_sub(1)) else {
        return String::new();
    };
    let mut out = text[..last.end as usize]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if spans.len() > EXCERPT_WORDS {
        out.push_str(" …");
    }
    out
}

/// The 1-based line number of byte `offset`.
fn line_number(doc: &Document<'_>, offset: u32) -> usize {
    doc.lines
        .partition_point(|line| line.start <= offset)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::Random;

    fn words_of(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    #[test]
    fn similarity_is_the_share_of_words_said_in_the_same_order() {
        let a = words_of("the fbi is hunting more than a dozen migrants");
        assert_eq!(similarity(&a, &a), 1.0);
        assert_eq!(similarity(&a, &words_of("nothing in common here")), 0.0);
        // Longest common subsequence `a c d`: 2 * 3 / (4 + 4).
        assert_eq!(
            similarity(&["a", "b", "c", "d"], &["a", "c", "d", "e"]),
            0.75
        );
        // Symmetric, and order matters: the reversed sequence shares one word
        // in order.
        let b = words_of("the fbi is looking for more than a dozen nationals");
        assert_eq!(similarity(&a, &b), similarity(&b, &a));
        assert_eq!(similarity(&["a", "b", "c"], &["c", "b", "a"]), 2.0 / 6.0);
        assert_eq!(similarity::<&str>(&[], &[]), 1.0);
        assert_eq!(similarity(&["a"], &[]), 0.0);
    }

    #[test]
    fn bound_is_never_below_the_similarity() {
        let pairs = [
            ("a b c d e", "e d c b a"),
            ("a a b", "a b b"),
            ("x y z", "x y z w"),
            ("a b", "c d"),
        ];
        for (a, b) in pairs {
            let ids =
                |t: &str| -> Vec<u32> { t.bytes().filter(|c| *c != b' ').map(u32::from).collect() };
            let (a, b) = (ids(a), ids(b));
            let (mut sa, mut sb) = (a.clone(), b.clone());
            sa.sort_unstable();
            sb.sort_unstable();
            assert!(similarity_bound(&sa, &sb) >= similarity(&a, &b));
        }
    }

    #[test]
    fn seed_restatement_scores_about_two_thirds() {
        // Seed 000, lines 5 and 15: the same claim, reworded.
        let earlier = "The FBI is looking for more than a dozen Uzbek nationals who were allowed to enter the US after seeking asylum at the southern border after it was found they traveled with the aid of an ISIS-affiliated trafficker, according to a report Tuesday.";
        let later = "The FBI is looking for more than a dozen Uzbek nationals who have applied for asylum at the southern border after it emerged they traveled with the help of an ISIS-linked human trafficker";
        let tokens =
            |t: &str| -> Vec<String> { words(t).map(|w| t[w.range()].to_lowercase()).collect() };
        let score = similarity(&tokens(earlier), &tokens(later));
        assert!((0.68..0.69).contains(&score), "{score}");
    }

    #[test]
    fn candidates_include_every_pair_that_can_reach_the_threshold() {
        // Pieces of 0 to 19 words over a small vocabulary, from a fixed
        // linear congruential sequence: many pairs share words, some
        // reach each threshold.
        let mut state = 12345u64;
        let mut next = |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            (state >> 33) % n
        };
        let mut pieces = Pieces::default();
        for _ in 0..300 {
            for _ in 0..next(20) {
                pieces.push_word(next(30), false);
            }
            pieces.end_piece(Span::new(0, 0), 0, 0, next(10) != 0);
        }
        let eligible = |k: usize| pieces.list[k].eligible;
        let sorted = sorted_tokens(&pieces);
        for threshold in [1.0, 0.9, 0.65, 0.3, 0.0] {
            let mut candidates = Candidates::new(&pieces, threshold);
            let mut found = Vec::new();
            for j in (0..pieces.len()).filter(|&j| eligible(j)) {
                candidates.take(j, &mut found);
                let needed: Vec<usize> = (0..j)
                    .filter(|&i| {
                        eligible(i) && similarity_bound(&sorted[i], &sorted[j]) >= threshold
                    })
                    .collect();
                for i in &needed {
                    assert!(found.contains(i), "{threshold}: {i} and {j} missed");
                }
                assert!(found.windows(2).all(|w| w[0] < w[1]), "in order, once");
                assert!(found.iter().all(|&i| i < j && eligible(i)));
            }
        }
    }

    /// Each piece's word ids, sorted: what the bound was first computed
    /// from.
    fn sorted_tokens(pieces: &Pieces) -> Vec<Vec<u64>> {
        (0..pieces.len())
            .map(|k| {
                let mut sorted = pieces.tokens(k).to_vec();
                sorted.sort_unstable();
                sorted
            })
            .collect()
    }

    #[test]
    fn bounds_from_ranks_are_the_bounds_from_sorted_words() {
        // Documents of random pieces over vocabularies from two words (a
        // word repeated many times in a piece) to thousands (a table that
        // fills up), some pieces without words or not eligible.
        let mut random = Random(0x5EED_2024);
        let mut pairs = 0;
        for _ in 0..60 {
            let vocabulary = [2, 5, 30, 300, 5000][random.below(5)];
            let mut pieces = Pieces::default();
            for _ in 0..random.below(120) {
                for _ in 0..random.below(40) {
                    // Ids that differ in their high bits only, as well.
                    let word = random.below(vocabulary) as u64;
                    pieces.push_word(word << (word % 3 * 20), false);
                }
                pieces.end_piece(Span::new(0, 0), 0, 0, random.below(8) != 0);
            }
            let sorted = sorted_tokens(&pieces);
            let candidates = Candidates::new(&pieces, 0.65);
            for j in (0..pieces.len()).filter(|&j| pieces.list[j].eligible) {
                let ranked = &candidates.ranked[candidates.elements[j].clone()];
                assert_eq!(ranked.len(), pieces.tokens(j).len());
                assert!(ranked.windows(2).all(|w| w[0] < w[1]), "{ranked:?}");
                for i in (0..j).filter(|&i| pieces.list[i].eligible) {
                    assert_eq!(
                        candidates.bound(i, j),
                        similarity_bound(&sorted[i], &sorted[j]),
                        "{:?} {:?}",
                        pieces.tokens(i),
                        pieces.tokens(j)
                    );
                    pairs += 1;
                }
            }
            // Without a threshold, nothing is ruled out.
            assert_eq!(Candidates::new(&pieces, 0.0).bound(0, 0), 1.0);
        }
        assert!(pairs > 10_000, "enough pairs compared: {pairs}");
    }

    #[test]
    fn elements_number_each_occurrence_of_a_word() {
        let mut random = Random(99);
        for _ in 0..200 {
            let mut pieces = Pieces::default();
            for _ in 0..random.below(30) {
                for _ in 0..random.below(12) {
                    pieces.push_word(random.below(6) as u64, false);
                }
                pieces.end_piece(Span::new(0, 0), 0, 0, random.below(5) != 0);
            }
            let elements = Elements::of(&pieces);
            // The same (word, occurrence) is the same element everywhere,
            // and different ones are different elements.
            let mut seen: HashMap<(u64, usize), u32> = HashMap::new();
            let mut holders: HashMap<u32, Vec<usize>> = HashMap::new();
            for k in 0..pieces.len() {
                let words = pieces.list[k].words.clone();
                for (at, &id) in pieces.tokens(k).iter().enumerate() {
                    let occurrence = pieces.tokens(k)[..at].iter().filter(|&&w| w == id).count();
                    let element = elements.list[words.start + at];
                    assert_eq!(*seen.entry((id, occurrence)).or_insert(element), element);
                    holders.entry(element).or_default().push(k);
                }
            }
            let distinct: std::collections::HashSet<u32> = seen.values().copied().collect();
            assert_eq!(distinct.len(), seen.len());
            assert_eq!(elements.frequency.len(), seen.len());
            for (element, pieces) in holders {
                assert_eq!(elements.frequency[element as usize] as usize, pieces.len());
            }
        }
    }

    /// The repeated pairs as `RepeatedWords::check` found them before
    /// [`each_repeated_pair`]: every word collected, and each pair tested
    /// with its neighbours.
    fn repeated_pairs_reference(text: &str) -> Vec<usize> {
        let spans: Vec<Span> = words(text).collect();
        let repeated = |k: usize| {
            k + 1 < spans.len()
                && same_word(&text[spans[k].range()], &text[spans[k + 1].range()])
                && is_plain_gap(&text[spans[k].end as usize..spans[k + 1].start as usize])
        };
        (0..spans.len().saturating_sub(1))
            .filter(|&k| repeated(k) && !(k > 0 && repeated(k - 1)) && !repeated(k + 1))
            .collect()
    }

    #[test]
    fn repeated_pairs_match_the_reference() {
        // Short texts over a few words that are the same but for case (in
        // and out of ASCII) and separators that do and do not make a plain
        // gap, from a fixed linear congruential sequence: runs of two,
        // three and more are frequent.
        let vocabulary = [
            "the",
            "The",
            "THE",
            "a",
            "A",
            "über",
            "Über",
            "ÜBER",
            "1",
            "İs",
            "i\u{307}s",
            "x",
        ];
        let gaps = [
            " ", "  ", "\n", "\n\n", ", ", " \r\n ", "\r\r", "-", "\u{2019}", "\t",
        ];
        let mut state = 2024u64;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            (state >> 33) as usize % n
        };
        let mut pairs = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for k in 0..next(12) {
                if k > 0 || next(3) == 0 {
                    text.push_str(gaps[next(gaps.len())]);
                }
                // Mostly the first few words, so that runs are frequent.
                let limit = 4 + next(vocabulary.len() - 3);
                text.push_str(vocabulary[next(limit)]);
            }
            let spans: Vec<Span> = words(&text).collect();
            let mut found = Vec::new();
            each_repeated_pair(&text, |k, first, second| {
                assert_eq!((first, second), (spans[k], spans[k + 1]), "{text:?}");
                found.push(k);
            });
            assert_eq!(found, repeated_pairs_reference(&text), "{text:?}");
            pairs += found.len();
        }
        assert!(pairs > 1000, "the texts repeat words often enough: {pairs}");
    }

    #[test]
    fn scanned_words_are_the_document_words_with_folded_hashes() {
        // Random text over characters that start, continue, join and end
        // words, in and out of ASCII, from a fixed linear congruential
        // sequence.
        let alphabet = [
            "a", "B", "z", "Q", "7", "0", "'", "-", ".", " ", "\n", ",", "\u{2019}", "é", "Ü", "İ",
            "\u{212A}", "ß", "—", "“", "”", "\u{307}", "😀", "٣", "\t", "/",
        ];
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            (state >> 33) as usize % n
        };
        let mut count = 0;
        for _ in 0..20_000 {
            let length = next(40);
            let text: String = (0..length)
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let expected: Vec<(Span, u64, bool)> = words(&text)
                .map(|w| {
                    let word = &text[w.range()];
                    (
                        w,
                        folded_hash(word),
                        word.bytes().any(|b| b.is_ascii_digit()),
                    )
                })
                .collect();
            let mut scanned = Vec::new();
            scan_words(&text, |id, figure| scanned.push((id, figure)));
            assert!(
                scanned.iter().eq(expected
                    .iter()
                    .map(|e| (e.1, e.2))
                    .collect::<Vec<_>>()
                    .iter()),
                "{text:?}"
            );
            let mut spans = Vec::new();
            word_bounds(&text, |start, end| spans.push(Span::new(start, end)));
            assert!(spans.iter().eq(expected.iter().map(|e| &e.0)), "{text:?}");
            count += spans.len();
        }
        assert!(count > 20_000, "the texts have words enough: {count}");
        // The Kelvin sign lowercases to an ASCII `k`.
        let ids = |text: &str| {
            let mut ids = Vec::new();
            scan_words(text, |id, _| ids.push(id));
            ids
        };
        assert_eq!(ids("\u{212A}ilo"), ids("KILO"));
    }

    #[test]
    fn alphanumeric_runs_end_where_the_bytes_say() {
        // Random bytes, mostly letters and digits so that runs cross the
        // eight-byte steps, and every byte value now and then.
        let mut random = Random(0xA1FA_0042);
        for _ in 0..20_000 {
            let bytes: Vec<u8> = (0..random.below(40))
                .map(|_| match random.below(4) {
                    0 => random.below(256) as u8,
                    _ => b"aZ09mQ.z-A9"[random.below(11)],
                })
                .collect();
            for at in 0..=bytes.len() {
                let expected = at
                    + bytes[at..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                assert_eq!(alphanumeric_run_end(&bytes, at), expected, "{bytes:?} {at}");
            }
        }
    }

    #[test]
    fn pieces_keep_their_own_words() {
        let mut pieces = Pieces::default();
        for (ids, eligible) in [
            (&[3, 1, 3][..], true),
            (&[7, 8], false),
            (&[], true),
            (&[2, 2, 1], true),
        ] {
            for &id in ids {
                pieces.push_word(id, id != 1);
            }
            pieces.end_piece(Span::new(0, 0), 0, 0, eligible);
        }
        assert_eq!(pieces.tokens(0), [3, 1, 3]);
        assert_eq!(pieces.numbers(0), [3]);
        assert!(pieces.tokens(1).is_empty() && pieces.numbers(1).is_empty());
        assert!(pieces.tokens(2).is_empty());
        assert_eq!(pieces.tokens(3), [2, 2, 1]);
        assert_eq!(pieces.numbers(3), [2]);
    }

    #[test]
    fn word_numbers_are_kept_as_the_table_grows() {
        let mut table = WordTable::with_room_for(0);
        // Ids that differ in their low bits only, and in their high bits
        // only: past several doublings.
        let ids: Vec<u64> = (1..=3000u64).flat_map(|id| [id, id << 40]).collect();
        for (number, &id) in ids.iter().enumerate() {
            assert_eq!(table.number(id), (number as u32, true));
        }
        for (number, &id) in ids.iter().enumerate() {
            assert_eq!(table.number(id), (number as u32, false));
        }
        assert_eq!(table.ids, ids);
    }

    #[test]
    fn gaps_allow_one_line_break_only() {
        assert!(is_plain_gap(" "));
        assert!(is_plain_gap("\n"));
        assert!(is_plain_gap(" \r\n  "));
        assert!(!is_plain_gap(""));
        assert!(!is_plain_gap("\n\n"));
        assert!(!is_plain_gap("\r\r"));
        assert!(!is_plain_gap(", "));
    }

    #[test]
    fn conflicting_numbers_need_a_figure_on_each_side() {
        assert!(conflicting_numbers(&[1, 2], &[1, 3]));
        assert!(!conflicting_numbers(&[1], &[1, 3]));
        assert!(!conflicting_numbers(&[], &[3]));
    }

    #[test]
    fn excerpts_cut_after_six_words() {
        assert_eq!(
            excerpt("The FBI is looking\nfor more than a dozen"),
            "The FBI is looking for more …"
        );
        assert_eq!(excerpt("Two short words."), "Two short words");
        assert_eq!(excerpt("..."), "");
    }
}
