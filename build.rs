//! Embeds the built-in rule files (`rules/*.toml`) and the opt-in rule
//! packs (`packs/*.toml`) into the binary, so that adding a rule file needs
//! no code change and `factlint` runs from any directory with no setup.
//! Also lays out the spelling kind's misspelling list and fills its
//! filter, so that start-up neither relocates nor hashes the whole list,
//! and compiles the figure grammar into the automata that find figures,
//! so that start-up does not compile it at all.

#[path = "src/kinds/spelling/filter.rs"]
mod filter;
#[path = "src/document/hash.rs"]
mod hash;
#[path = "src/quantity/pattern.rs"]
#[macro_use]
mod pattern;

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use hash::folded_hash;

fn main() {
    let mut code = String::new();
    embed(
        &mut code,
        "rules",
        "BUILTIN_RULE_FILES",
        "Built-in rule files",
    );
    embed(
        &mut code,
        "packs",
        "BUILTIN_PACK_FILES",
        "Opt-in rule packs",
    );
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    fs::write(out_dir.join("builtin_rules.rs"), code).expect("OUT_DIR is writable");
    fs::write(out_dir.join("misspellings.bloom"), misspelling_filter())
        .expect("OUT_DIR is writable");
    misspelling_list(&out_dir.join("misspellings"));
    figure_automata(out_dir);
}

/// Compiles the figure grammar (`src/quantity/pattern.rs`) into the two
/// DFAs `src/quantity.rs` searches with: `figures.forward.dfa`, which
/// finds where a figure ends, and `figures.reverse.dfa`, which finds where
/// it starts. Minimised, in the target's byte order.
fn figure_automata(out_dir: &Path) {
    use regex_automata::dfa::{dense, regex::Regex};
    println!("cargo:rerun-if-changed=src/quantity/pattern.rs");
    let regex = Regex::builder()
        .dense(dense::Config::new().minimize(true))
        .build(pattern::QUANTITY_PATTERN)
        .expect("the figure grammar compiles into DFAs");
    let little = env::var("CARGO_CFG_TARGET_ENDIAN")
        .map_or(cfg!(target_endian = "little"), |e| e == "little");
    for (name, dfa) in [("forward", regex.forward()), ("reverse", regex.reverse())] {
        let (bytes, padding) = if little {
            dfa.to_bytes_little_endian()
        } else {
            dfa.to_bytes_big_endian()
        };
        fs::write(
            out_dir.join(format!("figures.{name}.dfa")),
            &bytes[padding..],
        )
        .expect("OUT_DIR is writable");
    }
}

/// Writes the misspelling list into `dir` as `src/kinds/spelling/list.rs`
/// reads it.
fn misspelling_list(dir: &Path) {
    println!("cargo:rerun-if-changed=src/kinds/spelling/list.rs");
    let mut entries: Vec<(String, &[&str])> = typos_dict::WORD
        .map
        .entries()
        .map(|(key, corrections)| {
            let folded = unicase::UniCase::new(key.into_inner()).to_folded_case();
            (folded, *corrections)
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let (mut keys, mut corrections) = (String::new(), String::new());
    let (mut key_starts, mut correction_starts) = (Vec::new(), Vec::new());
    let offset = |text: &String| u32::try_from(text.len()).expect("the list is under 4 GiB");
    for (index, (key, listed)) in entries.iter().enumerate() {
        assert!(
            index == 0 || entries[index - 1].0 != *key,
            "two keys fold to `{key}`"
        );
        assert!(
            listed.iter().all(|c| !c.is_empty() && !c.contains('\n')),
            "a correction of `{key}` is empty or has a line break"
        );
        key_starts.extend(offset(&keys).to_le_bytes());
        correction_starts.extend(offset(&corrections).to_le_bytes());
        keys.push_str(key);
        corrections.push_str(&listed.join("\n"));
    }
    key_starts.extend(offset(&keys).to_le_bytes());
    correction_starts.extend(offset(&corrections).to_le_bytes());
    let lengths = &typos_dict::WORD.range;
    fs::create_dir_all(dir).expect("OUT_DIR is writable");
    for (name, bytes) in [
        ("keys", keys.as_bytes()),
        ("key_starts", &key_starts),
        ("corrections", corrections.as_bytes()),
        ("correction_starts", &correction_starts),
        (
            "key_lengths.rs",
            format!("{}..={}", lengths.start(), lengths.end()).as_bytes(),
        ),
    ] {
        fs::write(dir.join(name), bytes).expect("OUT_DIR is writable");
    }
}

/// The bits of the misspelling filter (`src/kinds/spelling/filter.rs`),
/// holding every ASCII word of the typos list.
fn misspelling_filter() -> Vec<u8> {
    println!("cargo:rerun-if-changed=src/document/hash.rs");
    println!("cargo:rerun-if-changed=src/kinds/spelling/filter.rs");
    let mut bits = vec![0; filter::BYTES];
    for key in typos_dict::WORD.map.keys() {
        let key = key.into_inner();
        // A non-ASCII key that folds to ASCII (a Kelvin sign for `k`) would
        // be found by an ASCII word the filter turns away.
        assert!(
            key.is_ascii() || !unicase::UniCase::new(key).to_folded_case().is_ascii(),
            "`{key}` folds to ASCII: fill the filter with folded keys"
        );
        if key.is_ascii() {
            for (byte, mask) in filter::positions(key) {
                bits[byte] |= mask;
            }
        }
    }
    bits
}

/// Appends a constant `name` listing the `*.toml` files of directory `dir`
/// as (file name, contents), in file-name order.
fn embed(code: &mut String, dir_name: &str, name: &str, what: &str) {
    println!("cargo:rerun-if-changed={dir_name}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir_name);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|_| panic!("the {dir_name}/ directory exists in the source tree"))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    writeln!(code, "/// {what}: (file name, contents).").expect("writing to a String cannot fail");
    writeln!(code, "pub const {name}: &[(&str, &str)] = &[")
        .expect("writing to a String cannot fail");
    for file in &names {
        println!("cargo:rerun-if-changed={dir_name}/{file}");
        let path = dir.join(file);
        writeln!(code, "    ({file:?}, include_str!({:?})),", path.display())
            .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
}
