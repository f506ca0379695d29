//! The words `planpress` puts on the screen about itself: the `--help` of every command, read
//! from the real program and held as snapshots, so a change to any of them is seen in review.
//! The commands are found by walking the help itself (each `Commands:` list), so a new
//! command, or a new output's `export <name>`, is snapshot-tested without being named here.

use std::path::Path;
use std::process::Command;

const PLANPRESS: &str = env!("CARGO_BIN_EXE_planpress");

/// The text `planpress ARGS` prints, which must succeed.
fn run(args: &[&str]) -> String {
    let out = Command::new(PLANPRESS)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run planpress");
    assert!(
        out.status.success(),
        "planpress {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("help is UTF-8")
}

/// The subcommands a help text lists under `Commands:`, less `help`.
fn subcommands(help: &str) -> Vec<String> {
    let Some((_, list)) = help.split_once("\nCommands:\n") else {
        return Vec::new();
    };
    list.lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Every command, as the words after `planpress` (the program itself first, as `[]`), with
/// its `--help`.
fn every_help() -> Vec<(Vec<String>, String)> {
    let mut found = Vec::new();
    let mut queue = vec![Vec::<String>::new()];
    while let Some(path) = queue.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = run(&args);
        for sub in subcommands(&help) {
            let mut deeper = path.clone();
            deeper.push(sub);
            queue.push(deeper);
        }
        found.push((path, help));
    }
    found.sort();
    found
}

#[test]
fn every_commands_help_is_as_reviewed() {
    let all = every_help();
    let names: Vec<String> = all.iter().map(|(p, _)| p.join(" ")).collect();
    // The walk found the commands, and every output of the table has its `export <name>`.
    for expected in ["build", "check", "serve", "fmt", "diff", "export"] {
        assert!(names.iter().any(|n| n == expected), "{expected}: {names:?}");
    }
    for output in planpress::export::OUTPUTS {
        let name = format!("export {}", output.name());
        assert!(names.contains(&name), "{name}: {names:?}");
    }
    for (path, help) in &all {
        let name = if path.is_empty() {
            "planpress".to_string()
        } else {
            format!("planpress_{}", path.join("_"))
        };
        insta::assert_snapshot!(format!("help_{}", name.replace('-', "_")), help);
    }
}

#[test]
fn no_option_repeats_its_placeholder() {
    // `--git-external <GIT_ARGS> <GIT_ARGS> ...` once showed its placeholder seven times.
    for (path, help) in every_help() {
        for line in help
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with('-'))
        {
            let placeholders: Vec<&str> = line
                .split('<')
                .skip(1)
                .filter_map(|p| p.split_once('>').map(|(name, _)| name))
                .collect();
            assert!(
                placeholders.len() <= 1,
                "planpress {} --help: {line}",
                path.join(" ")
            );
        }
    }
}

#[test]
fn the_repository_ignores_the_output_folder_and_the_export_folder() {
    // What `planpress build` and `planpress export` write by default is never shown by git
    // as untracked. (`git check-ignore` reads the .gitignore files as git does.)
    let repo = env!("CARGO_MANIFEST_DIR");
    for path in [
        "public/index.html".to_string(),
        format!("{}/large-print.pdf", planpress::export::EXPORT_FOLDER),
    ] {
        let out = Command::new("git")
            .args(["check-ignore", "--no-index", "-q", &path])
            .current_dir(repo)
            .status()
            .expect("run git");
        assert!(
            out.success(),
            "{path} is not ignored by the repository's .gitignore"
        );
    }
}

/// One option as a synopsis shows it: `[--out DIR]`, `[--check]`, `[--git-external GIT_ARGS...]`.
fn option_word(line: &str) -> Option<String> {
    let line = line.trim_start();
    // `-h, --help`: the short form first.
    let short = line.len() > 4 && line.as_bytes()[0] == b'-' && &line[2..4] == ", ";
    let line = if short { &line[4..] } else { line };
    let rest = line.strip_prefix("--")?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if name.is_empty() || name == "help" || name == "version" {
        return None;
    }
    let after = &rest[name.len()..];
    let value = after
        .strip_prefix(" <")
        .and_then(|v| v.split_once('>'))
        .map(|(v, tail)| {
            let more = if tail.starts_with("...") { "..." } else { "" };
            format!(" {v}{more}")
        })
        .unwrap_or_default();
    Some(format!("[--{name}{value}]"))
}

/// The synopsis of one command from its `--help`: `planpress diff [OLD] [NEW] [--content DIR]
/// ...`, wrapped at 100 characters under the first option.
fn synopsis(path: &[String], help: &str) -> String {
    let usage = help
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .expect("a usage line");
    let command = format!("planpress {}", path.join(" "));
    // What the usage line gives after the command and [OPTIONS]: the arguments.
    let arguments: Vec<&str> = usage
        .strip_prefix(command.as_str())
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| *w != "[OPTIONS]")
        .collect();
    let options = help
        .split_once("\nOptions:\n")
        .map_or("", |(_, o)| o)
        .lines()
        // An option's own line: `  -h, --help` or `      --out <DIR>` (its description's
        // lines are indented further).
        .filter(|l| l.starts_with("  -") || l.starts_with("      --"))
        .filter_map(option_word);
    let words: Vec<String> = arguments
        .iter()
        .map(|a| a.to_string())
        .chain(options)
        .collect();
    let indent = " ".repeat(command.len() + 1);
    let mut out = command.clone();
    let mut line = command.len();
    for w in words {
        if line + 1 + w.len() > 100 {
            out.push('\n');
            out.push_str(&indent);
            line = indent.len();
        } else {
            out.push(' ');
            line += 1;
        }
        out.push_str(&w);
        line += w.len();
    }
    out
}

/// The README's command-line reference is the CLI's own: the block under "Command-line
/// reference" is every command that does something, with every option `--help` shows, as
/// made here from the help itself. On a mismatch the block it should be is printed.
#[test]
fn the_readme_lists_every_command_and_option_the_help_shows() {
    let expected: Vec<String> = every_help()
        .iter()
        .filter(|(path, help)| !path.is_empty() && subcommands(help).is_empty())
        .map(|(path, help)| synopsis(path, help))
        .collect();
    let order = ["build", "check", "serve", "export", "fmt", "diff"];
    let mut expected = expected;
    expected.sort_by_key(|s| {
        let word = s.split_whitespace().nth(1).unwrap_or_default().to_string();
        (order.iter().position(|o| *o == word), s.clone())
    });
    let block = format!("```\n{}\n```\n", expected.join("\n"));
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme
        .split_once("## Command-line reference\n")
        .map(|(_, s)| s)
        .expect("a Command-line reference section");
    assert!(
        section.trim_start().starts_with(&block),
        "the README's command-line reference should start with:\n{block}"
    );
}

/// The README's worked `diff` example runs as written and prints what the README shows.
#[test]
fn the_readme_worked_diff_example_prints_what_it_shows() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(repo.join("README.md")).unwrap();
    let (_, example) = readme
        .split_once("### A worked `diff` example\n")
        .expect("a worked diff example in the README");
    let block = |text: &str, fence: &str| -> (String, String) {
        let (_, rest) = text.split_once(fence).expect(fence);
        let (body, after) = rest.split_once("\n```\n").expect("a closed block");
        (body.to_string(), after.to_string())
    };
    let (commands, rest) = block(example, "```sh\n");
    let (shown, _) = block(&rest, "```text\n");
    // Run in a folder holding the fixture the commands name, with this build's planpress
    // first on the PATH.
    let dir = tempfile::tempdir().unwrap();
    let fixture = "tests/fixtures/minimal/content";
    copy_tree(&repo.join(fixture), &dir.path().join(fixture));
    let bin = Path::new(PLANPRESS).parent().unwrap();
    let out = Command::new("sh")
        .args(["-e", "-c", &commands])
        .current_dir(dir.path())
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim_end(),
        shown.trim_end()
    );
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}
