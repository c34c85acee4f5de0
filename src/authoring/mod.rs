//! Writing rules: the commands a rule author uses.
//!
//! Adding a rule should be as pleasant as writing a clippy lint, and a rule
//! that does not do what it says should not ship. So each rule carries
//! examples ([`crate::rules::examples`]) that `factlint test` runs like
//! `cargo test`; `factlint rules` lists what is loaded and `factlint
//! explain` shows one rule on its own examples; `factlint init` starts a
//! project with a rule that passes its tests.

pub mod examples;
pub mod explain;
pub mod init;
pub mod test_runner;

use std::io::{self, IsTerminal, Write};

use crate::app::{self, Status};
use crate::cli::{ExplainArgs, InspectFormat, OutputArgs, RuleArgs, RulesArgs, TestArgs};
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::human;
use crate::rules::reader::closest;
use crate::source::Sources;

/// `factlint test`: runs every example of every rule.
pub fn test(args: &TestArgs, output: OutputArgs) -> io::Result<Status> {
    // Rule directories named on the command line are tested alone.
    let rule_args = RuleArgs {
        dirs: args
            .rule_dirs
            .iter()
            .chain(&args.rules.dirs)
            .cloned()
            .collect(),
        no_default_rules: args.rules.no_default_rules || !args.rule_dirs.is_empty(),
        packs: args.rules.packs.clone(),
    };
    let mut sources = Sources::new();
    let (rules, mut problems) = app::load_rules(&rule_args, &mut sources);
    let without: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.examples.is_empty())
        .map(|r| r.id.as_str())
        .collect();
    if !without.is_empty() {
        problems.push(Diagnostic::new(
            "no-examples",
            Severity::Warning,
            format!(
                "{} rule{} no examples: {}",
                without.len(),
                if without.len() == 1 { " has" } else { "s have" },
                without.join(", ")
            ),
        ));
    }
    app::report_problems(output.color, &sources, &problems)?;
    let mut out = app::buffer(app::use_color(output.color, io::stdout().is_terminal()));
    let totals = test_runner::run(&mut out, &rules, &mut sources, output.quiet)?;
    human::write_out(&mut io::stdout().lock(), out.as_slice())?;
    Ok(if has_errors(&problems) {
        Status::Failure
    } else if totals.failed > 0 {
        Status::Findings
    } else {
        Status::Clean
    })
}

/// `factlint rules`: lists every loaded rule.
pub fn rules(args: &RulesArgs, output: OutputArgs) -> io::Result<Status> {
    let mut sources = Sources::new();
    let (rules, problems) = app::load_rules(&args.rules, &mut sources);
    let list = explain::RuleList::new(&rules, &sources);
    let mut out = Vec::new();
    match args.format {
        InspectFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &list).map_err(io::Error::other)?;
            out.push(b'\n');
        }
        InspectFormat::Text => out.extend(list.to_text().into_bytes()),
    }
    app::report_problems(output.color, &sources, &problems)?;
    if !output.quiet {
        human::write_out(&mut io::stdout().lock(), &out)?;
    }
    Ok(status_of(&problems))
}

/// `factlint explain RULE`: one rule, its messages and its examples.
pub fn explain(args: &ExplainArgs, output: OutputArgs) -> io::Result<Status> {
    let mut sources = Sources::new();
    let (rules, mut problems) = app::load_rules(&args.rules, &mut sources);
    let mut out = app::buffer(app::use_color(output.color, io::stdout().is_terminal()));
    match rules.get(&args.rule) {
        Some(rule) => explain::explain(&mut out, rule, &rules, &mut sources)?,
        None => {
            let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
            let help = match closest(&args.rule, &ids) {
                Some(id) => format!("did you mean `{id}`?"),
                None => String::from("`factlint rules` lists the loaded rules"),
            };
            problems.push(
                Diagnostic::new(
                    "usage",
                    Severity::Error,
                    format!("no rule `{}` is loaded", args.rule),
                )
                .with_help(help),
            );
        }
    }
    app::report_problems(output.color, &sources, &problems)?;
    if !output.quiet {
        human::write_out(&mut io::stdout().lock(), out.as_slice())?;
    }
    Ok(status_of(&problems))
}

/// `factlint init`: writes the starter files into the current directory.
pub fn init(output: OutputArgs) -> io::Result<Status> {
    match init::init(std::path::Path::new(".")) {
        Ok(written) => {
            let mut out = String::new();
            for path in written {
                out.push_str(&format!("created {path}\n"));
            }
            out.push_str(
                "\nnext: edit the rule in rules/example.toml, check it with \
                 `factlint test rules/`,\nthen lint your copy with `factlint .`\n",
            );
            if !output.quiet {
                human::write_out(&mut io::stdout().lock(), out.as_bytes())?;
            }
            Ok(Status::Clean)
        }
        Err(error) => {
            let mut err = io::stderr().lock();
            writeln!(err, "error: {error}")?;
            if matches!(error, init::InitError::Exists(_)) {
                writeln!(
                    err,
                    "help: factlint init never overwrites a file; \
                     run it in a new directory, or move the files away"
                )?;
            }
            Ok(Status::Failure)
        }
    }
}

fn has_errors(problems: &[Diagnostic]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

fn status_of(problems: &[Diagnostic]) -> Status {
    if has_errors(problems) {
        Status::Failure
    } else {
        Status::Clean
    }
}
