//! Turning pieces of the plan into HTML fragments: Markdown bodies, highlighted code, slugs.
//!
//! Nothing here reads or writes files; the outputs in [`crate::export`] decide where
//! fragments go.

pub mod abbreviations;
pub mod chart;
pub mod highlight;
pub mod markdown;

/// A web-address-safe form of a phrase: lower-case letters, digits and single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        let c = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "Victims' Code" → "victims-code", not "victims--code".
        } else {
            pending_hyphen = true;
        }
    }
    out.truncate(80);
    out.trim_end_matches('-').to_string()
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_address_safe() {
        assert_eq!(slug("Victims' Code"), "victims-code");
        assert_eq!(
            slug("  A value for money approach "),
            "a-value-for-money-approach"
        );
        assert_eq!(slug("999 & 101 calls"), "999-101-calls");
        assert_eq!(slug("Café"), "cafe");
        assert_eq!(slug("!!!"), "");
    }
}
