use super::*;

fn sentences(text: &str) -> Vec<&str> {
    let doc = Document::parse(text);
    doc.sentences.iter().map(|s| doc.slice(s.span)).collect()
}

fn paragraphs(text: &str) -> Vec<&str> {
    let doc = Document::parse(text);
    doc.paragraphs.iter().map(|p| doc.slice(p.span)).collect()
}

#[test]
fn blank_lines_separate_hard_wrapped_paragraphs() {
    let text = "The council met on\nTuesday evening.\n\nIt voted to adjourn.\n";
    assert_eq!(
        paragraphs(text),
        [
            "The council met on\nTuesday evening.",
            "It voted to adjourn."
        ]
    );
    // A sentence runs across the line break inside a paragraph.
    assert_eq!(
        sentences(text),
        [
            "The council met on\nTuesday evening.",
            "It voted to adjourn."
        ]
    );
}

#[test]
fn long_lines_make_one_paragraph_per_line() {
    let long = "A sentence that is long enough to show this file was not hard-wrapped at any width, because it runs well past the limit of one hundred and twenty characters.";
    let text = format!("Headline\n{long}\nSecond paragraph.");
    assert_eq!(paragraphs(&text), ["Headline", long, "Second paragraph."]);
}

#[test]
fn crlf_and_lone_cr_are_line_breaks() {
    let doc = Document::parse("One.\r\n\r\nTwo.\rThree.");
    let lines: Vec<&str> = doc.lines.iter().map(|l| doc.slice(*l)).collect();
    assert_eq!(lines, ["One.", "", "Two.", "Three."]);
    assert_eq!(paragraphs("One.\r\n\r\nTwo."), ["One.", "Two."]);
}

#[test]
fn segmenter_keeps_abbreviations_decimals_and_initials() {
    assert_eq!(
        sentences("Mr. Smith met Sgt. Jones at 5 p.m. on Jan. 5 in St. Louis. They spoke."),
        [
            "Mr. Smith met Sgt. Jones at 5 p.m. on Jan. 5 in St. Louis.",
            "They spoke."
        ]
    );
    assert_eq!(
        sentences("Costs rose 1.5 percent. John F. Kennedy Airport was shut."),
        [
            "Costs rose 1.5 percent.",
            "John F. Kennedy Airport was shut."
        ]
    );
    assert_eq!(
        sentences("Migrants entered the U.S. in the past year."),
        ["Migrants entered the U.S. in the past year."]
    );
    assert_eq!(
        sentences("I live in the U.S. How about you?"),
        ["I live in the U.S.", "How about you?"]
    );
}

#[test]
fn segmenter_handles_quotes_and_fragments() {
    assert_eq!(
        sentences("“Where?” she asked. He said, “Stop.” Then he left."),
        ["“Where?” she asked.", "He said, “Stop.”", "Then he left."]
    );
    assert_eq!(
        sentences("Adrienne Watson said. CNN in a statement."),
        ["Adrienne Watson said.", "CNN in a statement."]
    );
}

#[test]
fn quotes_pair_by_direction_and_record_their_sentence() {
    let text = "He said “we are ready” today. “It is over,” she said.";
    let doc = Document::parse(text);
    let quoted: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.inner)).collect();
    assert_eq!(quoted, ["we are ready", "It is over,"]);
    assert_eq!(doc.quotes[0].sentence, 0);
    assert_eq!(doc.quotes[1].sentence, 1);
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.closed && q.style == QuoteStyle::Curly));
}

#[test]
fn straight_quotes_alternate_and_inch_marks_do_not_open() {
    let doc = Document::parse("He is 6'2\" tall and said \"no comment\" twice.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.slice(doc.quotes[0].inner), "no comment");
    assert_eq!(doc.quotes[0].style, QuoteStyle::Straight);
}

#[test]
fn a_quotation_nested_in_the_other_style_does_not_end_the_outer_one() {
    let doc = Document::parse("\"She said “never” to us, twice,\" he said.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(
        doc.slice(doc.quotes[0].inner),
        "She said “never” to us, twice,"
    );
    assert!(doc.quotes[0].closed);
    assert_eq!(doc.quotes[0].style, QuoteStyle::Straight);
    assert!(doc.stray_closing_marks.is_empty());
    let doc = Document::parse("“He told me \"stop\" and ran,” she said.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(
        doc.slice(doc.quotes[0].inner),
        "He told me \"stop\" and ran,"
    );
    assert_eq!(
        doc.quotes[0].attribution.map(|a| doc.slice(a.verb)),
        Some("said")
    );
}

#[test]
fn an_opening_mark_followed_by_a_space_closes() {
    let doc = Document::parse("“It could have been prevented, “ Coleman said.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.quotes[0].style, QuoteStyle::Mixed);
    assert!(doc.quotes[0].closed);
    assert_eq!(
        doc.quotes[0].attribution.map(|a| doc.slice(a.verb)),
        Some("said")
    );
}

#[test]
fn an_unclosed_quote_ends_with_its_paragraph() {
    let doc = Document::parse("She said “we will return\n\nNext paragraph.");
    assert_eq!(doc.quotes.len(), 1);
    assert!(!doc.quotes[0].closed);
    assert_eq!(doc.slice(doc.quotes[0].inner), "we will return");
}

#[test]
fn words_keep_inner_joiners() {
    let text = "ISIS-linked networks don't stop; U.S. officials said.";
    let found: Vec<&str> = words(text).map(|w| &text[w.range()]).collect();
    assert_eq!(
        found,
        [
            "ISIS-linked",
            "networks",
            "don't",
            "stop",
            "U.S",
            "officials",
            "said"
        ]
    );
}

/// The rule `words` follows, character by character: a word is a run of
/// letters and digits, with a joiner (`'`, `’`, `-`, `.`) inside it when
/// a letter or digit follows the joiner.
fn words_by_characters(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let offset = |k: usize| chars.get(k).map_or(text.len(), |&(at, _)| at);
    let alphanumeric = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    let mut found = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !alphanumeric(k) {
            k += 1;
            continue;
        }
        let start = k;
        loop {
            while alphanumeric(k) {
                k += 1;
            }
            let joiner = chars
                .get(k)
                .is_some_and(|&(_, c)| matches!(c, '\'' | '’' | '-' | '.'));
            if joiner && alphanumeric(k + 1) {
                k += 1;
            } else {
                break;
            }
        }
        found.push((offset(start), offset(k)));
    }
    found
}

#[test]
fn words_follow_the_rule_on_every_kind_of_character() {
    const CHARS: &[char] = &[
        'a', 'Z', '7', ' ', '.', '-', '\'', '’', '‘', ',', '\n', 'é', 'ß', 'ж', '٣', 'ω', '\u{a0}',
        '—', '…', '™', '☺', '\u{300}', '𝐀', '\u{2019}', '"',
    ];
    let mut random = crate::test_random::Random(0x2545_F491_4F6C_DD1D);
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..random.below(24) {
            text.push(CHARS[random.below(CHARS.len())]);
        }
        let found: Vec<(usize, usize)> = words(&text)
            .map(|w| (w.start as usize, w.end as usize))
            .collect();
        assert_eq!(found, words_by_characters(&text), "in {text:?}");
        for max in [0, 1, 2, 5, usize::MAX] {
            assert_eq!(count_words(&text, max), found.len().min(max), "in {text:?}");
        }
    }
}
/// `count_words` reads its text in blocks and looks at `max` between
/// them: on texts many blocks long, mostly ASCII words as in copy, it
/// counts as the character-by-character rule does, capped at any `max`.
#[test]
fn count_words_follows_the_rule_across_blocks() {
    const PIECES: &[&str] = &[
        "word", "a", "7", " ", "  ", ".", "-", "'", "’", "U.S.", "don't", "e-mail", "é", "ж",
        "\u{a0}", "—", "…", "𝐀", "\n", ",", "--", "''", "a.", ".a", "ab'", "’s",
    ];
    let mut random = crate::test_random::Random(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..random.below(120) {
            text.push_str(random.pick(PIECES));
        }
        let total = words_by_characters(&text).len();
        for max in [0, 1, 2, 7, 13, 26, 31, 61, 100, usize::MAX] {
            assert_eq!(count_words(&text, max), total.min(max), "{max} in {text:?}");
        }
        let max = random.below(total + 2);
        assert_eq!(count_words(&text, max), total.min(max), "{max} in {text:?}");
    }
}

#[test]
fn empty_and_blank_documents_have_no_units() {
    for text in ["", "\n\n", "   \r\n"] {
        let doc = Document::parse(text);
        assert!(
            doc.paragraphs.is_empty() && doc.sentences.is_empty(),
            "{text:?}"
        );
    }
}

/// Every span of every unit lies on character boundaries, sentences lie
/// inside their paragraphs and quotes inside theirs: checked on every seed
/// article and on awkward text.
#[test]
fn spans_are_well_formed_on_seeds_and_awkward_text() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut texts: Vec<String> = std::fs::read_dir(seeds)
        .expect("seeds/ exists")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("seed is UTF-8"))
        .collect();
    assert_eq!(texts.len(), 5);
    texts.extend(
        [
            "“Unclosed “nested” quote… really?!” — “",
            "Ends mid-sentence with U.S.",
            "\u{FEFF}BOM first. Then\r\ntext.\rLone CR.",
            "Uzbek\u{a0} migrants … “ok.” Mr. X.",
        ]
        .map(String::from),
    );
    for text in &texts {
        let doc = Document::parse(text);
        let boundary = |s: Span| {
            text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize)
        };
        for p in &doc.paragraphs {
            assert!(boundary(p.span));
            for s in &doc.sentences[p.sentences.clone()] {
                assert!(p.span.contains(s.span));
            }
        }
        for s in &doc.sentences {
            assert!(boundary(s.span) && !s.span.is_empty());
        }
        for q in &doc.quotes {
            assert!(boundary(q.span) && boundary(q.inner) && q.span.contains(q.inner));
            assert!(doc.paragraphs[q.paragraph].span.contains(q.span));
        }
    }
}

#[test]
fn seed_000_reads_as_expected() {
    let text = include_str!("../../seeds/000_a2105e3f9ef73aac.txt");
    let doc = Document::parse(text);
    let all: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    assert!(all.iter().any(|s| s.ends_with("Adrienne Watson said.")));
    assert!(all.contains(&"CNN in a statement."));
    assert!(all.contains(&"Story in development, more to follow."));
    let quote = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.inner) == "identify and assess")
        .expect("the quote is found");
    assert!(doc
        .slice(doc.sentences[quote.sentence].span)
        .starts_with("Officials are still working"));
    // Blank-line separated, and the title is its own paragraph.
    assert_eq!(doc.paragraphs.len(), 13);
}

/// A paragraph of thousands of quotations (a long line of scraped copy) is
/// read in linear time: each quotation's attribution is looked for near
/// it, not across the whole paragraph.
#[test]
fn a_long_paragraph_full_of_quotations_is_read_quickly() {
    let text = "“Whole sentence quote.” ".repeat(5_000) + "Ruiz said.";
    let doc = Document::parse(&text);
    assert_eq!(doc.paragraphs.len(), 1);
    assert_eq!(doc.quotes.len(), 5_000);
    // The last quotation is next to the verb; the first is far from it.
    let last = doc.quotes.last().and_then(|q| q.attribution);
    assert_eq!(last.map(|a| doc.slice(a.verb)), Some("said"));
    assert!(doc.quotes[0].attribution.is_none());
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_paragraph() {
    assert_eq!(
        paragraphs("\u{feff}Headline\n\nBody."),
        ["Headline", "Body."]
    );
    assert!(paragraphs("\u{feff}\n\n").is_empty());
}

#[test]
fn the_quotation_holding_a_span_is_found_by_its_whole_or_inner_span() {
    let text = "He said “one two” and “three four” then left.";
    let doc = Document::parse(text);
    let span_of = |word: &str| {
        let start = text.find(word).unwrap();
        Span::new(start, start + word.len())
    };
    let whole = |q: &Quote| q.span;
    let inner = |q: &Quote| q.inner;
    let found = |span, part| quote_holding(&doc.quotes, span, part).map(|q| doc.slice(q.inner));
    assert_eq!(found(span_of("two"), whole), Some("one two"));
    assert_eq!(found(span_of("three four"), inner), Some("three four"));
    // The marks belong to the whole span, not to the inner one.
    assert_eq!(found(span_of("“three"), whole), Some("three four"));
    assert_eq!(found(span_of("“three"), inner), None);
    assert_eq!(found(span_of("and"), whole), None);
    assert_eq!(found(span_of("He"), whole), None);
    assert_eq!(found(span_of("left"), whole), None);
}

#[test]
fn the_characters_of_a_span_are_those_of_its_paragraph_or_its_own() {
    use crate::rule_regex::Characters;
    let text = "Plain words here.\n\nJosé said “hi” — ok.\n\nEmoji ☺ here.";
    let doc = Document::parse(text);
    assert_eq!(doc.paragraphs.len(), 3);
    for paragraph in &doc.paragraphs {
        let inner = Span::new(
            paragraph.span.start as usize + 1,
            paragraph.span.end as usize - 1,
        );
        for span in [paragraph.span, inner] {
            assert_eq!(
                doc.characters(span),
                Characters::of(&text[paragraph.span.range()])
            );
        }
    }
    assert_ne!(
        doc.characters(doc.paragraphs[1].span),
        Characters::default()
    );
    // Across paragraphs: the span's own characters.
    let across = Span::new(0, text.len());
    assert_eq!(doc.characters(across), Characters::of(text));
}
