//! The website's "Other formats" page: every version of the whole plan the outputs made (the
//! downloads on [`Shelf::OtherFormats`]), each with what it is for, its file type and size and
//! its link, and how to ask for a format that is not listed. The accessibility statement
//! names the same formats. Nothing here knows which outputs there are: a new format is listed
//! by putting its download on the shelf with a purpose.

use serde::Serialize;

use super::{home, page_view, PageContext};
use crate::export::{Download, Shelf};
use crate::parse::markdown::IdAllocator;
use crate::plan::Route;

/// One format: the downloads of one output, under the title of the first that says what it
/// is for.
#[derive(Debug, Clone, Serialize)]
pub(super) struct FormatView {
    /// An anchor for the format's heading.
    id: String,
    /// The format's name: "Large print version".
    title: String,
    /// What it is for.
    purpose: String,
    /// Its files, each with its type and size.
    files: Vec<FileView>,
}

/// One file of a format.
#[derive(Debug, Clone, Serialize)]
struct FileView {
    /// The link's words.
    text: String,
    /// The file, from the site root.
    path: String,
    /// Its type and size: "PDF, 64 pages, 412 KB", "EPUB, 83 KB", "web page".
    label: String,
    /// The language of its content when not the page's ([`Download::content_lang`]).
    content_lang: Option<String>,
}

/// The formats on the "Other formats" shelf, in the order the outputs reported them; none
/// until the downloads are known.
pub(super) fn formats(downloads: Option<&[Download]>) -> Vec<FormatView> {
    let shelved: Vec<&Download> = downloads
        .unwrap_or_default()
        .iter()
        .filter(|d| d.on(Shelf::OtherFormats))
        .collect();
    let mut outputs: Vec<&str> = Vec::new();
    for d in &shelved {
        if !outputs.contains(&d.output) {
            outputs.push(d.output);
        }
    }
    let mut ids = IdAllocator::with_taken(["main-content", "ask"]);
    outputs
        .into_iter()
        .map(|output| {
            let files: Vec<&&Download> = shelved.iter().filter(|d| d.output == output).collect();
            let described = files
                .iter()
                .find(|d| d.purpose.is_some())
                .unwrap_or(&files[0]);
            FormatView {
                id: ids.allocate(&described.title),
                title: described.title.clone(),
                purpose: described.purpose.clone().unwrap_or_default(),
                files: files
                    .iter()
                    .map(|d| FileView {
                        text: d.title.clone(),
                        path: d.path.clone(),
                        label: d.label.clone(),
                        content_lang: d.content_lang.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The "Other formats" page's values, its title in `theme`'s language.
pub(super) fn page(
    route: &Route,
    theme: &crate::theme::Theme,
    downloads: Option<&[Download]>,
    ctx: &mut PageContext,
) {
    ctx.insert(
        "page",
        &page_view(
            route,
            &theme.word("formats-title"),
            vec![home()],
            Vec::new(),
        ),
    );
    ctx.insert("formats", &formats(downloads));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn download(output: &'static str, title: &str, purpose: Option<&str>) -> Download {
        Download {
            output,
            path: format!("{output}/{title}"),
            title: title.to_string(),
            label: "web page".to_string(),
            bytes: 0,
            shelves: vec![Shelf::OtherFormats],
            lang: None,
            content_lang: None,
            purpose: purpose.map(str::to_string),
        }
    }

    #[test]
    fn each_output_is_one_format_under_the_title_that_says_what_it_is_for() {
        let mut off_shelf = download("data", "Data", Some("For reuse"));
        off_shelf.shelves = vec![Shelf::Performance];
        let downloads = vec![
            download(
                "large-print",
                "Large print",
                Some("For reading in large type"),
            ),
            download("epub", "Index", None),
            download("epub", "EPUB", Some("For e-readers")),
            download("large-print", "Large print", None),
            off_shelf,
        ];
        let f = formats(Some(&downloads));
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            (f[0].title.as_str(), f[0].purpose.as_str(), f[0].files.len()),
            ("Large print", "For reading in large type", 2)
        );
        assert_eq!(
            (f[1].title.as_str(), f[1].purpose.as_str(), f[1].id.as_str()),
            ("EPUB", "For e-readers", "epub")
        );
        assert_eq!(f[1].files[0].text, "Index");
        assert!(formats(None).is_empty());
    }
}
