//! factlint: a fact-consistency linter for news copy and prose.
//!
//! The architecture in a paragraph (`ARCHITECTURE.md` has the layers):
//! [`walk`] finds the files; [`source`] holds their text with line tables;
//! [`document`] segments each file once into paragraphs, sentences and
//! quotations with byte spans, and tells the article's prose from the
//! page's furniture (each paragraph's role, which every rule filters on);
//! [`rules`] reads TOML rule files, knowing no kind; [`kinds`] holds the
//! algorithms, each reading its own options; [`ruleset`] joins the two
//! into validated [`ruleset::Rule`]s; [`engine`] runs every rule over every
//! document and sorts the findings; [`render`] turns factlint's own
//! [`diagnostic::Diagnostic`]s into output. [`app`] runs the lint,
//! `inspect`, `facts` and `config` commands, [`authoring`] the commands
//! that help write rules, and [`run`] picks one; `main` only parses the
//! arguments and maps the outcome to an exit code. Each module uses only
//! the ones below it.

pub mod app;
pub mod authoring;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fact_sheet;
pub mod facts;
pub mod fix;
pub mod input;
pub mod inspect;
pub mod kinds;
pub mod levels;
pub mod quantity;
pub mod render;
pub mod rule_regex;
pub mod rules;
pub mod ruleset;
pub mod source;
pub mod suppress;
pub mod walk;

#[cfg(test)]
mod test_random;

use app::Status;
use cli::{Cli, Command};

/// Runs the command line: the subcommand given, or a lint run.
pub fn run(cli: Cli) -> Status {
    let output = cli.output;
    let result = match &cli.command {
        Some(Command::Inspect(args)) => app::inspect(args, output),
        Some(Command::Facts(args)) => app::facts(args, output),
        Some(Command::Config(args)) => app::show_config(args, output),
        Some(Command::Test(args)) => authoring::test(args, output),
        Some(Command::Rules(args)) => authoring::rules(args, output),
        Some(Command::Explain(args)) => authoring::explain(args, output),
        Some(Command::Init) => authoring::init(output),
        None => app::lint(&cli.lint, output),
    };
    match result {
        Ok(status) => status,
        Err(error) => {
            eprintln!("error: {error}");
            Status::Failure
        }
    }
}
