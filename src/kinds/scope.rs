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
            Scope::OutsideQuotes => Box::new(
                doc.paragraphs
                    .iter()
                    .flat_map(|p| outside_quotes(doc, p.span)),
            ),
        }
    }
}

/// The stretches of `paragraph` between its quotations.
fn outside_quotes(doc: &Document<'_>, paragraph: Span) -> Vec<Span> {
    let mut pieces = Vec::new();
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
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(scope: Scope, text: &str) -> Vec<String> {
        let doc = Document::parse(text);
        scope.units(&doc).map(|s| doc.slice(s).to_owned()).collect()
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
