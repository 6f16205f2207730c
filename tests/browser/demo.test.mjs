// The JavaScript demo page (bindings/js/demo) in headless Chromium: served on localhost by the
// demo's own tiny server, scores set with the keyboard and the mouse, the rating shown checked
// against the published rule, the timeline shown for a notification date, a screenshot saved.
// The page imports the package's sub-paths `cqc-assurance/rating` and `/timeline`: the browser
// must fetch those two WebAssembly modules and never the workbook's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { axeViolations, screenshotDir, scrollsSideways, startDemo } from "./browser.mjs";

let demo;
let browser;
let base;

before(async () => {
  demo = await startDemo();
  ({ browser, base } = demo);
});

after(async () => {
  await demo?.close();
});

test("the demo rates scores set with the keyboard and the mouse, and shows the timeline", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  const problems = [];
  const outside = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  // No external resources: everything must come from the local server.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort();
  });

  await page.goto(`${base}/demo/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });

  // Two of the package's three modules, each fetched once; nothing of the workbook's.
  const modules = () => fetched.filter((p) => p.endsWith(".wasm")).sort();
  assert.deepEqual(modules(), ["/pkg/cqc_assurance_bg.wasm", "/pkg/cqc_assurance_timeline_bg.wasm"]);
  assert.ok(fetched.includes("/pkg/rating.web.js") && fetched.includes("/pkg/timeline.web.js"), fetched.join(" "));

  // Starts at Liverpool's scores: 22/36 = 61.1%, published 62%, requires improvement.
  assert.equal(await page.textContent("#rating"), "Requires improvement");
  assert.equal(await page.textContent("#percent"), "62%");
  assert.match(await page.textContent("#band"), /upper threshold of requires improvement/);
  assert.equal(await page.locator("#chart svg rect.bar").count(), 9);
  assert.equal(await page.locator("#chart svg line.band-edge").count(), 4);

  // Every picker has a label (its accessible name) and sits in a fieldset per theme.
  assert.equal(await page.locator("fieldset").count(), 4);
  assert.equal(await page.getByLabel("QS5 Partnerships and communities").count(), 1);

  // Keyboard: focus the QS5 picker and move its score from 2 up to 3 with the arrow key.
  await page.focus("#qs-partnerships");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.inputValue("#qs-partnerships"), "3");
  // 23/36 = 63.9% → 64%: good.
  await page.waitForFunction(() => document.querySelector("#rating").textContent === "Good");
  assert.equal(await page.textContent("#percent"), "64%");

  // Tab moves on to the next picker (QS6), which the keyboard can change too.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "qs-safe-systems");

  // Mouse: choose scores in the pickers with clicks (selectOption), all nine at 4.
  for (const id of ["assessing-needs", "supporting-healthier-lives", "equity", "care-provision", "partnerships", "safe-systems", "safeguarding", "governance", "learning"]) {
    await page.selectOption(`#qs-${id}`, "4");
  }
  await page.waitForFunction(() => document.querySelector("#rating").textContent === "Outstanding");
  assert.equal(await page.textContent("#percent"), "100%");

  // Not assessed is left out of the sums: only QS7 at 1 → 25%, inadequate.
  for (const id of ["assessing-needs", "supporting-healthier-lives", "equity", "care-provision", "partnerships", "safe-systems", "governance", "learning"]) {
    await page.selectOption(`#qs-${id}`, "");
  }
  await page.selectOption("#qs-safeguarding", "1");
  await page.waitForFunction(() => document.querySelector("#rating").textContent === "Inadequate");
  assert.equal(await page.textContent("#percent"), "25%");
  assert.equal(await page.locator("#chart svg rect.bar").count(), 1);
  // Improvement paths towards good: 1 → 3 on the only statement assessed.
  await page.selectOption("#target", "good");
  assert.match(await page.textContent("#paths"), /QS7 Safeguarding 1 → 3/);

  // Back to Liverpool with one statement up: the screenshot's state.
  const liverpool = { "assessing-needs": "2", "supporting-healthier-lives": "3", equity: "3", "care-provision": "2", partnerships: "3", "safe-systems": "2", safeguarding: "2", governance: "3", learning: "3" };
  for (const [id, v] of Object.entries(liverpool)) await page.selectOption(`#qs-${id}`, v);
  await page.waitForFunction(() => document.querySelector("#rating").textContent === "Good");
  await page.selectOption("#target", "outstanding");

  // The timeline for a notification date: factual accuracy due ten working days after the
  // draft report, every date on a working day.
  await page.fill("#notified", "2025-01-06");
  await page.dispatchEvent("#notified", "change");
  const rows = page.locator("#milestones tbody tr");
  assert.ok((await rows.count()) >= 10);
  assert.equal(await page.locator('#milestones tr[data-milestone="notification"] td').first().textContent(), "2025-01-06");
  assert.equal(await page.locator('#milestones tr[data-milestone="factual_accuracy_due"]').count(), 1);
  const href = await page.getAttribute("#ics", "href");
  assert.match(href, /^blob:/);

  await page.screenshot({ path: join(screenshotDir, "demo.png"), fullPage: true });
  // Using the timeline fetched nothing more: still no workbook module (nor its glue or entry).
  assert.deepEqual(modules(), ["/pkg/cqc_assurance_bg.wasm", "/pkg/cqc_assurance_timeline_bg.wasm"]);
  assert.deepEqual(fetched.filter((p) => p.includes("workbook") || p.endsWith("/pkg/web.js")), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(outside, []);
  // WCAG 2.2 AA: axe-core finds nothing, with the page in the state a user leaves it.
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("the demo at 320 px: no sideways scroll, no accessibility violation", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  await page.goto(`${base}/demo/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await page.fill("#notified", "2025-01-06");
  await page.dispatchEvent("#notified", "change");
  assert.equal(await scrollsSideways(page), false, "the demo scrolls sideways at 320 px");
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: join(screenshotDir, "demo-320.png"), fullPage: true });
  await page.close();
});
