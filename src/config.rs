//! The project configuration file, `factlint.toml`.
//!
//! Found by walking up from the current directory (or given with
//! `--config FILE`). Every key is validated with its span, like a rule
//! file, and every error is reported at once:
//!
//! ```toml
//! rule_dirs = ["rules"]             # more rule files, relative to this file
//! packs = ["style"]                 # opt-in rule packs that ship with factlint
//! include = ["stories/**"]          # lint only these paths (globs)
//! exclude = ["stories/archive/**"]  # never these
//! allow = ["Mayorkas"]              # words the spelling and name rules accept
//!
//! [facts]
//! scope = "directory"               # for `agree` rules that set none
//!
//! [rules.mid-word-capital]
//! severity = "error"                # or "warning", "info"
//! [rules.stray-space]
//! enabled = false
//! [rules.dangling-heading]
//! max_heading_words = 6             # any option of the rule's kind
//!
//! [[overrides]]
//! paths = ["archive/**"]
//! rules = { placeholder-text = { severity = "warning" }, misspelling = { enabled = false } }
//! ```
//!
//! Globs match paths relative to the directory of the configuration file.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::kinds::Grouping;
use crate::rules::builtin;
use crate::rules::reader::{closest, span_of, Errors, SpannedStr, TableReader};
use crate::ruleset::Overlay;
use crate::source::{FileId, SourceFile, Sources, Span};

/// The code of diagnostics about the configuration file.
pub const CONFIG: &str = "config";

/// The file name looked for.
pub const FILE_NAME: &str = "factlint.toml";

const TOP_KEYS: &[&str] = &[
    "rule_dirs",
    "packs",
    "include",
    "exclude",
    "allow",
    "facts",
    "rules",
    "overrides",
];

/// A rule's settings: its severity, whether it runs, and option overrides.
#[derive(Debug)]
pub struct RuleSettings {
    pub id: String,
    pub id_span: Span,
    pub severity: Option<Severity>,
    pub enabled: Option<bool>,
    /// The table of other keys, if any: options of the rule's kind.
    options: Option<(Span, DeTable<'static>)>,
}

/// Settings for the files matching some globs.
#[derive(Debug)]
pub struct PathOverride {
    pub patterns: Vec<String>,
    set: GlobSet,
    pub rules: Vec<RuleSettings>,
}

/// A loaded configuration.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    pub file: FileId,
    source: &'static str,
    dir: PathBuf,
    pub rule_dirs: Vec<PathBuf>,
    /// Opt-in rule packs that ship with factlint, by name.
    pub packs: Vec<String>,
    pub include: Vec<String>,
    include_set: Option<GlobSet>,
    pub exclude: Vec<String>,
    exclude_set: Option<GlobSet>,
    pub allow: Vec<String>,
    pub facts_scope: Option<Grouping>,
    pub rules: Vec<RuleSettings>,
    pub overrides: Vec<PathOverride>,
}

/// The configuration file for a run started in `start`: the nearest
/// `factlint.toml` in it or a parent directory, as a path relative to
/// `start` (`factlint.toml`, `../factlint.toml`).
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().enumerate().find_map(|(up, dir)| {
        dir.join(FILE_NAME).is_file().then(|| {
            let mut relative: PathBuf = std::iter::repeat_n("..", up).collect();
            relative.push(FILE_NAME);
            relative
        })
    })
}

impl Config {
    /// Reads and validates the configuration at `path`, adding it to
    /// `sources`. Returns the configuration (if it could be read at all)
    /// and every problem found.
    pub fn load(path: &Path, sources: &mut Sources) -> (Option<Config>, Vec<Diagnostic>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                return (
                    None,
                    vec![Diagnostic::new(
                        CONFIG,
                        Severity::Error,
                        format!("cannot read configuration `{}`: {error}", path.display()),
                    )],
                )
            }
        };
        // The configuration lives for the whole run; leaking its text lets
        // the parsed tables borrow from it with no lifetime to thread.
        let source: &'static str = Box::leak(text.clone().into_boxed_str());
        let file = sources.add(SourceFile::new(path.display().to_string(), text));
        let mut errors = Errors::new(file);
        let (root, parse_errors) = DeTable::parse_recoverable(source);
        if !parse_errors.is_empty() {
            errors.toml_errors(parse_errors);
            return (None, retag(errors.diagnostics));
        }
        let root_span = span_of(&root);
        let root: &'static DeTable<'static> = Box::leak(Box::new(root.into_inner()));
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut reader = TableReader::new(root, root_span, &mut errors);
        let rule_dirs = reader.string_list("rule_dirs").unwrap_or_default();
        let packs = reader.string_list("packs").unwrap_or_default();
        let known_packs = builtin::pack_names();
        for pack in &packs {
            if !known_packs.contains(&pack.value.as_str()) {
                reader.errors.error_with_help(
                    pack.span,
                    format!("no rule pack is called `{}`", pack.value),
                    "unknown pack",
                    format!("the packs are: {}", known_packs.join(", ")),
                );
            }
        }
        let include = reader.string_list("include").unwrap_or_default();
        let exclude = reader.string_list("exclude").unwrap_or_default();
        let allow = reader.string_list("allow").unwrap_or_default();
        // The reader checks the types; the tables are taken from the root,
        // which lives for the whole run.
        let has_facts = reader.table("facts").is_some();
        let has_rules = reader.table("rules").is_some();
        let has_overrides = reader.table_array("overrides").is_some();
        reader.finish(TOP_KEYS, |_| None);
        let sub_table = |key: &str| {
            root.get(key)
                .and_then(|v| v.get_ref().as_table().map(|t| (span_of(v), t)))
        };
        let facts = sub_table("facts").filter(|_| has_facts);
        let rules = sub_table("rules").filter(|_| has_rules);
        let overrides: Vec<(Span, &'static DeTable<'static>)> = root
            .get("overrides")
            .filter(|_| has_overrides)
            .and_then(|v| v.get_ref().as_array())
            .map(|array| {
                array
                    .iter()
                    .filter_map(|item| item.get_ref().as_table().map(|t| (span_of(item), t)))
                    .collect()
            })
            .unwrap_or_default();

        let facts_scope = facts.and_then(|(span, table)| {
            let mut facts = TableReader::new(table, span, &mut errors);
            let scope = facts.choice("scope", Grouping::CHOICES).ok().flatten();
            facts.finish(&["scope"], |_| None);
            scope
        });
        let include_set = glob_set(&include, &mut errors);
        let exclude_set = glob_set(&exclude, &mut errors);
        let rules = rules
            .map(|(_, table)| rule_settings(table, &mut errors, true))
            .unwrap_or_default();
        let mut path_overrides = Vec::new();
        for (span, table) in overrides {
            let mut reader = TableReader::new(table, span, &mut errors);
            let paths =
                reader.required_strings("paths", "globs of the files these settings apply to");
            let has_rules = reader.table("rules").is_some();
            reader.finish(&["paths", "rules"], |_| None);
            let rules = table
                .get("rules")
                .filter(|_| has_rules)
                .and_then(|v| v.get_ref().as_table())
                .map(|t| rule_settings(t, &mut errors, false))
                .unwrap_or_default();
            if let Some(paths) = paths {
                if let Some(set) = glob_set(&paths, &mut errors) {
                    path_overrides.push(PathOverride {
                        patterns: paths.into_iter().map(|p| p.value).collect(),
                        set,
                        rules,
                    });
                }
            }
        }
        let config = Config {
            path: path.to_path_buf(),
            file,
            source,
            rule_dirs: rule_dirs.into_iter().map(|d| dir.join(d.value)).collect(),
            // Unknown packs were reported above.
            packs: packs
                .into_iter()
                .map(|p| p.value)
                .filter(|p| known_packs.contains(&p.as_str()))
                .collect(),
            dir,
            include: include.into_iter().map(|g| g.value).collect(),
            include_set,
            exclude: exclude.into_iter().map(|g| g.value).collect(),
            exclude_set,
            allow: allow.into_iter().map(|a| a.value).collect(),
            facts_scope,
            rules,
            overrides: path_overrides,
        };
        (Some(config), retag(errors.diagnostics))
    }

    /// The rule options this configuration sets, for [`crate::ruleset::RuleSet::load_with`].
    pub fn overlay(&self) -> Overlay<'_> {
        Overlay {
            file: self.file,
            source: self.source,
            code: CONFIG,
            options: self
                .rules
                .iter()
                .filter_map(|r| {
                    r.options
                        .as_ref()
                        .map(|(span, table)| (r.id.clone(), (*span, table)))
                })
                .collect(),
        }
    }

    /// Whether `path` (as given on the command line or found by the walk)
    /// is to be linted under `include` and `exclude`.
    pub fn selects(&self, path: &Path) -> bool {
        let relative = self.relative(path);
        let included = self
            .include_set
            .as_ref()
            .is_none_or(|set| set.is_match(&relative));
        let excluded = self
            .exclude_set
            .as_ref()
            .is_some_and(|set| set.is_match(&relative));
        included && !excluded
    }

    /// The per-path settings that apply to the file named `name`.
    pub fn overrides_for(&self, name: &str) -> impl Iterator<Item = &RuleSettings> {
        let relative = self.relative(Path::new(name));
        self.overrides
            .iter()
            .filter(move |o| o.set.is_match(&relative))
            .flat_map(|o| o.rules.iter())
    }

    /// `path` relative to the configuration's directory, both made absolute.
    fn relative(&self, path: &Path) -> PathBuf {
        let cwd = std::env::current_dir().unwrap_or_default();
        let absolute = normalise(&cwd.join(path));
        let base = normalise(&cwd.join(&self.dir));
        absolute
            .strip_prefix(&base)
            .map_or(absolute.clone(), Path::to_path_buf)
    }

    /// Reports the rule ids the configuration names that no loaded rule has.
    pub fn check_rule_ids(&self, known: &[String]) -> Vec<Diagnostic> {
        let known_refs: Vec<&str> = known.iter().map(String::as_str).collect();
        self.rules
            .iter()
            .chain(self.overrides.iter().flat_map(|o| o.rules.iter()))
            .filter(|r| !known.contains(&r.id))
            .map(|r| {
                let mut diagnostic = Diagnostic::new(
                    CONFIG,
                    Severity::Error,
                    format!("no rule is called `{}`", r.id),
                )
                .with_primary(Label::new(self.file, r.id_span).with_message("unknown rule"));
                diagnostic.help = Some(builtin::unknown_rule_help(
                    &r.id,
                    closest(&r.id, &known_refs),
                ));
                diagnostic
            })
            .collect()
    }

    /// The configuration as TOML-like text, with where rules came from, for
    /// `factlint config`.
    pub fn describe(&self) -> String {
        let list = |items: &[String]| {
            format!(
                "[{}]",
                items
                    .iter()
                    .map(|i| format!("{i:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let mut out = format!("# {}\n", self.path.display());
        let dirs: Vec<String> = self
            .rule_dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        out.push_str(&format!("rule_dirs = {}\n", list(&dirs)));
        out.push_str(&format!("packs = {}\n", list(&self.packs)));
        out.push_str(&format!("include = {}\n", list(&self.include)));
        out.push_str(&format!("exclude = {}\n", list(&self.exclude)));
        out.push_str(&format!("allow = {}\n", list(&self.allow)));
        if let Some(scope) = self.facts_scope {
            let name = Grouping::CHOICES
                .iter()
                .find(|(_, g)| *g == scope)
                .map_or("", |(n, _)| n);
            out.push_str(&format!("\n[facts]\nscope = {name:?}\n"));
        }
        for rule in &self.rules {
            out.push_str(&format!("\n[rules.{}]\n", rule.id));
            if let Some(severity) = rule.severity {
                out.push_str(&format!("severity = \"{severity}\"\n"));
            }
            if let Some(enabled) = rule.enabled {
                out.push_str(&format!("enabled = {enabled}\n"));
            }
            if let Some((_, table)) = &rule.options {
                for (key, value) in table.iter() {
                    let text = self.source.get(span_of(value).range()).unwrap_or("?");
                    out.push_str(&format!("{} = {text}\n", key.get_ref()));
                }
            }
        }
        for o in &self.overrides {
            out.push_str(&format!("\n[[overrides]]\npaths = {}\n", list(&o.patterns)));
            for rule in &o.rules {
                let mut parts = Vec::new();
                if let Some(severity) = rule.severity {
                    parts.push(format!("severity = \"{severity}\""));
                }
                if let Some(enabled) = rule.enabled {
                    parts.push(format!("enabled = {enabled}"));
                }
                out.push_str(&format!("rules.{} = {{ {} }}\n", rule.id, parts.join(", ")));
            }
        }
        out
    }
}

/// Reads `[rules.<id>]` tables. With `options` false (inside
/// `[[overrides]]`), only `severity` and `enabled` are accepted.
fn rule_settings(
    table: &'static DeTable<'static>,
    errors: &mut Errors,
    options: bool,
) -> Vec<RuleSettings> {
    let mut settings = Vec::new();
    for (key, value) in table.iter() {
        let id = key.get_ref().to_string();
        let Some(rule_table) = value.get_ref().as_table() else {
            errors.error_with_help(
                span_of(value),
                format!("the settings of rule `{id}` must be a table"),
                "not a table",
                format!(
                    "write `[rules.{id}]` followed by `severity = \"error\"` or `enabled = false`"
                ),
            );
            continue;
        };
        let mut reader = TableReader::new(rule_table, span_of(value), errors);
        let severity = reader
            .choice(
                "severity",
                &[
                    ("error", Severity::Error),
                    ("warning", Severity::Warning),
                    ("info", Severity::Info),
                ],
            )
            .ok()
            .flatten();
        let enabled = reader.bool("enabled");
        if options {
            reader.finish_accepting_all();
        } else {
            reader.finish(&["severity", "enabled"], |_| {
                Some("only `severity` and `enabled` can be set per path; set options in `[rules.<id>]`".to_owned())
            });
        }
        let mut rest = rule_table.clone();
        rest.remove("severity");
        rest.remove("enabled");
        settings.push(RuleSettings {
            id,
            id_span: span_of(key),
            severity,
            enabled,
            options: (options && !rest.is_empty()).then(|| (span_of(value), rest)),
        });
    }
    settings
}

fn glob_set(patterns: &[SpannedStr], errors: &mut Errors) -> Option<GlobSet> {
    if patterns.is_empty() {
        return None;
    }
    let mut builder = GlobSetBuilder::new();
    let mut ok = true;
    for pattern in patterns {
        match Glob::new(&pattern.value) {
            Ok(glob) => {
                builder.add(glob);
            }
            Err(error) => {
                errors.error(
                    pattern.span,
                    format!("invalid glob: {}", error.kind()),
                    "here",
                );
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    builder.build().ok()
}

/// The diagnostics of the reader (coded for rule files) recoded for the
/// configuration file.
fn retag(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|mut d| {
            d.code = CONFIG.to_owned();
            d
        })
        .collect()
}

/// `path` without `.` components and with `..` applied.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
