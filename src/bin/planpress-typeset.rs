//! `planpress-typeset`: typesets the large-print PDF for `planpress`, which runs it when a
//! build needs a new PDF (see `planpress::export::large_print::typeset`). Keeping Typst in a
//! program of its own keeps it out of every other command's start-up.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use planpress::export::large_print::typeset;

/// mimalloc, as in `planpress`: Typst makes and frees many small values.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let first = std::env::args().nth(1);
    match first.as_deref() {
        Some("--version" | "-V") => {
            println!("{} {}", typeset::PROGRAM, env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some(_) => return usage(),
        None if io::stdin().is_terminal() => return usage(),
        None => {}
    }
    match typeset::answer(&mut io::stdin().lock(), &mut io::stdout().lock()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{}: {e}", typeset::PROGRAM);
            ExitCode::from(1)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "{} typesets the large-print PDF for planpress, which runs it when a build needs a new PDF; it is not meant to be run by hand.\nTo make the PDF, run `planpress build`, or `planpress export large-print` for the PDF alone.",
        typeset::PROGRAM
    );
    ExitCode::from(2)
}
