//! How long the large-print export of the whole shipped plan takes, against a baseline
//! measured in the same run: rendering the website of the same plan.
//!
//! Plain `std::time` timing, no harness: each case runs once to warm up, then `RUNS` times;
//! the median, fastest and slowest are printed. Run with
//! `cargo bench --bench large_print` (release profile); results are recorded in
//! docs/large-print.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use planpress::export::large_print::{self, HtmlTarget, Options};
use planpress::export::website;
use planpress::theme::Theme;

const RUNS: usize = 9;

fn time<T>(mut f: impl FnMut() -> T) -> (Duration, Duration, Duration) {
    black_box(f());
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[RUNS / 2], times[0], times[RUNS - 1])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, (median, min, max): (Duration, Duration, Duration)) -> Duration {
    println!(
        "{name:<48} median {:>8.1} ms   (min {:.1}, max {:.1}, {RUNS} runs)",
        ms(median),
        ms(min),
        ms(max)
    );
    median
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let plan = planpress::read_plan(&root.join("content")).expect("the shipped plan is valid");
    let theme = Theme::load(&root.join("themes"), "default").expect("the default theme loads");
    let default = Options::new(large_print::DEFAULT_SIZE).unwrap();
    let with_performance = default.clone().with_performance(true);

    println!(
        "planpress large-print benchmark: {} aims, {} priorities, {} commitments",
        plan.aims.len(),
        plan.priorities().count(),
        plan.commitments().count()
    );
    let baseline = report(
        "baseline: website render (render_site)",
        time(|| website::render_site(&plan, &theme).unwrap()),
    );
    // Typst memoises layout between compilations in one process; a `planpress` run compiles
    // once, so each timed PDF starts with an empty cache.
    let pdf = report(
        "large-print PDF, 18pt",
        time(|| {
            large_print::forget_cached_layout();
            large_print::pdf(&plan, &default).unwrap()
        }),
    );
    let pdf_perf = report(
        "large-print PDF, 18pt, with performance (build)",
        time(|| {
            large_print::forget_cached_layout();
            large_print::pdf(&plan, &with_performance).unwrap()
        }),
    );
    report(
        "large-print PDF, 18pt, recompiled with warm cache",
        time(|| large_print::pdf(&plan, &default).unwrap()),
    );
    report(
        "large-print Typst source only, 18pt",
        time(|| large_print::typst_source(&plan, &default)),
    );
    report(
        "large-print HTML page, 18pt",
        time(|| large_print::html_page(&plan, &theme, &default, &HtmlTarget::Standalone).unwrap()),
    );
    println!(
        "ratio PDF / website render: {:.1}x (with performance: {:.1}x)",
        ms(pdf) / ms(baseline),
        ms(pdf_perf) / ms(baseline)
    );
    let start = Instant::now();
    let summary = planpress::build(&planpress::BuildOptions {
        content: root.join("content"),
        out: std::env::temp_dir().join(format!("planpress-bench-{}", std::process::id())),
        themes: root.join("themes"),
        typesetter: planpress::export::large_print::typeset::Typesetter::program_at(env!(
            "CARGO_BIN_EXE_planpress-typeset"
        )),
        ..Default::default()
    })
    .unwrap();
    println!(
        "planpress build (one run): {:.0} ms in all; the large-print PDF: {}",
        ms(start.elapsed()),
        summary.made("large-print").unwrap_or("not made")
    );
    let _ = std::fs::remove_dir_all(
        std::env::temp_dir().join(format!("planpress-bench-{}", std::process::id())),
    );
    for size in [16.0, 18.0, 24.0] {
        for (label, opts) in [
            ("", Options::new(size).unwrap()),
            (
                ", with performance",
                Options::new(size).unwrap().with_performance(true),
            ),
        ] {
            let out = large_print::pdf(&plan, &opts).unwrap();
            println!(
                "{size}pt{label}: {} pages, {} bytes ({})",
                out.pages,
                out.bytes.len(),
                planpress::words::human_size(out.bytes.len())
            );
        }
    }
}
