//! Reading a rule table from spanned TOML while collecting every error.
//!
//! serde stops at the first problem and forgets where values came from, so
//! rule files are parsed into toml's spanned tree ([`DeTable`]) and read
//! key by key here. Each accessor records a rule-file diagnostic (with the
//! key's or value's span) instead of failing, so one run reports every
//! mistake in a file.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::{FileId, Span};

/// The code of every diagnostic about a rule file.
pub const RULE_FILE: &str = "rule-file";

/// A string value with the span of its TOML literal (quotes included).
#[derive(Clone, Debug)]
pub struct SpannedStr {
    pub value: String,
    pub span: Span,
}

/// Collects rule-file diagnostics for one file.
#[derive(Debug)]
pub struct Errors {
    pub file: FileId,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the file is, byte for byte, a rule file that ships with
    /// factlint ([`super::builtin::is_shipped`]). The tests compile every
    /// regex of those, so loading one checks only their syntax (see
    /// [`super::RuleRegex::prechecked`]). False unless set.
    pub(crate) shipped: bool,
}

impl Errors {
    pub fn new(file: FileId) -> Self {
        Errors {
            file,
            diagnostics: Vec::new(),
            shipped: false,
        }
    }

    /// Records an error at `span` of the rule file.
    pub fn error(&mut self, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::new(RULE_FILE, Severity::Error, message)
                .with_primary(Label::new(self.file, span).with_message(label)),
        );
    }

    /// Records the errors of a TOML parse, each at its place.
    pub fn toml_errors(&mut self, errors: Vec<toml::de::Error>) {
        for error in errors {
            let span = error.span().map_or(Span::new(0, 0), Span::from);
            self.error(
                span,
                format!("invalid TOML: {}", error.message().trim_end()),
                "here",
            );
        }
    }

    /// Records an error with a help line.
    pub fn error_with_help(
        &mut self,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.error(span, message, label);
        if let Some(last) = self.diagnostics.last_mut() {
            last.help = Some(help.into());
        }
    }
}

/// An option's value was not one of its choices (already reported).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidChoice;

/// Reads the keys of one TOML table, remembering which were used.
pub struct TableReader<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Span,
    used: Vec<String>,
    pub errors: &'a mut Errors,
}

impl<'a, 'i> TableReader<'a, 'i> {
    pub fn new(table: &'a DeTable<'i>, span: Span, errors: &'a mut Errors) -> Self {
        TableReader {
            table,
            span,
            used: Vec::new(),
            errors,
        }
    }

    /// The span of the whole table, for errors about a missing key.
    pub fn span(&self) -> Span {
        self.span
    }

    pub fn contains(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Whether the table has a key that looks like a typo for `key`
    /// (`pattren` for `pattern`): an error about `key` missing would only
    /// repeat the suggestion made for the typo.
    pub fn has_misspelling_of(&self, key: &str) -> bool {
        self.table
            .iter()
            .any(|(k, _)| k.get_ref() != key && closest(k.get_ref(), &[key]).is_some())
    }

    /// The span of `key` itself (not its value), if the table has it: for
    /// errors about a key that does not belong with the others.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(k, _)| span_of(k))
    }

    fn take(&mut self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        let value = self.table.get(key)?;
        self.used.push(key.to_owned());
        Some(value)
    }

    fn type_error(&mut self, key: &str, expected: &str, value: &Spanned<DeValue<'_>>) {
        self.errors.error(
            span_of(value),
            format!(
                "`{key}` must be {expected}, found {}",
                value.get_ref().type_str()
            ),
            format!("expected {expected}"),
        );
    }

    /// A string value, or `None` (with an error if the type is wrong).
    pub fn string(&mut self, key: &str) -> Option<SpannedStr> {
        let value = self.take(key)?;
        match value.get_ref().as_str() {
            Some(text) => Some(SpannedStr {
                value: text.to_owned(),
                span: span_of(value),
            }),
            None => {
                self.type_error(key, "a string", value);
                None
            }
        }
    }

    /// A string value that must be present.
    pub fn required_string(&mut self, key: &str, what: &str) -> Option<SpannedStr> {
        if !self.contains(key) {
            // A misspelt key (`pattren`) is reported, with its correction,
            // as an unknown key; saying the right one is missing adds noise.
            if self.has_misspelling_of(key) {
                return None;
            }
            self.errors.error_with_help(
                self.span,
                format!("missing key `{key}`"),
                format!("this table has no `{key}`"),
                format!("add `{key} = \"...\"`: {what}"),
            );
            return None;
        }
        self.string(key)
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        let value = self.take(key)?;
        match value.get_ref().as_bool() {
            Some(flag) => Some(flag),
            None => {
                self.type_error(key, "true or false", value);
                None
            }
        }
    }

    /// A non-negative integer.
    pub fn count(&mut self, key: &str) -> Option<usize> {
        let value = self.take(key)?;
        let integer = value.get_ref().as_integer();
        let parsed = integer.and_then(|n| usize::from_str_radix(n.as_str(), n.radix()).ok());
        match (integer, parsed) {
            (_, Some(count)) => return Some(count),
            (Some(n), None) => self.errors.error(
                span_of(value),
                format!(
                    "`{key}` must be a non-negative integer, found {}",
                    n.as_str()
                ),
                "expected 0 or more",
            ),
            (None, None) => self.type_error(key, "a non-negative integer", value),
        }
        None
    }

    /// A number from 0 to 1 inclusive, written as a float (`0.7`) or an
    /// integer (`0`, `1`): a threshold or a proportion.
    pub fn fraction(&mut self, key: &str) -> Option<f64> {
        let value = self.take(key)?;
        let number = match value.get_ref() {
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            _ => {
                self.type_error(key, "a number from 0 to 1", value);
                return None;
            }
        };
        match number {
            Some(n) if (0.0..=1.0).contains(&n) => Some(n),
            _ => {
                let found = match value.get_ref() {
                    DeValue::Float(f) => f.as_str().to_owned(),
                    DeValue::Integer(i) => i.to_string(),
                    _ => String::new(),
                };
                self.errors.error_with_help(
                    span_of(value),
                    format!("`{key}` must be from 0 to 1, found {found}"),
                    "out of range",
                    format!("write a proportion such as `{key} = 0.7`"),
                );
                None
            }
        }
    }

    /// An array of strings; wrong elements are reported one by one.
    pub fn string_list(&mut self, key: &str) -> Option<Vec<SpannedStr>> {
        let value = self.take(key)?;
        let Some(array) = value.get_ref().as_array() else {
            self.type_error(key, "an array of strings", value);
            return None;
        };
        let mut items = Vec::with_capacity(array.len());
        for item in array.iter() {
            match item.get_ref().as_str() {
                Some(text) => items.push(SpannedStr {
                    value: text.to_owned(),
                    span: span_of(item),
                }),
                None => self.errors.error(
                    span_of(item),
                    format!(
                        "`{key}` must hold only strings, found {}",
                        item.get_ref().type_str()
                    ),
                    "expected a string",
                ),
            }
        }
        Some(items)
    }

    /// An array of tables, written `[[rule.examples]]` or inline
    /// (`[{ name = "a.txt", text = "..." }]`), each with its span; elements
    /// that are not tables are reported one by one.
    pub fn tables(&mut self, key: &str) -> Option<Vec<(&'a DeTable<'i>, Span)>> {
        let value = self.take(key)?;
        let Some(array) = value.get_ref().as_array() else {
            self.type_error(key, "an array of tables", value);
            return None;
        };
        let mut tables = Vec::with_capacity(array.len());
        for item in array.iter() {
            match item.get_ref().as_table() {
                Some(table) => tables.push((table, span_of(item))),
                None => self.errors.error(
                    span_of(item),
                    format!(
                        "`{key}` must hold only tables, found {}",
                        item.get_ref().type_str()
                    ),
                    "expected a table",
                ),
            }
        }
        Some(tables)
    }

    /// The length and span of an array value, whatever its elements.
    pub fn array_len(&mut self, key: &str) -> Option<(usize, Span)> {
        let value = self.take(key)?;
        match value.get_ref().as_array() {
            Some(array) => Some((array.len(), span_of(value))),
            None => {
                self.type_error(key, "an array", value);
                None
            }
        }
    }

    /// An array of arrays of strings (`[["US", "U.S."], ["toward", "towards"]]`).
    pub fn string_groups(&mut self, key: &str) -> Option<Vec<Vec<SpannedStr>>> {
        let value = self.take(key)?;
        let Some(array) = value.get_ref().as_array() else {
            self.type_error(key, "an array of arrays of strings", value);
            return None;
        };
        let mut groups = Vec::with_capacity(array.len());
        for group in array.iter() {
            let Some(items) = group.get_ref().as_array() else {
                self.errors.error(
                    span_of(group),
                    format!("each entry of `{key}` must be an array of strings"),
                    "expected an array such as [\"US\", \"U.S.\"]",
                );
                continue;
            };
            let mut strings = Vec::with_capacity(items.len());
            for item in items.iter() {
                match item.get_ref().as_str() {
                    Some(text) => strings.push(SpannedStr {
                        value: text.to_owned(),
                        span: span_of(item),
                    }),
                    None => self
                        .errors
                        .error(span_of(item), "expected a string", "not a string"),
                }
            }
            groups.push(strings);
        }
        Some(groups)
    }

    /// An option whose value is one of `choices` (spelling in the rule
    /// file, value). `Ok(None)` when absent; `Err` when the value is not
    /// one of them, which has been reported with the valid spellings.
    pub fn choice<T: Copy>(
        &mut self,
        key: &str,
        choices: &[(&str, T)],
    ) -> Result<Option<T>, InvalidChoice> {
        let Some(raw) = self.string(key) else {
            return Ok(None);
        };
        match choices.iter().find(|(name, _)| *name == raw.value) {
            Some(&(_, value)) => Ok(Some(value)),
            None => {
                let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
                crate::rules::bad_choice(self.errors, &raw, key, &names);
                Err(InvalidChoice)
            }
        }
    }

    /// A sub-table, with its span.
    pub fn table(&mut self, key: &str) -> Option<(Span, &'a DeTable<'i>)> {
        let value = self.take(key)?;
        match value.get_ref().as_table() {
            Some(table) => Some((span_of(value), table)),
            None => {
                self.type_error(key, "a table", value);
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), each with its span.
    pub fn table_array(&mut self, key: &str) -> Option<Vec<(Span, &'a DeTable<'i>)>> {
        let value = self.take(key)?;
        let Some(array) = value.get_ref().as_array() else {
            self.type_error(key, "an array of tables", value);
            return None;
        };
        let mut tables = Vec::new();
        for item in array.iter() {
            match item.get_ref().as_table() {
                Some(table) => tables.push((span_of(item), table)),
                None => self.errors.error(
                    span_of(item),
                    format!("each `{key}` must be a table"),
                    "not a table",
                ),
            }
        }
        Some(tables)
    }

    /// An array of strings that must be present.
    pub fn required_strings(&mut self, key: &str, what: &str) -> Option<Vec<SpannedStr>> {
        if !self.contains(key) {
            self.errors.error_with_help(
                self.span,
                format!("missing key `{key}`"),
                format!("this table has no `{key}`"),
                format!("add `{key} = [...]`: {what}"),
            );
            return None;
        }
        self.string_list(key)
    }

    /// Accepts every key not read so far (validated elsewhere).
    pub fn finish_accepting_all(self) {}

    /// Reports every key not read so far. `expected` lists the keys this
    /// table accepts (for "did you mean" suggestions); `elsewhere` says, for
    /// a key that belongs to another kind of table, where it does belong.
    pub fn finish(self, expected: &[&str], elsewhere: impl Fn(&str) -> Option<String>) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if self.used.iter().any(|used| used == name) {
                continue;
            }
            let span = Span::from(key.span());
            let message = format!("unknown key `{name}`");
            if let Some(place) = elsewhere(name) {
                self.errors
                    .error_with_help(span, message, "not valid here", place);
            } else if let Some(suggestion) = closest(name, expected) {
                self.errors.error_with_help(
                    span,
                    format!("unknown key `{name}`, did you mean `{suggestion}`?"),
                    "unknown key",
                    format!("valid keys here: {}", expected.join(", ")),
                );
            } else {
                self.errors.error_with_help(
                    span,
                    message,
                    "unknown key",
                    format!("valid keys here: {}", expected.join(", ")),
                );
            }
        }
    }
}

pub fn span_of<T>(value: &Spanned<T>) -> Span {
    Span::from(value.span())
}

/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a plausible typo.
pub fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len().max(word.len()) / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_accept_floats_and_integers_from_0_to_1() {
        let source = "a = 0.65\nb = 1\nc = 0\nd = 2.0\ne = -1\nf = 'high'\ng = nan\n";
        let (root, parse_errors) = DeTable::parse_recoverable(source);
        assert!(parse_errors.is_empty());
        let mut errors = Errors::new(0);
        let mut reader = TableReader::new(root.get_ref(), Span::new(0, source.len()), &mut errors);
        assert_eq!(reader.fraction("a"), Some(0.65));
        assert_eq!(reader.fraction("b"), Some(1.0));
        assert_eq!(reader.fraction("c"), Some(0.0));
        for key in ["d", "e", "f", "g"] {
            assert_eq!(reader.fraction(key), None, "{key}");
        }
        assert_eq!(reader.fraction("missing"), None);
        let messages: Vec<&str> = errors
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "`d` must be from 0 to 1, found 2.0",
                "`e` must be from 0 to 1, found -1",
                "`f` must be a number from 0 to 1, found string",
                "`g` must be from 0 to 1, found nan",
            ]
        );
        // Each error points at the value.
        let first = errors.diagnostics[0].primary.as_ref().map(|l| l.span);
        assert_eq!(first.map(|s| &source[s.range()]), Some("2.0"));
    }

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["pattern", "message", "severity"];
        assert_eq!(closest("pattren", &keys), Some("pattern"));
        assert_eq!(closest("mesage", &keys), Some("message"));
        assert_eq!(closest("colour", &keys), None);
    }
}
