//! A snapshot of one priority page's HTML, so any change to the markup is seen in review.

mod common;

use common::Site;

/// Replaces the large-print PDF's page count and size and the plain-text edition's size,
/// which change whenever any text does.
fn normalise(html: &str) -> String {
    let mut html = html.to_string();
    for (link, with) in [
        ("Large print version (PDF, ", "PDF, [pages], [size]"),
        ("Plain text version (TXT, ", "TXT, [size]"),
    ] {
        let mut out = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(i) = rest.find(link) {
            let start = i + link.find('(').unwrap_or(0) + 1;
            out.push_str(&rest[..start]);
            let end = start + rest[start..].find(')').unwrap_or(0);
            out.push_str(with);
            rest = &rest[end..];
        }
        out.push_str(rest);
        html = out;
    }
    html
}

#[test]
fn priority_page_html() {
    let site = Site::shipped();
    site.build();
    let html =
        std::fs::read_to_string(site.path("public/victims/victims-voice/index.html")).unwrap();
    insta::assert_snapshot!("victims_voice_priority_page", normalise(&html));
}
