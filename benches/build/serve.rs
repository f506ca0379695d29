//! How quickly `planpress serve` shows an edit, end to end, on the real release binary.
//!
//! For the shipped plan and each synthetic size, this copies the plan to tmpfs, starts
//! `planpress serve --port 0 --bind 127.0.0.1` (with `--no-large-print` for the synthetic
//! plans, whose PDF would take minutes) building into tmpfs, waits for the first build, and
//! connects to the live-reload event stream as a browser does. Then, again and again, it
//! edits one priority file the way an editor saves (the whole file written in place) and
//! times, from just before the write:
//!
//! - (a) until the event stream announces a good build that rewrote that priority's page;
//! - (b) until a `GET` of the page returns the new text.
//!
//! Three kinds of edit, each to a priority of its own: a sentence added to the text (most of
//! writing), the title changed (shown on other pages too), a heading changed (an anchor other
//! pages may link to). After each edit it waits for the preview to settle (the open data files
//! are remade once the folders have been quiet for a second) so that edits do not queue
//! behind that work. Medians and maxima are printed.
//!
//! ```sh
//! PLANPRESS_BENCH_SERVE=1 PLANPRESS_BENCH_SIZES=1000,10000 cargo bench --bench build
//! PLANPRESS_BENCH_SERVE=1 PLANPRESS_BENCH_SERVE_EDITS=5 cargo bench --bench build
//! PLANPRESS_BENCH_BASELINE=/path/to/old/planpress PLANPRESS_BENCH_SERVE=1 cargo bench --bench build
//! ```
//!
//! `PLANPRESS_BENCH_SERVE_EDITS` sets how many times each kind of edit is made (15);
//! `PLANPRESS_BENCH_BASELINE` also times another planpress binary's `serve` on the shipped
//! plan (a binary without `serve --no-large-print` cannot preview the synthetic plans).

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use crate::synth::Synth;

/// The longest anything may take before the benchmark gives up.
const PATIENCE: Duration = Duration::from_secs(300);

/// A running `planpress serve`, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// Lines the server prints on standard output, as they come.
    stdout: Receiver<String>,
    /// Build states from the live-reload stream, with when each arrived.
    events: Receiver<(Instant, serde_json::Value)>,
    first_build: Duration,
    /// The latest build generation the stream announced.
    generation: std::cell::Cell<u64>,
    /// True for a binary that remakes everything on each change (nothing to wait for after).
    baseline: bool,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(exe: &Path, content: &Path, out: &Path, large_print: bool) -> Server {
        let started = Instant::now();
        let mut cmd = Command::new(exe);
        cmd.arg("serve")
            .arg("--content")
            .arg(content)
            .arg("--out")
            .arg(out)
            .args(["--port", "0", "--bind", "127.0.0.1"]);
        if !large_print {
            cmd.arg("--no-large-print");
        }
        let mut child = cmd
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()));
        let (tx, stdout) = mpsc::channel();
        let pipe = child.stdout.take().expect("stdout is piped");
        thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let addr = loop {
            let line = stdout
                .recv_timeout(PATIENCE)
                .expect("the server announces its address");
            if let Some(rest) = line.split(" at http://").nth(1) {
                break rest
                    .split('/')
                    .next()
                    .and_then(|a| a.parse().ok())
                    .expect("an address");
            }
        };
        let first_build = started.elapsed();
        let events = listen(addr);
        let server = Server {
            child,
            addr,
            stdout,
            events,
            first_build,
            baseline: false,
            generation: std::cell::Cell::new(0),
        };
        // The stream's first message is the current state.
        let (_, state) = server.next_event(PATIENCE).expect("the event stream opens");
        server
            .generation
            .set(state["generation"].as_u64().unwrap_or(0));
        server
    }

    fn next_event(&self, wait: Duration) -> Option<(Instant, serde_json::Value)> {
        self.events.recv_timeout(wait).ok()
    }

    /// The body of `GET path`.
    fn get(&self, path: &str) -> String {
        let mut stream = TcpStream::connect(self.addr).expect("the server accepts");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response);
        text.split_once("\r\n\r\n")
            .map_or_else(String::new, |(_, body)| body.to_string())
    }

    /// Waits until the server prints a line containing `needle`.
    fn wait_for_line(&self, needle: &str) {
        if self.baseline && needle.starts_with("Remade") {
            return;
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return,
                Ok(_) => {}
                Err(_) => panic!("the server never printed {needle:?}"),
            }
        }
    }
}

/// Opens the live-reload event stream and passes each build state it sends to the receiver.
fn listen(addr: SocketAddr) -> Receiver<(Instant, serde_json::Value)> {
    let mut stream = TcpStream::connect(addr).expect("the server accepts");
    write!(
        stream,
        "GET /__planpress/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
            if let Some(data) = line.strip_prefix("data: ") {
                if let Ok(state) = serde_json::from_str(data.trim_end()) {
                    if tx.send((Instant::now(), state)).is_err() {
                        break;
                    }
                }
            }
            line.clear();
        }
    });
    rx
}

/// One kind of edit: what it is called, the file, and its text the `i`th time with the words
/// that the page then shows.
struct Edit<'a> {
    what: &'static str,
    file: PathBuf,
    page: String,
    make: Box<dyn Fn(usize) -> (String, String) + 'a>,
}

/// Times each kind of edit `reps` times on a running server; prints one line per kind.
fn time_edits(server: &Server, edits: &[Edit], reps: usize) {
    for edit in edits {
        let original = fs::read_to_string(&edit.file).expect("the priority file");
        let file_in_output = format!("{}index.html", edit.page.trim_start_matches('/'));
        let mut reloads = Vec::new();
        let mut shown = Vec::new();
        let mut pages_written = Vec::new();
        let mut last_generation = server.generation.get();
        for i in 0..reps {
            let (text, words) = (edit.make)(i);
            // Nothing may be pending from the previous edit.
            while let Some((_, state)) = server.next_event(Duration::ZERO) {
                last_generation = state["generation"].as_u64().unwrap_or(last_generation);
            }
            let t = Instant::now();
            fs::write(&edit.file, &text).expect("the edit is saved");
            let mut written = 0;
            let reload = loop {
                let (at, state) = server
                    .next_event(PATIENCE)
                    .expect("the server announces the rebuild");
                assert_eq!(state["ok"], true, "the edit builds: {state}");
                let pages = state["pages"].as_array();
                written += pages.map_or(0, Vec::len);
                let generation = state["generation"].as_u64().unwrap_or(0);
                // A stream that missed a build (two in quick succession) makes every page
                // reload, as the script does.
                let missed = generation > last_generation + 1;
                last_generation = generation;
                if missed || pages.is_none_or(|p| p.iter().any(|f| f == file_in_output.as_str())) {
                    break at - t;
                }
            };
            loop {
                if server.get(&edit.page).contains(&words) {
                    shown.push(t.elapsed());
                    break;
                }
                assert!(t.elapsed() < PATIENCE, "the page never showed {words:?}");
                thread::sleep(Duration::from_millis(1));
            }
            reloads.push(reload);
            // Let the preview settle: it remakes the downloads once the folders are quiet.
            server.wait_for_line("Remade the downloads");
            while let Some((_, state)) = server.next_event(Duration::from_millis(50)) {
                written += state["pages"].as_array().map_or(0, Vec::len);
                last_generation = state["generation"].as_u64().unwrap_or(last_generation);
            }
            pages_written.push(written);
        }
        fs::write(&edit.file, &original).expect("the original is put back");
        server.wait_for_line("Rebuilt");
        server.wait_for_line("Remade the downloads");
        while let Some((_, state)) = server.next_event(Duration::from_millis(50)) {
            last_generation = state["generation"].as_u64().unwrap_or(last_generation);
        }
        server.generation.set(last_generation);
        let (a, b) = (stats(&reloads), stats(&shown));
        pages_written.sort();
        println!(
            "  {:<30} reload event {:>7.1} ms (max {:>7.1})   page shows it {:>7.1} ms (max {:>7.1})   {} files listed in events (median, with the downloads)",
            edit.what,
            a.0,
            a.1,
            b.0,
            b.1,
            pages_written[pages_written.len() / 2]
        );
    }
}

/// Median and maximum, in milliseconds.
fn stats(times: &[Duration]) -> (f64, f64) {
    let mut v: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[v.len() - 1])
}

/// The three kinds of edit to `file` (the page at `page`), given its text.
fn edits_of<'a>(files: [(PathBuf, String); 3], title: &'a str) -> Vec<Edit<'a>> {
    let [text, titled, heading] = files;
    let read = |f: &Path| fs::read_to_string(f).expect("the priority file");
    let (t0, t1, t2) = (read(&text.0), read(&titled.0), read(&heading.0));
    vec![
        Edit {
            what: "a sentence added to its text",
            file: text.0,
            page: text.1,
            make: Box::new(move |i| {
                let words = format!("A sentence added while writing, number {i}.");
                (format!("{t0}\n{words}\n"), words)
            }),
        },
        Edit {
            what: "its title changed",
            file: titled.0,
            page: titled.1,
            make: Box::new(move |i| {
                let words = format!("{title} {i}");
                let text = t1.replacen(&format!("title: {title}"), &format!("title: {words}"), 1);
                assert_ne!(text, t1, "the title is written plainly");
                (text, words)
            }),
        },
        Edit {
            what: "a heading changed",
            file: heading.0,
            page: heading.1,
            make: Box::new(move |i| {
                let words = format!("Heading edited {i}");
                let text = match t2.find("\n## ") {
                    Some(at) => {
                        let end = t2[at + 1..].find('\n').map_or(t2.len(), |e| at + 1 + e);
                        format!("{}\n## {words}{}", &t2[..at], &t2[end..])
                    }
                    None => format!("{t2}\n## {words}\n"),
                };
                (text, words)
            }),
        },
    ]
}

fn reps() -> usize {
    std::env::var("PLANPRESS_BENCH_SERVE_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(15)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The shipped plan, with the large-print edition as `planpress serve` makes it.
pub fn shipped(exe: &Path, repo: &Path, root: &Path, name: &str) {
    let dir = root.join("serve-shipped");
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&repo.join("content"), &dir.join("content"));
    let content = dir.join("content");
    // Each kind of edit to a priority of its own.
    let pick = |rel: &str, page: &str| (content.join(rel), page.to_string());
    let files = [
        pick("victims/01-victims-voice.md", "/victims/victims-voice/"),
        pick(
            "victims/02-support-services.md",
            "/victims/support-services/",
        ),
        pick(
            "victims/03-early-intervention.md",
            "/victims/early-intervention/",
        ),
    ];
    let title = fs::read_to_string(&files[1].0)
        .expect("the priority")
        .lines()
        .find_map(|l| l.strip_prefix("title: ").map(str::to_string))
        .expect("a title");
    let mut server = Server::start(exe, &content, &dir.join("out"), true);
    server.baseline = name == "baseline";
    println!(
        "\n{name} serve, the shipped plan ({} pages): first build and listening after {:.0} ms",
        crate::count_html(&dir.join("out")),
        server.first_build.as_secs_f64() * 1000.0
    );
    time_edits(&server, &edits_of(files, &title), reps());
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}

/// A synthetic plan of about `n` pages, without the large-print edition.
pub fn synthetic(exe: &Path, root: &Path, n: usize) {
    let dir = root.join(format!("serve-{n}"));
    let _ = fs::remove_dir_all(&dir);
    let synth = Synth::new(n);
    synth
        .write_planpress(&dir.join("content"))
        .expect("the plan is written");
    let at = |p: &crate::synth::Priority| {
        (
            dir.join(format!(
                "content/aim-{:02}/{:04}-{}.md",
                p.aim + 1,
                p.number,
                p.id
            )),
            format!("/aim-{:02}/{}/", p.aim + 1, p.id),
        )
    };
    let count = synth.priorities.len();
    let titled = &synth.priorities[count / 3];
    let files = [
        at(&synth.priorities[count / 2]),
        at(titled),
        at(&synth.priorities[count / 4]),
    ];
    let server = Server::start(exe, &dir.join("content"), &dir.join("out"), false);
    println!(
        "\nserve, {n} pages ({} written): first build and listening after {:.0} ms",
        crate::count_html(&dir.join("out")),
        server.first_build.as_secs_f64() * 1000.0
    );
    time_edits(&server, &edits_of(files, &titled.title), reps());
    drop(server);
    let _ = fs::remove_dir_all(&dir);
}
