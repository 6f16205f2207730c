// The workbook report in headless Chromium: the CLI renders the example workbook's HTML report,
// the browser opens it with every network request blocked and recorded, and the test checks
// what a reader relies on, then saves target/screenshots/report.png.
// scripts/test-browser.sh builds target/debug/cqc-assurance before running this.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, repoRoot, screenshotDir } from './browser.mjs';

const cli = join(repoRoot, 'target', 'debug', 'cqc-assurance');
const example = join(repoRoot, 'examples', 'liverpool-workbook.json');

test('the example workbook report reads well in Chromium and fetches nothing', async () => {
  assert.ok(existsSync(cli), `${cli} is missing: run scripts/test-browser.sh (it builds the CLI)`);
  const dir = mkdtempSync(join(tmpdir(), 'cqc-report-'));
  const html = join(dir, 'report.html');
  execFileSync(cli, ['report', example, '--html', html, '--today', '2025-04-01']);
  // The figures the page must show come from the library itself, not from this test.
  const check = JSON.parse(
    execFileSync(cli, ['workbook', 'check', example, '--today', '2025-04-01', '--json']).toString(),
  );
  const prediction = check.analysis.prediction;
  const labels = {
    inadequate: 'Inadequate',
    requires_improvement: 'Requires improvement',
    good: 'Good',
    outstanding: 'Outstanding',
  };

  const source = readFileSync(html, 'utf8');
  assert.doesNotMatch(source, /<script|<link|<img|@import|url\(/i);

  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const requests = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });

    // The predicted rating, as the library computed it.
    const verdict = page.locator('[data-testid="predicted-rating"] .rating');
    assert.equal((await verdict.textContent()).trim(), labels[prediction.rating]);
    const summary = await page.locator('#summary').textContent();
    assert.ok(summary.includes(`${prediction.most_likely.percent}%`), 'the percentage is in the summary');

    // Nine statements, each with its score.
    assert.equal(await page.locator('#statements tr[data-statement]').count(), 9);

    // The charts are drawn and have a size on the page.
    for (const chart of ['scores', 'bands', 'probabilities', 'coverage', 'timeline', 'indicators', 'benchmark']) {
      const svg = page.locator(`svg[data-chart="${chart}"]`);
      assert.equal(await svg.count(), 1, `chart ${chart}`);
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 40, `chart ${chart} is visible`);
    }
    assert.equal(await page.locator('svg[data-chart="coverage"] rect').count(), 36);
    // Every rating probability bar is as wide as its probability says (relative to the others).
    const bars = await page.locator('svg[data-chart="probabilities"] rect').evaluateAll((rs) =>
      rs.map((r) => Number(r.getAttribute('width'))),
    );
    const probs = prediction.probabilities.ratings.map((r) => r.probability).reverse();
    const maxBar = Math.max(...bars);
    const maxProb = Math.max(...probs);
    bars.forEach((w, i) => assert.ok(Math.abs(w / maxBar - probs[i] / maxProb) < 0.01));

    // Nothing but the file itself was requested.
    assert.deepEqual(requests, []);

    // Printing keeps it to a sensible number of A4 pages.
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 2 && pages <= 12, `${pages} printed pages`);

    await page.screenshot({ path: join(screenshotDir, 'report.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
