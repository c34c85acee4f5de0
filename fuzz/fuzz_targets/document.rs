//! Text -> document: segmentation never panics, and every unit of the
//! model keeps the span invariants the rules rely on (STYLE.md, convention
//! 2): spans lie inside the text and on character boundaries, in order;
//! sentences lie inside their paragraphs, quotations inside theirs, in
//! order and never overlapping; the prose view keeps every byte where it
//! was. The inspect view (quantities, line and column of every unit, the
//! JSON shape) is built too, so a panic there is found as well.

#![no_main]

use factlint::document::{words, Document};
use factlint::input;
use factlint::inspect::{FileView, InspectOutput};
use factlint::source::{SourceFile, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Files that are not UTF-8 are never segmented (they are skipped with
    // a diagnostic), so only text reaches the model.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["fuzz.txt", "fuzz.md"] {
        let view = input::prose_view(name, text);
        assert_eq!(view.len(), text.len(), "the prose view keeps every byte");
        for (i, (a, b)) in text.bytes().zip(view.bytes()).enumerate() {
            if matches!(a, b'\n' | b'\r') {
                assert_eq!(a, b, "line break at {i} kept");
            }
        }
        check(&view);
        let file = SourceFile::new(name, text);
        let output = InspectOutput {
            version: 1,
            files: vec![FileView::new(&file, &[])],
        };
        serde_json::to_string(&output).expect("the inspect view serializes");
    }
});

fn check(text: &str) {
    let doc = Document::parse(text);
    let ok = |s: Span| {
        s.start <= s.end
            && (s.end as usize) <= text.len()
            && text.is_char_boundary(s.start as usize)
            && text.is_char_boundary(s.end as usize)
    };
    let mut previous_end = 0;
    for line in &doc.lines {
        assert!(ok(*line), "line {line:?}");
        assert!(line.start >= previous_end, "lines in order");
        assert!(
            !text[line.range()].contains(['\n', '\r']),
            "no break in a line"
        );
        previous_end = line.end;
    }
    let mut previous_end = 0;
    let mut next_sentence = 0;
    for (index, paragraph) in doc.paragraphs.iter().enumerate() {
        assert!(ok(paragraph.span), "paragraph {paragraph:?}");
        assert!(!paragraph.span.is_empty(), "paragraphs are not empty");
        assert!(paragraph.span.start >= previous_end, "paragraphs in order");
        previous_end = paragraph.span.end;
        assert_eq!(
            paragraph.sentences.start, next_sentence,
            "sentences contiguous"
        );
        next_sentence = paragraph.sentences.end;
        for sentence in &doc.sentences[paragraph.sentences.clone()] {
            assert_eq!(sentence.paragraph, index);
            assert!(
                paragraph.span.contains(sentence.span),
                "sentence in paragraph"
            );
        }
    }
    assert_eq!(
        next_sentence,
        doc.sentences.len(),
        "every sentence in a paragraph"
    );
    let mut previous_end = 0;
    for sentence in &doc.sentences {
        assert!(ok(sentence.span), "sentence {sentence:?}");
        assert!(!sentence.span.is_empty(), "sentences are not empty");
        assert!(sentence.span.start >= previous_end, "sentences in order");
        previous_end = sentence.span.end;
        let slice = doc.slice(sentence.span);
        for word in words(slice) {
            assert!(word.start < word.end && slice.is_char_boundary(word.start as usize));
            assert!(slice.is_char_boundary(word.end as usize));
        }
        assert_eq!(
            doc.sentence_at(sentence.span.start),
            Some(sentence_index(&doc, sentence.span))
        );
    }
    let mut previous_end = 0;
    for quote in &doc.quotes {
        assert!(ok(quote.span) && ok(quote.inner), "quote {quote:?}");
        // Attribution search relies on this: in order, never overlapping.
        assert!(
            quote.span.start >= previous_end,
            "quotes in order, disjoint"
        );
        previous_end = quote.span.end;
        assert!(quote.span.contains(quote.inner), "inner inside the quote");
        assert!(quote.paragraph < doc.paragraphs.len());
        assert!(quote.sentence < doc.sentences.len());
        assert!(
            doc.paragraphs[quote.paragraph].span.contains(quote.span),
            "quote inside its paragraph"
        );
        if let Some(attribution) = &quote.attribution {
            assert!(ok(attribution.verb), "verb {attribution:?}");
            if let Some(speaker) = attribution.speaker {
                assert!(ok(speaker), "speaker {attribution:?}");
            }
        }
    }
    for mark in &doc.stray_closing_marks {
        assert!(ok(*mark), "stray mark {mark:?}");
    }
}

fn sentence_index(doc: &Document<'_>, span: Span) -> usize {
    doc.sentences
        .iter()
        .position(|s| s.span == span)
        .expect("the sentence is in the list")
}
