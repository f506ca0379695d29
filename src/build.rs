//! `planpress build`: validate the plan, render every output, and swap them into place.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::export::website;
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
    let files = website::render_site(&plan, &theme)?;
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
    })
}
