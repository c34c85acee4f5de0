//! The attribution finder's helpers against their plain statements.

use super::*;

/// On random paragraphs full of quotation marks, apostrophes, joiners
/// and words, cut at random areas (starting and ending inside words and
/// quotations too), reading only the text between the quotations finds
/// the words that filtering every word finds.
#[test]
fn words_outside_quotes_are_those_no_quotation_holds() {
    const PIECES: &[&str] = &[
        "said", "He", "a", "7", " ", " ", " ", "\n\n", "\"", "“", "”", "’", "'", "’’", "''", "-",
        ".", ",", "é", "(", "U.S.", "don't", "it’s", "5'10\"", "6’1”", "—",
    ];
    let mut random = crate::test_random::Random(0x2F0E_1B6D_93C4_A857);
    let mut quoted = 0;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..random.below(60) {
            text.push_str(random.pick(PIECES));
        }
        let doc = Document::parse(&text);
        quoted += usize::from(!doc.quotes.is_empty());
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for _ in 0..8 {
            let a = boundaries[random.below(boundaries.len())];
            let b = boundaries[random.below(boundaries.len())];
            let area = Span::new(a.min(b), a.max(b));
            let found: Vec<Span> = words_outside_quotes(&doc, area).collect();
            assert_eq!(
                found,
                words_outside_quotes_one_by_one(&doc, area),
                "{area:?} in {text:?}"
            );
        }
    }
    assert!(quoted > 1500, "{quoted}");
}

/// `is_clause_break` tells a period after a dotted abbreviation (`U.S.`)
/// as the slice of the two characters before it did, on random texts of
/// letters, periods, spaces and characters outside ASCII.
#[test]
fn a_period_breaks_a_clause_as_the_two_characters_before_it_say() {
    const CHARS: &[char] = &['a', 'U', '.', '.', '.', ' ', 'é', '’', '7', '\n', 'ж'];
    let mut random = crate::test_random::Random(0x3C6E_F372_FE94_F82B);
    let mut abbreviations = 0;
    for _ in 0..5000 {
        let text: String = (0..random.below(12))
            .map(|_| CHARS[random.below(CHARS.len())])
            .collect();
        for (i, c) in text.char_indices().filter(|&(_, c)| c == '.') {
            let before: Vec<char> = text[..i].chars().rev().take(2).collect();
            let abbreviation = matches!(before.as_slice(), [letter, '.'] if letter.is_alphabetic());
            let breaks =
                !abbreviation && text[i + 1..].chars().next().is_none_or(char::is_whitespace);
            assert_eq!(is_clause_break(&text, i, c), breaks, "{i} in {text:?}");
            abbreviations += usize::from(abbreviation);
        }
    }
    assert!(abbreviations > 100, "{abbreviations}");
}
