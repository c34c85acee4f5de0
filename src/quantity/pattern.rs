//! The figure grammar as a regex source, [`QUANTITY_PATTERN`]: in a file
//! of its own so that the build script can compile it ahead of time into
//! the automata that find figures (see `crate::quantity`'s `figures`).
//! Each list macro below mirrors one parser table; the tests check that
//! they agree word for word.

/// White space between words: any Unicode white space, as in the parser.
macro_rules! ws {
    () => {
        r"(?u:\s)+"
    };
}

/// The words of a phrase, each separated by [`ws!`].
macro_rules! phrase {
    ($first:tt $($rest:tt)*) => {
        concat!(stringify!($first) $(, ws!(), stringify!($rest))*)
    };
}

/// Alternatives: `phrases!([more than], [over])` is `more\s+than|over`.
macro_rules! phrases {
    ([$($first:tt)+] $(, [$($rest:tt)+])* $(,)?) => {
        concat!(phrase!($($first)+) $(, "|", phrase!($($rest)+))*)
    };
}

macro_rules! units {
    () => {
        "one|two|three|four|five|six|seven|eight|nine"
    };
}

macro_rules! teens {
    () => {
        "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    };
}

macro_rules! tens {
    () => {
        "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    };
}

macro_rules! scales {
    () => {
        "thousand|million|billion|trillion"
    };
}

macro_rules! multipliers {
    () => {
        "dozen|hundred|thousand|million|billion|trillion"
    };
}

macro_rules! halves {
    () => {
        "dozen|thousand|million|billion|trillion"
    };
}

macro_rules! plural_heads {
    () => {
        "tens|dozens|scores|hundreds"
    };
}

macro_rules! plural_tails {
    () => {
        "thousands|millions|billions"
    };
}

macro_rules! plurals {
    () => {
        "dozens|scores|hundreds|thousands|millions|billions"
    };
}

macro_rules! prefixes {
    () => {
        phrases!(
            [more than], [over], [above], [greater than], [upwards of], [in excess of],
            [well over], [well above], [just over], [just above],
            [at least], [no fewer than], [no less than], [not fewer than], [not less than],
            [a minimum of],
            [nearly], [almost], [close to], [just under], [just below], [just shy of],
            [about], [around], [roughly], [approximately], [some], [an estimated], [estimated],
            [up to], [as many as], [at most], [no more than], [not more than], [a maximum of],
            [fewer than], [less than], [under], [below], [well under], [well below],
        )
    };
}

macro_rules! or_suffixes {
    () => {
        phrases!([or more], [or fewer], [or less], [or so])
    };
}

// The grammar below is laid out by hand, one alternative per line, because
// rustfmt would put every `concat!` argument on a line of its own.

/// 1 to 99 in words: `twenty-five`, `twenty five`, `twelve`, `seven`.
#[rustfmt::skip]
macro_rules! below_hundred {
    () => { concat!(
        "(?:(?:", tens!(), r")\b(?:(?:-|", ws!(), ")(?:", units!(), r")\b)?",
        "|(?:", teens!(), r")\b",
        "|(?:", units!(), r")\b",
        ")",
    ) };
}

/// 1 to 9,999 in words: `a hundred and five`, `fifteen hundred`, `forty`.
#[rustfmt::skip]
macro_rules! below_thousand {
    () => { concat!(
        "(?:(?:a", ws!(), "|", below_hundred!(), ws!(), r")hundred\b",
            "(?:", ws!(), r"(?:and\b", ws!(), ")?", below_hundred!(), ")?",
        "|", below_hundred!(),
        ")",
    ) };
}

/// Number words with a scale: `a million`, `two thousand and five`,
/// `one million two hundred thousand`.
#[rustfmt::skip]
macro_rules! large {
    () => { concat!(
        "(?:a", ws!(), "|", below_thousand!(), ws!(), ")(?:", scales!(), r")\b",
        "(?:", ws!(), r"(?:and\b", ws!(), ")?", below_thousand!(), ws!(), "(?:", scales!(), r")\b)*",
        "(?:", ws!(), r"(?:and\b", ws!(), ")?", below_thousand!(), ")?",
    ) };
}

/// A figure: digits, words, or a counting phrase such as `a dozen`. Longer
/// alternatives come first, since the regex takes the first that fits.
#[rustfmt::skip]
macro_rules! number {
    () => { concat!(
        r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\b(?:", ws!(), "(?:", multipliers!(), r")\b)?",
        "|", large!(),
        "|half", ws!(), "a", ws!(), "(?:", halves!(), r")\b",
        "|(?:a", ws!(), "|", below_hundred!(), ws!(), r")dozen\b",
        "|a", ws!(), r"couple\b(?:", ws!(), r"of\b)?(?:", ws!(), "(?:", multipliers!(), r")\b)?",
        "|", below_thousand!(),
        r"|zero\b",
        ")",
    ) };
}

/// `%`, `percent`, `per cent`.
#[rustfmt::skip]
macro_rules! percent {
    () => { concat!(
        r"(?:(?u:\s)*%",
        "|", ws!(), r"percent\b",
        "|", ws!(), "per", ws!(), r"cent\b",
        ")",
    ) };
}

/// A regex source that finds a quantity phrase in running text: anything
/// [`parse`] reads, such as `more than a dozen`, `Over 150`, `eight`,
/// `33 percent` or `hundreds of`.
///
/// It is written to be pasted into a larger pattern in place of a
/// `{quantity}` placeholder: it is one non-capturing group with no capture
/// groups of its own, its flags (case-insensitive, ASCII word boundaries)
/// are scoped to that group, and it starts and ends at word boundaries, so
/// it finds nothing in `weight`, `overall`, `someone` or `1990s`. Feed the
/// matched text to [`parse`] for its interval.
#[rustfmt::skip]
pub const QUANTITY_PATTERN: &str = concat!(
    r"(?i-u:\b(?:",
    // PREFIX NUMBER [PERCENT]
    "(?:", prefixes!(), ")", ws!(), number!(), percent!(), "?",
    // NUMBER (-plus|+) [PERCENT], or NUMBER [PERCENT] [or more|...]
    "|", number!(), "(?:",
        r"(?:-plus\b|\+)", percent!(), "?",
        "|", percent!(), "?(?:", ws!(), "(?:", or_suffixes!(), r")\b)?",
    ")",
    // dozens, hundreds of thousands, with an optional `of`
    "|(?:",
        "(?:", plural_heads!(), r")\b", ws!(), r"of\b", ws!(), "(?:", plural_tails!(), r")\b",
        "|(?:", plurals!(), r")\b",
    ")(?:", ws!(), r"of\b)?",
    // a few, several, a few hundred, a handful (of)
    "|(?:a", ws!(), r"few|several)\b(?:", ws!(), "(?:", multipliers!(), r")\b)?",
    "|a", ws!(), r"handful\b(?:", ws!(), r"of\b)?",
    "))",
);
