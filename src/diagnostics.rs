//! Problems found in a plan's content, each tied to a place in a file.
//!
//! Content authors are not programmers: every problem says which file, which line and column,
//! what is wrong and, where we can tell, how to fix it. Loading never stops at the first
//! problem; a [`Diagnostics`] collector gathers them all so one run lists everything.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in the content, with its place and an optional hint at the fix.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file, as the user named it (relative to where they ran the command when possible).
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file or folder, which is then named
    /// without a line or column.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem at a line and column of a file.
    pub fn new(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint at the fix.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint when there is one.
    pub fn with_optional_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl Diagnostic {
    /// Where the problem is, as it starts its line: `path:line:column`, or just `path` for a
    /// problem with the whole file or folder (line 0), which has no line or column to name.
    pub fn place(&self) -> String {
        if self.line == 0 {
            self.path.display().to_string()
        } else {
            format!(
                "{}:{}:{}",
                self.path.display(),
                self.line,
                self.column.max(1)
            )
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in one run, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Takes every problem from another collector.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many problems were found.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The problems, sorted by file, line and column, without repeats.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }

    /// The problems as recorded.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// The error returned when content has problems: all of them, sorted.
#[derive(Debug, Clone)]
pub struct ContentErrors(pub Vec<Diagnostic>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&report(&self.0, false, "nothing was written"))
    }
}

impl std::error::Error for ContentErrors {}

/// An error with its causes, on one line: "rendering x: Failed to render: Variable not found".
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s
}

/// Problems as every command shows them: `path:line:col: error: message`, or `path: error:
/// message` for a problem with a whole file or folder (the place in bold
/// and "error:" in red when `color`), a `  help:` line under each that has a hint, and a last
/// line counting them and saying what happened because of them (`outcome`: "nothing was
/// written"; empty for a command that only looks, such as `check`).
pub fn report(problems: &[Diagnostic], color: bool, outcome: &str) -> String {
    use fmt::Write as _;
    let (red, reset) = if color {
        ("\x1b[31m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut out = problem_lines(problems, color);
    let n = problems.len();
    let _ = writeln!(
        out,
        "{red}{n} problem{} found in the content{}{outcome}{reset}",
        if n == 1 { "" } else { "s" },
        if outcome.is_empty() { "" } else { "; " }
    );
    out
}

/// The lines of [`report`] for each problem, without the count.
pub fn problem_lines(problems: &[Diagnostic], color: bool) -> String {
    use fmt::Write as _;
    let (red, bold, reset) = if color {
        ("\x1b[31m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut out = String::new();
    for d in problems {
        let _ = writeln!(
            out,
            "{bold}{}:{reset} {red}error:{reset} {}",
            d.place(),
            d.message
        );
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "  help: {h}");
        }
    }
    out
}

/// The closest candidate to a misspelt word, when one is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Converts a byte offset in `text` to a 1-based (line, column) pair, counting characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut start = offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_a_typo_and_ignores_strangers() {
        let keys = ["id", "text", "due", "status", "owner", "evidence"];
        assert_eq!(nearest("staus", keys), Some("status"));
        assert_eq!(nearest("evidance", keys), Some("evidence"));
        assert_eq!(nearest("zzzz", keys), None);
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n£cd\nx";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 5), (2, 2));
        assert_eq!(line_col(text, 8), (3, 1));
    }

    #[test]
    fn a_whole_file_or_folder_is_named_without_a_line_or_column() {
        let folder = Diagnostic::new(
            Path::new("content"),
            0,
            0,
            "the content folder does not exist",
        );
        assert_eq!(
            folder.to_string(),
            "content: the content folder does not exist"
        );
        assert_eq!(
            report(&[folder], false, ""),
            "content: error: the content folder does not exist\n1 problem found in the content\n"
        );
        let at = Diagnostic::new(Path::new("content/a.md"), 3, 0, "x");
        assert_eq!(at.place(), "content/a.md:3:1");
    }

    #[test]
    fn display_puts_place_first_and_hint_after() {
        let d = Diagnostic::new(Path::new("content/a.md"), 7, 3, "unknown key \"due_dat\"")
            .with_hint("did you mean \"due\"?");
        assert_eq!(
            d.to_string(),
            "content/a.md:7:3: unknown key \"due_dat\"\n  help: did you mean \"due\"?"
        );
    }
}
