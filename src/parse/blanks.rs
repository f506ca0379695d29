//! Blank values in front matter: `value:` with nothing after it.
//!
//! A report that is still a draft is filled in over weeks, and `planpress new report` starts
//! each of its files with every figure blank, so that the office only types numbers into a
//! file that already has the right shape. Each blank is then something still to fill in,
//! found here with its line and what it belongs to ("breakdowns › Crime by type › Rape ›
//! value"), for `planpress check`'s list and for the error a published report gets instead.
//! The front matter is read as text, line by line, because a parsed YAML value no longer
//! knows where each key was written.

/// A key written with no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blank {
    /// The 1-based line of the file.
    pub line: usize,
    /// The 1-based column of the key.
    pub column: usize,
    /// The key and the keys and items it sits under, outermost first.
    pub path: Vec<String>,
}

impl Blank {
    /// What is blank, in words: "latest › value", "breakdowns › Crime by type › Rape ›
    /// value".
    pub fn describe(&self) -> String {
        self.path.join(" › ")
    }
}

/// One line of front matter: its indentation, the column its key starts at (after any `- `),
/// the key, and what follows the key's colon.
struct Line<'a> {
    indent: usize,
    key_column: usize,
    key: Option<&'a str>,
    value: &'a str,
    item: bool,
}

fn line(text: &str) -> Line<'_> {
    let indent = text.len() - text.trim_start_matches(' ').len();
    let mut rest = &text[indent..];
    let mut key_column = indent;
    let item = rest.starts_with("- ") || rest == "-";
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start_matches(' ');
        key_column = text.len() - rest.len();
    }
    let key_end = rest
        .char_indices()
        .find(|&(i, c)| c == ':' && rest[i + 1..].chars().next().is_none_or(|n| n == ' '))
        .map(|(i, _)| i);
    let starts_like_key = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    match key_end {
        Some(end)
            if starts_like_key
                && rest[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
        {
            Line {
                indent,
                key_column,
                key: Some(&rest[..end]),
                value: rest[end + 1..].trim(),
                item,
            }
        }
        _ => Line {
            indent,
            key_column,
            key: None,
            value: rest.trim(),
            item,
        },
    }
}

/// The keys whose values name a list item, in the order they are preferred.
const NAMES: [&str; 5] = ["label", "title", "period", "area", "id"];

/// Every key in `front` (front matter whose first line is file line `first_line`) written
/// with no value, or with `null` or `~`, in file order.
pub fn blanks(front: &str, first_line: usize) -> Vec<Blank> {
    let lines: Vec<&str> = front.lines().collect();
    let parsed: Vec<Line> = lines.iter().map(|l| line(l)).collect();
    let mut out = Vec::new();
    for (i, l) in parsed.iter().enumerate() {
        if l.key.is_none() {
            continue;
        }
        let empty = l.value.is_empty() || l.value == "~" || l.value == "null";
        if !empty {
            continue;
        }
        // A key with nothing after it holds what is indented under it, or a list at its own
        // indentation; only a key with neither is blank.
        let next = parsed[i + 1..]
            .iter()
            .zip(&lines[i + 1..])
            .find(|(_, t)| !t.trim().is_empty() && !t.trim_start().starts_with('#'))
            .map(|(n, _)| n);
        let holds = l.value.is_empty()
            && next
                .is_some_and(|n| n.indent > l.key_column || (n.indent == l.key_column && n.item));
        if holds {
            continue;
        }
        out.push(Blank {
            line: first_line + i,
            column: l.key_column + 1,
            path: path_to(&parsed, i),
        });
    }
    out
}

/// The keys and list items line `at` sits under, outermost first, ending with its own key.
fn path_to(lines: &[Line], at: usize) -> Vec<String> {
    let mut path = vec![lines[at].key.unwrap_or_default().to_string()];
    let mut cur = at;
    let mut column = lines[at].key_column;
    loop {
        // The list item holding `cur`, when there is one: the nearest line at or above it
        // that starts an item whose keys are at this column. Keys at the left edge are in
        // no item.
        let item = (column > 0)
            .then(|| {
                (0..=cur)
                    .rev()
                    .take_while(|&j| lines[j].key_column >= column || lines[j].key.is_none())
                    .find(|&j| lines[j].item && lines[j].key_column == column)
            })
            .flatten();
        if let Some(start) = item {
            let end = (start + 1..lines.len())
                .find(|&k| {
                    (lines[k].key.is_some() && lines[k].key_column < column)
                        || (lines[k].item && lines[k].key_column == column)
                })
                .unwrap_or(lines.len());
            let name = NAMES.iter().find_map(|want| {
                (start..end)
                    .filter(|&k| k != at && lines[k].key_column == column)
                    .find(|&k| lines[k].key == Some(want))
                    .map(|k| lines[k].value.trim_matches('"').to_string())
                    .filter(|v| !v.is_empty())
            });
            path.extend(name);
            cur = start;
        }
        // The key that holds it: the nearest key above it further to the left.
        let Some(parent) = (0..cur)
            .rev()
            .find(|&k| lines[k].key.is_some() && lines[k].key_column < column)
        else {
            break;
        };
        // A list of items is named by its items; its key ("items") says no more.
        if lines[parent].key != Some("items") {
            path.push(lines[parent].key.unwrap_or_default().to_string());
        }
        cur = parent;
        column = lines[parent].key_column;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn described(front: &str) -> Vec<(usize, String)> {
        blanks(front, 2)
            .into_iter()
            .map(|b| (b.line, b.describe()))
            .collect()
    }

    #[test]
    fn blank_values_are_found_with_what_they_belong_to() {
        let front = "\
latest:
  value:
  period: Quarter 2
limits:
  upper: 10
  lower: ~
breakdowns:
  - title: Crime by type
    period:
    items:
      - label: Rape
        value:
        baseline: 320
      - label: Cyber
        value: null
series:
- period: July 2021
  value:
source:
";
        assert_eq!(
            described(front),
            [
                (3, "latest › value".to_string()),
                (7, "limits › lower".to_string()),
                (10, "breakdowns › Crime by type › period".to_string()),
                (13, "breakdowns › Crime by type › Rape › value".to_string()),
                (16, "breakdowns › Crime by type › Cyber › value".to_string()),
                (19, "series › July 2021 › value".to_string()),
                (20, "source".to_string()),
            ]
        );
    }

    #[test]
    fn keys_holding_maps_or_lists_are_not_blank() {
        let front = "latest:\n  value: 3\nareas:\n- area: north\n  value: 2\nchart_only: []\n";
        assert!(blanks(front, 1).is_empty(), "{:?}", blanks(front, 1));
        // A quoted empty text is a value (an empty one), not a blank.
        assert!(blanks("source: \"\"\n", 1).is_empty());
    }

    #[test]
    fn a_blank_item_key_is_named_by_the_items_own_words() {
        let front = "areas:\n  - area: north\n    value:\n  - value:\n    area: south\n";
        assert_eq!(
            described(front),
            [
                (4, "areas › north › value".to_string()),
                (5, "areas › south › value".to_string()),
            ]
        );
    }
}
