//! What a serde_yaml error means for the author: which key, what was expected and found, in
//! plain words with a hint, and how to blank the key out so that parsing can go on and find
//! the file's next problem.

use super::flow_nesting;
use crate::diagnostics::nearest;

/// A serde_yaml error, understood.
#[derive(Debug)]
pub(super) enum Problem {
    UnknownKey {
        key: String,
        expected: Vec<String>,
        at: Option<(usize, usize)>,
    },
    UnknownValue {
        key: String,
        value: String,
        expected: Vec<String>,
        at: Option<(usize, usize)>,
    },
    WrongType {
        key: String,
        found: String,
        expected: String,
        at: Option<(usize, usize)>,
    },
    Missing {
        key: String,
        within: String,
        at: Option<(usize, usize)>,
    },
    Duplicate {
        key: String,
    },
    Other {
        message: String,
        key: Option<String>,
        at: Option<(usize, usize)>,
    },
}

impl Problem {
    pub(super) fn from_error(err: &serde_yaml::Error, _text: &str) -> Problem {
        let at = err.location().map(|l| (l.line(), l.column()));
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) if at.is_some() => full[..i].to_string(),
            _ => full.clone(),
        };
        let (path, rest) = match message.split_once(": ") {
            Some((p, r)) if !p.contains(' ') && !p.is_empty() => (p.to_string(), r.to_string()),
            _ => (String::new(), message.clone()),
        };
        let last_key = last_key(&path);
        if let Some(r) = rest.strip_prefix("unknown field ") {
            let (key, expected) = ticked_then_list(r);
            return Problem::UnknownKey { key, expected, at };
        }
        if let Some(r) = rest.strip_prefix("unknown variant ") {
            let (value, expected) = ticked_then_list(r);
            return Problem::UnknownValue {
                key: last_key,
                value,
                expected,
                at,
            };
        }
        if let Some(r) = rest.strip_prefix("invalid type: ") {
            if let Some((found, expected)) = r.split_once(", expected ") {
                return Problem::WrongType {
                    key: last_key,
                    found: found.to_string(),
                    expected: expected.to_string(),
                    at,
                };
            }
        }
        if let Some(r) = rest.strip_prefix("missing field ") {
            return Problem::Missing {
                key: r.trim_matches('`').to_string(),
                within: path,
                at,
            };
        }
        if let Some(r) = rest.strip_prefix("duplicate field ") {
            return Problem::Duplicate {
                key: r.trim_matches('`').to_string(),
            };
        }
        if let Some(r) = rest.strip_prefix("invalid value: ") {
            return Problem::Other {
                message: format!("\"{last_key}\" has a value that is not allowed: {r}"),
                key: Some(last_key),
                at,
            };
        }
        Problem::Other {
            message: format!("the front matter is not valid YAML: {rest}"),
            key: None,
            at,
        }
    }

    pub(super) fn recoverable(&self) -> bool {
        matches!(
            self,
            Problem::UnknownKey { .. }
                | Problem::UnknownValue { .. }
                | Problem::WrongType { .. }
                | Problem::Duplicate { .. }
        ) || matches!(self, Problem::Other { key: Some(_), .. })
    }

    pub(super) fn message(&self) -> String {
        match self {
            Problem::UnknownKey { key, .. } => format!("unknown key \"{key}\""),
            Problem::UnknownValue { key, value, .. } => {
                format!("\"{value}\" is not an allowed value for \"{key}\"")
            }
            Problem::WrongType {
                key,
                found,
                expected,
                ..
            } => {
                if key.is_empty() {
                    format!(
                        "the front matter should be {} but is {}",
                        human_type(expected),
                        human_found(found)
                    )
                } else {
                    format!(
                        "\"{key}\" should be {} but is {}",
                        human_type(expected),
                        human_found(found)
                    )
                }
            }
            Problem::Missing { key, within, .. } => {
                if within.is_empty() {
                    format!("missing required key \"{key}\"")
                } else {
                    format!(
                        "missing required key \"{key}\" in \"{}\"",
                        human_path(within)
                    )
                }
            }
            Problem::Duplicate { key } => format!("the key \"{key}\" appears more than once"),
            Problem::Other { message, .. } => message.clone(),
        }
    }

    pub(super) fn hint(&self) -> Option<String> {
        match self {
            Problem::UnknownKey { key, expected, .. } => Some(
                match nearest(key, expected.iter().map(String::as_str)) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None if expected.is_empty() => "no keys are allowed here".to_string(),
                    None => format!("the keys allowed here are: {}", expected.join(", ")),
                },
            ),
            Problem::UnknownValue { value, expected, .. } => Some(match nearest(value, expected.iter().map(String::as_str)) {
                Some(near) => format!("did you mean \"{near}\"? (allowed: {})", expected.join(", ")),
                None => format!("use one of: {}", expected.join(", ")),
            }),
            Problem::WrongType { expected, .. } if expected.contains("sequence") => {
                Some("write a list, one item per line starting with \"- \", or [a, b]".to_string())
            }
            Problem::WrongType { expected, .. } if expected.starts_with("struct") || expected == "a map" => {
                Some("write the keys it holds on the following lines, indented by two spaces".to_string())
            }
            Problem::Missing { key, .. } => Some(format!("add a line \"{key}: ...\"")),
            Problem::Duplicate { .. } => Some("keep one of them and delete the other".to_string()),
            Problem::Other { key: None, .. } => Some(
                "check the indentation and quoting; put text containing \": \" or starting with a symbol in double quotes".to_string(),
            ),
            _ => None,
        }
    }

    pub(super) fn position(&self, text: &str) -> (usize, usize) {
        match self {
            Problem::Duplicate { key } => {
                let lines = key_lines(text, key);
                lines
                    .get(1)
                    .or(lines.first())
                    .map_or((1, 1), |(l, c)| (*l, *c))
            }
            Problem::Missing { within, .. } if within.is_empty() => (1, 1),
            Problem::UnknownKey { at: Some(at), .. }
            | Problem::UnknownValue { at: Some(at), .. }
            | Problem::WrongType { at: Some(at), .. }
            | Problem::Missing { at: Some(at), .. }
            | Problem::Other { at: Some(at), .. } => *at,
            _ => (1, 1),
        }
    }

    /// The key the problem is about and the (1-based) line it is written on.
    pub(super) fn key_line(&self, text: &str) -> Option<(String, usize)> {
        let (key, at) = match self {
            Problem::UnknownKey { key, at, .. } => (key, *at),
            Problem::UnknownValue { key, at, .. } | Problem::WrongType { key, at, .. } => {
                (key, *at)
            }
            Problem::Other {
                key: Some(key), at, ..
            } => (key, *at),
            Problem::Duplicate { key } => {
                let lines = key_lines(text, key);
                return lines.get(1).map(|(l, _)| (key.clone(), *l));
            }
            _ => return None,
        };
        let (line, _) = at?;
        let lines: Vec<&str> = text.lines().collect();
        (1..=line.min(lines.len())).rev().find_map(|l| {
            let (k, _) = key_on_line(lines[l - 1])?;
            (k == key.as_str()).then(|| (key.clone(), l))
        })
    }
}

/// Blanks the key on `line` and everything indented under it, keeping line numbers. Returns
/// false when the key cannot be removed without breaking the surrounding structure.
pub(super) fn blank_key(text: &mut String, line: usize) -> bool {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let Some(first) = lines.get(line - 1) else {
        return false;
    };
    let Some((_, indent)) = key_on_line(first) else {
        return false;
    };
    if first.trim_start().starts_with('-') {
        return false;
    }
    // A flow collection (`[...]`, `{...}`) opened under the key belongs to it until it is
    // closed, whatever the indentation of its last lines.
    let mut flow_depth = 0;
    flow_nesting(first, &mut flow_depth);
    lines[line - 1].clear();
    for l in lines.iter_mut().skip(line) {
        let trimmed = l.trim_start();
        let this_indent = l.len() - trimmed.len();
        let belongs = trimmed.is_empty()
            || flow_depth > 0
            || this_indent > indent
            || (this_indent == indent && trimmed.starts_with('-'));
        if !belongs {
            break;
        }
        flow_nesting(l, &mut flow_depth);
        l.clear();
    }
    *text = lines.join("\n");
    true
}

/// The key written on a line (`key:` or `- key:`) and the column it starts at (0-based).
pub(super) fn key_on_line(line: &str) -> Option<(&str, usize)> {
    let trimmed = line.trim_start();
    let mut indent = line.len() - trimmed.len();
    let mut rest = trimmed;
    if let Some(r) = rest.strip_prefix("- ") {
        let r2 = r.trim_start();
        indent += 2 + (r.len() - r2.len());
        rest = r2;
    }
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest.find(':')?;
    let key = rest[..end].trim_end_matches(['"', '\'']);
    if key.is_empty() || key.contains(' ') || key.starts_with('#') {
        return None;
    }
    let after = &rest[end + 1..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some((key, indent))
}

/// Every (1-based line, column) where `key` is written as a key.
fn key_lines(text: &str, key: &str) -> Vec<(usize, usize)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            key_on_line(l)
                .filter(|(k, _)| *k == key)
                .map(|(_, c)| (i + 1, c + 1))
        })
        .collect()
}

fn last_key(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last).to_string()
}

fn human_path(path: &str) -> String {
    // `commissioner.commitments[2]` → `commissioner.commitments, item 3`
    let mut out = String::new();
    for part in path.split('.') {
        if !out.is_empty() {
            out.push_str(" > ");
        }
        match part.split_once('[') {
            Some((name, idx)) => {
                let n: usize = idx.trim_end_matches(']').parse().unwrap_or(0);
                out.push_str(&format!("{name} item {}", n + 1));
            }
            None => out.push_str(part),
        }
    }
    out
}

/// Parses "`x`, expected one of `a`, `b`" or "`x`, expected `a` or `b`".
fn ticked_then_list(s: &str) -> (String, Vec<String>) {
    let mut ticked = s.split('`').skip(1).step_by(2).map(str::to_string);
    let first = ticked.next().unwrap_or_default();
    (first, ticked.collect())
}

fn human_type(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "a whole number".to_string(),
        "f32" | "f64" => "a number".to_string(),
        "a sequence" => "a list".to_string(),
        "a boolean" => "true or false".to_string(),
        e if e.starts_with("struct ") || e == "a map" => "a set of keys, one per line".to_string(),
        e if e.starts_with("enum ") => "one of the allowed words".to_string(),
        e => e.to_string(),
    }
}

pub(super) fn human_found(found: &str) -> String {
    match found {
        "sequence" => "a list".to_string(),
        "map" => "a set of keys".to_string(),
        "unit value" => "empty".to_string(),
        f => {
            let f = f
                .replace("floating point", "the number")
                .replace("integer", "the number");
            match f.split_once(" \"") {
                Some((kind, quoted)) if quoted.ends_with('"') => {
                    format!("{kind} \"{}\"", shorten(&quoted[..quoted.len() - 1]))
                }
                _ => shorten(&f),
            }
        }
    }
}

/// A value quoted in a message, cut short when it is long enough to bury the message.
pub(super) fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}... ({} characters)", &text[..i], text.chars().count()),
        None => text.to_string(),
    }
}
