//! Baselines: adopting factlint on copy that already has findings.
//!
//! `--write-baseline FILE` records today's findings; `--baseline FILE`
//! then reports only findings not in it. A finding is identified by its
//! rule, its file and a fingerprint of the flagged text and the line it is
//! on, not by its position, so edits elsewhere in the file do not bring
//! recorded findings back. Identical findings are counted, so a second
//! copy of a recorded mistake is still reported.
//!
//! The file is JSON: `{ "version": 1, "findings": [ { "rule", "file",
//! "fingerprint" } ] }`, sorted, so that it diffs well in review.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::source::Sources;

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub file: String,
    pub fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// Why a baseline could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline `{path}`: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("baseline `{path}` is not a factlint baseline: {source}")]
    Parse {
        path: String,
        source: serde_json::Error,
    },
    #[error("baseline `{path}` has version {version}; this factlint reads version 1")]
    Version { path: String, version: u32 },
    #[error("cannot write baseline `{path}`: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// The entry identifying `finding` (which must have a primary label).
pub fn entry(finding: &Diagnostic, sources: &Sources) -> Option<Entry> {
    let primary = finding.primary.as_ref()?;
    let file = sources.get(primary.file);
    let line = file.line_index(primary.span.start as usize);
    let line_text = file.line_range(line).map_or("", |r| &file.text()[r]);
    let flagged = &file.text()[primary.span.range()];
    let name = file.name().replace('\\', "/");
    Some(Entry {
        rule: finding.code.clone(),
        file: name.strip_prefix("./").unwrap_or(&name).to_owned(),
        fingerprint: format!("{:016x}", fnv1a(&[flagged, "\n", line_text.trim()])),
    })
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike the
/// standard library's hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Writes the baseline of `findings` to `path`; returns how many entries.
pub fn write(
    path: &Path,
    findings: &[Diagnostic],
    sources: &Sources,
) -> Result<usize, BaselineError> {
    let mut entries: Vec<Entry> = findings.iter().filter_map(|f| entry(f, sources)).collect();
    entries.sort();
    let count = entries.len();
    let text = serde_json::to_string_pretty(&BaselineFile {
        version: 1,
        findings: entries,
    })
    .map_err(|source| BaselineError::Parse {
        path: path.display().to_string(),
        source,
    })?;
    std::fs::write(path, text + "\n").map_err(|source| BaselineError::Write {
        path: path.display().to_string(),
        source,
    })?;
    Ok(count)
}

/// A loaded baseline: how many times each entry was recorded.
#[derive(Debug, Default)]
pub struct Baseline {
    counts: HashMap<Entry, usize>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let name = || path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: name(),
            source,
        })?;
        let file: BaselineFile =
            serde_json::from_str(&text).map_err(|source| BaselineError::Parse {
                path: name(),
                source,
            })?;
        if file.version != 1 {
            return Err(BaselineError::Version {
                path: name(),
                version: file.version,
            });
        }
        let mut counts = HashMap::new();
        for entry in file.findings {
            *counts.entry(entry).or_insert(0) += 1;
        }
        Ok(Baseline { counts })
    }

    /// Drops the findings the baseline records; returns how many.
    pub fn filter(mut self, findings: &mut Vec<Diagnostic>, sources: &Sources) -> usize {
        let before = findings.len();
        findings.retain(|finding| {
            let Some(entry) = entry(finding, sources) else {
                return true;
            };
            match self.counts.get_mut(&entry) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            }
        });
        before - findings.len()
    }
}
