// Turns the single-mode build (vite build --mode single: one script, one stylesheet, the
// WebAssembly modules already inside the script as base64) into ONE HTML file: the stylesheet
// and the script written into the page, so that it opens from file:// with nothing beside it.
//
//   node scripts/single-file.mjs BUILD_DIR OUT.html
import { readFileSync, readdirSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";

const [dir, out] = process.argv.slice(2);
if (!dir || !out) throw new Error("usage: node scripts/single-file.mjs BUILD_DIR OUT.html");
let html = readFileSync(join(dir, "index.html"), "utf8");
const used = new Set();
const asset = (href) => {
  const file = join(dir, href.replace(/^\.\//, ""));
  used.add(href.replace(/^\.\//, ""));
  return readFileSync(file, "utf8");
};
// In a script element, "</script" would end it and "<!--" would change how it is parsed:
// written as "<\/script" and "<\!--", which mean the same in JavaScript strings and regexes.
const scriptText = (js) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_, src) =>
  `<script type="module">${scriptText(asset(src))}</script>`);
html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_, href) =>
  `<style>${asset(href).replace(/<\/(style)/gi, "<\\/$1")}</style>`);
// Nothing else may be left to load from beside the file.
const assets = readdirSync(join(dir, "assets")).map((f) => `assets/${f}`);
const left = assets.filter((a) => !used.has(a));
if (left.length) throw new Error(`single-file: files the page would still load: ${left.join(", ")}`);
if (/\b(src|href)="\.?\/?assets\//.test(html)) throw new Error("single-file: a reference to assets/ is left");
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);
console.log(`build:app: ${out}: ${html.length} bytes`);
