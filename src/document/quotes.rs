//! Quotation detection.
//!
//! Quotations are found per paragraph, since a quotation mark never pairs
//! with one in another paragraph (a quotation that runs on opens each new
//! paragraph with a fresh mark). Curly marks pair by direction; straight
//! marks alternate, and a straight mark directly after a letter or digit
//! (`5'10"`) cannot open a quotation.

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
}

pub(super) fn find(text: &str, paragraphs: &[Paragraph], sentences: &[Sentence]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let base = paragraph.span.start as usize;
        let slice = &text[paragraph.span.range()];
        let mut open: Option<(usize, QuoteStyle)> = None;
        let mut previous: Option<char> = None;
        let make = |start: usize, end: usize, inner_end: usize, style, closed| {
            let start = base + start;
            let quote_sentence = sentences
                .partition_point(|s| s.span.end as usize <= start)
                .min(sentences.len().saturating_sub(1));
            Quote {
                span: Span::new(start, base + end),
                inner: Span::new(start + style_len(style), base + inner_end),
                style,
                closed,
                paragraph: index,
                sentence: quote_sentence,
                attribution: None,
            }
        };
        for (i, c) in slice.char_indices() {
            match (c, open) {
                ('“', None) => open = Some((i, QuoteStyle::Curly)),
                ('“', Some((start, QuoteStyle::Curly))) => {
                    // A second opening mark: the first quotation was never
                    // closed.
                    quotes.push(make(start, i, i, QuoteStyle::Curly, false));
                    open = Some((i, QuoteStyle::Curly));
                }
                ('”', Some((start, QuoteStyle::Curly))) => {
                    quotes.push(make(start, i + c.len_utf8(), i, QuoteStyle::Curly, true));
                    open = None;
                }
                ('"', Some((start, QuoteStyle::Straight))) => {
                    quotes.push(make(start, i + 1, i, QuoteStyle::Straight, true));
                    open = None;
                }
                ('"', None) if !previous.is_some_and(char::is_alphanumeric) => {
                    open = Some((i, QuoteStyle::Straight));
                }
                _ => {}
            }
            previous = Some(c);
        }
        if let Some((start, style)) = open {
            quotes.push(make(start, slice.len(), slice.len(), style, false));
        }
    }
    quotes
}

/// The length in bytes of a style's opening mark.
fn style_len(style: QuoteStyle) -> usize {
    match style {
        QuoteStyle::Straight => 1,
        QuoteStyle::Curly => '“'.len_utf8(),
    }
}
