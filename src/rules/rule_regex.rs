//! Rule regexes, compiled so that they stay fast on real copy.
//!
//! The regex crate's fast engines (the lazy DFA) handle a Unicode word
//! boundary `\b` only on ASCII text; on anything else the search falls back
//! to much slower engines. News copy is rarely pure ASCII (curly quotes,
//! dashes, no-break spaces), so a rule with `\b` would run slowly on almost
//! every line. Yet a Unicode `\b` and an ASCII `\b` agree wherever the text
//! has no non-ASCII *word* character: a curly quote is not a word character
//! either way. So every rule regex with word boundaries is compiled twice,
//! as written and with ASCII boundaries, and [`RuleRegex::for_text`] picks
//! the ASCII one for text without non-ASCII letters, digits or marks. The
//! results are the same; only the speed differs. The regex as written is
//! then needed only for text with accented letters and the like, so it is
//! built on first use: compiling a regex with Unicode classes is the
//! larger part of factlint's start-up.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_syntax::ast::{self, AssertionKind, Ast};

/// A compiled rule regex; see the module docs.
#[derive(Clone, Debug)]
pub struct RuleRegex {
    /// The pattern as written, compiled on first use when `ascii` exists.
    regex: OnceLock<Regex>,
    pattern: String,
    size_limit: usize,
    /// The same pattern with ASCII word boundaries, when it has any.
    ascii: Option<Regex>,
}

impl RuleRegex {
    /// Compiles `pattern` with a compiled-size limit.
    pub fn new(pattern: &str, size_limit: usize) -> Result<Self, regex::Error> {
        let build = |p: &str| RegexBuilder::new(p).size_limit(size_limit).build();
        let regex = OnceLock::new();
        let ascii = match ascii_boundaries(pattern) {
            // The rewritten pattern fails exactly when the original does
            // (the rewrite only adds ASCII flags), so its error stands for
            // the original's.
            Some(rewritten) => Some(build(&rewritten).or_else(|_| build(pattern))?),
            None => {
                let _ = regex.set(build(pattern)?);
                None
            }
        };
        Ok(RuleRegex {
            regex,
            pattern: pattern.to_owned(),
            size_limit,
            ascii,
        })
    }

    /// The regex to search `text` with: the ASCII-boundary variant when
    /// `text` allows it (see the module docs), else the regex as written.
    /// Matches, positions and groups are the same either way.
    pub fn for_text(&self, text: &str) -> &Regex {
        match &self.ascii {
            Some(ascii) if !has_non_ascii_word_char(text) => ascii,
            _ => self.as_regex(),
        }
    }

    /// The regex as written.
    pub fn as_regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            // It compiled at load time in its ASCII form, and the original
            // differs only in Unicode word boundaries, so it compiles too.
            RegexBuilder::new(&self.pattern)
                .size_limit(self.size_limit.saturating_mul(2))
                .build()
                .unwrap_or_else(|_| {
                    self.ascii
                        .clone()
                        .unwrap_or_else(|| Regex::new("$^").expect("valid"))
                })
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_match(text)
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<regex::Match<'t>> {
        self.for_text(text).find(text)
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> regex::Matches<'r, 't> {
        self.for_text(text).find_iter(text)
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        self.for_text(text).captures(text)
    }

    pub fn capture_names(&self) -> regex::CaptureNames<'_> {
        match &self.ascii {
            Some(ascii) => ascii.capture_names(),
            None => self.as_regex().capture_names(),
        }
    }
}

/// Whether `text` has a character outside ASCII that a Unicode `\b`
/// counts as part of a word.
pub fn has_non_ascii_word_char(text: &str) -> bool {
    // Asked of every text a rule regex searches: the ASCII runs are
    // skipped byte by byte, and the punctuation that makes most copy
    // non-ASCII (curly quotes, dashes, an ellipsis, a no-break space) is
    // told apart without the Unicode table.
    let mut at = 0;
    while let Some(start) = next_non_ascii(text.as_bytes(), at) {
        let Some(c) = text[start..].chars().next() else {
            return false;
        };
        if !is_common_punctuation(c) && regex_syntax::is_word_character(c) {
            return true;
        }
        at = start + c.len_utf8();
    }
    false
}

/// The offset of the first byte at or after `from` that is not ASCII,
/// eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut at = from;
    for chunk in rest.chunks_exact(8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & HIGH_BITS != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|offset| at + offset)
}

/// The no-break space and the General Punctuation characters from the
/// hyphen to the ellipsis (U+2010..=U+2027): none is a word character.
fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{2010}'..='\u{2027}')
}

/// `pattern` with every word-boundary assertion made ASCII (`(?-u:\b)`), or
/// `None` if it has none (or does not parse, which compiling reports).
fn ascii_boundaries(pattern: &str) -> Option<String> {
    let parsed = ast::parse::Parser::new().parse(pattern).ok()?;
    let mut spans = Vec::new();
    collect_boundaries(&parsed, &mut spans);
    if spans.is_empty() {
        return None;
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(pattern.len() + spans.len() * 6);
    let mut at = 0;
    for (start, end) in spans {
        out.push_str(&pattern[at..start]);
        out.push_str("(?-u:");
        out.push_str(&pattern[start..end]);
        out.push(')');
        at = end;
    }
    out.push_str(&pattern[at..]);
    Some(out)
}

fn collect_boundaries(node: &Ast, spans: &mut Vec<(usize, usize)>) {
    match node {
        Ast::Assertion(assertion) => {
            let is_boundary = !matches!(
                assertion.kind,
                AssertionKind::StartLine
                    | AssertionKind::EndLine
                    | AssertionKind::StartText
                    | AssertionKind::EndText
            );
            if is_boundary {
                spans.push((assertion.span.start.offset, assertion.span.end.offset));
            }
        }
        Ast::Repetition(repetition) => collect_boundaries(&repetition.ast, spans),
        Ast::Group(group) => collect_boundaries(&group.ast, spans),
        Ast::Alternation(alternation) => alternation
            .asts
            .iter()
            .for_each(|a| collect_boundaries(a, spans)),
        Ast::Concat(concat) => concat
            .asts
            .iter()
            .for_each(|a| collect_boundaries(a, spans)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_rewritten_exactly() {
        assert_eq!(
            ascii_boundaries(r"\bTK\b|x\B"),
            Some(r"(?-u:\b)TK(?-u:\b)|x(?-u:\B)".to_owned())
        );
        assert_eq!(
            ascii_boundaries(r"(?x) a \b (b|\bc)"),
            Some(r"(?x) a (?-u:\b) (b|(?-u:\b)c)".to_owned())
        );
        assert_eq!(
            ascii_boundaries(r"\\b[\b]"),
            None.or(ascii_boundaries(r"\\b"))
        );
        assert_eq!(ascii_boundaries(r"^abc$"), None);
    }

    #[test]
    fn common_punctuation_is_not_a_word_character() {
        for c in ('\u{2010}'..='\u{2027}').chain(['\u{A0}']) {
            assert!(is_common_punctuation(c));
            assert!(!regex_syntax::is_word_character(c), "{c:?}");
        }
        assert!(has_non_ascii_word_char("“Café,” she said — twice…"));
        assert!(!has_non_ascii_word_char("“Cafe,” she said\u{A0}— twice…"));
        assert!(has_non_ascii_word_char("ends with é"));
        assert!(!has_non_ascii_word_char("plain"));
    }

    #[test]
    fn both_variants_find_the_same_matches() {
        let regex = RuleRegex::new(r"\b[a-z]+[A-Z][a-z]+\b", 1 << 20).unwrap();
        for text in [
            "In July, aArrests rose — “aArrests” again",
            "José said aArrests; café aArrests",
            "plain ascii aArrests text",
        ] {
            let fast: Vec<_> = regex
                .for_text(text)
                .find_iter(text)
                .map(|m| m.range())
                .collect();
            let exact: Vec<_> = regex
                .as_regex()
                .find_iter(text)
                .map(|m| m.range())
                .collect();
            assert_eq!(fast, exact, "{text}");
        }
        // Text with accented letters uses the regex as written.
        assert!(std::ptr::eq(regex.for_text("café"), regex.as_regex()));
        assert!(!std::ptr::eq(regex.for_text("“quote”"), regex.as_regex()));
    }
}
