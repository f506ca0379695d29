//! A thin binding to liblouis, the braille translator, loaded when first needed.
//!
//! liblouis is loaded with `dlopen` rather than linked: a planpress built on a machine with it
//! still starts on a machine without it, and only the Braille edition is left out (see
//! [`Louis::get`]). The Rust crates that wrap liblouis no longer build against today's
//! liblouis; the five functions used here have kept their signatures since liblouis 3.0.
//! liblouis keeps compiled tables in global state and is not safe to call from two threads at
//! once, so every call holds one lock.

use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::sync::{Mutex, OnceLock, PoisonError};

#[cfg(all(unix, feature = "braille"))]
use crate::native::Library;

/// The tables used: North American braille ASCII (the character set of BRF files) as the
/// display table, and Unified English Braille grade 2 (contracted).
pub const TABLES: &str = "en-us-brf.dis,en-ueb-g2.ctb";

/// The environment variable naming the liblouis library file, for a liblouis installed where
/// the system does not look (and for tests, which point it at a missing file).
pub const LIBRARY_VARIABLE: &str = "PLANPRESS_LIBLOUIS";

/// What to install when liblouis is missing, in words for the build's warning.
pub const INSTALL_HINT: &str =
    "install liblouis with its tables (on Debian and Ubuntu: apt-get install liblouis-data liblouis20)";

/// liblouis's `noUndefined` mode: characters no table defines are left out rather than
/// written as escape sequences such as `\x1f600/`, which a braille reader would meet as noise.
const NO_UNDEFINED: c_int = 128;

/// liblouis's `LOU_LOG_OFF`: planpress reports problems itself, in one line.
const LOG_OFF: c_int = 60000;

type VersionFn = unsafe extern "C" fn() -> *const c_char;
type CharSizeFn = unsafe extern "C" fn() -> c_int;
type CheckTableFn = unsafe extern "C" fn(*const c_char) -> c_int;
type SetLogLevelFn = unsafe extern "C" fn(c_int);
type TranslateFn = unsafe extern "C" fn(
    *const c_char,
    *const c_void,
    *mut c_int,
    *mut c_void,
    *mut c_int,
    *mut c_void,
    *mut c_char,
    c_int,
) -> c_int;

/// liblouis, loaded, with its UEB tables found.
pub struct Louis {
    version: String,
    /// The size of liblouis's `widechar`: 2 or 4 bytes, as it was built.
    char_size: usize,
    translate: TranslateFn,
    back_translate: TranslateFn,
    lock: Mutex<()>,
}

/// Why liblouis cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing(pub String);

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Missing {}

impl Louis {
    /// liblouis, loaded on first use; or why it cannot be had, in a sentence that names what
    /// to install. The answer is kept for the life of the process.
    pub fn get() -> Result<&'static Louis, Missing> {
        static LOUIS: OnceLock<Result<Louis, Missing>> = OnceLock::new();
        LOUIS.get_or_init(load).as_ref().map_err(Clone::clone)
    }

    /// liblouis's version, such as `3.24.0`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// `text` in UEB grade 2, as braille ASCII (the characters of a BRF file, space to `_`).
    /// Any kind of space becomes a plain space and control characters are left out before
    /// translating; anything liblouis passes through untranslated that is not braille ASCII
    /// is left out after.
    pub fn translate(&self, text: &str) -> Result<String, Missing> {
        let print: String = text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        let out = self.call(self.translate, &print, "translate")?;
        Ok(out
            .chars()
            .map(|c| c.to_ascii_uppercase())
            .filter(|c| (' '..='_').contains(c))
            .collect())
    }

    /// Braille ASCII `brf` back to print, as liblouis reads UEB grade 2.
    pub fn back_translate(&self, brf: &str) -> Result<String, Missing> {
        self.call(self.back_translate, brf, "back-translate")
    }

    fn call(&self, f: TranslateFn, text: &str, what: &str) -> Result<String, Missing> {
        let input: Vec<u32> = text
            .chars()
            .map(|c| c as u32)
            .filter(|&c| self.char_size == 4 || c <= 0xFFFF)
            .collect();
        if input.is_empty() {
            return Ok(String::new());
        }
        let tables = CString::new(TABLES).map_err(|e| Missing(e.to_string()))?;
        let mut room = input.len() * 4 + 64;
        loop {
            let out = {
                let _guard = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
                self.call_once(f, &tables, &input, room)
            };
            let Some(out) = out else {
                return Err(Missing(format!(
                    "liblouis {} could not {what} a paragraph with the tables {TABLES}",
                    self.version
                )));
            };
            // A full buffer may have cut the text short: try again with more room.
            if out.len() < room {
                return Ok(out.into_iter().filter_map(char::from_u32).collect());
            }
            room *= 2;
        }
    }

    /// One call of `f` with room for `room` characters out: what it wrote, or `None` when
    /// liblouis refused.
    fn call_once(
        &self,
        f: TranslateFn,
        tables: &CStr,
        input: &[u32],
        room: usize,
    ) -> Option<Vec<u32>> {
        let mut in_len = c_int::try_from(input.len()).ok()?;
        let mut out_len = c_int::try_from(room).ok()?;
        // liblouis's characters are as wide as it was built with: the input is narrowed to
        // two bytes (characters beyond them were left out above) or passed as it is.
        let narrow: Vec<u16>;
        let input_ptr: *const c_void = if self.char_size == 2 {
            narrow = input.iter().map(|&c| c as u16).collect();
            narrow.as_ptr().cast()
        } else {
            input.as_ptr().cast()
        };
        let mut out = vec![0u32; room];
        // SAFETY: the input holds `in_len` characters of liblouis's width; the output buffer
        // holds `room` four-byte slots, enough for `room` characters of either width.
        // liblouis writes at most `out_len` characters and sets it to how many it wrote.
        let ok = unsafe {
            f(
                tables.as_ptr(),
                input_ptr,
                &mut in_len,
                out.as_mut_ptr().cast(),
                &mut out_len,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                NO_UNDEFINED,
            )
        };
        if ok == 0 {
            return None;
        }
        let n = usize::try_from(out_len).unwrap_or(0).min(room);
        if self.char_size == 2 {
            // Two-byte characters were written into the four-byte slots' memory.
            let bytes: Vec<u8> = out.iter().flat_map(|c| c.to_ne_bytes()).collect();
            Some(
                bytes
                    .chunks_exact(2)
                    .take(n)
                    .map(|b| u32::from(u16::from_ne_bytes([b[0], b[1]])))
                    .collect(),
            )
        } else {
            out.truncate(n);
            Some(out)
        }
    }
}

/// Loads liblouis and checks its tables.
#[cfg(all(unix, feature = "braille"))]
fn load() -> Result<Louis, Missing> {
    let library = Library::open(
        LIBRARY_VARIABLE,
        &[
            "liblouis.so.20",
            "liblouis.so",
            "liblouis.20.dylib",
            "liblouis.dylib",
        ],
    )
    .map_err(|tried| {
        Missing(format!(
            "liblouis, the braille translator, was not found ({tried}); {INSTALL_HINT}"
        ))
    })?;
    let symbol = |name: &CStr| -> Result<*mut c_void, Missing> {
        library.symbol(name).ok_or_else(|| {
            Missing(format!(
                "the liblouis found has no {}: it is too old; {INSTALL_HINT}",
                name.to_string_lossy()
            ))
        })
    };
    // SAFETY: each symbol is the liblouis function of that name, with the signature of
    // liblouis.h since 3.0; the library is never unloaded, so the pointers stay valid.
    let (version, char_size, check_table, translate, back_translate) = unsafe {
        (
            std::mem::transmute::<*mut c_void, VersionFn>(symbol(c"lou_version")?),
            std::mem::transmute::<*mut c_void, CharSizeFn>(symbol(c"lou_charSize")?),
            std::mem::transmute::<*mut c_void, CheckTableFn>(symbol(c"lou_checkTable")?),
            std::mem::transmute::<*mut c_void, TranslateFn>(symbol(c"lou_translateString")?),
            std::mem::transmute::<*mut c_void, TranslateFn>(symbol(c"lou_backTranslateString")?),
        )
    };
    // SAFETY: as above; lou_setLogLevel is optional (liblouis 3.0 and later have it).
    unsafe {
        if let Ok(p) = symbol(c"lou_setLogLevel") {
            std::mem::transmute::<*mut c_void, SetLogLevelFn>(p)(LOG_OFF);
        }
    }
    // SAFETY: lou_version returns a static C string; lou_charSize takes nothing.
    let (version, char_size) = unsafe {
        (
            CStr::from_ptr(version()).to_string_lossy().into_owned(),
            char_size(),
        )
    };
    let char_size = match char_size {
        2 => 2,
        4 => 4,
        n => {
            return Err(Missing(format!(
                "liblouis {version} uses {n}-byte characters, which planpress does not know; {INSTALL_HINT}"
            )))
        }
    };
    let tables = CString::new(TABLES).map_err(|e| Missing(e.to_string()))?;
    // SAFETY: a valid C string.
    if unsafe { check_table(tables.as_ptr()) } == 0 {
        return Err(Missing(format!(
            "liblouis {version} is installed but its tables {TABLES} were not found; {INSTALL_HINT}"
        )));
    }
    Ok(Louis {
        version,
        char_size,
        translate,
        back_translate,
        lock: Mutex::new(()),
    })
}

/// Without the `braille` feature (or on a system without `dlopen`), there is no liblouis.
#[cfg(not(all(unix, feature = "braille")))]
fn load() -> Result<Louis, Missing> {
    Err(Missing(
        "this planpress was built without Braille (the cargo feature \"braille\", on by default, on a Unix system)"
            .to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// liblouis, which the test command installs: a test that needs it fails, naming what to
    /// install, rather than passing without it.
    fn louis() -> &'static Louis {
        Louis::get().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn translates_to_ueb_grade_2_braille_ascii_and_back() {
        let l = louis();
        let brf = l
            .translate("The Commissioner will work with the Chief Constable.")
            .unwrap();
        // Contractions ("the", "with") and capital signs, in BRF's upper-case braille ASCII.
        assert_eq!(brf, ",! ,COMMIS.N] W \"W ) ! ,*IEF ,3/ABLE4");
        assert_eq!(
            l.back_translate(&brf).unwrap(),
            "The Commissioner will work with the Chief Constable."
        );
    }

    #[test]
    fn characters_no_table_knows_are_left_out_and_the_rest_is_ascii() {
        let l = louis();
        let brf = l
            .translate("Safe 😀 streets\u{7} \u{202e}today\u{a0}— 10% “more”")
            .unwrap();
        assert!(brf.chars().all(|c| (' '..='_').contains(&c)), "{brf:?}");
        assert!(l.back_translate(&brf).unwrap().contains("streets"), "{brf}");
        assert_eq!(l.translate("").unwrap(), "");
    }
}
