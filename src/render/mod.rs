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
///
/// The five characters it replaces are ASCII, so it looks at bytes and copies the text
/// between them whole: the large-print web page alone escapes every word of the plan.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // `i` is the index of an ASCII byte, so a character boundary.
        out.push_str(&text[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// The escaper as first written, a character at a time: what [`escape`] must still give, and
/// what the theme's escaper is checked against (with the apostrophe put back).
#[cfg(test)]
pub(crate) fn escape_one_character_at_a_time(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&#39;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_copies_text_between_the_escaped_characters_unchanged() {
        assert_eq!(
            escape(r#"Fish & "chips" <b>'n'</b>"#),
            "Fish &amp; &quot;chips&quot; &lt;b&gt;&#39;n&#39;&lt;/b&gt;"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&"), "&amp;");
        // Every mix of the escaped characters with multi-byte ones, at both ends and side by
        // side, in strings of up to four characters.
        let pieces = ["&", "<", ">", "\"", "'", "a", "é", "€", "😀", " "];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            strings = strings
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            for s in &strings {
                assert_eq!(escape(s), escape_one_character_at_a_time(s), "{s:?}");
            }
        }
    }

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
