//! Finding who a quotation is attributed to.
//!
//! News copy attributes a quotation with a verb of saying (`said`, `told`,
//! `according to`) and a speaker next to it. The attribution of a
//! quotation is looked for, in order:
//!
//! 1. in the sentences the quotation spans, outside any quotation marks
//!    (`“...,” he said.`, `Mayorkas told MSNBC that “...”`);
//! 2. when the quotation is the whole sentence or paragraph, anywhere else
//!    in its paragraph (`Watson said. “...”`);
//! 3. in a colon just before the quotation, which introduces it
//!    (`shouting: “Get down!”`, the transcript form `Bane: “...”`);
//! 4. when the quotation opens its paragraph and the previous paragraph
//!    ends with a colon (`...released the following statement:`), there;
//! 5. when the quotation opens its paragraph and the previous paragraph
//!    ends inside or with a quotation (a quotation running on over several
//!    paragraphs, or the same speaker going on), in that quotation's
//!    attribution.
//!
//! The attribution's `verb` is the word or mark that attributes: a verb,
//! `according to`, or an introducing colon.
//!
//! The verb list covers the inflections of each verb (`say`, `says`,
//! `said`, `saying`) and document nouns that attribute by themselves
//! (`statement`, `affidavit`). Speakers are the words just before the verb
//! in the same clause, or just after it (`said Mayorkas`).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{words, Document, Quote};
use crate::source::Span;

/// Verbs of saying in all their inflections, and nouns of documents that
/// attribute a quotation (`in a statement`).
pub const DEFAULT_VERBS: &[&str] = &[
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "affidavit",
    "agreed",
    "announce",
    "announced",
    "announces",
    "answer",
    "answered",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "caption",
    "claim",
    "claimed",
    "claims",
    "comment",
    "commented",
    "complained",
    "complaint",
    "conceded",
    "concluded",
    "confirm",
    "confirmed",
    "confirms",
    "continue",
    "continued",
    "continues",
    "cried",
    "declare",
    "declared",
    "declares",
    "describe",
    "described",
    "describes",
    "emphasised",
    "emphasized",
    "explain",
    "explained",
    "explaining",
    "explains",
    "insist",
    "insisted",
    "insists",
    "interview",
    "joked",
    "laughed",
    "letter",
    "mentioned",
    "note",
    "noted",
    "notes",
    "noting",
    "observed",
    "pleaded",
    "pledged",
    "post",
    "posted",
    "posts",
    "predicted",
    "promised",
    "quipped",
    "read",
    "reads",
    "recall",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "remarked",
    "replied",
    "replies",
    "reply",
    "report",
    "reported",
    "reports",
    "respond",
    "responded",
    "responds",
    "said",
    "say",
    "saying",
    "says",
    "screamed",
    "shouted",
    "sobbed",
    "speak",
    "speaking",
    "speaks",
    "spoke",
    "spoken",
    "state",
    "stated",
    "statement",
    "states",
    "stating",
    "stressed",
    "stresses",
    "suggested",
    "tell",
    "telling",
    "tells",
    "testified",
    "testifies",
    "testify",
    "told",
    "tweet",
    "tweeted",
    "tweets",
    "urge",
    "urged",
    "urges",
    "vowed",
    "warn",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yelled",
];

static DEFAULT_VERB_SET: LazyLock<VerbSet> = LazyLock::new(|| VerbSet::new(DEFAULT_VERBS));

/// A set of attribution words, matched case-insensitively.
#[derive(Clone, Debug)]
pub struct VerbSet {
    words: HashSet<String>,
}

impl VerbSet {
    pub fn new<S: AsRef<str>>(words: &[S]) -> Self {
        VerbSet {
            words: words.iter().map(|w| w.as_ref().to_lowercase()).collect(),
        }
    }

    /// The built-in list, [`DEFAULT_VERBS`].
    pub fn default_set() -> &'static VerbSet {
        &DEFAULT_VERB_SET
    }

    fn contains(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// The attribution of a quotation: the verb (or `according to`) and, when
/// one can be told, the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub verb: Span,
    pub speaker: Option<Span>,
}

/// Finds the attribution of `doc.quotes[index]` with the given verbs.
pub fn find(doc: &Document<'_>, index: usize, verbs: &VerbSet) -> Option<Attribution> {
    let quote = &doc.quotes[index];
    let text = doc.text();
    let first = quote.sentence;
    let last = doc
        .sentence_at(quote.span.end.saturating_sub(1))
        .unwrap_or(first)
        .max(first);
    let sentences = within_reach(
        text,
        quote,
        Span {
            start: doc.sentences[first].span.start.min(quote.span.start),
            end: doc.sentences[last].span.end.max(quote.span.end),
        },
    );
    if let Some(found) = search(doc, sentences, quote, verbs) {
        return Some(found);
    }
    let paragraph = &doc.paragraphs[quote.paragraph];
    let outside_words = words_outside_quotes(doc, sentences).take(2).count();
    if outside_words <= 1 {
        let area = within_reach(text, quote, paragraph.span);
        if let Some(found) = search(doc, area, quote, verbs) {
            return Some(found);
        }
    }
    if let Some(colon) = introducing_colon(
        text,
        paragraph.span.start as usize,
        quote.span.start as usize,
    ) {
        let speaker = trim_span(
            text,
            last_clause_break(&text[paragraph.span.start as usize..colon.start as usize])
                .map_or(paragraph.span.start as usize, |i| {
                    paragraph.span.start as usize + i
                }),
            colon.start as usize,
        );
        return Some(Attribution {
            verb: colon,
            speaker,
        });
    }
    let opens_paragraph = quote.span.start == paragraph.span.start;
    if !opens_paragraph || quote.paragraph == 0 {
        return None;
    }
    let previous = &doc.paragraphs[quote.paragraph - 1];
    let previous_text = text[previous.span.range()].trim_end();
    if previous_text.ends_with(':') {
        let colon_at = previous.span.start as usize + previous_text.len() - 1;
        let colon = Span::new(colon_at, colon_at + 1);
        return Some(
            search_any(doc, previous.span, verbs).unwrap_or(Attribution {
                verb: colon,
                speaker: None,
            }),
        );
    }
    // The previous paragraph ends inside or with a quotation: the speech
    // goes on.
    // Quotations are in text order: the last one before this paragraph's
    // first is the previous paragraph's last, if it is in that paragraph.
    let last_quote = doc.quotes[..index]
        .partition_point(|q| q.paragraph < quote.paragraph)
        .checked_sub(1)
        .filter(|&i| doc.quotes[i].paragraph == quote.paragraph - 1)?;
    let ends_with_it = doc.quotes[last_quote].span.end >= previous.span.end.saturating_sub(1);
    if ends_with_it {
        return doc.quotes[last_quote].attribution;
    }
    None
}

/// How far from a quotation, in bytes, its attribution is looked for: a
/// verb of saying further away than a few paragraphs' worth of text does
/// not attribute it. The bound keeps the search linear in the size of the
/// text: without it, every quotation of a paragraph (or a sentence) many
/// megabytes long searched all of it, and a long line full of quotations
/// took hours.
const REACH: u32 = 2000;

/// `area` cut to [`REACH`] bytes either side of `quote`, the cut moved
/// inwards to white space so that no word is cut in two.
fn within_reach(text: &str, quote: &Quote, area: Span) -> Span {
    let mut start = area.start.max(quote.span.start.saturating_sub(REACH));
    let mut end = area.end.min(quote.span.end.saturating_add(REACH));
    if start > area.start {
        let from = ceil_char_boundary(text, start as usize);
        start = text[from..quote.span.start as usize]
            .find(char::is_whitespace)
            .map_or(quote.span.start, |i| (from + i) as u32);
    }
    if end < area.end {
        let to = floor_char_boundary(text, end as usize);
        end = text[quote.span.end as usize..to]
            .rfind(char::is_whitespace)
            .map_or(quote.span.end, |i| quote.span.end + i as u32);
    }
    Span { start, end }
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The colon right before a quotation, if one introduces it: the text
/// between the start of the quotation's clause and its opening mark ends
/// with `:`.
fn introducing_colon(text: &str, paragraph_start: usize, quote_start: usize) -> Option<Span> {
    let before = text[paragraph_start..quote_start].trim_end();
    before.ends_with(':').then(|| {
        Span::new(
            paragraph_start + before.len() - 1,
            paragraph_start + before.len(),
        )
    })
}

/// Any attribution word in `area`, outside quotations.
fn search_any(doc: &Document<'_>, area: Span, verbs: &VerbSet) -> Option<Attribution> {
    let probe = Quote {
        span: Span {
            start: area.end,
            end: area.end,
        },
        inner: Span {
            start: area.end,
            end: area.end,
        },
        style: super::QuoteStyle::Curly,
        closed: true,
        paragraph: 0,
        sentence: 0,
        attribution: None,
    };
    search(doc, area, &probe, verbs)
}

/// The attribution word nearest the quotation within `area`, outside
/// quotation marks.
fn search(doc: &Document<'_>, area: Span, quote: &Quote, verbs: &VerbSet) -> Option<Attribution> {
    let text = doc.text();
    let mut best: Option<(u32, Attribution)> = None;
    let candidates: Vec<Span> = words_outside_quotes(doc, area).collect();
    for (i, word) in candidates.iter().enumerate() {
        let written = &text[word.range()];
        // "United States", "The Statement Group": a capitalised word is a
        // name, except `According` opening a sentence.
        if written.starts_with(char::is_uppercase) && written != "According" {
            continue;
        }
        let lower = written.to_lowercase();
        let verb = if lower == "according"
            && candidates
                .get(i + 1)
                .is_some_and(|next| text[next.range()].eq_ignore_ascii_case("to"))
        {
            Span {
                start: word.start,
                end: candidates[i + 1].end,
            }
        } else if verbs.contains(&lower) {
            *word
        } else {
            continue;
        };
        let distance = if verb.end <= quote.span.start {
            quote.span.start - verb.end
        } else {
            verb.start.saturating_sub(quote.span.end)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            let speaker = speaker(doc, area, verb);
            best = Some((distance, Attribution { verb, speaker }));
        }
    }
    best.map(|(_, attribution)| attribution)
}

/// Words of `area` that are not inside any quotation.
fn words_outside_quotes<'d>(doc: &'d Document<'_>, area: Span) -> impl Iterator<Item = Span> + 'd {
    let text = doc.text();
    words(&text[area.range()])
        .map(move |w| w.offset(area.start as usize))
        .filter(move |w| !in_quote(&doc.quotes, *w))
}

/// Whether `word` lies inside one of `quotes`. Quotations are in text
/// order and never overlap (one is open at a time), so only the last one
/// starting at or before the word can hold it: a binary search, not a scan
/// of every quotation, which made a long paragraph full of quotations
/// quadratic.
fn in_quote(quotes: &[Quote], word: Span) -> bool {
    let before = quotes.partition_point(|q| q.span.start <= word.start);
    before > 0 && quotes[before - 1].span.contains(word)
}

/// The speaker next to an attribution verb: the words of the same clause
/// just before it, or else the capitalised words just after it.
fn speaker(doc: &Document<'_>, area: Span, verb: Span) -> Option<Span> {
    let text = doc.text();
    let after_verb = &text[verb.end as usize..area.end as usize];
    let clause_end = verb.end as usize + clause_break(after_verb).unwrap_or(after_verb.len());
    if text[verb.range()].to_lowercase().starts_with("according") {
        return trim_span(text, verb.end as usize, clause_end);
    }
    let before = &text[area.start as usize..verb.start as usize];
    let start = last_clause_break(before).unwrap_or(0);
    let clause_start = area.start as usize + start;
    // Drop trailing adverbs: "a senior official previously told".
    let mut phrase: Vec<Span> = words(&text[clause_start..verb.start as usize])
        .map(|w| w.offset(clause_start))
        .collect();
    while phrase
        .last()
        .is_some_and(|w| text[w.range()].len() > 3 && text[w.range()].ends_with("ly"))
    {
        phrase.pop();
    }
    if let (Some(first), Some(last)) = (phrase.first(), phrase.last()) {
        return Some(Span {
            start: phrase[phrase.len().saturating_sub(6)]
                .start
                .max(first.start),
            end: last.end,
        });
    }
    // "..., said Mayorkas", "stated a senior official": the words after the
    // verb, up to the end of the clause.
    let after: Vec<Span> = words(&text[verb.end as usize..clause_end])
        .map(|w| w.offset(verb.end as usize))
        .take(6)
        .collect();
    Some(Span {
        start: after.first()?.start,
        end: after.last()?.end,
    })
}

/// Whether `c` ends a clause. A period counts only before white space or
/// the end, and not as the last period of a dotted abbreviation (`U.S.`).
fn is_clause_break(text: &str, i: usize, c: char) -> bool {
    match c {
        ',' | ';' | ':' | '“' | '”' | '"' | '—' | '–' | '(' | ')' | '!' | '?' => true,
        '.' => {
            let before: Vec<char> = text[..i].chars().rev().take(2).collect();
            let abbreviation = matches!(before.as_slice(), [letter, '.'] if letter.is_alphabetic());
            !abbreviation && text[i + 1..].chars().next().is_none_or(char::is_whitespace)
        }
        _ => false,
    }
}

/// The offset of the first clause break in `text`.
fn clause_break(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(i, c)| is_clause_break(text, i, c))
        .map(|(i, _)| i)
}

/// The offset just past the last clause break in `text`.
fn last_clause_break(text: &str) -> Option<usize> {
    text.char_indices()
        .rev()
        .find(|&(i, c)| is_clause_break(text, i, c))
        .map(|(i, c)| i + c.len_utf8())
}

fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
}
