//! The case-folded word hash, in a file of its own so that `build.rs`
//! can compile it too: the misspelling filter is filled at build time and
//! read at run time, and both must hash a word the same way. Hence this
//! file uses nothing but `core`.

/// A 64-bit FNV-1a hash of `word` lowercased, computed without a
/// lowercased copy: the same for every casing of a word.
pub fn folded_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| add(b.to_ascii_lowercase()));
    } else {
        let mut buffer = [0; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buffer).bytes().for_each(&mut add);
        }
    }
    hash
}
