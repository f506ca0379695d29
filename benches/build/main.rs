//! How fast `planpress build` is, from fifty pages to fifty thousand, against Hugo on the same
//! pages in the same run.
//!
//! Every build runs the real release binary as a child process, so its peak memory (the
//! child's `ru_maxrss` from `wait4`) and CPU time are its own. Output goes to tmpfs
//! (`/dev/shm`), into a folder that does not exist yet, and each figure is the median of
//! several runs. Run with `cargo bench --bench build`; `PLANPRESS_BENCH_SIZES=100,1000`
//! chooses the sizes, `PLANPRESS_BENCH_BASELINE=/path/to/old/planpress` also times another
//! planpress binary and prints the ratio (with the themes in
//! `PLANPRESS_BENCH_BASELINE_THEMES` when the theme has changed since that binary), and
//! `cargo bench --bench build -- --generate N DIR` only writes a synthetic plan of about N
//! pages (and its Hugo twin in DIR-hugo) for profiling by hand.
//! `PLANPRESS_BENCH_SERVE=1` times only `planpress serve`, end to end (see `serve.rs`).
//! Results are recorded in docs/performance.md.

mod serve;
mod synth;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use planpress::build::{BuildOptions, Session};
use planpress::export::large_print::typeset::Typesetter;

use synth::Synth;

/// One child process's cost.
#[derive(Debug, Clone, Copy)]
struct Run {
    wall: Duration,
    cpu: Duration,
    /// Peak resident memory, KiB.
    rss: u64,
}

/// Medians of several runs.
#[derive(Debug, Clone, Copy)]
struct Summary {
    runs: usize,
    wall: Duration,
    cpu: Duration,
    rss: u64,
}

fn summarise(runs: &[Run]) -> Summary {
    fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
        v.sort();
        v[v.len() / 2]
    }
    Summary {
        runs: runs.len(),
        wall: median(runs.iter().map(|r| r.wall).collect()),
        cpu: median(runs.iter().map(|r| r.cpu).collect()),
        rss: median(runs.iter().map(|r| r.rss).collect()),
    }
}

/// Runs `cmd` to completion and measures it; panics with its error output if it fails.
fn measure(cmd: &mut Command, log: &Path) -> Run {
    try_measure(cmd, log).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs `cmd` to completion and measures it; the error holds its error output if it fails.
// The child is reaped with wait4 (to read its rusage), which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn try_measure(cmd: &mut Command, log: &Path) -> Result<Run, String> {
    let err = fs::File::create(log).expect("a log file");
    let start = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(err))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child, not yet waited for; both pointers are valid.
    let waited = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert!(
        waited > 0,
        "wait4 failed: {}",
        std::io::Error::last_os_error()
    );
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(format!(
            "{cmd:?} failed:\n{}",
            fs::read_to_string(log).unwrap_or_default()
        ));
    }
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ok(Run {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        rss: usage.ru_maxrss as u64,
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn remove(dir: &Path) {
    if dir.exists() {
        fs::remove_dir_all(dir).expect("the old output can be removed");
    }
}

fn count_html(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

fn header() {
    println!(
        "{:<26} {:>7} {:>4} {:>10} {:>10} {:>8} {:>10} {:>9} {:>9}",
        "build",
        "pages",
        "runs",
        "wall ms",
        "cpu ms",
        "cpu/wall",
        "pages/s",
        "peak MiB",
        "KiB/page"
    );
}

/// Prints one row; `pages` is 0 for a run that makes no pages.
fn row(name: &str, pages: usize, s: &Summary) {
    let per_page = |v: f64, decimals: usize| {
        if pages == 0 {
            "-".to_string()
        } else {
            format!("{v:.decimals$}")
        }
    };
    println!(
        "{:<26} {:>7} {:>4} {:>10.1} {:>10.1} {:>8.2} {:>10} {:>9.1} {:>9}",
        name,
        pages,
        s.runs,
        ms(s.wall),
        ms(s.cpu),
        s.cpu.as_secs_f64() / s.wall.as_secs_f64(),
        per_page(pages as f64 / s.wall.as_secs_f64(), 0),
        s.rss as f64 / 1024.0,
        per_page(s.rss as f64 / pages as f64, 1)
    );
}

fn runs_for(pages: usize) -> usize {
    match pages {
        0..=2_000 => 9,
        _ => 5,
    }
}

fn loadavg() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn machine() -> String {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or("unknown".into(), |k| {
            format!("{:.1} GiB", k / 1024.0 / 1024.0)
        });
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores ({cpu}), {mem} memory")
}

/// Makes the command that builds `content` into `out`.
type CommandFor<'a> = Box<dyn Fn(&Path, &Path) -> Command + 'a>;

/// A tool that builds a site: its name and how to run it.
struct Builder<'a> {
    name: String,
    command: CommandFor<'a>,
}

/// The website and the open data, without the large print: what the synthetic plans are built
/// with. The editions read start to end (EPUB, Braille, audio, plain text) are left out as
/// well: a baseline binary older than them does not make them, and a plan of thousands of
/// pages is too long for them anyway (see `render::document::estimated_blocks`).
const SITE_AND_DATA: &[&str] = &[
    "--no-large-print",
    "--no-epub",
    "--no-braille",
    "--no-audio",
    "--no-plain-text",
];

/// The outputs a baseline binary from before the editions read start to end made: the
/// website, the large print and the open data.
const BASELINE_OUTPUTS: &[&str] = &["--no-epub", "--no-braille", "--no-audio", "--no-plain-text"];

fn planpress_builder(
    name: &str,
    exe: PathBuf,
    themes: PathBuf,
    extra: &'static [&'static str],
) -> Builder<'static> {
    Builder {
        name: name.to_string(),
        command: Box::new(move |content: &Path, out: &Path| {
            let mut c = Command::new(&exe);
            c.arg("build")
                .arg("--content")
                .arg(content)
                .arg("--out")
                .arg(out)
                .arg("--themes-dir")
                .arg(&themes)
                .args(extra);
            c
        }),
    }
}

fn hugo_available() -> bool {
    Command::new("hugo")
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The preview sessions run in a process of their own, so that the memory they hold never
    // counts towards a later child's peak (a child's peak includes what it shares with this
    // process before it starts the program).
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if let Some(i) = args.iter().position(|a| a == "--session") {
        let n: usize = args[i + 1].parse().expect("--session N DIR");
        let dir = PathBuf::from(&args[i + 2]);
        session(&dir, &repo.join("themes"), &Synth::new(n));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--shipped-session") {
        shipped_session(&repo, &repo.join("themes"), Path::new(&args[i + 1]));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let n: usize = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .expect("--generate N DIR");
        let dir = PathBuf::from(args.get(i + 2).expect("--generate N DIR"));
        let synth = Synth::new(n);
        synth.write_planpress(&dir).expect("the plan is written");
        let hugo = PathBuf::from(format!("{}-hugo", dir.display()));
        synth.write_hugo(&hugo).expect("the Hugo site is written");
        println!("wrote {} and {}", dir.display(), hugo.display());
        return;
    }

    let exe = PathBuf::from(env!("CARGO_BIN_EXE_planpress"));
    let themes = repo.join("themes");
    let sizes: Vec<usize> = std::env::var("PLANPRESS_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 1_000, 10_000, 50_000]);
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let root = base.join(format!("planpress-bench-{}", std::process::id()));
    remove(&root);
    fs::create_dir_all(&root).unwrap();
    let log = root.join("stderr.log");

    if std::env::var_os("PLANPRESS_BENCH_SERVE").is_some() {
        println!("planpress serve benchmark; load average {}", loadavg());
        if let Ok(old) = std::env::var("PLANPRESS_BENCH_BASELINE") {
            serve::shipped(Path::new(&old), &repo, &root, "baseline");
        }
        serve::shipped(&exe, &repo, &root, "planpress");
        for &n in &sizes {
            serve::synthetic(&exe, &root, n);
        }
        println!("load average at end: {}", loadavg());
        remove(&root);
        return;
    }
    println!("planpress build benchmark");
    println!("machine: {}", machine());
    println!("load average at start: {}", loadavg());
    println!("output: {} (tmpfs when /dev/shm exists)", root.display());
    println!("binary: {}", exe.display());

    // Every build's cache (the audio edition's chapters, the Braille edition) in the run's
    // own folder, so that the shipped plan's warm builds find them and nothing outside is used.
    std::env::set_var("PLANPRESS_CACHE", root.join("cache"));
    let mut builders = vec![planpress_builder(
        "planpress",
        exe.clone(),
        themes.clone(),
        SITE_AND_DATA,
    )];
    if let Ok(old) = std::env::var("PLANPRESS_BENCH_BASELINE") {
        builders.push(planpress_builder(
            "baseline planpress",
            PathBuf::from(old),
            baseline_themes(&themes),
            &["--no-large-print"],
        ));
    }
    let hugo = hugo_available();
    if hugo {
        builders.push(Builder {
            name: "hugo".into(),
            command: Box::new(|site: &Path, out: &Path| {
                let mut c = Command::new("hugo");
                c.arg("--quiet")
                    .arg("--source")
                    .arg(site)
                    .arg("--destination")
                    .arg(out);
                c
            }),
        });
    } else {
        println!("hugo is not installed (apt-get install hugo): skipping the Hugo comparison");
    }

    // `PLANPRESS_BENCH_SESSION=only` times just the preview session, at every size given.
    let session_only = std::env::var("PLANPRESS_BENCH_SESSION").as_deref() == Ok("only");
    if !session_only {
        shipped(&repo, &exe, &themes, &builders, &root, &log);
    }
    run_self(&["--shipped-session".as_ref(), root.as_os_str()]);

    // Synthetic plans.
    for &n in &sizes {
        let dir = root.join(format!("synth-{n}"));
        let started = Instant::now();
        let synth = Synth::new(n);
        synth.write_planpress(&dir.join("content")).unwrap();
        if hugo {
            synth.write_hugo(&dir.join("hugo")).unwrap();
        }
        println!(
            "\n## {n} pages: {} aims, {} priorities, {} statements, {:.1} MB of Markdown bodies (generated in {:.0} ms; load {})\n",
            synth.aims.len(),
            synth.priorities.len(),
            synth.statements.len(),
            synth.markdown_bytes() as f64 / 1e6,
            ms(started.elapsed()),
            loadavg()
        );
        header();
        let mut results: Vec<(String, usize, Summary)> = Vec::new();
        if !session_only {
            // planpress and the baseline take turns, run by run, each round starting with
            // the other, so that the machine getting busier or quieter during the size's runs
            // weighs on both alike; a first round is run and not counted. Hugo's runs come
            // after theirs, in a block of their own: at the end of a big build Hugo gives back
            // gigabytes of memory, and on this virtual machine, whose host takes freed memory
            // back, whatever runs next touches fresh memory and is slower. Taking turns with
            // Hugo put one binary straight after it more often than the other (two runs in
            // three at 50,000 pages, against one in three).
            let site = |b: &Builder| dir.join(if b.name == "hugo" { "hugo" } else { "content" });
            let out = dir.join("out");
            let mut runs: Vec<Vec<Run>> = builders.iter().map(|_| Vec::new()).collect();
            let mut pages = vec![0; builders.len()];
            let (ours, theirs): (Vec<usize>, Vec<usize>) =
                (0..builders.len()).partition(|&i| builders[i].name != "hugo");
            // Hugo's first run is not counted either, up to 10,000 pages (at 50,000 it takes
            // half a minute, and only gives the comparison).
            for (group, warm_up, rounds) in [
                (&ours, 1, runs_for(n)),
                (
                    &theirs,
                    usize::from(n <= 10_000),
                    if n > 20_000 { 3 } else { runs_for(n) },
                ),
            ] {
                for round in 0..warm_up + rounds {
                    for &i in group
                        .iter()
                        .cycle()
                        .skip(round % group.len().max(1))
                        .take(group.len())
                    {
                        let b = &builders[i];
                        remove(&out);
                        let run = measure(&mut (b.command)(&site(b), &out), &log);
                        if round >= warm_up {
                            runs[i].push(run);
                        }
                        if round + 1 == warm_up + rounds {
                            pages[i] = count_html(&out);
                        }
                    }
                }
            }
            remove(&out);
            for ((b, runs), pages) in builders.iter().zip(&runs).zip(pages) {
                let s = summarise(runs);
                row(&b.name, pages, &s);
                results.push((b.name.clone(), pages, s));
            }
        }
        if n <= 10_000 && !session_only {
            // The same build on one thread, to show how the work spreads over the cores.
            let out = dir.join("out");
            let runs: Vec<Run> = (0..runs_for(n).min(3))
                .map(|_| {
                    remove(&out);
                    let mut c = (builders[0].command)(&dir.join("content"), &out);
                    c.env("RAYON_NUM_THREADS", "1");
                    measure(&mut c, &log)
                })
                .collect();
            let pages = count_html(&out);
            remove(&out);
            row("planpress, 1 thread", pages, &summarise(&runs));
        }
        for (name, pages, s) in results.iter().skip(1) {
            let ours = &results[0];
            let per_page = |p: usize, s: &Summary| s.wall.as_secs_f64() / p as f64;
            println!(
                "{name} takes {:.2}x planpress's wall time per page ({:.2}x its peak memory)",
                per_page(*pages, s) / per_page(ours.1, &ours.2),
                s.rss as f64 / ours.2.rss as f64
            );
        }

        if n == 10_000 || std::env::var_os("PLANPRESS_BENCH_SESSION").is_some() {
            let size = n.to_string();
            run_self(&["--session".as_ref(), size.as_ref(), dir.as_os_str()]);
        }
        remove(&dir);
    }
    println!("\nload average at end: {}", loadavg());
    remove(&root);
}

/// The themes folder the baseline binary builds with: `PLANPRESS_BENCH_BASELINE_THEMES`, or
/// this tree's (a theme and the binary it was written for go together).
fn baseline_themes(ours: &Path) -> PathBuf {
    std::env::var_os("PLANPRESS_BENCH_BASELINE_THEMES")
        .map_or_else(|| ours.to_path_buf(), PathBuf::from)
}

/// Times builds of the shipped plan: with the large-print PDF typeset, reused, and left out,
/// and the large-print export on its own.
fn shipped(repo: &Path, exe: &Path, themes: &Path, builders: &[Builder], root: &Path, log: &Path) {
    let (exe, themes) = (exe.to_path_buf(), themes.to_path_buf());
    println!("\n## The shipped plan (content/)\n");
    header();
    let out = root.join("shipped-out");
    let content = repo.join("content");
    // The outputs the baseline makes too, so the two are timed doing the same work; every
    // format is timed after.
    let full = planpress_builder("planpress", exe.clone(), themes.clone(), BASELINE_OUTPUTS);
    let every = planpress_builder("planpress", exe.clone(), themes.clone(), &[]);
    // Cold: no previous output, so the large-print PDF is typeset.
    let cold: Vec<Run> = (0..3)
        .map(|_| {
            remove(&out);
            measure(&mut (full.command)(&content, &out), log)
        })
        .collect();
    let pages = count_html(&out);
    row("build, PDF typeset", pages, &summarise(&cold));
    // Warm: the previous output's PDF is reused because its inputs are unchanged.
    measure(&mut (full.command)(&content, &out), log);
    let warm: Vec<Run> = (0..15)
        .map(|_| measure(&mut (full.command)(&content, &out), log))
        .collect();
    row("build, PDF reused", pages, &summarise(&warm));
    // Every format, warm: the PDF reused, the Braille and the audio chapters from the cache.
    measure(&mut (every.command)(&content, &out), log);
    let all: Vec<Run> = (0..15)
        .map(|_| measure(&mut (every.command)(&content, &out), log))
        .collect();
    row(
        "build, every format (PDF, Braille, audio reused)",
        count_html(&out),
        &summarise(&all),
    );
    let fresh: Vec<Run> = (0..15)
        .map(|_| {
            remove(&out);
            measure(&mut (builders[0].command)(&content, &out), log)
        })
        .collect();
    row(
        "build --no-large-print",
        count_html(&out),
        &summarise(&fresh),
    );
    let pdf = root.join("large-print.pdf");
    let export: Vec<Run> = (0..3)
        .map(|_| {
            let mut c = Command::new(&exe);
            c.args(["export", "large-print", "--with-performance", "--content"])
                .arg(&content)
                .arg("--out")
                .arg(&pdf);
            measure(&mut c, log)
        })
        .collect();
    row("export large-print (PDF)", 0, &summarise(&export));
    if let Ok(old) = std::env::var("PLANPRESS_BENCH_BASELINE") {
        let old = planpress_builder(
            "baseline",
            PathBuf::from(old),
            baseline_themes(&themes),
            &[],
        );
        // A baseline older than the shipped plan's content may refuse it (a setting it does
        // not know yet): that row is then left out and said so, and the synthetic plans,
        // which every version reads, still compare the two.
        let runs: Result<Vec<Run>, String> = (0..3)
            .map(|_| {
                remove(&out);
                try_measure(&mut (old.command)(&content, &out), log)
            })
            .collect();
        match runs {
            Ok(runs) => row(
                "baseline: build, PDF typeset",
                count_html(&out),
                &summarise(&runs),
            ),
            Err(e) => println!(
                "baseline: cannot build today's shipped plan, row left out ({})",
                e.lines().nth(1).unwrap_or("no message")
            ),
        }
    }
    remove(&out);
}

/// Runs this benchmark program again with `args`, its output shown as part of this one's.
fn run_self(args: &[&std::ffi::OsStr]) {
    let me = std::env::current_exe().expect("the benchmark's own path");
    let status = Command::new(me)
        .args(args)
        .status()
        .expect("the benchmark runs");
    assert!(status.success(), "{args:?} failed");
}

/// An edit to a file: its new text, the `n`th time it is made.
type Edit<'a> = Box<dyn Fn(usize) -> String + 'a>;

/// Times the preview session on a copy of the shipped plan: one priority's text edited.
fn shipped_session(repo: &Path, themes: &Path, root: &Path) {
    let copy = root.join("shipped-session");
    for entry in walkdir::WalkDir::new(repo.join("content"))
        .into_iter()
        .flatten()
    {
        let rel = entry.path().strip_prefix(repo.join("content")).unwrap();
        let to = copy.join("content").join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
    let mut session = Session::start(BuildOptions {
        content: copy.join("content"),
        out: copy.join("public"),
        themes: themes.to_path_buf(),
        typesetter: Typesetter::program_at(env!("CARGO_BIN_EXE_planpress-typeset")),
        ..BuildOptions::default()
    })
    .expect("the shipped plan builds");
    let file = copy.join("content/victims/01-victims-voice.md");
    let original = fs::read_to_string(&file).unwrap();
    let mut times: Vec<Duration> = (0..15)
        .map(|i| {
            fs::write(
                &file,
                format!("{original}\nA sentence added while writing, number {i}.\n"),
            )
            .unwrap();
            let t = Instant::now();
            session
                .rebuild(std::slice::from_ref(&file))
                .expect("the edit builds");
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "preview session: rebuild after a sentence is added to a priority: {:.1} ms (median of {})",
        ms(times[times.len() / 2]),
        times.len()
    );
    remove(&copy);
}

/// Times the preview's incremental rebuild: one priority file edited, in-process.
fn session(dir: &Path, themes: &Path, synth: &Synth) {
    let opts = BuildOptions {
        content: dir.join("content"),
        out: dir.join("preview"),
        themes: themes.to_path_buf(),
        ..BuildOptions::default()
    }
    .without("large-print");
    let started = Instant::now();
    let mut session = Session::start(opts).expect("the synthetic plan builds");
    let first = started.elapsed();
    // Each kind of edit is made to a priority of its own, as an author works on one at a time.
    let file_of = |p: &synth::Priority| {
        dir.join(format!(
            "content/aim-{:02}/{:04}-{}.md",
            p.aim + 1,
            p.number,
            p.id
        ))
    };
    let n = synth.priorities.len();
    let (text_p, title_p, heading_p) = (
        &synth.priorities[n / 2],
        &synth.priorities[n / 3],
        &synth.priorities[n / 4],
    );
    let files = [file_of(text_p), file_of(title_p), file_of(heading_p)];
    let originals: Vec<String> = files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap())
        .collect();
    // Three kinds of edit: a sentence added to the text (what writing mostly is), the title
    // (shown on other pages), and a heading (an anchor other pages may link to, so every
    // page's links are checked again).
    let edits: [(&str, Edit); 3] = [
        (
            "a sentence added to its text",
            Box::new(|i| {
                format!(
                    "{}\nA sentence added while writing, number {i}.\n",
                    originals[0]
                )
            }),
        ),
        (
            "its title changed",
            Box::new(|i| {
                originals[1].replacen(
                    &format!("title: {}", title_p.title),
                    &format!("title: {} {i}", title_p.title),
                    1,
                )
            }),
        ),
        (
            "a heading in its text changed",
            Box::new(|i| {
                originals[2].replacen(
                    "## Why this matters",
                    &format!("## Why this matters {i}"),
                    1,
                )
            }),
        ),
    ];
    let mut timings: Vec<Vec<(Duration, usize)>> = vec![Vec::new(); edits.len()];
    for i in 0..9 {
        for (k, (_, edit)) in edits.iter().enumerate() {
            fs::write(&files[k], edit(i)).unwrap();
            let t = Instant::now();
            let summary = session
                .rebuild(std::slice::from_ref(&files[k]))
                .expect("the edit builds");
            timings[k].push((t.elapsed(), summary.pages));
        }
    }
    for (file, original) in files.iter().zip(&originals) {
        fs::write(file, original).unwrap();
    }
    session.rebuild(&files).expect("the originals build");
    let median = |mut v: Vec<(Duration, usize)>| {
        v.sort();
        v[v.len() / 2]
    };
    println!(
        "preview session ({} pages): first build {:.0} ms",
        count_html(&dir.join("preview")),
        ms(first)
    );
    for ((what, _), times) in edits.iter().zip(timings) {
        let (time, pages) = median(times);
        println!(
            "  rebuild after one priority's edit ({what}): {:.1} ms, {pages} page{} written (median of 9)",
            ms(time),
            if pages == 1 { "" } else { "s" }
        );
    }
    let t = Instant::now();
    session.refresh_downloads().expect("the downloads are made");
    println!(
        "  then refresh_downloads (data files, pages listing them): {:.0} ms",
        ms(t.elapsed())
    );
}
