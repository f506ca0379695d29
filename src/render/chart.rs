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

use std::fmt::Write as _;

use crate::render::escape;
use crate::render::performance::{ChartKind, ChartSpec};
use crate::words::{format_fixed, format_value};

/// The drawing's width in SVG units; the chart scales to its container.
const WIDTH: f64 = 640.0;
/// Text size in SVG units.
const FONT: f64 = 16.0;
/// Roughly how wide a character is, for wrapping labels.
const CHAR: f64 = FONT * 0.56;

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

/// Splits `text` into lines of at most `width` units.
fn wrap(text: &str, width: f64) -> Vec<String> {
    let max_chars = ((width / CHAR).floor() as usize).max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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

/// Horizontal bars, one per category, each labelled above and valued at its end, with
/// vertical reference lines for the target or control limits.
fn bars(chart: &ChartSpec) -> (f64, String) {
    let values: Vec<Option<f64>> = chart
        .series
        .first()
        .map(|s| s.values.clone())
        .unwrap_or_default();
    let max = values
        .iter()
        .flatten()
        .chain(chart.references.iter().map(|r| &r.value))
        .fold(0.0f64, |a, b| a.max(*b));
    let (top, step) = scale(max);
    let left = 8.0;
    let right = WIDTH - 96.0;
    let x = |v: f64| left + (v.max(0.0) / top) * (right - left);
    let bar_height = 24.0;
    let line_height = FONT * 1.25;
    let mut out = String::new();
    let mut y = FONT + 4.0;
    text(
        &mut out,
        "chart-axis-title",
        left,
        y,
        std::slice::from_ref(&chart.category_axis),
    );
    y += 10.0;
    // One row per reference label, above the bars, so labels never overlap.
    let refs_top = y;
    y += line_height * chart.references.len() as f64;
    for (i, (label, value)) in chart.categories.iter().zip(&values).enumerate() {
        let label_lines = wrap(label, right - left);
        y += line_height;
        text(&mut out, "chart-label", left, y, &label_lines);
        y += line_height * (label_lines.len() as f64 - 1.0) + 6.0;
        let Some(v) = value else {
            y += bar_height + 10.0;
            continue;
        };
        let width = (x(*v) - left).max(1.0);
        if chart.total == Some(i) {
            let _ = writeln!(
                out,
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
                let _ = writeln!(out, "<path class=\"chart-hatch\" d=\"{d}\"/>");
            }
        } else {
            let _ = writeln!(
                out,
                "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                num(left),
                num(y),
                num(width),
                num(bar_height)
            );
        }
        text(
            &mut out,
            "chart-value",
            left + width + 6.0,
            y + bar_height / 2.0 + FONT * 0.35,
            &[format_fixed(*v, chart.unit, chart.decimals)],
        );
        y += bar_height + 10.0;
    }
    let bars_bottom = y;
    // Reference lines run the height of the bars; their labels sit in their own rows above.
    for (i, r) in chart.references.iter().enumerate() {
        let rx = x(r.value);
        let label_y = refs_top + line_height * (i as f64 + 1.0) - 4.0;
        let _ = writeln!(
            out,
            "<line class=\"chart-ref chart-ref-{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            r.kind.id(),
            num(rx),
            num(label_y + 4.0),
            num(rx),
            num(bars_bottom)
        );
        // Keep the label inside the drawing: anchor it at its end when near the right edge.
        let (class, lx) = if rx > WIDTH - 150.0 {
            ("chart-ref-label chart-anchor-end", rx - 4.0)
        } else {
            ("chart-ref-label", rx + 4.0)
        };
        text(&mut out, class, lx, label_y, std::slice::from_ref(&r.label));
    }
    // The value axis along the bottom, with ticks and its title.
    let axis_y = bars_bottom;
    let _ = writeln!(
        out,
        "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(left),
        num(axis_y),
        num(right),
        num(axis_y)
    );
    let mut tick = 0.0;
    while tick <= top + step / 1000.0 {
        let tx = x(tick);
        let _ = writeln!(
            out,
            "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(tx),
            num(axis_y),
            num(tx),
            num(axis_y + 6.0)
        );
        let class = if tick == 0.0 {
            "chart-tick"
        } else {
            "chart-tick chart-anchor-middle"
        };
        text(
            &mut out,
            class,
            tx,
            axis_y + 6.0 + FONT,
            &[format_value(tick, chart.unit)],
        );
        tick += step;
    }
    let title_y = axis_y + 6.0 + FONT * 2.5;
    text(
        &mut out,
        "chart-axis-title chart-anchor-middle",
        (left + right) / 2.0,
        title_y,
        std::slice::from_ref(&chart.value_axis),
    );
    (title_y + 8.0, out)
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
    let left = 72.0;
    let right = WIDTH - 150.0;
    let plot_top = FONT * 2.5;
    let plot_bottom = plot_top + 220.0;
    let n = chart.categories.len().max(1);
    let slot = (right - left) / n as f64;
    let x = |i: usize| left + slot * (i as f64 + 0.5);
    let y = |v: f64| plot_bottom - (v.max(0.0) / top) * (plot_bottom - plot_top);
    let mut out = String::new();
    // The value axis title sits above the axis, level with the text, so it needs no rotation.
    text(
        &mut out,
        "chart-axis-title",
        8.0,
        FONT + 4.0,
        std::slice::from_ref(&chart.value_axis),
    );
    // Value axis with ticks and light grid lines.
    let _ = writeln!(
        out,
        "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(left),
        num(plot_top),
        num(left),
        num(plot_bottom)
    );
    let mut tick = 0.0;
    while tick <= top + step / 1000.0 {
        let ty = y(tick);
        if tick > 0.0 {
            let _ = writeln!(
                out,
                "<line class=\"chart-grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                num(left),
                num(ty),
                num(right),
                num(ty)
            );
        }
        let _ = writeln!(
            out,
            "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(left - 6.0),
            num(ty),
            num(left),
            num(ty)
        );
        text(
            &mut out,
            "chart-tick chart-anchor-end",
            left - 10.0,
            ty + FONT * 0.35,
            &[format_value(tick, chart.unit)],
        );
        tick += step;
    }
    // Category axis along the bottom: one label per period, wrapped to its slot.
    let _ = writeln!(
        out,
        "<line class=\"chart-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(left),
        num(plot_bottom),
        num(right),
        num(plot_bottom)
    );
    let mut deepest = 1usize;
    for (i, c) in chart.categories.iter().enumerate() {
        let label = wrap(c, slot - 6.0);
        deepest = deepest.max(label.len());
        text(
            &mut out,
            "chart-tick chart-anchor-middle",
            x(i),
            plot_bottom + FONT + 6.0,
            &label,
        );
    }
    let axis_title_y = plot_bottom + FONT + 6.0 + FONT * 1.25 * deepest as f64 + 8.0;
    text(
        &mut out,
        "chart-axis-title chart-anchor-middle",
        (left + right) / 2.0,
        axis_title_y,
        std::slice::from_ref(&chart.category_axis),
    );
    // Reference lines, labelled at their right-hand end.
    let mut end_labels: Vec<(f64, String, String)> = Vec::new();
    for r in &chart.references {
        let ry = y(r.value);
        let _ = writeln!(
            out,
            "<line class=\"chart-ref chart-ref-{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            r.kind.id(),
            num(left),
            num(ry),
            num(right),
            num(ry)
        );
        end_labels.push((ry, r.label.clone(), "chart-ref-label".to_string()));
    }
    // The lines themselves: a different dash and point shape for each.
    let label_points = chart.series.len() == 1 && n <= 8;
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
                out,
                "<polyline class=\"chart-line chart-line-{style}\" points=\"{}\"/>",
                d.join(" ")
            );
        }
        for (px, py, v) in &points {
            marker(&mut out, style, *px, *py);
            if label_points {
                text(
                    &mut out,
                    "chart-value chart-anchor-middle",
                    *px,
                    py - 12.0,
                    &[format_fixed(*v, chart.unit, chart.decimals)],
                );
            }
        }
        if let Some((_, py, _)) = points.last() {
            end_labels.push((*py, s.name.clone(), "chart-label".to_string()));
        }
    }
    // End labels, pushed apart so none overlap.
    end_labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gap = FONT * 1.2;
    let mut placed: Vec<f64> = Vec::new();
    for (ly, _, _) in &end_labels {
        let mut ly = *ly + FONT * 0.35;
        if let Some(prev) = placed.last() {
            if ly < prev + gap {
                ly = prev + gap;
            }
        }
        placed.push(ly);
    }
    for ((_, label, class), ly) in end_labels.iter().zip(&placed) {
        text(
            &mut out,
            class,
            right + 8.0,
            *ly,
            &wrap(label, WIDTH - right - 12.0),
        );
    }
    let bottom = axis_title_y.max(placed.last().copied().unwrap_or(0.0)) + 8.0;
    (bottom, out)
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

    #[test]
    fn long_labels_wrap() {
        let lines = wrap(
            "If something similar happened to someone you know, would you recommend for them to contact the police?",
            300.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 35), "{lines:?}");
    }
}
