//! `planpress fmt`: one canonical way to write each content file, so a diff of two drafts
//! shows only real changes.
//!
//! Formatting is a rewrite of layout, never of content. For each file we parse the front
//! matter into its typed struct and the body into Markdown events, format both (see [`front`]
//! and [`body`]), parse the result again and compare: the typed values must be identical and
//! the Markdown events the same (a soft line break reads as a space, as in HTML). Only then is
//! the file replaced, atomically (a temporary file in the same folder, renamed over it, with
//! the original's permissions). A file that does not parse, or whose front matter has YAML
//! comments, is left byte for byte as it was and reported with its `path:line:col`.

pub mod body;
pub mod front;
pub mod sentence;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{SourceFile, MAX_FILE_BYTES};
use crate::parse::classify::{classify, Kind};
use crate::parse::kinds::*;
use crate::parse::{front_matter, split};
use front::Shape;

/// The canonical key order and value styles of each kind of file.
fn shape(kind: Kind) -> &'static Shape {
    match kind {
        Kind::Plan => &front::PLAN,
        Kind::Aim => &front::AIM,
        Kind::Priority => &front::PRIORITY,
        Kind::Glossary => &front::GLOSSARY,
        Kind::Statement => &front::STATEMENT,
        Kind::Report => &front::REPORT,
        Kind::Reported => &front::REPORTED,
        Kind::Page => &front::PAGE,
    }
}

/// Parses front matter into `kind`'s typed struct, returned as its full debug text (every
/// field and value), or reports why it cannot.
fn typed(
    kind: Kind,
    yaml: &str,
    path: &Path,
    line: usize,
    diags: &mut Diagnostics,
) -> Option<String> {
    fn typed<T: DeserializeOwned + RequiredKeys + std::fmt::Debug>(
        yaml: &str,
        path: &Path,
        line: usize,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        front_matter::<T>(yaml, path, line, diags).map(|v| format!("{v:#?}"))
    }
    match kind {
        Kind::Plan => typed::<PlanFront>(yaml, path, line, diags),
        Kind::Aim => typed::<AimFront>(yaml, path, line, diags),
        Kind::Priority => typed::<PriorityFront>(yaml, path, line, diags),
        Kind::Glossary => typed::<GlossaryFront>(yaml, path, line, diags),
        Kind::Statement => typed::<StatementFront>(yaml, path, line, diags),
        Kind::Report => typed::<ReportFront>(yaml, path, line, diags),
        Kind::Reported => typed::<ReportedFront>(yaml, path, line, diags),
        Kind::Page => typed::<PageFront>(yaml, path, line, diags),
    }
}

/// Formats one file's text. `rel` is its path in the content folder; `display` names it in
/// messages. Returns the canonical text, or every reason it cannot be formatted safely.
pub fn format_text(rel: &str, display: &Path, text: &str) -> Result<String, Vec<Diagnostic>> {
    // A translation holds only words, in a shape of its own: formatting leaves it as written.
    if crate::parse::classify::classify_file(rel).is_ok_and(|c| c.language.is_some()) {
        return Ok(text.to_string());
    }
    let Ok(kind) = classify(rel).map(|place| place.kind()) else {
        return Err(vec![Diagnostic::new(
            display,
            0,
            0,
            "this is not where a content file can be, so its kind is unknown",
        )
        .with_hint(
            "see docs/content-model.md for where each kind of file goes",
        )]);
    };
    let parts = split(text, display).map_err(|d| vec![d])?;
    let mut diags = Diagnostics::new();
    let Some(typed_before) = typed(kind, parts.front, display, parts.front_line, &mut diags) else {
        return Err(diags.into_sorted());
    };
    let node = front::read(parts.front, shape(kind)).map_err(|e| {
        let line = e.location().map_or(0, |l| l.line()) + parts.front_line - 1;
        vec![Diagnostic::new(
            display,
            line,
            e.location().map_or(0, |l| l.column()),
            format!("the front matter cannot be read for formatting: {e}"),
        )]
    })?;
    if let Some(i) = front::first_comment(parts.front, &node) {
        return Err(vec![Diagnostic::new(
            display,
            parts.front_line + i,
            1,
            "the front matter has a YAML comment, which formatting would delete; the file was left unchanged",
        )
        .with_hint("delete the comment, or move the note into the body as <!-- an HTML comment -->, then run planpress fmt again")]);
    }
    let new_front = front::write(&node, shape(kind));
    let mut check = Diagnostics::new();
    let typed_after = typed(kind, &new_front, display, parts.front_line, &mut check);
    if typed_after.as_deref() != Some(typed_before.as_str()) {
        return Err(vec![not_faithful(
            display,
            parts.front_line,
            "front matter",
        )]);
    }
    let new_body = body::format(parts.body);
    if let Err(why) = body::same_meaning(parts.body, &new_body) {
        return Err(vec![not_faithful(
            display,
            parts.body_line,
            &format!("body ({why})"),
        )]);
    }
    Ok(format!("---\n{new_front}---\n{new_body}"))
}

fn not_faithful(display: &Path, line: usize, what: &str) -> Diagnostic {
    Diagnostic::new(
        display,
        line,
        1,
        format!("formatting would change the meaning of the {what}; the file was left unchanged"),
    )
    .with_hint("this is a planpress bug: please report it with the file attached")
}

/// What `fmt` did, or would do, to the files it was given.
#[derive(Debug, Default)]
pub struct FmtReport {
    /// Files rewritten (or, with `check`, that would be).
    pub changed: Vec<PathBuf>,
    /// Files already in canonical form.
    pub unchanged: Vec<PathBuf>,
    /// Files left alone because of a problem, with every problem found.
    pub errors: Vec<Diagnostic>,
}

/// A path given to `fmt` that cannot be used at all: the caller reports it as a usage error.
#[derive(Debug)]
pub struct BadPath(pub String);

impl std::fmt::Display for BadPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadPath {}

/// Formats the Markdown files at `paths` (files, or folders searched for `.md` files), which
/// belong to the content folder `content`; a folder outside it is treated as a content folder
/// of its own. With `check`, nothing is written.
pub fn run(content: &Path, paths: &[PathBuf], check: bool) -> Result<FmtReport, BadPath> {
    let mut jobs: Vec<(PathBuf, PathBuf)> = Vec::new();
    let content_real = content.canonicalize().ok();
    for path in paths {
        let real = path
            .canonicalize()
            .map_err(|e| BadPath(format!("cannot format {}: {e}", path.display())))?;
        let root = match &content_real {
            Some(c) if real.starts_with(c) => c.clone(),
            _ if real.is_dir() => real.clone(),
            _ => {
                return Err(BadPath(format!(
                    "{} is not inside the content folder {}; pass --content DIR to say which folder it belongs to",
                    path.display(),
                    content.display()
                )))
            }
        };
        if real.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .follow_links(false)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker.filter_map(Result::ok) {
                let p = entry.path();
                if p.extension().and_then(|e| e.to_str()) == Some("md")
                    && (entry.file_type().is_file() || entry.path_is_symlink() && p.is_file())
                {
                    jobs.push((p.to_path_buf(), root.clone()));
                }
            }
        } else {
            jobs.push((path.clone(), root));
        }
    }
    let mut report = FmtReport::default();
    for (path, root) in jobs {
        match format_path(&path, &root, check) {
            Ok(true) => report.changed.push(path),
            Ok(false) => report.unchanged.push(path),
            Err(mut d) => report.errors.append(&mut d),
        }
    }
    Ok(report)
}

/// Formats one file; true when it changed (or would).
fn format_path(path: &Path, root: &Path, check: bool) -> Result<bool, Vec<Diagnostic>> {
    let cannot_read =
        |e: std::io::Error| vec![Diagnostic::new(path, 0, 0, format!("cannot read: {e}"))];
    let real = path.canonicalize().map_err(cannot_read)?;
    // The file's place in the folder is where it is listed, even when it is a link.
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let listed = parent
        .canonicalize()
        .map_err(cannot_read)?
        .join(path.file_name().unwrap_or_default());
    let rel = listed
        .strip_prefix(root)
        .map(|r| {
            r.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default();
    let bytes = std::fs::read(&real)
        .map_err(|e| vec![Diagnostic::new(path, 0, 0, format!("cannot read: {e}"))])?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::new(
            path,
            0,
            0,
            "the file is too large to be a content file",
        )]);
    }
    let source = SourceFile::from_bytes(rel.clone(), path, &bytes).map_err(|d| vec![d])?;
    let formatted = format_text(&rel, path, &source.text)?;
    if formatted.as_bytes() == bytes.as_slice() {
        return Ok(false);
    }
    if !check {
        write_atomic(&real, formatted.as_bytes()).map_err(|e| {
            vec![Diagnostic::new(
                path,
                0,
                0,
                format!("cannot write the formatted file: {e}"),
            )]
        })?;
    }
    Ok(true)
}

/// Replaces `path` with `bytes` in one rename, keeping its permissions: a reader sees either
/// the old file or the new one, never a part-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".planpress-fmt-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields serde expects for a type, in declaration order, read from its error for an
    /// unknown key.
    fn fields<T: DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
        let err = serde_yaml::from_str::<T>("zzz_not_a_key: 1\n")
            .unwrap_err()
            .to_string();
        let list = err.split_once(", expected ").map(|(_, l)| l).unwrap_or("");
        list.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    fn keys(shape: &Shape) -> Vec<String> {
        match shape {
            Shape::Map(f) => f.iter().map(|(k, _)| k.to_string()).collect(),
            Shape::Open(inner) => keys(inner),
            _ => Vec::new(),
        }
    }

    fn sub(shape: &Shape, key: &str) -> Shape {
        match shape {
            Shape::Map(f) => match f.iter().find(|(k, _)| *k == key).map(|(_, s)| *s) {
                Some(Shape::List(s)) | Some(Shape::Dict(s)) => *s,
                Some(s) => s,
                None => panic!("no key {key}"),
            },
            _ => panic!("not a map"),
        }
    }

    #[test]
    fn key_order_is_the_order_of_the_struct_fields() {
        assert_eq!(keys(&front::PLAN), fields::<PlanFront>());
        assert_eq!(keys(&sub(&front::PLAN, "licence")), fields::<Licence>());
        assert_eq!(keys(&sub(&front::PLAN, "contact")), fields::<Contact>());
        let contact = sub(&front::PLAN, "contact");
        assert_eq!(keys(&sub(&contact, "social")), fields::<Social>());
        assert_eq!(keys(&sub(&front::PLAN, "areas")), fields::<AreaFront>());
        assert_eq!(keys(&front::AIM), fields::<AimFront>());
        assert_eq!(keys(&front::PRIORITY), fields::<PriorityFront>());
        let group = sub(&front::PRIORITY, "commissioner");
        assert_eq!(keys(&group), fields::<GroupFront>());
        assert_eq!(
            keys(&sub(&front::PRIORITY, "commitments_by")),
            fields::<GroupFront>()
        );
        assert_eq!(keys(&sub(&front::PLAN, "parties")), fields::<PartyFront>());
        let levels = sub(&front::PLAN, "levels");
        assert_eq!(keys(&levels), fields::<LevelsFront>());
        assert_eq!(keys(&sub(&levels, "aim")), fields::<NounFront>());
        let commitment = sub(&group, "commitments");
        assert_eq!(keys(&commitment), fields::<CommitmentFront>());
        assert_eq!(keys(&sub(&commitment, "evidence")), fields::<Evidence>());
        assert_eq!(keys(&front::GLOSSARY), fields::<GlossaryFront>());
        assert_eq!(keys(&front::STATEMENT), fields::<StatementFront>());
        assert_eq!(
            keys(&sub(&front::STATEMENT, "target")),
            fields::<TargetFront>()
        );
        assert_eq!(keys(&sub(&front::STATEMENT, "latest")), fields::<Figure>());
        assert_eq!(
            keys(&sub(&front::STATEMENT, "areas")),
            fields::<AreaValue>()
        );
        assert_eq!(keys(&front::PAGE), fields::<PageFront>());
        assert_eq!(keys(&front::REPORT), fields::<ReportFront>());
        assert_eq!(keys(&front::REPORTED), fields::<ReportedFront>());
    }

    #[test]
    fn a_file_with_a_bad_key_is_refused_with_its_place() {
        let err = format_text(
            "victims/01-a.md",
            Path::new("content/victims/01-a.md"),
            "---\nnumber: 1\ntitle: T\nchief_constable:\n  commitments:\n    - id: a\n      txet: b\n---\n",
        )
        .unwrap_err();
        assert!(
            err.iter()
                .any(|d| (d.line, d.column) == (7, 7) && d.message.contains("txet")),
            "{err:?}"
        );
    }

    #[test]
    fn a_file_with_a_comment_is_refused() {
        let err = format_text(
            "about.md",
            Path::new("content/about.md"),
            "---\ntitle: About\n# order: 2\n---\nText.\n",
        )
        .unwrap_err();
        assert_eq!(err[0].line, 3);
        assert!(err[0].message.contains("comment"), "{}", err[0].message);
    }

    #[test]
    fn a_page_is_formatted_whole() {
        let out = format_text(
            "about.md",
            Path::new("content/about.md"),
            "---\norder: 2\ntitle: 'About us'\n---\n\n\nOne. Two.\n* a\n",
        )
        .unwrap();
        assert_eq!(
            out,
            "---\ntitle: About us\norder: 2\n---\nOne.\nTwo.\n\n- a\n"
        );
    }
}
