//! The built-in rule set: the repository's `rules/*.toml`, compiled into the
//! binary by `build.rs`.

use super::RuleFile;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The prefix shown before a built-in rule file's name in diagnostics.
pub const BUILTIN_PREFIX: &str = "<built-in>/rules/";

/// Every built-in rule file, in file-name order.
pub fn rule_files() -> Vec<RuleFile> {
    BUILTIN_RULE_FILES
        .iter()
        .map(|(name, text)| RuleFile {
            name: format!("{BUILTIN_PREFIX}{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}
