//! Telling open pages that the site was rebuilt, or that the latest change broke it.
//!
//! Every HTML response gets two tags before `</head>`: a stylesheet and an external script,
//! both served from [`RESERVED`](super::site_files::RESERVED), so a page keeps satisfying a
//! `Content-Security-Policy` of `script-src 'self'; style-src 'self'`. The script listens to a
//! stream of Server-Sent Events and reloads the page when a newer good build rewrote it: each
//! state names the files its build rewrote (or none, meaning any page may have changed), and
//! the script knows its page's file from `data-file`, so a page not rewritten by the very next
//! build stays as it is (after a missed build, a full one, or a broken one, it reloads). When a
//! build fails it shows the problems in a panel with `role="alert"`. For readers with
//! JavaScript off, a page served while the build is broken also carries the same list as a
//! static banner at the top of `<body>`. None of this is written to the output folder.

use crate::render::escape;
use std::fmt::Write as _;
use std::io::Write;
use std::net::TcpStream;
use std::sync::PoisonError;
use std::time::Duration;

use super::http::{self, Response};
use super::{take_slot, BuildState, Preview, Problem, Slot};

/// Where the script is served.
pub const SCRIPT_PATH: &str = "/__planpress/reload.js";
/// Where the banner's stylesheet is served.
pub const STYLE_PATH: &str = "/__planpress/preview.css";
/// The event stream's address.
pub const EVENTS_PATH: &str = "/__planpress/events";

const SCRIPT: &str = include_str!("reload.js");
const STYLE: &str = include_str!("preview.css");

/// The banner's `id`; the script replaces the element with this id.
const BANNER_ID: &str = "planpress-preview-errors";

/// Event streams open at once. Each holds a connection thread for as long as its tab is open;
/// the cap keeps room for ordinary requests.
const MAX_EVENT_STREAMS: usize = 32;

/// How often an idle stream sends a comment, which also notices a tab that has gone away.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Answers a request under the reserved prefix; `None` means "open an event stream".
pub fn respond(rest: String, preview: &Preview) -> Option<Response> {
    Some(match rest.as_str() {
        "reload.js" => Response::new(
            200,
            "text/javascript; charset=utf-8",
            SCRIPT.as_bytes().to_vec(),
        ),
        "preview.css" => Response::new(200, "text/css; charset=utf-8", STYLE.as_bytes().to_vec()),
        "status" => Response::new(200, "application/json", status_json(&preview.state())),
        "events" => return None,
        _ => Response::text(404, "Not found.\n"),
    })
}

fn status_json(state: &BuildState) -> Vec<u8> {
    serde_json::to_vec(state).unwrap_or_else(|_| b"{}".to_vec())
}

/// Sends the build state now and after every build, until the client goes away.
pub fn stream_events(stream: &mut TcpStream, preview: &Preview, head_only: bool) {
    if !take_slot(&preview.event_streams, MAX_EVENT_STREAMS) {
        let _ = Response::text(503, "Too many live-reload connections.\n")
            .with_header("Retry-After", "5".into())
            .write_to(stream, head_only);
        return;
    }
    let _slot = Slot(&preview.event_streams);
    let head = format!(
        "{}Content-Type: text/event-stream\r\n{}\r\n",
        http::status_line(200),
        http::COMMON_HEADERS
    );
    if stream.write_all(head.as_bytes()).is_err() || head_only {
        return;
    }
    // Reconnect a second after the server goes away, so a restarted server is found quickly.
    let mut last = {
        let state = preview.state();
        let event = format!(
            "retry: 1000\n\ndata: {}\n\n",
            String::from_utf8_lossy(&status_json(&state))
        );
        if stream.write_all(event.as_bytes()).is_err() {
            return;
        }
        state.attempt
    };
    loop {
        let guard = preview.state();
        let (state, _) = preview
            .changed
            .wait_timeout_while(guard, KEEP_ALIVE, |s| s.attempt == last)
            .unwrap_or_else(PoisonError::into_inner);
        let message = if state.attempt == last {
            ": still here\n\n".to_string()
        } else {
            // Every state since the last one sent, in order, so the script can tell which
            // pages each build rewrote (one it never hears of makes it reload).
            let recent = preview
                .recent
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let mut message = String::new();
            for s in recent.iter().filter(|s| s.attempt > last) {
                message.push_str(&format!(
                    "data: {}\n\n",
                    String::from_utf8_lossy(&status_json(s))
                ));
            }
            if message.is_empty() {
                message = format!(
                    "data: {}\n\n",
                    String::from_utf8_lossy(&status_json(&state))
                );
            }
            last = state.attempt;
            message
        };
        drop(state);
        if stream
            .write_all(message.as_bytes())
            .and_then(|_| stream.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Adds the live-reload tags to a page, and the error banner while the build is broken.
/// `file` is the page's file in the output folder (`victims/index.html`; empty for a page
/// the preview made up), which the script looks for in a build's list of rewritten files.
pub fn inject(html: &str, state: &BuildState, file: &str) -> String {
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\">\n<script src=\"{SCRIPT_PATH}\" data-events=\"{EVENTS_PATH}\" data-instance=\"{}\" data-attempt=\"{}\" data-generation=\"{}\" data-file=\"{}\" defer></script>\n",
        escape(&state.instance),
        state.attempt,
        state.generation,
        escape(file)
    );
    let banner = if state.ok {
        String::new()
    } else {
        banner(&state.problems)
    };
    let lower = html.to_ascii_lowercase();
    let body = body_start(&lower);
    let head_end = lower.find("</head>");
    // (position, text) pairs, applied in order; the tags go before the banner when both land
    // at the same place (a page without `</head>`).
    let mut inserts = vec![
        (head_end.or(body).unwrap_or(0), tags.as_str()),
        (body.unwrap_or(0), banner.as_str()),
    ];
    inserts.sort_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(html.len() + tags.len() + banner.len());
    let mut from = 0;
    for (at, text) in inserts {
        out.push_str(&html[from..at]);
        out.push_str(text);
        from = at;
    }
    out.push_str(&html[from..]);
    out
}

/// Where `<body ...>`'s content starts, in a lower-cased page.
fn body_start(lower: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = lower[from..].find("<body") {
        let at = from + i + "<body".len();
        match lower.as_bytes().get(at) {
            Some(b'>') => return Some(at + 1),
            Some(b) if b.is_ascii_whitespace() => {
                return lower[at..].find('>').map(|j| at + j + 1);
            }
            _ => from = at,
        }
    }
    None
}

/// The static banner listing a broken build's problems (the script builds the same markup).
fn banner(problems: &[Problem]) -> String {
    let mut html = format!(
        "\n<section id=\"{BANNER_ID}\" class=\"planpress-preview-errors\" role=\"alert\" aria-labelledby=\"{BANNER_ID}-title\">\n<p class=\"planpress-preview-title\" id=\"{BANNER_ID}-title\"><strong>This preview is out of date</strong></p>\n<p>The latest change could not be built, so this is the last good build. Fix {} and save the file:</p>\n<ul>\n",
        if problems.len() == 1 {
            "this problem"
        } else {
            "these problems"
        }
    );
    for problem in problems {
        html.push_str("<li>");
        if let Some(place) = &problem.place {
            let _ = write!(html, "<code>{}</code> ", escape(place));
        }
        html.push_str(&escape(&problem.message));
        if let Some(hint) = &problem.hint {
            let _ = write!(
                html,
                "<span class=\"planpress-preview-hint\">Help: {}</span>",
                escape(hint)
            );
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n</section>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(ok: bool) -> BuildState {
        BuildState {
            instance: "i1".into(),
            attempt: 3,
            generation: 2,
            ok,
            pages: None,
            problems: if ok {
                vec![]
            } else {
                vec![Problem {
                    place: Some("content/a.md:3:1".into()),
                    message: "unknown key \"<script>\"".into(),
                    hint: Some("did you mean \"order\"?".into()),
                }]
            },
        }
    }

    #[test]
    fn tags_go_before_head_end_and_nothing_else_changes_when_the_build_is_good() {
        let page = "<!DOCTYPE html><html><head><title>x</title></head><body class=\"b\"><p>hi</p></body></html>";
        let out = inject(page, &state(true), "a/index.html");
        assert!(out.contains("<script src=\"/__planpress/reload.js\" data-events=\"/__planpress/events\" data-instance=\"i1\" data-attempt=\"3\" data-generation=\"2\" data-file=\"a/index.html\" defer></script>\n</head>"));
        assert!(out.contains("<link rel=\"stylesheet\" href=\"/__planpress/preview.css\">"));
        assert!(!out.contains(BANNER_ID));
        assert!(out.ends_with("<body class=\"b\"><p>hi</p></body></html>"));
    }

    #[test]
    fn a_broken_build_puts_an_escaped_banner_first_in_the_body() {
        let page = "<html><HEAD></HEAD><BODY>\n<a href=\"#m\">Skip</a></BODY></html>";
        let out = inject(page, &state(false), "");
        let body = out.find("<BODY>").unwrap() + "<BODY>".len();
        assert!(out[body..].starts_with("\n<section id=\"planpress-preview-errors\""));
        assert!(out.contains("role=\"alert\""));
        assert!(
            out.contains("<code>content/a.md:3:1</code> unknown key &quot;&lt;script&gt;&quot;")
        );
        assert!(out.contains("Help: did you mean &quot;order&quot;?"));
        assert!(!out.contains("<script>"));
    }

    #[test]
    fn pages_without_head_or_body_still_get_the_tags() {
        let out = inject("<p>bare</p>", &state(false), "");
        assert!(out.starts_with("<link rel=\"stylesheet\""));
        assert!(out.contains("<section id=\"planpress-preview-errors\""));
        assert!(out.ends_with("<p>bare</p>"));
        assert_eq!(body_start("<bodyguard><body\tx>"), Some(19));
    }
}
