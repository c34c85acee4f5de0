//! Quotation detection.
//!
//! Quotations are found per paragraph, since a quotation mark never pairs
//! with one in another paragraph (a quotation that runs on opens each new
//! paragraph with a fresh mark). Real copy mixes its marks, so pairing is
//! forgiving and records what it forgave:
//!
//! - an open quotation is closed by `”`, by `"`, by a doubled apostrophe
//!   (`’’`, `''`, the typewriter convention), or by a `“` written where a
//!   closing mark belongs (after a word, before a space; or before a
//!   space at all, which no opening mark is);
//! - a quotation whose marks do not match is [`QuoteStyle::Mixed`];
//! - a straight mark directly after a letter or digit (`5'10"`) cannot
//!   open a quotation, and a `”` (or a `"` followed by white space) with
//!   nothing open is recorded as stray; after a digit it is an inch mark.

use serde::Serialize;

use super::{Paragraph, Quote, Sentence};
use crate::source::Span;

/// Which quotation marks a quotation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteStyle {
    /// `"..."`
    Straight,
    /// `“...”`
    Curly,
    /// Marks that do not match: `"...”`, `“..."`, `“...“`, `“...’’`.
    Mixed,
}

/// An opening mark: where it starts, how long it is, and its style.
#[derive(Clone, Copy)]
struct Opening {
    at: usize,
    len: usize,
    style: QuoteStyle,
}

/// The quotations of every paragraph, and the closing marks that close
/// nothing.
pub(super) fn find(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
) -> (Vec<Quote>, Vec<Span>) {
    let mut quotes = Vec::new();
    let mut stray = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let base = paragraph.span.start as usize;
        let slice = &text[paragraph.span.range()];
        let make = |open: Opening, close: Option<(usize, usize)>, style| {
            let start = base + open.at;
            let sentence = sentences
                .partition_point(|s| s.span.end as usize <= start)
                .min(sentences.len().saturating_sub(1));
            let (inner_end, end) = close.unwrap_or((slice.len(), slice.len()));
            Quote {
                span: Span::new(start, base + end),
                inner: Span::new(start + open.len, base + inner_end),
                style,
                closed: close.is_some(),
                paragraph: index,
                sentence,
                attribution: None,
            }
        };
        let mut open: Option<Opening> = None;
        // The closing mark of a quotation nested in the open one in the
        // other style (`"... revise “MYA” is ..."`, `“... said "no" to
        // ...”`), whose marks are not the open quotation's.
        let mut nested: Option<char> = None;
        // Only quotation marks change the state: the search jumps from one
        // to the next (`"`, `'`, and the curly marks, whose UTF-8 starts
        // with 0xE2), and reads the characters on either side of each.
        let bytes = slice.as_bytes();
        let mut from = 0;
        while let Some(offset) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..]) {
            let i = from + offset;
            let Some(c) = slice[i..].chars().next() else {
                break;
            };
            from = i + c.len_utf8();
            if !matches!(c, '“' | '”' | '"' | '’' | '\'') {
                continue;
            }
            let previous = slice[..i].chars().next_back();
            let next = slice[from..].chars().next();
            let after_word =
                previous.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'));
            let doubled = matches!((c, next), ('’', Some('’')) | ('\'', Some('\'')));
            if let Some(close) = nested {
                if c == close {
                    nested = None;
                    continue;
                }
            } else if let Some(o) = open {
                let opens_inner = !after_word && next.is_some_and(char::is_alphanumeric);
                let inner = match (o.style, c) {
                    (QuoteStyle::Straight, '“') if opens_inner => Some('”'),
                    (QuoteStyle::Curly, '"') if opens_inner => Some('"'),
                    _ => None,
                };
                if inner.is_some() {
                    nested = inner;
                    continue;
                }
            }
            match (c, open) {
                ('“', None) => {
                    open = Some(Opening {
                        at: i,
                        len: c.len_utf8(),
                        style: QuoteStyle::Curly,
                    });
                }
                // `“` used as a closing mark: `...CYS,“ he said`, or with a
                // space before it, `didn't, “ Coleman said` (an opening
                // mark is never followed by white space).
                ('“', Some(o))
                    if (after_word
                        && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation()))
                        || next.is_none_or(char::is_whitespace) =>
                {
                    quotes.push(make(o, Some((i, i + c.len_utf8())), QuoteStyle::Mixed));
                    open = None;
                }
                ('“', Some(o)) => {
                    // A second opening mark: the first quotation was never
                    // closed.
                    quotes.push(make(o, Some((i, i)), o.style).unclosed());
                    open = Some(Opening {
                        at: i,
                        len: c.len_utf8(),
                        style: QuoteStyle::Curly,
                    });
                }
                ('”', Some(o)) => {
                    let style = if o.style == QuoteStyle::Curly {
                        QuoteStyle::Curly
                    } else {
                        QuoteStyle::Mixed
                    };
                    quotes.push(make(o, Some((i, i + c.len_utf8())), style));
                    open = None;
                }
                // After a digit, `”` is an inch mark (`6’1”`).
                ('”', None) if !previous.is_some_and(|p| p.is_ascii_digit()) => {
                    stray.push(Span::new(base + i, base + i + c.len_utf8()));
                }
                ('"', Some(o)) => {
                    let style = if o.style == QuoteStyle::Straight {
                        QuoteStyle::Straight
                    } else {
                        QuoteStyle::Mixed
                    };
                    quotes.push(make(o, Some((i, i + 1)), style));
                    open = None;
                }
                // An opening mark is never followed by white space; one that
                // is, with nothing open, closes nothing (after a digit it is
                // an inch mark).
                ('"', None)
                    if next.is_none_or(char::is_whitespace)
                        && !previous.is_some_and(|p| p.is_ascii_digit()) =>
                {
                    stray.push(Span::new(base + i, base + i + 1));
                }
                ('"', None) if !previous.is_some_and(char::is_alphanumeric) => {
                    open = Some(Opening {
                        at: i,
                        len: 1,
                        style: QuoteStyle::Straight,
                    });
                }
                ('’' | '\'', Some(o)) if doubled && after_word => {
                    let len = 2 * c.len_utf8();
                    quotes.push(make(o, Some((i, i + len)), QuoteStyle::Mixed));
                    from = i + len;
                    open = None;
                }
                _ => {}
            }
            if open.is_none() {
                nested = None;
            }
        }
        if let Some(o) = open {
            quotes.push(make(o, None, o.style));
        }
    }
    (quotes, stray)
}

/// The quotation of `quotes` (in text order, as a document's are) whose
/// `part` (its whole span with the marks, or its inner span) holds `span`,
/// if one does. Quotations never overlap, so only the last one whose part
/// starts at or before `span` can: a binary search, not a scan of every
/// quotation, which made long paragraphs full of quotations quadratic.
pub fn quote_holding(quotes: &[Quote], span: Span, part: fn(&Quote) -> Span) -> Option<&Quote> {
    let before = quotes.partition_point(|q| part(q).start <= span.start);
    quotes[..before].last().filter(|q| part(q).contains(span))
}

impl Quote {
    /// Marks a quotation cut short by another opening mark as unclosed.
    fn unclosed(mut self) -> Self {
        self.closed = false;
        self
    }
}
