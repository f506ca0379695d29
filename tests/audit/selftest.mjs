#!/usr/bin/env node
// Proves that audit.mjs bites: the hand-written accessible site in
// fixtures/good must pass, and each deliberate break must make the audit
// fail for the right rule (and, where the break is local to one page, only
// on that page).
//
//   node tests/audit/selftest.mjs [--jobs N] [--keep] [NAME...]
//
// Prints `selftest: N passed, M failed`; exits 1 on any failure.

import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const GOOD = join(HERE, 'fixtures', 'good');
const AUDIT = join(HERE, 'audit.mjs');
const ALL_PAGES = ['/', '/budget.html', '/chart.html'];

// Edit one file of the copied site; fail loudly if the anchor text is gone,
// so a change to the fixture cannot silently turn a break into a no-op.
async function edit(site, file, from, to) {
  const p = join(site, file);
  const s = await readFile(p, 'utf8');
  if (typeof from === 'string' ? !s.includes(from) : !from.test(s)) {
    throw new Error(`fixture ${file} no longer contains ${from}`);
  }
  await writeFile(p, s.replace(from, to));
}
const appendCss = async (site, css) => {
  const p = join(site, 'style.css');
  await writeFile(p, (await readFile(p, 'utf8')) + '\n/* selftest break */\n' + css + '\n');
};
const beforeMainEnd = (site, file, html) => edit(site, file, '</main>', html + '\n</main>');

// expect: [page, check, rule, optional regexp over node details]
// onlyPage: the break touches one page, so the other pages must still pass.
// absent: rules that must NOT be reported (the check is specific).
const CASES = [
  {
    name: 'a-no-skip-link', why: 'skip link removed',
    apply: (s) => edit(s, 'index.html', /<a class="skip-link"[^>]*>Skip to main content<\/a>\n/, ''),
    expect: [['/', 'keyboard', 'skip-link-first', /first focus is|expected "Skip to main content"/]], onlyPage: '/',
  },
  {
    name: 'b-img-no-alt', why: "an image's alt dropped",
    apply: (s) => edit(s, 'index.html', / alt="Fixture badge[^"]*"/, ''),
    expect: [['/', 'axe', 'image-alt'], ['/', 'html', 'vnu', /must have an “alt” attribute/]], onlyPage: '/',
  },
  {
    name: 'c-low-contrast', why: 'body text #999 on white',
    apply: (s) => appendCss(s, 'body { color: #999999; }'),
    expect: ALL_PAGES.map((p) => [p, 'axe', 'color-contrast']),
  },
  {
    name: 'd-horizontal-overflow', why: 'a 600px wide fixed-width element',
    apply: (s) => beforeMainEnd(s, 'index.html', '  <div style="width: 600px; border: 2px solid #1b1b1b">A fixed-width box that does not reflow.</div>'),
    expect: [['/', 'reflow', 'reflow', /width 600px/]], onlyPage: '/',
  },
  {
    name: 'e-no-focus-style', why: 'outline:none everywhere',
    apply: (s) => appendCss(s, '*, *:focus, *:focus-visible { outline: none !important; }'),
    expect: ALL_PAGES.map((p) => [p, 'keyboard', 'focus-visible']),
  },
  {
    name: 'f-external-request', why: 'an <img> from another host',
    apply: (s) => beforeMainEnd(s, 'index.html', '  <img src="http://example.invalid/x.png" alt="Remote picture" width="10" height="10">'),
    expect: [['/', 'network', 'external-request', /example\.invalid\/x\.png/]], onlyPage: '/',
  },
  {
    name: 'g-invalid-html', why: 'duplicate id and a stray end tag',
    apply: (s) => beforeMainEnd(s, 'index.html', '  <p id="note">First note.</p>\n  <p id="note">Second note.</p></span>'),
    expect: [['/', 'html', 'vnu', /Duplicate ID/], ['/', 'html', 'vnu', /Stray end tag/]], onlyPage: '/',
  },
  // --- further breaks, one per remaining check -----------------------------
  {
    name: 'h-text-spacing-clip', why: 'fixed-height overflow:hidden box that clips under 1.4.12 spacing',
    apply: (s) => appendCss(s, '.site-name { height: 1.3em; overflow: hidden; }'),
    expect: ALL_PAGES.map((p) => [p, 'text-spacing', 'text-spacing', /site-name|a:nth-of-type|> a/]),
    absent: ['text-clipped'],
  },
  {
    name: 'i-table-no-region', why: 'wide table scroller without tabindex/role/name',
    apply: (s) => edit(s, 'budget.html', '<div class="table-scroll" role="region" aria-labelledby="budget-caption" tabindex="0">', '<div class="table-scroll">'),
    expect: [['/budget.html', 'reflow', 'table-scroll-region', /tabindex="0".*role="region".*accessible name/]], onlyPage: '/budget.html',
  },
  {
    name: 'j-focus-obscured', why: 'a position:fixed banner over the header links',
    apply: (s) => edit(s, 'index.html', '</body>', '<div style="position: fixed; top: 0; left: 0; right: 0; height: 180px; background: #1a4f8b"></div>\n</body>'),
    expect: [['/', 'keyboard', 'focus-obscured', /covered by/]], onlyPage: '/',
  },
  {
    name: 'k-focus-low-contrast', why: 'focus outline #c8c8c8 on white',
    apply: (s) => appendCss(s, 'a:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline-color: #c8c8c8; }'),
    expect: ALL_PAGES.map((p) => [p, 'keyboard', 'focus-indicator-contrast', /outline #c8c8c8 vs #ffffff = 1\.\d+:1/]),
    absent: ['focus-visible'],
  },
  {
    name: 'l-skip-link-wrong-target', why: 'skip link points at a missing id',
    apply: (s) => edit(s, 'index.html', 'href="#main-content"', 'href="#content"'),
    expect: [['/', 'keyboard', 'skip-link-target', /did not move to #main-content/]], onlyPage: '/',
    absent: ['skip-link-first'],
  },
  {
    name: 'm-print-contrast', why: 'pale text in the print stylesheet only',
    apply: (s) => appendCss(s, '@media print { html, a { color: #b5b5b5 !important; } }'),
    expect: ALL_PAGES.map((p) => [p, 'axe-print', 'print:color-contrast']),
    absent: ['color-contrast'],
  },
  {
    name: 'r-forced-colours-focus', why: 'a focus style made of background and shadow only, which forced colours drop',
    apply: (s) => edit(s, 'style.css', 'outline: 3px solid #1b1b1b;', 'outline: none; background: #ffdd00; box-shadow: 0 4px #1b1b1b;'),
    expect: [['/', 'keyboard', 'forced-colours-focus', /outline none/]],
  },
  {
    name: 'n-focus-invisible', why: 'a link that stays off-screen when focused',
    apply: (s) => beforeMainEnd(s, 'index.html', '  <p><a href="chart.html" style="position: absolute; left: -9999px">Hidden chart link</a></p>'),
    expect: [['/', 'keyboard', 'focus-invisible', /outside the viewport/]], onlyPage: '/',
  },
  {
    name: 'o-keyboard-unreachable', why: 'a link that throws focus away',
    apply: (s) => beforeMainEnd(s, 'index.html', '  <p><a href="chart.html" onfocus="this.blur()">Chart again</a></p>'),
    expect: [['/', 'keyboard', 'keyboard-unreachable', /Chart again/]], onlyPage: '/',
  },
  {
    name: 'p-broken-resource', why: 'a stylesheet link to a missing file',
    apply: (s) => edit(s, 'chart.html', '<link rel="stylesheet" href="style.css">', '<link rel="stylesheet" href="style.css">\n<link rel="stylesheet" href="missing.css">'),
    expect: [['/chart.html', 'network', 'broken-resource', /\/missing\.css/]], onlyPage: '/chart.html',
  },
  {
    name: 's-announced-decoration', why: 'a decorative separator without empty alternative text',
    apply: (s) => edit(s, 'style.css', 'content: "·" / "";', 'content: "·";'),
    expect: ALL_PAGES.map((p) => [p, 'screen-reader', 'announced-decoration', /"·"/]),
  },
  {
    name: 'u-chart-labels-overlap', why: "a chart's value label moved onto another's",
    apply: (s) => edit(s, 'chart.html', '<text x="286.2" y="85">58%</text>', '<text x="300" y="42">58%</text>'),
    expect: [['/chart.html', 'charts', 'chart-label-overlap', /at 1280px: "72%" .* overlaps "58%"|at 1280px: "58%" .* overlaps "72%"/]], onlyPage: '/chart.html',
  },
  {
    name: 'v-chart-line-through-value', why: 'a control limit line drawn through a bar\'s value',
    apply: (s) => edit(s, 'chart.html', '<text x="319.8" y="40">72%</text>', '<text class="chart-value" x="319.8" y="40">72%</text>\n      <line class="chart-ref" x1="330" y1="10" x2="330" y2="200" stroke="black"/>'),
    expect: [['/chart.html', 'charts', 'chart-label-overlap', /at 1280px: a reference line at x=\d+ runs through "72%"/]], onlyPage: '/chart.html',
  },
  {
    name: 'h1-below-first-screen', why: 'a header so tall at 320px that the page heading starts below the first screen',
    apply: (s) => edit(s, 'index.html', '<header class="site-header">', '<header class="site-header" style="min-height: 700px">'),
    expect: [['/', 'reflow', 'h1-first-screen', /top \d+px/]], onlyPage: '/',
    absent: ['reflow'],
  },
  {
    // The page is fine once its script has run (the script takes the pale class off); with
    // --no-scripts the script is never loaded, so the audit sees the page as it is without
    // JavaScript. If --no-scripts let the script run, this case would find nothing.
    name: 't-no-scripts', why: 'a page that needs its script to pass, audited with --no-scripts',
    args: ['--no-scripts'],
    apply: async (s) => {
      await appendCss(s, '.pale { color: #aaaaaa; }');
      await writeFile(join(s, 'unpale.js'), 'document.querySelectorAll(".pale").forEach(function (e) { e.classList.remove("pale"); });\n');
      await beforeMainEnd(s, 'index.html', '  <p class="pale">Text that is pale until a script runs.</p>\n  <script src="unpale.js"></script>');
    },
    expect: [['/', 'axe', 'color-contrast', /\.pale/]], onlyPage: '/',
  },
  {
    name: 'q-text-clipped', why: 'text cut off by overflow:hidden at normal spacing',
    apply: (s) => appendCss(s, '.site-name { height: 0.8em; overflow: hidden; }'),
    expect: ALL_PAGES.map((p) => [p, 'reflow', 'text-clipped', /Planpress/]),
    absent: ['text-spacing'],
  },
];

// One audit run holds the good site and every broken copy, each in a folder of its own (the
// fixture's links are relative, so a copy works under any folder): one browser, one Nu checker
// and one compile of axe-core per tab serve them all. A case that needs options of its own
// (`args`) is audited in a run of its own.
function runAudit(dir, report, extra = [], concurrency = 1) {
  return new Promise((ok) => {
    const t = Date.now();
    const child = spawn(process.execPath, [AUDIT, dir, '--report', report, '--concurrency', String(concurrency), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => ok({ code, out, ms: Date.now() - t }));
  });
}

async function readReport(report) {
  return JSON.parse(await readFile(join(report, 'report.json'), 'utf8'));
}

function lastLine(out) {
  return out.trim().split('\n').pop();
}

// The pages of the site in folder `name` of a combined run, by their address within the site.
function pagesUnder(rep, name) {
  const prefix = `/${name}`;
  return rep.pages
    .filter((p) => p.url.startsWith(prefix + '/'))
    .map((p) => ({ ...p, url: p.url.slice(prefix.length) }));
}

// Checks one broken site's pages against what its case expects.
function judgeCase(c, pages) {
  const problems = [];
  const urls = pages.map((p) => p.url).sort();
  if (JSON.stringify(urls) !== JSON.stringify([...ALL_PAGES].sort())) problems.push(`pages audited: ${urls.join(', ') || 'none'}`);
  if (!pages.some((p) => !p.passed)) problems.push('no page failed the audit');
  const page = (u) => pages.find((p) => p.url === u);
  for (const [url, check, rule, re] of c.expect) {
    const p = page(url);
    if (!p) { problems.push(`page ${url} missing from report`); continue; }
    const fs = p.findings.filter((f) => f.check === check && f.rule === rule);
    if (!fs.length) {
      problems.push(`${url}: no ${check}/${rule} finding (got: ${p.findings.map((f) => f.check + '/' + f.rule).join(', ') || 'none'})`);
    } else if (re && !fs.some((f) => f.nodes.some((n) => re.test(`${n.selector} ${n.detail}`)) || re.test(f.message))) {
      problems.push(`${url}: ${check}/${rule} reported, but no node matches ${re}: ${JSON.stringify(fs.map((f) => f.nodes.slice(0, 3)))}`);
    }
  }
  for (const rule of c.absent || []) {
    for (const p of pages) {
      if (p.findings.some((f) => f.rule === rule)) problems.push(`${p.url}: unexpected ${rule} finding (the break should only trip the specific check)`);
    }
  }
  if (c.onlyPage) {
    for (const p of pages) {
      if (p.url !== c.onlyPage && !p.passed) problems.push(`${p.url} should still pass but has ${p.findings.map((f) => f.rule).join(', ')}`);
    }
  }
  return problems;
}

// Checks that the untouched site passed every check on every page.
function judgeGood(pages) {
  const problems = [];
  const urls = pages.map((p) => p.url).sort();
  if (JSON.stringify(urls) !== JSON.stringify([...ALL_PAGES].sort())) problems.push(`pages found: ${urls.join(', ') || 'none'}`);
  for (const p of pages) {
    if (p.findings.length) problems.push(`${p.url}: ${p.findings.map((f) => `${f.check}/${f.rule}: ${JSON.stringify(f.nodes.slice(0, 2))}`).join('; ')}`);
    // guard against a check that silently did nothing
    if (!p.tabOrder || p.tabOrder.length < 5) problems.push(`${p.url}: only ${p.tabOrder ? p.tabOrder.length : 0} tab stops recorded`);
    if (p.tabOrder && p.tabOrder[0] && p.tabOrder[0].label !== 'Skip to main content') problems.push(`${p.url}: first stop ${p.tabOrder[0].label}`);
    if (p.tabOrder && p.tabOrder.some((s) => s.indicator !== 'ok')) problems.push(`${p.url}: a stop without a measured indicator`);
    for (const k of ['keyboard', 'skip-link', 'axe', 'axe-print', 'decoration', 'reflow', 'text-spacing']) {
      if (!(k in (p.timings || {}))) problems.push(`${p.url}: step ${k} did not run`);
    }
  }
  return problems;
}

// The good site and every case without options of its own, in one audit.
async function runCombined(work, cases, jobs) {
  const all = join(work, 'all');
  const report = join(work, 'all-report');
  await cp(GOOD, join(all, 'good'), { recursive: true });
  const prepared = [];
  for (const c of cases) {
    const site = join(all, c.name);
    await cp(GOOD, site, { recursive: true });
    try {
      await c.apply(site);
      prepared.push(c);
    } catch (e) {
      prepared.push({ ...c, failedToApply: String(e.stack || e) });
    }
  }
  const r = await runAudit(all, report, [], jobs);
  const results = [];
  let rep = null;
  const general = [];
  if (r.code !== 1) general.push(`the combined audit exited ${r.code}, expected 1 (some sites are broken)`);
  if (!/^audit: \d+ passed, \d+ failed$/.test(lastLine(r.out))) general.push(`bad last line: ${lastLine(r.out)}`);
  try { rep = await readReport(report); } catch (e) { general.push('no report.json: ' + e.message); }
  const judge = (name, why, fn) => {
    const problems = [...general];
    if (rep) problems.push(...fn());
    results.push({ name, why, ok: problems.length === 0, problems, ms: 0, out: problems.length ? r.out : '' });
  };
  judge('good-site-passes', 'the accessible fixture passes', () => judgeGood(pagesUnder(rep, 'good')));
  for (const c of prepared) {
    judge(c.name, c.why, () => (c.failedToApply ? [c.failedToApply] : judgeCase(c, pagesUnder(rep, c.name))));
  }
  return { results, ms: r.ms };
}

// A case with options of its own, audited alone.
async function runCase(work, c) {
  const dir = join(work, c.name);
  const site = join(dir, 'site');
  const report = join(dir, 'report');
  await cp(GOOD, site, { recursive: true });
  await c.apply(site);
  const r = await runAudit(site, report, c.args);
  const problems = [];
  if (r.code !== 1) problems.push(`audit exited ${r.code}, expected 1`);
  if (!/^audit: \d+ passed, \d+ failed$/.test(lastLine(r.out))) problems.push(`bad last line: ${lastLine(r.out)}`);
  try {
    const rep = await readReport(report);
    problems.push(...judgeCase(c, rep.pages));
  } catch (e) {
    problems.push('no report.json: ' + e.message);
  }
  return { name: c.name, why: c.why, ok: problems.length === 0, problems, ms: r.ms, out: r.out };
}

async function runUsage(work) {
  const empty = join(work, 'empty');
  await mkdir(empty, { recursive: true });
  await writeFile(join(empty, 'readme.txt'), 'no html here\n');
  const problems = [];
  const t = Date.now();
  for (const [args, label] of [[[join(work, 'does-not-exist')], 'missing dir'], [[empty], 'no html files'], [[], 'no arguments']]) {
    const r = await new Promise((ok) => {
      const child = spawn(process.execPath, [AUDIT, ...args, '--report', join(work, 'usage-report')], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.on('close', (code) => ok(code));
    });
    if (r !== 2) problems.push(`${label}: exit ${r}, expected 2`);
  }
  return { name: 'usage-errors-exit-2', why: 'missing dir / no html files / no args', ok: problems.length === 0, problems, ms: Date.now() - t, out: '' };
}

async function main() {
  const args = process.argv.slice(2);
  let jobs = 2;
  let keep = false;
  const only = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--jobs') jobs = Math.max(1, parseInt(args[++i], 10) || 1);
    else if (args[i] === '--keep') keep = true;
    else only.push(args[i]);
  }
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'planpress-audit-selftest-'));
  const cases = only.length ? CASES.filter((c) => only.some((o) => c.name.startsWith(o))) : CASES;
  const report = (r) => {
    console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(28)} ${r.ms ? (r.ms / 1000).toFixed(1).padStart(5) + 's' : '      '}  ${r.why}`);
    if (!r.ok) {
      for (const p of r.problems) console.log(`        - ${p}`);
      if (r.out) console.log(r.out.trim().split('\n').map((l) => '        | ' + l).join('\n'));
    }
  };
  const alone = cases.filter((c) => c.args);
  const results = [];
  const combined = await runCombined(work, cases.filter((c) => !c.args), jobs);
  console.log(`selftest: the good site and ${combined.results.length - 1} broken copies audited together in ${(combined.ms / 1000).toFixed(1)}s`);
  for (const r of combined.results) { report(r); results.push(r); }
  for (const r of [await runUsage(work), ...await Promise.all(alone.map((c) => runCase(work, c).catch((e) => ({ name: c.name, why: c.why, ok: false, problems: [String(e.stack || e)], ms: 0, out: '' }))))]) {
    report(r);
    results.push(r);
  }
  if (!keep) await rm(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`selftest: total ${((Date.now() - started) / 1000).toFixed(1)}s with ${jobs} job(s)`);
  console.log(`selftest: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
