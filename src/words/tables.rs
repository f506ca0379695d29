//! Every word planpress writes around the plan's own text, in each language, from the
//! theme's translation tables (`themes/default/i18n/<language>.ftl`, Project Fluent's message
//! format): the website's templates, and the headings and labels every other edition writes.
//!
//! It sits in the words stage, below the model, so that the linear document, the statement
//! sentences and every output ask for a word the same way the templates do, without importing
//! the theme. The theme reads a theme folder's tables over the default ones and gives the
//! templates `t()` (see `theme::words`).
//!
//! Counts go through Fluent, which picks each language's plural form from CLDR's rules
//! (Welsh has six: zero, one, two, few, many, other), so no caller says `if n == 1`. A word
//! missing from a language's table is taken from the first table loaded (English), so a theme
//! that lags behind still builds; the test suite checks the shipped Welsh table has every key.

use anyhow::{anyhow, bail, Result};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// The default theme's tables, by language tag.
pub const DEFAULT_TABLES: &[(&str, &str)] = &[
    ("en-GB", include_str!("../../themes/default/i18n/en-GB.ftl")),
    ("cy", include_str!("../../themes/default/i18n/cy.ftl")),
];

/// The language of the theme's words when a plan names none.
pub const DEFAULT_LANGUAGE: &str = "en-GB";

/// The translation tables of a theme, one per language.
pub struct Words {
    /// Each language's messages, the default language first.
    tables: Vec<(String, FluentBundle<FluentResource>)>,
    /// Each table's keys in the order written, for checking tables against each other.
    keys: Vec<(String, Vec<String>)>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("languages", &self.languages())
            .finish()
    }
}

impl Words {
    /// Reads the tables (language tag, Fluent text); the first is the one missing words are
    /// taken from. A table that does not parse is an error naming its line.
    pub fn new(tables: &[(String, String)]) -> Result<Words> {
        let mut out = Words {
            tables: Vec::new(),
            keys: Vec::new(),
        };
        for (language, text) in tables {
            let id: unic_langid::LanguageIdentifier = language.parse().map_err(|_| {
                anyhow!("i18n/{language}.ftl: \"{language}\" is not a language tag")
            })?;
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(r) => r,
                Err((_, errors)) => {
                    let e = &errors[0];
                    let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                    bail!(
                        "i18n/{language}.ftl:{line}: the translation table cannot be read ({:?}); \
                         see the Fluent syntax guide (projectfluent.org)",
                        e.kind
                    );
                }
            };
            let keys: Vec<String> = resource
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks around arguments would land in the HTML as invisible
            // characters; the theme's arguments are names and figures.
            bundle.set_use_isolating(false);
            if let Err(errors) = bundle.add_resource(resource) {
                bail!("i18n/{language}.ftl: {:?}", errors[0]);
            }
            out.keys.push((language.clone(), keys));
            out.tables.push((language.clone(), bundle));
        }
        if out.tables.is_empty() {
            bail!("the theme has no translation table");
        }
        Ok(out)
    }

    /// The default theme's tables.
    pub fn default_tables() -> Vec<(String, String)> {
        DEFAULT_TABLES
            .iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect()
    }

    /// The languages with a table, the default first.
    pub fn languages(&self) -> Vec<&str> {
        self.tables.iter().map(|(l, _)| l.as_str()).collect()
    }

    /// The keys of `language`'s table, in the order written (none for a language without one).
    pub fn keys(&self, language: &str) -> &[String] {
        self.keys
            .iter()
            .find(|(l, _)| l == language)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The table of `language`, or of its base language (`cy` for `cy-GB`).
    fn table(&self, language: &str) -> Option<&FluentBundle<FluentResource>> {
        let base = language.split('-').next().unwrap_or(language);
        self.tables
            .iter()
            .find(|(l, _)| l == language)
            .or_else(|| self.tables.iter().find(|(l, _)| l == base))
            .map(|(_, b)| b)
    }

    /// The words of `key` in `language` with `args`; from the first table when `language`'s
    /// has no such key. An unknown key is an error (a theme's mistake, not the content's).
    pub fn text(&self, language: &str, key: &str, args: Option<&FluentArgs>) -> Result<String> {
        let fallback = &self.tables[0].1;
        let (bundle, message) = match self
            .table(language)
            .and_then(|b| b.get_message(key).map(|m| (b, m)))
        {
            Some(found) => found,
            None => match fallback.get_message(key) {
                Some(m) => (fallback, m),
                None => bail!("the theme's translation tables have no \"{key}\""),
            },
        };
        let pattern = message
            .value()
            .ok_or_else(|| anyhow!("\"{key}\" in the theme's translation table has no value"))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if let Some(e) = errors.first() {
            bail!("\"{key}\" in the {language} translation table: {e:?}");
        }
        Ok(text.into_owned())
    }

    /// The words of `key` with no arguments, or the key itself if the tables lack it.
    pub fn word(&self, language: &str, key: &str) -> String {
        self.text(language, key, None)
            .unwrap_or_else(|_| key.to_string())
    }

    /// A date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) in words in `language`: "1 April 2021",
    /// "1 Ebrill 2021"; as written when it is not a date.
    pub fn date(&self, language: &str, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let month = |m: &str| -> Option<String> {
            let n: u32 = m.parse().ok().filter(|n| (1..=12).contains(n))?;
            self.text(language, &format!("month-{n}"), None).ok()
        };
        let mut args = FluentArgs::new();
        let key = match parts.as_slice() {
            [y, m] => match month(m) {
                Some(name) => {
                    args.set("month", name);
                    args.set("year", y.to_string());
                    "date-month"
                }
                None => return iso.to_string(),
            },
            [y, m, d] => match month(m) {
                Some(name) => {
                    args.set("day", d.trim_start_matches('0').to_string());
                    args.set("month", name);
                    args.set("year", y.to_string());
                    "date-day"
                }
                None => return iso.to_string(),
            },
            _ => return iso.to_string(),
        };
        self.text(language, key, Some(&args))
            .unwrap_or_else(|_| iso.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        Words::new(&Words::default_tables()).unwrap()
    }

    #[test]
    fn welsh_counts_take_each_of_the_six_plural_forms() {
        let w = words();
        let say = |n: i64| {
            let mut a = FluentArgs::new();
            a.set("count", n);
            a.set("name", "X");
            w.text("cy", "responsibilities-for-chief-constable", Some(&a))
                .unwrap()
        };
        let forms: Vec<String> = [0, 1, 2, 3, 6, 7].into_iter().map(say).collect();
        let distinct: std::collections::BTreeSet<&String> = forms.iter().collect();
        assert!(distinct.len() >= 4, "{forms:?}");
        assert!(forms[2].contains("2 gyfrifoldeb"), "{forms:?}");
        assert!(forms[3].contains("3 chyfrifoldeb"), "{forms:?}");
    }

    #[test]
    fn dates_are_in_the_readers_language() {
        let w = words();
        assert_eq!(w.date("en-GB", "2021-04-01"), "1 April 2021");
        assert_eq!(w.date("cy", "2021-04-01"), "1 Ebrill 2021");
        assert_eq!(w.date("cy", "2025-03"), "Mawrth 2025");
        assert_eq!(w.date("cy", "soon"), "soon");
    }

    #[test]
    fn the_welsh_table_has_every_word_of_the_english_one() {
        let w = words();
        let missing: Vec<&String> = w
            .keys("en-GB")
            .iter()
            .filter(|k| !w.keys("cy").contains(k))
            .collect();
        assert!(missing.is_empty(), "missing in cy.ftl: {missing:?}");
        assert!(w.keys("en-GB").len() > 40);
    }
}
