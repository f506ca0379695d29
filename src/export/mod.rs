//! The outputs made from a validated [`crate::plan::Plan`]. Each reads the plan and writes
//! nothing but its own files.

pub mod data;
pub mod diff_report;
pub mod large_print;
pub mod website;
