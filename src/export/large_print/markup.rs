//! The large-print edition as Typst markup.
//!
//! Content is untrusted: a `#`, `[`, `]`, `*` or `$` written in the plan must print as that
//! character and never be read as Typst syntax. So no content text is ever placed in markup
//! directly: every run of words becomes a Typst *string literal* in code mode (`#"…"`), in
//! which only `\` and `"` are special and both are escaped ([`string_literal`]). Structure
//! (headings, lists, tables) is written as function calls around those literals.
//!
//! The typographic rules of the UKAAF large-print minimum standard are set once in the
//! preamble ([`preamble`]); all sizes are computed here in points from the body size.

use std::fmt::Write;

use super::Options;
use crate::render::document::{self, say, Block, Inline, LargePrintDoc};

/// Lengths derived from the body size, in points.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    /// Body text size.
    pub body: f64,
    /// Extra space between lines (added to the font's ascender plus descender).
    pub leading: f64,
    /// Space between paragraphs: one blank line at body size.
    pub paragraph: f64,
    /// Level 1 heading size.
    pub h1: f64,
    /// Level 2 heading size.
    pub h2: f64,
    /// Level 3 to 6 heading size.
    pub h3: f64,
    /// The room below a heading or lead-in that two lines of what follows need at most: a
    /// blank line, a one-line list item, a blank line and the first two lines of the next
    /// item (a paragraph never leaves one line alone at the foot of a page).
    pub keep_room: f64,
}

/// Liberation Sans: ascender plus descender, in em (hhea 1854 + 434 over 2048 units).
const LINE_HEIGHT_EM: f64 = 1.117;

impl Metrics {
    /// The metrics for a body size.
    pub fn for_size(body: f64) -> Metrics {
        let leading = 0.2 * body;
        let line = LINE_HEIGHT_EM * body;
        // A blank line: the gap below the last line, one empty line, the gap above.
        let paragraph = leading + line + leading;
        Metrics {
            body,
            leading,
            paragraph,
            h1: body * 1.5,
            h2: body * 1.3,
            h3: body * 1.15,
            keep_room: paragraph + line + paragraph + line + leading + line,
        }
    }
}

/// Escapes text as a Typst string literal, quotes included. Line breaks and tabs become
/// spaces and other control characters are dropped.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Keeps a number together with the number that follows it ("01632 960123") by joining
/// them with a no-break space, so a single piece of information is not split across lines.
fn keep_numbers_together(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let joins = c == ' '
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        out.push(if joins { '\u{a0}' } else { c });
    }
    out
}

/// Words joined by a hyphen or a slash ("self-serve", "and/or") may not be broken at the
/// hyphen or slash, so each is set in an unbreakable box. Very long ones (web addresses) are
/// left breakable, or they would run off the page.
fn unbreakable(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() <= 30
        && chars.windows(3).any(|w| {
            w[0].is_alphanumeric() && matches!(w[1], '-' | '/' | '‐') && w[2].is_alphanumeric()
        })
}

/// Writes plain words as string literals, boxing the words that must not be split.
fn write_text(s: &mut String, text: &str) {
    let mut run = String::new();
    for piece in text.split_inclusive(' ') {
        let word = piece.trim_end_matches(' ');
        if unbreakable(word) {
            if !run.is_empty() {
                s.push('#');
                s.push_str(&string_literal(&run));
                run.clear();
            }
            s.push_str("#box[#");
            s.push_str(&string_literal(word));
            s.push(']');
            run.push_str(&piece[word.len()..]);
        } else {
            run.push_str(piece);
        }
    }
    if !run.is_empty() {
        s.push('#');
        s.push_str(&string_literal(&run));
    }
}

fn pt(v: f64) -> String {
    format!("{v:.2}pt")
}

/// The settings every page shares: paper, font, sizes, spacing, page numbers.
pub fn preamble(doc: &LargePrintDoc, opts: &Options) -> String {
    let m = Metrics::for_size(opts.size);
    let mut s = String::new();
    let title = document_title(doc);
    let mut document = Vec::new();
    if !doc.title.trim().is_empty() {
        document.push(format!("title: {}", string_literal(&title)));
    }
    if !doc.commissioner.trim().is_empty() {
        document.push(format!("author: ({},)", string_literal(&doc.commissioner)));
    }
    if let Some((y, mo, d)) = super::parse_ymd(&doc.published) {
        document.push(format!("date: datetime(year: {y}, month: {mo}, day: {d})"));
    }
    document.push(format!(
        "keywords: ({}, {})",
        string_literal(&say(
            &doc.language,
            if opts.standard {
                "edition-keyword-standard-print"
            } else {
                "edition-keyword-large-print"
            },
            &[]
        )),
        string_literal(&doc.organisation)
    ));
    let _ = writeln!(s, "#set document({})", document.join(", "));
    let _ = writeln!(
        s,
        "#set page(paper: \"a4\", flipped: false, margin: (left: 20mm, right: 20mm, top: 20mm, bottom: 28mm), \
         footer: context align(center, text(size: {body}, weight: \"regular\")[#{page}#counter(page).display({numbering}, both: true)]))",
        body = pt(m.body),
        page = string_literal(&format!("{} ", say(&doc.language, "edition-page", &[]))),
        numbering = string_literal(&say(&doc.language, "edition-page-numbering", &[])),
    );
    let _ = writeln!(
        s,
        "#set text(font: \"Liberation Sans\", size: {}, {}, hyphenate: false, \
         top-edge: \"ascender\", bottom-edge: \"descender\", style: \"normal\")",
        pt(m.body),
        typst_lang(&doc.language)
    );
    let _ = writeln!(
        s,
        "#set par(justify: false, leading: {}, spacing: {}, first-line-indent: 0pt)",
        pt(m.leading),
        pt(m.paragraph)
    );
    let _ = writeln!(s, "#set align(left)");
    let _ = writeln!(
        s,
        "#set list(marker: ([•], [–]), indent: 0pt, body-indent: 0.6em, spacing: {}, tight: true)",
        pt(m.paragraph)
    );
    let _ = writeln!(
        s,
        "#set enum(indent: 0pt, body-indent: 0.6em, spacing: {}, tight: true)",
        pt(m.paragraph)
    );
    let _ = writeln!(s, "#set heading(numbering: none)");
    let _ = writeln!(
        s,
        "#show heading: set text(weight: \"bold\", size: {})",
        pt(m.h3)
    );
    let _ = writeln!(
        s,
        "#show heading.where(level: 1): set text(size: {})",
        pt(m.h1)
    );
    let _ = writeln!(
        s,
        "#show heading.where(level: 2): set text(size: {})",
        pt(m.h2)
    );
    let _ = writeln!(
        s,
        "#show heading: set block(above: {}, below: {})",
        pt(m.paragraph * 1.5),
        pt(m.paragraph * 0.75)
    );
    // A heading or a lead-in never ends a page without two lines of what it introduces
    // (UKAAF). Sticky keeps it with the start of the next block; the room reserved below it
    // (and given back at once) moves it to the next page when two more lines would not fit.
    let _ = writeln!(
        s,
        "#let keep-with-next(body) = {{ block(sticky: true, breakable: false, inset: (bottom: {room}), body); v(-{room}) }}",
        room = pt(m.keep_room)
    );
    let _ = writeln!(s, "#show heading: keep-with-next");
    // Belt and braces: nothing below asks for italics or underlining, but if anything did,
    // it would come out bold and plain.
    let _ = writeln!(s, "#show emph: it => strong(it.body)");
    let _ = writeln!(s, "#show underline: it => it.body");
    let _ = writeln!(s, "#show overline: it => it.body");
    let _ = writeln!(s, "#show smallcaps: it => it.body");
    let _ = writeln!(
        s,
        "#set table(stroke: 1pt + black, inset: (x: 0.4em, y: 0.3em), align: left)"
    );
    let _ = writeln!(
        s,
        "#set figure(numbering: none, gap: {})",
        pt(m.leading * 2.0)
    );
    let _ = writeln!(s, "#set figure.caption(position: top)");
    // A caption never ends a page without its table: it moves to the next page with the
    // table's first rows (whose header row Typst keeps with at least one row).
    let _ = writeln!(s, "#show figure.caption: set block(sticky: true)");
    let _ = writeln!(s, "#show figure: set block(breakable: true)");
    let _ = writeln!(s, "#show figure: set align(left)");
    let _ = writeln!(s, "#show figure.caption: set align(left)");
    let _ = writeln!(
        s,
        "#show outline.entry.where(level: 1): set block(above: {})",
        pt(m.paragraph)
    );
    let _ = writeln!(
        s,
        "#show outline.entry.where(level: 2): set block(above: {})",
        pt(m.paragraph * 0.5)
    );
    let _ = writeln!(
        s,
        "#show outline.entry.where(level: 1): set text(weight: \"bold\")"
    );
    // Each contents entry links to its heading. Typst's own entry describes its link, for the
    // link annotation's /Contents, as the entry's number, a space and the title, which leaves
    // a space at the start when headings are not numbered. A plain link describes itself as
    // the heading's supplement and page ("Foreword, page 7"); every heading's supplement is
    // its own text (see `write_block`).
    let _ = writeln!(
        s,
        "#show outline.entry: it => link(it.element.location(), it.indented(it.prefix(), it.inner()))"
    );
    s
}

/// The document title: the plan, its period and the edition.
pub fn document_title(doc: &LargePrintDoc) -> String {
    let name = format!("{} {}", doc.title.trim(), doc.period.trim());
    say(&doc.language, "edition-pdf-title", &[("name", name.trim())])
        .trim()
        .to_string()
}

/// Typst's text settings for the language tag `tag` (`en-GB` → `lang: "en", region: "GB"`):
/// what the PDF's `/Lang` and a screen reader's voice come from.
pub fn typst_lang(tag: &str) -> String {
    let mut parts = tag.split('-');
    let lang: String = parts
        .next()
        .unwrap_or("en")
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    let lang = if (2..=3).contains(&lang.len()) {
        lang
    } else {
        "en".to_string()
    };
    match parts
        .next()
        .filter(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()))
    {
        Some(region) => format!(
            "lang: \"{lang}\", region: \"{}\"",
            region.to_ascii_uppercase()
        ),
        None => format!("lang: \"{lang}\""),
    }
}

/// The whole Typst source of the edition.
pub fn source(doc: &LargePrintDoc, opts: &Options) -> String {
    let m = Metrics::for_size(opts.size);
    let mut s = preamble(doc, opts);
    s.push('\n');

    // Title page.
    let _ = writeln!(
        s,
        "#show title: set text(size: {}, weight: \"bold\")\n#title[#{}]\n",
        pt(m.body * 2.0),
        string_literal(&doc.title)
    );
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(s, "#text(size: {})[#{}]\n", pt(m.h2), string_literal(sub));
    }
    let _ = writeln!(
        s,
        "#text(size: {})[#{}]\n",
        pt(m.h2),
        string_literal(&doc.period)
    );
    let _ = writeln!(
        s,
        "#strong[#{}]\n",
        string_literal(&say(
            &doc.language,
            if opts.standard {
                "edition-standard-print"
            } else {
                "edition-large-print"
            },
            &[("size", &size_words(opts.size))]
        ))
    );
    if doc.draft {
        let _ = writeln!(
            s,
            "#strong[#{}]\n",
            string_literal(&say(&doc.language, "edition-draft", &[]))
        );
    }
    let _ = writeln!(
        s,
        "#{}\n",
        string_literal(&say(
            &doc.language,
            "doc-published-by-on",
            &[
                ("organisation", &doc.organisation),
                ("date", &doc.published_words)
            ]
        ))
    );
    let _ = writeln!(s, "#pagebreak()");
    let _ = writeln!(
        s,
        "#outline(title: [#{}], depth: 2, indent: 1.2em)\n",
        string_literal(&say(&doc.language, "edition-contents", &[]))
    );

    for block in &doc.blocks {
        write_block(&mut s, block, opts);
    }
    // The images the source shows, carried in it for the typesetter (see
    // [`super::world::FILE_LINE`]).
    for image in opts.images.values() {
        if s.contains(&string_literal(&format!("/{}", image.path))) {
            use base64::Engine as _;
            let _ = writeln!(
                s,
                "{}/{} {}",
                super::world::FILE_LINE,
                image.path,
                base64::engine::general_purpose::STANDARD.encode(&image.bytes)
            );
        }
    }
    s
}

/// "18", "16.5".
pub fn size_words(size: f64) -> String {
    let s = format!("{size:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn write_block(s: &mut String, block: &Block, opts: &Options) {
    match block {
        // Scaled to the width of the page (a tall one to most of its height), its description
        // as its caption and its alternative text.
        Block::Image { src, alt, words } => match opts.images.get(src) {
            Some(image) => {
                let size = if image.height * 5 > image.width * 6 {
                    "height: 60%"
                } else {
                    "width: 100%"
                };
                let _ = writeln!(
                    s,
                    "#figure(image({}, alt: {}, {size}), caption: [#{}])\n",
                    string_literal(&format!("/{}", image.path)),
                    string_literal(alt),
                    string_literal(alt)
                );
            }
            None => {
                let _ = writeln!(s, "#{}\n", string_literal(words));
            }
        },
        Block::Heading {
            level,
            text,
            in_contents,
            lang,
            ..
        } => {
            if *level == 1 {
                s.push_str("#pagebreak(weak: true)\n");
            }
            let text = match lang {
                Some(l) => format!("text({})[#{}]", typst_lang(l), string_literal(text)),
                None => string_literal(text),
            };
            let _ = writeln!(
                s,
                "#heading(level: {level}, outlined: {in_contents}, bookmarked: true, supplement: [#{text}])[#{text}]\n"
            );
        }
        Block::Lang { lang, blocks } => {
            let _ = writeln!(s, "#text({})[", typst_lang(lang));
            for b in blocks {
                write_block(s, b, opts);
            }
            s.push_str("]\n\n");
        }
        Block::Para(inlines) => {
            write_inlines(s, inlines, opts);
            s.push_str("\n\n");
        }
        Block::Lead(inlines) => {
            // A paragraph of its own (a block holding only inline content is not one), so the
            // bold run is tagged inside a P, kept with two lines of what it introduces.
            s.push_str("#keep-with-next[#par[#strong[");
            write_inlines(s, inlines, opts);
            s.push_str("]]]\n\n");
        }
        Block::List { start, items } => {
            match start {
                Some(n) => {
                    let _ = writeln!(s, "#enum(start: {n},");
                }
                None => s.push_str("#list(\n"),
            }
            for item in items {
                s.push_str("[\n");
                for b in item {
                    write_block(s, b, opts);
                }
                // Typst tags a list that ends a list item as the next sibling of the item
                // rather than inside its LBody (typst-pdf's `ListCtx::push_body`). An empty
                // artifact after it keeps it inside; artifacts are not read and take no space.
                if matches!(item.last(), Some(Block::List { .. })) {
                    s.push_str("#pdf.artifact[]\n");
                }
                s.push_str("],\n");
            }
            s.push_str(")\n\n");
        }
        Block::Table {
            caption,
            head,
            rows,
            row_headers,
        } => {
            let columns = head
                .len()
                .max(rows.iter().map(Vec::len).max().unwrap_or(0))
                .max(1);
            // The figure sits in a block of its own. Otherwise, when the heading after it is
            // moved to the next page, the figure's end moves with it, the page's footer is
            // tagged inside the figure, and Typst then tags the caption in a Div beside the
            // table instead of inside it.
            let _ = write!(
                s,
                "#block(breakable: true)[#figure(kind: table, caption: [#strong[#"
            );
            s.push_str(&string_literal(caption));
            s.push_str("]], table(\n");
            let widths = if columns == 2 {
                "(2fr, 1fr)".to_string()
            } else {
                format!("(1fr,) * {columns}")
            };
            let _ = writeln!(s, "columns: {widths},");
            if !head.is_empty() {
                s.push_str("table.header(");
                for cell in head {
                    s.push_str("[#strong[");
                    write_inlines(s, cell, opts);
                    s.push_str("]], ");
                }
                s.push_str("),\n");
            }
            for row in rows {
                for (i, cell) in row.iter().enumerate() {
                    if i == 0 && *row_headers {
                        s.push_str("pdf.header-cell(scope: \"row\")[");
                    } else {
                        s.push('[');
                    }
                    write_inlines(s, cell, opts);
                    s.push_str("], ");
                }
                for _ in row.len()..columns {
                    s.push_str("[], ");
                }
                s.push('\n');
            }
            s.push_str("))]\n\n");
        }
        Block::Quote(blocks) => {
            s.push_str("#quote(block: true)[\n");
            for b in blocks {
                write_block(s, b, opts);
            }
            s.push_str("]\n\n");
        } // The edition's document is built without marks.
        Block::Mark(_) => {}
    }
}

fn write_inlines(s: &mut String, inlines: &[Inline], opts: &Options) {
    for i in inlines {
        match i {
            Inline::Text(t) => write_text(s, &keep_numbers_together(t)),
            Inline::Strong(inner) => {
                s.push_str("#strong[");
                write_inlines(s, inner, opts);
                s.push(']');
            }
            Inline::Break => s.push_str("#linebreak()"),
            Inline::Lang { lang, content } => {
                let _ = write!(s, "#text({})[", typst_lang(lang));
                write_inlines(s, content, opts);
                s.push(']');
            }
            Inline::Link { url, content } => match link_address(url, opts) {
                Some(address) => {
                    let _ = write!(s, "#link({})[", string_literal(&address));
                    write_inlines(s, content, opts);
                    s.push(']');
                    let shown = document::plain(content);
                    if shown.trim() != address && !address.starts_with("mailto:") {
                        s.push('#');
                        s.push_str(&string_literal(&format!(" ({address})")));
                    }
                }
                None => write_inlines(s, content, opts),
            },
        }
    }
}

/// Where a link goes in print: full addresses stay, site paths become full addresses when the
/// site's address is known and plain text otherwise.
fn link_address(url: &str, opts: &Options) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some(url.to_string());
    }
    match (url.strip_prefix('/'), &opts.base_url) {
        (Some(path), Some(base)) if !url.starts_with("//") => {
            Some(format!("{}/{}", base.trim_end_matches('/'), path))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_everything_typst_could_read() {
        assert_eq!(string_literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string_literal("#set [x] *y* $z$"), "\"#set [x] *y* $z$\"");
        assert_eq!(string_literal("line\none\u{7}"), "\"line one\"");
    }

    #[test]
    fn hyphenated_words_are_kept_whole() {
        let mut s = String::new();
        write_text(&mut s, "the ability to self-serve and/or wait - here");
        assert_eq!(
            s,
            "#\"the ability to \"#box[#\"self-serve\"]#\" \"#box[#\"and/or\"]#\" wait - here\""
        );
    }

    #[test]
    fn numbers_stay_together() {
        assert_eq!(
            keep_numbers_together("01632 960123 x"),
            "01632\u{a0}960123 x"
        );
        assert_eq!(keep_numbers_together("in 2021 we"), "in 2021 we");
    }

    #[test]
    fn nested_lists_leads_and_tables_are_written_for_the_tags_they_need() {
        let opts = Options::new(18.0).unwrap();
        let para = |t: &str| Block::Para(vec![Inline::Text(t.into())]);
        let inner = Block::List {
            start: None,
            items: vec![vec![para("inner")]],
        };
        let mut s = String::new();
        write_block(
            &mut s,
            &Block::List {
                start: None,
                items: vec![
                    vec![para("ends with a list"), inner.clone()],
                    vec![inner, para("goes on after its list")],
                    vec![para("plain")],
                ],
            },
            &opts,
        );
        // Only the item a list ends gets the artifact that keeps the list in its LBody.
        assert_eq!(s.matches("#pdf.artifact[]").count(), 1, "{s}");
        assert!(
            s.contains("#\"inner\"\n\n],\n)\n\n#pdf.artifact[]\n],"),
            "{s}"
        );

        let mut s = String::new();
        write_block(
            &mut s,
            &Block::Lead(vec![Inline::Text("I will:".into())]),
            &opts,
        );
        assert_eq!(s, "#keep-with-next[#par[#strong[#\"I will:\"]]]\n\n");

        let mut s = String::new();
        let table = Block::Table {
            caption: "Calls".into(),
            head: vec![vec![Inline::Text("Area".into())]],
            rows: vec![vec![vec![Inline::Text("North".into())]]],
            row_headers: true,
        };
        write_block(&mut s, &table, &opts);
        assert!(
            s.starts_with("#block(breakable: true)[#figure(kind: table, caption: [#strong[#\"Calls\"]], table(")
                && s.ends_with("))]\n\n"),
            "{s}"
        );
        let preamble = preamble(&sample_doc(), &opts);
        for rule in [
            "#show figure.caption: set block(sticky: true)",
            "#show heading: keep-with-next",
            "#show outline.entry: it => link(",
        ] {
            assert!(preamble.contains(rule), "{rule}");
        }
    }

    fn sample_doc() -> LargePrintDoc {
        LargePrintDoc {
            title: "Plan".into(),
            subtitle: None,
            period: "2024-2028".into(),
            draft: false,
            organisation: "Office".into(),
            commissioner: "A Person".into(),
            published: "2024-05-01".into(),
            published_words: "1 May 2024".into(),
            language: "en-GB".into(),
            blocks: vec![],
        }
    }

    #[test]
    fn a_blank_line_separates_paragraphs() {
        let m = Metrics::for_size(18.0);
        assert!(m.paragraph >= 18.0 * LINE_HEIGHT_EM + 2.0 * m.leading - 1e-9);
        assert!(m.h3 > m.body && m.h2 > m.h3 && m.h1 > m.h2);
    }
}
