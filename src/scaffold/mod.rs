//! `planpress init` and `planpress new`: starting a plan, adding one item to it, and starting
//! the next report, so an office never has to copy another plan's files and guess what to
//! delete.
//!
//! Both write front matter through the formatter's canonical writer ([`crate::fmt::front`]),
//! so any title or name, however it is punctuated, is quoted as YAML needs; both check the
//! result with the same parser and checks a build uses before writing; and both write each
//! file through a temporary file linked into place, which fails rather than replace a file
//! that is already there. Nothing here ever overwrites a file.

mod init;
mod new;
mod report;

use std::fmt;

pub use init::{ask, init, InitAnswers, InitReport, QUESTIONS};
pub use new::{new_item, NewKind, NewRequest};
pub use report::{new_report, quarter_of, NewReport};

use crate::diagnostics::ContentErrors;

/// Why `init` or `new` wrote nothing.
#[derive(Debug)]
pub enum ScaffoldError {
    /// A value given on the command line cannot be used (exit status 2).
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// The plan has problems to fix first (exit status 1).
    Content(ContentErrors),
    /// A file could not be written (exit status 1).
    Io(String),
}

impl ScaffoldError {
    fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        ScaffoldError::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

impl fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaffoldError::Usage { message, hint } => {
                write!(f, "error: {message}")?;
                if let Some(h) = hint {
                    write!(f, "\n  hint: {h}")?;
                }
                Ok(())
            }
            ScaffoldError::Content(e) => write!(f, "{e}"),
            ScaffoldError::Io(e) => write!(f, "error: {e}"),
        }
    }
}

impl std::error::Error for ScaffoldError {}

/// The longest text (in characters) `init` and `new` take for a title or a name: longer
/// ones would not fit the front matter's line limit once quoted, and no heading should be
/// that long.
pub const MAX_TEXT: usize = 300;

/// `value` with spaces trimmed, or why it cannot be used as `what` (a title, a name).
pub fn checked_text(what: &str, value: &str) -> Result<String, ScaffoldError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ScaffoldError::usage(
            format!("the {what} is empty"),
            format!("give the {what} in quotes, such as \"Safer roads\""),
        ));
    }
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return Err(ScaffoldError::usage(
            format!(
                "the {what} holds a control character (U+{:04X}), such as a line break",
                u32::from(c)
            ),
            format!("give the {what} on one line"),
        ));
    }
    let length = value.chars().count();
    if length > MAX_TEXT {
        return Err(ScaffoldError::usage(
            format!("the {what} is {length} characters long; the most is {MAX_TEXT}"),
            format!("shorten the {what}; a longer text belongs in the body of the file"),
        ));
    }
    Ok(value.to_string())
}

/// A Markdown file: its front matter between `---` lines, then its body.
fn markdown_file(front: &str, body: &str) -> String {
    let mut text = format!("---\n{front}---\n");
    if !body.is_empty() {
        text.push_str(body);
        if !body.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// Today's date, `YYYY-MM-DD` (UTC), for a new plan's publication date.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date `days` after 1 January 1970 (the proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert!(crate::plan::valid_date(&today(), true), "{}", today());
    }

    #[test]
    fn texts_are_checked() {
        assert_eq!(
            checked_text("title", "  Siân’s plan  ").unwrap(),
            "Siân’s plan"
        );
        for bad in ["", "   ", "a\nb", "tab\there"] {
            assert!(checked_text("title", bad).is_err(), "{bad:?}");
        }
        let long = "x".repeat(MAX_TEXT + 1);
        let err = checked_text("title", &long).unwrap_err().to_string();
        assert!(err.contains("301 characters long"), "{err}");
        assert!(checked_text("title", &"x".repeat(MAX_TEXT)).is_ok());
    }
}
