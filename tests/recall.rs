//! Recall on real copy: plants ordinary copy-editing slips into real
//! articles and counts how many the built-in rules find (issue 20).
//!
//! The articles are read at test time from `../shared/corpus/gvc/` (one
//! directory per story); none of their text is kept in the repository. The
//! test skips politely, with a note, when the corpus is absent. A fixed
//! seed chooses the stories, the article of each, and where and how every
//! slip is planted: the position in the paragraph, the word dropped, the
//! outlet, the small word, and whether the article is hard-wrapped at 72
//! columns first (so that a planted slip may run over a line break). Each
//! class is planted once per article where the article has a place for it.
//!
//! A slip is found when a finding of the rule meant to catch it points at
//! the planted text. The sample in `cargo test` (`RECALL_STORIES`, default
//! 80) must find at least 90% of every class; `bench/recall` runs every
//! story in release mode and prints the same table.

use std::fs;
use std::path::{Path, PathBuf};

use factlint::diagnostic::Diagnostic;
use factlint::document::attribution::DEFAULT_VERBS;
use factlint::document::{Document, Role};
use factlint::engine::lint_document;
use factlint::rules::{builtin, RuleFile};
use factlint::ruleset::RuleSet;
use factlint::source::{SourceFile, Sources, Span};

/// The stories sampled when `RECALL_STORIES` is not set.
const DEFAULT_STORIES: usize = 80;
/// The least recall every class must reach.
const TARGET: f64 = 0.9;
/// Classes planted fewer times than this are reported but not asserted.
const MIN_PLANTS: usize = 10;

/// A small deterministic generator (xorshift), as in `src/test_random.rs`.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One class of slip: its name, the rule meant to find it, and how to
/// plant it.
struct Class {
    name: &'static str,
    rule: &'static str,
    plant: fn(&Article<'_>, &mut Random) -> Option<Plant>,
}

/// An article with a slip planted: the new text and where the slip is.
struct Plant {
    text: String,
    span: Span,
    /// What a correct fix would give back, when the class is fixable.
    original: Option<String>,
}

/// An article as the planting reads it: its text (paragraphs separated by
/// blank lines) and its document model.
struct Article<'t> {
    text: &'t str,
    doc: Document<'t>,
}

impl<'t> Article<'t> {
    fn new(text: &'t str) -> Self {
        Article {
            text,
            doc: Document::parse(text),
        }
    }

    /// The prose paragraphs, by index.
    fn prose(&self) -> Vec<usize> {
        (0..self.doc.paragraphs.len())
            .filter(|&i| self.doc.paragraphs[i].role == Role::Prose)
            .collect()
    }

    /// The sentences of prose paragraphs.
    fn prose_sentences(&self) -> Vec<usize> {
        (0..self.doc.sentences.len())
            .filter(|&i| self.doc.paragraphs[self.doc.sentences[i].paragraph].role == Role::Prose)
            .collect()
    }

    /// Whether byte `at` is inside a quotation.
    fn quoted(&self, at: usize) -> bool {
        self.doc
            .quotes
            .iter()
            .any(|q| q.span.start as usize <= at && at < q.span.end as usize)
    }
}

/// `text` with `insert` put at byte `at`.
fn insert(text: &str, at: usize, insert: &str) -> String {
    format!("{}{insert}{}", &text[..at], &text[at..])
}

/// `text` with `range` replaced.
fn replace(text: &str, range: std::ops::Range<usize>, with: &str) -> String {
    format!("{}{with}{}", &text[..range.start], &text[range.end..])
}

/// The words of `text` as byte ranges (letters, digits, inner `'`/`-`).
fn word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    factlint::document::words(text).map(Span::range).collect()
}

// ---------------------------------------------------------------------
// The classes.

/// A sentence said again a few paragraphs later with one word dropped,
/// put at the start, in the middle or at the end of a later paragraph.
fn near_duplicate_sentence(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    let doc = &article.doc;
    let candidates: Vec<usize> = article
        .prose_sentences()
        .into_iter()
        .filter(|&i| {
            let text = doc.slice(doc.sentences[i].span);
            word_ranges(text).len() >= 10 && text.ends_with('.')
        })
        .collect();
    let &first = random.pick(&candidates_or_none(&candidates)?);
    let paragraph = doc.sentences[first].paragraph;
    let later: Vec<usize> = article
        .prose()
        .into_iter()
        .filter(|&p| p > paragraph + 1 && p <= paragraph + 6)
        .collect();
    let &target = random.pick(&candidates_or_none(&later)?);
    let sentence = doc.slice(doc.sentences[first].span);
    let words = word_ranges(sentence);
    // Drop one word, not the first (the copy keeps its capital).
    let drop = 1 + random.below(words.len() - 1);
    let cut = words[drop].start..words.get(drop + 1).map_or(words[drop].end, |w| w.start);
    let repeat = replace(sentence, cut, "");
    let repeat = repeat.replace(" .", ".").replace(" ,", ",");
    // Where in the later paragraph: before one of its sentences, or after
    // the last.
    let sentences = doc.paragraphs[target].sentences.clone();
    let slot = random.below(sentences.len() + 1);
    let (at, text) = if slot == sentences.len() {
        (
            doc.paragraphs[target].span.end as usize,
            format!(" {repeat}"),
        )
    } else {
        (
            doc.sentences[sentences.start + slot].span.start as usize,
            format!("{repeat} "),
        )
    };
    let start = if slot == sentences.len() { at + 1 } else { at };
    Some(Plant {
        text: insert(article.text, at, &text),
        span: Span::new(start, start + repeat.len()),
        original: None,
    })
}

fn candidates_or_none<T: Clone>(items: &[T]) -> Option<Vec<T>> {
    (!items.is_empty()).then(|| items.to_vec())
}

/// A closing heading promising a list or a section that is not there.
fn trailing_heading(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    const HEADINGS: &[&str] = &[
        "Related Coverage:",
        "More on this story:",
        "Full Coverage:",
        "Related:",
        "Related Stories:",
        "More coverage:",
        "Previous coverage:",
        "Read more:",
        "See also:",
        "More from the newsroom:",
        "Related Links:",
        "Latest updates:",
        "Full story:",
        "Watch the video:",
        "Timeline of events:",
        "Background:",
    ];
    let heading = random.pick(HEADINGS);
    let text = article.text.trim_end();
    let start = text.len() + 2;
    Some(Plant {
        text: format!("{text}\n\n{heading}\n"),
        span: Span::new(start, start + heading.len()),
        original: None,
    })
}

/// What is left of an attribution after an edit: `..., police said. The
/// Associated Press in a statement.`, with any outlet.
fn outlet_fragment(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    const OUTLETS: &[&str] = &[
        "The Associated Press",
        "AP",
        "Reuters",
        "WKYC",
        "KTLA 5",
        "Fox 8",
        "WSB-TV",
        "NBC 4 New York",
        "The Denver Post",
        "The Chicago Tribune",
        "Channel 2 Action News",
        "News 4",
        "The Star Tribune",
        "WFAA",
        "ABC7",
        "The Oregonian",
        "KOMO News",
        "CBS Miami",
        "NewsChannel 5",
        "The Times-Picayune",
        "The Plain Dealer",
        "Eyewitness News",
    ];
    const TAILS: &[&str] = &[
        "in a statement",
        "in an email",
        "in a news release",
        "on Tuesday",
        "in an interview",
        "on Twitter",
        "in a written statement",
        "late Monday",
        "in a press release",
        "via Facebook",
    ];
    let doc = &article.doc;
    let prose = article.prose_sentences();
    let said: Vec<usize> = prose
        .iter()
        .copied()
        .filter(|&i| doc.slice(doc.sentences[i].span).ends_with(" said."))
        .collect();
    let fragment = format!("{} {}.", random.pick(OUTLETS), random.pick(TAILS));
    if !said.is_empty() && !random.chance(3) {
        let &i = random.pick(&said);
        let at = doc.sentences[i].span.end as usize;
        return Some(Plant {
            text: insert(article.text, at, &format!(" {fragment}")),
            span: Span::new(at + 1, at + 1 + fragment.len()),
            original: None,
        });
    }
    // No `said.` to hand: make one of a sentence of the reporter's own.
    let plain: Vec<usize> = prose
        .into_iter()
        .filter(|&i| {
            let span = doc.sentences[i].span;
            let text = doc.slice(span);
            text.ends_with('.')
                && !text.ends_with("..")
                && word_ranges(text).len() >= 6
                && !article.quoted(span.end as usize - 1)
        })
        .collect();
    let &i = random.pick(&candidates_or_none(&plain)?);
    let period = doc.sentences[i].span.end as usize - 1;
    let who = random.pick(&["police said", "officials said", "authorities said"]);
    let added = format!(", {who}. {fragment}");
    let start = period + who.len() + 4;
    Some(Plant {
        text: replace(article.text, period..period + 1, &added),
        span: Span::new(start, start + fragment.len()),
        original: None,
    })
}

/// The contexts a doubled small word or a stray space is planted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    SentenceStart,
    AfterPunctuation,
    BeforeQuote,
    ParagraphStart,
    ParagraphEnd,
    NextToNumber,
    InParentheses,
    Middle,
}

const CONTEXTS: &[Context] = &[
    Context::SentenceStart,
    Context::AfterPunctuation,
    Context::BeforeQuote,
    Context::ParagraphStart,
    Context::ParagraphEnd,
    Context::NextToNumber,
    Context::InParentheses,
    Context::Middle,
];

/// The context of the word at `word` in paragraph `paragraph`.
fn context_of(article: &Article<'_>, paragraph: usize, word: std::ops::Range<usize>) -> Context {
    let doc = &article.doc;
    let span = doc.paragraphs[paragraph].span;
    let text = article.text;
    let before = text[span.start as usize..word.start].trim_end_matches(' ');
    let after = text[word.end..span.end as usize].trim_start_matches(' ');
    let starts_sentence = doc.paragraphs[paragraph]
        .sentences
        .clone()
        .any(|s| doc.sentences[s].span.start as usize == word.start);
    let last_char = before.chars().next_back();
    let next_word = after.split(' ').next().unwrap_or("");
    let previous_word = before.rsplit(' ').next().unwrap_or("");
    if word.start == span.start as usize {
        Context::ParagraphStart
    } else if starts_sentence {
        Context::SentenceStart
    } else if last_char == Some('(') || after.starts_with(')') {
        Context::InParentheses
    } else if after.starts_with(['“', '"']) {
        Context::BeforeQuote
    } else if matches!(last_char, Some(',' | ';' | ':' | '—' | '”' | '"' | ')')) {
        Context::AfterPunctuation
    } else if next_word.starts_with(|c: char| c.is_ascii_digit())
        || previous_word.ends_with(|c: char| c.is_ascii_digit())
    {
        Context::NextToNumber
    } else if word.end == span.end as usize || after.starts_with(['.', ',']) && after.len() <= 2 {
        Context::ParagraphEnd
    } else {
        Context::Middle
    }
}

/// Verbs after which `in in` and `on on` are grammar (`sworn in in May`):
/// the rule allows them on purpose, so none is planted there.
const PARTICLE_VERBS: &[&str] = &[
    "sworn", "moved", "checked", "came", "come", "called", "turned", "broke", "logged", "signed",
    "filled", "stepped", "set", "go", "goes", "going", "went", "gone", "carried", "held", "passed",
];

/// A small word typed twice, in one of the [`Context`]s.
fn repeated_small_word(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    const SMALL: &[&str] = &[
        "to", "a", "in", "the", "of", "and", "at", "for", "on", "is", "it", "an", "by", "as", "or",
        "was", "with", "from",
    ];
    let doc = &article.doc;
    let mut found: Vec<(Context, usize, std::ops::Range<usize>)> = Vec::new();
    for p in article.prose() {
        let span = doc.paragraphs[p].span;
        let text = doc.slice(span);
        let words = word_ranges(text);
        for (k, w) in words.iter().enumerate() {
            let word = &text[w.clone()];
            if !SMALL.iter().any(|s| s.eq_ignore_ascii_case(word)) {
                continue;
            }
            let previous = k
                .checked_sub(1)
                .map(|j| text[words[j].clone()].to_lowercase());
            if previous
                .as_deref()
                .is_some_and(|p| PARTICLE_VERBS.contains(&p))
            {
                continue;
            }
            let at = span.start as usize + w.start..span.start as usize + w.end;
            found.push((context_of(article, p, at.clone()), p, at));
        }
    }
    let context = *random.pick(CONTEXTS);
    let mut choices: Vec<&(Context, usize, std::ops::Range<usize>)> =
        found.iter().filter(|(c, _, _)| *c == context).collect();
    if choices.is_empty() {
        choices = found.iter().collect();
    }
    let (_, _, word) = *random.pick(&candidates_or_none(&choices)?);
    let written = &article.text[word.clone()];
    let repeat = written.to_lowercase();
    Some(Plant {
        text: insert(article.text, word.end, &format!(" {repeat}")),
        span: Span::new(word.start, word.end + 1 + repeat.len()),
        original: None,
    })
}

/// Any lowercase word of the prose typed twice.
fn repeated_word(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    let doc = &article.doc;
    let mut found = Vec::new();
    for p in article.prose() {
        let span = doc.paragraphs[p].span;
        let text = doc.slice(span);
        for w in word_ranges(text) {
            let word = &text[w.clone()];
            if word.len() >= 4 && word.chars().all(|c| c.is_ascii_lowercase()) {
                found.push(span.start as usize + w.start..span.start as usize + w.end);
            }
        }
    }
    let word = random.pick(&candidates_or_none(&found)?).clone();
    let repeat = article.text[word.clone()].to_owned();
    Some(Plant {
        text: insert(article.text, word.end, &format!(" {repeat}")),
        span: Span::new(word.start, word.end + 1 + repeat.len()),
        original: None,
    })
}

/// The single spaces of the prose, by the context of the word after them.
fn spaces_by_context(article: &Article<'_>) -> Vec<(Context, usize)> {
    let doc = &article.doc;
    let mut found = Vec::new();
    for p in article.prose() {
        let span = doc.paragraphs[p].span;
        let text = doc.slice(span);
        let words = word_ranges(text);
        for (k, w) in words.iter().enumerate().skip(1) {
            // The space just before this word or before the mark opening
            // it (`(`, `“`), after a word or a mark closing one.
            let gap_end = text[..w.start]
                .rfind(' ')
                .filter(|&s| s >= words[k - 1].end)
                .filter(|&s| !text[s + 1..w.start].contains(' '));
            let Some(space) = gap_end else { continue };
            if space == 0 || text.as_bytes()[space - 1] == b' ' {
                continue;
            }
            let at = span.start as usize + w.start..span.start as usize + w.end;
            let mut context = context_of(article, p, at);
            // Spaces around the first and last word of a paragraph.
            if k == 1 {
                context = Context::ParagraphStart;
            } else if k + 1 == words.len() && context == Context::Middle {
                context = Context::ParagraphEnd;
            }
            if text[space + 1..w.start].starts_with(['“', '"']) {
                context = Context::BeforeQuote;
            } else if text[space + 1..w.start].starts_with('(') {
                context = Context::InParentheses;
            }
            found.push((context, span.start as usize + space));
        }
    }
    found
}

/// A non-breaking space next to a space, in one of the [`Context`]s.
fn nbsp_space(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    let found = spaces_by_context(article);
    let context = *random.pick(CONTEXTS);
    let mut choices: Vec<usize> = found
        .iter()
        .filter(|(c, _)| *c == context)
        .map(|&(_, at)| at)
        .collect();
    if choices.is_empty() {
        choices = found.iter().map(|&(_, at)| at).collect();
    }
    let &at = random.pick(&candidates_or_none(&choices)?);
    let gap = random.pick(&["\u{A0} ", " \u{A0}", "\u{A0}\u{A0}", " \u{A0} "]);
    Some(Plant {
        text: replace(article.text, at..at + 1, gap),
        span: Span::new(at, at + gap.len()),
        original: None,
    })
}

/// Two spaces between words.
fn double_space(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    let found: Vec<usize> = spaces_by_context(article)
        .into_iter()
        .filter(|&(_, at)| {
            let bytes = article.text.as_bytes();
            bytes[at - 1].is_ascii_alphanumeric() && bytes[at + 1].is_ascii_alphanumeric()
        })
        .map(|(_, at)| at)
        .collect();
    let &at = random.pick(&candidates_or_none(&found)?);
    Some(Plant {
        text: insert(article.text, at, " "),
        span: Span::new(at, at + 2),
        original: None,
    })
}

/// A production note left in the copy.
fn placeholder(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    const NOTES: &[&str] = &["TK", "TKTK", "[link]", "[TK]", "XX", "(more to follow)"];
    // `XX` after a capitalised word is a numeral (`Super Bowl XX`), which
    // the rule leaves alone: notes go after a lowercase word.
    let spaces: Vec<usize> = spaces_by_context(article)
        .into_iter()
        .filter(|&(c, at)| {
            c == Context::Middle && article.text.as_bytes()[at - 1].is_ascii_lowercase()
        })
        .map(|(_, at)| at)
        .collect();
    let &at = random.pick(&candidates_or_none(&spaces)?);
    let note = random.pick(NOTES);
    Some(Plant {
        text: insert(article.text, at, &format!(" {note}")),
        span: Span::new(at + 1, at + 1 + note.len()),
        original: None,
    })
}

/// A paragraph pasted again one to four paragraphs later.
fn duplicated_paragraph(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    let doc = &article.doc;
    // Not in the first three paragraphs: a paragraph repeated there is a
    // scraped teaser above its lede, which the rule leaves alone by design.
    let prose: Vec<usize> = article
        .prose()
        .into_iter()
        .filter(|&p| p >= 3 && word_ranges(doc.slice(doc.paragraphs[p].span)).len() >= 8)
        .collect();
    let &p = random.pick(&candidates_or_none(&prose)?);
    let target = (p + 1 + random.below(4)).min(doc.paragraphs.len() - 1);
    let copy = doc.slice(doc.paragraphs[p].span);
    let at = doc.paragraphs[target].span.end as usize;
    Some(Plant {
        text: insert(article.text, at, &format!("\n\n{copy}")),
        span: Span::new(at + 2, at + 2 + copy.len()),
        original: None,
    })
}

/// A quotation alone in its paragraph, between paragraphs that name no
/// speaker.
fn lone_quote(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    const QUOTES: &[&str] = &[
        "We are going to find whoever did this and bring them to justice.",
        "It was the worst night this street has ever seen.",
        "Nobody should have to bury a child like this.",
        "I heard three loud bangs and then everybody started running.",
        "This is a tight community and we will get through it together.",
        "There is no reason for anyone to carry a gun to a party.",
        "My brother was the kindest person you could ever meet.",
        "We have asked for more patrols on this block for years.",
    ];
    let doc = &article.doc;
    // A neighbour names a speaker when it has a quotation, ends in a
    // colon, or holds a verb of saying of the document model's list (or a
    // pronoun that may be the speaker): the rule reads all of these.
    let names_speaker = |p: usize| {
        let text = doc.slice(doc.paragraphs[p].span);
        text.ends_with(':')
            || text.contains(['“', '”', '"'])
            || factlint::document::words(text).any(|w| {
                let word = text[w.range()].to_lowercase();
                DEFAULT_VERBS.contains(&word.as_str())
                    || ["he", "she", "they", "according"].contains(&word.as_str())
            })
    };
    let slots: Vec<usize> = (2..doc.paragraphs.len())
        .filter(|&p| !names_speaker(p - 1) && !names_speaker(p))
        .collect();
    let &p = random.pick(&candidates_or_none(&slots)?);
    let quote = format!("“{}”", random.pick(QUOTES));
    let at = doc.paragraphs[p].span.start as usize;
    Some(Plant {
        text: insert(article.text, at, &format!("{quote}\n\n")),
        span: Span::new(at, at + quote.len()),
        original: None,
    })
}

/// A stray lowercase letter typed before a capitalised word at the start
/// of a sentence or a clause (`aArrests`). The fix must give the original
/// back when one is offered.
fn mid_word_capital(article: &Article<'_>, random: &mut Random) -> Option<Plant> {
    let doc = &article.doc;
    let mut found = Vec::new();
    for p in article.prose() {
        let span = doc.paragraphs[p].span;
        let text = doc.slice(span);
        for w in word_ranges(text) {
            let word = &text[w.clone()];
            let mut chars = word.chars();
            let capitalised = chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && word.len() >= 3
                && chars.all(|c| c.is_ascii_lowercase());
            let before = text[..w.start].trim_end_matches(' ');
            let clause_start = before.is_empty() || before.ends_with(['.', ',', ';', ':', '—']);
            if capitalised && clause_start {
                found.push(span.start as usize + w.start);
            }
        }
    }
    let &at = random.pick(&candidates_or_none(&found)?);
    let letter = (b'a' + random.below(26) as u8) as char;
    let end = at + article.text[at..].find(|c: char| !c.is_alphanumeric())?;
    Some(Plant {
        text: insert(article.text, at, &letter.to_string()),
        span: Span::new(at, end + 1),
        original: Some(article.text.to_owned()),
    })
}

const CLASSES: &[Class] = &[
    Class {
        name: "near-duplicate sentence",
        rule: "repeated-sentence",
        plant: near_duplicate_sentence,
    },
    Class {
        name: "closing promise heading",
        rule: "dangling-heading",
        plant: trailing_heading,
    },
    Class {
        name: "outlet fragment, any outlet",
        rule: "outlet-attribution-fragment",
        plant: outlet_fragment,
    },
    Class {
        name: "repeated small word",
        rule: "repeated-word",
        plant: repeated_small_word,
    },
    Class {
        name: "NBSP next to a space",
        rule: "stray-space",
        plant: nbsp_space,
    },
    Class {
        name: "quotation alone, no speaker",
        rule: "unattributed-quote",
        plant: lone_quote,
    },
    Class {
        name: "mid-word capital",
        rule: "mid-word-capital",
        plant: mid_word_capital,
    },
    Class {
        name: "double space",
        rule: "stray-space",
        plant: double_space,
    },
    Class {
        name: "placeholder",
        rule: "placeholder-text",
        plant: placeholder,
    },
    Class {
        name: "duplicated paragraph",
        rule: "duplicate-paragraph",
        plant: duplicated_paragraph,
    },
    Class {
        name: "repeated word",
        rule: "repeated-word",
        plant: repeated_word,
    },
];

// ---------------------------------------------------------------------
// The run.

/// The article text as the planting reads it: paragraphs (non-empty
/// lines) separated by one blank line.
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines.join("\n\n") + "\n"
}

/// `text` hard-wrapped at 72 columns by turning single spaces into line
/// breaks (so no byte moves), or `None` if some line stays over 120
/// characters (which would make every line a paragraph).
fn wrap(text: &str) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    let mut line_start = 0;
    let mut last_space: Option<usize> = None;
    let mut column = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_start = i + 1;
            last_space = None;
            column = 0;
        } else {
            let single = b == b' '
                && i > line_start
                && bytes[i - 1] != b' '
                && bytes.get(i + 1).is_some_and(|&n| n != b' ' && n != b'\n');
            if single {
                last_space = Some(i);
            }
            if b & 0xC0 != 0x80 {
                column += 1;
            }
            if column > 72 {
                if let Some(space) = last_space.take() {
                    bytes[space] = b'\n';
                    line_start = space + 1;
                    column = String::from_utf8_lossy(&bytes[line_start..=i])
                        .chars()
                        .count();
                }
            }
        }
        i += 1;
    }
    let wrapped = String::from_utf8(bytes).ok()?;
    wrapped
        .lines()
        .all(|l| l.chars().count() <= 120)
        .then_some(wrapped)
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gvc")
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map(|e| e.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

/// Per class: how many slips were planted, and how many found.
#[derive(Default, Clone)]
struct Tally {
    planted: usize,
    found: usize,
    /// Fixable classes: fixes offered, and fixes that gave the original.
    fixes: usize,
    right_fixes: usize,
    misses: Vec<String>,
}

fn rules(sources: &mut Sources) -> RuleSet {
    let mut files = builtin::rule_files();
    // `duplicate-paragraph` is in the opt-in pack `review`.
    files.push(RuleFile {
        name: "packs/review.toml".to_owned(),
        text: fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("packs/review.toml"))
            .expect("packs/review.toml is readable"),
    });
    let (rules, errors) = RuleSet::load(sources, files);
    assert!(errors.is_empty(), "{errors:?}");
    rules
}

/// Whether `finding` is of `rule` and points at `span` (or inside it).
fn points_at(finding: &Diagnostic, rule: &str, span: Span) -> bool {
    finding.code == rule
        && finding
            .primary
            .as_ref()
            .is_some_and(|l| l.span.start < span.end.max(span.start + 1) && span.start < l.span.end)
}

/// Runs every class over `stories` stories (all with `None`) and returns
/// the tallies in the order of [`CLASSES`].
fn run(stories: Option<usize>, seed: u64) -> Vec<Tally> {
    let mut random = Random(seed);
    let mut dirs = sorted_entries(&corpus_dir());
    dirs.retain(|d| d.is_dir());
    if let Some(n) = stories {
        // A partial Fisher-Yates shuffle, then corpus order.
        let n = n.min(dirs.len());
        for i in 0..n {
            let j = i + random.below(dirs.len() - i);
            dirs.swap(i, j);
        }
        dirs.truncate(n);
        dirs.sort();
    }
    let mut sources = Sources::new();
    let rules = rules(&mut sources);
    let mut tallies = vec![Tally::default(); CLASSES.len()];
    for dir in dirs {
        let files: Vec<PathBuf> = sorted_entries(&dir)
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "txt"))
            .collect();
        if files.is_empty() {
            continue;
        }
        let file = random.pick(&files).clone();
        let Ok(raw) = fs::read_to_string(&file) else {
            continue;
        };
        let text = normalise(&raw);
        let article = Article::new(&text);
        for (class, tally) in CLASSES.iter().zip(&mut tallies) {
            let Some(mut plant) = (class.plant)(&article, &mut random) else {
                continue;
            };
            // A third of the articles are hard-wrapped after planting.
            if random.chance(3) {
                if let Some(wrapped) = wrap(&plant.text) {
                    plant.text = wrapped;
                    if let Some(original) = &mut plant.original {
                        // The same spaces break in the original, but for
                        // the planted letter: wrap it the same way.
                        *original = unplant_wrapped(&plant.text, plant.span);
                    }
                }
            }
            let name = format!(
                "{}/{}",
                dir.file_name().unwrap_or_default().to_string_lossy(),
                file.file_name().unwrap_or_default().to_string_lossy()
            );
            let id = sources.add(SourceFile::new(name.clone(), plant.text.clone()));
            let findings = lint_document(&rules, &sources, id);
            tally.planted += 1;
            let hit = findings
                .iter()
                .find(|f| points_at(f, class.rule, plant.span));
            match hit {
                Some(finding) => {
                    tally.found += 1;
                    if let (Some(original), Some(fix)) = (&plant.original, &finding.fix) {
                        tally.fixes += 1;
                        let fixed = replace(&plant.text, fix.span.range(), &fix.replacement);
                        if &fixed == original {
                            tally.right_fixes += 1;
                        } else {
                            tally.misses.push(format!("{name}: wrong fix"));
                        }
                    }
                }
                None => {
                    let line = plant.text[..plant.span.start as usize]
                        .matches('\n')
                        .count()
                        + 1;
                    let mut miss = format!("{name}:{line}");
                    if std::env::var_os("RECALL_SHOW").is_some() {
                        // For reading misses at a terminal; never stored.
                        let planted = &plant.text[plant.span.range()];
                        let others: Vec<String> = findings
                            .iter()
                            .filter(|f| f.code == class.rule)
                            .map(|f| f.message.clone())
                            .collect();
                        miss.push_str(&format!(
                            "\n    planted: {planted:?}\n    found: {others:?}"
                        ));
                    }
                    tally.misses.push(miss);
                }
            }
        }
    }
    tallies
}

/// The planted text of a mid-word capital without its planted letter (the
/// first byte of `span`).
fn unplant_wrapped(text: &str, span: Span) -> String {
    replace(text, span.start as usize..span.start as usize + 1, "")
}

fn report(tallies: &[Tally]) -> String {
    let mut out = format!(
        "{:<30} {:<28} {:>7} {:>6} {:>7}\n",
        "class", "rule", "planted", "found", "recall"
    );
    for (class, tally) in CLASSES.iter().zip(tallies) {
        let recall = tally.found as f64 / tally.planted.max(1) as f64;
        out.push_str(&format!(
            "{:<30} {:<28} {:>7} {:>6} {:>6.1}%\n",
            class.name,
            class.rule,
            tally.planted,
            tally.found,
            100.0 * recall
        ));
        if tally.fixes > 0 || class.rule == "mid-word-capital" {
            out.push_str(&format!(
                "{:<30} fixes offered {} of {}, of which {} give the original back\n",
                "", tally.fixes, tally.found, tally.right_fixes
            ));
        }
    }
    out
}

#[test]
fn planted_slips_are_found() {
    if !corpus_dir().is_dir() {
        eprintln!(
            "note: {} not found; the recall harness reads real articles from it, skipped",
            corpus_dir().display()
        );
        return;
    }
    let stories = match std::env::var("RECALL_STORIES").as_deref() {
        Ok("all") => None,
        Ok(n) => Some(n.parse().expect("RECALL_STORIES is a number or `all`")),
        Err(_) => Some(DEFAULT_STORIES),
    };
    let seed = std::env::var("RECALL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_204);
    let tallies = run(stories, seed);
    println!("{}", report(&tallies));
    if std::env::var_os("RECALL_MISSES").is_some() {
        for (class, tally) in CLASSES.iter().zip(&tallies) {
            for miss in &tally.misses {
                println!("missed {}: {miss}", class.name);
            }
        }
    }
    let short: Vec<String> = CLASSES
        .iter()
        .zip(&tallies)
        .filter(|(_, t)| {
            t.planted >= MIN_PLANTS && (t.found as f64) < TARGET * t.planted as f64
                || t.right_fixes < t.fixes
        })
        .map(|(c, t)| format!("{}: {} of {}", c.name, t.found, t.planted))
        .collect();
    assert!(
        short.is_empty(),
        "below {:.0}% recall (or a wrong fix): {short:?}",
        TARGET * 100.0
    );
}
