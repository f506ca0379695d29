//! Reading a plan as it was at a git revision, or from another content folder, so two drafts
//! can go through the same loader and validator and be compared as models.
//!
//! We drive the `git` command line (`rev-parse`, `ls-tree`, `cat-file --batch`) rather than
//! linking a git library. Anyone comparing plan drafts in git already has `git`; it reads every
//! repository layout the user's git can (worktrees, alternates, packed refs, replace objects,
//! partial clones) with the user's own configuration; and it adds no dependencies to build.
//! `cat-file --batch` reads every file of a revision in one process, so a whole plan loads in a
//! few milliseconds. Nothing here writes to the repository.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{ImageFile, SourceFile, IMAGES_FOLDER, MAX_FILE_BYTES, MAX_IMAGE_BYTES};

/// Where one side of a comparison comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A content folder on disk (the working tree, or any other folder).
    Dir(PathBuf),
    /// The content folder as it was at a git revision.
    Revision {
        /// The revision as the user wrote it (`main`, `consultation-draft`, `HEAD~2`).
        name: String,
        /// The commit it names.
        commit: String,
        /// The top folder of the repository.
        repo: PathBuf,
        /// The content folder's path in the repository (`content`), `/`-separated.
        prefix: String,
    },
}

impl Source {
    /// How the source is named in reports: the folder, or the revision.
    pub fn label(&self) -> String {
        match self {
            Source::Dir(p) => p.display().to_string(),
            Source::Revision { name, .. } => name.clone(),
        }
    }

    /// The root used in messages about the whole plan (a missing `_index.md`).
    pub fn root(&self) -> PathBuf {
        match self {
            Source::Dir(p) => p.clone(),
            Source::Revision { name, prefix, .. } => PathBuf::from(format!("{name}:{prefix}")),
        }
    }
}

/// A revision or folder that cannot be compared at all: a usage error, not a content error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError(pub String);

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SourceError {}

/// Decides what `spec` names: an existing folder, else a git revision of the repository that
/// holds `content` (the working tree's content folder, whose path inside the repository is
/// where the revision's content is read from).
pub fn resolve(spec: &str, content: &Path) -> Result<Source, SourceError> {
    let as_path = Path::new(spec);
    if as_path.is_dir() {
        return Ok(Source::Dir(as_path.to_path_buf()));
    }
    let content_abs = absolute(content);
    let anchor = existing_ancestor(&content_abs);
    let top = git(&anchor, &["rev-parse", "--show-toplevel"]).map_err(|_| {
        SourceError(format!(
            "\"{spec}\" is not a folder, and {} is not in a git repository, so it cannot be a revision",
            content.display()
        ))
    })?;
    let top = PathBuf::from(top.trim_end_matches('\n'));
    let top_real = top.canonicalize().unwrap_or(top.clone());
    let commit = git(
        &top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{spec}^{{commit}}"),
        ],
    )
    .map_err(|_| {
        SourceError(format!(
            "\"{spec}\" is neither a folder nor a revision known to the git repository at {}",
            top.display()
        ))
    })?;
    let anchor_real = anchor.canonicalize().unwrap_or(anchor.clone());
    let rest = content_abs.strip_prefix(&anchor).unwrap_or(Path::new(""));
    let content_real = anchor_real.join(rest);
    let prefix = content_real
        .strip_prefix(&top_real)
        .map_err(|_| {
            SourceError(format!(
                "the content folder {} is outside the git repository at {}",
                content.display(),
                top.display()
            ))
        })?
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect::<Vec<_>>()
        .join("/");
    Ok(Source::Revision {
        name: spec.to_string(),
        commit: commit.trim().to_string(),
        repo: top,
        prefix,
    })
}

/// Reads every content file of a source, sorted by path. Problems with single files are
/// collected in the returned diagnostics; a source with no content at all is an error.
pub fn read(
    source: &Source,
) -> Result<(Vec<SourceFile>, Vec<ImageFile>, Diagnostics), SourceError> {
    let mut diags = Diagnostics::new();
    let (files, images) = match source {
        Source::Dir(dir) => (
            crate::load::read_dir(dir, &mut diags),
            crate::load::read_images(dir),
        ),
        Source::Revision {
            name,
            commit,
            repo,
            prefix,
        } => read_revision(name, commit, repo, prefix, &mut diags)?,
    };
    if files.is_empty() {
        return Err(SourceError(match source {
            Source::Dir(dir) => format!(
                "{} has no content: there are no .md files in it",
                dir.display()
            ),
            Source::Revision { name, prefix, .. } => format!(
                "revision \"{name}\" has no content: there are no .md files in {}/ at that revision",
                if prefix.is_empty() { "." } else { prefix }
            ),
        }));
    }
    Ok((files, images, diags))
}

/// One file listed by `git ls-tree`.
struct Entry {
    mode: String,
    oid: String,
    size: u64,
    path: String,
}

fn read_revision(
    name: &str,
    commit: &str,
    repo: &Path,
    prefix: &str,
    diags: &mut Diagnostics,
) -> Result<(Vec<SourceFile>, Vec<ImageFile>), SourceError> {
    let mut args = vec!["ls-tree", "-r", "-z", "-l", "--full-tree", commit];
    let spec = format!("{prefix}/");
    if !prefix.is_empty() {
        args.push("--");
        args.push(&spec);
    }
    let listing = git(repo, &args)
        .map_err(|e| SourceError(format!("cannot list the files of revision \"{name}\": {e}")))?;
    let mut entries = Vec::new();
    for record in listing.split('\0').filter(|r| !r.is_empty()) {
        let Some((meta, path)) = record.split_once('\t') else {
            continue;
        };
        let mut parts = meta.split_whitespace();
        let (Some(mode), Some(kind), Some(oid), Some(size)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if kind != "blob" {
            continue;
        }
        let rel = if prefix.is_empty() {
            path
        } else {
            match path.strip_prefix(&spec) {
                Some(r) => r,
                None => continue,
            }
        };
        if rel.split('/').any(|c| c.starts_with('.')) {
            continue;
        }
        // Images are read as they are; every other file but Markdown is not content.
        if !rel.ends_with(".md") && !rel.starts_with(&format!("{IMAGES_FOLDER}/")) {
            continue;
        }
        entries.push(Entry {
            mode: mode.to_string(),
            oid: oid.to_string(),
            size: size.parse().unwrap_or(0),
            path: rel.to_string(),
        });
    }
    let display = |rel: &str| {
        PathBuf::from(if prefix.is_empty() {
            format!("{name}:{rel}")
        } else {
            format!("{name}:{prefix}/{rel}")
        })
    };
    let mut wanted = Vec::new();
    let mut images = Vec::new();
    for e in &entries {
        if !e.path.ends_with(".md") {
            // An image: a problem with it is reported only where the plan uses it.
            let problem = if e.mode == "120000" {
                Some("this image is a link, which cannot be followed in a git revision")
            } else if e.size > MAX_IMAGE_BYTES {
                Some("the image is too large to publish")
            } else {
                None
            };
            match problem {
                Some(p) => images.push(ImageFile {
                    rel: e.path.clone(),
                    display: display(&e.path),
                    bytes: Err(Diagnostic::new(&display(&e.path), 0, 0, p)),
                }),
                None => wanted.push(e),
            }
        } else if e.mode == "120000" {
            diags.push(
                Diagnostic::new(
                    &display(&e.path),
                    0,
                    0,
                    "this file is a link, which cannot be followed in a git revision",
                )
                .with_hint("commit the file itself instead of a link to it"),
            );
        } else if e.size > MAX_FILE_BYTES {
            diags.push(Diagnostic::new(
                &display(&e.path),
                0,
                0,
                "the file is too large to be a content file",
            ));
        } else {
            wanted.push(e);
        }
    }
    let blobs = cat_files(repo, wanted.iter().map(|e| e.oid.as_str()))
        .map_err(|e| SourceError(format!("cannot read revision \"{name}\": {e}")))?;
    let mut files = Vec::new();
    for (e, bytes) in wanted.iter().zip(blobs) {
        if !e.path.ends_with(".md") {
            images.push(ImageFile {
                rel: e.path.clone(),
                display: display(&e.path),
                bytes: Ok(bytes.into()),
            });
            continue;
        }
        match SourceFile::from_bytes(e.path.clone(), display(&e.path), &bytes) {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    images.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok((files, images))
}

/// Reads blobs by id with one `git cat-file --batch`, in the order given.
fn cat_files<'a>(
    repo: &Path,
    oids: impl Iterator<Item = &'a str>,
) -> std::io::Result<Vec<Vec<u8>>> {
    let input: String = oids.map(|o| format!("{o}\n")).collect();
    let count = input.lines().count();
    if count == 0 {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    // Write from another thread: git starts answering before it has read every request.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut blobs = Vec::with_capacity(count);
    for _ in 0..count {
        let mut header = String::new();
        out.read_line(&mut header)?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        let size: usize = match fields.as_slice() {
            [_, "blob", size] => size.parse().unwrap_or(0),
            _ => {
                return Err(std::io::Error::other(format!(
                    "unexpected answer from git cat-file: {}",
                    header.trim()
                )))
            }
        };
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes)?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline)?;
        blobs.push(bytes);
    }
    writer
        .join()
        .map_err(|_| std::io::Error::other("writing to git failed"))??;
    drop(out);
    child.wait()?;
    Ok(blobs)
}

/// Runs git in `dir` and returns its output, or its error message.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
    }
    String::from_utf8(output.stdout).map_err(|_| "git answered with text that is not UTF-8".into())
}

/// `path` made absolute against the current folder, with `.` and `..` resolved by name.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("."))
            .join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// The nearest folder at or above `path` that exists.
fn existing_ancestor(path: &Path) -> PathBuf {
    path.ancestors()
        .find(|p| p.is_dir())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_folder_is_a_folder_source() {
        let dir = tempfile::tempdir().unwrap();
        let got = resolve(dir.path().to_str().unwrap(), Path::new("content")).unwrap();
        assert_eq!(got, Source::Dir(dir.path().to_path_buf()));
        let err = read(&got).unwrap_err();
        assert!(err.0.contains("has no content"), "{err}");
    }

    #[test]
    fn outside_a_repository_a_name_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = resolve("no-such-tag", &dir.path().join("content")).unwrap_err();
        assert!(err.0.contains("\"no-such-tag\""), "{err}");
    }
}
