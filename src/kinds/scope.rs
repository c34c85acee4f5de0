//! Scopes: which stretches of a document a kind searches one at a time.

use crate::document::Document;
use crate::rules::bad_choice;
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
}

impl Scope {
    pub const NAMES: &'static [&'static str] = &["line", "sentence", "paragraph", "document"];

    fn parse(name: &str) -> Option<Self> {
        match name {
            "line" => Some(Scope::Line),
            "sentence" => Some(Scope::Sentence),
            "paragraph" => Some(Scope::Paragraph),
            "document" => Some(Scope::Document),
            _ => None,
        }
    }

    /// Reads the `scope` option, falling back to `default`. `None` means the
    /// value was invalid (and has been reported).
    pub fn read(reader: &mut TableReader<'_, '_>, default: Scope) -> Option<Scope> {
        let Some(raw) = reader.string("scope") else {
            return Some(default);
        };
        let scope = Scope::parse(&raw.value);
        if scope.is_none() {
            bad_choice(reader.errors, &raw, "scope", Self::NAMES);
        }
        scope
    }

    /// The spans of the units of `doc`, in order.
    pub fn units<'d>(self, doc: &'d Document<'_>) -> Box<dyn Iterator<Item = Span> + 'd> {
        match self {
            Scope::Line => Box::new(doc.lines.iter().copied()),
            Scope::Sentence => Box::new(doc.sentences.iter().map(|s| s.span)),
            Scope::Paragraph => Box::new(doc.paragraphs.iter().map(|p| p.span)),
            Scope::Document => Box::new(std::iter::once(Span::new(0, doc.text().len()))),
        }
    }
}
