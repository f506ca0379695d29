//! MP3 encoding with LAME, loaded when first needed.
//!
//! LAME is the reference MP3 encoder. The Rust crates that bundle it compile it into the
//! program, which its licence (LGPL) allows only if users can relink it; loading the
//! system's `libmp3lame` with `dlopen` keeps planpress's own licence simple, costs no compile
//! time, and lets a planpress built with it start where it is missing (the audio edition is
//! then left out, with one line saying what to install). The dozen functions used are
//! LAME's stable interface since 3.98.

use std::ffi::{c_char, c_int, c_short, c_uchar, c_void, CStr};
use std::sync::OnceLock;

#[cfg(unix)]
use crate::native::Library;

/// The environment variable naming the LAME library file, for a LAME installed where the
/// system does not look (and for tests, which point it at a missing file).
pub const LIBRARY_VARIABLE: &str = "PLANPRESS_LIBMP3LAME";

/// What to install when LAME is missing.
pub const INSTALL_HINT: &str =
    "install the LAME MP3 encoder library (on Debian and Ubuntu: apt-get install libmp3lame0)";

/// The bit rate of the recordings, in kilobits a second: enough for one voice at 22 or
/// 24 kHz, mono, as talking books are published.
pub const BITRATE: c_int = 32;

type Flags = *mut c_void;

/// LAME, loaded.
pub struct Lame {
    version: String,
    init: unsafe extern "C" fn() -> Flags,
    set_int: [unsafe extern "C" fn(Flags, c_int) -> c_int; 7],
    init_params: unsafe extern "C" fn(Flags) -> c_int,
    encode: unsafe extern "C" fn(
        Flags,
        *const c_short,
        *const c_short,
        c_int,
        *mut c_uchar,
        c_int,
    ) -> c_int,
    flush: unsafe extern "C" fn(Flags, *mut c_uchar, c_int) -> c_int,
    close: unsafe extern "C" fn(Flags) -> c_int,
}

/// The setters in [`Lame::set_int`], in order.
const SETTERS: [&CStr; 7] = [
    c"lame_set_in_samplerate",
    c"lame_set_num_channels",
    c"lame_set_mode",
    c"lame_set_brate",
    c"lame_set_quality",
    c"lame_set_bWriteVbrTag",
    c"lame_set_VBR",
];

impl Lame {
    /// LAME, loaded on first use; or why it cannot be had, naming what to install.
    pub fn get() -> Result<&'static Lame, String> {
        static LAME: OnceLock<Result<Lame, String>> = OnceLock::new();
        LAME.get_or_init(load).as_ref().map_err(Clone::clone)
    }

    /// LAME's version, such as `3.100`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// 16-bit mono `samples` at `rate` Hz as a constant bit rate MP3 stream at [`BITRATE`],
    /// with no tag: the same samples always give the same bytes.
    pub fn encode(&self, samples: &[i16], rate: u32) -> Result<Vec<u8>, String> {
        let rate = c_int::try_from(rate).map_err(|_| format!("a sample rate of {rate} Hz"))?;
        // SAFETY: lame_init returns a fresh encoder or null; it is closed below on every path.
        let flags = unsafe { (self.init)() };
        if flags.is_null() {
            return Err("LAME could not start an encoder".to_string());
        }
        let result = self.encode_with(flags, samples, rate);
        // SAFETY: `flags` came from lame_init and is closed once.
        unsafe { (self.close)(flags) };
        result
    }

    fn encode_with(&self, flags: Flags, samples: &[i16], rate: c_int) -> Result<Vec<u8>, String> {
        // Mono (mode 3), constant bit rate (VBR off), no Xing/Info frame, quality 5 (LAME's
        // default speed, which a voice does not need better than).
        let values = [rate, 1, 3, BITRATE, 5, 0, 0];
        for (set, value) in self.set_int.iter().zip(values) {
            // SAFETY: a live encoder, before lame_init_params.
            unsafe { set(flags, value) };
        }
        // SAFETY: a live encoder with its settings made.
        if unsafe { (self.init_params)(flags) } < 0 {
            return Err(format!("LAME refused the settings for {rate} Hz mono"));
        }
        let mut out = Vec::new();
        for chunk in samples.chunks(1 << 16) {
            let n = chunk.len() as c_int;
            // LAME's documented worst case: 1.25 times the samples plus 7200 bytes.
            let mut buf = vec![0u8; chunk.len() * 5 / 4 + 7200];
            // SAFETY: `chunk` holds `n` samples (the right channel is ignored in mono);
            // `buf` is as long as the size passed.
            let written = unsafe {
                (self.encode)(
                    flags,
                    chunk.as_ptr(),
                    chunk.as_ptr(),
                    n,
                    buf.as_mut_ptr(),
                    buf.len() as c_int,
                )
            };
            let written =
                usize::try_from(written).map_err(|_| format!("LAME failed ({written})"))?;
            out.extend_from_slice(&buf[..written]);
        }
        let mut buf = vec![0u8; 7200];
        // SAFETY: as above.
        let written = unsafe { (self.flush)(flags, buf.as_mut_ptr(), buf.len() as c_int) };
        let written = usize::try_from(written).map_err(|_| format!("LAME failed ({written})"))?;
        out.extend_from_slice(&buf[..written]);
        Ok(out)
    }
}

#[cfg(unix)]
fn load() -> Result<Lame, String> {
    let library = Library::open(
        LIBRARY_VARIABLE,
        &[
            "libmp3lame.so.0",
            "libmp3lame.so",
            "libmp3lame.0.dylib",
            "libmp3lame.dylib",
        ],
    )
    .map_err(|tried| format!("the MP3 encoder LAME was not found ({tried}); {INSTALL_HINT}"))?;
    let symbol = |name: &CStr| -> Result<*mut c_void, String> {
        library.symbol(name).ok_or_else(|| {
            format!(
                "the LAME library found has no {}; {INSTALL_HINT}",
                name.to_string_lossy()
            )
        })
    };
    type SetInt = unsafe extern "C" fn(Flags, c_int) -> c_int;
    let mut set_int: Vec<SetInt> = Vec::new();
    for name in SETTERS {
        // SAFETY: each is LAME's setter of that name, `int f(lame_t, int)`.
        set_int.push(unsafe { std::mem::transmute::<*mut c_void, SetInt>(symbol(name)?) });
    }
    let set_int: [SetInt; 7] = set_int
        .try_into()
        .map_err(|_| "LAME's setters".to_string())?;
    // SAFETY: each symbol is the LAME function of that name with the signature of lame.h; the
    // library is never unloaded, so the pointers stay valid.
    unsafe {
        let version = std::mem::transmute::<*mut c_void, unsafe extern "C" fn() -> *const c_char>(
            symbol(c"get_lame_version")?,
        );
        Ok(Lame {
            version: CStr::from_ptr(version()).to_string_lossy().into_owned(),
            init: std::mem::transmute::<*mut c_void, unsafe extern "C" fn() -> Flags>(symbol(
                c"lame_init",
            )?),
            set_int,
            init_params: std::mem::transmute::<*mut c_void, unsafe extern "C" fn(Flags) -> c_int>(
                symbol(c"lame_init_params")?,
            ),
            encode: std::mem::transmute::<
                *mut c_void,
                unsafe extern "C" fn(
                    Flags,
                    *const c_short,
                    *const c_short,
                    c_int,
                    *mut c_uchar,
                    c_int,
                ) -> c_int,
            >(symbol(c"lame_encode_buffer")?),
            flush: std::mem::transmute::<
                *mut c_void,
                unsafe extern "C" fn(Flags, *mut c_uchar, c_int) -> c_int,
            >(symbol(c"lame_encode_flush")?),
            close: std::mem::transmute::<*mut c_void, unsafe extern "C" fn(Flags) -> c_int>(
                symbol(c"lame_close")?,
            ),
        })
    }
}

#[cfg(not(unix))]
fn load() -> Result<Lame, String> {
    Err("planpress loads LAME only on Unix systems".to_string())
}
