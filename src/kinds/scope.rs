//! Scopes: which stretches of a document a kind searches one at a time.
//!
//! Besides the structural units (line, sentence, paragraph, document),
//! `outside-quotes` is each paragraph with its quotations cut out, so a
//! style rule leaves quoted speech as it was spoken, and `inside-quotes`
//! is the text of each quotation, for rules about what people are quoted
//! as saying.

use crate::document::Document;
use crate::rules::reader::TableReader;
use crate::source::Span;

/// The unit a regex is matched against. Anchors (`^`, `$`) and the reach
/// of a match are bounded by the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Line,
    Sentence,
    Paragraph,
    Document,
    OutsideQuotes,
    InsideQuotes,
}

impl Scope {
    /// The spellings of scopes in rule files.
    pub const CHOICES: &'static [(&'static str, Scope)] = &[
        ("line", Scope::Line),
        ("sentence", Scope::Sentence),
        ("paragraph", Scope::Paragraph),
        ("document", Scope::Document),
        ("outside-quotes", Scope::OutsideQuotes),
        ("inside-quotes", Scope::InsideQuotes),
    ];

    /// Reads the `scope` option, falling back to `default`. `None` means the
    /// value was invalid (and has been reported).
    pub fn read(reader: &mut TableReader<'_, '_>, default: Scope) -> Option<Scope> {
        Self::read_key(reader, "scope", default)
    }

    /// Reads a scope from option `key` (for kinds whose `scope` means
    /// something else).
    pub fn read_key(reader: &mut TableReader<'_, '_>, key: &str, default: Scope) -> Option<Scope> {
        reader
            .choice(key, Self::CHOICES)
            .map(|s| s.unwrap_or(default))
            .ok()
    }

    /// The spans of the units of `doc`, in order.
    pub fn units<'d>(self, doc: &'d Document<'_>) -> Box<dyn Iterator<Item = Span> + 'd> {
        match self {
            Scope::Line => Box::new(doc.lines.iter().copied()),
            Scope::Sentence => Box::new(doc.sentences.iter().map(|s| s.span)),
            Scope::Paragraph => Box::new(doc.paragraphs.iter().map(|p| p.span)),
            Scope::Document => Box::new(std::iter::once(Span::new(0, doc.text().len()))),
            Scope::InsideQuotes => Box::new(doc.quotes.iter().map(|q| q.inner)),
            Scope::OutsideQuotes => Box::new(outside_quotes(doc)),
        }
    }
}

/// The stretches of each paragraph between its quotations, in order.
///
/// One walk through the paragraphs and the quotations together, since
/// both are stored in document order (quotations paragraph by paragraph,
/// as [`Document::quotes_in`] also assumes, and paragraphs never overlap):
/// no search and no list per paragraph, which mattered for the kinds that
/// read every word outside quotations.
fn outside_quotes<'d>(doc: &'d Document<'_>) -> impl Iterator<Item = Span> + 'd {
    let mut paragraphs = doc.paragraphs.iter().enumerate();
    let mut quotes = doc.quotes.iter().peekable();
    // The paragraph being cut (its index and span), and where its next
    // stretch starts.
    let mut current: Option<(usize, Span)> = None;
    let mut start = 0;
    std::iter::from_fn(move || loop {
        let (index, paragraph) = match current {
            Some(open) => open,
            None => {
                let (index, paragraph) = paragraphs.next()?;
                start = paragraph.span.start;
                *current.insert((index, paragraph.span))
            }
        };
        while quotes.next_if(|q| q.paragraph < index).is_some() {}
        match quotes.next_if(|q| q.paragraph == index) {
            Some(quote) => {
                if !paragraph.contains(quote.span) {
                    continue;
                }
                let before = Span {
                    start,
                    end: quote.span.start,
                };
                start = start.max(quote.span.end);
                if before.end > before.start {
                    return Some(before);
                }
            }
            None => {
                current = None;
                if paragraph.end > start {
                    return Some(Span {
                        start,
                        end: paragraph.end,
                    });
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(scope: Scope, text: &str) -> Vec<String> {
        let doc = Document::parse(text);
        scope.units(&doc).map(|s| doc.slice(s).to_owned()).collect()
    }

    /// The stretches outside quotations as they used to be found: each
    /// paragraph's quotations searched for by span.
    fn outside_quotes_by_search(doc: &Document<'_>) -> Vec<Span> {
        let mut pieces = Vec::new();
        for paragraph in &doc.paragraphs {
            let paragraph = paragraph.span;
            let mut start = paragraph.start;
            for quote in doc.quotes_in(paragraph) {
                if quote.span.start > start {
                    pieces.push(Span {
                        start,
                        end: quote.span.start,
                    });
                }
                start = start.max(quote.span.end);
            }
            if paragraph.end > start {
                pieces.push(Span {
                    start,
                    end: paragraph.end,
                });
            }
        }
        pieces
    }

    #[test]
    fn outside_quotes_walks_as_the_search_found() {
        // Random texts of words, quotation marks of every style (closed,
        // unclosed, nested, stray), apostrophes, line breaks and blank lines;
        // a fixed seed (xorshift) so that a failure repeats.
        let pieces = [
            "word ", "said ", "“", "”", "‘", "’", "\"", "'", " «", "» ", "„", "\n", "\n\n", "  ",
            ". ", "don't ", "\u{a0}",
        ];
        let mut state: u64 = 0x853c_49e6_748f_ea9b;
        let mut below = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut cut = 0;
        for _ in 0..5_000 {
            let text: String = (0..below(60))
                .map(|_| pieces[below(pieces.len())])
                .collect();
            let doc = Document::parse(&text);
            let walked: Vec<Span> = Scope::OutsideQuotes.units(&doc).collect();
            assert_eq!(walked, outside_quotes_by_search(&doc), "{text:?}");
            cut += doc.quotes.len();
        }
        assert!(cut > 10_000, "{cut}");
    }

    #[test]
    fn quote_scopes_split_paragraphs_at_quotation_marks() {
        let text = "He said “the the plan” twice.\n\n“Alone.”\n\nNo quotes here.";
        assert_eq!(
            units(Scope::OutsideQuotes, text),
            ["He said ", " twice.", "No quotes here."]
        );
        assert_eq!(units(Scope::InsideQuotes, text), ["the the plan", "Alone."]);
    }
}
