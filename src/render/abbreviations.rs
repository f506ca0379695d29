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
            .map(|(a, e, id)| Entry {
                abbreviation: a.to_string(),
                expansion: e.to_string(),
                anchor: id.to_string(),
            })
            .collect();
        entries.sort_by(|a, b| {
            b.abbreviation
                .len()
                .cmp(&a.abbreviation.len())
                .then(a.abbreviation.cmp(&b.abbreviation))
        });
        Abbreviations { entries }
    }

    /// Links the first use of each abbreviation inside `<main>` to `glossary_href#anchor`.
    pub fn link_first_uses(&self, html: &str, glossary_href: &str) -> String {
        let mut out = String::new();
        self.link_first_uses_into(html, glossary_href, &mut out);
        out
    }

    /// Does what [`Self::link_first_uses`] does, writing the page into `out` (which it
    /// clears first), so that a caller making many pages can reuse one buffer.
    pub fn link_first_uses_into(&self, html: &str, glossary_href: &str, out: &mut String) {
        out.clear();
        if self.entries.is_empty() {
            out.push_str(html);
            return;
        }
        let (Some(start), Some(end)) = (html.find("<main"), html.rfind("</main>")) else {
            out.push_str(html);
            return;
        };
        let one_pass = self
            .entries
            .iter()
            .all(|e| e.abbreviation.chars().all(in_word));
        out.reserve(html.len() + 512);
        out.push_str(&html[..start]);
        let main = &html[start..end];
        if one_pass {
            self.link_main(main, glossary_href, out);
        } else {
            self.link_main_by_search(main, glossary_href, out);
        }
        out.push_str(&html[end..]);
    }

    /// Writes `main` to `out`, linking the first use of each abbreviation in its text.
    ///
    /// One pass: it stops only at `<` (where a tag starts) and, in text that may be linked, at
    /// the bytes a pending abbreviation starts with, where the pending abbreviations are tried
    /// longest first; the stretches between are copied whole when a link is made. That finds
    /// what searching each stretch of text for each abbreviation in turn and taking the
    /// earliest find would ([`Self::link_text_by_search`]), as long as no abbreviation holds a
    /// character that ends a word (such as "."); for those rare ones the caller searches
    /// instead.
    fn link_main(&self, main: &str, href: &str, out: &mut String) {
        let bytes = main.as_bytes();
        let mut done = vec![false; self.entries.len()];
        let mut pending = self.entries.len();
        let stops = |done: &[bool]| {
            let mut stops = first_bytes(&self.entries, done);
            stops[usize::from(b'<')] = true;
            stops
        };
        let mut stop = stops(&done);
        // Depth of elements whose text must not be touched.
        let mut skip_depth = 0usize;
        // Where to look next; how much of `main` is in `out`; where a word may start whatever
        // comes before it (the start of a stretch of text, and just after a link).
        let (mut pos, mut copied, mut fresh_start) = (0, 0, 0);
        while pending > 0 && pos < bytes.len() {
            let found = if skip_depth == 0 {
                bytes[pos..].iter().position(|&b| stop[usize::from(b)])
            } else {
                memchr::memchr(b'<', &bytes[pos..])
            };
            let Some(found) = found else { break };
            let at = pos + found;
            if bytes[at] == b'<' {
                let len = tag_end(&main[at..]).map_or(bytes.len() - at, |e| e + 1);
                let tag = &main[at..at + len];
                if is_skipped(tag_name(tag)) {
                    if tag.starts_with("</") {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if !tag.ends_with("/>") {
                        skip_depth += 1;
                    }
                }
                pos = at + len;
                fresh_start = pos;
                continue;
            }
            // A byte a pending abbreviation starts with (never inside a longer UTF-8
            // character: those bytes are never the first byte of one).
            let word_starts =
                at == fresh_start || main[..at].chars().next_back().is_none_or(|c| !in_word(c));
            let hit = word_starts
                .then(|| {
                    self.entries.iter().enumerate().find(|(i, e)| {
                        !done[*i]
                            && bytes[at..].starts_with(e.abbreviation.as_bytes())
                            && ends_word(&main[at + e.abbreviation.len()..])
                    })
                })
                .flatten();
            let Some((i, e)) = hit else {
                // On to the next character (a first byte may begin a longer one).
                pos = at + main[at..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            out.push_str(&main[copied..at]);
            push_link(out, e, href);
            done[i] = true;
            pending -= 1;
            pos = at + e.abbreviation.len();
            copied = pos;
            fresh_start = pos;
            stop = stops(&done);
        }
        out.push_str(&main[copied..]);
    }

    /// Writes `main` to `out` as [`Self::link_main`] does, searching each stretch of text for
    /// each pending abbreviation.
    fn link_main_by_search(&self, main: &str, href: &str, out: &mut String) {
        let mut done = vec![false; self.entries.len()];
        let mut pending = self.entries.len();
        // Depth of elements whose text must not be touched.
        let mut skip_depth = 0usize;
        let mut rest = main;
        while !rest.is_empty() {
            if pending == 0 {
                // Every abbreviation is linked: the rest of the page is copied as it is.
                out.push_str(rest);
                break;
            }
            if rest.starts_with('<') {
                let tag_end = tag_end(rest).unwrap_or(rest.len() - 1);
                let tag = &rest[..=tag_end];
                if is_skipped(tag_name(tag)) {
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
                let (linked, n) = self.link_text_by_search(text, href, &mut done);
                out.push_str(&linked);
                pending -= n;
            } else {
                out.push_str(text);
            }
            rest = &rest[text_end..];
        }
    }

    /// Links the earliest pending abbreviation in `text`, then carries on after it, by
    /// searching the text for each abbreviation; returns the text and how many it linked.
    fn link_text_by_search(&self, text: &str, href: &str, done: &mut [bool]) -> (String, usize) {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        let mut linked = 0;
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
                return (out, linked);
            };
            let e = &self.entries[i];
            out.push_str(&rest[..pos]);
            push_link(&mut out, e, href);
            rest = &rest[pos + e.abbreviation.len()..];
            done[i] = true;
            linked += 1;
        }
    }
}

fn push_link(out: &mut String, e: &Entry, href: &str) {
    out.push_str("<a class=\"glossary-link\" href=\"");
    out.push_str(href);
    out.push('#');
    out.push_str(&escape(&e.anchor));
    out.push_str("\"><abbr title=\"");
    out.push_str(&escape(&e.expansion));
    out.push_str("\">");
    out.push_str(&escape(&e.abbreviation));
    out.push_str("</abbr></a>");
}

/// True for characters that continue a word: an abbreviation next to one is part of a longer
/// word ("SOCIAL", "SOC-led"), not a use of the abbreviation.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_' || c == '&'
}

/// True when what follows an abbreviation ends the word, allowing a plural "s".
fn ends_word(after: &str) -> bool {
    let mut chars = after.chars();
    let next = match chars.next() {
        Some('s') => chars.next(),
        c => c,
    };
    next.is_none_or(|c| !in_word(c))
}

/// Elements whose text is left alone.
const SKIPPED: &[&str] = &[
    "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "dt",
    "caption", "th", "svg", "title",
];

fn is_skipped(name: &str) -> bool {
    // Every tag of every page comes here: lower-case the name once rather than comparing it
    // with each of the names without regard to case.
    let mut lower = [0u8; 8];
    let Some(slot) = lower.get_mut(..name.len()) else {
        return false;
    };
    slot.copy_from_slice(name.as_bytes());
    slot.make_ascii_lowercase();
    SKIPPED.iter().any(|s| s.as_bytes() == &*slot)
}

/// Which bytes the pending abbreviations start with: anywhere else none can start, so only
/// those places are looked at.
fn first_bytes(entries: &[Entry], done: &[bool]) -> [bool; 256] {
    let mut first = [false; 256];
    for (e, _) in entries.iter().zip(done).filter(|(_, d)| !**d) {
        first[usize::from(e.abbreviation.as_bytes()[0])] = true;
    }
    first
}

fn tag_end(s: &str) -> Option<usize> {
    // Quotes and `>` are ASCII, and no byte of a longer UTF-8 character is: bytes will do.
    let bytes = s.as_bytes();
    let mut from = 0;
    loop {
        let at = from + memchr::memchr3(b'>', b'"', b'\'', &bytes[from..])?;
        match bytes[at] {
            b'>' => return Some(at),
            quote => from = at + 1 + memchr::memchr(quote, &bytes[at + 1..])? + 1,
        }
    }
}

/// The element name of a tag (`<h2 id="x">` → `h2`), as written.
fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    &name[..len]
}

/// The byte position of `word` standing alone (a plural "s" may follow), if any.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let pos = from + i;
        let before = text[..pos].chars().next_back();
        if before.is_none_or(|c| !in_word(c)) && ends_word(&text[pos + word.len()..]) {
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
        Abbreviations::new([
            ("SOC", "Serious and organised crime", "soc"),
            ("KSI", "Killed or seriously injured", "ksi"),
        ])
    }

    #[test]
    fn only_the_first_use_in_main_text_is_linked() {
        let html = "<title>SOC</title><main id=\"m\"><h1>SOC</h1><p>About SOC and SOC again; KSIs too.</p><p>SOC</p></main><footer>SOC</footer>";
        let out = abbr().link_first_uses(html, "../glossary/index.html");
        assert_eq!(out.matches("glossary-link").count(), 2, "{out}");
        assert!(out.contains("<p>About <a class=\"glossary-link\" href=\"../glossary/index.html#soc\"><abbr title=\"Serious and organised crime\">SOC</abbr></a> and SOC again"), "{out}");
        assert!(
            out.contains("<abbr title=\"Killed or seriously injured\">KSI</abbr></a>s too"),
            "{out}"
        );
        assert!(
            out.starts_with("<title>SOC</title><main id=\"m\"><h1>SOC</h1>"),
            "{out}"
        );
        assert!(out.ends_with("<footer>SOC</footer>"), "{out}");
    }

    #[test]
    fn skipped_elements_are_known_whatever_their_case() {
        for name in SKIPPED {
            assert!(is_skipped(name), "{name}");
            assert!(is_skipped(&name.to_ascii_uppercase()), "{name}");
        }
        for name in [
            "",
            "p",
            "li",
            "main",
            "h7",
            "abbrx",
            "blockquote",
            "captions",
        ] {
            assert!(!is_skipped(name), "{name}");
        }
    }

    #[test]
    fn words_containing_an_abbreviation_and_attributes_are_left_alone() {
        let html = "<main><p aria-label=\"SOC\">SOCIAL SOCKS <a href=\"#\">SOC</a> <code>SOC</code></p></main>";
        assert_eq!(abbr().link_first_uses(html, "g"), html);
    }

    /// The linker as first written (one search per abbreviation per stretch of text), kept
    /// to check the one-pass version against.
    fn reference(a: &Abbreviations, html: &str, href: &str) -> String {
        let (Some(start), Some(end)) = (html.find("<main"), html.rfind("</main>")) else {
            return html.to_string();
        };
        let mut done = vec![false; a.entries.len()];
        let mut out = html[..start].to_string();
        let mut skip_depth = 0usize;
        let mut rest = &html[start..end];
        while !rest.is_empty() {
            if rest.starts_with('<') {
                let e = tag_end(rest).unwrap_or(rest.len() - 1);
                let tag = &rest[..=e];
                let name = tag_name(tag).to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) {
                    if tag.starts_with("</") {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if !tag.ends_with("/>") {
                        skip_depth += 1;
                    }
                }
                out.push_str(tag);
                rest = &rest[e + 1..];
                continue;
            }
            let text_end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..text_end];
            if skip_depth == 0 {
                out.push_str(&a.link_text_by_search(text, href, &mut done).0);
            } else {
                out.push_str(text);
            }
            rest = &rest[text_end..];
        }
        out.push_str(&html[end..]);
        out
    }

    #[test]
    fn the_one_pass_linker_agrees_with_searching_for_each_abbreviation() {
        let pieces = [
            "SOC",
            "KSI",
            "KSIs",
            "SO",
            "s",
            " ",
            "-",
            "_",
            "&",
            ".",
            ",",
            "é",
            "X",
            "<p>",
            "</p>",
            "<h2>",
            "</h2>",
            "<a href=\"SOC\">",
            "</a>",
            "<br/>",
            "SOCs",
            "ASB",
            "ASBO",
            "1",
            "(",
            ")",
            "\u{2019}",
            "-SO",
            "&",
            "ÉCO",
            "É",
            "CO",
        ];
        let sets = [
            abbr(),
            Abbreviations::new([
                ("SOC", "Serious and organised crime", "soc"),
                ("SO", "Short one", "so"),
                ("ASB", "Anti-social behaviour", "asb"),
                ("ASBO", "Anti-social behaviour order", "asbo"),
                ("KSI", "Killed or seriously injured", "ksi"),
                ("-SO", "Hyphenated", "hso"),
                ("ÉCO", "Accented", "eco"),
            ]),
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20000 {
            let mut html = String::from("<main>");
            let len = {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 30) as usize
            };
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                html.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            html.push_str("</main>");
            for a in &sets {
                assert_eq!(
                    a.link_first_uses(&html, "g"),
                    reference(a, &html, "g"),
                    "{html}"
                );
            }
        }
    }
}
