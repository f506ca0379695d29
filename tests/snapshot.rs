//! A snapshot of one priority page's HTML, so any change to the markup is seen in review.

mod common;

use common::Site;

#[test]
fn priority_page_html() {
    let site = Site::shipped();
    site.build();
    let html =
        std::fs::read_to_string(site.path("public/victims/victims-voice/index.html")).unwrap();
    insta::assert_snapshot!(
        "victims_voice_priority_page",
        common::normalise_download_sizes(&html)
    );
}
