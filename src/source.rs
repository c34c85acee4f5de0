//! The files factlint reads: articles and rule files alike.
//!
//! Every diagnostic points into a [`SourceFile`] by [`FileId`] and byte
//! [`Span`]. Line and column numbers are computed only when rendering, from a
//! line-start table that understands `\n`, `\r\n` and a lone `\r`, so spans
//! stay right whatever line endings a file uses.

use std::ops::Range;

use codespan_reporting::files::{Error as FilesError, Files};
use serde::Serialize;

/// A half-open byte range `[start, end)` into one file's text.
///
/// Both ends always lie on UTF-8 character boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Creates a span from byte offsets. Offsets beyond `u32::MAX` saturate,
    /// which factlint's input size limit rules out in practice.
    pub fn new(start: usize, end: usize) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: clamp(start),
            end: clamp(end.max(start)),
        }
    }

    /// The span as a `usize` range, ready to slice the file's text.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Moves a span found in a slice that starts at `base` back into file
    /// coordinates.
    pub fn offset(self, base: usize) -> Self {
        Span::new(self.start as usize + base, self.end as usize + base)
    }

    /// Whether `other` lies entirely within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// One file's name and text, with its line starts precomputed.
///
/// Once its findings are final, a file can be cut down to the lines they
/// show ([`SourceFile::keep_lines_of`]): a long run then holds a few lines
/// per file, not every file's text.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
    /// For a file cut down to some of its lines, the 0-based number and
    /// the byte offset in the original file of each line left.
    original_lines: Option<Vec<(usize, usize)>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = line_starts(&text);
        SourceFile {
            name: name.into(),
            text,
            line_starts,
            original_lines: None,
        }
    }

    /// Keeps only the lines that `spans` touch (each from the line of its
    /// start to the line of its end) and moves every span to where its
    /// text now is. Lines, columns and the text of the kept lines stay as
    /// in the original file, which is all that rendering a finding needs;
    /// any other position into the file is meaningless afterwards.
    pub fn keep_lines_of(&mut self, spans: &mut [&mut Span]) {
        let mut kept: Vec<usize> = Vec::new();
        for span in spans.iter() {
            let first = self.line_index(span.start as usize);
            let last = self.line_index(span.end as usize);
            kept.extend(first..=last);
        }
        kept.sort_unstable();
        kept.dedup();
        // A code frame shows the one line between two labelled lines, and
        // elides longer gaps: keep such a line, and mark a longer gap with
        // two empty lines so that it is still elided.
        let gaps: Vec<usize> = kept
            .windows(2)
            .filter(|pair| pair[1] == pair[0] + 2)
            .map(|pair| pair[0] + 1)
            .collect();
        kept.extend(gaps);
        kept.sort_unstable();
        let mut text = String::new();
        let mut original_lines = Vec::with_capacity(kept.len());
        let mut starts = Vec::with_capacity(kept.len());
        // Where each kept line starts now.
        let mut moved_to = Vec::with_capacity(kept.len());
        for (k, &line) in kept.iter().enumerate() {
            if k > 0 && line > kept[k - 1] + 1 {
                // Line starts are recorded, not found again: after a lone
                // CR, a line feed would read as one CRLF.
                starts.extend([text.len(), text.len() + 1]);
                text.push_str("\n\n");
                let (before, _) = self.original_position(kept[k - 1]);
                let (_, next) = self.original_position(line);
                original_lines.extend([(before + 1, next), (before + 2, next)]);
            }
            let start = self.line_starts[line];
            let end = self
                .line_starts
                .get(line + 1)
                .copied()
                .unwrap_or(self.text.len());
            moved_to.push(text.len());
            starts.push(text.len());
            original_lines.push(self.original_position(line));
            text.push_str(&self.text[start..end]);
        }
        for span in spans.iter_mut() {
            let line = self.line_index(span.start as usize);
            let Ok(k) = kept.binary_search(&line) else {
                continue;
            };
            let shift = |offset: u32| {
                let offset = offset as usize;
                let from = self.line_starts[line];
                u32::try_from(moved_to[k] + offset - from).unwrap_or(u32::MAX)
            };
            **span = Span {
                start: shift(span.start),
                end: shift(span.end),
            };
        }
        if starts.is_empty() {
            starts.push(0);
        }
        self.line_starts = starts;
        self.text = text;
        self.original_lines = Some(original_lines);
    }

    /// Drops the file's text and name: for a file whose findings have been
    /// written out and which nothing will show again. What is left is a
    /// few words of bookkeeping, so that memory does not grow with the
    /// number of files a run reads.
    pub fn forget_text(&mut self) {
        self.name = String::new();
        self.text = String::new();
        self.line_starts = vec![0];
        self.original_lines = Some(Vec::new());
    }

    /// The 0-based number, in the file as read, of line `line`.
    fn original_line(&self, line: usize) -> usize {
        self.original_position(line).0
    }

    /// The 0-based number and the start, in the file as read, of line
    /// `line`.
    fn original_position(&self, line: usize) -> (usize, usize) {
        match &self.original_lines {
            Some(lines) => lines.get(line).copied().unwrap_or_default(),
            None => (
                line,
                self.line_starts.get(line).copied().unwrap_or_default(),
            ),
        }
    }

    /// The byte offset, in the file as read, of byte `offset` of the text
    /// now held (which differs once the file is cut down to some lines).
    pub fn original_offset(&self, offset: usize) -> usize {
        if self.original_lines.is_none() {
            return offset;
        }
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        self.original_position(line).1 + offset - self.line_starts[line]
    }

    /// The name shown in diagnostics (a path as the user gave it).
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 0-based line containing byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of line `line` (0-based), without its line terminator.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let next = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let content = &self.text[start..next];
        let trimmed = content.trim_end_matches(['\n', '\r']);
        Some(start..start + trimmed.len())
    }

    /// The 1-based line and 1-based column (in characters) of byte `offset`.
    /// A byte order mark at the start of the file is not a column: editors
    /// do not show it, so the first character after it is column 1.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let mut column = self.text[start..offset].chars().count();
        let first_line = self.original_line(line) == 0;
        if first_line && offset >= start + BOM.len_utf8() && self.text[start..].starts_with(BOM) {
            column -= 1;
        }
        (self.original_line(line) + 1, column + 1)
    }
}

/// The byte order mark, U+FEFF, which some editors write at the start of
/// a UTF-8 file.
pub const BOM: char = '\u{feff}';

/// Byte offsets at which each line starts. A line ends at `\n`, at `\r\n`,
/// or at a `\r` not followed by `\n`.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

/// Every file of a run, addressed by [`FileId`]; implements codespan's
/// [`Files`] so diagnostics can be rendered with code frames.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    pub fn get_mut(&mut self, id: FileId) -> &mut SourceFile {
        &mut self.files[id]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl<'a> Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(id)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.line_index(byte_index))
    }

    /// The line's number in the file as read, also for a file cut down to
    /// the lines of its findings.
    fn line_number(&'a self, id: FileId, line_index: usize) -> Result<usize, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.original_line(line_index) + 1)
    }

    /// Columns as [`SourceFile::line_col`] counts them, so code frames and
    /// every other format agree (a byte order mark is not a column).
    fn column_number(
        &'a self,
        id: FileId,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.line_col(byte_index).1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        let count = file.line_starts.len();
        // codespan asks for the line after the last one to find where the
        // last line ends.
        if line_index == count {
            return Ok(file.text.len()..file.text.len());
        }
        let start = *file
            .line_starts
            .get(line_index)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: count - 1,
            })?;
        let end = file
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(file.text.len());
        Ok(start..end)
    }
}

/// A byte span with its line and column positions.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Location {
    pub start: u32,
    pub end: u32,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn new(file: &SourceFile, span: Span) -> Self {
        let (line, column) = file.line_col(span.start as usize);
        let (end_line, end_column) = file.line_col(span.end as usize);
        // Offsets in the file as read, also for a file cut down to the
        // lines of its findings.
        let original =
            |offset: u32| u32::try_from(file.original_offset(offset as usize)).unwrap_or(offset);
        Location {
            start: original(span.start),
            end: original(span.end),
            line,
            column,
            end_line,
            end_column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_handles_every_line_ending() {
        let file = SourceFile::new("t", "ab\r\ncd\ref\ngh");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(4), (2, 1));
        assert_eq!(file.line_col(7), (3, 1));
        assert_eq!(file.line_col(10), (4, 1));
        assert_eq!(file.line_range(0), Some(0..2));
        assert_eq!(file.line_range(1), Some(4..6));
        assert_eq!(file.line_range(3), Some(10..12));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let file = SourceFile::new("t", "\u{feff}ab\ncd");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(3), (1, 1));
        assert_eq!(file.line_col(4), (1, 2));
        assert_eq!(file.line_col(6), (2, 1));
        assert_eq!(
            Files::column_number(&sources_of(file), 0, 0, 4).ok(),
            Some(2)
        );
    }

    #[test]
    fn a_file_cut_down_to_some_lines_keeps_their_positions() {
        let text = "\u{feff}one\r\ntwo\rthree\nfour\nfive\nsix\nseven\neight\nnine\nten é\neleven";
        let mut file = SourceFile::new("t", text);
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            Span::new(start, start + word.len())
        };
        let (mut one, mut three, mut accented, mut both) =
            (at("one"), at("three"), at("é"), at("five\nsix"));
        let positions = |file: &SourceFile, spans: [Span; 4]| -> Vec<_> {
            spans
                .iter()
                .map(|s| {
                    (
                        file.line_col(s.start as usize),
                        file.line_col(s.end as usize),
                    )
                })
                .collect()
        };
        let before = positions(&file, [one, three, accented, both]);
        file.keep_lines_of(&mut [&mut one, &mut three, &mut accented, &mut both]);
        let after = positions(&file, [one, three, accented, both]);
        assert_eq!(after, before);
        assert_eq!(&file.text()[three.range()], "three");
        assert_eq!(&file.text()[accented.range()], "é");
        assert_eq!(&file.text()[both.range()], "five\nsix");
        // Offsets in the file as read are still known.
        assert_eq!(
            file.original_offset(accented.start as usize),
            text.find('é').unwrap()
        );
        // The one line between two kept ones is kept (a code frame shows
        // it); longer gaps are dropped.
        assert!(file.text().contains("two") && file.text().contains("four"));
        for dropped in ["seven", "eight", "nine", "eleven"] {
            assert!(!file.text().contains(dropped), "{dropped}");
        }
        let sources = sources_of(file);
        assert_eq!(Files::line_number(&sources, 0, 0).ok(), Some(1));
        let accented_line = Files::line_index(&sources, 0, accented.start as usize).unwrap();
        assert_eq!(
            Files::line_number(&sources, 0, accented_line).ok(),
            Some(10)
        );
    }

    fn sources_of(file: SourceFile) -> Sources {
        let mut sources = Sources::new();
        sources.add(file);
        sources
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("t", "“ab” c");
        // “ is three bytes; `c` is the sixth character.
        assert_eq!(file.line_col("“ab” ".len()), (1, 6));
    }
}
