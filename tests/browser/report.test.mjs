// The workbook report in headless Chromium: the CLI renders workbooks' HTML reports, the browser
// opens them with every network request blocked and recorded, and the tests check what a reader
// relies on: the headline never overstates and agrees with every figure beside it, axe-core finds
// no WCAG 2.2 AA violation, no chart label overlaps another or is clipped, nothing scrolls
// sideways at 320 px, and the printed pages carry their running header and page numbers.
// Screenshots go to target/screenshots/. scripts/test-browser.sh builds target/debug/cqc-assurance
// before running this.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  axeViolations, chartLabelProblems, launch, repoRoot, screenshotDir, scrollsSideways,
} from './browser.mjs';

const cli = join(repoRoot, 'target', 'debug', 'cqc-assurance');
const example = join(repoRoot, 'examples', 'liverpool-workbook.json');
const today = '2025-04-01';
const dir = mkdtempSync(join(tmpdir(), 'cqc-report-'));

/** The CLI's analysis of a workbook file (the figures the page must show come from the library). */
function analysis(file) {
  return JSON.parse(execFileSync(cli, ['workbook', 'check', file, '--today', today, '--json']).toString())
    .analysis;
}

/** Renders a workbook file's report with the CLI (as of `asOf`) and returns the HTML file's path. */
function render(file, name, asOf = today) {
  const html = join(dir, `${name}.html`);
  execFileSync(cli, ['report', file, '--html', html, '--today', asOf]);
  return html;
}

/** The example workbook with its self-scores replaced (JSON values in CQC's order). */
function withScores(name, scores, edit = () => {}) {
  const wb = JSON.parse(readFileSync(example, 'utf8'));
  Object.keys(wb.statements).forEach((id, i) => {
    wb.statements[id].self_score = scores[i];
  });
  edit(wb);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(wb, null, 2));
  return file;
}

async function open(browser, html, width = 1000) {
  const page = await browser.newPage({ viewport: { width, height: 1400 } });
  const requests = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  return { page, requests };
}

async function headline(page) {
  const tile = page.locator('[data-testid="predicted-rating"]');
  return {
    rating: (await tile.locator('.rating').textContent()).trim(),
    lines: (await tile.locator('.chance').allTextContents()).map((s) => s.trim()),
    classes: await tile.getAttribute('class'),
  };
}

test('the CLI is built', () => {
  assert.ok(existsSync(cli), `${cli} is missing: run scripts/test-browser.sh (it builds the CLI)`);
});

test('the example report: a coin toss is too close to call, every figure from one scenario', async () => {
  const html = render(example, 'report');
  const a = analysis(example);
  const p = a.prediction;
  const source = readFileSync(html, 'utf8');
  assert.doesNotMatch(source, /<script|<link|<img|@import|url\(/i);

  const browser = await launch();
  try {
    const { page, requests } = await open(browser, html);
    // Partnerships is an even chance of 2 or 3: never headlined as good.
    const h = await headline(page);
    assert.equal(h.rating, 'Too close to call');
    assert.deepEqual(h.lines, ['Requires improvement 50%', 'Good 50%']);
    assert.match(h.classes, /\bclose\b/);
    assert.equal(p.call.too_close_to_call, true);
    // The figures beside it are the scenario's, and the scenario gives requires improvement.
    const scenario = await page.locator('[data-testid="scenario"]').textContent();
    const sc = p.scenario.result;
    assert.equal(sc.rating, 'requires_improvement');
    assert.ok(scenario.includes(`${sc.total} of ${sc.max} points, ${sc.percent}%, requires improvement`), scenario);
    assert.ok(scenario.includes(p.scenario.description), scenario);
    const ranking = a.benchmark.ranking;
    assert.ok(
      scenario.includes(`between ${ranking.higher + 1}`) || scenario.includes(`${ranking.higher + 1}`),
      'the rank is the scenario\'s',
    );
    // The percentage is shown as the values it can take, never an average that cannot occur.
    const percentages = await page.locator('[data-testid="percentages"]').textContent();
    assert.ok(percentages.includes('62% (50%) or 64% (50%)'), percentages);
    const summary = await page.locator('#summary').textContent();
    assert.ok(!summary.includes('63%'), 'no expected percentage of 63');
    assert.ok(!/\bcertain\b/i.test(await page.locator('body').textContent()), 'a self-assessment is never certain');

    // Nine statements, each with its score; the uncertain one drawn with its distribution.
    assert.equal(await page.locator('#statements tr[data-statement]').count(), 9);
    const possible = page.locator('svg[data-chart="scores"] rect.possible');
    assert.equal(await possible.count(), 2);
    const opacities = await possible.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('fill-opacity'))));
    assert.ok(opacities.every((o) => o > 0.3 && o < 0.8), `opacities ${opacities}`);
    assert.deepEqual(
      await page.locator('svg[data-chart="scores"] text.bartext').evaluateAll((ts) =>
        ts.map((t) => t.textContent).filter((t) => t.includes(':'))),
      ['2: 50%', '3: 50%'],
    );

    // The charts are drawn, have a size on the page, and carry their data as a table.
    for (const chart of ['scores', 'bands', 'probabilities', 'coverage', 'timeline', 'indicators', 'benchmark']) {
      const svg = page.locator(`svg[data-chart="${chart}"]`);
      assert.equal(await svg.count(), 1, `chart ${chart}`);
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 40, `chart ${chart} is visible`);
      const described = await svg.getAttribute('aria-describedby');
      assert.equal(await page.locator(`[id="${described}"] tr`).count() > 1, true, `chart ${chart} has a data table`);
    }
    assert.equal(await page.locator('svg[data-chart="coverage"] rect').count(), 36);
    const bars = await page.locator('svg[data-chart="probabilities"] rect').evaluateAll((rs) =>
      rs.map((r) => Number(r.getAttribute('width'))),
    );
    const probs = p.probabilities.ratings.map((r) => r.probability).reverse();
    const maxBar = Math.max(...bars);
    const maxProb = Math.max(...probs);
    bars.forEach((w, i) => assert.ok(Math.abs(w / maxBar - probs[i] / maxProb) < 0.01));

    // The whole action plan, not only overdue actions.
    assert.equal(await page.locator('#actions tbody tr').count(), a.action_plan.length);

    assert.deepEqual(await chartLabelProblems(page), []);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(requests, []);

    // Printing: a sensible number of A4 pages.
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    // The example fills every optional section (information return, case tracking, the
    // interview schedule and briefing pack, direction of travel, the assurance account): they
    // add a few pages; without them the report keeps its 14-page budget (checked below).
    assert.ok(pages >= 2 && pages <= 18, `${pages} printed pages`);
    for (const id of ['information-return', 'case-tracking', 'interviews', 'direction', 'assurance-account']) {
      assert.equal(await page.locator(`section#${id}`).count(), 1, `section ${id}`);
    }
    await page.screenshot({ path: join(screenshotDir, 'report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.screenshot({ path: join(screenshotDir, 'report-print.png'), fullPage: true });

    // 320 px wide: nothing scrolls sideways, and axe still finds nothing.
    const narrow = (await open(browser, html, 320)).page;
    assert.equal(await scrollsSideways(narrow), false, 'the report scrolls sideways at 320 px');
    assert.deepEqual(await axeViolations(narrow), []);
    await narrow.screenshot({ path: join(screenshotDir, 'report-320.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});

test('without the optional preparation parts, the report prints in at most 14 pages and shows none of their sections', async () => {
  const file = withScores('no-preparation', [2, 3, 3, 2, [0, 0.5, 0.5, 0], 2, 2, 3, 3], (wb) => {
    for (const key of ['information_return', 'case_tracking', 'interviews', 'history']) delete wb[key];
  });
  const browser = await launch();
  try {
    const { page } = await open(browser, render(file, 'no-preparation'));
    for (const id of ['information-return', 'case-tracking', 'interviews', 'direction', 'assurance-account']) {
      // The assurance account comes from the actions done, so it stays (the example has one).
      const expected = id === 'assurance-account' ? 1 : 0;
      assert.equal(await page.locator(`section#${id}`).count(), expected, `section ${id}`);
    }
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 2 && pages <= 14, `${pages} printed pages`);
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await browser.close();
  }
});

test('four statements at 60/40: good is the most likely rating but too close to call', async () => {
  const spread = [0, 0.6, 0.4, 0];
  const file = withScores('sixty-forty', [3, 3, 3, 2, 2, spread, spread, spread, spread]);
  const p = analysis(file).prediction;
  assert.equal(p.probabilities.most_likely, 'good');
  const browser = await launch();
  try {
    const { page } = await open(browser, render(file, 'sixty-forty'));
    const h = await headline(page);
    assert.equal(h.rating, 'Too close to call');
    assert.deepEqual(h.lines, ['Requires improvement 48%', 'Good 52%']);
    const scenario = await page.locator('[data-testid="scenario"]').textContent();
    assert.ok(scenario.includes('21 of 36 points, 59%, requires improvement'), scenario);
    assert.deepEqual(await chartLabelProblems(page), []);
    await page.screenshot({ path: join(screenshotDir, 'report-sixty-forty.png'), fullPage: false });
  } finally {
    await browser.close();
  }
});

test('a rating called at two in three or more is in its colour, with its probability', async () => {
  // Partnerships 3 with probability 0.7: good 70%.
  const file = withScores('called', [2, 3, 3, 2, [0, 0.3, 0.7, 0], 2, 2, 3, 3]);
  const browser = await launch();
  try {
    const { page } = await open(browser, render(file, 'called'));
    const h = await headline(page);
    assert.equal(h.rating, 'Good');
    assert.deepEqual(h.lines, ['Probability 70%']);
    assert.match(h.classes, /rating-good/);
    const scenario = await page.locator('[data-testid="scenario"]').textContent();
    assert.ok(scenario.includes('23 of 36 points, 64%, good'), scenario);
  } finally {
    await browser.close();
  }
});

test('long labels and every cell uncertain: no label overlaps, nothing clipped, no violation', async () => {
  const uniform = [0.25, 0.25, 0.25, 0.25];
  const file = withScores('stress', Array(9).fill(uniform), (wb) => {
    wb.council = 'The Royal Borough of Windsor and Maidenhead, Adult Social Care and Health Directorate';
    wb.indicators = wb.indicators.map((ind, i) => ({
      ...ind,
      name: `${ind.name}: a long indicator name that a performance team might well type in full (${i})`,
      value: ind.england_average * (0.6 + 0.15 * i),
    }));
  });
  const browser = await launch();
  try {
    const { page } = await open(browser, render(file, 'stress'));
    assert.equal((await headline(page)).rating, 'Too close to call');
    assert.deepEqual(await chartLabelProblems(page), []);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(screenshotDir, 'report-stress.png'), fullPage: true });
    const narrow = (await open(browser, render(file, 'stress'), 320)).page;
    assert.equal(await scrollsSideways(narrow), false);
  } finally {
    await browser.close();
  }
});

test('the timeline chart keeps its "Today" label inside when today is before, within or long after the assessment', async () => {
  const browser = await launch();
  try {
    for (const asOf of ['2024-06-03', today, '2026-12-02']) {
      const { page } = await open(browser, render(example, `today-${asOf}`, asOf));
      const label = page.locator('#timeline svg text.markertext');
      assert.match(await label.textContent(), /^Today, /);
      assert.deepEqual(await chartLabelProblems(page), [], asOf);
    }
  } finally {
    await browser.close();
  }
});

test('a blank workbook renders without a prediction, and without violations', async () => {
  const file = join(dir, 'blank.json');
  execFileSync(cli, ['workbook', 'init', '--council', 'Anytown', '-o', file]);
  const browser = await launch();
  try {
    const { page } = await open(browser, render(file, 'blank'));
    assert.equal((await headline(page)).rating, 'Not yet scored');
    assert.deepEqual(await chartLabelProblems(page), []);
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await browser.close();
  }
});

test('the checks find what they look for: a planted overlap, clip, contrast failure and sideways scroll', async () => {
  const html = join(dir, 'planted.html');
  writeFileSync(html, `<!DOCTYPE html><html lang="en"><head><title>planted</title></head><body><main>
    <p style="color:#fff;background:#d9731a">White on the old orange</p>
    <div style="width:600px">wide</div>
    <svg viewBox="0 0 200 50" role="img" aria-label="planted" data-chart="planted">
      <rect x="60" y="10" width="100" height="20"/>
      <text class="label" x="2" y="25">A label that runs into the bar</text>
      <text x="2" y="25">and overlaps</text>
      <text x="190" y="45">clipped at the edge</text>
    </svg></main></body></html>`);
  const browser = await launch();
  try {
    const { page } = await open(browser, html, 320);
    const problems = await chartLabelProblems(page);
    assert.ok(problems.some((p) => p.includes('runs into a bar')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('overlaps')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('clipped')), problems.join('\n'));
    assert.ok((await axeViolations(page)).some((v) => v.startsWith('color-contrast')));
    assert.equal(await scrollsSideways(page), true);
  } finally {
    await browser.close();
  }
});
