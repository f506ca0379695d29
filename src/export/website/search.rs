//! The search page: an A to Z of everything a reader may look for (aims, priorities,
//! commitments by their text, performance statements, glossary terms and pages), each linked,
//! which needs no JavaScript; and the index the theme's `search.js` searches as the reader
//! types, written here so that the page asks nothing of any other host.
//!
//! The index is a script (`search/search-index.<hash>.js`) that sets one global value, so it
//! loads under the pages' Content-Security-Policy (`script-src 'self'`) and from a site opened
//! from disk, where a `fetch` of a JSON file would be refused. Its name holds a hash of its
//! content: a server may cache it for good. It holds, for every item in A to Z order, its kind,
//! title, address and the start of its text, and for every word of every item's title and
//! text the items it is in (as gaps between item numbers, which keeps it small). Everything is
//! in sorted order, so the same plan gives the same bytes.
//!
//! Each language's search page has its own A to Z and index, made from the plan as that
//! language's reader sees it, with the kinds of item and the titles of the pages planpress
//! makes in that language's words. What the script says about its results ("3 results for
//! ...") is written here from the word tables, once for each plural form the language has, and
//! put on the page for the script to choose from by the count (see `Says`).

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, TagEnd};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::parse::markdown::options;
use crate::plan::{Plan, Route, TextOf};
use crate::theme::Theme;

/// How many characters of an item's text the index keeps to show under its title.
const SNIPPET_CHARS: usize = 160;

/// One thing a reader may look for.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Entry {
    /// What it is: "Priority", "Commitment".
    kind: String,
    /// Its title, or for a commitment its text.
    title: String,
    /// The link from the search page.
    href: String,
    /// Its text, as plain words (not in the page; only for the index).
    #[serde(skip)]
    text: String,
    /// The language of an item shown in the plan's first language because it is not
    /// translated into the page's yet.
    lang: Option<String>,
}

/// The entries under one letter of the A to Z.
#[derive(Debug, Serialize)]
pub(super) struct Letter {
    /// The letter, or "0–9" for titles starting with a digit or a symbol.
    letter: String,
    /// The anchor of its heading.
    id: String,
    entries: Vec<Entry>,
}

/// The search page's A to Z and its index, made once per build.
#[derive(Debug)]
pub struct Search {
    /// The A to Z, by letter.
    pub(super) letters: Vec<Letter>,
    /// The index's path from the site root: `search/search-index.<hash>.js`.
    pub file: String,
    /// The index script's bytes.
    pub bytes: Vec<u8>,
    /// What the script says of its results, in the page's language.
    pub(super) says: Says,
}

/// What `search.js` says of its results, from the word tables: `{n}`, `{q}` and `{limit}` in
/// each text stand for the count, the reader's words and how many are shown. A count's words
/// are given once for each plural form (CLDR's categories, which Fluent also uses) the
/// language has; the script picks the form of its count with the browser's
/// `Intl.PluralRules`, in the page's language.
#[derive(Debug, Serialize)]
pub(super) struct Says {
    /// No results.
    none: String,
    /// Some results, all shown.
    found: Vec<Said>,
    /// More results than the script shows.
    found_first: Vec<Said>,
}

/// One plural form's words.
#[derive(Debug, Serialize)]
struct Said {
    /// The CLDR category: `zero`, `one`, `two`, `few`, `many` or `other`.
    category: &'static str,
    text: String,
}

impl Says {
    fn new(theme: &Theme) -> Says {
        let say = |key: &str, count: Option<u32>| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("query", "{q}");
            args.set("shown", "{n}");
            args.set("limit", "{limit}");
            if let Some(n) = count {
                args.set("count", n);
            }
            theme
                .words
                .text(&theme.language, key, Some(&args))
                .unwrap_or_default()
        };
        let forms = plural_samples(&theme.language);
        let each = |key: &str| -> Vec<Said> {
            forms
                .iter()
                .map(|(category, n)| Said {
                    category,
                    text: say(key, Some(*n)),
                })
                .collect()
        };
        Says {
            none: say("search-none", None),
            found: each("search-found"),
            found_first: each("search-found-first"),
        }
    }
}

/// A count in each plural category `language` has (the first from 0 up), by CLDR's cardinal
/// rules for the language or, failing that, its base language, or English.
fn plural_samples(language: &str) -> Vec<(&'static str, u32)> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let base = language.split('-').next().unwrap_or(language);
    let rules = [language, base, "en"]
        .iter()
        .filter_map(|l| l.parse::<unic_langid::LanguageIdentifier>().ok())
        .find_map(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok());
    let Some(rules) = rules else {
        return vec![("other", 2)];
    };
    let name = |c: PluralCategory| match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    };
    let mut out: Vec<(&'static str, u32)> = Vec::new();
    for n in 0..1000u32 {
        if let Ok(c) = rules.select(n) {
            let c = name(c);
            if !out.iter().any(|(seen, _)| *seen == c) {
                out.push((c, n));
            }
        }
    }
    out
}

impl Search {
    /// The A to Z and the index of `plan`, in `theme`'s language.
    pub fn new(plan: &Plan, theme: &Theme) -> Search {
        // A translated plan's A to Z is in its language's alphabetical order, under the letters
        // of its alphabet (Welsh "Ch" after "C"), as its glossary is.
        let reading = &plan.reading;
        let collator = (reading.language != reading.original)
            .then(|| crate::plan::translations::collator(&reading.language));
        let entries = sorted(entries(plan, theme), collator.as_ref());
        let bytes = index_script(&entries);
        let digest = Sha256::digest(&bytes);
        let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
        Search {
            letters: letters(entries, collator.as_ref()),
            file: format!("{}search-index.{hash}.js", Route::Search.path()),
            bytes,
            says: Says::new(theme),
        }
    }

    /// How many items the A to Z lists.
    pub fn len(&self) -> usize {
        self.letters.iter().map(|l| l.entries.len()).sum()
    }

    /// True when there is nothing to list.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The kinds of item the A to Z of `plan` lists, in words: "aims, priorities, commitments
/// and pages", naming only those the plan has, in its own words for its levels and the
/// theme's for the rest, in `theme`'s language.
pub(super) fn kinds_in_words(plan: &Plan, theme: &Theme) -> String {
    let levels = &plan.meta.levels;
    let mut kinds: Vec<String> = Vec::new();
    if !plan.is_one_level() && !plan.aims.is_empty() {
        kinds.push(levels.aim.plural.clone());
    }
    if plan.priorities().next().is_some() {
        kinds.push(levels.priority.plural.clone());
    }
    if plan.commitments().next().is_some() {
        kinds.push(theme.word("search-kinds-commitments"));
    }
    if !plan.statements.is_empty() {
        kinds.push(theme.word("search-kinds-statements"));
    }
    if !plan.glossary.is_empty() {
        kinds.push(theme.word("search-kinds-terms"));
    }
    // Pages are always last; the table words "and pages" with the mutation it takes.
    let mut args = fluent_bundle::FluentArgs::new();
    args.set(
        "has_others",
        if kinds.is_empty() { "false" } else { "true" },
    );
    args.set("others", kinds.join(", "));
    theme
        .words
        .text(&theme.language, "search-kinds", Some(&args))
        .unwrap_or_default()
}

/// Every item, in plan order, its kind and the titles of planpress's pages in `theme`'s
/// language.
fn entries(plan: &Plan, theme: &Theme) -> Vec<Entry> {
    let from = Route::Search;
    let levels = &plan.meta.levels;
    let mut out = Vec::new();
    let entry = |kind: &str, title: &str, target: &str, text: String| Entry {
        kind: kind.to_string(),
        title: title.trim().to_string(),
        href: from.href_to(target),
        text,
        lang: None,
    };
    // An item of the plan not yet translated, marked with the language it is shown in.
    let reading = &plan.reading;
    let marked = |mut e: Entry, of: TextOf| {
        if reading.falls_back(&of) {
            e.lang = Some(reading.original.clone());
        }
        e
    };
    for aim in &plan.aims {
        let aim_path = Route::Aim(aim.id.clone()).path();
        if !aim.implicit {
            let mut text = plain_text(&aim.intro.markdown);
            for o in &aim.outcomes {
                text.push(' ');
                text.push_str(o);
            }
            out.push(marked(
                entry(&levels.aim.title(), &aim.title, &aim_path, text),
                TextOf::Aim(aim.id.clone()),
            ));
        }
        for p in &aim.priorities {
            let path = Route::Priority {
                aim: aim.id.clone(),
                id: p.id.clone(),
            }
            .path();
            out.push(marked(
                entry(
                    &levels.priority.title(),
                    &p.title,
                    &path,
                    plain_text(&p.body.markdown),
                ),
                TextOf::Priority(p.id.clone()),
            ));
            for c in p.groups.iter().flat_map(|g| &g.commitments) {
                out.push(marked(
                    entry(
                        &theme.word("search-kind-commitment"),
                        &c.text,
                        &format!("{path}#{}", c.id),
                        String::new(),
                    ),
                    TextOf::Commitment(c.id.clone()),
                ));
            }
        }
    }
    for s in &plan.statements {
        let path = Route::Statement(s.id.clone()).path();
        out.push(marked(
            entry(
                &theme.word("search-kind-statement"),
                &s.measure,
                &path,
                plain_text(&s.body.markdown),
            ),
            TextOf::Statement(s.id.clone()),
        ));
    }
    let glossary = Route::Glossary.path();
    for t in &plan.glossary {
        let mut text = t.abbreviations.join(" ");
        text.push(' ');
        text.push_str(&plain_text(&t.definition.markdown));
        out.push(marked(
            entry(
                &theme.word("search-kind-term"),
                &t.term,
                &format!("{glossary}#{}", t.id),
                text.trim().to_string(),
            ),
            TextOf::Glossary(t.id.clone()),
        ));
    }
    let page = theme.word("search-kind-page");
    for p in &plan.pages {
        out.push(marked(
            entry(
                &page,
                &p.title,
                &Route::Page(p.id.clone()).path(),
                plain_text(&p.body.markdown),
            ),
            TextOf::Page(p.id.clone()),
        ));
    }
    // The pages planpress makes, under the titles they carry.
    let mut made: Vec<(&str, Route)> = Vec::new();
    if !plan.glossary.is_empty() {
        made.push(("glossary", Route::Glossary));
    }
    if !plan.statements.is_empty() {
        made.push(("nav-performance", Route::Performance));
    }
    if !plan.meta.national_priorities.is_empty() {
        made.push(("np-title", Route::NationalPriorities));
    }
    if plan.commitments().next().is_some() {
        made.push(("delivery-page-title", Route::Delivery));
    }
    made.extend([
        ("a11y-page-title", Route::Accessibility),
        ("listen-title", Route::Listen),
        ("formats-title", Route::OtherFormats),
        ("about-title", Route::About),
    ]);
    for (title, route) in made {
        out.push(entry(
            &page,
            &theme.word(title),
            &route.path(),
            String::new(),
        ));
    }
    out
}

/// What an entry sorts by: its title without a leading "The", case left out, then its
/// title, kind and address, so that no two entries tie.
fn sort_key(e: &Entry) -> (String, &str, &str, &str) {
    let t = e.title.as_str();
    let t = t
        .strip_prefix("The ")
        .or_else(|| t.strip_prefix("the "))
        .unwrap_or(t);
    (t.to_lowercase(), &e.title, &e.kind, &e.href)
}

/// A language's alphabetical order.
type Collator = icu_collator::CollatorBorrowed<'static>;

/// `entries` in A to Z order: by `collator`'s alphabet when given, else by code point.
fn sorted(mut entries: Vec<Entry>, collator: Option<&Collator>) -> Vec<Entry> {
    match collator {
        None => entries.sort_by(|a, b| sort_key(a).cmp(&sort_key(b))),
        Some(c) => entries.sort_by(|a, b| {
            let (a, b) = (sort_key(a), sort_key(b));
            c.compare(&a.0, &b.0).then_with(|| a.cmp(&b))
        }),
    }
    entries
}

/// The letter an entry is listed under: its sort key's first letter in capitals (with
/// `collator`, the first letter of its language's alphabet, which may be two: "Ch"), or
/// "0–9" for one that starts with anything else.
fn letter_of(e: &Entry, collator: Option<&Collator>) -> String {
    let key = sort_key(e).0;
    match (key.chars().next(), collator) {
        (Some(c), None) if c.is_alphabetic() => c.to_uppercase().collect(),
        (Some(c), Some(col)) if c.is_alphabetic() => {
            crate::plan::translations::first_letter(&key, col)
        }
        _ => "0–9".to_string(),
    }
}

/// Sorted `entries` grouped by letter, "0–9" first, the letters in `collator`'s order when
/// given.
fn letters(entries: Vec<Entry>, collator: Option<&Collator>) -> Vec<Letter> {
    let mut out: Vec<Letter> = Vec::new();
    for e in entries {
        let letter = letter_of(&e, collator);
        match out.iter_mut().find(|l| l.letter == letter) {
            Some(l) => l.entries.push(e),
            None => {
                let id = if letter == "0–9" {
                    "letter-0-9".to_string()
                } else {
                    format!("letter-{}", letter.to_lowercase())
                };
                out.push(Letter {
                    letter,
                    id,
                    entries: vec![e],
                })
            }
        }
    }
    match collator {
        None => out.sort_by_key(|l| (l.letter != "0–9", l.letter.clone())),
        Some(c) => out.sort_by(|a, b| {
            (a.letter != "0–9")
                .cmp(&(b.letter != "0–9"))
                .then_with(|| c.compare(&a.letter, &b.letter))
        }),
    }
    out
}

/// The words of a Markdown text, without its markup: what a reader sees, one space between
/// blocks.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words `text` is searched by: runs of letters and digits, in lower case. `search.js`
/// splits what the reader types in the same way.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The start of `text`, cut at a word, for showing under a result's title.
fn snippet(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(s, _)| s);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The index as the script `search.js` reads: `PLANPRESS_SEARCH`, with `kinds`, `items`
/// (`[kind number, title, link, snippet]`, and the language of an item not yet translated, in A
/// to Z order), `words` (sorted) and `postings` (for each word, the numbers of the items it is
/// in, each given as the gap from the one before).
fn index_script(entries: &[Entry]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Index<'a> {
        kinds: Vec<&'a str>,
        items: Vec<serde_json::Value>,
        words: Vec<&'a str>,
        postings: Vec<Vec<usize>>,
    }
    let mut kinds: Vec<&str> = Vec::new();
    let mut items = Vec::with_capacity(entries.len());
    let mut postings: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let kind = match kinds.iter().position(|k| *k == e.kind) {
            Some(k) => k,
            None => {
                kinds.push(&e.kind);
                kinds.len() - 1
            }
        };
        let mut item = vec![
            kind.into(),
            e.title.as_str().into(),
            e.href.as_str().into(),
            snippet(&e.text).into(),
        ];
        // An item shown in the plan's first language says which, for the script to mark.
        if let Some(lang) = &e.lang {
            item.push(lang.as_str().into());
        }
        items.push(serde_json::Value::Array(item));
        for w in words(&e.title).chain(words(&e.text)) {
            let list = postings.entry(w).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let index = Index {
        kinds,
        items,
        words: postings.keys().map(String::as_str).collect(),
        postings: postings
            .values()
            .map(|list| {
                let mut last = 0;
                list.iter()
                    .map(|&i| {
                        let gap = i - last;
                        last = i;
                        gap
                    })
                    .collect()
            })
            .collect(),
    };
    let json = serde_json::to_string(&index).unwrap_or_else(|_| "{}".to_string());
    // In a script, "</script" and the line separators U+2028 and U+2029 would end it or break
    // it in older browsers; JSON lets them be escaped.
    let json = json
        .replace("</", "<\\/")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!(
        "// The search index of this site, read by search.js; made by planpress.\nvar PLANPRESS_SEARCH = {json};\n"
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_its_words() {
        assert_eq!(
            plain_text("# Title\n\nSome *emphasis* and [a link](/x/).\n\n- one\n- two\n"),
            "Title Some emphasis and a link. one two"
        );
        assert_eq!(
            words("Anti-social behaviour, 24/7").collect::<Vec<_>>(),
            ["anti", "social", "behaviour", "24", "7"]
        );
    }

    #[test]
    fn snippets_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let s = snippet(long.trim());
        assert!(s.ends_with("word…"), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 1);
        assert_eq!(snippet("short text"), "short text");
    }

    #[test]
    fn postings_are_gaps_and_the_script_cannot_be_ended_by_its_text() {
        let e = |title: &str, text: &str| Entry {
            kind: "Page".into(),
            title: title.into(),
            href: "x".into(),
            text: text.into(),
            lang: None,
        };
        let script = index_script(&[
            e("Alpha", "</script> beta"),
            e("Beta", ""),
            e("Gamma", "beta"),
        ]);
        let script = String::from_utf8(script).unwrap();
        assert!(!script.contains("</script"), "{script}");
        let json = script
            .trim_end()
            .strip_prefix("// The search index of this site, read by search.js; made by planpress.\nvar PLANPRESS_SEARCH = ")
            .unwrap()
            .strip_suffix(';')
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let words: Vec<&str> = v["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        let beta = words.iter().position(|w| *w == "beta").unwrap();
        // "beta" is in items 0, 1 and 2: gaps 0, 1, 1.
        assert_eq!(v["postings"][beta], serde_json::json!([0, 1, 1]));
    }

    #[test]
    fn the_a_to_z_ignores_a_leading_the_and_puts_numbers_first() {
        let e = |title: &str| Entry {
            kind: "Page".into(),
            title: title.into(),
            href: title.into(),
            text: String::new(),
            lang: None,
        };
        let l = letters(
            sorted(
                vec![e("The zebra"), e("apple"), e("101 calls"), e("Banana")],
                None,
            ),
            None,
        );
        let got: Vec<(&str, Vec<&str>)> = l
            .iter()
            .map(|l| {
                (
                    l.letter.as_str(),
                    l.entries.iter().map(|e| e.title.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("0–9", vec!["101 calls"]),
                ("A", vec!["apple"]),
                ("B", vec!["Banana"]),
                ("Z", vec!["The zebra"]),
            ]
        );
    }
}
