//! The misspelling list of the typos project (the `typos-dict` crate), as
//! `build.rs` lays it out: every key case-folded, sorted, in one string,
//! and every key's corrections in another, each found by a table of
//! offsets.
//!
//! `typos-dict` itself holds the list as a perfect-hash map of string
//! slices: some 240,000 pointers, each of which the dynamic loader
//! relocates before `main` runs (most of a short run's page faults and
//! several milliseconds). Two strings and two tables of offsets need none.
//! A look-up answers exactly as `typos_dict::WORD.find` does: a word
//! matches a key when the two are equal after Unicode case folding, and
//! words shorter or longer (in bytes) than every key match nothing.

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use unicase::UniCase;

/// Every key, case-folded, in sorted order, one after another.
static KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/misspellings/keys"));
/// Where each key starts in [`KEYS`], as little-endian `u32`s, and where
/// the last one ends.
static KEY_STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/misspellings/key_starts"));
/// Every key's corrections, each list joined by `\n`, one after another.
static CORRECTIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/misspellings/corrections"));
/// Where each key's corrections start in [`CORRECTIONS`], as for
/// [`KEY_STARTS`].
static CORRECTION_STARTS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/misspellings/correction_starts"));
/// The byte lengths of the keys as written in the list.
pub const KEY_LENGTHS: RangeInclusive<usize> =
    include!(concat!(env!("OUT_DIR"), "/misspellings/key_lengths.rs"));

/// Entry `index` of a table of offsets.
fn offset(table: &[u8], index: usize) -> usize {
    let bytes = &table[4 * index..4 * index + 4];
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize
}

/// Key `index`, case-folded.
fn key(index: usize) -> &'static str {
    &KEYS[offset(KEY_STARTS, index)..offset(KEY_STARTS, index + 1)]
}

/// The corrections the list gives for `word`, in the list's order, if it
/// lists the word in any case.
pub fn corrections(word: &str) -> Option<Vec<&'static str>> {
    if !KEY_LENGTHS.contains(&word.len()) {
        return None;
    }
    let folded = UniCase::new(word).to_folded_case();
    let count = KEY_STARTS.len() / 4 - 1;
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = low + (high - low) / 2;
        if key(middle) < folded.as_str() {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    if low == count || key(low) != folded {
        return None;
    }
    let listed = &CORRECTIONS[offset(CORRECTION_STARTS, low)..offset(CORRECTION_STARTS, low + 1)];
    Some(if listed.is_empty() {
        Vec::new()
    } else {
        listed.split('\n').collect()
    })
}

/// Whether `lower` (a lowercase word) is a correctly spelt word as far as
/// the list knows: one of the corrections it gives for some misspelling.
/// Some 22,000 words, collected on first use (only when a rule asks, which
/// on real copy is rare).
pub fn is_known_word(lower: &str) -> bool {
    static KNOWN: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        let count = CORRECTION_STARTS.len() / 4 - 1;
        (0..count)
            .flat_map(|i| {
                CORRECTIONS[offset(CORRECTION_STARTS, i)..offset(CORRECTION_STARTS, i + 1)]
                    .split('\n')
            })
            .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase()))
            .collect()
    });
    KNOWN.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `typos_dict` answers.
    fn expected(word: &str) -> Option<Vec<&'static str>> {
        typos_dict::WORD
            .find(&UniCase::new(word))
            .map(|listed| listed.to_vec())
    }

    #[test]
    fn every_key_in_any_case_has_the_crate_s_corrections() {
        let mut count = 0;
        for (key, listed) in typos_dict::WORD.map.entries() {
            let key = key.into_inner();
            assert_eq!(corrections(key), Some(listed.to_vec()), "{key}");
            for variant in [key.to_uppercase(), key.to_lowercase()] {
                assert_eq!(corrections(&variant), expected(&variant), "{variant}");
            }
            count += 1;
        }
        assert!(count > 90_000, "{count}");
    }

    #[test]
    fn corrections_make_a_word_list() {
        for word in ["arrests", "police", "officials", "the"] {
            assert!(is_known_word(word), "{word}");
        }
        assert!(!is_known_word("aarrests"));
    }

    #[test]
    fn other_words_are_answered_as_the_crate_answers_them() {
        for word in [
            "",
            "a",
            "the",
            "Teh",
            "café",
            "CAFÉ",
            "straße",
            "STRASSE",
            "ǅ",
            "İstanbul",
            "teh\u{301}",
            "abcdefghijklmnopqrstuvwxyzabcdefghijk",
            "zzzz",
            "aaaa",
        ] {
            assert_eq!(corrections(word), expected(word), "{word}");
        }
    }
}
