//! "Listen to the plan": a player for each recording of the audio edition, with its length,
//! its file and the page whose text it reads.

use serde::Serialize;

use crate::export::Download;
use crate::plan::{Plan, Route};
use crate::render::spoken;

/// What `listen.html` receives as `listen`.
#[derive(Serialize)]
pub(super) struct ListenView {
    /// Each recording, in reading order; empty when the build made none.
    chapters: Vec<ChapterView>,
    /// The playlist, when there is one.
    playlist: Option<FileView>,
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

/// The page's view: the plan's chapters that have a recording among `downloads`.
pub(super) fn view(plan: &Plan, route: &Route, downloads: Option<&[Download]>) -> ListenView {
    let downloads = downloads.unwrap_or_default();
    let root = route.root();
    let chapters = spoken::chapters(plan)
        .into_iter()
        .filter_map(|c| {
            let path = c.audio_path();
            let d = downloads.iter().find(|d| d.path == path)?;
            Some(ChapterView {
                number: c.number,
                title: c.title.clone(),
                file: format!("{root}{path}"),
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
    ListenView { chapters, playlist }
}
