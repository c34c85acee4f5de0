//! The lint pass.
//!
//! Each file is read and segmented once; every rule then reads the same
//! document. Rules whose kind compares documents (a figure stated in
//! several articles of one story) instead contribute evidence, grouped by
//! file, story directory or run; when every file has been read, each group
//! is concluded. The findings are sorted at the end, so output is the same
//! on every run.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::document::Document;
use crate::fact_sheet::FactSheets;
use crate::input;
use crate::kinds::{Evidence, Grouping};
use crate::rules::RuleSet;
use crate::source::{FileId, SourceFile, Sources};
use crate::walk::IO;

/// What a lint run produced.
#[derive(Debug, Default)]
pub struct Report {
    /// Findings of rules, sorted by file, position and rule.
    pub findings: Vec<Diagnostic>,
    /// Problems with the input itself (unreadable files).
    pub problems: Vec<Diagnostic>,
    /// How many files were linted.
    pub files_checked: usize,
    /// The linted files, in order.
    pub files: Vec<FileId>,
}

/// What the rules found in one file, before it joins the run.
#[derive(Debug, Default)]
pub struct Analysis {
    findings: Vec<Diagnostic>,
    /// Evidence for cross-document rules, by rule index.
    evidence: Vec<(usize, Evidence)>,
}

/// A lint run in progress: documents go in one at a time with
/// [`Linter::add`]; [`Linter::finish`] runs the cross-document pass and
/// returns every finding, sorted.
pub struct Linter<'r> {
    rules: &'r RuleSet,
    findings: Vec<Diagnostic>,
    /// Evidence by (rule index, group key), in file order within a group.
    evidence: BTreeMap<(usize, String), Vec<(FileId, Evidence)>>,
    sheets: FactSheets,
}

impl<'r> Linter<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        Linter {
            rules,
            findings: Vec::new(),
            evidence: BTreeMap::new(),
            sheets: FactSheets::default(),
        }
    }

    /// Uses `sheets` as the known values of facts.
    pub fn with_fact_sheets(mut self, sheets: FactSheets) -> Self {
        self.sheets = sheets;
        self
    }

    /// Runs every rule over one file of `sources`.
    pub fn add(&mut self, sources: &Sources, file: FileId) {
        let analysis = self.analyse(sources, file);
        self.record(sources, file, analysis);
    }

    /// What the rules find in one file: its findings, and its evidence for
    /// cross-document rules. Reads only, so files can be analysed in
    /// parallel.
    pub fn analyse(&self, sources: &Sources, file: FileId) -> Analysis {
        let source = sources.get(file);
        let view = input::prose_view(source.name(), source.text());
        let doc = Document::parse(&view);
        let mut analysis = Analysis::default();
        for (index, rule) in self.rules.rules.iter().enumerate() {
            match rule.kind.grouping() {
                None => rule.check(file, &doc, &mut analysis.findings),
                Some(_) => {
                    if let Some(evidence) = rule.kind.gather(rule, file, &doc) {
                        analysis.evidence.push((index, evidence));
                    }
                }
            }
        }
        analysis
    }

    /// Adds the analysis of `file` to the run, in file order.
    pub fn record(&mut self, sources: &Sources, file: FileId, analysis: Analysis) {
        self.findings.extend(analysis.findings);
        for (index, evidence) in analysis.evidence {
            if let Some(grouping) = self.rules.rules[index].kind.grouping() {
                let key = group_key(grouping, sources.get(file).name(), file);
                self.evidence
                    .entry((index, key))
                    .or_default()
                    .push((file, evidence));
            }
        }
    }

    /// Concludes every group of evidence and returns all findings, sorted.
    pub fn finish(mut self, sources: &Sources) -> Vec<Diagnostic> {
        for ((index, _), group) in std::mem::take(&mut self.evidence) {
            let rule = &self.rules.rules[index];
            let sheet = group
                .first()
                .and_then(|(file, _)| self.sheets.for_file(sources.get(*file).name()));
            rule.kind
                .conclude(rule, group, sources, sheet, &mut self.findings);
        }
        diagnostic::sort(&mut self.findings);
        self.findings
    }
}

/// Which documents a grouped rule compares with each other: the file
/// alone, the files of one directory (one story), or every file of the run.
fn group_key(grouping: Grouping, name: &str, file: FileId) -> String {
    match grouping {
        Grouping::File => format!("file:{file}"),
        Grouping::Directory => {
            let parent = Path::new(name).parent().unwrap_or(Path::new(""));
            format!("dir:{}", parent.display())
        }
        Grouping::Run => String::from("run"),
    }
}

/// Runs every rule over one file alone, cross-document rules included.
pub fn lint_document(rules: &RuleSet, sources: &Sources, file: FileId) -> Vec<Diagnostic> {
    let mut linter = Linter::new(rules);
    linter.add(sources, file);
    linter.finish(sources)
}

/// Reads and lints `paths`, adding each file to `sources`, with `sheets`
/// giving known values of facts.
pub fn lint_paths(
    rules: &RuleSet,
    sources: &mut Sources,
    paths: &[impl AsRef<Path> + Sync],
    sheets: FactSheets,
    stdin_name: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Report {
    let mut report = Report::default();
    let mut linter = Linter::new(rules).with_fact_sheets(sheets);
    // Files are read and analysed in parallel, a chunk at a time, and
    // joined in order, so the output does not depend on the threads.
    const CHUNK: usize = 256;
    let mut done = 0;
    for chunk in paths.chunks(CHUNK) {
        progress(done, paths.len());
        let read: Vec<Result<SourceFile, ReadError>> = chunk
            .par_iter()
            .map(|path| {
                let path = path.as_ref();
                if path.as_os_str() == "-" {
                    read_stdin().map(|text| SourceFile::new(stdin_name, text))
                } else {
                    read_text(path).map(|text| SourceFile::new(path.display().to_string(), text))
                }
            })
            .collect();
        let mut ids = Vec::with_capacity(read.len());
        for file in read {
            match file {
                Ok(file) => ids.push(sources.add(file)),
                Err(error) => report.problems.push(error.to_diagnostic()),
            }
        }
        let sources_now: &Sources = sources;
        let analyses: Vec<Analysis> = ids
            .par_iter()
            .map(|&id| linter.analyse(sources_now, id))
            .collect();
        for (&id, analysis) in ids.iter().zip(analyses) {
            linter.record(sources_now, id, analysis);
            report.files.push(id);
            report.files_checked += 1;
        }
        done += chunk.len();
    }
    report.findings = linter.finish(sources);
    report
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("`{path}` looks like a binary file (it contains NUL bytes); skipped")]
    Binary { path: String },
    #[error("`{path}` is UTF-16 text, not UTF-8; skipped")]
    Utf16 { path: String },
    #[error("`{path}` is not valid UTF-8 (invalid byte at offset {offset}); skipped")]
    NotUtf8 { path: String, offset: usize },
}

impl ReadError {
    /// The error as a diagnostic about factlint's input. A binary file is
    /// not copy, so skipping it loses nothing: a note, which leaves the
    /// exit code alone (lists of changed files, as pre-commit passes, hold
    /// images too). Text factlint cannot read is copy left unchecked: an
    /// error.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let severity = match self {
            ReadError::Binary { .. } => Severity::Info,
            _ => Severity::Error,
        };
        let diagnostic = Diagnostic::new(IO, severity, self.to_string());
        match self {
            ReadError::NotUtf8 { .. } => diagnostic
                .with_help("convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"),
            ReadError::Utf16 { .. } => {
                diagnostic.with_help("convert the file to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`")
            }
            _ => diagnostic,
        }
    }
}

/// Reads standard input as UTF-8 text.
pub fn read_stdin() -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map_err(|source| {
        ReadError::Io {
            path: "<stdin>".to_owned(),
            source,
        }
    })?;
    String::from_utf8(bytes).map_err(|error| ReadError::NotUtf8 {
        path: "<stdin>".to_owned(),
        offset: error.utf8_error().valid_up_to(),
    })
}

/// Reads a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let name = || path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: name(),
        source,
    })?;
    // UTF-16 text (a byte order mark FF FE or FE FF) is full of NUL bytes,
    // but it is copy, not a binary file.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16 { path: name() });
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(ReadError::Binary { path: name() });
    }
    String::from_utf8(bytes).map_err(|error| ReadError::NotUtf8 {
        path: name(),
        offset: error.utf8_error().valid_up_to(),
    })
}
