//! Rule levels from the command line and the config file, clippy style.
//!
//! `-A/--allow RULE` turns a rule off, `-W/--warn RULE` makes its findings
//! warnings, `-D/--deny RULE` makes them errors; `all` names every rule.
//! Settings for `all` apply first, then those for single rules, so
//! `-D all -A mid-word-capital` denies everything but that rule. Within
//! each group allow comes before warn before deny. `all` covers the rules
//! that are on by default; a rule that is off by default (`enabled =
//! false` in its rule file) is turned on by naming it with `-W` or `-D`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::reader::closest;
use crate::ruleset::RuleSet;

/// The code of diagnostics about command-line usage.
pub const USAGE: &str = "usage";

/// What to do with a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

/// Applies `settings` (rule id or `all`, level) to `rules`: allowed rules
/// are removed, the others get the level's severity. An unknown rule id is
/// a usage error (with a suggestion), reported and otherwise ignored.
pub fn apply(rules: &mut RuleSet, settings: &[(String, Level)]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let ids: Vec<String> = rules.rules.iter().map(|r| r.id.clone()).collect();
    let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut ordered: Vec<&(String, Level)> =
        settings.iter().filter(|(id, _)| id == "all").collect();
    ordered.extend(settings.iter().filter(|(id, _)| id != "all"));
    // Stable sort keeps `all` first and orders allow, warn, deny within.
    let rank = |level: Level| match level {
        Level::Allow => 0,
        Level::Warn => 1,
        Level::Deny => 2,
    };
    ordered.sort_by_key(|(id, level)| (id != "all", rank(*level)));
    let mut allowed = vec![false; ids.len()];
    for (id, level) in ordered {
        let targets: Vec<usize> = if id == "all" {
            // `all` means the rules that are on by default; a rule that is
            // off by default is turned on only by name.
            (0..ids.len()).filter(|&i| rules.rules[i].enabled).collect()
        } else {
            match ids.iter().position(|i| i == id) {
                Some(index) => vec![index],
                None => {
                    let mut problem =
                        Diagnostic::new(USAGE, Severity::Error, format!("unknown rule `{id}`"));
                    problem.help = Some(crate::rules::builtin::unknown_rule_help(
                        id,
                        closest(id, &id_refs),
                    ));
                    problems.push(problem);
                    continue;
                }
            }
        };
        for index in targets {
            match level {
                Level::Allow => allowed[index] = true,
                Level::Warn => {
                    allowed[index] = false;
                    rules.rules[index].head.enabled = true;
                    rules.rules[index].head.severity = Severity::Warning;
                }
                Level::Deny => {
                    allowed[index] = false;
                    rules.rules[index].head.enabled = true;
                    rules.rules[index].head.severity = Severity::Error;
                }
            }
        }
    }
    let mut index = 0;
    rules.rules.retain(|_| {
        let keep = !allowed[index];
        index += 1;
        keep
    });
    problems
}
