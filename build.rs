//! Embeds the built-in rule files (`rules/*.toml`) and the opt-in rule
//! packs (`packs/*.toml`) into the binary, so that adding a rule file needs
//! no code change and `factlint` runs from any directory with no setup.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

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
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_rules.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
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
