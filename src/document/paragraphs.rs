//! Paragraph detection.
//!
//! Two conventions exist in the wild and factlint must read both: prose
//! hard-wrapped at a fixed width, where paragraphs are separated by blank
//! lines, and text exported one paragraph per line (most scraped news, two
//! of the seed articles), where every line is a paragraph and blank lines
//! may or may not appear. A file with any line longer than
//! [`WRAP_WIDTH`] characters cannot be hard-wrapped, so each of its lines
//! is a paragraph; otherwise blank lines separate paragraphs.

use crate::source::Span;

/// Hard-wrapped prose keeps its lines at or under this many characters.
const WRAP_WIDTH: usize = 120;

pub(super) fn split(text: &str, lines: &[Span]) -> Vec<Span> {
    let is_blank = |line: &Span| text[line.range()].trim_matches(is_space).is_empty();
    let one_per_line = lines
        .iter()
        // (A line has no more characters than bytes.)
        .any(|line| line.len() > WRAP_WIDTH && text[line.range()].chars().count() > WRAP_WIDTH);

    let mut paragraphs = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        if is_blank(line) {
            paragraphs.extend(current.take());
            continue;
        }
        let trimmed = trim(text, *line);
        current = match current {
            Some(open) if !one_per_line => Some(Span {
                start: open.start,
                end: trimmed.end,
            }),
            Some(open) => {
                paragraphs.push(open);
                Some(trimmed)
            }
            None => Some(trimmed),
        };
    }
    paragraphs.extend(current);
    paragraphs
}

/// White space, and the byte order mark (U+FEFF) some editors write at the
/// start of a file, which is invisible and no part of the text.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == crate::source::BOM
}

/// `span` without leading and trailing white space.
fn trim(text: &str, span: Span) -> Span {
    let slice = &text[span.range()];
    let start = span.start as usize + (slice.len() - slice.trim_start_matches(is_space).len());
    let end = span.start as usize + slice.trim_end_matches(is_space).len();
    Span::new(start, end)
}
