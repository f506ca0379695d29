#!/usr/bin/env node
// Browser accessibility audit for a built planpress site.
//
//   node tests/audit/audit.mjs DIR [--report OUTDIR] [--concurrency N]
//
// Serves DIR on 127.0.0.1, opens every .html file under it in Debian's
// Chromium (playwright-core, no downloaded browser) and checks WCAG 2.2 AA:
// axe-core, keyboard (skip link, focus order, visible focus, focus not
// obscured), reflow at 320px, text spacing, print contrast, requests that
// leave the machine, and the Nu Html Checker. See README.md.
//
// Exit status: 0 no findings, 1 findings, 2 usage or environment error.

import { createServer } from 'node:http';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile, realpath } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const CHROMIUM = process.env.PLANPRESS_CHROMIUM || '/usr/bin/chromium';
const VNU_JAR = join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const HELPERS = join(HERE, 'page-helpers.js');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const DESKTOP = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 640 };
// A width between the two, where the page's column and its charts are at their narrowest
// before the layout changes for phones.
const MIDDLE = { width: 768, height: 800 };
const FORCED_COLOURS_STOPS = 12;
const TAB_CAP = 400;
const PAGE_TIMEOUT_MS = 120_000;
const SKIP_TEXT = 'Skip to main content';
// The skip link's words in each language the theme writes (themes/default/i18n/<lang>.ftl,
// key `skip-link`), so that a page in Welsh is held to its Welsh skip link.
const SKIP_TEXTS = (() => {
  const out = { 'en-GB': SKIP_TEXT };
  const dir = join(REPO, 'themes', 'default', 'i18n');
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ftl')) continue;
    const line = readFileSync(join(dir, name), 'utf8').split('\n').find((l) => l.startsWith('skip-link = '));
    if (line) out[name.slice(0, -'.ftl'.length)] = line.slice('skip-link = '.length).trim();
  }
  return out;
})();

// Launch flags from /work/shared/ACCESSIBILITY.md section 7, plus a resolver
// rule so that nothing but loopback can ever be reached from the browser.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions',
  '--metrics-recording-only',
  '--force-color-profile=srgb',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// Removes motion so that styles are read in their final state.
const STILL_CSS = `*, *::before, *::after {
  animation-duration: 0s !important; animation-delay: 0s !important;
  animation-iteration-count: 1 !important;
  transition-duration: 0s !important; transition-delay: 0s !important;
  scroll-behavior: auto !important; caret-color: transparent !important; }`;

// WCAG 1.4.12 text spacing (the values in the success criterion).
const TEXT_SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

const MIME = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8', '.atom': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.pdf': 'application/pdf', '.epub': 'application/epub+zip', '.brf': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg', '.wav': 'audio/wav', '.ogg': 'audio/ogg', '.mp4': 'video/mp4',
  '.webm': 'video/webm', '.vtt': 'text/vtt; charset=utf-8', '.zip': 'application/zip',
};

// ------------------------------------------------------------------ CLI
function usage(msg) {
  if (msg) console.error(`audit: ${msg}`);
  console.error('usage: node tests/audit/audit.mjs DIR [--report OUTDIR] [--concurrency N] [--only PAGE]... [--also PAGE?QUERY]... [--no-scripts] [--base-path /PATH/]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dir: null, report: join(REPO, 'target', 'audit'), concurrency: 2, only: [], also: [], noScripts: false, basePath: '/' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only' || a === '--also') {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      if (a === '--only') opts.only.push(v);
      else if (!v.includes('?')) usage('--also takes a page and a query: search/index.html?q=word');
      else opts.also.push(v);
    } else if (a === '--no-scripts') opts.noScripts = true;
    else if (a === '--base-path') {
      const v = argv[++i];
      if (v === undefined || !/^\/(.+\/)?$/.test(v)) usage('--base-path takes a path that starts and ends with /: /police-and-crime-plan/');
      opts.basePath = v;
    }
    else if (a === '--report' || a === '--concurrency') {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      if (a === '--report') opts.report = resolve(v);
      else {
        opts.concurrency = parseInt(v, 10);
        if (!(opts.concurrency >= 1 && opts.concurrency <= 8)) usage('--concurrency must be 1..8');
      }
    } else if (a.startsWith('--report=')) opts.report = resolve(a.slice(9));
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.dir === null) opts.dir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.dir) usage('missing DIR');
  return opts;
}

async function findHtml(root) {
  const out = [];
  const seen = new Set();
  async function walk(d) {
    const real = await realpath(d);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const s = await stat(p).catch(() => null);
        isDir = !!s && s.isDirectory();
        isFile = !!s && s.isFile();
      }
      if (isDir) {
        if (e.name === 'node_modules' || e.name === '.git') continue;
        await walk(p);
      } else if (isFile && /\.html?$/i.test(e.name)) out.push(p);
    }
  }
  await walk(root);
  return out;
}

function pageUrl(root, file) {
  const rel = relative(root, file).split(sep).map(encodeURIComponent).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

// --------------------------------------------------------------- server
// With a base path, the site is served under it only (as on an office's website, where the
// rest of the host is something else): anything outside it is 404.
function serve(root, basePath = '/') {
  const server = createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://127.0.0.1');
      if (!u.pathname.startsWith(basePath)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found (outside the base path)');
        return;
      }
      let p = decodeURIComponent('/' + u.pathname.slice(basePath.length));
      if (p.includes('\0')) throw new Error('bad path');
      let file = resolve(root, '.' + p);
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let s = await stat(file).catch(() => null);
      if (s && s.isDirectory()) {
        if (!p.endsWith('/')) {
          res.writeHead(301, { Location: u.pathname + '/' + u.search }).end();
          return;
        }
        file = join(file, 'index.html');
        s = await stat(file).catch(() => null);
      }
      if (!s || !s.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': s.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(400).end('bad request');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// ------------------------------------------------------------------ vnu
function runVnu(files, root) {
  const chunks = [];
  for (let i = 0; i < files.length; i += 200) chunks.push(files.slice(i, i + 200));
  const byFile = new Map(files.map((f) => [f, []]));
  const general = [];
  const one = (chunk) => new Promise((ok) => {
    const child = spawn('java', [
      // short-lived JVM: C1 only and the serial GC start fastest; the schema
      // needs a deep stack.
      '-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
      '-jar', VNU_JAR, '--errors-only', '--no-langdetect', '--format', 'json', '--stdout', ...chunk], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => ok({ error: e.message }));
    child.on('close', (code) => ok({ code, out, err }));
  });
  return (async () => {
    for (const chunk of chunks) {
      const r = await one(chunk);
      if (r.error) { general.push(`could not run java: ${r.error}`); continue; }
      let json = null;
      for (const text of [r.out, r.err]) {
        const i = text.indexOf('{');
        if (i < 0) continue;
        try { json = JSON.parse(text.slice(i)); break; } catch { /* try the other stream */ }
      }
      if (!json) {
        general.push(`vnu exited ${r.code} without JSON: ${(r.err || r.out).slice(0, 500)}`);
        continue;
      }
      for (const m of json.messages || []) {
        if (m.type !== 'error' && m.type !== 'non-document-error') continue;
        let f = null;
        try { f = m.url ? fileURLToPath(m.url) : null; } catch { f = null; }
        const rec = {
          message: m.message,
          line: m.lastLine ?? m.firstLine ?? null,
          column: m.firstColumn ?? null,
          extract: m.extract || '',
          type: m.type,
        };
        if (f && byFile.has(f)) byFile.get(f).push(rec);
        else general.push(`${m.url || '?'}: ${m.message}`);
      }
    }
    return { byFile, general };
  })();
}

// ------------------------------------------------------------- helpers
const rafTwice = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

async function settle(page) {
  await page.evaluate(rafTwice);
}

async function prepare(page, url) {
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.addStyleTag({ content: STILL_CSS });
  await page.evaluate(() => document.fonts && document.fonts.ready.then(() => undefined));
  await page.addScriptTag({ path: HELPERS });
  await settle(page);
  return resp;
}

function isLocalUrl(u) {
  let url;
  try { url = typeof u === 'string' ? new URL(u) : u; } catch { return true; }
  if (!/^(https?|wss?|ftp):$/.test(url.protocol)) return true; // data:, blob:, about: never leave the machine
  return url.hostname === '127.0.0.1';
}

function finding(check, rule, message, nodes = [], extra = {}) {
  return { check, rule, message, nodes, ...extra };
}

// ------------------------------------------------------------ the audit
// One browser context and page per worker, reused from page to page (a new
// renderer per page costs ~0.3 s of CPU). Storage and cookies are cleared and
// the page is parked on about:blank between audits; a page that crashed or
// timed out is replaced.
class Tab {
  constructor(browser, noScripts = false) {
    this.browser = browser;
    this.noScripts = noScripts;
    this.context = null;
    this.page = null;
    this.sink = null;
    this.broken = false;
  }

  async open() {
    const context = await this.browser.newContext({
      viewport: DESKTOP,
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      bypassCSP: true,
      serviceWorkers: 'block',
      locale: 'en-GB',
    });
    context.setDefaultTimeout(30_000);
    context.on('request', (req) => {
      const sink = this.sink;
      if (!sink) return;
      const u = req.url();
      sink.requests++;
      if (!isLocalUrl(u)) {
        const k = u.length > 300 ? u.slice(0, 300) + '...' : u;
        if (!sink.external.has(k)) sink.external.set(k, req.resourceType());
      }
    });
    context.on('response', (resp) => {
      const sink = this.sink;
      if (!sink) return;
      const u = resp.url();
      if (isLocalUrl(u) && /^https?:/.test(u) && resp.status() >= 400 && new URL(u).pathname !== '/favicon.ico') {
        sink.broken.set(new URL(u).pathname + new URL(u).search, resp.status());
      }
    });
    // Nothing leaves the machine: record (above), then refuse.
    await context.route((u) => !isLocalUrl(u), (route) => route.abort('blockedbyclient'));
    // --no-scripts: the page as a reader with JavaScript off has it. Every script the site
    // serves is refused (the pages' Content-Security-Policy allows no other kind); the
    // audit's own tools are put into the page without a request, so they still run.
    if (this.noScripts) {
      await context.route((u) => isLocalUrl(u), (route) => (
        route.request().resourceType() === 'script' ? route.abort('blockedbyclient') : route.fallback()
      ));
    }
    const page = await context.newPage();
    page.on('websocket', (ws) => { if (this.sink && !isLocalUrl(ws.url())) this.sink.external.set(ws.url(), 'websocket'); });
    page.on('crash', () => { this.broken = true; });
    this.context = context;
    this.page = page;
    this.broken = false;
  }

  async ready() {
    if (!this.page || this.broken || this.page.isClosed()) {
      await this.close();
      await this.open();
    }
    await this.page.setViewportSize(DESKTOP);
    await this.page.emulateMedia({ media: 'screen' });
    return this.page;
  }

  async park() {
    try {
      await this.page.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* opaque origin */ } });
      await this.page.goto('about:blank', { timeout: 10_000 });
      await this.context.clearCookies();
    } catch {
      this.broken = true;
    }
    this.sink = null;
  }

  async close() {
    const c = this.context;
    this.context = null;
    this.page = null;
    this.sink = null;
    if (c) await c.close().catch(() => {});
  }
}

async function auditPage(tab, base, item) {
  const url = base + item.url;
  const findings = [];
  const incomplete = [];
  const notes = [];
  const timings = {};
  const tabOrder = [];
  let t0 = Date.now();
  const lap = (name) => { const t = Date.now(); timings[name] = t - t0; t0 = t; };

  const page = await tab.ready();
  const sink = { requests: 0, external: new Map(), broken: new Map() };
  tab.sink = sink;
  const { external, broken } = sink;

  try {
    const resp = await prepare(page, url);
    if (!resp || resp.status() >= 400) {
      findings.push(finding('audit', 'page-load', `page answered HTTP ${resp ? resp.status() : 'nothing'}`));
    }
    // ---- 1. axe-core, screen then print, on the untouched page ----------
    if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: require.resolve('axe-core') });
    const axeScreen = await page.evaluate((tags) => window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
      iframes: false,
    }), AXE_TAGS);
    const axeNodes = (nodes) => nodes.map((n) => ({
      selector: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '),
      detail: (n.failureSummary || [...(n.any || []), ...(n.all || []), ...(n.none || [])].map((c) => c.message).join('\n  ') || '')
        .replace(/:\s*\n\s+/g, ': ').replace(/\n\s+/g, '; ').replace(/\s+/g, ' ').trim(),
      html: (n.html || '').slice(0, 200),
    }));
    for (const v of axeScreen.violations) {
      findings.push(finding('axe', v.id, v.help, axeNodes(v.nodes), { impact: v.impact, helpUrl: v.helpUrl, tags: v.tags.filter((t) => /^wcag|best-practice/.test(t)) }));
    }
    for (const v of axeScreen.incomplete) {
      incomplete.push({ check: 'axe', rule: v.id, message: v.help, impact: v.impact, helpUrl: v.helpUrl, nodes: axeNodes(v.nodes) });
    }
    lap('axe');
    await page.emulateMedia({ media: 'print' });
    await settle(page);
    const axePrint = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast'] },
      resultTypes: ['violations', 'incomplete'],
      iframes: false,
    }));
    await page.emulateMedia({ media: 'screen' });
    for (const v of axePrint.violations) {
      findings.push(finding('axe-print', 'print:' + v.id, v.help + ' (print stylesheet)', axeNodes(v.nodes), { impact: v.impact, helpUrl: v.helpUrl }));
    }
    for (const v of axePrint.incomplete) {
      incomplete.push({ check: 'axe-print', rule: 'print:' + v.id, message: v.help + ' (print stylesheet)', nodes: axeNodes(v.nodes) });
    }
    lap('axe-print');

    // ---- 1b. decoration read aloud -------------------------------------
    // Text a stylesheet generates (::before/::after `content`) is in Chromium's accessibility
    // tree as text with no DOM node behind it, and screen readers read it. A dash, arrow or
    // symbol drawn that way ("— ", "›", "✔") is read before every item unless it is given
    // empty alternative text (`content: "—" / ""`).
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes: ax } = await cdp.send('Accessibility.getFullAXTree');
      const byId = new Map(ax.map((n) => [n.nodeId, n]));
      const decorations = [];
      for (const n of ax) {
        const text = n.name && typeof n.name.value === 'string' ? n.name.value : '';
        if (n.ignored || !n.role || n.role.value !== 'StaticText' || n.backendDOMNodeId) continue;
        if (!text.trim() || /[\p{L}\p{N}]/u.test(text)) continue;
        const parent = byId.get(n.parentId);
        if (parent && parent.role && parent.role.value === 'ListMarker') continue;
        // Name it by its pseudo-element and the nearest element of the page around it.
        let host = parent;
        let pseudo = '';
        let selector = '(unknown)';
        while (host) {
          if (host.backendDOMNodeId) {
            const { node } = await cdp.send('DOM.describeNode', { backendNodeId: host.backendDOMNodeId });
            if (node.pseudoType) {
              pseudo = pseudo || '::' + node.pseudoType;
            } else if (node.nodeType === 1) {
              const attrs = node.attributes || [];
              const at = attrs.indexOf('class');
              const cls = at >= 0 && at % 2 === 0 ? attrs[at + 1].trim() : '';
              selector = node.localName + (cls ? '.' + cls.split(/\s+/).join('.') : '') + pseudo;
              break;
            }
          }
          host = byId.get(host.parentId);
        }
        const label = host && host.name && host.name.value ? ` in "${String(host.name.value).slice(0, 60)}"` : '';
        decorations.push({ selector, detail: `text ${JSON.stringify(text)} generated by the stylesheet is exposed${label}` });
      }
      if (decorations.length) {
        findings.push(finding('screen-reader', 'announced-decoration',
          'Decoration a stylesheet draws with `content` (a dash, arrow or symbol) is read out by screen readers: give it empty alternative text, content: "—" / "" (WCAG 1.3.1).', decorations));
      }
    } finally {
      await cdp.detach().catch(() => {});
    }
    lap('decoration');

    // ---- 2. keyboard walk ------------------------------------------------
    await page.evaluate(() => window.__ppAudit.baseline());
    const expected = await page.evaluate(() => window.__ppAudit.expectedFocusables());
    const stops = [];
    const seen = new Set();
    let capped = false;
    let iframeRepeats = 0;
    let noneInARow = 0;
    let cycledToFirst = false;
    for (let i = 0; ; i++) {
      if (i >= TAB_CAP) { capped = true; break; }
      await page.keyboard.press('Tab');
      const s = await page.evaluate(() => window.__ppAudit.stop());
      if (s.kind === 'none') {
        // Focus left the document (past the last element) or an element
        // blurred itself. One more Tab: a cycle back to a seen element, or
        // nothing again, ends the walk; anything new continues it.
        if (noneInARow++ >= 1) break;
        continue;
      }
      noneInARow = 0;
      if (seen.has(s.id)) {
        // An iframe, or an <audio>/<video> with controls, holds tab stops of its own (the
        // player's buttons are inside it): Tab stays on the same element for each of them.
        const holdsStops = s.tag === 'iframe' || s.tag === 'audio' || s.tag === 'video';
        if (holdsStops && stops.length && stops[stops.length - 1].id === s.id && iframeRepeats++ < 50) continue;
        cycledToFirst = s.id === stops[0].id;
        break;
      }
      seen.add(s.id);
      stops.push(s);
    }
    lap('keyboard');
    for (const s of stops) tabOrder.push({ selector: s.selector, label: s.label, visible: s.visibility.visible, indicator: s.indicator.status, via: (s.indicator.good || []).map((g) => `${g.what} ${g.ratio}:1`).join(', '), uncertainBackground: !!s.indicator.uncertainBg });

    // first stop: the skip link, in the page's language
    const pageLang = await page.evaluate(() => document.documentElement.lang);
    const skipText = SKIP_TEXTS[pageLang] ?? SKIP_TEXT;
    const first = stops[0];
    const firstProblems = [];
    if (!first) firstProblems.push('Tab focused nothing');
    else {
      if (first.tag !== 'a') firstProblems.push(`first focus is a <${first.tag}>, not a link`);
      if (first.label !== skipText) firstProblems.push(`its text is "${first.label}", expected "${skipText}"`);
      if (!first.visibility.visible) firstProblems.push('it is not visible when focused: ' + first.visibility.problems.join('; '));
      if (first.obscured.covered >= 1) firstProblems.push('it is hidden behind ' + first.obscured.by.join(', '));
    }
    if (firstProblems.length) {
      findings.push(finding('keyboard', 'skip-link-first', 'The first Tab must focus a visible "Skip to main content" link (WCAG 2.4.1).',
        [{ selector: first ? first.selector : '(none)', detail: firstProblems.join('; ') }]));
    }

    // every stop: visible, indicator, not obscured
    const invisible = [];
    const noIndicator = [];
    const lowContrast = [];
    const obscuredNodes = [];
    for (const s of stops) {
      if (!s.visibility.visible) invisible.push({ selector: s.selector, detail: `"${s.label}": ${s.visibility.problems.join('; ')}` });
      const ind = s.indicator;
      if (ind.status === 'none') noIndicator.push({ selector: s.selector, detail: `"${s.label}": no change of outline, box-shadow, background, border, underline or colour when focused` });
      else if (ind.status === 'low-contrast') {
        lowContrast.push({ selector: s.selector, detail: `"${s.label}": ` + ind.weak.map((w) => `${w.what} ${w.colour}${w.against ? ' vs ' + w.against : ''} = ${w.ratio}:1`).join('; ') + ' (needs 3:1)' + (ind.uncertainBg ? '; a background image is involved, colours are approximate' : '') });
      } else if (ind.status === 'unverifiable' || ind.status === 'unknown') {
        incomplete.push({ check: 'keyboard', rule: 'focus-indicator', message: 'Focus indicator could not be measured; check by eye.', nodes: [{ selector: s.selector, detail: (ind.unverifiable || [ind.reason]).join('; ') }] });
      }
      if (s.obscured.covered >= 1) obscuredNodes.push({ selector: s.selector, detail: `"${s.label}" is entirely covered by ${s.obscured.by.join(', ')}` });
      else if (s.obscured.covered > 0) {
        incomplete.push({ check: 'keyboard', rule: 'focus-partly-obscured', message: 'Focused element is partly covered by a fixed/sticky element (allowed by 2.4.11, not by 2.4.12 AAA).', nodes: [{ selector: s.selector, detail: `${Math.round(s.obscured.covered * 100)}% of sample points under ${s.obscured.by.join(', ')}` }] });
      }
    }
    if (invisible.length) findings.push(finding('keyboard', 'focus-invisible', 'A focused element must be visible on screen (WCAG 2.4.7).', invisible));
    if (noIndicator.length) findings.push(finding('keyboard', 'focus-visible', 'Focused element shows no visible focus indicator (WCAG 2.4.7).', noIndicator));
    if (lowContrast.length) findings.push(finding('keyboard', 'focus-indicator-contrast', 'Focus indicator has less than 3:1 contrast with the adjacent colour (WCAG 1.4.11, 2.4.7).', lowContrast));
    if (obscuredNodes.length) findings.push(finding('keyboard', 'focus-obscured', 'Focused element is hidden behind a position:fixed/sticky element (WCAG 2.4.11).', obscuredNodes));

    // coverage: every link and control must be reached
    if (capped) {
      incomplete.push({ check: 'keyboard', rule: 'tab-cap', message: `Stopped after ${TAB_CAP} Tab stops; elements after that were not checked.`, nodes: [] });
    } else {
      const reachedGroups = new Set(expected.filter((e) => e.group && seen.has(e.id)).map((e) => e.group));
      const missed = expected.filter((e) => !seen.has(e.id) && !(e.group && reachedGroups.has(e.group)));
      if (missed.length) {
        findings.push(finding('keyboard', 'keyboard-unreachable', 'Link or control never received focus when tabbing through the page (WCAG 2.1.1).',
          missed.map((e) => ({ selector: e.selector, detail: `<${e.tag}> "${e.label}"` }))));
      }
    }
    notes.push(`${stops.length} tab stops, ${expected.length} focusable elements expected`);

    // ---- 2b. forced colours (Windows high contrast) ------------------------
    // Backgrounds and box-shadows are dropped in forced-colours modes, so the
    // focus indicator must survive as an outline. Tab through the first stops
    // with forced colours on and check each focused element draws one.
    await page.emulateMedia({ media: 'screen', forcedColors: 'active' });
    await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
    const forcedBad = [];
    for (let i = 0; i < Math.min(FORCED_COLOURS_STOPS, stops.length); i++) {
      await page.keyboard.press('Tab');
      const r = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        return { label: (el.innerText || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 60), style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) || 0, colour: cs.outlineColor, selector: el.id ? '#' + el.id : el.tagName.toLowerCase() };
      });
      if (!r) break;
      if (r.style === 'none' || r.width < 2 || /rgba\(0, 0, 0, 0\)|transparent/.test(r.colour)) {
        forcedBad.push({ selector: r.selector, detail: `"${r.label}": outline ${r.style} ${r.width}px ${r.colour}` });
      }
    }
    await page.emulateMedia({ media: 'screen', forcedColors: 'none' });
    if (forcedBad.length) findings.push(finding('keyboard', 'forced-colours-focus', 'In forced-colours (high contrast) mode the focused element must still show an outline of at least 2px (WCAG 2.4.7).', forcedBad));
    lap('forced-colours');

    // ---- 3. skip link activation (Enter) ---------------------------------
    if (first && first.tag === 'a' && first.label === skipText) {
      // Tabbing wrapped round to the skip link: test it in place; otherwise
      // load the page again and Tab once.
      let s = cycledToFirst ? await page.evaluate(() => window.__ppAudit.stop()) : null;
      if (!s || s.kind !== 'el' || s.id !== first.id) {
        await prepare(page, url);
        await page.keyboard.press('Tab');
        s = await page.evaluate(() => window.__ppAudit.stop());
      }
      await page.keyboard.press('Enter');
      await page.waitForLoadState('load');
      await settle(page);
      const helpersThere = await page.evaluate(() => !!window.__ppAudit);
      if (!helpersThere) await page.addScriptTag({ path: HELPERS }); // link navigated away
      const r = await page.evaluate(() => window.__ppAudit.afterSkip());
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => window.__ppAudit.focusRelativeToMain());
      const problems = [];
      if (!r.mainExists) problems.push('there is no element with id="main-content"');
      else {
        if (!r.mainIsMain) problems.push('#main-content is not the <main> element');
        if (!r.activeInMain && !r.isTarget) problems.push(`activating the link did not move to #main-content (location.hash "${r.hash}")`);
        if (!r.inView) problems.push(`#main-content was not scrolled into view (top at ${r.mainTop}px)`);
        if (!next.none && !next.ok) problems.push(`the next Tab went to ${next.selector}, before the main content`);
      }
      if (problems.length) {
        findings.push(finding('keyboard', 'skip-link-target', 'Activating "Skip to main content" with Enter must move focus and scroll to <main id="main-content"> (WCAG 2.4.1).',
          [{ selector: s.selector, detail: `href="${s.href}": ` + problems.join('; ') }]));
      }
      lap('skip-link');
    }

    // ---- 4. tables + clipping at desktop width -------------------------
    await page.evaluate(() => { const a = document.activeElement; if (a && a.blur) a.blur(); });
    const clipKey = (c) => c.selector + '|' + c.axes.map((a) => a.split(' ')[0]).join(',');
    const baseClips = new Map();
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const c of await page.evaluate(() => window.__ppAudit.clipped())) baseClips.set(clipKey(c), { ...c, at: '1280px' });
    const wideTables = new Map();
    for (const t of await page.evaluate(() => window.__ppAudit.tables())) wideTables.set(t.selector, { ...t, at: '1280px' });

    // ---- 4b. chart labels at every width the page reflows to -------------
    // A chart's labels must never overlap one another or leave the chart, at the desktop
    // width, a middle width and 320 px.
    const labelNodes = [];
    const chartsHere = await page.evaluate(() => document.querySelectorAll('svg text').length > 0);
    if (chartsHere) {
      for (const vp of [DESKTOP, MIDDLE, NARROW]) {
        if (vp !== DESKTOP) { await page.setViewportSize(vp); await settle(page); }
        for (const n of await page.evaluate(() => window.__ppAudit.chartLabels())) {
          labelNodes.push({ selector: n.selector, detail: `at ${vp.width}px: ${n.detail}` });
        }
      }
      await page.setViewportSize(DESKTOP);
      await settle(page);
    }
    if (labelNodes.length) {
      findings.push(finding('charts', 'chart-label-overlap', "A chart's labels overlap one another or reach outside the chart, so some cannot be read (WCAG 1.4.10, 1.1.1).", labelNodes));
    }
    lap('chart-labels');

    // ---- 5. reflow at 320 CSS px ----------------------------------------
    await page.setViewportSize(NARROW);
    await settle(page);
    const rf = await page.evaluate(() => window.__ppAudit.reflow());
    if (rf.scrollWidth > rf.clientWidth) {
      findings.push(finding('reflow', 'reflow', `At 320 CSS px the page scrolls sideways: scrollWidth ${rf.scrollWidth} > clientWidth ${rf.clientWidth} (WCAG 1.4.10).`,
        rf.offenders.map((o) => ({ selector: o.selector, detail: `spans ${o.left}..${o.right}px (width ${o.width}px)` }))));
    }
    const h1 = await page.evaluate(() => window.__ppAudit.headingOnFirstScreen());
    if (h1 && !h1.ok) {
      findings.push(finding('reflow', 'h1-first-screen', `At 320×640 CSS px the page heading is not on the first screen: its first line ends at ${h1.top + h1.line}px, below the ${h1.screen}px screen (a narrow screen's header must leave room for it: collapse the navigation behind a "Menu" button).`,
        [{ selector: h1.selector, detail: `top ${h1.top}px, line ${h1.line}px` }]));
    }
    if (h1) notes.push(`h1 at ${h1.top}px of ${h1.screen}px at 320px`);
    for (const t of await page.evaluate(() => window.__ppAudit.tables())) if (!wideTables.has(t.selector)) wideTables.set(t.selector, { ...t, at: '320px' });
    if (wideTables.size) {
      findings.push(finding('reflow', 'table-scroll-region', 'A table wider than its container must be in a scroll container with overflow:auto, tabindex="0", role="region" and an accessible name (WCAG 1.4.10, 2.1.1).',
        [...wideTables.values()].map((t) => ({ selector: t.selector, detail: `at ${t.at}: table ${t.tableWidth}px in ${t.available}px; ${t.problems.join('; ')}` }))));
    }
    for (const c of await page.evaluate(() => window.__ppAudit.clipped())) if (!baseClips.has(clipKey(c))) baseClips.set(clipKey(c), { ...c, at: '320px' });
    if (baseClips.size) {
      findings.push(finding('reflow', 'text-clipped', 'Text is cut off by overflow:hidden even without text-spacing changes (WCAG 1.4.10).',
        [...baseClips.values()].map((c) => ({ selector: c.selector, detail: `at ${c.at}: ${c.axes.join(', ')}: "${c.text}"` }))));
    }
    lap('reflow');

    // ---- 6. text spacing (1.4.12) at 320 and 1280 -----------------------
    await page.addStyleTag({ content: TEXT_SPACING_CSS });
    await settle(page);
    const applied = await page.evaluate(() => window.__ppAudit.textSpacingApplied());
    if (!applied.ok) {
      findings.push(finding('audit', 'text-spacing-not-applied', 'The text-spacing override could not be applied, so 1.4.12 was not tested.', [{ selector: 'p', detail: JSON.stringify(applied) }]));
    }
    const spacingNodes = [];
    for (const vp of [NARROW, DESKTOP]) {
      if (vp !== NARROW) { await page.setViewportSize(vp); await settle(page); }
      const o = await page.evaluate(() => window.__ppAudit.reflow());
      if (o.scrollWidth > o.clientWidth) {
        spacingNodes.push({ selector: 'html', detail: `at ${vp.width}px: horizontal overflow ${o.scrollWidth} > ${o.clientWidth}` + (o.offenders.length ? ' from ' + o.offenders.map((x) => x.selector).slice(0, 4).join(', ') : '') });
      }
      for (const c of await page.evaluate(() => window.__ppAudit.clipped())) {
        if (baseClips.has(clipKey(c))) continue;
        spacingNodes.push({ selector: c.selector, detail: `at ${vp.width}px: clipped ${c.axes.join(', ')}: "${c.text}"` });
      }
    }
    if (spacingNodes.length) {
      findings.push(finding('text-spacing', 'text-spacing', 'With WCAG 1.4.12 text spacing applied, text is clipped or the page overflows sideways.', spacingNodes));
    }
    lap('text-spacing');
  } catch (e) {
    tab.broken = true;
    findings.push(finding('audit', 'audit-error', `The audit could not finish this page: ${String(e && e.message || e).split('\n')[0]}`));
  } finally {
    await tab.park();
  }

  // ---- 7. network ---------------------------------------------------------
  if (external.size) {
    findings.push(finding('network', 'external-request', 'The page requested a resource from a host other than 127.0.0.1 (the site must be self-contained).',
      [...external].map(([u, type]) => ({ selector: type, detail: u }))));
  }
  if (broken.size) {
    findings.push(finding('network', 'broken-resource', 'A same-site resource the page uses is missing.',
      [...broken].map(([u, st]) => ({ selector: `HTTP ${st}`, detail: u }))));
  }
  return { findings, incomplete, notes, timings, requests: sink.requests, tabOrder };
}

// ----------------------------------------------------------------- report
function mdEscape(s) {
  return String(s ?? '').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

function code(s) {
  const t = String(s ?? '').replace(/\s+/g, ' ').trim();
  return t.includes('`') ? '`` ' + t + ' ``' : '`' + t + '`';
}

function mdNode(n) {
  return `${code(n.selector)}: ${mdEscape(n.detail)}` + (n.html ? ` — ${code(n.html)}` : '');
}

function markdown(result) {
  const L = [];
  L.push('# planpress accessibility audit', '');
  L.push(`- Site: \`${result.dir}\``);
  L.push(`- Date: ${result.date}`);
  L.push(`- Pages: ${result.pages.length} (${result.passed} passed, ${result.failed} failed)`);
  L.push(`- Findings: ${result.totalFindings}; needs review (not failures): ${result.totalIncomplete}`);
  L.push(`- Time: ${(result.elapsedMs / 1000).toFixed(1)} s; axe-core ${result.versions.axe}, Chromium ${result.versions.chromium}, vnu ${result.versions.vnu}`);
  L.push(`- The site's scripts: ${result.scripts}`);
  L.push(`- Standard: WCAG 2.2 AA (axe tags ${AXE_TAGS.join(', ')}) plus keyboard, reflow, text-spacing, print, network and HTML checks`, '');
  if (result.general.length) {
    L.push('## Site-wide problems', '');
    for (const g of result.general) L.push(`- ${mdEscape(g)}`);
    L.push('');
  }
  L.push('## Summary', '', '| Page | Result | Findings | Needs review |', '|---|---|---|---|');
  for (const p of result.pages) {
    const rules = [...new Set(p.findings.map((f) => f.rule))].join(', ');
    L.push(`| \`${p.url}\` | ${p.passed ? 'pass' : '**FAIL**'} | ${mdEscape(rules) || '–'} | ${p.incomplete.length} |`);
  }
  L.push('');
  for (const p of result.pages) {
    L.push(`## ${p.passed ? 'PASS' : 'FAIL'}: \`${p.url}\``, '', `File \`${p.file}\`. ${p.notes.join('; ')}.`, '');
    if (p.findings.length) {
      L.push('### Findings', '');
      for (const f of p.findings) {
        L.push(`#### ${f.check} / \`${f.rule}\`${f.impact ? ` (${f.impact})` : ''}`, '', mdEscape(f.message) + (f.helpUrl ? ` [More](${f.helpUrl})` : ''), '');
        for (const n of f.nodes) L.push(`- ${mdNode(n)}`);
        if (f.nodes.length) L.push('');
      }
    }
    if (p.incomplete.length) {
      L.push('### Needs review (not failures)', '');
      for (const f of p.incomplete) {
        L.push(`- ${f.check} / \`${f.rule}\`: ${mdEscape(f.message)}`);
        for (const n of f.nodes.slice(0, 10)) L.push(`  - ${mdNode(n)}`);
        if (f.nodes.length > 10) L.push(`  - … and ${f.nodes.length - 10} more (see report.json)`);
      }
      L.push('');
    }
  }
  return L.join('\n') + '\n';
}

// ------------------------------------------------------------------- main
async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const root = resolve(opts.dir);
  const st = await stat(root).catch(() => null);
  if (!st || !st.isDirectory()) usage(`${opts.dir} is not a directory`);
  const rootReal = await realpath(root);
  const files = await findHtml(rootReal);
  if (!files.length) usage(`no .html files under ${opts.dir}`);

  const env = [];
  if (!existsSync(CHROMIUM)) env.push(`${CHROMIUM} not found (run .ci/install-test-deps)`);
  if (!existsSync(VNU_JAR)) env.push(`${VNU_JAR} not found (run .ci/install-test-deps)`);
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) env.push('java not found (run .ci/install-test-deps)');
  let chromium;
  let axeVersion = '?';
  try {
    ({ chromium } = await import('playwright-core'));
    axeVersion = require('axe-core/package.json').version;
  } catch {
    env.push('playwright-core / axe-core not installed in tests/audit (run .ci/install-test-deps)');
  }
  if (env.length) {
    for (const e of env) console.error('audit: ' + e);
    process.exit(2);
  }

  // --only: just the pages named; --also: a page again with a query (a search typed in).
  let chosen = files;
  if (opts.only.length) {
    chosen = files.filter((f) => opts.only.includes(relative(rootReal, f).split(sep).join('/')));
    const missing = opts.only.filter((o) => !chosen.some((f) => relative(rootReal, f).split(sep).join('/') === o));
    if (missing.length) usage(`--only names no page of ${opts.dir}: ${missing.join(', ')}`);
  }
  const pages = chosen.map((f) => ({ file: f, rel: relative(rootReal, f), url: pageUrl(rootReal, f) }));
  for (const a of opts.also) {
    const [rel, query] = [a.slice(0, a.indexOf('?')), a.slice(a.indexOf('?'))];
    const file = files.find((f) => relative(rootReal, f).split(sep).join('/') === rel);
    if (!file) usage(`--also names no page of ${opts.dir}: ${rel}`);
    pages.push({ file, rel: rel + query, url: pageUrl(rootReal, file) + query });
  }
  console.log(`audit: ${pages.length} page(s) under ${opts.dir}${opts.noScripts ? ', with the site\'s scripts off' : ''}`);

  const vnuPromise = runVnu(chosen, rootReal);
  const server = await serve(rootReal, opts.basePath);
  const base = `http://127.0.0.1:${server.address().port}${opts.basePath.slice(0, -1)}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const results = new Array(pages.length);
  let next = 0;
  async function worker() {
    const tab = new Tab(browser, opts.noScripts);
    while (next < pages.length) {
      const i = next++;
      const t = Date.now();
      let r;
      let timer;
      try {
        r = await Promise.race([
          auditPage(tab, base, pages[i]),
          new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${PAGE_TIMEOUT_MS / 1000}s`)), PAGE_TIMEOUT_MS); }),
        ]);
      } catch (e) {
        await tab.close(); // abandons whatever the page was doing
        r = { findings: [finding('audit', 'audit-error', String(e.message || e))], incomplete: [], notes: [], timings: {}, requests: 0, tabOrder: [] };
      } finally {
        clearTimeout(timer);
      }
      r.ms = Date.now() - t;
      results[i] = r;
    }
    await tab.close();
  }
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, pages.length) }, worker));
  const chromiumVersion = browser.version();
  await browser.close();
  server.close();

  const vnu = await vnuPromise;
  const general = [...vnu.general];
  const out = pages.map((p, i) => {
    const r = results[i];
    const errs = vnu.byFile.get(p.file) || [];
    if (errs.length) {
      r.findings.push(finding('html', 'vnu', 'The Nu Html Checker reported errors.',
        errs.map((e) => ({ selector: `line ${e.line}${e.column ? ':' + e.column : ''}`, detail: e.message, html: e.extract.replace(/\s+/g, ' ').trim() }))));
    }
    return { url: p.url, file: p.rel, passed: r.findings.length === 0, ms: r.ms, ...r };
  });
  const passed = out.filter((p) => p.passed).length;
  const failed = out.length - passed;
  const vnuVersion = (spawnSync('java', ['-jar', VNU_JAR, '--version'], { encoding: 'utf8' }).stdout || '?').trim();
  const result = {
    dir: opts.dir, root: rootReal, scripts: opts.noScripts ? 'off (--no-scripts)' : 'on', date: new Date().toISOString(), elapsedMs: Date.now() - started,
    versions: { axe: axeVersion, chromium: chromiumVersion, vnu: vnuVersion },
    passed, failed, general,
    totalFindings: out.reduce((n, p) => n + p.findings.length, 0),
    totalIncomplete: out.reduce((n, p) => n + p.incomplete.length, 0),
    pages: out,
  };
  await mkdir(opts.report, { recursive: true });
  await writeFile(join(opts.report, 'report.json'), JSON.stringify(result, null, 2) + '\n');
  await writeFile(join(opts.report, 'report.md'), markdown(result));

  for (const p of out) {
    if (p.passed) console.log(`  ok    ${p.url} (${(p.ms / 1000).toFixed(1)}s)`);
    else {
      const counts = new Map();
      for (const f of p.findings) counts.set(`${f.check}/${f.rule}`, (counts.get(`${f.check}/${f.rule}`) || 0) + Math.max(1, f.nodes.length));
      console.log(`  FAIL  ${p.url} (${(p.ms / 1000).toFixed(1)}s): ` + [...counts].map(([k, n]) => `${k} x${n}`).join(', '));
    }
  }
  for (const g of general) console.log(`  error ${g}`);
  const byCheck = new Map();
  for (const p of out) for (const f of p.findings) byCheck.set(f.check, (byCheck.get(f.check) || 0) + 1);
  const checkText = byCheck.size ? ' (' + [...byCheck].map(([k, n]) => `${k} ${n}`).join(', ') + ')' : '';
  const relReport = relative(process.cwd(), join(opts.report, 'report.md')) || join(opts.report, 'report.md');
  console.log(`audit summary: ${out.length} pages in ${(result.elapsedMs / 1000).toFixed(1)}s, ${result.totalFindings} findings${checkText}, ${result.totalIncomplete} to review; report ${relReport}`);
  console.log(`audit: ${passed} passed, ${failed} failed`);
  // The HTML checker not running is an environment problem, not a pass.
  process.exitCode = general.length > 0 ? 2 : failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error('audit: internal error: ' + (e && e.stack || e));
  process.exit(2);
});
