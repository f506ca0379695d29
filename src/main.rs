//! The `planpress` command: parse arguments, run the library, report errors, set the exit code
//! (0 success, 1 content or build errors, 2 usage errors).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: building a site makes and frees many small
/// strings and maps on every core (template values, parsed front matter), and glibc's malloc
/// spent about a sixth of the build's instructions on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            ExitCode::from(1)
        }
    }
}

/// Prints an error with its causes; content problems print one per line, as `path:line:col`.
fn report(e: &anyhow::Error) {
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stderr().is_terminal();
    let (red, bold, reset) = if color {
        ("\x1b[31m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    if let Some(errors) = e.downcast_ref::<planpress::ContentErrors>() {
        for d in &errors.0 {
            eprintln!(
                "{bold}{}:{}:{}:{reset} {red}error:{reset} {}",
                d.path.display(),
                d.line.max(1),
                d.column.max(1),
                d.message
            );
            if let Some(h) = &d.hint {
                eprintln!("  help: {h}");
            }
        }
        let n = errors.0.len();
        eprintln!(
            "{red}{n} problem{} found in the content; nothing was written{reset}",
            if n == 1 { "" } else { "s" }
        );
        return;
    }
    eprint!("{red}error:{reset} {e}");
    for cause in e.chain().skip(1) {
        eprint!(": {cause}");
    }
    eprintln!();
}
