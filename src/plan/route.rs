//! Where each item of the plan lives on the website.
//!
//! Content links to site paths (`/victims/victims-voice/`); the website writes each route to
//! `<path>index.html` and links between pages with relative addresses, so the output reads
//! the same served from a web server or opened from disk.

use serde::Serialize;

/// A generated page.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Route {
    /// The home page.
    Home,
    /// An aim's page.
    Aim(String),
    /// A priority's page.
    Priority {
        /// The aim's id.
        aim: String,
        /// The priority's id.
        id: String,
    },
    /// The glossary.
    Glossary,
    /// The performance index.
    Performance,
    /// One performance statement.
    Statement(String),
    /// Every report, newest first.
    Reports,
    /// One report: its statements' figures for its period.
    Report(String),
    /// One statement as one report gave it.
    ReportStatement {
        /// The report's id.
        report: String,
        /// The statement's id.
        id: String,
    },
    /// How the force contributes to the national policing priorities.
    NationalPriorities,
    /// Delivery of the plan's commitments.
    Delivery,
    /// Another page.
    Page(String),
    /// The accessibility statement.
    Accessibility,
    /// "Listen to the plan": the audio edition's recordings, one player each.
    Listen,
    /// The plan in other formats (large print, EPUB...) and how to ask for another.
    OtherFormats,
    /// What the plan is, and where it sets out each of the contents the law requires.
    About,
    /// Search, and the A to Z of everything in the plan that works without it.
    Search,
    /// The not-found page, served by web servers for missing addresses.
    NotFound,
}

impl Route {
    /// The site path, without a leading slash: `""`, `victims/`, `victims/victims-voice/`.
    pub fn path(&self) -> String {
        self.path_then("")
    }

    /// The site path followed by `end`, made in one allocation (`format!` costs several
    /// times as much, and every page asks for many paths).
    fn path_then(&self, end: &str) -> String {
        let join = |parts: &[&str]| {
            let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>());
            for p in parts {
                s.push_str(p);
            }
            s
        };
        match self {
            Route::Home | Route::NotFound => end.to_string(),
            Route::Aim(a) => join(&[a, "/", end]),
            Route::Priority { aim, id } => join(&[aim, "/", id, "/", end]),
            Route::Glossary => join(&["glossary/", end]),
            Route::Performance => join(&["performance/", end]),
            Route::Statement(s) => join(&["performance/", s, "/", end]),
            Route::Reports => join(&["reports/", end]),
            Route::Report(r) => join(&["reports/", r, "/", end]),
            Route::ReportStatement { report, id } => join(&["reports/", report, "/", id, "/", end]),
            Route::NationalPriorities => join(&["national-priorities/", end]),
            Route::Delivery => join(&["delivery/", end]),
            Route::Page(p) => join(&[p, "/", end]),
            Route::Accessibility => join(&["accessibility/", end]),
            Route::Listen => join(&["listen/", end]),
            Route::OtherFormats => join(&["other-formats/", end]),
            Route::About => join(&["about-this-plan/", end]),
            Route::Search => join(&["search/", end]),
        }
    }

    /// The output file, relative to the output folder.
    pub fn file(&self) -> String {
        match self {
            Route::NotFound => "404.html".to_string(),
            r => r.path_then("index.html"),
        }
    }

    /// How many folders deep the page is (the number of `../` to reach the site root).
    pub fn depth(&self) -> usize {
        // The slashes of `path`, counted without making it: pages are linked to often.
        let slashes = |s: &str| s.bytes().filter(|&b| b == b'/').count();
        match self {
            Route::Home | Route::NotFound => 0,
            Route::Aim(a) => slashes(a) + 1,
            Route::Priority { aim, id } => slashes(aim) + slashes(id) + 2,
            Route::Statement(s) => slashes(s) + 2,
            Route::Report(r) => slashes(r) + 2,
            Route::ReportStatement { report, id } => slashes(report) + slashes(id) + 3,
            Route::Page(p) => slashes(p) + 1,
            Route::Glossary
            | Route::Performance
            | Route::Reports
            | Route::NationalPriorities
            | Route::Delivery
            | Route::Accessibility
            | Route::Listen
            | Route::OtherFormats
            | Route::About
            | Route::Search => 1,
        }
    }

    /// The relative prefix from this page to the site root: `""`, `../`, `../../`.
    pub fn root(&self) -> String {
        "../".repeat(self.depth())
    }

    /// A relative link from this page to `target` (a site path without leading slash,
    /// possibly with `#anchor`), pointing at the `index.html` file so it works from disk.
    pub fn href_to(&self, target: &str) -> String {
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        let depth = self.depth();
        let mut href = String::with_capacity(3 * depth + target.len() + "index.html".len());
        for _ in 0..depth {
            href.push_str("../");
        }
        href.push_str(path);
        if path.is_empty() || path.ends_with('/') {
            href.push_str("index.html");
        }
        if let Some(a) = anchor {
            href.push('#');
            href.push_str(a);
        }
        href
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_to_the_root_and_name_the_file() {
        let p = Route::Priority {
            aim: "victims".into(),
            id: "victims-voice".into(),
        };
        assert_eq!(p.file(), "victims/victims-voice/index.html");
        assert_eq!(p.href_to("glossary/#cjs"), "../../glossary/index.html#cjs");
        assert_eq!(p.href_to(""), "../../index.html");
        assert_eq!(Route::Home.href_to("static/style.css"), "static/style.css");
        assert_eq!(Route::NotFound.file(), "404.html");
    }

    #[test]
    fn depth_counts_the_slashes_of_the_path_and_paths_read_as_before() {
        let routes = [
            Route::Home,
            Route::NotFound,
            Route::Aim("a".into()),
            Route::Aim("a/b".into()),
            Route::Priority {
                aim: "a/".into(),
                id: "b/c".into(),
            },
            Route::Glossary,
            Route::Performance,
            Route::Statement("s/t".into()),
            Route::Reports,
            Route::Report("q/1".into()),
            Route::ReportStatement {
                report: "q".into(),
                id: "s/t".into(),
            },
            Route::NationalPriorities,
            Route::Delivery,
            Route::Page("p".into()),
            Route::Accessibility,
            Route::Listen,
            Route::OtherFormats,
            Route::About,
            Route::Search,
        ];
        for r in routes {
            assert_eq!(r.depth(), r.path().matches('/').count(), "{r:?}");
        }
        let priority = Route::Priority {
            aim: "a".into(),
            id: "b".into(),
        };
        assert_eq!(priority.path(), "a/b/");
        assert_eq!(
            Route::Statement("s".into()).file(),
            "performance/s/index.html"
        );
        assert_eq!(Route::Home.file(), "index.html");
    }
}
