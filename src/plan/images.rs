//! The plan's images: every file of the content folder's `images/` folder read for what it is
//! ([`crate::parse::image`]), named for publishing by its content, and the rules a body's
//! image (`![description](images/map.png)`) must keep, which `plan/links.rs` checks.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Body, Plan, Route};
use crate::load::{ImageFile, IMAGES_FOLDER};
use crate::parse::image::{check, ImageKind};
use crate::parse::markdown::{image_alt, options};

/// The title that marks an image as decoration, with no alternative text:
/// `![](images/rule.svg "decorative")`.
pub const DECORATIVE: &str = "decorative";

/// An image file over this size is published with a warning: on a phone's data connection
/// it is slow to load.
pub const WARN_IMAGE_BYTES: usize = 500 * 1024;

/// An image of the plan, checked and ready to publish.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// Its path in the content folder: `images/map.png`.
    pub source: String,
    /// The file, as messages name it.
    #[serde(skip)]
    pub display: PathBuf,
    /// What it is, by its content.
    pub kind: ImageKind,
    /// Its width in CSS pixels.
    pub width: u64,
    /// Its height in CSS pixels.
    pub height: u64,
    /// The bytes published (see [`crate::parse::image::check`]).
    #[serde(skip)]
    pub bytes: Arc<[u8]>,
    /// Where the website publishes it: `images/map.3f2a1b9c0d.png`, named by its content so
    /// that a changed image gets a new address and any copy may be cached for good.
    pub path: String,
    /// The first 16 hexadecimal digits of the SHA-256 of the published bytes.
    pub sha256: String,
    /// The size of the file as the author saved it, in bytes.
    pub file_bytes: usize,
    /// What was taken out of an SVG to publish it.
    pub removed: Vec<String>,
}

/// Every file of the `images/` folder: those that are images planpress publishes, and why
/// each other one is not. Only the images a body or the logo uses are published.
#[derive(Debug, Clone, Default)]
pub struct Images {
    /// The good ones, by path in the content folder.
    pub ok: BTreeMap<String, Image>,
    /// Why each other file cannot be published, in words completing "the image ...", with
    /// the file as messages name it.
    pub bad: BTreeMap<String, (PathBuf, String)>,
}

impl Images {
    /// Reads every file, on every core.
    pub fn from_files(files: &[ImageFile]) -> Images {
        let read: Vec<(String, PathBuf, Result<Image, String>)> = files
            .par_iter()
            .map(|f| {
                let image = match &f.bytes {
                    Err(d) => Err(d.message.clone()),
                    Ok(bytes) => check(bytes).map(|c| {
                        let digest = Sha256::digest(&c.bytes);
                        let sha256: String =
                            digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
                        let stem = f.rel.rsplit_once('.').map_or(f.rel.as_str(), |(s, _)| s);
                        Image {
                            source: f.rel.clone(),
                            display: f.display.clone(),
                            kind: c.kind,
                            width: c.width,
                            height: c.height,
                            path: format!("{stem}.{}.{}", &sha256[..10], c.kind.extension()),
                            sha256,
                            file_bytes: bytes.len(),
                            bytes: c.bytes.into(),
                            removed: c.removed,
                        }
                    }),
                };
                (f.rel.clone(), f.display.clone(), image)
            })
            .collect();
        let mut images = Images::default();
        for (rel, display, image) in read {
            match image {
                Ok(i) => {
                    images.ok.insert(rel, i);
                }
                Err(why) => {
                    images.bad.insert(rel, (display, why));
                }
            }
        }
        images
    }

    /// The image at `source` (`images/map.png`), if it is a good one.
    pub fn get(&self, source: &str) -> Option<&Image> {
        self.ok.get(source)
    }

    /// Each file and whether it is good (`None`) or what is wrong with it: what the checks of
    /// bodies' images depend on.
    pub fn status(&self) -> BTreeMap<String, Option<String>> {
        self.ok
            .keys()
            .map(|k| (k.clone(), None))
            .chain(
                self.bad
                    .iter()
                    .map(|(k, (_, why))| (k.clone(), Some(why.clone()))),
            )
            .collect()
    }
}

/// The file in the content folder an image reference names: `images/map.png` from
/// `images/map.png` or `/images/map.png`; or what is wrong with the reference, as (message,
/// hint).
pub fn source_of(dest: &str) -> Result<String, (String, Option<String>)> {
    let write_it = || {
        Some(
            "put the image in the content folder's images/ folder and write ![what it shows](images/name.png)"
                .to_string(),
        )
    };
    let trimmed = dest.trim();
    if trimmed.contains(':') || trimmed.starts_with("//") {
        return Err((
            format!("the image \"{dest}\" is not a file of the plan"),
            write_it(),
        ));
    }
    let path = trimmed.strip_prefix('/').unwrap_or(trimmed);
    let Some(within) = path.strip_prefix(&format!("{IMAGES_FOLDER}/")) else {
        return Err((
            format!("the image \"{dest}\" is not in the images/ folder"),
            write_it(),
        ));
    };
    if within.is_empty()
        || path.contains('\\')
        || path.contains(['?', '#'])
        || within
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == ".." || part.starts_with('.'))
    {
        return Err((
            format!("the image \"{dest}\" is not a plain path inside the images/ folder"),
            Some("name the file from the images/ folder down, without \"..\", \".\" or hidden names: images/maps/area.png".to_string()),
        ));
    }
    Ok(path.to_string())
}

/// One use of an image in a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageUse {
    /// The image's path in the content folder: `images/map.png`.
    pub image: String,
    /// Its alternative text; empty for decoration.
    pub alt: String,
    /// True when marked as decoration.
    pub decorative: bool,
    /// The file of the body that uses it, relative to the content folder.
    pub file: String,
    /// The site path of the page that shows it.
    pub page: String,
}

/// Every image the plan's bodies use, in plan order, each with the words that stand for it.
/// The logo is not among them (it is in the plan's settings).
pub fn uses(plan: &Plan) -> Vec<ImageUse> {
    let mut out = Vec::new();
    for (body, file, route) in bodies(plan) {
        if !body.markdown.contains("![") {
            continue;
        }
        let mut parser = Parser::new_ext(&body.markdown, options());
        while let Some(event) = parser.next() {
            let Event::Start(Tag::Image {
                dest_url, title, ..
            }) = event
            else {
                continue;
            };
            let alt = image_alt(&mut parser);
            if let Ok(image) = source_of(&dest_url) {
                out.push(ImageUse {
                    image,
                    alt: alt.trim().to_string(),
                    decorative: title.as_ref() == DECORATIVE,
                    file: file.to_string(),
                    page: route.path(),
                });
            }
        }
    }
    out
}

/// Every body with its file and page, in plan order.
fn bodies(plan: &Plan) -> Vec<(&Body, &str, Route)> {
    let mut out = vec![(
        &plan.meta.foreword,
        plan.meta.origin.file.as_str(),
        Route::Home,
    )];
    for aim in &plan.aims {
        out.push((
            &aim.intro,
            aim.origin.file.as_str(),
            Route::Aim(aim.id.clone()),
        ));
        for p in &aim.priorities {
            out.push((
                &p.body,
                p.origin.file.as_str(),
                Route::Priority {
                    aim: aim.id.clone(),
                    id: p.id.clone(),
                },
            ));
        }
    }
    for t in &plan.glossary {
        out.push((&t.definition, t.origin.file.as_str(), Route::Glossary));
    }
    for s in &plan.statements {
        out.push((
            &s.body,
            s.origin.file.as_str(),
            Route::Statement(s.id.clone()),
        ));
    }
    for page in &plan.pages {
        out.push((
            &page.body,
            page.origin.file.as_str(),
            Route::Page(page.id.clone()),
        ));
    }
    out
}

/// The images the website publishes: those the bodies use and the logo, each once, by path
/// in the content folder.
pub fn published(plan: &Plan) -> Vec<&Image> {
    let mut sources: Vec<String> = uses(plan).into_iter().map(|u| u.image).collect();
    if let Some(logo) = &plan.meta.logo {
        sources.push(logo.image.clone());
    }
    sources.sort();
    sources.dedup();
    sources.iter().filter_map(|s| plan.images.get(s)).collect()
}

/// The office's logo (`brand.logo`), checked: an SVG or PNG of the plan's images, with
/// alternative text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Logo {
    /// The image's path in the content folder.
    pub image: String,
    /// What it says.
    pub alt: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references_name_a_plain_path_in_the_images_folder() {
        assert_eq!(source_of("images/map.png"), Ok("images/map.png".into()));
        assert_eq!(source_of("/images/a/b.svg"), Ok("images/a/b.svg".into()));
        for bad in [
            "map.png",
            "images/",
            "images/../_index.md",
            "images/./x.png",
            "images//x.png",
            "images/.hidden.png",
            "images\\x.png",
            "../images/x.png",
            "https://example.org/images/x.png",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "images/x.png?v=1",
        ] {
            assert!(source_of(bad).is_err(), "{bad}");
        }
    }
}
