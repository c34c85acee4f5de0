//! The commands behind the CLI: gather rules and files, lint, render, and
//! decide the exit status. Nothing here exits the process; `main` maps the
//! returned [`Status`] to an exit code.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::Buffer;

use crate::cli::{
    Cli, ColorChoice, Command, FactsArgs, InspectArgs, InspectFormat, LintArgs, RuleArgs,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine;
use crate::fact_sheet::{self, FactSheet, FactSheets};
use crate::inspect::{FileView, InspectOutput};
use crate::render::human::{self, Tally};
use crate::rules::{builtin, RuleFile, RuleSet};
use crate::source::SourceFile;
use crate::source::Sources;
use crate::walk::{self, IO};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// No error-level finding (exit code 0).
    Clean,
    /// At least one error-level finding (exit code 1).
    Findings,
    /// A usage, I/O or rule-file problem (exit code 2).
    Failure,
}

impl Status {
    pub fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Findings => 1,
            Status::Failure => 2,
        }
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> Status {
    let result = match &cli.command {
        Some(Command::Inspect(args)) => inspect(args),
        Some(Command::Facts(args)) => facts(args),
        Some(Command::Test(args)) => crate::authoring::test(args),
        Some(Command::Rules(args)) => crate::authoring::rules(args),
        Some(Command::Explain(args)) => crate::authoring::explain(args),
        Some(Command::Init) => crate::authoring::init(),
        None => lint(&cli.lint),
    };
    match result {
        Ok(status) => status,
        Err(error) => {
            eprintln!("error: {error}");
            Status::Failure
        }
    }
}

fn lint(args: &LintArgs) -> io::Result<Status> {
    let mut sources = Sources::new();
    let (rules, mut problems) = load_rules(&args.rules, &mut sources);
    let files = discover(&args.paths, &mut problems);
    let sheets = load_fact_sheets(
        &files,
        args.facts.as_deref(),
        &rules,
        &mut sources,
        &mut problems,
    );
    let report = engine::lint_paths(&rules, &mut sources, &files, sheets);
    problems.extend(report.problems);

    report_problems(args.color, &sources, &problems)?;

    let mut out_buffer = buffer(use_color(args.color, io::stdout().is_terminal()));
    if !args.quiet {
        human::render(&mut out_buffer, &sources, &report.findings)?;
    }
    let tally = Tally::of(&report.findings);
    io::Write::write_all(
        &mut out_buffer,
        format!("{}\n", human::summary(tally, report.files_checked)).as_bytes(),
    )?;
    human::write_out(&mut io::stdout().lock(), out_buffer.as_slice())?;

    Ok(if problems.iter().any(|p| p.severity == Severity::Error) {
        Status::Failure
    } else if tally.errors > 0 {
        Status::Findings
    } else {
        Status::Clean
    })
}

fn inspect(args: &InspectArgs) -> io::Result<Status> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            match io::Read::read_to_string(&mut io::stdin().lock(), &mut text) {
                Ok(_) => files.push(SourceFile::new("<stdin>", text)),
                Err(error) => problems.push(Diagnostic::new(
                    IO,
                    Severity::Error,
                    format!("cannot read standard input: {error}"),
                )),
            }
            continue;
        }
        let (found, walk_problems) = walk::discover(std::slice::from_ref(path));
        problems.extend(walk_problems);
        for file in found {
            match engine::read_text(&file) {
                Ok(text) => files.push(SourceFile::new(file.display().to_string(), text)),
                Err(error) => problems.push(error.to_diagnostic()),
            }
        }
    }
    let views: Vec<FileView> = files.iter().map(|f| FileView::new(f, &args.only)).collect();
    let mut out = buffer(use_color(args.color, io::stdout().is_terminal()));
    match args.format {
        InspectFormat::Json => {
            let output = InspectOutput {
                version: 1,
                files: views,
            };
            serde_json::to_writer_pretty(&mut out, &output).map_err(io::Error::other)?;
            io::Write::write_all(&mut out, b"\n")?;
        }
        InspectFormat::Text => {
            for (i, view) in views.iter().enumerate() {
                if i > 0 {
                    io::Write::write_all(&mut out, b"\n")?;
                }
                view.write_tree(&mut out)?;
            }
        }
    }
    report_problems(args.color, &Sources::new(), &problems)?;
    human::write_out(&mut io::stdout().lock(), out.as_slice())?;
    Ok(if problems.is_empty() {
        Status::Clean
    } else {
        Status::Failure
    })
}

fn facts(args: &FactsArgs) -> io::Result<Status> {
    let mut sources = Sources::new();
    let (rules, mut problems) = load_rules(&args.rules, &mut sources);
    let files = discover(&args.paths, &mut problems);
    let mut ids = Vec::new();
    for path in &files {
        match engine::read_text(path) {
            Ok(text) => ids.push(sources.add(SourceFile::new(path.display().to_string(), text))),
            Err(error) => problems.push(error.to_diagnostic()),
        }
    }
    let table = crate::facts::FactTable::collect(&rules, &sources, &ids);
    let mut out = Vec::new();
    match args.format {
        InspectFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &table).map_err(io::Error::other)?;
            out.push(b'\n');
        }
        InspectFormat::Text => out.extend(table.to_text().into_bytes()),
    }
    report_problems(ColorChoice::Auto, &sources, &problems)?;
    human::write_out(&mut io::stdout().lock(), &out)?;
    Ok(if problems.iter().any(|p| p.severity == Severity::Error) {
        Status::Failure
    } else {
        Status::Clean
    })
}

/// Loads the rules of a run into `sources`, with every problem found.
pub(crate) fn load_rules(args: &RuleArgs, sources: &mut Sources) -> (RuleSet, Vec<Diagnostic>) {
    let (rule_files, mut problems) = gather_rule_files(args);
    let (rules, rule_errors) = RuleSet::load(sources, rule_files);
    problems.extend(rule_errors);
    (rules, problems)
}

/// The files under `paths` (the current directory if none are given).
fn discover(paths: &[PathBuf], problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let (files, walk_problems) = walk::discover(paths);
    problems.extend(walk_problems);
    files
}

/// The fact sheets of a run: `facts.toml` in each directory holding linted
/// files, and the one given with `--facts`.
fn load_fact_sheets(
    files: &[PathBuf],
    global: Option<&Path>,
    rules: &RuleSet,
    sources: &mut Sources,
    problems: &mut Vec<Diagnostic>,
) -> FactSheets {
    let mut sheets = FactSheets::default();
    let load = |path: &Path, sources: &mut Sources, problems: &mut Vec<Diagnostic>| {
        match engine::read_text(path) {
            Ok(text) => {
                let id = sources.add(SourceFile::new(path.display().to_string(), text));
                let (sheet, errors) = FactSheet::parse(id, sources, rules);
                problems.extend(errors);
                Some(sheet)
            }
            Err(error) => {
                problems.push(error.to_diagnostic());
                None
            }
        }
    };
    if let Some(path) = global {
        if let Some(sheet) = load(path, sources, problems) {
            sheets.set_global(sheet);
        }
    }
    let mut dirs: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    dirs.dedup();
    for dir in dirs {
        let path = dir.join(fact_sheet::FILE_NAME);
        if path.is_file() {
            if let Some(sheet) = load(&path, sources, problems) {
                sheets.add_dir(dir.display().to_string(), sheet);
            }
        }
    }
    sheets
}

/// Renders problems with factlint's input to standard error.
pub(crate) fn report_problems(
    color: ColorChoice,
    sources: &Sources,
    problems: &[Diagnostic],
) -> io::Result<()> {
    let mut buffer = buffer(use_color(color, io::stderr().is_terminal()));
    human::render(&mut buffer, sources, problems)?;
    human::write_out(&mut io::stderr().lock(), buffer.as_slice())
}

pub(crate) fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none(),
    }
}

pub(crate) fn buffer(color: bool) -> Buffer {
    if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    }
}

/// The rule files of a run: the built-in set, then `./rules/`, then each
/// `--rules` directory. A later file with the same file name as an earlier
/// one replaces it (a byte-identical copy, such as this repository's own
/// `rules/`, changes nothing).
pub fn gather_rule_files(args: &RuleArgs) -> (Vec<RuleFile>, Vec<Diagnostic>) {
    let mut files: Vec<(String, RuleFile)> = Vec::new();
    let mut problems = Vec::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    if !args.no_default_rules {
        for file in builtin::rule_files() {
            let key = file
                .name
                .trim_start_matches(builtin::BUILTIN_PREFIX)
                .to_owned();
            files.push((key, file));
        }
        if Path::new("rules").is_dir() {
            dirs.push(PathBuf::from("rules"));
        }
    }
    dirs.extend(args.dirs.iter().cloned());
    for dir in dirs {
        let paths = match rule_paths(&dir) {
            Ok(paths) => paths,
            Err(error) => {
                problems.push(Diagnostic::new(
                    IO,
                    Severity::Error,
                    format!("cannot read rule directory `{}`: {error}", dir.display()),
                ));
                continue;
            }
        };
        for path in paths {
            let text = match engine::read_text(&path) {
                Ok(text) => text,
                Err(error) => {
                    problems.push(error.to_diagnostic());
                    continue;
                }
            };
            let key = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let file = RuleFile {
                name: path.display().to_string(),
                text,
            };
            match files.iter_mut().find(|(existing, _)| *existing == key) {
                Some((_, existing)) if existing.text == file.text => {}
                Some((_, existing)) => *existing = file,
                None => files.push((key, file)),
            }
        }
    }
    (files.into_iter().map(|(_, file)| file).collect(), problems)
}

/// The `.toml` files of a rule directory in name order, or the path itself
/// if it is a file.
fn rule_paths(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml") && path.is_file())
        .collect();
    paths.sort();
    Ok(paths)
}
