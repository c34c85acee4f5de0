//! The files factlint reads: articles and rule files alike.
//!
//! Every diagnostic points into a [`SourceFile`] by [`FileId`] and byte
//! [`Span`]. Line and column numbers are computed only when rendering, from a
//! line-start table that understands `\n`, `\r\n` and a lone `\r`, so spans
//! stay right whatever line endings a file uses.

use std::ops::Range;

use codespan_reporting::files::{Error as FilesError, Files};

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
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = line_starts(&text);
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
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
        if start == 0 && offset >= BOM.len_utf8() && self.text.starts_with(BOM) {
            column -= 1;
        }
        (line + 1, column + 1)
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
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
            _ => {}
        }
        i += 1;
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
