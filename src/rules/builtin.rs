//! The built-in rule set, the repository's `rules/*.toml`, and the opt-in
//! rule packs, `packs/*.toml`, compiled into the binary by `build.rs`.

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

/// Whether `text` is exactly the text of a built-in rule file or of a
/// pack: a file whose regexes the tests compile.
pub fn is_shipped(text: &str) -> bool {
    BUILTIN_RULE_FILES
        .iter()
        .chain(BUILTIN_PACK_FILES)
        .any(|&(_, shipped)| shipped == text)
}

/// The prefix shown before a pack's file name in diagnostics.
pub const PACK_PREFIX: &str = "<built-in>/packs/";

/// The names of the opt-in packs (`style` for `packs/style.toml`), in
/// order.
pub fn pack_names() -> Vec<&'static str> {
    BUILTIN_PACK_FILES
        .iter()
        .map(|(name, _)| name.trim_end_matches(".toml"))
        .collect()
}

/// The rule file of pack `name`, if there is one.
pub fn pack(name: &str) -> Option<RuleFile> {
    BUILTIN_PACK_FILES
        .iter()
        .find(|(file, _)| file.trim_end_matches(".toml") == name)
        .map(|(file, text)| RuleFile {
            name: format!("{PACK_PREFIX}{file}"),
            text: (*text).to_owned(),
        })
}

/// The opt-in pack that defines rule `id`, if one does: to point a user
/// who names a pack's rule without its pack at the pack.
pub fn pack_of(id: &str) -> Option<&'static str> {
    let line = format!("id = {id:?}");
    BUILTIN_PACK_FILES
        .iter()
        .find(|(_, text)| text.lines().any(|l| l.trim() == line))
        .map(|(file, _)| file.trim_end_matches(".toml"))
}

/// The help for a rule id that no loaded rule file defines: the pack that
/// has it, or the closest known id.
pub fn unknown_rule_help(id: &str, closest: Option<&str>) -> String {
    match (pack_of(id), closest) {
        (Some(pack), _) => format!(
            "`{id}` is in the opt-in pack `{pack}`: turn it on with `--pack {pack}` or `packs = [\"{pack}\"]` in factlint.toml"
        ),
        (None, Some(near)) => format!("did you mean `{near}`? `factlint rules` lists every rule"),
        (None, None) => "`factlint rules` lists every rule".to_owned(),
    }
}
