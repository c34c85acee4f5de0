//! The claims a news story is made of, read from its prose without
//! hand-written rules (issue #19).
//!
//! A story about a shooting is told by several outlets, and each article
//! states the same few facts: how many people were killed, injured, shot or
//! arrested, who they were and how old, on which day, on which street. A
//! rule that checks those facts across articles should not need a regex per
//! fact and per outlet's wording; this module reads them once, generically,
//! from the sentences of a [`Document`], and a story-level [`resolve`]
//! compares them across the articles of one story.
//!
//! The module belongs to the document model's layer: it reads a
//! [`Document`] and the figures of [`crate::quantity`] and nothing else
//! (no rules, no kinds), never does I/O and never prints.
//!
//! ## What is extracted
//!
//! [`extract`] (or [`Extractor::extract`] with caller-defined subjects)
//! returns an [`ArticleClaims`]: every [`Claim`] with its byte [`Span`]
//! into the document's text, plus the article's own time
//! ([`ArticleTime`]: a dateline date, an `Updated`/`Posted`/`Published`
//! line) for ordering articles. Claims come only from paragraphs whose
//! role is in the extractor's [`RoleSet`] (prose and headlines by
//! default), so captions, share bars and related-story links are never
//! read.
//!
//! - **Counts** ([`Count`]): a figure of people (or of a subject's own
//!   nouns) and what happened to them. The subjects are [`Subject`]
//!   definitions: a name, trigger words, and optionally the nouns counted.
//!   The built-in ones ([`SubjectId::KILLED`], `INJURED`, `SHOT`,
//!   `HOSPITALISED`, `ARRESTED`, `MISSING`) are defined the same way a
//!   rule file will define its own (`evacuated`, `homes destroyed`).
//!   Forms read (N is any figure of [`crate::quantity`], so `more than
//!   400`, `at least two`, `a dozen` keep their intervals):
//!   - `N [people] [were|have been|...] TRIGGER`: "two were killed", "Two
//!     men were wounded", "three dead", "one dead, three injured", "over
//!     150 of the identified individuals have been detained", "left three
//!     people hurt";
//!   - `TRIGGER N [people]`: "killing two", "wounded three others";
//!   - a single person: "a 23-year-old man was killed", "he was shot and
//!     killed", "the victim died" (value 1, [`CountForm::Singular`]);
//!   - none: "no one was injured", "nobody was hurt", "no injuries"
//!     (value 0, [`CountForm::Zero`]);
//!   - events: "a double shooting" (shot ≥ 2), "a double homicide"
//!     (killed 2), "the death toll rose to three", "a second victim died"
//!     (killed ≥ 2).
//!
//!   `shot` is its own subject and never folds into `killed` or
//!   `injured`: "two people were shot, one fatally" is shot 2 and killed
//!   1; "fatally shot" is shot and killed; "shot and wounded" is shot and
//!   injured. `hospitalised` is also its own subject (hospitalised people
//!   are usually injured, but a killed victim is often hospitalised first,
//!   so folding it into `injured` would double count); a caller may fall
//!   back on it when no `injured` figure is stated. Ages (`23-year-old`),
//!   times, addresses (`the 1200 block`), calibers, years, money, `two-story`
//!   and `shot 5 times` are not counts.
//! - **Ages** ([`Age`]): "John Smith, 23,", "23-year-old John Smith",
//!   "Smith, who was 23", "John Smith (23)", with the person's
//!   [`PersonName`] (its `key` is the surname, so "Smith" later
//!   co-refers).
//! - **Names** ([`ClaimKind::Name`]): person names in name positions only
//!   (after a title or role, before an age, after "identified as", before
//!   ", of City", next to "said"), so place names, days and organisations
//!   are rare. [`PersonName::co_refers`] tells two mentions that may be the
//!   same person (same first name or same surname), for a rule that looks
//!   for one name spelled two ways.
//! - **Dates** ([`DateClaim`]): weekdays ("on Tuesday", "Sunday night")
//!   and month-day dates ("Oct. 4", "Tuesday, Oct. 4, 2016");
//!   [`weekday_of`] gives the weekday of a date for a rule to compare.
//! - **Places** ([`Place`]): "the 1200 block of Main Street", "on Elm
//!   Avenue", and the city of a dateline ("DAYTON, Ohio —") or of "in
//!   Dayton, Ohio".
//! - **Update markers**: [`Claim::update`] is set on claims whose sentence
//!   reads as an update ("has died", "later died", "rose to", "now", "the
//!   latest", "succumbed"), or whose paragraph opens with `UPDATE`.
//!
//! ## The story
//!
//! [`resolve`] takes the [`ArticleClaims`] of each article of one story in
//! file order and gives, per count subject, the story's value (the latest
//! where the articles can be ordered by their [`ArticleTime`], else the
//! consensus) and the disagreements between articles, each classified as
//! an [`DisagreementKind::Update`] (a later article with a larger figure,
//! or a claim marked as an update) or a
//! [`DisagreementKind::Contradiction`]. Only like is compared with like:
//! killed with killed.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::roles::{Role, RoleSet};
use super::{words, Document};
use crate::quantity::{self, Quantity};
use crate::source::Span;

#[cfg(test)]
mod tests;

// ---------------------------------------------------------------------
// Subjects
// ---------------------------------------------------------------------

/// What a count is of: `killed`, `injured`, or a caller's own subject.
///
/// An index into the [`Extractor`]'s subjects; the built-in subjects have
/// fixed indices (the constants), and subjects added with
/// [`Extractor::with_subjects`] follow them in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubjectId(pub u16);

impl SubjectId {
    /// Killed, dead, died, slain, fatally shot.
    pub const KILLED: SubjectId = SubjectId(0);
    /// Injured, wounded, hurt.
    pub const INJURED: SubjectId = SubjectId(1);
    /// Shot (fatally or not): neither killed nor injured.
    pub const SHOT: SubjectId = SubjectId(2);
    /// Hospitalised: its own subject, see the module docs.
    pub const HOSPITALISED: SubjectId = SubjectId(3);
    /// Arrested, detained, charged, in custody.
    pub const ARRESTED: SubjectId = SubjectId(4);
    /// Missing.
    pub const MISSING: SubjectId = SubjectId(5);
}

/// The definition of a count subject: its name, the words that say what
/// happened, and what is counted.
///
/// Built-in subjects are defined with this type too ([`Subject::builtin`]);
/// a rule file can add its own:
///
/// ```
/// use factlint::document::claims::Subject;
/// let evacuated = Subject::new("evacuated").verb("evacuate");
/// let destroyed = Subject::new("homes destroyed")
///     .words(["destroyed", "destroying", "razed"])
///     .nouns(["homes", "houses", "buildings", "home", "house"]);
/// # let _ = (evacuated, destroyed);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// The subject's name (`killed`), as diagnostics and fact sheets say it.
    pub name: String,
    /// Trigger words, in any inflection, lowercase. A word ending in `ing`
    /// reads only before its figure ("killing two"); any other word reads
    /// after its figure ("two were killed", "three dead") and, when it is
    /// a verb form, before ("killed two").
    pub words: Vec<String>,
    /// The nouns counted (`homes`), lowercase; empty means people (the
    /// built-in list: people, men, victims, migrants, officers, ...).
    pub nouns: Vec<String>,
}

impl Subject {
    /// A subject with no trigger words yet.
    pub fn new(name: impl Into<String>) -> Self {
        Subject {
            name: name.into(),
            words: Vec::new(),
            nouns: Vec::new(),
        }
    }

    /// Adds trigger words as written (lowercased).
    pub fn words<S: AsRef<str>>(mut self, words: impl IntoIterator<Item = S>) -> Self {
        self.words
            .extend(words.into_iter().map(|w| w.as_ref().to_lowercase()));
        self
    }

    /// Adds a regular verb by its lemma, with its inflections: `evacuate`
    /// adds evacuate, evacuates, evacuated, evacuating; `arrest` adds
    /// arrest, arrests, arrested, arresting.
    pub fn verb(mut self, lemma: &str) -> Self {
        let lemma = lemma.to_lowercase();
        let (past, ing) = match lemma.strip_suffix('e') {
            Some(stem) => (format!("{lemma}d"), format!("{stem}ing")),
            None => (format!("{lemma}ed"), format!("{lemma}ing")),
        };
        let third = if lemma.ends_with('s') || lemma.ends_with("sh") || lemma.ends_with("ch") {
            format!("{lemma}es")
        } else {
            format!("{lemma}s")
        };
        self.words.extend([lemma, third, past, ing]);
        self
    }

    /// Sets the nouns counted (lowercased): the figure must be followed by
    /// one of them ("200 homes destroyed").
    pub fn nouns<S: AsRef<str>>(mut self, nouns: impl IntoIterator<Item = S>) -> Self {
        self.nouns
            .extend(nouns.into_iter().map(|w| w.as_ref().to_lowercase()));
        self
    }

    /// The built-in subjects, in [`SubjectId`] order.
    pub fn builtin() -> Vec<Subject> {
        vec![
            Subject::new("killed").words([
                "killed", "killing", "kills", "dead", "died", "dies", "slain", "deceased",
            ]),
            Subject::new("injured").words([
                "injured", "injuring", "injures", "wounded", "wounding", "wounds", "hurt",
                "hurting",
            ]),
            Subject::new("shot").words(["shot", "shooting"]),
            Subject::new("hospitalised").words(["hospitalized", "hospitalised", "hospitalizing"]),
            Subject::new("arrested").words([
                "arrested",
                "arresting",
                "detained",
                "detaining",
                "charged",
                "custody",
                "jailed",
                "apprehended",
                "arrest",
            ]),
            Subject::new("missing").words(["missing"]),
        ]
    }
}

// ---------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------

/// One claim of an article, with where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The words that make the claim ("two people were killed"), in the
    /// document's text.
    pub span: Span,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Whether the paragraph is a headline (a headline's figure is the
    /// article's summary; a rule may weigh it first).
    pub headline: bool,
    /// Whether the claim reads as an update of an earlier report ("has
    /// died", "later died", "rose to", "now", "the latest", "succumbed",
    /// a paragraph opening with `UPDATE`).
    pub update: bool,
    /// What the sentence around a count says of it.
    pub context: Context,
    pub kind: ClaimKind,
}

/// What the sentence around a count says about which event it counts.
/// A story rule should compare only counts with no flag set (what
/// [`ArticleClaims::stated`] does).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Context {
    /// Inside a quotation: a witness's or an official's words, not the
    /// copy's own statement.
    pub quoted: bool,
    /// Another time: "last year", "so far this year", "in 2013", "two
    /// weeks ago", "the deadliest since 1982" (statistics and history).
    pub background: bool,
    /// A roundup of several shootings: "in weekend shootings", "in
    /// separate shootings", "across the city".
    pub roundup: bool,
    /// The sentence counts the shooter apart ("killed three people and
    /// then himself", "murder-suicide"): an archive that counts the
    /// shooter among the dead will say one more.
    pub shooter_apart: bool,
}

impl Context {
    /// Whether the count may be about another event (background or
    /// roundup), or is someone's quoted words.
    pub fn is_clear(self) -> bool {
        !(self.quoted || self.background || self.roundup)
    }
}

/// What a claim says.
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimKind {
    Count(Count),
    Age(Age),
    /// A person's name in a name position.
    Name(PersonName),
    Date(DateClaim),
    Place(Place),
}

/// A count of people (or of a subject's nouns) by what happened to them.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    pub subject: SubjectId,
    /// The figure as an interval ("more than 400" keeps its open end).
    pub value: Quantity,
    /// How the figure was written.
    pub form: CountForm,
    /// The figure itself ("two"), or the words standing for it ("a man",
    /// "no one", "double").
    pub figure: Span,
}

/// How a count was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountForm {
    /// A figure: "two were killed", "killing three", "more than 150".
    Figure,
    /// One person as the subject of a singular verb: "a man was killed",
    /// "he was shot". Weaker than a figure: a story with two victims says
    /// it of each.
    Singular,
    /// "no one was injured", "nobody was hurt", "no injuries".
    Zero,
    /// An event word: "a double shooting", "a double homicide", "the
    /// death toll rose to three", "a second victim died".
    Event,
}

/// The age of a named person.
#[derive(Clone, Debug, PartialEq)]
pub struct Age {
    pub person: PersonName,
    pub age: u32,
}

/// A person's name as written in one place.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonName {
    /// The name's tokens joined by single spaces, without a title
    /// ("Officer") or middle initials' periods ("John J Smith"), with
    /// curly apostrophes made straight ("O'Brien").
    pub full: String,
    /// The first token when the name has two or more ("John").
    pub first: Option<String>,
    /// The last token ("Smith"): the surname, or the only name written.
    pub last: String,
    /// `last`, lowercased: the key a later "Smith" co-refers on.
    pub key: String,
    /// The title or role before the name, if any ("Sgt", "Officer").
    pub title: Option<String>,
}

impl PersonName {
    /// Builds a name from its tokens (at least one).
    /// The curly apostrophe is written straight, so `O’Brien` and
    /// `O'Brien` are one name.
    fn from_tokens(tokens: &[&str], title: Option<&str>) -> Option<PersonName> {
        let straight = |t: &str| t.replace('\u{2019}', "'");
        let last = straight(tokens.last()?);
        let first = (tokens.len() > 1).then(|| straight(tokens[0]));
        let full: Vec<String> = tokens.iter().map(|t| straight(t)).collect();
        Some(PersonName {
            full: full.join(" "),
            first,
            key: last.to_lowercase(),
            last,
            title: title.map(str::to_string),
        })
    }

    /// Whether the two mentions may be the same person: the same surname
    /// (case ignored), or the same first name when both have one. A rule
    /// looking for one name spelled two ways compares the other part by
    /// edit distance ([`edit_distance`]).
    pub fn co_refers(&self, other: &PersonName) -> bool {
        self.key == other.key
            || matches!((&self.first, &other.first), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
    }
}

/// A weekday, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The weekday's English name ("Tuesday").
    pub fn name(self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self as usize]
    }

    fn from_word(word: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|day| {
            let name = day.name();
            word == name
                || (word.len() == 3 && name.starts_with(word) && word != "Sat")
                || (word == "Tues" && *day == Weekday::Tuesday)
                || (word == "Thurs" && *day == Weekday::Thursday)
        })
    }
}

/// A day named in the copy: a weekday, a date, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateClaim {
    pub weekday: Option<Weekday>,
    /// 1 to 12, with `day`.
    pub month: Option<u8>,
    /// 1 to 31, with `month`.
    pub day: Option<u8>,
    /// When written ("Oct. 4, 2016").
    pub year: Option<i32>,
    /// The part of day written after a weekday ("Sunday night"):
    /// `morning`, `afternoon`, `evening`, `night`.
    pub part: Option<&'static str>,
}

/// A place named for the event.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// "the 1200 block of Main Street": the block number and the street.
    Block { number: u32, street: String },
    /// "on Elm Avenue", "at Main and Fifth Streets": a street.
    Street(String),
    /// "DAYTON, Ohio —" (a dateline) or "in Dayton, Ohio": the city as
    /// written, and its state when written.
    City { city: String, state: Option<String> },
}

/// When an article says it was written: its dateline date, or an
/// `Updated`, `Posted` or `Published` line, for ordering the articles of
/// a story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Minutes after midnight, when a time is written.
    pub minutes: Option<u16>,
    /// Whether the time comes from an `Updated` line (the latest version)
    /// rather than a first-published one.
    pub updated: bool,
}

impl ArticleTime {
    /// A key that orders times: the date, then the time of day (a time
    /// with no hour sorts before the same day's timed ones).
    pub fn sort_key(&self) -> (i32, u8, u8, i32) {
        (
            self.year,
            self.month,
            self.day,
            self.minutes.map_or(-1, i32::from),
        )
    }
}

/// Everything read from one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleClaims {
    /// In document order.
    pub claims: Vec<Claim>,
    /// The article's own time, when the copy states one (the latest of its
    /// `Updated`/`Posted`/`Published` lines, else a date on a line of its
    /// own near the top).
    pub time: Option<ArticleTime>,
}

impl ArticleClaims {
    /// The count claims, with their index in [`ArticleClaims::claims`].
    pub fn counts(&self) -> impl Iterator<Item = (usize, &Claim, &Count)> {
        self.claims
            .iter()
            .enumerate()
            .filter_map(|(i, claim)| match &claim.kind {
                ClaimKind::Count(count) => Some((i, claim, count)),
                _ => None,
            })
    }

    /// The article's figure for `subject`, as an index into `claims`,
    /// among the claims whose [`Context`] is clear (not quoted, not
    /// background, not a roundup): the last claim marked as an update, if
    /// any; else the first stated by a figure, a zero or an event word
    /// (headline first); else the first singular or zero one ("a man was
    /// killed", "no one was hurt").
    pub fn stated(&self, subject: SubjectId) -> Option<usize> {
        let of_subject = || {
            self.counts()
                .filter(move |(_, claim, c)| c.subject == subject && claim.context.is_clear())
        };
        let strong = |c: &Count| !matches!(c.form, CountForm::Singular | CountForm::Zero);
        if let Some((i, _, _)) = of_subject()
            .filter(|(_, claim, c)| claim.update && strong(c))
            .last()
        {
            return Some(i);
        }
        of_subject()
            .find(|(_, claim, c)| claim.headline && strong(c))
            .or_else(|| of_subject().find(|(_, _, c)| strong(c)))
            .or_else(|| of_subject().next())
            .map(|(i, _, _)| i)
    }

    /// The count of `claim`, if it is one.
    pub fn count(&self, claim: usize) -> Option<&Count> {
        match self.claims.get(claim).map(|c| &c.kind) {
            Some(ClaimKind::Count(count)) => Some(count),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------
// The extractor
// ---------------------------------------------------------------------

/// Reads claims from documents with a set of subjects. Build it once
/// (it compiles a word table) and use it for every document; [`extract`]
/// uses a shared one with the built-in subjects.
#[derive(Debug)]
pub struct Extractor {
    subjects: Vec<Subject>,
    lexicon: HashMap<Box<str>, Entry>,
    roles: RoleSet,
}

/// What the extractor knows of a word.
#[derive(Clone, Debug, Default)]
struct Entry {
    flags: u32,
    /// Subjects this word triggers.
    triggers: Vec<SubjectId>,
    /// Subjects whose own nouns include this word.
    nouns: Vec<SubjectId>,
}

// Word classes.
const PEOPLE: u32 = 1; // a plural people noun
const PERSON: u32 = 1 << 1; // a singular people noun
const MODIFIER: u32 = 1 << 2; // may stand between a figure and its noun
const AUX: u32 = 1 << 3; // may stand between a noun and its trigger
const AUX_SINGULAR: u32 = 1 << 4; // was, is, has
const AUX_PLURAL: u32 = 1 << 5; // were, are, have
const FUNCTION: u32 = 1 << 6; // may follow a bare figure after its trigger
const NOT_COUNTED: u32 = 1 << 7; // times, rounds, years: the figure is no count
const FATALLY: u32 = 1 << 8;
const TITLE: u32 = 1 << 9; // Officer, Sgt: a name follows
const NAME_STOP: u32 = 1 << 10; // a capitalised word that is no name
const NOT_PERSON: u32 = 1 << 11; // it, car, house: a singular verb says nothing of people
const UPDATE_WORD: u32 = 1 << 12;
const SAY: u32 = 1 << 13;
const STREET_WORD: u32 = 1 << 14; // Street, Ave: a street may be named
const STATE_WORD: u32 = 1 << 15; // Ohio, Ind: "in City, State" may follow

fn flags_table() -> Vec<(&'static str, u32)> {
    let mut table = Vec::new();
    let mut add = |words: &[&'static str], flags: u32| {
        table.extend(words.iter().map(|&w| (w, flags)));
    };
    add(
        &[
            "people",
            "persons",
            "men",
            "women",
            "others",
            "victims",
            "children",
            "kids",
            "teens",
            "teenagers",
            "boys",
            "girls",
            "adults",
            "juveniles",
            "youths",
            "students",
            "officers",
            "deputies",
            "troopers",
            "agents",
            "suspects",
            "bystanders",
            "individuals",
            "residents",
            "migrants",
            "immigrants",
            "nationals",
            "passengers",
            "patrons",
            "customers",
            "workers",
            "employees",
            "civilians",
            "relatives",
            "brothers",
            "sisters",
            "friends",
            "members",
            "gunmen",
            "shooters",
            "infants",
            "toddlers",
            "babies",
            "minors",
            "guests",
            "partygoers",
            "players",
            "inmates",
            "soldiers",
            "pedestrians",
            "neighbors",
            "neighbours",
            "cousins",
            "siblings",
            "sons",
            "daughters",
        ],
        PEOPLE,
    );
    add(
        &[
            "person",
            "man",
            "woman",
            "victim",
            "child",
            "kid",
            "teen",
            "teenager",
            "boy",
            "girl",
            "adult",
            "juvenile",
            "youth",
            "student",
            "officer",
            "deputy",
            "trooper",
            "agent",
            "suspect",
            "bystander",
            "individual",
            "resident",
            "toddler",
            "baby",
            "infant",
            "gunman",
            "shooter",
            "driver",
            "passenger",
            "father",
            "mother",
            "son",
            "daughter",
            "brother",
            "sister",
            "husband",
            "wife",
            "boyfriend",
            "girlfriend",
            "teenage",
            "worker",
            "employee",
            "customer",
            "clerk",
            "guard",
            "mom",
            "dad",
            "grandmother",
            "grandfather",
            "neighbor",
            "neighbour",
            "friend",
            "cousin",
            "uncle",
            "aunt",
            "nephew",
            "niece",
            "student",
            "inmate",
            "migrant",
            "he",
            "she",
            "who",
        ],
        PERSON,
    );
    add(
        &[
            "other",
            "more",
            "additional",
            "young",
            "teenage",
            "adult",
            "innocent",
            "unidentified",
            "unarmed",
            "elderly",
            "male",
            "female",
            "black",
            "white",
            "hispanic",
            "police",
            "local",
            "armed",
            "alleged",
            "suspected",
            "unnamed",
            "total",
            "separate",
            "different",
            "identified",
            "of",
            "the",
            "them",
            "those",
            "these",
            "people",
            "family",
            "law",
            "enforcement",
            "city",
            "county",
            "state",
            "federal",
            "year-old",
            "teen",
            "men",
            "women",
            "also",
            "all",
            "both",
            "further",
        ],
        MODIFIER,
    );
    add(
        &[
            "were",
            "was",
            "are",
            "is",
            "have",
            "has",
            "had",
            "been",
            "being",
            "be",
            "got",
            "get",
            "gets",
            "also",
            "all",
            "both",
            "later",
            "reportedly",
            "each",
            "who",
            "that",
            "now",
            "remain",
            "remained",
            "remains",
            "still",
            "in",
            "into",
            "taken",
            "reported",
            "confirmed",
            "believed",
            "found",
            "left",
            "initially",
            "apparently",
            "allegedly",
            "officially",
            "eventually",
            "since",
            "then",
            "just",
            "pronounced",
            "declared",
            "either",
            "critically",
            "seriously",
            "badly",
            "severely",
            "gravely",
            "mortally",
            "fatally",
            "either",
            "subsequently",
            "ultimately",
            "well",
            "placed",
            "being",
            "will",
            "would",
            "could",
            "may",
            "might",
        ],
        AUX,
    );
    add(&["was", "is", "has"], AUX_SINGULAR);
    add(&["were", "are", "have"], AUX_PLURAL);
    add(
        &[
            "and",
            "in",
            "at",
            "on",
            "during",
            "before",
            "after",
            "while",
            "when",
            "including",
            "inside",
            "outside",
            "near",
            "early",
            "late",
            "last",
            "this",
            "overnight",
            "as",
            "with",
            "but",
            "since",
            "by",
            "following",
            "over",
            "across",
            "within",
            "so",
            "tonight",
            "today",
            "yesterday",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "earlier",
        ],
        FUNCTION,
    );
    add(
        &[
            "times",
            "time",
            "rounds",
            "round",
            "shots",
            "shot",
            "bullets",
            "bullet",
            "years",
            "year",
            "months",
            "month",
            "weeks",
            "week",
            "days",
            "day",
            "hours",
            "hour",
            "minutes",
            "year-old",
            "years-old",
            "minute",
            "seconds",
            "block",
            "blocks",
            "percent",
            "mm",
            "caliber",
            "calibre",
            "a.m",
            "p.m",
            "am",
            "pm",
            "o'clock",
            "miles",
            "mile",
            "feet",
            "foot",
            "inches",
            "dollars",
            "cents",
            "counts",
            "count",
            "cars",
            "vehicles",
            "homes",
            "home",
            "houses",
            "house",
            "guns",
            "weapons",
            "casings",
            "points",
            "games",
            "game",
            "floors",
            "story",
            "stories",
            "degrees",
            "pounds",
            "grams",
            "ounces",
            "yards",
            "meters",
            "kilometers",
            "acres",
            "million",
            "billion",
            "st",
            "nd",
            "rd",
            "th",
            "percent",
            "dogs",
            "dog",
            "cats",
            "incidents",
            "shootings",
            "cases",
            "charges",
            "others'",
        ],
        NOT_COUNTED,
    );
    add(&["fatally", "mortally"], FATALLY);
    add(
        &[
            "officer",
            "sgt",
            "sergeant",
            "lt",
            "lieutenant",
            "capt",
            "captain",
            "det",
            "detective",
            "deputy",
            "trooper",
            "cpl",
            "corporal",
            "sheriff",
            "chief",
            "mr",
            "mrs",
            "ms",
            "dr",
            "judge",
            "mayor",
            "agent",
            "patrolman",
            "investigator",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "prosecutor",
            "attorney",
            "coroner",
            "commissioner",
            "superintendent",
            "pastor",
            "rev",
            "father",
            "victim",
            "suspect",
            "gunman",
            "shooter",
            "identified",
            "named",
            "sen",
            "rep",
            "gov",
            "councilman",
            "councilwoman",
            "principal",
            "coach",
            "cmdr",
            "commander",
            "major",
            "maj",
            "col",
            "sgt.",
            "officers",
        ],
        TITLE,
    );
    add(
        &[
            "the",
            "a",
            "an",
            "police",
            "department",
            "county",
            "city",
            "state",
            "university",
            "school",
            "high",
            "hospital",
            "medical",
            "center",
            "centre",
            "street",
            "avenue",
            "road",
            "drive",
            "boulevard",
            "lane",
            "news",
            "church",
            "court",
            "office",
            "sheriff",
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "he",
            "she",
            "they",
            "it",
            "his",
            "her",
            "their",
            "in",
            "on",
            "at",
            "after",
            "before",
            "when",
            "but",
            "and",
            "according",
            "authorities",
            "officials",
            "investigators",
            "detectives",
            "officers",
            "family",
            "friends",
            "god",
            "facebook",
            "twitter",
            "instagram",
            "police",
            "fbi",
            "atf",
            "dea",
            "swat",
            "ems",
            "fire",
            "rescue",
            "park",
            "mall",
            "bar",
            "club",
            "inc",
            "co",
            "corp",
            "llc",
            "company",
            "county's",
            "city's",
            "department's",
            "this",
            "that",
            "there",
            "then",
            "we",
            "i",
            "you",
            "our",
            "my",
            "if",
            "as",
            "so",
            "no",
            "yes",
            "mr",
            "mrs",
            "ms",
            "dr",
            "jr",
            "sr",
            "ii",
            "iii",
            "associated",
            "press",
            "reuters",
            "ap",
            "cnn",
            "nbc",
            "abc",
            "cbs",
            "fox",
            "msnbc",
            "wsb",
            "channel",
            "american",
            "americans",
            "african",
            "christmas",
            "thanksgiving",
            "easter",
            "day",
            "new",
            "year",
            "years",
            "district",
            "attorney",
            "patrol",
            "highway",
            "interstate",
            "route",
            "elementary",
            "middle",
            "academy",
            "college",
            "institute",
            "services",
            "service",
            "unit",
            "division",
            "bureau",
            "agency",
            "authority",
            "board",
            "council",
            "committee",
            "association",
            "foundation",
            "group",
            "project",
            "team",
            "crime",
            "stoppers",
            "metro",
            "memorial",
            "general",
            "regional",
            "community",
            "health",
            "emergency",
            "trauma",
            "national",
            "international",
            "republican",
            "democrat",
            "democratic",
            "republicans",
            "democrats",
            "senate",
            "house",
            "congress",
            "justice",
            "law",
            "enforcement",
            "coroner",
            "examiner",
            "medical",
            "homicide",
            "unit",
            "sheriff's",
            "police's",
            "officer",
            "sgt",
            "lt",
            "capt",
            "det",
            "detective",
            "chief",
            "deputy",
            "trooper",
            "judge",
            "mayor",
            "gov",
            "sen",
            "rep",
            "pastor",
            "rev",
            "victim",
            "suspect",
            "witnesses",
            "neighbors",
            "says",
            "said",
            "told",
            "while",
            "although",
            "because",
            "since",
            "during",
            "though",
            "where",
            "what",
            "why",
            "how",
            "who",
            "which",
            "one",
            "two",
            "three",
            "both",
            "all",
            "some",
            "many",
            "several",
            "other",
            "another",
            "each",
            "every",
            "any",
            "these",
            "those",
            "here",
            "now",
            "however",
            "meanwhile",
            "also",
            "earlier",
            "later",
            "today",
            "tonight",
            "yesterday",
            "more",
            "most",
            "read",
            "watch",
            "click",
            "video",
            "photo",
            "photos",
            "update",
            "updated",
            "breaking",
            "developing",
            "related",
            "story",
            "like",
            "share",
            "comments",
            "comment",
            "subscribe",
            "sign",
            "copyright",
            "all",
            "rights",
            "reserved",
            "jail",
            "prison",
            "correctional",
            "facility",
            "detention",
            "apartments",
            "apartment",
            "hotel",
            "motel",
            "restaurant",
            "store",
            "market",
            "gas",
            "station",
            "walmart",
            "mcdonald's",
            "target",
            "starbucks",
            "islamic",
            "isis",
            "dhs",
            "ice",
            "us",
            "u.s",
            "uk",
            "un",
            "nfl",
            "nba",
            "mlb",
            "espn",
            "gop",
            "lives",
            "matter",
            "black",
            "white",
            "hispanic",
            "latino",
            "mexican",
            "asian",
            "muslim",
            "christian",
            "jewish",
            "catholic",
            "baptist",
            "methodist",
            "temple",
            "mosque",
            "synagogue",
            "miss",
            "officer's",
            "suspect's",
            "victim's",
        ],
        NAME_STOP,
    );
    add(
        &[
            "it",
            "this",
            "that",
            "which",
            "what",
            "car",
            "vehicle",
            "truck",
            "suv",
            "house",
            "home",
            "window",
            "building",
            "there",
            "dog",
            "nothing",
            "anything",
            "something",
            "shooting",
            "incident",
            "case",
            "gun",
            "weapon",
            "rifle",
            "handgun",
            "pistol",
            "round",
            "bullet",
            "shot",
            "store",
            "business",
            "apartment",
            "none",
        ],
        NOT_PERSON,
    );
    add(
        &[
            "now",
            "latest",
            "later",
            "succumbed",
            "rose",
            "risen",
            "climbed",
            "risen",
            "updated",
            "update",
            "since",
            "subsequently",
            "has",
            "have",
        ],
        UPDATE_WORD,
    );
    add(
        &["said", "says", "told", "added", "stated", "explained"],
        SAY,
    );
    add(
        &[
            "street",
            "st",
            "avenue",
            "ave",
            "road",
            "rd",
            "drive",
            "dr",
            "boulevard",
            "blvd",
            "lane",
            "ln",
            "way",
            "court",
            "ct",
            "place",
            "pl",
            "parkway",
            "pkwy",
            "highway",
            "hwy",
            "terrace",
            "circle",
            "trail",
            "pike",
            "square",
            "alley",
            "row",
            "expressway",
            "freeway",
        ],
        STREET_WORD,
    );
    table
}

/// The words shared by every extractor: everything but the subjects.
static BASE_LEXICON: LazyLock<HashMap<Box<str>, Entry>> = LazyLock::new(|| {
    let mut map: HashMap<Box<str>, Entry> = HashMap::new();
    for (word, flags) in flags_table() {
        map.entry(word.into()).or_default().flags |= flags;
    }
    // The first word of each state, as a token reads it (`Ind.` is
    // `ind`, `N.Y.` is `n.y`).
    for state in STATES {
        let first = state
            .split(' ')
            .next()
            .unwrap_or(state)
            .trim_end_matches('.');
        map.entry(first.to_ascii_lowercase().into())
            .or_default()
            .flags |= STATE_WORD;
    }
    map
});

static DEFAULT: LazyLock<Extractor> = LazyLock::new(|| Extractor::with_subjects(Vec::new()));

/// The claims of `doc`, read with the built-in subjects from its prose and
/// headlines.
pub fn extract(doc: &Document<'_>) -> ArticleClaims {
    DEFAULT.extract(doc)
}

/// The built-in subjects' names, by [`SubjectId`].
pub fn builtin_subject_name(id: SubjectId) -> Option<&'static str> {
    [
        "killed",
        "injured",
        "shot",
        "hospitalised",
        "arrested",
        "missing",
    ]
    .get(usize::from(id.0))
    .copied()
}

impl Extractor {
    /// An extractor with the built-in subjects followed by `extra` (their
    /// ids are `SubjectId(6)`, `SubjectId(7)`, ... in order).
    pub fn with_subjects(extra: Vec<Subject>) -> Self {
        let mut subjects = Subject::builtin();
        subjects.extend(extra);
        let mut lexicon = BASE_LEXICON.clone();
        for (index, subject) in subjects.iter().enumerate() {
            let id = SubjectId(u16::try_from(index).unwrap_or(u16::MAX));
            for word in &subject.words {
                let entry = lexicon.entry(word.as_str().into()).or_default();
                if !entry.triggers.contains(&id) {
                    entry.triggers.push(id);
                }
            }
            for noun in &subject.nouns {
                let entry = lexicon.entry(noun.as_str().into()).or_default();
                if !entry.nouns.contains(&id) {
                    entry.nouns.push(id);
                }
            }
        }
        Extractor {
            subjects,
            lexicon,
            roles: RoleSet::PROSE_AND_HEADLINE,
        }
    }

    /// Reads only paragraphs whose role is in `roles` (default: prose and
    /// headlines).
    pub fn roles(mut self, roles: RoleSet) -> Self {
        self.roles = roles;
        self
    }

    /// Every subject, in [`SubjectId`] order.
    pub fn subjects(&self) -> &[Subject] {
        &self.subjects
    }

    /// The subject called `name`, if any.
    pub fn subject_id(&self, name: &str) -> Option<SubjectId> {
        self.subjects
            .iter()
            .position(|s| s.name == name)
            .and_then(|i| u16::try_from(i).ok())
            .map(SubjectId)
    }

    /// The claims of `doc`.
    pub fn extract(&self, doc: &Document<'_>) -> ArticleClaims {
        let mut claims = Vec::new();
        let mut tokens = Vec::new();
        let mut figures = Vec::new();
        for (index, paragraph) in doc.paragraphs.iter().enumerate() {
            if !self.roles.contains(paragraph.role) {
                continue;
            }
            let headline = paragraph.role == Role::Headline;
            let paragraph_text = doc.slice(paragraph.span);
            let update_paragraph = paragraph_text
                .get(..6)
                .is_some_and(|s| s.eq_ignore_ascii_case("update"));
            if let Some(dateline) = paragraph.dateline {
                if let Some(place) = dateline_city(doc.slice(dateline)) {
                    let sentence = paragraph.sentences.start;
                    claims.push(Claim {
                        span: dateline,
                        sentence,
                        paragraph: index,
                        headline,
                        context: Context::default(),
                        update: false,
                        kind: ClaimKind::Place(place),
                    });
                }
            }
            for sentence in paragraph.sentences.clone() {
                let span = doc.sentences[sentence].span;
                let text = doc.slice(span);
                let mut reader = SentenceReader {
                    extractor: self,
                    text,
                    base: span.start as usize,
                    tokens: std::mem::take(&mut tokens),
                    figures: std::mem::take(&mut figures),
                    out: Vec::new(),
                };
                reader.read(headline, doc.figures(sentence));
                let update = update_paragraph || reader.reads_as_update();
                let sentence_context = reader.context();
                let quotes = doc.quotes_of_paragraph(index);
                for (claim_span, kind) in reader.out.drain(..) {
                    let is_count = matches!(kind, ClaimKind::Count(_));
                    let context = if is_count {
                        Context {
                            quoted: quotes.iter().any(|q| q.span.contains(claim_span)),
                            ..sentence_context
                        }
                    } else {
                        Context::default()
                    };
                    claims.push(Claim {
                        span: claim_span,
                        sentence,
                        paragraph: index,
                        headline,
                        context,
                        update: is_count && update,
                        kind,
                    });
                }
                tokens = reader.tokens;
                figures = reader.figures;
            }
        }
        ArticleClaims {
            claims,
            time: article_time(doc),
        }
    }
}

/// A word of a sentence.
#[derive(Clone, Copy, Debug)]
struct Token<'e> {
    /// Relative to the sentence.
    start: usize,
    end: usize,
    flags: u32,
    /// The lexicon entry, if the word has one.
    entry: Option<&'e Entry>,
    /// Index into the sentence's figures when the word is part of one.
    figure: Option<usize>,
    capital: bool,
}

/// A figure of a sentence that may be a count.
#[derive(Clone, Copy, Debug)]
struct Figure {
    /// Token range.
    first: usize,
    last: usize,
    value: Quantity,
}

struct SentenceReader<'e, 't> {
    extractor: &'e Extractor,
    text: &'t str,
    base: usize,
    tokens: Vec<Token<'e>>,
    figures: Vec<Figure>,
    out: Vec<(Span, ClaimKind)>,
}

/// Lowercases an ASCII word into `buffer`; `None` when it is too long or
/// not ASCII (such words are in no table).
fn lowercase<'b>(word: &str, buffer: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    for (slot, byte) in buffer.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    std::str::from_utf8(&buffer[..bytes.len()]).ok()
}

/// A word lowercased on the stack (empty when too long or not ASCII).
struct Lower {
    bytes: [u8; 24],
    len: usize,
}

impl Lower {
    fn of(word: &str) -> Lower {
        let mut bytes = [0; 24];
        let len = lowercase(word, &mut bytes).map_or(0, str::len);
        Lower { bytes, len }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

static ONE: LazyLock<Option<Quantity>> = LazyLock::new(|| quantity::parse("1"));
static ZERO: LazyLock<Option<Quantity>> = LazyLock::new(|| quantity::parse("0"));

fn exactly(n: u32) -> Option<Quantity> {
    match n {
        0 => *ZERO,
        1 => *ONE,
        _ => quantity::parse(&n.to_string()),
    }
}

fn at_least(n: u32) -> Option<Quantity> {
    quantity::parse(&format!("at least {n}"))
}

impl<'e, 't> SentenceReader<'e, 't> {
    fn word(&self, i: usize) -> &'t str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    fn entry(&self, i: usize) -> Option<&'e Entry> {
        self.tokens.get(i)?.entry
    }

    fn has(&self, i: usize, flags: u32) -> bool {
        self.tokens.get(i).is_some_and(|t| t.flags & flags != 0)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|_| self.word(i).eq_ignore_ascii_case(word))
    }

    /// Whether only white space separates tokens `a` and `a + 1`.
    fn joined(&self, a: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => self.text[x.end..y.start].trim().is_empty(),
            _ => false,
        }
    }

    /// The text between tokens `a` and `a + 1`, trimmed.
    fn gap(&self, a: usize) -> &'t str {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => self.text[x.end..y.start].trim(),
            (Some(x), None) => self.text[x.end..].trim(),
            _ => "",
        }
    }

    fn triggers(&self, i: usize) -> &'e [SubjectId] {
        self.entry(i).map_or(&[], |e| e.triggers.as_slice())
    }

    fn span(&self, first: usize, last: usize) -> Span {
        Span::new(
            self.base + self.tokens[first].start,
            self.base + self.tokens[last].end,
        )
    }

    fn tokenize(&mut self) {
        self.tokens.clear();
        let mut buffer = [0; 24];
        for word in words(self.text) {
            let (start, end) = (word.start as usize, word.end as usize);
            let text = &self.text[start..end];
            let entry = lowercase(text, &mut buffer).and_then(|w| self.extractor.lexicon.get(w));
            self.tokens.push(Token {
                start,
                end,
                flags: entry.map_or(0, |e| e.flags),
                entry,
                figure: None,
                capital: text.starts_with(|c: char| c.is_uppercase()),
            });
        }
    }

    /// Finds the figures that may be counts.
    fn find_figures(&mut self, spans: &[Span]) {
        self.figures.clear();
        let bytes = self.text.as_bytes();
        for span in spans {
            let range = span.start as usize - self.base..span.end as usize - self.base;
            // The tokens the figure covers; one that runs past it
            // (`two-story`, `23-year-old`) makes it a modifier, no count.
            let first = self.tokens.partition_point(|t| t.end <= range.start);
            let mut last = first;
            while last + 1 < self.tokens.len() && self.tokens[last + 1].start < range.end {
                last += 1;
            }
            let Some(token) = self.tokens.get(last) else {
                continue;
            };
            if token.end > range.end || self.tokens[first].start < range.start {
                continue;
            }
            let after = bytes.get(range.end).copied();
            let before = range.start.checked_sub(1).map(|i| bytes[i]);
            if matches!(after, Some(b':' | b'-' | b'/'))
                && bytes
                    .get(range.end + 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric())
            {
                continue;
            }
            if matches!(before, Some(b'$' | b'#' | b'/' | b':')) {
                continue;
            }
            // `No. 5`, `Route 9`, `Channel 4`: a capitalised word before a
            // figure in digits names something.
            let digits = bytes[range.start].is_ascii_digit();
            if digits && first > 0 && self.tokens[first - 1].capital {
                continue;
            }
            // "aged 23", "under the age of 10", "ages 5 and 7".
            let age_before = |d: usize| {
                first >= d && {
                    let w = &self.text[self.tokens[first - d].start..self.tokens[first - d].end];
                    ["age", "aged", "ages"]
                        .iter()
                        .any(|a| w.eq_ignore_ascii_case(a))
                }
            };
            if age_before(1)
                || (age_before(2) && first >= 1 && self.tokens[first - 1].flags & MODIFIER != 0)
            {
                continue;
            }
            let Some(value) = quantity::parse(&self.text[range.clone()]) else {
                continue;
            };
            // Years (never written with a thousands comma: "2,000" is a
            // count).
            if digits
                && value.exact
                && (1900.0..=2100.0).contains(&value.nominal)
                && !self.text[range.clone()].contains(',')
            {
                continue;
            }
            if value.percent {
                continue;
            }
            let index = self.figures.len();
            for t in &mut self.tokens[first..=last] {
                t.figure = Some(index);
            }
            self.figures.push(Figure { first, last, value });
        }
    }

    /// Reads the sentence, whose figures (document spans) are `figures`.
    fn read(&mut self, headline: bool, figures: &[Span]) {
        self.tokenize();
        if self.tokens.is_empty() {
            return;
        }
        self.find_figures(figures);
        self.counts();
        self.singular_counts();
        self.events();
        if !headline {
            self.names_and_ages();
        }
        self.dates();
        self.places();
    }

    fn push_count(
        &mut self,
        subject: SubjectId,
        value: Quantity,
        form: CountForm,
        first: usize,
        last: usize,
        figure: Span,
    ) {
        let span = self.span(first, last);
        // One claim per subject and figure: "shot and killed" chains and
        // the two readings of "killing two" must not double it.
        let duplicate = self.out.iter().any(|(_, kind)| {
            matches!(kind, ClaimKind::Count(c) if c.subject == subject && c.figure == figure)
        });
        if !duplicate {
            self.out.push((
                span,
                ClaimKind::Count(Count {
                    subject,
                    value,
                    form,
                    figure,
                }),
            ));
        }
    }

    /// Whether the word at `i` is a noun counted by `subject`.
    fn counts_noun(&self, i: usize, subject: SubjectId) -> bool {
        let own = &self.extractor.subjects[usize::from(subject.0)].nouns;
        if own.is_empty() {
            self.has(i, PEOPLE | PERSON)
        } else {
            self.entry(i).is_some_and(|e| e.nouns.contains(&subject))
        }
    }

    fn is_noun(&self, i: usize) -> bool {
        self.has(i, PEOPLE | PERSON) || self.entry(i).is_some_and(|e| !e.nouns.is_empty())
    }

    /// Emits the counts a trigger at `t` gives `value`, with the chain
    /// "shot and killed", "fatally shot", "shot dead".
    #[allow(clippy::too_many_arguments)]
    fn emit_chain(
        &mut self,
        mut t: usize,
        value: Quantity,
        first: usize,
        figure: Span,
        noun: Option<usize>,
        fatally: bool,
    ) {
        let mut fatally = fatally;
        loop {
            let triggers = self.triggers(t);
            for &subject in triggers {
                let own_nouns = !self.extractor.subjects[usize::from(subject.0)]
                    .nouns
                    .is_empty();
                match noun {
                    Some(n) if !self.counts_noun(n, subject) => continue,
                    None if own_nouns => continue,
                    _ => {}
                }
                let (subject, also_killed) = match subject {
                    SubjectId::INJURED if fatally => (SubjectId::KILLED, false),
                    SubjectId::SHOT if fatally => (SubjectId::SHOT, true),
                    s => (s, false),
                };
                self.push_count(subject, value, CountForm::Figure, first, t, figure);
                if also_killed {
                    self.push_count(
                        SubjectId::KILLED,
                        value,
                        CountForm::Figure,
                        first,
                        t,
                        figure,
                    );
                }
                // "shot dead", "shot to death".
                if subject == SubjectId::SHOT
                    && (self.is(t + 1, "dead") || (self.is(t + 1, "to") && self.is(t + 2, "death")))
                {
                    self.push_count(
                        SubjectId::KILLED,
                        value,
                        CountForm::Figure,
                        first,
                        t + 1,
                        figure,
                    );
                }
            }
            // "shot and killed", "shot and critically wounded".
            if self.is(t + 1, "and") && self.joined(t) {
                let mut next = t + 2;
                fatally = false;
                while self.has(next, FATALLY) || self.word_ends_ly(next) {
                    fatally |= self.has(next, FATALLY);
                    next += 1;
                }
                if !self.triggers(next).is_empty() {
                    t = next;
                    continue;
                }
            }
            break;
        }
    }

    fn word_ends_ly(&self, i: usize) -> bool {
        i < self.tokens.len() && {
            let w = self.word(i);
            w.len() > 4 && w.ends_with("ly") && self.tokens[i].flags & (PEOPLE | PERSON) == 0
        }
    }

    /// `N [noun] [aux] TRIGGER` and `TRIGGER N [noun]`.
    fn counts(&mut self) {
        for f in 0..self.figures.len() {
            let Figure { first, last, value } = self.figures[f];
            let figure = self.span(first, last);
            // "no one": a zero, read with the singular subjects.
            if first > 0 && self.is(first - 1, "no") {
                continue;
            }
            // "one of three people": the inner figure counts.
            if self.is(last + 1, "of")
                && self
                    .tokens
                    .get(last + 2)
                    .is_some_and(|t| t.figure.is_some())
            {
                continue;
            }
            if self.has(last + 1, NOT_COUNTED) && !self.is_noun(last + 1) {
                // "shot" after a figure is a trigger ("two shot"), unless
                // a noun follows, or a verb of firing comes before ("fired
                // one shot").
                let fired = first > 0
                    && [
                        "fired", "fire", "fires", "firing", "heard", "hear", "a", "the", "single",
                        "another",
                    ]
                    .iter()
                    .any(|w| self.is(first - 1, w));
                if !(self.is(last + 1, "shot") && !self.has(last + 2, NOT_COUNTED) && !fired) {
                    continue;
                }
            }
            // After: up to three modifiers, an optional noun, then aux
            // words, then a trigger.
            let mut k = last + 1;
            let mut noun = None;
            let mut modifiers = 0;
            while k < self.tokens.len() && self.joined(k - 1) {
                if self.is_noun(k) && !self.has(k + 1, PEOPLE | PERSON) {
                    noun = Some(k);
                    k += 1;
                    break;
                }
                if modifiers < 3
                    && (self.has(k, MODIFIER)
                        || (noun.is_none() && self.tokens[k].capital && !self.has(k, NAME_STOP)))
                {
                    modifiers += 1;
                    k += 1;
                    continue;
                }
                break;
            }
            if noun.is_none() {
                // Without a noun the figure must touch its aux or trigger:
                // "two were killed", "three dead".
                k = last + 1;
            }
            // "one fatally" after "two people were shot,".
            if self.has(k, FATALLY)
                && (k + 1 >= self.tokens.len() || !self.joined(k) || self.gap(k).starts_with(','))
                && noun.is_none()
            {
                self.push_count(
                    SubjectId::KILLED,
                    value,
                    CountForm::Figure,
                    first,
                    k,
                    figure,
                );
                continue;
            }
            let mut fatally = false;
            let mut aux = 0;
            let mut j = k;
            let gap_ok = |reader: &Self, j: usize| j > 0 && reader.joined(j - 1);
            while j < self.tokens.len() && aux < 5 && gap_ok(self, j) {
                if !self.triggers(j).is_empty() && !(self.is(j, "left")) {
                    break;
                }
                if self.has(j, AUX) || self.word_ends_ly(j) {
                    fatally |= self.has(j, FATALLY);
                    aux += 1;
                    j += 1;
                    continue;
                }
                break;
            }
            if j < self.tokens.len() && j > 0 && gap_ok(self, j) && !self.triggers(j).is_empty() {
                // A trigger right after a bare figure must not be a
                // modifier of a noun that follows ("two shot glasses").
                let trigger_word = self.word(j);
                if trigger_word.ends_with("ing") && aux == 0 {
                    continue;
                }
                if noun.is_none()
                    && aux == 0
                    && self.joined(j)
                    && self.tokens.get(j + 1).is_some_and(|t| !t.capital)
                    && !self.has(j + 1, FUNCTION | AUX | PEOPLE | PERSON | FATALLY)
                    && self.triggers(j + 1).is_empty()
                    && !(self.is(j + 1, "to") || self.is(j + 1, "dead"))
                {
                    continue;
                }
                self.emit_chain(j, value, first, figure, noun, fatally);
                continue;
            }
            // A trigger adjective before the noun: "two injured people".
            if noun.is_none()
                && !self.triggers(last + 1).is_empty()
                && self.has(last + 2, PEOPLE | PERSON)
                && self.joined(last)
                && self.joined(last + 1)
            {
                let t = last + 1;
                self.emit_chain(t, value, first, figure, Some(last + 2), false);
            }
        }
        // Before: "killing two", "wounded three others", and the nouns
        // "the arrest of eight men", "the deaths of two people".
        for t in 0..self.tokens.len() {
            let nominal = NOMINAL_TRIGGERS
                .iter()
                .find(|(w, _)| self.is(t, w))
                .map(|&(_, subject)| subject)
                .filter(|_| self.is(t + 1, "of") && self.joined(t) && self.joined(t + 1));
            if (self.triggers(t).is_empty() && nominal.is_none()) || !self.joined(t) {
                continue;
            }
            let word = Lower::of(self.word(t));
            // Adjectives only follow their figure ("two dead").
            if nominal.is_none()
                && matches!(
                    word.as_str(),
                    "dead" | "deceased" | "missing" | "custody" | "dies" | "died"
                )
            {
                continue;
            }
            let at = if nominal.is_some() { t + 2 } else { t + 1 };
            let Some(f) = self.tokens.get(at).and_then(|token| token.figure) else {
                continue;
            };
            let Figure { first, last, value } = self.figures[f];
            if first != at {
                continue;
            }
            // Passive "was shot 5 times", "were shot two": a passive verb
            // takes no object.
            if nominal.is_none()
                && t > 0
                && self.has(t - 1, AUX_SINGULAR | AUX_PLURAL)
                && !self.is(t - 1, "has")
                && !self.is(t - 1, "have")
            {
                continue;
            }
            let mut k = last + 1;
            let mut noun = None;
            let mut modifiers = 0;
            while k < self.tokens.len() && self.joined(k - 1) {
                if self.is_noun(k) && !self.has(k + 1, PEOPLE | PERSON) {
                    noun = Some(k);
                    break;
                }
                let capital = self.tokens[k].capital && !self.has(k, NAME_STOP);
                if modifiers < 3 && (self.has(k, MODIFIER) || capital) && !self.has(k, FUNCTION) {
                    modifiers += 1;
                    k += 1;
                    continue;
                }
                break;
            }
            if noun.is_none() && nominal.is_some() {
                continue;
            }
            if noun.is_none() {
                // A bare figure must end the clause or meet a function
                // word: "killing two and injuring three", not "shot 5
                // times" or "killed two dogs".
                let next = last + 1;
                let ends = next >= self.tokens.len() || !self.gap(last).is_empty();
                if !(ends || self.has(next, FUNCTION)) || self.has(next, NOT_COUNTED) {
                    continue;
                }
            }
            let figure = self.span(first, last);
            let end = noun.unwrap_or(last);
            let nominal_slot;
            let triggers = match nominal {
                Some(subject) => {
                    nominal_slot = [subject];
                    &nominal_slot[..]
                }
                None => self.triggers(t),
            };
            let fatally = t > 0 && self.has(t - 1, FATALLY);
            for &subject in triggers {
                let own_nouns = !self.extractor.subjects[usize::from(subject.0)]
                    .nouns
                    .is_empty();
                match noun {
                    Some(n) if !self.counts_noun(n, subject) => continue,
                    None if own_nouns => continue,
                    _ => {}
                }
                let subject = if fatally && subject == SubjectId::INJURED {
                    SubjectId::KILLED
                } else {
                    subject
                };
                self.push_count(subject, value, CountForm::Figure, t, end, figure);
                if fatally && subject == SubjectId::SHOT {
                    self.push_count(SubjectId::KILLED, value, CountForm::Figure, t, end, figure);
                }
            }
        }
    }

    /// "a man was killed", "he was shot", "no one was injured", "no
    /// injuries".
    fn singular_counts(&mut self) {
        let n = self.tokens.len();
        for i in 0..n {
            // Zero: "no injuries", "no one was hurt", "nobody was injured".
            if self.is(i, "no") && self.joined(i) {
                let next = self.tokens.get(i + 1).map(|_| Lower::of(self.word(i + 1)));
                let subject = match next.as_ref().map(Lower::as_str) {
                    Some("injuries") => Some(SubjectId::INJURED),
                    Some("deaths" | "fatalities") => Some(SubjectId::KILLED),
                    Some("arrests") => Some(SubjectId::ARRESTED),
                    _ => None,
                };
                if let (Some(subject), Some(zero)) = (subject, *ZERO) {
                    let span = self.span(i, i + 1);
                    self.push_count(subject, zero, CountForm::Zero, i, i + 1, span);
                    continue;
                }
            }
        }
        // Singular and zero subjects of a trigger after aux words.
        for t in 1..n {
            if self.triggers(t).is_empty() || self.word(t).ends_with("ing") {
                continue;
            }
            // Walk back over the aux chain.
            let mut j = t;
            let mut singular = false;
            let mut plural = false;
            let mut fatally = false;
            let mut adverb = false;
            while j > 0 && self.joined(j - 1) && (self.has(j - 1, AUX) || self.word_ends_ly(j - 1))
            {
                j -= 1;
                singular |= self.has(j, AUX_SINGULAR);
                plural |= self.has(j, AUX_PLURAL);
                fatally |= self.has(j, FATALLY);
                adverb |= self.word_ends_ly(j);
                if self.is(j, "who") || self.is(j, "and") {
                    break;
                }
            }
            if !singular || plural || j == 0 {
                continue;
            }
            // Already read as a figure's count.
            if self.out.iter().any(|(span, kind)| {
                matches!(kind, ClaimKind::Count(_))
                    && span.end as usize == self.base + self.tokens[t].end
            }) {
                continue;
            }
            // The subject: the word before the chain ("who" stands in).
            let head = if self.is(j, "who") { j } else { j - 1 };
            if self.is(j, "and") {
                continue;
            }
            // "no one was injured", "nobody was hurt"; not "no one was
            // seriously hurt" (others were), nor "no one else".
            let zero = (self.is(head, "one") && head > 0 && self.is(head - 1, "no"))
                || self.is(head, "nobody")
                || self.is(head, "noone");
            if zero {
                if !adverb && !self.is(head + 1, "else") {
                    self.zero_chain(t, head);
                }
                continue;
            }
            if self.tokens[head].figure.is_some() || self.has(head, NOT_PERSON) {
                // "one was killed" is a figure's count; "none was" zero.
                if self.is(head, "none") {
                    self.zero_chain(t, head);
                }
                continue;
            }
            if self.is(head, "else")
                || self.is(head, "they")
                || self.is(head, "we")
                || self.is(head, "you")
            {
                continue;
            }
            // A singular people noun, a pronoun, or a name.
            let person = self.has(head, PERSON)
                || (self.tokens[head].capital && !self.has(head, NAME_STOP))
                || self.word(head).ends_with("-old");
            if !person {
                continue;
            }
            let Some(one) = *ONE else { continue };
            let figure = self.span(head, head);
            let mut t2 = t;
            let mut fatal = fatally;
            loop {
                let triggers = self.triggers(t2);
                for &subject in triggers {
                    if !self.extractor.subjects[usize::from(subject.0)]
                        .nouns
                        .is_empty()
                    {
                        continue;
                    }
                    let subject = if fatal && subject == SubjectId::INJURED {
                        SubjectId::KILLED
                    } else {
                        subject
                    };
                    self.push_count(subject, one, CountForm::Singular, head, t2, figure);
                    if fatal && subject == SubjectId::SHOT {
                        self.push_count(
                            SubjectId::KILLED,
                            one,
                            CountForm::Singular,
                            head,
                            t2,
                            figure,
                        );
                    }
                    if subject == SubjectId::SHOT
                        && (self.is(t2 + 1, "dead")
                            || (self.is(t2 + 1, "to") && self.is(t2 + 2, "death")))
                    {
                        self.push_count(
                            SubjectId::KILLED,
                            one,
                            CountForm::Singular,
                            head,
                            t2 + 1,
                            figure,
                        );
                    }
                }
                if self.is(t2 + 1, "and") && self.joined(t2) {
                    let mut next = t2 + 2;
                    fatal = false;
                    while self.has(next, FATALLY) || self.word_ends_ly(next) {
                        fatal |= self.has(next, FATALLY);
                        next += 1;
                    }
                    if !self.triggers(next).is_empty() {
                        t2 = next;
                        continue;
                    }
                }
                break;
            }
        }
    }

    fn zero_chain(&mut self, t: usize, head: usize) {
        let Some(zero) = *ZERO else { return };
        let first = if head > 0 && self.is(head - 1, "no") {
            head - 1
        } else {
            head
        };
        let figure = self.span(first, head);
        let triggers = self.triggers(t);
        for &subject in triggers {
            self.push_count(subject, zero, CountForm::Zero, first, t, figure);
        }
    }

    /// "a double shooting", "a double homicide", "the death toll rose to
    /// three", "a second victim died".
    fn events(&mut self) {
        let n = self.tokens.len();
        for i in 0..n {
            let lower = Lower::of(self.word(i));
            let lower = lower.as_str();
            let multiple = match lower {
                "double" => Some(2),
                "triple" => Some(3),
                "quadruple" => Some(4),
                "quintuple" => Some(5),
                _ => None,
            };
            if let Some(m) = multiple {
                if !self.joined(i) || i + 1 >= n {
                    continue;
                }
                let next = Lower::of(self.word(i + 1));
                let figure = self.span(i, i);
                let found = match next.as_str() {
                    "shooting" | "shootings" => at_least(m).map(|q| (SubjectId::SHOT, q)),
                    "homicide" | "murder" | "murders" | "homicides" | "fatal" => {
                        exactly(m).map(|q| (SubjectId::KILLED, q))
                    }
                    _ => None,
                };
                // "a double murder suspect", "double homicide charges": the
                // charge, not the event.
                let charge = [
                    "suspect", "suspects", "charge", "charges", "case", "trial", "count", "counts",
                ]
                .iter()
                .any(|w| self.is(i + 2, w));
                if let (Some((subject, q)), false) = (found, charge) {
                    self.push_count(subject, q, CountForm::Event, i, i + 1, figure);
                }
                continue;
            }
            let ordinal = match lower {
                "second" => Some(2),
                "third" => Some(3),
                "fourth" => Some(4),
                "fifth" => Some(5),
                "sixth" => Some(6),
                _ => None,
            };
            if let Some(m) = ordinal {
                // "a second victim (has) died".
                if !self.has(i + 1, PERSON) || !self.joined(i) {
                    continue;
                }
                let mut t = i + 2;
                while t < n && self.joined(t - 1) && (self.has(t, AUX) || self.word_ends_ly(t)) {
                    t += 1;
                }
                // "a third victim died": at least three dead.
                if t < n && self.joined(t - 1) && self.triggers(t).contains(&SubjectId::KILLED) {
                    if let Some(q) = at_least(m) {
                        let figure = self.span(i, i);
                        self.push_count(SubjectId::KILLED, q, CountForm::Event, i, t, figure);
                    }
                }
                continue;
            }
            // "death toll (has) rose to three".
            if lower == "toll" && i > 0 && self.is(i - 1, "death") {
                let mut t = i + 1;
                while t < n && t < i + 6 && self.tokens[t].figure.is_none() {
                    t += 1;
                }
                if let Some(f) = self.tokens.get(t).and_then(|tk| tk.figure) {
                    let Figure { first, last, value } = self.figures[f];
                    let figure = self.span(first, last);
                    self.push_count(
                        SubjectId::KILLED,
                        value,
                        CountForm::Event,
                        i - 1,
                        last,
                        figure,
                    );
                }
            }
        }
    }

    /// What the sentence says of the event its counts are about.
    fn context(&self) -> Context {
        let n = self.tokens.len();
        let mut context = Context::default();
        let is_year = |i: usize| {
            i < n
                && self.word(i).len() == 4
                && self
                    .word(i)
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2100).contains(&y))
        };
        for i in 0..n {
            let w = self.word(i);
            let lower = |s: &str| w.eq_ignore_ascii_case(s);
            if lower("ago")
                || lower("alone")
                || lower("deadliest")
                || lower("history")
                || lower("previous")
                || lower("annually")
                || lower("statistics")
            {
                context.background = true;
            }
            if (lower("last") || lower("this") || lower("past"))
                && (self.is(i + 1, "year") || self.is(i + 1, "month") || self.is(i + 1, "decade"))
            {
                context.background = true;
            }
            if lower("so") && self.is(i + 1, "far") {
                context.background = true;
            }
            // "in March" with no day: another month than the event's.
            let month_alone = i + 1 < n
                && self.tokens[i + 1].capital
                && month_of(self.word(i + 1)).is_some()
                && self.word(i + 1) != "May"
                && (i + 2 >= n || self.word(i + 2).parse::<u8>().is_err());
            if lower("in") && month_alone {
                context.background = true;
            }
            if (lower("in") || lower("since") || lower("of")) && is_year(i + 1) {
                context.background = true;
            }
            if lower("shootings")
                || lower("separate")
                || lower("citywide")
                || lower("roundup")
                || (lower("across")
                    && (self.is(i + 1, "city")
                        || self.is(i + 2, "city")
                        || self.is(i + 1, "chicago")))
            {
                context.roundup = true;
            }
            if (lower("plus") || lower("including") || lower("excluding"))
                && (self.is(i + 1, "the") || self.is(i + 1, "a"))
                && (self.is(i + 2, "gunman")
                    || self.is(i + 2, "shooter")
                    || self.is(i + 2, "suspect"))
            {
                context.shooter_apart = true;
            }
            if lower("himself")
                || lower("herself")
                || lower("suicide")
                || lower("murder-suicide")
                || (lower("own") && self.is(i + 1, "life"))
            {
                context.shooter_apart = true;
            }
        }
        context
    }

    /// Whether the sentence reads as an update of an earlier report.
    fn reads_as_update(&self) -> bool {
        let n = self.tokens.len();
        (0..n).any(|i| {
            let w = self.word(i);
            let lower = |s: &str| w.eq_ignore_ascii_case(s);
            if lower("succumbed") || lower("latest") || lower("now") || lower("updated") {
                return true;
            }
            if (lower("rose") || lower("risen") || lower("climbed") || lower("increased"))
                && self.is(i + 1, "to")
            {
                return true;
            }
            if (lower("has")
                || lower("have")
                || lower("later")
                || lower("since")
                || lower("subsequently"))
                && (self.is(i + 1, "died") || self.is(i + 1, "since") && self.is(i + 2, "died"))
            {
                return true;
            }
            false
        })
    }

    // -----------------------------------------------------------------
    // Names and ages
    // -----------------------------------------------------------------

    /// Whether token `i` can be part of a name.
    fn name_token(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if !t.capital || t.figure.is_some() || t.flags & (NAME_STOP | TITLE) != 0 {
            return false;
        }
        let w = self.word(i);
        // Not all capitals (`FBI`), unless a single initial.
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 {
            return false;
        }
        if letters > 1 && !w.chars().any(|c| c.is_lowercase()) {
            return false;
        }
        !w.ends_with("'s") && !w.ends_with("\u{2019}s") && !w.contains('.') || letters == 1
    }

    /// The name starting at `i`: up to four name tokens joined by spaces
    /// (a single initial's period allowed). Returns the last token.
    fn name_from(&self, i: usize) -> Option<usize> {
        if !self.name_token(i) {
            return None;
        }
        let mut last = i;
        while last + 1 < self.tokens.len() && last < i + 3 && self.name_token(last + 1) {
            let gap = self.gap(last);
            let initial = self.word(last).chars().count() == 1;
            if !(gap.is_empty() || (gap == "." && initial)) {
                break;
            }
            last += 1;
        }
        Some(last)
    }

    fn person(&self, first: usize, last: usize, title: Option<usize>) -> Option<PersonName> {
        let tokens: Vec<&str> = (first..=last).map(|i| self.word(i)).collect();
        let title = title.map(|t| self.word(t));
        PersonName::from_tokens(&tokens, title)
    }

    fn push_name(&mut self, first: usize, last: usize, title: Option<usize>) {
        let span = self.span(first, last);
        if self
            .out
            .iter()
            .any(|(s, k)| matches!(k, ClaimKind::Name(_)) && *s == span)
        {
            return;
        }
        if let Some(person) = self.person(first, last, title) {
            self.out.push((span, ClaimKind::Name(person)));
        }
    }

    fn push_age(&mut self, first: usize, last: usize, age_token: usize, title: Option<usize>) {
        let Some(age) = self.age_value(age_token) else {
            return;
        };
        if let Some(person) = self.person(first, last, title) {
            let (a, b) = (first.min(age_token), last.max(age_token));
            self.out
                .push((self.span(a, b), ClaimKind::Age(Age { person, age })));
        }
    }

    /// The age a token states: `23` or `23-year-old`.
    fn age_value(&self, i: usize) -> Option<u32> {
        let w = self.word(i);
        let digits = w.split('-').next()?;
        let age: u32 = digits.parse().ok()?;
        (1..=110).contains(&age).then_some(age)
    }

    fn names_and_ages(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            // After a title or role: "Officer John Smith", "Sgt. Smith".
            let title = self.has(i, TITLE) && self.tokens[i].capital;
            let candidate = if title && i + 1 < n && matches!(self.gap(i), "" | ".") {
                self.name_from(i + 1).map(|last| (i + 1, last, Some(i)))
            } else {
                None
            };
            // "23-year-old John Smith".
            let aged =
                if candidate.is_none() && self.word(i).ends_with("year-old") && self.joined(i) {
                    self.name_from(i + 1)
                        .filter(|&last| last > i + 1)
                        .map(|last| (i + 1, last, None::<usize>))
                } else {
                    None
                };
            if let Some((first, last, _)) = aged {
                self.push_name(first, last, None);
                self.push_age(first, last, i, None);
                i = last + 1;
                continue;
            }
            if let Some((first, last, title)) = candidate {
                self.after_name(first, last, title, true);
                i = last + 1;
                continue;
            }
            // A name of two or more tokens at a name position.
            if let Some(last) = self.name_from(i) {
                if i == 0 || !self.tokens[i - 1].capital || self.has(i - 1, NAME_STOP) {
                    let before = |w: &str| i > 0 && self.is(i - 1, w);
                    let identified =
                        before("as") && (1..=4).any(|d| i > d && self.is(i - 1 - d, "identified"));
                    let said_before = i > 0 && self.has(i - 1, SAY) && self.gap(i - 1).is_empty();
                    self.after_name(i, last, None, identified || said_before);
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
    }

    /// Reads what follows a name at `first..=last`: an age, ", of City",
    /// "said". `known` says whether the position already makes it a name.
    fn after_name(&mut self, first: usize, last: usize, title: Option<usize>, known: bool) {
        let n = self.tokens.len();
        let gap = self.gap(last);
        // "John Smith, 23," / "John Smith (23)" / "Smith, who was 23" /
        // "John Smith, age 23".
        let mut age = None;
        if last + 1 < n {
            if (gap == "," || gap == "(")
                && self.tokens[last + 1].figure.is_none()
                && self.age_value(last + 1).is_some()
                && !self.word(last + 1).contains('-')
            {
                let close = self.gap(last + 1);
                if (gap == ","
                    && (close.starts_with(',')
                        || close.starts_with('.')
                        || close.is_empty() && last + 2 >= n))
                    || (gap == "(" && close.starts_with(')'))
                {
                    age = Some(last + 1);
                }
            }
            if gap == ","
                && self.is(last + 1, "who")
                && self.is(last + 2, "was")
                && self.age_value(last + 3).is_some()
                && !self.word(last + 3).contains('-')
            {
                age = Some(last + 3);
            }
            if gap == "," && self.is(last + 1, "age") && self.age_value(last + 2).is_some() {
                age = Some(last + 2);
            }
        }
        // A figure in digits is a figure token too; ages are read from the
        // word itself, so accept those marked as figures here.
        if age.is_none() && last + 1 < n && (gap == "," || gap == "(") {
            if let Some(a) = self
                .age_value(last + 1)
                .filter(|_| !self.word(last + 1).contains('-'))
            {
                let close = self.gap(last + 1);
                let closes = if gap == "(" {
                    close.starts_with(')')
                } else {
                    close.starts_with(',')
                        || close.starts_with('.')
                        || (close.is_empty() && last + 2 >= n)
                };
                if closes && self.word(last + 1).chars().all(|c| c.is_ascii_digit()) && a > 0 {
                    age = Some(last + 1);
                }
            }
        }
        let of_city = gap == ","
            && self.is(last + 1, "of")
            && self.tokens.get(last + 2).is_some_and(|t| t.capital);
        let said = gap.is_empty() && self.has(last + 1, SAY);
        let multi = last > first;
        if age.is_some() || known || of_city || (said && multi) {
            self.push_name(first, last, title);
        }
        if let Some(a) = age {
            self.push_age(first, last, a, title);
        }
    }

    // -----------------------------------------------------------------
    // Dates and places
    // -----------------------------------------------------------------

    fn dates(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let w = self.word(i);
            let weekday = if self.tokens[i].capital {
                Weekday::from_word(w)
            } else {
                None
            };
            let (mut month, mut day, mut year, mut part) = (None, None, None, None);
            let mut last = i;
            let mut m = i;
            if weekday.is_some() {
                // "Sunday night", "Tuesday, Oct. 4".
                if let Some(next) = self.tokens.get(i + 1).map(|_| Lower::of(self.word(i + 1))) {
                    let next = next.as_str();
                    if self.joined(i) {
                        if let Some(p) = ["morning", "afternoon", "evening", "night"]
                            .iter()
                            .find(|p| **p == next)
                        {
                            part = Some(*p);
                            last = i + 1;
                        }
                    }
                }
                m = i + 1;
            }
            if let Some(mo) = self
                .tokens
                .get(m)
                .filter(|t| t.capital)
                .and_then(|_| month_of(self.word(m)))
            {
                let gap = if m > 0 { self.gap(m - 1) } else { "" };
                if m == i || gap == "," || gap.is_empty() {
                    if let Some(d) = self
                        .tokens
                        .get(m + 1)
                        .and_then(|_| self.word(m + 1).parse::<u8>().ok())
                        .filter(|d| (1..=31).contains(d))
                    {
                        if matches!(self.gap(m), "" | ".") {
                            month = Some(mo);
                            day = Some(d);
                            last = m + 1;
                            if self.gap(m + 1) == "," {
                                if let Some(y) = self
                                    .tokens
                                    .get(m + 2)
                                    .and_then(|_| self.word(m + 2).parse::<i32>().ok())
                                    .filter(|y| (1900..=2100).contains(y))
                                {
                                    year = Some(y);
                                    last = m + 2;
                                }
                            }
                        }
                    }
                }
            }
            if weekday.is_some() || month.is_some() {
                let claim = DateClaim {
                    weekday,
                    month,
                    day,
                    year,
                    part,
                };
                self.out.push((self.span(i, last), ClaimKind::Date(claim)));
                i = last + 1;
                continue;
            }
            i += 1;
        }
    }

    fn places(&mut self) {
        let any = |flag: u32| self.tokens.iter().any(|t| t.flags & flag != 0);
        let (streets, states) = (any(STREET_WORD), any(STATE_WORD));
        if streets && memchr::memmem::find(self.text.as_bytes(), b" block of ").is_some() {
            self.blocks();
        }
        if streets {
            self.streets();
        }
        if states {
            self.cities();
        }
    }

    fn blocks(&mut self) {
        for found in BLOCK.captures_iter(self.text) {
            let (Some(whole), Some(number), Some(street)) =
                (found.get(0), found.get(1), found.get(2))
            else {
                continue;
            };
            let Ok(number) = number.as_str().parse::<u32>() else {
                continue;
            };
            let span = Span::new(self.base + whole.start(), self.base + whole.end());
            self.out.push((
                span,
                ClaimKind::Place(Place::Block {
                    number,
                    street: street.as_str().trim_end_matches('.').to_string(),
                }),
            ));
        }
    }

    fn streets(&mut self) {
        for found in STREET.captures_iter(self.text) {
            let Some(street) = found.get(1) else { continue };
            let span = Span::new(self.base + street.start(), self.base + street.end());
            if self
                .out
                .iter()
                .any(|(s, k)| matches!(k, ClaimKind::Place(_)) && s.contains(span))
            {
                continue;
            }
            self.out.push((
                span,
                ClaimKind::Place(Place::Street(
                    street.as_str().trim_end_matches('.').to_string(),
                )),
            ));
        }
    }

    fn cities(&mut self) {
        for found in IN_CITY.captures_iter(self.text) {
            let (Some(city), Some(state)) = (found.get(1), found.get(2)) else {
                continue;
            };
            if !is_state(state.as_str()) {
                continue;
            }
            let span = Span::new(self.base + city.start(), self.base + state.end());
            self.out.push((
                span,
                ClaimKind::Place(Place::City {
                    city: city.as_str().to_string(),
                    state: Some(state.as_str().to_string()),
                }),
            ));
        }
    }
}

/// Nouns that name what happened, read as `NOUN of N people`: "the
/// arrest of eight men", "the deaths of two teens".
const NOMINAL_TRIGGERS: &[(&str, SubjectId)] = &[
    ("arrest", SubjectId::ARRESTED),
    ("arrests", SubjectId::ARRESTED),
    ("detention", SubjectId::ARRESTED),
    ("deaths", SubjectId::KILLED),
    ("killing", SubjectId::KILLED),
    ("killings", SubjectId::KILLED),
    ("murders", SubjectId::KILLED),
    ("shooting", SubjectId::SHOT),
    ("shootings", SubjectId::SHOT),
];

const STREET_TYPES: &str = r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Way|Court|Ct\.?|Place|Pl\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Circle|Trail|Pike|Square|Alley|Row|Expressway|Freeway)";

static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(\d{{1,5}}) block of ((?:(?:[NSEW]\.|North|South|East|West|[A-Z0-9][A-Za-z0-9_'.-]*) ){{0,4}}{STREET_TYPES})(?-u:\b)"
    ))
    .expect("the block pattern is valid")
});

static STREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:on|at|along|near|off|of) ((?:(?:[NSEW]\.|North|South|East|West) )?(?:[A-Z0-9][A-Za-z0-9_'-]* ){{1,3}}{STREET_TYPES})(?-u:\b)"
    ))
    .expect("the street pattern is valid")
});

static IN_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)in ((?:[A-Z][a-z'.]+ ){0,2}[A-Z][a-z'.]+), ([A-Z][a-z.]*(?: [A-Z][a-z.]+)?)",
    )
    .expect("the city pattern is valid")
});

const STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "Ala.",
    "Ariz.",
    "Ark.",
    "Calif.",
    "Colo.",
    "Conn.",
    "Del.",
    "Fla.",
    "Ga.",
    "Ill.",
    "Ind.",
    "Kan.",
    "Ky.",
    "La.",
    "Md.",
    "Mass.",
    "Mich.",
    "Minn.",
    "Miss.",
    "Mo.",
    "Mont.",
    "Neb.",
    "Nev.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "N.C.",
    "N.D.",
    "Okla.",
    "Ore.",
    "Pa.",
    "R.I.",
    "S.C.",
    "S.D.",
    "Tenn.",
    "Vt.",
    "Va.",
    "Wash.",
    "W.Va.",
    "Wis.",
    "Wyo.",
    "D.C.",
];

fn is_state(word: &str) -> bool {
    STATES.contains(&word) || STATES.contains(&word.trim_end_matches('.'))
}

/// The city of a dateline: `DAYTON, Ohio —`, `CHICAGO (AP) —`.
fn dateline_city(dateline: &str) -> Option<Place> {
    let head = dateline
        .split(['(', '\u{2014}', '\u{2013}'])
        .next()?
        .trim()
        .trim_end_matches(['-', ' ']);
    let (city, state) = match head.split_once(',') {
        Some((city, state)) => (
            city.trim(),
            Some(state.trim().to_string()).filter(|s| !s.is_empty()),
        ),
        None => (head, None),
    };
    if city.is_empty() || city.len() > 40 || !city.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(Place::City {
        city: city.to_string(),
        state,
    })
}

/// The month a word names: `Oct.`'s `Oct`, `October`, `Sept`.
pub fn month_of(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            *m == word
                || (word.len() >= 3
                    && m.starts_with(word)
                    && word != "Ma"
                    && word.len() <= 4
                    && (word.len() == 3 || word == "Sept" || word == "June" || word == "July"))
        })
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The weekday of a date of the Gregorian calendar; `None` for a date
/// that does not exist (`Feb. 30`).
pub fn weekday_of(year: i32, month: u8, day: u8) -> Option<Weekday> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // Sakamoto's method: 0 is Sunday.
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let w = (y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        + OFFSETS[usize::from(month - 1)]
        + i32::from(day))
    .rem_euclid(7);
    // Sunday (0) is the last of `Weekday::ALL`.
    Some(Weekday::ALL[usize::try_from((w + 6) % 7).ok()?])
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A date (and time) after `Updated`, `Posted`, `Published`: `Updated
/// 5:04 PM EST Mar 24, 2014`, `Published Monday, March 24, 2014`,
/// `Posted: 03/24/2014 10:30 AM`.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(last updated|updated|posted|published|created|first published)\b:?\s*(?:on\s+)?(?:at\s+)?([^\n]{0,60})",
    )
    .expect("the stamp pattern is valid")
});

static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? (\d{4})\b|\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b|\b(\d{4})-(\d{2})-(\d{2})\b",
    )
    .expect("the date pattern is valid")
});

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}):(\d{2})\s*([ap])\.?m\b").expect("the clock pattern is valid")
});

/// The first date written in `text`, with a time of day if one is near.
fn date_in(text: &str) -> Option<(i32, u8, u8, Option<u16>)> {
    let found = WRITTEN_DATE.captures(text)?;
    let num = |i: usize| found.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
    let (year, month, day) = if let Some(m) = found.get(1) {
        (num(3)?, month_of(m.as_str())?, num(2)?)
    } else if found.get(4).is_some() {
        let y = num(6)?;
        (
            if y < 100 { 2000 + y } else { y },
            u8::try_from(num(4)?).ok()?,
            num(5)?,
        )
    } else {
        (num(7)?, u8::try_from(num(8)?).ok()?, num(9)?)
    };
    let day = u8::try_from(day).ok()?;
    weekday_of(year, month, day)?;
    let minutes = CLOCK.captures(text).and_then(|c| {
        let h: u16 = c.get(1)?.as_str().parse().ok()?;
        let m: u16 = c.get(2)?.as_str().parse().ok()?;
        let pm = c.get(3)?.as_str().eq_ignore_ascii_case("p");
        (h <= 12 && m < 60).then_some((h % 12 + if pm { 12 } else { 0 }) * 60 + m)
    });
    Some((year, month, day, minutes))
}

/// The article's own time: the latest date of its `Updated`, `Posted` or
/// `Published` lines, else a date on a short line of its own in the first
/// few paragraphs (any role: these lines are furniture).
fn article_time(doc: &Document<'_>) -> Option<ArticleTime> {
    let text = doc.text();
    let mut best: Option<ArticleTime> = None;
    // Only the lines that hold a stamp word are searched: most hold none.
    let bytes = text.as_bytes();
    let mut lines: Vec<usize> = [
        "pdated", "PDATED", "osted", "OSTED", "ublished", "UBLISHED", "reated", "REATED",
    ]
    .iter()
    .flat_map(|word| memchr::memmem::find_iter(bytes, word.as_bytes()))
    .map(|at| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1))
    .collect();
    lines.sort_unstable();
    lines.dedup();
    let stamped = lines.into_iter().flat_map(|start| {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
        STAMP.captures_iter(&text[start..end])
    });
    for found in stamped {
        let (Some(word), Some(rest)) = (found.get(1), found.get(2)) else {
            continue;
        };
        let Some((year, month, day, minutes)) = date_in(rest.as_str()) else {
            continue;
        };
        let time = ArticleTime {
            year,
            month,
            day,
            minutes,
            updated: word.as_str().to_ascii_lowercase().contains("updated"),
        };
        if best.is_none_or(|b| time.sort_key() > b.sort_key()) {
            best = Some(time);
        }
    }
    if best.is_some() {
        return best;
    }
    doc.paragraphs.iter().take(6).find_map(|p| {
        let slice = doc.slice(p.span);
        if slice.len() > 80 {
            return None;
        }
        let (year, month, day, minutes) = date_in(slice)?;
        Some(ArticleTime {
            year,
            month,
            day,
            minutes,
            updated: false,
        })
    })
}

// ---------------------------------------------------------------------
// The story
// ---------------------------------------------------------------------

/// Where a claim is: article index (in the order given to [`resolve`]) and
/// claim index in its [`ArticleClaims::claims`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub article: usize,
    pub claim: usize,
}

/// How the story's value of a subject was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Only one article states the subject.
    Single,
    /// Every article stating it has a time: the latest article's figure.
    Latest,
    /// The figure most articles state (ties: one marked as an update, then
    /// the largest).
    Consensus,
}

/// The story's value of one subject.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryValue {
    pub subject: SubjectId,
    pub value: Quantity,
    pub basis: Basis,
    /// The claim the value was taken from.
    pub from: ClaimRef,
    /// The article's stated claim of the subject, per article (`None`
    /// where an article does not state it).
    pub stated: Vec<Option<ClaimRef>>,
}

/// Whether two articles' figures are an update or a contradiction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DisagreementKind {
    /// The later figure is larger in a later article, or is marked as an
    /// update ("has died", "rose to").
    Update,
    /// Nothing tells an update: the articles contradict each other.
    Contradiction,
}

/// Two articles of a story stating different figures for one subject.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub subject: SubjectId,
    /// The earlier article's claim (by time when both have one, else by
    /// the order given).
    pub earlier: ClaimRef,
    pub later: ClaimRef,
    pub kind: DisagreementKind,
}

/// The story's values and disagreements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Story {
    /// One per subject some article states, in [`SubjectId`] order.
    pub values: Vec<StoryValue>,
    pub disagreements: Vec<Disagreement>,
}

impl Story {
    /// The story's value of `subject`.
    pub fn value(&self, subject: SubjectId) -> Option<&StoryValue> {
        self.values.iter().find(|v| v.subject == subject)
    }

    /// Killed 0, implied when people were shot or injured and no article
    /// says anyone died ("a man was shot and wounded"); `None` when a
    /// killed figure is stated (use [`Story::value`]) or nobody was hurt.
    /// Like [`Story::derived_injured`], a derived figure, not a claim of
    /// the copy: a rule may fill a fact sheet with it, never report it as
    /// what an article says.
    pub fn derived_killed(&self) -> Option<Quantity> {
        if self.value(SubjectId::KILLED).is_some() {
            return None;
        }
        let hurt = [SubjectId::SHOT, SubjectId::INJURED]
            .iter()
            .filter_map(|&s| self.value(s))
            .any(|v| v.value.low > 0.0);
        hurt.then_some(*ZERO).flatten()
    }

    /// The number injured implied when the story states how many were
    /// shot but not how many were injured: shot − killed, with killed 0
    /// when no article states it ("a man was shot Tuesday" and nothing
    /// else). `None` when an injured figure is stated (use
    /// [`Story::value`]), or when shot or killed is not an exact figure.
    /// A derived figure, not a claim of the copy.
    pub fn derived_injured(&self) -> Option<Quantity> {
        if self.value(SubjectId::INJURED).is_some() {
            return None;
        }
        let shot = self.value(SubjectId::SHOT)?.value;
        let killed = match self.value(SubjectId::KILLED) {
            Some(k) if k.value.exact => k.value.nominal,
            Some(_) => return None,
            None => 0.0,
        };
        if !shot.exact || shot.nominal < killed {
            return None;
        }
        exactly(u32::try_from((shot.nominal - killed) as i64).ok()?)
    }
}

/// Compares the count claims of the articles of one story (given in file
/// order): per subject, each article's stated figure
/// ([`ArticleClaims::stated`]), the story's value, and the disagreements
/// between articles. Pure: no I/O.
pub fn resolve(articles: &[ArticleClaims]) -> Story {
    let mut subjects: Vec<SubjectId> = articles
        .iter()
        .flat_map(|a| a.counts().map(|(_, _, c)| c.subject))
        .collect();
    subjects.sort_unstable();
    subjects.dedup();
    let mut story = Story::default();
    for subject in subjects {
        let stated: Vec<Option<ClaimRef>> = articles
            .iter()
            .enumerate()
            .map(|(article, a)| a.stated(subject).map(|claim| ClaimRef { article, claim }))
            .collect();
        let refs: Vec<ClaimRef> = stated.iter().flatten().copied().collect();
        let count = |r: &ClaimRef| articles[r.article].count(r.claim);
        let claim = |r: &ClaimRef| &articles[r.article].claims[r.claim];
        let time = |r: &ClaimRef| articles[r.article].time.map(|t| t.sort_key());
        let Some(&first) = refs.first() else { continue };
        let (from, basis) = if refs.len() == 1 {
            (first, Basis::Single)
        } else if refs.iter().all(|r| time(r).is_some())
            && refs.iter().any(|r| time(r) != time(&first))
        {
            let latest = refs
                .iter()
                .copied()
                .max_by_key(|r| (time(r), r.article))
                .unwrap_or(first);
            (latest, Basis::Latest)
        } else {
            // Group by agreement with each candidate.
            let score = |r: &ClaimRef| {
                let Some(c) = count(r) else {
                    return (0, false, 0);
                };
                let agreeing = refs
                    .iter()
                    .filter(|o| count(o).is_some_and(|oc| oc.value.agrees_with(&c.value, true)))
                    .count();
                let strength =
                    usize::from(!matches!(c.form, CountForm::Singular | CountForm::Zero));
                (
                    agreeing * 2 + strength,
                    claim(r).update,
                    (c.value.nominal * 1000.0) as i64,
                )
            };
            let best = refs
                .iter()
                .copied()
                .max_by_key(|r| {
                    let (a, u, n) = score(r);
                    (a, u, n, std::cmp::Reverse(r.article))
                })
                .unwrap_or(first);
            (best, Basis::Consensus)
        };
        let Some(value) = count(&from).map(|c| c.value) else {
            continue;
        };
        for (i, a) in refs.iter().enumerate() {
            for b in &refs[i + 1..] {
                let (Some(ca), Some(cb)) = (count(a), count(b)) else {
                    continue;
                };
                if ca.value.agrees_with(&cb.value, false) {
                    continue;
                }
                let (earlier, later) = match (time(a), time(b)) {
                    (Some(ta), Some(tb)) if tb < ta => (*b, *a),
                    _ => (*a, *b),
                };
                let timed = time(a).is_some() && time(b).is_some() && time(a) != time(b);
                let (ce, cl) = match (count(&earlier), count(&later)) {
                    (Some(e), Some(l)) => (e, l),
                    _ => continue,
                };
                let rise = timed && cl.value.low >= ce.value.high;
                let marked = claim(&later).update && cl.value.nominal > ce.value.nominal;
                let marked_back =
                    claim(&earlier).update && !timed && ce.value.nominal > cl.value.nominal;
                let (earlier, later) = if marked_back {
                    (later, earlier)
                } else {
                    (earlier, later)
                };
                let kind = if rise || marked || marked_back {
                    DisagreementKind::Update
                } else {
                    DisagreementKind::Contradiction
                };
                story.disagreements.push(Disagreement {
                    subject,
                    earlier,
                    later,
                    kind,
                });
            }
        }
        story.values.push(StoryValue {
            subject,
            value,
            basis,
            from,
            stated,
        });
    }
    story
}

/// The Levenshtein distance between two words, by characters, case
/// ignored: what tells "Dej-Oudom" (1 from "Dej-Odoum"... 2 edits) from a
/// different name.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}
