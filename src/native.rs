//! C libraries found at run time, not at link time.
//!
//! The Braille edition (liblouis) and the audio edition (LAME) call system libraries that a
//! machine may not have. Linking them would make planpress fail to start without them; opening
//! them with `dlopen` when an edition is made lets the build say which package is missing and
//! make every other format. This module holds the one way both do that.

#[cfg(unix)]
use std::ffi::{c_void, CStr, CString};

/// An opened library, never closed: the function pointers taken from it stay valid for the
/// life of the process.
#[cfg(unix)]
pub struct Library {
    handle: *mut c_void,
}

#[cfg(unix)]
impl Library {
    /// Opens the library named by the environment variable `variable` when it is set and not
    /// empty, else the first of `names` the system's loader finds. The error lists the names
    /// tried, for the caller's message.
    pub fn open(variable: &str, names: &[&str]) -> Result<Library, String> {
        let names: Vec<String> = match std::env::var(variable) {
            Ok(path) if !path.is_empty() => vec![path],
            _ => names.iter().map(|n| n.to_string()).collect(),
        };
        names
            .iter()
            .filter_map(|n| CString::new(n.as_str()).ok())
            .find_map(|name| {
                // SAFETY: dlopen with a valid C string; null means not found.
                let h = unsafe { libc::dlopen(name.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
                (!h.is_null()).then_some(Library { handle: h })
            })
            .ok_or_else(|| names.join(", "))
    }

    /// The address of the function `name`, or `None` when the library has no such symbol
    /// (an older version than planpress needs).
    pub fn symbol(&self, name: &CStr) -> Option<*mut c_void> {
        // SAFETY: dlsym on a live handle (never closed) with a valid C string.
        let p = unsafe { libc::dlsym(self.handle, name.as_ptr()) };
        (!p.is_null()).then_some(p)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_library_that_does_not_exist_is_reported_with_every_name_tried() {
        let error = match Library::open(
            "PLANPRESS_TEST_NO_SUCH_VARIABLE",
            &["libplanpress-none.so.1", "libplanpress-none.so"],
        ) {
            Ok(_) => panic!("a library that does not exist was opened"),
            Err(e) => e,
        };
        assert_eq!(error, "libplanpress-none.so.1, libplanpress-none.so");
    }

    #[test]
    fn the_c_library_opens_and_has_its_functions_and_not_others() {
        let libc = Library::open(
            "PLANPRESS_TEST_NO_SUCH_VARIABLE",
            &["libc.so.6", "libc.dylib"],
        )
        .expect("the C library");
        assert!(libc.symbol(c"strlen").is_some());
        assert!(libc.symbol(c"planpress_no_such_function").is_none());
    }
}
