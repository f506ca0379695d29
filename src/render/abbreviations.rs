//! Linking the first use of each glossary abbreviation on a page to its glossary entry
//! (WCAG 3.1.4 Abbreviations), driven by the glossary content rather than a hand-kept list.
//!
//! Works on a page's finished HTML, only inside `<main>`, only in text (never in attributes,
//! links, headings or code), so it applies equally to Markdown bodies and to text the templates
//! print, such as commitments.

use super::escape;

/// The plan's abbreviations, longest first so "HMICFRS" is tried before any shorter one.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    abbreviation: String,
    expansion: String,
    anchor: String,
}

impl Abbreviations {
    /// Builds the list from the glossary: (abbreviation, expansion, glossary anchor id).
    pub fn new<'a>(items: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut entries: Vec<Entry> = items
            .into_iter()
            .filter(|(a, _, _)| !a.is_empty())
            .map(|(a, e, id)| Entry { abbreviation: a.to_string(), expansion: e.to_string(), anchor: id.to_string() })
            .collect();
        entries.sort_by(|a, b| b.abbreviation.len().cmp(&a.abbreviation.len()).then(a.abbreviation.cmp(&b.abbreviation)));
        Abbreviations { entries }
    }

    /// Links the first use of each abbreviation inside `<main>` to `glossary_href#anchor`.
    pub fn link_first_uses(&self, html: &str, glossary_href: &str) -> String {
        if self.entries.is_empty() {
            return html.to_string();
        }
        let (Some(start), Some(end)) = (html.find("<main"), html.rfind("</main>")) else {
            return html.to_string();
        };
        let mut done = vec![false; self.entries.len()];
        let mut out = String::with_capacity(html.len() + 512);
        out.push_str(&html[..start]);
        let main = &html[start..end];
        // Depth of elements whose text must not be touched.
        let mut skip_depth = 0usize;
        let mut rest = main;
        while !rest.is_empty() {
            if let Some(tag_start) = rest.strip_prefix('<').map(|_| 0) {
                let tag_end = tag_end(rest).unwrap_or(rest.len() - 1);
                let tag = &rest[tag_start..=tag_end];
                let name = tag_name(tag);
                if SKIPPED.contains(&name.as_str()) {
                    if tag.starts_with("</") {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if !tag.ends_with("/>") {
                        skip_depth += 1;
                    }
                }
                out.push_str(tag);
                rest = &rest[tag_end + 1..];
                continue;
            }
            let text_end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..text_end];
            if skip_depth == 0 {
                out.push_str(&self.link_text(text, glossary_href, &mut done));
            } else {
                out.push_str(text);
            }
            rest = &rest[text_end..];
        }
        out.push_str(&html[end..]);
        out
    }

    /// Links the earliest pending abbreviation in `text`, then carries on after it.
    fn link_text(&self, text: &str, href: &str, done: &mut [bool]) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        loop {
            let best = self
                .entries
                .iter()
                .enumerate()
                .filter(|(i, _)| !done[*i])
                .filter_map(|(i, e)| find_word(rest, &e.abbreviation).map(|p| (p, i)))
                .min();
            let Some((pos, i)) = best else {
                out.push_str(rest);
                return out;
            };
            let e = &self.entries[i];
            out.push_str(&rest[..pos]);
            out.push_str(&format!(
                "<a class=\"glossary-link\" href=\"{href}#{}\"><abbr title=\"{}\">{}</abbr></a>",
                escape(&e.anchor),
                escape(&e.expansion),
                escape(&e.abbreviation)
            ));
            rest = &rest[pos + e.abbreviation.len()..];
            done[i] = true;
        }
    }
}

/// Elements whose text is left alone.
const SKIPPED: &[&str] = &["a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "dt", "caption", "th", "svg", "title"];

fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return Some(i),
            None => {}
        }
    }
    None
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<').trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

/// The byte position of `word` standing alone (a plural "s" may follow), if any.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let pos = from + i;
        let before = text[..pos].chars().next_back();
        let mut after = text[pos + word.len()..].chars();
        let next = match after.next() {
            Some('s') => after.next(),
            c => c,
        };
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_' && c != '&');
        if boundary(before) && boundary(next) {
            return Some(pos);
        }
        from = pos + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbr() -> Abbreviations {
        Abbreviations::new([("SOC", "Serious and organised crime", "soc"), ("KSI", "Killed or seriously injured", "ksi")])
    }

    #[test]
    fn only_the_first_use_in_main_text_is_linked() {
        let html = "<title>SOC</title><main id=\"m\"><h1>SOC</h1><p>About SOC and SOC again; KSIs too.</p><p>SOC</p></main><footer>SOC</footer>";
        let out = abbr().link_first_uses(html, "../glossary/index.html");
        assert_eq!(out.matches("glossary-link").count(), 2, "{out}");
        assert!(out.contains("<p>About <a class=\"glossary-link\" href=\"../glossary/index.html#soc\"><abbr title=\"Serious and organised crime\">SOC</abbr></a> and SOC again"), "{out}");
        assert!(out.contains("<abbr title=\"Killed or seriously injured\">KSI</abbr></a>s too"), "{out}");
        assert!(out.starts_with("<title>SOC</title><main id=\"m\"><h1>SOC</h1>"), "{out}");
        assert!(out.ends_with("<footer>SOC</footer>"), "{out}");
    }

    #[test]
    fn words_containing_an_abbreviation_and_attributes_are_left_alone() {
        let html = "<main><p aria-label=\"SOC\">SOCIAL SOCKS <a href=\"#\">SOC</a> <code>SOC</code></p></main>";
        assert_eq!(abbr().link_first_uses(html, "g"), html);
    }
}
