//! `spelling`: known misspellings, with their corrections.
//!
//! ## What it does
//! Looks every word up in the list of common misspellings kept by the
//! [typos](https://github.com/crate-ci/typos) project (the `typos-dict`
//! crate: some 96,000 entries such as `teh` → `the`, `accidently` →
//! `accidentally`) and reports the words it lists. It is not a dictionary
//! of every word: a word the list does not know, such as most names, is
//! never flagged.
//!
//! ## Why it is built this way
//! The goal is near-zero false positives on news copy, where most unknown
//! words are names. The list was made for source code, so on a survey of
//! real articles the remaining false positives came from names that
//! happen to be listed (`Bui`, `Villegas`, `Mata`, `Devine`), acronyms
//! (`ANC`, `OIS`), prefixes split off by a hyphen (`pre-empted`) and a few
//! real English words (`ifs, ands or buts`). Hence:
//! - words in capitals (`ANC`) and in mixed case (`DeVine`) are skipped;
//! - a Capitalised word is checked only where the capital says nothing
//!   about it: as the first word of a sentence, followed by a lowercase
//!   word, and written nowhere else in the document, since names recur
//!   (`Rhe shootings happened ...` is flagged; `Sammon said ...` is not
//!   when the story also has `Sean Sammon`);
//! - a compound whose first part is a prefix (`pre-empted`) is looked up
//!   as one word (`preempted`); other compounds part by part;
//! - words with digits, contractions, abbreviations (`U.S`) and tokens that
//!   are URLs, e-mail addresses, handles or paths are skipped;
//! - [`NOT_MISSPELLINGS`] drops the listed entries that are words in prose;
//! - the last word of a page title cut short before the site's name (`...
//!   before shooting tha - WAFB 9 News`) is a fragment, not a typo.
//!
//! ## Options
//! - `allow`: words never flagged, whatever their case (`["Mayorkas"]`).
//! - `scope`: the units searched, as for `pattern`; default
//!   `outside-quotes`, so quoted speech is left as it was spoken.
//! - `min_length`: shorter words are skipped (default 2, which checks
//!   every entry of the list).
//!
//! Templates may use `{match}` (the word as written) and `{corrections}`
//! (the corrections, comma-separated, in the case of the original).
//!
//! With exactly one correction the finding carries a fix (shown as `help:
//! replace with ...`); with several, and no `help` in the rule, the help
//! lists them.
//!
//! A word of ASCII letters and digits (nearly every word) costs one pass
//! over its bytes, which hashes it and notes its digits and capitals,
//! then two bit tests in a filter ([`filter`]) that turns away nearly
//! every correct word; the rest, and the words with joiners or letters
//! outside ASCII, go through the full check, which looks them up in the
//! list ([`list`]); the slower checks run only on the rare words found.

mod filter;
mod list;
pub use list::is_known_word;

use std::borrow::Cow;
use std::collections::HashSet;

use super::scope::Scope;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{folded_hash, roles, words, Document, Role};
use crate::rules::reader::TableReader;
use crate::rules::KindInfo;
use crate::rules::RuleHead;
use crate::source::{FileId, Span};

pub const INFO: KindInfo = KindInfo {
    name: "spelling",
    summary: "words found in a list of common misspellings",
    options: &["allow", "scope", "min_length"],
};

/// Entries of the typos list that are words in English prose (or in the
/// names news copy quotes), found by running the list over real articles.
pub const NOT_MISSPELLINGS: &[&str] = &[
    "advices",       // trade plural: "shipping advices"
    "ands",          // "no ifs, ands or buts"
    "combatting",    // a dictionary variant of "combating"
    "commun",        // French: "droit commun"
    "extendible",    // finance: "extendible notes"
    "floatation",    // British: "the floatation of the airline"
    "leafs",         // "she leafs through", the Maple Leafs
    "marginable",    // finance: "the stock will become marginable"
    "sur",           // place names: "Fos-sur-Mer", "Camino del Sur"
    "transferrable", // a dictionary variant of "transferable"
    "tung",          // "tung oil"
];

/// Prefixes that a hyphen may set off (`pre-empted`, `mis-match`): such a
/// compound is looked up as one word, since the parts are not words.
const PREFIXES: &[&str] = &[
    "anti", "bi", "co", "counter", "de", "dis", "ex", "extra", "hyper", "inter", "intra", "mid",
    "mini", "mis", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo", "re", "semi",
    "sub", "super", "trans", "tri", "ultra", "un", "under",
];

#[derive(Debug)]
pub struct Spelling {
    /// Words never flagged, lowercased: the rule's `allow` list and
    /// [`NOT_MISSPELLINGS`].
    allow: HashSet<String>,
    scope: Scope,
    min_length: usize,
}

impl Spelling {
    /// Accepts `words` too (the project's allowed words).
    pub fn allow_words(&mut self, words: &[String]) {
        self.allow.extend(words.iter().map(|w| w.to_lowercase()));
    }
}

pub fn compile(reader: &mut TableReader<'_, '_>) -> Option<Spelling> {
    let allow = reader.string_list("allow");
    let min_length = reader.count("min_length");
    let scope = Scope::read(reader, Scope::OutsideQuotes);
    let allow = allow
        .unwrap_or_default()
        .into_iter()
        .map(|word| word.value.to_lowercase())
        .chain(NOT_MISSPELLINGS.iter().map(|&word| word.to_owned()))
        .collect();
    Some(Spelling {
        allow,
        scope: scope?,
        min_length: min_length.unwrap_or(2),
    })
}

/// A word (or part of a compound) to look up.
struct Candidate<'t> {
    span: Span,
    /// The text looked up: the word as written, or a prefixed compound
    /// without its hyphens.
    text: Cow<'t, str>,
}

/// How a word is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Lower,
    /// `Teh`: first letter upper, the rest lower.
    Title,
    /// `ANC`: two or more letters, all upper.
    Upper,
    /// `DeVine`, `eaZy`.
    Mixed,
}

impl Spelling {
    pub fn placeholders(&self) -> Vec<String> {
        vec!["match".to_owned(), "corrections".to_owned()]
    }

    pub fn check(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        // What is looked up is the word or a part of it, no longer in
        // bytes or characters; the list has no key shorter than its
        // shortest, and `min_length` skips the words under it.
        let shortest = self.min_length.max(*list::KEY_LENGTHS.start());
        for unit in self.scope.units(doc) {
            let text = doc.slice(unit);
            let base = unit.start as usize;
            for word in words(text) {
                let written = &text.as_bytes()[word.range()];
                if written.len() < shortest || is_surely_unflagged(written) {
                    continue;
                }
                let start = base + word.start as usize;
                // The token holding the word (an address, a drawn-out word)
                // is looked at only for the rare words that are listed.
                let in_prose = || {
                    let token = token_around(text, word);
                    !is_address(token) && !is_drawn_out(token)
                };
                for_each_candidate(&text[word.range()], start, |candidate| {
                    self.check_candidate(rule, file, doc, &candidate, in_prose, out);
                });
            }
        }
    }

    fn check_candidate(
        &self,
        rule: &RuleHead,
        file: FileId,
        doc: &Document<'_>,
        candidate: &Candidate<'_>,
        in_prose: impl Fn() -> bool,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = candidate.text.as_ref();
        // The look-up first: it turns away nearly every word, and the
        // tests below matter only for the words the list holds.
        let Some(corrections) = lookup(text) else {
            return;
        };
        // Most words are ASCII; `chars` only for the others.
        let (length, numeric) = if text.is_ascii() {
            (text.len(), text.bytes().any(|b| b.is_ascii_digit()))
        } else {
            (text.chars().count(), text.chars().any(char::is_numeric))
        };
        if length < self.min_length || numeric {
            return;
        }
        let case = case_of(text);
        if matches!(case, Case::Upper | Case::Mixed) {
            return;
        }
        if self.allow.contains(&text.to_lowercase()) || !in_prose() {
            return;
        }
        if case == Case::Title && !capital_is_positional(doc, candidate.span) {
            return;
        }
        if is_cut_title_word(doc, candidate.span) {
            return;
        }
        let written = doc.slice(candidate.span);
        let corrections: Vec<String> = corrections.iter().map(|c| match_case(text, c)).collect();
        let joined = corrections.join(", ");
        let mut diagnostic = rule.report(file, candidate.span, |name| match name {
            "match" => Some(written),
            "corrections" => Some(joined.as_str()),
            _ => None,
        });
        match corrections.as_slice() {
            [only] => {
                diagnostic.fix = Some(Fix {
                    file,
                    span: candidate.span,
                    replacement: only.clone(),
                });
            }
            several if diagnostic.help.is_none() => {
                let listed: Vec<String> = several.iter().map(|c| format!("`{c}`")).collect();
                diagnostic.help = Some(format!("replace with one of {}", listed.join(", ")));
            }
            _ => {}
        }
        out.push(diagnostic);
    }
}

/// Whether the word is the last of a page title that its site cut short
/// before adding its name (`... before shooting tha - WAFB 9 News`).
fn is_cut_title_word(doc: &Document<'_>, span: Span) -> bool {
    let Some(index) = doc.paragraph_at(span.start) else {
        return false;
    };
    let paragraph = &doc.paragraphs[index];
    paragraph.role == Role::Headline
        && roles::is_cut_title_word(
            doc.slice(paragraph.span),
            (span.end - paragraph.span.start) as usize,
        )
}

/// The corrections the list gives for `word`, if it lists it.
fn lookup(word: &str) -> Option<Vec<&'static str>> {
    if word.is_ascii() && !may_be_listed(word) {
        return None;
    }
    list::corrections(word)
}

/// The misspelling filter's bits, filled by `build.rs` (see [`filter`]).
static MISSPELLINGS: &[u8; filter::BYTES] =
    include_bytes!(concat!(env!("OUT_DIR"), "/misspellings.bloom"));

/// Whether the misspelling list may hold the ASCII word `word`, in any
/// case: false means it surely does not.
fn may_be_listed(word: &str) -> bool {
    filter::positions(word)
        .iter()
        .all(|&(byte, mask)| MISSPELLINGS[byte] & mask != 0)
}

/// What a byte is to [`is_surely_unflagged`]: the byte lowercased (an
/// ASCII letter or digit) or 0, and flags.
static WORD_BYTES: [u16; 256] = {
    let mut table = [OTHER; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_lowercase() {
            table[byte] = b as u16;
        } else if b.is_ascii_uppercase() {
            table[byte] = b.to_ascii_lowercase() as u16 | UPPER;
        } else if b.is_ascii_digit() {
            table[byte] = b as u16 | DIGIT;
        }
        byte += 1;
    }
    table
};

/// In [`WORD_BYTES`]: an uppercase letter.
const UPPER: u16 = 1 << 8;
/// In [`WORD_BYTES`]: a digit.
const DIGIT: u16 = 1 << 9;
/// In [`WORD_BYTES`]: neither an ASCII letter nor a digit (a joiner, or a
/// byte of a character outside ASCII).
const OTHER: u16 = 1 << 10;

/// Whether the word `word` surely gives no finding, decided in one pass
/// over its bytes for a word of ASCII letters and digits alone (nearly
/// every word): such a word is looked up as it is, and gives none when it
/// has a digit or a capital after its first letter, or when the filter
/// turns it away. False for other words, which the full check reads.
fn is_surely_unflagged(word: &[u8]) -> bool {
    let (flags, hash) = scan(word);
    if flags & OTHER != 0 {
        return false;
    }
    flags & (UPPER | DIGIT) != 0
        || word.len() > *list::KEY_LENGTHS.end()
        || !filter::positions_of_hash(hash)
            .iter()
            .all(|&(byte, mask)| MISSPELLINGS[byte] & mask != 0)
}

/// The [`WORD_BYTES`] flags of `word` (but [`UPPER`] for its first byte),
/// and, if it is made of ASCII letters and digits, its `folded_hash`.
fn scan(word: &[u8]) -> (u16, u64) {
    // FNV-1a over the lowercased bytes, as `document::folded_hash` hashes
    // an ASCII word (a test checks that they agree).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut flags = 0;
    for (index, &byte) in word.iter().enumerate() {
        let class = WORD_BYTES[usize::from(byte)];
        // A capital opening the word is no reason to skip it.
        flags |= if index == 0 { class & !UPPER } else { class };
        hash ^= u64::from(class & 0xFF);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (flags, hash)
}

/// The white-space-delimited token of `text` that holds `word`.
fn token_around(text: &str, word: Span) -> &str {
    let start = text[..word.start as usize]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[word.end as usize..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| word.end as usize + i);
    &text[start..end]
}

/// Whether a token is a word drawn out with an ellipsis (`abd...omen`,
/// `so…ooo`), a spoken pause written into a quotation: its pieces are not
/// words to look up.
fn is_drawn_out(token: &str) -> bool {
    // An ellipsis is `...` or U+2026, whose UTF-8 starts with E2.
    if !token.bytes().any(|b| b == b'.' || b == 0xE2) {
        return false;
    }
    ["...", "…"].iter().any(|ellipsis| {
        token.match_indices(ellipsis).any(|(at, _)| {
            let before = token[..at].chars().next_back();
            let after = token[at + ellipsis.len()..].chars().next();
            before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic)
        })
    })
}

/// Whether a token is a URL, an e-mail address, a handle, a hashtag, a path
/// or markup, whose words are not prose.
fn is_address(token: &str) -> bool {
    token.contains(['@', '#', '/', '\\', '_', '=', '{', '}', '<', '>'])
        || token.contains("www.")
        || token.split('.').skip(1).any(|part| {
            let part = part.trim_end_matches(|c: char| !c.is_alphanumeric());
            matches!(part, "com" | "org" | "net" | "gov" | "edu" | "tv")
        })
}

/// The words of `word` (which starts at file offset `start`) to look up:
/// the word itself, without a possessive `'s`; each part of a hyphenated
/// compound, or a prefixed compound joined (`pre-empted` → `preempted`).
/// A contraction or a word with an inner period (`U.S`) gives none.
fn for_each_candidate<'w>(word: &'w str, start: usize, mut each: impl FnMut(Candidate<'w>)) {
    // Most words have no apostrophe, period or hyphen: they are looked up
    // as they are. (0xE2 starts the UTF-8 of `’`.)
    if !word
        .bytes()
        .any(|b| matches!(b, b'\'' | b'.' | b'-' | 0xE2))
    {
        each(Candidate {
            span: Span::new(start, start + word.len()),
            text: Cow::Borrowed(word),
        });
        return;
    }
    let word = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    if word.contains(['\'', '’', '.']) {
        return;
    }
    if !word.contains('-') {
        each(Candidate {
            span: Span::new(start, start + word.len()),
            text: Cow::Borrowed(word),
        });
        return;
    }
    let first = word.split('-').next().unwrap_or_default();
    if PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(first)) {
        each(Candidate {
            span: Span::new(start, start + word.len()),
            text: Cow::Owned(word.replace('-', "")),
        });
        return;
    }
    let mut offset = start;
    for part in word.split('-') {
        if !part.is_empty() {
            each(Candidate {
                span: Span::new(offset, offset + part.len()),
                text: Cow::Borrowed(part),
            });
        }
        offset += part.len() + 1;
    }
}

fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Lower;
    };
    let (mut upper, mut lower) = (0, 0);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    match (first.is_uppercase(), upper, lower) {
        (false, 0, _) => Case::Lower,
        (true, 0, _) => Case::Title,
        (true, _, 0) => Case::Upper,
        _ => Case::Mixed,
    }
}

/// Whether the capital of the Capitalised word at `span` comes from its
/// position rather than from its being a name: it opens a sentence, the
/// next word is lowercase, and the document has it nowhere else (a name is
/// repeated: `Erly Industries ...` then `Erly said`).
fn capital_is_positional(doc: &Document<'_>, span: Span) -> bool {
    let Some(sentence) = doc.sentence_at(span.start) else {
        return false;
    };
    let text = doc.text();
    let sentence = doc.sentences[sentence].span;
    let opens = !text[sentence.start as usize..span.start as usize]
        .chars()
        .any(char::is_alphanumeric);
    let next_is_lower = text[span.end as usize..sentence.end as usize]
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    if !opens || !next_is_lower {
        return false;
    }
    let word = doc.slice(span);
    !text.match_indices(word).any(|(at, _)| {
        let end = at + word.len();
        at != span.start as usize
            && !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// `correction` written in the case of `word`: `Teh` → `The`.
fn match_case(word: &str, correction: &str) -> String {
    match case_of(word) {
        Case::Title => {
            let mut chars = correction.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
        Case::Upper => correction.to_uppercase(),
        Case::Lower | Case::Mixed => correction.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(word: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for_each_candidate(word, 10, |c| {
            texts.push(format!("{}@{}", c.text, c.span.start))
        });
        texts
    }

    #[test]
    fn compounds_split_unless_prefixed() {
        assert_eq!(texts("Knife-weilding"), ["Knife@10", "weilding@16"]);
        assert_eq!(texts("pre-empted"), ["preempted@10"]);
        assert_eq!(texts("Smith's"), ["Smith@10"]);
        assert!(texts("don't").is_empty());
        assert!(texts("U.S").is_empty());
    }

    #[test]
    fn the_filter_holds_every_listed_word_in_any_case() {
        let mut listed = 0;
        for key in typos_dict::WORD.map.keys() {
            let key = key.into_inner();
            if key.is_ascii() {
                listed += 1;
                assert!(may_be_listed(key), "{key}");
                assert!(may_be_listed(&key.to_uppercase()), "{key}");
            }
        }
        assert!(listed > 10_000, "{listed}");
        // And it turns most correct words away.
        let correct = "the council met on tuesday to vote on a plan for the new library \
            branch which would open next spring if the budget allows said the mayor";
        let held = correct
            .split_whitespace()
            .filter(|w| may_be_listed(w))
            .count();
        assert!(held <= 2, "{held}");
        assert_eq!(lookup("Teh"), Some(vec!["the"]));
    }

    use crate::test_random::Random;

    /// What the full check decides for a word alone: whether it looks the
    /// word up as it is, and finds it listed, without digits, in lowercase
    /// or with an opening capital (the other tests need a document).
    fn may_be_flagged(word: &str) -> bool {
        let mut texts = Vec::new();
        for_each_candidate(word, 0, |c| texts.push(c.text.into_owned()));
        texts.iter().any(|text| {
            lookup(text).is_some()
                && !text.chars().any(char::is_numeric)
                && matches!(case_of(text), Case::Lower | Case::Title)
        })
    }

    #[test]
    fn words_turned_away_early_are_those_the_full_check_turns_away() {
        let mut words: Vec<String> = Vec::new();
        for key in typos_dict::WORD.map.keys() {
            let key = key.into_inner();
            let mut chars = key.chars();
            let title: String = chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            words.extend([key.to_owned(), key.to_uppercase(), title]);
        }
        // Random words from the letters of listed words (`teh`, `thier`),
        // in any case, with digits, joiners and a letter outside ASCII.
        let pieces = [
            "t", "e", "h", "i", "r", "T", "E", "H", "1", "'", "-", ".", "é", "’",
        ];
        let mut random = Random(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let word: String = (0..1 + random.below(6))
                .map(|_| pieces[random.below(pieces.len())])
                .collect();
            words.push(word);
        }
        let (mut early, mut flagged) = (0, 0);
        for word in &words {
            let bytes = word.as_bytes();
            if bytes.iter().all(u8::is_ascii_alphanumeric) {
                assert_eq!(scan(bytes).1, folded_hash(word), "{word}");
            }
            if may_be_flagged(word) {
                flagged += 1;
                assert!(!is_surely_unflagged(bytes), "{word}");
            } else if is_surely_unflagged(bytes) {
                early += 1;
            }
        }
        // Both answers are common enough for the comparison to mean
        // something.
        assert!(early > 100_000 && flagged > 100_000, "{early} {flagged}");
    }

    #[test]
    fn corrections_keep_the_case_of_the_word() {
        assert_eq!(match_case("teh", "the"), "the");
        assert_eq!(match_case("Teh", "the"), "The");
        assert_eq!(match_case("TEH", "the"), "THE");
    }

    #[test]
    fn addresses_are_recognised() {
        for token in [
            "https://example.com/misspeled",
            "wric.com",
            "@realDonaldTrump",
            "#hashtag",
            "name@example.org",
        ] {
            assert!(is_address(token), "{token}");
        }
        for token in ["word,", "“Quoted", "U.S.", "Tuesday.The"] {
            assert!(!is_address(token), "{token}");
        }
    }

    #[test]
    fn a_word_s_token_runs_from_white_space_to_white_space() {
        let text = " a  “bc.d”\u{A0}e\n";
        let around = |word: &str| {
            let start = text.find(word).unwrap();
            token_around(text, Span::new(start, start + word.len()))
        };
        assert_eq!(around("a"), "a");
        assert_eq!(around("bc.d"), "“bc.d”");
        assert_eq!(around("e"), "e");
    }

    #[test]
    fn dictionary_lookups_ignore_case() {
        assert_eq!(lookup("teh"), Some(vec!["the"]));
        assert_eq!(lookup("TEH"), Some(vec!["the"]));
        assert_eq!(lookup("the"), None);
        for word in NOT_MISSPELLINGS {
            assert!(lookup(word).is_some(), "`{word}` is no longer in the list");
        }
    }
}
