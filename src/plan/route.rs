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
    /// How the force contributes to the national policing priorities.
    NationalPriorities,
    /// Delivery of the plan's commitments.
    Delivery,
    /// Another page.
    Page(String),
    /// The accessibility statement.
    Accessibility,
    /// The not-found page, served by web servers for missing addresses.
    NotFound,
}

impl Route {
    /// The site path, without a leading slash: `""`, `victims/`, `victims/victims-voice/`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Aim(a) => format!("{a}/"),
            Route::Priority { aim, id } => format!("{aim}/{id}/"),
            Route::Glossary => "glossary/".to_string(),
            Route::Performance => "performance/".to_string(),
            Route::Statement(s) => format!("performance/{s}/"),
            Route::NationalPriorities => "national-priorities/".to_string(),
            Route::Delivery => "delivery/".to_string(),
            Route::Page(p) => format!("{p}/"),
            Route::Accessibility => "accessibility/".to_string(),
            Route::NotFound => String::new(),
        }
    }

    /// The output file, relative to the output folder.
    pub fn file(&self) -> String {
        match self {
            Route::NotFound => "404.html".to_string(),
            r => format!("{}index.html", r.path()),
        }
    }

    /// How many folders deep the page is (the number of `../` to reach the site root).
    pub fn depth(&self) -> usize {
        self.path().matches('/').count()
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
        let mut href = self.root();
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
}
