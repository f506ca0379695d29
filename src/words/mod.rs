//! How the plan's values are said in words, the same way by every output and by the
//! comparison of two plans: figures (`24.2%`, `12,345`), changes (`+56%`, "a 6% reduction"),
//! dates ("31 October 2023"), file sizes ("412 KB"), and counts of things with their noun in
//! the right number ("1 theme", "6 themes").
//!
//! It sits below the model ([`crate::plan`]) so that the comparison of two plans and every
//! output can word a value alike without importing one another.

use crate::parse::kinds::Unit;

pub mod tables;

pub use tables::Words;

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2023-10" → "October 2023"; "2022" → "2022"; "2023-10-31" → "31 October 2023".
pub fn human_due(due: &str) -> String {
    let parts: Vec<&str> = due.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
            .unwrap_or("")
    };
    match parts.as_slice() {
        [y, m] => format!("{} {y}", month(m)),
        [y, m, d] => format!("{} {} {y}", d.trim_start_matches('0'), month(m)),
        _ => due.to_string(),
    }
}

/// "980 bytes", "412 KB", "1.1 MB" (1 KB = 1,024 bytes).
pub fn human_size(bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{} KB", (b / KB).round().max(1.0))
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

/// A change in per cent in words: "a 29% reduction", "a 56% increase", "no change".
pub fn change_in_words(change: f64) -> String {
    let n = format_value(change.abs(), Unit::Count);
    if change < 0.0 {
        format!("a {n}% reduction")
    } else if change > 0.0 {
        format!("a {n}% increase")
    } else {
        "no change".to_string()
    }
}

/// The minus sign (U+2212) that figures below zero and falls are written with: a hyphen is
/// shorter and set lower, and some screen readers say it as "dash" or not at all, where they
/// say the minus sign as "minus".
pub const MINUS: char = '\u{2212}';

/// A change in per cent with its sign: "+56%", "−29%" (a minus sign), "0%".
pub fn format_change(change: f64) -> String {
    let n = format_value(change.abs(), Unit::Count);
    if change > 0.0 {
        format!("+{n}%")
    } else if change < 0.0 {
        format!("{MINUS}{n}%")
    } else {
        "0%".to_string()
    }
}

/// A period of years as a range with an en dash, "2021–2025" or "2024–28", when `period` is
/// one written with a hyphen ("2021-2025", "2024 - 28"); any other period as it is. A year
/// and a month ("2024-10") is not a range: the end of a range comes after its start.
pub fn year_range(period: &str) -> String {
    let range = period.trim().split_once('-').and_then(|(from, to)| {
        let (from, to) = (from.trim(), to.trim());
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let start: u32 = from.parse().ok().filter(|_| digits(from, 4))?;
        let end: u32 = to.parse().ok().filter(|_| digits(to, 4) || digits(to, 2))?;
        let after = if to.len() == 2 {
            end > start % 100
        } else {
            end > start
        };
        after.then(|| format!("{from}\u{2013}{to}"))
    });
    range.unwrap_or_else(|| period.to_string())
}

/// A figure as readers see it: `24.2%`, `1,234`, `12 seconds`, `−3.5` (a minus sign). Up to
/// two decimal places, without trailing zeros.
pub fn format_value(v: f64, unit: Unit) -> String {
    format_number(v, unit, None)
}

/// A figure with exactly `decimals` decimal places, so a column of figures lines up and keeps
/// the source's precision: `24.0%` beside `18.1%`.
pub fn format_fixed(v: f64, unit: Unit, decimals: usize) -> String {
    format_number(v, unit, Some(decimals.min(2)))
}

fn format_number(v: f64, unit: Unit, decimals: Option<usize>) -> String {
    let text = fixed_point(v.abs(), decimals.unwrap_or(2));
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = match decimals {
        Some(_) => fraction,
        None => fraction.trim_end_matches('0'),
    };
    // A figure that rounds to zero is shown without a sign.
    let negative = v < 0.0 && text.bytes().any(|b| matches!(b, b'1'..=b'9'));
    let mut number = String::with_capacity(text.len() + whole.len() / 3 + 10);
    if negative {
        number.push(MINUS);
    }
    for (i, c) in whole.char_indices() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            number.push(',');
        }
        number.push(c);
    }
    if !fraction.is_empty() {
        number.push('.');
        number.push_str(fraction);
    }
    match unit {
        Unit::Percent => number.push('%'),
        Unit::Seconds => number.push_str(" seconds"),
        _ => {}
    }
    number
}

/// `x` with `places` decimal places, exactly as `format!("{x:.places$}")` writes it (the exact
/// binary value rounded, halves to even), but for the usual figure by integer arithmetic:
/// formatting a float to a precision is the slow general algorithm, and a large plan's pages
/// format tens of thousands of figures. Where `x` scaled by `10^places` lies so near a half
/// that the multiplication's rounding could decide which way it goes, or is too large to
/// count in whole numbers, `format!` decides.
fn fixed_point(x: f64, places: usize) -> String {
    const SCALE: [f64; 3] = [1.0, 10.0, 100.0];
    // 2^52: below it every whole number, and every half, is a float.
    const WHOLE: f64 = 4_503_599_627_370_496.0;
    if let Some(&scale) = SCALE.get(places) {
        let scaled = x * scale;
        if x.is_sign_positive() && scaled < WHOLE {
            let floor = scaled.floor();
            let fraction = scaled - floor;
            // The product is within half a unit in its last place of the exact one, far less
            // than this margin.
            if (fraction - 0.5).abs() > scaled.max(1.0) * f64::EPSILON * 4.0 {
                let units = floor as u64 + u64::from(fraction > 0.5);
                let mut text = units.to_string();
                if places > 0 {
                    if text.len() <= places {
                        text.insert_str(0, &"0".repeat(places + 1 - text.len()));
                    }
                    text.insert(text.len() - places, '.');
                }
                return text;
            }
        }
    }
    format!("{x:.places$}")
}

/// How many decimal places (0 to 2) show every one of `values` exactly.
pub fn decimals_for(values: impl IntoIterator<Item = f64>) -> usize {
    values
        .into_iter()
        .map(|v| {
            (0..2)
                .find(|d| {
                    let scaled = v * 10f64.powi(*d as i32);
                    (scaled - scaled.round()).abs() < 1e-6
                })
                .unwrap_or(2)
        })
        .max()
        .unwrap_or(0)
}

/// A word for a kind of thing, in the singular and the plural ("theme", "themes"), as a plan
/// names the levels of its structure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Noun {
    /// One of them: "theme".
    pub singular: String,
    /// More than one: "themes".
    pub plural: String,
}

impl Noun {
    /// A noun from its two forms.
    pub fn new(singular: &str, plural: &str) -> Noun {
        Noun {
            singular: singular.to_string(),
            plural: plural.to_string(),
        }
    }

    /// The form for `n` of them: the singular for 1, the plural for any other number.
    pub fn of(&self, n: usize) -> &str {
        if n == 1 {
            &self.singular
        } else {
            &self.plural
        }
    }

    /// `n` and the noun in the form for it: "1 theme", "0 themes", "6 themes".
    pub fn count(&self, n: usize) -> String {
        format!("{n} {}", self.of(n))
    }

    /// The singular with a capital first letter, to start a sentence or a heading: "Theme".
    pub fn title(&self) -> String {
        capitalised(&self.singular)
    }

    /// The plural with a capital first letter: "Themes".
    pub fn titles(&self) -> String {
        capitalised(&self.plural)
    }
}

/// `text` with its first letter a capital ("area of focus" → "Area of focus"); the rest is
/// kept as written.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_agrees_with_its_noun() {
        let theme = Noun::new("theme", "themes");
        assert_eq!(theme.count(1), "1 theme");
        assert_eq!(theme.count(0), "0 themes");
        assert_eq!(theme.count(6), "6 themes");
        let focus = Noun::new("area of focus", "areas of focus");
        assert_eq!(focus.count(2), "2 areas of focus");
        assert_eq!(focus.titles(), "Areas of focus");
        assert_eq!(capitalised("ésprit"), "Ésprit");
        assert_eq!(capitalised(""), "");
    }

    /// How figures were formatted before `fixed_point`: the oracle for `format_number`.
    fn format_number_by_format(v: f64, unit: Unit, decimals: Option<usize>) -> String {
        let text = format!("{:.*}", decimals.unwrap_or(2), v.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let fraction = match decimals {
            Some(_) => fraction,
            None => fraction.trim_end_matches('0'),
        };
        let mut number = if fraction.is_empty() {
            grouped
        } else {
            format!("{grouped}.{fraction}")
        };
        if v < 0.0 && number.chars().any(|c| c.is_ascii_digit() && c != '0') {
            number.insert(0, MINUS);
        }
        match unit {
            Unit::Percent => format!("{number}%"),
            Unit::Seconds => format!("{number} seconds"),
            _ => number,
        }
    }

    #[test]
    fn figures_read_as_they_did_when_format_wrote_them() {
        let units = [
            Unit::Percent,
            Unit::Count,
            Unit::Rate,
            Unit::Seconds,
            Unit::Text,
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut values = vec![
            0.0,
            -0.0,
            -0.004,
            -0.005,
            999.995,
            999_999.5,
            -1234.5,
            f64::NAN,
        ];
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let v = (seed >> 11) as f64 / (1u64 << 53) as f64 * 2e7 - 1e7;
            values.extend([v, (v * 100.0).round() / 100.0, v.round() / 1000.0]);
        }
        for v in values {
            for (unit, decimals) in units
                .iter()
                .flat_map(|u| [None, Some(0), Some(1), Some(2)].map(|d| (u, d)))
            {
                assert_eq!(
                    format_number(v, *unit, decimals),
                    format_number_by_format(v, *unit, decimals),
                    "{v:?} {decimals:?}"
                );
            }
        }
    }

    #[test]
    fn fixed_point_writes_what_format_writes() {
        // Halves (exact in binary, so rounded to even), near-halves on either side, values
        // whose nearest float is just under or over a half, large and tiny values, and a
        // deterministic spread of ordinary figures.
        let mut values = vec![
            0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            2.675,
            1.005,
            1.015,
            0.045,
            0.995,
            9.995,
            99.995,
            0.05,
            0.15,
            0.25,
            0.35,
            1e-300,
            5e-324,
            0.004_999_999_999_999_999,
            0.005,
            1234.565,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            1e17,
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
            -0.0,
            -1.25,
            -2.5,
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let magnitude = [1.0, 100.0, 10_000.0, 1e9, 1e15][(seed % 5) as usize];
            let v = (seed >> 11) as f64 / (1u64 << 53) as f64 * magnitude;
            values.push(v);
            // Figures as written in content: a few decimal places, and their halves.
            values.push((v * 1000.0).round() / 1000.0);
            values.push(((v * 100.0).floor() + 0.5) / 100.0);
            values.push(f64::from_bits(((v * 10.0).floor() + 0.5).to_bits() + 1) / 10.0);
        }
        for v in values {
            for places in 0..=2 {
                assert_eq!(
                    fixed_point(v, places),
                    format!("{v:.places$}"),
                    "{v:?} to {places} places"
                );
            }
        }
    }

    #[test]
    fn values_read_naturally() {
        assert_eq!(format_value(24.2, Unit::Percent), "24.2%");
        assert_eq!(format_value(24.0, Unit::Percent), "24%");
        assert_eq!(format_value(12345.0, Unit::Count), "12,345");
        assert_eq!(format_value(-1234.0, Unit::Count), "\u{2212}1,234");
        assert_eq!(format_value(0.126, Unit::Rate), "0.13");
        assert_eq!(format_value(1.999, Unit::Count), "2");
        assert_eq!(format_value(1234.5, Unit::Count), "1,234.5");
        assert_eq!(format_value(-0.001, Unit::Count), "0");
        assert_eq!(format_fixed(24.0, Unit::Percent, 1), "24.0%");
        assert_eq!(format_fixed(6447.0, Unit::Count, 0), "6,447");
        assert_eq!(decimals_for([24.0, 18.1, 30.2]), 1);
        assert_eq!(decimals_for([9.0, 0.0]), 0);
        assert_eq!(decimals_for([1.26]), 2);
    }

    #[test]
    fn changes_read_naturally() {
        assert_eq!(format_change(56.0), "+56%");
        assert_eq!(format_change(-29.0), "\u{2212}29%");
        assert_eq!(change_in_words(-6.0), "a 6% reduction");
        assert_eq!(change_in_words(0.0), "no change");
    }

    #[test]
    fn periods_of_years_are_ranges_with_an_en_dash() {
        assert_eq!(year_range("2021-2025"), "2021\u{2013}2025");
        assert_eq!(year_range("2024 - 28"), "2024\u{2013}28");
        assert_eq!(year_range("2021\u{2013}2025"), "2021\u{2013}2025");
        // Not ranges: a year and a month, a range backwards, words, a single year.
        for other in [
            "2024-10",
            "2025-2021",
            "2021-25a",
            "April-June 2021",
            "2024",
            "-",
            "",
        ] {
            assert_eq!(year_range(other), other);
        }
    }

    #[test]
    fn due_dates_read_naturally() {
        assert_eq!(human_due("2023-10"), "October 2023");
        assert_eq!(human_due("2022"), "2022");
        assert_eq!(human_due("2023-10-01"), "1 October 2023");
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(980), "980 bytes");
        assert_eq!(human_size(412 * 1024), "412 KB");
        assert_eq!(human_size(1024 * 1024 + 110 * 1024), "1.1 MB");
    }
}
