//! Typst as a library: a minimal [`World`] holding one generated source file and the
//! bundled Liberation Sans, and the compile-to-PDF step with PDF/UA-1 switched on.
//!
//! The world reads nothing from disk and nothing from the network: no packages, no system
//! fonts. The plan's images come inside the source itself, each on a comment line of its own
//! at the end ([`FILE_LINE`]), so the exchange with `planpress-typeset` stays one text and the
//! PDF cache's key (the source) changes when an image does. The fonts are compiled into the
//! binary, so the PDF is the same on every machine. "Today" is the plan's publication date, so
//! the output never depends on the clock.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// Liberation Sans Regular (SIL Open Font License 1.1; see themes/default/fonts/OFL.txt).
pub const FONT_REGULAR: &[u8] =
    include_bytes!("../../../themes/default/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold (SIL Open Font License 1.1).
pub const FONT_BOLD: &[u8] =
    include_bytes!("../../../themes/default/fonts/LiberationSans-Bold.ttf");

/// The name the generated source goes by in messages.
const MAIN_PATH: &str = "/large-print.typ";

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = [FONT_REGULAR, FONT_BOLD]
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        // `a11y-extras` gives `pdf.header-cell`, which marks a table's row headings.
        let library = Library::builder()
            .with_features([Feature::A11yExtras].into_iter().collect())
            .build();
        Shared {
            library: LazyHash::new(library),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn main_id() -> FileId {
    static ID: OnceLock<FileId> = OnceLock::new();
    *ID.get_or_init(|| {
        let path = VirtualPath::new(MAIN_PATH).expect("a valid virtual path");
        RootedPath::new(VirtualRoot::Project, path).intern()
    })
}

/// What starts a line of the source that carries a file: `// planpress-file /images/x.png `
/// followed by the file's bytes in base64. Typst reads the line as a comment.
pub const FILE_LINE: &str = "// planpress-file ";

/// The files `source` carries on its [`FILE_LINE`]s, by path.
fn carried_files(source: &str) -> std::collections::HashMap<String, Bytes> {
    use base64::Engine as _;
    source
        .lines()
        .filter_map(|line| {
            let (path, data) = line.strip_prefix(FILE_LINE)?.split_once(' ')?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data)
                .ok()?;
            Some((path.to_string(), Bytes::new(bytes)))
        })
        .collect()
}

/// One compilation: the generated source, the files it carries and the date it counts as
/// "today".
struct LargePrintWorld {
    main: Source,
    files: std::collections::HashMap<String, Bytes>,
    today: Option<Datetime>,
}

impl World for LargePrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            self.files
                .get(id.vpath().get_with_slash())
                .cloned()
                .ok_or(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// A compiled PDF.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Its page count.
    pub pages: usize,
    /// Warnings from Typst (a missing glyph, for example), as text.
    pub warnings: Vec<String>,
}

/// Compiles Typst `source` to a tagged PDF/UA-1 file dated `date` (`YYYY-MM-DD`).
///
/// On failure returns every error message, each with its hints.
pub fn compile_pdf(source: String, date: Option<(i32, u8, u8)>) -> Result<Compiled, Vec<String>> {
    let today = date.and_then(|(y, m, d)| Datetime::from_ymd(y, m, d));
    let world = LargePrintWorld {
        files: carried_files(&source),
        main: Source::new(main_id(), source),
        today,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    let warnings = warned
        .warnings
        .iter()
        .map(|d| describe(&world, d))
        .collect();
    let document = warned
        .output
        .map_err(|errors| describe_all(&world, &errors))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .map_err(|e| vec![format!("PDF/UA-1 cannot be selected: {}", e.message())])?;
    let options = PdfOptions {
        ident: Smart::Auto,
        // The tool's name only: no version numbers in published files.
        creator: Smart::Custom(Some("planpress".to_string())),
        timestamp: today.map(Timestamp::new_utc),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    let bytes =
        typst_pdf::pdf(&document, &options).map_err(|errors| describe_all(&world, &errors))?;
    let pages = document.pages().len();
    // Typst memoises layout work between compilations; keep only recent entries so a
    // long-running process (`planpress serve`) does not grow without bound.
    typst::comemo::evict(10);
    Ok(Compiled {
        bytes,
        pages,
        warnings,
    })
}

/// Every distinct error, in order.
fn describe_all(world: &LargePrintWorld, errors: &[SourceDiagnostic]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in errors {
        let text = describe(world, e);
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// A diagnostic as one line: the message, where in the generated source if known, and hints.
fn describe(world: &LargePrintWorld, d: &SourceDiagnostic) -> String {
    let mut out = String::new();
    if d.severity == Severity::Warning {
        out.push_str("warning: ");
    }
    out.push_str(&d.message);
    if let Some(range) = typst::WorldExt::range(world, d.span) {
        if let Some(line) = world.main.lines().byte_to_line(range.start) {
            out.push_str(&format!(" (generated source line {})", line + 1));
        }
    }
    for hint in &d.hints {
        out.push_str("; hint: ");
        out.push_str(&hint.v);
    }
    out
}
