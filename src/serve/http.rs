//! Just enough HTTP/1.1 for a local preview: read one bounded request head, write one response.
//!
//! The request head is parsed by `httparse`, the maintained and fuzzed parser that `hyper` is
//! built on: it checks the request line and every header name and value byte by byte, refuses
//! folded lines and control characters, stops at [`MAX_HEADERS`], and decides where the head
//! ends. This module keeps what a parser cannot do: reading the head from a socket it controls,
//! within [`MAX_HEAD_BYTES`] and [`HEAD_DEADLINE`], refusing bodies and methods other than `GET`
//! and `HEAD`, and writing the response; the accept loop in `serve` caps the connections.
//!
//! Why not a whole server crate. `tiny_http` 0.12 (its latest release), given the hostile
//! requests of `tests/serve.rs`, kept none of the limits: it reads a header line with no bound
//! (one 64 MiB line grew the server by 64 MiB and was never refused), answered a 32 KiB head and
//! one of 200 headers with 200 rather than 431, set no read deadline (a client that stopped
//! halfway through its head still held its connection when the probe gave up after 30 s; here it
//! gets 408 after 10 s), and started a thread for every connection (300 idle connections, 300
//! threads; here 64, then 503). It accepts connections itself, so none of this can be added
//! around it. `hyper` has such limits but runs on an async runtime: a clean build of it with
//! `tokio` took about 25 s on two cores, against under 3 s for `httparse`, and the live-reload
//! stream, which waits on the build state's condition variable, would have to become an async
//! stream for no gain.

use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// The most bytes a request line and headers may take together.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;

/// The most header lines a request may have.
const MAX_HEADERS: usize = 100;

/// How long a client has to send its whole request head. A slow client (one byte a second)
/// is cut off here rather than holding a thread for ever.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(10);

/// How long a write may block on a client that has stopped reading.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long, at most, to wait for the client to finish sending after we answered (see
/// [`close`]).
const LINGER: Duration = Duration::from_secs(1);

/// The methods the preview answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `HEAD`: a `GET` without the body.
    Head,
}

/// A request the preview is willing to answer.
#[derive(Debug)]
pub struct Request {
    /// `GET` or `HEAD`.
    pub method: Method,
    /// The request target exactly as sent (`/glossary/?x=1`).
    pub target: String,
    /// The `Host` header, if any.
    pub host: Option<String>,
}

/// A request refused before routing, with the status that says why.
#[derive(Debug)]
pub struct Refusal {
    status: u16,
    message: &'static str,
}

impl Refusal {
    fn new(status: u16, message: &'static str) -> Refusal {
        Refusal { status, message }
    }

    /// The response that tells the client.
    pub fn into_response(self) -> Response {
        let response = Response::text(self.status, self.message);
        if self.status == 405 {
            response.with_header("Allow", "GET, HEAD".into())
        } else {
            response
        }
    }
}

/// Reads and checks one request head, within [`MAX_HEAD_BYTES`] and [`HEAD_DEADLINE`].
///
/// The head is handed to `httparse` after every read, so a malformed or oversized head is
/// refused as soon as its first bad byte arrives, and where the head ends is decided by the
/// same parser that reads it.
pub fn read_request(stream: &mut TcpStream) -> Result<Request, Refusal> {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let deadline = Instant::now() + HEAD_DEADLINE;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        if !head.is_empty() {
            if let Some(request) = parse_head(&head)? {
                return Ok(request);
            }
        }
        if head.len() > MAX_HEAD_BYTES {
            return Err(Refusal::new(431, "The request head is too large.\n"));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Refusal::new(408, "The request took too long to arrive.\n"));
        }
        let _ = stream.set_read_timeout(Some(left));
        match stream.read(&mut chunk) {
            Ok(0) => return Err(Refusal::new(400, "The request ended early.\n")),
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(Refusal::new(408, "The request took too long to arrive.\n"));
            }
            Err(_) => return Err(Refusal::new(400, "The request could not be read.\n")),
        }
    }
}

/// Parses what has arrived of a request head: `Ok(None)` while it is incomplete but valid so
/// far, the request once it is complete, or the refusal as soon as it cannot be answered.
fn parse_head(bytes: &[u8]) -> Result<Option<Request>, Refusal> {
    let bad = || Refusal::new(400, "The request is malformed.\n");
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    let end = match parsed.parse(bytes) {
        Ok(httparse::Status::Complete(end)) => end,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => {
            return Err(Refusal::new(431, "The request has too many headers.\n"))
        }
        Err(httparse::Error::Version) => return Err(version_refusal(bytes)),
        Err(_) => return Err(bad()),
    };
    if end > MAX_HEAD_BYTES {
        return Err(Refusal::new(431, "The request head is too large.\n"));
    }
    // A complete parse always sets the method and the target.
    let (Some(method), Some(target)) = (parsed.method, parsed.path) else {
        return Err(bad());
    };
    let mut host = None;
    let mut has_body = false;
    for header in parsed.headers.iter() {
        let value = header.value.trim_ascii();
        if header.name.eq_ignore_ascii_case("host") {
            let value = std::str::from_utf8(value).map_err(|_| bad())?;
            if host.replace(value.to_string()).is_some() {
                return Err(bad());
            }
        } else if header.name.eq_ignore_ascii_case("transfer-encoding")
            || (header.name.eq_ignore_ascii_case("content-length") && value != b"0")
        {
            has_body = true;
        }
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        _ => {
            return Err(Refusal::new(
                405,
                "The preview answers only GET and HEAD.\n",
            ))
        }
    };
    if has_body {
        return Err(Refusal::new(413, "The preview accepts no request body.\n"));
    }
    Ok(Some(Request {
        method,
        target: target.to_string(),
        host,
    }))
}

/// The refusal for a request line whose version is not HTTP/1.0 or 1.1: 505 when it is a
/// well-formed line naming another HTTP version (`GET / HTTP/2.0`), 400 for anything else.
fn version_refusal(bytes: &[u8]) -> Refusal {
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n'))
        .unwrap_or(bytes.len());
    let line = bytes[start..]
        .split(|&b| b == b'\r' || b == b'\n')
        .next()
        .unwrap_or_default();
    let mut parts = line.split(|&b| b == b' ');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version), None)
            if !method.is_empty() && !target.is_empty() && version.starts_with(b"HTTP/") =>
        {
            Refusal::new(505, "Only HTTP/1.0 and HTTP/1.1 are supported.\n")
        }
        _ => Refusal::new(400, "The request is malformed.\n"),
    }
}

/// What a response carries.
enum Body {
    Bytes(Vec<u8>),
    File(File, u64),
}

/// One response, closed after sending.
pub struct Response {
    status: u16,
    content_type: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Body,
}

impl Response {
    /// A response with a body in memory.
    pub fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body: Body::Bytes(body),
        }
    }

    /// A plain-text response, for errors and redirects.
    pub fn text(status: u16, text: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }

    /// A response streaming `len` bytes from an open file.
    pub fn file(status: u16, content_type: &'static str, file: File, len: u64) -> Response {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body: Body::File(file, len),
        }
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &'static str, value: String) -> Response {
        self.headers.push((name, value));
        self
    }

    /// Writes the response; for `HEAD`, the headers alone.
    pub fn write_to(self, out: &mut impl Write, head_only: bool) -> io::Result<()> {
        let len = match &self.body {
            Body::Bytes(b) => b.len() as u64,
            Body::File(_, len) => *len,
        };
        let mut head = status_line(self.status);
        head.push_str(&format!(
            "Content-Type: {}\r\nContent-Length: {len}\r\n",
            self.content_type
        ));
        head.push_str(COMMON_HEADERS);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        out.write_all(head.as_bytes())?;
        if !head_only {
            match self.body {
                Body::Bytes(b) => out.write_all(&b)?,
                Body::File(file, len) => {
                    io::copy(&mut file.take(len), out)?;
                }
            }
        }
        out.flush()
    }
}

/// Headers on every response: never sniff a type we did not declare, never cache a preview
/// (it changes under the browser), one request per connection.
pub const COMMON_HEADERS: &str =
    "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n";

/// `HTTP/1.1 <status> <reason>\r\n`.
pub fn status_line(status: u16) -> String {
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    };
    format!("HTTP/1.1 {status} {reason}\r\n")
}

/// Answers a connection the server has no room for, without reading it.
pub fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = Response::text(503, "The preview is busy; try again.\n")
        .with_header("Retry-After", "1".into())
        .write_to(&mut stream, false);
    let _ = stream.shutdown(Shutdown::Both);
}

/// Closes a connection gracefully: stop sending, then read and discard whatever the client
/// is still sending (briefly, and up to a bound) before closing. Closing with unread bytes
/// makes the kernel reset the connection, which can destroy the response we just sent, and a
/// client refused for an oversized head deserves to see the refusal.
pub fn close(mut stream: TcpStream) {
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
    let mut discarded = 0usize;
    let mut buf = [0u8; 4096];
    while discarded < 1024 * 1024 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => discarded += n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The status a complete head is refused with, or the request.
    fn parse(head: &str) -> Result<Request, u16> {
        match parse_head(head.as_bytes()) {
            Ok(Some(request)) => Ok(request),
            Ok(None) => panic!("{head:?} was taken as incomplete"),
            Err(refusal) => Err(refusal.status),
        }
    }

    #[test]
    fn a_plain_get_is_understood() {
        let r =
            parse("GET /a/?b=1 HTTP/1.1\r\nHost: localhost:1111\r\nAccept: */*\r\n\r\n").unwrap();
        assert_eq!(r.method, Method::Get);
        assert_eq!(r.target, "/a/?b=1");
        assert_eq!(r.host.as_deref(), Some("localhost:1111"));
        assert_eq!(parse("HEAD / HTTP/1.0\n\n").unwrap().method, Method::Head);
        // The target is kept exactly as sent, encoded, for `site_files` to check.
        assert_eq!(
            parse("GET /%2e%2e/x HTTP/1.1\r\n\r\n").unwrap().target,
            "/%2e%2e/x"
        );
    }

    #[test]
    fn other_methods_bodies_and_odd_heads_are_refused() {
        assert_eq!(parse("POST / HTTP/1.1\r\n\r\n").unwrap_err(), 405);
        assert_eq!(parse("DELETE / HTTP/1.1\r\n\r\n").unwrap_err(), 405);
        assert_eq!(
            parse("GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n").unwrap_err(),
            413
        );
        assert_eq!(
            parse("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap_err(),
            413
        );
        assert!(parse("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").is_ok());
        assert_eq!(parse("GET / HTTP/2.0\r\n\r\n").unwrap_err(), 505);
        assert_eq!(parse("GET /  HTTP/1.1\r\n\r\n").unwrap_err(), 400);
        assert_eq!(parse("GET / FTP/1.1\r\n\r\n").unwrap_err(), 400);
        assert_eq!(parse("GET /\r\n\r\n").unwrap_err(), 400);
        assert_eq!(parse("GET / HTTP/1.1\r\n folded\r\n\r\n").unwrap_err(), 400);
        assert_eq!(
            parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").unwrap_err(),
            400
        );
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X-{i}: 1\r\n")).collect();
        assert_eq!(
            parse(&format!("GET / HTTP/1.1\r\n{many}\r\n")).unwrap_err(),
            431
        );
    }

    #[test]
    fn control_characters_and_bad_names_are_refused() {
        for head in [
            "GET / HTTP/1.1\r\nX-A: a\x01b\r\n\r\n",
            "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n",
            "GET / HTTP/1.1\r\nX A: b\r\n\r\n",
            "GET / HTTP/1.1\r\nX-A : b\r\n\r\n",
            "GET / HTTP/1.1\r\n: b\r\n\r\n",
            "GET /\x00 HTTP/1.1\r\n\r\n",
            "G(T / HTTP/1.1\r\n\r\n",
        ] {
            assert_eq!(parse(head).unwrap_err(), 400, "{head:?}");
        }
        let host = b"GET / HTTP/1.1\r\nHost: \xff\r\n\r\n";
        assert_eq!(parse_head(host).err().map(|r| r.status), Some(400));
    }

    #[test]
    fn an_empty_line_before_the_request_line_is_ignored() {
        // RFC 9112, section 2.2: a server should ignore at least one empty line there.
        assert_eq!(parse("\r\nGET /a HTTP/1.1\r\n\r\n").unwrap().target, "/a");
    }

    #[test]
    fn a_head_is_refused_as_soon_as_it_goes_wrong_and_not_before_it_ends() {
        for partial in [
            "G",
            "GET / HTTP/1.1\r\n",
            "GET / HTTP/1.1\r\nHost: a",
            "GET / HTTP/1.1\r\nHost: a\r\n",
        ] {
            assert!(
                matches!(parse_head(partial.as_bytes()), Ok(None)),
                "{partial:?}"
            );
        }
        let status = |head: &str| parse_head(head.as_bytes()).err().map(|r| r.status);
        assert_eq!(status("GET / HTTP/2"), Some(505));
        assert_eq!(status("GET / HTTP/1.1\r\nX A"), Some(400));
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X-{i}: 1\r\n")).collect();
        assert_eq!(status(&format!("GET / HTTP/1.1\r\n{many}")), Some(431));
        // Only what the head takes counts: a body after it is the body check's business.
        assert!(matches!(
            parse_head(b"GET / HTTP/1.1\r\n\r\nrest"),
            Ok(Some(_))
        ));
    }

    /// Heads built from pieces HTTP cares about, then hit with stray bytes: nothing panics,
    /// what is accepted is a `GET` or `HEAD` of a plain target, refusals use only the statuses
    /// the preview sends, and no beginning of a head that is accepted is ever refused (the
    /// reader parses after every read, so refusing one would turn away a good request that
    /// arrived in pieces).
    #[test]
    fn generated_heads_are_parsed_or_refused_consistently() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
        use std::sync::atomic::{AtomicU32, Ordering};

        // Mostly well-formed pieces, so that whole heads are often accepted too.
        fn mostly(
            good: Vec<&'static str>,
            bad: Vec<&'static str>,
        ) -> impl Strategy<Value = &'static str> + Clone {
            prop_oneof![6 => prop::sample::select(good), 1 => prop::sample::select(bad)]
        }
        let method = mostly(vec!["GET", "HEAD"], vec!["POST", "get", "G(T", ""]);
        let target = mostly(
            vec!["/", "/a/b", "/%2e%2e/x", "/?q=1"],
            vec!["*", "/a b", "/\u{7f}", "/é", ""],
        );
        let version = mostly(
            vec!["HTTP/1.1", "HTTP/1.0"],
            vec!["HTTP/2.0", "HTTP/1.", "FTP/1.1", ""],
        );
        let name = mostly(
            vec!["Host", "host", "X-A", "Content-Length"],
            vec!["Transfer-Encoding", "X A", "X-A ", " X", ""],
        );
        let value = prop::collection::vec(
            prop_oneof![
                8 => prop::sample::select(vec![b'a', b'0', b' ', b'\t']),
                1 => prop::sample::select(vec![b'\r', 0x01, 0x7f, 0xff]),
            ],
            0..6,
        );
        let eol = mostly(vec!["\r\n", "\n"], vec!["\r", " \r\n"]);
        let head = (
            method,
            target,
            version,
            eol.clone(),
            prop::collection::vec((name, value, eol.clone()), 0..5),
            eol,
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..2),
        )
            .prop_map(|(m, t, v, e, headers, end, strays)| {
                let mut bytes = format!("{m} {t} {v}{e}").into_bytes();
                for (name, value, eol) in headers {
                    bytes.extend_from_slice(name.as_bytes());
                    bytes.extend_from_slice(b": ");
                    bytes.extend_from_slice(&value);
                    bytes.extend_from_slice(eol.as_bytes());
                }
                bytes.extend_from_slice(end.as_bytes());
                for (at, byte) in strays {
                    let at = at.index(bytes.len() + 1);
                    bytes.insert(at, byte);
                }
                bytes
            });

        const CASES: u32 = 4000;
        let ran = AtomicU32::new(0);
        let accepted = AtomicU32::new(0);
        let config = Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
        runner
            .run(&head, |bytes| {
                ran.fetch_add(1, Ordering::Relaxed);
                match parse_head(&bytes) {
                    Ok(Some(request)) => {
                        accepted.fetch_add(1, Ordering::Relaxed);
                        prop_assert!(matches!(request.method, Method::Get | Method::Head));
                        prop_assert!(!request.target.is_empty());
                        prop_assert!(request.target.bytes().all(|b| b > b' ' && b != 0x7f));
                        for len in 0..bytes.len() {
                            prop_assert!(
                                parse_head(&bytes[..len]).is_ok(),
                                "{:?} refused, yet {:?} accepted",
                                String::from_utf8_lossy(&bytes[..len]),
                                String::from_utf8_lossy(&bytes)
                            );
                        }
                    }
                    Ok(None) => {}
                    Err(refusal) => {
                        prop_assert!([400, 405, 413, 431, 505].contains(&refusal.status));
                    }
                }
                Ok(())
            })
            .unwrap();
        assert_eq!(
            ran.load(Ordering::Relaxed),
            CASES,
            "every generated case ran"
        );
        // The generator must reach both sides for the properties to mean anything.
        let accepted = accepted.load(Ordering::Relaxed);
        assert!(accepted > CASES / 50 && accepted < CASES / 2, "{accepted}");
    }
}
