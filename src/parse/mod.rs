//! Turning a content file's text into typed front matter and a Markdown body.
//!
//! A file is `---`, YAML front matter, `---`, then Markdown. [`split`] finds the two parts and
//! where each starts; [`front_matter`] deserialises the YAML into one struct per kind of
//! document (see [`kinds`]). Serde stops at the first problem in a value, so after each
//! recoverable problem we blank out the offending key and try again: one run reports every
//! unknown key and wrong type in a file, each at its own line.

pub mod blanks;
pub mod classify;
pub mod image;
pub mod kinds;
pub mod markdown;
mod problem;

use std::collections::BTreeSet;
use std::path::Path;

use serde::de::DeserializeOwned;

use self::kinds::RequiredKeys;

use crate::diagnostics::{Diagnostic, Diagnostics};
use problem::{blank_key, Problem};

/// The two parts of a content file.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub front: &'a str,
    /// The file line on which the YAML starts (1-based).
    pub front_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// The file line on which the body starts (1-based).
    pub body_line: usize,
}

/// Splits a file into front matter and body, or says what is wrong with the fences.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let example = "start the file with a line \"---\", then the keys (\"title: ...\"), then another \"---\" line";
    if text.trim().is_empty() {
        return Err(Diagnostic::new(path, 1, 1, "the file is empty").with_hint(example));
    }
    let rest = match text.strip_prefix("---\n") {
        Some(rest) => rest,
        None if text.trim_end() == "---" => {
            return Err(
                Diagnostic::new(path, 1, 1, "the front matter is not closed").with_hint(example),
            )
        }
        None => {
            return Err(
                Diagnostic::new(path, 1, 1, "the file does not start with front matter")
                    .with_hint(example),
            )
        }
    };
    let mut offset = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        if l.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + l.len()..];
            return Ok(Split {
                front,
                front_line: 2,
                body,
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Diagnostic::new(
        path,
        1,
        1,
        "the front matter is not closed: no second \"---\" line was found",
    )
    .with_hint("add a line \"---\" after the last front-matter key, before the text"))
}

/// How deep YAML may nest before we refuse it; real front matter needs four or five levels.
const MAX_DEPTH: usize = 32;
/// How many times one file is retried after blanking a bad key.
const MAX_RETRIES: usize = 50;
/// The most YAML re-read while looking for more problems in one file, so a long front matter
/// full of mistakes is retried fewer times than a short one.
const RETRY_BUDGET_BYTES: usize = 512 * 1024;
/// The largest front matter we parse. The longest shipped one is under 7 KB; anything near
/// this is a mistake (text that belongs in the body) or an attack on the parser.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// The longest front-matter line, in characters. The longest shipped one is under 250.
pub const MAX_LINE_CHARS: usize = 4096;

/// Deserialises front matter into `T`, reporting every problem it can find to `diags`.
///
/// `first_line` is the file line on which `yaml` starts, so messages point into the file.
pub fn front_matter<T: DeserializeOwned + RequiredKeys>(
    yaml: &str,
    path: &Path,
    first_line: usize,
    diags: &mut Diagnostics,
) -> Option<T> {
    if let Some(d) = check_shape(yaml, path, first_line) {
        diags.push(d);
        return None;
    }
    let mut text = yaml.to_string();
    let mut blanked: BTreeSet<String> = BTreeSet::new();
    let retries = MAX_RETRIES
        .min(RETRY_BUDGET_BYTES / yaml.len().max(1))
        .max(1);
    for reported in 0..retries {
        let err = match serde_yaml::from_str::<T>(&text) {
            Ok(value) => return if reported == 0 { Some(value) } else { None },
            Err(e) => e,
        };
        let problem = Problem::from_error(&err, &text);
        if let Problem::Missing { key, .. } = &problem {
            if blanked.contains(key) {
                return None;
            }
        }
        let (line, column) = problem.position(&text);
        let mut report = |problem: &Problem| {
            diags.push(
                Diagnostic::new(path, line + first_line - 1, column, problem.message())
                    .with_optional_hint(problem.hint()),
            );
        };
        report(&problem);
        // serde names only the first required key it finds missing; an author starting a
        // file from scratch should learn of every one in one run, not one run per key.
        if let Problem::Missing { key, within, at } = &problem {
            if within.is_empty() {
                for other in also_missing(T::REQUIRED, key, &text, &blanked) {
                    report(&Problem::Missing {
                        key: other.to_string(),
                        within: String::new(),
                        at: *at,
                    });
                }
            }
        }
        match problem.key_line(&text) {
            Some((key, key_line)) if problem.recoverable() => {
                if !blank_key(&mut text, key_line) {
                    return None;
                }
                blanked.insert(key);
            }
            _ => return None,
        }
    }
    None
}

/// The keys in `required` that the top level of `yaml` leaves out, besides `first` (the one
/// serde reported) and the keys already reported and blanked. Nothing when the top level is
/// not a block mapping a line-by-line reading can be sure of (flow style, complex keys), so
/// that no key is ever reported missing that is there.
fn also_missing<'r>(
    required: &[&'r str],
    first: &str,
    yaml: &str,
    blanked: &BTreeSet<String>,
) -> Vec<&'r str> {
    let Some(present) = top_level_keys(yaml) else {
        return Vec::new();
    };
    required
        .iter()
        .copied()
        .filter(|k| *k != first && !present.contains(*k) && !blanked.contains(*k))
        .collect()
}

/// The keys of a block mapping at the top level of `yaml`: the lines that start in the first
/// column, other than comments. `None` when such a line is not a plain `key:` or a quoted
/// `"key":` (flow style, a list, a complex key, a tag or anchor, an escape in a quoted key).
fn top_level_keys(yaml: &str) -> Option<BTreeSet<String>> {
    let mut keys = BTreeSet::new();
    for line in yaml.lines() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if first == ' ' || first == '\t' || first == '#' || line.trim().is_empty() {
            continue;
        }
        let (key, rest) = match first {
            '"' | '\'' => {
                let end = line[1..].find(first)? + 1;
                let key = &line[1..end];
                if key.contains('\\') || key.contains(first) {
                    return None;
                }
                (key, line[end + 1..].trim_start())
            }
            c if c.is_alphanumeric() || c == '_' => {
                let colon = line.match_indices(':').map(|(i, _)| i).find(|&i| {
                    line[i + 1..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == ' ' || c == '\t')
                })?;
                (line[..colon].trim_end(), &line[colon..])
            }
            _ => return None,
        };
        if !rest.starts_with(':') {
            return None;
        }
        keys.insert(key.to_string());
    }
    Some(keys)
}

/// Refuses YAML that would cost unbounded time or memory before serde sees it: front matter
/// or lines too long to be plan data, aliases (which can expand exponentially and have no use
/// in plan content) and very deep nesting.
fn check_shape(yaml: &str, path: &Path, first_line: usize) -> Option<Diagnostic> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Some(
            Diagnostic::new(
                path,
                first_line,
                1,
                format!(
                    "the front matter is {} KiB, more than the {} KiB allowed",
                    yaml.len().div_ceil(1024),
                    MAX_FRONT_MATTER_BYTES / 1024
                ),
            )
            .with_hint("front matter holds short values; put long text in the Markdown after the second \"---\" line"),
        );
    }
    let mut flow_depth = 0usize;
    let suspects = Suspects::of(yaml);
    for (i, line) in yaml.lines().enumerate() {
        // A line no longer in bytes than the limit is no longer in characters: count only
        // the rare long one.
        let length = if line.len() > MAX_LINE_CHARS {
            line.chars().count()
        } else {
            line.len()
        };
        if length > MAX_LINE_CHARS {
            return Some(
                Diagnostic::new(
                    path,
                    first_line + i,
                    1,
                    format!("this line is {length} characters long, more than the {MAX_LINE_CHARS} allowed in front matter"),
                )
                .with_hint("front matter holds short values; put long text in the Markdown after the second \"---\" line"),
            );
        }
        // Only the indentation can be wrong on a line without a suspect byte.
        let suspect = suspects.in_line(line);
        if suspect {
            // YAML reads these as line breaks, which would split a value silently and put every
            // later message on the wrong line.
            // Each separator's UTF-8 starts with 0xC2 or 0xE2: lines without either are skipped.
            if let Some((col, c)) = line
                .bytes()
                .any(|b| b == 0xc2 || b == 0xe2)
                .then(|| {
                    line.chars()
                        .enumerate()
                        .find(|(_, c)| matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
                })
                .flatten()
            {
                return Some(
                    Diagnostic::new(
                        path,
                        first_line + i,
                        col + 1,
                        format!(
                            "the front matter contains a Unicode line separator (U+{:04X}), which YAML reads as a line break",
                            c as u32
                        ),
                    )
                    .with_hint("delete it and retype the text around it; it usually comes from text copied out of another program"),
                );
            }
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        if suspect {
            if let Some(pos) = alias_position(line) {
                return Some(
                    Diagnostic::new(
                        path,
                        first_line + i,
                        pos + 1,
                        "YAML aliases (\"*name\") are not allowed in front matter",
                    )
                    .with_hint("write the value out in full where it is needed"),
                );
            }
            if line.starts_with('\t') || line.trim_start_matches(' ').starts_with('\t') {
                return Some(
                    Diagnostic::new(
                        path,
                        first_line + i,
                        1,
                        "a tab character is used for indentation",
                    )
                    .with_hint("indent front matter with spaces, not tabs"),
                );
            }
            let deepest = flow_nesting(line, &mut flow_depth);
            if let Some(column) = deepest.filter(|_| flow_depth > MAX_DEPTH) {
                return Some(Diagnostic::new(
                    path,
                    first_line + i,
                    column + 1,
                    "the front matter nests too deeply",
                ));
            }
        }
        let indent = line.len() - trimmed.len();
        if indent / 2 > MAX_DEPTH {
            return Some(Diagnostic::new(
                path,
                first_line + i,
                indent + 1,
                "the front matter nests too deeply",
            ));
        }
    }
    None
}

/// The bytes that the checks of [`check_shape`] other than length and indentation look for:
/// the first byte of each Unicode line separator, `*` (aliases), tabs and brackets (flow
/// nesting).
fn is_suspect(b: u8) -> bool {
    (b == 0xc2)
        | (b == 0xe2)
        | (b == b'*')
        | (b == b'\t')
        | (b == b'[')
        | (b == b']')
        | (b == b'{')
        | (b == b'}')
}

/// How many bytes [`Suspects`] looks at together.
const SUSPECT_BLOCK: usize = 64;

/// Which blocks of a text hold a byte that [`is_suspect`]. Most front-matter lines hold none,
/// so testing whole blocks at once (with no early exit, which the compiler turns into vector
/// instructions) lets [`check_shape`] skip four scans of nearly every line.
struct Suspects<'a> {
    text: &'a str,
    blocks: Vec<bool>,
}

impl<'a> Suspects<'a> {
    fn of(text: &'a str) -> Self {
        let blocks = text
            .as_bytes()
            .chunks(SUSPECT_BLOCK)
            .map(|block| block.iter().fold(false, |any, &b| any | is_suspect(b)))
            .collect();
        Suspects { text, blocks }
    }

    /// False when `line`, a slice of the text, holds no suspect byte.
    fn in_line(&self, line: &str) -> bool {
        let start = line.as_ptr() as usize - self.text.as_ptr() as usize;
        let first = start / SUSPECT_BLOCK;
        let last = (start + line.len()) / SUSPECT_BLOCK;
        self.blocks
            .get(first..=last.min(self.blocks.len().saturating_sub(1)))
            .is_none_or(|blocks| blocks.contains(&true))
    }
}

/// Follows the nesting of flow collections (`[...]`, `{...}`) through one line, carrying the
/// depth over from earlier lines in `depth`. Returns the 0-based column (in characters) where
/// the depth first went past [`MAX_DEPTH`], leaving `depth` there. Only a bracket where a value
/// can start opens a collection (so `text: see [1` does not), and brackets in quotes and
/// comments do not count; as in [`alias_position`], a quote starts only where a value can.
pub(super) fn flow_nesting(line: &str, depth: &mut usize) -> Option<usize> {
    // Only brackets change the depth, and quotes do not carry over from one line to the
    // next: a line without brackets (most of them) leaves everything as it was.
    if !line.bytes().any(|b| matches!(b, b'[' | b']' | b'{' | b'}')) {
        return None;
    }
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    // The last character outside quotes that was not a space; a line starts a value.
    let mut significant = '-';
    for (column, c) in line.chars().enumerate() {
        let value_starts = matches!(significant, ':' | '-' | ',' | '[' | '{' | '?');
        match quote {
            Some('"') if c == '"' && prev != '\\' => quote = None,
            Some('\'') if c == '\'' => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && value_starts => quote = Some(c),
            None if c == '#' && prev == ' ' => return None,
            None if (c == '[' || c == '{') && value_starts => {
                *depth += 1;
                if *depth > MAX_DEPTH {
                    return Some(column);
                }
            }
            None if (c == ']' || c == '}') && *depth > 0 => *depth -= 1,
            None => {}
        }
        if quote.is_none() && c != ' ' {
            significant = c;
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    None
}

/// Finds an alias (`*name` where a value starts) outside quotes.
fn alias_position(line: &str) -> Option<usize> {
    // Only a `*` can start an alias.
    if !line.as_bytes().contains(&b'*') {
        return None;
    }
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && matches!(prev, ' ' | ':' | '[' | ',' | '-') => {
                quote = Some(c)
            }
            None if c == '#' && prev == ' ' => return None,
            None if c == '*' && matches!(prev, ' ' | '[' | ',' | '-') => {
                let next = line[i + 1..].chars().next();
                if next.is_some_and(|n| n.is_alphanumeric() || n == '_')
                    && value_starts_here(line, i)
                {
                    return Some(i);
                }
            }
            None => {}
        }
        prev = c;
    }
    None
}

fn value_starts_here(line: &str, i: usize) -> bool {
    let before = line[..i].trim_end();
    before.is_empty()
        || before.ends_with(':')
        || before.ends_with('-')
        || before.ends_with('[')
        || before.ends_with(',')
}

#[cfg(test)]
mod tests {
    use super::problem::human_found;
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        text: String,
        due: Option<String>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        number: u32,
        items: Vec<Item>,
    }

    impl RequiredKeys for Doc {
        const REQUIRED: &'static [&'static str] = &["title", "number", "items"];
    }

    /// For a valid file of a kind, leaving out each top-level key in turn: serde must report
    /// that key missing exactly when the kind's [`RequiredKeys`] list names it, and the list
    /// names only keys the file has. A required key added to a kind without adding it to the
    /// list fails here (or the file no longer parses).
    fn required_keys_match_serde<T: DeserializeOwned + RequiredKeys>(file: &str) {
        let front = split(file, Path::new("f.md")).unwrap().front;
        serde_yaml::from_str::<T>(front).expect("the sample file is valid");
        let keys = top_level_keys(front).unwrap();
        for required in T::REQUIRED {
            assert!(keys.contains(*required), "the sample lacks {required}");
        }
        for key in &keys {
            let without: String = {
                let mut out = String::new();
                let mut skipping = false;
                for line in front.lines() {
                    if line.starts_with(&format!("{key}:")) {
                        skipping = true;
                        continue;
                    }
                    if skipping && (line.starts_with(' ') || line.starts_with('-')) {
                        continue;
                    }
                    skipping = false;
                    out.push_str(line);
                    out.push('\n');
                }
                out
            };
            let missing = match serde_yaml::from_str::<T>(&without) {
                Err(e) => e.to_string().starts_with(&format!("missing field `{key}`")),
                Ok(_) => false,
            };
            assert_eq!(
                missing,
                T::REQUIRED.contains(&key.as_str()),
                "key {key}: serde says missing = {missing}"
            );
        }
    }

    #[test]
    fn every_required_key_list_matches_serde() {
        use kinds::*;
        macro_rules! fixture {
            ($kind:ty, $file:literal) => {
                required_keys_match_serde::<$kind>(include_str!(concat!(
                    "../../tests/fixtures/minimal/content/",
                    $file
                )))
            };
        }
        fixture!(PlanFront, "_index.md");
        fixture!(AimFront, "safety/_index.md");
        fixture!(PriorityFront, "safety/01-safer-streets.md");
        fixture!(GlossaryFront, "glossary/anti-social-behaviour.md");
        fixture!(StatementFront, "performance/calls-answered.md");
        fixture!(PageFront, "about.md");
        // The shipped plan's first report, for the kinds the minimal plan has none of.
        required_keys_match_serde::<ReportFront>(include_str!(
            "../../content/reports/2021-22-q1/_index.md"
        ));
        required_keys_match_serde::<ReportedFront>(include_str!(
            "../../content/reports/2021-22-q1/all-crime.md"
        ));
    }

    #[test]
    fn every_missing_required_key_is_reported_but_never_one_that_is_there() {
        // Block style: each one left out is reported, at the start of the front matter.
        let all = problems("number: 3\n");
        assert_eq!(
            all,
            vec![
                "2:1 missing required key \"items\"".to_string(),
                "2:1 missing required key \"title\"".to_string(),
            ]
        );
        // Quoted keys and comments are read as keys and comments.
        let quoted = problems("# a comment\n\"title\": T\nnumber: 3\n");
        assert_eq!(
            quoted,
            vec!["2:1 missing required key \"items\"".to_string()]
        );
        // Flow style cannot be read line by line: only serde's own report.
        let flow = problems("{number: 3}\n");
        assert_eq!(flow.len(), 1, "{flow:?}");
        // A key already reported for its value is not reported missing as well.
        let wrong = problems("title: [1]\nnumber: 3\n");
        assert!(
            !wrong
                .iter()
                .any(|p| p.contains("missing required key \"title\"")),
            "{wrong:?}"
        );
    }

    fn problems(yaml: &str) -> Vec<String> {
        let mut d = Diagnostics::new();
        let r: Option<Doc> = front_matter(yaml, Path::new("f.md"), 2, &mut d);
        assert!(r.is_none() || d.is_empty());
        d.into_sorted()
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn every_unknown_key_in_a_file_is_reported() {
        let yaml =
            "title: T\nnumber: 1\nsubtitle: x\nitems:\n  - id: a\n    text: b\n    due_dat: 2022\n";
        assert_eq!(
            problems(yaml),
            vec![
                "4:1 unknown key \"subtitle\"".to_string(),
                "8:5 unknown key \"due_dat\"".to_string()
            ]
        );
    }

    #[test]
    fn wrong_type_and_missing_key_are_both_reported() {
        let yaml = "number: one\nitems: []\n";
        assert_eq!(
            problems(yaml),
            vec![
                "2:1 missing required key \"title\"".to_string(),
                "2:9 \"number\" should be a whole number but is string \"one\"".to_string()
            ]
        );
    }

    #[test]
    fn duplicate_key_points_at_the_second_one() {
        assert_eq!(
            problems("title: a\nnumber: 1\ntitle: b\nitems: []\n"),
            vec!["4:1 the key \"title\" appears more than once"]
        );
    }

    #[test]
    fn only_brackets_that_open_a_collection_count_as_nesting() {
        let mut depth = 0;
        assert_eq!(flow_nesting("text: see [1 and {2", &mut depth), None);
        assert_eq!(depth, 0);
        assert_eq!(
            flow_nesting("list: [a, \"[[[\", {b: [c]}", &mut depth),
            None
        );
        assert_eq!(depth, 1, "the list is still open");
        let deep = format!("x: {}", "[".repeat(40));
        let mut depth = 0;
        assert_eq!(flow_nesting(&deep, &mut depth), Some(3 + MAX_DEPTH));
    }

    #[test]
    fn a_key_holding_a_flow_list_is_blanked_to_the_list_end() {
        let mut text = "title: x\nnumber: [\n  1,\n]\nitems: []\n".to_string();
        assert!(blank_key(&mut text, 2));
        assert_eq!(text, "title: x\n\n\n\nitems: []");
    }

    #[test]
    fn unicode_line_separators_are_refused_where_yaml_would_break_the_line() {
        let problems = problems("title: a\u{2028}b\nnumber: 1\nitems: []\n");
        assert_eq!(problems, vec!["2:9 the front matter contains a Unicode line separator (U+2028), which YAML reads as a line break"]);
    }

    #[test]
    fn shape_problems_are_found_wherever_they_fall_among_the_blocks_tested_at_once() {
        let deep = format!("c: {}", "[".repeat(MAX_DEPTH + 1));
        let cases = [
            ("c: *alias", "aliases"),
            ("\tc: d", "tab"),
            ("c: a\u{2028}b", "line separator"),
            ("c: a\u{85}b", "line separator"),
            (deep.as_str(), "nests too deeply"),
        ];
        for pad in 0..2 * SUSPECT_BLOCK + 2 {
            for (line, message) in cases {
                let yaml = format!("a: x\nb: {}\n{line}\nd: e\n", "y".repeat(pad));
                let found = check_shape(&yaml, Path::new("f.md"), 2)
                    .unwrap_or_else(|| panic!("{line:?} after {pad} bytes"));
                assert!(found.message.contains(message), "{}", found.message);
                assert_eq!(found.line, 4, "{line:?} after {pad} bytes");
            }
            let yaml = format!("a: x\nb: {}\nc: \"*x [ {{\"\n", "y".repeat(pad));
            assert!(check_shape(&yaml, Path::new("f.md"), 2).is_none());
        }
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let long = format!("string \"{}\"", "9".repeat(200));
        let short = human_found(&long);
        assert!(short.starts_with("string \"999"), "{short}");
        assert!(short.ends_with("... (200 characters)\""), "{short}");
    }

    #[test]
    fn aliases_are_refused_before_expansion() {
        assert_eq!(problems("title: &a x\nnumber: 1\nitems: [*a]\n").len(), 1);
        assert!(problems("title: \"*not an alias\"\nnumber: 1\nitems: []\n").is_empty());
    }

    #[test]
    fn split_finds_both_parts_and_their_lines() {
        let s = split("---\ntitle: A\n---\nBody\n", Path::new("a.md")).unwrap();
        assert_eq!(
            (s.front, s.front_line, s.body, s.body_line),
            ("title: A\n", 2, "Body\n", 4)
        );
        let e = split("---\ntitle: A\n", Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("not closed"));
        let e = split("title: A\n", Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("does not start"));
    }
}
