// Prints what the app weighs: each file of the served build gzipped (gzip -9), the first load
// (everything but the timeline, report and Office modules, fetched when first needed) and the single
// file.
//
//   node scripts/sizes.mjs WEB_DIR SINGLE.html
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const [web, single] = process.argv.slice(2);
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(web);
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
let first = 0;
for (const p of files.sort()) {
  const size = gz(p);
  const lazy = /cqc_assurance_(report|office|timeline)_bg|(report|office|timeline)\.init\.web/.test(p);
  if (!lazy) first += size;
  console.log(`build:app: ${relative(web, p)}: ${statSync(p).size} bytes, ${size} gzipped${lazy ? " (loaded when first needed)" : ""}`);
}
console.log(`build:app: first load of dist/web: ${first} bytes gzipped (limit 600,000)`);
console.log(`build:app: ${single}: ${statSync(single).size} bytes, ${gz(single)} gzipped`);
