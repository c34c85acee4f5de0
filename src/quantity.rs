//! Figures as written in news prose, read as intervals of values.
//!
//! The same fact is rarely written the same way twice: one story says "more
//! than 400 migrants", the next "nearly 400", a third "the 400". To tell a
//! harmless rewording from a contradiction, factlint reads every figure as the
//! interval of values it allows, and two statements of one fact disagree when
//! their intervals cannot both be true. "Over 150" and "more than 150" are the
//! same interval; "nearly 400" and "more than 400" share no value at all.
//!
//! [`parse`] reads one whole phrase, [`QUANTITY_PATTERN`] finds such phrases in
//! running text (rules embed it for a `{quantity}` placeholder),
//! [`Quantity::agrees_with`] compares two readings, and `Display` prints the
//! compact form that diagnostics quote.
//!
//! ## Semantics
//!
//! N is the figure as written, in digits (`400`, `1,200`, `1.5`, optionally
//! followed by `dozen`, `hundred`, `thousand`, `million`, `billion` or
//! `trillion`) or in words (below).
//!
//! | written | interval | [`Qualifier`] |
//! |---|---|---|
//! | `eight`, `8`, `1,200`, `1.5 million`, `a dozen` (12), `two dozen`, `half a dozen`, `half a million`, `a couple (of)` (2), `a couple of hundred` | [N, N] | `None` |
//! | `more than N`, `over N`, `above N`, `greater than N`, `upwards of N`, `in excess of N`, `well over N`, `well above N`, `just over N`, `just above N`, `N-plus`, `N+` | (N, ∞) | `MoreThan` |
//! | `at least N`, `no fewer than N`, `no less than N`, `not fewer than N`, `not less than N`, `a minimum of N`, `N or more` | [N, ∞) | `AtLeast` |
//! | `nearly N`, `almost N`, `close to N`, `just under N`, `just below N`, `just shy of N` | [0.9·N, N) | `Nearly` |
//! | `about N`, `around N`, `roughly N`, `approximately N`, `some N`, `an estimated N`, `estimated N`, `N or so` | [0.9·N, 1.1·N] | `About` |
//! | `up to N`, `as many as N`, `at most N`, `no more than N`, `not more than N`, `a maximum of N`, `N or fewer`, `N or less` | [0, N] | `UpTo` |
//! | `fewer than N`, `less than N`, `under N`, `below N`, `well under N`, `well below N` | [0, N) | `FewerThan` |
//! | `a few` | [3, 5] | `Range` |
//! | `a handful (of)` | [3, 6] | `Range` |
//! | `several` | [3, 9] | `Range` |
//! | `a few` or `several`, then `dozen`, `hundred`, `thousand`, `million`, `billion` or `trillion` | the range times the unit: `a few hundred` is [300, 500] | `Range` |
//! | `dozens (of)` | [24, ∞) | `Plural` |
//! | `scores (of)` | [40, ∞) | `Plural` |
//! | `hundreds (of)`, `thousands (of)`, `millions (of)`, `billions (of)` | [200, ∞), [2,000, ∞), [2 million, ∞), [2 billion, ∞) | `Plural` |
//! | `tens`, `dozens`, `scores` or `hundreds`, then `of thousands`, `of millions` or `of billions` | two of the product and up: `tens of thousands` is [20,000, ∞), `hundreds of millions` [200 million, ∞) | `Plural` |
//! | `more than a dozen` | (12, ∞), which agrees with `13` | `MoreThan` |
//! | `N percent`, `N per cent`, `N%`, with any qualifier above (`nearly 40%`, `33 percent or more`) | as without the percent sign, with `percent` set | as without |
//!
//! The 10 % margins of `Nearly` and `About` are widened outward to whole
//! numbers when N is whole, since counts are whole: 0.9·N is rounded down and
//! 1.1·N rounded up, so `nearly 400` is [360, 400), `nearly 15` is [13, 15)
//! and `about 5` is [4, 6]. A qualifier that leaves no value at all
//! (`fewer than zero`, `nearly 0`) is not a quantity.
//!
//! Number words are `zero`, `one` to `nineteen`, `twenty` to `ninety` with an
//! optional unit joined by a hyphen or a space (`twenty-five`,
//! `twenty five`), an optional `hundred` after `a` or any of those
//! (`a hundred`, `two hundred and fifty`, `fifteen hundred`), and groups of
//! those followed by `thousand`, `million`, `billion` or `trillion` in
//! descending order (`a thousand`, `two million`,
//! `one million two hundred thousand and five`). Case does not matter,
//! surrounding white space is ignored, and any Unicode white space (a
//! no-break space, a line break) separates words.
//!
//! ## Agreement
//!
//! Two quantities agree when their intervals share a value, respecting open
//! and closed ends. A percentage never agrees with a count. Unless comparing
//! strictly, a bare figure also agrees with a qualified statement of the same
//! figure (`the 400` with `more than 400` or `nearly 400`), because copy
//! routinely rounds "more than 400" to "the 400" once the figure has been
//! given.
//!
//! Two bounds in the same direction on different figures disagree even
//! though their intervals overlap: "more than 300" and "more than 400" can
//! both be true, but a writer puts next to `more than` the figure they
//! know, so the two copies report different figures. Lower bounds are
//! `more than` and `at least`; upper bounds are `nearly`, `up to` and
//! `fewer than`.
//!
//! ## The pattern and the parser
//!
//! [`QUANTITY_PATTERN`] and [`parse`] accept the same phrases; the unit tests
//! check this over a corpus of phrases and near misses. The pattern is built
//! with `concat!` from word-list macros, and tests check those lists against
//! the parser's tables word for word. Two differences are deliberate, both
//! for input that is not a sensible quantity: the pattern matches number
//! words whose scales do not descend (`two thousand three million`), and a
//! qualifier that leaves no value (`fewer than zero`); [`parse`] rejects both.
//!
//! Both treat only ASCII letters and digits as word characters. The pattern's
//! word boundaries are ASCII ones, which also keeps the regex crate's fast
//! DFA usable on text with curly quotes and dashes.
//!
//! Not handled, for now: explicit ranges (`between 10 and 20`, `10-20`),
//! fractions (`half of`, `a third`), abbreviated scales (`1.5m`, `$2bn`),
//! negative figures, and ordinals (`the third`).

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::dfa::{dense, regex::Regex as DfaRegex};
use regex_automata::util::iter::Searcher;
use regex_automata::Input;
use serde::Serialize;

#[macro_use]
mod pattern;

pub use pattern::QUANTITY_PATTERN;

/// What the wording around a figure says about the value, relative to the
/// figure written.
///
/// Wordings with the same interval share a variant (`over` and `more than`
/// are both [`Qualifier::MoreThan`]; `some` is [`Qualifier::About`]), so a
/// [`Quantity`] prints one canonical wording per interval shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// A bare figure (`eight`, `1,200`, `a dozen`): exactly N.
    None,
    /// `more than N`, `over N`, `N-plus`, `N+`: (N, ∞).
    MoreThan,
    /// `at least N`, `no fewer than N`, `N or more`: [N, ∞).
    AtLeast,
    /// `nearly N`, `almost N`, `close to N`: [0.9·N, N).
    Nearly,
    /// `about N`, `around N`, `some N`, `an estimated N`: [0.9·N, 1.1·N].
    About,
    /// `up to N`, `as many as N`, `at most N`, `no more than N`: [0, N].
    UpTo,
    /// `fewer than N`, `less than N`, `under N`: [0, N).
    FewerThan,
    /// An indefinite plural of a unit (`dozens`, `hundreds of thousands`):
    /// at least two of the unit, with no upper bound.
    Plural,
    /// A vague small count (`a few`, `a handful`, `several hundred`): a
    /// closed range.
    Range,
}

impl Qualifier {
    /// Whether this wording states a figure (`over 400` states 400) rather
    /// than only a rough size (`dozens`, `a few`). Only a stated figure can
    /// be rounded to a bare one.
    fn states_figure(self) -> bool {
        !matches!(self, Self::Plural | Self::Range)
    }

    /// Which way a bound points: `1` for a lower bound (`more than`, `at
    /// least`), `-1` for an upper bound (`nearly`, `up to`, `fewer than`),
    /// `0` otherwise.
    fn direction(self) -> i8 {
        match self {
            Self::MoreThan | Self::AtLeast => 1,
            Self::Nearly | Self::UpTo | Self::FewerThan => -1,
            _ => 0,
        }
    }
}

/// A figure read as the interval of values it allows.
///
/// As produced by [`parse`], the interval is never empty: `low <= high`, and
/// when they are equal both ends are inclusive. `low` is finite and not
/// negative; `high` may be `f64::INFINITY`, and is then exclusive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    /// The smallest value allowed (or the infimum, when `low_inclusive` is
    /// false).
    pub low: f64,
    /// The largest value allowed (or the supremum, when `high_inclusive` is
    /// false); `f64::INFINITY` when there is no upper bound.
    pub high: f64,
    /// Whether `low` itself is allowed.
    pub low_inclusive: bool,
    /// Whether `high` itself is allowed.
    pub high_inclusive: bool,
    /// The figure as written: 400 for `nearly 400`, 12 for `more than a
    /// dozen`. For [`Qualifier::Plural`] and [`Qualifier::Range`], which
    /// state no figure, it is `low`.
    pub nominal: f64,
    /// What the wording says about the value relative to `nominal`.
    pub qualifier: Qualifier,
    /// True for a bare figure with no qualifier (`400`, `a dozen`), whose
    /// interval is the single value `nominal`.
    pub exact: bool,
    /// True when written as a percentage (`33%`, `33 percent`).
    pub percent: bool,
}

impl Quantity {
    /// Reads `nominal` under `qualifier`, as the semantics table says.
    /// `None` when the qualifier leaves no value (`fewer than zero`).
    /// `Plural` reads as [`Quantity::plural`] would; `Range` needs two ends,
    /// so here it is the single value `nominal`, and the parser builds real
    /// ranges with [`Quantity::range`].
    fn stated(qualifier: Qualifier, nominal: f64, percent: bool) -> Option<Quantity> {
        let (low, low_inclusive, high, high_inclusive) = match qualifier {
            Qualifier::None => (nominal, true, nominal, true),
            Qualifier::MoreThan => (nominal, false, f64::INFINITY, false),
            Qualifier::AtLeast => (nominal, true, f64::INFINITY, false),
            Qualifier::Nearly => (margin_below(nominal), true, nominal, false),
            Qualifier::About => (margin_below(nominal), true, margin_above(nominal), true),
            Qualifier::UpTo => (0.0, true, nominal, true),
            Qualifier::FewerThan => (0.0, true, nominal, false),
            Qualifier::Plural => (nominal, true, f64::INFINITY, false),
            Qualifier::Range => (nominal, true, nominal, true),
        };
        let quantity = Quantity {
            low,
            high,
            low_inclusive,
            high_inclusive,
            nominal,
            qualifier,
            exact: qualifier == Qualifier::None,
            percent,
        };
        (low < high || (low == high && low_inclusive && high_inclusive)).then_some(quantity)
    }

    /// At least `low`, with no upper bound: `dozens` is `plural(24.0)`.
    fn plural(low: f64) -> Quantity {
        Quantity {
            low,
            high: f64::INFINITY,
            low_inclusive: true,
            high_inclusive: false,
            nominal: low,
            qualifier: Qualifier::Plural,
            exact: false,
            percent: false,
        }
    }

    /// The closed range [`low`, `high`]: `a few` is `range(3.0, 5.0)`.
    fn range(low: f64, high: f64) -> Quantity {
        Quantity {
            low,
            high,
            low_inclusive: true,
            high_inclusive: true,
            nominal: low,
            qualifier: Qualifier::Range,
            exact: false,
            percent: false,
        }
    }

    /// Whether the two statements can both be true.
    ///
    /// True when the intervals share a value (open and closed ends
    /// respected) and both or neither are percentages. When `strict` is
    /// false, a bare figure also agrees with a qualified statement of the
    /// same figure (`400` with `more than 400`, `nearly 400` or `under
    /// 400`), since copy rounds "more than 400" to "the 400"; it still never
    /// agrees with a different figure (`300` and `more than 400` disagree)
    /// or across percent and count.
    pub fn agrees_with(&self, other: &Quantity, strict: bool) -> bool {
        if self.percent != other.percent {
            return false;
        }
        let direction = self.qualifier.direction();
        if direction != 0
            && direction == other.qualifier.direction()
            && !same_value(self.nominal, other.nominal)
        {
            return false;
        }
        self.overlaps(other) || (!strict && (self.rounds(other) || other.rounds(self)))
    }

    /// Whether the intervals share at least one value.
    fn overlaps(&self, other: &Quantity) -> bool {
        let (low, low_inclusive) = if self.low > other.low {
            (self.low, self.low_inclusive)
        } else if other.low > self.low {
            (other.low, other.low_inclusive)
        } else {
            (self.low, self.low_inclusive && other.low_inclusive)
        };
        let (high, high_inclusive) = if self.high < other.high {
            (self.high, self.high_inclusive)
        } else if other.high < self.high {
            (other.high, other.high_inclusive)
        } else {
            (self.high, self.high_inclusive && other.high_inclusive)
        };
        low < high || (low == high && low_inclusive && high_inclusive)
    }

    /// Whether `self` is a bare figure that could be a rounding of `other`,
    /// a qualified statement of the same figure.
    fn rounds(&self, other: &Quantity) -> bool {
        self.exact && other.qualifier.states_figure() && same_value(self.nominal, other.nominal)
    }
}

/// The compact form quoted in diagnostics: `400`, `more than 12`,
/// `nearly 400`, `33%`, `24 or more` (`dozens`), `3 to 5` (`a few`),
/// `1.5 million`. Wordings with the same interval print alike (`over 400`
/// prints `more than 400`, `some 400` prints `about 400`).
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let figure = Figure {
            value: self.nominal,
            percent: self.percent,
        };
        match self.qualifier {
            Qualifier::None => write!(f, "{figure}"),
            Qualifier::MoreThan => write!(f, "more than {figure}"),
            Qualifier::AtLeast => write!(f, "at least {figure}"),
            Qualifier::Nearly => write!(f, "nearly {figure}"),
            Qualifier::About => write!(f, "about {figure}"),
            Qualifier::UpTo => write!(f, "up to {figure}"),
            Qualifier::FewerThan => write!(f, "fewer than {figure}"),
            Qualifier::Plural => write!(f, "{figure} or more"),
            Qualifier::Range => {
                let high = Figure {
                    value: self.high,
                    percent: self.percent,
                };
                write!(f, "{figure} to {high}")
            }
        }
    }
}

/// One number as diagnostics print it: whole multiples of a thousand from a
/// million up in words (`1.5 million`), whole numbers from 10,000 up with
/// thousands separators, smaller whole numbers plain (so a year stays
/// `2023`), and fractions as the shortest decimal that reads back the same.
struct Figure {
    value: f64,
    percent: bool,
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAMES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
        let value = self.value;
        let named = NAMES
            .iter()
            .find(|&&(scale, _)| value >= scale && value % (scale / 1000.0) == 0.0);
        if let Some(&(scale, name)) = named {
            write!(f, "{} {name}", value / scale)?;
        } else if value.fract() == 0.0 && (10_000.0..1e15).contains(&value) {
            let digits = format!("{value:.0}");
            for (i, digit) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    f.write_str(",")?;
                }
                write!(f, "{digit}")?;
            }
        } else {
            write!(f, "{value}")?;
        }
        if self.percent {
            f.write_str("%")?;
        }
        Ok(())
    }
}

/// 0.9·`n`, rounded down when `n` is whole. Dividing by ten last keeps
/// `nearly 400` at exactly 360.
fn margin_below(n: f64) -> f64 {
    let margin = n * 9.0 / 10.0;
    if n.fract() == 0.0 {
        margin.floor()
    } else {
        margin
    }
}

/// 1.1·`n`, rounded up when `n` is whole.
fn margin_above(n: f64) -> f64 {
    let margin = n * 11.0 / 10.0;
    if n.fract() == 0.0 {
        margin.ceil()
    } else {
        margin
    }
}

/// Whether two figures are the same number, allowing for the last bit of
/// floating-point rounding.
fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// The byte ranges of the figures in `text` ([`QUANTITY_PATTERN`]'s
/// matches), in order: what `regex::Regex::new(QUANTITY_PATTERN)` finds
/// with `find_iter`.
pub fn figures(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut searcher = Searcher::new(Input::new(text));
    std::iter::from_fn(move || {
        // A search fails only on a byte the DFAs were built to give up
        // on, or a Unicode word boundary; the grammar has neither.
        searcher
            .try_advance(|input| FIGURE_FINDER.try_search(input))
            .ok()
            .flatten()
            .map(|found| found.range())
    })
}

/// Reads the figure automata now (see [`figures`]), ahead of the first
/// document: checking their tables takes as long as linting a short file.
pub(crate) fn warm_up() {
    LazyLock::force(&FIGURE_FINDER);
}

/// A DFA that the build script compiled from [`QUANTITY_PATTERN`], as
/// bytes aligned for reading in place.
#[repr(C)]
struct Automaton<Bytes: ?Sized> {
    _align: [u32; 0],
    bytes: Bytes,
}

static FORWARD: &Automaton<[u8]> = &Automaton {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/figures.forward.dfa")),
};

static REVERSE: &Automaton<[u8]> = &Automaton {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/figures.reverse.dfa")),
};

/// The figure grammar as the build script compiled it: a forward DFA that
/// finds where each figure ends and a reverse one that finds where it
/// starts, read in place from the binary. Compiling the grammar at run
/// time was a quarter of start-up; reading these is a check of their
/// tables, and searching with them needs no cache of states built on the
/// way.
static FIGURE_FINDER: LazyLock<DfaRegex<dense::DFA<&'static [u32]>>> = LazyLock::new(|| {
    // The bytes are the build script's output for this very build; that
    // they read back is checked by the tests.
    let read = |automaton: &'static Automaton<[u8]>| {
        dense::DFA::from_bytes(&automaton.bytes)
            .map(|(dfa, _)| dfa)
            .expect("the build script wrote a valid DFA")
    };
    DfaRegex::builder().build_from_dfas(read(FORWARD), read(REVERSE))
});

// The parser's tables. The regex macros of `pattern` must list the same words.

const UNITS: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

const TEENS: [&str; 10] = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Words that scale a group of number words, in ascending order.
const SCALES: [(&str, u64); 4] = [
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
];

/// Words that multiply a figure in digits or a vague count (`1.5 million`,
/// `a few hundred`).
const MULTIPLIERS: [(&str, u64); 6] = [
    ("dozen", 12),
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
];

/// Units that `half a` halves.
const HALVES: [(&str, u64); 5] = [
    ("dozen", 12),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
];

/// Plurals that may take `of thousands` and the like, with the unit each
/// counts.
const PLURAL_HEADS: [(&str, u64); 4] = [
    ("tens", 10),
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
];

/// The units after `tens of` and the like.
const PLURAL_TAILS: [(&str, u64); 3] = [
    ("thousands", 1_000),
    ("millions", 1_000_000),
    ("billions", 1_000_000_000),
];

/// Plurals that stand alone, with the unit each counts.
const PLURALS: [(&str, u64); 6] = [
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
    ("thousands", 1_000),
    ("millions", 1_000_000),
    ("billions", 1_000_000_000),
];

/// Qualifying phrases before a figure. No phrase is a word-for-word prefix
/// of another, so the first that fits is the only one (a test checks this).
const PREFIXES: [(&str, Qualifier); 41] = [
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("well above", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("just above", Qualifier::MoreThan),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not fewer than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("just under", Qualifier::Nearly),
    ("just below", Qualifier::Nearly),
    ("just shy of", Qualifier::Nearly),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("some", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("up to", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("fewer than", Qualifier::FewerThan),
    ("less than", Qualifier::FewerThan),
    ("under", Qualifier::FewerThan),
    ("below", Qualifier::FewerThan),
    ("well under", Qualifier::FewerThan),
    ("well below", Qualifier::FewerThan),
];

/// Qualifying phrases after a figure.
const OR_SUFFIXES: [(&str, Qualifier); 4] = [
    ("or more", Qualifier::AtLeast),
    ("or fewer", Qualifier::UpTo),
    ("or less", Qualifier::UpTo),
    ("or so", Qualifier::About),
];

/// Reads `text` as one whole quantity phrase, such as `more than 400`,
/// `nearly 40%`, `twenty-five`, `1.5 million`, `a dozen` or `dozens of`.
///
/// Case is ignored and so is white space around the phrase. Returns `None`
/// when the text is anything else, including a quantity with more text
/// around it (`400 people`), so a caller finding phrases in prose should
/// match [`QUANTITY_PATTERN`] first and parse the match. The module docs
/// give the grammar and the interval each wording means.
pub fn parse(text: &str) -> Option<Quantity> {
    let alternatives: [fn(&mut Lexer<'_>) -> Option<Quantity>; 4] =
        [qualified, bare, plural, vague];
    let start = Lexer::new(text);
    alternatives.into_iter().find_map(|alternative| {
        let mut lexer = start;
        let quantity = alternative(&mut lexer)?;
        lexer.at_end().then_some(quantity)
    })
}

/// `PREFIX NUMBER [PERCENT]`: `more than 400`, `nearly 40%`.
fn qualified(lexer: &mut Lexer<'_>) -> Option<Quantity> {
    let qualifier = PREFIXES
        .iter()
        .find_map(|&(phrase, qualifier)| lexer.phrase(phrase).then_some(qualifier))?;
    let value = number(lexer)?;
    let percent = percent(lexer);
    Quantity::stated(qualifier, value, percent)
}

/// `NUMBER (-plus|+) [PERCENT]` or `NUMBER [PERCENT] [or more|...]`: `400`,
/// `400-plus`, `33%`, `400 or more`.
fn bare(lexer: &mut Lexer<'_>) -> Option<Quantity> {
    let value = number(lexer)?;
    let plus = attempt(lexer, |lexer| {
        (lexer.joined_symbol('-') && lexer.joined_word("plus")).then_some(())
    })
    .is_some()
        || lexer.joined_symbol('+');
    if plus {
        let percent = percent(lexer);
        return Quantity::stated(Qualifier::MoreThan, value, percent);
    }
    let percent = percent(lexer);
    let qualifier = OR_SUFFIXES
        .iter()
        .find_map(|&(phrase, qualifier)| lexer.phrase(phrase).then_some(qualifier))
        .unwrap_or(Qualifier::None);
    Quantity::stated(qualifier, value, percent)
}

/// `dozens (of)`, `hundreds of thousands (of)`.
fn plural(lexer: &mut Lexer<'_>) -> Option<Quantity> {
    let unit = attempt(lexer, |lexer| {
        let head = lexer.word_in(&PLURAL_HEADS)?;
        lexer.word("of").then_some(())?;
        let tail = lexer.word_in(&PLURAL_TAILS)?;
        Some(head * tail)
    })
    .or_else(|| lexer.word_in(&PLURALS))?;
    lexer.word("of");
    Some(Quantity::plural(2.0 * unit as f64))
}

/// `a few`, `several`, `a handful (of)`, and the first two times a unit:
/// `a few hundred`.
fn vague(lexer: &mut Lexer<'_>) -> Option<Quantity> {
    if lexer.phrase("a handful") {
        lexer.word("of");
        return Some(Quantity::range(3.0, 6.0));
    }
    let (low, high) = if lexer.phrase("a few") {
        (3, 5)
    } else if lexer.word("several") {
        (3, 9)
    } else {
        return None;
    };
    let unit = lexer.word_in(&MULTIPLIERS).unwrap_or(1);
    Some(Quantity::range((low * unit) as f64, (high * unit) as f64))
}

/// `NUMBER`: a figure in digits or words, as its value.
fn number(lexer: &mut Lexer<'_>) -> Option<f64> {
    attempt(lexer, digits)
        .or_else(|| attempt(lexer, large).map(|value| value as f64))
        .or_else(|| attempt(lexer, half).map(|value| value as f64))
        .or_else(|| attempt(lexer, dozen).map(|value| value as f64))
        .or_else(|| attempt(lexer, couple).map(|value| value as f64))
        .or_else(|| below_thousand(lexer).map(|value| value as f64))
        .or_else(|| lexer.word("zero").then_some(0.0))
}

/// Digits, optionally followed by a multiplier: `1,200`, `1.5 million`.
fn digits(lexer: &mut Lexer<'_>) -> Option<f64> {
    let figure = lexer.figure()?;
    let unit = lexer.word_in(&MULTIPLIERS).unwrap_or(1);
    figure_value(figure, unit)
}

/// The value of `figure` (`1,200` or `1.5`) times `unit`. `None` unless the
/// commas group the whole part in threes and a decimal point has digits on
/// both sides.
fn figure_value(figure: &str, unit: u64) -> Option<f64> {
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match figure.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (figure, ""),
    };
    if figure.contains('.') && !all_digits(fraction) {
        return None;
    }
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = whole.contains(',');
    if !all_digits(first) || (grouped && first.len() > 3) {
        return None;
    }
    if !groups.all(|group| group.len() == 3 && all_digits(group)) {
        return None;
    }
    let digits = || {
        whole
            .bytes()
            .chain(fraction.bytes())
            .filter(u8::is_ascii_digit)
    };
    // Exactly while the digits and the product fit an f64's 53-bit mantissa:
    // multiply the integer, then divide by the power of ten once, so that
    // `2.3 million` is exactly 2,300,000. Longer figures go through the
    // standard library's float parser instead.
    let mantissa = digits().try_fold(0u64, |acc, digit| {
        acc.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    });
    let scale = 10f64.powi(i32::try_from(fraction.len()).ok()?);
    let value = match mantissa.and_then(|m| m.checked_mul(unit)) {
        Some(product) if product < 1 << 53 => product as f64 / scale,
        _ => {
            let plain: String = digits().map(char::from).collect();
            plain.parse::<f64>().ok()? / scale * unit as f64
        }
    };
    value.is_finite().then_some(value)
}

/// Number words with a scale: `a million`, `two thousand and five`,
/// `one million two hundred thousand`. Scales must descend.
fn large(lexer: &mut Lexer<'_>) -> Option<u64> {
    let (head, scale) = attempt(lexer, |lexer| {
        lexer.word("a").then_some(())?;
        Some((1, lexer.word_in(&SCALES)?))
    })
    .or_else(|| {
        attempt(lexer, |lexer| {
            let head = below_thousand(lexer)?;
            Some((head, lexer.word_in(&SCALES)?))
        })
    })?;
    let mut total = head * scale;
    let mut last = scale;
    loop {
        let mut ahead = *lexer;
        ahead.word("and");
        let Some(group) = below_thousand(&mut ahead) else {
            return Some(total);
        };
        match ahead.word_in(&SCALES) {
            Some(scale) if scale < last => {
                total += group * scale;
                last = scale;
                *lexer = ahead;
            }
            Some(_) => return None,
            None => {
                *lexer = ahead;
                return Some(total + group);
            }
        }
    }
}

/// `half a dozen`, `half a million`.
fn half(lexer: &mut Lexer<'_>) -> Option<u64> {
    lexer.phrase("half a").then_some(())?;
    Some(lexer.word_in(&HALVES)? / 2)
}

/// `a dozen`, `two dozen`.
fn dozen(lexer: &mut Lexer<'_>) -> Option<u64> {
    let count = if lexer.word("a") {
        1
    } else {
        below_hundred(lexer)?
    };
    lexer.word("dozen").then_some(count * 12)
}

/// `a couple`, `a couple of`, `a couple (of) hundred`.
fn couple(lexer: &mut Lexer<'_>) -> Option<u64> {
    lexer.phrase("a couple").then_some(())?;
    lexer.word("of");
    Some(2 * lexer.word_in(&MULTIPLIERS).unwrap_or(1))
}

/// 1 to 9,999 in words: `a hundred and five`, `fifteen hundred`, `forty`.
fn below_thousand(lexer: &mut Lexer<'_>) -> Option<u64> {
    let hundreds = attempt(lexer, |lexer| {
        let count = if lexer.word("a") {
            1
        } else {
            below_hundred(lexer)?
        };
        lexer.word("hundred").then_some(())?;
        let rest = attempt(lexer, |lexer| {
            lexer.word("and");
            below_hundred(lexer)
        });
        Some(count * 100 + rest.unwrap_or(0))
    });
    hundreds.or_else(|| below_hundred(lexer))
}

/// 1 to 99 in words: `seven`, `twelve`, `forty`, `twenty-five`,
/// `twenty five`.
fn below_hundred(lexer: &mut Lexer<'_>) -> Option<u64> {
    if let Some(tens) = lexer.word_index(&TENS) {
        let unit = attempt(lexer, |lexer| {
            if lexer.joined_symbol('-') {
                lexer.joined_word_index(&UNITS)
            } else {
                lexer.word_index(&UNITS)
            }
        });
        return Some(20 + 10 * tens as u64 + unit.map_or(0, |unit| unit as u64 + 1));
    }
    lexer
        .word_index(&TEENS)
        .map(|teen| 10 + teen as u64)
        .or_else(|| lexer.word_index(&UNITS).map(|unit| unit as u64 + 1))
}

/// `%`, `percent`, `per cent`.
fn percent(lexer: &mut Lexer<'_>) -> bool {
    lexer.symbol('%') || lexer.word("percent") || lexer.phrase("per cent")
}

/// Runs `rule`, putting the lexer back where it was if the rule fails.
fn attempt<'a, T>(
    lexer: &mut Lexer<'a>,
    rule: impl FnOnce(&mut Lexer<'a>) -> Option<T>,
) -> Option<T> {
    let mut ahead = *lexer;
    let result = rule(&mut ahead)?;
    *lexer = ahead;
    Some(result)
}

/// One token of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    /// A run of ASCII letters.
    Word(&'a str),
    /// A run of ASCII digits, commas and full stops, starting with a digit.
    Figure(&'a str),
    /// Any other character that is not white space.
    Symbol(char),
}

/// A token and whether white space (or the start of the text) comes before
/// it; a word must be set off that way unless it follows a hyphen.
#[derive(Clone, Copy, Debug)]
struct Lexeme<'a> {
    token: Token<'a>,
    spaced: bool,
}

/// A cursor over the tokens of a phrase. It is `Copy`, so backtracking is
/// keeping a copy, and it never allocates.
#[derive(Clone, Copy, Debug)]
struct Lexer<'a> {
    rest: &'a str,
    at_start: bool,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        Lexer {
            rest: text,
            at_start: true,
        }
    }

    /// Takes the next token, or `None` at the end of the text.
    fn next(&mut self) -> Option<Lexeme<'a>> {
        let trimmed = self.rest.trim_start();
        let spaced = self.at_start || trimmed.len() < self.rest.len();
        self.at_start = false;
        let first = trimmed.chars().next()?;
        let end = |inside: fn(char) -> bool| trimmed.find(|c| !inside(c)).unwrap_or(trimmed.len());
        let len = if first.is_ascii_alphabetic() {
            end(|c| c.is_ascii_alphabetic())
        } else if first.is_ascii_digit() {
            end(|c| c.is_ascii_digit() || c == ',' || c == '.')
        } else {
            first.len_utf8()
        };
        let (text, rest) = trimmed.split_at(len);
        self.rest = rest;
        let token = if first.is_ascii_alphabetic() {
            Token::Word(text)
        } else if first.is_ascii_digit() {
            Token::Figure(text)
        } else {
            Token::Symbol(first)
        };
        Some(Lexeme { token, spaced })
    }

    fn at_end(&self) -> bool {
        let mut ahead = *self;
        ahead.next().is_none()
    }

    /// Takes the next token if `accept` returns a value for it.
    fn take<T>(&mut self, accept: impl FnOnce(Lexeme<'a>) -> Option<T>) -> Option<T> {
        let mut ahead = *self;
        let result = accept(ahead.next()?)?;
        *self = ahead;
        Some(result)
    }

    /// Takes `word` (in any case), set off by white space.
    fn word(&mut self, word: &str) -> bool {
        self.take(|lexeme| match lexeme.token {
            Token::Word(text) if lexeme.spaced && text.eq_ignore_ascii_case(word) => Some(()),
            _ => None,
        })
        .is_some()
    }

    /// Takes `word` (in any case) directly after the previous token, as
    /// `plus` in `400-plus`.
    fn joined_word(&mut self, word: &str) -> bool {
        self.take(|lexeme| match lexeme.token {
            Token::Word(text) if !lexeme.spaced && text.eq_ignore_ascii_case(word) => Some(()),
            _ => None,
        })
        .is_some()
    }

    /// Takes the words of `phrase` (separated by single spaces), all or none.
    fn phrase(&mut self, phrase: &str) -> bool {
        attempt(self, |lexer| {
            phrase.split(' ').all(|word| lexer.word(word)).then_some(())
        })
        .is_some()
    }

    /// Takes a word set off by white space from `words`, returning its index.
    fn word_index(&mut self, words: &[&str]) -> Option<usize> {
        self.take(|lexeme| match lexeme.token {
            Token::Word(text) if lexeme.spaced => words
                .iter()
                .position(|word| text.eq_ignore_ascii_case(word)),
            _ => None,
        })
    }

    /// Takes a word from `words` directly after the previous token,
    /// returning its index.
    fn joined_word_index(&mut self, words: &[&str]) -> Option<usize> {
        self.take(|lexeme| match lexeme.token {
            Token::Word(text) if !lexeme.spaced => words
                .iter()
                .position(|word| text.eq_ignore_ascii_case(word)),
            _ => None,
        })
    }

    /// Takes a word set off by white space from the table, returning its
    /// value.
    fn word_in(&mut self, table: &[(&str, u64)]) -> Option<u64> {
        self.take(|lexeme| match lexeme.token {
            Token::Word(text) if lexeme.spaced => table
                .iter()
                .find(|(word, _)| text.eq_ignore_ascii_case(word))
                .map(|&(_, value)| value),
            _ => None,
        })
    }

    /// Takes a figure in digits set off by white space.
    fn figure(&mut self) -> Option<&'a str> {
        self.take(|lexeme| match lexeme.token {
            Token::Figure(text) if lexeme.spaced => Some(text),
            _ => None,
        })
    }

    /// Takes `symbol`, with or without white space before it.
    fn symbol(&mut self, symbol: char) -> bool {
        self.take(|lexeme| (lexeme.token == Token::Symbol(symbol)).then_some(()))
            .is_some()
    }

    /// Takes `symbol` directly after the previous token.
    fn joined_symbol(&mut self, symbol: char) -> bool {
        self.take(|lexeme| (!lexeme.spaced && lexeme.token == Token::Symbol(symbol)).then_some(()))
            .is_some()
    }
}

/// A quantity's interval, for JSON.
#[derive(Debug, Serialize)]
pub struct Interval {
    pub low: f64,
    /// `None` when unbounded.
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub percent: bool,
}

impl From<&Quantity> for Interval {
    fn from(q: &Quantity) -> Self {
        Interval {
            low: q.low,
            high: q.high.is_finite().then_some(q.high),
            low_inclusive: q.low_inclusive,
            high_inclusive: q.high_inclusive,
            percent: q.percent,
        }
    }
}

#[cfg(test)]
mod tests {
    use regex::{Regex, RegexBuilder};

    use super::*;

    const INF: f64 = f64::INFINITY;

    /// Parses `text`, failing the test with the text if it is not a quantity.
    fn q(text: &str) -> Quantity {
        match parse(text) {
            Some(quantity) => quantity,
            None => panic!("`{text}` should parse"),
        }
    }

    /// Asserts that `text` reads as the interval written
    /// `[low, high]` with the given ends, under `qualifier`.
    #[track_caller]
    fn interval(text: &str, low: (f64, bool), high: (f64, bool), qualifier: Qualifier) {
        let quantity = q(text);
        assert_eq!(
            (
                quantity.low,
                quantity.low_inclusive,
                quantity.high,
                quantity.high_inclusive,
                quantity.qualifier
            ),
            (low.0, low.1, high.0, high.1, qualifier),
            "`{text}`"
        );
        assert_eq!(quantity.exact, qualifier == Qualifier::None, "`{text}`");
    }

    #[track_caller]
    fn exactly(text: &str, value: f64) {
        interval(text, (value, true), (value, true), Qualifier::None);
        assert_eq!(q(text).nominal, value, "`{text}`");
        assert!(!q(text).percent, "`{text}`");
    }

    /// The whole-phrase form of the pattern, as the docs suggest using it.
    fn full_pattern() -> Regex {
        match Regex::new(&format!("^(?:{QUANTITY_PATTERN})$")) {
            Ok(regex) => regex,
            Err(error) => panic!("QUANTITY_PATTERN does not compile: {error}"),
        }
    }

    fn pattern() -> Regex {
        match Regex::new(QUANTITY_PATTERN) {
            Ok(regex) => regex,
            Err(error) => panic!("QUANTITY_PATTERN does not compile: {error}"),
        }
    }

    /// Every example phrase from the module docs and the issue.
    const EXAMPLES: &[&str] = &[
        "more than 400",
        "over 150",
        "nearly 400",
        "a dozen",
        "more than a dozen",
        "eight",
        "twenty-five",
        "1,200",
        "1.5 million",
        "400-plus",
        "400+",
        "dozens",
        "hundreds",
        "a couple of",
        "33 percent",
        "33%",
        "33 per cent",
        "about 400",
        "roughly 10",
        "up to 20",
        "fewer than 50",
        "under 50",
        "at least 3",
        "almost 400",
        "around 400",
        "some 400",
        "as many as 20",
        "no fewer than 12",
        "a handful of",
        "a few",
        "several",
        "scores",
        "thousands",
        "2 billion",
        "two million",
        "a hundred",
        "one hundred",
        "two hundred",
        "a thousand",
        "2023",
        "400 or more",
        "close to 400",
        "just under 400",
        "approximately 400",
        "an estimated 400",
        "at most 20",
        "no more than 20",
        "less than 50",
        "dozens of",
        "hundreds of thousands",
        "tens of thousands of",
        "a few hundred",
        "half a dozen",
        "zero",
    ];

    /// Phrases beyond the examples that both the pattern and the parser
    /// must accept.
    const MORE_PHRASES: &[&str] = &[
        "MORE THAN 400",
        "Over 150",
        "  nearly 400  ",
        "more\u{a0}than\n400",
        "twenty five",
        "ninety-nine",
        "twenty-one hundred",
        "eleven hundred",
        "a hundred and five",
        "two hundred fifty",
        "one million two hundred thousand and five",
        "two thousand and five hundred",
        "a hundred thousand",
        "half a million",
        "two dozen",
        "a couple",
        "a couple hundred",
        "a couple of thousand",
        "several thousand",
        "a handful",
        "hundreds of millions of",
        "scores of",
        "1,234,567.89",
        "0.5",
        "33 %",
        "33.5%",
        "nearly 40%",
        "40-plus percent",
        "40+%",
        "33 percent or more",
        "400 or so",
        "400 or fewer",
        "400 or less",
        "a dozen or so",
        "well over 400",
        "in excess of 1.5 million",
        "a minimum of 3",
        "a maximum of 3",
        "some one hundred",
        "thirty percent",
        "1.5 dozen",
        "400 thousand",
    ];

    /// Near misses that neither the pattern nor the parser may accept as a
    /// whole phrase.
    const NOT_QUANTITIES: &[&str] = &[
        "",
        "   ",
        "the 400",
        "400 people",
        "weight",
        "overall",
        "someone",
        "1990s",
        "more than",
        "over",
        "hundred",
        "thousand",
        "dozen",
        "a",
        "tens",
        "a few of",
        "400 - plus",
        "400 +",
        "400plus",
        "twentyfive",
        "1,20",
        "1,2000",
        "12,34,567",
        "400.",
        ".5",
        "1..5",
        "1.5.5",
        "one and two",
        "five five",
        "-5",
        "$400",
        "4OO",
        "more than 400 or more",
        "400+ or more",
        "over 400-plus",
        "twenty-",
        "twenty -five",
        "twenty- five",
        "ninety-ten",
        "zero hundred",
        "a dozen dozen",
        "a hundred and",
        "two thousand and",
        "percent",
        "33 percentage",
        "over-400",
        "café",
        "a few of them",
        "some",
        "several of",
    ];

    #[test]
    fn bare_figures_are_exact() {
        exactly("eight", 8.0);
        exactly("8", 8.0);
        exactly("1,200", 1200.0);
        exactly("1.5 million", 1_500_000.0);
        exactly("2.3 million", 2_300_000.0);
        exactly("2 billion", 2e9);
        exactly("400 thousand", 400_000.0);
        exactly("1.5 dozen", 18.0);
        exactly("a dozen", 12.0);
        exactly("two dozen", 24.0);
        exactly("half a dozen", 6.0);
        exactly("half a million", 500_000.0);
        exactly("a couple", 2.0);
        exactly("a couple of", 2.0);
        exactly("a couple hundred", 200.0);
        exactly("a couple of thousand", 2000.0);
        exactly("2023", 2023.0);
        exactly("0.5", 0.5);
        exactly("1,234,567.89", 1_234_567.89);
        exactly("zero", 0.0);
    }

    #[test]
    fn more_than_is_open_above_n() {
        for prefix in [
            "more than",
            "over",
            "above",
            "greater than",
            "upwards of",
            "in excess of",
            "well over",
            "well above",
            "just over",
            "just above",
        ] {
            interval(
                &format!("{prefix} 400"),
                (400.0, false),
                (INF, false),
                Qualifier::MoreThan,
            );
        }
        interval(
            "400-plus",
            (400.0, false),
            (INF, false),
            Qualifier::MoreThan,
        );
        interval("400+", (400.0, false), (INF, false), Qualifier::MoreThan);
    }

    #[test]
    fn at_least_is_closed_at_n() {
        for prefix in [
            "at least",
            "no fewer than",
            "no less than",
            "not fewer than",
            "not less than",
            "a minimum of",
        ] {
            interval(
                &format!("{prefix} 400"),
                (400.0, true),
                (INF, false),
                Qualifier::AtLeast,
            );
        }
        interval(
            "400 or more",
            (400.0, true),
            (INF, false),
            Qualifier::AtLeast,
        );
    }

    #[test]
    fn nearly_is_just_short_of_n() {
        for prefix in [
            "nearly",
            "almost",
            "close to",
            "just under",
            "just below",
            "just shy of",
        ] {
            interval(
                &format!("{prefix} 400"),
                (360.0, true),
                (400.0, false),
                Qualifier::Nearly,
            );
        }
        // The margin is widened to a whole number for a whole figure.
        interval("nearly 15", (13.0, true), (15.0, false), Qualifier::Nearly);
        interval("almost 1", (0.0, true), (1.0, false), Qualifier::Nearly);
    }

    #[test]
    fn about_is_within_ten_percent() {
        for prefix in [
            "about",
            "around",
            "roughly",
            "approximately",
            "some",
            "an estimated",
            "estimated",
        ] {
            interval(
                &format!("{prefix} 400"),
                (360.0, true),
                (440.0, true),
                Qualifier::About,
            );
        }
        interval("400 or so", (360.0, true), (440.0, true), Qualifier::About);
        interval("about 5", (4.0, true), (6.0, true), Qualifier::About);
        interval("roughly 10", (9.0, true), (11.0, true), Qualifier::About);
        // A fractional figure keeps its exact margins.
        let quantity = q("about 0.5");
        assert!((quantity.low - 0.45).abs() < 1e-12 && (quantity.high - 0.55).abs() < 1e-12);
    }

    #[test]
    fn up_to_is_closed_at_n() {
        for prefix in [
            "up to",
            "as many as",
            "at most",
            "no more than",
            "not more than",
            "a maximum of",
        ] {
            interval(
                &format!("{prefix} 20"),
                (0.0, true),
                (20.0, true),
                Qualifier::UpTo,
            );
        }
        interval("20 or fewer", (0.0, true), (20.0, true), Qualifier::UpTo);
        interval("20 or less", (0.0, true), (20.0, true), Qualifier::UpTo);
    }

    #[test]
    fn fewer_than_is_open_at_n() {
        for prefix in [
            "fewer than",
            "less than",
            "under",
            "below",
            "well under",
            "well below",
        ] {
            interval(
                &format!("{prefix} 50"),
                (0.0, true),
                (50.0, false),
                Qualifier::FewerThan,
            );
        }
    }

    #[test]
    fn vague_counts_are_ranges() {
        interval("a few", (3.0, true), (5.0, true), Qualifier::Range);
        interval("a handful", (3.0, true), (6.0, true), Qualifier::Range);
        interval("a handful of", (3.0, true), (6.0, true), Qualifier::Range);
        interval("several", (3.0, true), (9.0, true), Qualifier::Range);
        interval(
            "a few hundred",
            (300.0, true),
            (500.0, true),
            Qualifier::Range,
        );
        interval(
            "several thousand",
            (3000.0, true),
            (9000.0, true),
            Qualifier::Range,
        );
        interval("a few dozen", (36.0, true), (60.0, true), Qualifier::Range);
    }

    #[test]
    fn plurals_have_no_upper_bound() {
        let cases = [
            ("dozens", 24.0),
            ("dozens of", 24.0),
            ("scores", 40.0),
            ("scores of", 40.0),
            ("hundreds", 200.0),
            ("hundreds of", 200.0),
            ("thousands", 2000.0),
            ("millions", 2e6),
            ("billions of", 2e9),
            ("tens of thousands", 20_000.0),
            ("tens of thousands of", 20_000.0),
            ("hundreds of thousands", 200_000.0),
            ("hundreds of millions of", 200e6),
            ("dozens of thousands", 24_000.0),
        ];
        for (text, low) in cases {
            interval(text, (low, true), (INF, false), Qualifier::Plural);
        }
    }

    #[test]
    fn more_than_a_dozen_agrees_with_thirteen() {
        interval(
            "more than a dozen",
            (12.0, false),
            (INF, false),
            Qualifier::MoreThan,
        );
        assert!(q("more than a dozen").agrees_with(&q("13"), true));
        assert!(q("13").agrees_with(&q("more than a dozen"), true));
        assert!(!q("more than a dozen").agrees_with(&q("twelve"), true));
    }

    #[test]
    fn percentages_keep_their_interval_and_are_marked() {
        for text in [
            "33 percent",
            "33%",
            "33 %",
            "33 per cent",
            "thirty-three percent",
        ] {
            let quantity = q(text);
            assert!(quantity.percent, "`{text}`");
            interval(text, (33.0, true), (33.0, true), Qualifier::None);
        }
        let nearly = q("nearly 40%");
        assert!(nearly.percent);
        assert_eq!((nearly.low, nearly.high), (36.0, 40.0));
        assert!(q("33 percent or more").percent);
        assert_eq!(q("33 percent or more").qualifier, Qualifier::AtLeast);
        assert!(q("40-plus percent").percent);
        assert_eq!(q("40-plus percent").qualifier, Qualifier::MoreThan);
        assert!(!q("33%").agrees_with(&q("33"), false));
        assert!(!q("33").agrees_with(&q("33 percent"), false));
        assert!(q("33%").agrees_with(&q("33 per cent"), true));
    }

    #[test]
    fn bounds_in_one_direction_on_different_figures_disagree() {
        for strict in [false, true] {
            assert!(!q("more than 300").agrees_with(&q("more than 400"), strict));
            assert!(!q("at least 3").agrees_with(&q("more than 4"), strict));
            assert!(!q("nearly 400").agrees_with(&q("up to 390"), strict));
            // The same figure, or bounds pointing different ways, compare
            // as intervals.
            assert!(q("more than 400").agrees_with(&q("at least 400"), strict));
            assert!(q("more than 150").agrees_with(&q("nearly 200"), strict));
        }
        // A bare figure inside a bound still agrees with it.
        assert!(q("more than 300").agrees_with(&q("400"), false));
    }

    /// Spells 1 to 99 from the tables, hyphenating compounds or not.
    fn spell(n: usize, hyphen: bool) -> String {
        match n {
            1..=9 => UNITS[n - 1].to_string(),
            10..=19 => TEENS[n - 10].to_string(),
            _ if n.is_multiple_of(10) => TENS[n / 10 - 2].to_string(),
            _ => {
                let separator = if hyphen { "-" } else { " " };
                format!("{}{separator}{}", TENS[n / 10 - 2], UNITS[n % 10 - 1])
            }
        }
    }

    #[test]
    fn number_words_below_a_hundred() {
        let full = full_pattern();
        for n in 1..100 {
            for hyphen in [true, false] {
                let text = spell(n, hyphen);
                exactly(&text, n as f64);
                assert!(full.is_match(&text), "`{text}`");
                exactly(&text.to_uppercase(), n as f64);
            }
        }
        exactly("twenty-five", 25.0);
        exactly("Twenty-Five", 25.0);
        exactly("nineteen", 19.0);
        exactly("ninety", 90.0);
    }

    #[test]
    fn number_words_with_hundreds_and_scales() {
        exactly("a hundred", 100.0);
        exactly("one hundred", 100.0);
        exactly("two hundred", 200.0);
        exactly("two hundred and fifty", 250.0);
        exactly("two hundred fifty", 250.0);
        exactly("a hundred and five", 105.0);
        exactly("fifteen hundred", 1500.0);
        exactly("twenty-one hundred", 2100.0);
        exactly("a thousand", 1000.0);
        exactly("one thousand", 1000.0);
        exactly("a hundred thousand", 100_000.0);
        exactly("two million", 2e6);
        exactly("a million", 1e6);
        exactly("three billion", 3e9);
        exactly("two thousand and five", 2005.0);
        exactly("two thousand five hundred", 2500.0);
        exactly("two thousand and five hundred", 2500.0);
        exactly("one million two hundred thousand and five", 1_200_005.0);
        exactly("nine hundred ninety-nine thousand", 999_000.0);
        interval(
            "more than a hundred",
            (100.0, false),
            (INF, false),
            Qualifier::MoreThan,
        );
        interval(
            "nearly a million",
            (900_000.0, true),
            (1e6, false),
            Qualifier::Nearly,
        );
    }

    #[test]
    fn case_and_surrounding_white_space_are_ignored() {
        assert_eq!(q("MORE THAN 400"), q("more than 400"));
        assert_eq!(q("  Over 150\n"), q("more than 150"));
        assert_eq!(q("more\u{a0}than  400"), q("more than 400"));
        assert_eq!(q("A Dozen"), q("12"));
    }

    #[test]
    fn non_quantities_do_not_parse() {
        for text in NOT_QUANTITIES {
            assert_eq!(parse(text), None, "`{text}` should not parse");
        }
    }

    #[test]
    fn qualifiers_leaving_no_value_do_not_parse() {
        assert_eq!(parse("fewer than zero"), None);
        assert_eq!(parse("under 0"), None);
        assert_eq!(parse("nearly 0"), None);
        assert!(parse("up to 0").is_some());
        assert!(parse("about 0").is_some());
    }

    #[test]
    fn issue_cases_agree_and_disagree_as_reported() {
        let nearly = q("nearly 400");
        let more = q("more than 400");
        assert!(!nearly.agrees_with(&more, false));
        assert!(!more.agrees_with(&nearly, false));

        let bare = q("400");
        let over = q("over 400");
        assert!(bare.agrees_with(&over, false));
        assert!(over.agrees_with(&bare, false));
        assert!(!bare.agrees_with(&over, true));
        assert!(!over.agrees_with(&bare, true));

        assert!(q("more than a dozen").agrees_with(&q("13"), false));
        assert!(!q("eight").agrees_with(&q("six"), false));
        assert!(!q("more than 400").agrees_with(&q("300"), false));
        assert!(q("over 400").agrees_with(&q("more than 400"), true));
        assert!(q("more than 150").agrees_with(&q("over 150"), true));
    }

    #[test]
    fn agreement_respects_open_and_closed_ends() {
        // Touching at a closed end is a shared value.
        assert!(q("at least 400").agrees_with(&q("up to 400"), true));
        // Touching at an open end is not.
        assert!(!q("fewer than 400").agrees_with(&q("at least 400"), true));
        assert!(!q("up to 400").agrees_with(&q("more than 400"), true));
        assert!(q("nearly 400").agrees_with(&q("about 400"), true));
        assert!(q("nearly 400").agrees_with(&q("370"), true));
        assert!(!q("nearly 400").agrees_with(&q("350"), false));
        assert!(q("dozens").agrees_with(&q("hundreds"), true));
        assert!(!q("dozens").agrees_with(&q("a dozen"), false));
        assert!(q("a few").agrees_with(&q("three"), true));
        assert!(!q("a few").agrees_with(&q("a couple"), false));
        assert!(q("1.5 million").agrees_with(&q("1,500,000"), true));
        assert!(q("2.3 million").agrees_with(&q("2,300,000"), true));
    }

    #[test]
    fn a_bare_figure_rounds_any_stated_figure_unless_strict() {
        for qualified in [
            "more than 400",
            "nearly 400",
            "fewer than 400",
            "about 400",
            "400-plus",
        ] {
            assert!(q("400").agrees_with(&q(qualified), false));
            assert!(
                q(qualified).agrees_with(&q("four hundred"), false),
                "`{qualified}`"
            );
        }
        assert!(!q("400").agrees_with(&q("more than 400"), true));
        assert!(!q("400").agrees_with(&q("fewer than 400"), true));
        // Two qualified statements never round to each other.
        assert!(!q("nearly 400").agrees_with(&q("over 400"), false));
        // A vague size states no figure to round.
        assert!(!q("12").agrees_with(&q("dozens"), false));
        assert!(!q("2").agrees_with(&q("a few"), false));
    }

    #[test]
    fn display_is_compact() {
        let cases = [
            ("400", "400"),
            ("more than 400", "more than 400"),
            ("over 400", "more than 400"),
            ("400-plus", "more than 400"),
            ("nearly 400", "nearly 400"),
            ("almost 400", "nearly 400"),
            ("about 400", "about 400"),
            ("some 400", "about 400"),
            ("at least 3", "at least 3"),
            ("400 or more", "at least 400"),
            ("up to 20", "up to 20"),
            ("under 50", "fewer than 50"),
            ("a dozen", "12"),
            ("more than a dozen", "more than 12"),
            ("dozens", "24 or more"),
            ("hundreds of thousands", "200,000 or more"),
            ("a few", "3 to 5"),
            ("33%", "33%"),
            ("nearly 33.5 percent", "nearly 33.5%"),
            ("1,200", "1200"),
            ("2023", "2023"),
            ("12,500", "12,500"),
            ("1.5 million", "1.5 million"),
            ("2,300,000", "2.3 million"),
            ("2 billion", "2 billion"),
            ("1,234,567", "1,234,567"),
            ("0.5", "0.5"),
        ];
        for (text, shown) in cases {
            assert_eq!(q(text).to_string(), shown, "`{text}`");
        }
    }

    #[test]
    fn pattern_matches_every_example_as_a_whole() {
        let full = full_pattern();
        for text in EXAMPLES.iter().chain(MORE_PHRASES) {
            assert!(full.is_match(text.trim()), "pattern should match `{text}`");
        }
    }

    #[test]
    fn pattern_and_parser_accept_the_same_phrases() {
        let full = full_pattern();
        for text in EXAMPLES.iter().chain(MORE_PHRASES).chain(NOT_QUANTITIES) {
            let text = text.trim();
            assert_eq!(
                full.is_match(text),
                parse(text).is_some(),
                "pattern and parser differ on `{text}`"
            );
        }
    }

    #[test]
    fn pattern_differs_from_parser_only_on_nonsense() {
        let full = full_pattern();
        for text in ["two thousand three million", "fewer than zero", "nearly 0"] {
            assert!(full.is_match(text), "`{text}`");
            assert_eq!(parse(text), None, "`{text}`");
        }
    }

    #[test]
    fn pattern_finds_the_phrase_in_running_text() {
        let regex = pattern();
        let cases = [
            (
                "The FBI is hunting more than a dozen Uzbek migrants",
                "more than a dozen",
            ),
            (
                "Over 150 of the identified individuals have been detained",
                "Over 150",
            ),
            ("the arrest of eight Tajik nationals", "eight"),
            ("officials said some 400 migrants crossed", "some 400"),
            ("a total of twenty-five people", "twenty-five"),
            ("nearly 40% of voters", "nearly 40%"),
            ("the 400-plus passengers", "400-plus"),
            ("he had 400+ followers", "400+"),
            (
                "hundreds of thousands of people marched",
                "hundreds of thousands of",
            ),
            ("a couple of hundred yards away", "a couple of hundred"),
            ("worth $1.5 million in cash", "1.5 million"),
            ("no more than 20 people", "no more than 20"),
            ("well over 400 arrests", "well over 400"),
            ("they found 400 or more", "400 or more"),
            ("in 2023 alone", "2023"),
            ("a handful of protesters", "a handful of"),
            ("the overall weight of 8 tonnes", "8"),
            ("Someone counted eighteen", "eighteen"),
        ];
        for (sentence, expected) in cases {
            let found = regex.find(sentence).map(|found| found.as_str());
            assert_eq!(found, Some(expected), "in `{sentence}`");
            assert!(parse(expected).is_some(), "`{expected}` should parse");
        }
    }

    /// The build script's automata find exactly what the regex crate finds
    /// with the pattern, on random text made of the grammar's words, its
    /// near misses, digits, punctuation and white space of every kind.
    #[test]
    fn figures_are_the_matches_of_the_pattern() {
        let regex = pattern();
        // Asserts that both find the same figures in `text`; their number.
        let found_alike = |text: &str| {
            let expected: Vec<Range<usize>> = regex.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(figures(text).collect::<Vec<_>>(), expected, "in {text:?}");
            expected.len()
        };
        let pieces = [
            "more",
            "than",
            "over",
            "Over",
            "nearly",
            "about",
            "some",
            "a",
            "A",
            "few",
            "several",
            "dozen",
            "dozens",
            "of",
            "hundred",
            "hundreds",
            "thousand",
            "thousands",
            "million",
            "and",
            "twenty",
            "twenty-five",
            "Eight",
            "eight",
            "eighteen",
            "one",
            "zero",
            "half",
            "couple",
            "handful",
            "or",
            "more.",
            "so",
            "percent",
            "per",
            "cent",
            "%",
            "-plus",
            "+",
            "400",
            "1,200",
            "3.5",
            "1990s",
            "2023",
            "weight",
            "someone",
            "migrants",
            "at",
            "least",
            "up",
            "to",
            "fewer",
            "José",
            "数",
            "“",
            "”",
            "—",
            ",",
            ".",
            "\u{0}",
        ];
        let spaces = [" ", " ", "  ", "\u{a0}", "\u{2009}", "\n", "\t", "", "-"];
        let mut random = crate::test_random::Random(0x5eed_0f16);
        let mut found = 0;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..random.below(14) {
                text.push_str(random.pick(&pieces));
                text.push_str(random.pick(&spaces));
            }
            found += found_alike(&text);
        }
        assert!(
            found > 1000,
            "the texts should hold many figures, not {found}"
        );
        for text in EXAMPLES.iter().chain(MORE_PHRASES).chain(NOT_QUANTITIES) {
            found_alike(text);
        }
    }

    #[test]
    fn pattern_finds_nothing_inside_words() {
        let regex = pattern();
        for text in [
            "weight",
            "overall",
            "someone",
            "the 1990s",
            "tenfold",
            "oneself",
            "A4 paper",
            "version2",
            "frontline",
            "sevenths",
            "over the moon",
            "some of them",
        ] {
            assert_eq!(
                regex.find(text).map(|found| found.as_str()),
                None,
                "in `{text}`"
            );
        }
    }

    #[test]
    fn pattern_embeds_in_a_larger_regex() {
        let regex = pattern();
        assert_eq!(regex.captures_len(), 1, "the pattern must not capture");
        assert!(!QUANTITY_PATTERN.contains("(?P<") && !QUANTITY_PATTERN.contains("(?<"));
        let user = match Regex::new(&format!(
            r"arrest of (?P<count>{QUANTITY_PATTERN}) (?P<who>\w+)"
        )) {
            Ok(regex) => regex,
            Err(error) => panic!("embedded pattern does not compile: {error}"),
        };
        let captures = match user.captures("after the arrest of eight Tajik nationals") {
            Some(captures) => captures,
            None => panic!("embedded pattern should match"),
        };
        assert_eq!(&captures["count"], "eight");
        assert_eq!(&captures["who"], "Tajik");
        // The pattern's flags stay inside it: the rest of a user regex is
        // still case-sensitive.
        let cased = match Regex::new(&format!("ARREST of {QUANTITY_PATTERN}")) {
            Ok(regex) => regex,
            Err(error) => panic!("embedded pattern does not compile: {error}"),
        };
        assert!(!cased.is_match("arrest of eight"));
        assert!(cased.is_match("ARREST of EIGHT"));
    }

    #[test]
    fn pattern_is_small_enough_to_embed_twice() {
        // The rule loader allows 8 MiB per compiled rule regex.
        let twice = format!("{QUANTITY_PATTERN} to {QUANTITY_PATTERN}");
        let built = RegexBuilder::new(&twice)
            .size_limit(2 * 1024 * 1024)
            .build();
        assert!(built.is_ok(), "{:?}", built.err());
    }

    /// The regex word lists, with the phrase separator read back as a space.
    fn alternatives(pattern: &str) -> Vec<String> {
        pattern
            .split('|')
            .map(|alternative| alternative.replace(ws!(), " "))
            .collect()
    }

    fn words<T>(table: &[(&str, T)]) -> Vec<String> {
        table.iter().map(|(word, _)| word.to_string()).collect()
    }

    #[test]
    fn pattern_word_lists_match_the_parser_tables() {
        assert_eq!(alternatives(units!()), UNITS);
        assert_eq!(alternatives(teens!()), TEENS);
        assert_eq!(alternatives(tens!()), TENS);
        assert_eq!(alternatives(scales!()), words(&SCALES));
        assert_eq!(alternatives(multipliers!()), words(&MULTIPLIERS));
        assert_eq!(alternatives(halves!()), words(&HALVES));
        assert_eq!(alternatives(plural_heads!()), words(&PLURAL_HEADS));
        assert_eq!(alternatives(plural_tails!()), words(&PLURAL_TAILS));
        assert_eq!(alternatives(plurals!()), words(&PLURALS));
        assert_eq!(alternatives(prefixes!()), words(&PREFIXES));
        assert_eq!(alternatives(or_suffixes!()), words(&OR_SUFFIXES));
    }

    #[test]
    fn no_qualifying_phrase_is_a_prefix_of_another() {
        for table in [&PREFIXES[..], &OR_SUFFIXES[..]] {
            for (a, _) in table {
                for (b, _) in table {
                    assert!(
                        a == b || !b.starts_with(&format!("{a} ")),
                        "`{a}` is a prefix of `{b}`"
                    );
                }
            }
        }
    }

    #[test]
    fn parsed_intervals_are_never_empty() {
        for text in EXAMPLES.iter().chain(MORE_PHRASES) {
            let quantity = q(text);
            assert!(
                quantity.low < quantity.high
                    || (quantity.low == quantity.high
                        && quantity.low_inclusive
                        && quantity.high_inclusive),
                "`{text}` is empty"
            );
            assert!(quantity.low >= 0.0 && quantity.low.is_finite(), "`{text}`");
            assert!(quantity.agrees_with(&quantity, true), "`{text}`");
        }
    }
}
