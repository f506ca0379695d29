//! An image file's bytes, read for what they are rather than what the file is called.
//!
//! Only PNG, JPEG, WebP and SVG are accepted, each recognised by its content. Raster images
//! are read as far as their size (the `imagesize` crate); PNG files are also walked chunk by
//! chunk, each chunk's checksum checked, and every chunk dropped that a picture does not need
//! to be shown (text, which may be compressed many times over; metadata; embedded colour
//! profiles), so a file whose pixels are small cannot make a reader's browser or the
//! typesetter inflate megabytes of hidden data. SVG is parsed as XML (`roxmltree`, which
//! bounds entity expansion) and written out again from an allow-list of drawing elements:
//! no scripts, no event handlers, no `foreignObject`, no animation, and no reference to any
//! other file or host (`href`, `xlink:href`, `url(...)` in styles, `@import`), only to
//! elements within the image itself (`#id`). What was taken out is reported, so the author
//! can see why a part of a drawing is missing.

use std::fmt::Write as _;

/// The largest image file read at all (the loader reads no more).
pub const MAX_IMAGE_BYTES: usize = crate::load::MAX_IMAGE_BYTES as usize;

/// The largest width or height, in pixels, an image may have.
pub const MAX_IMAGE_SIDE: u64 = 10_000;

/// The most pixels an image may have: the typesetter decodes rasters whole, at four bytes a
/// pixel, so this bounds its memory (160 MB).
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;

/// How deeply an SVG's elements may nest: real drawings nest a few levels; the limit keeps
/// a hostile file from exhausting the stack of anything that walks it.
pub const MAX_SVG_DEPTH: usize = 64;

/// What kind of image a file is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageKind {
    /// Portable Network Graphics.
    Png,
    /// JPEG.
    Jpeg,
    /// WebP.
    Webp,
    /// Scalable Vector Graphics.
    Svg,
}

impl ImageKind {
    /// The file extension the published copy gets.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
            ImageKind::Webp => "webp",
            ImageKind::Svg => "svg",
        }
    }

    /// The format's name for readers: "PNG".
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Png => "PNG",
            ImageKind::Jpeg => "JPEG",
            ImageKind::Webp => "WebP",
            ImageKind::Svg => "SVG",
        }
    }

    /// Its media type.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Webp => "image/webp",
            ImageKind::Svg => "image/svg+xml",
        }
    }
}

/// An image read and made safe to publish.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedImage {
    /// What it is.
    pub kind: ImageKind,
    /// Its width in CSS pixels.
    pub width: u64,
    /// Its height in CSS pixels.
    pub height: u64,
    /// The bytes to publish: the file as it was, less what was taken out.
    pub bytes: Vec<u8>,
    /// What was taken out of an SVG, in words, one entry per kind of thing.
    pub removed: Vec<String>,
}

/// Reads `bytes` as an image: what it is, its size, and the bytes to publish; or what is
/// wrong with it, in words that complete "the image ...".
pub fn check(bytes: &[u8]) -> Result<CheckedImage, String> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "is larger than {} MB, too large to publish",
            MAX_IMAGE_BYTES / 1024 / 1024
        ));
    }
    let checked = match sniff(bytes) {
        Some(ImageKind::Svg) => svg(bytes)?,
        Some(ImageKind::Png) => {
            let (width, height) = raster_size(bytes)?;
            CheckedImage {
                kind: ImageKind::Png,
                width,
                height,
                bytes: png_essentials(bytes)?,
                removed: Vec::new(),
            }
        }
        Some(kind) => {
            let (width, height) = raster_size(bytes)?;
            CheckedImage {
                kind,
                width,
                height,
                bytes: bytes.to_vec(),
                removed: Vec::new(),
            }
        }
        None => return Err(not_an_image(bytes)),
    };
    if checked.width == 0 || checked.height == 0 {
        return Err("has no size (its width or height is 0)".to_string());
    }
    if checked.width > MAX_IMAGE_SIDE
        || checked.height > MAX_IMAGE_SIDE
        || checked.width * checked.height > MAX_IMAGE_PIXELS
    {
        return Err(format!(
            "is {} by {} pixels, more than planpress publishes (at most {MAX_IMAGE_SIDE} pixels a side and {} million in all)",
            checked.width,
            checked.height,
            MAX_IMAGE_PIXELS / 1_000_000
        ));
    }
    Ok(checked)
}

/// The kind of image `bytes` hold, from their first bytes (and, for SVG, from being XML with
/// an `svg` root, which [`svg`] checks).
fn sniff(bytes: &[u8]) -> Option<ImageKind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(ImageKind::Jpeg)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(ImageKind::Webp)
    } else {
        let text = std::str::from_utf8(bytes).ok()?;
        let text = text.trim_start_matches('\u{feff}').trim_start();
        (text.starts_with('<') && text.contains("<svg")).then_some(ImageKind::Svg)
    }
}

/// What a file that is none of the four kinds seems to be, as a complaint.
fn not_an_image(bytes: &[u8]) -> String {
    let what = if bytes.starts_with(b"GIF8") {
        "a GIF"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF"
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        "an AVIF or HEIC (or other ISO media) file"
    } else if bytes.starts_with(b"BM") {
        "a BMP"
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        "a TIFF"
    } else if bytes.is_empty() {
        "empty"
    } else {
        "not an image planpress can read"
    };
    format!("is {what}: only PNG, JPEG, WebP and SVG images are published, whatever the file is called; save it as one of those")
}

/// A raster image's width and height, read from its header.
fn raster_size(bytes: &[u8]) -> Result<(u64, u64), String> {
    let size = imagesize::blob_size(bytes)
        .map_err(|e| format!("cannot be read as an image ({e}); it may be damaged"))?;
    Ok((size.width as u64, size.height as u64))
}

/// The chunks of a PNG needed to show it as it looks: the header, palette, transparency,
/// colour space and pixel data, and the animation chunks of an APNG; every other chunk (text,
/// compressed text, EXIF and other metadata, embedded ICC profiles) is dropped. Each chunk's
/// checksum is checked, so a damaged file is refused rather than published.
fn png_essentials(bytes: &[u8]) -> Result<Vec<u8>, String> {
    const KEEP: &[&[u8; 4]] = &[
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"pHYs",
        b"acTL", b"fcTL", b"fdAT",
    ];
    let mut out = bytes[..8].to_vec();
    let mut at = 8;
    let mut ended = false;
    while at < bytes.len() {
        let header = bytes
            .get(at..at + 8)
            .ok_or("is a PNG cut short (a chunk's header is missing)")?;
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind: [u8; 4] = [header[4], header[5], header[6], header[7]];
        let end = at
            .checked_add(12)
            .and_then(|e| e.checked_add(length))
            .filter(|&e| e <= bytes.len())
            .ok_or("is a PNG cut short (a chunk runs past the end of the file)")?;
        let stored = u32::from_be_bytes([
            bytes[end - 4],
            bytes[end - 3],
            bytes[end - 2],
            bytes[end - 1],
        ]);
        if crc32fast::hash(&bytes[at + 4..end - 4]) != stored {
            return Err(format!(
                "is a damaged PNG (the checksum of its {} chunk is wrong)",
                String::from_utf8_lossy(&kind)
            ));
        }
        if at == 8 && &kind != b"IHDR" {
            return Err("is a damaged PNG (it does not start with its header)".to_string());
        }
        if KEEP.contains(&&kind) {
            out.extend_from_slice(&bytes[at..end]);
        }
        at = end;
        if &kind == b"IEND" {
            ended = true;
            break;
        }
    }
    if !ended {
        return Err("is a PNG cut short (it has no end chunk)".to_string());
    }
    Ok(out)
}

/// The SVG elements kept: shapes, text, structure, paint servers, clipping, masking and
/// filters. Anything else (scripts, `foreignObject`, animation, `a`, `iframe`, unknown
/// elements and elements of other namespaces such as an editor's own) is dropped, with what it
/// holds.
const SVG_ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "marker",
    "style",
    "switch",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
    "image",
];

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Reads an SVG and writes it out again with only what [`SVG_ELEMENTS`] allows, attributes
/// that neither run code nor refer outside the image, and no DOCTYPE, comments or
/// processing instructions.
fn svg(bytes: &[u8]) -> Result<CheckedImage, String> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| "is an SVG that is not UTF-8 text".to_string())?;
    let text = text.trim_start_matches('\u{feff}');
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: 200_000,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| format!("is an SVG that is not well-formed XML ({e})"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return Err(
            "is XML but not an SVG image (its root is not an svg element in the SVG namespace)"
                .to_string(),
        );
    }
    let (width, height) = svg_size(&root)?;
    let mut removed: std::collections::BTreeMap<String, usize> = Default::default();
    let mut out = String::with_capacity(text.len());
    // Depth-first without recursion: (node, depth, closing?).
    let mut stack: Vec<(roxmltree::Node, usize, bool)> = vec![(root, 0, false)];
    while let Some((node, depth, closing)) = stack.pop() {
        if closing {
            let _ = write!(out, "</{}>", node.tag_name().name());
            continue;
        }
        if node.is_text() {
            out.push_str(&escape_text(node.text().unwrap_or("")));
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        if node.tag_name().namespace() != Some(SVG_NS) || !SVG_ELEMENTS.contains(&name) {
            *removed.entry(format!("<{name}> element")).or_default() += 1;
            continue;
        }
        if depth >= MAX_SVG_DEPTH {
            return Err(format!(
                "is an SVG whose elements nest more than {MAX_SVG_DEPTH} deep"
            ));
        }
        if name == "style" {
            let css: String = node.children().filter_map(|c| c.text()).collect();
            if let Some(why) = unsafe_css(&css) {
                *removed
                    .entry(format!("<style> element ({why})"))
                    .or_default() += 1;
                continue;
            }
        }
        let _ = write!(out, "<{name}");
        if depth == 0 {
            out.push_str(" xmlns=\"http://www.w3.org/2000/svg\"");
            if node
                .descendants()
                .any(|n| n.attributes().any(|a| a.namespace() == Some(XLINK_NS)))
            {
                out.push_str(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
            }
        }
        for attr in node.attributes() {
            match attribute(name, &attr) {
                Ok(Some(written)) => out.push_str(&written),
                Ok(None) => {}
                Err(what) => *removed.entry(what).or_default() += 1,
            }
        }
        let children: Vec<roxmltree::Node> = node.children().collect();
        if children.is_empty() {
            out.push_str("/>");
            continue;
        }
        out.push('>');
        stack.push((node, depth, true));
        for child in children.into_iter().rev() {
            stack.push((child, depth + 1, false));
        }
    }
    out.push('\n');
    Ok(CheckedImage {
        kind: ImageKind::Svg,
        width,
        height,
        bytes: out.into_bytes(),
        removed: removed
            .into_iter()
            .map(|(what, n)| {
                if n == 1 {
                    format!("a {what}")
                } else {
                    format!("{n} × {what}")
                }
            })
            .collect(),
    })
}

/// An attribute as written out again, `None` for one left out quietly (a namespace
/// declaration, written anew), or what it was when it is taken out.
fn attribute(element: &str, attr: &roxmltree::Attribute) -> Result<Option<String>, String> {
    let name = attr.name();
    let value = attr.value();
    let written = match attr.namespace() {
        None => name.to_string(),
        Some(XLINK_NS) if name == "href" => "xlink:href".to_string(),
        Some(XML_NS) if name == "space" || name == "lang" => format!("xml:{name}"),
        Some(_) => return Err(format!("{name} attribute of another namespace")),
    };
    if name.to_ascii_lowercase().starts_with("on") {
        return Err(format!("{name} attribute (a script)"));
    }
    if name == "href" {
        let reference = value.trim();
        let embedded_raster = element == "image"
            && [
                "data:image/png;base64,",
                "data:image/jpeg;base64,",
                "data:image/webp;base64,",
            ]
            .iter()
            .any(|p| reference.to_ascii_lowercase().starts_with(p));
        if !(reference.starts_with('#') || embedded_raster) {
            return Err(format!("{written} attribute that refers outside the image"));
        }
    }
    if let Some(why) = unsafe_css(value) {
        return Err(format!("{name} attribute ({why})"));
    }
    Ok(Some(format!(" {written}=\"{}\"", escape_attribute(value))))
}

/// Why a piece of CSS (a `<style>` element, a `style` or presentation attribute) cannot be
/// kept, if it cannot: it loads something (`@import`, `url(...)` to anything but an element
/// of the image) or runs code.
fn unsafe_css(css: &str) -> Option<&'static str> {
    let lower: String = css
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\\')
        .flat_map(char::to_lowercase)
        .collect();
    if lower.contains("@import") {
        return Some("it imports another file");
    }
    if lower.contains("javascript:") || lower.contains("expression(") {
        return Some("it runs code");
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target = rest.trim_start_matches(['"', '\'']);
        if !target.starts_with('#') {
            return Some("it refers outside the image");
        }
    }
    None
}

/// An SVG's size in CSS pixels: its `width` and `height` when they are lengths, else its
/// `viewBox`'s, scaled to the one length given.
fn svg_size(root: &roxmltree::Node) -> Result<(u64, u64), String> {
    let length = |name: &str| root.attribute(name).and_then(css_pixels);
    let view_box: Option<(f64, f64)> = root.attribute("viewBox").and_then(|v| {
        let numbers: Vec<f64> = v
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|p| !p.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        match numbers[..] {
            [_, _, w, h] if w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite() => Some((w, h)),
            _ => None,
        }
    });
    let (w, h) = match (length("width"), length("height"), view_box) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some(size)) => size,
        _ => {
            return Err("is an SVG that gives no size: give its svg element a viewBox (or a width and a height)".to_string())
        }
    };
    if !(w.is_finite() && h.is_finite()) || w > MAX_IMAGE_SIDE as f64 || h > MAX_IMAGE_SIDE as f64 {
        return Err(format!(
            "is an SVG larger than {MAX_IMAGE_SIDE} pixels a side; give it a smaller width and height (its viewBox can stay as it is)"
        ));
    }
    Ok((w.round().max(1.0) as u64, h.round().max(1.0) as u64))
}

/// A CSS length in pixels, for the units an SVG's size is written in; `None` for percentages
/// and anything else.
fn css_pixels(value: &str) -> Option<f64> {
    let value = value.trim();
    let split = value
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%')
        .len();
    let number: f64 = value[..split].trim().parse().ok()?;
    let scale = match &value[split..] {
        "" | "px" => 1.0,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        "in" => 96.0,
        "cm" => 96.0 / 2.54,
        "mm" => 96.0 / 25.4,
        "em" => 16.0,
        _ => return None,
    };
    (number > 0.0).then_some(number * scale)
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `width` by `height` pixels, with the chunks `extra` (type, data) after its
    /// header; its pixel data is not meant to decode.
    pub(crate) fn png(width: u32, height: u32, extra: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8; 4], data: &[u8]| {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut body = kind.to_vec();
            body.extend_from_slice(data);
            out.extend_from_slice(&body);
            out.extend_from_slice(&crc32fast::hash(&body).to_be_bytes());
        };
        let mut ihdr = width.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        chunk(b"IHDR", &ihdr);
        for (kind, data) in extra {
            chunk(kind, data);
        }
        chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        chunk(b"IEND", &[]);
        out
    }

    #[test]
    fn images_are_known_by_their_content_not_their_name() {
        let p = check(&png(40, 30, &[])).unwrap();
        assert_eq!((p.kind, p.width, p.height), (ImageKind::Png, 40, 30));
        for (bytes, says) in [
            (b"GIF89a\x01\x00\x01\x00".to_vec(), "a GIF"),
            (b"%PDF-1.7".to_vec(), "a PDF"),
            (b"<html><body>hi</body></html>".to_vec(), "not an image"),
            (b"".to_vec(), "empty"),
            (b"\x00\x00\x00\x1cftypavif".to_vec(), "AVIF"),
        ] {
            let err = check(&bytes).unwrap_err();
            assert!(err.contains(says), "{err}");
        }
    }

    #[test]
    fn png_metadata_and_compressed_text_are_dropped_and_damage_is_refused() {
        let bomb = vec![0u8; 4096];
        let with = png(
            10,
            10,
            &[
                (b"zTXt", &bomb),
                (b"tEXt", b"Author\0Me"),
                (b"eXIf", b"MM"),
                (b"iCCP", b"x"),
            ],
        );
        let checked = check(&with).unwrap();
        assert_eq!(checked.bytes, png(10, 10, &[]));
        let mut damaged = png(10, 10, &[]);
        let at = damaged.len() - 20;
        damaged[at] ^= 0xff;
        assert!(check(&damaged).unwrap_err().contains("damaged"));
        let whole = png(10, 10, &[]);
        assert!(check(&whole[..whole.len() - 12])
            .unwrap_err()
            .contains("cut short"));
        assert!(check(&whole[..30]).unwrap_err().contains("cut short"));
    }

    #[test]
    fn huge_dimensions_are_refused_before_anything_decodes_them() {
        assert!(check(&png(20_000, 10, &[]))
            .unwrap_err()
            .contains("20000 by 10 pixels"));
        assert!(check(&png(9_000, 9_000, &[]))
            .unwrap_err()
            .contains("million"));
        assert!(check(&png(0, 10, &[])).is_err());
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="1e9" height="10"/>"#;
        assert!(check(svg).unwrap_err().contains("larger than"));
    }

    fn clean(svg: &str) -> CheckedImage {
        check(svg.as_bytes()).unwrap()
    }

    #[test]
    fn svg_loses_scripts_foreign_objects_handlers_and_outside_references() {
        let c = clean(
            r##"<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY x "ok">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 100 50" onload="alert(1)" inkscape:version="1">
<script>alert(1)</script>
<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/></foreignObject>
<style>@import url(https://evil.example/x.css); rect { fill: red }</style>
<style>.a { fill: url(#g) }</style>
<a href="https://evil.example/"><text>link</text></a>
<use href="https://evil.example/sprite.svg#icon"/>
<use xlink:href="#shape"/>
<image href="https://evil.example/pixel.png" width="1" height="1"/>
<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="1" height="1"/>
<rect id="shape" width="10" height="10" fill="url(https://evil.example/#p)" style="fill: url('#g')"/>
<circle r="4" style="background: url(//evil.example/x)"/>
<animate attributeName="href" to="javascript:alert(1)"/>
<set attributeName="onmouseover" to="alert(1)"/>
<text>&x; &amp; &lt;</text>
</svg>"##,
        );
        let out = String::from_utf8(c.bytes.clone()).unwrap();
        for gone in [
            "script",
            "alert",
            "foreignObject",
            "iframe",
            "evil",
            "@import",
            "onload",
            "inkscape",
            "DOCTYPE",
            "<a",
            "animate",
            "<set",
            "svg+xml",
        ] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
        for kept in [
            r##"<use xlink:href="#shape"/>"##,
            "fill: url('#g')",
            ".a { fill: url(#g) }",
            "<text>ok &amp; &lt;</text>",
            r#"viewBox="0 0 100 50""#,
        ] {
            assert!(out.contains(kept), "{kept} not in {out}");
        }
        assert_eq!((c.width, c.height), (100, 50));
        assert!(
            c.removed.iter().any(|r| r.contains("<script>")),
            "{:?}",
            c.removed
        );
        // What it writes is an SVG that reads back as one, and cleans to itself.
        let again = clean(&out);
        assert_eq!(again.bytes, c.bytes);
        assert!(again.removed.is_empty());
    }

    #[test]
    fn svg_sizes_come_from_width_height_or_the_view_box() {
        let size = |attrs: &str| {
            check(format!(r#"<svg xmlns="http://www.w3.org/2000/svg" {attrs}/>"#).as_bytes())
                .map(|c| (c.width, c.height))
        };
        assert_eq!(size(r#"width="120" height="60""#), Ok((120, 60)));
        assert_eq!(size(r#"width="120px" viewBox="0 0 10 5""#), Ok((120, 60)));
        assert_eq!(
            size(r#"width="100%" viewBox="0,0,300,150""#),
            Ok((300, 150))
        );
        assert_eq!(size(r#"width="72pt" height="36pt""#), Ok((96, 48)));
        assert!(size(r#"width="100%""#).unwrap_err().contains("viewBox"));
        assert!(size(r#"viewBox="0 0 -1 5""#).is_err());
        // Not SVG at all, or not well formed.
        assert!(check(b"<svg><g></svg>")
            .unwrap_err()
            .contains("well-formed"));
        assert!(check(br#"<svg viewBox="0 0 1 1"/>"#)
            .unwrap_err()
            .contains("namespace"));
    }

    #[test]
    fn entity_expansion_and_deep_nesting_are_bounded() {
        let mut lol =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">");
        for i in 1..10 {
            let prev = if i == 1 {
                "a".to_string()
            } else {
                format!("a{}", i - 1)
            };
            let _ = write!(lol, "<!ENTITY a{i} \"{}\">", format!("&{prev};").repeat(10));
        }
        lol.push_str("]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><text>&a9;</text></svg>");
        let start = std::time::Instant::now();
        assert!(check(lol.as_bytes()).is_err());
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        let deep = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">{}{}</svg>",
            "<g>".repeat(5000),
            "</g>".repeat(5000)
        );
        assert!(check(deep.as_bytes()).is_err());
    }
}
