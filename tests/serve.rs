//! `planpress serve` end to end: the real binary, listening on 127.0.0.1 on a port the system
//! picks, previewing a copy of `tests/fixtures/serve-site/` in a temporary folder. Requests go
//! through a raw `TcpStream`, so each test decides every byte it sends (traversal attempts must
//! reach the server exactly as written, which HTTP client libraries would not allow). Every
//! wait is bounded, and the server is killed when its test ends, pass or fail.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The longest the server may take to build the fixture and start listening.
const STARTUP: Duration = Duration::from_secs(60);
/// The longest a rebuild may take to show up; the log prints how long it actually took.
const REBUILD: Duration = Duration::from_secs(20);
/// The longest any single read or write on a connection may block.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// A running `planpress serve`, killed when dropped.
struct Preview {
    child: Child,
    addr: SocketAddr,
    dir: tempfile::TempDir,
    /// The line announcing the address (`Serving <folder> at http://…`).
    serving: String,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Preview {
    /// Previews a fresh copy of the fixture, building into `site/` beside it.
    fn start() -> Preview {
        Preview::start_with(&["--out", "site"], |_| {})
    }

    /// Previews a fresh copy of the fixture, changed by `prepare` first, with `args` added.
    fn start_with(args: &[&str], prepare: impl FnOnce(&Path)) -> Preview {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site/content"),
            &dir.path().join("content"),
        );
        prepare(dir.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_planpress"))
            .args(["serve", "--content", "content", "--port", "0"])
            .args(["--bind", "127.0.0.1"])
            .args(args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let stderr_pipe = child.stderr.take().unwrap();
        let (lines, announced) = mpsc::channel();
        thread::spawn(move || {
            // Keep reading after the address is found: a server whose output pipe is closed
            // would be tested in a state no terminal puts it in.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        thread::spawn(move || {
            for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
                let mut text = sink.lock().unwrap();
                text.push_str(&line);
                text.push('\n');
            }
        });
        let mut preview = Preview {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            dir,
            serving: String::new(),
            stderr,
        };
        let deadline = Instant::now() + STARTUP;
        while preview.serving.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match announced.recv_timeout(left) {
                Ok(line) if line.contains(" at http://") => preview.serving = line,
                Ok(_) => {}
                Err(_) => panic!(
                    "the server did not announce its address within {STARTUP:?}; stderr:\n{}",
                    preview.stderr()
                ),
            }
        }
        let address = preview
            .serving
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap();
        preview.addr = address.parse().unwrap();
        assert!(preview.addr.ip().is_loopback(), "{}", preview.serving);
        assert_ne!(preview.addr.port(), 0);
        preview
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn host(&self) -> String {
        format!("Host: {}\r\n", self.addr)
    }

    /// Sends raw bytes and reads the whole response (the server closes every connection).
    fn send(&self, raw: &[u8]) -> Reply {
        let mut stream = self.connect();
        // A refused request may be answered before all of it is sent; the answer is what counts.
        let _ = stream.write_all(raw);
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        Reply::parse(&bytes)
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect_timeout(&self.addr, IO_TIMEOUT).unwrap();
        stream.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
        stream
    }

    fn request(&self, method: &str, target: &str) -> Reply {
        self.send(format!("{method} {target} HTTP/1.1\r\n{}\r\n", self.host()).as_bytes())
    }

    fn get(&self, target: &str) -> Reply {
        self.request("GET", target)
    }

    /// The build state, as the live-reload script sees it.
    fn status(&self) -> Value {
        let reply = self.get("/__planpress/status");
        assert_eq!(reply.status, 200);
        serde_json::from_slice(&reply.body).unwrap()
    }

    /// Polls the build state until `done` holds, for at most [`REBUILD`].
    fn wait_for(&self, what: &str, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + REBUILD;
        loop {
            let state = self.status();
            if done(&state) {
                return state;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: not within {REBUILD:?}; last state {state}; stderr:\n{}",
                self.stderr()
            );
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until the server's stderr contains `text`, for at most [`REBUILD`].
    fn wait_for_stderr(&self, text: &str) {
        let deadline = Instant::now() + REBUILD;
        while !self.stderr().contains(text) {
            assert!(
                Instant::now() < deadline,
                "stderr never contained {text:?}:\n{}",
                self.stderr()
            );
            thread::sleep(Duration::from_millis(25));
        }
    }

    fn still_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Opens the live-reload event stream.
    fn events(&self) -> Events {
        let mut stream = self.connect();
        stream
            .write_all(
                format!("GET /__planpress/events HTTP/1.1\r\n{}\r\n", self.host()).as_bytes(),
            )
            .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push_str(&line);
        }
        assert!(head.starts_with("HTTP/1.1 200 "), "{head}");
        assert!(
            head.contains("Content-Type: text/event-stream\r\n"),
            "{head}"
        );
        Events { reader }
    }
}

/// A response, split into status, headers and body.
#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Reply {
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8(bytes[..split].to_vec()).unwrap();
        let status = head
            .strip_prefix("HTTP/1.1 ")
            .and_then(|rest| rest.get(..3))
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("bad status line in {head:?}"));
        Reply {
            status,
            head,
            body: bytes[split + 4..].to_vec(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The live-reload event stream, read one `data:` message at a time.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// Reads messages until one satisfies `wanted`, for at most [`REBUILD`].
    fn next_where(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + REBUILD;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "no such event within {REBUILD:?}");
            self.reader.get_ref().set_read_timeout(Some(left)).unwrap();
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).expect("event stream read");
            assert!(n > 0, "the event stream closed");
            if let Some(data) = line.strip_prefix("data: ") {
                let state: Value = serde_json::from_str(data.trim_end()).unwrap();
                if wanted(&state) {
                    return state;
                }
            }
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Replaces `from` with `to` in a file, insisting that `from` is there.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replace(from, to)).unwrap();
}

fn generation(state: &Value) -> u64 {
    state["generation"].as_u64().unwrap()
}

const SCRIPT_TAG: &str = "<script src=\"/__planpress/reload.js\"";
const BANNER: &str = "id=\"planpress-preview-errors\"";

#[test]
fn pages_carry_the_reload_script_which_is_never_written_to_disk() {
    let p = Preview::start();
    let home = p.get("/");
    assert_eq!(home.status, 200, "{}", home.head);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(
        home.header("Content-Length"),
        Some(home.body.len().to_string().as_str())
    );
    let html = home.text();
    assert!(html.contains("first version of the plan"), "{html}");
    assert!(html.contains(SCRIPT_TAG), "{html}");
    assert!(!html.contains(BANNER), "a good build shows no banner");

    for entry in walkdir::WalkDir::new(p.path("site")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains("__planpress"),
                "{} on disk mentions the preview",
                entry.path().display()
            );
        }
    }

    let script = p.get("/__planpress/reload.js");
    assert_eq!(script.status, 200);
    assert_eq!(
        script.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script.text().contains("new EventSource"));
    let style = p.get("/static/style.css");
    assert_eq!(style.status, 200);
    assert_eq!(
        style.header("Content-Type"),
        Some("text/css; charset=utf-8")
    );

    let head = p.request("HEAD", "/");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("Content-Length"), home.header("Content-Length"));
    assert!(head.body.is_empty());

    assert!(!p.path("public").exists(), "serving must not touch public/");
}

#[test]
fn traversal_attempts_never_reach_files_outside_the_output_folder() {
    let p = Preview::start();
    fs::write(p.path("secret.txt"), "TOP-SECRET-OUTSIDE").unwrap();
    fs::write(p.path("Cargo.toml"), "[package] TOP-SECRET-OUTSIDE").unwrap();
    #[cfg(unix)]
    {
        // Links placed in the output folder after the build, pointing out of it.
        std::os::unix::fs::symlink(p.path("secret.txt"), p.path("site/leak.txt")).unwrap();
        std::os::unix::fs::symlink(p.path(""), p.path("site/up")).unwrap();
    }
    let absolute = format!("http://{}/../secret.txt", p.addr);
    let targets = [
        "/../secret.txt",
        "/../Cargo.toml",
        "/static/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/Cargo.toml",
        "/%2e%2e%2fsecret.txt",
        "/static/%2e%2e/%2e%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/..%2f..%2fetc/passwd",
        "/..%2fsecret.txt",
        "/\\..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/%00",
        "/index.html%00.txt",
        "//etc/passwd",
        "/etc/passwd",
        "/leak.txt",
        "/up/secret.txt",
        "/up/",
        "/.planpress-output",
        absolute.as_str(),
        "http://127.0.0.1/etc/passwd",
        "secret.txt",
        "C:\\secret.txt",
    ];
    for target in targets {
        let reply = p.get(target);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{target}: {}",
            reply.head
        );
        let body = reply.text();
        assert!(
            !body.contains("TOP-SECRET") && !body.contains("root:"),
            "{target} leaked: {body}"
        );
    }
    // The plain ones are refused before the file system is consulted.
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%00",
    ] {
        assert_eq!(p.get(target).status, 400, "{target}");
    }
}

#[test]
fn only_get_and_head_are_answered() {
    let p = Preview::start();
    for method in [
        "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT",
    ] {
        let reply = p.request(method, "/");
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"), "{method}");
    }
    let post = p.send(
        format!(
            "POST /index.html HTTP/1.1\r\n{}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=1",
            p.host()
        )
        .as_bytes(),
    );
    assert_eq!(post.status, 405);
}

#[test]
fn oversized_heads_and_request_bodies_are_refused() {
    let p = Preview::start();
    let filler = "x".repeat(32 * 1024);
    let big =
        p.send(format!("GET / HTTP/1.1\r\n{}X-Filler: {filler}\r\n\r\n", p.host()).as_bytes());
    assert_eq!(big.status, 431, "{}", big.head);
    let many: String = (0..200).map(|i| format!("X-{i}: y\r\n")).collect();
    let lots = p.send(format!("GET / HTTP/1.1\r\n{}{many}\r\n", p.host()).as_bytes());
    assert_eq!(lots.status, 431, "{}", lots.head);
    let body = p.send(
        format!(
            "GET / HTTP/1.1\r\n{}Content-Length: 5\r\n\r\nhello",
            p.host()
        )
        .as_bytes(),
    );
    assert_eq!(body.status, 413, "{}", body.head);
    // The server is still answering.
    assert_eq!(p.get("/").status, 200);
}

#[test]
fn heads_that_break_http_syntax_are_refused_as_soon_as_they_do() {
    let p = Preview::start();
    let host = p.host();
    for bad in [
        format!("GET / HTTP/1.1\r\n{host}X-A: a\x01b\r\n\r\n"),
        format!("GET / HTTP/1.1\r\n{host}X-A: a\rb\r\n\r\n"),
        format!("GET / HTTP/1.1\r\n{host}X-A : b\r\n\r\n"),
        format!("GET /\x7f HTTP/1.1\r\n{host}\r\n"),
    ] {
        let reply = p.send(bad.as_bytes());
        assert_eq!(reply.status, 400, "{bad:?}: {}", reply.head);
    }
    // Refused on the spot, not after the 10 seconds a client has to finish its head: the
    // connection stays open on the client's side, and the answer arrives anyway.
    let many: String = (0..200).map(|i| format!("X-{i}: y\r\n")).collect();
    for (unfinished, status) in [
        (format!("GET / HTTP/1.1\r\n{host}{many}"), 431),
        ("GET / HTTP/2.0\r\n".to_string(), 505),
        (format!("GET / HTTP/1.1\r\n{host}Bad Name: x\r\n"), 400),
    ] {
        let mut stream = p.connect();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        stream.write_all(unfinished.as_bytes()).unwrap();
        let started = Instant::now();
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        assert!(!bytes.is_empty(), "no answer within 5 s to {unfinished:?}");
        assert_eq!(Reply::parse(&bytes).status, status, "{unfinished:?}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
    // An empty line before the request line is ignored (RFC 9112, section 2.2).
    let reply = p.send(format!("\r\nGET / HTTP/1.1\r\n{host}\r\n").as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.head);
}

#[test]
fn a_client_that_never_finishes_its_request_is_cut_off() {
    let p = Preview::start();
    let mut slow = p.connect();
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .unwrap();
    let started = Instant::now();
    // Meanwhile, everyone else is served.
    assert_eq!(p.get("/").status, 200);
    let mut bytes = Vec::new();
    let _ = slow.read_to_end(&mut bytes);
    let waited = started.elapsed();
    assert_eq!(Reply::parse(&bytes).status, 408);
    assert!(waited < Duration::from_secs(25), "held for {waited:?}");
}

#[test]
fn folders_are_never_listed_and_missing_pages_get_the_site_404() {
    let p = Preview::start();
    let folder = p.get("/static/");
    assert_eq!(folder.status, 404);
    assert!(
        folder.text().contains("<h1>Page not found</h1>"),
        "{}",
        folder.text()
    );
    assert!(
        !folder.text().contains("href=\"style.css\""),
        "a listing: {}",
        folder.text()
    );
    let redirect = p.get("/static");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("Location"), Some("/static/"));
    let about = p.get("/about?from=test");
    assert_eq!(about.status, 301);
    assert_eq!(about.header("Location"), Some("/about/?from=test"));
    assert_eq!(p.get("/about/").status, 200);

    let missing = p.get("/no-such-page/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    let html = missing.text();
    assert!(html.contains("<h1>Page not found</h1>"), "{html}");
    assert!(
        html.contains("Preview Test Plan"),
        "the site's own 404.html: {html}"
    );
    assert!(html.contains(SCRIPT_TAG));
    assert_eq!(p.get("/__planpress/nothing").status, 404);
}

#[test]
fn requests_for_other_host_names_are_refused() {
    let p = Preview::start();
    let reply = p.send(b"GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
    assert_eq!(reply.status, 421);
    let local = p.send(
        format!(
            "GET / HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
            p.addr.port()
        )
        .as_bytes(),
    );
    assert_eq!(local.status, 200);
}

#[test]
fn connections_beyond_the_cap_are_turned_away_and_served_again_once_freed() {
    let p = Preview::start();
    // The server handles 64 connections at once (`MAX_CONNECTIONS` in src/serve/mod.rs).
    let idle: Vec<TcpStream> = (0..64).map(|_| p.connect()).collect();
    let deadline = Instant::now() + REBUILD;
    let busy = loop {
        let reply = p.get("/");
        if reply.status == 503 {
            break reply;
        }
        assert!(Instant::now() < deadline, "never busy: {}", reply.head);
        thread::sleep(Duration::from_millis(25));
    };
    assert_eq!(busy.header("Retry-After"), Some("1"));
    drop(idle);
    let deadline = Instant::now() + REBUILD;
    while p.get("/").status != 200 {
        assert!(Instant::now() < deadline, "slots were not given back");
        thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn editing_the_theme_rebuilds_too() {
    let p = Preview::start_with(&["--out", "site"], |dir| {
        fs::create_dir_all(dir.join("themes/default/static")).unwrap();
        fs::write(
            dir.join("themes/default/static/style.css"),
            "body { color: black; }\n",
        )
        .unwrap();
    });
    let before = p.status();
    assert!(p.get("/static/style.css").text().contains("color: black"));
    fs::write(
        p.path("themes/default/static/style.css"),
        "body { color: navy; }\n",
    )
    .unwrap();
    p.wait_for("the rebuild", |s| generation(s) > generation(&before));
    assert!(p.get("/static/style.css").text().contains("color: navy"));
}

#[test]
fn editing_content_rebuilds_and_the_new_text_is_served() {
    let p = Preview::start();
    let before = p.status();
    assert_eq!(before["ok"], true);
    let mut events = p.events();
    let first = events.next_where(|_| true);
    assert_eq!(first["generation"], before["generation"]);

    let saved = Instant::now();
    edit(
        &p.path("content/_index.md"),
        "first version of the plan",
        "second version of the plan",
    );
    let event = events.next_where(|s| generation(s) > generation(&before));
    let noticed = saved.elapsed();
    assert_eq!(event["ok"], true);
    let page = p.get("/").text();
    assert!(page.contains("second version of the plan"), "{page}");
    assert!(!page.contains("first version"));
    assert!(page.contains(&format!("data-generation=\"{}\"", generation(&event))));
    eprintln!("save to reload event: {} ms", noticed.as_millis());
}

#[test]
fn a_broken_file_keeps_the_last_good_page_with_an_error_banner_until_fixed() {
    let mut p = Preview::start();
    let good = p.status();
    edit(&p.path("content/about.md"), "order: 2", "ordr: 2");
    let broken = p.wait_for("the failed rebuild", |s| s["ok"] == false);
    assert_eq!(
        broken["generation"], good["generation"],
        "no new good build"
    );
    assert_eq!(broken["problems"][0]["place"], "content/about.md:3:1");
    assert_eq!(broken["problems"][0]["message"], "unknown key \"ordr\"");

    // The terminal shows the problem as `planpress build` does.
    p.wait_for_stderr(
        "content/about.md:3:1: error: unknown key \"ordr\"\n  help: did you mean \"order\"?\n",
    );
    assert!(p.still_running());

    for target in ["/", "/about/"] {
        let reply = p.get(target);
        assert_eq!(reply.status, 200, "{target}");
        let html = reply.text();
        assert!(html.contains(SCRIPT_TAG), "{target}");
        let banner_at = html
            .find(BANNER)
            .unwrap_or_else(|| panic!("{target}: no banner in {html}"));
        let body_at = html.find("<body>").unwrap();
        let skip_link_at = html.find("class=\"skip-link\"").unwrap();
        assert!(
            body_at < banner_at && banner_at < skip_link_at,
            "{target}: banner not first in body"
        );
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("This preview is out of date"));
        assert!(html.contains("<code>content/about.md:3:1</code> unknown key &quot;ordr&quot;"));
        assert!(html.contains("Help: did you mean &quot;order&quot;?"));
    }
    assert!(
        p.get("/").text().contains("first version of the plan"),
        "the last good page"
    );
    // The page on disk is the last good build, untouched.
    assert!(!fs::read_to_string(p.path("site/index.html"))
        .unwrap()
        .contains(BANNER));

    edit(&p.path("content/about.md"), "ordr: 2", "order: 2");
    let fixed = p.wait_for("the recovery", |s| {
        s["ok"] == true && generation(s) > generation(&good)
    });
    assert_eq!(fixed["problems"].as_array().unwrap().len(), 0);
    let html = p.get("/").text();
    assert!(!html.contains(BANNER), "{html}");
    assert!(p.still_running());
}

#[test]
fn a_plan_broken_from_the_start_is_served_as_its_problems_until_fixed() {
    let p = Preview::start_with(&["--out", "site"], |dir| {
        edit(&dir.join("content/about.md"), "order: 2", "ordr: 2");
    });
    let state = p.status();
    assert_eq!(state["ok"], false);
    assert_eq!(state["generation"], 0);
    let reply = p.get("/");
    assert_eq!(reply.status, 404);
    let html = reply.text();
    assert!(html.contains("Nothing has been built yet"), "{html}");
    assert!(html.contains("<code>content/about.md:3:1</code>"), "{html}");
    assert!(html.contains(SCRIPT_TAG));

    edit(&p.path("content/about.md"), "ordr: 2", "order: 2");
    p.wait_for("the first good build", |s| {
        s["ok"] == true && generation(s) == 1
    });
    assert_eq!(p.get("/").status, 200);
}

#[cfg(unix)]
#[test]
fn without_out_the_preview_builds_in_a_temporary_folder_removed_on_ctrl_c() {
    let mut p = Preview::start_with(&[], |_| {});
    let folder = PathBuf::from(
        p.serving
            .strip_prefix("Serving ")
            .and_then(|rest| rest.split(" at http://").next())
            .unwrap(),
    );
    assert!(folder.join("index.html").is_file(), "{}", p.serving);
    assert!(
        folder.starts_with(std::env::temp_dir()),
        "{}",
        folder.display()
    );
    assert!(!p.path("public").exists());
    assert_eq!(p.get("/").status, 200);

    let pid = libc::pid_t::try_from(p.child.id()).unwrap();
    // SAFETY: signalling our own child process.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = p.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server ignored Ctrl-C");
        thread::sleep(Duration::from_millis(25));
    };
    assert_eq!(status.code(), Some(130));
    assert!(!folder.exists(), "{} was left behind", folder.display());
}

/// Each file in the output folder, with its inode and modification time: a file written
/// again (even with the same bytes, since pages are renamed into place) shows a new one.
#[cfg(unix)]
fn stamps(dir: &Path) -> std::collections::BTreeMap<String, (u64, std::time::SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    let mut stamps = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .display()
                    .to_string();
                stamps.insert(rel, (meta.ino(), meta.modified().unwrap()));
            }
        }
    }
    stamps
}

const PRIORITY_FILE: &str = "content/safer-streets/01-visible-policing.md";
const PRIORITY_PAGE: &str = "safer-streets/visible-policing/index.html";

#[cfg(unix)]
#[test]
fn editing_a_priority_rewrites_its_page_alone_and_says_so_to_browsers() {
    // Without the large-print edition, whose size every footer gives: remaking it after the
    // edit would rightly rewrite every page.
    let p = Preview::start_with(&["--out", "site", "--no-large-print"], |_| {});
    let before = p.status();
    let mut events = p.events();
    events.next_where(|_| true);
    let page = p.get("/safer-streets/visible-policing/").text();
    assert!(
        page.contains(&format!("data-file=\"{PRIORITY_PAGE}\"")),
        "{page}"
    );
    let stamped = stamps(&p.path("site"));

    fs::write(
        p.path(PRIORITY_FILE),
        fs::read_to_string(p.path(PRIORITY_FILE)).unwrap()
            + "Patrols are what residents ask for most.\n",
    )
    .unwrap();
    let event = events.next_where(|s| generation(s) > generation(&before));
    assert_eq!(event["ok"], true);
    assert_eq!(event["generation"], generation(&before) + 1);
    assert_eq!(
        event["pages"],
        serde_json::json!([PRIORITY_PAGE]),
        "{event}"
    );
    // Then the search page and its index, which hold the priority's text, and nothing the
    // edited page's browsers need reload for.
    let search = events.next_where(|s| generation(s) > generation(&event));
    assert_eq!(generation(&search), generation(&event) + 1);
    let pages: Vec<&str> = search["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(pages.contains(&"search/index.html"), "{search}");
    assert!(!pages.contains(&PRIORITY_PAGE), "{search}");
    let page = p.get("/safer-streets/visible-policing/").text();
    assert!(
        page.contains("Patrols are what residents ask for most."),
        "{page}"
    );
    assert!(page.contains(&format!("data-generation=\"{}\"", generation(&search))));

    // Only the edited page was written again: the home page, the aim's page, the other
    // pages and the static files are the very files they were. (The open data files and
    // the pages listing them are remade a moment later, when the folders are quiet; the
    // search page and its index, which hold every priority's text, right after the page.)
    let now = stamps(&p.path("site"));
    for (file, stamp) in &stamped {
        let later_too = [
            "data/",
            "performance/",
            "delivery/",
            "national-priorities/",
            "search/",
        ]
        .iter()
        .any(|prefix| file.starts_with(prefix));
        if file != PRIORITY_PAGE && !later_too {
            assert_eq!(now.get(file), Some(stamp), "{file} was written again");
        }
    }
    assert_ne!(now.get(PRIORITY_PAGE), stamped.get(PRIORITY_PAGE));
}

#[test]
fn a_title_change_reloads_its_page_first_then_the_pages_that_show_it() {
    let p = Preview::start_with(&["--out", "site", "--no-large-print"], |_| {});
    let before = p.status();
    let mut events = p.events();
    events.next_where(|_| true);
    edit(
        &p.path(PRIORITY_FILE),
        "title: Visible neighbourhood policing",
        "title: Visible local policing",
    );
    let first = events.next_where(|s| generation(s) > generation(&before));
    assert_eq!(
        first["pages"],
        serde_json::json!([PRIORITY_PAGE]),
        "{first}"
    );
    let second = events.next_where(|s| generation(s) > generation(&first));
    assert_eq!(generation(&second), generation(&first) + 1);
    let pages: Vec<&str> = second["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(pages.contains(&"index.html"), "{second}");
    assert!(pages.contains(&"safer-streets/index.html"), "{second}");
    assert!(!pages.contains(&PRIORITY_PAGE), "{second}");
    assert!(p
        .get("/safer-streets/")
        .text()
        .contains("Visible local policing"));
    assert!(p.get("/").text().contains("Visible local policing"));
}

#[test]
fn a_broken_priority_shows_its_problem_and_a_fixed_one_recovers() {
    let p = Preview::start_with(&["--out", "site", "--no-large-print"], |_| {});
    let good = p.status();
    // Another commitment already has this id: only a check of the whole plan finds it.
    edit(
        &p.path(PRIORITY_FILE),
        "id: more-patrols",
        "id: named-officer",
    );
    let broken = p.wait_for("the failed rebuild", |s| s["ok"] == false);
    assert_eq!(broken["generation"], good["generation"]);
    let message = broken["problems"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("\"named-officer\" is already used"),
        "{broken}"
    );
    let html = p.get("/safer-streets/visible-policing/").text();
    assert!(html.contains(BANNER), "{html}");

    edit(
        &p.path(PRIORITY_FILE),
        "id: named-officer\n      text: Fund more patrols",
        "id: extra-patrols\n      text: Fund more patrols",
    );
    let fixed = p.wait_for("the recovery", |s| {
        s["ok"] == true && generation(s) > generation(&good)
    });
    assert_eq!(fixed["problems"].as_array().unwrap().len(), 0);
    let html = p.get("/safer-streets/visible-policing/").text();
    assert!(!html.contains(BANNER), "{html}");
    assert!(html.contains("id=\"extra-patrols\""), "{html}");
}

#[test]
fn adding_and_removing_a_priority_adds_and_removes_its_page() {
    let p = Preview::start_with(&["--out", "site", "--no-large-print"], |_| {});
    let before = p.status();
    assert_eq!(p.get("/safer-streets/cycle-lanes/").status, 404);
    fs::write(
        p.path("content/safer-streets/02-cycle-lanes.md"),
        "---\ntitle: Safer cycle lanes\ncommissioner:\n  commitments:\n    - id: lanes\n      text: Fund protected cycle lanes.\n---\n",
    )
    .unwrap();
    let added = p.wait_for("the page added", |s| generation(s) > generation(&before));
    assert_eq!(added["ok"], true, "{added}");
    assert!(
        added["pages"].is_null(),
        "a new page rebuilds everything: {added}"
    );
    assert!(p
        .get("/safer-streets/cycle-lanes/")
        .text()
        .contains("Safer cycle lanes"));
    // The neighbour's page now links to it.
    assert!(p
        .get("/safer-streets/visible-policing/")
        .text()
        .contains("Safer cycle lanes"));

    fs::remove_file(p.path("content/safer-streets/02-cycle-lanes.md")).unwrap();
    p.wait_for("the page removed", |s| generation(s) > generation(&added));
    assert_eq!(p.get("/safer-streets/cycle-lanes/").status, 404);
    assert!(!p
        .get("/safer-streets/visible-policing/")
        .text()
        .contains("Safer cycle lanes"));
}
