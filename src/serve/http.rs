//! Just enough HTTP/1.1 for a local preview: read one bounded request head, write one response.
//!
//! Why our own, on `std::net`, rather than a crate: the preview needs `GET` and `HEAD` on one
//! connection at a time, plus one long-lived event stream, and nothing else (no keep-alive,
//! no bodies, no TLS). What it must be sure of is the edge cases: the exact request target as
//! sent (to refuse traversal before anything decodes it), a hard cap on the request head and a
//! deadline for reading it, and a refusal for any body. Owning these hundred lines lets the
//! tests pin each one down; `tiny_http`, the usual small choice, would add a dependency and a
//! thread pool of its own while leaving the same checks to us.

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
pub fn read_request(stream: &mut TcpStream) -> Result<Request, Refusal> {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let deadline = Instant::now() + HEAD_DEADLINE;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    let end = loop {
        if let Some(end) = head_end(&head) {
            break end;
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
    };
    if end > MAX_HEAD_BYTES {
        return Err(Refusal::new(431, "The request head is too large.\n"));
    }
    parse_head(&head[..end])
}

/// Where the head ends (the index of the blank line's end), if it has arrived.
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Parses a complete request head.
fn parse_head(head: &[u8]) -> Result<Request, Refusal> {
    let bad = || Refusal::new(400, "The request is malformed.\n");
    let text = std::str::from_utf8(head).map_err(|_| bad())?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().ok_or_else(bad)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if method.is_empty() || !method.bytes().all(is_token_byte) || target.is_empty() {
        return Err(bad());
    }
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(if version.starts_with("HTTP/") {
            Refusal::new(505, "Only HTTP/1.0 and HTTP/1.1 are supported.\n")
        } else {
            bad()
        });
    }
    let mut host = None;
    let mut has_body = false;
    let mut count = 0;
    for line in lines {
        if line.is_empty() {
            continue;
        }
        count += 1;
        if count > MAX_HEADERS {
            return Err(Refusal::new(431, "The request has too many headers.\n"));
        }
        let (name, value) = line.split_once(':').ok_or_else(bad)?;
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            // Includes folded continuation lines, which start with a space.
            return Err(bad());
        }
        let value = value.trim_matches([' ', '\t']);
        if name.eq_ignore_ascii_case("host") {
            if host.is_some() {
                return Err(bad());
            }
            host = Some(value.to_string());
        } else if name.eq_ignore_ascii_case("transfer-encoding")
            || (name.eq_ignore_ascii_case("content-length") && value != "0")
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
    Ok(Request {
        method,
        target: target.to_string(),
        host,
    })
}

/// The characters allowed in a method or header name (RFC 9110 `tchar`).
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
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

    fn parse(head: &str) -> Result<Request, u16> {
        parse_head(head.as_bytes()).map_err(|r| r.status)
    }

    #[test]
    fn a_plain_get_is_understood() {
        let r =
            parse("GET /a/?b=1 HTTP/1.1\r\nHost: localhost:1111\r\nAccept: */*\r\n\r\n").unwrap();
        assert_eq!(r.method, Method::Get);
        assert_eq!(r.target, "/a/?b=1");
        assert_eq!(r.host.as_deref(), Some("localhost:1111"));
        assert_eq!(parse("HEAD / HTTP/1.0\n\n").unwrap().method, Method::Head);
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
        assert_eq!(parse("GET / HTTP/2.0\r\n\r\n").unwrap_err(), 505);
        assert_eq!(parse("GET /  HTTP/1.1\r\n\r\n").unwrap_err(), 400);
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
    fn head_ends_at_the_first_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nrest"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\nrest"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n"), None);
    }
}
