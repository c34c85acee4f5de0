//! What each paragraph is for: the article's own prose, or the furniture
//! of the page it was taken from.
//!
//! Real articles reach a linter with their site furniture attached: share
//! bars, copyright and credit lines, photo captions and galleries (`Image
//! 73 of 111 ...`), bylines, datelines (`CHICAGO (AP) —`), "Related" and
//! "Read more" blocks, sign-up prompts, embedded tweets, video transcripts.
//! A survey of 1,972 scraped articles (`../shared/corpus/PITFALLS.md`)
//! found that this furniture causes most false findings: a doubled word in
//! a share bar is not a typo an editor would fix, a gallery caption is
//! meant to restate the body, a transcript line has no attribution verb.
//!
//! So each paragraph gets a [`Role`], decided once when the document is
//! built, and each rule reads only the roles it is meant for (`roles =
//! [...]` in a rule file; every kind has a sensible default, mostly
//! `prose` and `headline`).
//!
//! The classifier is a list of plain, ordered tests on the paragraph's
//! text and its place in the document; the first that matches decides.
//! Each test is written to be specific: a paragraph that might be prose
//! is left as prose, since a false "furniture" would silence every rule
//! on real copy. In order:
//!
//! 1. **boilerplate**: copyright lines, share and navigation bars,
//!    sign-up and app prompts, "Related:" and "Read more" links, embedded
//!    tweets, comment and log-in widgets, separator lines, a related-stories
//!    widget (two or more paragraphs each doubled), and text read from a
//!    scanned print page (words split at column breaks: `real- ly`);
//! 2. **caption**: photo and video captions and credits (`Image 3 of 9`,
//!    `(Photo: ...)`, `Buy Photo`, `(AP Photo/...)`, `Name/Outlet` credit
//!    endings, video time codes);
//! 3. **byline**: `By ...`, `-- Name`, `With wire services`, `... contributed
//!    to this report.`, e-mail addresses, handles and phone numbers on a
//!    line of their own;
//! 4. **transcript**: the transcript form `Speaker: "..."`, `Q:`/`A:`
//!    interviews, `>>` and WEBVTT captions, and long paragraphs in
//!    capitals (broadcast closed captions);
//! 5. **dateline**: a paragraph that is only a dateline (`DETROIT -`); a
//!    dateline that opens a prose paragraph is recorded as the paragraph's
//!    [`Classified::dateline`] and the paragraph stays prose;
//! 6. **headline**: the first paragraph when it is one short line with no
//!    final period, the unterminated lines after it (a dek), a teaser the
//!    next paragraph repeats word for word (the page's summary above its
//!    lede), and short Title Case or capitals lines with no final
//!    punctuation further down (subheadings);
//! 7. **prose**: everything else.

use std::sync::LazyLock;

use rayon::prelude::*;

use crate::rule_regex::Characters;
use crate::rule_regex::RuleRegex;

use super::{count_words, words};
use crate::source::Span;

/// What a paragraph is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The article's own text.
    Prose,
    /// The headline, a dek under it, or a subheading.
    Headline,
    /// A dateline standing alone (`LAS VEGAS (KTNV) -`).
    Dateline,
    /// Who wrote it: `By ...`, `-- Name`, contact lines.
    Byline,
    /// A photo or video caption, or a credit.
    Caption,
    /// Site furniture: copyright, share bars, sign-up prompts, related
    /// links, embeds, widgets.
    Boilerplate,
    /// A transcript line (`Dispatcher: "..."`, `Q:`), or broadcast captions.
    Transcript,
}

impl Role {
    /// Every role, in the order they are documented.
    pub const ALL: [Role; 7] = [
        Role::Prose,
        Role::Headline,
        Role::Dateline,
        Role::Byline,
        Role::Caption,
        Role::Boilerplate,
        Role::Transcript,
    ];

    /// The role's name in rule files and in `factlint inspect`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Prose => "prose",
            Role::Headline => "headline",
            Role::Dateline => "dateline",
            Role::Byline => "byline",
            Role::Caption => "caption",
            Role::Boilerplate => "boilerplate",
            Role::Transcript => "transcript",
        }
    }

    /// Looks a role up by its name.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.name() == name)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of roles: the paragraphs a rule reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RoleSet(u8);

impl RoleSet {
    /// Every role.
    pub const ALL: RoleSet = RoleSet(0b111_1111);
    /// The article's prose only.
    pub const PROSE: RoleSet = RoleSet(1 << Role::Prose as u8);
    /// Prose and headlines (with deks and subheadings).
    pub const PROSE_AND_HEADLINE: RoleSet =
        RoleSet((1 << Role::Prose as u8) | (1 << Role::Headline as u8));

    pub fn new(roles: impl IntoIterator<Item = Role>) -> Self {
        RoleSet(roles.into_iter().fold(0, |bits, role| bits | role.bit()))
    }

    pub fn contains(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    /// The roles in the set, in documented order.
    pub fn roles(self) -> impl Iterator<Item = Role> {
        Role::ALL
            .into_iter()
            .filter(move |&role| self.contains(role))
    }
}

impl std::fmt::Display for RoleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.roles().map(Role::name).collect();
        write!(f, "{}", names.join(", "))
    }
}

/// The classification of one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Classified {
    pub role: Role,
    /// A dateline opening the paragraph (`CHICAGO (AP) — `, with the dash
    /// and the space after it), when there is one.
    pub dateline: Option<Span>,
    /// Which version of the story the paragraph belongs to: 0 before any
    /// update marker (`UPDATE (5:04 p.m.):`, `ORIGINAL STORY:`, `Previous
    /// coverage below.`), then 1, 2, ... from each marker on. An updated
    /// story keeps its earlier version below the update, so the two
    /// restate each other, and figures may change between them, by design.
    pub section: usize,
}

/// A headline has at most this many words; longer first lines are prose
/// (a lede exported without its headline).
const MAX_HEADLINE_WORDS: usize = 30;
/// A dek (the line under the headline) has at most this many words.
const MAX_DEK_WORDS: usize = 40;
/// How many paragraphs after the headline may be a dek or a teaser.
const MAX_DEK_PARAGRAPHS: usize = 3;
/// At most this many boilerplate paragraphs may come before the headline.
const MAX_LEADING_FURNITURE: usize = 2;
/// A headline that ends like a sentence (`... surrenders?`, `... in Brazoria
/// Co.`, `... was 'ticking...`) has at most this many words.
const MAX_TERMINATED_HEADLINE_WORDS: usize = 15;
/// A subheading has at most this many words.
const MAX_SUBHEADING_WORDS: usize = 10;
/// Furniture lines are short; a test that looks for a furniture phrase
/// anywhere in the paragraph applies only up to this many words.
const SHORT: usize = 25;

/// Compiles the role patterns now, in parallel, instead of one after
/// another when the first paragraph is classified: they are a large part
/// of start-up. The tests that [`STARTS`] gates are left until a paragraph
/// passes it, which few do.
pub(crate) fn warm_up() {
    rayon::join(
        || {
            LazyLock::force(&super::attribution::DEFAULT_VERB_SET);
        },
        || {
            PATTERNS.par_iter().for_each(|pattern| pattern.prepare());
        },
    );
}

/// The role patterns built ahead of the first document.
static PATTERNS: [&LazyLock<RuleRegex>; 13] = [
    &STARTS,
    &LINK_LABEL,
    &BOILERPLATE_ANYWHERE,
    &TWEET_SIGNATURE,
    &CAPTION_ANYWHERE,
    &CREDIT_ENDING,
    &BYLINE,
    &PHONE_LINE,
    &POSTED_LINE,
    &WIRE_TAG,
    &SIGNATURE,
    &SITE_SUFFIX,
    &COLUMN_BREAK,
];

fn regex(pattern: &str) -> RuleRegex {
    // The patterns are constants of this module, checked by its tests (in
    // every form the text may call for); a bad one is a bug in factlint,
    // not in anyone's input.
    RuleRegex::prechecked(pattern, 1 << 24)
        .unwrap_or_else(|error| panic!("bad role pattern: {error}"))
}

/// Whole lines that are site furniture, whatever their length.
const BOILERPLATE_START_PATTERN: &str = r#"(?xi)^(?:>>\s*|×\s*)?(?:
        \(?(?:©|copyright\b|\(c\)\s*\d{4})
      | read\ (?:more|the\ full\ story)\b | watch\ (?:mobile\ )?video\b | click/tap\ here | link:\ 
      | more\ top\ stories | follow\ \S+\s*:
      | (?:sign\ (?:up|in)|subscribe|download\ the|log\ ?in|register)\b
      | for\ more\ [^.\n]{0,40}?\b(?:news|stories|coverage|updates)\b[^\n]{0,40}?\b(?:create\ an\ account|sign\ up|subscribe|download|newsletters?|listen|visit|go\ to)\b
      | (?:follow|like|join)\ (?:us|the\ conversation|\S+\ on\ (?:twitter|facebook|instagram))
      | stay\ (?:up\ to\ date|updated|connected|with\ \S+)
      | text\ "?\w+"?\ to\ \d+
      | (?:get|already\ have)\ (?:digital\ access|an\ account)
      | already\ a\ subscriber | re-enter\ zip | click\ here | tap\ here
      | watch\ (?:this\ story|the\ video|live|now)
      | scroll\ down\ for | please\ enable\ javascript
      | report\ (?:an\ error|a\ typo) | (?:send|submit)\ (?:us\ )?a\ (?:news\ )?tip | have\ a\ (?:news\ )?tip
      | thank\ you\ for\ (?:registering|reading|subscribing) | just\ one\ more\ thing
      | your\ notification | there\ was\ a\ problem\ saving | welcome\ back
      | you\ are\ the\ owner\ of | why\ are\ we\ asking | what\ does\ verified\ mean
      | leave\ a\ (?:reflection|comment) | post\ a\ comment | add\ a\ location\ to
      | (?:hide|show)\ transcript | email\ newsletters | advertisement\b
      | this\ is\ a\ (?:developing|breaking)\ (?:news\ )?story\b.{0,60}\b(?:check\ back|stay\ with|updated|update|more\ information|details)
      | check\ back\ (?:later\ )?for\ (?:updates|more)
      | (?:copy\ link|skip\ ad|autoplay|playpause|loading\.\.\.|close\ skip\b)
      | \.\.\.[a-z]
    )"#;
static BOILERPLATE_START: LazyLock<RuleRegex> = LazyLock::new(|| regex(BOILERPLATE_START_PATTERN));

/// Labels of links to other stories and media (`RELATED: ...`, `PHOTOS:
/// ...`). Only short lines are links: a long paragraph after such a label
/// (`PREVIOUS STORY: ...` followed by the earlier story) is copy.
static LINK_LABEL: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(
        r"(?xi)^(?:>>\s*|×\s*)?(?:
        (?:related|more|read\ more|see\ also|also\ read|previous(?:\ story|\ coverage)?|more\ on\ this(?:\ story)?
          |photos|video|watch|listen|trending|recommended|top\ stories|tags|topics|filed\ under|keywords
          |related\ (?:content|coverage|stories|links|articles|video)|resources|images|raw\ video|mugshots
          |continuing\ coverage)\s*:
      | related\ (?:content|coverage|stories|links|articles|videos?)\b | see\ also\b
    )",
    )
});

/// Furniture phrases that mark a short line wherever they stand.
static BOILERPLATE_ANYWHERE: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        all\ rights\ reserved | © | pic\.twitter\.com | \{\*.*\*\} | \{\{.*\}\}
      | this\ material\ may\ not\ be\ (?:published|broadcast)
      | \bnewsletters?\b.{0,40}\b(?:inbox|sign\ up|subscribe)\b
      | \bdownload\ (?:the|our)\ [^.]{0,40}\bapp\b
      | \b(?:warning|watch|advisory|statement)\ issued\ [A-Z][a-z]+\ \d{1,2}\ at\ \d
      | requires\ javascript
    ",
    )
});

/// An embedded tweet's signature: `— Name (@handle) March 18, 2015`.
static TWEET_SIGNATURE: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(r"(?:—|--|-)\s*[^()\n]{1,60}\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$")
});

/// Words of share bars, buttons and navigation.
const NAVIGATION: &[&str] = &[
    "advertisement",
    "android",
    "close",
    "comment",
    "comments",
    "continue",
    "copy",
    "email",
    "e-mail",
    "embed",
    "en",
    "enlarge",
    "facebook",
    "follow",
    "google",
    "googleplus",
    "home",
    "instagram",
    "iphone",
    "like",
    "link",
    "linkedin",
    "loading",
    "menu",
    "messenger",
    "more",
    "next",
    "pause",
    "pinterest",
    "play",
    "previous",
    "print",
    "reading",
    "reddit",
    "replay",
    "reply",
    "save",
    "share",
    "sms",
    "submit",
    "text",
    "this",
    "tumblr",
    "tweet",
    "twitter",
    "whatsapp",
    "youtube",
];

/// Photo and video captions, and credit lines: the tests at the start of
/// the paragraph.
const CAPTION_START_PATTERN: &str = r#"(?x)
        ^Image\ \d+\ of\ /?\ ?\d+ | ^Photo\ \d+\ of\ \d+
      | (?i:^(?:photo|photos|image|images|credit|caption|file\ photo)\s*[:|])
      | ^(?i:istock|image\ via|courtesy\ of)\b
      | ^\d{1,2}:\d{2}\ [A-Z]
    "#;
static CAPTION_START: LazyLock<RuleRegex> = LazyLock::new(|| regex(CAPTION_START_PATTERN));

/// Captions and credits: the tests anywhere in the paragraph. Each needs
/// a literal in a place [`may_be_caption`] looks at.
static CAPTION_ANYWHERE: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(
        r#"(?x)
        (?i:\(photo:|\(photos:|\bbuy\ photo\b|\bphoto\ (?:by|credit|courtesy)\b|\bview\ (?:as\ gallery|full\ caption)\b)
      | \((?:AP|Reuters|AFP|Getty)\ Photo | \bvia\ AP\)
      | \((?:Source|Photo|Image|Credit|Courtesy):?\ [^)]*\)\s*$
      | \(Published\ [A-Z][a-z]+
      | [.?!”"]\s*—\s*\p{Lu}[\w.'’-]+(?:\ \p{Lu}[\w.'’-]+){0,3}$
    "#,
    )
});

/// Whether `text` may match [`CAPTION_ANYWHERE`]: whether it holds, in
/// its place, a literal that every match of one of its tests holds:
///
/// - `(` followed by `photo` in any case, `AP Photo`, `Reuters Photo`,
///   `AFP Photo`, `Getty Photo`, `Source`, `Image`, `Credit`, `Courtesy`
///   or `Published `;
/// - `via AP)`;
/// - `photo` in any case after `buy ` in any case, or followed by a space
///   and `b` or `c` in either case (`photo by`, `photo credit`, `photo
///   courtesy`);
/// - `view ` in any case after no ASCII letter, digit or underscore (a
///   word boundary cannot fall after one);
/// - a last `—` with, before it and any white space, one of `.?!"`, or a
///   character outside ASCII (`”`, or white space outside ASCII).
///
/// The letters of these literals have no case form outside ASCII, so an
/// ASCII comparison ignoring case finds every match of the case-blind
/// tests. Nearly every paragraph fails: a parenthesis or an em dash alone
/// is common in copy, and the regex, which has no literal prefix to skip
/// ahead by, costs a search of the whole paragraph.
fn may_be_caption(text: &str) -> bool {
    const AFTER_PARENTHESIS: &[&[u8]] = &[
        b"AP Photo",
        b"Reuters Photo",
        b"AFP Photo",
        b"Getty Photo",
        b"Source",
        b"Image",
        b"Credit",
        b"Courtesy",
        b"Published ",
    ];
    let bytes = text.as_bytes();
    let at_ignoring_case = |at: usize, literal: &[u8]| {
        bytes
            .get(at..at + literal.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(literal))
    };
    // One pass for the parentheses and the em dashes (the last byte of
    // `—`, E2 80 94), remembering the last dash.
    let mut last_dash = None;
    let parenthesis = memchr::memchr3_iter(b'(', b')', 0x94, bytes).any(|at| match bytes[at] {
        b'(' => {
            at_ignoring_case(at + 1, b"photo")
                || AFTER_PARENTHESIS
                    .iter()
                    .any(|literal| bytes[at + 1..].starts_with(literal))
        }
        b')' => bytes[..at].ends_with(b"via AP"),
        _ => {
            if at >= 2 && bytes[at - 2..at] == [0xE2, 0x80] {
                last_dash = Some(at - 2);
            }
            false
        }
    });
    let photo = || {
        memchr::memchr2_iter(b'p', b'P', bytes).any(|at| {
            at_ignoring_case(at, b"photo")
                && ((at >= 4 && at_ignoring_case(at - 4, b"buy "))
                    || (bytes.get(at + 5) == Some(&b' ')
                        && bytes
                            .get(at + 6)
                            .is_some_and(|b| matches!(b, b'b' | b'B' | b'c' | b'C'))))
        })
    };
    let view = || {
        memchr::memchr2_iter(b'v', b'V', bytes).any(|at| {
            at_ignoring_case(at, b"view ")
                && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_'))
        })
    };
    let dash_signature = |dash: usize| {
        for c in text[..dash].chars().rev() {
            match c {
                '.' | '?' | '!' | '"' => return true,
                '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' => {}
                c => return !c.is_ascii(),
            }
        }
        false
    };
    parenthesis || photo() || view() || last_dash.is_some_and(dash_signature)
}

/// Whether `text` is a photo or video caption or a credit line.
fn is_caption(text: &str, probe: Probe) -> bool {
    (probe.starts
        && CAPTION_START
            .for_characters(probe.characters)
            .is_match(text))
        || (may_be_caption(text)
            && CAPTION_ANYWHERE
                .for_characters(probe.characters)
                .is_match(text))
}

/// A photographer's credit closing a caption: `... Jane Doe/The Daily News`.
static CREDIT_ENDING: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(r"\b[A-Z][a-z]+ [A-Z][a-z]+ ?/ ?(?:for )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,4}\)?\s*$")
});

/// Bylines, sign-offs and contact lines.
static BYLINE: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(
        r#"(?x)
        ^(?i:with\ (?:news\ )?wire\ services|contributing:|staff\ and\ wire\ reports|written\ by\ |by:\ )
      | ^With\ \p{Lu}[\w.'-]+(?:\ \p{Lu}[\w.'-]*){1,2}$
      | ^\(?\d{3}\)?[\s.-]?\d{3}-\d{4}\s*$
      | (?i:contributed\ (?:to\ )?(?:this|the)\ (?:report|story|article))\.?\s*$
      | ^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$
      | ^@\w+\s*$
      | ^(?i:twitter|email|e-mail|contact|follow)\s*:\s*\S+\s*$
      | ^[A-Z][A-Z.'-]+(?:\ [A-Z][A-Z.'-]+){1,2}\ (?:and|AND)\ [A-Z][A-Z.'-]+(?:\ [A-Z][A-Z.'-]+){1,2}$
    "#,
    )
});

/// A signed line, short and unterminated: `By Jane Doe`, `-- Jane Doe`,
/// `—Chicago Sun-Times Wire`.
static SIGNATURE: LazyLock<RuleRegex> =
    LazyLock::new(|| regex(r"^(?:(?i:by)\s+|(?:--|—|–|-)\s*)\p{Lu}"));

/// A name and a phone number: `Jane Doe: (555) 123-4567`, the name at
/// most [`MAX_BYLINE_GAP`] characters after its capital. Bounded repeats
/// of a Unicode class (`[\w ]{0,40}`) compile to one copy of the class per
/// repeat, tens of milliseconds of start-up: the bounds are checked on the
/// captured group instead. A lazy group is the shortest that matches, so
/// the check is exact.
static PHONE_LINE: LazyLock<RuleRegex> =
    LazyLock::new(|| regex(r"^[A-Z](?P<gap>[\w.' -]*?):?\s*\(?\d{3}\)?[\s.-]?\d{3}-\d{4}\s*$"));

/// A time stamp: `Posted 5:14 PM`, the first digit at most
/// [`MAX_BYLINE_GAP`] characters after the word.
static POSTED_LINE: LazyLock<RuleRegex> =
    LazyLock::new(|| regex(r"^(?i:posted|updated|published|last\ updated)\b(?P<gap>.*?)\d"));

/// The longest name before a phone number, or text before a time stamp.
const MAX_BYLINE_GAP: usize = 40;

/// Names a byline or a wire tag may consist of; a name before `wire` has
/// at most [`MAX_WIRE_NAME`] characters (checked on the group, see
/// [`PHONE_LINE`]).
static WIRE_TAG: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:the )?(?:associated press|reuters|breaking news staff|staff reports?|(?P<name>[\w .-]+?) wire)\.?$",
    )
});

const MAX_WIRE_NAME: usize = 30;

/// Whether `text` is a byline, a sign-off or a contact line.
fn is_byline(text: &str, characters: Characters) -> bool {
    let group_within = |regex: &RuleRegex, group: &str, max: usize| {
        regex
            .for_characters(characters)
            .captures_at(text, 0)
            .is_some_and(|c| {
                c.name(group)
                    .is_none_or(|g| g.as_str().chars().count() <= max)
            })
    };
    BYLINE.for_characters(characters).is_match(text)
        || group_within(&PHONE_LINE, "gap", MAX_BYLINE_GAP)
        || group_within(&POSTED_LINE, "gap", MAX_BYLINE_GAP)
        || group_within(&WIRE_TAG, "name", MAX_WIRE_NAME)
}

/// The transcript form: `Dispatcher: "..."`, `Q: ...`, `>> ...`.
const TRANSCRIPT_PATTERN: &str = r#"(?x)
        ^(?P<speaker>[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}|[0-9]{3}\ [A-Za-z]+)\s*:\s*["“]
      | ^(?i:q|a|reporter|anchor|dispatcher|dispatch|caller|operator|911\ dispatcher|911\ operator|interviewer)\s*:
      | ^>> | ^WEBVTT\b
    "#;
static TRANSCRIPT: LazyLock<RuleRegex> = LazyLock::new(|| regex(TRANSCRIPT_PATTERN));

/// Labels that take a colon in news copy without making it a transcript.
const NOT_SPEAKERS: &[&str] = &[
    "breaking",
    "correction",
    "editor's note",
    "exclusive",
    "more",
    "note",
    "photos",
    "read more",
    "related",
    "update",
    "updated",
    "video",
    "watch",
];

/// A dateline at the start of a paragraph: a place in capitals, an
/// optional state and outlet, then a dash: `CHICAGO (AP) — `,
/// `LOUISVILLE, Ky. (WDRB) -- `, `OVERLAND, MO (KTVI) - `.
const DATELINE_PATTERN: &str = r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?\s*(?:\([A-Za-z0-9 .&/-]{1,30}\))?\s*(?:—|–|--|-)(?:\s+|$)";
static DATELINE: LazyLock<RuleRegex> = LazyLock::new(|| regex(DATELINE_PATTERN));

/// A paragraph that opens a new version of an updated story.
const UPDATE_MARKER_PATTERN: &str = r"(?xi)^[\W\x{200B}]*(?:
        updated?s?|original(?:\ story)?|previous(?:\ coverage|\ story)?|earlier(?:\ coverage|\ story)?|editor['’]?s\ note
      | first\ report|initial\ report
      )\b\s*(?:[:(@,\-—–\[]|\d|at\b|below|$)";
static UPDATE_MARKER: LazyLock<RuleRegex> = LazyLock::new(|| regex(UPDATE_MARKER_PATTERN));

/// The tests anchored at the start of a paragraph ([`BOILERPLATE_START`],
/// [`CAPTION_START`], [`TRANSCRIPT`], [`DATELINE`], [`UPDATE_MARKER`]) as
/// one alternation: most paragraphs match none of them, and one search
/// that fails says so for all five, each of which costs a search.
static STARTS: LazyLock<RuleRegex> = LazyLock::new(|| regex(&starts_pattern()));

fn starts_pattern() -> String {
    [
        BOILERPLATE_START_PATTERN,
        CAPTION_START_PATTERN,
        TRANSCRIPT_PATTERN,
        DATELINE_PATTERN,
        UPDATE_MARKER_PATTERN,
    ]
    // Flags set inside a group end with it; a `#` comment would swallow
    // the closing parenthesis, and none of the patterns has one (tested).
    .map(|pattern| format!("(?:{pattern})"))
    .join("|")
}

/// A site's name after a page title: ` - KSLA News 12 Shreveport, ...`,
/// ` | Phoenix Breaking News, Weather, Sports`.
static SITE_SUFFIX: LazyLock<RuleRegex> = LazyLock::new(|| {
    regex(
        r"^\s[-|–]\s[^\n]*\b(?:News|TV|Radio|Weather|Sports|Times|Post|Herald|Tribune|Gazette|[a-z0-9]\.com)\b",
    )
});

/// A page title cut to a fixed width before the site's name was added has
/// at least this many characters.
const MIN_CUT_TITLE: usize = 50;

/// Whether the word ending at byte `end` of `headline` is the last word of
/// a page title that a site cut short before adding its name (`... before
/// shooting tha - WAFB 9 News`): the word may be a fragment, not a typo.
pub fn is_cut_title_word(headline: &str, end: usize) -> bool {
    headline[..end].chars().count() >= MIN_CUT_TITLE && SITE_SUFFIX.is_match(&headline[end..])
}

/// Classifies each paragraph of a document. `paragraphs` are the
/// paragraph spans into `text`, in order.
/// `characters` are those of each paragraph.
pub(super) fn classify(
    text: &str,
    paragraphs: &[Span],
    characters: &[Characters],
) -> Vec<Classified> {
    let slices: Vec<&str> = paragraphs.iter().map(|p| &text[p.range()]).collect();
    // Whether each paragraph may pass a test anchored at its start.
    // (Where the text calls for another form than the near-ASCII one,
    // which is rare, the tests are asked one by one rather than compile
    // another form of the alternation, which is large.)
    let probes: Vec<Probe> = slices
        .iter()
        .zip(characters)
        .map(|(slice, &characters)| Probe {
            starts: STARTS
                .near_ascii_for(characters)
                .is_none_or(|r| r.is_match(slice)),
            characters,
        })
        .collect();
    let mut out: Vec<Classified> = slices
        .iter()
        .zip(paragraphs)
        .zip(&probes)
        .map(|((&slice, span), &probe)| {
            let dateline = probe
                .starts
                .then(|| DATELINE.for_characters(probe.characters).find(slice))
                .flatten()
                .filter(|m| m.end() < slice.len() && !is_acronym_subject(slice, m.end()))
                .map(|m| Span::new(m.start(), m.end()).offset(span.start as usize));
            Classified {
                role: furniture(slice, probe).unwrap_or(Role::Prose),
                dateline,
                section: 0,
            }
        })
        .collect();

    // The headline block: the first paragraph that is not boilerplate (a
    // language code or a log-in prompt may come first), when it reads as
    // a headline, then the unterminated lines under it (a dek, a kicker).
    // A headline that happens to look like a caption (`Pictured: ...`,
    // `... After Murder/Suicide Claims Family`) or a transcript line
    // (`Mother: "He was a good boy"`) is still the headline.
    let mut heading_end = 0;
    let first = out
        .iter()
        .take(MAX_LEADING_FURNITURE + 1)
        .position(|c| c.role != Role::Boilerplate);
    if let Some(first) = first.filter(|&i| {
        let weak_caption = out[i].role == Role::Caption && !is_caption(slices[i], probes[i]);
        (matches!(out[i].role, Role::Prose | Role::Transcript) || weak_caption)
            && is_headline(slices[i])
    }) {
        out[first].role = Role::Headline;
        heading_end = first + 1;
        while heading_end < slices.len().min(first + 1 + MAX_DEK_PARAGRAPHS)
            && out[heading_end].role == Role::Prose
            && !is_terminated(slices[heading_end])
            && count_words(slices[heading_end], MAX_DEK_WORDS + 1) <= MAX_DEK_WORDS
        {
            out[heading_end].role = Role::Headline;
            heading_end += 1;
        }
    }
    // A related-stories widget: two or more paragraphs each repeated right
    // after itself (a teaser's title and its summary, a caption and its
    // enlarged version). One such pair is a paste or a teaser, below; two
    // or more are the page's furniture.
    let doubled: Vec<usize> = (0..slices.len().saturating_sub(1))
        .filter(|&i| out[i].role == out[i + 1].role && same_words(slices[i], slices[i + 1]))
        .collect();
    if doubled.len() >= 2 {
        for &i in &doubled {
            out[i].role = Role::Boilerplate;
            out[i + 1].role = Role::Boilerplate;
        }
    }
    // A teaser: a paragraph near the top that the next paragraph repeats,
    // word for word, perhaps after a dateline. It is the page's summary
    // shown above the lede, not a second paragraph of the article.
    let limit = slices.len().min(heading_end.max(1) + MAX_DEK_PARAGRAPHS);
    for index in 0..limit.saturating_sub(1) {
        let next = index + 1;
        if out[index].role != Role::Prose || out[next].role != Role::Prose {
            continue;
        }
        let lede = match out[next].dateline {
            Some(d) => &text[d.end as usize..paragraphs[next].end as usize],
            None => slices[next],
        };
        if same_words(slices[index], lede) {
            out[index].role = Role::Headline;
        }
    }
    // Subheadings further down.
    for (index, slice) in slices.iter().enumerate().skip(1) {
        if out[index].role == Role::Prose && is_subheading(slice) {
            out[index].role = Role::Headline;
        }
    }
    // A label for links or a section (`Related Coverage:`, `RELATED:`) as
    // the very last paragraph has nothing under it: it is not furniture
    // carrying its own content (a share bar, a label followed by its
    // links) but a heading whose content is missing, and the rules on
    // headings and on how copy ends read it as one.
    if let Some(last) = slices.len().checked_sub(1) {
        if out[last].role == Role::Boilerplate && is_bare_label(slices[last]) {
            out[last].role = Role::Headline;
        }
    }
    // Versions of an updated story: a new one starts at an update marker,
    // at a separator line (`-----`), and at a dateline after the first one
    // (an earlier version of the story pasted below the new one).
    let mut section = 0;
    let mut datelines = 0;
    for ((class, slice), &probe) in out.iter_mut().zip(&slices).zip(&probes) {
        let content = matches!(class.role, Role::Prose | Role::Headline);
        let marker = content
            && probe.starts
            && UPDATE_MARKER
                .for_characters(probe.characters)
                .is_match(slice);
        let separator = class.role == Role::Boilerplate && is_separator(slice);
        let restart = content && class.dateline.is_some() && datelines > 0;
        datelines += usize::from(content && class.dateline.is_some());
        if marker || separator || restart {
            section += 1;
        }
        class.section = section;
    }
    out
}

/// The most words of a label [`is_bare_label`] takes.
const MAX_LABEL_WORDS: usize = 6;

/// Whether a paragraph is a label and nothing else: a few words ending in
/// a colon, with no link, handle or figure in them.
fn is_bare_label(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(':')
        && count_words(text, MAX_LABEL_WORDS + 1) <= MAX_LABEL_WORDS
        && !text.contains(['@', '/', '|', '·', '•'])
        && !text.contains(|c: char| c.is_ascii_digit())
}

/// What the classifier knows of a paragraph before testing it.
#[derive(Clone, Copy, Debug)]
struct Probe {
    /// Whether it matches [`STARTS`].
    starts: bool,
    /// Its characters, which choose the form of each regex (its own,
    /// which serve any part of it, so the text is looked at once).
    characters: Characters,
}

/// The furniture role of a paragraph, tested in order, if it has one.
fn furniture(text: &str, probe: Probe) -> Option<Role> {
    let characters = probe.characters;
    let trimmed = text.trim();
    // No test but the credit line's tells counts over this apart: the
    // credit line, which needs a `/`, is counted further when it has one.
    let count = count_words(trimmed, MAX_COUNTED);
    if is_boilerplate(trimmed, count, probe) {
        return Some(Role::Boilerplate);
    }
    if is_caption(trimmed, probe)
        || (trimmed.contains('/')
            && (count <= SHORT || count_words(trimmed, MAX_CREDIT_WORDS + 1) <= MAX_CREDIT_WORDS)
            && CREDIT_ENDING.for_characters(characters).is_match(trimmed))
        || trimmed.starts_with("Pictured:")
    {
        return Some(Role::Caption);
    }
    if count <= 12 && is_byline(trimmed, characters)
        || (count <= 8
            && !is_terminated(trimmed)
            && SIGNATURE.for_characters(characters).is_match(trimmed))
    {
        return Some(Role::Byline);
    }
    if is_transcript(trimmed, probe) {
        return Some(Role::Transcript);
    }
    if count > 0 && count <= 6 && is_lone_dateline(trimmed, characters) {
        return Some(Role::Dateline);
    }
    None
}

/// The most words [`furniture`] counts for all its tests: they compare
/// counts with at most [`SHORT`], but for the credit line's, which counts
/// again up to [`MAX_CREDIT_WORDS`] (and [`is_scanned_print`], which
/// counts every word). Most paragraphs are prose longer than that, and
/// are read only this far.
const MAX_COUNTED: usize = SHORT + 1;

/// A credit line ([`CREDIT_ENDING`]) has at most this many words.
const MAX_CREDIT_WORDS: usize = 60;

fn is_boilerplate(text: &str, count: usize, probe: Probe) -> bool {
    let characters = probe.characters;
    // Tests on the whole paragraph are skipped where a literal they need
    // is missing: most paragraphs are long prose that none can match.
    if (probe.starts && BOILERPLATE_START.for_characters(characters).is_match(text))
        || (text.contains("(@") && TWEET_SIGNATURE.for_characters(characters).is_match(text))
    {
        return true;
    }
    if count <= SHORT
        && (BOILERPLATE_ANYWHERE
            .for_characters(characters)
            .is_match(text)
            || LINK_LABEL.for_characters(characters).is_match(text))
    {
        return true;
    }
    if is_separator(text) {
        return true;
    }
    // A navigation bar: three or more short items between `|`, `·` or `•`.
    // (`·` and `•` are the only characters here with a byte 0xB7 or 0xA2.)
    let bars = ['|', '·', '•'];
    if memchr::memchr3(b'|', 0xB7, 0xA2, text.as_bytes()).is_some()
        && text.matches(bars).nth(1).is_some()
        && text.split(bars).all(|item| count_words(item, 4) <= 3)
    {
        return true;
    }
    // A page scanned from print: not copy an editor corrects word by word.
    if is_scanned_print(text, characters) {
        return true;
    }
    // A share bar or a row of buttons: nothing but navigation words.
    count > 0
        && count <= 12
        && words(text).all(|w| {
            let word = text[w.range()].to_lowercase();
            NAVIGATION.contains(&word.as_str())
        })
}

/// A line of separators (`---`, `###`, `___`).
fn is_separator(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().all(|c| "-—–_#=*~•·. ".contains(c))
}

/// Closed captions have at least this many letters.
const MIN_CAPTION_LETTERS: usize = 200;

fn is_transcript(text: &str, probe: Probe) -> bool {
    let transcript = TRANSCRIPT.for_characters(probe.characters);
    if let Some(captures) = probe
        .starts
        .then(|| transcript.captures_at(text, 0))
        .flatten()
    {
        return captures
            .name("speaker")
            .is_none_or(|s| !NOT_SPEAKERS.contains(&s.as_str().to_lowercase().as_str()));
    }
    // Broadcast closed captions: a long paragraph in capitals. (200
    // letters take at least 200 bytes.)
    if text.len() < MIN_CAPTION_LETTERS {
        return false;
    }
    // Nine letters in ten must be capitals: the count stops as soon as
    // the letters that are not could no longer be a tenth, even if every
    // byte left were a capital (prose stops within its first eighth).
    let (mut letters, mut other) = (0, 0);
    for (at, c) in text.char_indices() {
        if c.is_alphabetic() {
            letters += 1;
            if !c.is_uppercase() {
                other += 1;
                if other * 10 > letters + (text.len() - at) {
                    return false;
                }
            }
        }
    }
    letters >= MIN_CAPTION_LETTERS && other * 10 <= letters
}

fn is_lone_dateline(text: &str, characters: Characters) -> bool {
    DATELINE
        .for_characters(characters)
        .find(text)
        .is_some_and(|m| m.end() == text.len())
}

/// Whether the capitals before a dash are an acronym that is the
/// sentence's subject (`FBI - the agency ...` is rare; `NFL-sponsored`
/// has no space) rather than a place. A place in capitals is followed by
/// a capitalised word or a digit; a lowercase word means the "dateline"
/// was a parenthetical dash.
fn is_acronym_subject(text: &str, end: usize) -> bool {
    text[end..].starts_with(|c: char| c.is_lowercase())
}

/// A first paragraph that reads as a headline: one line of at most
/// [`MAX_HEADLINE_WORDS`] words that does not end like a sentence; or a
/// shorter one that ends on a question or exclamation mark, a cut (`...`)
/// or an abbreviation (`... in Brazoria Co.`, `... into the U.S.`).
fn is_headline(text: &str) -> bool {
    if text.contains('\n') {
        return false;
    }
    let count = count_words(text, MAX_HEADLINE_WORDS + 1);
    if count == 0 || count > MAX_HEADLINE_WORDS {
        return false;
    }
    if !is_terminated(text) {
        return true;
    }
    let text = text.trim_end();
    let last = text.split_whitespace().next_back().unwrap_or_default();
    let abbreviation = last.ends_with('.')
        && !last.ends_with("..")
        && (last.trim_end_matches('.').contains('.')
            || (last.starts_with(char::is_uppercase) && last.chars().count() <= 5));
    count <= MAX_TERMINATED_HEADLINE_WORDS
        && (text.ends_with(['?', '!', '…']) || text.ends_with("...") || abbreviation)
}

/// A short line in Title Case or capitals with no final punctuation: a
/// subheading (`Arrests and Ongoing Search`).
fn is_subheading(text: &str) -> bool {
    if text.contains('\n')
        || text.trim_end().ends_with([
            '.', '!', '?', '…', ':', ',', ';', '"', '”', '’', '\'', ')', ']',
        ])
    {
        return false;
    }
    super::is_title_case(text, 2, MAX_SUBHEADING_WORDS)
}

/// A word split at a line break of a printed column, as text read from a
/// scanned page keeps it: `real- ly`, `get- ting`.
static COLUMN_BREAK: LazyLock<RuleRegex> = LazyLock::new(|| regex(r"\b\p{Ll}{2,}- \p{Ll}{2,}\b"));

/// Text read from a scanned print page (an e-edition): many words split at
/// column line breaks, at least five and one per 200 words. Real prose has
/// almost none (`pre- and post-war`); on the gvc corpus only one paragraph,
/// a whole OCR'd newspaper page, has more than one.
fn is_scanned_print(text: &str, characters: Characters) -> bool {
    if !text.contains("- ") {
        return false;
    }
    let splits = COLUMN_BREAK
        .for_characters(characters)
        .find_iter(text)
        .count();
    splits >= 5 && splits * 200 >= count_words(text, usize::MAX)
}

/// Whether a paragraph ends like a sentence, before closing marks.
fn is_terminated(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

/// Whether two texts have the same words in the same order, ignoring case
/// and punctuation (and a trailing ellipsis cut: a teaser may stop
/// short, `... the victim's …`, when it has at least eight words).
fn same_words(a: &str, b: &str) -> bool {
    let equal = |x: Span, y: Span| super::same_word(&a[x.range()], &b[y.range()]);
    let cut = a.trim_end().ends_with("...") || a.trim_end().ends_with('…');
    if !cut {
        // Word for word, stopping at the first difference: nearly every
        // pair of paragraphs differs in its first word.
        let (mut a_words, mut b_words) = (words(a), words(b));
        let mut any = false;
        loop {
            match (a_words.next(), b_words.next()) {
                (Some(x), Some(y)) if equal(x, y) => any = true,
                (None, None) => return any,
                _ => return false,
            }
        }
    }
    let a_words: Vec<Span> = words(a).collect();
    if a_words.is_empty() {
        return false;
    }
    // One word more than `a` is enough to tell a longer `b`.
    let b_words: Vec<Span> = words(b).take(a_words.len() + 1).collect();
    let common = a_words
        .iter()
        .zip(&b_words)
        .take_while(|(&x, &y)| equal(x, y))
        .count();
    if common == a_words.len() && b_words.len() == a_words.len() {
        return true;
    }
    a_words.len() >= 8 && b_words.len() > a_words.len() && common + 1 >= a_words.len()
}

#[cfg(test)]
mod tests;
