//! Fact sheets: the known values of a story's facts.
//!
//! A `facts.toml` in a story directory (or a file given with `--facts`)
//! states what the figures are, keyed by the id of an `agree` rule and, for
//! rules with a `key` group, by key:
//!
//! ```toml
//! migrant-count = "more than 400"
//! detained-count = "over 150"
//! nationals-count = { Tajik = 8, Uzbek = "more than a dozen" }
//! ```
//!
//! Every statement of such a fact must agree with the sheet, whatever the
//! majority of the articles says; a diagnostic shows the sheet's line
//! beside the statement. A fact the sheet gives but no article states is
//! fine; a sheet entry that names no `agree` rule, or a value that is not a
//! figure, is an error in the sheet.

use std::collections::HashMap;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::quantity::{self, Quantity};
use crate::rules::reader::{closest, span_of};
use crate::source::{FileId, Sources, Span};

/// The code of diagnostics about fact sheets.
pub const FACT_SHEET: &str = "fact-sheet";

/// The file name looked for in each story directory.
pub const FILE_NAME: &str = "facts.toml";

/// One known value, with where the sheet states it.
#[derive(Clone, Debug)]
pub struct KnownValue {
    pub quantity: Quantity,
    pub written: String,
    pub file: FileId,
    pub span: Span,
}

/// What a sheet may name: the facts it can give values for, and the
/// other rules of the run (to tell a rule that is not a fact from a typo).
#[derive(Debug, Default)]
pub struct SheetKeys {
    /// The facts: the ids of the `agree` rules, and the subjects of the
    /// `story` rules (`killed`, `injured`, `age`).
    pub facts: Vec<String>,
    /// The ids of every other rule.
    pub other_rules: Vec<String>,
}

/// The known values of one sheet, by (rule id, normalised key).
#[derive(Clone, Debug, Default)]
pub struct FactSheet {
    values: HashMap<(String, String), KnownValue>,
}

impl FactSheet {
    /// The known value of a fact, if the sheet gives one.
    pub fn get(&self, rule: &str, key: &str) -> Option<&KnownValue> {
        self.values.get(&(rule.to_owned(), key.to_owned()))
    }

    /// Parses the sheet in `sources` at `file`, checking its entries
    /// against the facts of `keys`. Returns the sheet (with the entries
    /// that were valid) and a diagnostic for every problem.
    pub fn parse(
        file: FileId,
        sources: &Sources,
        keys: &SheetKeys,
    ) -> (FactSheet, Vec<Diagnostic>) {
        let text = sources.get(file).text();
        let mut sheet = FactSheet::default();
        let mut problems = Vec::new();
        let mut error = |span: Span, message: String, label: &str, help: Option<String>| {
            let mut diagnostic = Diagnostic::new(FACT_SHEET, Severity::Error, message)
                .with_primary(Label::new(file, span).with_message(label));
            diagnostic.help = help;
            problems.push(diagnostic);
        };
        let (root, parse_errors) = DeTable::parse_recoverable(text);
        if !parse_errors.is_empty() {
            let mut toml = crate::rules::reader::Errors::new(file);
            toml.toml_errors(parse_errors);
            problems.extend(toml.diagnostics.into_iter().map(|mut d| {
                d.code = FACT_SHEET.to_owned();
                d
            }));
            return (sheet, problems);
        }
        let agree_ids: Vec<&str> = keys.facts.iter().map(String::as_str).collect();
        let other_rules: Vec<&str> = keys.other_rules.iter().map(String::as_str).collect();
        for (name, value) in root.get_ref().iter() {
            let rule = name.get_ref().as_ref();
            if !agree_ids.contains(&rule) {
                let help = match closest(rule, &agree_ids) {
                    Some(suggestion) => format!("did you mean `{suggestion}`?"),
                    None => format!("the fact rules are: {}", agree_ids.join(", ")),
                };
                let what = if other_rules.contains(&rule) {
                    format!("`{rule}` is not an `agree` rule")
                } else {
                    format!("no fact rule is called `{rule}`")
                };
                error(span_of(name), what, "not a fact rule", Some(help));
                continue;
            }
            let entries: Vec<(String, &Spanned<DeValue<'_>>)> = match value.get_ref().as_table() {
                Some(table) => table
                    .iter()
                    .map(|(key, value)| (normalise_key(key.get_ref()), value))
                    .collect(),
                None => vec![(String::new(), value)],
            };
            for (key, value) in entries {
                let written = match value.get_ref() {
                    DeValue::String(text) => Some(text.to_string()),
                    DeValue::Integer(n) => Some(n.as_str().to_owned()),
                    DeValue::Float(n) => Some(n.as_str().to_owned()),
                    _ => None,
                };
                let quantity = written.as_deref().and_then(quantity::parse);
                match (written, quantity) {
                    (Some(written), Some(quantity)) => {
                        sheet.values.insert(
                            (rule.to_owned(), key),
                            KnownValue {
                                quantity,
                                written,
                                file,
                                span: span_of(value),
                            },
                        );
                    }
                    _ => error(
                        span_of(value),
                        "a known value must be a figure".to_owned(),
                        "not a figure",
                        Some("write a number or a phrase such as `\"more than 400\"`".to_owned()),
                    ),
                }
            }
        }
        (sheet, problems)
    }
}

/// The fact sheets of a run: one per story directory that has one, and
/// optionally one given on the command line for every story.
#[derive(Debug, Default)]
pub struct FactSheets {
    by_dir: HashMap<String, FactSheet>,
    global: Option<FactSheet>,
}

impl FactSheets {
    /// Adds the sheet of directory `dir` (as it appears in file names).
    pub fn add_dir(&mut self, dir: String, sheet: FactSheet) {
        self.by_dir.insert(dir, sheet);
    }

    /// Sets the sheet given with `--facts`, used where a directory has none.
    pub fn set_global(&mut self, sheet: FactSheet) {
        self.global = Some(sheet);
    }

    /// The sheet that applies to the file named `name`.
    pub fn for_file(&self, name: &str) -> Option<&FactSheet> {
        let dir = std::path::Path::new(name)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.by_dir.get(&dir).or(self.global.as_ref())
    }
}

/// Keys compare in lowercase, with white space folded and a plural `s`
/// dropped: `Tajiks` is `tajik`.
pub fn normalise_key(key: &str) -> String {
    let folded = key
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    match folded.strip_suffix('s') {
        Some(singular) if singular.len() > 2 && !singular.ends_with('s') => singular.to_owned(),
        _ => folded,
    }
}
