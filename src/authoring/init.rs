//! `factlint init`: a starter project in the current directory.
//!
//! It writes a configuration file and a rule file with one rule and its
//! examples, so that `factlint test rules/` passes from the first minute and
//! the rule can be edited into the project's own. It never overwrites a
//! file: if any of them exists, it writes none.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// The files `init` writes, relative to the directory, with their text.
pub const FILES: &[(&str, &str)] = &[
    ("factlint.toml", include_str!("starter/factlint.toml")),
    ("rules/example.toml", include_str!("starter/example.toml")),
];

/// Why `init` wrote nothing, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{} already exist{}; nothing was written", list(.0), if .0.len() == 1 { "s" } else { "" })]
    Exists(Vec<String>),
    #[error("cannot write `{path}`: {source}")]
    Io { path: String, source: io::Error },
}

fn list(paths: &[String]) -> String {
    let quoted: Vec<String> = paths.iter().map(|p| format!("`{p}`")).collect();
    quoted.join(" and ")
}

/// Writes the starter files into `dir`, returning their relative paths.
pub fn init(dir: &Path) -> Result<Vec<&'static str>, InitError> {
    let existing: Vec<String> = FILES
        .iter()
        .filter(|(path, _)| dir.join(path).symlink_metadata().is_ok())
        .map(|(path, _)| (*path).to_owned())
        .collect();
    if !existing.is_empty() {
        return Err(InitError::Exists(existing));
    }
    let mut written = Vec::new();
    for (path, text) in FILES {
        let full = dir.join(path);
        let io_error = |source| InitError::Io {
            path: (*path).to_owned(),
            source,
        };
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).map_err(io_error)?;
        }
        // `create_new` refuses a file created since the check above.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&full)
            .map_err(io_error)?;
        file.write_all(text.as_bytes()).map_err(io_error)?;
        written.push(*path);
    }
    Ok(written)
}
