//! Any office's plan, in any shape: planpress's own code names no particular plan, and plans
//! of other shapes (other words for the levels, one level only, commitments by other parties,
//! missing parts) build and read well.

mod common;

use std::fs;
use std::path::Path;

use common::repo;

/// Words that name the shipped plan's area, force, people and places: those its plan file
/// gives (area, force, commissioner, local policing areas, address, telephone, email), and
/// the places and people its pages name.
fn shipped_plan_words() -> Vec<String> {
    let plan = planpress::read_plan(&repo().join("content")).expect("the shipped plan reads");
    let m = &plan.meta;
    let mut words: Vec<String> = vec![m.area.clone(), m.force.clone(), m.commissioner.clone()];
    words.extend(m.areas.iter().map(|a| a.name.clone()));
    words.extend(m.contact.address.iter().cloned());
    words.extend(m.contact.phone.iter().cloned());
    words.extend(m.contact.email.iter().cloned());
    words.extend(m.contact.social.iter().map(|s| s.handle.clone()));
    words.extend(
        [
            "Mercia",
            "Campion",
            "Worcester",
            "Worcs",
            "Hindlip",
            "Hereford",
            "Shropshire",
            "Shrewsbury",
            "Telford",
            "Wrekin",
            "Redditch",
        ]
        .map(String::from),
    );
    // The commissioner's surname and the distinctive word of the area on their own.
    words.extend(m.commissioner.split_whitespace().last().map(String::from));
    words.sort();
    words.dedup();
    words.retain(|w| w.trim().len() >= 4);
    words
}

/// Every text file under `dir`, with its path.
fn text_files(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let text = fs::read_to_string(e.path()).ok()?;
            Some((e.path().display().to_string(), text))
        })
        .collect()
}

/// The words found in `files`, each with where: `path:line: word`.
fn findings(files: &[(String, String)], words: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            for w in words {
                if lower.contains(&w.to_lowercase()) {
                    found.push(format!("{path}:{}: {w}", n + 1));
                }
            }
        }
    }
    found
}

/// planpress serves every office: its code and its theme name no particular plan. Every such
/// word comes from the content.
#[test]
fn nothing_in_src_or_themes_names_the_shipped_plan() {
    let words = shipped_plan_words();
    assert!(words.iter().any(|w| w == "Campion"), "{words:?}");
    let mut files = text_files(&repo().join("src"));
    files.extend(text_files(&repo().join("themes")));
    assert!(files.len() > 50, "the scan read {} files", files.len());
    // The scan itself finds a word where one is written.
    let planted = vec![("planted.rs".to_string(), "// Hindlip Hall".to_string())];
    assert_eq!(findings(&planted, &words), ["planted.rs:1: Hindlip"]);
    let found = findings(&files, &words);
    assert!(
        found.is_empty(),
        "src/ and themes/ name the shipped plan:\n{}",
        found.join("\n")
    );
}
