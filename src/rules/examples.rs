//! Examples inside rule files, which double as the rule's tests.
//!
//! Like LanguageTool's `<example>` and Semgrep's rule tests, every rule can
//! carry texts it must flag and texts it must leave alone, and
//! `factlint test` runs them:
//!
//! ```toml
//! [[rule.examples]]
//! text = "In July, «aArrests» for illegally crossing the border rose."
//!
//! [[rule.examples]]
//! name = "brands"
//! text = "She checked her iPhone and listed the bike on eBay."
//! expect = []
//! ```
//!
//! The marks `«` and `»` surround each span the rule must flag, exactly:
//! they are removed before the rule runs, and the rule's findings must
//! start and end at them, no more and no fewer. A text without marks must
//! say `expect = []`, so that an example meant to fire that lost its marks
//! is an error rather than a test that passes for the wrong reason. Rules
//! that compare documents give `documents = [{ name, text }, ...]` instead
//! of `text`, with marks in any of them.

use crate::rules::reader::{Errors, SpannedStr, TableReader};
use crate::rules::source_offset;
use crate::source::Span;

/// Opens a span the rule must flag.
pub const OPEN: char = '«';
/// Closes a span the rule must flag.
pub const CLOSE: char = '»';

/// The keys of an example table.
const KEYS: &[&str] = &["name", "text", "documents", "expect"];
/// The keys of one document of an example.
const DOCUMENT_KEYS: &[&str] = &["name", "text"];

/// One example of a rule: documents, and the spans the rule must flag in
/// them (none for an example that must stay quiet).
#[derive(Clone, Debug)]
pub struct Example {
    /// The name given in the rule file, or `example-N` (1-based).
    pub name: String,
    /// The example's table in the rule file (the rule's file).
    pub span: Span,
    /// One document for a `text` example; several for `documents`.
    pub documents: Vec<ExampleDocument>,
}

impl Example {
    /// Whether the rule must flag something in this example.
    pub fn fires(&self) -> bool {
        self.documents.iter().any(|d| !d.marks.is_empty())
    }
}

/// One document of an example, with its marks removed.
#[derive(Clone, Debug)]
pub struct ExampleDocument {
    /// The document's name, for `documents` examples.
    pub name: Option<String>,
    /// The text the rule runs over (without marks).
    pub text: String,
    /// The spans of `text` the rule must flag, in order.
    pub marks: Vec<Span>,
}

/// Reads the `examples` of a rule table. Problems go to the reader's error
/// list; the examples returned are the valid ones.
pub fn parse(reader: &mut TableReader<'_, '_>, source: &str) -> Vec<Example> {
    let Some(tables) = reader.tables("examples") else {
        return Vec::new();
    };
    let mut examples: Vec<Example> = Vec::new();
    for (index, (table, span)) in tables.into_iter().enumerate() {
        let mut reader = TableReader::new(table, span, reader.errors);
        let example = read_example(&mut reader, index, source, &examples);
        reader.finish(KEYS, |_| None);
        examples.extend(example);
    }
    examples
}

/// Reads the example at `index` of a rule; `earlier` are the ones before
/// it, whose names it must not repeat.
fn read_example(
    reader: &mut TableReader<'_, '_>,
    index: usize,
    source: &str,
    earlier: &[Example],
) -> Option<Example> {
    let span = reader.span();
    let name = reader.string("name");
    let text = reader.string("text");
    let documents = reader.tables("documents");
    let expect = reader.array_len("expect");
    let has_misspelt_text =
        reader.has_misspelling_of("text") || reader.has_misspelling_of("documents");
    let errors = &mut *reader.errors;

    // Every problem of the example is reported, so each check goes on
    // after a failed one.
    let name = match name {
        Some(raw) if !is_example_name(&raw.value) => {
            errors.error_with_help(
                raw.span,
                format!("example name `{}` is not a plain name", raw.value),
                "not a plain name",
                "use letters, digits, `-` and `_` (`brand-names`): it names the test",
            );
            None
        }
        Some(raw) if earlier.iter().any(|e| e.name == raw.value) => {
            errors.error(
                raw.span,
                format!("two examples of this rule are named `{}`", raw.value),
                "used twice",
            );
            None
        }
        Some(raw) => Some(raw.value),
        None => Some(format!("example-{}", index + 1)),
    };

    let expect = match expect {
        Some((0, expect_span)) => Some(Some(expect_span)),
        Some((_, expect_span)) => {
            errors.error_with_help(
                expect_span,
                "`expect` can only be `[]`",
                "not empty",
                "mark what the rule must flag with «» in the text; \
                 `expect = []` says the rule must stay quiet",
            );
            None
        }
        None => Some(None),
    };

    let documents = match (text, documents) {
        (Some(text), None) => unmark(&text, source, errors).map(|(text, marks)| {
            vec![ExampleDocument {
                name: None,
                text,
                marks,
            }]
        }),
        (None, Some(tables)) => parse_documents(tables, span, source, errors),
        (Some(text), Some(_)) => {
            errors.error_with_help(
                text.span,
                "an example has either `text` or `documents`, not both",
                "`text` given here",
                "use `text` for one document, `documents` for rules that compare documents",
            );
            None
        }
        // A misspelt `text` has been reported with its correction.
        (None, None) if has_misspelt_text => None,
        (None, None) => {
            errors.error_with_help(
                span,
                "example has no `text`",
                "this example has no text",
                "add `text = \"...\"`, marking what the rule must flag with «...», \
                 or `documents = [{ name = \"a.txt\", text = \"...\" }, ...]`",
            );
            None
        }
    };

    let (name, documents, expect) = (name?, documents?, expect?);
    let marked = documents.iter().any(|d| !d.marks.is_empty());
    match expect {
        Some(expect_span) if marked => {
            errors.error_with_help(
                expect_span,
                "`expect = []` says this example stays quiet, but its text marks spans",
                "says quiet",
                "remove `expect = []`, or remove the «» marks",
            );
            return None;
        }
        None if !marked => {
            errors.error_with_help(
                span,
                "example marks nothing and has no `expect = []`",
                "should the rule fire here or not?",
                "mark each span the rule must flag as «...», \
                 or add `expect = []` if the rule must stay quiet",
            );
            return None;
        }
        _ => {}
    }
    Some(Example {
        name,
        span,
        documents,
    })
}

fn parse_documents(
    tables: Vec<(&toml::de::DeTable<'_>, Span)>,
    example_span: Span,
    source: &str,
    errors: &mut Errors,
) -> Option<Vec<ExampleDocument>> {
    if tables.is_empty() {
        errors.error_with_help(
            example_span,
            "`documents` is empty",
            "no documents",
            "give each document as `{ name = \"a.txt\", text = \"...\" }`",
        );
        return None;
    }
    let mut docs: Vec<ExampleDocument> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut ok = true;
    for (index, (table, span)) in tables.into_iter().enumerate() {
        let mut reader = TableReader::new(table, span, errors);
        let name = reader.string("name");
        let text = reader.required_string("text", "the document's text, with «» marks");
        reader.finish(DOCUMENT_KEYS, |_| None);
        let name = match name {
            Some(raw) => {
                let plain = !raw.value.is_empty()
                    && !raw.value.contains(['/', '\\'])
                    && !raw.value.starts_with('.');
                if !plain {
                    errors.error_with_help(
                        raw.span,
                        format!("document name `{}` is not a plain file name", raw.value),
                        "not a file name",
                        "use a file name such as `a.txt`",
                    );
                    ok = false;
                } else if names.contains(&raw.value) {
                    errors.error(
                        raw.span,
                        format!("two documents of this example are named `{}`", raw.value),
                        "used twice",
                    );
                    ok = false;
                }
                raw.value
            }
            None => format!("document-{}.txt", index + 1),
        };
        names.push(name.clone());
        match text.and_then(|text| unmark(&text, source, errors)) {
            Some((text, marks)) => docs.push(ExampleDocument {
                name: Some(name),
                text,
                marks,
            }),
            None => ok = false,
        }
    }
    ok.then_some(docs)
}

fn is_example_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Removes the «» marks from an example text, returning the text and the
/// marked spans; a mark that is not closed, closes nothing, or opens inside
/// another is reported at its place in the rule file.
pub fn unmark(raw: &SpannedStr, source: &str, errors: &mut Errors) -> Option<(String, Vec<Span>)> {
    let mut text = String::with_capacity(raw.value.len());
    let mut marks = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut ok = true;
    let report = |at: usize, message: &str, label: &str, errors: &mut Errors| {
        errors.error_with_help(
            source_offset(source, raw, at, OPEN.len_utf8()),
            message,
            label,
            "surround each span the rule must flag with « and », as in `In July, «aArrests» rose`",
        );
    };
    for (at, c) in raw.value.char_indices() {
        match c {
            OPEN => {
                if let Some((_, opened_at)) = open {
                    report(
                        opened_at,
                        "a «» mark opens inside another",
                        "this mark is not closed before the next one opens",
                        errors,
                    );
                    ok = false;
                }
                open = Some((text.len(), at));
            }
            CLOSE => match open.take() {
                Some((start, _)) => marks.push(Span::new(start, text.len())),
                None => {
                    report(at, "`»` closes no mark", "no `«` before it", errors);
                    ok = false;
                }
            },
            _ => text.push(c),
        }
    }
    if let Some((_, opened_at)) = open {
        report(opened_at, "`«` is never closed", "opens a mark", errors);
        ok = false;
    }
    ok.then_some((text, marks))
}

/// `text` with « and » around each span: the inverse of [`unmark`], for
/// showing expected and actual findings side by side. Overlapping spans
/// are marked as they come.
pub fn mark(text: &str, spans: &[Span]) -> String {
    // At one position, marks that close come first, then empty spans, then
    // marks that open.
    let mut events: Vec<(usize, u8, &str)> = Vec::with_capacity(spans.len() * 2);
    for span in spans {
        let (start, end) = (span.start as usize, span.end as usize);
        if span.is_empty() {
            events.push((start, 1, "«»"));
        } else {
            events.push((start, 2, "«"));
            events.push((end, 0, "»"));
        }
    }
    events.sort_by_key(|&(at, order, _)| (at, order));
    let mut out = String::with_capacity(text.len() + events.len() * 2);
    let mut last = 0;
    for (at, _, marks) in events {
        let at = at.clamp(last, text.len());
        out.push_str(&text[last..at]);
        out.push_str(marks);
        last = at;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> (String, SpannedStr) {
        let source = format!("text = '{text}'");
        let span = Span::new(7, source.len());
        (
            source,
            SpannedStr {
                value: text.to_owned(),
                span,
            },
        )
    }

    #[test]
    fn marks_are_removed_and_become_spans() {
        let (source, raw) = raw("In July, «aArrests» rose «»and «fIrst»");
        let mut errors = Errors::new(0);
        let (text, marks) = unmark(&raw, &source, &mut errors).expect("valid marks");
        assert!(errors.diagnostics.is_empty());
        assert_eq!(text, "In July, aArrests rose and fIrst");
        let flagged: Vec<&str> = marks.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(flagged, ["aArrests", "", "fIrst"]);
        assert_eq!(mark(&text, &marks), raw.value);
    }

    #[test]
    fn bad_marks_point_into_the_rule_file() {
        for (text, message, at) in [
            ("a «b", "`«` is never closed", "«b"),
            ("a b» c", "`»` closes no mark", "» c"),
            ("«a «b» c»", "a «» mark opens inside another", "«a"),
        ] {
            let (source, raw) = raw(text);
            let mut errors = Errors::new(0);
            assert!(unmark(&raw, &source, &mut errors).is_none(), "{text}");
            let first = &errors.diagnostics[0];
            assert_eq!(first.message, message);
            let span = first.primary.as_ref().map(|l| l.span).unwrap_or_default();
            assert!(source[span.start as usize..].starts_with(at), "{text}");
        }
    }
}
