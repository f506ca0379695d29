//! The audio edition, checked from the outside: the real `planpress` binary speaks the plan,
//! mpg123 (an MP3 decoder planpress does not use) decodes every file it writes, and the
//! spoken text is read back from `export audio --script`.
//!
//! espeak-ng, LAME (libmp3lame0) and mpg123 are installed by `.ci/install-test-deps`; without
//! them these tests fail, naming what is missing. Spoken chapters are kept in the test cache
//! under target/ (tests/common), so each chapter is spoken once, not once per test.

mod common;

use std::path::Path;
use std::process::Command;

use common::{stderr, stdout, Site};

/// How fast the default voice reads the plan, in words a minute: `espeak-ng -s 160` speaks
/// at 160 between pauses, and with the pauses after headings, paragraphs and list items the
/// shipped plan's chapters come to 129 to 166 (docs/other-formats.md).
const WORDS_PER_MINUTE: f64 = 145.0;

fn themes() -> String {
    common::repo().join("themes").to_str().unwrap().to_string()
}

/// Decodes `mp3` with mpg123 and returns how long it lasts, in seconds.
fn decoded_seconds(mp3: &Path) -> f64 {
    let wav = mp3.with_extension("decoded.wav");
    let out = Command::new("mpg123")
        .args(["-q", "-w"])
        .arg(&wav)
        .arg(mp3)
        .output()
        .unwrap_or_else(|e| {
            panic!("mpg123 is needed to decode the audio (apt-get install mpg123): {e}")
        });
    assert!(
        out.status.success(),
        "{} does not decode: {}",
        mp3.display(),
        stderr(&out)
    );
    let bytes = std::fs::read(&wav).unwrap();
    std::fs::remove_file(&wav).unwrap();
    assert_eq!(&bytes[..4], b"RIFF");
    let channels = u16::from_le_bytes([bytes[22], bytes[23]]) as f64;
    let rate = u32::from_le_bytes(bytes[24..28].try_into().unwrap()) as f64;
    let data = bytes.windows(4).position(|w| w == b"data").unwrap();
    let len = u32::from_le_bytes(bytes[data + 4..data + 8].try_into().unwrap()) as f64;
    len / 2.0 / channels / rate
}

/// Each chapter's spoken text, from `export audio --script`: (file stem, text).
fn scripts(site: &Site) -> Vec<(String, String)> {
    let out = site.run(&["export", "audio", "--script", "--out", "scripts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut files: Vec<(String, String)> = std::fs::read_dir(site.path("scripts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_str().unwrap().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Lower case words, one space between, each without a final "s" (so that "KSIs" said as
/// its term, in whatever number, still matches): what is compared.
fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.strip_suffix('s').unwrap_or(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with each glossary abbreviation, as a whole word, replaced by its term.
fn expanded(text: &str, glossary: &[(String, String)]) -> String {
    let mut out = Vec::new();
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let core: String = word.chars().take_while(|c| c.is_alphanumeric()).collect();
        let rest = &word[core.len()..];
        // An abbreviation, or its plural ("KSIs").
        let found = glossary
            .iter()
            .find(|(a, _)| *a == core || core.strip_suffix('s') == Some(a.as_str()));
        match found {
            Some((_, term)) => out.push(format!("{term}{rest}")),
            None => out.push(word.to_string()),
        }
    }
    out.concat()
}

#[test]
fn the_shipped_plan_is_spoken_chapter_by_chapter_with_a_playlist_and_a_page() {
    let site = Site::shipped();
    let built = site.build();
    assert!(stdout(&built).contains("audio: "), "{}", stdout(&built));
    assert!(!stderr(&built).contains("warning"), "{}", stderr(&built));
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let audio = site.path("public/other-formats/audio");
    let scripts = scripts(&site);
    assert_eq!(
        scripts.len(),
        plan.aims.len() + 2,
        "the foreword, each aim, the glossary"
    );

    // The playlist names every file in reading order, with its title.
    let playlist_file = std::fs::read_dir(&audio)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "m3u8"))
        .expect("a playlist");
    let playlist = std::fs::read_to_string(playlist_file).unwrap();
    let listed: Vec<&str> = playlist.lines().filter(|l| l.ends_with(".mp3")).collect();
    let stems: Vec<String> = scripts.iter().map(|(s, _)| format!("{s}.mp3")).collect();
    assert_eq!(listed, stems, "{playlist}");
    assert!(playlist.starts_with("#EXTM3U\n"), "{playlist}");
    assert!(playlist.contains(",Foreword\n"), "{playlist}");
    for aim in &plan.aims {
        assert!(
            playlist.contains(&format!(",{}\n", aim.title)),
            "{playlist}"
        );
    }

    for (stem, text) in &scripts {
        let mp3 = audio.join(format!("{stem}.mp3"));
        let seconds = decoded_seconds(&mp3);
        let expected = text.split_whitespace().count() as f64 / WORDS_PER_MINUTE * 60.0;
        assert!(
            (seconds - expected).abs() <= 0.2 * expected,
            "{stem}: {seconds:.0} s, expected about {expected:.0} s from its words"
        );
        // The chapter's title is in the file's ID3 tag (a UTF-8 TIT2 frame).
        let bytes = std::fs::read(&mp3).unwrap();
        let title_line = playlist
            .lines()
            .collect::<Vec<_>>()
            .windows(2)
            .find(|w| w[1] == format!("{stem}.mp3"))
            .map(|w| w[0].split_once(',').unwrap().1.to_string())
            .unwrap();
        let mut frame = b"TIT2".to_vec();
        let size = title_line.len() + 1;
        frame.extend_from_slice(&[0, 0, (size >> 7) as u8, (size & 0x7f) as u8, 0, 0, 3]);
        frame.extend_from_slice(title_line.as_bytes());
        assert!(bytes.starts_with(b"ID3\x04"), "{stem}");
        assert!(
            bytes.windows(frame.len()).any(|w| w == frame),
            "{stem}: no title {title_line:?}"
        );
    }

    // The listening page: a player per chapter, never playing by itself, with its length,
    // its file and the page it reads.
    let page = std::fs::read_to_string(site.path("public/listen/index.html")).unwrap();
    let tags = common::tags(&page);
    let players: Vec<_> = tags.iter().filter(|t| t.name == "audio").collect();
    assert_eq!(players.len(), scripts.len(), "{page}");
    assert!(!page.contains("autoplay"));
    for p in &players {
        assert!(p.attr("controls").is_some());
        let src = p.attr("src").unwrap();
        assert!(site.path("public/listen").join(src).is_file(), "{src}");
    }
    for aim in &plan.aims {
        let text = format!("../{}/index.html", aim.id);
        assert!(
            tags.iter().any(|t| t.attr("href") == Some(&text)),
            "no link to {text}"
        );
    }
    assert!(page.contains(" minutes"), "each recording's length: {page}");

    // Built again: nothing is spoken, and the files are the same.
    let before = site.output();
    let again = site.build();
    assert!(
        stdout(&again).contains("unchanged since they were spoken"),
        "{}",
        stdout(&again)
    );
    assert_eq!(before, site.output());
}

#[test]
fn each_aims_script_says_every_commitment_with_abbreviations_in_full() {
    let site = Site::shipped();
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let glossary: Vec<(String, String)> = plan
        .glossary
        .iter()
        .flat_map(|t| t.abbreviations.iter().map(|a| (a.clone(), t.term.clone())))
        .collect();
    assert!(!glossary.is_empty());
    let scripts = scripts(&site);
    let mut checked = 0;
    for (i, aim) in plan.aims.iter().enumerate() {
        let (stem, text) = &scripts[i + 1];
        assert!(stem.ends_with(&aim.id), "{stem} is not {}", aim.id);
        let said = words(text);
        for p in &aim.priorities {
            for (_, c) in p.commitments() {
                let want = words(&expanded(&c.text, &glossary));
                assert!(
                    said.contains(&want),
                    "{stem}: {:?} not said as {want:?}",
                    c.text
                );
                checked += 1;
            }
        }
        for (abbreviation, _) in &glossary {
            assert!(
                !text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == abbreviation),
                "{stem} still says {abbreviation}"
            );
        }
    }
    assert!(checked > 50, "{checked} commitments");
}

/// The minimal plan with its voice set to `voice`.
fn with_voice(voice: &str) -> Site {
    let site = Site::minimal();
    site.edit(
        "content/_index.md",
        "published: 2024-05-01\n",
        &format!("published: 2024-05-01\nvoice: {voice}\n"),
    );
    site
}

/// Builds `site` (without large print, which these tests do not need) and checks the audio
/// was left out with one warning containing each of `says`.
fn left_out(site: &Site, command: &mut Command, says: &[&str]) {
    let out = command.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("audio")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    for s in says {
        assert!(lines[0].contains(s), "{:?} does not say {s:?}", lines[0]);
    }
    assert!(stdout(&out).contains("audio: left out"), "{}", stdout(&out));
    assert!(!site.path("public/other-formats/audio").exists());
    let page = std::fs::read_to_string(site.path("public/listen/index.html")).unwrap();
    assert!(!page.contains("<audio"), "{page}");
    assert!(page.contains("has not been made"), "{page}");
}

fn build(site: &Site) -> Command {
    let themes = themes();
    let mut c = site.command(&["build", "--no-large-print", "--themes-dir", &themes]);
    c.env_remove("PLANPRESS_LIBMP3LAME");
    c
}

#[test]
fn a_missing_or_failing_voice_leaves_the_audio_out_with_one_warning() {
    let site = with_voice("no-such-tts-program --stdout");
    left_out(&site, &mut build(&site), &["no-such-tts-program", "voice:"]);

    // The default voice, not installed: no program on the PATH.
    let site = Site::minimal();
    let empty = tempfile::tempdir().unwrap();
    left_out(
        &site,
        build(&site).env("PATH", empty.path()),
        &["espeak-ng", "apt-get install espeak-ng"],
    );

    // A voice that fails, and one that does not write a WAV file.
    let site = with_voice("false");
    left_out(&site, &mut build(&site), &["\"false\" failed"]);
    let site = with_voice("cat");
    left_out(&site, &mut build(&site), &["did not write a WAV file"]);

    // No MP3 encoder.
    let site = Site::minimal();
    left_out(
        &site,
        build(&site).env("PLANPRESS_LIBMP3LAME", site.path("no-such-lame.so")),
        &["libmp3lame0"],
    );
}

#[test]
fn no_audio_leaves_it_out_without_a_warning() {
    let site = Site::minimal();
    let themes = themes();
    let out = site.run(&[
        "build",
        "--no-audio",
        "--no-large-print",
        "--themes-dir",
        &themes,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(stdout(&out).contains("audio: not made"), "{}", stdout(&out));
    assert!(!site.path("public/other-formats/audio").exists());
}

#[test]
fn odd_characters_and_a_long_chapter_are_spoken_and_a_runaway_one_is_refused() {
    let site = Site::minimal();
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let aim = &plan.aims[0];
    let intro = site.path(format!("content/{}/_index.md", aim.id).as_str());
    let text = std::fs::read_to_string(&intro).unwrap();
    // About 3,000 words (some 19 minutes) with characters no voice knows.
    let paragraph = "Officers patrol the streets 😀 at night\u{202e} and report — “promptly” — to the café on 2024-05-01, up 12% & £3.5m. ";
    let long: String = (0..200)
        .map(|i| format!("{paragraph}Paragraph {i}.\n\n"))
        .collect();
    std::fs::write(&intro, format!("{text}\n{long}")).unwrap();
    let out = build(&site).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    let scripts = scripts(&site);
    let (stem, script) = &scripts[1];
    assert!(
        script.contains("up 12 percent and 3.5 million pounds"),
        "{script}"
    );
    assert!(script.contains("on 1 May 2024"), "{script}");
    let seconds =
        decoded_seconds(&site.path(format!("public/other-formats/audio/{stem}.mp3").as_str()));
    let expected = script.split_whitespace().count() as f64 / WORDS_PER_MINUTE * 60.0;
    assert!(expected > 900.0, "{expected}");
    assert!(
        (seconds - expected).abs() <= 0.2 * expected,
        "{seconds} s, expected {expected} s"
    );

    // A chapter of more than 60,000 words is refused before anything is spoken.
    let runaway: String = "word ".repeat(61_000);
    std::fs::write(&intro, format!("{text}\n{runaway}")).unwrap();
    left_out(&site, &mut build(&site), &["more than the limit of 60000"]);
}
