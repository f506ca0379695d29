//! Reading the theme's word tables and a page's text, for the tests that hold a Welsh page
//! to Welsh words: which English words the tables hold, what on a page a reader meets (less
//! what is not translated yet and is marked as English), and what a template writes of its
//! own outside the tables.

use super::Site;

/// The words of each message in a Fluent table (`path` from the repository root), by key: the
/// text outside placeables (`{ ... }`) and markup (`<a href="...">`), in pieces of four letters
/// or more (a message with arguments gives the words between them).
pub fn table(path: &str) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(super::repo().join(path)).unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (key, value) = match line.split_once(" = ") {
            Some((k, v)) if !line.starts_with(' ') => (Some(k.to_string()), v),
            _ => (None, line.trim()),
        };
        // A variant line, `[one] ...` or `*[other] ...`: its words follow the key.
        let value = match value.trim_start_matches('*').strip_prefix('[') {
            Some(variant) => variant.split_once(']').map_or("", |(_, v)| v),
            None => value,
        };
        let mut pieces = Vec::new();
        let mut depth = 0;
        let mut in_tag = false;
        let mut current = String::new();
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    pieces.push(std::mem::take(&mut current));
                }
                '}' => depth -= 1,
                '<' if depth == 0 => {
                    in_tag = true;
                    pieces.push(std::mem::take(&mut current));
                }
                '>' if in_tag => in_tag = false,
                _ if depth == 0 && !in_tag => current.push(c),
                _ => {}
            }
        }
        pieces.push(current);
        let pieces: Vec<String> = pieces
            .into_iter()
            .map(|p| {
                p.trim()
                    .trim_matches(|c: char| ",.;:()“”\"".contains(c))
                    .trim()
                    .to_string()
            })
            .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .collect();
        match key {
            Some(k) => out.push((k, pieces)),
            None => out.last_mut().unwrap().1.extend(pieces),
        }
    }
    out
}

/// The English table's words that the Welsh table does not share under the same key (so
/// "Data", the same in both, is left out), as (key, words) pairs, less the language link's
/// own name, which is English by design.
pub fn english_words() -> Vec<(String, String)> {
    let english = table("themes/default/i18n/en-GB.ftl");
    let welsh = table("themes/default/i18n/cy.ftl");
    english
        .iter()
        .filter(|(k, _)| k != "language-name")
        .flat_map(|(k, pieces)| {
            let cy = welsh
                .iter()
                .find(|(w, _)| w == k)
                .map(|(_, p)| p.clone())
                .unwrap_or_default();
            pieces
                .iter()
                .filter(move |p| !cy.contains(p))
                .map(move |p| (k.clone(), p.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `html` without the parts shown in the plan's first language because they are not yet
/// translated (elements with `lang="en-GB"`, each to its matching end tag), and the text of
/// those parts, line by line.
pub fn less_untranslated(html: &str) -> (String, Vec<String>) {
    let (rest, marked) = split_untranslated(html);
    let lines = marked
        .iter()
        .flat_map(|m| {
            super::unescape(m)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    (rest, lines)
}

/// The text of each element of `markup` marked as English (`lang="en-GB"`, or `xml:lang` with
/// it), outermost elements only.
pub fn marked_untranslated(markup: &str) -> Vec<String> {
    split_untranslated(markup).1
}

/// `markup` without the elements marked as English, nested elements of the same name
/// counted, and the text (tags stripped) of each element taken out.
fn split_untranslated(markup: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut removed = Vec::new();
    let mut rest = markup;
    while let Some(at) = rest.find(" lang=\"en-GB\"") {
        let start = rest[..at].rfind('<').unwrap();
        let tag: String = rest[start + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        out.push_str(&rest[..start]);
        // The end tag that closes this element: elements of the same name may nest in it.
        let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
        let mut depth = 0;
        let mut i = start;
        let end = loop {
            let next_open = rest[i + 1..].find(&open).map(|o| i + 1 + o);
            let Some(next_close) = rest[i + 1..].find(&close).map(|c| i + 1 + c) else {
                break rest.len();
            };
            match next_open {
                Some(o) if o < next_close => {
                    depth += 1;
                    i = o;
                }
                _ if depth == 0 => break next_close + close.len(),
                _ => {
                    depth -= 1;
                    i = next_close;
                }
            }
        };
        removed.push(super::strip_tags(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, removed)
}

/// The English words (as [`english_words`]) of the keys that start with one of `prefixes`.
pub fn english_words_of(prefixes: &[&str]) -> Vec<(String, String)> {
    english_words()
        .into_iter()
        .filter(|(k, _)| prefixes.iter().any(|p| k.starts_with(p)))
        .collect()
}

/// The words of `key` in `language`'s shipped table, for a message without arguments.
pub fn message(language: &str, key: &str) -> String {
    let words = planpress::words::Words::new(&planpress::words::Words::default_tables()).unwrap();
    words
        .text(language, key, None)
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

/// What readers meet on a page: its text (with its `<title>`, and charts' titles,
/// descriptions and labels), the labels and titles screen readers read, and the words the
/// search script says; less what is not yet translated (and that text where the page repeats
/// it, as its title does a measure's name).
pub fn read_text(html: &str) -> String {
    // A page's stylesheet and scripts are code, not text anyone reads.
    let mut html = html.to_string();
    for (open, close) in [("<style", "</style>"), ("<script", "</script>")] {
        while let Some(at) = html.find(open) {
            let end = html[at..]
                .find(close)
                .map_or(html.len(), |e| at + e + close.len());
            html.replace_range(at..end, " ");
        }
    }
    let (rest, untranslated) = less_untranslated(&html);
    let mut text = super::unescape(&super::strip_tags(&rest));
    for attribute in [
        "aria-label=\"",
        "title=\"",
        "alt=\"",
        "data-none=\"",
        "data-found-",
        "data-first-",
    ] {
        for part in rest.split(attribute).skip(1) {
            let value = match attribute.ends_with('"') {
                true => part,
                false => match part.split_once('"') {
                    Some((_, v)) => v,
                    None => continue,
                },
            };
            text.push('\n');
            text.push_str(&super::unescape(value.split('"').next().unwrap()));
        }
    }
    for line in untranslated {
        text = text.replace(&line, " ");
    }
    // File names ("plan.json", "large-print.pdf") are names, not words read in a language.
    text.split_inclusive(char::is_whitespace)
        .filter(|w| {
            let w = w.trim().trim_end_matches(|c: char| ",.;:)".contains(c));
            let extension = w.rsplit_once('.').map(|(_, e)| e);
            !matches!(
                extension,
                Some("json" | "csv" | "pdf" | "epub" | "txt" | "brf" | "mp3" | "m3u" | "xml")
            )
        })
        .collect()
}

/// The English theme words in `text`, as `"words" (key)`. Words count where they stand as
/// words: "item" is not in "eitem", nor "Text" in "Textphone".
pub fn english_in(text: &str, words: &[(String, String)]) -> Vec<String> {
    let stands_alone = |w: &str| {
        text.match_indices(w).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        })
    };
    words
        .iter()
        .filter(|(_, w)| stands_alone(w))
        .map(|(k, w)| format!("{w:?} ({k})"))
        .collect()
}

/// What a template writes of its own: its text with every Tera tag, comment and HTML tag
/// taken out, and the values of attributes that are read (aria-label, title, alt).
pub fn own_words(template: &str) -> String {
    let mut text = template.to_string();
    for (open, close) in [("{#", "#}"), ("{{", "}}"), ("{%", "%}")] {
        while let Some(at) = text.find(open) {
            let end = text[at..]
                .find(close)
                .map_or(text.len(), |e| at + e + close.len());
            text.replace_range(at..end, " ");
        }
    }
    // A stylesheet or script inside the template is code, not words for readers.
    for (open, close) in [("<style", "</style>"), ("<script", "</script>")] {
        while let Some(at) = text.find(open) {
            let end = text[at..]
                .find(close)
                .map_or(text.len(), |e| at + e + close.len());
            text.replace_range(at..end, " ");
        }
    }
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        for attr in ["aria-label=\"", "title=\"", "alt=\""] {
            if let Some(v) = tag.split(attr).nth(1) {
                out.push(' ');
                out.push_str(v.split('"').next().unwrap());
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The bilingual plan with everything the pages about the plan can show: a national
/// priority evidenced by a statement (translated), delivery statuses with one commitment
/// overdue, a glossary term with no definition and a statement whose figures were published
/// only as a chart.
pub fn bilingual_with_everything() -> Site {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    site.edit(
        "content/_index.md",
        "languages: [en-GB, cy]\n",
        "languages: [en-GB, cy]\nforce: Testshire Police\nnational_priorities:\n  - id: reduce-harm\n    title: Reduce serious harm\n",
    );
    site.write(
        "content/performance/national-harm.md",
        "---\nmeasure: Serious harm recorded\nunit: count\nbetter: lower\ntarget:\n  text: Fewer offences each year\nlatest:\n  value: 120\n  period: 2023-24\nnational_priorities: [reduce-harm]\nlead: Head of Crime\ndata_source: Police Recorded Crime\nsource: Test force performance report\nchart_only: [monthly figures]\n---\n- Harm fell.\n",
    );
    site.write(
        "content/performance/national-harm.cy.md",
        "---\nmeasure: Niwed difrifol a gofnodwyd\ntarget: Llai o droseddau bob blwyddyn\n---\n- Gostyngodd niwed.\n",
    );
    site.edit(
        "content/safety/01-safer-streets.md",
        "      text: Fund more patrols.\n",
        "      text: Fund more patrols.\n      status: in-progress\n",
    );
    site.edit(
        "content/safety/01-safer-streets.md",
        "      due: 2025-10\n",
        "      due: 2024-01\n      status: at-risk\n",
    );
    site.write(
        "content/glossary/panel.md",
        "---\nterm: Police and Crime Panel\nabbreviations: [PCP]\n---\n",
    );
    site.write(
        "content/glossary/panel.cy.md",
        "---\nterm: Panel Heddlu a Throseddu\n---\n",
    );
    site
}
