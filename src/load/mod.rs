//! Reading a plan's files from disk into memory.
//!
//! Loading is the only stage that touches the content folder. It walks the folder in a stable
//! order, refuses files that would make the build unsafe or unbounded (links that leave the
//! folder, files too large to be content, text that is not UTF-8 or holds control characters),
//! and normalises line endings so every later stage sees the same text whatever editor wrote
//! it.

pub mod git;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// The largest content file we read; anything bigger is not a plan document. The longest
/// shipped file is under 10 KB, and every later stage (above all the large-print typesetting)
/// costs time and memory in proportion to the text, so the limit is what keeps a hostile
/// file's cost bounded.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One content file's text, with the names we use for it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content folder, with `/` separators (`victims/01-victims-voice.md`).
    pub rel: String,
    /// Path to show in messages (`content/victims/01-victims-voice.md`).
    pub display: PathBuf,
    /// The text, UTF-8, with any byte order mark removed and CRLF turned into LF.
    pub text: String,
}

impl SourceFile {
    /// A file from text held in memory (tests, git revisions).
    pub fn new(rel: impl Into<String>, display: impl Into<PathBuf>, text: &str) -> Self {
        SourceFile {
            rel: rel.into(),
            display: display.into(),
            text: normalise(text),
        }
    }

    /// Checks raw bytes and wraps them as a source file, or says why they cannot be content.
    pub fn from_bytes(
        rel: impl Into<String>,
        display: impl Into<PathBuf>,
        bytes: &[u8],
    ) -> Result<Self, Diagnostic> {
        let display = display.into();
        if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
            return Err(Diagnostic::new(&display, 1, 1, "the file is saved as UTF-16 text, not UTF-8")
                .with_hint("save the file as UTF-8 in your editor (\"Save with encoding\" or \"Encoding: UTF-8\")"));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => SourceFile::new(rel, display, text).checked(),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let line = good.iter().filter(|b| **b == b'\n').count() + 1;
                let column =
                    good.len() - good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
                Err(Diagnostic::new(
                    &display,
                    line,
                    column,
                    format!(
                        "the file is not UTF-8 text (bad byte at offset {})",
                        e.valid_up_to()
                    ),
                )
                .with_hint("save the file as UTF-8 in your editor (\"Save with encoding\" or \"Encoding: UTF-8\")"))
            }
        }
    }
}

impl SourceFile {
    /// As [`SourceFile::from_bytes`], taking the bytes so that text which needs no
    /// normalising is not copied.
    fn from_vec(rel: String, display: &Path, bytes: Vec<u8>) -> Result<Self, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(text) if !text.starts_with('\u{feff}') && !text.contains('\r') => SourceFile {
                rel,
                display: display.to_path_buf(),
                text,
            }
            .checked(),
            Ok(text) => SourceFile::new(rel, display, &text).checked(),
            Err(e) => SourceFile::from_bytes(rel, display, e.as_bytes()),
        }
    }

    /// Refuses text holding control characters other than tab and line break. No editor
    /// writes them into prose; they come from binary files or pasted terminal output, are
    /// invisible in most editors, are not allowed in HTML, and would reach a terminal raw in
    /// messages that quote the text.
    fn checked(self) -> Result<Self, Diagnostic> {
        let Some((offset, c)) = first_control(&self.text) else {
            return Ok(self);
        };
        let (line, column) = crate::diagnostics::line_col(&self.text, offset);
        let what = if c == '\0' {
            "a NUL byte (U+0000); it may not be a text file".to_string()
        } else {
            format!("a control character (U+{:04X}) that is not text", c as u32)
        };
        Err(Diagnostic::new(&self.display, line, column, format!("the file contains {what}"))
            .with_hint("delete it: most editors do not show it, so select the spot and retype the text around it"))
    }
}

/// Control characters that have no place in a text file: C0 except tab and line feed (carriage
/// returns are gone by now), DEL and C1.
fn is_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The first control character in `text` that [`is_control`] refuses, and its byte offset.
///
/// Every file is scanned, so this looks at bytes rather than decoding characters: the C0
/// controls and DEL are single bytes, and the C1 controls (U+0080 to U+009F) are the only
/// characters whose UTF-8 is 0xC2 followed by 0x80 to 0x9F. Blocks of 64 bytes are first
/// tested whole for any byte that could start one (a test without early exit, which the
/// compiler turns into vector instructions); only a block that has one is looked at byte by
/// byte.
fn first_control(text: &str) -> Option<(usize, char)> {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let suspect = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7f) | (b == 0xc2);
    for (n, block) in bytes.chunks(BLOCK).enumerate() {
        if !block.iter().fold(false, |any, &b| any | suspect(b)) {
            continue;
        }
        let start = n * BLOCK;
        for (i, &b) in block.iter().enumerate() {
            let offset = start + i;
            let control = match b {
                b'\t' | b'\n' => false,
                0..=0x1f | 0x7f => true,
                0xc2 => matches!(bytes.get(offset + 1), Some(0x80..=0x9f)),
                _ => false,
            };
            if control {
                let c = text[offset..].chars().next()?;
                debug_assert!(is_control(c));
                return Some((offset, c));
            }
        }
    }
    None
}

fn normalise(text: &str) -> String {
    // One byte order mark is usual; tools that join files can leave several.
    let text = text.trim_start_matches('\u{feff}');
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// The content folder's files, each read when a thread asks for it (and its text free to go
/// once parsed), so a big plan's text is never all in memory beside its parsed model; in the
/// order of [`read_dir`]. A folder that is not there is the one problem reported.
pub fn stream(
    root: &Path,
    diags: &mut Diagnostics,
) -> Result<impl IndexedParallelIterator<Item = Result<SourceFile, Diagnostic>>, Diagnostic> {
    if !root.is_dir() {
        return Err(
            Diagnostic::new(root, 0, 0, "the content folder does not exist").with_hint(
                "run planpress in the folder that holds content/, or pass --content DIR",
            ),
        );
    }
    Ok(list(root, diags)
        .into_par_iter()
        .map(|(rel, path)| read(rel, &path)))
}

/// Reads every `.md` file under `root`, sorted by path. Problems are collected, not fatal.
pub fn read_dir(root: &Path, diags: &mut Diagnostics) -> Vec<SourceFile> {
    // Reading and checking the text is most of loading's work, and each file stands alone:
    // read them on every core, keeping the walk's order.
    let read: Vec<Result<SourceFile, Diagnostic>> = list(root, diags)
        .into_par_iter()
        .map(|(rel, path)| read(rel, &path))
        .collect();
    let mut files = Vec::with_capacity(read.len());
    for file in read {
        match file {
            Ok(file) => files.push(file),
            Err(d) => diags.push(d),
        }
    }
    files
}

/// One file under the content folder's `images/` folder: its bytes, or why they could not be
/// read. A problem is reported only where the plan uses the file, so a stray file there (an
/// editor's backup, a design file) stops nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageFile {
    /// Path relative to the content folder, with `/` separators (`images/map.png`).
    pub rel: String,
    /// Path to show in messages.
    pub display: PathBuf,
    /// The file's bytes, or why they could not be read.
    pub bytes: Result<std::sync::Arc<[u8]>, Diagnostic>,
}

/// The largest image file read at all.
pub const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;

/// The folder of a content folder that images are read from.
pub const IMAGES_FOLDER: &str = "images";

/// Reads every file under `root/images/`, sorted by path; hidden files and folders are left
/// out. A link is followed only to a file inside the content folder; a file larger than
/// [`MAX_IMAGE_BYTES`] is not read. No folder, no images.
pub fn read_images(root: &Path) -> Vec<ImageFile> {
    let folder = root.join(IMAGES_FOLDER);
    if !folder.is_dir() {
        return Vec::new();
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut found = Vec::new();
    let walker = walkdir::WalkDir::new(&folder)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker.flatten() {
        let path = entry.path();
        if entry.file_type().is_dir() {
            continue;
        }
        let Ok(within) = path.strip_prefix(root) else {
            continue;
        };
        let rel = within
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {
                    read_image(path)
                }
                Ok(target) => Err(Diagnostic::new(
                    path,
                    0,
                    0,
                    format!(
                        "this link points outside the content folder or not to a file (to {})",
                        target.display()
                    ),
                )
                .with_hint("copy the image into the content folder's images/ folder instead of linking to it")),
                Err(e) => Err(Diagnostic::new(path, 0, 0, format!("this link cannot be followed: {e}"))),
            }
        } else if entry.file_type().is_file() {
            read_image(path)
        } else {
            Err(Diagnostic::new(path, 0, 0, "this is not a regular file"))
        };
        found.push(ImageFile {
            rel,
            display: path.to_path_buf(),
            bytes,
        });
    }
    found
}

/// Reads one image file, refusing one too large before reading it.
fn read_image(path: &Path) -> Result<std::sync::Arc<[u8]>, Diagnostic> {
    use std::io::Read;
    let limit = MAX_IMAGE_BYTES;
    let too_large = || {
        Diagnostic::new(
            path,
            0,
            0,
            format!(
                "the image is larger than {} MB, too large to publish",
                limit / 1024 / 1024
            ),
        )
        .with_hint("save it smaller: a picture for the web is rarely more than 500 KB")
    };
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(Diagnostic::new(path, 0, 0, "this is not a regular file"));
    }
    if meta.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes.into())
}

/// Reads one file that [`list`] found.
pub fn read(rel: String, path: &Path) -> Result<SourceFile, Diagnostic> {
    SourceFile::from_vec(rel, path, read_file(path)?)
}

/// The `.md` files under `root` that [`read_dir`] reads, as (relative path with `/`
/// separators, path), in its order. Problems with the folder itself are collected.
pub fn list(root: &Path, diags: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let canonical_root = match root.canonicalize() {
        Ok(p) => p,
        Err(e) => {
            diags.push(Diagnostic::new(
                root,
                0,
                0,
                format!("cannot read the content folder: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut to_read: Vec<(String, PathBuf)> = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                diags.push(Diagnostic::new(&path, 0, 0, format!("cannot read: {e}")));
                continue;
            }
        };
        let path = entry.path();
        let is_link = entry.path_is_symlink();
        if is_link {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {}
                Ok(target) => {
                    diags.push(
                        Diagnostic::new(
                            path,
                            0,
                            0,
                            format!(
                                "this link points outside the content folder (to {})",
                                target.display()
                            ),
                        )
                        .with_hint(
                            "copy the file into the content folder instead of linking to it",
                        ),
                    );
                    continue;
                }
                Err(e) => {
                    diags.push(Diagnostic::new(
                        path,
                        0,
                        0,
                        format!("this link cannot be followed: {e}"),
                    ));
                    continue;
                }
            }
            if path.is_dir() {
                diags.push(
                    Diagnostic::new(path, 0, 0, "links to folders are not followed")
                        .with_hint("move the folder into place instead of linking to it"),
                );
                continue;
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let rel = match path.strip_prefix(root) {
            Ok(r) => r
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => continue,
        };
        to_read.push((rel, path.to_path_buf()));
    }
    to_read
}

/// Reads the one file at `path` (under `root`) as [`read_dir`] would, for a rebuild after an
/// edit. `None` when the path is not a plain file that [`read_dir`] would read as it stands
/// (it is missing, a folder, a link, hidden, not Markdown, or outside `root`): the caller then
/// reads the whole folder again.
pub fn read_one(root: &Path, path: &Path) -> Option<Result<SourceFile, Diagnostic>> {
    let within = path.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in within.components() {
        let std::path::Component::Normal(name) = c else {
            return None;
        };
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            return None;
        }
        parts.push(name);
    }
    if parts.is_empty() || path.extension().and_then(|e| e.to_str()) != Some("md") {
        return None;
    }
    if !std::fs::symlink_metadata(path).ok()?.file_type().is_file() {
        return None;
    }
    let display = root.join(within);
    Some(
        read_file(&display)
            .and_then(|bytes| SourceFile::from_vec(parts.join("/"), &display, bytes)),
    )
}

/// Reads a file of at most [`MAX_FILE_BYTES`]. The size is checked before reading, so a huge
/// file costs nothing; reading stops at the limit as well, in case the file grows meanwhile.
fn read_file(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let too_large = || {
        Diagnostic::new(
            path,
            0,
            0,
            format!(
                "the file is larger than {} MiB, too large to be a content file",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        )
        .with_hint("split it into several pages, or move data out of the content folder")
    };
    // Looked at before opening: opening a named pipe would wait for a writer forever.
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(Diagnostic::new(path, 0, 0, "this is not a regular file")
            .with_hint("content files are ordinary Markdown files"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot open: {e}")))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_are_normalised() {
        let f = SourceFile::new(
            "a.md",
            "content/a.md",
            "\u{feff}---\r\ntitle: A\r\n---\r\nBody\r\n",
        );
        assert_eq!(f.text, "---\ntitle: A\n---\nBody\n");
    }

    #[test]
    fn control_characters_are_refused_at_their_place_but_tabs_are_text() {
        let err =
            SourceFile::from_bytes("a.md", "content/a.md", b"---\r\ntitle: a\x1bb\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 9));
        assert!(err.message.contains("U+001B"), "{}", err.message);
        assert!(SourceFile::from_bytes("a.md", "a.md", b"---\ntitle: a\tb\n---\n").is_ok());
        let err = SourceFile::from_bytes("a.md", "a.md", "\u{feff}\u{feff}x\u{9f}".as_bytes())
            .unwrap_err();
        assert_eq!((err.line, err.column), (1, 2), "BOMs are dropped first");
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_characters_is_control_refuses() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let text = format!("ab\u{e9}{c}z\u{2028}");
            let expected = text.char_indices().find(|(_, c)| is_control(*c));
            assert_eq!(first_control(&text), expected, "U+{:04X}", c as u32);
        }
        assert_eq!(first_control("plain\ttext\n"), None);
        // Around the edges of the blocks scanned whole, with a two-byte control character
        // split across two blocks.
        for at in 0..200 {
            for c in ['\u{85}', '\u{1b}', '\u{a3}', '\u{7f}'] {
                let text = format!("{}{c}{}", "x".repeat(at), "é\n".repeat(40));
                let expected = text.char_indices().find(|(_, c)| is_control(*c));
                assert_eq!(first_control(&text), expected, "{c:?} at {at}");
            }
        }
        assert_eq!(first_control("\u{85}"), Some((0, '\u{85}')));
    }

    #[test]
    fn invalid_utf8_names_the_line_and_offset() {
        let err =
            SourceFile::from_bytes("a.md", "content/a.md", b"---\ntitle: \xff\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 8));
        assert!(err.message.contains("offset 11"), "{}", err.message);
    }
}
