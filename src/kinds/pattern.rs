//! `pattern`: a regex that must not match.
//!
//! ## What it does
//! Reports every match of `pattern` in each unit of the `scope` (line by
//! default; also sentence, paragraph or document).
//!
//! ## Options
//! - `pattern`: the regex. If it has a capture group named `span`, only that
//!   group is flagged and the rest is context, which stands in for the
//!   look-behind the regex crate lacks: `\w(?P<span>  +)\w` flags the spaces
//!   between two words. Alternatives that need different context can each
//!   name their own group `span_<anything>`; the first group that took part
//!   in the match is flagged.
//! - `exceptions`: matched texts that are fine as they are (`iPhone`).
//! - `exception_pattern`: a regex; a match is fine when the whole
//!   white-space-delimited token around it matches (URLs, handles).
//! - `replace`: the suggested replacement for the flagged text (the `span`
//!   group if there is one, else the whole match), with `$1` or `${name}`
//!   for groups; shown as `help: replace with ...` and used by `--fix`.
//! - `fix_stray_letter`: for a match that is one lowercase letter glued
//!   to a capitalised word (`aArrests`) at the start of a sentence or a
//!   clause, a fix that deletes the letter, when the word is known: in the
//!   misspelling list's corrections, or written in lowercase elsewhere in
//!   the document. Two words run together (`inArrests`), a name
//!   (`xJohnson`) or a word mid-clause get no fix (default false).
//! - `scope`: `line` (default), `sentence`, `paragraph` or `document`.
//!
//! Templates may use `{match}` (the flagged text) and any named group.

use crate::rule_regex::RuleRegex;

use super::scope::Scope;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::Document;
use crate::rules::reader::TableReader;
use crate::rules::template::escape_invisible;
use crate::rules::KindInfo;
use crate::rules::{compile_regex, RuleHead};
use crate::source::{FileId, Span};

pub const INFO: KindInfo = KindInfo {
    name: "pattern",
    summary: "a regex that must not match",
    options: &[
        "pattern",
        "exceptions",
        "exception_pattern",
        "replace",
        "fix_stray_letter",
        "scope",
    ],
};

#[derive(Debug)]
pub struct Pattern {
    regex: RuleRegex,
    span_groups: Vec<usize>,
    exceptions: Vec<String>,
    exception_pattern: Option<RuleRegex>,
    replace: Option<String>,
    fix_stray_letter: bool,
    scope: Scope,
}

pub fn compile(reader: &mut TableReader<'_, '_>, source: &str) -> Option<Pattern> {
    let pattern = reader.required_string("pattern", "the regex to flag");
    let exceptions = reader.string_list("exceptions").unwrap_or_default();
    let exception_pattern = reader.string("exception_pattern");
    let replace = reader.string("replace");
    let fix_stray_letter = reader.bool("fix_stray_letter").unwrap_or(false);
    let scope = Scope::read(reader, Scope::Line);

    let regex = compile_regex(&pattern?, source, reader.errors);
    let exception_pattern = match exception_pattern {
        Some(raw) => Some(compile_regex(&raw, source, reader.errors)?),
        None => None,
    };
    let regex = regex?;
    let span_groups = regex
        .capture_names()
        .enumerate()
        .filter(|(_, name)| name.is_some_and(|n| n == "span" || n.starts_with("span_")))
        .map(|(index, _)| index)
        .collect();
    Some(Pattern {
        regex,
        span_groups,
        exceptions: exceptions.into_iter().map(|e| e.value).collect(),
        exception_pattern,
        replace: replace.map(|r| r.value),
        fix_stray_letter,
        scope: scope?,
    })
}

/// The pattern rules of one scope, searched together first.
///
/// Most units of a document match none of the pattern rules, and each rule
/// searches every unit of its scope. The alternation of their patterns
/// searches each unit once and clears it for all of them; only a unit it
/// matches is searched by each rule. The alternation matches a unit
/// exactly when one of the patterns does, so the findings are the same.
#[derive(Debug)]
pub struct SharedSearch {
    scope: Scope,
    /// Indices of the rules, in the rule set.
    rules: Vec<usize>,
    any: RuleRegex,
}

/// The shared searches of a rule set, given the pattern of each rule by
/// index (`None` for a rule of another kind): one search for each scope
/// that two or more pattern rules read, and by rule index the search it
/// belongs to, if any.
pub fn shared_searches(rules: &[Option<&Pattern>]) -> (Vec<SharedSearch>, Vec<Option<usize>>) {
    let mut searches: Vec<SharedSearch> = Vec::new();
    let mut of_rule = vec![None; rules.len()];
    let patterns = || {
        rules
            .iter()
            .enumerate()
            .filter_map(|(index, pattern)| pattern.map(|p| (index, p)))
    };
    let mut scopes: Vec<Scope> = patterns().map(|(_, p)| p.scope).collect();
    scopes.sort_by_key(|scope| format!("{scope:?}"));
    scopes.dedup();
    for scope in scopes {
        let members: Vec<(usize, &Pattern)> =
            patterns().filter(|(_, p)| p.scope == scope).collect();
        if members.len() < 2 {
            continue;
        }
        let regexes: Vec<&RuleRegex> = members.iter().map(|(_, p)| &p.regex).collect();
        let Some(any) = RuleRegex::any_of(&regexes, SHARED_SIZE_LIMIT) else {
            continue;
        };
        for &(index, _) in &members {
            of_rule[index] = Some(searches.len());
        }
        searches.push(SharedSearch {
            scope,
            rules: members.iter().map(|&(index, _)| index).collect(),
            any,
        });
    }
    (searches, of_rule)
}

/// The compiled-size limit of a shared search: past it, the rules search
/// on their own.
const SHARED_SIZE_LIMIT: usize = 1 << 25;

impl SharedSearch {
    /// For each unit of the scope in `doc`, in order, whether one of the
    /// rules' patterns may match it. (A unit whose text calls for another
    /// form than the near-ASCII one, which is rare, is left to the rules
    /// rather than compile another form of a large alternation.)
    pub fn units(&self, doc: &Document<'_>) -> Vec<bool> {
        self.scope
            .units(doc)
            .map(|unit| {
                let characters = doc.characters(unit);
                let text = doc.slice(unit);
                unit.start != unit.end
                    && match self.any.near_ascii_for(characters) {
                        Some(near) => near.is_match(text),
                        // A user's rules: every form was compiled at load.
                        None if !self.any.is_prechecked() => {
                            self.any.for_characters(characters).is_match(text)
                        }
                        None => true,
                    }
            })
            .collect()
    }

    /// The rules searched together, by index in the rule set.
    pub fn rules(&self) -> &[usize] {
        &self.rules
    }
}

impl Pattern {
    pub fn placeholders(&self) -> Vec<String> {
        std::iter::once("match".to_owned())
            .chain(self.regex.capture_names().flatten().map(str::to_owned))
            .collect()
    }

    /// Reports every match in `doc`. `cleared`, from the rule's
    /// [`SharedSearch`], says for each unit whether it may match at all.
    pub fn check(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
        cleared: Option<&[bool]>,
    ) {
        for (index, unit) in self.scope.units(doc).enumerate() {
            // Only an empty match fits in an empty unit (a blank line),
            // and an empty match is never reported.
            if unit.start == unit.end || cleared.is_some_and(|c| c.get(index) == Some(&false)) {
                continue;
            }
            let haystack = doc.slice(unit);
            let base = unit.start as usize;
            let regex = self.regex.for_characters(doc.characters(unit));
            let mut at = 0;
            while at <= haystack.len() {
                let Some(captures) = regex.captures_at(haystack, at) else {
                    break;
                };
                let whole = captures.get(0).map_or(at..at, |m| m.range());
                let flagged = self
                    .span_groups
                    .iter()
                    .find_map(|&group| captures.get(group))
                    .map_or(whole.clone(), |m| m.range());
                // Resume after the flagged part, so that context consumed
                // after it (`\w` in `\w  +\w`) can start the next match.
                at = if flagged.end > at {
                    flagged.end
                } else {
                    next_char(haystack, whole.end.max(at))
                };
                let text = &haystack[flagged.clone()];
                if flagged.is_empty() || self.is_exception(haystack, flagged.clone()) {
                    continue;
                }
                let span = Span::new(base + flagged.start, base + flagged.end);
                let mut diagnostic = rule.report(file, span, |name| match name {
                    "match" => Some(text),
                    group => captures.name(group).map(|m| m.as_str()),
                });
                if let Some(replace) = &self.replace {
                    let mut replacement = String::new();
                    captures.expand(replace, &mut replacement);
                    if text != replacement {
                        diagnostic.fix = Some(Fix {
                            file,
                            span,
                            replacement,
                        });
                    }
                }
                if self.fix_stray_letter
                    && diagnostic.fix.is_none()
                    && is_stray_letter(doc, &haystack[..flagged.start], text)
                {
                    diagnostic.fix = Some(Fix {
                        file,
                        span: Span::new(span.start as usize, span.start as usize + 1),
                        replacement: String::new(),
                    });
                }
                out.push(diagnostic);
            }
        }
    }

    fn is_exception(&self, haystack: &str, flagged: std::ops::Range<usize>) -> bool {
        let text = &haystack[flagged.clone()];
        if self.exceptions.iter().any(|e| e == text) {
            return true;
        }
        let Some(exception) = &self.exception_pattern else {
            return false;
        };
        let start = haystack[..flagged.start]
            .rfind(char::is_whitespace)
            .map_or(0, |i| {
                i + haystack[i..].chars().next().map_or(1, char::len_utf8)
            });
        let end = haystack[flagged.end..]
            .find(char::is_whitespace)
            .map_or(haystack.len(), |i| flagged.end + i);
        exception.is_match(&haystack[start..end])
    }
}

/// Whether `text`, found after `before` in its unit, is one stray
/// lowercase letter before a capitalised word that is known (in the
/// misspelling list's corrections, or in lowercase elsewhere in `doc`),
/// at the start of a sentence or a clause: the one reading of `aArrests`
/// that needs no judgement.
fn is_stray_letter(doc: &Document<'_>, before: &str, text: &str) -> bool {
    let mut chars = text.chars();
    let (Some(stray), Some(capital)) = (chars.next(), chars.next()) else {
        return false;
    };
    let rest = chars.as_str();
    if !stray.is_ascii_lowercase()
        || !capital.is_uppercase()
        || rest.is_empty()
        || !rest.chars().all(char::is_lowercase)
    {
        return false;
    }
    let opening = before
        .trim_end()
        .trim_end_matches(['“', '"', '‘', '\'', '(', '['])
        .trim_end();
    let starts_clause =
        opening.is_empty() || opening.ends_with(['.', '!', '?', ',', ';', ':', '—', '–']);
    if !starts_clause {
        return false;
    }
    let word = format!("{}{rest}", capital.to_lowercase());
    crate::kinds::spelling::is_known_word(&word) || written_in_lowercase(doc.text(), &word)
}

/// Whether `word` (lowercase) stands in `text` as a word of its own.
fn written_in_lowercase(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The byte offset just past the character at `at` (or `at + 1` at the end).
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// The replacement of a fix as shown in help text.
pub fn describe_fix(replacement: &str) -> String {
    if replacement.is_empty() {
        "remove it".to_owned()
    } else if replacement == " " {
        "replace with a single space".to_owned()
    } else {
        format!("replace with `{}`", escape_invisible(replacement))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{builtin, RuleFile};
    use crate::ruleset::RuleSet;
    use crate::source::Sources;

    fn patterns_of(rules: &RuleSet) -> Vec<Option<&Pattern>> {
        rules
            .rules
            .iter()
            .map(|rule| rule.kind.as_pattern())
            .collect()
    }

    fn every_shipped_rule() -> RuleSet {
        let mut files = builtin::rule_files();
        files.extend(
            builtin::pack_names()
                .iter()
                .filter_map(|name| builtin::pack(name)),
        );
        let (rules, problems) = RuleSet::load(&mut Sources::new(), files);
        assert!(problems.is_empty());
        rules
    }

    /// Lines of the seeds and of awkward text, with every kind of
    /// character a form is chosen for.
    fn texts() -> Vec<String> {
        let mut texts: Vec<String> = std::fs::read_dir("seeds")
            .unwrap()
            .flat_map(|entry| {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                text.lines().map(str::to_owned).collect::<Vec<_>>()
            })
            .collect();
        texts.extend(
            [
                "In July, aArrests rose  sharply. Story in development, more to follow.",
                "The Uzbekistan was named; José said “the Russia of old” — TK",
                "For more CNN news and newsletters create an account at CNN.com",
                "Emoji ☺ and Cyrillic жж with\u{a0}a no-break space and XX marks",
            ]
            .map(str::to_owned),
        );
        texts
    }

    /// Checks, on every text, that a unit the shared search clears is one
    /// that none of its rules matches, and that the search clears some.
    fn clears_only_what_no_rule_matches(rules: &RuleSet) {
        let (searches, _) = shared_searches(&patterns_of(rules));
        assert!(!searches.is_empty());
        let (mut cleared, mut kept) = (0, 0);
        for text in texts() {
            let doc = Document::parse(&text);
            for search in &searches {
                for (unit, may_match) in search.scope.units(&doc).zip(search.units(&doc)) {
                    let matched = search.rules().iter().any(|&index| {
                        match rules.rules[index].kind.as_pattern() {
                            Some(pattern) => pattern.regex.is_match(doc.slice(unit)),
                            None => unreachable!("only pattern rules are searched together"),
                        }
                    });
                    assert!(may_match || !matched, "{:?} in {text:?}", doc.slice(unit));
                    cleared += usize::from(!may_match && unit.start != unit.end);
                    kept += usize::from(may_match);
                }
            }
        }
        assert!(cleared > 0 && kept > 0, "{cleared} cleared, {kept} kept");
    }

    #[test]
    fn the_shared_searches_of_shipped_rules_compile_in_every_form() {
        let rules = every_shipped_rule();
        for search in shared_searches(&patterns_of(&rules)).0 {
            search.any.check_every_form().unwrap();
        }
    }

    #[test]
    fn a_shared_search_clears_only_units_no_rule_matches() {
        clears_only_what_no_rule_matches(&every_shipped_rule());
        // A user's rules, compiled in full at load.
        let user = RuleFile {
            name: "mine.toml".to_owned(),
            text: r#"
[[rule]]
id = "twice-spaced"
kind = "pattern"
severity = "warning"
description = "Two spaces"
message = "two spaces"
pattern = '\w  \w'

[[rule]]
id = "placeholder"
kind = "pattern"
severity = "error"
description = "A placeholder"
message = "placeholder"
pattern = '(?i)\b(?P<span>tk|more to follow)\b'
"#
            .to_owned(),
        };
        let (rules, problems) = RuleSet::load(&mut Sources::new(), vec![user]);
        assert!(problems.is_empty(), "{problems:?}");
        clears_only_what_no_rule_matches(&rules);
    }
}
