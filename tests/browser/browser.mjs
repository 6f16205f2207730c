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
