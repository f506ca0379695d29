//! A [`PlanDiff`] written for people: the entries every form of the "what changed" report
//! shares (a headline per changed item and a line per change), and the report's body as an
//! HTML fragment, which both the website's "What has changed" page and `planpress diff`'s page
//! show. Rewording is shown word by word with the words labelled, "[deleted: ...]" and
//! "[added: ...]", so no reader depends on colour or strike-through to tell them apart.
//! Every word around the plan's own text comes from the word tables ([`Words`]), in the
//! report's language (`changes-*` keys).

use std::fmt::Write as _;

use fluent_bundle::{FluentArgs, FluentValue};

use crate::compare::diff::{Change, ItemDiff, ItemKind, Paragraph, PlanDiff, Status, Word};
use crate::plan::Levels;
use crate::render::escape;
use crate::words::{capitalised, Words};

/// A comparison ready to write: the diff, what was compared, and the changed source files.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// What changed.
    pub diff: &'a PlanDiff,
    /// How the old version is named ("consultation-draft").
    pub old_label: String,
    /// How the new version is named ("the working tree").
    pub new_label: String,
    /// The plan's title, for the page title.
    pub plan_title: String,
    /// The word tables the report's words come from.
    pub words: &'a Words,
    /// The report's language (`en-GB`, `cy`).
    pub language: String,
}

impl Report<'_> {
    /// The words of `key` in the report's language, with `args`.
    pub(crate) fn say(&self, key: &str, args: &[(&str, FluentValue)]) -> String {
        say(self.words, &self.language, key, args)
    }
}

/// The words of `key` in `language` with `args` (the key itself if the tables lack it, which
/// the test of the shipped tables rules out).
pub fn say(words: &Words, language: &str, key: &str, args: &[(&str, FluentValue)]) -> String {
    let mut a = FluentArgs::new();
    for (name, value) in args {
        a.set(*name, value.clone());
    }
    words
        .text(language, key, Some(&a))
        .unwrap_or_else(|_| key.to_string())
}

/// A string argument.
fn s(v: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(v.into())
}

/// A count argument, for the tables' plural forms.
fn n(v: usize) -> FluentValue<'static> {
    FluentValue::from(v)
}

/// The words of `key` with some arguments standing for spans (ids, file names): the message
/// split around them, each put in as its span.
fn spans_around(
    r: &Report,
    key: &str,
    text: &[(&str, FluentValue)],
    spans: Vec<(&str, Span)>,
) -> Vec<Span> {
    const MARK: char = '\u{E000}';
    let mut args: Vec<(&str, FluentValue)> = text.to_vec();
    for (i, (name, _)) in spans.iter().enumerate() {
        args.push((name, s(format!("{MARK}{i}{MARK}"))));
    }
    let message = r.say(key, &args);
    let mut out = Vec::new();
    let mut spans: Vec<Option<Span>> = spans.into_iter().map(|(_, sp)| Some(sp)).collect();
    for (i, piece) in message.split(MARK).enumerate() {
        if i % 2 == 1 {
            if let Some(sp) = piece
                .parse::<usize>()
                .ok()
                .and_then(|k| spans.get_mut(k)?.take())
            {
                out.push(sp);
                continue;
            }
        }
        if !piece.is_empty() {
            out.push(Span::Text(piece.to_string()));
        }
    }
    out
}

/// A piece of a line of the report.
#[derive(Debug, Clone)]
pub(crate) enum Span {
    /// Plain words.
    Text(String),
    /// Emphasised words (what happened to the item).
    Strong(String),
    /// An id or a file name.
    Code(String),
    /// Words taken out.
    Deleted(String),
    /// Words put in.
    Added(String),
}

/// One changed item: a headline, and one line per change (a line may hold sub-lines).
pub(crate) struct Entry {
    /// What happened to which item.
    pub(crate) headline: Vec<Span>,
    /// One line per change.
    pub(crate) lines: Vec<Line>,
}

/// One line of an entry.
pub(crate) struct Line {
    /// Its words.
    pub(crate) spans: Vec<Span>,
    /// Lines under it.
    pub(crate) sub: Vec<Vec<Span>>,
}

impl Line {
    fn new(spans: Vec<Span>) -> Line {
        Line {
            spans,
            sub: Vec::new(),
        }
    }
}

fn t(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

fn words(ws: &[Word]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        match w {
            Word::Same(s) => out.push(t(s.clone())),
            Word::Deleted(s) => out.push(Span::Deleted(s.clone())),
            Word::Added(s) => {
                if matches!(ws.get(i.wrapping_sub(1)), Some(Word::Deleted(_))) {
                    out.push(t(" "));
                }
                out.push(Span::Added(s.clone()));
            }
        }
    }
    out
}

/// A field's name in the report's language ("title" → "teitl").
fn field_name(r: &Report, field: &str) -> String {
    r.say(
        "changes-field",
        &[("field", s(field)), ("key", s(field.replace(' ', "-")))],
    )
}

fn change_line(r: &Report, change: &Change) -> Line {
    match change {
        Change::Field { field, from, to } => Line::new(vec![t(capitalised(&r.say(
            "changes-field-changed",
            &[
                ("field", s(field_name(r, field))),
                ("from", s(from.as_str())),
                ("to", s(to.as_str())),
            ],
        )))]),
        Change::Reworded { field, words: ws } => {
            let label = r.say("changes-reworded", &[("field", s(field_name(r, field)))]);
            let mut spans = vec![t(format!("{} ", capitalised(&label)))];
            spans.extend(words(ws));
            Line::new(spans)
        }
        Change::Body { field, paragraphs } => Line {
            spans: vec![t(capitalised(&r.say(
                "changes-body-changed",
                &[("field", s(field_name(r, field)))],
            )))],
            sub: paragraphs
                .iter()
                .map(|p| match p {
                    Paragraph::Added(x) => vec![
                        t(format!("{} ", r.say("changes-new-paragraph", &[]))),
                        Span::Added(x.clone()),
                    ],
                    Paragraph::Removed(x) => vec![
                        t(format!("{} ", r.say("changes-paragraph-out", &[]))),
                        Span::Deleted(x.clone()),
                    ],
                    Paragraph::Reworded(ws) => {
                        let mut v =
                            vec![t(format!("{} ", r.say("changes-paragraph-reworded", &[])))];
                        v.extend(words(ws));
                        v
                    }
                })
                .collect(),
        },
        Change::Moved { from, to } => Line::new(vec![t(r.say(
            "changes-moved",
            &[("from", s(from.as_str())), ("to", s(to.as_str()))],
        ))]),
        Change::Reordered { from, to, within } => Line::new(vec![t(r.say(
            "changes-reordered",
            &[
                ("from", s(from.to_string())),
                ("to", s(to.to_string())),
                ("within", s(within.as_str())),
            ],
        ))]),
        Change::Revised {
            statement,
            field,
            from,
            to,
        } => Line::new(vec![
            Span::Strong(r.say("changes-revised", &[])),
            t(r.say(
                "changes-revised-detail",
                &[
                    ("statement", s(statement.as_str())),
                    ("field", s(field_name(r, field))),
                    ("from", s(from.as_str())),
                    ("to", s(to.as_str())),
                ],
            )),
        ]),
        Change::Renamed { from, to } => Line::new(spans_around(
            r,
            "changes-renamed",
            &[],
            vec![
                ("from", Span::Code(from.clone())),
                ("to", Span::Code(to.clone())),
            ],
        )),
    }
}

/// What the report calls a kind of item, one or many: aims and priorities in the plan's own
/// words (`levels`), the others from the tables.
fn kind_name(r: &Report, kind: ItemKind, levels: &Levels) -> String {
    match kind {
        ItemKind::Aim => levels.aim.singular.clone(),
        ItemKind::Priority => levels.priority.singular.clone(),
        // The tables name a kind as a label ("Page"); in a sentence it is "page".
        kind => lower_first(&r.say("changes-kind-one", &[("kind", s(kind.id()))])),
    }
}

/// A kind of item as a heading: "Commitments".
fn kind_heading(r: &Report, kind: ItemKind, levels: &Levels) -> String {
    match kind {
        ItemKind::Aim => capitalised(&levels.aim.plural),
        ItemKind::Priority => capitalised(&levels.priority.plural),
        kind => r.say("changes-kind-other", &[("kind", s(kind.id()))]),
    }
}

/// `text` with its first letter in lower case.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The words for what happened to an item ("Added"), from the tables.
fn status_word(r: &Report, status: Status) -> String {
    r.say(status.key(), &[])
}

fn entry(r: &Report, item: &ItemDiff, levels: &Levels) -> Entry {
    let mut headline = vec![
        Span::Strong(status_word(r, item.status)),
        t(r.say("changes-after-status", &[])),
    ];
    let quote_name = matches!(item.kind, ItemKind::Commitment | ItemKind::Outcome);
    match item.kind {
        ItemKind::Commitment => {
            headline.push(t(format!(
                "{} ",
                kind_name(r, ItemKind::Commitment, levels)
            )));
            headline.push(Span::Code(item.id.clone()));
            if let Some(place) = &item.place {
                headline.push(t(format!(
                    " {}",
                    r.say("changes-in", &[("place", s(place.as_str()))])
                )));
            }
        }
        ItemKind::Outcome => {
            headline.push(t(kind_name(r, ItemKind::Outcome, levels)));
            if let Some(place) = &item.place {
                headline.push(t(format!(
                    " {}",
                    r.say("changes-of", &[("place", s(place.as_str()))])
                )));
            }
        }
        ItemKind::Aim | ItemKind::Priority => headline.push(t(item.name.clone())),
        kind => {
            headline.push(t(r.say(
                "changes-kind-name",
                &[
                    ("kind", s(kind_name(r, kind, levels))),
                    ("name", s(item.name.as_str())),
                ],
            )));
        }
    }
    let mut lines = Vec::new();
    let reworded_text = item
        .changes
        .iter()
        .any(|c| matches!(c, Change::Reworded { field, .. } if field == "text"));
    if quote_name && !reworded_text {
        let words = match item.status {
            Status::Added => Span::Added(item.name.clone()),
            Status::Removed => Span::Deleted(item.name.clone()),
            Status::Changed => t(format!("“{}”", item.name)),
        };
        lines.push(Line::new(vec![
            t(format!("{} ", r.say("changes-text", &[]))),
            words,
        ]));
    }
    if let Some(m) = &item.matched {
        lines.push(Line::new(spans_around(
            r,
            "changes-id-changed",
            &[("percent", s(format!("{:.0}", (m.score * 100.0).floor())))],
            vec![
                ("old", Span::Code(m.old_id.clone())),
                ("new", Span::Code(item.id.clone())),
            ],
        )));
    }
    lines.extend(item.changes.iter().map(|c| change_line(r, c)));
    Entry { headline, lines }
}

/// The changes in one plain sentence per kind, in the report's language: "Commitments: 2
/// reworded, 1 moved."
pub fn summary_sentences(r: &Report) -> Vec<String> {
    let diff = r.diff;
    let mut out = Vec::new();
    if !diff.plan.is_empty() {
        out.push(r.say("changes-summary-plan", &[("count", n(diff.plan.len()))]));
    }
    for section in &diff.sections {
        let c = section.counts();
        if c.is_empty() {
            continue;
        }
        let parts: Vec<String> = [
            (c.added, "changes-count-added"),
            (c.removed, "changes-count-removed"),
            (c.reworded, "changes-count-reworded"),
            (c.moved, "changes-count-moved"),
            (c.other, "changes-count-other"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, key)| r.say(key, &[("count", n(count))]))
        .collect();
        out.push(r.say(
            "changes-summary-kind",
            &[
                ("heading", s(kind_heading(r, section.kind, &diff.levels))),
                ("parts", s(parts.join(", "))),
            ],
        ));
    }
    let revised: usize = diff
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(ItemDiff::revisions)
        .sum();
    if revised > 0 {
        out.push(r.say("changes-summary-revised", &[("count", n(revised))]));
    }
    out
}

/// The rows of the summary table: a heading and its counts, for kinds with changes (all kinds
/// when `all` is set).
pub(crate) fn summary_rows(r: &Report, all: bool) -> Vec<(String, [usize; 5])> {
    let diff = r.diff;
    diff.sections
        .iter()
        .map(|s| {
            let c = s.counts();
            (
                kind_heading(r, s.kind, &diff.levels),
                [c.added, c.removed, c.reworded, c.moved, c.other],
            )
        })
        .filter(|(_, n)| all || n.iter().any(|n| *n > 0))
        .collect()
}

/// The summary table's columns, in the report's language.
pub(crate) fn columns(r: &Report) -> [String; 5] {
    [
        "changes-column-added",
        "changes-column-removed",
        "changes-column-reworded",
        "changes-column-moved",
        "changes-column-other",
    ]
    .map(|k| r.say(k, &[]))
}

/// The report's title: "What changed between … and …".
pub(crate) fn title(report: &Report) -> String {
    report.say(
        "changes-title",
        &[
            ("old", s(report.old_label.as_str())),
            ("new", s(report.new_label.as_str())),
        ],
    )
}

/// How deleted and added words are shown, for a legend: `deleted` and `added` wrap the
/// word "words" as each format marks them.
pub(crate) fn legend(
    r: &Report,
    deleted: impl Fn(&str, &str) -> String,
    added: impl Fn(&str, &str) -> String,
) -> String {
    let words = r.say("changes-legend-words", &[]);
    r.say(
        "changes-legend",
        &[
            (
                "deleted",
                s(deleted(&r.say("changes-deleted", &[]), &words)),
            ),
            ("added", s(added(&r.say("changes-added", &[]), &words))),
        ],
    )
}

pub(crate) fn sections(report: &Report) -> Vec<(String, String, Vec<Entry>)> {
    let mut out = Vec::new();
    if !report.diff.plan.is_empty() {
        out.push((
            report.say("changes-plan-heading", &[]),
            "plan".to_string(),
            vec![Entry {
                headline: vec![
                    Span::Strong(status_word(report, Status::Changed)),
                    t(report.say("changes-after-status", &[])),
                    t(report.say("changes-the-plan-itself", &[])),
                ],
                lines: report
                    .diff
                    .plan
                    .iter()
                    .map(|c| change_line(report, c))
                    .collect(),
            }],
        ));
    }
    for s in &report.diff.sections {
        if s.items.is_empty() {
            continue;
        }
        out.push((
            kind_heading(report, s.kind, &report.diff.levels),
            s.kind.id().to_string(),
            s.items
                .iter()
                .map(|i| entry(report, i, &report.diff.levels))
                .collect(),
        ));
    }
    out
}

/// Escapes the characters that would be read as markup in an element's text (`&`, `<`, `>`),
/// leaving quotes and apostrophes as written.
fn text_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes text for HTML, letting long unbroken runs (addresses, table rows, paths) wrap after
/// `/`, `|`, `-`, `_` and `.`, so narrow screens never scroll sideways.
fn escape_wrapping(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run > 12 && matches!(c, '/' | '|' | '-' | '_' | '.' | ')' | '#') {
            out.push_str("<wbr>");
        }
    }
    out
}

fn html_spans(r: &Report, spans: &[Span]) -> String {
    let (deleted, added) = (r.say("changes-deleted", &[]), r.say("changes-added", &[]));
    let escape = escape_wrapping;
    let mut s = String::new();
    for span in spans {
        match span {
            Span::Text(x) => s.push_str(&escape(x)),
            Span::Strong(x) => {
                let _ = write!(s, "<strong>{}</strong>", escape(x));
            }
            Span::Code(x) => {
                let _ = write!(s, "<code>{}</code>", escape(x));
            }
            Span::Deleted(x) => {
                let _ = write!(
                    s,
                    "<span class=\"change change-deleted\">[{}: <del>{}</del>]</span>",
                    escape(&deleted),
                    escape(x)
                );
            }
            Span::Added(x) => {
                let _ = write!(
                    s,
                    "<span class=\"change change-added\">[{}: <ins>{}</ins>]</span>",
                    escape(&added),
                    escape(x)
                );
            }
        }
    }
    s
}

/// The body of the report as an HTML fragment whose headings start at `level` (2 when the
/// page has its own `h1`). `ids` prefixes every id, to keep them unique on a page.
pub fn html_fragment(report: &Report, level: u8, ids: &str) -> String {
    let (h, h2) = (level, level + 1);
    let r = report;
    let mut out = String::new();
    if report.diff.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", text_escape(&r.say("changes-none", &[])));
        return out;
    }
    out.push_str("<ul class=\"change-summary\">\n");
    for s in summary_sentences(report) {
        let _ = writeln!(out, "<li>{}</li>", escape(&s));
    }
    let legend = legend(
        r,
        |label, words| {
            format!(
                "<span class=\"change change-deleted\">[{}: <del>{}</del>]</span>",
                text_escape(label),
                text_escape(words)
            )
        },
        |label, words| {
            format!(
                "<span class=\"change change-added\">[{}: <ins>{}</ins>]</span>",
                text_escape(label),
                text_escape(words)
            )
        },
    );
    let _ = writeln!(out, "</ul>\n<p>{legend}</p>");
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"{ids}summary\">\n<h{h} id=\"{ids}summary\">{}</h{h}>",
        text_escape(&r.say("changes-summary", &[]))
    );
    out.push_str("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"");
    let _ = write!(
        out,
        "{ids}summary-caption\" tabindex=\"0\">\n<table class=\"change-counts\">\n<caption id=\"{ids}summary-caption\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        text_escape(&r.say("changes-caption", &[])),
        text_escape(&r.say("changes-kind-of-item", &[])),
    );
    for c in columns(r) {
        let _ = write!(out, "<th scope=\"col\">{}</th>", text_escape(&c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if !report.diff.plan.is_empty() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td colspan=\"5\">{}</td></tr>",
            text_escape(&r.say("changes-plan-heading", &[])),
            text_escape(&r.say(
                "changes-plan-count",
                &[("count", n(report.diff.plan.len()))]
            )),
        );
    }
    for (name, counts) in summary_rows(report, true) {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", text_escape(&name));
        for n in counts {
            let _ = write!(out, "<td>{n}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    for (heading, id, entries) in sections(report) {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{ids}{id}\">\n<h{h} id=\"{ids}{id}\">{}</h{h}>\n<ul class=\"changed-items\">",
            escape(&heading)
        );
        for e in entries {
            let _ = write!(
                out,
                "<li>\n<h{h2} class=\"changed-item\">{}</h{h2}>\n",
                html_spans(report, &e.headline)
            );
            if !e.lines.is_empty() {
                out.push_str("<ul>\n");
                for line in e.lines {
                    let _ = write!(out, "<li>{}", html_spans(report, &line.spans));
                    if !line.sub.is_empty() {
                        out.push_str("\n<ul>\n");
                        for sub in line.sub {
                            let _ = writeln!(out, "<li>{}</li>", html_spans(report, &sub));
                        }
                        out.push_str("</ul>\n");
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    out
}
