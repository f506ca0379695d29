//! The office's own colours (`brand:` in the plan file), checked for contrast when the plan
//! is loaded.
//!
//! The default theme takes three colours from the plan: the header's background (`primary`),
//! the colour of the words on it (`header_text`) and the colour of links and of the marks of
//! the current page (`accent`). Every pair of colours the theme then shows against each other
//! is checked against WCAG 2.2: 4.5:1 for text (1.4.3) and 3:1 for the keyboard focus
//! highlight against what surrounds it (1.4.11). A pair below its minimum is a content error
//! naming the setting, the pair, the contrast and the nearest colour that passes: the same
//! hue and saturation, lighter or darker, whichever needs the smaller change.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::parse::kinds::BrandFront;

use super::Origin;

/// A colour in sRGB, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// The colour as CSS writes it: `#1d2d44`.
    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Its relative luminance (WCAG 2.2's definition, with the sRGB standard's threshold).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// The contrast ratio between this colour and `other`, from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour made darker by `amount` (0 to 1) of the way to black.
    pub fn darker(self, amount: f64) -> Colour {
        let scale = |c: u8| (f64::from(c) * (1.0 - amount)).round().clamp(0.0, 255.0) as u8;
        let [r, g, b] = self.0;
        Colour([scale(r), scale(g), scale(b)])
    }

    /// Hue (0 to 1), saturation and lightness.
    fn hsl(self) -> (f64, f64, f64) {
        let [r, g, b] = self.0.map(|c| f64::from(c) / 255.0);
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        let l = (max + min) / 2.0;
        if max == min {
            return (0.0, 0.0, l);
        }
        let d = max - min;
        let s = if l > 0.5 {
            d / (2.0 - max - min)
        } else {
            d / (max + min)
        };
        let h = if max == r {
            (g - b) / d + if g < b { 6.0 } else { 0.0 }
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        (h / 6.0, s, l)
    }

    fn from_hsl(h: f64, s: f64, l: f64) -> Colour {
        let channel = |t: f64| {
            let q = if l < 0.5 {
                l * (1.0 + s)
            } else {
                l + s - l * s
            };
            let p = 2.0 * l - q;
            let t = t.rem_euclid(1.0);
            let v = if t < 1.0 / 6.0 {
                p + (q - p) * 6.0 * t
            } else if t < 0.5 {
                q
            } else if t < 2.0 / 3.0 {
                p + (q - p) * (2.0 / 3.0 - t) * 6.0
            } else {
                p
            };
            (v * 255.0).round().clamp(0.0, 255.0) as u8
        };
        Colour([channel(h + 1.0 / 3.0), channel(h), channel(h - 1.0 / 3.0)])
    }

    /// The colour nearest this one that has a contrast of at least `minimum` against
    /// `against`: the same hue and saturation, its lightness moved as little as it can be,
    /// lighter or darker. Black or white when nothing of its hue will do.
    pub fn nearest_passing(self, against: Colour, minimum: f64) -> Colour {
        if self.contrast(against) >= minimum {
            return self;
        }
        let (h, s, l) = self.hsl();
        let steps = 1000;
        let search = |towards: f64| {
            (1..=steps).find_map(|i| {
                let lightness = l + (towards - l) * f64::from(i) / f64::from(steps);
                let c = Colour::from_hsl(h, s, lightness);
                (c.contrast(against) >= minimum).then_some(((lightness - l).abs(), c))
            })
        };
        match (search(0.0), search(1.0)) {
            (Some(dark), Some(light)) if light.0 < dark.0 => light.1,
            (Some(dark), _) => dark.1,
            (None, Some(light)) => light.1,
            (None, None) => {
                let (black, white) = (Colour([0, 0, 0]), Colour([255, 255, 255]));
                if black.contrast(against) >= white.contrast(against) {
                    black
                } else {
                    white
                }
            }
        }
    }
}

/// The default theme's colours that the brand colours are shown against, as its stylesheet
/// (`themes/default/static/style.css`) sets them.
pub mod theme {
    use super::Colour;
    /// The page background (`--background`).
    pub const BACKGROUND: Colour = Colour([0xff, 0xff, 0xff]);
    /// The navigation's and footer's background (`--panel`).
    pub const PANEL: Colour = Colour([0xf3, 0xf2, 0xf1]);
    /// The keyboard focus highlight (`--focus`).
    pub const FOCUS: Colour = Colour([0xff, 0xdd, 0x00]);
    /// The header's background when the plan sets none (`--brand`).
    pub const PRIMARY: Colour = Colour([0x1d, 0x2d, 0x44]);
    /// The header's text when the plan sets none (`--brand-text`).
    pub const HEADER_TEXT: Colour = Colour([0xff, 0xff, 0xff]);
    /// Links when the plan sets no accent (`--link`).
    pub const ACCENT: Colour = Colour([0x1a, 0x4f, 0x9c]);
}

/// The plan's own colours, each checked; `None` where the theme's own is used.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct BrandColours {
    /// The header's background.
    pub primary: Option<Colour>,
    /// Links and current-page marks.
    pub accent: Option<Colour>,
    /// The header's text.
    pub header_text: Option<Colour>,
}

impl BrandColours {
    /// True when the plan sets none of them.
    pub fn is_empty(&self) -> bool {
        self.primary.is_none() && self.accent.is_none() && self.header_text.is_none()
    }
}

/// Reads `value`, the colour written for `key` under `brand:`: `Ok(None)` when there is no
/// such key, else the colour or what is wrong with it (as a message and a hint).
pub fn parse_colour(
    key: &str,
    value: Option<&serde_yaml::Value>,
) -> Result<Option<Colour>, (String, String)> {
    let example =
        |key: &str| format!("write it as # and six hex digits, in quotes: {key}: \"#1d2d44\"");
    let text = match value {
        None => return Ok(None),
        Some(serde_yaml::Value::String(s)) => s.trim(),
        Some(serde_yaml::Value::Null) => {
            return Err((
                format!("brand.{key} has no value: YAML reads a colour written without quotes as a comment, since it starts with #"),
                format!("put the colour in quotes: {key}: \"#1d2d44\""),
            ))
        }
        Some(_) => {
            return Err((
                format!("brand.{key} is not a colour"),
                example(key),
            ))
        }
    };
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("rgba") || lower.starts_with("hsla") || lower == "transparent" {
        return Err((
            format!("brand.{key} \"{text}\" is see-through: its contrast would depend on what is behind it"),
            format!("give a solid colour; {}", example(key)),
        ));
    }
    let Some(digits) = text.strip_prefix('#') else {
        let what = if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphabetic()) {
            format!("brand.{key} \"{text}\" is a colour name; planpress needs the exact colour")
        } else {
            format!("brand.{key} \"{text}\" is not a colour planpress can read")
        };
        return Err((what, example(key)));
    };
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err((
            format!("brand.{key} \"{text}\" is not a colour: only the digits 0-9 and the letters a-f may follow #"),
            example(key),
        ));
    }
    let full: String = match digits.len() {
        3 => digits.chars().flat_map(|c| [c, c]).collect(),
        6 => digits.to_string(),
        4 | 8 => {
            return Err((
                format!("brand.{key} \"{text}\" has an alpha channel (see-through): its contrast would depend on what is behind it"),
                format!("give a solid colour; {}", example(key)),
            ))
        }
        _ => {
            return Err((
                format!("brand.{key} \"{text}\" is not a colour: it needs three or six hex digits after #"),
                example(key),
            ))
        }
    };
    let byte = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).unwrap_or(0);
    Ok(Some(Colour([byte(0), byte(2), byte(4)])))
}

/// A contrast ratio as messages give it: truncated, never rounded up to a pass (4.49:1, not
/// 4.5:1).
pub fn ratio_text(ratio: f64) -> String {
    format!("{:.2}:1", (ratio * 100.0).floor() / 100.0)
}

/// One pair of colours the theme shows against each other.
struct Pair {
    /// The setting whose colour is the first of the pair, and what it is.
    first: (&'static str, &'static str),
    /// The second of the pair: a setting, or one of the theme's own colours.
    second: Second,
    /// The least contrast the pair needs, and the WCAG success criterion that says so.
    minimum: f64,
    criterion: &'static str,
    /// What the pair is, for the message: "text", "the keyboard focus highlight".
    role: &'static str,
}

enum Second {
    /// Another brand setting, and what it is.
    Setting(&'static str, &'static str),
    /// One of the theme's colours, and what it is.
    Theme(Colour, &'static str),
}

/// Every pair of colours the default theme derives from the brand settings.
fn pairs() -> [Pair; 4] {
    [
        Pair {
            first: ("header_text", "header text colour"),
            second: Second::Setting("primary", "primary colour"),
            minimum: 4.5,
            criterion: "1.4.3",
            role: "the plan's and the office's names in the header are text, which",
        },
        Pair {
            first: ("primary", "primary colour"),
            second: Second::Theme(theme::FOCUS, "keyboard focus highlight"),
            minimum: 3.0,
            criterion: "1.4.11",
            role: "the focus highlight of the header's link must stand out from the header, which",
        },
        Pair {
            first: ("accent", "accent colour"),
            second: Second::Theme(theme::BACKGROUND, "page background"),
            minimum: 4.5,
            criterion: "1.4.3",
            role: "links are text, which",
        },
        Pair {
            first: ("accent", "accent colour"),
            second: Second::Theme(theme::PANEL, "navigation and footer background"),
            minimum: 4.5,
            criterion: "1.4.3",
            role: "the navigation's and footer's links are text, which",
        },
    ]
}

/// Reads and checks the brand colours, reporting each problem at its line.
pub fn check(front: Option<&BrandFront>, origin: &Origin, diags: &mut Diagnostics) -> BrandColours {
    let Some(front) = front else {
        return BrandColours::default();
    };
    let mut colours = BrandColours::default();
    let mut unreadable = Vec::new();
    for (key, value, slot) in [
        ("primary", &front.primary, &mut colours.primary),
        ("accent", &front.accent, &mut colours.accent),
        ("header_text", &front.header_text, &mut colours.header_text),
    ] {
        match parse_colour(key, value.as_ref()) {
            Ok(c) => *slot = c,
            Err((message, hint)) => {
                unreadable.push(key);
                let (line, col) = origin.locate_path(&["brand", key]);
                diags.push(Diagnostic::new(&origin.display, line, col, message).with_hint(hint));
            }
        }
    }
    let value = |key: &str| match key {
        "primary" => (colours.primary, theme::PRIMARY),
        "accent" => (colours.accent, theme::ACCENT),
        _ => (colours.header_text, theme::HEADER_TEXT),
    };
    for pair in pairs() {
        let (first_key, first_name) = pair.first;
        let (set, default) = value(first_key);
        let first = set.unwrap_or(default);
        let (second, second_name, second_key) = match pair.second {
            Second::Setting(key, name) => {
                let (set, default) = value(key);
                (set.unwrap_or(default), name, Some((key, set.is_some())))
            }
            Second::Theme(c, name) => (c, name, None),
        };
        // A pair of the theme's own colours passes; a pair with an unreadable colour has
        // its own error already.
        let second_set = second_key.is_some_and(|(_, set)| set);
        if (set.is_none() && !second_set)
            || unreadable.contains(&first_key)
            || second_key.is_some_and(|(k, _)| unreadable.contains(&k))
        {
            continue;
        }
        let ratio = first.contrast(second);
        if ratio >= pair.minimum {
            continue;
        }
        // The setting named is the first when the plan sets it, else the second.
        let (key, name, colour, other, other_name) = match (set.is_some(), second_key) {
            (false, Some((k, _))) => (k, second_name, second, first, first_name),
            _ => (first_key, first_name, first, second, second_name),
        };
        let nearest = colour.nearest_passing(other, pair.minimum);
        let mut hint = format!("the nearest {name} that passes is \"{}\"", nearest.hex());
        if let Some((other_key, true)) = second_key.filter(|(k, _)| *k != key) {
            let theirs = other.nearest_passing(colour, pair.minimum);
            hint.push_str(&format!(
                "; or keep it and make {other_key} \"{}\"",
                theirs.hex()
            ));
        } else if key != first_key {
            let theirs = other.nearest_passing(colour, pair.minimum);
            hint.push_str(&format!("; or set {first_key} to \"{}\"", theirs.hex()));
        }
        let (line, col) = origin.locate_path(&["brand", key]);
        diags.push(
            Diagnostic::new(
                &origin.display,
                line,
                col,
                format!(
                    "brand.{key}: the {name} {} against the {other_name} {} has a contrast of {}; {} needs at least {}:1 (WCAG 2.2, {})",
                    colour.hex(),
                    other.hex(),
                    ratio_text(ratio),
                    pair.role,
                    pair.minimum,
                    pair.criterion
                ),
            )
            .with_hint(hint),
        );
    }
    colours
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colour(s: &str) -> Colour {
        parse_colour("primary", Some(&serde_yaml::Value::String(s.into())))
            .unwrap()
            .unwrap()
    }

    #[test]
    fn contrast_is_wcag_s_ratio() {
        let (black, white) = (colour("#000"), colour("#ffffff"));
        assert!((black.contrast(white) - 21.0).abs() < 1e-9);
        assert!((white.contrast(white) - 1.0).abs() < 1e-9);
        // Known values: #767676 on white is the palest grey that passes 4.5:1.
        assert_eq!(ratio_text(colour("#767676").contrast(white)), "4.54:1");
        assert_eq!(ratio_text(colour("#777777").contrast(white)), "4.47:1");
        assert_eq!(ratio_text(4.4999), "4.49:1");
    }

    #[test]
    fn colours_are_read_as_hex_and_everything_else_is_refused_with_a_reason() {
        assert_eq!(colour("#1D2d44").hex(), "#1d2d44");
        assert_eq!(colour("#abc").hex(), "#aabbcc");
        let refuse = |v: serde_yaml::Value| parse_colour("accent", Some(&v)).unwrap_err().0;
        let s = |t: &str| serde_yaml::Value::String(t.into());
        assert!(refuse(serde_yaml::Value::Null).contains("comment"));
        assert!(refuse(s("navy")).contains("colour name"));
        assert!(refuse(s("#11223344")).contains("alpha"));
        assert!(refuse(s("#1234")).contains("alpha"));
        assert!(refuse(s("rgba(0,0,0,0.5)")).contains("see-through"));
        assert!(refuse(s("transparent")).contains("see-through"));
        assert!(refuse(s("rgb(1,2,3)")).contains("not a colour"));
        assert!(refuse(s("#12345")).contains("three or six"));
        assert!(refuse(s("#gggggg")).contains("0-9"));
        assert!(refuse(s("")).contains("not a colour"));
        assert!(refuse(serde_yaml::Value::Number(123456.into())).contains("not a colour"));
        assert_eq!(parse_colour("accent", None), Ok(None));
    }

    #[test]
    fn the_nearest_passing_colour_passes_keeps_its_hue_and_moves_the_least() {
        let white = theme::BACKGROUND;
        for start in [
            "#ff9900", "#3399ff", "#888888", "#ffee00", "#00ff00", "#ffffff",
        ] {
            let c = colour(start);
            let n = c.nearest_passing(white, 4.5);
            assert!(n.contrast(white) >= 4.5, "{start} -> {}", n.hex());
            // Darker, on white, and no darker than needed: one step lighter fails.
            assert!(n.luminance() < c.luminance(), "{start} -> {}", n.hex());
        }
        // On a dark background the nearest is lighter.
        let navy = colour("#1d2d44");
        let n = colour("#445566").nearest_passing(navy, 4.5);
        assert!(n.luminance() > colour("#445566").luminance());
        assert!(n.contrast(navy) >= 4.5);
        // A colour that passes is its own nearest.
        assert_eq!(navy.nearest_passing(white, 4.5), navy);
        // Hue is kept: an orange stays orange (red above green above blue).
        let [r, g, b] = colour("#ff9900").nearest_passing(white, 4.5).0;
        assert!(r > g && g > b, "{r} {g} {b}");
    }

    #[test]
    fn the_theme_constants_are_the_default_stylesheet_s() {
        let css = include_str!("../../themes/default/static/style.css");
        for (var, c) in [
            ("--background", theme::BACKGROUND),
            ("--panel", theme::PANEL),
            ("--focus", theme::FOCUS),
            ("--brand", theme::PRIMARY),
            ("--brand-text", theme::HEADER_TEXT),
            ("--link", theme::ACCENT),
        ] {
            assert!(css.contains(&format!("{var}: {};", c.hex())), "{var}");
        }
    }
}
