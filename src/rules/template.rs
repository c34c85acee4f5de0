//! Message templates: `message`, `note` and `help` may name parts of what a
//! rule matched.
//!
//! `{match}` is the flagged text and `{name}` the text of a named capture
//! group. Invisible characters are shown escaped (`<U+00A0>`) so that a
//! message about a stray non-breaking space can be read.
//! `{name:codepoints}` lists code points (`U+0020 U+00A0`). `{{` and `}}`
//! are literal braces. Placeholders are checked when the rule loads.

use crate::rules::reader::{Errors, SpannedStr};
use crate::rules::source_offset;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Literal(String),
    Value { name: String, codepoints: bool },
}

/// A parsed message template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pieces: Vec<Piece>,
}

impl Template {
    /// A template with no placeholders.
    pub fn literal(text: impl Into<String>) -> Self {
        Template {
            pieces: vec![Piece::Literal(text.into())],
        }
    }

    /// Parses `raw`, reporting malformed or unknown placeholders into
    /// `errors`. `names` lists the placeholders the rule's kind provides.
    pub fn parse(
        raw: &SpannedStr,
        source: &str,
        names: &[String],
        errors: &mut Errors,
    ) -> Option<Self> {
        let text = &raw.value;
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = text.as_str();
        let mut ok = true;
        while let Some(i) = rest.find(['{', '}']) {
            literal.push_str(&rest[..i]);
            let brace = &rest[i..];
            if brace.starts_with("{{") || brace.starts_with("}}") {
                literal.push_str(&brace[..1]);
                rest = &brace[2..];
                continue;
            }
            let at = text.len() - brace.len();
            let Some(close) = brace.find('}').filter(|_| brace.starts_with('{')) else {
                errors.error_with_help(
                    source_offset(source, raw, at, 1),
                    "unmatched brace in message template",
                    "unmatched",
                    "write `{{` or `}}` for a literal brace",
                );
                ok = false;
                rest = &brace[1..];
                continue;
            };
            let inner = &brace[1..close];
            let (name, format) = inner.split_once(':').unwrap_or((inner, ""));
            if !names.iter().any(|n| n == name) {
                errors.error_with_help(
                    source_offset(source, raw, at, close + 1),
                    format!("unknown placeholder `{{{name}}}`"),
                    "not provided by this rule",
                    format!(
                        "this rule provides: {}",
                        names
                            .iter()
                            .map(|n| format!("{{{n}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                ok = false;
            } else if !format.is_empty() && format != "codepoints" {
                errors.error_with_help(
                    source_offset(source, raw, at, close + 1),
                    format!("unknown format `{format}` in placeholder"),
                    "unknown format",
                    "the only format is `codepoints`, as in `{match:codepoints}`",
                );
                ok = false;
            }
            if !literal.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            }
            pieces.push(Piece::Value {
                name: name.to_owned(),
                codepoints: format == "codepoints",
            });
            rest = &brace[close + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        ok.then_some(Template { pieces })
    }

    /// Fills the placeholders; a name with no value (an optional group that
    /// did not take part in the match) renders as nothing.
    pub fn render<'v>(&self, values: impl Fn(&str) -> Option<&'v str>) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Value { name, codepoints } => {
                    let value = values(name).unwrap_or("");
                    if *codepoints {
                        let points: Vec<String> = value
                            .chars()
                            .map(|c| format!("U+{:04X}", c as u32))
                            .collect();
                        out.push_str(&points.join(" "));
                    } else {
                        out.push_str(&escape_invisible(value));
                    }
                }
            }
        }
        out
    }

    /// The template as written in the rule file (`` `{match}` looks like a
    /// typo ``), for `factlint rules` and `factlint explain`.
    pub fn source(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
                Piece::Value { name, codepoints } => {
                    out.push('{');
                    out.push_str(name);
                    if *codepoints {
                        out.push_str(":codepoints");
                    }
                    out.push('}');
                }
            }
        }
        out
    }
}

/// `text` with characters a reader cannot see (other than a single space)
/// shown as `<U+XXXX>`, and line breaks as `\n`.
pub fn escape_invisible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' ' => out.push(' '),
            c if c.is_whitespace() || c.is_control() || is_format_char(c) => {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Zero-width and other format characters.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}
