//! The outputs made from a validated [`crate::plan::Plan`]. Each reads the plan and writes
//! nothing but its own files.

pub mod website;
