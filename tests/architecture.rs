//! The stages depend one way: `load → parse → plan → compare → render → export → drivers`,
//! no output imports a sibling output, and no two top-level modules import each other. Read
//! from the source itself (every `crate::` path outside comments), so a new import that breaks
//! the order fails here with the file and the line that made it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and its stage: a module may use its own stage and those below.
const STAGES: &[(&str, u32)] = &[
    ("diagnostics", 0),
    ("write", 0),
    ("native", 0),
    ("load", 1),
    ("parse", 2),
    ("words", 3),
    ("plan", 4),
    ("compare", 5),
    ("render", 6),
    ("theme", 7),
    ("export", 8),
    ("fmt", 9),
    ("build", 9),
    ("scaffold", 9),
    ("serve", 10),
];

/// One use of another module: where it is written and what it names.
#[derive(Debug)]
struct Use {
    file: String,
    line: usize,
    /// The path after `crate::`, e.g. `export::data::json`.
    path: Vec<String>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file under `src/` belongs to (`None` for the crate root, the
/// command-line front end and the binaries, which sit above every stage).
fn module_of(rel: &str) -> Option<String> {
    let first = rel.split('/').next()?;
    let name = first.trim_end_matches(".rs");
    match name {
        "lib" | "main" | "cli" | "bin" => None,
        _ => Some(name.to_string()),
    }
}

/// The output an `export/` file belongs to (`data` for `export/data.rs`, `website` for
/// `export/website/performance.rs`), or `None` for the contract in `export/mod.rs`.
fn output_of(rel: &str) -> Option<String> {
    let rest = rel.strip_prefix("export/")?;
    let first = rest.split('/').next()?.trim_end_matches(".rs");
    (first != "mod").then(|| first.to_string())
}

/// Every `crate::a::b` path in `code`, with each `{a::b, c::{d, e}}` group expanded.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        // Skip identifiers that merely end in "crate".
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        expand(rest, &mut Vec::new(), &mut found);
    }
    found
}

/// The paths written at the start of `text` under `prefix`: `a::b`, or a `{...}` group of
/// them, nested as deep as written. Returns how much of `text` they took.
fn expand(text: &str, prefix: &mut Vec<String>, found: &mut Vec<Vec<String>>) -> usize {
    if let Some(group) = text.strip_prefix('{') {
        let mut used = 1;
        let mut rest = group;
        loop {
            let trimmed = rest.trim_start();
            used += rest.len() - trimmed.len();
            rest = trimmed;
            if let Some(after) = rest.strip_prefix('}') {
                let _ = after;
                return used + 1;
            }
            if rest.is_empty() {
                return used;
            }
            let n = expand(rest, &mut prefix.clone(), found);
            let n = n.max(1);
            used += n;
            rest = &rest[n..];
            if let Some(after) = rest.strip_prefix(',') {
                used += 1;
                rest = after;
            }
        }
    }
    let len = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    if len == 0 {
        if !prefix.is_empty() {
            found.push(prefix.clone());
        }
        return 0;
    }
    prefix.push(text[..len].to_string());
    match text[len..].strip_prefix("::") {
        Some(more) => len + 2 + expand(more, prefix, found),
        None => {
            found.push(prefix.clone());
            len
        }
    }
}

/// Every use of a `crate::` path in the source, outside comments.
fn uses() -> Vec<Use> {
    let root = src();
    let mut all = Vec::new();
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for path in crate_paths(code) {
                if !path.is_empty() {
                    all.push(Use {
                        file: rel.clone(),
                        line: i + 1,
                        path,
                    });
                }
            }
        }
    }
    assert!(
        all.len() > 100,
        "only {} uses found: is the scan reading the source?",
        all.len()
    );
    all
}

fn stage(module: &str) -> Option<u32> {
    STAGES.iter().find(|(m, _)| *m == module).map(|(_, s)| *s)
}

#[test]
fn every_top_level_module_has_a_stage() {
    let mut unknown = Vec::new();
    for entry in std::fs::read_dir(src()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if let Some(module) = module_of(&name) {
            if stage(&module).is_none() {
                unknown.push(module);
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "give these modules a stage in tests/architecture.rs: {unknown:?}"
    );
}

#[test]
fn no_stage_uses_a_later_one() {
    let mut wrong = Vec::new();
    for u in uses() {
        let (Some(from), Some(to)) = (module_of(&u.file), u.path.first()) else {
            continue;
        };
        let (Some(a), Some(b)) = (stage(&from), stage(to)) else {
            continue;
        };
        if b > a {
            wrong.push(format!(
                "src/{}:{}: {from} (stage {a}) uses crate::{} (stage {b})",
                u.file,
                u.line,
                u.path.join("::")
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn no_output_imports_another() {
    let export = src().join("export");
    let outputs: BTreeSet<String> = std::fs::read_dir(&export)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .filter(|n| n != "mod")
        .collect();
    assert!(outputs.contains("website") && outputs.contains("large_print"));
    let mut wrong = Vec::new();
    for u in uses() {
        let Some(mine) = output_of(&u.file) else {
            continue;
        };
        if let [first, second, ..] = u.path.as_slice() {
            if first == "export" && outputs.contains(second) && *second != mine {
                wrong.push(format!(
                    "src/{}:{}: the {mine} output uses crate::{}",
                    u.file,
                    u.line,
                    u.path.join("::")
                ));
            }
        }
    }
    // `super::super::` from inside one output reaches the others too.
    for entry in walkdir::WalkDir::new(&export) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line
                .split("//")
                .next()
                .unwrap_or("")
                .contains("super::super::")
            {
                wrong.push(format!(
                    "{}:{}: super::super::",
                    entry.path().display(),
                    i + 1
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn no_two_top_level_modules_import_each_other() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for u in uses() {
        if let (Some(from), Some(to)) = (module_of(&u.file), u.path.first()) {
            if stage(to).is_some() && from != *to {
                edges.entry(from).or_default().insert(to.clone());
            }
        }
    }
    // Depth-first search for a cycle, reporting it whole.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            panic!("the modules import each other: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_scan_finds_paths_in_every_form_they_are_written() {
    let paths = |code: &str| {
        crate_paths(code)
            .into_iter()
            .map(|p| p.join("::"))
            .collect::<Vec<_>>()
    };
    assert_eq!(paths("use crate::plan::Plan;"), ["plan::Plan"]);
    assert_eq!(
        paths("use crate::{export::data, words::human_due};"),
        ["export::data", "words::human_due"]
    );
    assert_eq!(
        paths("let x = crate::render::escape(&s);"),
        ["render::escape"]
    );
    assert_eq!(
        paths("use crate::render::{changes, markdown::{self, Heading}};"),
        [
            "render::changes",
            "render::markdown::self",
            "render::markdown::Heading"
        ]
    );
    assert_eq!(
        paths("use crate::export::{data, Output}; crate::words::human_due(d)"),
        ["export::data", "export::Output", "words::human_due"]
    );
    assert_eq!(paths("notcrate::x"), Vec::<String>::new());
    assert_eq!(
        output_of("export/website/performance.rs").as_deref(),
        Some("website")
    );
    assert_eq!(output_of("export/data.rs").as_deref(), Some("data"));
    assert_eq!(output_of("export/mod.rs"), None);
}
