//! The website's look: Tera templates and static files.
//!
//! The default theme is compiled into the binary, so `planpress` works from any folder. A
//! theme folder (`themes/<name>/templates/*.html`, `themes/<name>/static/**`) overrides any of
//! those files by name; the repository's `themes/default` is the same theme, so edits to it
//! show up without recompiling.

use std::path::Path;

use anyhow::{bail, Context, Result};
use tera::Tera;

use crate::diagnostics::chain;

pub mod words;

pub use words::Words;

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
    "reports.html",
    "report.html",
    "national-priorities.html",
    "delivery.html",
    "page.html",
    "accessibility.html",
    "listen.html",
    "other-formats.html",
    "about-this-plan.html",
    "404.html",
    "revision.html",
    "search.html",
);

/// The default theme's static files, by path under `static/`.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "search.js",
        include_bytes!("../themes/default/static/search.js"),
    ),
    (
        "style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        LANGUAGES_CSS,
        include_bytes!("../themes/default/static/languages.css"),
    ),
];

/// The style sheet only a plan in more than one language uses (its language links), written
/// only for such a plan so that a plan in one language gets the files it always had.
pub const LANGUAGES_CSS: &str = "languages.css";

/// The largest file a theme folder may hold; a web font is a few hundred kilobytes.
pub const MAX_THEME_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Templates ready to render, and the static files to copy.
pub struct Theme {
    /// The compiled templates, their words (`t()`, `date_words`) in [`Theme::language`].
    pub tera: Tera,
    /// Static files: path under `static/` and bytes, sorted by path.
    pub statics: Vec<(String, Vec<u8>)>,
    /// Every word the templates write, per language (`i18n/<language>.ftl`).
    pub words: std::sync::Arc<Words>,
    /// The language the templates write in.
    pub language: String,
}

impl Theme {
    /// The same theme writing in `language` (the templates are shared, not compiled again).
    pub fn in_language(&self, language: &str) -> Theme {
        let mut tera = self.tera.clone();
        register_words(&mut tera, &self.words, language);
        Theme {
            tera,
            statics: self.statics.clone(),
            words: self.words.clone(),
            language: language.to_string(),
        }
    }

    /// The theme's words for `key` in its language, with no arguments.
    pub fn word(&self, key: &str) -> String {
        self.words.word(&self.language, key)
    }

    /// A date (`YYYY-MM-DD`) in words in the theme's language.
    pub fn date(&self, iso: &str) -> String {
        self.words.date(&self.language, iso)
    }
}

/// Gives the templates `t()` and `date_words` in `language`.
fn register_words(tera: &mut Tera, words: &std::sync::Arc<Words>, language: &str) {
    tera.register_function(
        "t",
        words::Translate {
            words: words.clone(),
            language: language.to_string(),
        },
    );
    tera.register_filter(
        "date_words",
        words::DateWords {
            words: words.clone(),
            language: language.to_string(),
        },
    );
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
        let mut tables = Words::default_tables();
        let mut statics: Vec<(String, Vec<u8>)> = DEFAULT_STATIC
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        if dir.is_dir() {
            let root = dir.canonicalize()?;
            let i18n = dir.join("i18n");
            if i18n.is_dir() {
                for entry in walkdir::WalkDir::new(&i18n)
                    .max_depth(1)
                    .sort_by_file_name()
                {
                    let entry = entry?;
                    let name = entry.file_name().to_string_lossy().to_string();
                    let Some(language) = name.strip_suffix(".ftl") else {
                        continue;
                    };
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let text = std::fs::read_to_string(entry.path())
                        .with_context(|| format!("cannot read {}", entry.path().display()))?;
                    upsert(&mut tables, language.to_string(), text);
                }
            }
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
        for (name, text) in &templates {
            if let Some(line) = too_deep(text) {
                bail!(
                    "{}:{line}: the template nests more than {MAX_TEMPLATE_NESTING} levels deep \
                     here (blocks such as {{% if %}} and {{% for %}} inside one another, or \
                     brackets inside one tag); planpress refuses it rather than risk running \
                     out of stack. Flatten it: end blocks sooner, or give intermediate values \
                     names with {{% set %}}",
                    dir.join("templates").join(name).display()
                );
            }
        }
        let words = std::sync::Arc::new(Words::new(&tables)?);
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        register_words(&mut tera, &words, words::DEFAULT_LANGUAGE);
        compile_into(&mut tera, &templates)
            .map_err(|e| anyhow::anyhow!("the theme's templates have an error: {}", chain(&e)))?;
        Ok(Theme {
            tera,
            statics,
            words,
            language: words::DEFAULT_LANGUAGE.to_string(),
        })
    }
}

/// How deeply a template may nest: blocks (`{% if %}`, `{% for %}`, `{% block %}`,
/// `{% macro %}`, `{% filter %}`) inside one another, plus brackets inside one tag. Tera's
/// parser and renderer go one level deeper on the stack for each, and a few hundred levels
/// overflow it, which ends the process; real templates nest fewer than ten.
pub const MAX_TEMPLATE_NESTING: usize = 32;

/// The 1-based line on which `template` first nests deeper than [`MAX_TEMPLATE_NESTING`], or
/// `None`. This reads only the shape Tera gives a template: text, `{# comments #}`,
/// `{% raw %}` sections (which Tera does not parse) and tags, and inside a tag, quoted strings
/// (whose brackets are text) and brackets.
fn too_deep(template: &str) -> Option<usize> {
    let bytes = template.as_bytes();
    let line_of = |at: usize| 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count();
    let mut blocks = 0usize;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'{', &bytes[at..]) {
        let start = at + found;
        let close = match bytes.get(start + 1) {
            Some(b'#') => {
                at = find(bytes, start + 2, b"#}").map_or(bytes.len(), |end| end + 2);
                continue;
            }
            Some(b'{') => b'}',
            Some(b'%') => b'%',
            _ => {
                at = start + 1;
                continue;
            }
        };
        let tag = read_tag(bytes, start + 2, close);
        let keyword = if close == b'%' { tag.keyword } else { "" };
        match keyword {
            "if" | "for" | "block" | "macro" | "filter" => blocks += 1,
            k if k.starts_with("end") => blocks = blocks.saturating_sub(1),
            _ => {}
        }
        if blocks + tag.deepest > MAX_TEMPLATE_NESTING {
            return Some(line_of(start));
        }
        at = tag.end;
        if keyword == "raw" {
            at = end_of_raw(bytes, at);
        }
    }
    None
}

/// What [`too_deep`] needs to know of one tag.
struct Tag<'a> {
    /// Where the text after the tag starts.
    end: usize,
    /// The deepest its brackets go.
    deepest: usize,
    /// Its first word (`if`, `endfor`, ...).
    keyword: &'a str,
}

/// Reads the tag whose inside starts at `from`, up to `close` followed by `}` outside a quoted
/// string (or the end of the text: Tera reports an unclosed tag itself).
fn read_tag(bytes: &[u8], from: usize, close: u8) -> Tag<'_> {
    let word_start = from
        + bytes[from..]
            .iter()
            .take_while(|b| **b == b'-' || b.is_ascii_whitespace())
            .count();
    let word_len = bytes[word_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    // The word is ASCII letters, digits and underscores, so always whole characters.
    let keyword = std::str::from_utf8(&bytes[word_start..word_start + word_len]).unwrap_or("");
    let (mut depth, mut deepest, mut quote) = (0usize, 0usize, None);
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' | b'\'' | b'`' => quote = Some(b),
                b'(' | b'[' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                b')' | b']' => depth = depth.saturating_sub(1),
                _ if b == close && bytes.get(i + 1) == Some(&b'}') => {
                    return Tag {
                        end: i + 2,
                        deepest,
                        keyword,
                    };
                }
                _ => {}
            },
        }
        i += 1;
    }
    Tag {
        end: bytes.len(),
        deepest,
        keyword,
    }
}

/// Where the text after the `{% endraw %}` that closes a raw section starting at `from` ends.
fn end_of_raw(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(start) = find(bytes, at, b"{%") {
        let tag = read_tag(bytes, start + 2, b'%');
        if tag.keyword == "endraw" {
            return tag.end;
        }
        at = start + 2;
    }
    bytes.len()
}

/// Where `needle` first occurs in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from..], needle).map(|i| from + i)
}

/// Escapes what matters in HTML text and double-quoted attributes. (Tera's own escaper also
/// rewrites `/` and `'`, which makes every path in the output harder to read and diff.)
///
/// Every page calls this for each value it prints, and most values have nothing to escape, so
/// it looks for the next character to escape with `memchr`'s vectorised searches and copies
/// the plain text before it whole (the four characters are ASCII, so bytes will do).
pub(crate) fn escape_html(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut plain = 0;
    // `memchr` looks for at most three bytes at once, so the next quote is found on its own
    // (again only once passed) and the other three are looked for only before it.
    let mut quote = memchr::memchr(b'"', bytes);
    loop {
        let end = quote.unwrap_or(bytes.len());
        let i = match memchr::memchr3(b'&', b'<', b'>', &bytes[plain..end]) {
            Some(at) => plain + at,
            None if quote.is_some() => end,
            None => break,
        };
        out.push_str(&text[plain..i]);
        out.push_str(match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        plain = i + 1;
        if quote == Some(i) {
            quote = memchr::memchr(b'"', &bytes[plain..]).map(|at| plain + at);
        }
    }
    out.push_str(&text[plain..]);
    out
}

/// Parses `templates` into `tera`, as [`Tera::add_raw_templates`] does (and with the same
/// error for the first template in the list that has one), but on every core: parsing is the
/// slow part of loading a theme, and each template parses on its own. The templates are then
/// linked (inheritance, macro imports) as usual.
fn compile_into(tera: &mut Tera, templates: &[(String, String)]) -> tera::Result<()> {
    use rayon::prelude::*;
    // The longest first, so that no long template is left for one core at the end while the
    // other has nothing to do; the results are then put back in the list's order.
    let mut order: Vec<usize> = (0..templates.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(templates[i].1.len()));
    let mut parsed: Vec<(usize, tera::Result<tera::Template>)> = order
        .par_iter()
        .map(|&i| {
            let (name, text) = &templates[i];
            let template = tera::Template::new(name, None, text)
                .map_err(|e| tera::Error::chain(format!("Failed to parse '{name}'"), e));
            (i, template)
        })
        .collect();
    parsed.sort_by_key(|(i, _)| *i);
    for (_, template) in parsed {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_across_blocks_and_brackets_and_not_in_text_strings_or_comments() {
        let opens = |n: usize| "{% if a %}\n".repeat(n);
        let ifs = |n: usize| format!("{}x{}", opens(n), "{% endif %}".repeat(n));
        assert_eq!(too_deep(&ifs(MAX_TEMPLATE_NESTING)), None);
        assert_eq!(too_deep(&ifs(MAX_TEMPLATE_NESTING + 1)), Some(33));
        // Whitespace control and every kind of block count; ends and else do not nest.
        let mixed = "{%- for x in y -%}{% block b %}{% macro m() %}{% filter upper %}{% else %}";
        assert_eq!(too_deep(&format!("{}{mixed}", opens(28))), None);
        assert_eq!(too_deep(&format!("{}{mixed}", opens(29))), Some(30));
        let siblings = "{% if a %}{% endif %}{% for x in y %}{% endfor %}".repeat(1_000);
        assert_eq!(too_deep(&siblings), None);
        // Brackets add to the blocks around them, in variable and block tags alike.
        let parens = |n: usize| format!("{}1{}", "(".repeat(n), ")".repeat(n));
        assert_eq!(too_deep(&format!("{{{{ {} }}}}", parens(32))), None);
        assert_eq!(too_deep(&format!("\n{{{{ {} }}}}", parens(33))), Some(2));
        let inside = format!("{}{{% set v = [{}] %}}", opens(30), parens(2));
        assert_eq!(too_deep(&inside), Some(31));
        // Brackets in quoted strings, in text, in comments and in raw sections are text, and
        // a `}}` or `%}` in a string does not end the tag.
        let text = "(".repeat(100);
        for template in [
            format!("{{{{ \"{text} }}}}\" ~ '{text}' ~ `{text}` }}}}"),
            format!("<p>{text}[[[[</p>"),
            format!("{{# {{{{ {text} #}}"),
            format!("{{% raw %}}{}{{{{ {text} {{%- endraw -%}}", ifs(100)),
        ] {
            assert_eq!(too_deep(&template), None, "{template}");
        }
        // After a raw section, nesting counts again.
        let after_raw = format!("{{% raw %}}{{% if %}}{{% endraw %}}{}", ifs(33));
        assert_eq!(too_deep(&after_raw), Some(33));
        // An unclosed tag or comment is left for Tera to report.
        for template in ["{{ (((", "{% if a", "{# ((((", "{% raw %}{% if %}"] {
            assert_eq!(too_deep(template), None, "{template}");
        }
    }

    #[test]
    fn nesting_is_read_from_any_text_without_panicking_and_agrees_with_a_count_of_opens() {
        // Random sequences of the pieces the reader cares about, cut anywhere: it must not
        // panic, and on texts with no quotes, comments or raw sections, its verdict must be
        // that of counting open blocks plus open brackets at each tag.
        let pieces = [
            "{% if a %}",
            "{% endif %}",
            "{{ (",
            ")",
            "[",
            "]",
            " }}",
            "{%- for x in y -%}",
            "{% endfor %}",
            "\"",
            "'",
            "{#",
            "#}",
            "{% raw %}",
            "{% endraw %}",
            "x",
            "\n",
            "é",
            "{",
            "}",
            "%}",
            "{{",
            "{%",
        ];
        let mut seed: u64 = 0x853c_49e6_748f_ea9b;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..10_000 {
            let len = next(120);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            for cut in [text.len(), text.len() / 2] {
                if let Some(prefix) = text.get(..cut) {
                    let _ = too_deep(prefix);
                }
            }
        }
        for _ in 0..5_000 {
            let simple = [
                "{% if a %}\n",
                "{% endif %}",
                "{{ ((1)) }}",
                "{{ [[[1]]] }}",
                "x",
            ];
            let chosen: Vec<&str> = (0..next(200)).map(|_| simple[next(simple.len())]).collect();
            let (mut open, mut line, mut expected) = (0usize, 1usize, None);
            for piece in &chosen {
                let at_line = line;
                match *piece {
                    "{% if a %}\n" => open += 1,
                    "{% endif %}" => open = open.saturating_sub(1),
                    _ => {}
                }
                let brackets = piece.matches(['(', '[']).count();
                if expected.is_none() && open + brackets > MAX_TEMPLATE_NESTING {
                    expected = Some(at_line);
                }
                line += piece.matches('\n').count();
            }
            assert_eq!(too_deep(&chosen.concat()), expected, "{}", chosen.concat());
        }
    }

    #[test]
    fn the_default_templates_nest_a_few_levels_well_within_the_limit() {
        // A template's depth is the fewest levels left free by blocks around it that it
        // still fits in.
        let depth = |text: &str| {
            (0..=MAX_TEMPLATE_NESTING).find(|free| {
                let around = "{% if a %}".repeat(MAX_TEMPLATE_NESTING - free);
                too_deep(&format!("{around}{text}")).is_none()
            })
        };
        let large_print = include_str!("../themes/default/templates/large-print.html");
        for (name, text) in DEFAULT_TEMPLATES
            .iter()
            .chain([&("large-print.html", large_print)])
        {
            let d = depth(text).unwrap_or_else(|| panic!("{name} is too deep"));
            assert!((1..=8).contains(&d), "{name} nests {d} deep");
        }
    }

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
        // The project's character-by-character reference escaper, with the apostrophe it also
        // escapes put back (text it escapes itself never contains "&#39;", only "&amp;#39;").
        let by_char =
            |text: &str| crate::render::escape_one_character_at_a_time(text).replace("&#39;", "'");
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
