//! The website's look: Tera templates and static files.
//!
//! The default theme is compiled into the binary, so `planpress` works from any folder. A
//! theme folder (`themes/<name>/templates/*.html`, `themes/<name>/static/**`) overrides any of
//! those files by name; the repository's `themes/default` is the same theme, so edits to it
//! show up without recompiling.

use std::path::Path;

use anyhow::{bail, Context, Result};
use tera::Tera;

macro_rules! embedded_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, by name.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded_templates!(
    "base.html",
    "site-header.html",
    "site-footer.html",
    "macros.html",
    "home.html",
    "aim.html",
    "priority.html",
    "glossary.html",
    "performance.html",
    "statement.html",
    "national-priorities.html",
    "delivery.html",
    "page.html",
    "accessibility.html",
    "404.html",
);

/// The default theme's static files, by path under `static/`.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[(
    "style.css",
    include_bytes!("../themes/default/static/style.css"),
)];

/// The largest file a theme folder may hold; a web font is a few hundred kilobytes.
pub const MAX_THEME_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Templates ready to render, and the static files to copy.
pub struct Theme {
    /// The compiled templates.
    pub tera: Tera,
    /// Static files: path under `static/` and bytes, sorted by path.
    pub statics: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// Loads theme `name` from `themes_dir/<name>` over the built-in default.
    pub fn load(themes_dir: &Path, name: &str) -> Result<Theme> {
        let dir = themes_dir.join(name);
        if !crate::plan::valid_id(name) {
            bail!("\"{name}\" is not a theme name: use lower-case letters, digits and hyphens");
        }
        if name != "default" && !dir.is_dir() {
            bail!(
                "the theme \"{name}\" was not found: there is no folder {}",
                dir.display()
            );
        }
        let mut templates: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let mut statics: Vec<(String, Vec<u8>)> = DEFAULT_STATIC
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        if dir.is_dir() {
            let root = dir.canonicalize()?;
            for (sub, is_template) in [("templates", true), ("static", false)] {
                let base = dir.join(sub);
                if !base.is_dir() {
                    continue;
                }
                for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
                    let entry = entry?;
                    if entry.file_type().is_dir() {
                        continue;
                    }
                    let real = entry.path().canonicalize().with_context(|| {
                        format!("cannot follow {} to a file", entry.path().display())
                    })?;
                    if !real.starts_with(&root) {
                        bail!(
                            "{} points outside the theme folder; copy the file in instead",
                            entry.path().display()
                        );
                    }
                    let size = std::fs::metadata(&real)
                        .with_context(|| format!("cannot read {}", entry.path().display()))?
                        .len();
                    if size > MAX_THEME_FILE_BYTES {
                        bail!(
                            "{} is larger than {} MiB, too large for a theme file",
                            entry.path().display(),
                            MAX_THEME_FILE_BYTES / 1024 / 1024
                        );
                    }
                    let rel = entry
                        .path()
                        .strip_prefix(&base)?
                        .to_string_lossy()
                        .replace('\\', "/");
                    if is_template {
                        if !rel.ends_with(".html") {
                            continue;
                        }
                        let text = std::fs::read_to_string(entry.path())
                            .with_context(|| format!("cannot read {}", entry.path().display()))?;
                        upsert(&mut templates, rel, text);
                    } else {
                        let bytes = std::fs::read(entry.path())
                            .with_context(|| format!("cannot read {}", entry.path().display()))?;
                        upsert(&mut statics, rel, bytes);
                    }
                }
            }
        }
        statics.sort_by(|a, b| a.0.cmp(&b.0));
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        compile_into(&mut tera, &templates)
            .map_err(|e| anyhow::anyhow!("the theme's templates have an error: {}", chain(&e)))?;
        Ok(Theme { tera, statics })
    }
}

/// Escapes what matters in HTML text and double-quoted attributes. (Tera's own escaper also
/// rewrites `/` and `'`, which makes every path in the output harder to read and diff.)
///
/// Every page calls this for each value it prints, and most values have nothing to escape, so
/// it looks for the next character to escape with `memchr`'s vectorised searches and copies
/// the plain text before it whole (the four characters are ASCII, so bytes will do).
fn escape_html(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut plain = 0;
    while let Some(at) = next_to_escape(&bytes[plain..]) {
        let i = plain + at;
        out.push_str(&text[plain..i]);
        out.push_str(match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
    out
}

/// Where the first of `&`, `<`, `>` and `"` is in `bytes`. `memchr` looks for at most three
/// bytes at once, so the quote is searched for first and the other three only before it.
fn next_to_escape(bytes: &[u8]) -> Option<usize> {
    let quote = memchr::memchr(b'"', bytes);
    let before = &bytes[..quote.unwrap_or(bytes.len())];
    memchr::memchr3(b'&', b'<', b'>', before).or(quote)
}

/// Parses `templates` into `tera`, as [`Tera::add_raw_templates`] does (and with the same
/// error for the first template in the list that has one), but on every core: parsing is the
/// slow part of loading a theme, and each template parses on its own. The templates are then
/// linked (inheritance, macro imports) as usual.
fn compile_into(tera: &mut Tera, templates: &[(String, String)]) -> tera::Result<()> {
    use rayon::prelude::*;
    let parsed: Vec<tera::Result<tera::Template>> = templates
        .par_iter()
        .map(|(name, text)| {
            tera::Template::new(name, None, text)
                .map_err(|e| tera::Error::chain(format!("Failed to parse '{name}'"), e))
        })
        .collect();
    for template in parsed {
        let template = template?;
        tera.templates.insert(template.name.clone(), template);
    }
    tera.build_inheritance_chains()?;
    tera.check_macro_files()
}

fn upsert<T>(list: &mut Vec<(String, T)>, key: String, value: T) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => list.push((key, value)),
    }
}

/// A Tera error with its causes, on one line.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_compiled_on_every_core_render_and_fail_as_tera_alone_would() {
        let templates: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let mut ours = Tera::default();
        compile_into(&mut ours, &templates).unwrap();
        let mut theirs = Tera::default();
        theirs.add_raw_templates(templates.clone()).unwrap();
        let names = |t: &Tera| {
            let mut n: Vec<String> = t.get_template_names().map(str::to_string).collect();
            n.sort();
            n
        };
        assert_eq!(names(&ours), names(&theirs));
        for name in names(&theirs) {
            let (a, b) = (&ours.templates[&name], &theirs.templates[&name]);
            assert_eq!(a.parents, b.parents, "{name}");
            assert_eq!(a.ast, b.ast, "{name}");
        }

        // The first broken template in the list is the one named, whichever parses first.
        let mut broken = templates;
        broken[3].1.push_str("{% if %}");
        broken[7].1.push_str("{{ ");
        let first = format!("Failed to parse '{}'", broken[3].0);
        let ours = compile_into(&mut Tera::default(), &broken).unwrap_err();
        let theirs = Tera::default().add_raw_templates(broken).unwrap_err();
        assert_eq!(chain(&ours), chain(&theirs));
        assert!(chain(&ours).starts_with(&first), "{}", chain(&ours));

        // A child whose parent is missing is refused when the templates are linked.
        let orphan = vec![(
            "child.html".to_string(),
            "{% extends \"nowhere.html\" %}".to_string(),
        )];
        let ours = compile_into(&mut Tera::default(), &orphan).unwrap_err();
        let theirs = Tera::default().add_raw_templates(orphan).unwrap_err();
        assert_eq!(chain(&ours), chain(&theirs));
    }

    #[test]
    fn escaping_changes_only_the_four_characters_that_matter() {
        assert_eq!(
            escape_html("Fish & <chips> \"to go\" – 'now' /a/"),
            "Fish &amp; &lt;chips&gt; &quot;to go&quot; – 'now' /a/"
        );
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("é&é"), "é&amp;é");
        assert_eq!(escape_html("\"&<>"), "&quot;&amp;&lt;&gt;");
        assert_eq!(escape_html("a\"b<c"), "a&quot;b&lt;c");
    }

    /// The vectorised search finds exactly what a byte-by-byte escaper would.
    #[test]
    fn escaping_agrees_with_escaping_one_character_at_a_time() {
        let by_char = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    c => out.push(c),
                }
            }
            out
        };
        let alphabet = ['a', '&', '<', '>', '"', 'é', ' ', '/', '\''];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for len in 0..200 {
            for _ in 0..20 {
                let text: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect();
                assert_eq!(escape_html(&text), by_char(&text), "{text:?}");
            }
        }
    }
}
