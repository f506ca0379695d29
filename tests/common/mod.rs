//! Shared helpers for the integration tests: running the real binary on a copy of a fixture
//! plan, and reading the HTML it writes.
#![allow(dead_code)]

pub mod welsh;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The cache folder the tests' builds share (see `planpress::write::cache_folder`): under
/// target/, so the suite makes each Braille edition and each spoken chapter once per
/// content, not once per test, and never touches the user's own cache.
pub fn cache() -> PathBuf {
    repo().join("target").join("test-cache")
}

/// A copy of a content folder in a temporary directory, to change and build.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// The shipped plan with a fictional second report (`tests/fixtures/reports/2021-22-q2`)
    /// added, in a temporary folder.
    pub fn shipped_with_q2() -> Site {
        let site = Site::shipped();
        copy_tree(
            &repo().join("tests/fixtures/reports/2021-22-q2"),
            &site.path("content/reports/2021-22-q2"),
        );
        site
    }

    /// Copies `content` (relative to the repo) into `<tmp>/content`.
    pub fn from_content(content: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join(content), &dir.path().join("content"));
        Site { dir }
    }

    /// The shipped plan.
    pub fn shipped() -> Site {
        Site::from_content("content")
    }

    /// The small fixture plan.
    pub fn minimal() -> Site {
        Site::from_content("tests/fixtures/minimal/content")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file under the site folder (e.g. `content/safety/03-x.md`).
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
        self
    }

    /// Replaces `from` with `to` in a file, asserting `from` is there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let p = self.path(rel);
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        fs::write(p, text.replacen(from, to, 1)).unwrap();
        self
    }

    /// `planpress ARGS` to run in the site folder, for a test to add to.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_planpress"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .env("PLANPRESS_CACHE", cache());
        command
    }

    /// Runs `planpress ARGS` in the site folder.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs `planpress build --themes-dir <repo>/themes` and asserts success.
    pub fn build(&self) -> Output {
        let out = self.run(&[
            "build",
            "--themes-dir",
            repo().join("themes").to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Every file under the output folder, relative path → bytes, sorted.
    pub fn output(&self) -> Vec<(String, Vec<u8>)> {
        read_tree(&self.path("public"))
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

pub fn read_tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .to_string(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// A start tag found in HTML: its name and attributes, in document order.
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of an HTML document, skipping comments, scripts' and styles' contents.
/// Enough for the well-formed HTML planpress writes; not a general HTML parser.
pub fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix("!--") {
            rest = r.split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = tag_end(rest);
        let inner = &rest[..end];
        rest = &rest[end..];
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let attrs = parse_attrs(&inner[name_end..]);
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            rest = rest.find(&close).map_or("", |j| &rest[j..]);
        }
        out.push(Tag { name, attrs });
    }
    out
}

fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return i,
            None => {}
        }
    }
    s.len()
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut chars = s.trim_end_matches('/').char_indices().peekable();
    let s = s.trim_end_matches('/');
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut j = i;
        while let Some(&(k, c)) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            j = k;
            chars.next();
        }
        let name = s[i..=j].to_ascii_lowercase();
        let mut value = String::new();
        if let Some(&(_, '=')) = chars.peek() {
            chars.next();
            match chars.peek().map(|&(_, c)| c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some(&(_, c)) = chars.peek() {
                        if c.is_whitespace() {
                            break;
                        }
                        value.push(c);
                        chars.next();
                    }
                }
            }
        }
        attrs.push((name, unescape(&value)));
    }
    attrs
}

/// HTML text with the entities planpress and Tera write turned back into characters.
pub fn unescape(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// HTML as its text: tags removed, entities decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

/// The text between `<tag ...>` and `</tag>` for the first such element.
pub fn element_text<'a>(html: &'a str, tag: &str) -> Option<&'a str> {
    let start = html.find(&format!("<{tag}"))?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find(&format!("</{tag}>"))?;
    Some(&html[open_end..close])
}

/// `html` with every file size ("412 KB", "1.1 MB", "980 bytes") and every PDF's page count
/// ("PDF, 169 pages") replaced by placeholders: the editions' sizes change whenever any text
/// does, which would make every snapshot change with any edit.
pub fn normalise_download_sizes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A number (digits, commas, one point) followed by a unit of size or by " pages".
        let start = i;
        let mut j = i;
        while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.' || bytes[j] == b',')
        {
            j += 1;
        }
        let is_number = j > start
            && bytes[start].is_ascii_digit()
            && (start == 0 || !bytes[start - 1].is_ascii_alphanumeric());
        if is_number {
            let rest = &html[j..];
            let before = &html[..start];
            let unit = [" KB", " MB", " bytes"]
                .into_iter()
                .find(|u| rest.starts_with(u));
            if let Some(unit) = unit {
                out.push_str("[size]");
                i = j + unit.len();
                continue;
            }
            if rest.starts_with(" pages") && before.ends_with("PDF, ") {
                out.push_str("[pages]");
                i = j + " pages".len();
                continue;
            }
        }
        let c = html[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Every file of a zip container (an EPUB), by name, as text.
pub fn unzip(path: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut text).unwrap();
        out.push((
            file.name().unwrap().to_string(),
            String::from_utf8_lossy(&text).into_owned(),
        ));
    }
    out
}

/// Git's variables that would point a command at another repository (a test run from a git
/// hook has them set).
pub const GIT_REPOSITORY_VARS: &[&str] = &["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"];

/// Runs git in `dir` with a fixed identity and fixed dates, so commits are the same every run.
pub fn git(dir: &Path, args: &[&str]) {
    let mut command = Command::new("git");
    for var in GIT_REPOSITORY_VARS {
        command.env_remove(var);
    }
    let out = command
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", "2025-01-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2025-01-01T12:00:00Z")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
