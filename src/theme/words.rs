//! The templates' access to the translation tables ([`crate::words::Words`]): the Tera
//! function `t(k="key", name=value...)` and the filter `date_words`, each bound to the language
//! of the pages being written. Text arguments are escaped for HTML; an argument whose name
//! ends in `_html` is markup the template made and is passed as it is.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};

pub use crate::words::tables::{Words, DEFAULT_LANGUAGE};

/// The Tera function `t`: `t(k="key", name=value...)` in one language.
pub(crate) struct Translate {
    /// The tables.
    pub words: Arc<Words>,
    /// The language the pages are written in.
    pub language: String,
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("k")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs the key of a word: t(k=\"skip-link\")"))?;
        let mut fluent = FluentArgs::new();
        let mut names: Vec<&String> = args.keys().filter(|k| *k != "k").collect();
        names.sort();
        for name in names {
            let value = &args[name];
            let v: FluentValue = match value {
                tera::Value::Number(n) => match n.as_i64() {
                    Some(i) => FluentValue::from(i),
                    None => FluentValue::from(n.as_f64().unwrap_or(0.0)),
                },
                tera::Value::String(s) if name.ends_with("_html") => FluentValue::from(s.clone()),
                tera::Value::String(s) => FluentValue::from(super::escape_html(s)),
                tera::Value::Null => FluentValue::from(""),
                other => FluentValue::from(super::escape_html(&other.to_string())),
            };
            fluent.set(name.clone(), v);
        }
        self.words
            .text(&self.language, key, Some(&fluent))
            .map(tera::Value::String)
            .map_err(|e| tera::Error::msg(e.to_string()))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The Tera filter `date_words`: `{{ "2021-04-01" | date_words }}` → "1 April 2021".
pub(crate) struct DateWords {
    /// The tables.
    pub words: Arc<Words>,
    /// The language the pages are written in.
    pub language: String,
}

impl tera::Filter for DateWords {
    fn filter(
        &self,
        value: &tera::Value,
        _: &HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let iso = value
            .as_str()
            .ok_or_else(|| tera::Error::msg("date_words takes a date written YYYY-MM-DD"))?;
        Ok(tera::Value::String(super::escape_html(
            &self.words.date(&self.language, iso),
        )))
    }

    fn is_safe(&self) -> bool {
        true
    }
}
