//! Finding who a quotation is attributed to.
//!
//! News copy attributes a quotation with a verb of saying (`said`, `told`,
//! `according to`) and a speaker next to it, but edited copy also names
//! the speaker once and lets the quotations follow, or names them in the
//! paragraph before. A survey of 1,972 scraped articles
//! (`../shared/corpus/PITFALLS.md`, and `docs/accuracy.md` for the 144
//! quotations an earlier version missed) found each of the ways below.
//! The attribution of a quotation is looked for, in order:
//!
//! 1. a transcript label in brackets inside it (`“[Caller: ...]”`);
//! 2. in the sentences the quotation spans, outside any quotation marks
//!    (`“...,” he said.`, `Mayorkas told MSNBC that “...”`, `Said Shaun
//!    Washington, “...”`, `Yanez said.All seven` run together by a scrape);
//! 3. a dash and a name right after it (`“...” — a neighbor`);
//! 4. when the quotation stands alone as its sentence (no more than one
//!    word of the reporter's around it, or only a phrase going on with it:
//!    `including ...`), anywhere else in its paragraph (`Watson said.
//!    “...”`);
//! 5. in a colon just before the quotation, which introduces it
//!    (`shouting: “Get down!”`, the transcript form `Bane: “...”`);
//! 6. in a clause whose subject is a name or a pronoun and which
//!    introduces it with a comma (`Taylor thanked the police, “...”`);
//! 7. when it opens its sentence, in the nearest attributed quotation
//!    before it in its paragraph (the speaker going on: `“...,” Ruiz said.
//!    “...”`);
//! 8. after a closing mark later in its paragraph that closes nothing: a
//!    quotation inside it in the same marks was misread as its end;
//! 9. in the paragraph before: when the quotation opens its paragraph, a
//!    colon ending that paragraph (`...released the following statement:`)
//!    or an attributed quotation it ends with (a quotation running on over
//!    several paragraphs); when it stands alone, or ends its sentence after
//!    an opening phrase and a comma (`The next day, near the park, “...”`),
//!    any verb of saying in that paragraph if it is prose, or a subject
//!    already quoted (`Johnson wasn't quick enough.`, or `he`/`she`);
//! 10. when it stands alone, in the first sentence of the next prose
//!     paragraph (`Albery too remarked ...`).
//!
//! The attribution's `verb` is the word or mark that attributes: a verb,
//! `according to`, an introducing colon, comma or dash, a transcript
//! label's colon, or the speaker's name when only the name attributes.
//!
//! The verb list covers the inflections of each verb (`say`, `says`,
//! `said`, `saying`), verbs of speaking aloud (`yelled`, `hollering`),
//! `can be heard`, and document nouns that attribute by themselves
//! (`statement`, `affidavit`, `editorial`). Speakers are the words just
//! before the verb in the same clause, or just after it (`said Mayorkas`).
//!
//! Every search stays within `REACH` bytes of the quotation, so reading
//! a document stays linear in its size.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::{words, Document, Quote, Role};
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
    "addressed",
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
    "called",
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
    "editorial",
    "emphasised",
    "emphasized",
    "explain",
    "explained",
    "explaining",
    "explains",
    "headline",
    "hollered",
    "hollering",
    "indicate",
    "indicated",
    "indicates",
    "informed",
    "insist",
    "insisted",
    "insists",
    "interview",
    "joked",
    "lament",
    "lamented",
    "laments",
    "laugh",
    "laughed",
    "laughs",
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
    "questioned",
    "quipped",
    "read",
    "reads",
    "recall",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "remarked",
    "remember",
    "remembered",
    "remembers",
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
    "scream",
    "screamed",
    "screaming",
    "screams",
    "shared",
    "shout",
    "shouted",
    "shouting",
    "shouts",
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
    "thanked",
    "thanking",
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
    "wondering",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yell",
    "yelled",
    "yelling",
    "yells",
];

pub(super) static DEFAULT_VERB_SET: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(DEFAULT_VERBS));

/// A set of attribution words, matched case-insensitively.
#[derive(Clone, Debug)]
pub struct VerbSet {
    /// Lowercase.
    words: FxHashSet<String>,
    /// The byte lengths of the words, as bits (the last for 63 or more):
    /// most words of copy have a length no verb has, or are asked about
    /// before any look-up.
    lengths: u64,
}

impl VerbSet {
    pub fn new<S: AsRef<str>>(words: &[S]) -> Self {
        let words: FxHashSet<String> = words.iter().map(|w| w.as_ref().to_lowercase()).collect();
        let lengths = words.iter().fold(0, |bits, w| bits | length_bit(w.len()));
        VerbSet { words, lengths }
    }

    /// The built-in list, [`DEFAULT_VERBS`].
    pub fn default_set() -> &'static VerbSet {
        &DEFAULT_VERB_SET
    }

    /// Whether the set holds `lower`, a lowercased word.
    fn contains(&self, lower: &str) -> bool {
        self.lengths & length_bit(lower.len()) != 0 && self.words.contains(lower)
    }
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// `word` lowercased, borrowed when it has no capital to lower (most
/// words of copy).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
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
///
/// Quotations earlier in the document must already carry their
/// attribution ([`Quote::attribution`], found with the default verbs): a
/// quotation that goes on from an earlier one takes its attribution.
pub fn find(doc: &Document<'_>, index: usize, verbs: &VerbSet) -> Option<Attribution> {
    let quote = &doc.quotes[index];
    let text = doc.text();
    if let Some(found) = bracketed_speaker(text, quote) {
        return Some(found);
    }
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
    if let Some(found) = dash_attribution(text, quote, paragraph.span) {
        return Some(found);
    }
    // A quotation that is its whole sentence: nothing of the reporter's
    // own, but perhaps a word or a phrase going on with it (`“...,”
    // including a child.`), is around it.
    let outside: Vec<Span> = words_outside_quotes(doc, sentences).take(2).collect();
    let stands_alone = outside.len() <= 1
        || (outside[0].start >= quote.span.end && CONTINUING.contains(&&text[outside[0].range()]));
    if stands_alone {
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
    if let Some(found) = introducing_subject(doc, quote) {
        return Some(found);
    }
    // A quotation opening its sentence after an attributed one in the same
    // paragraph: the speaker goes on (`“...,” Ruiz said. “...”`).
    if quote.span.start <= doc.sentences[quote.sentence].span.start {
        let reach = quote.span.start.saturating_sub(REACH);
        let earlier = doc.quotes[..index]
            .iter()
            .rev()
            .take_while(|q| q.paragraph == quote.paragraph && q.span.end >= reach)
            .find_map(|q| q.attribution);
        if earlier.is_some() {
            return earlier;
        }
    }
    if let Some(found) = after_stray_mark(doc, quote, verbs) {
        return Some(found);
    }
    // A quotation that ends its sentence after an opening phrase and a
    // comma or colon (`The next day, near the park, “...”`) goes on with
    // what the paragraph before attributed, as a quotation standing alone
    // does.
    let introduced = {
        let sentence = doc.sentences[quote.sentence].span;
        let before = text[sentence.start.min(quote.span.start) as usize..quote.span.start as usize]
            .trim_end();
        before.ends_with([',', ':'])
            && words_outside_quotes(
                doc,
                Span::new(quote.span.end as usize, sentences.end as usize),
            )
            .next()
            .is_none()
    };
    if let Some(found) = previous_paragraph(doc, index, stands_alone || introduced, verbs) {
        return Some(found);
    }
    if stands_alone {
        return next_paragraph(doc, quote, verbs);
    }
    None
}

/// The attribution of a quotation in the paragraph before its own: for a
/// quotation that opens its paragraph, a colon ending the previous one
/// (`...released the following statement:`) or a quotation the previous
/// one ends with (a quotation running on over several paragraphs, or the
/// same speaker going on); for a quotation that stands alone as its
/// sentence in a paragraph with no verb of saying (or that ends its
/// sentence after an opening phrase), any verb of saying in the previous
/// prose paragraph, which introduced the speaker (`Murphy says the father
/// seemed loving.` and then the quotation), or a speaker named there.
fn previous_paragraph(
    doc: &Document<'_>,
    index: usize,
    stands_alone: bool,
    verbs: &VerbSet,
) -> Option<Attribution> {
    let quote = &doc.quotes[index];
    let text = doc.text();
    let paragraph = &doc.paragraphs[quote.paragraph];
    let previous = doc.paragraphs.get(quote.paragraph.checked_sub(1)?)?;
    // Only the copy names a speaker: a caption, a share bar or a link
    // label before a quotation attributes nothing, even when it ends in a
    // colon or a quotation of its own.
    if previous.role != Role::Prose {
        return None;
    }
    let opens_paragraph = quote.span.start == paragraph.span.start;
    if opens_paragraph {
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
        // The previous paragraph ends inside or with a quotation: the
        // speech goes on. Quotations are in text order: the last one
        // before this paragraph's first is the previous paragraph's last,
        // if it is in that paragraph.
        let last_quote = doc.quotes[..index]
            .partition_point(|q| q.paragraph < quote.paragraph)
            .checked_sub(1)
            .filter(|&i| doc.quotes[i].paragraph == quote.paragraph - 1);
        if let Some(last_quote) = last_quote {
            let ends_with_it =
                doc.quotes[last_quote].span.end >= previous.span.end.saturating_sub(1);
            if ends_with_it && doc.quotes[last_quote].attribution.is_some() {
                return doc.quotes[last_quote].attribution;
            }
        }
    }
    if stands_alone {
        return search_any(doc, within_reach(text, quote, previous.span), verbs)
            .or_else(|| names_a_speaker(doc, index, quote.paragraph - 1));
    }
    None
}

/// Whether a sentence of paragraph `paragraph` has for its subject someone
/// already quoted (`Johnson wasn't quick enough.` after `“...,” Johnson
/// said.`), or a personal pronoun once someone has been quoted (`In
/// September, he plans to retire.`): the speaker named just before a
/// quotation. The subject is the sentence's first word, or the first
/// after an opening phrase set off by a comma; a verb or an adverb
/// (lowercase) must follow it.
fn names_a_speaker(doc: &Document<'_>, index: usize, paragraph: usize) -> Option<Attribution> {
    let text = doc.text();
    let speakers: Vec<&str> = doc.quotes[..index]
        .iter()
        .rev()
        .filter_map(|q| q.attribution?.speaker)
        .take(50)
        .map(|span| &text[span.range()])
        .collect();
    if speakers.is_empty() {
        return None;
    }
    doc.paragraphs[paragraph].sentences.clone().find_map(|i| {
        let sentence = doc.sentences[i].span;
        let written = &text[sentence.range()];
        let opening = written
            .find(", ")
            .filter(|&comma| words(&written[..comma]).count() <= 4)
            .map_or(0, |comma| comma + 2);
        let mut clause = words(&written[opening..]);
        let subject = clause.next()?.offset(sentence.start as usize + opening);
        let next = clause.next()?.offset(sentence.start as usize + opening);
        let name = &text[subject.range()];
        let known = if matches!(name, "He" | "She" | "he" | "she") {
            true
        } else {
            name.starts_with(char::is_uppercase)
                && !NOT_SUBJECTS.contains(&name)
                && speakers
                    .iter()
                    .any(|speaker| words(speaker).any(|w| &speaker[w.range()] == name))
        };
        (known && text[next.range()].starts_with(char::is_lowercase)).then_some(Attribution {
            verb: subject,
            speaker: Some(subject),
        })
    })
}

/// For a quotation standing alone as its sentence, a verb of saying in
/// the first sentence of the next prose paragraph, which names the
/// speaker after the fact (`Albery too remarked how normal ...`).
fn next_paragraph(doc: &Document<'_>, quote: &Quote, verbs: &VerbSet) -> Option<Attribution> {
    let next = doc.paragraphs.get(quote.paragraph + 1)?;
    if next.role != Role::Prose {
        return None;
    }
    let sentence = doc.sentences.get(next.sentences.start)?;
    search_any(doc, within_reach(doc.text(), quote, sentence.span), verbs)
}

/// Words that go on with a sentence after a quotation that stands alone
/// and so name no speaker (`“...,” including a child.`).
const CONTINUING: &[&str] = &[
    "after",
    "and",
    "at",
    "before",
    "but",
    "during",
    "for",
    "from",
    "in",
    "including",
    "on",
    "or",
    "while",
    "with",
];

/// Words that open a sentence without being its subject: a quotation
/// introduced by a comma after them has no speaker (`The next day, near
/// the park, “...”`).
const NOT_SUBJECTS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "By",
    "During",
    "For",
    "From",
    "If",
    "In",
    "It",
    "Meanwhile",
    "On",
    "Since",
    "So",
    "That",
    "The",
    "Then",
    "There",
    "These",
    "This",
    "Those",
    "Though",
    "Until",
    "When",
    "While",
    "With",
    "Yet",
];

/// A quotation introduced by a comma after a clause whose subject is a
/// name or a pronoun (`Taylor began by thanking the police, “...”`,
/// `Cranley ruled out any link, “...”`): the subject speaks. The clause is
/// the quotation's sentence up to its opening mark; its first word must
/// be capitalised and not an article, a preposition or a conjunction, and
/// its second lowercase (a verb or an adverb, not the rest of a name of a
/// place or a time).
fn introducing_subject(doc: &Document<'_>, quote: &Quote) -> Option<Attribution> {
    let text = doc.text();
    let sentence = doc.sentences[quote.sentence].span;
    if sentence.start >= quote.span.start {
        return None;
    }
    let before = &text[sentence.start as usize..quote.span.start as usize];
    let clause = before.trim_end();
    let comma = clause.strip_suffix(',')?;
    if comma.contains(['“', '”', '"']) {
        return None;
    }
    let mut clause_words = words(comma);
    let first = clause_words.next()?;
    let second = clause_words.next()?;
    let subject = &comma[first.range()];
    let is_subject = subject.starts_with(char::is_uppercase)
        && !NOT_SUBJECTS.contains(&subject)
        && comma[second.range()].starts_with(char::is_lowercase);
    if !is_subject {
        return None;
    }
    let comma_at = sentence.start as usize + comma.len();
    Some(Attribution {
        verb: Span::new(comma_at, comma_at + 1),
        speaker: Some(first.offset(sentence.start as usize)),
    })
}

/// A closing mark later in the paragraph that closes nothing shows that
/// the quotation really went on until it, and a quotation inside it in
/// the same marks was misread as its end (`"The officer heard a shot. K-9
/// "Turbo" caught one of them," said a spokesman.`): the attribution is
/// looked for after such a mark, in the rest of its sentence.
fn after_stray_mark(doc: &Document<'_>, quote: &Quote, verbs: &VerbSet) -> Option<Attribution> {
    let paragraph = doc.paragraphs[quote.paragraph].span;
    let from = doc
        .stray_closing_marks
        .partition_point(|m| m.start < quote.span.end);
    doc.stray_closing_marks[from..]
        .iter()
        .take_while(|m| m.end <= paragraph.end && m.start <= quote.span.end.saturating_add(REACH))
        .find_map(|mark| {
            let sentence = doc.sentence_at(mark.start)?;
            let reach = floor_char_boundary(
                doc.text(),
                (mark.end.saturating_add(REACH) as usize).min(doc.text().len()),
            );
            let end = (doc.sentences[sentence].span.end as usize)
                .min(reach)
                .max(mark.end as usize);
            search_any(doc, Span::new(mark.end as usize, end), verbs)
        })
}

/// The speaker of a transcript line quoted with its label in brackets
/// (`“[Caller: my sister just got shot].”`): the label attributes it.
fn bracketed_speaker(text: &str, quote: &Quote) -> Option<Attribution> {
    let inner = &text[quote.inner.range()];
    let label = inner.strip_prefix('[')?;
    let colon = label.find(':')?;
    let name = &label[..colon];
    let is_label = !name.is_empty()
        && name.len() <= 30
        && !name.contains(']')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    if !is_label {
        return None;
    }
    let name_start = quote.inner.start as usize + 1;
    let colon_at = name_start + colon;
    Some(Attribution {
        verb: Span::new(colon_at, colon_at + 1),
        speaker: trim_span(text, name_start, colon_at),
    })
}

/// A speaker named after a dash that follows the quotation in its
/// paragraph (`“It sounded painful.” — a neighbor who heard it`), the way
/// pull quotes and epigraphs are attributed.
fn dash_attribution(text: &str, quote: &Quote, paragraph: Span) -> Option<Attribution> {
    if !quote.closed {
        return None;
    }
    let after = &text[quote.span.end as usize..paragraph.end as usize];
    let rest = after.trim_start();
    let dash = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | '-'))?;
    let dash_at = quote.span.end as usize + (after.len() - rest.len());
    let name = rest[dash.len_utf8()..].trim_start_matches(['-', ' ']);
    if !name.starts_with(char::is_uppercase) {
        return None;
    }
    let name_start = paragraph.end as usize - name.len();
    let name_end = name_start + clause_break(name).unwrap_or(name.len());
    Some(Attribution {
        verb: Span::new(dash_at, dash_at + dash.len_utf8()),
        speaker: trim_span(text, name_start, name_end),
    })
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
    // `area` may lie wholly before or after the quotation (the paragraph
    // before it) and out of reach.
    if start >= end {
        return Span { start: end, end };
    }
    let from = ceil_char_boundary(text, start as usize);
    let to = floor_char_boundary(text, end as usize);
    if from >= to {
        return Span { start: end, end };
    }
    // Cut at white space, so that no word is cut in two: the first after
    // the start of reach (before the quotation, if it is in `area`), the
    // last before the end of reach (after the quotation, likewise).
    if start > area.start {
        let limit = if (from..=to).contains(&(quote.span.start as usize)) {
            quote.span.start as usize
        } else {
            to
        };
        start = text[from..limit]
            .find(char::is_whitespace)
            .map_or(limit, |i| from + i) as u32;
    }
    if end < area.end {
        let base = if (start as usize..=to).contains(&(quote.span.end as usize)) {
            quote.span.end as usize
        } else {
            start as usize
        };
        end = text[base..to]
            .rfind(char::is_whitespace)
            .map_or(base, |i| base + i) as u32;
    }
    Span {
        start,
        end: end.max(start),
    }
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
        // Two sentences run together by the scrape (`Yanez said.All seven`):
        // the word before the period.
        let word = &joined_head(text, *word);
        let written = &text[word.range()];
        // "United States", "The Statement Group": a capitalised word is a
        // name, except `According` and a verb that cannot be a name
        // opening a sentence (`Said Shaun Washington, ...`).
        if written.starts_with(char::is_uppercase)
            && written != "According"
            && !OPENING_VERBS.contains(&written)
        {
            continue;
        }
        let lower = lowercase(written);
        let verb = if lower == "according"
            && candidates
                .get(i + 1)
                .is_some_and(|next| text[next.range()].eq_ignore_ascii_case("to"))
        {
            Span {
                start: word.start,
                end: candidates[i + 1].end,
            }
        } else if verbs.contains(&lower)
            || (lower == "heard"
                && i > 0
                && matches!(
                    text[candidates[i - 1].range()].to_lowercase().as_str(),
                    "be" | "been"
                ))
        {
            // `heard` attributes only as `can be heard` (a recording).
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

/// Verbs of saying that may open a sentence, capitalised, before their
/// speaker (`Said Shaun Washington, ...`) and are never names.
const OPENING_VERBS: &[&str] = &["Added", "Asked", "Said", "Says", "Wrote"];

/// The part of `word` before a period that joins it to a capitalised word
/// (`said.All`: two sentences the scrape ran together), or `word` itself.
fn joined_head(text: &str, word: Span) -> Span {
    let written = &text[word.range()];
    match written.find('.') {
        Some(dot)
            if dot > 0
                && written[dot + 1..].starts_with(char::is_uppercase)
                && written[..dot].chars().all(char::is_lowercase) =>
        {
            Span::new(word.start as usize, word.start as usize + dot)
        }
        _ => word,
    }
}

/// Words of `area` that are not inside any quotation.
///
/// Only the text between the quotations is read: a quotation starts
/// with its opening mark and ends with its closing mark, a cut before
/// another opening mark, or its paragraph's end, and none of these can
/// be inside a word, so no word lies partly in a quotation, and a word
/// between two quotations is the same word whether the text is read
/// from the end of the first or from further back. (A test compares this
/// with filtering every word of `area`.)
fn words_outside_quotes<'d>(doc: &'d Document<'_>, area: Span) -> impl Iterator<Item = Span> + 'd {
    let text = doc.text();
    let quotes = &doc.quotes;
    // Quotations are in text order and do not overlap, so their ends are
    // in order too: the first that may reach into `area` is the first
    // ending after its start.
    let mut next = quotes.partition_point(|q| q.span.end <= area.start);
    let mut at = area.start;
    let gaps = std::iter::from_fn(move || {
        while at < area.end {
            let gap_end = match quotes.get(next) {
                Some(q) if q.span.start < area.end => q.span.start,
                _ => area.end,
            };
            let gap = Span {
                start: at,
                end: gap_end.max(at),
            };
            match quotes.get(next) {
                Some(q) if q.span.start < area.end => {
                    at = at.max(q.span.end);
                    next += 1;
                }
                _ => at = area.end,
            }
            if gap.start < gap.end {
                return Some(gap);
            }
        }
        None
    });
    gaps.flat_map(move |gap| words(&text[gap.range()]).map(move |w| w.offset(gap.start as usize)))
}

/// Words of `area` that are not inside any quotation, as
/// [`words_outside_quotes`] finds them, found by asking of every word of
/// `area` whether a quotation holds it.
#[cfg(test)]
fn words_outside_quotes_one_by_one(doc: &Document<'_>, area: Span) -> Vec<Span> {
    words(&doc.text()[area.range()])
        .map(|w| w.offset(area.start as usize))
        .filter(|&w| super::quote_holding(&doc.quotes, w, |q| q.span).is_none())
        .collect()
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
            let mut before = text[..i].chars().rev();
            let abbreviation = matches!(
                (before.next(), before.next()),
                (Some(letter), Some('.')) if letter.is_alphabetic()
            );
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

#[cfg(test)]
mod tests;
