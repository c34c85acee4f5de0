//! `sentence`: sentences of a certain shape must contain something.
//!
//! ## What it does
//! For each sentence matching `when`, the regex `require` must match
//! somewhere in the same sentence; otherwise the whole sentence is flagged.
//! This catches fragments such as an outlet name left without its verb
//! ("CNN in a statement.").
//!
//! ## Options
//! - `when`: regex selecting the sentences to check (`^` anchors at the
//!   sentence start).
//! - `require`: regex that must match within a selected sentence
//!   (required unless `require_verb` is set).
//! - `require_verb`: a selected sentence must have a verb, as the small
//!   part-of-speech lexicon of [`super::verbs`] reads it (default false).
//!   With `require` too, either will do.
//! - `after`: optional regex; only sentences that follow, in the same
//!   paragraph, a sentence matching it are checked (`said\.$`: what
//!   follows an attribution).
//! - `unless`: optional regex; a selected sentence matching it is skipped.
//! - `min_words`: skip sentences with fewer words (default 1);
//!   `max_words`: and with more (default 0, no limit).
//! - `hint` and `hint_note`: when the regex `hint` matches the sentence,
//!   the finding's note is `hint_note` (a template) instead of `note`
//!   (a fragment opening with a news outlet's name says so).
//! - `terminated_only`: check only sentences ending in `.`, `!`, `?` or
//!   `…`, which leaves out headlines, bylines and credit lines (default
//!   false).
//! - `scope`: `sentence` (default, every sentence), `outside-quotes`
//!   (sentences that are not inside a quotation) or `inside-quotes` (only
//!   sentences inside one).
//!
//! Templates may use `{sentence}`, `{when}` (the text `when` matched) and
//! named groups of `when`.

use crate::rule_regex::RuleRegex;
use crate::rules::reader::SpannedStr;
use crate::rules::template::Template;

use super::verbs::has_verb;
use crate::diagnostic::Diagnostic;
use crate::document::{quote_holding, words, Document};
use crate::rules::reader::TableReader;
use crate::rules::KindInfo;
use crate::rules::{compile_regex, RuleHead};
use crate::source::FileId;

pub const INFO: KindInfo = KindInfo {
    name: "sentence",
    summary: "sentences matching `when` must also match `require`",
    options: &[
        "when",
        "require",
        "require_verb",
        "after",
        "unless",
        "min_words",
        "max_words",
        "hint",
        "hint_note",
        "terminated_only",
        "scope",
    ],
};

#[derive(Debug)]
pub struct SentenceCheck {
    when: RuleRegex,
    require: Option<RuleRegex>,
    require_verb: bool,
    // Boxed, as rarely set: kinds are variants of one enum, kept small.
    after: Option<Box<RuleRegex>>,
    unless: Option<RuleRegex>,
    min_words: usize,
    max_words: usize,
    hint: Option<Box<(RuleRegex, Template)>>,
    terminated_only: bool,
    quotes: QuoteFilter,
}

/// Which sentences a sentence rule reads, by their place in quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum QuoteFilter {
    All,
    Outside,
    Inside,
}

pub fn compile(reader: &mut TableReader<'_, '_>, source: &str) -> Option<SentenceCheck> {
    let when = reader.required_string("when", "the regex selecting sentences to check");
    let require_verb = reader.bool("require_verb").unwrap_or(false);
    let require = if require_verb {
        reader.string("require")
    } else {
        reader.required_string("require", "the regex each selected sentence must match")
    };
    let after = reader.string("after");
    let unless = reader.string("unless");
    let min_words = reader.count("min_words").unwrap_or(1);
    let max_words = reader.count("max_words").unwrap_or(0);
    let hint = reader.string("hint");
    let hint_note = reader.string("hint_note");
    let terminated_only = reader.bool("terminated_only").unwrap_or(false);
    let filters = [
        ("sentence", QuoteFilter::All),
        ("outside-quotes", QuoteFilter::Outside),
        ("inside-quotes", QuoteFilter::Inside),
    ];
    let quotes = reader
        .choice("scope", &filters)
        .map(|f| f.unwrap_or(QuoteFilter::All))
        .ok();

    let when = when.and_then(|raw| compile_regex(&raw, source, reader.errors));
    let optional = |raw: Option<SpannedStr>, reader: &mut TableReader<'_, '_>| match raw {
        Some(raw) => compile_regex(&raw, source, reader.errors).map(Some),
        None => Some(None),
    };
    let require = optional(require, reader);
    let after = optional(after, reader);
    let unless = optional(unless, reader);
    let when = when?;
    let hint = match (hint, hint_note) {
        (Some(hint), Some(note)) => {
            let names = placeholders(&when);
            let regex = compile_regex(&hint, source, reader.errors);
            let note = Template::parse(&note, source, &names, reader.errors);
            Some(Some(Box::new((regex?, note?))))
        }
        (None, None) => Some(None),
        (Some(raw), None) | (None, Some(raw)) => {
            reader.errors.error_with_help(
                raw.span,
                "`hint` and `hint_note` go together",
                "set alone",
                "give both: the regex that picks the sentences, and the note they get",
            );
            None
        }
    };
    Some(SentenceCheck {
        when,
        require: require?,
        require_verb,
        after: after?.map(Box::new),
        unless: unless?,
        min_words,
        max_words,
        hint: hint?,
        terminated_only,
        quotes: quotes?,
    })
}

impl SentenceCheck {
    pub fn placeholders(&self) -> Vec<String> {
        placeholders(&self.when)
    }

    pub fn check(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let quotes = doc.quotes_of_paragraph(sentence.paragraph);
            let quoted = quote_holding(quotes, sentence.span, |q| q.inner).is_some();
            let wanted = match self.quotes {
                QuoteFilter::All => true,
                QuoteFilter::Outside => !quoted,
                QuoteFilter::Inside => quoted,
            };
            if !wanted {
                continue;
            }
            let text = doc.slice(sentence.span);
            // The paragraph's characters choose each regex's form.
            let characters = doc.characters(sentence.span);
            let Some(selected) = self.when.for_characters(characters).captures_at(text, 0) else {
                continue;
            };
            if self.terminated_only && !is_terminated(text) {
                continue;
            }
            let count = words(text).count();
            if count < self.min_words || (self.max_words > 0 && count > self.max_words) {
                continue;
            }
            if let Some(after) = &self.after {
                let previous = index
                    .checked_sub(1)
                    .map(|i| &doc.sentences[i])
                    .filter(|p| p.paragraph == sentence.paragraph);
                let follows = previous
                    .is_some_and(|p| after.for_characters(characters).is_match(doc.slice(p.span)));
                if !follows {
                    continue;
                }
            }
            if self
                .require
                .as_ref()
                .is_some_and(|r| r.for_characters(characters).is_match(text))
                || (self.require_verb && has_verb(text))
                || self
                    .unless
                    .as_ref()
                    .is_some_and(|u| u.for_characters(characters).is_match(text))
            {
                continue;
            }
            let values = |name: &str| match name {
                "sentence" => Some(text),
                "when" => selected.get(0).map(|m| m.as_str()),
                group => selected.name(group).map(|m| m.as_str()),
            };
            let mut diagnostic = rule.report(file, sentence.span, values);
            if let Some((hint, note)) = self.hint.as_deref() {
                if hint.for_characters(characters).is_match(text) {
                    diagnostic.notes = vec![note.render(values)];
                }
            }
            out.push(diagnostic);
        }
    }
}

/// The placeholders of a sentence rule whose `when` is `when`.
fn placeholders(when: &RuleRegex) -> Vec<String> {
    ["sentence", "when"]
        .into_iter()
        .map(str::to_owned)
        .chain(when.capture_names().flatten().map(str::to_owned))
        .collect()
}

/// Whether a sentence ends in terminal punctuation, before any closing
/// quotation marks or brackets.
pub(crate) fn is_terminated(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}
