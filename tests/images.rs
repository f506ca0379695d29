//! Images in the plan, with hostile files: each is known by its content, checked, made safe or
//! refused with a message at the line that uses it.

mod common;

use std::fs;

use common::Site;

const FIXTURE: &str = "tests/fixtures/publish/content";

/// The publishing fixture with `markdown` added to the about page's text.
fn with_text(markdown: &str) -> Site {
    let site = Site::from_content(FIXTURE);
    let about = site.path("content/about.md");
    let text = fs::read_to_string(&about).unwrap();
    fs::write(&about, format!("{text}\n{markdown}\n")).unwrap();
    site
}

/// `planpress check`: whether it passed, and its standard error.
fn check(site: &Site) -> (bool, String) {
    let out = site.run(&["check"]);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The 1-based line of the about page holding `needle`.
fn line_of(site: &Site, needle: &str) -> usize {
    fs::read_to_string(site.path("content/about.md"))
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

/// A PNG of `width` by `height` whose pixels are not meant to be shown.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32fast::hash(&body).to_be_bytes());
    };
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    chunk(b"IEND", &[]);
    out
}

#[test]
fn every_rule_for_an_image_is_an_error_at_the_line_that_breaks_it() {
    let cases: &[(&str, &str)] = &[
        (
            "![](images/patrols.png)",
            "has no description (alternative text)",
        ),
        ("![   ](images/patrols.png)", "has no description"),
        (
            "![Bars](images/patrols.png \"decorative\")",
            "is marked \"decorative\" but has a description",
        ),
        (
            "![Bars](images/patrols.png \"Hover text\")",
            "has a title (\"Hover text\")",
        ),
        (
            "![Bars](images/nothing.png)",
            "there is no image \"images/nothing.png\"",
        ),
        (
            "![Bars](images/patrol.png)",
            "did you mean \"images/patrols.png\"?",
        ),
        (
            "![Bars](images/../_index.md)",
            "not a plain path inside the images/ folder",
        ),
        (
            "![Bars](../images/patrols.png)",
            "is not in the images/ folder",
        ),
        ("![Bars](patrols.png)", "is not in the images/ folder"),
        ("![Bars](file:///etc/passwd)", "is not a file of the plan"),
        (
            "![Bars](data:image/png;base64,iVBORw0KGgo=)",
            "is not a file of the plan",
        ),
        (
            "![Bars](https://tracker.example/p.png)",
            "is on another website",
        ),
        (
            "Some text ![Bars](images/patrols.png) in a sentence.",
            "is not a paragraph of its own",
        ),
        (
            "- ![Bars](images/patrols.png)",
            "is not a paragraph of its own",
        ),
        (
            "[![Bars](images/patrols.png)](/glossary/)",
            "is not a paragraph of its own",
        ),
        (
            "> ![Bars](images/patrols.png)",
            "is not a paragraph of its own",
        ),
        (
            "| a |\n|---|\n| ![Bars](images/patrols.png) |",
            "is not a paragraph of its own",
        ),
        (
            "![Bars](images/patrols.png)\n![Bars](images/areas.svg)",
            "is not a paragraph of its own",
        ),
    ];
    for (markdown, says) in cases {
        let site = with_text(markdown);
        let (ok, err) = check(&site);
        assert!(!ok, "{markdown}");
        // At the line of the (first) image.
        let image_line = markdown.lines().find(|l| l.contains("![")).unwrap();
        let at = format!("content/about.md:{}:", line_of(&site, image_line));
        assert!(err.contains(says), "{markdown}: {err}");
        assert!(err.contains(&at), "{markdown}: not at {at}: {err}");
    }
    // And the right ways pass: described, and decorative.
    let site =
        with_text("![Bars rising](images/patrols.png)\n\n![](images/rule.svg \"decorative\")");
    assert_eq!(check(&site), (true, String::new()));
}

#[test]
fn a_file_is_known_by_its_content_and_the_wrong_kind_or_a_damaged_one_is_refused() {
    let cases: &[(&str, Vec<u8>, &str)] = &[
        (
            "gif.png",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            "is a GIF",
        ),
        (
            "page.svg",
            b"<html><script>alert(1)</script></html>".to_vec(),
            "not an image planpress can read",
        ),
        (
            "text.jpg",
            b"just some words".to_vec(),
            "not an image planpress can read",
        ),
        (
            "huge.png",
            png_header(100_000, 100_000),
            "100000 by 100000 pixels",
        ),
        (
            "wide.png",
            png_header(12_000, 2),
            "more than planpress publishes",
        ),
        ("zero.png", png_header(0, 10), "has no size"),
        (
            "bad.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>".to_vec(),
            "not well-formed XML",
        ),
        (
            "nosize.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(),
            "gives no size",
        ),
        ("empty.png", Vec::new(), "is empty"),
    ];
    for (name, bytes, says) in cases {
        let site = with_text(&format!("![A picture](images/{name})"));
        fs::write(site.path(&format!("content/images/{name}")), bytes).unwrap();
        let (ok, err) = check(&site);
        assert!(!ok, "{name}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(
            err.contains(&format!("the image \"images/{name}\"")),
            "{name}: {err}"
        );
    }
    // A file that is not a good image stops nothing while no page uses it.
    let site = Site::from_content(FIXTURE);
    fs::write(site.path("content/images/notes.txt"), "a note").unwrap();
    fs::write(
        site.path("content/images/huge.png"),
        png_header(100_000, 100_000),
    )
    .unwrap();
    assert_eq!(check(&site), (true, String::new()));
}

#[test]
fn a_damaged_or_bomb_carrying_png_is_refused_or_emptied_of_what_it_hides() {
    // A chunk whose checksum is wrong.
    let mut damaged = fs::read(common::repo().join(FIXTURE).join("images/patrols.png")).unwrap();
    let at = damaged.len() - 20;
    damaged[at] ^= 0x55;
    let site = with_text("![Bars](images/damaged.png)");
    fs::write(site.path("content/images/damaged.png"), &damaged).unwrap();
    let (ok, err) = check(&site);
    assert!(!ok && err.contains("is a damaged PNG"), "{err}");

    // Compressed text that would inflate to 64 MB is dropped from the published copy.
    let original = fs::read(common::repo().join(FIXTURE).join("images/patrols.png")).unwrap();
    let bomb = {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![b'a'; 64 * 1024 * 1024]).unwrap();
        let mut data = b"Comment\0\0".to_vec();
        data.extend(z.finish().unwrap());
        data
    };
    let mut chunk = (bomb.len() as u32).to_be_bytes().to_vec();
    let mut body = b"zTXt".to_vec();
    body.extend(&bomb);
    chunk.extend(&body);
    chunk.extend(crc32fast::hash(&body).to_be_bytes());
    let mut with_bomb = original[..33].to_vec();
    with_bomb.extend(chunk);
    with_bomb.extend(&original[33..]);
    let site = with_text("![Bars rising](images/bomb.png)");
    fs::write(site.path("content/images/bomb.png"), &with_bomb).unwrap();
    let out = site.run(&["build", "--out", "public", "--no-audio", "--no-braille"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let published: Vec<_> = fs::read_dir(site.path("public/images"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("bomb.")
        })
        .collect();
    assert_eq!(published.len(), 1);
    let bytes = fs::read(&published[0]).unwrap();
    assert!(!bytes.windows(4).any(|w| w == b"zTXt" || w == b"tEXt"));
    assert!(
        bytes.len() < original.len(),
        "the fixture's own tEXt is gone too"
    );
}

#[test]
fn an_svg_is_published_without_scripts_or_references_to_anything_outside_it() {
    let hostile = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100" onload="fetch('https://evil.example/')">
<script>document.location='https://evil.example/'</script>
<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><img src="https://evil.example/x.png"/></body></foreignObject>
<image xlink:href="https://evil.example/track.png" width="10" height="10"/>
<use href="other.svg#a"/>
<style>@import url("https://evil.example/a.css");</style>
<rect width="100" height="100" fill="url(https://evil.example/#p)" style="fill:#0b6e4f"/>
<a xlink:href="javascript:alert(1)"><circle r="10"/></a>
<set attributeName="onclick" to="alert(1)"/>
</svg>"##;
    let site = with_text("![A green square](images/hostile.svg)");
    fs::write(site.path("content/images/hostile.svg"), hostile).unwrap();
    let out = site.run(&[
        "build",
        "--out",
        "public",
        "--no-audio",
        "--no-braille",
        "--no-large-print",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        warnings.contains("hostile.svg: taken out to publish it safely")
            && warnings.contains("<script> element"),
        "{warnings}"
    );
    let file = fs::read_dir(site.path("public/images"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("hostile.")
        })
        .unwrap();
    let svg = fs::read_to_string(&file).unwrap();
    for gone in [
        "evil",
        "script",
        "foreignObject",
        "onload",
        "javascript",
        "other.svg",
        "@import",
        "<set",
        "<a",
    ] {
        assert!(!svg.contains(gone), "{gone}: {svg}");
    }
    assert!(svg.contains("style=\"fill:#0b6e4f\""), "{svg}");
    // It still reads as an SVG.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
}

#[test]
fn links_and_paths_that_leave_the_content_folder_are_refused() {
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.png"), png_header(2, 2)).unwrap();
        let site = with_text("![A secret](images/secret.png)");
        std::os::unix::fs::symlink(
            outside.path().join("secret.png"),
            site.path("content/images/secret.png"),
        )
        .unwrap();
        let (ok, err) = check(&site);
        assert!(
            !ok && err.contains("points outside the content folder"),
            "{err}"
        );
        // A link within the content folder is followed.
        let site = with_text("![Bars rising](images/again.png)");
        std::os::unix::fs::symlink("patrols.png", site.path("content/images/again.png")).unwrap();
        assert_eq!(check(&site), (true, String::new()));
    }
}

#[test]
fn a_large_image_is_published_with_a_warning_giving_its_size() {
    let site = with_text("![Bars rising](images/big.png)");
    let mut big = fs::read(common::repo().join(FIXTURE).join("images/patrols.png")).unwrap();
    // A private chunk of 600 KB (dropped from the published copy, but the author's file is
    // that large).
    let data = vec![7u8; 600 * 1024];
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = b"prVt".to_vec();
    body.extend(&data);
    chunk.extend(&body);
    chunk.extend(crc32fast::hash(&body).to_be_bytes());
    let mut with = big[..33].to_vec();
    with.extend(chunk);
    with.extend(&big[33..]);
    big = with;
    fs::write(site.path("content/images/big.png"), &big).unwrap();
    let out = site.run(&[
        "build",
        "--out",
        "public",
        "--no-audio",
        "--no-braille",
        "--no-large-print",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("big.png is 601 KB, larger than the 500 KB an image on a web page should be"),
        "{stderr}"
    );
}

#[test]
fn the_logo_must_be_an_svg_or_png_of_the_images_folder_with_alternative_text() {
    for (from, to, says) in [
        (
            "    alt: Office of the Police and Crime Commissioner for Eastmoor\n",
            "",
            "the logo has no alternative text",
        ),
        (
            "src: images/logo.svg",
            "src: images/none.svg",
            "there is no image images/none.svg for the logo",
        ),
        (
            "src: images/logo.svg",
            "src: logo.svg",
            "is not in the images/ folder",
        ),
        (
            "src: images/logo.svg",
            "src: https://example.org/logo.svg",
            "is not a file of the plan",
        ),
    ] {
        let site = Site::from_content(FIXTURE);
        site.edit("content/_index.md", from, to);
        let (ok, err) = check(&site);
        assert!(!ok && err.contains(says), "{to}: {err}");
        assert!(err.contains("content/_index.md:"), "{err}");
    }
    // A JPEG is no logo.
    let site = Site::from_content(FIXTURE);
    fs::write(
        site.path("content/images/logo.jpg"),
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xc0\x00\x11\x08\x00\x10\x00\x20\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9",
    )
    .unwrap();
    site.edit(
        "content/_index.md",
        "src: images/logo.svg",
        "src: images/logo.jpg",
    );
    let (ok, err) = check(&site);
    assert!(
        !ok && err.contains("a logo must be an SVG or a PNG"),
        "{err}"
    );
}

#[test]
fn the_diff_names_images_by_path_and_description_and_reports_a_changed_picture() {
    let old = Site::from_content(FIXTURE);
    let new = Site::from_content(FIXTURE);
    // The map keeps its path and description but its picture changes; the chart keeps its
    // picture but its description is reworded; the rule is left alone.
    new.edit("content/images/areas.svg", "#d7e8e1", "#e8d7e1");
    new.edit(
        "content/safety/01-safer-streets.md",
        "from 60 to 140",
        "from 60 hours to 140",
    );
    let out = new.run(&[
        "diff",
        old.path("content").to_str().unwrap(),
        new.path("content").to_str().unwrap(),
    ]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("Images"), "{report}");
    let map = "images/areas.svg (A map of Eastmoor's two local policing areas";
    let map_at = report.find(map).expect(&report);
    let chart_at = report.find("images/patrols.png (").expect(&report);
    // The map's entry says its picture changed; the chart's says its words did.
    let (first, second) = if map_at < chart_at {
        (&report[map_at..chart_at], &report[chart_at..])
    } else {
        (&report[map_at..], &report[chart_at..map_at])
    };
    assert!(first.contains("Picture: the file as it was"), "{report}");
    assert!(!second.contains("Picture"), "{report}");
    assert!(second.contains("from 60 hours to 140"), "{report}");
    // An unchanged image is not listed.
    assert!(!report.contains("images/rule.svg"), "{report}");

    // With nothing changed, no image is named.
    let out = old.run(&[
        "diff",
        old.path("content").to_str().unwrap(),
        old.path("content").to_str().unwrap(),
    ]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("images/"));
}
