//! The matcher for the `forms` of a consistency rule: every configured
//! spelling of every group, found in one pass over a text.
//!
//! The forms are literals, each bounded as a whole word at an end that is
//! a letter, a digit or `_`. They used to be one regex, an alternation of
//! the forms longest first with `\b` at those ends. Its literal prefilter
//! (Teddy) looked for the forms' first bytes only, since `%` is one byte
//! long, and stopped at nearly every `t`, `e`, `a` or `p` of the copy.
//!
//! Here the forms of three bytes or more have a prefilter of their own,
//! which tells `toward` from `the` by three bytes, and the shorter ones
//! another (`US`, `%`: rare bytes); each proposes the positions where one
//! of its forms occurs, and the nearer proposal is checked directly: the
//! forms beginning with its byte in the alternation's order, then their
//! word boundaries. The matches are exactly the regex's: the leftmost
//! position where some form matches with its boundaries, the longest form
//! there, and the next search from its end.

use regex_automata::util::prefilter::Prefilter;
use regex_automata::MatchKind;

/// One configured spelling.
#[derive(Debug)]
struct Form {
    text: String,
    /// The index of its group.
    set: usize,
    /// Whether a word boundary must precede it: it starts with a letter,
    /// digit or `_`.
    bounded_start: bool,
    /// Whether a word boundary must follow it: it ends with one.
    bounded_end: bool,
}

/// Every form of a rule, ready to be found.
#[derive(Debug)]
pub struct Forms {
    /// Longest first (then in byte order), so that the first form that
    /// matches at a position is the longest.
    forms: Vec<Form>,
    /// For each byte, the indices in `forms` of the forms that start with
    /// it, in the order of `forms`.
    by_first_byte: Vec<Vec<usize>>,
    /// Where the forms of under [`LONG`] bytes and the others may occur.
    groups: [Candidates; 2],
}

/// The forms of this many bytes or more are searched for together.
const LONG: usize = 3;

/// How to find the positions where the forms of one group may occur.
#[derive(Debug)]
enum Candidates {
    /// The group has no form.
    None,
    /// `regex-automata` built no prefilter for it: every position.
    Every,
    /// Its prefilter, which never skips an occurrence.
    Prefilter(Prefilter),
}

impl Candidates {
    fn new(needles: &[&str]) -> Self {
        if needles.is_empty() {
            return Candidates::None;
        }
        Prefilter::new(MatchKind::LeftmostFirst, needles)
            .map_or(Candidates::Every, Candidates::Prefilter)
    }

    /// The first position at or after `from` where a form of the group
    /// may occur; `usize::MAX` if none.
    fn next(&self, bytes: &[u8], from: usize) -> usize {
        match self {
            _ if from >= bytes.len() => usize::MAX,
            Candidates::None => usize::MAX,
            Candidates::Every => from,
            Candidates::Prefilter(prefilter) => {
                let span = regex_automata::Span {
                    start: from,
                    end: bytes.len(),
                };
                prefilter
                    .find(bytes, span)
                    .map_or(usize::MAX, |found| found.start)
            }
        }
    }
}

/// One form found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'f> {
    /// Byte offset in the text searched.
    pub start: usize,
    /// The form as configured (also the text matched).
    pub form: &'f str,
    /// The index of its group.
    pub set: usize,
}

impl Forms {
    /// The matcher of `literals` (form → index of its group); `None` when
    /// there are none, or when one is empty.
    pub fn new<'l>(literals: impl IntoIterator<Item = (&'l String, &'l usize)>) -> Option<Self> {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let mut forms: Vec<Form> = literals
            .into_iter()
            .map(|(text, &set)| Form {
                text: text.clone(),
                set,
                bounded_start: word(text.chars().next()),
                bounded_end: word(text.chars().next_back()),
            })
            .collect();
        if forms.is_empty() || forms.iter().any(|f| f.text.is_empty()) {
            return None;
        }
        forms.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then(a.text.cmp(&b.text)));
        let mut by_first_byte = vec![Vec::new(); 256];
        for (index, form) in forms.iter().enumerate() {
            by_first_byte[usize::from(form.text.as_bytes()[0])].push(index);
        }
        let group = |long: bool| {
            let needles: Vec<&str> = forms
                .iter()
                .map(|f| f.text.as_str())
                .filter(|text| (text.len() >= LONG) == long)
                .collect();
            Candidates::new(&needles)
        };
        let groups = [group(false), group(true)];
        Some(Forms {
            forms,
            by_first_byte,
            groups,
        })
    }

    /// The forms found in `text`, in order, without overlaps: at the
    /// leftmost position where one matches, the longest that does, then
    /// on from its end. A text edge counts as a word boundary.
    pub fn find_iter<'s>(&'s self, text: &'s str) -> impl Iterator<Item = Found<'s>> + 's {
        let bytes = text.as_bytes();
        let mut at = 0;
        // The next candidate of each group at or after `at`.
        let mut next = [0, 1].map(|group| self.groups[group].next(bytes, 0));
        std::iter::from_fn(move || loop {
            for (group, candidate) in next.iter_mut().enumerate() {
                if *candidate < at {
                    *candidate = self.groups[group].next(bytes, at);
                }
            }
            let start = next[0].min(next[1]);
            let &byte = bytes.get(start)?;
            let form = self.by_first_byte[usize::from(byte)]
                .iter()
                .map(|&index| &self.forms[index])
                .find(|form| form.matches_at(text, start));
            if let Some(form) = form {
                at = start + form.text.len();
                return Some(Found {
                    start,
                    form: &form.text,
                    set: form.set,
                });
            }
            at = start + 1;
        })
    }
}

impl Form {
    /// Whether the form occurs at byte `at` of `text`, with the word
    /// boundaries it needs.
    fn matches_at(&self, text: &str, at: usize) -> bool {
        let end = at + self.text.len();
        text.is_char_boundary(at)
            && text.as_bytes()[at..].starts_with(self.text.as_bytes())
            && (!self.bounded_start || is_word_boundary(text, at))
            && (!self.bounded_end || is_word_boundary(text, end))
    }
}

/// Whether `at` (a character boundary of `text`) is a word boundary as the
/// regex crate's Unicode `\b` sees it: a word character on exactly one
/// side, the text's edges counting as non-word.
fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text
        .get(..at)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_word);
    let after = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word);
    before != after
}

/// Whether `c` is a word character of the regex crate's Unicode `\w`.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The regex the forms used to be: each form bounded as a whole word at
    /// an end that is a letter, digit or `_`, longest first.
    fn regex_of(forms: &[&str]) -> regex::Regex {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let mut sorted = forms.to_vec();
        sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation: Vec<String> = sorted
            .iter()
            .map(|form| {
                format!(
                    "{}{}{}",
                    if word(form.chars().next()) { r"\b" } else { "" },
                    regex::escape(form),
                    if word(form.chars().next_back()) {
                        r"\b"
                    } else {
                        ""
                    },
                )
            })
            .collect();
        regex::Regex::new(&alternation.join("|")).expect("the forms' regex compiles")
    }

    fn matcher(forms: &[&str]) -> Forms {
        let literals: HashMap<String, usize> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| ((*f).to_owned(), i / 2))
            .collect();
        Forms::new(&literals).expect("forms")
    }

    /// The start and text of each form found.
    type Matches = Vec<(usize, String)>;

    /// The forms `matcher` finds in `text`, and those the regex finds.
    fn both(forms: &[&str], matcher: &Forms, text: &str) -> (Matches, Matches) {
        let found = matcher
            .find_iter(text)
            .map(|f| (f.start, f.form.to_owned()))
            .collect();
        let expected = regex_of(forms)
            .find_iter(text)
            .map(|m| (m.start(), m.as_str().to_owned()))
            .collect();
        (found, expected)
    }

    #[test]
    fn the_built_in_forms_are_found_as_whole_words() {
        let forms = [
            "US", "U.S.", "toward", "towards", "percent", "per cent", "%", "e-mail", "email",
        ];
        let matcher = matcher(&forms);
        let text = "US and U.S. (USA, BUS) towards toward_x toward. 5% per cent percentage \
            e-mail émail_email email’s US";
        let (found, expected) = both(&forms, &matcher, text);
        assert_eq!(found, expected);
        assert_eq!(
            found.iter().map(|(_, f)| f.as_str()).collect::<Vec<_>>(),
            ["US", "U.S.", "towards", "toward", "%", "per cent", "e-mail", "email", "US"]
        );
    }

    #[test]
    fn a_group_s_index_comes_with_each_form() {
        let literals: HashMap<String, usize> = [
            ("OK".to_owned(), 3),
            ("okay".to_owned(), 3),
            ("UK".to_owned(), 1),
        ]
        .into();
        let forms = Forms::new(&literals).expect("forms");
        let sets: Vec<(&str, usize)> = forms
            .find_iter("OK, the UK is okay")
            .map(|f| (f.form, f.set))
            .collect();
        assert_eq!(sets, [("OK", 3), ("UK", 1), ("okay", 3)]);
        assert!(Forms::new(&HashMap::new()).is_none());
    }

    use crate::test_random::Random;

    #[test]
    fn random_forms_and_texts_match_as_the_regex_did() {
        // Word characters (ASCII, `_`, Latin letters, a mark), characters
        // that are not (`²` is alphanumeric for Rust but not `\w`), and
        // punctuation that forms often hold.
        let pieces = [
            "a", "b", "ab", "ba", "A", "B", "1", "_", "é", "ß", "\u{301}", "²", " ", ".", "-", "%",
            "’", "“", "\u{a0}", "—", "'",
        ];
        let mut random = Random(0x9e37_79b9_7f4a_7c15);
        let mut checked = 0;
        for _ in 0..3_000 {
            let mut forms: Vec<String> = Vec::new();
            for _ in 0..1 + random.below(6) {
                let form: String = (0..1 + random.below(3))
                    .map(|_| random.pick(&pieces))
                    .collect();
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            let matcher = matcher(&forms);
            for _ in 0..5 {
                let text: String = (0..random.below(40))
                    .map(|_| random.pick(&pieces))
                    .collect();
                let (found, expected) = both(&forms, &matcher, &text);
                assert_eq!(found, expected, "forms {forms:?} in {text:?}");
                checked += expected.len();
            }
        }
        // The texts hold enough matches for the comparison to mean something.
        assert!(checked > 5_000, "{checked}");
    }
}
