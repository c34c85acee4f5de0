//! The lint pass.
//!
//! Each file is read and segmented once; every rule then reads the same
//! document. Rules whose kind compares documents (a figure stated in
//! several articles of one story) instead contribute evidence, grouped by
//! file, story directory or run; when every file has been read, each group
//! is concluded. The findings are sorted at the end, so output is the same
//! on every run.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::document::Document;
use crate::fact_sheet::FactSheets;
use crate::input;
use crate::kinds::pattern::{shared_searches, SharedSearch};
use crate::kinds::{Evidence, Grouping};
use crate::ruleset::RuleSet;
use crate::source::{FileId, SourceFile, Sources};
use crate::walk::IO;

/// What a lint run produced.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems with the input itself (unreadable files).
    pub problems: Vec<Diagnostic>,
    /// How many files were linted.
    pub files_checked: usize,
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
    /// The pattern rules searched together, and which (if any) each rule
    /// belongs to.
    shared: (Vec<SharedSearch>, Vec<Option<usize>>),
    findings: Vec<Diagnostic>,
    /// Evidence by (rule index, group key), in file order within a group.
    evidence: BTreeMap<(usize, String), Vec<(FileId, Evidence)>>,
    sheets: FactSheets,
}

impl<'r> Linter<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        Linter {
            rules,
            shared: shared_searches(
                &rules
                    .rules
                    .iter()
                    .map(|rule| rule.kind.as_pattern())
                    .collect::<Vec<_>>(),
            ),
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
        self.analyse_batch(sources, &[file])
            .pop()
            .unwrap_or_default()
    }

    /// [`Linter::analyse`] of each of `files`, in order. Each step (the
    /// document model, then each rule) is taken for every file of the
    /// batch before the next step: a rule's regexes and tables stay in the
    /// processor's caches from one file to the next, instead of being
    /// pushed out by every other rule's in between.
    pub fn analyse_batch(&self, sources: &Sources, files: &[FileId]) -> Vec<Analysis> {
        let views: Vec<_> = files
            .iter()
            .map(|&file| {
                let source = sources.get(file);
                input::prose_view(source.name(), source.text())
            })
            .collect();
        let docs: Vec<Document<'_>> = views.iter().map(|view| Document::parse(view)).collect();
        let mut analyses: Vec<Analysis> = files.iter().map(|_| Analysis::default()).collect();
        let (searches, search_of) = &self.shared;
        let mut cleared: Vec<Vec<Option<Vec<bool>>>> =
            files.iter().map(|_| vec![None; searches.len()]).collect();
        for (index, rule) in self.rules.rules.iter().enumerate() {
            for (k, (&file, doc)) in files.iter().zip(&docs).enumerate() {
                let analysis = &mut analyses[k];
                match rule.kind.grouping() {
                    None => {
                        let units = search_of[index].map(|search| {
                            cleared[k][search]
                                .get_or_insert_with(|| searches[search].units(doc))
                                .as_slice()
                        });
                        rule.check_cleared(file, doc, &mut analysis.findings, units);
                    }
                    Some(_) => {
                        if let Some(evidence) = rule.kind.gather(rule, file, doc) {
                            analysis.evidence.push((index, evidence));
                        }
                    }
                }
            }
        }
        analyses
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
        self.conclude(sources, |_| true);
        diagnostic::sort(&mut self.findings);
        self.findings
    }

    /// Concludes the groups of evidence whose key `complete` accepts: no
    /// file still to come can join them.
    fn conclude(&mut self, sources: &Sources, complete: impl Fn(&str) -> bool) {
        let keys: Vec<(usize, String)> = self
            .evidence
            .keys()
            .filter(|(_, key)| complete(key))
            .cloned()
            .collect();
        for key in keys {
            let Some(group) = self.evidence.remove(&key) else {
                continue;
            };
            let rule = &self.rules.rules[key.0];
            let sheet = group
                .first()
                .and_then(|(file, _)| self.sheets.for_file(sources.get(*file).name()));
            rule.kind
                .conclude(rule, group, sources, sheet, &mut self.findings);
        }
    }

    /// Takes out the findings that point at `files` and at none of the
    /// linted files in `waiting` (labels in other files, such as a fact
    /// sheet, do not count), and those that point nowhere.
    fn take_findings(
        &mut self,
        files: &HashSet<FileId>,
        waiting: &HashSet<FileId>,
    ) -> Vec<Diagnostic> {
        let (taken, kept) =
            std::mem::take(&mut self.findings)
                .into_iter()
                .partition(|finding: &Diagnostic| {
                    let mut labels = finding.primary.iter().chain(&finding.secondary);
                    let nowhere = finding.primary.is_none() && finding.secondary.is_empty();
                    nowhere
                        || (labels.clone().any(|label| files.contains(&label.file))
                            && !labels.any(|label| waiting.contains(&label.file)))
                });
        self.findings = kept;
        taken
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

/// How [`lint_paths`] hands over findings.
pub struct Settling<'s> {
    /// Called once for each file whose findings are final, with findings
    /// that include all of that file's: may drop some or add others (the
    /// file's suppressions).
    pub settle: &'s mut dyn FnMut(&Sources, FileId, &mut Vec<Diagnostic>),
    /// Cut each file whose findings are final down to the lines they point
    /// at, so that memory does not grow with the text of the run (not when
    /// fixes are to be applied, which need the whole text).
    pub keep_only_findings: bool,
    /// Receives the findings in report order, a run of files at a time, as
    /// soon as every file before them is settled.
    pub release: &'s mut dyn FnMut(&Sources, Vec<Diagnostic>),
    /// Once a file's findings are released, forget what is left of its
    /// text (when they have been written out and will not be read again).
    pub forget_released: bool,
}

/// Reads and lints `paths`, adding each file to `sources`, with `sheets`
/// giving known values of facts.
///
/// Files are streamed: a story (the files of one directory) is concluded
/// as soon as its last file is read, and its files are settled and, with
/// [`Settling::keep_only_findings`], cut down to the lines of their
/// findings. Only a rule that compares every file of the run (`scope =
/// "run"`) makes every file wait for the end of the run.
pub fn lint_paths(
    rules: &RuleSet,
    sources: &mut Sources,
    paths: &[impl AsRef<Path> + Sync],
    sheets: FactSheets,
    stdin_name: &str,
    progress: &mut dyn FnMut(usize, usize),
    mut settling: Settling<'_>,
) -> Report {
    let mut report = Report::default();
    let mut linter = Linter::new(rules).with_fact_sheets(sheets);
    let name_of = |path: &Path| {
        if path.as_os_str() == "-" {
            stdin_name.to_owned()
        } else {
            path.display().to_string()
        }
    };
    let directory_of = |name: &str| group_key(Grouping::Directory, name, 0);
    // The index of the last path of each directory: once it is read, the
    // directory's story is complete.
    let mut last_of_directory: HashMap<String, usize> = HashMap::new();
    for (index, path) in paths.iter().enumerate() {
        last_of_directory.insert(directory_of(&name_of(path.as_ref())), index);
    }
    let waits_for_run = rules
        .rules
        .iter()
        .any(|rule| rule.kind.grouping() == Some(Grouping::Run));
    // Read files whose findings are not final yet.
    let mut unsettled: Vec<FileId> = Vec::new();
    // Only the files read here are released and forgotten, not the rule
    // files and fact sheets added before, which later findings may show.
    let mut settled = Released {
        upto: sources.len(),
        ..Released::default()
    };

    // Files are read and analysed in parallel, a chunk at a time, and
    // joined in order, so the output does not depend on the threads.
    const CHUNK: usize = 256;
    const BATCH: usize = 16;
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
                    read_text(path).map(|text| SourceFile::new(name_of(path), text))
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
            .par_chunks(BATCH)
            .flat_map_iter(|batch| linter.analyse_batch(sources_now, batch))
            .collect();
        for (&id, analysis) in ids.iter().zip(analyses) {
            linter.record(sources_now, id, analysis);
            report.files_checked += 1;
        }
        unsettled.extend(ids);
        done += chunk.len();
        if waits_for_run {
            continue;
        }
        // Every group whose files have all been read is complete.
        let complete = |key: &str| {
            key.starts_with("file:") || last_of_directory.get(key).is_some_and(|&last| last < done)
        };
        linter.conclude(sources, complete);
        let (ready, waiting): (Vec<FileId>, Vec<FileId>) = unsettled
            .into_iter()
            .partition(|&id| complete(&directory_of(sources.get(id).name())));
        unsettled = waiting;
        let waiting: HashSet<FileId> = unsettled.iter().copied().collect();
        settle(
            &mut linter,
            sources,
            &ready,
            &waiting,
            &mut settled,
            &mut settling,
        );
        let watermark = unsettled.iter().copied().min().unwrap_or(sources.len());
        settled.release_before(watermark, sources, &mut settling);
    }
    linter.conclude(sources, |_| true);
    settle(
        &mut linter,
        sources,
        &unsettled,
        &HashSet::new(),
        &mut settled,
        &mut settling,
    );
    settled.held.append(&mut linter.findings);
    settled.release_before(usize::MAX, sources, &mut settling);
    report
}

/// Settled findings not yet released, and the files whose text can go.
#[derive(Default)]
struct Released {
    held: Vec<Diagnostic>,
    /// Files before this one have had their findings released.
    upto: FileId,
    /// Released files whose text a held finding still shows.
    still_shown: Vec<FileId>,
}

impl Released {
    /// Releases the held findings of files before `watermark` (and those
    /// that point nowhere), sorted: no file before it has findings to
    /// come, so the report stays in order.
    fn release_before(
        &mut self,
        watermark: FileId,
        sources: &mut Sources,
        settling: &mut Settling<'_>,
    ) {
        let (mut out, held): (Vec<Diagnostic>, Vec<Diagnostic>) = std::mem::take(&mut self.held)
            .into_iter()
            .partition(|finding| finding.primary.as_ref().is_none_or(|p| p.file < watermark));
        self.held = held;
        diagnostic::sort(&mut out);
        if !out.is_empty() {
            (settling.release)(sources, out);
        }
        if !settling.forget_released {
            return;
        }
        let upto = watermark.min(sources.len());
        let shown: HashSet<FileId> = self
            .held
            .iter()
            .flat_map(|f| f.primary.iter().chain(&f.secondary))
            .map(|label| label.file)
            .collect();
        let candidates: Vec<FileId> = std::mem::take(&mut self.still_shown)
            .into_iter()
            .chain(self.upto..upto)
            .collect();
        for file in candidates {
            if shown.contains(&file) {
                self.still_shown.push(file);
            } else {
                sources.get_mut(file).forget_text();
            }
        }
        self.upto = self.upto.max(upto);
    }
}

/// Hands the final findings of `files` over to `settling`, and moves them
/// to `settled`.
fn settle(
    linter: &mut Linter<'_>,
    sources: &mut Sources,
    files: &[FileId],
    waiting: &HashSet<FileId>,
    settled: &mut Released,
    settling: &mut Settling<'_>,
) {
    if files.is_empty() {
        return;
    }
    let set: HashSet<FileId> = files.iter().copied().collect();
    let mut findings = linter.take_findings(&set, waiting);
    for &file in files {
        (settling.settle)(sources, file, &mut findings);
    }
    if settling.keep_only_findings {
        crate::diagnostic::keep_lines_of(sources, files, &mut findings);
    }
    settled.held.append(&mut findings);
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
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(ReadError::Binary { path: name() });
    }
    String::from_utf8(bytes).map_err(|error| ReadError::NotUtf8 {
        path: name(),
        offset: error.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::builtin;

    /// A batch shares nothing between its documents but the rules: each
    /// file's findings and evidence are what it gets analysed alone.
    #[test]
    fn a_batch_gives_each_file_what_it_gets_alone() {
        let mut sources = Sources::new();
        let (rules, errors) = RuleSet::load(&mut sources, builtin::rule_files());
        assert!(errors.is_empty(), "{errors:?}");
        let texts = [
            "Police said more than 400 migrants were held.\n\nThe the raid ended. \"We are done.\"\n",
            "",
            "Officials said 300 migrants were held, TK.\n\nMore to follow.\n",
            "Résumé of José's   case: eight people ►  were aArrested.\n",
        ];
        let files: Vec<FileId> = texts
            .iter()
            .enumerate()
            .map(|(k, text)| sources.add(SourceFile::new(format!("story/{k}.txt"), *text)))
            .collect();
        let linter = Linter::new(&rules);
        let alone: Vec<String> = files
            .iter()
            .map(|&file| format!("{:?}", linter.analyse(&sources, file)))
            .collect();
        let batch: Vec<String> = linter
            .analyse_batch(&sources, &files)
            .iter()
            .map(|analysis| format!("{analysis:?}"))
            .collect();
        assert_eq!(batch, alone);
        assert!(
            alone[0].contains("repeated-word") && alone[3].contains("aArrested"),
            "{alone:?}"
        );
    }
}
