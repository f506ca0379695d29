//! Speaking a chapter with the plan's text-to-speech command, and the bits of the MP3 file
//! format the audio edition needs: how long a stream lasts, and its ID3 tag.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The voice when the plan sets none: eSpeak NG's British English voice at 160 words a
/// minute, writing a WAV file to standard output.
pub const DEFAULT_VOICE: &str = "espeak-ng -v en-gb -s 160 --stdout";

/// A voice: the program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// The command line as the plan gives it, for messages and the cache key.
    pub line: String,
    program: String,
    args: Vec<String>,
}

impl Voice {
    /// The voice `line` names: words separated by spaces, the first the program.
    pub fn new(line: &str) -> Voice {
        let mut words = line.split_whitespace().map(String::from);
        let program = words.next().unwrap_or_default();
        Voice {
            line: line.split_whitespace().collect::<Vec<_>>().join(" "),
            program,
            args: words.collect(),
        }
    }

    /// The program's file, found as the shell would find it; `None` when it is not there.
    pub fn program(&self) -> Option<PathBuf> {
        if self.program.is_empty() {
            return None;
        }
        let path = Path::new(&self.program);
        if path.components().count() > 1 {
            return path.is_file().then(|| path.to_path_buf());
        }
        std::env::var_os("PATH").and_then(|dirs| {
            std::env::split_paths(&dirs)
                .map(|d| d.join(&self.program))
                .find(|p| is_executable(p))
        })
    }

    /// The program's name as the plan gives it.
    pub fn program_name(&self) -> &str {
        &self.program
    }

    /// Speaks `text`: its samples (16-bit, mono) and their rate.
    pub fn speak(&self, program: &Path, text: &str) -> Result<Audio, String> {
        let mut child = Command::new(program)
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("the voice \"{}\" could not be started: {e}", self.line))?;
        let mut stdin = child.stdin.take();
        let text = text.to_string();
        // Written from a thread of its own, so that a voice that writes its output before
        // reading all its input cannot block on a full pipe while planpress waits to write.
        let feeder = std::thread::spawn(move || {
            if let Some(stdin) = stdin.as_mut() {
                let _ = stdin.write_all(text.as_bytes());
            }
        });
        let out = child
            .wait_with_output()
            .map_err(|e| format!("the voice \"{}\" failed: {e}", self.line))?;
        let _ = feeder.join();
        if !out.status.success() {
            let said = String::from_utf8_lossy(&out.stderr);
            let said = said.lines().next().unwrap_or("").trim();
            return Err(format!(
                "the voice \"{}\" failed ({}){}",
                self.line,
                out.status,
                if said.is_empty() {
                    String::new()
                } else {
                    format!(": {said}")
                }
            ));
        }
        Audio::from_wav(&out.stdout).map_err(|e| {
            format!(
                "the voice \"{}\" did not write a WAV file on its standard output: {e}",
                self.line
            )
        })
    }
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Spoken audio: 16-bit mono samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audio {
    /// The samples.
    pub samples: Vec<i16>,
    /// Samples a second.
    pub rate: u32,
}

impl Audio {
    /// Reads a PCM WAV file: 16-bit samples, one or two channels (two are mixed to one).
    /// A voice that streams its output cannot know the data's length when it writes the
    /// header, so a data chunk longer than the file is read to the file's end.
    pub fn from_wav(bytes: &[u8]) -> Result<Audio, String> {
        if bytes.len() < 12 || &bytes[..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
            return Err("it does not start as a WAV file does".to_string());
        }
        let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
        let u32_at =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let mut at = 12;
        let mut format = None;
        while at + 8 <= bytes.len() {
            let id = &bytes[at..at + 4];
            let size = u32_at(at + 4) as usize;
            let body = at + 8;
            let end = body.saturating_add(size).min(bytes.len());
            if id == b"fmt " && end - body >= 16 {
                format = Some((
                    u16_at(body),
                    u16_at(body + 2),
                    u32_at(body + 4),
                    u16_at(body + 14),
                ));
            } else if id == b"data" {
                let Some((kind, channels, rate, bits)) = format else {
                    return Err("its data comes before its format".to_string());
                };
                if kind != 1 || bits != 16 || !(1..=2).contains(&channels) || rate == 0 {
                    return Err(format!(
                        "it holds {bits}-bit audio of format {kind} in {channels} channels; planpress reads 16-bit PCM in one or two"
                    ));
                }
                let frame = 2 * channels as usize;
                let samples = bytes[body..end]
                    .chunks_exact(frame)
                    .map(|f| {
                        let left = i16::from_le_bytes([f[0], f[1]]);
                        if channels == 2 {
                            let right = i16::from_le_bytes([f[2], f[3]]);
                            ((i32::from(left) + i32::from(right)) / 2) as i16
                        } else {
                            left
                        }
                    })
                    .collect();
                return Ok(Audio { samples, rate });
            }
            at = body.saturating_add(size + (size & 1));
        }
        Err("it has no audio data".to_string())
    }

    /// How long it lasts, in seconds.
    pub fn seconds(&self) -> f64 {
        self.samples.len() as f64 / f64::from(self.rate)
    }
}

/// How long an MP3 stream (with or without an ID3v2 tag before it) lasts, in seconds, read
/// from its frame headers; `None` when the bytes are not a whole MP3 stream.
pub fn mp3_seconds(bytes: &[u8]) -> Option<f64> {
    let mut at = id3_len(bytes);
    let mut samples = 0u64;
    let mut rate = 0u32;
    let mut frames = 0;
    while at + 4 <= bytes.len() {
        let h = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        if h >> 21 != 0x7FF {
            // An ID3v1 tag may end the file.
            return (frames > 0 && bytes[at..].starts_with(b"TAG"))
                .then(|| samples as f64 / f64::from(rate));
        }
        let version = (h >> 19) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        let layer = (h >> 17) & 3; // 1: layer III
        let bitrate_index = ((h >> 12) & 15) as usize;
        let rate_index = ((h >> 10) & 3) as usize;
        let padding = ((h >> 9) & 1) as usize;
        if version == 1
            || layer != 1
            || bitrate_index == 0
            || bitrate_index == 15
            || rate_index == 3
        {
            return None;
        }
        const V1: [u32; 15] = [
            0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
        ];
        const V2: [u32; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
        let (kbps, base, per_frame) = match version {
            3 => (
                V1[bitrate_index],
                [44100, 48000, 32000][rate_index],
                1152u32,
            ),
            2 => (V2[bitrate_index], [22050, 24000, 16000][rate_index], 576),
            _ => (V2[bitrate_index], [11025, 12000, 8000][rate_index], 576),
        };
        let len = (per_frame / 8 * kbps * 1000 / base) as usize + padding;
        if len < 4 || at + len > bytes.len() {
            return None;
        }
        rate = base;
        samples += u64::from(per_frame);
        frames += 1;
        at += len;
    }
    (frames > 0 && at == bytes.len()).then(|| samples as f64 / f64::from(rate))
}

/// The length of the ID3v2 tag at the start of `bytes` (0 when there is none).
fn id3_len(bytes: &[u8]) -> usize {
    if bytes.len() < 10 || &bytes[..3] != b"ID3" {
        return 0;
    }
    let size = bytes[6..10]
        .iter()
        .fold(0usize, |n, b| (n << 7) | usize::from(b & 0x7F));
    10 + size
}

/// The length in milliseconds (TLEN) of the ID3v2.4 tag that starts `bytes`, as [`Tag::bytes`]
/// writes it, and where the tag ends; `None` when `bytes` does not start with such a tag.
/// A cached chapter is known by this and its first frame header, without reading the hours
/// of sound after it.
pub fn tag_millis(bytes: &[u8]) -> Option<(u64, usize)> {
    let end = id3_len(bytes);
    if end == 0 || end > bytes.len() {
        return None;
    }
    let mut at = 10;
    while at + 10 <= end {
        let id = &bytes[at..at + 4];
        let size = bytes[at + 4..at + 8]
            .iter()
            .fold(0usize, |n, b| (n << 7) | usize::from(b & 0x7F));
        let data = bytes.get(at + 10..(at + 10).checked_add(size)?)?;
        if id == b"TLEN" {
            // Encoding byte 3 (UTF-8), then the digits.
            let text = std::str::from_utf8(data.get(1..)?).ok()?;
            return text.parse().ok().map(|millis| (millis, end));
        }
        at += 10 + size;
    }
    None
}

/// The length of the ID3v2 tag whose 10-byte header is `head`, header included; `None` when
/// `head` is not an ID3v2 header.
pub fn id3_tag_len(head: &[u8]) -> Option<usize> {
    match id3_len(head) {
        0 => None,
        n => Some(n),
    }
}

/// Whether `bytes` start with an MPEG audio layer III frame header.
pub fn starts_with_mp3_frame(bytes: &[u8]) -> bool {
    bytes.len() >= 4
        && u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) >> 21 == 0x7FF
        && (bytes[1] >> 1) & 3 == 1
}

/// The facts an ID3v2.4 tag gives a player about one chapter.
#[derive(Debug, Clone)]
pub struct Tag<'a> {
    /// The chapter's title (TIT2).
    pub title: &'a str,
    /// The plan's title (TALB): the chapters are the tracks of one album.
    pub album: &'a str,
    /// The publishing office (TPE1).
    pub artist: &'a str,
    /// "2/7" (TRCK).
    pub track: String,
    /// Publication date `YYYY-MM-DD` (TDRC).
    pub date: &'a str,
    /// Length in milliseconds (TLEN).
    pub millis: u64,
}

impl Tag<'_> {
    /// The tag's bytes: UTF-8 text frames, no padding, so the same facts give the same bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut frames = Vec::new();
        let millis = self.millis.to_string();
        for (id, text) in [
            (b"TIT2", self.title),
            (b"TALB", self.album),
            (b"TPE1", self.artist),
            (b"TRCK", self.track.as_str()),
            (b"TDRC", self.date),
            (b"TLEN", millis.as_str()),
            (b"TCON", "Speech"),
            (b"TLAN", "eng"),
        ] {
            let text: String = text.chars().filter(|c| *c != '\0').collect();
            if text.is_empty() {
                continue;
            }
            let size = text.len() + 1;
            frames.extend_from_slice(id);
            frames.extend_from_slice(&syncsafe(size));
            frames.extend_from_slice(&[0, 0, 3]); // flags; encoding 3 is UTF-8
            frames.extend_from_slice(text.as_bytes());
        }
        let mut tag = b"ID3\x04\x00\x00".to_vec();
        tag.extend_from_slice(&syncsafe(frames.len()));
        tag.extend(frames);
        tag
    }
}

/// `n` as ID3's four 7-bit bytes.
fn syncsafe(n: usize) -> [u8; 4] {
    let n = n.min(0x0FFF_FFFF) as u32;
    [
        (n >> 21) as u8 & 0x7F,
        (n >> 14) as u8 & 0x7F,
        (n >> 7) as u8 & 0x7F,
        n as u8 & 0x7F,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(millis: u64) -> Vec<u8> {
        Tag {
            title: "Foreword",
            album: "A plan",
            artist: "An office",
            track: "1/6".to_string(),
            date: "2026-01-31",
            millis,
        }
        .bytes()
    }

    #[test]
    fn the_length_is_read_back_from_the_tag_written() {
        let t = tag(3_439_123);
        assert_eq!(tag_millis(&t), Some((3_439_123, t.len())));
        assert_eq!(id3_tag_len(&t[..10]), Some(t.len()));
    }

    #[test]
    fn a_tag_that_is_cut_short_or_lies_about_its_sizes_gives_no_length() {
        let t = tag(1500);
        assert_eq!(tag_millis(&t[..t.len() - 3]), None, "cut short");
        assert_eq!(tag_millis(b"not a tag at all"), None);
        assert_eq!(id3_tag_len(b"RIFF\0\0\0\0\0\0"), None);
        // A frame claiming the largest size a tag can hold, inside a small tag.
        let mut lying = t.clone();
        lying[14..18].copy_from_slice(&[0x7F, 0x7F, 0x7F, 0x7F]);
        assert_eq!(tag_millis(&lying), None);
        // No TLEN frame.
        let at = t.windows(4).position(|w| w == b"TLEN").unwrap();
        let mut bad = t.clone();
        bad[at..at + 4].copy_from_slice(b"TXXX");
        assert_eq!(tag_millis(&bad), None, "no TLEN frame");
    }

    #[test]
    fn an_mp3_frame_header_is_told_from_other_bytes() {
        assert!(starts_with_mp3_frame(&[0xFF, 0xFB, 0x90, 0x64]));
        assert!(!starts_with_mp3_frame(&[0xFF, 0xFB]), "too short");
        assert!(!starts_with_mp3_frame(b"ID3\x04"));
        assert!(
            !starts_with_mp3_frame(&[0xFF, 0xFD, 0x90, 0x64]),
            "layer II, not III"
        );
    }

    fn wav(channels: u16, samples: &[i16], data_size: u32) -> Vec<u8> {
        let mut b = b"RIFF\xff\xff\xff\x7fWAVEfmt ".to_vec();
        b.extend_from_slice(&16u32.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&channels.to_le_bytes());
        b.extend_from_slice(&22050u32.to_le_bytes());
        b.extend_from_slice(&(22050u32 * 2 * u32::from(channels)).to_le_bytes());
        b.extend_from_slice(&(2 * channels).to_le_bytes());
        b.extend_from_slice(&16u16.to_le_bytes());
        b.extend_from_slice(b"data");
        b.extend_from_slice(&data_size.to_le_bytes());
        for s in samples {
            b.extend_from_slice(&s.to_le_bytes());
        }
        b
    }

    #[test]
    fn a_streamed_wav_is_read_to_its_end_and_stereo_is_mixed() {
        let a = Audio::from_wav(&wav(1, &[1, -2, 3], 0x7fff_f000)).unwrap();
        assert_eq!((a.samples, a.rate), (vec![1, -2, 3], 22050));
        let a = Audio::from_wav(&wav(2, &[10, 20, -4, -8], 8)).unwrap();
        assert_eq!(a.samples, vec![15, -6]);
    }

    #[test]
    fn what_is_not_a_wav_file_is_refused_with_a_reason() {
        assert!(Audio::from_wav(b"").unwrap_err().contains("WAV"));
        assert!(Audio::from_wav(b"Hello, this is text")
            .unwrap_err()
            .contains("WAV"));
        let mut eight_bit = wav(1, &[1], 2);
        eight_bit[34] = 8;
        assert!(Audio::from_wav(&eight_bit).unwrap_err().contains("8-bit"));
        let mut no_data = wav(1, &[], 0);
        no_data.truncate(36);
        assert!(Audio::from_wav(&no_data).unwrap_err().contains("no audio"));
    }

    #[test]
    fn the_tag_is_well_formed_and_its_length_skipped() {
        let tag = Tag {
            title: "Foreword",
            album: "A Plan",
            artist: "The Office",
            track: "1/3".into(),
            date: "2024-01-01",
            millis: 1500,
        }
        .bytes();
        assert_eq!(&tag[..4], b"ID3\x04");
        assert_eq!(id3_len(&tag), tag.len());
        assert!(tag.windows(12).any(|w| w == b"TIT2\0\0\0\x09\0\0\x03F"));
        // A tag alone is not a stream.
        assert_eq!(mp3_seconds(&tag), None);
    }

    #[test]
    fn voices_are_split_into_program_and_arguments() {
        let v = Voice::new("  espeak-ng  -v en-gb --stdout ");
        assert_eq!(v.line, "espeak-ng -v en-gb --stdout");
        assert_eq!(v.program_name(), "espeak-ng");
        assert_eq!(Voice::new("no-such-voice-program-here").program(), None);
        assert_eq!(Voice::new("").program(), None);
    }
}
