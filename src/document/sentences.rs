//! The sentence segmenter.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (a run of them), optionally
//! followed by closing quotation marks or brackets, when white space and
//! then something that can start a sentence (a capital, a digit, an opening
//! quotation mark or bracket) follow. A lone period after an abbreviation
//! is judged by what kind of abbreviation it is:
//!
//! - titles before a name (`Mr.`, `Sgt.`, `Gov.`) never end a sentence;
//! - `No.` and month names (`Jan.`) do not end one before a number;
//! - other abbreviations that also end sentences in news copy (`U.S.`,
//!   `a.m.`, `Inc.`, `Wash.`, an initial like `F.`) end one only when the
//!   next word is a typical sentence opener (`The`, `He`, `But`, ...), so
//!   "in the U.S. How about you?" splits and "John F. Kennedy" does not.

use crate::source::Span;

/// Titles that precede a name and so never end a sentence.
const TITLES: &[&str] = &[
    "Adm", "Atty", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Gen", "Gov", "Hon", "Insp",
    "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Ofc", "Pfc", "Pres", "Prof", "Pvt", "Rep", "Rev",
    "Sen", "Sgt", "Spc", "Supt", "vs",
];

/// Abbreviations that never end a sentence before a number.
const BEFORE_NUMBER: &[&str] = &[
    "Apr", "Art", "Aug", "Dec", "Feb", "Fig", "Jan", "Jul", "Jun", "Mar", "No", "Nos", "Nov",
    "Oct", "Sep", "Sept", "Vol", "no", "p", "pp",
];

/// Abbreviations that may end a sentence, and do only before an opener.
const AMBIGUOUS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn", "Corp", "Del",
    "Dept", "Fla", "Ft", "Ga", "Ill", "Inc", "Ind", "Jr", "Kan", "Kans", "Ky", "La", "Ltd", "Mass",
    "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Mt", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn",
    "Rd", "Sr", "St", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "approx", "dept", "est",
    "etc", "govt", "gov't",
];

/// Words that typically open a sentence; after an ambiguous abbreviation
/// they signal a boundary.
const OPENERS: &[&str] = &[
    "A", "After", "Also", "An", "And", "As", "At", "Before", "But", "During", "For", "He", "Her",
    "Here", "His", "How", "However", "I", "If", "In", "It", "Its", "My", "No", "On", "Once", "One",
    "Our", "She", "Since", "So", "That", "The", "Their", "There", "These", "They", "This", "Those",
    "Though", "To", "We", "What", "When", "Where", "While", "Who", "Why", "Yet", "You", "Your",
];

/// Splits a paragraph into sentence spans, relative to `text` and trimmed
/// of white space. Text with no terminal punctuation is one sentence.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        // The whole run of terminators and closing marks: `?!`, `...`, `."`.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_terminator(d) || is_closing(d) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            // No white space follows (`U.S.-based`, `1.5`, `CNN.com`), or
            // this is the end of the paragraph.
            continue;
        }
        let Some(next) = after_space.chars().next() else {
            continue;
        };
        if !can_start_sentence(next) {
            continue;
        }
        let single_period = text[i..end].trim_end_matches(is_closing) == ".";
        if single_period && !period_ends_sentence(&text[..i], after_space) {
            continue;
        }
        push_trimmed(&mut sentences, text, start, end);
        start = text.len() - after_space.len();
    }
    push_trimmed(&mut sentences, text, start, text.len());
    sentences
}

fn push_trimmed(sentences: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        sentences.push(Span::new(start + lead, start + lead + trimmed.len()));
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

/// Decides whether a lone period ends the sentence, given the text before it
/// and the text after the white space that follows it.
fn period_ends_sentence(before: &str, after: &str) -> bool {
    let token_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '‘'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &before[token_start..];
    if token.is_empty() || token.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let next_is_number = after.starts_with(|c: char| c.is_ascii_digit());
    let next_is_opener = || {
        if after.starts_with(['"', '“', '‘']) {
            return true;
        }
        let word: &str = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        OPENERS.contains(&word)
    };
    if TITLES.contains(&token) {
        return false;
    }
    if BEFORE_NUMBER.contains(&token) {
        return !next_is_number && (token == "No" || next_is_opener());
    }
    if AMBIGUOUS.contains(&token) || is_dotted_abbreviation(token) || is_initial(token) {
        return next_is_opener();
    }
    true
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
