//! From a request target to a file inside the output folder, and never one outside it.
//!
//! Two independent defences. First, the target is checked as text: it must be an origin-form
//! path (`/a/b/`), each segment is percent-decoded exactly once, and a segment that is empty,
//! `.` or `..`, or that decodes to a `/`, `\`, `:`, NUL or other control character, is refused
//! with 400. So `/../x`, `/%2e%2e/x`, `/..%2fx`, `/\..\x` and `/%00` never reach the file
//! system, and a double-encoded `/%252e%252e/` is just a file named `%2e%2e`, which does not
//! exist. Second, the path that remains is resolved by the file system (following symbolic
//! links) and must still lie inside the output folder, so a link pointing out is refused too.

use std::path::{Path, PathBuf};

/// The first segment of the preview's own addresses (the live-reload script and events).
/// Nothing in a built site can be served from there.
pub const RESERVED: &str = "__planpress";

/// A request target that passed the textual checks.
#[derive(Debug, PartialEq, Eq)]
pub struct Target {
    /// Decoded path segments (`["glossary", "index.html"]`).
    segments: Vec<String>,
    /// Whether the path ends with `/`.
    trailing_slash: bool,
    /// The path as sent, still encoded (`/glossary`), for redirects.
    raw_path: String,
    /// The query string as sent, if any.
    query: Option<String>,
}

impl Target {
    /// Checks a request target; `Err` holds the status to answer with (400 or 404).
    pub fn parse(raw: &str) -> Result<Target, u16> {
        // Origin form only: absolute form (`http://host/x`), authority form and `*` are for
        // proxies and `OPTIONS`, which this is not.
        if !raw.starts_with('/') || !raw.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(400);
        }
        let (raw_path, query) = match raw.split_once('?') {
            Some((path, query)) => (path, Some(query.to_string())),
            None => (raw, None),
        };
        if raw_path.contains('#') {
            return Err(400);
        }
        let inner = &raw_path[1..];
        let trailing_slash = inner.is_empty() || inner.ends_with('/');
        let inner = inner.strip_suffix('/').unwrap_or(inner);
        let mut segments = Vec::new();
        if !inner.is_empty() {
            for raw_segment in inner.split('/') {
                segments.push(decode_segment(raw_segment)?);
            }
        }
        Ok(Target {
            segments,
            trailing_slash,
            raw_path: raw_path.to_string(),
            query,
        })
    }

    /// For the preview's own addresses, the rest of the path (`reload.js`).
    pub fn reserved(&self) -> Option<String> {
        match self.segments.split_first() {
            Some((first, rest)) if first == RESERVED => Some(rest.join("/")),
            _ => None,
        }
    }
}

/// Percent-decodes one segment and refuses anything that could change where it points.
fn decode_segment(raw: &str) -> Result<String, u16> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(400u16)?;
            let hex = std::str::from_utf8(hex).map_err(|_| 400u16)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| 400u16)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let segment = String::from_utf8(out).map_err(|_| 400u16)?;
    if segment.is_empty()
        || segment == "."
        || segment == ".."
        || segment
            .chars()
            .any(|c| c == '/' || c == '\\' || c == ':' || c.is_control())
    {
        return Err(400);
    }
    Ok(segment)
}

/// What a target names in the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A file to send.
    File(PathBuf),
    /// A folder asked for without its trailing slash: where to send the browser, so relative
    /// links in its `index.html` resolve.
    Redirect(String),
    /// Nothing that may be served.
    Nothing,
}

/// Finds what `target` names under `root` (which must be canonical).
///
/// Hidden files (a segment starting with `.`, such as the output marker) are never served; a
/// folder is served only through its `index.html`, never listed.
pub fn resolve(root: &Path, target: &Target) -> Found {
    if target.segments.iter().any(|s| s.starts_with('.')) {
        return Found::Nothing;
    }
    let mut path = root.to_path_buf();
    path.extend(&target.segments);
    let Some(real) = inside(root, &path) else {
        return Found::Nothing;
    };
    if real.is_dir() {
        if !target.trailing_slash {
            let mut location = format!("{}/", target.raw_path);
            if let Some(query) = &target.query {
                location.push('?');
                location.push_str(query);
            }
            return Found::Redirect(location);
        }
        return match inside(root, &real.join("index.html")) {
            Some(index) if index.is_file() => Found::File(index),
            _ => Found::Nothing,
        };
    }
    if real.is_file() && !target.trailing_slash {
        Found::File(real)
    } else {
        Found::Nothing
    }
}

/// The real path of `path`, if it exists and lies inside `root` once links are followed.
fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    let real = path.canonicalize().ok()?;
    real.starts_with(root).then_some(real)
}

/// The `Content-Type` for a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "epub" => "application/epub+zip",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_in_any_encoding_is_refused_before_the_file_system() {
        for bad in [
            "/../Cargo.toml",
            "/a/../../b",
            "/./a",
            "/%2e%2e/x",
            "/%2E%2E/x",
            "/..%2f..%2fetc/passwd",
            "/a%2fb",
            "/\\..\\x",
            "/%5c..%5cx",
            "/%00",
            "/index.html%00.txt",
            "/a%0d%0aSet-Cookie:x",
            "//etc/passwd",
            "/a//b",
            "/c:/windows",
            "/%zz",
            "/%2",
            "/%ff",
            "http://127.0.0.1/../x",
            "*",
            "/a#b",
        ] {
            assert_eq!(Target::parse(bad), Err(400), "{bad}");
        }
    }

    #[test]
    fn ordinary_targets_decode_once() {
        let t = Target::parse("/glossary/?q=1").unwrap();
        assert_eq!(t.segments, ["glossary"]);
        assert!(t.trailing_slash);
        assert_eq!(t.query.as_deref(), Some("q=1"));
        let t = Target::parse("/%252e%252e/x").unwrap();
        assert_eq!(t.segments, ["%2e%2e", "x"]);
        let t = Target::parse("/").unwrap();
        assert!(t.segments.is_empty() && t.trailing_slash);
        assert_eq!(
            Target::parse("/__planpress/reload.js").unwrap().reserved(),
            Some("reload.js".to_string())
        );
        assert_eq!(Target::parse("/static/a.css").unwrap().reserved(), None);
    }

    #[test]
    fn files_folders_links_and_hidden_files() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::create_dir_all(root.join("empty")).unwrap();
        std::fs::write(root.join("a/index.html"), "a").unwrap();
        std::fs::write(root.join(".marker"), "m").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        let root = root.canonicalize().unwrap();
        let find = |t: &str| resolve(&root, &Target::parse(t).unwrap());

        assert_eq!(find("/a/"), Found::File(root.join("a/index.html")));
        assert_eq!(find("/a?x=1"), Found::Redirect("/a/?x=1".into()));
        assert_eq!(
            find("/a/index.html"),
            Found::File(root.join("a/index.html"))
        );
        assert_eq!(find("/a/index.html/"), Found::Nothing);
        assert_eq!(find("/empty/"), Found::Nothing);
        assert_eq!(find("/.marker"), Found::Nothing);
        assert_eq!(find("/missing"), Found::Nothing);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("leak.txt"))
                .unwrap();
            std::os::unix::fs::symlink(tmp.path(), root.join("up")).unwrap();
            assert_eq!(find("/leak.txt"), Found::Nothing);
            assert_eq!(find("/up/secret.txt"), Found::Nothing);
            assert_eq!(find("/up/"), Found::Nothing);
        }
    }

    #[test]
    fn types_follow_the_extension() {
        assert_eq!(
            content_type(Path::new("a/INDEX.HTML")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("f.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("plan.pdf")), "application/pdf");
        assert_eq!(content_type(Path::new("plan.epub")), "application/epub+zip");
        assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
    }
}
