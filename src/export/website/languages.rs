//! A website in more than one language: the plan's first language at the site root, each
//! other under its own folder (`/cy/`), every page linking to itself in the other languages
//! (the header's language link, placed first, and `hreflang` alternates in its head).
//!
//! Each language's pages are the same templates rendered from the plan as that language's
//! reader sees it ([`crate::plan::Plan::in_language`]) with the theme writing in that
//! language ([`crate::theme::Theme::in_language`]), through a sink that puts them under the
//! language's folder. The files every language shares (the style sheet, the downloads) stay
//! at the site root, reached from a language's folder through `site.up`.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::export::{NewFile, Sink};
use crate::plan::{Plan, Route};
use crate::theme::Theme;

/// One language of a multilingual site, as a page's links to it need it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Language {
    /// Its tag (`cy`), for `lang` and `hreflang`.
    pub lang: String,
    /// Its name in itself ("Cymraeg"), from its own translation table.
    pub name: String,
    /// Its folder under the site root: `""` for the first language, `cy/` for Welsh.
    pub prefix: String,
}

/// A link from a page to the same page in another language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub(super) struct Alternate {
    /// The language's tag.
    pub lang: String,
    /// Its name in itself.
    pub name: String,
    /// The address of the page in that language, relative to this page.
    pub href: String,
}

/// The plan's languages, each with its folder, its name in itself from the theme's tables.
pub(super) fn languages(plan: &Plan, theme: &Theme) -> Vec<Language> {
    plan.languages()
        .iter()
        .enumerate()
        .map(|(i, lang)| Language {
            lang: lang.clone(),
            name: theme.words.word(lang, "language-name"),
            prefix: if i == 0 {
                String::new()
            } else {
                format!("{lang}/")
            },
        })
        .collect()
}

/// The way from a page of the language at `from` (its folder) up to the site root.
pub(super) fn up(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// The links from `route`'s page in the language whose folder is `from` to the same page in
/// each other language. `root` is the page's way back to its language's root (absolute for
/// the not-found page, which servers show at any address).
pub(super) fn alternates(
    route: &Route,
    root: &str,
    from: &str,
    languages: &[Language],
    base_url: Option<&str>,
) -> Vec<Alternate> {
    languages
        .iter()
        .filter(|l| l.prefix != from)
        .map(|l| {
            let file = match route {
                Route::NotFound => String::new(),
                r => format!("{}index.html", r.path()),
            };
            let href = match route {
                Route::NotFound => match base_url {
                    Some(url) => format!("{}/{}", url.trim_end_matches('/'), l.prefix),
                    None => format!("/{}", l.prefix),
                },
                _ => format!("{root}{}{}{file}", up(from), l.prefix),
            };
            Alternate {
                lang: l.lang.clone(),
                name: l.name.clone(),
                href,
            }
        })
        .collect()
}

/// A sink that puts every file under a folder of the site (`cy/`).
pub(super) struct Prefixed<'a> {
    /// Where the files go.
    pub inner: &'a dyn Sink,
    /// The folder, ending in `/`.
    pub prefix: String,
}

impl Sink for Prefixed<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.inner.write(&format!("{}{path}", self.prefix), bytes)
    }

    fn create(&self, path: &str) -> Result<Box<dyn NewFile + '_>> {
        self.inner.create(&format!("{}{path}", self.prefix))
    }

    fn keep(&self, path: &str, from: &Path) -> Result<()> {
        self.inner.keep(&format!("{}{path}", self.prefix), from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_links_to_itself_in_the_other_language() {
        let langs = vec![
            Language {
                lang: "en-GB".into(),
                name: "English".into(),
                prefix: String::new(),
            },
            Language {
                lang: "cy".into(),
                name: "Cymraeg".into(),
                prefix: "cy/".into(),
            },
        ];
        let aim = Route::Aim("safety".into());
        let from_en = alternates(&aim, "../", "", &langs, None);
        assert_eq!(from_en[0].href, "../cy/safety/index.html");
        let from_cy = alternates(&aim, "../", "cy/", &langs, None);
        assert_eq!(from_cy[0].href, "../../safety/index.html");
        assert_eq!(from_cy[0].lang, "en-GB");
        let home = alternates(&Route::Home, "", "cy/", &langs, None);
        assert_eq!(home[0].href, "../index.html");
        let missing = alternates(&Route::NotFound, "/cy/", "cy/", &langs, None);
        assert_eq!(missing[0].href, "/");
    }
}
