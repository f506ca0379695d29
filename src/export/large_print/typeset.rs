//! Who turns the edition's Typst source into a PDF: this process, or `planpress-typeset`, a
//! program of its own installed beside `planpress`.
//!
//! Typst and what it brings with it (its standard library, image decoders, syntax tables)
//! are most of planpress's code, and 81,000 of the 115,000 pointers the system fixed up every
//! time planpress started: about 1.5 ms of every command and 2 ms of the shipped plan's build,
//! although most builds reuse the previous PDF and never typeset at all. So the `planpress` program leaves
//! Typst out ([`Typesetter::program`]) and runs `planpress-typeset` only when a PDF must be
//! made. A crash or stack overflow in the typesetter then ends that program, not a preview
//! server, and the memory Typst keeps between compilations goes with it. The library, its
//! tests and benchmarks can still typeset in this process ([`Typesetter::in_process`]).
//!
//! The exchange: `planpress` writes one line, `planpress-typeset <build> <date>`, then the
//! Typst source, to the program's standard input and closes it. The program answers on its
//! standard output with one line of JSON (its build, the page count, warnings or errors),
//! then, when it succeeded, the PDF's bytes.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

use serde::{Deserialize, Serialize};

use super::world::{self, Compiled};

/// The typesetting program's name.
pub const PROGRAM: &str = "planpress-typeset";

/// The environment variable that names the typesetting program when it is not beside
/// `planpress` (a packager who keeps helpers elsewhere, or a test).
pub const PROGRAM_VARIABLE: &str = "PLANPRESS_TYPESETTER";

/// The first word of a request: the program's name.
const REQUEST: &str = PROGRAM;

/// Identifies this build of the exchange and of the compile step: planpress's version, the
/// code of this file and of [`world`], and the versions of every library (`Cargo.lock`, which
/// names Typst's). A `planpress-typeset` left over from another build (an older `cargo build`,
/// a half-finished install) answers with another, and is refused rather than trusted to make
/// the same PDF.
pub const BUILD: u64 = fnv1a(
    fnv1a(
        fnv1a(
            fnv1a(0xcbf2_9ce4_8422_2325, env!("CARGO_PKG_VERSION").as_bytes()),
            include_bytes!("world.rs"),
        ),
        include_bytes!("typeset.rs"),
    ),
    include_bytes!("../../../Cargo.lock"),
);

const fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The function that typesets in this process.
type Compile = fn(String, Option<(i32, u8, u8)>) -> Result<Compiled, Vec<String>>;

/// Who typesets the large-print PDF.
#[derive(Clone)]
pub struct Typesetter(How);

#[derive(Clone)]
enum How {
    /// In this process. Held as a function so that a program that never asks for it (the
    /// `planpress` binary) is linked without Typst.
    InProcess(Compile),
    /// The program at this path, or, without one, the one [`find_program`] finds when it is
    /// needed (so a build that makes no PDF never looks for it).
    Program(Option<PathBuf>),
}

impl Typesetter {
    /// Typesets in this process.
    pub fn in_process() -> Typesetter {
        Typesetter(How::InProcess(world::compile_pdf))
    }

    /// Runs `planpress-typeset`: the one [`PROGRAM_VARIABLE`] names, or else the one beside
    /// the running program. It is looked for only when a PDF is to be typeset.
    pub fn program() -> Typesetter {
        Typesetter(How::Program(None))
    }

    /// Runs the typesetting program at `path`.
    pub fn program_at(path: impl Into<PathBuf>) -> Typesetter {
        Typesetter(How::Program(Some(path.into())))
    }

    /// Compiles Typst `source` into a tagged PDF dated `date`; on failure, every message.
    pub fn typeset(
        &self,
        source: String,
        date: Option<(i32, u8, u8)>,
    ) -> Result<Compiled, Vec<String>> {
        match &self.0 {
            How::InProcess(compile) => compile(source, date),
            How::Program(Some(path)) => run_program(path, source, date),
            How::Program(None) => run_program(&find_program()?, source, date),
        }
    }
}

/// The program, as `planpress` itself runs it.
impl Default for Typesetter {
    fn default() -> Self {
        Typesetter::program()
    }
}

impl fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            How::InProcess(_) => f.write_str("Typesetter::in_process()"),
            How::Program(None) => f.write_str("Typesetter::program()"),
            How::Program(Some(path)) => write!(f, "Typesetter::program_at({path:?})"),
        }
    }
}

/// The typesetting program: the one [`PROGRAM_VARIABLE`] names; else `planpress-typeset` in
/// the running program's folder, where `cargo install` and `cargo build` both put it; else
/// the first on the `PATH` (a `planpress` copied or linked elsewhere). One from another build
/// of planpress is refused when it answers, so finding a stale one is safe.
fn find_program() -> Result<PathBuf, Vec<String>> {
    if let Some(named) = std::env::var_os(PROGRAM_VARIABLE).filter(|v| !v.is_empty()) {
        let path = PathBuf::from(named);
        return match path.is_file() {
            true => Ok(path),
            false => Err(vec![format!(
                "{PROGRAM_VARIABLE} names {}, which is not a file; set it to where {PROGRAM} is, or unset it to use the one beside planpress",
                path.display()
            )]),
        };
    }
    let exe = std::env::current_exe().map_err(|e| {
        vec![format!(
            "cannot tell which folder planpress is in to find {PROGRAM} beside it ({e}); set {PROGRAM_VARIABLE} to where {PROGRAM} is"
        )]
    })?;
    let folder = exe.parent().unwrap_or(Path::new("."));
    let mut name = OsString::from(PROGRAM);
    name.push(std::env::consts::EXE_SUFFIX);
    let beside = folder.join(&name);
    if beside.is_file() {
        return Ok(beside);
    }
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(&name))
        .find(|p| p.is_file());
    on_path.ok_or_else(|| vec![not_found(folder)])
}

/// What to do when `planpress-typeset` is neither in `folder`, beside planpress, nor on the
/// `PATH`: the commands that make it, for the way this planpress was made.
fn not_found(folder: &Path) -> String {
    // A planpress in cargo's target/debug or target/release was built, not installed: the
    // same command without `--bin planpress` (or `cargo build` rather than `cargo run`)
    // builds the typesetter beside it.
    let profile = folder.file_name().and_then(|n| n.to_str());
    let in_target = folder
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|n| n == "target");
    let make = match profile {
        Some(profile) if in_target => format!(
            "build both with `cargo build{}` (`cargo run` builds planpress alone)",
            match profile {
                "debug" => String::new(),
                "release" => " --release".to_string(),
                other => format!(" --profile {other}"),
            }
        ),
        _ => "install both together with `cargo install --locked --path .` in planpress's source folder, or build both with `cargo build --release`".to_string(),
    };
    format!(
        "{PROGRAM}, the program that typesets it, is not in {} beside planpress, nor on the PATH: {make}; or set {PROGRAM_VARIABLE} to where {PROGRAM} is; or leave the PDF out (planpress build --no-large-print)",
        folder.display()
    )
}

/// [`BUILD`] as the exchange writes it.
fn build_id() -> String {
    format!("{BUILD:016x}")
}

/// What the program answers before the PDF's bytes.
#[derive(Debug, Serialize, Deserialize)]
struct Answer {
    /// The program's [`BUILD`], in hexadecimal.
    build: String,
    /// The PDF's page count.
    #[serde(default)]
    pages: usize,
    /// Typst's warnings.
    #[serde(default)]
    warnings: Vec<String>,
    /// Why there is no PDF; empty when there is one.
    #[serde(default)]
    errors: Vec<String>,
}

/// An answer from this build, with nothing in it yet.
impl Default for Answer {
    fn default() -> Self {
        Answer {
            build: build_id(),
            pages: 0,
            warnings: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// The date as the request gives it: `YYYY-MM-DD`, or `-` for none.
fn date_word(date: Option<(i32, u8, u8)>) -> String {
    match date {
        Some((y, m, d)) => format!("{y:04}-{m:02}-{d:02}"),
        None => "-".to_string(),
    }
}

/// Runs the program at `path` on `source` and reads its answer.
fn run_program(
    path: &Path,
    source: String,
    date: Option<(i32, u8, u8)>,
) -> Result<Compiled, Vec<String>> {
    let mut child = Command::new(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| vec![format!("cannot start {}: {e}", path.display())])?;
    let Some(mut input) = child.stdin.take() else {
        return Err(vec![format!("cannot write to {}", path.display())]);
    };
    let head = format!("{REQUEST} {} {}\n", build_id(), date_word(date));
    // Written from a thread of its own while the answer is read, so that neither side waits
    // for the other with a full pipe. A program that stops early closes its end: what it
    // says (or its exit status) explains why, so a failed write is not reported itself.
    let output = std::thread::scope(|scope| {
        scope.spawn(move || {
            let _ = input
                .write_all(head.as_bytes())
                .and_then(|()| input.write_all(source.as_bytes()));
        });
        child.wait_with_output()
    })
    .map_err(|e| vec![format!("cannot read what {} answered: {e}", path.display())])?;
    read_answer(path, output.status, output.stdout, &output.stderr)
}

/// The PDF from the program's standard output, or every reason there is none.
fn read_answer(
    path: &Path,
    status: ExitStatus,
    mut stdout: Vec<u8>,
    stderr: &[u8],
) -> Result<Compiled, Vec<String>> {
    let answer = stdout.iter().position(|&b| b == b'\n').and_then(|end| {
        let answer = serde_json::from_slice::<Answer>(&stdout[..end]).ok()?;
        Some((answer, end))
    });
    let Some((answer, end)) = answer else {
        return Err(vec![format!(
            "{} stopped without an answer ({}){}",
            path.display(),
            describe_status(status),
            last_words(stderr)
        )]);
    };
    let expected = build_id();
    if answer.build != expected {
        return Err(vec![format!(
            "{} is from another build of planpress (build {}, not {expected}); build both again with `cargo build --release`, or install both with `cargo install --locked --path .`",
            path.display(),
            answer.build
        )]);
    }
    if !answer.errors.is_empty() {
        return Err(answer.errors);
    }
    if !status.success() {
        return Err(vec![format!(
            "{} stopped before it finished ({}){}",
            path.display(),
            describe_status(status),
            last_words(stderr)
        )]);
    }
    let bytes = stdout.split_off(end + 1);
    if !bytes.starts_with(b"%PDF-") {
        return Err(vec![format!(
            "{} answered without a PDF file",
            path.display()
        )]);
    }
    Ok(Compiled {
        bytes,
        pages: answer.pages,
        warnings: answer.warnings,
    })
}

/// How a program ended, in words.
fn describe_status(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("ended by signal {signal}");
        }
    }
    status.to_string()
}

/// The end of what a program wrote to its standard error, as `: …` after a message, or
/// nothing when it wrote nothing.
fn last_words(stderr: &[u8]) -> String {
    const MOST: usize = 2000;
    let text = String::from_utf8_lossy(stderr);
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    // Where the last `MOST` characters start: a character boundary, whatever the text.
    let start = text
        .char_indices()
        .rev()
        .nth(MOST - 1)
        .map_or(0, |(i, _)| i);
    format!(
        ": {}",
        text[start..]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    )
}

/// The typesetting program's side: reads a request from `input`, typesets it in this process
/// and writes the answer to `output`. Returns whether there is a PDF.
pub fn answer(input: &mut impl Read, output: &mut impl Write) -> io::Result<bool> {
    let mut request = Vec::new();
    input.read_to_end(&mut request)?;
    let (answer, pdf) = match typeset_request(&request) {
        Ok(compiled) => (
            Answer {
                pages: compiled.pages,
                warnings: compiled.warnings,
                ..Answer::default()
            },
            compiled.bytes,
        ),
        Err(errors) => (
            Answer {
                errors,
                ..Answer::default()
            },
            Vec::new(),
        ),
    };
    let made = answer.errors.is_empty();
    let mut head = serde_json::to_vec(&answer).map_err(io::Error::other)?;
    head.push(b'\n');
    output.write_all(&head)?;
    output.write_all(&pdf)?;
    output.flush()?;
    Ok(made)
}

/// Checks a request and typesets its source.
fn typeset_request(request: &[u8]) -> Result<Compiled, Vec<String>> {
    let refused = |why: &str| {
        vec![format!("{PROGRAM} was given {why}; it is run by planpress, which sends it the Typst source of the large-print edition")]
    };
    let end = request
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| refused("no request line"))?;
    let head =
        std::str::from_utf8(&request[..end]).map_err(|_| refused("a request that is not text"))?;
    let words: Vec<&str> = head.split(' ').collect();
    let [REQUEST, build, date] = words[..] else {
        return Err(refused("a request it does not understand"));
    };
    let ours = build_id();
    if build != ours {
        return Err(vec![format!(
            "{PROGRAM} is from another build of planpress (build {ours}, not {build}); build both again with `cargo build --release`, or install both with `cargo install --locked --path .`"
        )]);
    }
    let date = match date {
        "-" => None,
        ymd => Some(super::parse_ymd(ymd).ok_or_else(|| refused("a date that is not YYYY-MM-DD"))?),
    };
    let source = String::from_utf8(request[end + 1..].to_vec())
        .map_err(|_| refused("Typst source that is not UTF-8"))?;
    world::compile_pdf(source, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn status(code: i32) -> ExitStatus {
        use std::os::unix::process::ExitStatusExt;
        ExitStatus::from_raw(code << 8)
    }

    #[cfg(unix)]
    #[test]
    fn answers_are_read_back_as_they_were_written() {
        let source = "#set document(title: [Plan])\nHello".to_string();
        let mut request = format!("{REQUEST} {BUILD:016x} 2021-09-15\n").into_bytes();
        request.extend_from_slice(source.as_bytes());
        let mut written = Vec::new();
        assert!(answer(&mut request.as_slice(), &mut written).unwrap());
        let read = read_answer(Path::new("t"), status(0), written, b"").unwrap();
        let direct = world::compile_pdf(source, Some((2021, 9, 15))).unwrap();
        assert_eq!(read.bytes, direct.bytes);
        assert_eq!(read.pages, direct.pages);
    }

    #[cfg(unix)]
    #[test]
    fn typesetting_errors_come_back_as_messages() {
        let mut request = format!("{REQUEST} {BUILD:016x} -\n").into_bytes();
        request.extend_from_slice(b"#let x = (");
        let mut written = Vec::new();
        assert!(!answer(&mut request.as_slice(), &mut written).unwrap());
        let errors = read_answer(Path::new("t"), status(1), written, b"").unwrap_err();
        assert!(!errors.is_empty());
        assert!(
            errors.iter().all(|e| !e.contains("without an answer")),
            "{errors:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_program_from_another_build_is_refused_both_ways() {
        // The program refuses a request from another build before typesetting...
        let request = b"planpress-typeset 0123456789abcdef -\nHello".to_vec();
        let mut written = Vec::new();
        assert!(!answer(&mut request.as_slice(), &mut written).unwrap());
        let errors = read_answer(Path::new("t"), status(1), written, b"").unwrap_err();
        assert!(errors[0].contains("another build"), "{errors:?}");
        // ...and planpress refuses an answer from another build, even a PDF.
        let stale = b"{\"build\":\"0123456789abcdef\",\"pages\":1}\n%PDF-1.7".to_vec();
        let errors =
            read_answer(Path::new("/x/planpress-typeset"), status(0), stale, b"").unwrap_err();
        assert!(
            errors[0].contains("/x/planpress-typeset is from another build"),
            "{errors:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_program_that_stops_without_answering_is_described() {
        use std::os::unix::process::ExitStatusExt;
        let errors = read_answer(
            Path::new("/x/planpress-typeset"),
            ExitStatus::from_raw(9),
            Vec::new(),
            b"thread 'main' has overflowed its stack\n",
        )
        .unwrap_err();
        assert_eq!(
            errors,
            ["/x/planpress-typeset stopped without an answer (ended by signal 9): thread 'main' has overflowed its stack"]
        );
        let answered =
            format!("{{\"build\":\"{BUILD:016x}\",\"pages\":1}}\nnot a pdf").into_bytes();
        let errors = read_answer(Path::new("p"), status(0), answered, b"").unwrap_err();
        assert_eq!(errors, ["p answered without a PDF file"]);
    }

    #[test]
    fn requests_that_are_not_ours_are_refused_with_what_runs_the_program() {
        for request in [
            &b""[..],
            b"hello",
            b"hello world\n",
            b"planpress-typeset x y z\n",
        ] {
            let errors = typeset_request(request).unwrap_err();
            assert!(errors[0].contains("it is run by planpress"), "{errors:?}");
        }
        let bad_date = format!("{REQUEST} {BUILD:016x} 15/09/2021\n");
        let errors = typeset_request(bad_date.as_bytes()).unwrap_err();
        assert!(errors[0].contains("YYYY-MM-DD"), "{errors:?}");
    }

    #[test]
    fn a_missing_typesetter_is_made_by_the_command_that_made_planpress() {
        let said = |folder: &str| not_found(Path::new(folder));
        assert!(said("/src/pp/target/debug").contains("build both with `cargo build` ("));
        assert!(said("/src/pp/target/release").contains("`cargo build --release` ("));
        assert!(said("/src/pp/target/bench").contains("`cargo build --profile bench` ("));
        let installed = said("/home/a/.cargo/bin");
        assert!(
            installed.contains("`cargo install --locked --path .`"),
            "{installed}"
        );
        assert!(
            installed.contains("is not in /home/a/.cargo/bin beside planpress, nor on the PATH")
        );
        for folder in ["/src/pp/target/debug", "/opt/bin"] {
            assert!(said(folder).contains("PLANPRESS_TYPESETTER"));
            assert!(said(folder).contains("--no-large-print"));
        }
    }

    #[test]
    fn the_last_words_are_the_end_of_standard_error_on_one_line() {
        assert_eq!(last_words(b"  \n"), "");
        assert_eq!(last_words(b"a\n  b\n"), ": a b");
        let long = "x".repeat(5000);
        assert_eq!(last_words(long.as_bytes()).len(), 2 + 2000);
        // The cut falls just after a two-byte character, then just before one: neither is
        // split, and the last 2,000 characters are kept.
        for tail in [2000, 1999] {
            let text = format!("{}é{}", "x".repeat(10), "y".repeat(tail));
            let words = last_words(text.as_bytes());
            assert_eq!(words.chars().count(), 2 + 2000, "{tail}");
            assert!(words.ends_with(&"y".repeat(tail)));
        }
    }
}
