//! The rule set: rule files compiled into rules, each a [`RuleHead`] (the
//! keys every rule has, read in [`crate::rules`]) joined to its [`Kind`]
//! (the algorithm and its options, in [`crate::kinds`]).
//!
//! This is where the two halves of loading meet: [`crate::rules`] reads
//! and validates TOML without knowing any kind, and each kind reads its
//! own options; compiling a rule table asks both, then checks the keys
//! that neither claimed.

use std::collections::HashMap;
use std::ops::Deref;

use rayon::prelude::*;
use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::document::{Document, Role, RoleSet};
use crate::fact_sheet::SheetKeys;
use crate::kinds::{self, Kind};
use crate::rules::reader::{self, span_of, Errors, TableReader, RULE_FILE};
use crate::rules::{
    bad_choice, builtin, examples, Origin, RuleFile, RuleHead, Template, COMMON_KEYS,
};
use crate::source::{FileId, SourceFile, Sources, Span};

/// A validated rule, ready to run: its head and its kind.
///
/// A rule reads as its head (`rule.id`, `rule.severity`): what is said
/// of every rule does not depend on where its kind is kept.
#[derive(Debug)]
pub struct Rule {
    pub head: RuleHead,
    pub kind: Kind,
}

impl Deref for Rule {
    type Target = RuleHead;

    fn deref(&self) -> &RuleHead {
        &self.head
    }
}

impl Rule {
    /// What the loader knows about the rule's kind (its name and summary).
    pub fn kind_info(&self) -> &'static kinds::KindInfo {
        match &self.kind {
            Kind::Pattern(_) => &kinds::pattern::INFO,
            Kind::Sentence(_) => &kinds::sentence::INFO,
            Kind::Repetition(_) => &kinds::repetition::INFO,
            Kind::Spelling(_) => &kinds::spelling::INFO,
            Kind::Quote(_) => &kinds::quote::INFO,
            Kind::Structure(_) => &kinds::structure::INFO,
            Kind::Consistency(_) => &kinds::consistency::INFO,
            Kind::Agree(_) => &kinds::agree::INFO,
            Kind::Story(_) => &kinds::story::INFO,
        }
    }

    /// Runs the rule over one document, appending its findings to `out`.
    /// A finding whose primary label lies in a paragraph of a role the rule
    /// does not read (a caption, a share bar) is dropped here, the same way
    /// for every kind.
    pub fn check(&self, file: FileId, doc: &Document<'_>, out: &mut Vec<Diagnostic>) {
        self.check_cleared(file, doc, out, None);
    }

    /// [`Rule::check`], with the units a shared search of pattern rules
    /// cleared ([`crate::kinds::pattern::SharedSearch`]).
    pub fn check_cleared(
        &self,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
        cleared: Option<&[bool]>,
    ) {
        let start = out.len();
        self.kind.check_cleared(self, file, doc, out, cleared);
        if self.roles != RoleSet::ALL {
            let found = out.split_off(start);
            out.extend(found.into_iter().filter(|d| {
                d.primary
                    .as_ref()
                    .is_none_or(|label| self.reads_at(doc, label.span.start))
            }));
        }
    }
}

/// Rule options set outside the rule files (in `factlint.toml`): for a
/// rule id, a table of option keys that replace the rule's own.
#[derive(Debug, Default)]
pub struct Overlay<'c> {
    /// The file the options come from, and its text.
    pub file: FileId,
    pub source: &'c str,
    /// The code given to errors in the overlay's file.
    pub code: &'static str,
    pub options: HashMap<String, (Span, &'c DeTable<'c>)>,
}

/// Every loaded rule, in the order of their files.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// Loads rule files into `sources` and compiles their rules. Returns the
    /// rules that compiled and a diagnostic for every problem found,
    /// including ids defined twice.
    pub fn load(sources: &mut Sources, files: Vec<RuleFile>) -> (RuleSet, Vec<Diagnostic>) {
        Self::load_with(sources, files, None)
    }

    /// Like [`RuleSet::load`], with rule options from `overlay` replacing
    /// the rules' own; an option that makes a rule invalid is reported in
    /// the overlay's file.
    pub fn load_with(
        sources: &mut Sources,
        files: Vec<RuleFile>,
        overlay: Option<&Overlay<'_>>,
    ) -> (RuleSet, Vec<Diagnostic>) {
        let mut rules = Vec::new();
        let mut diagnostics = Vec::new();
        let ids: Vec<FileId> = files
            .into_iter()
            .map(|file| sources.add(SourceFile::new(file.name, file.text)))
            .collect();
        // Compiling regexes is most of factlint's start-up; rule files
        // compile independently, so in parallel, and join in order.
        let sources_now: &Sources = sources;
        let compiled: Vec<(Vec<Rule>, Vec<Diagnostic>)> = ids
            .par_iter()
            .map(|&id| parse_rule_file_with(id, sources_now.get(id).text(), overlay))
            .collect();
        for (mut file_rules, errors) in compiled {
            rules.append(&mut file_rules);
            diagnostics.extend(errors);
        }
        let mut first_seen: HashMap<&str, Origin> = HashMap::new();
        let mut duplicates = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            match first_seen.get(rule.id.as_str()) {
                Some(first) => {
                    diagnostics.push(
                        Diagnostic::new(
                            RULE_FILE,
                            Severity::Error,
                            format!("duplicate rule id `{}`", rule.id),
                        )
                        .with_primary(
                            Label::new(rule.origin.file, rule.origin.span)
                                .with_message("defined again here"),
                        )
                        .with_secondary(
                            Label::new(first.file, first.span).with_message("first defined here"),
                        )
                        .with_note(format!(
                            "rule ids must be unique across all rule files; `{}` is in {} and {}",
                            rule.id,
                            sources.get(first.file).name(),
                            sources.get(rule.origin.file).name()
                        ))
                        .with_help("rename one of the rules, or delete the copy"),
                    );
                    duplicates.push(index);
                }
                None => {
                    first_seen.insert(&rule.id, rule.origin);
                }
            }
        }
        for index in duplicates.into_iter().rev() {
            rules.remove(index);
        }
        crate::diagnostic::sort(&mut diagnostics);
        (RuleSet { rules }, diagnostics)
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    /// What a fact sheet may name with these rules: the `agree` rules'
    /// ids as facts, and every other rule's id.
    pub fn sheet_keys(&self) -> SheetKeys {
        let (facts, other_rules) = self
            .rules
            .iter()
            .partition::<Vec<&Rule>, _>(|rule| matches!(rule.kind, Kind::Agree(_)));
        let mut keys = SheetKeys {
            facts: facts.iter().map(|rule| rule.id.clone()).collect(),
            other_rules: other_rules.iter().map(|rule| rule.id.clone()).collect(),
        };
        // Story rules compare facts named by subject (`killed = 1`), not
        // by rule.
        for rule in &self.rules {
            if let Kind::Story(story) = &rule.kind {
                for name in story.subject_names() {
                    if !keys.facts.contains(&name) {
                        keys.facts.push(name);
                    }
                }
            }
        }
        keys
    }
}

/// Parses and validates one rule file.
pub fn parse_rule_file(file: FileId, source: &str) -> (Vec<Rule>, Vec<Diagnostic>) {
    parse_rule_file_with(file, source, None)
}

fn parse_rule_file_with(
    file: FileId,
    source: &str,
    overlay: Option<&Overlay<'_>>,
) -> (Vec<Rule>, Vec<Diagnostic>) {
    let mut errors = Errors::new(file);
    errors.shipped = builtin::is_shipped(source);
    let (root, parse_errors) = DeTable::parse_recoverable(source);
    if !parse_errors.is_empty() {
        errors.toml_errors(parse_errors);
        return (Vec::new(), errors.diagnostics);
    }
    let root_span = span_of(&root);
    let root = root.get_ref();
    let mut rules = Vec::new();
    for (key, value) in root.iter() {
        let name = key.get_ref().as_ref();
        if name != "rule" {
            let help = match reader::closest(name, &["rule"]) {
                Some(_) => "did you mean `[[rule]]`?".to_owned(),
                None => "a rule file holds only `[[rule]]` tables".to_owned(),
            };
            errors.error_with_help(
                span_of(key),
                format!("unknown key `{name}` at the top of a rule file"),
                "unknown key",
                help,
            );
            continue;
        }
        let Some(array) = value.get_ref().as_array() else {
            errors.error_with_help(
                span_of(key),
                "`rule` must be an array of tables",
                "written as a single table",
                "write each rule as `[[rule]]` (two brackets)",
            );
            continue;
        };
        for item in array.iter() {
            match item.get_ref().as_table() {
                Some(table) => {
                    let Some(rule) = compile_rule(table, span_of(item), source, &mut errors) else {
                        continue;
                    };
                    match overlay.and_then(|o| o.options.get(&rule.id).map(|t| (o, t))) {
                        Some((overlay, &(table_span, options))) => {
                            let merged = with_options(table, options);
                            let mut overlay_errors = Errors::new(overlay.file);
                            let compiled = compile_rule(
                                &merged,
                                table_span,
                                overlay.source,
                                &mut overlay_errors,
                            );
                            errors.diagnostics.extend(
                                blame_overlay(
                                    overlay_errors.diagnostics,
                                    options,
                                    table_span,
                                    &rule.id,
                                )
                                .into_iter()
                                .map(|mut d| {
                                    d.code = overlay.code.to_owned();
                                    d
                                }),
                            );
                            // The rule as written stands if the options
                            // break it; either way it was defined where it was.
                            let origin = rule.origin;
                            rules.push(compiled.map_or(rule, |c| Rule {
                                head: RuleHead { origin, ..c.head },
                                kind: c.kind,
                            }));
                        }
                        None => rules.push(rule),
                    }
                }
                None => errors.error(span_of(item), "each rule must be a table", "not a table"),
            }
        }
    }
    if root.is_empty() {
        errors.error_with_help(
            root_span,
            "rule file defines no rules",
            "empty",
            "add a `[[rule]]` table, or delete the file",
        );
    }
    (rules, errors.diagnostics)
}

/// The rule table with `options` replacing its keys.
fn with_options<'a>(table: &DeTable<'a>, options: &DeTable<'a>) -> DeTable<'a> {
    let mut merged = table.clone();
    for (key, value) in options.iter() {
        merged.insert(key.clone(), value.clone());
    }
    merged
}

/// Errors found compiling a rule with overlay options: those at an
/// option's own span stand as they are; any other (an option that breaks
/// another part of the rule) is reported at the overlay's table.
fn blame_overlay(
    diagnostics: Vec<Diagnostic>,
    options: &DeTable<'_>,
    table_span: Span,
    rule: &str,
) -> Vec<Diagnostic> {
    let spans: Vec<Span> = options
        .iter()
        .flat_map(|(k, v)| [span_of(k), span_of(v)])
        .collect();
    diagnostics
        .into_iter()
        .map(|mut diagnostic| {
            let inside = diagnostic
                .primary
                .as_ref()
                .is_some_and(|p| spans.iter().any(|s| s.contains(p.span)));
            if !inside {
                if let Some(primary) = diagnostic.primary.as_mut() {
                    primary.span = table_span;
                    primary.message = "options set here".to_owned();
                }
                diagnostic.message = format!(
                    "with these options, rule `{rule}` is invalid: {}",
                    diagnostic.message
                );
            }
            diagnostic
        })
        .collect()
}

fn compile_rule(
    table: &DeTable<'_>,
    span: Span,
    source: &str,
    errors: &mut Errors,
) -> Option<Rule> {
    let mut reader = TableReader::new(table, span, errors);
    let id = reader.required_string("id", "a unique kebab-case name such as `mid-word-capital`");
    let kind_name = reader.required_string("kind", "the rule's algorithm");
    let description = reader.required_string("description", "a one-line summary of the rule");
    let severity = reader.required_string("severity", "`error`, `warning` or `info`");
    let message = reader.required_string("message", "what is wrong, shown with each finding");
    let help = reader.string("help");
    let note = reader.string("note");
    let url = reader.string("url");
    let enabled = reader.bool("enabled").unwrap_or(true);
    let examples = examples::parse(&mut reader, source);
    let roles = read_roles(&mut reader);

    if let Some(id) = &id {
        if !is_kebab_case(&id.value) {
            reader.errors.error_with_help(
                id.span,
                format!("rule id `{}` is not kebab-case", id.value),
                "not kebab-case",
                "use lowercase words joined by hyphens, naming what is flagged (`mid-word-capital`)",
            );
        }
    }
    let severity = severity.and_then(|raw| {
        let parsed = Severity::parse(&raw.value);
        if parsed.is_none() {
            reader.errors.error_with_help(
                raw.span,
                format!("unknown severity `{}`", raw.value),
                "unknown severity",
                "use `error`, `warning` or `info`",
            );
        }
        parsed
    });

    let mut kind = None;
    let mut kind_options: &[&str] = &[];
    if let Some(raw) = &kind_name {
        match kinds::info(&raw.value) {
            Some(info) => {
                kind_options = info.options;
                kind = kinds::compile(info.name, &mut reader, source);
            }
            None => {
                let names: Vec<&str> = kinds::KINDS.iter().map(|k| k.name).collect();
                let suggestion = reader::closest(&raw.value, &names)
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                reader.errors.error_with_help(
                    raw.span,
                    format!("unknown rule kind `{}`", raw.value),
                    "unknown kind",
                    format!("{suggestion}the kinds are: {}", names.join(", ")),
                );
            }
        }
    }

    let expected: Vec<&str> = COMMON_KEYS.iter().chain(kind_options).copied().collect();
    let this_kind = kind_name.as_ref().map(|k| k.value.clone());
    let known_kind = this_kind.as_deref().and_then(kinds::info).is_some();
    if !known_kind && kind_name.is_some() {
        // With the kind unknown, its options cannot be told from typos;
        // the unknown kind is the one error to fix first.
        return None;
    }
    reader.finish(&expected, |key| {
        let owners: Vec<String> = kinds::KINDS
            .iter()
            .filter(|k| k.options.contains(&key))
            .map(|k| format!("`{}`", k.name))
            .collect();
        (!owners.is_empty()).then(|| {
            format!(
                "`{key}` is an option of the {} kind{}, not of `{}`",
                owners.join(", "),
                if owners.len() > 1 { "s" } else { "" },
                this_kind.as_deref().unwrap_or("?"),
            )
        })
    });

    let kind = kind?;
    let roles = roles?.unwrap_or_else(|| kind.default_roles());
    let names = kind.placeholders();
    let message = message.and_then(|m| Template::parse(&m, source, &names, errors));
    let help = match help {
        Some(h) => Some(Template::parse(&h, source, &names, errors)?),
        None => None,
    };
    let note = match note {
        Some(n) => Some(Template::parse(&n, source, &names, errors)?),
        None => None,
    };
    let id = id?;
    Some(Rule {
        head: RuleHead {
            id: id.value,
            description: description?.value,
            severity: severity?,
            message: message?,
            help,
            note,
            url: url.map(|u| u.value),
            enabled,
            roles,
            origin: Origin {
                file: errors.file,
                span: id.span,
            },
            examples,
        },
        kind,
    })
}

/// Reads the `roles` option: the roles of the paragraphs a rule reads
/// (`["prose", "headline"]`), or `"all"`. `Some(None)` when absent (the
/// kind's default applies); `None` when a value was invalid (reported).
fn read_roles(reader: &mut TableReader<'_, '_>) -> Option<Option<RoleSet>> {
    let Some(names) = reader.string_list("roles") else {
        // Absent, or not a list (already reported, and the rule is dropped).
        return (!reader.contains("roles")).then_some(None);
    };
    let mut choices: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
    choices.push("all");
    let mut roles = Vec::new();
    let mut ok = true;
    for name in &names {
        match name.value.as_str() {
            "all" => roles.extend(Role::ALL),
            value => match Role::from_name(value) {
                Some(role) => roles.push(role),
                None => {
                    bad_choice(reader.errors, name, "roles", &choices);
                    ok = false;
                }
            },
        }
    }
    if ok && names.is_empty() {
        if let Some(span) = reader.key_span("roles") {
            reader.errors.error_with_help(
                span,
                "`roles` is empty: the rule would read nothing",
                "no roles",
                "list the paragraphs to read, such as `roles = [\"prose\", \"headline\"]`, or remove the key for the kind's default",
            );
        }
        ok = false;
    }
    ok.then(|| Some(RoleSet::new(roles)))
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}
