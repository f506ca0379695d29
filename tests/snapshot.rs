//! A snapshot of one priority page's HTML, so any change to the markup is seen in review.

mod common;

use common::Site;

/// Replaces the large-print PDF's page count and size, which change whenever any text does.
fn normalise(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("Large print version (PDF, ") {
        let start = i + "Large print version (".len();
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find(')').unwrap_or(0);
        out.push_str("PDF, [pages], [size]");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn priority_page_html() {
    let site = Site::shipped();
    site.build();
    let html =
        std::fs::read_to_string(site.path("public/victims/victims-voice/index.html")).unwrap();
    insta::assert_snapshot!("victims_voice_priority_page", normalise(&html));
}
