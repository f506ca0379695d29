//! "Listen to the plan": a player for each recording of the audio edition, with its length,
//! its file and the page whose text it reads.
//!
//! The recordings are shared by every language of the site, at its root: a page in another
//! language finds them there (its downloads' paths lead up to the root) and says, in its own
//! words, that they read the plan in the plan's first language, with that language on each
//! download link.

use serde::Serialize;

use crate::export::Download;
use crate::plan::{Plan, Route};
use crate::render::spoken::{self, Part};
use crate::theme::Theme;

/// What `listen.html` receives as `listen`.
#[derive(Serialize)]
pub(super) struct ListenView {
    /// Each recording, in reading order; empty when the build made none.
    chapters: Vec<ChapterView>,
    /// The playlist, when there is one.
    playlist: Option<FileView>,
    /// The language the recordings speak, when it is not the page's (they are made from the
    /// plan's first language).
    recordings_lang: Option<String>,
}

#[derive(Serialize)]
struct ChapterView {
    number: usize,
    title: String,
    /// The MP3 file, relative to the page.
    file: String,
    /// "MP3, 12 minutes 5 seconds, 3.1 MB".
    label: String,
    /// The page it reads, relative to this one.
    text: String,
    /// An id for the heading, which the player is labelled by.
    id: String,
}

#[derive(Serialize)]
struct FileView {
    file: String,
    label: String,
}

/// A download's path from the site root: a page in a language's folder is given its
/// downloads with the way up to the root (`../`) in front.
fn from_site_root(path: &str) -> &str {
    let mut rest = path;
    while let Some(up) = rest.strip_prefix("../") {
        rest = up;
    }
    rest
}

/// The page's view: the plan's chapters that have a recording among `downloads`, their
/// titles in `theme`'s language.
pub(super) fn view(
    plan: &Plan,
    theme: &Theme,
    route: &Route,
    downloads: Option<&[Download]>,
) -> ListenView {
    let downloads = downloads.unwrap_or_default();
    let root = route.root();
    let chapters: Vec<ChapterView> = spoken::chapters(plan)
        .into_iter()
        .filter_map(|c| {
            let path = c.audio_path();
            let d = downloads.iter().find(|d| from_site_root(&d.path) == path)?;
            Some(ChapterView {
                number: c.number,
                title: match c.part {
                    Part::Foreword => theme.word("foreword"),
                    Part::Glossary => theme.word("glossary"),
                    Part::Aim(_) => c.title.clone(),
                },
                file: format!("{root}{}", d.path),
                label: d.label.clone(),
                text: route.href_to(&c.route.path()),
                id: format!("chapter-{}", c.number),
            })
        })
        .collect();
    let playlist = downloads
        .iter()
        .find(|d| d.output == "audio" && d.path.ends_with(".m3u8"))
        .map(|d| FileView {
            file: format!("{root}{}", d.path),
            label: d.label.clone(),
        });
    let reading = &plan.reading;
    let recordings_lang = (!chapters.is_empty()
        && !reading.original.is_empty()
        && reading.language != reading.original)
        .then(|| reading.original.clone());
    ListenView {
        chapters,
        playlist,
        recordings_lang,
    }
}
