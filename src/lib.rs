//! factlint: a fact-consistency linter for news copy and prose.
//!
//! The architecture in a paragraph: [`walk`] finds the files; [`source`]
//! holds their text with line tables; [`document`] segments each file once
//! into paragraphs, sentences and quotations with byte spans, and tells the
//! article's prose from the page's furniture (each paragraph's role, which
//! every rule filters on); [`rules`]
//! loads TOML rule files (built-in and the user's) into validated
//! [`rules::Rule`]s, each backed by an algorithm in [`kinds`]; [`engine`]
//! runs every rule over every document and sorts the findings; [`render`]
//! turns factlint's own [`diagnostic::Diagnostic`]s into output. [`app`]
//! ties these together for the command line, and `main` only maps the
//! outcome to an exit code. [`inspect`] shows the document model itself,
//! and [`authoring`] helps write rules: it runs the examples in rule files
//! as tests, lists and explains rules, and starts a project.

pub mod app;
pub mod authoring;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fact_sheet;
pub mod facts;
pub mod fix;
pub mod input;
pub mod inspect;
pub mod kinds;
pub mod levels;
pub mod quantity;
pub mod render;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod walk;

#[cfg(test)]
mod test_random;
