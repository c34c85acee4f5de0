//! Micro-benchmarks (divan): the pieces of a lint run, each alone.
//!
//! - `rule_compilation`: loading and compiling every built-in rule (the
//!   start-up cost of every run);
//! - `prose_view` and `segmentation`: reading a file's prose and building
//!   the document model;
//! - `kind`: every built-in rule of one kind over documents already
//!   segmented (cross-document kinds gather their evidence per document and
//!   then conclude per story directory).
//!
//! Input: 200 real articles from `../shared/corpus/gvc` when it is present
//! (the articles are never copied into the repository), else the five
//! seed articles. Throughput is reported in bytes of input.
//!
//! Run with `cargo bench --bench micro` (`-- kind` for one group). CI does
//! not run or build benchmarks; `cargo clippy --all-targets` checks them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use factlint::diagnostic::Diagnostic;
use factlint::document::Document;
use factlint::input;
use factlint::kinds::{Evidence, KINDS};
use factlint::rules::builtin;
use factlint::ruleset::RuleSet;
use factlint::source::{FileId, SourceFile, Sources};

fn main() {
    eprintln!("input: {}", CORPUS.description);
    divan::main();
}

/// How many real articles the benchmarks read.
const ARTICLES: usize = 200;

struct Corpus {
    description: String,
    /// Every article, with the rule files loaded first.
    sources: Sources,
    files: Vec<FileId>,
    /// The prose view of each article, in `files` order.
    views: Vec<String>,
    bytes: usize,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(load_corpus);

/// The built-in rules, compiled once.
static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let mut sources = Sources::new();
    let (rules, problems) = RuleSet::load(&mut sources, builtin::rule_files());
    assert!(problems.is_empty(), "the built-in rules load");
    rules
});

fn load_corpus() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gvc = root.join("../shared/corpus/gvc");
    let mut paths: Vec<PathBuf> = Vec::new();
    if let Ok(stories) = std::fs::read_dir(&gvc) {
        for story in stories.flatten() {
            if let Ok(articles) = std::fs::read_dir(story.path()) {
                paths.extend(articles.flatten().map(|a| a.path()));
            }
        }
    }
    paths.sort();
    paths.truncate(ARTICLES);
    let description = if paths.is_empty() {
        paths = std::fs::read_dir(root.join("seeds"))
            .expect("seeds/ exists")
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        format!(
            "the {} seed articles ({} not found)",
            paths.len(),
            gvc.display()
        )
    } else {
        format!("{} real articles from {}", paths.len(), gvc.display())
    };
    let mut sources = Sources::new();
    let mut files = Vec::new();
    let mut views = Vec::new();
    let mut bytes = 0;
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // Story directory / file name, as a walk would name them.
        let name = path
            .iter()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<PathBuf>()
            .display()
            .to_string();
        bytes += text.len();
        views.push(input::prose_view(&name, &text).into_owned());
        files.push(sources.add(SourceFile::new(name, text)));
    }
    Corpus {
        description,
        sources,
        files,
        views,
        bytes,
    }
}

#[divan::bench(sample_count = 20)]
fn rule_compilation() -> RuleSet {
    let mut sources = Sources::new();
    RuleSet::load(&mut sources, builtin::rule_files()).0
}

#[divan::bench(sample_count = 20)]
fn prose_view(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        for &file in &corpus.files {
            let source = corpus.sources.get(file);
            black_box(input::prose_view(source.name(), source.text()));
        }
    });
}

#[divan::bench(sample_count = 20)]
fn segmentation(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        for view in &corpus.views {
            black_box(Document::parse(view));
        }
    });
}

/// The names of the rule kinds that have built-in rules.
fn kinds_with_rules() -> Vec<&'static str> {
    KINDS
        .iter()
        .map(|k| k.name)
        .filter(|name| RULES.rules.iter().any(|r| r.kind.name() == *name))
        .collect()
}

#[divan::bench(args = kinds_with_rules(), sample_count = 20)]
fn kind(bencher: Bencher, kind: &str) {
    let corpus = &*CORPUS;
    let rules: Vec<_> = RULES
        .rules
        .iter()
        .filter(|r| r.kind.name() == kind)
        .collect();
    let docs: Vec<(FileId, Document<'_>)> = corpus
        .files
        .iter()
        .zip(&corpus.views)
        .map(|(&file, view)| (file, Document::parse(view)))
        .collect();
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        let mut findings: Vec<Diagnostic> = Vec::new();
        for rule in &rules {
            if rule.kind.grouping().is_none() {
                for (file, doc) in &docs {
                    rule.check(*file, doc, &mut findings);
                }
                continue;
            }
            // Evidence per story directory, then each story concluded.
            let mut stories: BTreeMap<&str, Vec<(FileId, Evidence)>> = BTreeMap::new();
            for (file, doc) in &docs {
                if let Some(evidence) = rule.kind.gather(rule, *file, doc) {
                    let name = corpus.sources.get(*file).name();
                    let story = name.rsplit_once('/').map_or("", |(dir, _)| dir);
                    stories.entry(story).or_default().push((*file, evidence));
                }
            }
            for (_, group) in stories {
                rule.kind
                    .conclude(rule, group, &corpus.sources, None, &mut findings);
            }
        }
        black_box(findings)
    });
}
