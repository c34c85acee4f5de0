//! `factlint inspect`: how factlint reads a document.
//!
//! When a rule does not fire, or fires where it should not, the first
//! question is what factlint took the paragraphs, sentences and quotations
//! to be. This module turns a [`Document`] into a view with line/column
//! positions, rendered either as a readable tree or as JSON.
//!
//! The JSON shape is stable (its `version` changes if it ever must):
//!
//! ```json
//! { "version": 1,
//!   "files": [ { "path": "story.txt",
//!     "paragraphs": [ { "index": 0, "span": SPAN, "text": "...", "role": "headline",
//!                       "dateline": null | PART, "sentences": [0, 1] } ],
//!     "sentences":  [ { "index": 0, "paragraph": 0, "span": SPAN, "text": "..." } ],
//!     "quotes":     [ { "index": 0, "paragraph": 0, "sentence": 0, "span": SPAN,
//!                       "inner": SPAN, "text": "...", "style": "curly", "closed": true,
//!                       "attribution": null | { "verb": PART, "speaker": null | PART } } ],
//!     "quantities": [ { "index": 0, "sentence": 0, "span": SPAN, "text": "over 400",
//!                       "value": "more than 400", "interval": INTERVAL } ] } ] }
//! ```
//!
//! where `SPAN` is `{ "start", "end" }` (byte offsets, end exclusive) with
//! `"line", "column", "end_line", "end_column"` (1-based; columns count
//! characters; the end is the position just past the last character), and
//! `PART` is `{ "text", "span": SPAN }`, and `INTERVAL` is `{ "low",
//! "high" (null when unbounded), "low_inclusive", "high_inclusive",
//! "percent" }`. A paragraph's `role` is one of `prose`, `headline`,
//! `dateline`, `byline`, `caption`, `boilerplate` and `transcript` (see
//! [`crate::document::roles`]). A key left out by `--only` is absent.

use std::io::{self, Write};

use codespan_reporting::term::termcolor::{Buffer, Color, ColorSpec, WriteColor};
use serde::Serialize;

use crate::document::{Document, QuoteStyle, Role};
use crate::quantity::{self, Interval};
use crate::rules::template::escape_invisible;
use crate::source::{Location, SourceFile, Span};

/// The parts of the model `--only` can select.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Unit {
    Paragraphs,
    Sentences,
    Quotes,
    Quantities,
}

/// A piece of text with its location.
#[derive(Debug, Serialize)]
pub struct Part {
    pub text: String,
    pub span: Location,
}

#[derive(Debug, Serialize)]
pub struct ParagraphView {
    pub index: usize,
    pub span: Location,
    pub text: String,
    /// What the paragraph is for: prose, headline, caption, boilerplate...
    pub role: Role,
    /// A dateline opening the paragraph.
    pub dateline: Option<Part>,
    pub sentences: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct SentenceView {
    pub index: usize,
    pub paragraph: usize,
    pub span: Location,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct AttributionView {
    pub verb: Part,
    pub speaker: Option<Part>,
}

#[derive(Debug, Serialize)]
pub struct QuoteView {
    pub index: usize,
    pub paragraph: usize,
    pub sentence: usize,
    pub span: Location,
    pub inner: Location,
    pub text: String,
    /// The quotation with its marks, as written.
    #[serde(skip)]
    pub marked: String,
    pub style: QuoteStyle,
    pub closed: bool,
    pub attribution: Option<AttributionView>,
}

/// A figure found in the text, read as an interval.
#[derive(Debug, Serialize)]
pub struct QuantityView {
    pub index: usize,
    pub sentence: usize,
    pub span: Location,
    /// The figure as written (`over 400`).
    pub text: String,
    /// The figure as read (`more than 400`).
    pub value: String,
    pub interval: Interval,
}

/// The model of one file, narrowed to the selected units.
#[derive(Debug, Serialize)]
pub struct FileView {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<ParagraphView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SentenceView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<QuoteView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantities: Option<Vec<QuantityView>>,
}

/// The JSON document printed by `inspect --format json`.
#[derive(Debug, Serialize)]
pub struct InspectOutput {
    pub version: u32,
    pub files: Vec<FileView>,
}

impl FileView {
    /// Builds the view of `file`, keeping only `only` (all units if empty).
    pub fn new(file: &SourceFile, only: &[Unit]) -> Self {
        let view = crate::input::prose_view(file.name(), file.text());
        let doc = Document::parse(&view);
        // Texts are shown as written, not as blanked for the rules.
        let original = |span: Span| file.text()[span.range()].to_owned();
        let wanted = |unit| only.is_empty() || only.contains(&unit);
        let part = |span: Span| Part {
            text: original(span),
            span: Location::new(file, span),
        };
        let paragraphs = wanted(Unit::Paragraphs).then(|| {
            doc.paragraphs
                .iter()
                .enumerate()
                .map(|(index, p)| ParagraphView {
                    index,
                    span: Location::new(file, p.span),
                    text: original(p.span),
                    role: p.role,
                    dateline: p.dateline.map(part),
                    sentences: p.sentences.clone().collect(),
                })
                .collect()
        });
        let sentences = wanted(Unit::Sentences).then(|| {
            doc.sentences
                .iter()
                .enumerate()
                .map(|(index, s)| SentenceView {
                    index,
                    paragraph: s.paragraph,
                    span: Location::new(file, s.span),
                    text: original(s.span),
                })
                .collect()
        });
        let quotes = wanted(Unit::Quotes).then(|| {
            doc.quotes
                .iter()
                .enumerate()
                .map(|(index, q)| QuoteView {
                    index,
                    paragraph: q.paragraph,
                    sentence: q.sentence,
                    span: Location::new(file, q.span),
                    inner: Location::new(file, q.inner),
                    text: original(q.inner),
                    marked: original(q.span),
                    style: q.style,
                    closed: q.closed,
                    attribution: q.attribution.map(|a| AttributionView {
                        verb: part(a.verb),
                        speaker: a.speaker.map(part),
                    }),
                })
                .collect()
        });
        let quantities = wanted(Unit::Quantities).then(|| {
            let mut found = Vec::new();
            for index in 0..doc.sentences.len() {
                for &span in doc.figures(index) {
                    let Some(quantity) = quantity::parse(doc.slice(span)) else {
                        continue;
                    };
                    found.push(QuantityView {
                        index: found.len(),
                        sentence: index,
                        span: Location::new(file, span),
                        text: original(span),
                        value: quantity.to_string(),
                        interval: Interval::from(&quantity),
                    });
                }
            }
            found
        });
        FileView {
            path: file.name().to_owned(),
            paragraphs,
            sentences,
            quotes,
            quantities,
        }
    }

    /// Writes the view as an indented tree: paragraphs hold their
    /// sentences, sentences their quotations. With `--only`, the selected
    /// units are listed flat.
    pub fn write_tree(&self, out: &mut Buffer) -> io::Result<()> {
        heading(out, &self.path)?;
        writeln!(out)?;
        let nested = self.paragraphs.is_some() && self.sentences.is_some();
        if nested {
            let paragraphs = self.paragraphs.as_deref().unwrap_or_default();
            let sentences = self.sentences.as_deref().unwrap_or_default();
            let quotes = self.quotes.as_deref().unwrap_or_default();
            let quantities = self.quantities.as_deref().unwrap_or_default();
            for (pi, paragraph) in paragraphs.iter().enumerate() {
                let last_paragraph = pi + 1 == paragraphs.len();
                branch(out, "", last_paragraph)?;
                label(out, &format!("paragraph {}", paragraph.index + 1))?;
                position(out, paragraph.span, true)?;
                write_role(out, paragraph)?;
                writeln!(out)?;
                let indent = if last_paragraph { "    " } else { "│   " };
                for (si, &s) in paragraph.sentences.iter().enumerate() {
                    let Some(sentence) = sentences.get(s) else {
                        continue;
                    };
                    let last_sentence = si + 1 == paragraph.sentences.len();
                    self.write_sentence(out, indent, sentence, last_sentence)?;
                    let inner = format!("{indent}{}", if last_sentence { "    " } else { "│   " });
                    let held: Vec<&QuoteView> = quotes.iter().filter(|q| q.sentence == s).collect();
                    let figures: Vec<&QuantityView> =
                        quantities.iter().filter(|q| q.sentence == s).collect();
                    for (qi, quote) in held.iter().enumerate() {
                        write_quote(
                            out,
                            &inner,
                            quote,
                            qi + 1 == held.len() && figures.is_empty(),
                        )?;
                    }
                    for (fi, figure) in figures.iter().enumerate() {
                        write_quantity(out, &inner, figure, fi + 1 == figures.len())?;
                    }
                }
            }
            return Ok(());
        }
        for paragraph in self.paragraphs.iter().flatten() {
            label(out, &format!("paragraph {}", paragraph.index + 1))?;
            position(out, paragraph.span, true)?;
            write_role(out, paragraph)?;
            writeln!(out, " {}", escape_invisible(&paragraph.text))?;
        }
        for sentence in self.sentences.iter().flatten() {
            self.write_sentence(out, "", sentence, true)?;
        }
        for quote in self.quotes.iter().flatten() {
            write_quote(out, "", quote, true)?;
        }
        for figure in self.quantities.iter().flatten() {
            write_quantity(out, "", figure, true)?;
        }
        Ok(())
    }

    fn write_sentence(
        &self,
        out: &mut Buffer,
        indent: &str,
        sentence: &SentenceView,
        last: bool,
    ) -> io::Result<()> {
        if !indent.is_empty() {
            branch(out, indent, last)?;
        }
        label(out, &format!("sentence {}", sentence.index + 1))?;
        position(out, sentence.span, false)?;
        writeln!(out, " {}", escape_invisible(&sentence.text))
    }
}

/// The paragraph's role, and its dateline if it opens with one:
/// ` (prose, dateline `CHICAGO —`)`.
fn write_role(out: &mut Buffer, paragraph: &ParagraphView) -> io::Result<()> {
    let dateline = paragraph
        .dateline
        .as_ref()
        .map(|d| format!(", dateline `{}`", escape_invisible(d.text.trim_end())))
        .unwrap_or_default();
    let text = format!(" ({}{dateline})", paragraph.role);
    out.set_color(ColorSpec::new().set_fg(Some(Color::Magenta)))?;
    write!(out, "{text}")?;
    out.reset()
}

fn write_quote(out: &mut Buffer, indent: &str, quote: &QuoteView, last: bool) -> io::Result<()> {
    if !indent.is_empty() {
        branch(out, indent, last)?;
    }
    label(out, &format!("quote {}", quote.index + 1))?;
    position(out, quote.span, false)?;
    // The marks as written, so that mixed marks show.
    write!(out, " {}", escape_invisible(&quote.marked))?;
    if !quote.closed {
        dimmed(out, " (unclosed)")?;
    }
    writeln!(out)?;
    let child = if indent.is_empty() {
        "    ".to_owned()
    } else {
        format!("{indent}{}", if last { "    " } else { "│   " })
    };
    branch(out, &child, true)?;
    match &quote.attribution {
        Some(attribution) => {
            write!(out, "attributed: `{}`", attribution.verb.text)?;
            position(out, attribution.verb.span, false)?;
            if let Some(speaker) = &attribution.speaker {
                write!(out, ", speaker `{}`", speaker.text)?;
                position(out, speaker.span, false)?;
            }
            writeln!(out)
        }
        None => writeln!(out, "attributed: none"),
    }
}

fn write_quantity(
    out: &mut Buffer,
    indent: &str,
    figure: &QuantityView,
    last: bool,
) -> io::Result<()> {
    if !indent.is_empty() {
        branch(out, indent, last)?;
    }
    label(out, &format!("quantity {}", figure.index + 1))?;
    position(out, figure.span, false)?;
    writeln!(
        out,
        " `{}` = {}",
        escape_invisible(&figure.text),
        figure.value
    )
}

fn branch(out: &mut Buffer, indent: &str, last: bool) -> io::Result<()> {
    dimmed(
        out,
        &format!("{indent}{}", if last { "└── " } else { "├── " }),
    )
}

fn heading(out: &mut Buffer, text: &str) -> io::Result<()> {
    out.set_color(ColorSpec::new().set_bold(true).set_underline(true))?;
    write!(out, "{text}")?;
    out.reset()
}

fn label(out: &mut Buffer, text: &str) -> io::Result<()> {
    out.set_color(ColorSpec::new().set_bold(true).set_fg(Some(Color::Cyan)))?;
    write!(out, "{text}")?;
    out.reset()
}

fn position(out: &mut Buffer, span: Location, range: bool) -> io::Result<()> {
    let text = if range {
        format!(
            " {}:{}-{}:{}",
            span.line, span.column, span.end_line, span.end_column
        )
    } else {
        format!(" {}:{}", span.line, span.column)
    };
    dimmed(out, &text)
}

fn dimmed(out: &mut Buffer, text: &str) -> io::Result<()> {
    out.set_color(ColorSpec::new().set_dimmed(true))?;
    write!(out, "{text}")?;
    out.reset()
}
