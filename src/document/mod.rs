//! The document model: how factlint reads one file.
//!
//! A [`Document`] is built once per file and then read by every rule kind.
//! It holds the file's lines, paragraphs, sentences and quotations, each as a
//! byte [`Span`] into the original text, so a kind can slice the text and
//! report exact positions without re-segmenting anything. Each paragraph
//! also has a [`Role`] (prose, headline, caption, boilerplate, ...; see
//! [`roles`]), so that rules can leave a page's furniture alone.

pub mod attribution;
pub mod claims;
mod hash;
mod paragraphs;
mod quotes;
pub mod roles;
mod sentences;

use crate::source::Span;
pub use attribution::Attribution;
pub use hash::folded_hash;
use std::sync::OnceLock;

use crate::rule_regex::Characters;

pub use quotes::{quote_holding, QuoteStyle};
pub use roles::{Role, RoleSet};
pub use sentences::split_sentences;

/// A paragraph: a block of text separated from its neighbours by a blank
/// line, or, in files written one paragraph per line, a single line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into [`Document::sentences`].
    pub sentences: std::ops::Range<usize>,
    /// What the paragraph is for: the article's prose, its headline, or
    /// the furniture of the page it came from.
    pub role: Role,
    /// A dateline opening the paragraph (`CHICAGO (AP) — `), if any.
    pub dateline: Option<Span>,
    /// The version of an updated story the paragraph belongs to: 0 before
    /// the first update marker (`UPDATE (5:04 p.m.):`, `ORIGINAL STORY:`),
    /// then one more at each marker.
    pub section: usize,
}

/// A sentence, trimmed of surrounding white space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A quotation: the text between a pair of quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included. For an
    /// unclosed quotation, up to the end of its paragraph.
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    pub style: QuoteStyle,
    /// False when no closing mark was found before the paragraph ended.
    pub closed: bool,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Index into [`Document::sentences`] of the sentence holding the
    /// opening mark.
    pub sentence: usize,
    /// Who the quotation is attributed to, found with the default verb
    /// list ([`attribution::DEFAULT_VERBS`]).
    pub attribution: Option<Attribution>,
}

/// One file, segmented.
#[derive(Debug)]
pub struct Document<'t> {
    text: &'t str,
    /// Every line, without its terminator (`\n`, `\r\n` or `\r`).
    pub lines: Vec<Span>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// Closing quotation marks (`”`, or `"` followed by white space) with no
    /// opening mark before them in their paragraph.
    pub stray_closing_marks: Vec<Span>,
    /// The figures of every sentence, found on first use (see
    /// [`Document::figures`]).
    figures: OnceLock<Figures>,
    /// The characters of each paragraph (see [`Document::characters`]).
    characters: Vec<Characters>,
    /// The claims of the prose, read on first use (see [`Document::claims`]).
    claims: OnceLock<claims::ArticleClaims>,
}

/// Every figure of a document, sentence by sentence.
#[derive(Debug)]
struct Figures {
    spans: Vec<Span>,
    /// Where each sentence's figures start in `spans`, and where the last
    /// one's end.
    starts: Vec<usize>,
}

impl<'t> Document<'t> {
    /// Segments `text`. Never fails: any text has a (possibly empty) model.
    pub fn parse(text: &'t str) -> Self {
        let lines = split_lines(text);
        let paragraph_spans = paragraphs::split(text, &lines);
        let characters: Vec<Characters> = paragraph_spans
            .iter()
            .map(|span| Characters::of(&text[span.range()]))
            .collect();
        let classified = roles::classify(text, &paragraph_spans, &characters);
        let mut paragraphs = Vec::with_capacity(paragraph_spans.len());
        let mut sentences = Vec::new();
        for (index, (span, class)) in paragraph_spans.into_iter().zip(classified).enumerate() {
            let first = sentences.len();
            for sentence in split_sentences(&text[span.range()]) {
                sentences.push(Sentence {
                    span: sentence.offset(span.start as usize),
                    paragraph: index,
                });
            }
            paragraphs.push(Paragraph {
                span,
                sentences: first..sentences.len(),
                role: class.role,
                dateline: class.dateline,
                section: class.section,
            });
        }
        let (quotes, stray_closing_marks) = quotes::find(text, &paragraphs, &sentences);
        let mut doc = Document {
            text,
            lines,
            paragraphs,
            sentences,
            quotes,
            stray_closing_marks,
            figures: OnceLock::new(),
            claims: OnceLock::new(),
            characters,
        };
        let verbs = attribution::VerbSet::default_set();
        for index in 0..doc.quotes.len() {
            doc.quotes[index].attribution = attribution::find(&doc, index, verbs);
        }
        doc
    }

    /// The claims of the document's prose and headlines with the built-in
    /// subjects ([`claims::extract`]), read once, on first use, for every
    /// rule and command that asks.
    pub fn claims(&self) -> &claims::ArticleClaims {
        self.claims.get_or_init(|| claims::extract(self))
    }

    /// The figures ([`crate::quantity::QUANTITY_PATTERN`]) of sentence
    /// `sentence`, in order. Found for the whole document at the first
    /// call, so that every rule about figures shares one search.
    pub fn figures(&self, sentence: usize) -> &[Span] {
        let figures = self.figures.get_or_init(|| {
            let mut spans = Vec::new();
            let mut starts = Vec::with_capacity(self.sentences.len() + 1);
            for sentence in &self.sentences {
                starts.push(spans.len());
                let text = self.slice(sentence.span);
                let base = sentence.span.start as usize;
                spans.extend(
                    crate::quantity::figures(text)
                        .map(|found| Span::new(base + found.start, base + found.end)),
                );
            }
            starts.push(spans.len());
            Figures { spans, starts }
        });
        match (
            figures.starts.get(sentence),
            figures.starts.get(sentence + 1),
        ) {
            (Some(&from), Some(&to)) => &figures.spans[from..to],
            _ => &[],
        }
    }

    /// What the text under `span` holds that chooses the form of a rule
    /// regex searching it ([`crate::rules::RuleRegex::for_characters`]):
    /// looked at once per paragraph, for every regex that searches a
    /// paragraph or a part of one.
    pub fn characters(&self, span: Span) -> Characters {
        let index = self.paragraphs.partition_point(|p| p.span.end < span.end);
        match (self.paragraphs.get(index), self.characters.get(index)) {
            (Some(paragraph), Some(&characters))
                if paragraph.span.start <= span.start && span.end <= paragraph.span.end =>
            {
                characters
            }
            _ => Characters::of(self.slice(span)),
        }
    }

    /// The whole text of the file.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The text under `span`.
    pub fn slice(&self, span: Span) -> &'t str {
        &self.text[span.range()]
    }

    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let index = self.sentences.partition_point(|s| s.span.end <= offset);
        (index < self.sentences.len() && self.sentences[index].span.start <= offset)
            .then_some(index)
    }

    /// The index of the paragraph containing byte `offset`, if any.
    pub fn paragraph_at(&self, offset: u32) -> Option<usize> {
        let index = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (index < self.paragraphs.len() && self.paragraphs[index].span.start <= offset)
            .then_some(index)
    }

    /// The role of the paragraph containing byte `offset`; `None` between
    /// paragraphs.
    pub fn role_at(&self, offset: u32) -> Option<Role> {
        self.paragraph_at(offset).map(|i| self.paragraphs[i].role)
    }

    /// The quotations that lie within `span`, in document order.
    pub fn quotes_in(&self, span: Span) -> impl Iterator<Item = &Quote> {
        // Quotations never cross a paragraph break and are stored paragraph
        // by paragraph, so only the paragraphs `span` touches are searched.
        let first = self
            .paragraphs
            .partition_point(|p| p.span.end <= span.start);
        let last = self.paragraphs.partition_point(|p| p.span.start < span.end);
        let from = self.quotes.partition_point(|q| q.paragraph < first);
        let to = self.quotes.partition_point(|q| q.paragraph < last);
        self.quotes[from..to.max(from)]
            .iter()
            .filter(move |q| span.contains(q.span))
    }

    /// The quotations of paragraph `index`, in order.
    pub fn quotes_of_paragraph(&self, index: usize) -> &[Quote] {
        let from = self.quotes.partition_point(|q| q.paragraph < index);
        let to = self.quotes.partition_point(|q| q.paragraph <= index);
        &self.quotes[from..to]
    }
}

/// Compiles the document model's patterns ahead of the first document,
/// in parallel with whatever else start-up does.
pub fn warm_up() {
    rayon::join(roles::warm_up, crate::quantity::warm_up);
}

/// Words that stay lowercase in Title Case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "the", "to", "vs", "via", "with",
];

/// Whether `text` is written in Title Case (or capitals) with between
/// `min_words` and `max_words` words: every word but the small ones
/// (`of`, `the`, ...) starts with a capital or a digit.
pub fn is_title_case(text: &str, min_words: usize, max_words: usize) -> bool {
    // One word past the most tells a line that is too long.
    let all: Vec<&str> = words(text)
        .map(|w| &text[w.range()])
        .take(max_words.saturating_add(1))
        .collect();
    if all.len() < min_words || all.len() > max_words {
        return false;
    }
    let content: Vec<&&str> = all.iter().filter(|w| !SMALL_WORDS.contains(w)).collect();
    !content.is_empty()
        && content
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// Whether two words are the same, ignoring case.
pub fn same_word(a: &str, b: &str) -> bool {
    // Most pairs asked about differ in their first letter.
    if let (Some(x), Some(y)) = (a.as_bytes().first(), b.as_bytes().first()) {
        if x.is_ascii() && y.is_ascii() && !x.eq_ignore_ascii_case(y) {
            return false;
        }
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The spans of every word in `text`: runs of letters and digits, with
/// inner apostrophes, hyphens and periods kept (`don't`, `ISIS-linked`,
/// `U.S`). Offsets are relative to `text`.
pub fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    // Byte by byte through a table, decoding only the characters outside
    // ASCII: nearly every character of copy is ASCII, and every rule that
    // reads words walks them through here.
    let bytes = text.as_bytes();
    // Whether the character at `i` is a letter or digit, and its length.
    let alphanumeric_at = move |i: usize| -> Option<(bool, usize)> {
        let byte = *bytes.get(i)?;
        Some(match BYTE_CLASS[usize::from(byte)] {
            ByteClass::Alphanumeric => (true, 1),
            ByteClass::Joiner | ByteClass::Other => (false, 1),
            ByteClass::NonAscii => {
                let c = text[i..].chars().next()?;
                (c.is_alphanumeric(), c.len_utf8())
            }
        })
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (alphanumeric, len) = alphanumeric_at(at)?;
            if alphanumeric {
                break at;
            }
            at += len;
        };
        let mut end;
        loop {
            // The ASCII letters and digits of the word, in one run.
            while bytes
                .get(at)
                .is_some_and(|&b| BYTE_CLASS[usize::from(b)] == ByteClass::Alphanumeric)
            {
                at += 1;
            }
            end = at;
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            // A joiner is kept only when a letter or digit follows it.
            let joiner = match BYTE_CLASS[usize::from(byte)] {
                ByteClass::Joiner => 1,
                ByteClass::NonAscii if text[at..].starts_with('\u{2019}') => 3,
                ByteClass::NonAscii => match alphanumeric_at(at) {
                    Some((true, len)) => {
                        at += len;
                        continue;
                    }
                    _ => break,
                },
                ByteClass::Alphanumeric | ByteClass::Other => break,
            };
            match alphanumeric_at(at + joiner) {
                Some((true, len)) => at += joiner + len,
                _ => break,
            }
        }
        Some(Span::new(start, end))
    })
}

/// How many words `text` has, as [`words`] finds them, counting no
/// further than `max`: `words(text).take(max).count()` without making
/// the spans.
pub fn count_words(text: &str, max: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut state = AFTER_OTHER;
    let mut at = 0;
    // A block of bytes at a time through [`WORD_STEP`], one look-up per
    // ASCII byte; `max` is checked between blocks. A block adds at most
    // one word per byte and the count is capped at the end, so the result
    // is the same as stopping at the word that reaches `max`.
    while count < max && at < bytes.len() {
        let end = bytes.len().min(at + COUNT_BLOCK);
        while at < end {
            let step = WORD_STEP[usize::from(state)][usize::from(bytes[at])];
            if step != NON_ASCII_STEP {
                count += usize::from(step >> 2);
                state = step & 0b11;
                at += 1;
                continue;
            }
            // Outside ASCII: a letter or digit, the curly apostrophe (a
            // joiner), or anything else.
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                return count.min(max);
            };
            let class = if c.is_alphanumeric() {
                b'a'
            } else if c == '\u{2019}' {
                b'\''
            } else {
                b' '
            };
            let step = WORD_STEP[usize::from(state)][usize::from(class)];
            count += usize::from(step >> 2);
            state = step & 0b11;
            at += c.len_utf8();
        }
    }
    count.min(max)
}

/// How many bytes [`count_words`] reads between two looks at its `max`.
const COUNT_BLOCK: usize = 32;

/// The states of [`count_words`]: after a character that is neither a
/// letter, a digit nor a joiner (or at the start); after a letter or
/// digit; after a joiner right after a letter or digit (the word goes on
/// over it if a letter or digit follows).
const AFTER_OTHER: u8 = 0;
const AFTER_ALPHANUMERIC: u8 = 1;
const AFTER_INNER_JOINER: u8 = 2;

/// A byte of a character outside ASCII, which [`count_words`] decodes.
const NON_ASCII_STEP: u8 = 0xFF;

/// What [`count_words`] does in each state with each byte: the next
/// state in the low two bits, and above them 1 if a word starts at the
/// byte; [`NON_ASCII_STEP`] for the bytes of characters outside ASCII.
static WORD_STEP: [[u8; 256]; 3] = {
    let mut table = [[0; 256]; 3];
    let mut state = 0;
    while state < 3 {
        let mut byte = 0;
        while byte < 256 {
            table[state][byte] = match BYTE_CLASS[byte] {
                ByteClass::Alphanumeric if state as u8 == AFTER_OTHER => {
                    (1 << 2) | AFTER_ALPHANUMERIC
                }
                ByteClass::Alphanumeric => AFTER_ALPHANUMERIC,
                ByteClass::Joiner if state as u8 == AFTER_ALPHANUMERIC => AFTER_INNER_JOINER,
                ByteClass::Joiner | ByteClass::Other => AFTER_OTHER,
                ByteClass::NonAscii => NON_ASCII_STEP,
            };
            byte += 1;
        }
        state += 1;
    }
    table
};

/// What a byte is to [`words`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// An ASCII letter or digit.
    Alphanumeric,
    /// `'`, `-` or `.`: kept inside a word (the curly apostrophe is
    /// recognised among the non-ASCII characters).
    Joiner,
    /// Any other ASCII character.
    Other,
    /// A byte of a character outside ASCII.
    NonAscii,
}

static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = if !b.is_ascii() {
            ByteClass::NonAscii
        } else if b.is_ascii_alphanumeric() {
            ByteClass::Alphanumeric
        } else if matches!(b, b'\'' | b'-' | b'.') {
            ByteClass::Joiner
        } else {
            ByteClass::Other
        };
        byte += 1;
    }
    table
};

fn split_lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The `\n` of a `\r\n` was ended with its `\r`.
        if i < start {
            continue;
        }
        lines.push(Span::new(start, i));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        lines.push(Span::new(start, bytes.len()));
    }
    lines
}

#[cfg(test)]
mod tests;
