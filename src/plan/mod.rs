//! The validated plan: one typed model that every output reads.
//!
//! [`Plan::from_files`] takes the loaded files, parses each by its place in the folder
//! (`builder.rs`), checks ids and every reference between items (`checks.rs`; links and
//! anchors in Markdown, `links.rs`), and either returns a complete [`Plan`] or every problem found.
//! Outputs receive `&Plan` and never re-read the files. Nothing here reads or writes files:
//! [`crate::load`] does that, and the preview keeps a [`PlanCache`] between edits.

pub mod brand;
mod builder;
mod cache;
mod checks;
pub mod delivery;
pub mod images;
mod links;
mod model;
pub mod performance;
mod reports;
pub mod route;
pub mod statutory;
pub mod translations;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::{ContentErrors, Diagnostic, Diagnostics};
use crate::load::{ImageFile, SourceFile};
use builder::Builder;
use images::Images;

pub use builder::single_file;
pub use cache::PlanCache;
pub use checks::{days_in_month, valid_date, valid_id};
pub use model::*;
pub use route::Route;
pub use translations::{Reading, TextOf, Translation, Untranslated};

/// The plan in the fixture folder `dir` (relative to the repository), for tests.
#[cfg(test)]
pub(crate) fn fixture(dir: &str) -> Plan {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut diags = Diagnostics::new();
    let files = crate::load::read_dir(&dir, &mut diags);
    let images = crate::load::read_images(&dir);
    Plan::from_files(&files, &images, &dir, diags).expect("the fixture plan is valid")
}

impl Plan {
    /// Builds and validates the plan from loaded files and images, adding to the problems
    /// already found.
    pub fn from_files(
        files: &[SourceFile],
        images: &[ImageFile],
        root: &Path,
        diags: Diagnostics,
    ) -> Result<Plan, ContentErrors> {
        Plan::from_parallel_files(files.par_iter().map(Ok), images, root, diags)
    }

    /// As [`Plan::from_files`], taking the files as they are read (or the problem reading
    /// each), so that a big plan's text is never all in memory beside its parsed model.
    pub fn from_parallel_files<F: std::borrow::Borrow<SourceFile> + Send>(
        files: impl IndexedParallelIterator<Item = Result<F, Diagnostic>>,
        images: &[ImageFile],
        root: &Path,
        mut diags: Diagnostics,
    ) -> Result<Plan, ContentErrors> {
        // Parsing front matter is most of the work and each file stands alone: parse on every
        // core, each thread into its own builder, then merge them in file order so the
        // result is what parsing one file after another would give.
        let (b, parse_diags) = files
            .fold(
                || (Builder::default(), Diagnostics::new()),
                |(mut b, mut d), file| {
                    match file {
                        Ok(file) => b.add(file.borrow(), &mut d),
                        Err(problem) => d.push(problem),
                    }
                    (b, d)
                },
            )
            .reduce(
                || (Builder::default(), Diagnostics::new()),
                |(mut a, mut da), (b, db)| {
                    a.merge(b);
                    da.extend(db);
                    (a, da)
                },
            );
        diags.extend(parse_diags);
        match b.finish(root, &mut diags, None, Images::from_files(images)) {
            Some(plan) if diags.is_empty() => Ok(plan),
            _ => Err(ContentErrors(diags.into_sorted())),
        }
    }
}
