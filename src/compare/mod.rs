//! Comparing two versions of a plan: the stage that loads the version to compare with (a git
//! revision, another content folder, or one file as git hands it over) through the same
//! loader and validator as a build, and pairs the two models item by item into a
//! [`PlanDiff`] ([`diff`]). It runs before any output; the website's "What has changed" page
//! and `planpress diff`'s report only read what it found.

pub mod diff;

use std::path::Path;

use anyhow::{anyhow, Context as _, Result};

use crate::diagnostics::{ContentErrors, Diagnostic};
use crate::load::git::{self, Source};
use crate::load::SourceFile;
use crate::plan::Plan;
use diff::PlanDiff;

/// One side of a comparison, loaded and validated.
#[derive(Debug)]
pub struct Side {
    /// Where it came from.
    pub source: Source,
    /// Its files.
    pub files: Vec<SourceFile>,
    /// The validated plan.
    pub plan: Plan,
}

/// Why a side could not be compared.
#[derive(Debug)]
pub enum LoadError {
    /// The revision or folder does not exist or holds no content: a usage error.
    Source(git::SourceError),
    /// The content has problems; each names the revision and `path:line`.
    Content(Vec<Diagnostic>),
}

/// Resolves and loads one side through the same loader and validator as `build`.
pub fn load_side(spec: &str, content: &Path) -> Result<Side, LoadError> {
    let source = git::resolve(spec, content).map_err(LoadError::Source)?;
    load_source(source)
}

/// Loads a resolved source.
pub fn load_source(source: Source) -> Result<Side, LoadError> {
    let (files, images, diags) = git::read(&source).map_err(LoadError::Source)?;
    match Plan::from_files(&files, &images, &source.root(), diags) {
        Ok(plan) => Ok(Side {
            source,
            files,
            plan,
        }),
        Err(errors) => Err(LoadError::Content(errors.0)),
    }
}

/// The plan being published compared with the revision its `compare_with` setting names, for
/// the website's "What has changed" page.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The revision compared with, as the plan names it.
    pub revision: String,
    /// What changed since then.
    pub diff: PlanDiff,
    /// The plan as it was in that revision, to compare again as another language's readers
    /// see it.
    pub old: std::sync::Arc<Plan>,
}

impl Comparison {
    /// The same comparison as readers of `language` see it: the revision compared with, read
    /// in that language, against `new` (the plan being published, in that language).
    pub fn in_language(&self, new: &Plan, language: &str) -> Comparison {
        Comparison {
            revision: self.revision.clone(),
            diff: PlanDiff::between(&self.old.in_language(language), new),
            old: self.old.clone(),
        }
    }
}

/// Compares `plan` with the revision its `compare_with` setting names, read from the git
/// repository holding its content folder. `None` when the setting is not there, so sites
/// without it need no git at all.
pub fn with_compare_with(plan: &Plan) -> Result<Option<Comparison>> {
    let Some(revision) = plan.meta.compare_with.clone() else {
        return Ok(None);
    };
    let content = plan
        .meta
        .origin
        .display
        .parent()
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let old = match load_side(&revision, &content) {
        Ok(side) => side,
        Err(LoadError::Source(e)) => {
            return Err(anyhow!(e)).with_context(|| {
                format!("cannot make the \"What has changed\" page for compare_with: {revision}")
            })
        }
        Err(LoadError::Content(d)) => {
            return Err(anyhow!(ContentErrors(d))).with_context(|| {
                format!("the revision \"{revision}\" named by compare_with has content problems")
            })
        }
    };
    Ok(Some(Comparison {
        diff: PlanDiff::between(&old.plan, plan),
        revision,
        old: std::sync::Arc::new(old.plan),
    }))
}

/// One published revision of the plan, for the website's feed of them.
#[derive(Debug, Clone)]
pub struct Published {
    /// The git revision as the plan's `history` names it; `None` for the revision being
    /// built.
    pub revision: Option<String>,
    /// The plan's title in that revision.
    pub title: String,
    /// Its period.
    pub period: String,
    /// Whether it was a draft.
    pub draft: bool,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: String,
    /// What changed since the revision before it; `None` for the first.
    pub changes: Option<PlanDiff>,
}

/// The plan's published revisions, newest first: `plan` itself, then each revision its
/// `history` names, read from the git repository holding its content folder, each with what
/// changed since the one before. Only `plan` when it names no history (and then no git is
/// needed). Each revision must have been published after the one before it, so that every
/// one has a date of its own.
pub fn published_history(plan: &Plan) -> Result<Vec<Published>> {
    let content = plan
        .meta
        .origin
        .display
        .parent()
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let mut sides: Vec<(Option<String>, Plan)> = Vec::with_capacity(plan.meta.history.len());
    for revision in &plan.meta.history {
        match load_side(revision, &content) {
            Ok(side) => sides.push((Some(revision.clone()), side.plan)),
            Err(LoadError::Source(e)) => {
                return Err(anyhow!(e)).with_context(|| {
                    format!("cannot read the published revision \"{revision}\" that history names")
                })
            }
            Err(LoadError::Content(d)) => {
                return Err(anyhow!(ContentErrors(d))).with_context(|| {
                    format!("the published revision \"{revision}\" that history names has content problems")
                })
            }
        }
    }
    let mut out: Vec<Published> = Vec::with_capacity(sides.len() + 1);
    let mut before: Option<(&Option<String>, &Plan)> = None;
    let current = None;
    for (revision, side) in sides.iter().map(|(r, p)| (r, p)).chain([(&current, plan)]) {
        if let Some((earlier, old)) = before {
            if side.meta.published <= old.meta.published {
                let name = |r: &Option<String>| match r {
                    Some(r) => format!("the revision \"{r}\""),
                    None => "this revision".to_string(),
                };
                anyhow::bail!(
                    "{} was published on {}, not after {} ({}): each published revision needs a later \"published\" date than the one before it in \"history\" (set this revision's date, or list the revisions oldest first)",
                    name(revision),
                    side.meta.published,
                    name(earlier),
                    old.meta.published
                );
            }
        }
        out.push(Published {
            revision: revision.clone(),
            title: side.meta.title.clone(),
            period: side.meta.period.clone(),
            draft: side.meta.status == crate::parse::kinds::PlanStatus::Draft,
            published: side.meta.published.clone(),
            changes: before.map(|(_, old)| PlanDiff::between(old, side)),
        });
        before = Some((revision, side));
    }
    out.reverse();
    Ok(out)
}

/// Two versions of one file, as git hands them to an external diff command, each read as a
/// plan of that one file ([`crate::plan::single_file`]) or with the problems that stopped it.
#[derive(Debug)]
pub struct FilePair {
    /// The file's path as git names it.
    pub path: String,
    /// Its new path (the same unless it was renamed).
    pub new_path: String,
    /// The old text (empty for a new file).
    pub old_text: String,
    /// The new text (empty for a deleted file).
    pub new_text: String,
    /// The old version as a plan.
    pub old: Result<Plan, Vec<Diagnostic>>,
    /// The new version as a plan.
    pub new: Result<Plan, Vec<Diagnostic>>,
}

/// Reads the file git's external diff arguments name: `path old-file old-hex old-mode
/// new-file new-hex new-mode`, optionally followed by the new path and rename details.
/// `content` is the content folder, which paths are taken relative to.
pub fn file_pair(args: &[String], content: &Path) -> Result<FilePair> {
    let wrong = || {
        anyhow!(
            "--git-external expects the 7 or 9 arguments git passes to an external diff, not {}",
            args.len()
        )
    };
    let [path, old_file, _old_hex, _old_mode, new_file, _new_hex, _new_mode, rest @ ..] = args
    else {
        return Err(wrong());
    };
    if !matches!(rest.len(), 0 | 2) {
        return Err(wrong());
    }
    let new_path = rest.first().unwrap_or(path);
    let read = |f: &str| -> Result<String> {
        if f == "/dev/null" {
            return Ok(String::new());
        }
        let bytes = std::fs::read(f).with_context(|| format!("cannot read {f}"))?;
        Ok(String::from_utf8_lossy(&bytes).replace("\r\n", "\n"))
    };
    let (old_text, new_text) = (read(old_file)?, read(new_file)?);
    let prefix = content
        .to_string_lossy()
        .trim_start_matches("./")
        .trim_end_matches('/')
        .to_string();
    let rel = |p: &str| {
        p.strip_prefix(&format!("{prefix}/"))
            .unwrap_or(p)
            .to_string()
    };
    let plan_of = |p: &str, text: &str| {
        crate::plan::single_file(&SourceFile {
            rel: rel(p),
            display: Path::new(p).to_path_buf(),
            text: text.to_string(),
        })
    };
    Ok(FilePair {
        old: plan_of(path, &old_text),
        new: plan_of(new_path, &new_text),
        path: path.clone(),
        new_path: new_path.clone(),
        old_text,
        new_text,
    })
}
