//! Where one sentence ends and the next begins, for semantic line breaks.
//!
//! The rule is deliberately cautious: a missed break only leaves a longer line, while a wrong
//! one splits "e.g." or "St. Peter's" in front of a reviewer. A gap between two words is a
//! sentence break when the text before it ends with `.`, `!` or `?` (possibly followed by
//! closing quotes, brackets or emphasis), the word before is not an abbreviation, an initial or
//! a dotted form such as "e.g." or "1.2.", and the text after starts with a capital letter or a
//! digit — and could not be read as the start of a Markdown block (a list item, heading, quote,
//! code fence or HTML) if it began a line.

/// Words that end in a full stop without ending a sentence (compared without case).
const ABBREVIATIONS: &[&str] = &[
    "approx", "apr", "assoc", "aug", "ave", "c", "ca", "capt", "cf", "ch", "cllr", "co", "col",
    "con", "corp", "cpl", "dec", "dept", "det", "dr", "ed", "eg", "esp", "est", "etc", "feb",
    "fig", "figs", "gen", "gov", "hon", "ie", "inc", "insp", "jan", "jr", "jul", "jun", "lt",
    "ltd", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "op", "p", "para",
    "paras", "pp", "prof", "pt", "rd", "ref", "rev", "sen", "sep", "sept", "sgt", "sq", "sr", "st",
    "supt", "vol", "vols", "vs",
];

/// Characters that may close a sentence after its terminator: quotes, brackets, emphasis.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | ')' | ']' | '*' | '_' | '~')
}

/// Characters that may open a sentence before its first letter.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '‘' | '“' | '(' | '[' | '*' | '_')
}

/// True when a line break may replace the whitespace between `before` and `after`.
///
/// `before` is the text up to the gap, `after` the text from just after it.
#[must_use]
pub fn is_break(before: &str, after: &str) -> bool {
    match ends_sentence(before) {
        Some(terminator) => starts_sentence(after, terminator == '.'),
        None => false,
    }
}

/// The terminator (`.`, `!` or `?`) when `before` ends a sentence.
fn ends_sentence(before: &str) -> Option<char> {
    let trimmed = before.trim_end_matches(is_closer);
    let terminator = trimmed.chars().next_back()?;
    if !matches!(terminator, '.' | '!' | '?') {
        return None;
    }
    let body = &trimmed[..trimmed.len() - terminator.len_utf8()];
    // An ellipsis ("...", "…") may trail off mid-sentence.
    if body.is_empty() || body.ends_with('.') || body.ends_with('…') {
        return None;
    }
    if terminator != '.' {
        return Some(terminator);
    }
    let word = body
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| is_opener(c) || c == '(');
    // Dotted forms: "e.g", "i.e", "U.K", "1.2", addresses such as "www.gov.uk".
    if word.is_empty() || word.contains('.') {
        return None;
    }
    let mut letters = word.chars();
    // Initials: "J. Smith", "S. Northshire".
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_alphabetic() {
            return None;
        }
    }
    let lower = word.to_lowercase();
    (!ABBREVIATIONS.contains(&lower.as_str())).then_some('.')
}

/// True when `after` starts a new sentence: a capital letter, or (after a full stop only) a
/// number, as in "130 lives were lost." — but not "Is it? 71%".
fn starts_sentence(after: &str, after_full_stop: bool) -> bool {
    let rest = after.trim_start_matches(is_opener);
    // An opener run must not itself look like a list marker or rule ("* ", "**", "_ ").
    let openers = &after[..after.len() - rest.len()];
    if openers.contains(' ') {
        return false;
    }
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_ascii_digit() && after_full_stop => {
            // "2. Next" or "1) Next" would begin an ordered list; "1.2 million" is kept too.
            let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            !digits.starts_with(['.', ')'])
        }
        _ => false,
    }
}

/// The byte offsets of single spaces in `text` at which a sentence ends, for plain text
/// (front-matter values) rather than Markdown.
pub fn plain_breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        if *b != b' ' || i == 0 || i + 1 >= bytes.len() {
            continue;
        }
        if bytes[i - 1].is_ascii_whitespace() || bytes[i + 1].is_ascii_whitespace() {
            continue;
        }
        if is_break(&text[..i], &text[i + 1..]) {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in plain_breaks(text) {
            out.push(&text[start..i]);
            start = i + 1;
        }
        out.push(&text[start..]);
        out
    }

    #[test]
    fn sentences_split_at_full_stops_before_capitals() {
        assert_eq!(
            split("One thing. Another thing! A third? Yes."),
            vec!["One thing.", "Another thing!", "A third?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        for text in [
            "Partners, e.g. The Probation Service, agree.",
            "Services, i.e. Victim Support, agree.",
            "Meet at St. Peter's church.",
            "Ask Dr. Jones today.",
            "Written by J. R. Smith here.",
            "S. Northshire is the outlier.",
            "A rise of 1.2 Million people.",
            "Version 1.2. Next is not split after a dotted number.",
            "It went on... Then it stopped.",
            "Apples, pears etc. Are fruit.",
        ] {
            assert_eq!(split(text), vec![text], "{text}");
        }
    }

    #[test]
    fn a_break_never_starts_a_markdown_block() {
        for text in [
            "Done. - not a list",
            "Done. # not a heading",
            "Done. > not a quote",
            "Done. 2. not a list",
            "Done. 1) not a list",
            "Done. <b>html</b>",
            "Done. * Not a list",
            "Done. lower case",
            "Did the victim feel safer? 71%",
        ] {
            assert_eq!(split(text), vec![text], "{text}");
        }
        assert_eq!(
            split("By 2024. 2025 will differ."),
            vec!["By 2024.", "2025 will differ."]
        );
        assert_eq!(
            split("He said \"Stop.\" \"Why?\" she asked."),
            vec!["He said \"Stop.\"", "\"Why?\" she asked."]
        );
        assert_eq!(
            split("**Bold ends.** *Next* starts."),
            vec!["**Bold ends.**", "*Next* starts."]
        );
    }
}
