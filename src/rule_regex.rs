//! Rule regexes, compiled so that they stay fast on real copy and cheap to
//! start.
//!
//! The regex crate's fast engines (the lazy DFA) handle a Unicode word
//! boundary `\b` only on ASCII text; on anything else the search falls back
//! to much slower engines. News copy is rarely pure ASCII (curly quotes,
//! dashes, no-break spaces), so a rule with `\b` would run slowly on almost
//! every line. Yet a Unicode `\b` and an ASCII `\b` agree wherever the text
//! has no non-ASCII *word* character: a curly quote is not a word character
//! either way. So a rule regex with Unicode word boundaries also has a form
//! with ASCII boundaries, for text without non-ASCII letters, digits or
//! marks.
//!
//! Compiling Unicode classes (`\w`, `\s`, `\p{Lu}`, `[^)]`, and the case
//! folding of `(?i)`) is most of factlint's start-up, in every script the
//! classes span. Yet the text of news copy is almost all ASCII, with
//! Latin-1 (no-break spaces, `©`, `é`) and General Punctuation (curly
//! quotes, dashes, `…`): over 99% of the non-ASCII characters of 2,000
//! scraped articles. To those the near-ASCII blocks add Specials, for the
//! replacement character `�` that reading a file with invalid UTF-8 puts
//! in its text. On text whose characters all lie in those blocks, a
//! class finds exactly what its part in those blocks finds. So a regex
//! known to compile ([`RuleRegex::prechecked`]) has a *near-ASCII* form,
//! with each class cut down to those blocks and ASCII word boundaries,
//! built from the pattern's parse; this is several times cheaper to
//! compile, and serves nearly every text. Every form is compiled when
//! first needed: most rule regexes are asked only of the few units that a
//! cheaper test lets through, and a short file needs few of them.
//!
//! The forms, by the text searched; each finds the same matches, positions
//! and groups on the texts it is used for:
//! - the near-ASCII form: text with no character outside ASCII, Latin-1,
//!   General Punctuation and Specials, and (if the pattern has Unicode word
//!   boundaries) no non-ASCII word character;
//! - the pattern with ASCII word boundaries: other text with no non-ASCII
//!   word character;
//! - the pattern as written: any other text.
//!
//! The regexes are those of the regex crate (its `meta` engine, with the
//! configuration `regex::Regex` uses), built from a parse so that the
//! near-ASCII form needs no pattern text of its own.

use std::sync::OnceLock;

use regex_automata::meta;
use regex_automata::util::captures::Captures as Groups;
use regex_automata::{Anchored, Input, MatchKind, PatternID};
use regex_syntax::hir::{self, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// A compiled rule regex; see the module docs.
#[derive(Clone, Debug)]
pub struct RuleRegex {
    /// The near-ASCII form: made by [`RuleRegex::prechecked`], never by
    /// [`RuleRegex::new`].
    near_ascii: Option<Box<NearAscii>>,
    /// What the pattern has that the near-ASCII form changes.
    unicode: Unicode,
    /// The pattern with ASCII word boundaries, when it has Unicode ones.
    ascii_boundaries: Option<Deferred>,
    /// The pattern as written.
    regex: Deferred,
    /// The pattern's parse, from which each form is built when first
    /// needed.
    parsed: Hir,
    /// The names of the capture groups, by index (`None` for the whole
    /// match and for a group without a name).
    names: Vec<Option<Box<str>>>,
}

/// The near-ASCII form of a pattern known to compile, built from its parse
/// when first needed: a rule's regex is often never asked (most units are
/// cleared by a shared search, most figures turned away by an affix), and
/// building every one at load was most of start-up.
#[derive(Clone, Debug)]
struct NearAscii {
    size_limit: usize,
    /// `None` when it failed to compile; the other forms then serve its
    /// texts.
    regex: OnceLock<Option<meta::Regex>>,
}

impl NearAscii {
    /// The form, built from `parsed` (the pattern's parse) if not yet.
    fn get(&self, parsed: &Hir) -> Option<&meta::Regex> {
        self.regex
            .get_or_init(|| {
                let near = cut(parsed.clone(), true);
                build(&near, self.size_limit).ok()
            })
            .as_ref()
    }
}

/// What a pattern has that depends on Unicode.
#[derive(Clone, Copy, Debug, Default)]
struct Unicode {
    /// A class (or a case-insensitive letter) with members outside the
    /// near-ASCII blocks.
    classes: bool,
    /// A Unicode word boundary (`\b`, `\B`, `\b{start}`, ...).
    boundaries: bool,
}

/// Which form of the pattern a [`Deferred`] compiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    AsWritten,
    AsciiBoundaries,
}

/// A form of the pattern, compiled when first needed unless it was
/// compiled at once.
#[derive(Clone, Debug)]
struct Deferred {
    form: Form,
    size_limit: usize,
    regex: OnceLock<meta::Regex>,
}

impl Deferred {
    fn new(form: Form, size_limit: usize) -> Self {
        Deferred {
            form,
            size_limit,
            regex: OnceLock::new(),
        }
    }

    fn build(&self, parsed: Hir, size_limit: usize) -> Result<meta::Regex, regex::Error> {
        let hir = match self.form {
            Form::AsWritten => parsed,
            Form::AsciiBoundaries => cut(parsed, false),
        };
        build(&hir, size_limit)
    }

    /// Compiles the form now from `parsed` (the pattern's parse),
    /// reporting its error.
    fn compile_now(&self, parsed: Hir) -> Result<(), regex::Error> {
        let regex = self.build(parsed, self.size_limit)?;
        let _ = self.regex.set(regex);
        Ok(())
    }

    /// The compiled form, built from `parsed` (the pattern's parse) if not
    /// yet. Compiled after load time, it gets twice the
    /// limit, so that a pattern that passed the load-time check in one
    /// form cannot fail here for being a little larger in another; the
    /// tests compile every shipped pattern in every form within the limit
    /// itself. Should it fail all the same, it is compiled without a limit
    /// rather than replaced by another form, whose matches would differ on
    /// the very texts it is for.
    fn get(&self, parsed: &Hir) -> &meta::Regex {
        self.regex.get_or_init(|| {
            self.build(parsed.clone(), self.size_limit.saturating_mul(2))
                .or_else(|error| {
                    debug_assert!(false, "a {:?} form over its limit: {error}", self.form);
                    self.build(parsed.clone(), usize::MAX)
                })
                .unwrap_or_else(|_| nothing())
        })
    }
}

/// Parses `pattern` as the regex crate does.
fn parse(pattern: &str) -> Result<Hir, regex::Error> {
    regex_automata::util::syntax::parse(pattern)
        .map_err(|error| regex::Error::Syntax(error.to_string()))
}

/// The configuration `regex::RegexBuilder` gives the regex crate's engine
/// for a pattern on `&str`, with an NFA size limit.
fn meta_config(size_limit: usize) -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(size_limit))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
}

/// Compiles `hir` as `regex::RegexBuilder` does, with an NFA size limit.
fn build(hir: &Hir, size_limit: usize) -> Result<meta::Regex, regex::Error> {
    meta::Builder::new()
        .configure(meta_config(size_limit))
        .build_from_hir(hir)
        .map_err(|error| match error.size_limit() {
            Some(limit) => regex::Error::CompiledTooBig(limit),
            None => regex::Error::Syntax(error.to_string()),
        })
}

/// A regex that matches nothing, for a form that failed to compile after
/// load time.
fn nothing() -> meta::Regex {
    build(&Hir::fail(), usize::MAX).expect("the empty class compiles")
}

impl RuleRegex {
    /// Compiles `pattern` with a compiled-size limit, reporting any error
    /// now, as the regex crate would: a syntax error, or a pattern over
    /// the limit.
    pub fn new(pattern: &str, size_limit: usize) -> Result<Self, regex::Error> {
        Self::compile(pattern, size_limit, false)
    }

    /// Like [`RuleRegex::new`], for a pattern known to compile within
    /// `size_limit`: a constant of factlint, or a rule of a file that ships
    /// with it, all of which the tests compile. Only a syntax error is
    /// reported now; each form is compiled when first needed (see the
    /// module docs). Should one fail to compile after all, the near-ASCII
    /// form gives way to the others, and they are compiled without a limit.
    pub(crate) fn prechecked(pattern: &str, size_limit: usize) -> Result<Self, regex::Error> {
        Self::compile(pattern, size_limit, true)
    }

    fn compile(pattern: &str, size_limit: usize, prechecked: bool) -> Result<Self, regex::Error> {
        Self::compile_parsed(parse(pattern)?, size_limit, prechecked)
    }

    /// [`RuleRegex::compile`] with the pattern's parse at hand.
    fn compile_parsed(
        parsed: Hir,
        size_limit: usize,
        prechecked: bool,
    ) -> Result<Self, regex::Error> {
        let unicode = Unicode {
            classes: prechecked && has_classes_outside_near_ascii(&parsed),
            boundaries: parsed.properties().look_set().contains_word_unicode(),
        };
        let names = capture_names_of(&parsed);
        let regex = Deferred::new(Form::AsWritten, size_limit);
        let ascii_boundaries = unicode
            .boundaries
            .then(|| Deferred::new(Form::AsciiBoundaries, size_limit));
        let near_ascii = if prechecked {
            Some(Box::new(NearAscii {
                size_limit,
                regex: OnceLock::new(),
            }))
        } else {
            match &ascii_boundaries {
                // It fails exactly when the pattern as written does (the
                // two differ only in the kind of word boundary), so its
                // error stands for the pattern's.
                Some(ascii) => {
                    if ascii.compile_now(parsed.clone()).is_err() {
                        regex.compile_now(parsed.clone())?;
                    }
                }
                None => regex.compile_now(parsed.clone())?,
            }
            None
        };
        Ok(RuleRegex {
            near_ascii,
            unicode,
            ascii_boundaries,
            regex,
            parsed,
            names,
        })
    }

    /// The near-ASCII form, if it is the form for a text with
    /// `characters` (see [`RuleRegex::for_text`]): for a quick test that
    /// can be skipped rather than compile another form.
    pub(crate) fn near_ascii_for(&self, characters: Characters) -> Option<TextRegex<'_>> {
        let near = self.near_ascii.as_ref()?;
        ((!self.unicode.classes || !characters.outside_near)
            && (!self.unicode.boundaries || !characters.word))
            .then(|| near.get(&self.parsed).map(TextRegex))
            .flatten()
    }

    /// Builds the near-ASCII form now, if there is one and it is not built
    /// yet: for patterns that nearly every text is searched with, built
    /// ahead of the first text on a thread that would otherwise wait.
    pub(crate) fn prepare(&self) {
        if let Some(near) = &self.near_ascii {
            near.get(&self.parsed);
        }
    }

    /// The form to search `text` with (see the module docs). Matches,
    /// positions and groups are the same whichever it is.
    pub fn for_text(&self, text: &str) -> TextRegex<'_> {
        self.for_characters(Characters::of(text))
    }

    /// The form to search a text with `characters` with, or any part of
    /// that text: as [`RuleRegex::for_text`], with the text's characters
    /// told once for all the regexes that search it.
    pub fn for_characters(&self, characters: Characters) -> TextRegex<'_> {
        if let Some(near) = self.near_ascii_for(characters) {
            return near;
        }
        match &self.ascii_boundaries {
            Some(ascii) if !characters.word => TextRegex(ascii.get(&self.parsed)),
            _ => TextRegex(self.regex.get(&self.parsed)),
        }
    }

    /// Compiles every form of the pattern (the near-ASCII form, the
    /// pattern with ASCII boundaries, the pattern as written) with the size
    /// limit it was created with: for the tests of patterns created with
    /// [`RuleRegex::prechecked`].
    #[cfg(test)]
    pub(crate) fn check_every_form(&self) -> Result<(), regex::Error> {
        build(&cut(self.parsed.clone(), true), self.regex.size_limit)?;
        for form in self.ascii_boundaries.iter().chain([&self.regex]) {
            form.build(self.parsed.clone(), form.size_limit)?;
        }
        Ok(())
    }

    /// Whether the regex matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_match(text)
    }

    /// The first match in `text`.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.for_text(text).find(text)
    }

    /// Every match in `text`, in order, not overlapping.
    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 'r
    where
        't: 'r,
    {
        self.for_text(text).find_iter(text)
    }

    /// The groups of the first match in `text`.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.for_text(text).captures_at(text, 0)
    }

    /// A regex that matches where any of `regexes` matches: their
    /// alternation, without their capture groups. Built like each of them
    /// ([`RuleRegex::prechecked`] when all were), within `size_limit`;
    /// `None` if it is over the limit.
    pub(crate) fn any_of(regexes: &[&RuleRegex], size_limit: usize) -> Option<RuleRegex> {
        // From the parses at hand: the patterns are not parsed again.
        let any = match regexes {
            [regex] => regex.parsed.clone(),
            _ => Hir::alternation(
                regexes
                    .iter()
                    .map(|regex| without_captures(regex.parsed.clone()))
                    .collect(),
            ),
        };
        // Built from shipped patterns only, it is checked in every form by
        // the tests of the shipped rules.
        let prechecked = regexes.iter().all(|regex| regex.near_ascii.is_some());
        RuleRegex::compile_parsed(any, size_limit, prechecked).ok()
    }

    /// Whether the regex was made with [`RuleRegex::prechecked`] (and so
    /// has a near-ASCII form).
    pub(crate) fn is_prechecked(&self) -> bool {
        self.near_ascii.is_some()
    }

    /// The names of the capture groups, in order (`None` for the whole
    /// match and for a group without a name), the same in every form.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.names.iter().map(Option::as_deref)
    }
}

/// What a text holds that decides which form of a [`RuleRegex`] searches
/// it. A part of the text holds no more, so the form chosen for a text
/// serves every part of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Characters {
    /// A character outside the near-ASCII blocks.
    outside_near: bool,
    /// A non-ASCII character that a Unicode `\b` counts as part of a word.
    word: bool,
}

impl Characters {
    /// What `text` holds.
    pub fn of(text: &str) -> Characters {
        let (outside_near, word) = if text.is_ascii() {
            (false, false)
        } else {
            non_ascii_kinds(text)
        };
        Characters { outside_near, word }
    }
}

/// Whether `text` has characters outside the blocks of the near-ASCII form
/// (ASCII, Latin-1, General Punctuation, Specials), and whether it has non-ASCII
/// characters that a Unicode `\b` counts as part of a word.
fn non_ascii_kinds(text: &str) -> (bool, bool) {
    // Asked of every text a rule regex searches: the ASCII runs are
    // skipped eight bytes at a time, and the punctuation that makes most
    // copy non-ASCII (curly quotes, dashes, an ellipsis, a no-break space)
    // is told apart without the Unicode tables.
    let (mut outside, mut word) = (false, false);
    let mut at = 0;
    while let Some(start) = next_non_ascii(text.as_bytes(), at) {
        let Some(c) = text[start..].chars().next() else {
            break;
        };
        at = start + c.len_utf8();
        if is_common_punctuation(c) {
            continue;
        }
        outside |= !is_near_ascii(c);
        word |= regex_syntax::is_word_character(c);
        if outside && word {
            break;
        }
    }
    (outside, word)
}

/// The offset of the first byte at or after `from` that is not ASCII,
/// eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut at = from;
    for chunk in rest.chunks_exact(8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & HIGH_BITS != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|offset| at + offset)
}

/// The no-break space and the General Punctuation characters from the
/// hyphen to the ellipsis (U+2010..=U+2027): all within the near-ASCII
/// blocks, and none a word character.
fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{2010}'..='\u{2027}')
}

/// The blocks the near-ASCII form keeps of each class: ASCII and
/// Latin-1, General Punctuation, and Specials (no word character in it).
const NEAR_ASCII: [(char, char); 3] = [
    ('\0', '\u{FF}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{FFF0}', '\u{FFFF}'),
];

fn is_near_ascii(c: char) -> bool {
    NEAR_ASCII
        .iter()
        .any(|&(first, last)| (first..=last).contains(&c))
}

fn near_ascii() -> ClassUnicode {
    ClassUnicode::new(
        NEAR_ASCII
            .iter()
            .map(|&(first, last)| ClassUnicodeRange::new(first, last)),
    )
}

/// Whether `class` lies within the blocks of [`NEAR_ASCII`].
fn is_within_near_ascii(class: &ClassUnicode) -> bool {
    class.ranges().iter().all(|range| {
        NEAR_ASCII
            .iter()
            .any(|&(first, last)| first <= range.start() && range.end() <= last)
    })
}

/// Whether `hir` has a class (or a case-insensitive letter) with members
/// outside the near-ASCII blocks: what [`cut`] records as
/// [`Unicode::classes`], told without cutting.
fn has_classes_outside_near_ascii(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => !is_within_near_ascii(class),
        HirKind::Repetition(hir::Repetition { sub, .. })
        | HirKind::Capture(hir::Capture { sub, .. }) => has_classes_outside_near_ascii(sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().any(has_classes_outside_near_ascii)
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => false,
    }
}

/// The names of `hir`'s capture groups by index, as the regex crate
/// reports them: index 0, the whole match, has none.
fn capture_names_of(hir: &Hir) -> Vec<Option<Box<str>>> {
    fn visit(hir: &Hir, names: &mut Vec<Option<Box<str>>>) {
        match hir.kind() {
            HirKind::Capture(capture) => {
                let index = capture.index as usize;
                if names.len() <= index {
                    names.resize(index + 1, None);
                }
                names[index] = capture.name.clone();
                visit(&capture.sub, names);
            }
            HirKind::Repetition(hir::Repetition { sub, .. }) => visit(sub, names),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                subs.iter().for_each(|sub| visit(sub, names));
            }
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
        }
    }
    let mut names = vec![None];
    visit(hir, &mut names);
    names
}

/// `hir` with every capture group replaced by what it holds.
fn without_captures(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Capture(capture) => without_captures(*capture.sub),
        HirKind::Repetition(repetition) => Hir::repetition(hir::Repetition {
            sub: Box::new(without_captures(*repetition.sub)),
            ..repetition
        }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(without_captures).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(without_captures).collect())
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
    }
}

/// Whether [`cut`] would change `hir`.
fn needs_cut(hir: &Hir, cut_classes: bool) -> bool {
    hir.properties().look_set().contains_word_unicode()
        || (cut_classes && has_classes_outside_near_ascii(hir))
}

/// `hir` with every word boundary made ASCII and, if `cut_classes`, every
/// class cut down to the blocks of [`NEAR_ASCII`].
fn cut(hir: Hir, cut_classes: bool) -> Hir {
    // Most of a pattern is words: only what needs changing is rebuilt.
    if !needs_cut(&hir, cut_classes) {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(hir::Literal(bytes)) => Hir::literal(bytes),
        HirKind::Class(Class::Unicode(mut class)) => {
            if cut_classes && !is_within_near_ascii(&class) {
                class.intersect(&near_ascii());
            }
            Hir::class(Class::Unicode(class))
        }
        // A class of bytes in a pattern for text is all ASCII.
        HirKind::Class(class @ Class::Bytes(_)) => Hir::class(class),
        HirKind::Look(look) => {
            let ascii = match look {
                Look::WordUnicode => Look::WordAscii,
                Look::WordUnicodeNegate => Look::WordAsciiNegate,
                Look::WordStartUnicode => Look::WordStartAscii,
                Look::WordEndUnicode => Look::WordEndAscii,
                Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
                Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
                other => other,
            };
            Hir::look(ascii)
        }
        HirKind::Repetition(repetition) => Hir::repetition(hir::Repetition {
            sub: Box::new(cut(*repetition.sub, cut_classes)),
            ..repetition
        }),
        HirKind::Capture(capture) => Hir::capture(hir::Capture {
            sub: Box::new(cut(*capture.sub, cut_classes)),
            ..capture
        }),
        HirKind::Concat(subs) => {
            Hir::concat(subs.into_iter().map(|h| cut(h, cut_classes)).collect())
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(|h| cut(h, cut_classes)).collect())
        }
    }
}

/// The form of a [`RuleRegex`] chosen for one text by
/// [`RuleRegex::for_text`]: search that text (or a part of it) with it.
/// The methods are those of `regex::Regex`, with the same results.
#[derive(Clone, Copy, Debug)]
pub struct TextRegex<'r>(&'r meta::Regex);

impl<'r> TextRegex<'r> {
    /// Whether the regex matches somewhere in `text`.
    pub fn is_match(self, text: &str) -> bool {
        self.0.is_match(Input::new(text).earliest(true))
    }

    /// The first match in `text`.
    pub fn find<'t>(self, text: &'t str) -> Option<Match<'t>> {
        self.0.find(text).map(|m| Match::new(text, m.range()))
    }

    /// Every match in `text`, in order, not overlapping.
    pub fn find_iter<'t>(self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 'r
    where
        't: 'r,
    {
        self.0
            .find_iter(text)
            .map(move |m| Match::new(text, m.range()))
    }

    /// The groups of the first match starting at or after byte `at` of
    /// `text`; look-around (`\b`, `^`) still sees the text before `at`.
    ///
    /// # Panics
    /// If `at` is greater than `text.len()`, as `regex::Regex::captures_at`.
    pub fn captures_at<'t>(self, text: &'t str, at: usize) -> Option<Captures<'t>> {
        self.captures_of(text, Input::new(text).span(at..text.len()))
    }

    /// The groups of the match that starts at byte `at` of `text`, if one
    /// does: the match `captures_at` finds when it starts at `at`, found
    /// without searching past it.
    pub fn captures_anchored_at<'t>(self, text: &'t str, at: usize) -> Option<Captures<'t>> {
        let input = Input::new(text)
            .span(at..text.len())
            .anchored(Anchored::Yes);
        self.captures_of(text, input)
    }

    /// The groups of the match `input` (a search of `text`) finds.
    fn captures_of<'t>(self, text: &'t str, input: Input<'_>) -> Option<Captures<'t>> {
        // Most searches find nothing: they are answered without the
        // allocation the groups need.
        if !self.0.is_match(input.clone().earliest(true)) {
            return None;
        }
        let mut groups = self.0.create_captures();
        self.0.search_captures(&input, &mut groups);
        groups.is_match().then_some(Captures { text, groups })
    }

    /// The groups of every match in `text`, in order, not overlapping.
    pub fn captures_iter<'t>(self, text: &'t str) -> impl Iterator<Item = Captures<'t>> + 'r
    where
        't: 'r,
    {
        self.0
            .captures_iter(text)
            .map(move |groups| Captures { text, groups })
    }

    /// The names of the capture groups, in order (`None` for a group
    /// without a name).
    pub fn capture_names(self) -> impl Iterator<Item = Option<&'r str>> {
        self.0.group_info().pattern_names(PatternID::ZERO)
    }
}

/// A match in a text: its span and the text matched, as `regex::Match`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    fn new(text: &'t str, range: std::ops::Range<usize>) -> Self {
        Match {
            text,
            start: range.start,
            end: range.end,
        }
    }

    /// The byte offset of the match's start in the text.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte offset just past the match's end in the text.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The match's byte range in the text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The text matched.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.range()]
    }
}

/// The capture groups of one match, as `regex::Captures`.
#[derive(Clone, Debug)]
pub struct Captures<'t> {
    text: &'t str,
    groups: Groups,
}

impl<'t> Captures<'t> {
    /// Group `index` (0 is the whole match), if it took part in the match.
    pub fn get(&self, index: usize) -> Option<Match<'t>> {
        self.groups
            .get_group(index)
            .map(|span| Match::new(self.text, span.range()))
    }

    /// The group called `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'t>> {
        self.groups
            .get_group_by_name(name)
            .map(|span| Match::new(self.text, span.range()))
    }

    /// Appends `replacement` to `dst` with `$name`, `${name}` and `$1`
    /// replaced by the groups, as `regex::Captures::expand`.
    pub fn expand(&self, replacement: &str, dst: &mut String) {
        self.groups
            .interpolate_string_into(self.text, replacement, dst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every group of every match of `regex` in `text`, as the regex crate
    /// finds them.
    fn expected(pattern: &str, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let regex = regex::Regex::new(pattern).unwrap();
        regex
            .captures_iter(text)
            .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    fn found(regex: &RuleRegex, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let count = regex.capture_names().count();
        regex
            .for_text(text)
            .captures_iter(text)
            .map(|c| {
                (0..count)
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect()
    }

    const PATTERNS: &[&str] = &[
        r"\b[a-z]+[A-Z][a-z]+\b",
        r"(?i)\bkill(?:ed|s)\ (?:\w+\ ){1,2}people\b",
        r"^[A-Z](?P<gap>[\w.' -]*?):?\s*\(?\d{3}\)?[\s.-]?\d{3}-\d{4}\s*$",
        r"(?P<before>\w)(?P<span> {2,}|[ \x{A0}\x{202F}]*[\x{A0}\x{202F}][ \x{A0}\x{202F}]*)(?P<after>\w)",
        r"[.?!”]\s*—\s*\p{Lu}[\w.'’-]+(?:\ \p{Lu}[\w.'’-]+){0,3}$",
        r"(?i)^(?:the )?(?:reuters|(?P<name>[\w .-]+?) wire)\.?$",
        r"(?xi)^[\W\x{200B}]*(?:updated?s?|editor['’]?s\ note)\b\s*(?:[:(@,\-—–\[]|\d|$)",
        r"\b\p{Ll}{2,}- \p{Ll}{2,}\b",
        r"[^()\n]{1,20}\(@\w+\)",
        r"(?i)straße|ſ|\bK\b",
        r"\B-\B|\b{start}\w+\b{end}",
        r"plain (?:ascii|text)",
    ];

    const TEXTS: &[&str] = &[
        "In July, aArrests rose: Jane Doe wire. (555) 123-4567",
        "Jane Doe: (555) 123-4567",
        "He said “aArrests” rose — Jane Doe. pre- tty and real- ly",
        "José said aArrests; café aArrests — Łukasz Nowak",
        "killed two PEOPLE and Killed many\u{a0}people",
        "Updated: the council\u{a0} met.  Twice\u{202F}over — Smith wire",
        "Straße STRASSE ſ \u{212A} K k — ™ € ► plain text",
        "—Jane Doe’s ‘quote’ — Ann Lee",
        "x - y, x-y, a\u{200B}b — (@handle) March",
        "",
    ];

    #[test]
    fn every_form_finds_what_the_regex_crate_finds() {
        for pattern in PATTERNS {
            for regex in [
                RuleRegex::new(pattern, 1 << 20).unwrap(),
                RuleRegex::prechecked(pattern, 1 << 20).unwrap(),
            ] {
                let names: Vec<_> = regex.capture_names().collect();
                let whole = regex::Regex::new(pattern).unwrap();
                let crate_names: Vec<_> = whole.capture_names().collect();
                assert_eq!(names, crate_names, "{pattern}");
                for text in TEXTS {
                    assert_eq!(
                        found(&regex, text),
                        expected(pattern, text),
                        "{pattern} on {text}"
                    );
                    assert_eq!(regex.is_match(text), whole.is_match(text));
                    assert_eq!(
                        regex.find(text).map(|m| m.range()),
                        whole.find(text).map(|m| m.range())
                    );
                    for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                        assert_eq!(
                            regex
                                .for_text(text)
                                .captures_at(text, at)
                                .and_then(|c| c.get(0))
                                .map(|m| m.range()),
                            whole
                                .captures_at(text, at)
                                .and_then(|c| c.get(0))
                                .map(|m| m.range()),
                            "{pattern} on {text} at {at}"
                        );
                    }
                }
            }
        }
    }

    /// Random texts over characters of every kind a form is chosen by:
    /// ASCII, Latin-1 letters that case-fold out of their block (`ÿ`, `µ`,
    /// `å`), General Punctuation (curly quotes, dashes, the zero-width
    /// joiners, which are word characters), and characters outside the
    /// near-ASCII blocks (the Kelvin sign, a long s, Greek, Cyrillic, an
    /// Arabic-Indic digit, an ideographic space), and the replacement
    /// character of a lossy read. A fixed seed: the same
    /// texts every run.
    fn random_texts(count: usize) -> Vec<String> {
        const CHARS: &[char] = &[
            'a', 'k', 's', 'x', 'K', 'S', 'T', 'Z', '0', '7', ' ', ' ', ' ', '.', ',', '-', '(',
            ')', '@', '_', '\'', '"', '\n', '\r', 'é', 'É', 'ÿ', 'µ', 'å', 'ß', '\u{a0}', '©', '’',
            '“', '”', '—', '–', '…', '\u{200c}', '\u{200d}', '\u{2060}', '\u{212a}', 'ſ', 'ω', 'Ω',
            'ж', '٣', '\u{3000}', '™', '☺', '\u{FFFD}',
        ];
        let mut random = crate::test_random::Random(0x9E37_79B9_7F4A_7C15);
        (0..count)
            .map(|_| {
                let length = random.below(24);
                (0..length)
                    .map(|_| CHARS[random.below(CHARS.len())])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_form_agrees_with_the_regex_crate_on_random_text() {
        let patterns = PATTERNS.iter().copied().chain([
            r"(?P<g>\p{Greek})|x",
            r".",
            r"(?s).+",
            r"(?Rm)^.$",
            r"(?i)ÿ|µ|å|k|s",
            r"\d+|\W+|[^)]+",
            r"\b\w+\b|\B\W\B",
            r"(?i)\bk\w*",
        ]);
        let texts = random_texts(400);
        for pattern in patterns {
            let regex = RuleRegex::prechecked(pattern, 1 << 20).unwrap();
            let whole = regex::Regex::new(pattern).unwrap();
            for text in &texts {
                assert_eq!(
                    found(&regex, text),
                    expected(pattern, text),
                    "{pattern} on {text:?}"
                );
                assert_eq!(regex.is_match(text), whole.is_match(text));
            }
        }
    }

    #[test]
    fn common_punctuation_is_near_ascii_and_not_a_word_character() {
        for c in ('\u{2010}'..='\u{2027}').chain(['\u{A0}']) {
            assert!(is_common_punctuation(c));
            assert!(is_near_ascii(c), "{c:?}");
            assert!(!regex_syntax::is_word_character(c), "{c:?}");
        }
        assert_eq!(non_ascii_kinds("“Café,” she said — twice…"), (false, true));
        assert_eq!(
            non_ascii_kinds("“Cafe,” she said\u{A0}— twice…"),
            (false, false)
        );
        assert_eq!(non_ascii_kinds("Киев — “Kyiv”"), (true, true));
        assert_eq!(non_ascii_kinds("ends with ☺"), (true, false));
        // The replacement character of a lossy read is near-ASCII.
        assert_eq!(non_ascii_kinds("lost \u{FFFD} byte"), (false, false));
        assert_eq!(non_ascii_kinds("plain"), (false, false));
    }

    #[test]
    fn an_anchored_search_finds_the_match_that_starts_there() {
        let groups = |c: Option<Captures<'_>>| {
            c.map(|c| {
                (0..c.groups.group_len())
                    .map(|i| c.get(i).map(|m| m.range()))
                    .collect::<Vec<_>>()
            })
        };
        let mut anchored_matches = 0;
        for pattern in PATTERNS {
            let regex = RuleRegex::prechecked(pattern, 1 << 20).unwrap();
            for text in TEXTS {
                let form = regex.for_text(text);
                for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let unanchored = form
                        .captures_at(text, at)
                        .filter(|c| c.get(0).is_some_and(|m| m.start() == at));
                    let anchored = form.captures_anchored_at(text, at);
                    anchored_matches += usize::from(anchored.is_some());
                    assert_eq!(
                        groups(anchored),
                        groups(unanchored),
                        "{pattern} at {at} of {text:?}"
                    );
                }
            }
        }
        assert!(anchored_matches > 20);
    }

    #[test]
    fn forms_are_chosen_by_the_text() {
        let regex = RuleRegex::prechecked(r"\b\w+\b", 1 << 20).unwrap();
        let near_ascii = regex.near_ascii.as_ref().unwrap();
        assert!(
            near_ascii.regex.get().is_none(),
            "built before it was asked"
        );
        let near = near_ascii.get(&regex.parsed).unwrap();
        for text in ["plain", "“curly” — dash\u{a0}space"] {
            assert!(std::ptr::eq(regex.for_text(text).0, near), "{text}");
        }
        // A word character outside ASCII needs Unicode boundaries.
        assert!(std::ptr::eq(
            regex.for_text("café").0,
            regex.regex.get(&regex.parsed)
        ));
        // A character outside the near-ASCII blocks needs the whole class.
        let ascii = regex.ascii_boundaries.as_ref().unwrap();
        assert!(std::ptr::eq(
            regex.for_text("™ mark").0,
            ascii.get(&regex.parsed)
        ));
        // Checked at once, a regex has no near-ASCII form.
        let checked = RuleRegex::new(r"\b\w+\b", 1 << 20).unwrap();
        assert!(checked.near_ascii.is_none());
        assert!(checked.ascii_boundaries.unwrap().regex.get().is_some());
    }

    #[test]
    fn capture_names_are_those_of_the_regex_crate() {
        for pattern in [
            "plain",
            r"(?P<a>x)(y)(?P<b>(?P<c>z)|w)+",
            r"(?:(?P<first>\w+)|(\d))\s(?<last>\w+)?",
            r"(?i)\b(?P<word>é\w*)\b",
        ] {
            let expected: Vec<Option<String>> = regex::Regex::new(pattern)
                .unwrap()
                .capture_names()
                .map(|name| name.map(str::to_owned))
                .collect();
            for regex in [
                RuleRegex::new(pattern, 1 << 20).unwrap(),
                RuleRegex::prechecked(pattern, 1 << 20).unwrap(),
            ] {
                let names: Vec<Option<String>> = regex
                    .capture_names()
                    .map(|name| name.map(str::to_owned))
                    .collect();
                assert_eq!(names, expected, "`{pattern}`");
            }
        }
        let regexes = [
            RuleRegex::prechecked(r"(?P<a>x)", 1 << 20).unwrap(),
            RuleRegex::prechecked(r"(y)", 1 << 20).unwrap(),
        ];
        let any = RuleRegex::any_of(&[&regexes[0], &regexes[1]], 1 << 20).unwrap();
        assert_eq!(any.capture_names().collect::<Vec<_>>(), [None]);
    }

    #[test]
    fn errors_are_those_of_the_regex_crate() {
        for pattern in [r"(", r"\p{Nope}", r"x{2,1}", r"(?-u:\xFF)"] {
            let ours = RuleRegex::new(pattern, 1 << 20).unwrap_err().to_string();
            let crate_error = regex::Regex::new(pattern).unwrap_err().to_string();
            assert_eq!(ours, crate_error);
            let prechecked = RuleRegex::prechecked(pattern, 1 << 20)
                .unwrap_err()
                .to_string();
            assert_eq!(prechecked, crate_error);
        }
        let large = r"\w{50}\b";
        let limit = 1 << 16;
        let crate_error = regex::RegexBuilder::new(large)
            .size_limit(limit)
            .build()
            .unwrap_err();
        assert!(matches!(crate_error, regex::Error::CompiledTooBig(_)));
        assert_eq!(
            RuleRegex::new(large, limit).unwrap_err().to_string(),
            crate_error.to_string()
        );
        // Known to compile: only its syntax is checked now.
        assert!(RuleRegex::prechecked(large, limit).is_ok());
    }

    #[test]
    fn expand_fills_in_groups() {
        let regex = RuleRegex::prechecked(r"(?P<first>\w+) (\w+)", 1 << 20).unwrap();
        let captures = regex.captures("Jane Doe").unwrap();
        let mut out = String::new();
        captures.expand("$2, ${first}", &mut out);
        assert_eq!(out, "Doe, Jane");
    }
}
