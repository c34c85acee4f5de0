//! The Bloom filter in front of the misspelling list: nearly every word of
//! real copy is not on the list, and the filter says so with two bit tests,
//! where the list itself is searched for the case-folded word.
//!
//! `build.rs` fills the filter with the list's ASCII words and embeds its
//! bits in the binary, so start-up hashes none of the list's 96,000 words;
//! the `spelling` kind reads the bits. Both compile this file, so that they
//! place a word's bits the same way. It needs only `folded_hash` from its
//! parent module, which both take from `src/document/hash.rs`.
//!
//! Two bits per word in 2^21 bits: no false negatives, and about one false
//! positive in fifty for the list's size.

/// The filter has 2^`BITS` bits.
pub const BITS: u32 = 21;

/// The filter's size in bytes: 256 KiB.
pub const BYTES: usize = 1 << (BITS - 3);

/// The two bits of `word`, the same for every casing of it, from one hash:
/// each as the index of its byte and its mask within that byte.
pub fn positions(word: &str) -> [(usize, u8); 2] {
    positions_of_hash(super::folded_hash(word))
}

/// The two bits of the word whose `folded_hash` is `hash`, as
/// [`positions`] gives them: for a caller that computes the hash itself.
pub fn positions_of_hash(hash: u64) -> [(usize, u8); 2] {
    let mask = (1u64 << BITS) - 1;
    [hash & mask, (hash >> 32) & mask].map(|bit| ((bit / 8) as usize, 1 << (bit % 8)))
}
