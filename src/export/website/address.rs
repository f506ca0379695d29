//! What makes the site findable at its published address (`base_url`): `sitemap.xml` (the
//! sitemaps.org protocol), `robots.txt` naming it, and `feed.xml`, an Atom feed (RFC 4287) of
//! the plan's published revisions, each entry linking the report of what changed in it
//! (`changes/<date>/`, see [`revision_route`]). All three need absolute addresses, so a site
//! without `base_url` has none of them.

use std::fmt::Write as _;

use crate::compare::Published;
use crate::export::Sink;
use crate::plan::{Plan, Route};
use crate::render::escape;
use crate::words::human_due;

/// The most addresses one sitemap file may list (the sitemaps.org protocol's limit); a
/// bigger site gets several, listed by a sitemap index at `sitemap.xml`.
pub const MAX_SITEMAP_URLS: usize = 50_000;

/// The page reporting what changed in the published revision `published` (a `YYYY-MM-DD`
/// date) since the one before it: `changes/<date>/`.
pub fn revision_route(published: &str) -> Route {
    Route::Page(format!("changes/{published}"))
}

/// The absolute address of the site path `path` (`""`, `victims/`, `feed.xml`) under
/// `base_url`.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}/{path}", base_url.trim_end_matches('/'))
}

/// Writes `sitemap.xml` (and, past [`MAX_SITEMAP_URLS`] addresses, `sitemap-N.xml` files it
/// indexes), `robots.txt` and `feed.xml` when the plan has a `base_url`; `pages` are the site
/// paths of every page, in the site's order. Returns how many files were written.
pub fn write(
    plan: &Plan,
    history: &[Published],
    pages: &[String],
    sink: &dyn Sink,
) -> anyhow::Result<usize> {
    let Some(base) = plan.meta.base_url.as_deref() else {
        return Ok(0);
    };
    let mut written = 0;
    for (path, text) in sitemaps(base, pages) {
        sink.write(&path, text.as_bytes())?;
        written += 1;
    }
    sink.write("robots.txt", robots(base).as_bytes())?;
    sink.write("feed.xml", feed(plan, base, history).as_bytes())?;
    Ok(written + 2)
}

/// The sitemap files, as (path, text): one `sitemap.xml` listing every page, or, for more
/// than [`MAX_SITEMAP_URLS`] pages, numbered files and a `sitemap.xml` index of them.
fn sitemaps(base: &str, pages: &[String]) -> Vec<(String, String)> {
    let urlset = |pages: &[String]| {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for page in pages {
            let _ = writeln!(
                out,
                "<url><loc>{}</loc></url>",
                escape(&absolute(base, page))
            );
        }
        out.push_str("</urlset>\n");
        out
    };
    if pages.len() <= MAX_SITEMAP_URLS {
        return vec![("sitemap.xml".to_string(), urlset(pages))];
    }
    let mut files: Vec<(String, String)> = pages
        .chunks(MAX_SITEMAP_URLS)
        .enumerate()
        .map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), urlset(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, _) in &files {
        let _ = writeln!(
            index,
            "<sitemap><loc>{}</loc></sitemap>",
            escape(&absolute(base, path))
        );
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".to_string(), index));
    files
}

/// `robots.txt`: every page may be crawled, and the sitemap is where it is.
fn robots(base: &str) -> String {
    format!(
        "# Crawlers read robots.txt only at the root of a host. When this site is published\n# under a path, copy the Sitemap line below into the host's own robots.txt.\nUser-agent: *\nDisallow:\n\nSitemap: {}\n",
        absolute(base, "sitemap.xml")
    )
}

/// The Atom feed of the published revisions, newest first (as `history` is). Every date is
/// a publication date at midnight UTC, so the feed is the same on every build.
fn feed(plan: &Plan, base: &str, history: &[Published]) -> String {
    let m = &plan.meta;
    let timestamp = |date: &str| format!("{date}T00:00:00Z");
    let updated = history
        .first()
        .map_or(m.published.as_str(), |p| p.published.as_str());
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n",
    );
    let _ = writeln!(
        out,
        "<title>{}</title>",
        escape(&format!("{} {}: published revisions", m.title, m.period))
    );
    let _ = writeln!(
        out,
        "<subtitle>{}</subtitle>",
        escape(&format!(
            "Each revision of the plan the {} has published, with what changed in it.",
            m.organisation
        ))
    );
    let _ = writeln!(out, "<id>{}</id>", escape(&absolute(base, "feed.xml")));
    let _ = writeln!(
        out,
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&absolute(base, "feed.xml"))
    );
    let _ = writeln!(
        out,
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&absolute(base, ""))
    );
    let _ = writeln!(out, "<updated>{}</updated>", timestamp(updated));
    let _ = writeln!(
        out,
        "<author><name>{}</name></author>",
        escape(&m.organisation)
    );
    let _ = writeln!(
        out,
        "<rights>{}</rights>",
        escape(&format!("Published under the {}", m.licence.name))
    );
    let current = [Published {
        revision: None,
        title: m.title.clone(),
        period: m.period.clone(),
        draft: m.status == crate::parse::kinds::PlanStatus::Draft,
        published: m.published.clone(),
        changes: None,
    }];
    let entries = if history.is_empty() {
        &current[..]
    } else {
        history
    };
    for revision in entries {
        let (link, summary) = match &revision.changes {
            Some(diff) => {
                // What changed, in the same words as the revision's "What has changed" page.
                let report = crate::render::changes::Report {
                    diff,
                    old_label: String::new(),
                    new_label: String::new(),
                    plan_title: m.title.clone(),
                    words: crate::render::document::words(),
                    language: crate::render::document::language_of(plan),
                };
                let sentences = crate::render::changes::summary_sentences(&report);
                let summary = if sentences.is_empty() {
                    "No changes to the plan's text or settings.".to_string()
                } else {
                    sentences.join(" ")
                };
                (
                    absolute(base, &revision_route(&revision.published).path()),
                    summary,
                )
            }
            None => (
                absolute(base, ""),
                "The first published revision of the plan.".to_string(),
            ),
        };
        let title = format!(
            "{} {}: {} published {}",
            revision.title,
            revision.period,
            if revision.draft { "draft" } else { "plan" },
            human_due(&revision.published)
        );
        out.push_str("<entry>\n");
        let _ = writeln!(out, "<title>{}</title>", escape(&title));
        let _ = writeln!(
            out,
            "<id>{}</id>",
            escape(&absolute(
                base,
                &format!("feed.xml#published-{}", revision.published)
            ))
        );
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&link)
        );
        let _ = writeln!(
            out,
            "<published>{}</published>",
            timestamp(&revision.published)
        );
        let _ = writeln!(out, "<updated>{}</updated>", timestamp(&revision.published));
        let _ = writeln!(out, "<summary>{}</summary>", escape(&summary));
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_site_gets_numbered_sitemaps_and_an_index_of_them() {
        let pages: Vec<String> = (0..MAX_SITEMAP_URLS + 2)
            .map(|i| format!("p{i}/"))
            .collect();
        let files = sitemaps("https://example.org/plan/", &pages);
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert_eq!(files[1].1.matches("<url>").count(), 2);
        assert!(files[2]
            .1
            .contains("<sitemap><loc>https://example.org/plan/sitemap-2.xml</loc></sitemap>"));
        let one = sitemaps("https://example.org/plan", &["".into(), "a&b/".into()]);
        assert_eq!(one.len(), 1);
        assert!(one[0].1.contains("<loc>https://example.org/plan/</loc>"));
        assert!(one[0]
            .1
            .contains("<loc>https://example.org/plan/a&amp;b/</loc>"));
    }
}
