//! The `planpress` command: parse arguments, run the library, report errors, set the exit code
//! (0 success, 1 content or build errors, 2 usage errors).

mod cli;

use std::ffi::{c_int, c_long};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: building a site makes and frees many small
/// strings and maps on every core (template values, parsed front matter), and glibc's malloc
/// spent about a sixth of the build's instructions on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_destroy_on_exit`, by its place in mimalloc's `mi_option_t` (the Rust
/// bindings do not name it); a test checks the options either side of it.
const MI_OPTION_DESTROY_ON_EXIT: c_int = 22;

extern "C" {
    fn mi_option_set(option: c_int, value: c_long);
}

fn main() -> ExitCode {
    // At exit mimalloc gives its free memory back to the system range by range (madvise, with
    // a TLB flush on every core), which the system does anyway, at once, when the process
    // ends: about 1 ms of CPU, on the one core still running, in the shipped plan's 16 ms
    // build. At 2 or more mimalloc skips its exit work altogether.
    // SAFETY: setting an option is allowed at any time; this one is read only at exit.
    unsafe { mi_option_set(MI_OPTION_DESTROY_ON_EXIT, 2) };
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
    let color = cli::stderr_color();
    if let Some(errors) = e.downcast_ref::<planpress::ContentErrors>() {
        eprint!(
            "{}",
            planpress::diagnostics::report(&errors.0, color, "nothing was written")
        );
        return;
    }
    let (red, reset) = if color {
        ("\x1b[31m", "\x1b[0m")
    } else {
        ("", "")
    };
    eprint!("{red}error:{reset} {e}");
    for cause in e.chain().skip(1) {
        eprint!(": {cause}");
    }
    eprintln!();
}

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" {
        fn mi_option_get(option: c_int) -> c_long;
    }

    #[test]
    fn the_exit_option_is_the_one_between_segment_reclaim_and_arena_reserve() {
        // The options either side of it have defaults no other neighbour shares: the
        // deprecated segment reclaim percentage (10) before, the arena size in KiB (1 GiB)
        // after. If mimalloc renumbers its options, this fails rather than set another one.
        // SAFETY: reading options is allowed at any time.
        let (before, at, after) = unsafe {
            (
                mi_option_get(MI_OPTION_DESTROY_ON_EXIT - 1),
                mi_option_get(MI_OPTION_DESTROY_ON_EXIT),
                mi_option_get(MI_OPTION_DESTROY_ON_EXIT + 1),
            )
        };
        assert_eq!((before, at, after), (10, 0, 1024 * 1024));
    }
}
