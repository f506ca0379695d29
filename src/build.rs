//! `planpress build`: validate the plan, render every output, and swap them into place.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::export::{data, large_print, website};
use crate::plan::Plan;
use crate::theme::Theme;
use crate::write::Staging;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The content folder.
    pub content: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The folder holding themes.
    pub themes: PathBuf,
    /// The theme's name.
    pub theme: String,
    /// Overrides the plan's `base_url`.
    pub base_url: Option<String>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            content: PathBuf::from("content"),
            out: PathBuf::from("public"),
            themes: PathBuf::from("themes"),
            theme: "default".to_string(),
            base_url: None,
        }
    }
}

/// What a build produced.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// HTML pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Pages in the large-print PDF.
    pub large_print_pages: usize,
    /// Time spent typesetting the large-print PDF (part of `elapsed`).
    pub large_print_elapsed: Duration,
}

/// Loads and validates the plan at `opts.content`, applying option overrides.
pub fn load(opts: &BuildOptions) -> Result<Plan> {
    let mut plan = Plan::from_dir(&opts.content)?;
    if let Some(url) = &opts.base_url {
        plan.meta.base_url = Some(url.clone());
    }
    Ok(plan)
}

/// Builds the site. Content problems come back as [`crate::ContentErrors`] inside the error;
/// on any failure the previous output folder is left untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let start = Instant::now();
    let plan = load(opts)?;
    let theme = Theme::load(&opts.themes, &opts.theme)?;
    // The large-print PDF is typeset once per build, first, because every page's footer
    // gives its page count and size.
    let lp_start = Instant::now();
    let lp_opts = large_print::Options::new(large_print::DEFAULT_SIZE)?
        .with_performance(true)
        .with_base_url(plan.meta.base_url.clone());
    let pdf = large_print::pdf(&plan, &lp_opts)?;
    let large_print_elapsed = lp_start.elapsed();
    let link = pdf.link();
    // The open data files come next: the performance and delivery pages give their sizes.
    let data = data::export(&plan)?;
    let mut files =
        website::render_site_with_downloads(&plan, &theme, Some(&link), Some(&data.links))?;
    files.extend(data.files);
    let lp_html = large_print::html_page(
        &plan,
        &theme,
        &lp_opts,
        &large_print::HtmlTarget::Site(Some(link.clone())),
    )?;
    files.push((large_print::HTML_PATH.to_string(), lp_html.into_bytes()));
    files.push((large_print::PDF_PATH.to_string(), pdf.bytes));
    let staging = Staging::new(&opts.out)
        .with_context(|| format!("cannot prepare the output folder {}", opts.out.display()))?;
    for (path, bytes) in &files {
        staging.write(path, bytes)?;
    }
    staging
        .commit()
        .with_context(|| format!("cannot replace the output folder {}", opts.out.display()))?;
    Ok(BuildSummary {
        pages: files.iter().filter(|(p, _)| p.ends_with(".html")).count(),
        files: files.len(),
        elapsed: start.elapsed(),
        large_print_pages: pdf.pages,
        large_print_elapsed,
    })
}
