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
