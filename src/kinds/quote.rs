//! `quote`: quotations must be attributed, balanced and consistent.
//!
//! ## What it does
//! One of three checks, chosen with `check`:
//! - `attribution` (default): every quotation of at least `min_words`
//!   words needs an attribution — a verb of saying (`said`, `told`,
//!   `according to`, ...) in the sentences it spans, or, for a quotation
//!   that is a whole sentence, in its paragraph or the paragraphs around
//!   it (see [`crate::document::attribution`]). Shorter quoted phrases are
//!   usually terms ("subjects of concern") and are left alone, and so are
//!   quotations in Title Case (titles and names: a song, a fund), teasers
//!   cut off by an ellipsis, and runs of three or more paragraphs that are
//!   each one unattributed quotation (a recording: radio traffic, a 911
//!   call). One finding per paragraph, and per run of unattributed
//!   quotation paragraphs: the quotations after the first go on from it.
//! - `balance`: a quotation mark left open at the end of its paragraph
//!   (unless the next paragraph opens with a quotation mark, the
//!   convention for a quotation running over several paragraphs), and a
//!   closing mark with no opening one.
//! - `style`: marks that do not match within a quotation (`"...”`,
//!   `“...“`, `“...’’`), and straight (`"`) and curly (`“”`) quotations
//!   mixed in one document, where the first quotation in the less used
//!   style is flagged.
//!
//! ## Options
//! - `check`: `attribution`, `balance` or `style`.
//! - `min_words` (attribution): default 4.
//! - `verbs` (attribution): replaces the built-in list of attribution
//!   words; `extra_verbs` adds to it.
//! - `skip_partial` (attribution): leave alone quotations that neither
//!   open their sentence nor follow a colon or comma, or that open with a
//!   lowercase word — fragments woven into the reporter's own sentence
//!   (`calls the situation "the worst in years"`, `recommends leave, "but
//!   it will be up to the chief."`), which paraphrase rather than quote a
//!   speech. Default false.
//!
//! Templates may use `{quote}` (the first words of the quotation),
//! `{problem}` (balance and style: what is wrong), `{minority}` and
//! `{majority}` (style, for mixed documents: `straight` or `curly`).

use crate::diagnostic::{Diagnostic, Label};
use crate::document::attribution::{self, VerbSet, DEFAULT_VERBS};
use crate::document::{is_title_case, words, Document, Quote, QuoteStyle};
use crate::rules::reader::TableReader;
use crate::rules::KindInfo;
use crate::rules::RuleHead;
use crate::source::{FileId, Span};

pub const INFO: KindInfo = KindInfo {
    name: "quote",
    summary: "quotations must be attributed, balanced and in one style",
    options: &["check", "min_words", "verbs", "extra_verbs", "skip_partial"],
};

/// Which quotation check a rule runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    Attribution,
    Balance,
    Style,
}

#[derive(Debug)]
pub struct QuoteCheck {
    check: Check,
    min_words: usize,
    skip_partial: bool,
    /// `None`: the document model's default verbs, already applied.
    verbs: Option<VerbSet>,
}

pub fn compile(reader: &mut TableReader<'_, '_>, _source: &str) -> Option<QuoteCheck> {
    let checks = [
        ("attribution", Check::Attribution),
        ("balance", Check::Balance),
        ("style", Check::Style),
    ];
    let check = reader
        .choice("check", &checks)
        .map(|c| c.unwrap_or(Check::Attribution))
        .ok();
    let min_words = reader.count("min_words").unwrap_or(4);
    let skip_partial = reader.bool("skip_partial").unwrap_or(false);
    let verbs = reader.string_list("verbs");
    let extra = reader.string_list("extra_verbs");
    let verbs = match (verbs, extra) {
        (None, None) => None,
        (base, extra) => {
            let mut list: Vec<String> = match base {
                Some(base) => base.into_iter().map(|v| v.value).collect(),
                None => DEFAULT_VERBS.iter().map(|v| (*v).to_owned()).collect(),
            };
            list.extend(extra.unwrap_or_default().into_iter().map(|v| v.value));
            Some(VerbSet::new(&list))
        }
    };
    Some(QuoteCheck {
        check: check?,
        min_words,
        skip_partial,
        verbs,
    })
}

impl QuoteCheck {
    pub fn placeholders(&self) -> Vec<String> {
        ["quote", "problem", "minority", "majority"]
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    pub fn check(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        match self.check {
            Check::Attribution => self.check_attribution(rule, file, doc, out),
            Check::Balance => check_balance(rule, file, doc, out),
            Check::Style => check_style(rule, file, doc, out),
        }
    }

    fn check_attribution(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        let attributed: Vec<bool> = doc
            .quotes
            .iter()
            .enumerate()
            .map(|(index, quote)| match &self.verbs {
                None => quote.attribution.is_some(),
                Some(verbs) => attribution::find(doc, index, verbs).is_some(),
            })
            .collect();
        let recording = recording_paragraphs(doc, &attributed);
        // The paragraph of the last finding. One per paragraph, since the
        // quotations after the first go on from it (`“...,” a neighbor.
        // “...”`) and one attribution fixes them all; and one per run of
        // paragraphs that are each an unattributed quotation, for the same
        // reason.
        let mut reported: Option<usize> = None;
        for (index, quote) in doc.quotes.iter().enumerate() {
            if attributed[index] || recording[quote.paragraph] {
                continue;
            }
            let opens_paragraph = quote.span.start == doc.paragraphs[quote.paragraph].span.start;
            if reported == Some(quote.paragraph)
                || (opens_paragraph && reported.is_some_and(|p| p + 1 == quote.paragraph))
            {
                reported = Some(quote.paragraph);
                continue;
            }
            let inner = doc.slice(quote.inner);
            if words(inner).count() < self.min_words
                || (self.skip_partial && is_partial(doc, quote))
                || is_title(inner)
                || is_cut_short(doc, quote)
            {
                continue;
            }
            reported = Some(quote.paragraph);
            let opening = opening_words(inner);
            out.push(rule.report(file, quote.span, |name| match name {
                "quote" => Some(opening.as_str()),
                _ => None,
            }));
        }
    }
}

fn check_balance(rule: &RuleHead, file: FileId, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
    for quote in doc.quotes.iter().filter(|q| !q.closed) {
        if continues_in_next_paragraph(doc, quote) {
            continue;
        }
        let paragraph = doc.paragraphs[quote.paragraph].span;
        let mark = Span::new(quote.span.start as usize, quote.inner.start as usize);
        let last_char = doc
            .slice(paragraph)
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
        let end = Span::new(paragraph.end as usize - last_char, paragraph.end as usize);
        let mut diagnostic = rule.report(file, mark, |name| match name {
            "problem" => Some("quotation mark never closed"),
            _ => None,
        });
        if let Some(primary) = diagnostic.primary.as_mut() {
            primary.message = "opens here".to_owned();
        }
        out.push(diagnostic.with_secondary(
            Label::new(file, end).with_message("the paragraph ends without a closing mark"),
        ));
    }
    for &mark in &doc.stray_closing_marks {
        let mut diagnostic = rule.report(file, mark, |name| match name {
            "problem" => Some("closing quotation mark with no opening mark"),
            _ => None,
        });
        if let Some(primary) = diagnostic.primary.as_mut() {
            primary.message = "closes nothing".to_owned();
        }
        out.push(diagnostic);
    }
}

/// Whether an unclosed quotation is the first paragraph of a quotation
/// that runs on: the next paragraph opens with a quotation mark.
fn continues_in_next_paragraph(doc: &Document<'_>, quote: &Quote) -> bool {
    doc.paragraphs
        .get(quote.paragraph + 1)
        .is_some_and(|next| doc.slice(next.span).starts_with(['“', '"']))
}

fn check_style(rule: &RuleHead, file: FileId, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
    for quote in doc.quotes.iter().filter(|q| q.style == QuoteStyle::Mixed) {
        let text = doc.slice(quote.span);
        let open = &text[..(quote.inner.start - quote.span.start) as usize];
        let close = &text[(quote.inner.end - quote.span.start) as usize..];
        let problem = format!("opening `{open}` closed by `{close}`");
        out.push(rule.report(file, quote.span, |name| match name {
            "problem" => Some(problem.as_str()),
            _ => None,
        }));
    }
    let first = |style| doc.quotes.iter().find(|q| q.style == style);
    let count = |style| doc.quotes.iter().filter(|q| q.style == style).count();
    let (straight, curly) = (count(QuoteStyle::Straight), count(QuoteStyle::Curly));
    if straight == 0 || curly == 0 {
        return;
    }
    // The less used style is the slip; on a tie, the later one.
    let (minority, majority, names) = match (first(QuoteStyle::Straight), first(QuoteStyle::Curly))
    {
        (Some(s), Some(c))
            if straight < curly || (straight == curly && s.span.start > c.span.start) =>
        {
            (s, c, ("straight", "curly"))
        }
        (Some(s), Some(c)) => (c, s, ("curly", "straight")),
        _ => return,
    };
    let problem = format!(
        "{} quotation marks in a document that uses {} ones",
        names.0, names.1
    );
    let diagnostic = rule
        .report(file, minority.span, |name| match name {
            "minority" => Some(names.0),
            "majority" => Some(names.1),
            "problem" => Some(problem.as_str()),
            _ => None,
        })
        .with_secondary(
            Label::new(file, majority.span)
                .with_message(format!("{} quotation marks are used here", names.1)),
        )
        .with_note(format!(
            "this document has {curly} curly and {straight} straight quotation{}",
            if curly + straight == 1 { "" } else { "s" }
        ));
    out.push(diagnostic);
}

/// Whether a quotation is the title or name of something (a fund, a song,
/// a slogan: `“Funeral Fund for Little David”`) rather than speech: a few
/// words in Title Case.
fn is_title(inner: &str) -> bool {
    is_title_case(inner, 1, 8)
}

/// How many paragraphs in a row, each nothing but an unattributed
/// quotation, make a transcript of a recording rather than speech.
const RECORDING_RUN: usize = 3;

/// The paragraphs of runs of [`RECORDING_RUN`] or more paragraphs that are
/// each nothing but one quotation, none of them attributed: the lines of
/// a recording (radio traffic during a shooting, a 911 call) that the
/// page introduces as a whole (`the calls for help as the shooting
/// unfolds`), not speeches that each need a speaker.
fn recording_paragraphs(doc: &Document<'_>, attributed: &[bool]) -> Vec<bool> {
    let quote_alone: Vec<bool> = (0..doc.paragraphs.len())
        .map(|index| {
            let paragraph = doc.paragraphs[index].span;
            let from = doc.quotes.partition_point(|q| q.paragraph < index);
            match doc.quotes_of_paragraph(index) {
                [quote] => {
                    !attributed[from]
                        && quote.closed
                        && quote.span.start == paragraph.start
                        && doc
                            .slice(Span::new(quote.span.end as usize, paragraph.end as usize))
                            .trim()
                            .is_empty()
                }
                _ => false,
            }
        })
        .collect();
    let mut recording = vec![false; quote_alone.len()];
    let mut start = 0;
    while start < quote_alone.len() {
        let end = (start..quote_alone.len())
            .find(|&i| !quote_alone[i])
            .unwrap_or(quote_alone.len());
        if end - start >= RECORDING_RUN {
            recording[start..end].fill(true);
        }
        start = end + 1;
    }
    recording
}

/// Whether a quotation is an excerpt cut short, with its attribution:
/// never closed, and its paragraph ends in an ellipsis (a teaser, `...
/// “We decided to waive the hearing being that the facts of...`).
fn is_cut_short(doc: &Document<'_>, quote: &Quote) -> bool {
    let paragraph = doc.slice(doc.paragraphs[quote.paragraph].span).trim_end();
    !quote.closed && (paragraph.ends_with('…') || paragraph.ends_with("..."))
}

/// Whether a quotation is woven into its sentence: words come before it
/// in the sentence and no colon or comma introduces it, or it opens with
/// a lowercase word, going on with the reporter's sentence (`officials
/// recommend leave, “but it will be up to the chief.”`).
fn is_partial(doc: &Document<'_>, quote: &Quote) -> bool {
    if doc
        .slice(quote.inner)
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_lowercase)
    {
        return true;
    }
    let sentence = doc.sentences[quote.sentence].span;
    if quote.span.start <= sentence.start {
        return false;
    }
    let before = doc
        .slice(Span {
            start: sentence.start,
            end: quote.span.start,
        })
        .trim_end();
    words(before).next().is_some() && !before.ends_with([':', ','])
}

/// The first words of a quotation, for messages: up to eight words, with
/// an ellipsis if there are more.
fn opening_words(text: &str) -> String {
    let spans: Vec<Span> = words(text).collect();
    match spans.get(8) {
        Some(_) => format!("{}…", text[..spans[7].end as usize].trim_end()),
        None => text.trim().to_owned(),
    }
}
