//! The sentence segmenter.
//!
//! Every rule kind that works sentence by sentence reads these spans, so a
//! wrong split in a title, a dateline or a time makes rules fire on half a
//! sentence. The segmenter is rule based, tuned for news copy and measured
//! against the English "Golden Rules" of the pragmatic_segmenter project in
//! `tests/segmenter_golden.rs`.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (a run of them), optionally
//! followed by closing quotation marks or brackets, when white space and
//! then something that can start a sentence (a capital, a digit, an opening
//! quotation mark or bracket) follow. A lone period after an abbreviation
//! is judged by what kind of abbreviation it is:
//!
//! - titles before a name (`Mr.`, `Sgt.`, `Gov.`) never end a sentence;
//! - `No.` and month names (`Jan.`) do not end one before a number;
//! - `a.m.` and `p.m.` end one before a capital unless it continues the
//!   time (`Tuesday`, `EDT`) or the sentence so far is only an opening time
//!   phrase (`At 6 a.m. Mr. Lee opened...`);
//! - other abbreviations that also end sentences in news copy (`U.S.`,
//!   `Inc.`, `Mo.`, an initial like `F.`) end one only when the next word
//!   is a typical sentence opener (`The`, `He`, `But`, ...), so
//!   "in the U.S. How about you?" splits and "John F. Kennedy" does not;
//!   the pronoun in "you and I." is not an initial.
//!
//! Ellipses follow the conventions of both AP and academic style: an
//! ellipsis set off by spaces (`rebuild ... The`, `. . .`) marks an omission
//! inside a sentence, four spaced dots are an ellipsis plus a period, and a
//! period before a spaced ellipsis (`dead. ... Officials`) ends the sentence,
//! the ellipsis opening the next one. An ellipsis in brackets (`[...]`)
//! never ends a sentence, and neither does a list marker (`1.`) alone.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::source::Span;

/// Titles that precede a name and so never end a sentence.
const TITLES: &[&str] = &[
    "Adm", "Asst", "Atty", "Brig", "Capt", "Cmdr", "Col", "Comdr", "Cpl", "Dep", "Det", "Dr",
    "Drs", "Fr", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Msgr",
    "Ofc", "Pfc", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Spc", "Supt",
    "vs",
];

/// Abbreviations that never end a sentence before a number. `No` is judged
/// apart: it is also the word "no".
const BEFORE_NUMBER: &[&str] = &[
    "Apr", "Art", "Aug", "Dec", "Feb", "Fig", "Jan", "Jul", "Jun", "Mar", "N°", "Nos", "Nov",
    "Oct", "Sep", "Sept", "Vol", "p", "pp",
];

/// Abbreviations that may end a sentence, and do only before an opener.
/// `ST`, `MT` and `FT` are the capitalized forms used in datelines
/// (`ST. LOUIS (AP) —`).
const AMBIGUOUS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Assn", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn", "Corp",
    "Cos", "Del", "Dept", "FT", "Fla", "Ft", "Ga", "Hwy", "Ill", "Inc", "Ind", "Jr", "Kan", "Kans",
    "Ky", "La", "Ltd", "MT", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Mt", "Neb",
    "Nev", "Okla", "Ore", "Pa", "Penn", "Pkwy", "Rd", "ST", "Sr", "St", "Tenn", "Tex", "Va", "Vt",
    "Wash", "Wis", "Wyo", "approx", "dept", "est", "etc", "govt", "gov't",
];

/// Words that typically open a sentence; after an ambiguous abbreviation
/// they signal a boundary.
const OPENERS: &[&str] = &[
    "A", "After", "Also", "An", "And", "Are", "As", "At", "Before", "But", "Can", "Could", "Did",
    "Do", "Does", "During", "For", "Had", "Has", "Have", "He", "Her", "Here", "His", "How",
    "However", "I", "If", "In", "Is", "It", "Its", "My", "No", "On", "Once", "One", "Our", "She",
    "Should", "Since", "So", "That", "The", "Their", "Then", "There", "These", "They", "This",
    "Those", "Though", "To", "Was", "We", "Were", "What", "When", "Where", "While", "Who", "Why",
    "Will", "Would", "Yet", "You", "Your",
];

/// Capitalized words that continue a time (`3 a.m. Tuesday`, `8 p.m. EDT`,
/// `9 a.m. Jan. 5`) rather than open a new sentence.
const TIME_CONTINUATIONS: &[&str] = &[
    "AKDT",
    "AKST",
    "Alaska",
    "Apr",
    "April",
    "Atlantic",
    "Aug",
    "August",
    "BST",
    "CDT",
    "CEST",
    "CET",
    "CST",
    "CT",
    "Central",
    "Dec",
    "December",
    "EDT",
    "EST",
    "ET",
    "Eastern",
    "Feb",
    "February",
    "Friday",
    "GMT",
    "Greenwich",
    "HST",
    "Hawaii",
    "Jan",
    "January",
    "Jul",
    "July",
    "Jun",
    "June",
    "MDT",
    "MST",
    "MT",
    "Mar",
    "March",
    "May",
    "Monday",
    "Mountain",
    "Nov",
    "November",
    "Oct",
    "October",
    "PDT",
    "PST",
    "PT",
    "Pacific",
    "Saturday",
    "Sep",
    "Sept",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "UTC",
    "Wednesday",
];

/// Words that open a time phrase at the start of a sentence (`At 6 a.m.`,
/// `Shortly after 6 a.m.`), after which no sentence can have ended.
const TIME_PHRASE_OPENERS: &[&str] = &[
    "About",
    "After",
    "Around",
    "At",
    "Before",
    "Beginning",
    "By",
    "Early",
    "From",
    "Just",
    "Late",
    "Shortly",
    "Since",
    "Sometime",
    "Starting",
    "Until",
];

/// Splits a paragraph into sentence spans, relative to `text` and trimmed
/// of white space. Text with no terminal punctuation is one sentence.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let mut terminators = Terminators::new(text);
    while let Some(at) = terminators.next_from(pos) {
        let decision = judge(text, start, at);
        if let Some((end, next_start)) = decision.split {
            push_trimmed(&mut sentences, text, start, end);
            start = next_start;
        }
        pos = decision.resume;
    }
    push_trimmed(&mut sentences, text, start, text.len());
    sentences
}

/// What the segmenter decided about one run of terminal punctuation.
#[derive(Debug, PartialEq, Eq)]
struct Decision {
    /// The end of the sentence and the start of the next one, when the run
    /// ends a sentence.
    split: Option<(usize, usize)>,
    /// Where to look for the next terminator; always past the run.
    resume: usize,
}

/// Judges the terminal punctuation at byte `i` of `text`, in the sentence
/// that starts at byte `start`.
fn judge(text: &str, start: usize, i: usize) -> Decision {
    let detached = text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '[' | '('));
    if detached {
        if let Some(ellipsis) = ellipsis_at(&text[i..]) {
            // An ellipsis set off from the word before it marks an omission,
            // unless it has four dots: an ellipsis and a period.
            let end = skip_closing(text, i + ellipsis.len);
            let split = (ellipsis.dots >= 4)
                .then(|| sentence_start_after(text, end))
                .flatten()
                .map(|next| (end, next));
            return Decision { split, resume: end };
        }
    }

    let run_end = i + text[i..]
        .find(|c: char| !is_terminator(c))
        .unwrap_or(text.len() - i);
    let end = skip_closing(text, run_end);
    let no_split = Decision {
        split: None,
        resume: end,
    };
    if &text[i..run_end] != "." {
        // `?`, `!`, `?!`, `...`, `…`: a boundary whenever a sentence can
        // start after it.
        return Decision {
            split: sentence_start_after(text, end).map(|next| (end, next)),
            resume: end,
        };
    }

    // A lone period. Before a spaced ellipsis it ends the sentence when
    // the ellipsis is followed by a new sentence (`dead. ... Officials`).
    let rest = &text[end..];
    let after_space = rest.trim_start();
    let ellipsis_start = text.len() - after_space.len();
    if after_space.len() < rest.len() {
        if let Some(ellipsis) = ellipsis_at(after_space) {
            let ellipsis_end = ellipsis_start + ellipsis.len;
            return match sentence_start_after(text, ellipsis_end) {
                Some(next) if period_ends_sentence(&text[start..i], &text[next..]) => Decision {
                    split: Some((end, ellipsis_start)),
                    resume: ellipsis_end,
                },
                _ => no_split,
            };
        }
    }
    match sentence_start_after(text, end) {
        Some(next) if period_ends_sentence(&text[start..i], &text[next..]) => Decision {
            split: Some((end, next)),
            resume: end,
        },
        _ => no_split,
    }
}

fn push_trimmed(sentences: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        sentences.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Finds the terminators of a text from a position on: `.`, `!` and `?`
/// with memchr, `…` with memmem, each search remembered until passed, so
/// that the text is scanned once however many sentences it has.
struct Terminators<'t> {
    bytes: &'t [u8],
    /// The next `.`, `!` or `?` at or after the last position asked, if
    /// looked for (`Some(None)`: there is none).
    ascii: Option<Option<usize>>,
    /// The same for `…`.
    ellipsis: Option<Option<usize>>,
    ellipsis_finder: memchr::memmem::Finder<'static>,
}

impl<'t> Terminators<'t> {
    fn new(text: &'t str) -> Self {
        Terminators {
            bytes: text.as_bytes(),
            ascii: None,
            ellipsis: None,
            ellipsis_finder: memchr::memmem::Finder::new("…".as_bytes()).into_owned(),
        }
    }

    /// The first terminator at or after byte `from`.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes;
        let rest = bytes.get(from..)?;
        if self
            .ascii
            .is_none_or(|found| found.is_some_and(|at| at < from))
        {
            self.ascii = Some(memchr::memchr3(b'.', b'!', b'?', rest).map(|i| from + i));
        }
        if self
            .ellipsis
            .is_none_or(|found| found.is_some_and(|at| at < from))
        {
            self.ellipsis = Some(self.ellipsis_finder.find(rest).map(|i| from + i));
        }
        match (self.ascii.flatten(), self.ellipsis.flatten()) {
            (Some(a), Some(e)) => Some(a.min(e)),
            (a, e) => a.or(e),
        }
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// The offset just past any closing quotation marks and brackets at `i`.
fn skip_closing(text: &str, i: usize) -> usize {
    i + text[i..]
        .find(|c: char| !is_closing(c))
        .unwrap_or(text.len() - i)
}

/// Where the next sentence would start, if white space follows `end` and
/// then something that can start a sentence.
fn sentence_start_after(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let after_space = rest.trim_start();
    let next = after_space.chars().next()?;
    (after_space.len() < rest.len() && can_start_sentence(next))
        .then_some(text.len() - after_space.len())
}

/// An ellipsis: its length in bytes and how many dots it stands for.
#[derive(Debug, PartialEq, Eq)]
struct Ellipsis {
    len: usize,
    dots: usize,
}

/// Recognizes an ellipsis at the start of `s`: `…`, three or more periods,
/// or three or more periods separated by single spaces (`. . .`).
fn ellipsis_at(s: &str) -> Option<Ellipsis> {
    let bytes = s.as_bytes();
    let mut len = 0;
    let mut dots = 0;
    loop {
        if bytes.get(len) == Some(&b'.') {
            len += 1;
            dots += 1;
        } else if s[len..].starts_with('…') {
            len += '…'.len_utf8();
            dots += 3;
        } else {
            break;
        }
        // Dots may be spaced (`. . .`), but a space must lead to another dot.
        if bytes.get(len) == Some(&b' ') && matches!(s[len + 1..].chars().next(), Some('.' | '…'))
        {
            len += 1;
        }
    }
    (dots >= 3).then_some(Ellipsis { len, dots })
}

/// Decides whether a lone period ends the sentence, given the sentence so
/// far (up to the period) and the text from the start of the next word.
fn period_ends_sentence(sentence: &str, after: &str) -> bool {
    let (before_token, token) = last_token(sentence);
    if token.is_empty() {
        return true;
    }
    if token.bytes().any(|b| b.is_ascii_digit()) {
        // `1.` alone is a list marker, not a sentence.
        return !is_list_marker(sentence, token);
    }
    let next_is_number = after.starts_with(|c: char| c.is_ascii_digit());
    let lists = lists_of(token);
    if lists & IN_TITLES != 0 {
        return false;
    }
    if token.eq_ignore_ascii_case("no") {
        return !next_is_number;
    }
    if lists & IN_BEFORE_NUMBER != 0 {
        return !next_is_number && is_opener(after);
    }
    if token.eq_ignore_ascii_case("a.m") || token.eq_ignore_ascii_case("p.m") {
        return time_ends_sentence(sentence, after);
    }
    if token == "I" && follows_lowercase_word(before_token) {
        // The pronoun, as in "you and I.", not an initial.
        return true;
    }
    if lists & IN_AMBIGUOUS != 0 || is_dotted_abbreviation(token) || is_initial(token) {
        return is_opener(after);
    }
    true
}

/// The bits of the lists [`lists_of`] tells.
const IN_TITLES: u8 = 1;
const IN_BEFORE_NUMBER: u8 = 2;
const IN_AMBIGUOUS: u8 = 4;

/// Every word of [`TITLES`], [`BEFORE_NUMBER`] and [`AMBIGUOUS`], with
/// the bits of the lists it is in.
static LISTED: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut listed = FxHashMap::default();
    for (list, bit) in [
        (TITLES, IN_TITLES),
        (BEFORE_NUMBER, IN_BEFORE_NUMBER),
        (AMBIGUOUS, IN_AMBIGUOUS),
    ] {
        for &word in list {
            *listed.entry(word).or_insert(0) |= bit;
        }
    }
    listed
});

/// The longest word of the lists, in bytes.
static LONGEST_LISTED: LazyLock<usize> =
    LazyLock::new(|| LISTED.keys().map(|word| word.len()).max().unwrap_or(0));

/// Which of [`TITLES`], [`BEFORE_NUMBER`] and [`AMBIGUOUS`] hold `token`,
/// as bits: one look-up in place of a scan of the three lists, which was
/// most of the cost of judging a period (nearly every token is in none).
fn lists_of(token: &str) -> u8 {
    if token.len() > *LONGEST_LISTED {
        return 0;
    }
    LISTED.get(token).copied().unwrap_or(0)
}

/// Splits off the last token of `sentence`: the text after the last white
/// space or opening bracket or quotation mark.
fn last_token(sentence: &str) -> (&str, &str) {
    let token_start = sentence
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '‘'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    sentence.split_at(token_start)
}

/// Whether `after` opens with a quotation or a typical sentence opener.
fn is_opener(after: &str) -> bool {
    after.starts_with(['"', '“', '‘']) || OPENERS.contains(&first_word(after))
}

/// The leading run of letters in `after`.
fn first_word(after: &str) -> &str {
    let end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    &after[..end]
}

/// Whether the period after `a.m.` or `p.m.` ends the sentence.
fn time_ends_sentence(sentence: &str, after: &str) -> bool {
    let word = first_word(after);
    if word.is_empty() {
        // A digit, quotation mark or bracket: judged as any abbreviation.
        return is_opener(after);
    }
    !TIME_CONTINUATIONS.contains(&word) && !is_opening_time_phrase(sentence)
}

/// Whether `sentence` is only an opening time phrase such as `At 6 a.m`
/// or `Shortly after 11 p.m`.
fn is_opening_time_phrase(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    words
        .next()
        .is_some_and(|first| TIME_PHRASE_OPENERS.contains(&first))
        && words.nth(4).is_none()
}

/// Whether the word before the token in `before_token` starts with a
/// lower-case letter.
fn follows_lowercase_word(before_token: &str) -> bool {
    before_token
        .split_whitespace()
        .next_back()
        .and_then(|word| word.chars().next())
        .is_some_and(char::is_lowercase)
}

/// `1` or `12` as the whole of the sentence so far: a list marker.
fn is_list_marker(sentence: &str, token: &str) -> bool {
    token.len() <= 2 && token.bytes().all(|b| b.is_ascii_digit()) && sentence.trim() == token
}

/// `U.S`, `a.m`, `D.C`, `Ph.D`: short letter groups joined by periods.
fn is_dotted_abbreviation(token: &str) -> bool {
    token.contains('.')
        && token
            .split('.')
            .all(|part| (1..=2).contains(&part.len()) && part.chars().all(char::is_alphabetic))
}

/// A single capital letter: an initial, as in `John F. Kennedy`.
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_forms() {
        let found = |s| ellipsis_at(s).map(|e| (e.len, e.dots));
        assert_eq!(found("... well"), Some((3, 3)));
        assert_eq!(found("…."), Some((4, 4)));
        assert_eq!(found(". . . I"), Some((5, 3)));
        assert_eq!(found(". . . .”"), Some((7, 4)));
        assert_eq!(found(".. x"), None);
        assert_eq!(found(". Then"), None);
        assert_eq!(found(". . x"), None);
    }

    #[test]
    fn closing_marks_and_next_sentence() {
        let text = "Stop.\") Then";
        assert_eq!(skip_closing(text, 5), 7);
        assert_eq!(sentence_start_after(text, 7), Some(8));
        assert_eq!(sentence_start_after("a. b", 2), None);
        assert_eq!(sentence_start_after("a.B", 2), None);
        assert_eq!(sentence_start_after("a.  ", 2), None);
    }

    #[test]
    fn tokens_and_words() {
        assert_eq!(last_token("He said, \"Stop"), ("He said, \"", "Stop"));
        assert_eq!(last_token("U.S"), ("", "U.S"));
        assert_eq!(last_token("at “N°"), ("at “", "N°"));
        assert_eq!(first_word("The end"), "The");
        assert_eq!(first_word("(AP)"), "");
    }

    #[test]
    fn abbreviation_shapes() {
        assert!(is_dotted_abbreviation("U.S"));
        assert!(is_dotted_abbreviation("Ph.D"));
        assert!(!is_dotted_abbreviation("jane.roe@example"));
        assert!(is_initial("F"));
        assert!(!is_initial("Fa"));
        assert!(is_list_marker("1", "1"));
        assert!(!is_list_marker("In 2019", "2019"));
    }

    #[test]
    fn time_phrases() {
        assert!(is_opening_time_phrase("At 6 a.m"));
        assert!(is_opening_time_phrase("Shortly after 11 p.m"));
        assert!(!is_opening_time_phrase("He locked it at 7 P.M"));
        assert!(!time_ends_sentence("It began at 3 a.m", "Tuesday and"));
        assert!(time_ends_sentence("It ended at 6 p.m", "Crews stayed"));
    }

    /// `lists_of` tells the lists a token is in as scanning each list
    /// does: on every listed word, on those words changed at random (a
    /// letter dropped, added or in the other case), and on other tokens.
    #[test]
    fn lists_of_a_token_are_those_that_hold_it() {
        let scanned = |token: &str| {
            [
                (TITLES, IN_TITLES),
                (BEFORE_NUMBER, IN_BEFORE_NUMBER),
                (AMBIGUOUS, IN_AMBIGUOUS),
            ]
            .into_iter()
            .filter(|(list, _)| list.contains(&token))
            .fold(0, |bits, (_, bit)| bits | bit)
        };
        let listed: Vec<&str> = [TITLES, BEFORE_NUMBER, AMBIGUOUS].concat();
        let mut random = crate::test_random::Random(0x6A09_E667_F3BC_C909);
        let mut tokens: Vec<String> = listed.iter().map(|w| w.to_string()).collect();
        tokens.extend(
            [
                "", "said", "U.S", "Messrsx", "N", "°", "police", "St.", "ST",
            ]
            .map(String::from),
        );
        for _ in 0..5000 {
            let mut token: Vec<char> = random.pick(&listed).chars().collect();
            let at = random.below(token.len() + 1);
            match random.below(4) {
                0 if at < token.len() => {
                    token.remove(at);
                }
                1 => token.insert(at, ['a', 'S', '.', 'ß'][random.below(4)]),
                2 if at < token.len() => {
                    let c = token[at];
                    token[at] = if c.is_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    };
                }
                _ => {}
            }
            tokens.push(token.into_iter().collect());
        }
        let mut in_some = 0;
        for token in &tokens {
            assert_eq!(lists_of(token), scanned(token), "{token:?}");
            in_some += usize::from(scanned(token) != 0);
        }
        assert!(in_some > 1000 && tokens.len() - in_some > 1000);
    }

    #[test]
    fn pronoun_i_is_not_an_initial() {
        assert!(follows_lowercase_word("you and "));
        assert!(!follows_lowercase_word("meet Albert "));
        assert!(!follows_lowercase_word(""));
    }
}
