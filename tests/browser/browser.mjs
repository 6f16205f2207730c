// Shared launcher for the browser tests: Debian's Chromium driven by playwright-core.
// (Test tools' own browser downloads cannot work on this network; Debian's package can.)
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = join(repoRoot, 'target', 'screenshots');

export async function launch() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * The demo's server (serving bindings/js/demo and the built package) on a free port, and a
 * browser: `{ base, browser, close }`. Fails at once if the package has not been built.
 */
export async function startDemo() {
  const jsDir = join(repoRoot, 'bindings', 'js');
  if (!existsSync(join(jsDir, 'pkg', 'package.json'))) {
    throw new Error('build the package first: bindings/js/build.sh');
  }
  const { serve } = await import(pathToFileURL(join(jsDir, 'demo', 'serve.mjs')).href);
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const close = async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { base, browser, close };
}

const axeSource = join(repoRoot, 'tests', 'browser', 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core on the page for WCAG 2.0 A/AA, 2.1 AA and 2.2 AA, and returns every violation
 * (of any impact) as `rule: target (impact)` lines, so a failure says what to fix. `url`: where
 * the page may load axe-core from (a page under a Content-Security-Policy refuses the inline
 * copy); without it, axe-core is added inline.
 */
export async function axeViolations(page, url) {
  if (await page.evaluate(() => typeof axe === 'undefined')) {
    await page.addScriptTag(url ? { url } : { path: axeSource });
  }
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.impact}) ${n.failureSummary?.split('\n')[1] ?? ''}`),
  );
}

/** Whether the page scrolls sideways at its current viewport width (WCAG 1.4.10 reflow). */
export async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * Every problem with the labels of the page's SVG charts, measured by the browser (getBBox, in
 * the chart's own units): two texts that overlap, a text outside its chart (clipped), a row label
 * that runs into a bar, and a text meant to sit in a bar (bar, band, heat-map and benchmark
 * texts) that does not fit inside one.
 */
export async function chartLabelProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const overlap = (a, b, pad = 0.5) =>
      a.x + pad < b.x + b.width && b.x + pad < a.x + a.width &&
      a.y + pad < b.y + b.height && b.y + pad < a.y + a.height;
    const inside = (a, b, pad = 0.5) =>
      a.x >= b.x - pad && a.y >= b.y - pad &&
      a.x + a.width <= b.x + b.width + pad && a.y + a.height <= b.y + b.height + pad;
    for (const svg of document.querySelectorAll('svg[data-chart]')) {
      const chart = svg.getAttribute('data-chart');
      const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
      const texts = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent.trim() !== '')
        .map((t) => ({ el: t, text: t.textContent.trim(), box: t.getBBox(), cls: t.getAttribute('class') || '' }));
      const rects = [...svg.querySelectorAll('rect')].map((r) => r.getBBox()).filter((b) => b.width > 0);
      for (const t of texts) {
        const b = t.box;
        if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5) {
          problems.push(`${chart}: "${t.text}" is outside the chart (clipped)`);
        }
        if (/\b(bartext|bandtext|heattext|benchtext)\b/.test(t.cls) && !rects.some((r) => inside(b, r))) {
          problems.push(`${chart}: "${t.text}" does not fit inside its bar`);
        }
        if (/\blabel\b/.test(t.cls) && rects.some((r) => overlap(b, r))) {
          problems.push(`${chart}: the label "${t.text}" runs into a bar`);
        }
      }
      for (let i = 0; i < texts.length; i += 1) {
        for (let j = i + 1; j < texts.length; j += 1) {
          if (overlap(texts[i].box, texts[j].box)) {
            problems.push(`${chart}: "${texts[i].text}" overlaps "${texts[j].text}"`);
          }
        }
      }
    }
    return problems;
  });
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A static server on a free port of 127.0.0.1 for `mounts` ({ '/': folder, '/pkg/': folder }:
 * the longest matching URL prefix wins), sending `headers` (e.g. a Content-Security-Policy)
 * with every response. Resolves to the server.
 */
export async function serveDirs(mounts, headers = {}) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { extname, resolve, sep } = await import('node:path');
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204, headers).end(); // the browser asks for it; the pages have none
      return;
    }
    const prefix = prefixes.find((p) => path.startsWith(p));
    const root = resolve(mounts[prefix]);
    const file = resolve(root, '.' + path.slice(prefix.length - 1) + (path.endsWith('/') ? 'index.html' : ''));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}
