//! planpress publishes a Police and Crime Commissioner's plan from Markdown.
//!
//! The pipeline: [`load`] reads `content/`; [`parse`] splits each file into typed front matter
//! and a Markdown body; [`plan`] cross-checks everything into one validated [`plan::Plan`],
//! collecting every problem as a [`diagnostics::Diagnostic`] before failing once; then each
//! output in [`export`] reads `&Plan` and produces its files, which [`write`](mod@write) swaps
//! into the output folder atomically.

#![warn(missing_docs)]

pub mod build;
pub mod compare;
pub mod diagnostics;
pub mod export;
pub mod fmt;
pub mod load;
pub mod native;
pub mod parse;
pub mod plan;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod theme;
pub mod words;
pub mod write;

pub use build::{build, read_plan, BuildOptions, BuildSummary};
pub use diagnostics::{ContentErrors, Diagnostic};
pub use plan::Plan;
