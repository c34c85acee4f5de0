//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::inspect::Unit;

const EXAMPLES: &str = "\
Examples:
  factlint seeds/                  lint every .txt/.md file under seeds/
  factlint story.md other.txt      lint two files
  factlint --rules my-rules/ .     add your own rule files to the built-in set
  factlint -q drafts/ || echo fail summary only; exit code 1 on errors
  factlint inspect story.txt       show the paragraphs, sentences and quotes
  echo 'In the U.S. now. Yes.' | factlint inspect --only sentences -
  factlint facts seeds/            the figures each fact rule compares

Exit codes:
  0  no error-level finding
  1  at least one error-level finding
  2  usage error, unreadable input, or an invalid rule file";

/// factlint: a fact-consistency linter for news copy and prose.
///
/// Checks articles against the rules in the built-in rule set, a `rules/`
/// directory in the current directory, and any `--rules DIR`, and prints
/// compiler-style diagnostics.
#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub lint: LintArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Output options every command takes, written before or after the
/// command's name (`factlint --color never facts` or `factlint facts
/// --color never`), as in cargo and ripgrep.
#[derive(Clone, Copy, Debug, Args)]
pub struct OutputArgs {
    /// When to colour the output.
    #[arg(
        long,
        value_enum,
        global = true,
        default_value_t = ColorChoice::Auto,
        value_name = "WHEN"
    )]
    pub color: ColorChoice,

    /// Print only the summary line (lint, test); the other commands print
    /// nothing on standard output. Problems still go to standard error,
    /// and the exit code is the same.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

impl Cli {
    /// Parses the process's arguments, or exits with a usage error (exit
    /// code 2) as clap does; also when an option of a lint run is given
    /// with a subcommand (`factlint --deny all facts`), which would
    /// otherwise be ignored.
    pub fn parse_args() -> Cli {
        let mut command = Cli::command();
        let matches = command.get_matches_mut();
        if let Err(message) = lint_args_with_subcommand(&matches) {
            command.error(ErrorKind::ArgumentConflict, message).exit();
        }
        Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
    }
}

/// An error when `matches` has both a subcommand and an argument of a lint
/// run (the output options, which every command takes, excepted).
fn lint_args_with_subcommand(matches: &ArgMatches) -> Result<(), String> {
    let Some((name, _)) = matches.subcommand() else {
        return Ok(());
    };
    let lint = LintArgs::augment_args(clap::Command::new("lint"));
    for arg in lint.get_arguments() {
        let id = arg.get_id().as_str();
        if matches.value_source(id) == Some(ValueSource::CommandLine) {
            let shown = match arg.get_long() {
                Some(long) => format!("--{long}"),
                None => arg.get_id().to_string().to_uppercase(),
            };
            return Err(format!(
                "`{shown}` belongs to a lint run (`factlint [OPTIONS] [PATHS]`), not to `factlint {name}`; write the options of `{name}` after its name"
            ));
        }
    }
    Ok(())
}

/// Subcommands; without one, factlint lints the PATHS.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how factlint reads documents: paragraphs, sentences, quotations
    /// and their attributions, with positions.
    Inspect(InspectArgs),
    /// List every figure the `agree` rules extract, grouped by fact, and
    /// candidate facts for new rules.
    Facts(FactsArgs),
    /// Print the effective configuration and where the rules come from.
    Config(ConfigCommandArgs),
    /// Run the examples in rule files as tests, like `cargo test`.
    Test(TestArgs),
    /// List every loaded rule: id, kind, severity, where it is defined.
    Rules(RulesArgs),
    /// Explain a rule: its messages, where it is defined, its examples.
    Explain(ExplainArgs),
    /// Write a starter factlint.toml and rules/example.toml into the
    /// current directory (never overwriting a file).
    Init,
}

/// Options of `factlint inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files or directories to inspect; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,

    /// Show only these units (comma-separated), listed flat.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Vec<Unit>,
}

/// `inspect --format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// An indented tree for reading.
    Text,
    /// The stable JSON shape documented in the README.
    Json,
}

/// Options of a lint run.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or directories to lint (directories: .txt, .md and .markdown
    /// files, recursively); `-` reads standard input. Defaults to the
    /// current directory.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,

    #[command(flatten)]
    pub config: ConfigArgs,

    /// A fact sheet (TOML) of known values, used for every story whose
    /// directory has no facts.toml of its own.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Make RULE (or `all`) an error; repeatable.
    #[arg(short = 'D', long = "deny", value_name = "RULE")]
    pub deny: Vec<String>,

    /// Make RULE (or `all`) a warning; repeatable.
    #[arg(short = 'W', long = "warn", value_name = "RULE")]
    pub warn: Vec<String>,

    /// Turn RULE (or `all`) off; repeatable.
    #[arg(short = 'A', long = "allow", value_name = "RULE")]
    pub allow: Vec<String>,

    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// Report only findings of this severity or higher.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub min_severity: Option<MinSeverity>,

    /// Apply the fixes of rules with an unambiguous replacement (stray
    /// spaces, repeated words, misspellings) and report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// Print what --fix would change as a unified diff, without writing;
    /// exit 1 if there is anything to fix.
    #[arg(long)]
    pub diff: bool,

    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings in FILE (a baseline) instead of reporting
    /// them.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff"])]
    pub write_baseline: Option<PathBuf>,

    /// How many threads read and check files (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// The name to show for standard input (`-` in PATHS); a `.md` name
    /// reads it as Markdown.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with code frames, and a summary line.
    Human,
    /// One line per finding: `file:line:col: severity[rule]: message`.
    Short,
    /// A JSON array of findings (documented in the README).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// `--min-severity` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MinSeverity {
    Info,
    Warning,
    Error,
}

/// Where rules come from (every command that runs rules takes these).
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// Add the rule files (*.toml) in DIR; repeatable. A file with the same
    /// name as a built-in rule file replaces it.
    #[arg(long = "rules", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// Use only the rules given with --rules: no built-in rules and no
    /// ./rules directory.
    #[arg(long)]
    pub no_default_rules: bool,

    /// Add an opt-in rule pack that ships with factlint (`style`,
    /// `review`); repeatable.
    #[arg(long = "pack", value_name = "NAME")]
    pub packs: Vec<String>,
}

/// Which configuration file to use.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Use this configuration file instead of the nearest factlint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no configuration file.
    #[arg(long)]
    pub no_config: bool,
}

/// Options of `factlint config`.
#[derive(Debug, Args)]
pub struct ConfigCommandArgs {
    #[command(flatten)]
    pub rules: RuleArgs,

    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Options of `factlint facts`.
#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Files or directories (one directory per story). Defaults to `.`.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,

    #[command(flatten)]
    pub config: ConfigArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
}

/// `--color` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    Always,
    Never,
}

/// Options of `factlint test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rule directories or files whose examples to run. Without any, runs
    /// the examples of every rule a lint run would load (built-in rules,
    /// ./rules and --rules).
    #[arg(value_name = "RULE_DIRS")]
    pub rule_dirs: Vec<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,
}

/// Options of `factlint rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub rules: RuleArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
}

/// Options of `factlint explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The id of the rule to explain.
    #[arg(value_name = "RULE")]
    pub rule: String,

    #[command(flatten)]
    pub rules: RuleArgs,
}
