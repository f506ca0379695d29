//! Reusing the previous build's large-print PDF when nothing that shapes it has changed:
//! typesetting is by far the slowest part of a build, and most builds change nothing it
//! shows. A record in the output folder's state ([`KEY_NAME`], outside the folder) names what
//! it was made from.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;

use super::typeset::Typesetter;
use super::Options;
use crate::plan::Plan;
use crate::render::document::{self, LargePrintDoc};

/// The record kept in the output folder's state ([`crate::write::state_file`]), never in the
/// folder itself: what the large-print PDF was made from (a hash of its Typst source, publication date, planpress version and fonts), a hash of
/// the PDF itself, its size and its page count. The next build reuses the PDF when the first
/// hash is unchanged and the file is the one recorded: of the recorded size and last modified
/// before the record was written (so not changed since, much as git trusts its index for
/// files older than it), or else with the recorded hash of its bytes.
pub const KEY_NAME: &str = "large-print.pdf.key";

/// Raise this when the same document would give a different PDF in a way the code below does
/// not show (a new Typst), so no older PDF is reused.
const CACHE_VERSION: u32 = 1;

/// The code that turns the large-print document into a PDF: part of what the cached PDF was
/// made from, so that changing it (during development, between releases) typesets again.
const CODE: [&str; 3] = [
    include_str!("mod.rs"),
    include_str!("markup.rs"),
    include_str!("world.rs"),
];

/// The large-print PDF for this build, typeset now or reused from the previous output.
pub(super) struct LargePrintPdf {
    /// The edition's document, which the web page shows as well.
    pub(super) doc: LargePrintDoc,
    /// The file.
    pub(super) file: PdfFile,
    /// [`pdf_digest`] of the file's bytes.
    digest: u64,
    /// Its pages.
    pub(super) pages: usize,
    /// The hash of everything that shapes the PDF.
    inputs: String,
    /// True when the previous output's file is reused.
    pub(super) reused: bool,
    /// How long typesetting or checking the previous PDF took.
    pub(super) elapsed: Duration,
}

/// The bytes of the build's large-print PDF.
pub(super) enum PdfFile {
    /// Typeset by this build.
    Made(Vec<u8>),
    /// The previous output's file, checked to be the one its record describes; it is linked
    /// into the new output (copied where links are refused) rather than read and written.
    Kept {
        /// Where it is.
        path: PathBuf,
        /// Its size in bytes.
        len: u64,
    },
}

impl PdfFile {
    /// Its size in bytes.
    pub(super) fn len(&self) -> usize {
        match self {
            PdfFile::Made(bytes) => bytes.len(),
            PdfFile::Kept { len, .. } => usize::try_from(*len).unwrap_or(usize::MAX),
        }
    }
}

impl LargePrintPdf {
    /// The text of [`KEY_NAME`] for this PDF.
    pub(super) fn record(&self) -> String {
        format!(
            "inputs {}\npdf {:016x}\nsize {}\npages {}\n",
            self.inputs,
            self.digest,
            self.file.len(),
            self.pages
        )
    }
}

/// Typesets the large-print PDF, or reuses `previous` when it was made from the same inputs.
/// Either way the bytes are the same.
pub(super) fn large_print_pdf(
    plan: &Plan,
    opts: &Options,
    previous: Option<PreviousPdf>,
    typesetter: &Typesetter,
) -> Result<LargePrintPdf> {
    cached_pdf(
        document::build(plan, opts.with_performance),
        opts,
        previous,
        typesetter,
    )
}

/// Typesets `doc` (the plan's edition or a report's Panel paper), or reuses `previous` when
/// it was made from the same inputs. Either way the bytes are the same.
pub(super) fn cached_pdf(
    doc: LargePrintDoc,
    opts: &Options,
    previous: Option<PreviousPdf>,
    typesetter: &Typesetter,
) -> Result<LargePrintPdf> {
    // The PDF is the Typst source compiled; the source is the edition's document written out
    // by the markup code. So the document, the options and that code (and what compiles the
    // source: the fonts, planpress's version) decide the PDF, and hashing them is several
    // times quicker than writing the source out. The document is hashed as data (its words
    // and the shape around them), not formatted as text first.
    let mut hash = Digest::default();
    let _ = write!(
        hash,
        "planpress {} large print {CACHE_VERSION}\npublished {}\nfonts {} {}\n{opts:?}\n",
        env!("CARGO_PKG_VERSION"),
        doc.published,
        super::world::FONT_REGULAR.len(),
        super::world::FONT_BOLD.len(),
    );
    std::hash::Hash::hash(&doc, &mut hash);
    for code in CODE {
        let _ = hash.write_str(code);
    }
    // The title page's and page numbers' words, from the shipped word tables.
    for (_, table) in crate::words::tables::DEFAULT_TABLES {
        let _ = hash.write_str(table);
    }
    let inputs = format!("{:016x}", std::hash::Hasher::finish(&hash));
    if let Some(previous) = previous.filter(|p| p.inputs == inputs) {
        return Ok(LargePrintPdf {
            doc,
            file: PdfFile::Kept {
                path: previous.path,
                len: previous.len,
            },
            digest: previous.digest,
            pages: previous.pages,
            inputs,
            reused: true,
            elapsed: Duration::ZERO,
        });
    }
    let pdf = super::pdf_of(&doc, opts, typesetter)?;
    Ok(LargePrintPdf {
        doc,
        digest: pdf_digest(&pdf.bytes),
        file: PdfFile::Made(pdf.bytes),
        pages: pdf.pages,
        inputs,
        reused: false,
        elapsed: Duration::ZERO,
    })
}

/// A large-print PDF in an output folder, intact (its bytes are those its record describes),
/// with what its record says it was made from.
pub(super) struct PreviousPdf {
    /// The hash of everything that shaped it.
    inputs: String,
    path: PathBuf,
    len: u64,
    digest: u64,
    pages: usize,
}

impl PreviousPdf {
    /// The PDF in the output folder `out` (one planpress made), if its record is readable and
    /// the file is still the one it describes. The file is read and hashed only when its size
    /// is not the recorded one or it was modified no earlier than the record was written.
    pub(super) fn read(out: &Path) -> Option<PreviousPdf> {
        Self::read_at(out, KEY_NAME, super::PDF_PATH)
    }

    /// As [`Self::read`], for the PDF at `pdf` in `out` recorded as `key` in its state.
    pub(super) fn read_at(out: &Path, key: &str, pdf: &str) -> Option<PreviousPdf> {
        let key = crate::write::state_file(out, key)?;
        let record = std::fs::read_to_string(&key).ok()?;
        let recorded_at = std::fs::metadata(&key).and_then(|m| m.modified()).ok()?;
        let field = |name: &str| {
            record
                .lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        };
        let inputs = field("inputs")?.to_string();
        let pages: usize = field("pages")?.parse().ok()?;
        let digest = u64::from_str_radix(field("pdf")?, 16).ok()?;
        let path = out.join(pdf);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let unchanged = field("size") == Some(meta.len().to_string().as_str())
            && meta.modified().is_ok_and(|m| m < recorded_at);
        if !unchanged && pdf_digest(&std::fs::read(&path).ok()?) != digest {
            return None;
        }
        Some(PreviousPdf {
            inputs,
            path,
            len: meta.len(),
            digest,
            pages,
        })
    }
}

/// A 64-bit digest of the PDF's bytes, to tell whether the file in the previous output is
/// still the one the record describes: [`Digest`] of the bytes written to it at once.
fn pdf_digest(bytes: &[u8]) -> u64 {
    let mut digest = Digest::default();
    std::hash::Hasher::write(&mut digest, bytes);
    std::hash::Hasher::finish(&digest)
}

/// A 64-bit digest, fed as text is written to it or data is hashed into it (so the large-print
/// document can be hashed without being written out), stable across runs, machines and Rust
/// versions, which the standard library's hasher does not promise. It detects damage and edits,
/// which is all it is for: it is not a defence against someone crafting input to match.
///
/// Each piece written is taken eight bytes at a time, in the manner of MurmurHash3's 64-bit
/// rounds: each word is mixed on its own (so any change to a word changes what it adds) and
/// folded into the running value by steps that are each reversible (so a change to one word
/// always changes the result); the piece's last bytes are folded in as one padded word, and its
/// length after them. The result is mixed once more at the end. (FNV-1a, used before, takes a
/// multiplication per byte, which over a megabyte of PDF or the large-print document was a
/// noticeable part of a small build.)
struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    fn fold(&mut self, w: u64) {
        let mixed = w
            .wrapping_mul(0x87c3_7b91_1142_53d5)
            .rotate_left(31)
            .wrapping_mul(0x4cf5_ad43_2745_937f);
        self.0 = (self.0 ^ mixed)
            .rotate_left(27)
            .wrapping_mul(5)
            .wrapping_add(0x52dc_e729);
    }
}

/// Hashing data (the large-print document) through [`std::hash::Hash`]: numbers are fed as
/// little-endian 64-bit values, so the hash is the same on every machine.
impl std::hash::Hasher for Digest {
    fn finish(&self) -> u64 {
        let mut hash = self.0;
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut le = [0u8; 8];
            le.copy_from_slice(w);
            self.fold(u64::from_le_bytes(le));
        }
        let mut last = [0u8; 8];
        last[..words.remainder().len()].copy_from_slice(words.remainder());
        self.fold(u64::from_le_bytes(last));
        self.0 ^= bytes.len() as u64;
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(n.into());
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(n.into());
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(n.into());
    }

    fn write_u64(&mut self, n: u64) {
        self.write(&n.to_le_bytes());
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_i64(&mut self, n: i64) {
        self.write(&n.to_le_bytes());
    }

    fn write_isize(&mut self, n: isize) {
        self.write_i64(n as i64);
    }
}

impl std::fmt::Write for Digest {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        std::hash::Hasher::write(self, s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_digest_is_as_it_was_before_it_could_be_fed_in_pieces() {
        // The record of an existing output names the digest of its PDF: the streaming form
        // must give what the one-shot implementation before it gave (these values).
        assert_eq!(pdf_digest(b""), 0x3706_5593_61f3_e0fb);
        assert_eq!(pdf_digest(b"%PDF-1.7"), 0xb999_c8af_71f7_86b0);
    }

    #[test]
    fn the_document_hash_tells_apart_pieces_split_differently_and_numbers_of_every_width() {
        use std::hash::{Hash, Hasher};
        let of = |f: &dyn Fn(&mut Digest)| {
            let mut d = Digest::default();
            f(&mut d);
            d.finish()
        };
        let (a, b) = ("foo".to_string(), "bar".to_string());
        let ab = ("foob".to_string(), "ar".to_string());
        assert_ne!(of(&|d| (&a, &b).hash(d)), of(&|d| (&ab.0, &ab.1).hash(d)));
        assert_eq!(of(&|d| (&a, &b).hash(d)), of(&|d| (&a, &b).hash(d)));
        assert_ne!(of(&|d| 1u8.hash(d)), of(&|d| 2u8.hash(d)));
        assert_ne!(of(&|d| 1u64.hash(d)), of(&|d| (1u64 << 40).hash(d)));
        assert_ne!(of(&|d| Some(0u32).hash(d)), of(&|d| None::<u32>.hash(d)));
    }

    #[test]
    fn the_pdf_digest_changes_with_any_byte_and_with_the_length() {
        let pdf: Vec<u8> = (0..1021u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let digest = pdf_digest(&pdf);
        assert_eq!(
            digest,
            pdf_digest(&pdf.clone()),
            "the same bytes, the same digest"
        );
        let mut seen = std::collections::HashSet::new();
        for i in 0..pdf.len() {
            for bit in 0..8 {
                let mut edited = pdf.clone();
                edited[i] ^= 1 << bit;
                let d = pdf_digest(&edited);
                assert_ne!(d, digest, "byte {i} bit {bit}");
                assert!(seen.insert(d), "two one-bit edits gave the same digest");
            }
        }
        assert_ne!(pdf_digest(&pdf[..1020]), digest);
        assert_ne!(pdf_digest(&[pdf.as_slice(), &[0]].concat()), digest);
        assert_ne!(pdf_digest(b""), pdf_digest(&[0]));
    }
}
