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
//! - `require`: regex that must match within a selected sentence.
//! - `unless`: optional regex; a selected sentence matching it is skipped.
//! - `min_words`: skip sentences with fewer words (default 1).
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
        "unless",
        "min_words",
        "terminated_only",
        "scope",
    ],
};

#[derive(Debug)]
pub struct SentenceCheck {
    when: RuleRegex,
    require: RuleRegex,
    unless: Option<RuleRegex>,
    min_words: usize,
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
    let require = reader.required_string("require", "the regex each selected sentence must match");
    let unless = reader.string("unless");
    let min_words = reader.count("min_words").unwrap_or(1);
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
    let require = require.and_then(|raw| compile_regex(&raw, source, reader.errors));
    let unless = match unless {
        Some(raw) => Some(compile_regex(&raw, source, reader.errors)?),
        None => None,
    };
    Some(SentenceCheck {
        when: when?,
        require: require?,
        unless,
        min_words,
        terminated_only,
        quotes: quotes?,
    })
}

impl SentenceCheck {
    pub fn placeholders(&self) -> Vec<String> {
        ["sentence", "when"]
            .into_iter()
            .map(str::to_owned)
            .chain(self.when.capture_names().flatten().map(str::to_owned))
            .collect()
    }

    pub fn check(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        for sentence in &doc.sentences {
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
            if self.require.for_characters(characters).is_match(text)
                || self
                    .unless
                    .as_ref()
                    .is_some_and(|u| u.for_characters(characters).is_match(text))
                || words(text).count() < self.min_words
            {
                continue;
            }
            out.push(rule.report(file, sentence.span, |name| match name {
                "sentence" => Some(text),
                "when" => selected.get(0).map(|m| m.as_str()),
                group => selected.name(group).map(|m| m.as_str()),
            }));
        }
    }
}

/// Whether a sentence ends in terminal punctuation, before any closing
/// quotation marks or brackets.
pub(crate) fn is_terminated(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}
