#!/usr/bin/env node
// What the search page does in a real browser, with JavaScript on and off, on a built site:
//
//   node tests/audit/search.mjs DIR WORD [--base-path /PATH/] [--page PATH]
//
// PATH is the search page's folder within the site (`search/`, or `cy/search/` for the Welsh
// site's). What the live region must say is read from the page's own words (its data-none,
// data-found-<form> and data-first-<form> attributes) with the plural form the browser's rules
// give for the page's language, so the check holds for a page in any language.
// With JavaScript on: the search box shows; typing WORD lists results, each linking a page of
// the site that exists; the live region says how many, once the typing stops; the down arrow
// moves from the box to the first result and the up arrow back; Escape empties the box, the list
// and the live region; a word in no item says so. With JavaScript off: the search box stays
// hidden and the A to Z links every entry to a page that exists. Exits 1 on any failure, 2 when
// it cannot run. The last line is `search: N passed, M failed`.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
};

function usage(msg) {
  if (msg) console.error(`search: ${msg}`);
  console.error('usage: node tests/audit/search.mjs DIR WORD [--base-path /PATH/] [--page PATH]');
  process.exit(2);
}

const args = process.argv.slice(2);
let basePath = '/';
const at = args.indexOf('--base-path');
if (at >= 0) {
  basePath = args[at + 1];
  if (!basePath || !/^\/(.+\/)?$/.test(basePath)) usage('--base-path takes /PATH/');
  args.splice(at, 2);
}
let searchPage = 'search/';
const pageAt = args.indexOf('--page');
if (pageAt >= 0) {
  searchPage = args[pageAt + 1];
  if (!searchPage || !/^([a-z0-9-]+\/)+$/.test(searchPage)) usage('--page takes the search page\'s folder: cy/search/');
  args.splice(pageAt, 2);
}
const [dir, word] = args;
if (!dir || !word) usage();
const root = resolve(dir);

// The site under its base path on 127.0.0.1; nothing else answers.
const server = createServer(async (req, res) => {
  const u = new URL(req.url, 'http://127.0.0.1');
  if (!u.pathname.startsWith(basePath)) { res.writeHead(404).end(); return; }
  let file = resolve(root, '.' + decodeURIComponent('/' + u.pathname.slice(basePath.length)));
  if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
  let s = await stat(file).catch(() => null);
  if (s && s.isDirectory()) { file = join(file, 'index.html'); s = await stat(file).catch(() => null); }
  if (!s || !s.isFile()) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const page = `${origin}${basePath}${searchPage}`;

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  usage('playwright-core is not installed in tests/audit (run .ci/install-test-deps)');
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });

const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

// Whether each address answers 200.
async function allFound(hrefs) {
  const missing = [];
  for (const h of new Set(hrefs.map((x) => x.split('#')[0]))) {
    const r = await fetch(h).catch(() => null);
    if (!r || r.status !== 200) missing.push(h);
  }
  return missing;
}

try {
  // ---- JavaScript on
  const on = await browser.newContext();
  const p = await on.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(page, { waitUntil: 'load' });
  check('the search box shows', await p.isVisible('#search-box'));
  await p.focus('#search-box');
  await p.keyboard.type(word, { delay: 20 });
  await p.waitForFunction(() => document.getElementById('search-status').textContent !== '', null, { timeout: 5000 }).catch(() => {});
  const status = await p.textContent('#search-status');
  const links = await p.$$eval('#search-results li > a', (as) => as.map((a) => a.href));
  check(`"${word}" finds results`, links.length > 0, `none; status "${status}"`);
  // What the page says it should say, in its own words and the plural form the browser's rules
  // give for the count in the page's language: "N results for “word”" when all are listed, or,
  // when more were found than are shown, "N results ...; the first LIMIT shown" with N the
  // number the status begins with.
  const total = Number((/^\d+/.exec(status) || ['-1'])[0]);
  const expected = await p.evaluate(([listed, all, q]) => {
    const box = document.getElementById('search');
    const rules = new Intl.PluralRules(document.documentElement.lang || 'en');
    const say = (what, m) => box.getAttribute(`data-${what}-${rules.select(m)}`) ?? box.getAttribute(`data-${what}-other`) ?? '';
    const fill = (t, m) => t.replace(/\{(n|q|limit)\}/g, (_, k) => (k === 'n' ? String(m) : k === 'q' ? q : String(listed)));
    return all > listed ? fill(say('first', all), all) : fill(say('found', listed), listed);
  }, [links.length, total, word]);
  check('the live region says how many, in the page\'s words', expected !== '' && status === expected,
    `"${status}" with ${links.length} listed; expected "${expected}"`);
  check('the live region is polite and whole', await p.$eval('#search-status', (e) =>
    e.getAttribute('role') === 'status' && e.getAttribute('aria-live') === 'polite' && e.getAttribute('aria-atomic') === 'true'));
  const missing = await allFound(links);
  check('every result links a page of the site', missing.length === 0, missing.join(', '));
  await p.keyboard.press('ArrowDown');
  const first = await p.evaluate(() => document.activeElement === document.querySelector('#search-results a'));
  check('the down arrow moves to the first result', first);
  await p.keyboard.press('ArrowUp');
  check('the up arrow goes back to the box', await p.evaluate(() => document.activeElement.id === 'search-box'));
  await p.keyboard.press('Escape');
  await p.waitForTimeout(600);
  const cleared = await p.evaluate(() => [document.getElementById('search-box').value,
    document.getElementById('search-status').textContent, document.querySelectorAll('#search-results li').length]);
  check('Escape empties the box, the list and the live region', cleared[0] === '' && cleared[1] === '' && cleared[2] === 0, JSON.stringify(cleared));
  await p.keyboard.type('qqqzzzxxnotaword');
  await p.waitForFunction(() => document.getElementById('search-status').textContent !== '', null, { timeout: 5000 }).catch(() => {});
  const none = await p.evaluate(() => document.getElementById('search').getAttribute('data-none').replace('{q}', 'qqqzzzxxnotaword'));
  check('a word in nothing says so, in the page\'s words', (await p.textContent('#search-status')) === none, none);
  await p.goto(`${page}?q=${encodeURIComponent(word)}`, { waitUntil: 'load' });
  check('a search in the address is run', (await p.$$eval('#search-results li', (l) => l.length)) === links.length);
  check('no script error', errors.length === 0, errors.join('; '));
  await on.close();

  // ---- JavaScript off
  const off = await browser.newContext({ javaScriptEnabled: false });
  const q = await off.newPage();
  await q.goto(page, { waitUntil: 'load' });
  check('without JavaScript the search box stays hidden', !(await q.isVisible('#search-box')));
  const entries = await q.$$eval('.a-z-list a', (as) => as.map((a) => a.href));
  check('without JavaScript the A to Z lists entries', entries.length > 0);
  const lost = await allFound(entries);
  check('every A to Z entry links a page of the site', lost.length === 0, lost.join(', '));
  await off.close();
} catch (e) {
  check('the checks ran', false, String(e && e.stack || e));
} finally {
  await browser.close();
  server.close();
}
const failed = results.filter((r) => !r).length;
console.log(`search: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
