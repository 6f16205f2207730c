// The workbook app (bindings/js/app, built by `npm run build:app` in bindings/js) in headless
// Chromium, driven by role and label as a person would: a new user's whole path in the served
// build under a strict Content-Security-Policy (create, score the nine statements with one
// uncertain, evidence by hand and by CSV with UK dates, an action, the rating and "too close to
// call" changing, the report and the JSON downloaded and read back by the command with the
// same analysis, reload), a second tab editing the same workbook, files that must not open,
// axe-core on every view, 320 px, and the single HTML file from file:// with the network
// blocked. Measures the first load (gzipped, asserted at most 600 KB) and the re-analysis after
// an edit (printed, not asserted). Screenshots: target/screenshots/app-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { axeViolations, launch, repoRoot, screenshotDir, scrollsSideways, serveDirs } from './browser.mjs';

const appDir = join(repoRoot, 'bindings', 'js', 'app', 'dist');
const webDir = join(appDir, 'web');
const singleFile = join(appDir, 'cqc-assurance-workbook.html');
const cli = join(repoRoot, 'target', 'debug', 'cqc-assurance');
const example = join(repoRoot, 'examples', 'liverpool-workbook.json');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const dir = mkdtempSync(join(tmpdir(), 'cqc-app-'));
const VIEWS = ['Start', 'Statements', 'Evidence', 'Actions', 'Indicators', 'Analysis', 'Timeline', 'Report'];

let server;
let base;
let browser;

before(async () => {
  for (const f of [join(webDir, 'index.html'), singleFile]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build:app in bindings/js`);
  }
  server = await serveDirs({ '/': webDir, '/__axe/': join(repoRoot, 'tests', 'browser', 'node_modules', 'axe-core') }, { 'content-security-policy': CSP });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Today in the browser's (and this machine's) time zone. */
function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The command's analysis of a workbook file, as of today. */
function cliCheck(file) {
  return JSON.parse(execFileSync(cli, ['workbook', 'check', file, '--today', todayIso(), '--json']).toString());
}

/** A page that records errors, CSP violations and requests leaving `allowed`. */
async function newPage(context, allowed) {
  const page = await context.newPage();
  page.problems = [];
  page.outside = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    page.outside.push(url);
    return route.abort();
  });
  return page;
}

async function ready(page) {
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
}

async function view(page, name) {
  await page.getByRole('navigation', { name: 'Workbook' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function shot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `app-${name}.png`), fullPage: true });
}

/**
 * axe-core finds nothing, and nothing scrolls sideways at 320 px, on the current view. Under the
 * served build's CSP axe-core is loaded from the same server (`/__axe/`), as the page's own
 * scripts are; an inline copy would be refused.
 */
async function accessible(page, label) {
  const served = page.url().startsWith(base);
  const violations = await axeViolations(page, served ? `${base}/__axe/axe.min.js` : undefined);
  assert.deepEqual(violations, [], `${label}: axe-core`);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  assert.equal(await scrollsSideways(page), false, `${label}: scrolls sideways at 320 px`);
  await page.screenshot({ path: join(screenshotDir, `app-320-${label.toLowerCase()}.png`) });
  await page.setViewportSize(size);
}

const headline = (page) => page.locator('#headline').textContent();

/** Sets a statement's score by its label, in the statement's own section. */
async function score(page, statement, label) {
  await page.getByRole('region', { name: statement }).getByRole('radio', { name: label }).check();
}

const STATEMENTS = [
  'QS1 Assessing needs', 'QS2 Supporting people to live healthier lives', 'QS3 Equity in experience and outcomes',
  'QS4 Care provision, integration and continuity', 'QS5 Partnerships and communities', 'QS6 Safe systems, pathways and transitions',
  'QS7 Safeguarding', 'QS8 Governance, management and sustainability', 'QS9 Learning, improvement and innovation',
];

// Two evidence rows in Windows-1252 (a £ sign) with semicolons and UK dates, as Excel saves a CSV.
const CSV_1252 = Buffer.concat([
  Buffer.from('id;title;category;supports;owner;date;review_by\r\n'),
  Buffer.from('EV-CSV1;Carers\' survey '), Buffer.from([0xa3]), Buffer.from('5k spend review;peoples-experience;QS1;Carers lead;15/10/2025;15/04/2026\r\n'),
  Buffer.from('EV-CSV2;Safeguarding audit;processes;QS7;Principal social worker;03/09/2025;03/03/2026\r\n'),
]);

/**
 * The path every user takes, in `page` already on the app: returns what was downloaded and the
 * re-analysis times measured.
 */
async function wholePath(page, { council, prefix, checkViews }) {
  const times = [];
  const measure = async () => times.push(await page.evaluate(() => window.__cqcAnalysisMs));
  if (checkViews) {
    await shot(page, `${prefix}start`);
    await accessible(page, 'Start');
  }
  await page.getByLabel('Council name').fill(council);
  await page.getByRole('button', { name: 'Create workbook' }).click();
  await page.getByRole('heading', { name: 'The nine quality statements' }).waitFor();

  // Nine scores, Liverpool's published ones: 22 of 36, 62%, requires improvement.
  const scores = ['2', '3', '3', '2', '2', '2', '2', '3', '3'];
  const words = { 2: '2 — some shortfalls', 3: '3 — good' };
  for (const [i, s] of scores.entries()) await score(page, STATEMENTS[i], words[s]);
  await measure();
  await page.getByRole('region', { name: STATEMENTS[0] }).getByLabel('Strengths').fill('People feel listened to\nWaits are down');
  await page.getByRole('region', { name: STATEMENTS[0] }).getByLabel('Narrative').fill('Our account of assessing needs.');
  await measure();
  await view(page, 'Analysis');
  const certain = await headline(page);
  assert.match(certain, /^Requires improvement/, certain);

  // One uncertain: partnerships between 2 and 3, an even chance: too close to call.
  await view(page, 'Statements');
  const qs5 = page.getByRole('region', { name: STATEMENTS[4] });
  await qs5.getByRole('radio', { name: 'Between two scores' }).check();
  await qs5.getByLabel('Which two scores').selectOption({ label: 'between 2 and 3' });
  await qs5.getByLabel('Chance of the higher score (%)').fill('50');
  await measure();
  if (checkViews) {
    await shot(page, `${prefix}statements`);
    await accessible(page, 'Statements');
  }
  await view(page, 'Analysis');
  const close = await headline(page);
  assert.match(close, /^Too close to call/, close);
  assert.notEqual(close, certain);

  // Evidence by hand: an item with a UK date.
  await view(page, 'Evidence');
  await page.getByRole('button', { name: 'Add evidence item' }).click();
  const form = page.getByRole('region', { name: /^Evidence item EV-/ });
  await form.getByLabel('Title').fill('Case file audit of 40 assessments');
  await form.getByLabel('Category').selectOption({ label: 'Processes' });
  await form.getByRole('checkbox', { name: STATEMENTS[0] }).check();
  await form.getByLabel('Owner').fill('Principal social worker');
  await form.getByLabel('Date', { exact: false }).first().fill('15/10/2025');
  await form.getByLabel('Review by').fill('15/04/2026');
  await measure();
  await form.getByRole('button', { name: 'Done' }).click();

  // Evidence by CSV (Windows-1252, semicolons, UK dates), merged with the register.
  await page.getByText('Import or export the evidence register as CSV').click();
  await page.getByLabel('Import the evidence register from a CSV file').setInputFiles({ name: 'evidence.csv', mimeType: 'text/csv', buffer: CSV_1252 });
  await page.getByText(/Imported 2 rows from evidence\.csv: 2 added/).waitFor();
  await page.getByRole('cell', { name: 'Carers\' survey £5k spend review' }).waitFor();
  await page.getByRole('cell', { name: '03/09/2025' }).waitFor();
  if (checkViews) {
    await shot(page, `${prefix}evidence`);
    await accessible(page, 'Evidence');
  }

  // An action, overdue on purpose (due a year ago), with a RAG and a progress note.
  await view(page, 'Actions');
  await page.getByRole('button', { name: 'Add action' }).click();
  const act = page.getByRole('region', { name: /^Action ACT-/ });
  await act.getByLabel('What will be done').fill('Carers\' breaks offer, co-designed with carers');
  await act.getByLabel('Statement').selectOption({ label: STATEMENTS[0] });
  await act.getByLabel('Owner').fill('Commissioning');
  const lastYear = new Date(Date.now() - 365 * 86400000);
  const uk = `${String(lastYear.getDate()).padStart(2, '0')}/${String(lastYear.getMonth() + 1).padStart(2, '0')}/${lastYear.getFullYear()}`;
  await act.getByLabel('Due (required)').fill(uk);
  await act.getByLabel('Status').selectOption({ label: 'In progress' });
  await act.getByLabel('RAG (red, amber, green)').selectOption({ label: 'Amber' });
  await act.getByRole('button', { name: 'Add a progress note' }).click();
  await act.getByLabel('Note 1: what happened').fill('Scoped with the carers\' forum');
  await measure();
  if (checkViews) {
    await shot(page, `${prefix}actions`);
    await accessible(page, 'Actions');
  }

  // A problem shown at its field with the core's code, then fixed.
  await act.getByLabel('Due (required)').fill('31/02/2026');
  const err = act.locator('.field-error').first();
  await err.waitFor();
  assert.match(await err.textContent(), /invalid_date/);
  await act.getByLabel('Due (required)').fill(uk);
  await page.waitForFunction(() => !document.querySelector('.field-error'));

  if (checkViews) {
    await view(page, 'Indicators');
    await page.getByRole('region', { name: /control over their daily life/ }).first().getByLabel(/Council's figure/).fill('71.5');
    await measure();
    await shot(page, `${prefix}indicators`);
    await accessible(page, 'Indicators');
  }

  // The analysis: still too close to call; the overdue action and the ways to the next rating.
  await view(page, 'Analysis');
  assert.match(await headline(page), /^Too close to call/);
  await page.getByText(/\d+ days? overdue/).first().waitFor();
  await page.getByRole('heading', { name: 'The minimal ways to the next rating' }).waitFor();
  // More likely the higher score: the call changes to good.
  await view(page, 'Statements');
  await page.getByRole('region', { name: STATEMENTS[4] }).getByLabel('Chance of the higher score (%)').fill('90');
  await view(page, 'Analysis');
  const good = await headline(page);
  assert.match(good, /^Good/, good);
  if (checkViews) {
    await shot(page, `${prefix}analysis`);
    await accessible(page, 'Analysis');
  }

  // The timeline and its calendar file.
  await view(page, 'Timeline');
  await page.getByLabel("Date CQC's notice arrived").fill('06/01/2025');
  await page.getByRole('columnheader', { name: 'Rule' }).waitFor();
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the calendar (.ics)' }).click()]);
  const icsText = readFileSync(await ics.path(), 'utf8');
  assert.match(icsText, /^BEGIN:VCALENDAR/);
  if (checkViews) {
    await shot(page, `${prefix}timeline`);
    await accessible(page, 'Timeline');
  }

  // The report, rendered by the core in the page, then downloaded.
  await view(page, 'Report');
  await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor({ timeout: 30000 });
  const reportHeading = await page.locator('.report-host').evaluate((host) => host.shadowRoot.querySelector('h1')?.textContent);
  assert.ok(reportHeading?.includes(council), reportHeading);
  const [htmlDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the report (HTML)' }).click()]);
  const reportHtml = readFileSync(await htmlDl.path(), 'utf8');
  const [docxDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the report (Word)' }).click()]);
  const [xlsxDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the workbook (Excel)' }).click()]);
  for (const d of [docxDl, xlsxDl]) assert.deepEqual([...readFileSync(await d.path()).subarray(0, 2)], [0x50, 0x4b], d.suggestedFilename());
  if (checkViews) {
    await shot(page, `${prefix}report`);
    await accessible(page, 'Report');
    await page.emulateMedia({ media: 'print' });
    await shot(page, `${prefix}report-print`);
    await page.emulateMedia({ media: 'screen' });
  }

  // Save workbook: the JSON file, read back by the command with the same analysis.
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save workbook' }).click()]);
  const file = join(dir, `${prefix}${jsonDl.suggestedFilename()}`);
  await jsonDl.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const checked = cliCheck(file);
  assert.equal(checked.valid, true, JSON.stringify(checked.errors));
  const a = checked.analysis;
  assert.equal(a.prediction.call.headline, good);
  assert.equal(a.evidence_items, 3);
  assert.equal(a.actions.overdue, 1);
  assert.deepEqual(saved.statements.partnerships.self_score, [0, 0.1, 0.9, 0]);
  assert.equal(saved.evidence.find((e) => e.id === 'EV-CSV2').date, '2025-09-03');
  assert.equal(saved.evidence.find((e) => e.title === 'Case file audit of 40 assessments').date, '2025-10-15');
  assert.equal(saved.timeline.notified, '2025-01-06');
  // The report the page made is the command's, byte for byte.
  const cliReport = join(dir, `${prefix}cli-report.html`);
  execFileSync(cli, ['report', file, '--html', cliReport, '--today', todayIso()]);
  assert.equal(reportHtml, readFileSync(cliReport, 'utf8'), 'the downloaded report is the command\'s');
  return { saved, times, good, xlsx: await xlsxDl.path() };
}

test('served build under a strict CSP: a new user\'s whole path, reload, every view accessible', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, locale: 'en-GB', acceptDownloads: true });
  const page = await newPage(context, (url) => url.startsWith(base) || url.startsWith('blob:'));
  const loaded = [];
  page.on('response', async (r) => {
    try {
      loaded.push({ url: r.url(), gz: gzipSync(await r.body(), { level: 9 }).length, csp: r.headers()['content-security-policy'] });
    } catch { /* a redirect has no body */ }
  });
  await page.goto(`${base}/`);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const first = loaded.reduce((n, r) => n + r.gz, 0);
  console.log(`app: first load of the served build: ${first} bytes gzipped in ${loaded.length} files (limit 600,000): ${loaded.map((r) => `${new URL(r.url).pathname} ${r.gz}`).join(', ')}`);
  assert.ok(first <= 600000, `first load ${first} bytes gzipped`);
  assert.ok(!loaded.some((r) => /report_bg\.wasm/.test(r.url)), 'the report module waits for the report');
  assert.equal(loaded.find((r) => r.url === `${base}/`)?.csp, CSP, 'served with the CSP header');
  assert.doesNotMatch(readFileSync(join(webDir, 'index.html'), 'utf8'), /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');

  const { times, xlsx } = await wholePath(page, { council: 'Anytown Council', prefix: '', checkViews: true });
  console.log(`app: re-analysis after an edit (checkWorkbook in the browser): ${times.map((t) => t.toFixed(2)).join(', ')} ms`);

  // The example workbook: opened from its file, the re-analysis timed.
  await view(page, 'Start');
  await page.getByLabel('Workbook file (JSON or Excel)').setInputFiles(example);
  await page.getByRole('heading', { name: 'The nine quality statements' }).waitFor();
  await page.getByLabel('Council name (required)').fill('Liverpool ');
  await page.getByLabel('Council name (required)').fill('Liverpool');
  const exampleMs = await page.evaluate(() => window.__cqcAnalysisMs);
  console.log(`app: re-analysis of examples/liverpool-workbook.json after an edit: ${exampleMs.toFixed(2)} ms`);
  // Parts the app does not edit are kept as they were (the example's timeline notes).
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save workbook' }).click()]);
  const back = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.deepEqual(back, JSON.parse(readFileSync(example, 'utf8')));

  // The Excel workbook the report view downloaded opens as the workbook it was made from.
  await view(page, 'Start');
  await page.getByLabel('Workbook file (JSON or Excel)').setInputFiles({ name: 'anytown.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(xlsx) });
  await page.getByRole('heading', { name: 'The nine quality statements' }).waitFor();
  assert.equal(await page.getByLabel('Council name (required)').inputValue(), 'Anytown Council');
  assert.equal(await page.getByRole('region', { name: STATEMENTS[4] }).getByLabel('Chance of the higher score (%)').inputValue(), '90');

  // Reload: everything is still there.
  await view(page, 'Start');
  await page.getByRole('button', { name: /^Continue Anytown Council/ }).last().click();
  await page.reload();
  await ready(page);
  await view(page, 'Evidence');
  await page.getByRole('cell', { name: 'Case file audit of 40 assessments' }).waitFor();
  await page.getByRole('cell', { name: 'EV-CSV2', exact: true }).waitFor();
  await view(page, 'Analysis');
  assert.match(await headline(page), /^Good/);

  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, []);
  await context.close();
});

test('a second tab editing the same workbook is detected, never silently overwritten', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-GB' });
  const one = await newPage(context, (url) => url.startsWith(base));
  await one.goto(`${base}/`);
  await ready(one);
  await one.getByLabel('Council name').fill('Twotabs');
  await one.getByRole('button', { name: 'Create workbook' }).click();
  await one.getByRole('heading', { name: 'The nine quality statements' }).waitFor();
  await score(one, STATEMENTS[0], '3 — good');
  await one.waitForTimeout(300);

  const two = await newPage(context, (url) => url.startsWith(base));
  await two.goto(`${base}/#statements`);
  await ready(two);
  assert.equal(await two.getByLabel('Council name (required)').inputValue(), 'Twotabs');
  await score(two, STATEMENTS[1], '2 — some shortfalls');
  // The first tab hears of it at once and says so.
  await one.getByText('This workbook was changed in another tab or window').waitFor();
  await shot(one, 'conflict');
  // An edit there is kept in memory, not written over the other tab's.
  await score(one, STATEMENTS[2], '4 — exceptional');
  await one.waitForTimeout(300);
  await two.reload();
  await ready(two);
  const qs3 = two.getByRole('region', { name: STATEMENTS[2] });
  assert.equal(await qs3.getByRole('radio', { name: '4 — exceptional' }).isChecked(), false, 'the other tab\'s version is not overwritten');
  assert.equal(await two.getByRole('region', { name: STATEMENTS[1] }).getByRole('radio', { name: '2 — some shortfalls' }).isChecked(), true);
  // The user chooses to keep theirs: now it is saved, and the other tab is told.
  await one.getByRole('button', { name: 'Keep my version (replace the other)' }).click();
  await two.getByText('This workbook was changed in another tab or window').waitFor();
  await two.getByRole('button', { name: 'Load the other version' }).click();
  await two.getByRole('region', { name: STATEMENTS[2] }).getByRole('radio', { name: '4 — exceptional', checked: true }).waitFor({ timeout: 5000 });
  assert.equal(await two.getByText('This workbook was changed in another tab or window').count(), 0);
  assert.deepEqual(one.problems, []);
  assert.deepEqual(two.problems, []);
  await context.close();
});

test('files that must not open say why, and the current work is untouched', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-GB', acceptDownloads: true });
  const page = await newPage(context, (url) => url.startsWith(base));
  await page.goto(`${base}/`);
  await ready(page);
  // With the keyboard alone: the skip link, the council's name and Enter, a score with Space.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), "Your council's self-assessment");
  await page.getByLabel('Council name').focus();
  await page.keyboard.type('Keepme');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'The nine quality statements' }).waitFor();
  await page.getByRole('region', { name: STATEMENTS[0] }).getByRole('radio', { name: '3 — good' }).focus();
  await page.keyboard.press('Space');
  await view(page, 'Start');
  const big = join(dir, 'big.json');
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const other = JSON.parse(readFileSync(example, 'utf8'));
  other.version = 2;
  const cases = [
    ['broken.json', Buffer.from('{"version": 1, "council": "X", '), /cannot be opened as a workbook/, 'invalid_json'],
    ['future.json', Buffer.from(JSON.stringify(other)), /cannot be opened as a workbook/, 'unsupported_version'],
    ['latin1.json', Buffer.from([0x7b, 0x22, 0xa3, 0x22, 0x7d]), /not a text file in UTF-8/, null],
    ['big.json', big, /50\.0 MB/, null],
    ['list.json', Buffer.from('[1, 2]'), /cannot be opened|not a workbook/, null],
  ];
  for (const [name, content, message, code] of cases) {
    const input = page.getByLabel('Workbook file (JSON or Excel)');
    await input.setInputFiles(typeof content === 'string' ? content : { name, mimeType: 'application/json', buffer: content });
    const alert = page.locator('#open-result .notice.error');
    await alert.waitFor();
    assert.match(await alert.textContent(), message, name);
    if (code) assert.match(await alert.textContent(), new RegExp(code), name);
    if (name === 'future.json') await shot(page, 'bad-file');
    await page.locator('#open-result').evaluate((el) => el.replaceChildren());
  }
  // Still the same workbook, with its score.
  await view(page, 'Statements');
  assert.equal(await page.getByLabel('Council name (required)').inputValue(), 'Keepme');
  assert.equal(await page.getByRole('region', { name: STATEMENTS[0] }).getByRole('radio', { name: '3 — good' }).isChecked(), true);
  // A CSV that is not text, and one with a bad row: nothing imported, the register unchanged.
  await view(page, 'Evidence');
  await page.getByText('Import or export the evidence register as CSV').click();
  const csvInput = page.getByLabel('Import the evidence register from a CSV file');
  await csvInput.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)) });
  await page.getByText(/Nothing was imported from photo\.csv/).waitFor();
  await csvInput.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('id,title,category,supports,date\nEV-1,Audit,vibes,QS7,15/10/2025\n') });
  const bad = page.getByText(/Nothing was imported from bad\.csv/);
  await bad.waitFor();
  assert.match(await page.locator('#evidence-import-result').textContent(), /line 2: category/);
  assert.equal(await page.locator('#ev-count').textContent(), '0 of 0 items shown.');

  // A workbook with a part this version does not know and a bad date opens: the problems are
  // shown (the date at its field, with the core's code), and the part is saved as it came.
  const newer = JSON.parse(readFileSync(example, 'utf8'));
  newer.interviews = [{ date: '2025-09-01', who: 'Lead member', notes: 'kept as it came' }];
  newer.evidence[0].date = '31/02/2025';
  await view(page, 'Start');
  await page.getByLabel('Workbook file (JSON or Excel)').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
  await page.getByRole('heading', { name: 'The nine quality statements' }).waitFor();
  assert.match(await page.locator('#problems').textContent(), /interviews/);
  await view(page, 'Evidence');
  await page.getByRole('button', { name: 'Edit EV-01' }).click();
  const dateError = page.getByRole('region', { name: /^Evidence item EV-01/ }).locator('.field-error');
  assert.match(await dateError.first().textContent(), /invalid_date/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save workbook' }).click()]);
  assert.deepEqual(JSON.parse(readFileSync(await dl.path(), 'utf8')), newer);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the single HTML file from file:// with the network blocked: the whole path', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, locale: 'en-GB', acceptDownloads: true });
  const page = await newPage(context, (url) => url.startsWith('file:') || url.startsWith('blob:'));
  await page.goto(pathToFileURL(singleFile).href);
  await ready(page);
  await shot(page, 'single-file');
  await wholePath(page, { council: 'Offline Borough Council', prefix: 'single-', checkViews: false });
  await page.reload();
  await ready(page);
  await view(page, 'Start');
  await page.getByRole('button', { name: /^Continue Offline Borough Council/ }).waitFor();
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.outside, [], 'nothing fetched from the network');
  await context.close();
});
