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
