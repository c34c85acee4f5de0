//! Output formats. Each emitter converts factlint's [`Diagnostic`]s at the
//! edge; none depends on another's types.
//!
//! [`Diagnostic`]: crate::diagnostic::Diagnostic

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;
