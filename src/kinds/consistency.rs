//! `consistency`: one thing, one spelling, within a document or a story.
//!
//! ## What it does
//! Two checks, which one rule may combine:
//! - `forms`: groups of alternative spellings (`["US", "U.S."]`,
//!   `["toward", "towards"]`, `["percent", "%"]`); when more than one form
//!   of a group is used, every form but the most used is flagged (its first
//!   use in each file), with a secondary label on the first use of the
//!   majority form.
//! - `names = true`: proper names (capitalised words inside a sentence)
//!   spelt two ways, such as `Mayorkas` and `Majorkas`: a name used once or
//!   twice that is one letter (two, for names of eight or more letters)
//!   away from a name used at least twice as often. Apostrophe styles do
//!   not count (`O'Leary` is `O’Leary`), nor do possessives, plurals and
//!   other endings (`Uzbek`, `Uzbeks`, `Uzbekistan`): one name must not
//!   begin the other. A word also written in lowercase in the same
//!   documents is a common word, not a name (`County`, `Country`).
//!
//! ## Options
//! - `forms`: array of arrays of strings; each string matches as written,
//!   case-sensitively, as a whole word where it starts or ends with a
//!   letter or digit.
//! - `names`: bool, default false.
//! - `allow`: words never taken for names (weekdays, months, compass
//!   points, house words), matched as written.
//! - `scope`: which documents are compared: `file` (default), `directory`
//!   (the articles of one story) or `run`.
//! - `within`: the text searched in each document, as the `scope` of other
//!   kinds: `document` (default), `outside-quotes`, ...
//! - `skip_documents`: a regex; a document whose text matches it is not
//!   read. For pages that collect pieces by different hands (a police
//!   blotter of dated reports), whose spellings need not agree.
//!
//! Templates may use `{form}` (the flagged spelling), `{majority}` (the
//! preferred one), `{count}` and `{majority_count}`.

mod forms;

use std::collections::HashMap;

use super::scope::Scope;
use crate::diagnostic::{Diagnostic, Label};
use crate::document::{words, Document};
use crate::rules::reader::{edit_distance, TableReader};
use crate::rules::{compile_regex, RuleHead, RuleRegex};
use crate::rules::{Grouping, KindInfo};
use crate::source::{FileId, Sources, Span};
use forms::Forms;

pub const INFO: KindInfo = KindInfo {
    name: "consistency",
    summary: "alternative spellings of one thing must not be mixed",
    options: &[
        "forms",
        "names",
        "allow",
        "scope",
        "within",
        "skip_documents",
    ],
};

/// One use of a form in a document.
#[derive(Clone, Debug)]
pub struct FormUse {
    /// The index of the configured group, or `None` for a proper name or
    /// (with `lowercase`) a common word.
    pub set: Option<usize>,
    /// A lowercase word, recorded to tell common words from names.
    pub lowercase: bool,
    /// The form as configured, or the name with apostrophes normalised.
    pub form: String,
    pub span: Span,
}

#[derive(Debug)]
pub struct Consistency {
    /// Every configured form, found in one pass (see [`forms`]).
    forms: Option<Forms>,
    names: bool,
    allow: std::collections::HashSet<String>,
    grouping: Grouping,
    within: Scope,
    skip_documents: Option<RuleRegex>,
}

pub fn compile(reader: &mut TableReader<'_, '_>, source: &str) -> Option<Consistency> {
    let groups = reader.string_groups("forms");
    let names = reader.bool("names").unwrap_or(false);
    let allow = reader.string_list("allow").unwrap_or_default();
    let grouping = reader
        .choice("scope", Grouping::CHOICES)
        .map(|g| g.unwrap_or(Grouping::File))
        .ok();
    let within = Scope::read_key(reader, "within", Scope::Document);
    let skip_documents = reader
        .string("skip_documents")
        .map(|raw| compile_regex(&raw, source, reader.errors));

    let mut ok = true;
    let mut literals: HashMap<String, usize> = HashMap::new();
    for (index, group) in groups.iter().flatten().enumerate() {
        if group.len() < 2 {
            let span = group.first().map_or(reader.span(), |f| f.span);
            reader.errors.error_with_help(
                span,
                "a group of `forms` needs at least two spellings",
                "only one spelling",
                "list the alternatives together: `[\"toward\", \"towards\"]`",
            );
            ok = false;
        }
        for form in group {
            if form.value.is_empty() {
                reader
                    .errors
                    .error(form.span, "a form cannot be empty", "empty");
                ok = false;
            } else if literals.insert(form.value.clone(), index).is_some() {
                reader.errors.error(
                    form.span,
                    format!("`{}` is listed in `forms` twice", form.value),
                    "listed again here",
                );
                ok = false;
            }
        }
    }
    if groups.is_none() && !names {
        reader.errors.error_with_help(
            reader.span(),
            "a consistency rule needs `forms`, `names = true`, or both",
            "nothing to check",
            "add `forms = [[\"US\", \"U.S.\"]]` or `names = true`",
        );
        ok = false;
    }
    let forms = Forms::new(&literals);
    let skip_documents = match skip_documents {
        Some(Some(regex)) => Some(regex),
        Some(None) => {
            ok = false;
            None
        }
        None => None,
    };
    if !ok {
        return None;
    }
    Some(Consistency {
        forms,
        names,
        allow: allow.into_iter().map(|a| a.value).collect(),
        grouping: grouping?,
        within: within?,
        skip_documents,
    })
}

impl Consistency {
    /// Never takes `words` for names (the project's allowed words).
    pub fn allow_words(&mut self, words: &[String]) {
        self.allow.extend(words.iter().cloned());
    }

    pub fn grouping(&self) -> Grouping {
        self.grouping
    }

    pub fn placeholders(&self) -> Vec<String> {
        ["form", "majority", "count", "majority_count"]
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The uses of forms and names in `doc`, in the paragraphs the rule
    /// reads; `None` when there are none, or when `skip_documents` matches
    /// the document (either way it has nothing to compare).
    pub fn gather(
        &self,
        rule: &RuleHead,
        _file: FileId,
        doc: &Document<'_>,
    ) -> Option<Vec<FormUse>> {
        let mut uses = Vec::new();
        if let Some(forms) = &self.forms {
            for unit in self.within.units(doc) {
                let text = doc.slice(unit);
                for found in forms.find_iter(text) {
                    let start = unit.start as usize + found.start;
                    uses.push(FormUse {
                        lowercase: false,
                        set: Some(found.set),
                        form: found.form.to_owned(),
                        span: Span::new(start, start + found.form.len()),
                    });
                }
            }
        }
        if self.names {
            let units: Vec<Span> = self.within.units(doc).collect();
            for sentence in &doc.sentences {
                let text = doc.slice(sentence.span);
                for (index, word) in words(text).enumerate() {
                    let written = &text[word.range()];
                    let span = word.offset(sentence.span.start as usize);
                    if !units.iter().any(|u| u.contains(span)) {
                        continue;
                    }
                    let lowercase = written.starts_with(char::is_lowercase);
                    let candidate = index > 0 && is_name(written) && !self.allow.contains(written);
                    if lowercase || candidate {
                        uses.push(FormUse {
                            set: None,
                            lowercase,
                            form: normalise_name(written),
                            span,
                        });
                    }
                }
            }
        }
        // Only uses in the paragraphs the rule reads (no captions, no
        // related links, no boilerplate).
        uses.retain(|u| rule.reads_at(doc, u.span.start));
        // A document without uses contributes nothing, so the skip pattern,
        // a search of the whole text, is tried only on the others.
        if uses.is_empty()
            || self
                .skip_documents
                .as_ref()
                .is_some_and(|skip| skip.is_match(doc.text()))
        {
            return None;
        }
        Some(uses)
    }

    pub fn conclude(
        &self,
        rule: &RuleHead,
        group: Vec<(FileId, Vec<FormUse>)>,
        sources: &Sources,
        out: &mut Vec<Diagnostic>,
    ) {
        // Tally every form: how often it is used, and where first in each file.
        let mut tallies: Vec<Tally> = Vec::new();
        let common: std::collections::HashSet<&str> = group
            .iter()
            .flat_map(|(_, uses)| uses.iter())
            .filter(|u| u.lowercase)
            .map(|u| u.form.as_str())
            .collect();
        for (file, uses) in &group {
            for found in uses.iter().filter(|u| !u.lowercase) {
                match tallies
                    .iter_mut()
                    .find(|t| t.set == found.set && t.form == found.form)
                {
                    Some(tally) => tally.add(*file, found.span),
                    None => {
                        let mut tally = Tally::new(found.set, found.form.clone());
                        tally.add(*file, found.span);
                        tallies.push(tally);
                    }
                }
            }
        }
        let mut conflicts: Vec<(&Tally, &Tally)> = Vec::new();
        // Configured groups: every form but the most used one.
        let sets: Vec<usize> = tallies.iter().filter_map(|t| t.set).collect();
        for set in sets
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
        {
            let members: Vec<&Tally> = tallies.iter().filter(|t| t.set == Some(set)).collect();
            if let Some(majority) = members
                .iter()
                .copied()
                .max_by(|a, b| a.count.cmp(&b.count).then(b.first.cmp(&a.first)))
            {
                for minority in members
                    .iter()
                    .copied()
                    .filter(|t| !std::ptr::eq(*t, majority))
                {
                    conflicts.push((minority, majority));
                }
            }
        }
        // Names: a rare spelling close to a common one.
        let names: Vec<&Tally> = tallies
            .iter()
            .filter(|t| t.set.is_none() && !common.contains(t.form.to_lowercase().as_str()))
            .collect();
        for minority in &names {
            let closest = names
                .iter()
                .filter(|majority| is_misspelling_of(minority, majority))
                .max_by_key(|majority| majority.count);
            if let Some(majority) = closest {
                conflicts.push((minority, majority));
            }
        }
        for (minority, majority) in conflicts {
            let (count, majority_count) = (minority.count.to_string(), majority.count.to_string());
            for &(file, span) in &minority.first_in_file {
                let mut diagnostic = rule.report(file, span, |name| match name {
                    "form" => Some(minority.form.as_str()),
                    "majority" => Some(majority.form.as_str()),
                    "count" => Some(count.as_str()),
                    "majority_count" => Some(majority_count.as_str()),
                    _ => None,
                });
                let (first_file, first_span) = majority.first;
                diagnostic = diagnostic.with_secondary(
                    Label::new(first_file, first_span)
                        .with_message(format!("`{}` is used here", majority.form)),
                );
                diagnostic.notes.push(format!(
                    "`{}` is used {} and `{}` {}{}",
                    minority.form,
                    times(minority.count),
                    majority.form,
                    times(majority.count),
                    where_(self.grouping, &group, sources),
                ));
                out.push(diagnostic);
            }
        }
    }
}

/// How often and where a form is used.
#[derive(Debug)]
struct Tally {
    set: Option<usize>,
    form: String,
    count: usize,
    first: (FileId, Span),
    first_in_file: Vec<(FileId, Span)>,
}

impl Tally {
    fn new(set: Option<usize>, form: String) -> Self {
        Tally {
            set,
            form,
            count: 0,
            first: (usize::MAX, Span::default()),
            first_in_file: Vec::new(),
        }
    }

    fn add(&mut self, file: FileId, span: Span) {
        self.count += 1;
        if (file, span) < self.first {
            self.first = (file, span);
        }
        if !self.first_in_file.iter().any(|(f, _)| *f == file) {
            self.first_in_file.push((file, span));
        }
    }
}

/// A name compared by its letters: apostrophes made straight and a
/// possessive ending dropped (`O’Leary’s` is `O'Leary`); lowercase words
/// are kept as they are.
fn normalise_name(word: &str) -> String {
    let straight = word.replace('’', "'");
    let base = straight
        .strip_suffix("'s")
        .or_else(|| straight.strip_suffix('\''))
        .unwrap_or(&straight);
    base.to_owned()
}

/// A capitalised word of five or more letters with lowercase letters in
/// it: a candidate proper name (acronyms are left out).
fn is_name(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 5
        && word.chars().any(char::is_lowercase)
        && !word.contains(|c: char| c.is_ascii_digit() || c == '-' || c == '.')
}

/// Whether `rare` looks like a misspelling of `common`: used at most twice
/// and at most half as often, same first letter, neither a prefix of the
/// other, and one edit away (two for long names).
fn is_misspelling_of(rare: &Tally, common: &Tally) -> bool {
    let (a, b) = (rare.form.as_str(), common.form.as_str());
    let longest = a.chars().count().max(b.chars().count());
    rare.count <= 2
        && common.count >= 2 * rare.count
        && a.chars().next() == b.chars().next()
        && !a.starts_with(b)
        && !b.starts_with(a)
        && edit_distance(a, b) <= if longest >= 8 { 2 } else { 1 }
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

/// Where the counts were taken, for notes.
fn where_(grouping: Grouping, group: &[(FileId, Vec<FormUse>)], sources: &Sources) -> String {
    match (grouping, group) {
        (Grouping::File, [(file, _)]) => format!(" in {}", sources.get(*file).name()),
        (Grouping::Directory, _) => " in this story's directory".to_owned(),
        (_, _) => " in the files linted".to_owned(),
    }
}
