//! The audio edition of the plan: the foreword, each aim and the glossary read aloud by a
//! local text-to-speech voice, one MP3 file each, with an M3U playlist in reading order.
//!
//! What is spoken is written for listening by [`crate::render::spoken`]; [`speech`] runs the
//! plan's voice command (eSpeak NG's British English voice unless the plan's `voice:` names
//! another) and [`lame`] encodes what it says as MP3, each file tagged with its chapter's
//! title. Speaking is slow, so each chapter is kept in the cache folder
//! ([`crate::write::cache_folder`]) by a hash of its spoken text, the voice and the encoder:
//! a chapter whose words have not changed is never spoken again, and the build links the
//! cached file into the output. Chapters that must be spoken are spoken on every core.
//! Where the voice or the encoder is missing, or the voice fails, the build says so once and
//! leaves the edition out; it never fails the build. The website's "Listen to the plan" page
//! lists the files this output reports.

pub mod lame;
pub mod speech;

use std::any::Any;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use rayon::prelude::*;

use super::{
    Download, Environment, Exported, Output, Prepared, Progress, RenderContext, Shelf, Sink,
};
use crate::plan::Plan;
use crate::render::spoken::{self, Chapter, AUDIO_FOLDER};
use crate::theme::Theme;
use crate::words::human_size;
use lame::Lame;
use speech::{Tag, Voice};

/// Raise this when the same script and voice would give a different file in a way the key
/// does not show (how the file is tagged or encoded).
const CACHE_VERSION: u32 = 1;

/// The longest chapter spoken, in words: about six hours at the default voice's pace. A
/// runaway file longer than this would take the build minutes and gigabytes of memory.
pub const MAX_WORDS: usize = 60_000;

/// The website's page that plays the recordings.
pub const LISTEN_PATH: &str = "listen/index.html";

/// The audio edition as one of the site's outputs.
pub struct AudioEdition;

/// The voice `plan` is spoken with.
pub fn voice(plan: &Plan) -> Voice {
    Voice::new(plan.meta.voice.as_deref().unwrap_or(speech::DEFAULT_VOICE))
}

/// Each chapter with what it says.
pub fn scripts(plan: &Plan) -> Vec<(Chapter, String)> {
    spoken::chapters(plan)
        .into_iter()
        .map(|c| {
            let s = spoken::script(plan, &c);
            (c, s)
        })
        .collect()
}

/// One chapter's recording.
#[derive(Debug, Clone)]
pub struct Recording {
    /// The chapter.
    pub chapter: Chapter,
    /// How long it lasts, in seconds.
    pub seconds: f64,
    /// Its size in bytes.
    pub bytes: usize,
    /// Where its file is.
    pub file: RecordingFile,
}

/// Where a recording's bytes are.
#[derive(Debug, Clone)]
pub enum RecordingFile {
    /// In the cache folder, to link into the output.
    Cached(PathBuf),
    /// In memory, when there is no cache folder to keep it in.
    Made(Vec<u8>),
}

/// The whole edition, made.
#[derive(Debug, Clone)]
pub struct Recordings {
    /// Each chapter's recording, in reading order.
    pub chapters: Vec<Recording>,
    /// How many were spoken now (the rest were found in the cache).
    pub spoken: usize,
}

impl Recordings {
    /// The playlist: M3U (in UTF-8), each chapter with its length and title.
    pub fn playlist(&self, plan: &Plan) -> String {
        let mut out = format!("#EXTM3U\n#PLAYLIST:{}\n", one_line(&plan.meta.title));
        for r in &self.chapters {
            out.push_str(&format!(
                "#EXTINF:{},{}\n{}.mp3\n",
                r.seconds.round() as u64,
                one_line(&r.chapter.title),
                r.chapter.key
            ));
        }
        out
    }

    /// The length of every chapter together, in seconds.
    pub fn seconds(&self) -> f64 {
        self.chapters.iter().map(|r| r.seconds).sum()
    }
}

/// `text` on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The playlist's place in the site: the plan's title as a file name.
pub fn playlist_path(plan: &Plan) -> String {
    let stem = crate::parse::markdown::slug(&plan.meta.title);
    let stem = if stem.is_empty() { "plan" } else { &stem };
    format!("{AUDIO_FOLDER}/{stem}.m3u8")
}

/// Records every chapter of `plan` (or finds it in the cache), telling `progress` how far it
/// has got. An error says why the edition cannot be made, in a sentence for the person
/// building.
pub fn record(plan: &Plan, progress: &dyn Progress) -> Result<Recordings, String> {
    let voice = voice(plan);
    let Some(program) = voice.program() else {
        return Err(if voice.line == speech::DEFAULT_VOICE {
            "the text-to-speech program espeak-ng was not found; install it (on Debian and Ubuntu: apt-get install espeak-ng), or name another voice with voice: in the plan's _index.md".to_string()
        } else {
            format!(
                "the voice \"{}\" set by voice: in the plan's _index.md was not found: the program \"{}\" is not installed or not on the PATH",
                voice.line,
                voice.program_name()
            )
        });
    };
    let lame = Lame::get()?;
    let scripts = scripts(plan);
    if let Some((c, s)) = scripts
        .iter()
        .find(|(_, s)| s.split_whitespace().count() > MAX_WORDS)
    {
        return Err(format!(
            "the chapter \"{}\" has {} words to speak, more than the limit of {MAX_WORDS} (about six hours)",
            c.title,
            s.split_whitespace().count()
        ));
    }
    let total = scripts.len();
    let m = &plan.meta;
    let album = format!("{} {}", m.title, m.period);
    let jobs: Vec<Job> = scripts
        .into_iter()
        .map(|(chapter, script)| {
            let track = format!("{}/{total}", chapter.number);
            let key = cache_key(&voice, lame, &script, &chapter, &album, &track, plan);
            Job {
                chapter,
                script,
                track,
                name: format!("{key}.mp3"),
            }
        })
        .collect();
    let done = AtomicUsize::new(0);
    let spoken = AtomicUsize::new(0);
    // Found in the cache, or spoken now: on every core, as speaking is the slow part.
    let chapters: Vec<Recording> = jobs
        .par_iter()
        .map(|job| {
            let cached = crate::write::cache_folder()
                .map(|f| f.join("audio").join(&job.name))
                .filter(|p| p.is_file());
            let recording = match cached.and_then(|p| recording_from_cache(&job.chapter, p)) {
                Some(r) => r,
                None => {
                    progress.report(&format!(
                        "speaking the audio edition: {} of {total} chapters done",
                        done.load(Ordering::Relaxed)
                    ));
                    spoken.fetch_add(1, Ordering::Relaxed);
                    speak(job, &voice, &program, lame, &album, plan)?
                }
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.report(&format!(
                "speaking the audio edition: {n} of {total} chapters done"
            ));
            Ok(recording)
        })
        .collect::<Result<_, String>>()?;
    Ok(Recordings {
        chapters,
        spoken: spoken.into_inner(),
    })
}

/// A chapter to record.
struct Job {
    chapter: Chapter,
    script: String,
    track: String,
    /// Its file's name in the cache.
    name: String,
}

/// The cached file at `path`, if it starts with planpress's tag and an MP3 frame. Only the
/// tag is read: cache files are written whole or not at all (see `write::write_cached`), and
/// reading every chapter's sound on every build would cost more than the rest of the audio
/// edition's warm build.
fn recording_from_cache(chapter: &Chapter, path: PathBuf) -> Option<Recording> {
    use std::io::Read;
    let mut file = std::fs::File::open(&path).ok()?;
    let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
    let mut head = [0u8; 10];
    file.read_exact(&mut head).ok()?;
    let tag_len = speech::id3_tag_len(&head)?;
    if tag_len + 4 > len || tag_len > MAX_TAG_BYTES {
        return None;
    }
    let mut tag = vec![0u8; tag_len + 4];
    tag[..10].copy_from_slice(&head);
    file.read_exact(&mut tag[10..]).ok()?;
    let (millis, end) = speech::tag_millis(&tag)?;
    if !speech::starts_with_mp3_frame(&tag[end..]) {
        return None;
    }
    Some(Recording {
        chapter: chapter.clone(),
        seconds: millis as f64 / 1000.0,
        bytes: len,
        file: RecordingFile::Cached(path),
    })
}

/// The largest tag a cached chapter may start with: planpress writes a few hundred bytes.
const MAX_TAG_BYTES: usize = 64 * 1024;

/// Speaks and encodes one chapter, and keeps it in the cache.
fn speak(
    job: &Job,
    voice: &Voice,
    program: &std::path::Path,
    lame: &Lame,
    album: &str,
    plan: &Plan,
) -> Result<Recording, String> {
    let audio = voice.speak(program, &job.script)?;
    if audio.samples.is_empty() {
        return Err(format!(
            "the voice \"{}\" said nothing for the chapter \"{}\"",
            voice.line, job.chapter.title
        ));
    }
    let stream = lame.encode(&audio.samples, audio.rate)?;
    let seconds = speech::mp3_seconds(&stream).ok_or_else(|| {
        format!(
            "LAME {} wrote something that is not an MP3 stream for \"{}\"",
            lame.version(),
            job.chapter.title
        )
    })?;
    // The length as the tag gives it, so that a chapter found in the cache later (known by
    // its tag alone) shows the same length as it does now.
    let millis = (seconds * 1000.0).round() as u64;
    let seconds = millis as f64 / 1000.0;
    let m = &plan.meta;
    let mut bytes = Tag {
        title: &job.chapter.title,
        album,
        artist: &m.organisation,
        track: job.track.clone(),
        date: &m.published,
        millis,
    }
    .bytes();
    bytes.extend_from_slice(&stream);
    let len = bytes.len();
    let file = match crate::write::write_cached("audio", &job.name, &bytes) {
        Ok(()) => match crate::write::cache_folder() {
            Some(f) => RecordingFile::Cached(f.join("audio").join(&job.name)),
            None => RecordingFile::Made(bytes),
        },
        Err(_) => RecordingFile::Made(bytes),
    };
    Ok(Recording {
        chapter: job.chapter.clone(),
        seconds,
        bytes: len,
        file,
    })
}

/// What a chapter's file is made from, as a hex SHA-256: its words, the voice, the encoder
/// and the tag's facts.
fn cache_key(
    voice: &Voice,
    lame: &Lame,
    script: &str,
    chapter: &Chapter,
    album: &str,
    track: &str,
    plan: &Plan,
) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    let m = &plan.meta;
    for part in [
        format!(
            "planpress {} audio {CACHE_VERSION}",
            env!("CARGO_PKG_VERSION")
        )
        .as_str(),
        &voice.line,
        &format!("LAME {} {} kbps", lame.version(), lame::BITRATE),
        &chapter.title,
        album,
        &m.organisation,
        track,
        &m.published,
        script,
    ] {
        hash.update(part.len().to_le_bytes());
        hash.update(part);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// "12 minutes 5 seconds", "1 hour 2 minutes", "45 seconds".
pub fn duration_words(seconds: f64) -> String {
    let s = seconds.round().max(0.0) as u64;
    let unit = |n: u64, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    match (h, m) {
        (0, 0) => unit(sec, "second"),
        (0, _) if sec == 0 => unit(m, "minute"),
        (0, _) => format!("{} {}", unit(m, "minute"), unit(sec, "second")),
        _ if m == 0 => unit(h, "hour"),
        _ => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
    }
}

impl Output for AudioEdition {
    fn name(&self) -> &'static str {
        "audio"
    }

    fn about(&self) -> &'static str {
        "the audio edition: the foreword, each aim and the glossary read aloud by a text-to-speech voice, as MP3 files with an M3U playlist"
    }

    fn summary_name(&self) -> Option<&'static str> {
        Some("audio")
    }

    fn prepare(&self, plan: &Plan, env: &Environment) -> Result<Box<dyn Prepared>> {
        if let Some(left_out) = super::left_out_if_too_long(plan, "the audio edition", "audio") {
            return Ok(left_out);
        }
        let start = Instant::now();
        let made = record(plan, env.progress);
        Ok(Box::new(Edition {
            languages: super::Languages::of(plan),
            playlist_path: playlist_path(plan),
            playlist: made.as_ref().map(|r| r.playlist(plan)).unwrap_or_default(),
            made,
            elapsed: start.elapsed(),
        }))
    }

    fn export_args(&self) -> Vec<clap::Arg> {
        vec![clap::Arg::new("script")
            .long("script")
            .action(clap::ArgAction::SetTrue)
            .help("Write the text each chapter speaks, one text file per chapter, for a person to proof, instead of the audio")]
    }

    fn export(&self, plan: &Plan, _theme: &Theme, args: &clap::ArgMatches) -> Result<Exported> {
        if args.get_flag("script") {
            let files: Vec<(String, Vec<u8>)> = scripts(plan)
                .into_iter()
                .map(|(c, s)| (format!("{}.txt", c.key), s.into_bytes()))
                .collect();
            let words: usize = files
                .iter()
                .map(|(_, b)| String::from_utf8_lossy(b).split_whitespace().count())
                .sum();
            return Ok(Exported {
                description: format!("the spoken text of {} chapters, {words} words", files.len()),
                files,
                warnings: Vec::new(),
            });
        }
        let made = record(plan, &super::Silent).map_err(|e| anyhow!("{e}"))?;
        let mut files = Vec::new();
        for r in &made.chapters {
            let bytes = match &r.file {
                RecordingFile::Cached(p) => std::fs::read(p)?,
                RecordingFile::Made(b) => b.clone(),
            };
            files.push((format!("{}.mp3", r.chapter.key), bytes));
        }
        let playlist = playlist_path(plan);
        let name = playlist
            .rsplit('/')
            .next()
            .unwrap_or("plan.m3u8")
            .to_string();
        files.push((name, made.playlist(plan).into_bytes()));
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        Ok(Exported {
            description: format!(
                "{} MP3 files and a playlist, {}, {}",
                made.chapters.len(),
                duration_words(made.seconds()),
                human_size(bytes)
            ),
            files,
            warnings: Vec::new(),
        })
    }
}

/// The edition made for a build, or why it could not be.
struct Edition {
    /// The plan's languages, which its downloads are listed in.
    languages: super::Languages,
    made: Result<Recordings, String>,
    playlist_path: String,
    playlist: String,
    elapsed: Duration,
}

impl Prepared for Edition {
    fn downloads(&self) -> Vec<Download> {
        let Ok(made) = &self.made else {
            return Vec::new();
        };
        let total: usize = made.chapters.iter().map(|r| r.bytes).sum();
        let n = made.chapters.len();
        let none = fluent_bundle::FluentArgs::new();
        // The listening page is made in each language (the recordings it plays are in the
        // plan's first; the page says so).
        let mut out = self.languages.each(true, |lang| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", n);
            args.set("duration", super::duration_in(lang, made.seconds()));
            Download {
                output: "audio",
                path: format!("{}{LISTEN_PATH}", self.languages.folder(lang)),
                title: super::say_in(lang, "downloads-audio-title", &none),
                label: super::say_in(lang, "downloads-audio-label", &args),
                bytes: 0,
                shelves: vec![Shelf::OtherFormats],
                lang: None,
                content_lang: None,
                purpose: Some(super::say_in(lang, "downloads-audio-purpose", &none)),
            }
        });
        out.extend(self.languages.each(false, |lang| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", n);
            args.set("size", super::size_in(lang, total));
            Download {
                output: "audio",
                path: self.playlist_path.clone(),
                title: super::say_in(lang, "downloads-playlist-title", &none),
                label: super::say_in(lang, "downloads-playlist-label", &args),
                bytes: self.playlist.len(),
                shelves: vec![Shelf::OtherFormats],
                lang: None,
                content_lang: None,
                purpose: None,
            }
        }));
        // Each recording, found by the listening page by its path.
        for r in &made.chapters {
            out.extend(self.languages.each(false, |lang| {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("duration", super::duration_in(lang, r.seconds));
                args.set("size", super::size_in(lang, r.bytes));
                Download {
                    output: "audio",
                    path: r.chapter.audio_path(),
                    title: r.chapter.title.clone(),
                    label: super::say_in(lang, "downloads-recording-label", &args),
                    bytes: r.bytes,
                    shelves: Vec::new(),
                    lang: None,
                    content_lang: None,
                    purpose: None,
                }
            }));
        }
        out
    }

    fn write(&self, _ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        if let Ok(made) = &self.made {
            for r in &made.chapters {
                match &r.file {
                    RecordingFile::Cached(p) => sink.keep(&r.chapter.audio_path(), p)?,
                    RecordingFile::Made(b) => sink.write(&r.chapter.audio_path(), b)?,
                }
            }
            sink.write(&self.playlist_path, self.playlist.as_bytes())?;
        }
        Ok(Vec::new())
    }

    fn summary(&self) -> Option<String> {
        Some(match &self.made {
            Ok(made) if made.spoken == 0 => format!(
                "{} chapters, {}, unchanged since they were spoken",
                made.chapters.len(),
                duration_words(made.seconds())
            ),
            Ok(made) => format!(
                "{} chapters, {}, {} spoken in {} ms",
                made.chapters.len(),
                duration_words(made.seconds()),
                made.spoken,
                self.elapsed.as_millis()
            ),
            Err(_) => "left out".to_string(),
        })
    }

    fn warnings(&self) -> Vec<String> {
        match &self.made {
            Ok(_) => Vec::new(),
            Err(why) => vec![format!("the audio edition was left out: {why}")],
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_said_in_words() {
        assert_eq!(duration_words(0.4), "0 seconds");
        assert_eq!(duration_words(1.0), "1 second");
        assert_eq!(duration_words(725.0), "12 minutes 5 seconds");
        assert_eq!(duration_words(120.0), "2 minutes");
        assert_eq!(duration_words(3725.0), "1 hour 2 minutes");
        assert_eq!(duration_words(7200.0), "2 hours");
    }
}
