//! Embeds the built-in rule files (`rules/*.toml`) and the opt-in rule
//! packs (`packs/*.toml`) into the binary, so that adding a rule file needs
//! no code change and `factlint` runs from any directory with no setup.
//! Also fills the spelling kind's misspelling filter, so that start-up
//! does not hash the whole misspelling list.

#[path = "src/kinds/spelling/filter.rs"]
mod filter;
#[path = "src/document/hash.rs"]
mod hash;

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
}

/// The bits of the misspelling filter (`src/kinds/spelling/filter.rs`),
/// holding every ASCII word of the typos list.
fn misspelling_filter() -> Vec<u8> {
    println!("cargo:rerun-if-changed=src/document/hash.rs");
    println!("cargo:rerun-if-changed=src/kinds/spelling/filter.rs");
    let mut bits = vec![0; filter::BYTES];
    for key in typos_dict::WORD.map.keys() {
        let key = key.into_inner();
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
