//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub lint: LintArgs,
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

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
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
    /// files, recursively). Defaults to the current directory.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// A fact sheet (TOML) of known values, used for every story whose
    /// directory has no facts.toml of its own.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print only the summary line.
    #[arg(short, long)]
    pub quiet: bool,
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
}

/// Options of `factlint facts`.
#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Files or directories (one directory per story). Defaults to `.`.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,

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

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
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

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}
