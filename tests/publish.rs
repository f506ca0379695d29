//! Publishing at the office's own address: the site built with a `base_url` that has a path,
//! served under that path on 127.0.0.1 by a small server here, with every link and asset of
//! every page (and of the sitemap, robots.txt and the feed) followed; the sitemap, robots.txt
//! and the Atom feed of published revisions read for what they must say.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Site;

const FIXTURE: &str = "tests/fixtures/publish/content";
const BASE: &str = "https://www.eastmoor-pcc.example/police-and-crime-plan/";
const PREFIX: &str = "/police-and-crime-plan/";

/// Builds `site` into `<site>/public`, asserting success.
fn build(site: &Site) -> PathBuf {
    let out = site.run(&["build", "--out", "public"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    site.path("public")
}

/// A static file server for `root`, answering only under `prefix` (anything else is 404, as
/// the rest of an office's website would be to this test), on 127.0.0.1. Folders are
/// answered with their `index.html`. It serves until the test process ends.
fn serve(root: PathBuf, prefix: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let root = root.clone();
            std::thread::spawn(move || {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
                    if stream.read(&mut byte).unwrap_or(0) == 0 {
                        return;
                    }
                    head.push(byte[0]);
                }
                let head = String::from_utf8_lossy(&head);
                let path = head.split(' ').nth(1).unwrap_or("/").to_string();
                let path = path.split(['?', '#']).next().unwrap_or("").to_string();
                let (status, body) = match path.strip_prefix(prefix) {
                    Some(rel) if !rel.split('/').any(|p| p == "..") => {
                        let rel = percent_decode(rel);
                        let mut file = root.join(&rel);
                        if rel.is_empty() || rel.ends_with('/') {
                            file = file.join("index.html");
                        }
                        match std::fs::read(&file) {
                            Ok(bytes) if file.is_file() => ("200 OK", bytes),
                            _ => ("404 Not Found", b"not found".to_vec()),
                        }
                    }
                    _ => ("404 Not Found", b"not found".to_vec()),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.0 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&body);
            });
        }
    });
    port
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            if let Ok(b) = u8::from_str_radix(s.get(i + 1..i + 3).unwrap_or(""), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// GETs `path` from the server on `port`: the status code and the body.
fn get(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&response[..split]);
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, response[split + 4..].to_vec())
}

/// The addresses an HTML page refers to: every `href` and `src`.
fn html_references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            // Only attributes, not words in text: the character before is a space.
            let before = rest[..at].chars().last();
            rest = &rest[at + attr.len()..];
            let end = rest.find('"').unwrap();
            if before.is_some_and(char::is_whitespace) {
                found.push(rest[..end].replace("&amp;", "&"));
            }
            rest = &rest[end..];
        }
    }
    found
}

/// The addresses a sitemap, feed or robots.txt names.
fn xml_references(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (open, close) in [("<loc>", "</loc>"), (" href=\"", "\""), ("Sitemap: ", "\n")] {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let end = rest.find(close).unwrap();
            found.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    found
}

/// `reference`, found on the page at the server path `from`, as a server path under the
/// prefix; `None` for an address elsewhere (another website, mail, phone) or only an anchor.
fn resolve(from: &str, reference: &str) -> Option<String> {
    let reference = reference.split('#').next().unwrap();
    if reference.is_empty() {
        return None;
    }
    if let Some(rel) = reference.strip_prefix(BASE) {
        return Some(format!("{PREFIX}{rel}"));
    }
    if reference.contains(':') {
        // Another site, mailto: or tel:. An absolute address on the published host but
        // outside the site's path is a link out of the site too.
        assert!(
            !reference.starts_with("https://www.eastmoor-pcc.example"),
            "{from} links {reference}, on the site's host but not under its path"
        );
        return None;
    }
    let mut parts: Vec<&str> = if reference.starts_with('/') {
        Vec::new()
    } else {
        let dir = &from[..from.rfind('/').unwrap() + 1];
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in reference.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut path = format!("/{}", parts.join("/"));
    if reference.ends_with('/') && !path.ends_with('/') {
        path.push('/');
    }
    Some(path)
}

/// Follows every reference from the site root under the prefix: each page, asset, download
/// and sitemap and feed entry. Returns the paths fetched and those that were not found (with
/// the page that named them).
fn crawl(port: u16) -> (BTreeSet<String>, BTreeMap<String, String>) {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut missing = BTreeMap::new();
    let mut queue: VecDeque<(String, String)> = VecDeque::new();
    for start in ["", "sitemap.xml", "robots.txt", "feed.xml", "404.html"] {
        queue.push_back((format!("{PREFIX}{start}"), "(start)".to_string()));
    }
    while let Some((path, from)) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let (status, body) = get(port, &path);
        if status != 200 {
            missing.insert(path, from);
            continue;
        }
        let text = String::from_utf8_lossy(&body);
        let references = if path.ends_with(".xml") || path.ends_with(".txt") {
            xml_references(&text)
        } else if path.ends_with('/') || path.ends_with(".html") {
            html_references(&text)
        } else {
            Vec::new()
        };
        for reference in references {
            if let Some(next) = resolve(&path, &reference) {
                // A folder's index.html is the folder's page.
                let next = match next.strip_suffix("index.html") {
                    Some(folder) if folder.ends_with('/') => folder.to_string(),
                    _ => next,
                };
                // A reference outside the site's path finds nothing of the site: the office's
                // server has other things there, or nothing.
                queue.push_back((next, path.clone()));
            }
        }
    }
    (seen, missing)
}

/// Every file under `dir`, relative, with `/` separators.
fn files(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel);
            }
        }
    }
    out
}

#[test]
fn served_under_its_sub_path_every_link_and_asset_of_every_page_resolves() {
    let site = Site::from_content(FIXTURE);
    let public = build(&site);
    let port = serve(public.clone(), PREFIX);
    // The server answers nothing outside the prefix, so a link that climbs out of it fails.
    assert_eq!(get(port, "/index.html").0, 404);
    let (seen, missing) = crawl(port);
    assert!(
        missing.is_empty(),
        "not found (and where they were named): {missing:#?}"
    );
    // Every page the build wrote was reached by following links, so none is orphaned (the
    // not-found page is reached because the crawl starts there too).
    let pages: BTreeSet<String> = files(&public)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| format!("{PREFIX}{}", f.trim_end_matches("index.html")))
        .collect();
    let unreached: Vec<&String> = pages.difference(&seen).collect();
    assert!(unreached.is_empty(), "pages no link reaches: {unreached:?}");
    assert!(
        seen.len() > pages.len(),
        "assets and downloads were followed too: {seen:?}"
    );
}

#[test]
fn a_link_that_leaves_the_sub_path_is_found_by_the_crawl() {
    // The crawl is only worth something if it fails: a page linking to the host's root.
    let site = Site::from_content(FIXTURE);
    let public = build(&site);
    std::fs::write(
        public.join("about/index.html"),
        std::fs::read_to_string(public.join("about/index.html"))
            .unwrap()
            .replace("</main>", "<a href=\"../../index.html\">out</a></main>"),
    )
    .unwrap();
    let port = serve(public, PREFIX);
    let (_, missing) = crawl(port);
    assert!(
        missing.keys().any(|p| p == "/"),
        "the link out of the sub-path is reported: {missing:?}"
    );
}

#[test]
fn the_sitemap_lists_every_page_once_at_its_published_address_and_robots_names_it() {
    let site = Site::from_content(FIXTURE);
    let public = build(&site);
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let locs: Vec<&str> = root
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap())
        .collect();
    let unique: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(unique.len(), locs.len(), "no page twice: {locs:?}");
    let expected: BTreeSet<String> = files(&public)
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .map(|f| format!("{BASE}{}", f.trim_end_matches("index.html")))
        .collect();
    let listed: BTreeSet<String> = locs.iter().map(|l| l.to_string()).collect();
    assert_eq!(listed, expected);
    assert!(
        !sitemap.contains("404"),
        "the not-found page is no page to list"
    );
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(
        robots
            .lines()
            .any(|l| l == format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
    // A site without base_url has no absolute addresses to give: none of the three.
    let plain = Site::minimal();
    let public = build(&plain);
    for file in ["sitemap.xml", "robots.txt", "feed.xml"] {
        assert!(!public.join(file).exists(), "{file}");
    }
}

/// `xmllint --noout --schema <schema> <file>`: whether it validates, and what it said. The
/// schema is the one sitemaps.org publishes, kept in tests/schemas/ so no network is needed;
/// xmllint is Debian's libxml2-utils (`.ci/install-test-deps` installs it).
fn xmllint(schema: &str, file: &Path) -> (bool, String) {
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(common::repo().join(schema))
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint could not be run ({e}): install libxml2-utils (.ci/install-test-deps)")
        });
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_sitemap_follows_the_sitemaps_org_schema() {
    let site = Site::from_content(FIXTURE);
    let public = build(&site);
    let sitemap = public.join("sitemap.xml");
    let (ok, said) = xmllint("tests/schemas/sitemap.xsd", &sitemap);
    assert!(ok, "{said}");
    assert!(said.contains("validates"), "{said}");
    // The validator bites: a sitemap the schema forbids is refused, each for its reason.
    let text = std::fs::read_to_string(&sitemap).unwrap();
    let first_loc = &text[text.find("<loc>").unwrap()..text.find("</loc>").unwrap() + 6];
    for (broken, why) in [
        (text.replacen(first_loc, "", 1), "a <url> without its <loc>"),
        (
            text.replacen(first_loc, "<loc>x</loc>", 1),
            "an address shorter than the schema allows",
        ),
        (
            text.replacen("</loc>", "</loc><lastmod>last spring</lastmod>", 1),
            "a <lastmod> that is not a date",
        ),
        (
            text.replacen("<url>", "<url><page/>", 1),
            "an element the protocol does not have",
        ),
    ] {
        let bad = site.path("broken-sitemap.xml");
        std::fs::write(&bad, broken).unwrap();
        let (ok, said) = xmllint("tests/schemas/sitemap.xsd", &bad);
        assert!(!ok, "{why} was accepted: {said}");
    }
}

/// The example theme of docs/publishing.md: a header and a footer of the office's own, and
/// nothing else.
const OFFICE_THEME: &str = "tests/fixtures/theme-override/themes/office";

#[test]
fn a_site_s_own_theme_changes_the_header_and_footer_and_keeps_the_rest_of_the_default() {
    let site = Site::from_content(FIXTURE);
    common::copy_tree(
        &common::repo().join(OFFICE_THEME),
        &site.path("themes/office"),
    );
    let out = site.run(&["build", "--out", "public", "--theme", "office"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = site.path("public");
    let plain = Site::from_content(FIXTURE);
    let default = build(&plain);
    let mut pages = 0;
    for file in files(&public) {
        // The large-print web page is a document of its own, with its own header.
        if !file.ends_with(".html") || file.starts_with("large-print") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(public.join(&file)).unwrap();
        assert!(
            html.contains("The Commissioner's website") && html.contains("Privacy notice"),
            "{file} has not the office's footer"
        );
        assert!(
            !html.contains("<h2 class=\"footer-heading\">Contact the"),
            "{file} still has the default footer"
        );
        // The rest is the default theme's: its stylesheet, its skip link, its main content.
        assert!(html.contains("static/style.css"), "{file}");
        assert!(html.contains("Skip to main content"), "{file}");
        let before = std::fs::read_to_string(default.join(&file)).unwrap();
        let main = |h: &str| h[h.find("<main").unwrap()..h.find("</main>").unwrap()].to_string();
        assert_eq!(main(&html), main(&before), "{file}");
    }
    assert!(pages >= 10);
    assert_eq!(
        std::fs::read(public.join("static/style.css")).unwrap(),
        std::fs::read(default.join("static/style.css")).unwrap()
    );
    // docs/publishing.md shows these very files.
    let guide = std::fs::read_to_string(common::repo().join("docs/publishing.md")).unwrap();
    for name in ["site-header.html", "site-footer.html"] {
        let text = std::fs::read_to_string(
            common::repo()
                .join(OFFICE_THEME)
                .join("templates")
                .join(name),
        )
        .unwrap();
        assert!(
            guide.contains(&text),
            "docs/publishing.md does not show {name} as it is"
        );
    }
    // A header that is not a template is refused, naming it, and nothing is written.
    std::fs::write(
        site.path("themes/office/templates/site-header.html"),
        "<header>{% if site.logo %}<p>unfinished</p></header>\n",
    )
    .unwrap();
    let out = site.run(&["build", "--out", "broken", "--theme", "office"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("site-header.html"), "{err}");
    assert!(!site.path("broken").exists());
}

/// The fixture under git with two earlier published revisions tagged, and the content edited
/// since into a third.
fn three_revisions() -> Site {
    let site = Site::from_content(FIXTURE);
    let dir = site.path("");
    common::git(&dir, &["init", "-q"]);
    common::git(&dir, &["add", "."]);
    common::git(&dir, &["commit", "-qm", "consultation draft"]);
    common::git(&dir, &["tag", "consultation"]);
    site.edit(
        "content/_index.md",
        "published: 2024-05-01",
        "published: 2024-09-01",
    );
    site.edit(
        "content/about.md",
        "\n---\n",
        "\n---\nAdopted by the Panel.\n\n",
    );
    common::git(&dir, &["commit", "-qam", "adopted"]);
    common::git(&dir, &["tag", "adopted"]);
    site.edit(
        "content/_index.md",
        "published: 2024-09-01",
        "published: 2025-03-01\nhistory:\n  - consultation\n  - adopted",
    );
    site.edit(
        "content/safety/02-roads.md",
        "\n---\n",
        "\n---\nRefreshed for 2025.\n\n",
    );
    site
}

#[test]
fn the_feed_has_an_entry_for_each_published_revision_linking_what_changed_in_it() {
    let site = three_revisions();
    let public = build(&site);
    let feed = std::fs::read_to_string(public.join("feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let root = doc.root_element();
    let atom = Some("http://www.w3.org/2005/Atom");
    assert_eq!(
        (root.tag_name().name(), root.tag_name().namespace()),
        ("feed", atom)
    );
    fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
        node.children()
            .find(|c| c.has_tag_name(name))
            .unwrap_or_else(|| panic!("no <{name}> in {node:?}"))
    }
    // RFC 4287 4.1.1: a feed has an id, a title and an updated date, an author (or every
    // entry has one), and should link to itself.
    for name in ["id", "title", "updated", "author"] {
        child(root, name);
    }
    assert_eq!(child(root, "updated").text(), Some("2025-03-01T00:00:00Z"));
    let links: Vec<(String, String)> = root
        .children()
        .filter(|c| c.has_tag_name("link"))
        .map(|l| {
            (
                l.attribute("rel").unwrap().to_string(),
                l.attribute("href").unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        links.contains(&("self".into(), format!("{BASE}feed.xml"))),
        "{links:?}"
    );
    let entries: Vec<roxmltree::Node> = root
        .children()
        .filter(|c| c.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 3, "{feed}");
    let mut ids = BTreeSet::new();
    let mut hrefs = Vec::new();
    for entry in &entries {
        // 4.1.2: an entry has an id, a title and an updated date, and a link when it has no
        // content.
        for name in ["id", "title", "updated", "summary"] {
            child(*entry, name);
        }
        assert!(ids.insert(child(*entry, "id").text().unwrap().to_string()));
        let link = child(*entry, "link");
        assert_eq!(link.attribute("rel"), Some("alternate"));
        hrefs.push(link.attribute("href").unwrap().to_string());
    }
    // Newest first; the two with one before them link the report of what changed in them.
    assert_eq!(
        hrefs,
        [
            format!("{BASE}changes/2025-03-01/"),
            format!("{BASE}changes/2024-09-01/"),
            BASE.to_string(),
        ]
    );
    let report = std::fs::read_to_string(public.join("changes/2025-03-01/index.html")).unwrap();
    assert!(report.contains("Refreshed for 2025"), "{report}");
    assert!(
        !report.contains("Adopted by the Panel"),
        "only what changed in this one"
    );
    let report = std::fs::read_to_string(public.join("changes/2024-09-01/index.html")).unwrap();
    assert!(report.contains("Adopted by the Panel"), "{report}");
    // Each report is served under the sub-path like every other page.
    let port = serve(public, PREFIX);
    let (_, missing) = crawl(port);
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn a_history_that_cannot_be_read_or_goes_back_in_time_is_refused_with_the_reason() {
    let site = three_revisions();
    site.edit(
        "content/_index.md",
        "  - adopted",
        "  - adopted\n  - no-such-tag",
    );
    let out = site.run(&["build", "--out", "public"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("no-such-tag"), "{err}");
    assert!(!site.path("public").exists(), "nothing was written");

    let site = three_revisions();
    site.edit(
        "content/_index.md",
        "published: 2025-03-01",
        "published: 2024-08-01",
    );
    let out = site.run(&["build", "--out", "public"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("this revision was published on 2024-08-01, not after the revision \"adopted\" (2024-09-01)"),
        "{err}"
    );

    // A revision named twice, or an empty name, is a content error at its line.
    let site = three_revisions();
    site.edit(
        "content/_index.md",
        "  - adopted",
        "  - adopted\n  - adopted\n  - \"\"",
    );
    let out = site.run(&["build", "--out", "public"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"history\" names the revision \"adopted\" twice"),
        "{err}"
    );
    assert!(err.contains("\"\" cannot name a revision"), "{err}");
}

/// `planpress check` on `site`: its exit code and what it printed on standard error.
fn check(site: &Site) -> (bool, String) {
    let out = site.run(&["check"]);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_brand_colour_pair_below_the_contrast_minimum_is_refused_with_the_nearest_colour_that_passes() {
    use planpress::plan::brand::{parse_colour, theme};
    let site = Site::from_content(FIXTURE);
    site.edit(
        "content/_index.md",
        "header_text: \"#ffffff\"",
        "header_text: \"#5a7a6e\"",
    );
    let (ok, err) = check(&site);
    assert!(!ok);
    // The setting, the pair, the ratio, the minimum and the criterion, at the setting's line.
    let line = std::fs::read_to_string(site.path("content/_index.md"))
        .unwrap()
        .lines()
        .position(|l| l.contains("header_text:"))
        .unwrap()
        + 1;
    let expected = format!(
        "content/_index.md:{line}:3: error: brand.header_text: the header text colour #5a7a6e against the primary colour #0b3d2e has a contrast of"
    );
    assert!(err.contains(&expected), "{err}");
    assert!(
        err.contains("needs at least 4.5:1 (WCAG 2.2, 1.4.3)"),
        "{err}"
    );
    // The colour it offers passes, and is of the same hue.
    let offered = err
        .split("the nearest header text colour that passes is \"")
        .nth(1)
        .and_then(|rest| rest.get(..7))
        .unwrap_or_else(|| panic!("{err}"));
    let value = |s: &str| {
        parse_colour("x", Some(&serde_yaml::Value::String(s.into())))
            .unwrap()
            .unwrap()
    };
    assert!(
        value(offered).contrast(value("#0b3d2e")) >= 4.5,
        "{offered}"
    );
    // Offered, it is accepted.
    site.edit("content/_index.md", "#5a7a6e", offered);
    assert_eq!(check(&site), (true, String::new()));

    // A pale accent fails as link text on both backgrounds; a yellow header hides the focus
    // highlight.
    let site = Site::from_content(FIXTURE);
    site.edit(
        "content/_index.md",
        "accent: \"#0b6e4f\"",
        "accent: \"#66bb99\"",
    );
    site.edit(
        "content/_index.md",
        "primary: \"#0b3d2e\"",
        "primary: \"#ffe44d\"",
    );
    site.edit(
        "content/_index.md",
        "header_text: \"#ffffff\"",
        "header_text: \"#0b0c0c\"",
    );
    let (ok, err) = check(&site);
    assert!(!ok);
    assert!(
        err.contains("brand.accent: the accent colour #66bb99 against the page background #ffffff"),
        "{err}"
    );
    assert!(err.contains("brand.accent: the accent colour #66bb99 against the navigation and footer background #f3f2f1"), "{err}");
    assert!(
        err.contains("brand.primary: the primary colour #ffe44d against the keyboard focus highlight #ffdd00")
            && err.contains("(WCAG 2.2, 1.4.11)"),
        "{err}"
    );
    assert_eq!(theme::FOCUS.hex(), "#ffdd00");
}

#[test]
fn brand_colours_that_are_not_solid_hex_colours_are_refused_at_their_line() {
    for (written, says) in [
        ("primary: #0b3d2e", "put the colour in quotes"),
        ("primary: navy", "is a colour name"),
        ("primary: \"#0b3d2e80\"", "alpha channel"),
        ("primary: \"rgba(0, 0, 0, 0.5)\"", "see-through"),
        ("primary: \"#0b3d2\"", "three or six hex digits"),
        ("primary: \"#zz3d2e\"", "only the digits 0-9"),
        ("primary: 123456", "is not a colour"),
        ("primary: [\"#000000\"]", "is not a colour"),
    ] {
        let site = Site::from_content(FIXTURE);
        site.edit("content/_index.md", "primary: \"#0b3d2e\"", written);
        let (ok, err) = check(&site);
        assert!(!ok, "{written}");
        assert!(err.contains(says), "{written}: {err}");
        assert!(
            err.contains("content/_index.md:") && err.contains("brand.primary"),
            "{written}: {err}"
        );
        // Nothing else is blamed on a colour that could not be read.
        assert_eq!(err.matches("brand.").count(), 1, "{written}: {err}");
    }
    // A key of brand: that is not one is named.
    let site = Site::from_content(FIXTURE);
    site.edit(
        "content/_index.md",
        "primary: \"#0b3d2e\"",
        "primry: \"#0b3d2e\"",
    );
    let (ok, err) = check(&site);
    assert!(!ok && err.contains("primry"), "{err}");
}

#[test]
fn the_brand_colours_are_a_stylesheet_every_page_links_after_the_theme_s() {
    let site = Site::from_content(FIXTURE);
    let public = build(&site);
    let css = std::fs::read_to_string(public.join("static/brand.css")).unwrap();
    for line in [
        "--brand: #0b3d2e;",
        "--brand-text: #ffffff;",
        "--link: #0b6e4f;",
    ] {
        assert!(css.contains(line), "{css}");
    }
    let page = std::fs::read_to_string(public.join("safety/roads/index.html")).unwrap();
    let theme = page.find("href=\"../../static/style.css\"").unwrap();
    let brand = page.find("href=\"../../static/brand.css\"").unwrap();
    assert!(theme < brand, "the brand's colours come after the theme's");
    // A plan without brand colours has no such stylesheet.
    let plain = Site::minimal();
    let public = build(&plain);
    assert!(!public.join("static/brand.css").exists());
    let home = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(!home.contains("brand.css"));
}
