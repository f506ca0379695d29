//! Canonical front matter: every kind's keys in one fixed order, with one way of quoting.
//!
//! The front matter is read a second time, guided by a [`Shape`] per kind that lists its keys
//! in the order of the fields of the structs in [`crate::parse::kinds`]. Reading through serde
//! keeps each value's text exactly as YAML gives it (`24.0` stays `24.0`, `2023-10` stays
//! `2023-10`), so the formatter rewrites layout, order and quoting and never a value.
//!
//! Quoting: text is written plain, unless YAML would read it differently or it holds
//! characters YAML treats specially (a leading symbol, `: `, ` #`, a trailing `:`, or a word
//! such as `yes`, `no`, `true` or `null`); then it is written in double quotes. Numbers and
//! fixed words (`status: draft`) are written as they were.
//!
//! Long text: a value of two or more sentences is written one sentence per line, continuing
//! the scalar on lines indented under it. YAML folds each such line break back into a single
//! space, so the value is unchanged (the round-trip check proves it for every file). Block
//! scalars (`>`, `|`) are never used: their chomping and indentation rules make it easy to add
//! or lose a trailing newline.
//!
//! Comments: the formatter cannot keep YAML comments in place, so a file whose front matter
//! has one is refused with its line, never silently stripped.

use std::fmt::Write as _;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::sentence;

/// The shape of a front-matter value: how to read it and how to write it.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Words for readers: canonical quoting, one sentence per line.
    Text,
    /// A number or a fixed word (`draft`, `in-progress`): written exactly as it was.
    Plain,
    /// A list, one item per line.
    List(&'static Shape),
    /// A short list of words on one line: `[a, b]`.
    Inline(&'static Shape),
    /// Keys and values, in this order.
    Map(&'static [(&'static str, Shape)]),
    /// Keys the author chooses (ids), each with a value of this shape, in the order written.
    Dict(&'static Shape),
    /// A file whose blank values are kept as blanks (a draft report's figures still to fill
    /// in), with this shape.
    Open(&'static Shape),
}

const LINK: Shape = Shape::Map(&[("title", Shape::Text), ("url", Shape::Text)]);
const FIGURE: Shape = Shape::Map(&[("value", Shape::Plain), ("period", Shape::Text)]);
const COMMITMENT: Shape = Shape::Map(&[
    ("id", Shape::Text),
    ("text", Shape::Text),
    ("status", Shape::Plain),
    ("due", Shape::Text),
    ("owner", Shape::Text),
    ("evidence", Shape::List(&LINK)),
]);
const GROUP: Shape = Shape::Map(&[
    ("lead", Shape::Text),
    ("commitments", Shape::List(&COMMITMENT)),
]);
const SOCIAL: Shape = Shape::Map(&[
    ("service", Shape::Text),
    ("handle", Shape::Text),
    ("url", Shape::Text),
]);
const NOUN: Shape = Shape::Map(&[("singular", Shape::Text), ("plural", Shape::Text)]);
const PARTY: Shape = Shape::Map(&[
    ("id", Shape::Text),
    ("name", Shape::Text),
    ("heading", Shape::Text),
    ("lead", Shape::Text),
]);
/// A list of statutory elements, `covers: [resources, reporting]`.
const COVERS: Shape = Shape::Inline(&Shape::Plain);
const AREA: Shape = Shape::Map(&[("id", Shape::Text), ("name", Shape::Text)]);
const AREA_VALUE: Shape = Shape::Map(&[("area", Shape::Text), ("value", Shape::Plain)]);
const NATIONAL_PRIORITY: Shape = Shape::Map(&[("id", Shape::Text), ("title", Shape::Text)]);
const LIMITS: Shape = Shape::Map(&[
    ("upper", Shape::Plain),
    ("lower", Shape::Plain),
    ("basis", Shape::Text),
]);
const SERIES_POINT: Shape = Shape::Map(&[
    ("period", Shape::Text),
    ("value", Shape::Plain),
    ("areas", Shape::List(&AREA_VALUE)),
]);
const BREAKDOWN_ITEM: Shape = Shape::Map(&[
    ("label", Shape::Text),
    ("value", Shape::Plain),
    ("baseline", Shape::Plain),
    ("change", Shape::Plain),
    ("limits", LIMITS),
    ("note", Shape::Text),
]);
const BREAKDOWN: Shape = Shape::Map(&[
    ("title", Shape::Text),
    ("unit", Shape::Plain),
    ("period", Shape::Text),
    ("baseline_period", Shape::Text),
    ("items", Shape::List(&BREAKDOWN_ITEM)),
]);

/// `content/_index.md` ([`crate::parse::kinds::PlanFront`]).
pub const PLAN: Shape = Shape::Map(&[
    ("title", Shape::Text),
    ("subtitle", Shape::Text),
    ("period", Shape::Text),
    ("status", Shape::Plain),
    ("area", Shape::Text),
    ("force", Shape::Text),
    ("commissioner", Shape::Text),
    ("organisation", Shape::Text),
    ("published", Shape::Text),
    (
        "licence",
        Shape::Map(&[("name", Shape::Text), ("url", Shape::Text)]),
    ),
    (
        "contact",
        Shape::Map(&[
            ("phone", Shape::Text),
            ("email", Shape::Text),
            ("address", Shape::List(&Shape::Text)),
            ("social", Shape::List(&SOCIAL)),
        ]),
    ),
    ("areas", Shape::List(&AREA)),
    ("national_priorities", Shape::List(&NATIONAL_PRIORITY)),
    ("reporting_date", Shape::Text),
    ("base_url", Shape::Text),
    ("compare_with", Shape::Text),
    ("raw_html", Shape::Plain),
    ("levels", Shape::Map(&[("aim", NOUN), ("priority", NOUN)])),
    ("parties", Shape::List(&PARTY)),
    (
        "brand",
        Shape::Map(&[
            (
                "logo",
                Shape::Map(&[("src", Shape::Text), ("alt", Shape::Text)]),
            ),
            ("primary", Shape::Text),
            ("accent", Shape::Text),
            ("header_text", Shape::Text),
        ]),
    ),
    ("history", Shape::List(&Shape::Text)),
    ("voice", Shape::Text),
    ("languages", Shape::Inline(&Shape::Plain)),
]);

/// An aim's `_index.md` ([`crate::parse::kinds::AimFront`]).
pub const AIM: Shape = Shape::Map(&[
    ("title", Shape::Text),
    ("order", Shape::Plain),
    ("outcomes", Shape::List(&Shape::Text)),
    ("covers", COVERS),
]);

/// A priority ([`crate::parse::kinds::PriorityFront`]).
pub const PRIORITY: Shape = Shape::Map(&[
    ("number", Shape::Plain),
    ("title", Shape::Text),
    ("commissioner", GROUP),
    ("chief_constable", GROUP),
    ("commitments_by", Shape::Dict(&GROUP)),
    ("covers", COVERS),
]);

/// A glossary term ([`crate::parse::kinds::GlossaryFront`]).
pub const GLOSSARY: Shape = Shape::Map(&[
    ("term", Shape::Text),
    ("abbreviations", Shape::Inline(&Shape::Text)),
]);

/// A performance statement ([`crate::parse::kinds::StatementFront`]).
pub const STATEMENT: Shape = Shape::Map(&[
    ("measure", Shape::Text),
    ("unit", Shape::Plain),
    ("better", Shape::Plain),
    (
        "target",
        Shape::Map(&[
            ("text", Shape::Text),
            ("value", Shape::Plain),
            ("change", Shape::Plain),
        ]),
    ),
    ("latest", FIGURE),
    ("previous", FIGURE),
    ("baseline", FIGURE),
    ("change", CHANGE),
    ("direction", Shape::Plain),
    ("limits", LIMITS),
    ("areas", Shape::List(&AREA_VALUE)),
    ("series", Shape::List(&SERIES_POINT)),
    ("breakdowns", Shape::List(&BREAKDOWN)),
    ("chart_only", Shape::List(&Shape::Text)),
    ("priorities", Shape::Inline(&Shape::Text)),
    ("national_priorities", Shape::Inline(&Shape::Text)),
    ("lead", Shape::Text),
    ("data_source", Shape::Text),
    ("source", Shape::Text),
]);

/// A published percentage change ([`crate::parse::kinds::Change`]), in a statement and in a
/// report's figures alike.
const CHANGE: Shape = Shape::Map(&[("value", Shape::Plain), ("basis", Shape::Text)]);

/// A report's `_index.md` ([`crate::parse::kinds::ReportFront`]), with blanks kept (a new
/// report's date of presentation and source, still to fill in).
pub const REPORT: Shape = Shape::Open(&Shape::Map(&[
    ("title", Shape::Text),
    ("start", Shape::Text),
    ("end", Shape::Text),
    ("presented", Shape::Text),
    ("status", Shape::Plain),
    ("source", Shape::Text),
]));

/// A statement's figures in a report ([`crate::parse::kinds::ReportedFront`]): the figure keys
/// of a statement, in the same order, with blanks kept.
pub const REPORTED: Shape = Shape::Open(&Shape::Map(&[
    ("latest", FIGURE),
    ("previous", FIGURE),
    ("baseline", FIGURE),
    ("change", CHANGE),
    ("direction", Shape::Plain),
    ("limits", LIMITS),
    ("areas", Shape::List(&AREA_VALUE)),
    ("series", Shape::List(&SERIES_POINT)),
    ("breakdowns", Shape::List(&BREAKDOWN)),
    ("chart_only", Shape::List(&Shape::Text)),
    ("source", Shape::Text),
]));

/// Any other page ([`crate::parse::kinds::PageFront`]).
pub const PAGE: Shape = Shape::Map(&[
    ("title", Shape::Text),
    ("order", Shape::Plain),
    ("covers", COVERS),
]);

/// A front-matter value as written, with the keys of each map in canonical order.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A scalar's text as YAML reads it.
    Scalar(String),
    /// A list.
    List(Vec<Node>),
    /// A map: each key present (not null) with its value, in the shape's order.
    Map(Vec<(&'static str, Node)>),
    /// A map of keys the author chose, in the order written.
    Dict(Vec<(String, Node)>),
    /// A key written with no value, kept in an [`Shape::Open`] file.
    Blank,
}

impl Node {
    /// Every scalar's text, depth first.
    pub fn scalars(&self) -> Vec<&str> {
        match self {
            Node::Scalar(s) => vec![s.as_str()],
            Node::List(items) => items.iter().flat_map(Node::scalars).collect(),
            Node::Map(entries) => entries.iter().flat_map(|(_, n)| n.scalars()).collect(),
            Node::Dict(entries) => entries
                .iter()
                .flat_map(|(k, n)| std::iter::once(k.as_str()).chain(n.scalars()))
                .collect(),
            Node::Blank => Vec::new(),
        }
    }
}

/// Reads front matter by its shape. Null values are dropped, like absent optional keys,
/// except in an [`Shape::Open`] file, where a key with no value is kept as a [`Node::Blank`].
pub fn read(yaml: &str, shape: &'static Shape) -> Result<Node, serde_yaml::Error> {
    let (shape, keep) = match shape {
        Shape::Open(inner) => (*inner, true),
        s => (s, false),
    };
    let node = Seed(shape, keep).deserialize(serde_yaml::Deserializer::from_str(yaml))?;
    Ok(match node {
        Some(Node::Blank) | None => Node::Map(Vec::new()),
        Some(n) => n,
    })
}

/// How to read a value: its shape, and whether a blank is kept.
struct Seed(&'static Shape, bool);

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Option<Node>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Node>, D::Error> {
        d.deserialize_option(Value(self.0, self.1))
    }
}

struct Value(&'static Shape, bool);

impl<'de> Visitor<'de> for Value {
    type Value = Option<Node>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("front matter")
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<Node>, E> {
        Ok(self.1.then_some(Node::Blank))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<Node>, E> {
        Ok(self.1.then_some(Node::Blank))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<Node>, D::Error> {
        let keep = self.1;
        match self.0 {
            Shape::Text | Shape::Plain => d.deserialize_string(Scalar).map(Some),
            Shape::List(item) | Shape::Inline(item) => {
                d.deserialize_seq(List(item, keep)).map(Some)
            }
            Shape::Map(fields) => d.deserialize_map(Map(fields, keep)).map(Some),
            Shape::Dict(value) => d.deserialize_map(Dict(value, keep)).map(Some),
            Shape::Open(inner) => Value(inner, true).visit_some(d),
        }
    }
}

struct Scalar;

impl Visitor<'_> for Scalar {
    type Value = Node;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a single value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(format!("{v:?}")))
    }
}

struct List(&'static Shape, bool);

impl<'de> Visitor<'de> for List {
    type Value = Node;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Seed(self.0, self.1))? {
            match item {
                Some(Node::Blank) | None => return Err(de::Error::custom("a list item is empty")),
                Some(node) => items.push(node),
            }
        }
        Ok(Node::List(items))
    }
}

struct Map(&'static [(&'static str, Shape)], bool);

impl<'de> Visitor<'de> for Map {
    type Value = Node;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a set of keys")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut values: Vec<Option<Node>> = vec![None; self.0.len()];
        let mut seen = vec![false; self.0.len()];
        while let Some(key) = map.next_key::<String>()? {
            let Some(i) = self.0.iter().position(|(k, _)| *k == key) else {
                return Err(de::Error::custom(format!("unknown key \"{key}\"")));
            };
            if seen[i] {
                return Err(de::Error::custom(format!(
                    "the key \"{key}\" appears more than once"
                )));
            }
            seen[i] = true;
            values[i] = map.next_value_seed(Seed(&self.0[i].1, self.1))?;
        }
        Ok(Node::Map(
            self.0
                .iter()
                .zip(values)
                .filter_map(|((k, _), v)| v.map(|v| (*k, v)))
                .collect(),
        ))
    }
}

struct Dict(&'static Shape, bool);

impl<'de> Visitor<'de> for Dict {
    type Value = Node;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a set of keys")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries: Vec<(String, Node)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format!(
                    "the key \"{key}\" appears more than once"
                )));
            }
            if let Some(value) = map.next_value_seed(Seed(self.0, self.1))? {
                entries.push((key, value));
            }
        }
        Ok(Node::Dict(entries))
    }
}

/// Writes front matter in canonical form (ending with a newline, or empty).
pub fn write(node: &Node, shape: &Shape) -> String {
    let shape = match shape {
        Shape::Open(inner) => inner,
        s => s,
    };
    let mut out = String::new();
    if let (Node::Map(entries), Shape::Map(fields)) = (node, shape) {
        write_map(entries, fields, 0, &mut out);
    }
    out
}

fn shape_of(fields: &[(&str, Shape)], key: &str) -> Shape {
    fields
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(Shape::Plain, |(_, s)| *s)
}

fn write_map(entries: &[(&str, Node)], fields: &[(&str, Shape)], indent: usize, out: &mut String) {
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(key);
        out.push(':');
        write_value(value, &shape_of(fields, key), indent, out);
    }
}

/// Writes a value after `key:` (or after `- `), ending with a newline. `indent` is the
/// indentation of the key that owns the value.
fn write_value(node: &Node, shape: &Shape, indent: usize, out: &mut String) {
    match (node, shape) {
        (Node::Blank, _) => out.push('\n'),
        (Node::Scalar(s), Shape::Text) => {
            out.push(' ');
            out.push_str(&text(s, indent + 2));
            out.push('\n');
        }
        (Node::Scalar(s), _) => {
            out.push(' ');
            out.push_str(s);
            out.push('\n');
        }
        (Node::List(items), _) if items.is_empty() => out.push_str(" []\n"),
        (Node::List(items), Shape::Inline(item)) => {
            let words: Vec<String> = items
                .iter()
                .map(|n| match n {
                    Node::Scalar(s) if matches!(item, Shape::Text) => flow_text(s),
                    Node::Scalar(s) => s.clone(),
                    _ => String::new(),
                })
                .collect();
            let _ = writeln!(out, " [{}]", words.join(", "));
        }
        (Node::List(items), Shape::List(item)) => {
            out.push('\n');
            let dash = indent + 2;
            for n in items {
                out.push_str(&" ".repeat(dash));
                out.push('-');
                match (n, item) {
                    (Node::Map(entries), Shape::Map(fields)) if !entries.is_empty() => {
                        out.push(' ');
                        write_map(entries, fields, dash + 2, out);
                    }
                    _ => write_value(n, item, dash, out),
                }
            }
        }
        (Node::Map(entries), _) if entries.is_empty() => out.push_str(" {}\n"),
        (Node::Map(entries), Shape::Map(fields)) => {
            out.push('\n');
            out.push_str(&" ".repeat(indent + 2));
            write_map(entries, fields, indent + 2, out);
        }
        (Node::Dict(entries), _) if entries.is_empty() => out.push_str(" {}\n"),
        (Node::Dict(entries), Shape::Dict(value)) => {
            out.push('\n');
            for (key, node) in entries {
                out.push_str(&" ".repeat(indent + 2));
                out.push_str(&flow_text(key));
                out.push(':');
                write_value(node, value, indent + 2, out);
            }
        }
        (n, _) => {
            // A shape mismatch cannot pass the typed parse; write something re-readable anyway.
            out.push(' ');
            out.push_str(&serde_yaml_fallback(n));
            out.push('\n');
        }
    }
}

fn serde_yaml_fallback(node: &Node) -> String {
    match node {
        Node::Blank => String::new(),
        Node::Scalar(s) => quoted(s),
        Node::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(serde_yaml_fallback)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Node::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{k}: {}", serde_yaml_fallback(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Node::Dict(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", quoted(k), serde_yaml_fallback(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A text value in block context: plain or double-quoted, one sentence per line, continuation
/// lines indented by `continuation` spaces.
fn text(s: &str, continuation: usize) -> String {
    let plain = plain_ok(s, false);
    let breaks = if s.chars().any(|c| c.is_control()) {
        Vec::new()
    } else {
        sentence::plain_breaks(s)
    };
    let mut pieces = Vec::new();
    let mut start = 0;
    for b in breaks {
        pieces.push(&s[start..b]);
        start = b + 1;
    }
    pieces.push(&s[start..]);
    let sep = format!("\n{}", " ".repeat(continuation));
    if plain {
        pieces.join(&sep)
    } else {
        let inner: Vec<String> = pieces.iter().map(|p| escape(p)).collect();
        format!("\"{}\"", inner.join(&sep))
    }
}

/// A text value inside `[...]`.
fn flow_text(s: &str) -> String {
    if plain_ok(s, true) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Words YAML 1.1 or 1.2 reads as true, false or null.
const SPECIAL_WORDS: &[&str] = &[
    "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
];

/// True when `s` can be written without quotes and read back as the same text.
fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s
        || s.chars()
            .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
    {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if flow && s.contains([',', '[', ']', '{', '}', ':']) {
        return false;
    }
    !SPECIAL_WORDS.contains(&s.to_lowercase().as_str())
}

/// The line (0-based, within the front matter) of the first comment, if any.
///
/// A `#` in YAML is either in a value or starts a comment, so when the front matter holds more
/// `#` characters than its values do, one of them is a comment.
pub fn first_comment(yaml: &str, node: &Node) -> Option<usize> {
    for (i, line) in yaml.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            return Some(i);
        }
    }
    let in_values: usize = node.scalars().iter().map(|s| s.matches('#').count()).sum();
    if yaml.matches('#').count() > in_values {
        let line = yaml
            .lines()
            .position(|l| l.contains(" #") || l.contains("\t#"))
            .unwrap_or(0);
        return Some(line);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(yaml: &str, shape: &'static Shape) -> String {
        let node = read(yaml, shape).unwrap();
        let out = write(&node, shape);
        assert_eq!(read(&out, shape).unwrap(), node, "value changed:\n{out}");
        assert_eq!(write(&read(&out, shape).unwrap(), shape), out);
        out
    }

    #[test]
    fn keys_follow_the_kind_and_values_keep_their_text() {
        let yaml = "outcomes:\n- 'One'\norder: 2\ntitle: \"Plain title\"\n";
        assert_eq!(
            roundtrip(yaml, &AIM),
            "title: Plain title\norder: 2\noutcomes:\n  - One\n"
        );
        let yaml = "target: {value: 80.0, text: 80%}\nmeasure: M\nunit: percent\nsource: S\npriorities:\n  - a\n  - b\n";
        assert_eq!(
            roundtrip(yaml, &STATEMENT),
            "measure: M\nunit: percent\ntarget:\n  text: 80%\n  value: 80.0\npriorities: [a, b]\nsource: S\n"
        );
    }

    #[test]
    fn text_is_quoted_only_when_yaml_needs_it() {
        let yaml = "title: \"a: b\"\nperiod: '@x'\nstatus: draft\narea: \"yes\"\ncommissioner: \"ends:\"\norganisation: it's fine\npublished: 2021-08-09\n";
        assert_eq!(
            roundtrip(yaml, &PLAN),
            "title: \"a: b\"\nperiod: \"@x\"\nstatus: draft\narea: \"yes\"\ncommissioner: \"ends:\"\norganisation: it's fine\npublished: 2021-08-09\n"
        );
    }

    #[test]
    fn long_text_gets_one_sentence_per_line_and_the_same_value() {
        let yaml = "commissioner:\n  commitments:\n    - id: a\n      text: Do one thing. Then another, e.g. this.\n    - id: b\n      text: \"Say: this. And \\\"that\\\".\"\ntitle: T\n";
        assert_eq!(
            roundtrip(yaml, &PRIORITY),
            "title: T\ncommissioner:\n  commitments:\n    - id: a\n      text: Do one thing.\n        Then another, e.g. this.\n    - id: b\n      text: \"Say: this.\n        And \\\"that\\\".\"\n"
        );
    }

    #[test]
    fn a_report_keeps_its_blanks_and_other_files_drop_them() {
        let yaml = "source:\nlatest:\n  period: Quarter 2\n  value:\nbreakdowns:\n  - title: T\n    items:\n      - label: A\n        value: ~\n";
        assert_eq!(
            roundtrip(yaml, &REPORTED),
            "latest:\n  value:\n  period: Quarter 2\nbreakdowns:\n  - title: T\n    items:\n      - label: A\n        value:\nsource:\n"
        );
        assert_eq!(roundtrip("title: A\norder:\n", &PAGE), "title: A\n");
    }

    #[test]
    fn comments_are_found() {
        let node = read("title: A # note\n", &PAGE).unwrap();
        assert_eq!(first_comment("title: A # note\n", &node), Some(0));
        let node = read("title: \"A # not a note\"\n", &PAGE).unwrap();
        assert_eq!(first_comment("title: \"A # not a note\"\n", &node), None);
        let node = read("# note\ntitle: A\n", &PAGE).unwrap();
        assert_eq!(first_comment("# note\ntitle: A\n", &node), Some(0));
    }
}
