//! The words `planpress` puts on the screen about itself: the `--help` of every command, read
//! from the real program and held as snapshots, so a change to any of them is seen in review.
//! The commands are found by walking the help itself (each `Commands:` list), so a new
//! command, or a new output's `export <name>`, is snapshot-tested without being named here.

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
