//! What the preview keeps between rebuilds so that an edit is parsed and checked again
//! alone: [`PlanCache`], and [`PlanCache::patch`] for the usual edit to one priority's text.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::builder::{check_number, priority_from, Broken, Builder};
use super::links;
use super::*;
use crate::diagnostics::{ContentErrors, Diagnostics};
use crate::load::SourceFile;

/// What parsing and checking found in each file of one content folder, kept between builds
/// so that a rebuild after an edit parses and checks again only the files that changed (see
/// [`Plan::from_files_cached`] and [`crate::build::Session`]).
#[derive(Default)]
pub struct PlanCache {
    /// By file: the name shown in messages, the text, and what parsing it gave.
    files: HashMap<String, (PathBuf, String, Builder, Diagnostics)>,
    links: links::LinkCache,
    /// Set while the plan last made from this cache was valid: what patching it needs.
    valid: Option<Valid>,
}

/// What [`PlanCache::patch`] keeps about the valid plan it patches.
struct Valid {
    /// The plan's `raw_html` setting.
    raw_html: crate::parse::kinds::RawHtml,
    /// Every commitment's id, with the file it is in (relative path); made when the first
    /// patch needs it and kept up to date by each patch.
    commitments: Option<HashMap<String, String>>,
}

impl PlanCache {
    /// Brings `plan` up to date after the priority files `changed` were edited in place,
    /// without validating the whole plan again. `plan` must be the plan the latest
    /// [`Plan::from_files_cached`] with this cache returned, and it must have succeeded (its
    /// `meta.base_url` may have been overridden since); every other file must be as it was then.
    ///
    /// A priority's file decides its own page and nothing that other files are checked
    /// against but its page's anchors (its headings and commitment ids) and its commitment ids'
    /// uniqueness. So each changed file is parsed and given the checks that need only itself,
    /// its commitment ids are checked against an index of every other file's, and its links are
    /// checked (every body's links too, through the link cache, when its anchors changed).
    ///
    /// Returns the priorities replaced, in the order of `changed`, when every check passed:
    /// `plan` is then exactly what [`Plan::from_files_cached`] would return for the edited
    /// files, and the cache is as that call would leave it. Returns `None`, with `plan`
    /// unchanged, when a file is not a priority's, when anything is wrong (only a full
    /// validation reports problems, so they read exactly as `planpress build` reports them),
    /// or when the cache holds no valid plan.
    pub fn patch(&mut self, plan: &mut Plan, changed: &[&SourceFile]) -> Option<Vec<Priority>> {
        let raw_html = self.valid.as_ref()?.raw_html;
        if changed.is_empty() {
            return None;
        }
        // Where each changed priority is in the plan, and what its file says now.
        let mut patches = Vec::with_capacity(changed.len());
        let mut seen: HashMap<String, std::sync::Arc<Path>> = HashMap::new();
        for file in changed {
            let (aim_at, at) = plan.aims.iter().enumerate().find_map(|(a, aim)| {
                let at = aim
                    .priorities
                    .iter()
                    .position(|p| p.origin.file == file.rel)?;
                Some((a, at))
            })?;
            let mut parsed = Builder::default();
            let mut diags = Diagnostics::new();
            parsed.add(file, &mut diags);
            let kept = parsed.clone();
            let (aim_id, number, id, front, body, origin) = match parsed.priorities.pop() {
                Some(p) if diags.is_empty() && parsed.priorities.is_empty() => p,
                _ => return None,
            };
            let old = &plan.aims[aim_at].priorities[at];
            // What the "About this plan" page lists changes with `covers`: a full check.
            if (&aim_id, number, &id, &front.covers) != (&old.aim, old.number, &old.id, &old.covers)
            {
                return None;
            }
            check_number(&front, &aim_id, number, &id, &origin, &mut diags);
            let priority = priority_from(
                aim_id,
                number,
                id,
                front,
                body,
                origin,
                &plan.meta.parties,
                Some(&mut seen),
                &mut diags,
            );
            if !diags.is_empty() {
                return None;
            }
            patches.push((aim_at, at, priority, kept));
        }
        // No commitment id may be used by another file (within the changed files, `seen`
        // already found any repeat).
        self.prepare_patch(plan);
        let index = self.valid.as_mut()?.commitments.as_mut()?;
        for (_, _, p, _) in &patches {
            for (_, c) in p.commitments() {
                if index
                    .get(&c.id)
                    .is_some_and(|file| !changed.iter().any(|f| &f.rel == file))
                {
                    return None;
                }
            }
        }
        // Put the new priorities in, and check every body's links as a full validation would.
        let mut olds = Vec::with_capacity(patches.len());
        let mut kept = Vec::with_capacity(patches.len());
        for (aim_at, at, priority, builder) in patches {
            let old = std::mem::replace(&mut plan.aims[aim_at].priorities[at], priority);
            olds.push((aim_at, at, old));
            kept.push(builder);
        }
        let rels: HashSet<String> = changed.iter().map(|f| f.rel.clone()).collect();
        let mut diags = Diagnostics::new();
        links::check_reusing(
            plan,
            &Broken::default(),
            raw_html,
            &mut diags,
            Some((&mut self.links, &rels)),
        );
        if !diags.is_empty() {
            // Put the plan back. The link cache holds what it found for the edited files,
            // which stays true of them; the parse cache does not, so a full validation parses
            // them again and reports every problem.
            for (aim_at, at, old) in olds {
                plan.aims[aim_at].priorities[at] = old;
            }
            return None;
        }
        // The index: the old priorities' ids out, the new ones in.
        for (_, _, old) in &olds {
            for (_, c) in old.commitments() {
                index.remove(&c.id);
            }
        }
        for file in changed {
            let p = plan.priorities().find(|p| p.origin.file == file.rel)?;
            for (_, c) in p.commitments() {
                index.insert(c.id.clone(), file.rel.clone());
            }
        }
        for (file, builder) in changed.iter().zip(kept) {
            self.files.insert(
                file.rel.clone(),
                (
                    file.display.clone(),
                    file.text.clone(),
                    builder,
                    Diagnostics::new(),
                ),
            );
        }
        Some(olds.into_iter().map(|(_, _, old)| old).collect())
    }

    /// Makes now what the first [`PlanCache::patch`] would otherwise make (an index of the
    /// plan's commitment ids), for a caller with time to spare; `plan` as for the patch.
    pub fn prepare_patch(&mut self, plan: &Plan) {
        if let Some(valid) = self.valid.as_mut() {
            valid.commitments.get_or_insert_with(|| {
                plan.priorities()
                    .flat_map(|p| {
                        p.commitments()
                            .map(|(_, c)| (c.id.clone(), p.origin.file.clone()))
                    })
                    .collect()
            });
        }
    }

    /// Forgets that the cache's plan was valid, so the next [`PlanCache::patch`] refuses and
    /// the next plan is validated in full (for a caller whose copy of the plan may differ).
    pub fn forget_valid(&mut self) {
        self.valid = None;
    }
}

impl Plan {
    /// As [`Plan::from_files`], reusing what `cache` holds for files whose text has not
    /// changed since it was filled, and keeping what it finds now for next time. The plan and
    /// the problems are exactly those [`Plan::from_files`] gives; only the work is less.
    pub fn from_files_cached(
        files: &[SourceFile],
        images: &[crate::load::ImageFile],
        root: &Path,
        mut diags: Diagnostics,
        cache: &mut PlanCache,
    ) -> Result<Plan, ContentErrors> {
        let parsed: Vec<(bool, Builder, Diagnostics)> = files
            .par_iter()
            .map(|file| match cache.files.get(&file.rel) {
                Some((display, text, b, d)) if *text == file.text && *display == file.display => {
                    (false, b.clone(), d.clone())
                }
                _ => {
                    let (mut b, mut d) = (Builder::default(), Diagnostics::new());
                    b.add(file, &mut d);
                    (true, b, d)
                }
            })
            .collect();
        let present: HashSet<&str> = files.iter().map(|f| f.rel.as_str()).collect();
        cache.files.retain(|rel, _| present.contains(rel.as_str()));
        let mut changed = HashSet::new();
        let mut builder = Builder::default();
        for (file, (fresh, b, d)) in files.iter().zip(parsed) {
            if fresh {
                changed.insert(file.rel.clone());
                cache.files.insert(
                    file.rel.clone(),
                    (
                        file.display.clone(),
                        file.text.clone(),
                        b.clone(),
                        d.clone(),
                    ),
                );
            }
            builder.merge(b);
            diags.extend(d);
        }
        cache.valid = None;
        let images = super::images::Images::from_files(images);
        match builder.finish(root, &mut diags, Some((&mut cache.links, &changed)), images) {
            Some(plan) if diags.is_empty() => {
                cache.valid = Some(Valid {
                    raw_html: plan.meta.raw_html,
                    commitments: None,
                });
                Ok(plan)
            }
            _ => Err(ContentErrors(diags.into_sorted())),
        }
    }
}
