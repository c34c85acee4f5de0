//! The commands behind the CLI: gather rules and files, lint, render, and
//! decide the exit status. Nothing here exits the process; `main` maps the
//! returned [`Status`] to an exit code.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::Buffer;

use crate::baseline::{self, Baseline};
use crate::cli::{
    ColorChoice, ConfigArgs, ConfigCommandArgs, FactsArgs, Format, InspectArgs, InspectFormat,
    LintArgs, MinSeverity, OutputArgs, RuleArgs,
};
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine;
use crate::fact_sheet::{self, FactSheet, FactSheets};
use crate::fix;
use crate::inspect::{FileView, InspectOutput};
use crate::levels::{self, Level, USAGE};
use crate::render::human::{self, Tally};
use crate::render::{github, json, sarif, short};
use crate::rules::{builtin, RuleFile};
use crate::ruleset::RuleSet;
use crate::source::FileId;
use crate::source::SourceFile;
use crate::source::Sources;
use crate::suppress;
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

/// `factlint [PATHS]`: lints the files, writes the findings and returns
/// the exit status.
pub fn lint(args: &LintArgs, output: OutputArgs) -> io::Result<Status> {
    let mut sources = Sources::new();
    // The walk is mostly waiting on the file system: it runs beside the
    // rule compilation rather than after it.
    let (setup, (mut files, walk_problems)) = std::thread::scope(|scope| {
        let walk = scope.spawn(|| walk(&args.paths));
        let setup = setup(&args.rules, &args.config, &mut sources);
        let walked = walk
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (setup, walked)
    });
    let Setup {
        mut rules,
        config,
        mut problems,
        known,
    } = setup;
    problems.extend(levels::apply(&mut rules, &level_settings(args)));
    problems.extend(walk_problems);
    rules.rules.retain(|r| r.enabled);
    let active: Vec<String> = rules.rules.iter().map(|r| r.id.clone()).collect();
    if let Some(config) = &config {
        files.retain(|f| f.as_os_str() == "-" || config.selects(f));
    }
    let sheets = load_fact_sheets(
        &files,
        args.facts.as_deref(),
        &rules,
        &mut sources,
        &mut problems,
    );
    // Findings are written out as soon as they are final, file by file, so
    // that a long run holds neither every file's text nor every finding.
    // Not when something must see all of them first: a baseline, fixes, or
    // a format that is one document (JSON, SARIF).
    let streaming =
        !(args.fix || args.diff || args.baseline.is_some() || args.write_baseline.is_some())
            && matches!(args.format, Format::Human | Format::Short | Format::Github);
    let color = use_color(output.color, io::stdout().is_terminal());
    // A progress bar would tangle with findings streamed to the terminal.
    let mut progress = Progress::new(
        args.format == Format::Human && !output.quiet && !(streaming && io::stdout().is_terminal()),
    );
    let min_severity = args.min_severity.map(|min| match min {
        MinSeverity::Info => Severity::Info,
        MinSeverity::Warning => Severity::Warning,
        MinSeverity::Error => Severity::Error,
    });
    // Each file's suppressions apply once its findings are final; after
    // that only the lines of its findings are kept, unless fixes need the
    // whole text.
    let mut settle = |sources: &Sources, file: FileId, findings: &mut Vec<Diagnostic>| {
        let unused = suppress::apply(file, sources.get(file), findings, &active, &known);
        findings.extend(unused);
    };
    let mut findings: Vec<Diagnostic> = Vec::new();
    let mut tally = Tally::default();
    let mut written: io::Result<()> = Ok(());
    let mut release = |sources: &Sources, mut batch: Vec<Diagnostic>| {
        if let Some(config) = &config {
            apply_path_overrides(config, sources, &mut batch);
        }
        if let Some(min) = min_severity {
            batch.retain(|f| f.severity >= min);
        }
        if !streaming {
            findings.append(&mut batch);
            return;
        }
        tally.add(&batch);
        if written.is_err() || batch.is_empty() {
            return;
        }
        written = write_findings(args, output.quiet, color, sources, &batch);
    };
    let run = || {
        engine::lint_paths(
            &rules,
            &mut sources,
            &files,
            sheets,
            &args.stdin_filename,
            &mut |done, total| progress.update(done, total),
            engine::Settling {
                settle: &mut settle,
                keep_only_findings: !(args.fix || args.diff),
                release: &mut release,
                forget_released: streaming,
            },
        )
    };
    let report = match args.threads {
        Some(threads) => match rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build()
        {
            Ok(pool) => pool.install(run),
            Err(_) => run(),
        },
        None => run(),
    };
    progress.finish();
    problems.extend(report.problems);
    written?;
    if streaming {
        report_problems(output.color, &sources, &problems)?;
        if args.format == Format::Human {
            let summary = format!("{}\n", human::summary(tally, report.files_checked));
            human::write_out(&mut io::stdout().lock(), summary.as_bytes())?;
        }
        return Ok(failure_or(&problems, exit_status(args, tally)));
    }

    if let Some(path) = &args.write_baseline {
        match baseline::write(path, &findings, &sources) {
            Ok(count) => eprintln!(
                "wrote {} to the baseline {}",
                plural(count, "finding"),
                path.display()
            ),
            Err(error) => problems.push(Diagnostic::new(IO, Severity::Error, error.to_string())),
        }
        report_problems(output.color, &sources, &problems)?;
        return Ok(failure_or(&problems, Status::Clean));
    }
    if let Some(path) = &args.baseline {
        match Baseline::load(path) {
            Ok(baseline) => {
                baseline.filter(&mut findings, &sources);
            }
            Err(error) => problems.push(Diagnostic::new(IO, Severity::Error, error.to_string())),
        }
    }
    if args.fix || args.diff {
        let outcome = fix::apply(&findings, &sources, args.fix);
        problems.extend(outcome.problems);
        if args.diff {
            report_problems(output.color, &sources, &problems)?;
            human::write_out(&mut io::stdout().lock(), outcome.diff.as_bytes())?;
            let status = if outcome.applied.is_empty() {
                Status::Clean
            } else {
                Status::Findings
            };
            return Ok(failure_or(&problems, status));
        }
        eprintln!(
            "fixed {} in {}",
            plural(outcome.applied.len(), "finding"),
            plural(outcome.files, "file")
        );
        let mut index = 0;
        findings.retain(|_| {
            let keep = !outcome.applied.contains(&index);
            index += 1;
            keep
        });
    }

    report_problems(output.color, &sources, &problems)?;
    let tally = Tally::of(&findings);
    let output = match args.format {
        Format::Human => {
            let mut out = buffer(use_color(output.color, io::stdout().is_terminal()));
            if !output.quiet {
                human::render(&mut out, &sources, &findings)?;
            }
            io::Write::write_all(
                &mut out,
                format!("{}\n", human::summary(tally, report.files_checked)).as_bytes(),
            )?;
            out.into_inner()
        }
        Format::Short => short::render(&sources, &findings).into_bytes(),
        Format::Json => json::render(&sources, &findings).into_bytes(),
        Format::Sarif => sarif::render(&rules, &sources, &findings).into_bytes(),
        Format::Github => github::render(&sources, &findings).into_bytes(),
    };
    human::write_out(&mut io::stdout().lock(), &output)?;

    Ok(failure_or(&problems, exit_status(args, tally)))
}

/// Writes findings in a line-by-line format (human, short, GitHub) to
/// standard output.
fn write_findings(
    args: &LintArgs,
    quiet: bool,
    color: bool,
    sources: &Sources,
    findings: &[Diagnostic],
) -> io::Result<()> {
    let bytes = match args.format {
        Format::Human if quiet => return Ok(()),
        Format::Human => {
            let mut out = buffer(color);
            human::render(&mut out, sources, findings)?;
            out.into_inner()
        }
        Format::Short => short::render(sources, findings).into_bytes(),
        Format::Github => github::render(sources, findings).into_bytes(),
        Format::Json | Format::Sarif => return Ok(()),
    };
    human::write_out(&mut io::stdout().lock(), &bytes)
}

/// Findings (exit code 1) when an error-level rule fired or there are more
/// warnings than `--max-warnings`.
fn exit_status(args: &LintArgs, tally: Tally) -> Status {
    let too_many_warnings = args.max_warnings.is_some_and(|max| tally.warnings > max);
    if tally.errors > 0 || too_many_warnings {
        Status::Findings
    } else {
        Status::Clean
    }
}

/// A progress bar on standard error for long runs: shown only when
/// standard error is a terminal, and only once a run has taken more than a
/// second, so short runs and piped output never see it.
struct Progress {
    enabled: bool,
    started: std::time::Instant,
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(wanted: bool) -> Self {
        Progress {
            enabled: wanted && io::stderr().is_terminal(),
            started: std::time::Instant::now(),
            bar: None,
        }
    }

    fn update(&mut self, done: usize, total: usize) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() > std::time::Duration::from_secs(1) {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {eta}")
            {
                bar.set_style(style);
            }
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1 file`, `2 files`.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `Failure` if any problem with the input is an error, else `status`.
fn failure_or(problems: &[Diagnostic], status: Status) -> Status {
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Status::Failure
    } else {
        status
    }
}

/// The `-A/-W/-D` settings of the command line.
fn level_settings(args: &LintArgs) -> Vec<(String, Level)> {
    let mut settings = Vec::new();
    for (ids, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        settings.extend(ids.iter().map(|id| (id.clone(), level)));
    }
    settings
}

/// `factlint inspect`: shows how factlint reads each file.
pub fn inspect(args: &InspectArgs, output: OutputArgs) -> io::Result<Status> {
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
    let mut out = buffer(use_color(output.color, io::stdout().is_terminal()));
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
    report_problems(output.color, &Sources::new(), &problems)?;
    if !output.quiet {
        human::write_out(&mut io::stdout().lock(), out.as_slice())?;
    }
    Ok(if problems.is_empty() {
        Status::Clean
    } else {
        Status::Failure
    })
}

/// `factlint facts`: shows the facts each story states.
pub fn facts(args: &FactsArgs, output: OutputArgs) -> io::Result<Status> {
    let mut sources = Sources::new();
    let Setup {
        rules,
        mut problems,
        ..
    } = setup(&args.rules, &args.config, &mut sources);
    let (files, walk_problems) = walk(&args.paths);
    problems.extend(walk_problems);
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
    report_problems(output.color, &sources, &problems)?;
    if !output.quiet {
        human::write_out(&mut io::stdout().lock(), &out)?;
    }
    Ok(if problems.iter().any(|p| p.severity == Severity::Error) {
        Status::Failure
    } else {
        Status::Clean
    })
}

/// The configuration and rules of a run, and the problems found loading
/// them.
struct Setup {
    rules: RuleSet,
    config: Option<Config>,
    problems: Vec<Diagnostic>,
    /// Every rule loaded, before `enabled = false` and `-A` remove some.
    known: Vec<String>,
}

/// Loads the configuration file (the nearest `factlint.toml`, or the one
/// given), then the rules: built-in, `./rules`, the configuration's
/// `rule_dirs`, then `--rules`, with the configuration's rule options,
/// severities and project words applied.
fn setup(rule_args: &RuleArgs, config_args: &ConfigArgs, sources: &mut Sources) -> Setup {
    rayon::spawn(crate::document::warm_up);
    let mut problems = Vec::new();
    let path = if config_args.no_config {
        None
    } else {
        config_args
            .config
            .clone()
            .or_else(|| config::discover(&std::env::current_dir().unwrap_or_default()))
    };
    let config = path.and_then(|path| {
        let (config, errors) = Config::load(&path, sources);
        problems.extend(errors);
        config
    });
    let config_dirs = config.as_ref().map_or(&[][..], |c| &c.rule_dirs[..]);
    let config_packs = config.as_ref().map_or(&[][..], |c| &c.packs[..]);
    let (rule_files, rule_problems) = gather_rule_files(rule_args, config_dirs, config_packs);
    problems.extend(rule_problems);
    let overlay = config.as_ref().map(Config::overlay);
    let (mut rules, rule_errors) = RuleSet::load_with(sources, rule_files, overlay.as_ref());
    problems.extend(rule_errors);
    let known: Vec<String> = rules.rules.iter().map(|r| r.id.clone()).collect();
    if let Some(config) = &config {
        problems.extend(config.check_rule_ids(&known));
        for settings in &config.rules {
            if let Some(rule) = rules.rules.iter_mut().find(|r| r.id == settings.id) {
                if let Some(severity) = settings.severity {
                    rule.head.severity = severity;
                }
                if settings.enabled == Some(true) {
                    rule.head.enabled = true;
                }
            }
        }
        let disabled: Vec<&str> = config
            .rules
            .iter()
            .filter(|s| s.enabled == Some(false))
            .map(|s| s.id.as_str())
            .collect();
        rules.rules.retain(|r| !disabled.contains(&r.id.as_str()));
        for rule in &mut rules.rules {
            rule.kind.apply_project(&config.allow, config.facts_scope);
        }
    }
    Setup {
        rules,
        config,
        problems,
        known,
    }
}

/// The rules a lint run in this directory would load (configuration
/// included), for the commands that list, explain and test rules.
pub(crate) fn load_rules(args: &RuleArgs, sources: &mut Sources) -> (RuleSet, Vec<Diagnostic>) {
    let config_args = ConfigArgs {
        config: None,
        no_config: false,
    };
    let setup = setup(args, &config_args, sources);
    (setup.rules, setup.problems)
}

/// Applies the configuration's `[[overrides]]` to the findings of the
/// files they match.
fn apply_path_overrides(config: &Config, sources: &Sources, findings: &mut Vec<Diagnostic>) {
    findings.retain_mut(|finding| {
        let Some(primary) = &finding.primary else {
            return true;
        };
        let name = sources.get(primary.file).name();
        for settings in config.overrides_for(name).filter(|s| s.id == finding.code) {
            if settings.enabled == Some(false) {
                return false;
            }
            if let Some(severity) = settings.severity {
                finding.severity = severity;
            }
        }
        true
    });
}

/// `factlint config`: shows the configuration a run here would use.
pub fn show_config(args: &ConfigCommandArgs, output: OutputArgs) -> io::Result<Status> {
    let mut sources = Sources::new();
    let Setup {
        rules,
        config,
        problems,
        ..
    } = setup(&args.rules, &args.config, &mut sources);
    let mut out = match &config {
        Some(config) => config.describe(),
        None => "# no factlint.toml found; built-in settings\n".to_owned(),
    };
    out.push_str("\n# rule files\n");
    let mut seen: Vec<FileId> = Vec::new();
    for rule in &rules.rules {
        if !seen.contains(&rule.origin.file) {
            seen.push(rule.origin.file);
            let count = rules
                .rules
                .iter()
                .filter(|r| r.origin.file == rule.origin.file)
                .count();
            let plural_rules = if count == 1 { "rule" } else { "rules" };
            out.push_str(&format!(
                "#   {} ({count} {plural_rules})\n",
                sources.get(rule.origin.file).name()
            ));
        }
    }
    out.push_str("\n# rules in effect\n");
    for rule in &rules.rules {
        out.push_str(&format!(
            "#   {:<28} {:<8} {}\n",
            rule.id,
            rule.severity.as_str(),
            rule.kind.name()
        ));
    }
    report_problems(output.color, &sources, &problems)?;
    if !output.quiet {
        human::write_out(&mut io::stdout().lock(), out.as_bytes())?;
    }
    Ok(failure_or(&problems, Status::Clean))
}

/// The files to lint under `paths` (the current directory if none), and
/// the problems met on the way.
fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    walk::discover(paths)
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
    let keys = rules.sheet_keys();
    let load = |path: &Path, sources: &mut Sources, problems: &mut Vec<Diagnostic>| {
        match engine::read_text(path) {
            Ok(text) => {
                let id = sources.add(SourceFile::new(path.display().to_string(), text));
                let (sheet, errors) = FactSheet::parse(id, sources, &keys);
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
pub fn gather_rule_files(
    args: &RuleArgs,
    config_dirs: &[PathBuf],
    config_packs: &[String],
) -> (Vec<RuleFile>, Vec<Diagnostic>) {
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
    // Packs named in the configuration were checked when it was read.
    for name in config_packs.iter().chain(&args.packs) {
        match builtin::pack(name) {
            Some(file) => {
                let key = file
                    .name
                    .trim_start_matches(builtin::PACK_PREFIX)
                    .to_owned();
                if !files.iter().any(|(existing, _)| *existing == key) {
                    files.push((key, file));
                }
            }
            None => problems.push(
                Diagnostic::new(
                    USAGE,
                    Severity::Error,
                    format!("no rule pack is called `{name}`"),
                )
                .with_help(format!(
                    "the packs are: {}",
                    builtin::pack_names().join(", ")
                )),
            ),
        }
    }
    dirs.extend(config_dirs.iter().cloned());
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
