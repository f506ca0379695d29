//! Syntax highlighting for code blocks, with CSS classes rather than inline styles so the
//! theme, print and high-contrast styles can restyle it. The syntax definitions are loaded on
//! first use only, so plans without code never pay for them.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::escape;

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

/// The CSS class prefix on highlighted tokens (`hl-keyword`, `hl-string`...).
pub const CLASS_PREFIX: &str = "hl-";

/// Renders a code block as HTML: highlighted when the language is known, escaped otherwise.
pub fn code_block(code: &str, lang: &str) -> String {
    let lang = lang.split([',', ' ']).next().unwrap_or("").trim();
    let body = if lang.is_empty() {
        None
    } else {
        highlighted(code, lang)
    };
    let label = if lang.is_empty() {
        "Code".to_string()
    } else {
        format!("Code ({})", escape(lang))
    };
    let class = if lang.is_empty() {
        String::new()
    } else {
        format!(
            " class=\"language-{}\"",
            escape(&crate::parse::markdown::slug(lang))
        )
    };
    format!(
        "<pre class=\"code\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\"><code{class}>{}</code></pre>\n",
        body.unwrap_or_else(|| escape(code))
    )
}

fn highlighted(code: &str, lang: &str) -> Option<String> {
    let syntaxes = SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines);
    let syntax = syntaxes.find_syntax_by_token(lang)?;
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        syntaxes,
        ClassStyle::SpacedPrefixed {
            prefix: CLASS_PREFIX,
        },
    );
    for line in LinesWithEndings::from(code) {
        gen.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(gen.finalize())
}

/// True once any page has needed the syntax definitions (for tests of lazy loading).
pub fn syntaxes_loaded() -> bool {
    SYNTAXES.get().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_and_unknown_ones_are_escaped() {
        let html = code_block("let x = \"<a>\";\n", "rust");
        assert!(html.contains("hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("&lt;a&gt;"), "{html}");
        let plain = code_block("<b>\n", "no-such-language");
        assert!(
            plain.contains("&lt;b&gt;") && !plain.contains("hl-"),
            "{plain}"
        );
    }
}
