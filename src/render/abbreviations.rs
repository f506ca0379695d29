//! Linking the first use of each glossary abbreviation on a page to its glossary entry
//! (WCAG 3.1.4 Abbreviations), driven by the glossary content rather than a hand-kept list.
//!
//! Works on a page's finished HTML, only inside `<main>`, only in text (never in attributes,
//! links, headings or code), so it applies equally to Markdown bodies and to text the templates
//! print, such as commitments.

use aho_corasick::{AhoCorasick, Input, MatchKind};
use memchr::memmem;

use super::escape;

/// The plan's abbreviations, longest first so "HMICFRS" is tried before any shorter one.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    entries: Vec<Entry>,
    /// Finds every place any of them occurs in one pass over a page (pattern `i` is
    /// `entries[i]`); `None` when there are none, or in the unlikely case the searcher could
    /// not be built, when pages are searched one abbreviation at a time instead.
    searcher: Option<AhoCorasick>,
}

#[derive(Debug, Clone)]
struct Entry {
    abbreviation: String,
    /// The link's HTML after `href="…#`, escaped once here rather than at every link.
    link_end: String,
}

impl Abbreviations {
    /// Builds the list from the glossary: (abbreviation, expansion, glossary anchor id).
    pub fn new<'a>(items: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut entries: Vec<Entry> = items
            .into_iter()
            .filter(|(a, _, _)| !a.is_empty())
            .map(|(a, e, id)| Entry {
                abbreviation: a.to_string(),
                link_end: format!(
                    "{}\"><abbr title=\"{}\">{}</abbr></a>",
                    escape(id),
                    escape(e),
                    escape(a)
                ),
            })
            .collect();
        entries.sort_by(|a, b| {
            b.abbreviation
                .len()
                .cmp(&a.abbreviation.len())
                .then(a.abbreviation.cmp(&b.abbreviation))
        });
        let searcher = match entries.is_empty() {
            true => None,
            false => AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(entries.iter().map(|e| &e.abbreviation))
                .ok(),
        };
        Abbreviations { entries, searcher }
    }

    /// Links the first use of each abbreviation inside `<main>` to `glossary_href#anchor`.
    pub fn link_first_uses(&self, html: &str, glossary_href: &str) -> String {
        let mut page = html.as_bytes().to_vec();
        let places = self.places(html);
        self.insert_links(&mut page, &places, glossary_href);
        // Links are whole strings put between whole characters: the page stays UTF-8.
        String::from_utf8(page).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
    }

    /// Does what [`Self::link_first_uses`] does to the page in `html`, in place, so that a
    /// page is never held twice (the biggest pages of a large plan run to tens of
    /// megabytes). Fails, changing nothing, when `html` is not UTF-8.
    pub fn link_first_uses_in(
        &self,
        html: &mut Vec<u8>,
        glossary_href: &str,
    ) -> Result<(), std::str::Utf8Error> {
        let places = self.places(std::str::from_utf8(html)?);
        self.insert_links(html, &places, glossary_href);
        Ok(())
    }

    /// Where the first use of each abbreviation inside `<main>` is, in page order: its byte
    /// position in `html` and its index in `entries`.
    fn places(&self, html: &str) -> Vec<(usize, usize)> {
        let mut places = Vec::new();
        if self.entries.is_empty() {
            return places;
        }
        let (Some(start), Some(end)) = (
            memmem::find(html.as_bytes(), b"<main"),
            memmem::rfind(html.as_bytes(), b"</main>"),
        ) else {
            return places;
        };
        let Some(main) = html.get(start..end) else {
            // `</main>` before `<main`: no main text to link in.
            return places;
        };
        let one_pass = self
            .entries
            .iter()
            .all(|e| e.abbreviation.chars().all(in_word));
        match &self.searcher {
            Some(searcher) if one_pass => self.link_main(searcher, main, start, &mut places),
            _ => self.link_main_by_search(main, start, &mut places),
        }
        places
    }

    /// Replaces each abbreviation at `places` (from [`Self::places`]) in `html` by its link.
    /// The page grows once by what the links add, and every byte after a link moves once,
    /// from the end of the page back.
    fn insert_links(&self, html: &mut Vec<u8>, places: &[(usize, usize)], href: &str) {
        let link = |e| link_pieces(href, e);
        let growth: usize = places
            .iter()
            .map(|&(_, i)| {
                let e = &self.entries[i];
                link(e).iter().map(|p| p.len()).sum::<usize>() - e.abbreviation.len()
            })
            .sum();
        if growth == 0 {
            return;
        }
        let mut from_end = html.len();
        html.resize(from_end + growth, 0);
        let mut to_end = html.len();
        for &(at, i) in places.iter().rev() {
            let e = &self.entries[i];
            let after = at + e.abbreviation.len();
            let tail = from_end - after;
            html.copy_within(after..from_end, to_end - tail);
            to_end -= tail;
            for piece in link(e).iter().rev() {
                html[to_end - piece.len()..to_end].copy_from_slice(piece);
                to_end -= piece.len();
            }
            from_end = at;
        }
    }

    /// Finds in `main` (which starts at byte `offset` of its page) the first use of each
    /// abbreviation in its text, adding each to `places`.
    ///
    /// It goes from one place an abbreviation occurs to the next (anywhere: in text, in tags
    /// or in skipped elements), each found by `searcher`, whose vector search looks for all
    /// of them at once, so the page is read once rather than once for each abbreviation. It
    /// walks the tags before each place to know whether it is in text that may be linked; at
    /// one place the abbreviations still to link are tried longest first, and places inside
    /// a link just made are passed over. It stops once every abbreviation is linked, so the
    /// tail of a page costs nothing then. That finds what searching each stretch of text for
    /// each abbreviation in turn and taking the earliest find would
    /// ([`Self::text_places`]), as long as no abbreviation holds a character that ends
    /// a word (such as "."); for those rare ones the caller searches instead.
    fn link_main(
        &self,
        searcher: &AhoCorasick,
        main: &str,
        offset: usize,
        places: &mut Vec<(usize, usize)>,
    ) {
        let bytes = main.as_bytes();
        let mut linked = vec![false; self.entries.len()];
        let mut pending = self.entries.len();
        let mut tags = TagWalk::new(bytes);
        // Where the last link ends (where a word may start whatever comes before it, as at
        // the start of a stretch of text).
        let mut last_link_end = 0;
        // Where the search for the next place resumes: the leftmost place any abbreviation
        // starts at or after it is the next place one does.
        let mut from = 0;
        while pending > 0 {
            let Some(at) = searcher
                .find(Input::new(bytes).span(from..bytes.len()))
                .map(|m| m.start())
            else {
                break;
            };
            // After a link the search resumes at its end, so `at` is never inside one.
            from = at + 1;
            // The abbreviations still to link that start here, longest first.
            let mut here = self
                .entries
                .iter()
                .enumerate()
                .filter(|&(i, e)| !linked[i] && bytes[at..].starts_with(e.abbreviation.as_bytes()))
                .peekable();
            if here.peek().is_none() {
                continue;
            }
            tags.walk_to(at);
            // A byte an abbreviation starts with is never inside a longer UTF-8 character:
            // those bytes are never the first byte of one.
            let linkable = tags.text_from <= at
                && tags.skip_depth == 0
                && (at == tags.text_from.max(last_link_end)
                    || main[..at].chars().next_back().is_none_or(|c| !in_word(c)));
            if !linkable {
                continue;
            }
            if let Some((i, e)) = here.find(|(_, e)| ends_word(&main[at + e.abbreviation.len()..]))
            {
                places.push((offset + at, i));
                linked[i] = true;
                pending -= 1;
                last_link_end = at + e.abbreviation.len();
                from = last_link_end;
            }
        }
    }

    /// Finds what [`Self::link_main`] finds, searching each stretch of text for each pending
    /// abbreviation.
    fn link_main_by_search(&self, main: &str, offset: usize, places: &mut Vec<(usize, usize)>) {
        let mut done = vec![false; self.entries.len()];
        // Each place found is a different abbreviation's: once there are as many as there
        // are abbreviations, the rest of the page has nothing left to find.
        let all_found = places.len() + self.entries.len();
        // Depth of elements whose text must not be touched.
        let mut skip_depth = 0usize;
        let mut at = 0;
        while at < main.len() && places.len() < all_found {
            let rest = &main[at..];
            if rest.starts_with('<') {
                let (end, skipped) = scan_tag(rest.as_bytes(), 0);
                skip_depth = depth_after(skip_depth, &rest.as_bytes()[..end], skipped);
                at += end;
                continue;
            }
            let text_end = rest.find('<').unwrap_or(rest.len());
            if skip_depth == 0 {
                self.text_places(&rest[..text_end], offset + at, &mut done, places);
            }
            at += text_end;
        }
    }

    /// Finds the earliest pending abbreviation in `text` (which starts at byte `offset` of
    /// its page), then carries on after it, by searching the text for each abbreviation;
    /// adds each to `places`.
    fn text_places(
        &self,
        text: &str,
        offset: usize,
        done: &mut [bool],
        places: &mut Vec<(usize, usize)>,
    ) {
        let mut at = 0;
        loop {
            let rest = &text[at..];
            let best = self
                .entries
                .iter()
                .enumerate()
                .filter(|(i, _)| !done[*i])
                .filter_map(|(i, e)| find_word(rest, &e.abbreviation).map(|p| (p, i)))
                .min();
            let Some((pos, i)) = best else {
                return;
            };
            places.push((offset + at + pos, i));
            at += pos + self.entries[i].abbreviation.len();
            done[i] = true;
        }
    }
}

/// The pieces of the link that replaces an abbreviation, in order.
fn link_pieces<'a>(href: &'a str, e: &'a Entry) -> [&'a [u8]; 4] {
    [
        b"<a class=\"glossary-link\" href=\"",
        href.as_bytes(),
        b"#",
        e.link_end.as_bytes(),
    ]
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

/// [`SKIPPED`]'s names as numbers, a byte each from the lowest, so that a tag's name read
/// byte by byte is checked with a few comparisons.
const SKIPPED_KEYS: [u64; SKIPPED.len()] = {
    let mut keys = [0; SKIPPED.len()];
    let mut i = 0;
    while i < SKIPPED.len() {
        let name = SKIPPED[i].as_bytes();
        let mut j = 0;
        while j < name.len() {
            keys[i] |= (name[j] as u64) << (8 * j);
            j += 1;
        }
        i += 1;
    }
    keys
};

/// Whether a tag name is one of the [`SKIPPED`] elements, whatever its case: the plain
/// reading that the tests hold [`scan_tag`] to.
#[cfg(test)]
fn is_skipped(name: &str) -> bool {
    SKIPPED.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// A walk over the tags of `<main>`, tracking the depth of elements whose text is left alone.
struct TagWalk<'a> {
    bytes: &'a [u8],
    /// Where the text after the last tag walked starts.
    text_from: usize,
    /// The next `<` at or after `text_from`, or `usize::MAX`.
    next_tag: usize,
    /// Depth of elements whose text must not be touched.
    skip_depth: usize,
}

impl<'a> TagWalk<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        TagWalk {
            bytes,
            text_from: 0,
            next_tag: find_tag(bytes, 0),
            skip_depth: 0,
        }
    }

    /// Walks every tag that starts before `at`.
    fn walk_to(&mut self, at: usize) {
        while self.next_tag < at {
            let (end, skipped) = scan_tag(self.bytes, self.next_tag);
            let tag = &self.bytes[self.next_tag..end];
            self.skip_depth = depth_after(self.skip_depth, tag, skipped);
            self.text_from = end;
            self.next_tag = find_tag(self.bytes, end);
        }
    }
}

/// The next `<` at or after `from`, or `usize::MAX`.
fn find_tag(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'<', rest))
        .map_or(usize::MAX, |i| from + i)
}

/// How many elements whose text is never linked (`skipped` from [`scan_tag`]) are open after
/// `tag`, when `depth` were open before it: an end tag closes one, a start tag that does not
/// close itself opens one.
fn depth_after(depth: usize, tag: &[u8], skipped: bool) -> usize {
    match skipped {
        false => depth,
        true if tag.starts_with(b"</") => depth.saturating_sub(1),
        true if !tag.ends_with(b"/>") => depth + 1,
        true => depth,
    }
}

/// The tag starting at `bytes[at]` (a `<`): where it ends (just after its `>`, or at the end
/// of `bytes` if it has none), and whether it is one of the [`SKIPPED`] elements. It reads
/// the name (after any `<` and `/`, its ASCII letters and digits) lower-cased into a number
/// for [`SKIPPED_KEYS`], and most tags end just after their name.
fn scan_tag(bytes: &[u8], at: usize) -> (usize, bool) {
    let mut i = at + 1;
    while bytes.get(i) == Some(&b'<') {
        i += 1;
    }
    while bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    let name = i;
    let mut key = 0u64;
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_alphanumeric()) {
        if i - name < 8 {
            key |= u64::from(b.to_ascii_lowercase()) << (8 * (i - name));
        }
        i += 1;
    }
    let skipped = i - name <= 8 && SKIPPED_KEYS.contains(&key);
    // Nothing from `at` to `i` is a quote or `>`, so the end is looked for from `i`.
    let end = if bytes.get(i) == Some(&b'>') {
        i + 1
    } else {
        tag_end_bytes(&bytes[i..]).map_or(bytes.len(), |e| i + e + 1)
    };
    (end, skipped)
}

/// Where the tag at the start of `s` ends (its `>`), the plain reading the tests hold
/// [`scan_tag`] to.
#[cfg(test)]
fn tag_end(s: &str) -> Option<usize> {
    // Quotes and `>` are ASCII, and no byte of a longer UTF-8 character is: bytes will do.
    tag_end_bytes(s.as_bytes())
}

fn tag_end_bytes(bytes: &[u8]) -> Option<usize> {
    // Byte by byte: what lies between a tag's name and its `>` is short, shorter than it
    // takes a vector search to pay for itself.
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return Some(i),
            b'"' | b'\'' => i += 1 + memchr::memchr(b, &bytes[i + 1..])?,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The element name of a tag (`<h2 id="x">` → `h2`), as written.
#[cfg(test)]
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
    fn tags_are_read_as_their_names_say() {
        let tags = [
            "<p>",
            "</P>",
            "<a href=\"x\">",
            "<ABBR title='a>b'>",
            "<h2 id=x>",
            "<<code>",
            "</<pre>",
            "<svg/>",
            "<br/>",
            "<captions>",
            "<th",
            "<dt\"",
            "<title a=\"b",
            "<main>",
            "</>",
            "<h7>",
            "<é>",
            "<scriptx>",
            "<abcdefghi>",
        ];
        for tag in tags {
            let html = format!("{tag} after");
            let (end, skipped) = scan_tag(html.as_bytes(), 0);
            let expected = tag_end(&html).map_or(html.len(), |e| e + 1);
            assert_eq!(end, expected, "{tag}");
            assert_eq!(skipped, is_skipped(tag_name(&html[..end])), "{tag}");
        }
    }

    #[test]
    fn words_containing_an_abbreviation_and_attributes_are_left_alone() {
        let html = "<main><p aria-label=\"SOC\">SOCIAL SOCKS <a href=\"#\">SOC</a> <code>SOC</code></p></main>";
        assert_eq!(abbr().link_first_uses(html, "g"), html);
    }

    #[test]
    fn a_page_whose_main_ends_before_it_starts_is_left_as_it_is() {
        let html = "<p>SOC</p></main><main><p>SOC</p>";
        assert_eq!(abbr().link_first_uses(html, "g"), html);
        let mut bytes = html.as_bytes().to_vec();
        abbr().link_first_uses_in(&mut bytes, "g").unwrap();
        assert_eq!(bytes, html.as_bytes());
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
                let mut places = Vec::new();
                a.text_places(text, 0, &mut done, &mut places);
                let mut copied = 0;
                for (at, i) in places {
                    let e = &a.entries[i];
                    out.push_str(&text[copied..at]);
                    out.push_str(&format!(
                        "<a class=\"glossary-link\" href=\"{href}#{}",
                        e.link_end
                    ));
                    copied = at + e.abbreviation.len();
                }
                out.push_str(&text[copied..]);
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
            "<a title=\"x>SOC\">",
            "<p class='KSI\"<b>'>",
            "<CODE>",
            "</CODE>",
            "<<h3>",
            "</<h3>",
            "<svg/>",
            "<abbr title=\"",
            "\"",
            ">",
            "<",
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
