//! Shared by the hostile-content, fuzzing and fault tests: what "safe HTML" means for
//! planpress's output, and running the real binary with its wall time and peak memory measured.
#![allow(dead_code)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::common::{tags, Tag};

/// Elements that must never reach a page: they run script, load other documents or plugins,
/// send data, restyle the page, or change how its addresses resolve.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "base", "noscript", "template", "portal",
];

/// Attributes whose value is an address.
const ADDRESS_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "cite",
    "data",
    "poster",
    "background",
    "longdesc",
    "xlink:href",
    "ping",
    "srcset",
];

/// Everything in `html` that could run script, load from another website or restyle the
/// page: forbidden elements, event-handler and style attributes, and script or data
/// addresses. `page_head` allows what a full page's `<head>` legitimately holds (its charset,
/// viewport and Content-Security-Policy `<meta>`, the stylesheet and canonical `<link>`); a
/// body fragment may hold neither.
pub fn html_problems(html: &str, page_head: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for tag in tags(html) {
        let name = tag.name.as_str();
        if FORBIDDEN_ELEMENTS.contains(&name) {
            problems.push(format!("<{name}> element"));
        }
        match name {
            "meta" if !page_head || !allowed_meta(&tag) => {
                problems.push(format!("<meta> {:?}", tag.attrs))
            }
            "link" if !page_head || !allowed_link(&tag) => {
                problems.push(format!("<link> {:?}", tag.attrs))
            }
            _ => {}
        }
        for (attr, value) in &tag.attrs {
            if attr.starts_with("on") {
                problems.push(format!("<{name} {attr}=...> event handler"));
            }
            if attr == "style" {
                problems.push(format!("<{name} style=...> inline style"));
            }
            if ADDRESS_ATTRIBUTES.contains(&attr.as_str()) || attr.ends_with(":href") {
                if let Some(scheme) = scheme(value) {
                    if !matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel") {
                        problems.push(format!("<{name} {attr}=\"{value}\"> {scheme}: address"));
                    }
                }
                let fetched = matches!((name, attr.as_str()), ("img", "src") | ("img", "srcset"));
                if fetched && (scheme(value).is_some() || value.trim_start().starts_with("//")) {
                    problems.push(format!("<{name} {attr}=\"{value}\"> loads from elsewhere"));
                }
            }
        }
    }
    problems
}

fn allowed_meta(tag: &Tag) -> bool {
    tag.attr("charset").is_some()
        || tag.attr("name") == Some("viewport")
        || tag
            .attr("http-equiv")
            .is_some_and(|h| h.eq_ignore_ascii_case("content-security-policy"))
}

fn allowed_link(tag: &Tag) -> bool {
    match tag.attr("rel") {
        Some("stylesheet") => tag.attr("href").is_some_and(|h| scheme(h).is_none()),
        Some("canonical") => true,
        // The same page in another language of the plan: an address on the site, never
        // fetched.
        Some("alternate") => {
            tag.attr("hreflang").is_some() && tag.attr("href").is_some_and(|h| scheme(h).is_none())
        }
        _ => false,
    }
}

/// An address's scheme as a browser reads it (spaces and controls before it skipped, tabs and
/// line breaks inside it ignored), lower-cased.
pub fn scheme(url: &str) -> Option<String> {
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let end = url.find(':')?;
    let scheme: String = url[..end]
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// A finished run of a command.
#[derive(Debug)]
pub struct Measured {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    /// From start to exit.
    pub wall: Duration,
    /// CPU time (user and system) of the program and the children it waited for: unlike the
    /// wall time, it does not grow when other work shares the machine.
    pub cpu: Duration,
    /// Peak resident memory of the program, in KiB, as sampled (see [`run_measured`]).
    pub max_rss_kib: u64,
}

impl Measured {
    /// The `path:line:col: error: message` lines of a content-error report.
    pub fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.contains(": error: "))
            .collect()
    }
}

/// Runs `cmd` to completion (killing it after `limit`), measuring its wall time and peak
/// memory.
///
/// The peak is the kernel's high-water mark for the program (`VmHWM` in
/// `/proc/<pid>/status`), read as the program exits: the child is traced (`PTRACE_TRACEME`)
/// and stopped at `PTRACE_EVENT_EXIT`, when its memory is still there to read. `wait4`'s
/// `ru_maxrss` cannot be used, because a child carries the test process's own peak into it.
/// Where tracing is not allowed, the mark is sampled every millisecond instead, which can miss
/// memory taken just before exit.
// The child is reaped by `waitpid` below, not by `Child::wait`.
#[allow(clippy::zombie_processes)]
pub fn run_measured(cmd: &mut Command, limit: Duration) -> Measured {
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let program = Path::new(cmd.get_program())
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(15).collect::<String>())
        .unwrap_or_default();
    // SAFETY: the closure runs between fork and exec and makes one system call; if tracing is
    // refused the program simply runs untraced.
    unsafe {
        cmd.pre_exec(|| {
            libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0);
            Ok(())
        });
    }
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start the command");
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut killed = false;
    let mut traced = false;
    let mut peak = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        if let Some(kib) = high_water_kib(pid, &program) {
            peak = peak.max(kib);
        }
        // SAFETY: `pid` is our child, not yet reaped, so it cannot name another process.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            if libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
                break;
            }
            if libc::WIFSTOPPED(status) {
                let event = status >> 16;
                let signal = libc::WSTOPSIG(status);
                let mut deliver = 0;
                if !traced && signal == libc::SIGTRAP {
                    // The stop after exec: ask to be told of the exit as well.
                    traced = true;
                    let options = libc::PTRACE_O_TRACEEXIT | libc::PTRACE_O_EXITKILL;
                    // SAFETY: `pid` is our stopped tracee.
                    unsafe { libc::ptrace(libc::PTRACE_SETOPTIONS, pid, 0, options) };
                } else if event == libc::PTRACE_EVENT_EXIT {
                    if let Some(kib) = high_water_kib(pid, &program) {
                        peak = peak.max(kib);
                    }
                } else {
                    deliver = signal;
                }
                // SAFETY: as above.
                unsafe { libc::ptrace(libc::PTRACE_CONT, pid, 0, deliver) };
                continue;
            }
        }
        assert!(
            r >= 0 || std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted,
            "wait4 failed: {}",
            std::io::Error::last_os_error()
        );
        if !killed && start.elapsed() > limit {
            // SAFETY: as above; the zombie keeps the pid ours until it is reaped.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let measured = Measured {
        status: ExitStatus::from_raw(status),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        wall: start.elapsed(),
        cpu: {
            let tv = |t: libc::timeval| {
                Duration::new(t.tv_sec.max(0) as u64, (t.tv_usec.max(0) as u32) * 1000)
            };
            tv(usage.ru_utime) + tv(usage.ru_stime)
        },
        max_rss_kib: peak,
    };
    assert!(
        !killed,
        "the command ran for more than {limit:?} and was killed: {cmd:?}\n{}",
        measured.stderr
    );
    if !traced {
        notice("peak memory was sampled, not traced: ptrace is not allowed here");
    }
    measured
}

/// `VmHWM` of process `pid`, once it is running `program` (before `exec` it is still a copy
/// of the test process, whose memory is not the program's).
fn high_water_kib(pid: libc::pid_t, program: &str) -> Option<u64> {
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
    if comm.trim_end() != program {
        return None;
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Writes a notice straight to standard error, past the test harness's capture, so a check
/// that cannot run here is reported in the test log instead of passing in silence.
pub fn notice(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "NOTICE: {message}");
}

/// [`html_problems`] for the search page, which holds what no other page may: its search form
/// (one search box, sent nowhere) and the two scripts that search, both files of the site with
/// nothing inline: its index beside it (`search-index.<hash>.js`) and the theme's
/// `search.js`. Anything else, or those in any other shape, is a problem.
pub fn search_page_problems(html: &str) -> Vec<String> {
    let mut problems = html_problems(html, true);
    let found = tags(html);
    let scripts: Vec<&str> = found
        .iter()
        .filter(|t| t.name == "script")
        .map(|t| t.attr("src").unwrap_or("(inline)"))
        .collect();
    let index_ok = |s: &str| {
        s.strip_prefix("search-index.")
            .and_then(|r| r.strip_suffix(".js"))
            .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let scripts_ok = scripts.len() == 2
        && index_ok(scripts[0])
        // The theme's script at the site root: one folder up, or two from a language's
        // folder (`cy/search/`).
        && (scripts[1] == "../static/search.js" || scripts[1] == "../../static/search.js")
        && html.matches("<script ").count() == 2
        && html.matches(" defer></script>").count() == 2;
    let forms: Vec<&Tag> = found.iter().filter(|t| t.name == "form").collect();
    let inputs: Vec<&Tag> = found.iter().filter(|t| t.name == "input").collect();
    let form_ok = forms.len() == 1
        && forms[0].attr("action").is_none()
        && forms[0].attr("method").is_none()
        && inputs.len() == 1
        && inputs[0].attr("type") == Some("search");
    if scripts_ok {
        problems.retain(|p| p != "<script> element");
    } else {
        problems.push(format!(
            "scripts other than the search page's own: {scripts:?}"
        ));
    }
    if form_ok {
        problems.retain(|p| p != "<form> element" && p != "<input> element");
    }
    problems
}
