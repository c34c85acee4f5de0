//! A small part-of-speech lexicon: does a short sentence have a verb?
//!
//! The `sentence` kind's `require_verb` asks this of fragments such as
//! `The Associated Press in a statement.`, what is left of an attribution
//! after an edit. A tagger crate would need a model of several megabytes
//! and would still guess on fragments this short; what matters here is a
//! word list that errs towards finding a verb (a false verb costs a missed
//! fragment, a missed verb a false alarm on good copy). So:
//!
//! - auxiliaries, modals and the common irregular past forms (`was`,
//!   `could`, `said`, `went`) are verbs wherever they stand, but right
//!   after a determiner (`a written statement`);
//! - a few hundred common verbs, in every regular inflection (`report`,
//!   `reports`, `reported`, `reporting`), are verbs unless they are the
//!   first or second word after a determiner (`in a statement`, `in an
//!   interview`, `in a press release`: nouns and their modifiers); an
//!   `-ed` form second after a determiner is a verb (`the chief called`);
//! - any other word ending in `-ed` of five letters or more is taken for a
//!   past tense (`confirmed`, `tweeted`), outside a noun phrase as above;
//! - a capitalised word is a name (`Press`, `Twitter`, `Monday`), except
//!   as the first word, where only an auxiliary or a verb of the
//!   imperative list (`Call police ...`, `Visit ...`) counts.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::document::words;

/// Verbs wherever they stand: auxiliaries, modals, contractions and
/// irregular past forms and participles that are not also common nouns.
#[rustfmt::skip]
const ALWAYS: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having",
    "do", "does", "did", "done", "will", "would", "can", "could", "may", "might", "must",
    "shall", "should", "won't", "can't", "isn't", "wasn't", "aren't", "weren't", "didn't",
    "doesn't", "don't", "hasn't", "haven't", "hadn't", "wouldn't", "couldn't", "shouldn't",
    "it's", "he's", "she's", "that's", "there's", "said", "says", "told", "tells", "went",
    "gone", "came", "took", "taken", "gave", "given", "made", "saw", "seen", "got", "gotten",
    "knew", "known", "thought", "found", "left", "brought", "began", "begun", "ran", "held",
    "kept", "sent", "spent", "stood", "heard", "met", "paid", "sat", "lost", "led", "wrote",
    "written", "spoke", "spoken", "broke", "broken", "chose", "chosen", "drove", "driven",
    "fled", "flew", "flown", "fell", "fallen", "felt", "fought", "hid", "hidden", "hit", "hurt",
    "shot", "struck", "stole", "stolen", "threw", "thrown", "tore", "torn", "woke", "won",
    "became", "bought", "caught", "taught", "sought", "meant", "sold", "stuck", "swore",
    "sworn", "arose", "ate", "drank", "grew", "grown", "rose", "risen", "shook", "slew",
    "slain", "wore", "worn", "dealt", "dug", "lay", "laid", "lit", "quit", "rode", "rang",
    "sang", "sank", "shut", "slid", "spun", "spread", "bit", "bled", "bound", "built", "burnt",
    "dreamt", "fed", "forgot", "forgave", "froze", "hung", "lent", "overheard", "understood",
    "withdrew", "let", "says", "say", "tell",
];

/// Common verbs in their base form; every regular inflection of each is a
/// verb too (outside a noun phrase).
#[rustfmt::skip]
const BASES: &[&str] = &[
    "accept", "accuse", "act", "add", "admit", "agree", "aim", "air", "allege", "allow",
    "announce", "answer", "appear", "apply", "argue", "arrest", "arrive", "ask", "attack",
    "attempt", "attend", "avoid", "become", "begin", "believe", "belong", "bring", "broadcast",
    "build", "buy", "call", "carry", "catch", "cause", "charge", "check", "cite", "claim",
    "click", "close", "come", "comment", "confirm", "consider", "contact", "continue",
    "contribute", "cover", "cry", "decide", "decline", "deny", "describe", "die", "discover",
    "drive", "drop", "email", "end", "enter", "explain", "express", "face", "fail", "fall",
    "feel", "fight", "file", "find", "fire", "flee", "follow", "force", "get", "give", "go",
    "grab", "happen", "head", "hear", "help", "hide", "hit", "hold", "hope", "identify",
    "include", "indicate", "inform", "injure", "insist", "interview", "investigate", "issue",
    "join", "keep", "kill", "know", "learn", "leave", "like", "listen", "live", "look", "lose",
    "love", "make", "mean", "meet", "mention", "miss", "move", "need", "note", "notice",
    "obtain", "offer", "open", "order", "pass", "pay", "plan", "plead", "post", "praise",
    "pray", "provide", "publish", "pull", "push", "put", "quote", "reach", "read", "receive",
    "recall", "refuse", "release", "remain", "remember", "reply", "report", "request",
    "respond", "return", "reveal", "rob", "run", "rush", "say", "scream", "search", "see",
    "seem", "sell", "send", "sentence", "serve", "share", "shoot", "shout", "show", "sign",
    "speak", "spend", "stand", "start", "state", "stay", "steal", "stop", "suffer", "suggest",
    "support", "survive", "suspect", "take", "talk", "tell", "thank", "think", "threaten",
    "transport", "try", "turn", "tweet", "update", "urge", "use", "visit", "wait", "walk",
    "want", "warn", "watch", "wear", "win", "wish", "work", "worry", "wound", "write", "yell",
];

/// Verbs that open an imperative sentence in news copy (`Call police at
/// ...`): as a capitalised first word, a verb.
#[rustfmt::skip]
const IMPERATIVES: &[&str] = &[
    "call", "contact", "visit", "see", "read", "watch", "click", "go", "check", "send", "email",
    "text", "submit", "follow", "join", "tune", "stay", "find", "get", "learn", "share", "sign",
    "listen", "download", "subscribe", "donate", "help", "keep", "let", "make", "take", "give",
];

/// Words that open a noun phrase.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "your", "my", "this", "that", "these",
    "those", "another", "each", "every", "no", "some", "any", "whose",
];

/// Every verb form the lexicon knows, lowercased.
static FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut forms: HashSet<String> = ALWAYS.iter().map(|w| (*w).to_owned()).collect();
    for base in BASES {
        forms.extend(inflections(base));
    }
    forms
});

/// The regular inflections of a base form: itself, `-s`, `-ed`, `-ing`.
fn inflections(base: &str) -> Vec<String> {
    let last = base.chars().next_back().unwrap_or(' ');
    let before_last = base.chars().rev().nth(1).unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    let third = if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    // A short verb ending consonant-vowel-consonant doubles its last
    // letter (`rob`, `robbed`); both spellings are kept, which costs
    // nothing and covers `travelled`/`traveled`.
    let doubled = format!("{base}{last}");
    let (past, ing) = if last == 'e' {
        (
            format!("{base}d"),
            format!("{}ing", &base[..base.len() - 1]),
        )
    } else if last == 'y' && !vowel(before_last) {
        (
            format!("{}ied", &base[..base.len() - 1]),
            format!("{base}ing"),
        )
    } else {
        (format!("{base}ed"), format!("{base}ing"))
    };
    vec![
        base.to_owned(),
        third,
        past,
        ing,
        format!("{doubled}ed"),
        format!("{doubled}ing"),
    ]
}

/// Whether `text` (a sentence) has a word the lexicon reads as a verb.
pub fn has_verb(text: &str) -> bool {
    let all: Vec<&str> = words(text).map(|w| &text[w.range()]).collect();
    // How many words came between the last determiner and this word.
    let mut since_determiner: Option<usize> = None;
    for (index, word) in all.iter().enumerate() {
        let lower = word.to_lowercase();
        let lower = lower.replace('\u{2019}', "'");
        // The word after a determiner is a noun or its modifier (`a
        // written statement`); so is the next, unless it has a verb's
        // ending (`the chief called`).
        let in_noun_phrase = match since_determiner {
            Some(0) => true,
            Some(1) => !lower.ends_with("ed"),
            _ => false,
        };
        let capitalised = word.starts_with(char::is_uppercase);
        let verb = if since_determiner == Some(0) {
            // Right after a determiner even a participle is a modifier:
            // `a written statement`, `the stolen car`.
            false
        } else if ALWAYS.contains(&lower.as_str()) {
            true
        } else if index == 0 && capitalised {
            IMPERATIVES.contains(&lower.as_str())
        } else if capitalised || in_noun_phrase {
            false
        } else {
            FORMS.contains(&lower) || (lower.len() >= 5 && lower.ends_with("ed"))
        };
        if verb {
            return true;
        }
        since_determiner = if DETERMINERS.contains(&lower.as_str()) {
            Some(0)
        } else {
            since_determiner.map(|n| n + 1)
        };
    }
    false
}

#[cfg(test)]
mod tests {
    use super::has_verb;

    #[test]
    fn fragments_have_no_verb() {
        for fragment in [
            "The Associated Press in a statement.",
            "CNN in a statement.",
            "WKYC in an interview.",
            "KTLA 5 via Facebook.",
            "NBC 4 New York in a written statement.",
            "The Plain Dealer late Monday.",
            "Channel 2 Action News in a press release.",
            "Police in an email.",
        ] {
            assert!(!has_verb(fragment), "{fragment}");
        }
    }

    #[test]
    fn sentences_have_a_verb() {
        for sentence in [
            "Reuters reported the figure first.",
            "NBC News was the first to air the footage.",
            "The Associated Press confirmed the death.",
            "CNN tweeted the video.",
            "The police said it was an accident.",
            "Call police at 555-0100.",
            "The station's reporters spoke to neighbors.",
            "Fox 8 obtained the report.",
            "The Tribune is investigating.",
            "The chief called the killing senseless.",
            "The condition of the unidentified victim remained unknown on Monday.",
            "The shooter pulled out a gun and fired at him.",
        ] {
            assert!(has_verb(sentence), "{sentence}");
        }
    }
}
