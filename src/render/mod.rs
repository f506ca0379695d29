//! The pieces every output shares: Markdown bodies as HTML fragments, highlighted code, charts,
//! the words and tables that report performance.
//!
//! Nothing here reads or writes files; the outputs in [`crate::export`] decide where
//! fragments go.

pub mod abbreviations;
pub mod changes;
pub mod chart;
pub mod document;
pub mod highlight;
pub mod markdown;
pub mod performance;
pub mod spoken;

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
}
