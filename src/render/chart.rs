//! Charts as inline SVG, drawn at build time from a [`ChartSpec`]; no JavaScript.
//!
//! Each chart is an `<svg role="img">` named by its `<title>` and described by its `<desc>`
//! (the one-sentence summary), with labelled axes and direct labels on every bar, line and
//! reference line, so nothing depends on a colour legend. All styling is done with CSS
//! classes (`chart-bar`, `chart-line`, `chart-ref-target`...) in the theme's stylesheet, so a
//! Content-Security-Policy that forbids inline styles is no obstacle, and forced-colours and
//! print styles can restyle every part. The SVG's own attributes carry geometry only.
//!
//! Bars run horizontally with each label above its bar, so long area names and survey
//! questions never collide. Lines plot periods left to right.
//!
//! No two labels overlap. Every label's box is worked out from its text with the advance
//! widths of the widest font the theme's font list can fall back to (DejaVu Sans Bold, the
//! sans-serif of a Linux desktop without Segoe UI, Roboto or Helvetica), so it holds in any
//! of them; each label is placed where its box is free, or, for a value that would collide
//! (its figure is in the table beside the chart), left out. The drawing scales as a whole with
//! its container, text included (sizes are in the drawing's units), so what does not collide
//! at one width collides at none; the browser audit measures the boxes as drawn
//! (`tests/audit/`).

use std::fmt::Write as _;

use crate::parse::kinds::Unit;
use crate::render::escape;
use crate::render::performance::{ChartKind, ChartSpec};
use crate::words::{format_fixed, format_value};

/// The drawing's width in SVG units; the chart scales to its container.
const WIDTH: f64 = 640.0;
/// Text size in SVG units.
const FONT: f64 = 16.0;
/// How far text reaches above its baseline and below it, in the drawing's units.
const ASCENT: f64 = FONT * 0.93;
const DESCENT: f64 = FONT * 0.24;
/// The distance between the baselines of a wrapped label's lines.
const LINE: f64 = FONT * 1.25;

/// The advance widths of the printable ASCII characters (space to `~`) in DejaVu Sans Bold,
/// in thousandths of the font size, as Chromium lays them out: the widest of the fonts the
/// theme's font list falls back to, so a box worked out with them holds the text in any.
const ADVANCE: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380,
    365, // space to /
    696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, // 0 to ?
    1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, // @ to O
    733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, // P to _
    500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, // ` to o
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, // p to ~
];

/// How wide `text` is drawn, in the drawing's units. A character outside ASCII counts as
/// wide as the widest letter.
pub fn text_width(text: &str) -> f64 {
    let thousandths: u32 = text
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(ADVANCE[c as usize - 32]),
            // Curly quotes and dashes, common in the content, are no wider than these.
            '‘' | '’' => 380,
            '“' | '”' => 657,
            '–' => 500,
            _ => 1103,
        })
        .sum();
    f64::from(thousandths) / 1000.0 * FONT
}

/// A box on the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Rect {
    /// True when the two boxes share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// True when the vertical line at `x` crosses the box (with `gap` to spare either side).
    fn crossed_at(&self, x: f64, gap: f64) -> bool {
        x > self.x0 - gap && x < self.x1 + gap
    }
}

/// Where a label's `x` is: its start, its middle or its end (the class says which).
fn anchor_of(class: &str) -> f64 {
    if class.contains("chart-anchor-end") {
        1.0
    } else if class.contains("chart-anchor-middle") {
        0.5
    } else {
        0.0
    }
}

/// The box of a label of `lines` whose first baseline is at (`x`, `y`), anchored as `class`
/// says.
pub fn label_box(class: &str, x: f64, y: f64, lines: &[String]) -> Rect {
    let width = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let x0 = x - width * anchor_of(class);
    Rect {
        x0,
        y0: y - ASCENT,
        x1: x0 + width,
        y1: y + LINE * (lines.len().max(1) as f64 - 1.0) + DESCENT,
    }
}

/// The chart being drawn: its elements, and the boxes of the labels placed so far.
struct Canvas {
    out: String,
    placed: Vec<Rect>,
}

impl Canvas {
    fn new() -> Self {
        Canvas {
            out: String::new(),
            placed: Vec::new(),
        }
    }

    /// True when a label with this box would overlap none placed so far.
    fn free(&self, r: &Rect) -> bool {
        self.placed.iter().all(|p| !p.overlaps(r))
    }

    /// Draws a label and keeps its box.
    fn text(&mut self, class: &str, x: f64, y: f64, lines: &[String]) -> Rect {
        let r = label_box(class, x, y, lines);
        self.placed.push(r);
        text(&mut self.out, class, x, y, lines);
        r
    }

    /// Draws the first of `choices` (class, x, y) where the label's box is free of every
    /// label placed so far and inside `bounds` and of every box in `avoid`; draws nothing
    /// when none is. Returns whether it drew.
    fn text_where_free(
        &mut self,
        choices: &[(&str, f64, f64)],
        lines: &[String],
        bounds: &Rect,
        avoid: &[Rect],
    ) -> bool {
        for (class, x, y) in choices {
            let r = label_box(class, *x, *y, lines);
            let inside =
                r.x0 >= bounds.x0 && r.x1 <= bounds.x1 && r.y0 >= bounds.y0 && r.y1 <= bounds.y1;
            if inside && self.free(&r) && avoid.iter().all(|a| !a.overlaps(&r)) {
                self.text(class, *x, *y, lines);
                return true;
            }
        }
        false
    }
}

/// Draws `chart` as an inline SVG element. `id` must be unique on the page; it prefixes
/// the ids of the title and description.
pub fn svg(chart: &ChartSpec, id: &str) -> String {
    let body = match chart.kind {
        ChartKind::Bars => bars(chart),
        ChartKind::Lines => lines(chart),
    };
    let (height, inner) = body;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart chart-{}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {} {}\" focusable=\"false\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n{inner}</svg>",
        match chart.kind {
            ChartKind::Bars => "bars",
            ChartKind::Lines => "lines",
        },
        num(WIDTH),
        num(height),
        escape(&chart.title),
        escape(&chart.summary),
    );
    out
}

/// A value as its label writes it: with `decimals` places (as many as it needs with
/// `None`), and a figure in seconds with the chart's word for them.
fn value_text(chart: &ChartSpec, v: f64, decimals: Option<usize>) -> String {
    let unit = match chart.unit {
        Unit::Seconds => Unit::Count,
        u => u,
    };
    let number = match decimals {
        Some(d) => format_fixed(v, unit, d),
        None => format_value(v, unit),
    };
    match chart.unit {
        Unit::Seconds => format!("{number} {}", chart.seconds),
        _ => number,
    }
}

/// A number for an SVG attribute: at most one decimal place.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A tidy axis: a maximum and a step, so there are about five ticks.
fn scale(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 0.2);
    }
    let rough = max / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    ((max / step).ceil() * step, step)
}

/// Splits `text` into lines of at most `width` units. A word longer than that is broken after
/// a hyphen or a slash where it has one, else between letters.
fn wrap(text: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace().flat_map(|w| pieces(w, width)) {
        if !line.is_empty() && text_width(&line) + text_width(" ") + text_width(&word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A word in pieces no wider than `width` (a piece is at least one character).
fn pieces(word: &str, width: f64) -> Vec<String> {
    if text_width(word) <= width {
        return vec![word.to_string()];
    }
    let mut out = Vec::new();
    let mut piece = String::new();
    let mut last_break = None;
    for c in word.chars() {
        let mut next = piece.clone();
        next.push(c);
        if !piece.is_empty() && text_width(&next) > width {
            match last_break {
                // Break after the last hyphen or slash in the piece.
                Some(at) if at < piece.len() => {
                    let rest = piece.split_off(at);
                    out.push(std::mem::replace(&mut piece, rest));
                }
                _ => out.push(std::mem::take(&mut piece)),
            }
            last_break = None;
        }
        piece.push(c);
        if matches!(c, '-' | '/') {
            last_break = Some(piece.len());
        }
    }
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

/// A `<text>` element, one `<tspan>` per line when wrapped.
fn text(out: &mut String, class: &str, x: f64, y: f64, lines: &[String]) {
    let _ = write!(
        out,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\">",
        num(x),
        num(y)
    );
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, "<tspan x=\"{}\">{}</tspan>", num(x), escape(l));
        } else {
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                num(x),
                num(FONT * 1.25),
                escape(l)
            );
        }
    }
    out.push_str("</text>\n");
}

/// The ticks of a value axis from 0 to `top` every `step`, and which of them are labelled:
/// every one, or every second, fifth or tenth when labels side by side would touch.
/// `label_box_at(value, first)` is where a tick's label would go.
fn tick_labels(top: f64, step: f64, label_box_at: impl Fn(f64) -> Rect) -> (Vec<f64>, Vec<f64>) {
    let mut ticks = Vec::new();
    let mut tick = 0.0;
    while tick <= top + step / 1000.0 {
        ticks.push(tick);
        tick += step;
    }
    for every in [1, 2, 5, 10, usize::MAX] {
        let labelled: Vec<f64> = ticks
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                every == usize::MAX && *i == 0 || every != usize::MAX && i % every == 0
            })
            .map(|(_, t)| *t)
            .collect();
        let boxes: Vec<Rect> = labelled.iter().map(|t| label_box_at(*t)).collect();
        let apart = boxes.windows(2).all(|w| {
            let grown = Rect {
                x0: w[0].x0 - 4.0,
                y0: w[0].y0 - 2.0,
                x1: w[0].x1 + 4.0,
                y1: w[0].y1 + 2.0,
            };
            !grown.overlaps(&w[1])
        });
        if apart {
            return (ticks, labelled);
        }
    }
    (ticks.clone(), ticks.into_iter().take(1).collect())
}

/// Horizontal bars, one per category, each labelled above and valued at its end, with
/// vertical reference lines for the target or control limits.
fn bars(chart: &ChartSpec) -> (f64, String) {
    let values: Vec<Option<f64>> = chart
        .series
        .first()
        .map(|s| s.values.clone())
        .unwrap_or_default();
    let label_of = |v: f64| value_text(chart, v, Some(chart.decimals));
    let max = values
        .iter()
        .flatten()
        .chain(chart.references.iter().map(|r| &r.value))
        .fold(0.0f64, |a, b| a.max(*b));
    let (top, step) = scale(max);
    let left = 8.0;
    // Room at the right for the widest value label, even when it has to go past a reference
    // line at the end of the scale.
    let widest = values
        .iter()
        .flatten()
        .map(|v| text_width(&label_of(*v)))
        .fold(0.0, f64::max);
    let right = (WIDTH - 8.0 - widest - 10.0).clamp(WIDTH / 2.0, WIDTH - 96.0);
    let x = |v: f64| left + (v.max(0.0) / top) * (right - left);
    let bar_height = 24.0;
    let mut c = Canvas::new();
    let mut y = FONT + 4.0;
    let title = wrap(&chart.category_axis, WIDTH - 2.0 * left);
    c.text("chart-axis-title", left, y, &title);
    y += LINE * (title.len().max(1) as f64 - 1.0) + 10.0;
    // One row per reference label, above the bars, so labels never overlap. Each line runs
    // down from its own label's row, so a label must keep clear of the lines of the rows
    // above it.
    let ref_labels: Vec<Vec<String>> = chart
        .references
        .iter()
        .map(|r| wrap(&r.label, WIDTH / 2.0))
        .collect();
    let refs_top = y;
    let placement = reference_rows(chart, &ref_labels, &x, refs_top);
    y += ref_labels.iter().map(|l| row_height(l)).sum::<f64>();
    let lines_top = y;
    let mut ref_lines: Vec<(f64, f64)> = Vec::new();
    for (i, r) in chart.references.iter().enumerate() {
        let (label_y, class, lx) = placement.as_ref().map_or_else(
            || fallback_reference(&ref_labels, &x(r.value), i, refs_top),
            |p| p[i].clone(),
        );
        let b = c.text(&class, lx, label_y, &ref_labels[i]);
        // Without a placement that keeps every line clear of the labels below its own, the
        // lines start below all of them.
        let from = if placement.is_some() {
            b.y1 + 1.0
        } else {
            lines_top
        };
        ref_lines.push((x(r.value), from));
    }
    for (i, (label, value)) in chart.categories.iter().zip(&values).enumerate() {
        let label_lines = wrap(label, right - left);
        y += LINE;
        c.text("chart-label", left, y, &label_lines);
        y += LINE * (label_lines.len() as f64 - 1.0) + 6.0;
        let Some(v) = value else {
            y += bar_height + 10.0;
            continue;
        };
        let width = (x(*v) - left).max(1.0);
        if chart.total == Some(i) {
            let _ = writeln!(
                c.out,
                "<rect class=\"chart-bar-total\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                num(left),
                num(y),
                num(width),
                num(bar_height)
            );
            // A hatch of vertical strokes marks the force-wide bar as a total.
            let mut hx = left + 5.0;
            let mut d = String::new();
            while hx < left + width - 1.0 {
                let _ = write!(d, "M{} {}V{}", num(hx), num(y), num(y + bar_height));
                hx += 6.0;
            }
            if !d.is_empty() {
                let _ = writeln!(c.out, "<path class=\"chart-hatch\" d=\"{d}\"/>");
            }
        } else {
            let _ = writeln!(
                c.out,
                "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                num(left),
                num(y),
                num(width),
                num(bar_height)
            );
        }
        // The value just past the bar's end, or past any reference line it would sit on.
        let text = label_of(*v);
        let w = text_width(&text);
        let mut lx = left + width + 6.0;
        let mut crossing: Vec<f64> = ref_lines.iter().map(|(rx, _)| *rx).collect();
        crossing.sort_by(f64::total_cmp);
        for rx in crossing {
            if rx > lx - 4.0 && rx < lx + w + 4.0 {
                lx = rx + 6.0;
            }
        }
        c.text(
            "chart-value",
            lx,
            y + bar_height / 2.0 + FONT * 0.35,
            &[text],
        );
        y += bar_height + 10.0;
    }
    let bars_bottom = y;
    for (r, (rx, from)) in chart.references.iter().zip(&ref_lines) {
        let _ = writeln!(
            c.out,
            "<line class=\"chart-ref chart-ref-{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            r.kind.id(),
            num(*rx),
            num(*from),
            num(*rx),
            num(bars_bottom)
        );
    }
    // The value axis along the bottom, with ticks and its title.
    let axis_y = bars_bottom;
    let _ = writeln!(
        c.out,
        "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(left),
        num(axis_y),
        num(right),
        num(axis_y)
    );
    let tick_class = |t: f64| {
        if t == 0.0 {
            "chart-tick"
        } else {
            "chart-tick chart-anchor-middle"
        }
    };
    let tick_y = axis_y + 6.0 + FONT;
    let (ticks, labelled) = tick_labels(top, step, |t| {
        label_box(tick_class(t), x(t), tick_y, &[value_text(chart, t, None)])
    });
    for t in ticks {
        let _ = writeln!(
            c.out,
            "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(x(t)),
            num(axis_y),
            num(x(t)),
            num(axis_y + 6.0)
        );
    }
    for t in labelled {
        c.text(tick_class(t), x(t), tick_y, &[value_text(chart, t, None)]);
    }
    let title_y = axis_y + 6.0 + FONT * 2.5;
    let title = c.text(
        "chart-axis-title chart-anchor-middle",
        (left + right) / 2.0,
        title_y,
        &wrap(&chart.value_axis, right - left),
    );
    (title.y1 + 8.0, c.out)
}

/// The height of a row for a reference label of these lines.
fn row_height(lines: &[String]) -> f64 {
    LINE * lines.len().max(1) as f64 + 6.0
}

/// A reference label's place: (first baseline, class, x).
type RefPlace = (f64, String, f64);

/// Places each reference label (`labels`, wrapped) in a row of its own so that no line
/// crosses a label of a lower row: every order of the rows and every side of its line is
/// tried, in a fixed order, and the first that works is kept. `None` when none does.
fn reference_rows(
    chart: &ChartSpec,
    labels: &[Vec<String>],
    x: &dyn Fn(f64) -> f64,
    top: f64,
) -> Option<Vec<RefPlace>> {
    let n = chart.references.len();
    // The orders of the rows: the rightmost line's label on top first.
    let mut by_x: Vec<usize> = (0..n).collect();
    by_x.sort_by(|a, b| x(chart.references[*b].value).total_cmp(&x(chart.references[*a].value)));
    let mut orders = vec![by_x];
    permutations(&mut (0..n).collect::<Vec<_>>(), 0, &mut orders);
    for order in orders {
        for sides in 0..(1u32 << n) {
            let mut placed: Vec<RefPlace> = vec![(0.0, String::new(), 0.0); n];
            let mut boxes: Vec<(usize, Rect)> = Vec::new();
            let mut ok = true;
            let mut row_top = top;
            for (row_at, &i) in order.iter().enumerate() {
                let rx = x(chart.references[i].value);
                let (class, lx) = if (sides >> row_at) & 1 == 0 {
                    ("chart-ref-label chart-anchor-end", rx - 4.0)
                } else {
                    ("chart-ref-label", rx + 4.0)
                };
                let label_y = row_top + 2.0 + ASCENT;
                row_top += row_height(&labels[i]);
                let b = label_box(class, lx, label_y, &labels[i]);
                if b.x0 < 0.0 || b.x1 > WIDTH {
                    ok = false;
                    break;
                }
                boxes.push((row_at, b));
                placed[i] = (label_y, class.to_string(), lx);
            }
            // No line crosses the label of a row below its own.
            ok = ok
                && order.iter().enumerate().all(|(row_at, &i)| {
                    let rx = x(chart.references[i].value);
                    boxes
                        .iter()
                        .filter(|(r, _)| *r > row_at)
                        .all(|(_, b)| !b.crossed_at(rx, 3.0))
                });
            if ok {
                return Some(placed);
            }
        }
    }
    None
}

/// Every order of `items[k..]` not in `out` yet, appended to it.
fn permutations(items: &mut Vec<usize>, k: usize, out: &mut Vec<Vec<usize>>) {
    if k == items.len() {
        if !out.contains(items) {
            out.push(items.clone());
        }
        return;
    }
    for i in k..items.len() {
        items.swap(k, i);
        permutations(items, k + 1, out);
        items.swap(k, i);
    }
}

/// Reference label `i`'s place when no placement keeps every line clear of the labels: in
/// row `i`, beside its line at `rx`, kept inside the drawing (the lines then start below all
/// the labels).
fn fallback_reference(labels: &[Vec<String>], rx: &f64, i: usize, top: f64) -> RefPlace {
    let label_y = top + labels[..i].iter().map(|l| row_height(l)).sum::<f64>() + 2.0 + ASCENT;
    let w = labels[i].iter().map(|l| text_width(l)).fold(0.0, f64::max);
    if rx + 4.0 + w <= WIDTH {
        (label_y, "chart-ref-label".to_string(), rx + 4.0)
    } else {
        (
            label_y,
            "chart-ref-label chart-anchor-end".to_string(),
            (rx - 4.0).max(w),
        )
    }
}

/// Lines across periods, each point marked with a shape and its value, each line named at
/// its end, with horizontal reference lines.
fn lines(chart: &ChartSpec) -> (f64, String) {
    let max = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .chain(chart.references.iter().map(|r| &r.value))
        .fold(0.0f64, |a, b| a.max(*b));
    let (top, step) = scale(max);
    // Room at the left for the widest tick label.
    let mut widest_tick = 0.0f64;
    let mut t = 0.0;
    while t <= top + step / 1000.0 {
        widest_tick = widest_tick.max(text_width(&value_text(chart, t, None)));
        t += step;
    }
    let left = (widest_tick + 18.0).max(72.0);
    let right = WIDTH - 150.0;
    let value_title = wrap(&chart.value_axis, WIDTH - 16.0);
    let plot_top = FONT * 2.5 + LINE * (value_title.len().max(1) as f64 - 1.0);
    let plot_bottom = plot_top + 220.0;
    let n = chart.categories.len().max(1);
    let slot = (right - left) / n as f64;
    let x = |i: usize| left + slot * (i as f64 + 0.5);
    let y = |v: f64| plot_bottom - (v.max(0.0) / top) * (plot_bottom - plot_top);
    let mut c = Canvas::new();
    // The value axis title sits above the axis, level with the text, so it needs no rotation.
    c.text("chart-axis-title", 8.0, FONT + 4.0, &value_title);
    // Value axis with ticks and light grid lines.
    let _ = writeln!(
        c.out,
        "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(left),
        num(plot_top),
        num(left),
        num(plot_bottom)
    );
    let tick_class = "chart-tick chart-anchor-end";
    let (ticks, labelled) = tick_labels(top, step, |t| {
        label_box(
            tick_class,
            left - 10.0,
            y(t) + FONT * 0.35,
            &[value_text(chart, t, None)],
        )
    });
    for &t in &ticks {
        let ty = y(t);
        if t > 0.0 {
            let _ = writeln!(
                c.out,
                "<line class=\"chart-grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                num(left),
                num(ty),
                num(right),
                num(ty)
            );
        }
        let _ = writeln!(
            c.out,
            "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(left - 6.0),
            num(ty),
            num(left),
            num(ty)
        );
    }
    for t in labelled {
        c.text(
            tick_class,
            left - 10.0,
            y(t) + FONT * 0.35,
            &[value_text(chart, t, None)],
        );
    }
    // Category axis along the bottom: one label per period, wrapped to its slot; a label
    // that would touch the one before it goes on a row further down.
    let _ = writeln!(
        c.out,
        "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(left),
        num(plot_bottom),
        num(right),
        num(plot_bottom)
    );
    let labels: Vec<Vec<String>> = chart
        .categories
        .iter()
        .map(|cat| wrap(cat, slot - 6.0))
        .collect();
    let deepest = labels.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
    let row_depth = LINE * deepest + 4.0;
    let mut bottom = plot_bottom;
    for (i, label) in labels.iter().enumerate() {
        let class = "chart-tick chart-anchor-middle";
        // Clear of the lowest tick's label, which sits on the axis.
        let mut ly = plot_bottom + DESCENT + 12.0 + ASCENT;
        while !c.free(&label_box(class, x(i), ly, label)) {
            ly += row_depth;
        }
        let r = c.text(class, x(i), ly, label);
        bottom = bottom.max(r.y1);
    }
    let axis_title_y = bottom + 8.0 + ASCENT;
    let title = c.text(
        "chart-axis-title chart-anchor-middle",
        (left + right) / 2.0,
        axis_title_y,
        &wrap(&chart.category_axis, right - left),
    );
    bottom = bottom.max(title.y1);
    // Reference lines, labelled at their right-hand end.
    let mut end_labels: Vec<(f64, Vec<String>, &str)> = Vec::new();
    let end_width = WIDTH - right - 12.0;
    for r in &chart.references {
        let ry = y(r.value);
        let _ = writeln!(
            c.out,
            "<line class=\"chart-ref chart-ref-{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            r.kind.id(),
            num(left),
            num(ry),
            num(right),
            num(ry)
        );
        end_labels.push((ry, wrap(&r.label, end_width), "chart-ref-label"));
    }
    // The lines themselves: a different dash and point shape for each.
    let mut values: Vec<(f64, f64, f64)> = Vec::new();
    for (k, s) in chart.series.iter().enumerate() {
        let points: Vec<(f64, f64, f64)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (x(i), y(v), v)))
            .collect();
        let style = k % 4 + 1;
        if points.len() > 1 {
            let d: Vec<String> = points
                .iter()
                .map(|(px, py, _)| format!("{},{}", num(*px), num(*py)))
                .collect();
            let _ = writeln!(
                c.out,
                "<polyline class=\"chart-line chart-line-{style}\" points=\"{}\"/>",
                d.join(" ")
            );
        }
        for (px, py, _) in &points {
            marker(&mut c.out, style, *px, *py);
        }
        if chart.series.len() == 1 {
            values = points.clone();
        }
        if let Some((_, py, _)) = points.last() {
            end_labels.push((*py, wrap(&s.name, end_width), "chart-label"));
        }
    }
    // End labels, from the top down, each pushed below the one before it.
    end_labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut last_bottom = f64::NEG_INFINITY;
    for (ly, label, class) in &end_labels {
        let mut ly = ly + FONT * 0.35;
        if ly - ASCENT < last_bottom + 2.0 {
            ly = last_bottom + 2.0 + ASCENT;
        }
        let r = c.text(class, right + 8.0, ly, label);
        last_bottom = r.y1;
        bottom = bottom.max(r.y1);
    }
    // The value at each point of a single line: above it, or else below it, where it touches
    // no other label and no point; left out where neither is free (the table beside the
    // chart gives every figure).
    let points: Vec<Rect> = values
        .iter()
        .map(|(px, py, _)| Rect {
            x0: px - 7.0,
            y0: py - 7.0,
            x1: px + 7.0,
            y1: py + 7.0,
        })
        .collect();
    let bounds = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: right + 4.0,
        y1: plot_bottom,
    };
    for (px, py, v) in &values {
        let class = "chart-value chart-anchor-middle";
        let text = [value_text(chart, *v, Some(chart.decimals))];
        c.text_where_free(
            &[(class, *px, py - 12.0), (class, *px, py + 12.0 + ASCENT)],
            &text,
            &bounds,
            &points,
        );
    }
    (bottom + 8.0, c.out)
}

/// A point marker: circle, square, triangle or diamond, by line number.
fn marker(out: &mut String, style: usize, x: f64, y: f64) {
    let r = 5.0;
    let _ = match style {
        1 => writeln!(
            out,
            "<circle class=\"chart-point chart-point-{style}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
            num(x),
            num(y),
            num(r)
        ),
        2 => writeln!(
            out,
            "<rect class=\"chart-point chart-point-{style}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            num(x - r),
            num(y - r),
            num(2.0 * r),
            num(2.0 * r)
        ),
        3 => writeln!(
            out,
            "<path class=\"chart-point chart-point-{style}\" d=\"M{} {}L{} {}L{} {}Z\"/>",
            num(x),
            num(y - r - 1.0),
            num(x + r + 1.0),
            num(y + r),
            num(x - r - 1.0),
            num(y + r)
        ),
        _ => writeln!(
            out,
            "<path class=\"chart-point chart-point-{style}\" d=\"M{} {}L{} {}L{} {}L{} {}Z\"/>",
            num(x),
            num(y - r - 1.0),
            num(x + r + 1.0),
            num(y),
            num(x),
            num(y + r + 1.0),
            num(x - r - 1.0),
            num(y)
        ),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::kinds::Unit;
    use crate::render::performance::{ChartSeries, Reference, ReferenceKind};

    fn spec(kind: ChartKind) -> ChartSpec {
        ChartSpec {
            kind,
            title: "Referrals by area".into(),
            summary: "Force-wide 24.2% against a target of 25%.".into(),
            unit: Unit::Percent,
            decimals: 1,
            seconds: "seconds".into(),
            category_axis: "Local policing area".into(),
            value_axis: "Per cent".into(),
            categories: vec!["North".into(), "South & East".into(), "Force-wide".into()],
            series: vec![ChartSeries {
                name: "Referrals".into(),
                values: vec![Some(18.1), None, Some(24.2)],
            }],
            total: Some(2),
            references: vec![Reference {
                kind: ReferenceKind::Target,
                label: "Target 25%".into(),
                value: 25.0,
            }],
        }
    }

    #[test]
    fn scales_are_tidy() {
        assert_eq!(scale(30.2), (40.0, 10.0));
        assert_eq!(scale(94.0), (100.0, 20.0));
        assert_eq!(scale(6447.0), (8000.0, 2000.0));
        assert_eq!(scale(0.0), (1.0, 0.2));
    }

    #[test]
    fn a_chart_is_a_named_described_image_styled_only_by_classes() {
        for kind in [ChartKind::Bars, ChartKind::Lines] {
            let svg = svg(&spec(kind), "c1");
            assert!(svg.starts_with("<svg class=\"chart"), "{svg}");
            assert!(svg.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
            assert!(svg.contains("<title id=\"c1-title\">Referrals by area</title>"));
            assert!(svg.contains("<desc id=\"c1-desc\">Force-wide 24.2%"));
            assert!(svg.contains("South &amp; East"), "labels are escaped");
            assert!(svg.contains(">Target 25%<"), "the target line is labelled");
            assert!(svg.contains(">Per cent<"), "value axis title");
            assert!(!svg.contains("style="), "no inline styles: {svg}");
            assert!(!svg.contains("fill=") && !svg.contains("stroke="), "{svg}");
        }
        let bars = svg(&spec(ChartKind::Bars), "c1");
        assert!(
            bars.contains(">18.1%<") && bars.contains(">24.2%<"),
            "direct labels"
        );
        assert!(bars.contains("chart-bar-total") && bars.contains("chart-hatch"));
        assert!(bars.contains(">Local policing area<"));
    }

    /// Every `<text>` of a drawn chart: its class, and its box worked out as the layout
    /// works boxes out.
    pub(crate) fn drawn_labels(svg: &str) -> Vec<(String, Rect, String)> {
        let attr = |tag: &str, name: &str| -> String {
            let at = tag.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3);
            at.map(|i| tag[i..i + tag[i..].find('"').unwrap()].to_string())
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        for piece in svg.split("<text ").skip(1) {
            let tag = &format!(" {}", &piece[..piece.find('>').unwrap()]);
            let body = &piece[..piece.find("</text>").unwrap()];
            let lines: Vec<String> = body
                .split("<tspan")
                .skip(1)
                .map(|t| {
                    let t = &t[t.find('>').unwrap() + 1..];
                    t[..t.find("</tspan>").unwrap()]
                        .replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                })
                .collect();
            let (class, x, y) = (
                attr(tag, "class"),
                attr(tag, "x").parse::<f64>().unwrap(),
                attr(tag, "y").parse::<f64>().unwrap(),
            );
            let r = label_box(&class, x, y, &lines);
            out.push((class, r, lines.join(" ")));
        }
        out
    }

    /// The vertical reference lines of a drawn bar chart: x, top and bottom.
    fn vertical_lines(svg: &str) -> Vec<(f64, f64, f64)> {
        svg.split("<line class=\"chart-ref ")
            .skip(1)
            .map(|l| {
                let n = |name: &str| -> f64 {
                    let i = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    l[i..i + l[i..].find('"').unwrap()].parse().unwrap()
                };
                (n("x1"), n("y1"), n("y2"))
            })
            .filter(|(x, _, _)| *x > 0.0)
            .collect()
    }

    /// Asserts no two labels of `chart` overlap, every label is inside the drawing, and, in
    /// bars, no reference line runs through a value or another reference line's label.
    fn assert_clear(chart: &ChartSpec) {
        let svg = svg(chart, "c");
        let labels = drawn_labels(&svg);
        let height: f64 = {
            let v = &svg[svg.find("viewBox=\"0 0 ").unwrap() + 13..];
            v[..v.find('"').unwrap()]
                .split(' ')
                .nth(1)
                .unwrap()
                .parse()
                .unwrap()
        };
        for (i, (_, a, ta)) in labels.iter().enumerate() {
            assert!(
                a.x0 >= -0.5 && a.x1 <= WIDTH + 0.5 && a.y0 >= -0.5 && a.y1 <= height + 0.5,
                "\"{ta}\" ({a:?}) is outside the drawing of {WIDTH} by {height}"
            );
            for (_, b, tb) in &labels[i + 1..] {
                assert!(!a.overlaps(b), "\"{ta}\" ({a:?}) overlaps \"{tb}\" ({b:?})");
            }
        }
        if chart.kind == ChartKind::Bars {
            for (x, top, bottom) in vertical_lines(&svg) {
                for (class, r, t) in &labels {
                    let crosses = r.crossed_at(x, 0.0) && r.y1 > top && r.y0 < bottom;
                    let guarded =
                        class.contains("chart-value") || class.contains("chart-ref-label");
                    assert!(
                        !(crosses && guarded),
                        "a reference line at {x} runs through \"{t}\""
                    );
                }
            }
        }
    }

    fn limits_chart(values: &[f64], upper: f64, lower: f64, unit: Unit) -> ChartSpec {
        ChartSpec {
            kind: ChartKind::Bars,
            title: "Against the control limits".into(),
            summary: "S".into(),
            unit,
            decimals: 0,
            seconds: "seconds".into(),
            category_axis: "Period".into(),
            value_axis: "Number".into(),
            categories: (0..values.len())
                .map(|i| format!("Quarter {} 2021/22 (April to June 2021)", i + 1))
                .collect(),
            series: vec![ChartSeries {
                name: "Crime".into(),
                values: values.iter().map(|v| Some(*v)).collect(),
            }],
            total: None,
            references: vec![
                Reference {
                    kind: ReferenceKind::Upper,
                    label: format!("Upper limit {}", format_value(upper, unit)),
                    value: upper,
                },
                Reference {
                    kind: ReferenceKind::Lower,
                    label: format!("Lower limit {}", format_value(lower, unit)),
                    value: lower,
                },
            ],
        }
    }

    #[test]
    fn control_limit_labels_clear_each_other_and_the_values() {
        // All crime recorded (Q1 2021/22): the upper limit next to the end of the scale, the
        // lower one near a value.
        assert_clear(&limits_chart(
            &[21497.0, 21009.0],
            24419.0,
            19164.0,
            Unit::Count,
        ));
        // Limits close together, equal, at zero, at the top, a value on a limit.
        assert_clear(&limits_chart(&[453.0, 708.0], 607.0, 600.0, Unit::Count));
        assert_clear(&limits_chart(&[10.0, 12.0], 11.0, 11.0, Unit::Count));
        assert_clear(&limits_chart(&[0.0, 5.0], 9.0, 0.0, Unit::Count));
        assert_clear(&limits_chart(&[95.0, 41.0], 180.0, 60.0, Unit::Seconds));
        assert_clear(&limits_chart(
            &[100000.0, 99999.0],
            100000.0,
            99999.0,
            Unit::Seconds,
        ));
        assert_clear(&limits_chart(&[607.0], 607.0, 307.0, Unit::Count));
    }

    #[test]
    fn labels_never_collide_in_charts_of_any_shape() {
        use proptest::prelude::*;
        let word = prop::sample::select(vec![
            "Quarter",
            "1",
            "2021/22",
            "April",
            "Northshire",
            "Coast",
            "&",
            "Dales",
            "satisfaction",
            "W",
            "Force-wide",
            "(July",
            "to",
            "September",
            "2021)",
            "Aberdŵr",
            "Extraordinarily-long-hyphenated-area-name",
        ]);
        let label = prop::collection::vec(word.clone(), 1..8).prop_map(|w| w.join(" "));
        // Axis titles as long as a breakdown's title can be.
        let axis = prop::collection::vec(word, 1..24).prop_map(|w| w.join(" "));
        let value = prop_oneof![Just(0.0), 0.0f64..100.0, 0.0f64..1_000_000.0];
        let strategy = (
            prop::bool::ANY,
            prop::collection::vec((label.clone(), prop::option::of(value.clone())), 1..16),
            prop::collection::vec((label, value), 0..4),
            prop::sample::select(vec![Unit::Percent, Unit::Count, Unit::Seconds, Unit::Rate]),
            1usize..4,
            axis,
        );
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
            cases: 300,
            failure_persistence: None,
            ..Default::default()
        });
        runner
            .run(&strategy, |(bars, points, refs, unit, lines, axis)| {
                let kinds = [
                    ReferenceKind::Target,
                    ReferenceKind::Upper,
                    ReferenceKind::Lower,
                ];
                let chart = ChartSpec {
                    kind: if bars {
                        ChartKind::Bars
                    } else {
                        ChartKind::Lines
                    },
                    title: "T".into(),
                    summary: "S".into(),
                    unit,
                    decimals: 1,
                    seconds: "seconds".into(),
                    category_axis: axis.clone(),
                    value_axis: format!("{} {axis}", unit.label()),
                    categories: points.iter().map(|(l, _)| l.clone()).collect(),
                    series: (0..if bars { 1 } else { lines })
                        .map(|k| ChartSeries {
                            name: format!("Line {k} of the measure's figures"),
                            values: points
                                .iter()
                                .map(|(_, v)| v.map(|v| v * (k + 1) as f64))
                                .collect(),
                        })
                        .collect(),
                    total: bars.then_some(points.len() - 1),
                    references: refs
                        .iter()
                        .enumerate()
                        .map(|(i, (l, v))| Reference {
                            kind: kinds[i % 3],
                            label: format!("{} {}", l, format_value(*v, unit)),
                            value: *v,
                        })
                        .collect(),
                };
                assert_clear(&chart);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn figures_in_seconds_take_the_charts_word_for_them() {
        let mut chart = limits_chart(&[95.0, 41.0], 90.0, 40.0, Unit::Seconds);
        chart.seconds = "eiliad".into();
        // The reference lines are labelled by the chart's maker, in its words.
        chart.references[0].label = "Terfyn uchaf 90 eiliad".into();
        chart.references[1].label = "Terfyn isaf 40 eiliad".into();
        for kind in [ChartKind::Bars, ChartKind::Lines] {
            chart.kind = kind;
            let svg = svg(&chart, "c");
            assert!(svg.contains(">95 eiliad<"), "{svg}");
            assert!(!svg.contains("seconds"), "{svg}");
        }
    }

    #[test]
    fn text_is_measured_by_its_letters() {
        assert_eq!(text_width(""), 0.0);
        assert!(text_width("WWW") > text_width("iii") * 2.0);
        assert!((text_width("21,009") - (5.0 * 696.0 + 380.0) / 1000.0 * FONT).abs() < 1e-9);
    }

    #[test]
    fn long_labels_wrap() {
        let lines = wrap(
            "If something similar happened to someone you know, would you recommend for them to contact the police?",
            300.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l) <= 300.0), "{lines:?}");
    }
}
