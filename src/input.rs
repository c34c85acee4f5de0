//! What factlint reads of a file: its prose.
//!
//! A file's text holds things that are not prose: HTML comments (where
//! suppression comments live), URLs and e-mail addresses, and in Markdown
//! code, front matter, raw HTML, images and link destinations. The prose
//! view blanks them out so no rule reads them, keeping every byte where it
//! was, so that spans found in the view point at the same place in the
//! original file. A blanked stretch inside a line becomes NUL bytes, which
//! are neither white space nor a word character (no rule sees a double
//! space or a joined word); a line blanked entirely becomes spaces, so it
//! reads as a blank line.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use regex::Regex;

use crate::rule_regex::RuleRegex;

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("valid regex"));

/// URLs, `www.` addresses and e-mail addresses.
static ADDRESS: LazyLock<RuleRegex> = LazyLock::new(|| {
    RuleRegex::prechecked(
        r#"\b(?:https?://|www\.)[^\s<>"“”]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"#,
        1 << 24,
    )
    .expect("valid regex")
});

/// Whether a file name is a Markdown file.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// The prose view of `text` (named `name`, which decides whether it is
/// read as Markdown). Borrowed when nothing needed blanking.
pub fn prose_view<'t>(name: &str, text: &'t str) -> Cow<'t, str> {
    let mut ranges: Vec<Range<usize>> = COMMENT.find_iter(text).map(|m| m.range()).collect();
    // Line by line, and only lines that can hold an address: an address
    // never spans a line, and most lines hold none, so the search runs on
    // short haystacks that are mostly ASCII (see `RuleRegex`). The lines
    // are found from the marks an address needs, looked for in the whole
    // text at once.
    for start in address_lines(text) {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i + 1);
        let line = &text[start..end];
        for found in ADDRESS.for_text(line).find_iter(line) {
            // A sentence's final period or a closing bracket is not part
            // of it.
            let trimmed = found
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']);
            ranges.push(start + found.start()..start + found.start() + trimmed.len());
        }
    }
    if is_markdown(name) {
        ranges.extend(markdown_ranges(text));
    }
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(blank(text, &ranges))
}

/// Where each line holding `@`, `://` or `www.` starts, in order.
fn address_lines(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut marks: Vec<usize> = memchr::memchr_iter(b'@', bytes).collect();
    marks.extend(memchr::memmem::find_iter(bytes, "://"));
    marks.extend(memchr::memmem::find_iter(bytes, "www."));
    marks.sort_unstable();
    // Each mark's line start is looked for back to the mark before it
    // only (then it is that mark's), so a long line with many marks is
    // not searched again for each.
    let mut starts: Vec<usize> = Vec::new();
    let mut previous = 0;
    for at in marks {
        let start = match memchr::memrchr(b'\n', &bytes[previous..at]) {
            Some(i) => previous + i + 1,
            None => starts.last().copied().unwrap_or(0),
        };
        if starts.last() != Some(&start) {
            starts.push(start);
        }
        previous = at;
    }
    starts
}

/// The stretches of a Markdown text that are not prose.
fn markdown_ranges(text: &str) -> Vec<Range<usize>> {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES;
    let mut ranges = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } | Tag::HtmlBlock,
            )
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_) => ranges.push(range),
            Event::Start(Tag::Link { link_type, .. }) => match link_type {
                LinkType::Autolink | LinkType::Email => ranges.push(range),
                // `[text](destination)`: keep the text, blank the rest.
                _ => {
                    if let Some(close) = text[range.clone()].rfind("](") {
                        ranges.push(range.start + close + 1..range.end);
                    }
                }
            },
            _ => {}
        }
    }
    ranges
}

/// `text` with every byte in `ranges` blanked: NUL inside a line, spaces on
/// a line with nothing else left; line breaks are kept.
fn blank(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        let range = range.start.min(bytes.len())..range.end.min(bytes.len());
        for byte in &mut bytes[range] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = 0;
            }
        }
    }
    // A line left with nothing but blanks and white space reads as blank.
    for line in bytes.split_mut(|&b| b == b'\n') {
        if line.contains(&0) && line.iter().all(|&b| b == 0 || b.is_ascii_whitespace()) {
            for byte in line.iter_mut().filter(|b| **b == 0) {
                *byte = b' ';
            }
        }
    }
    // Only whole characters were replaced, by ASCII bytes: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_pattern_compiles_in_every_form() {
        ADDRESS.check_every_form().unwrap();
    }

    fn view(name: &str, text: &str) -> String {
        prose_view(name, text).replace('\0', "_")
    }

    #[test]
    fn comments_and_addresses_are_blanked_in_every_file() {
        assert_eq!(
            view(
                "a.txt",
                "See https://example.com/a. Mail ed@news.org <!-- x -->now."
            ),
            "See _____________________. Mail ___________ __________now."
        );
    }

    #[test]
    fn addresses_are_found_on_every_line_that_has_one() {
        let text =
            "www.a.org and ed@b.org\r\nno address here\n\nhttp://c.io/x\nlast @d line www.e.com";
        assert_eq!(address_lines(text), [0, 41, 55]);
        assert_eq!(
            view("a.txt", text),
            "_________ and ________\r\nno address here\n\n             \nlast @d line _________"
        );
    }

    #[test]
    fn a_long_line_of_marks_is_one_address_line() {
        // Each mark's line start is not looked for back to the file's
        // start: with 200,000 marks on one line that would be quadratic.
        let text = "a@b ".repeat(200_000);
        assert_eq!(address_lines(&text), [0]);
        assert_eq!(address_lines(&format!("x\n{text}\ny@z")), [2, 800_003]);
    }

    #[test]
    fn markdown_code_front_matter_html_and_link_targets_are_blanked() {
        let text = "---\ntitle: A\n---\n\nUse `the the` and [a report](http://x.io/r).\n\n```\ncode the the\n```\n<div>x</div>\n";
        let seen = view("a.md", text);
        assert_eq!(seen.len(), text.len());
        assert_eq!(
            seen,
            "   \n        \n   \n\nUse _________ and [a report]_______________.\n\n   \n            \n   \n            \n"
        );
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            prose_view("a.txt", "Nothing to blank."),
            Cow::Borrowed(_)
        ));
    }
}
