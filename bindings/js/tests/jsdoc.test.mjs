// The JSDoc of every function the package declares (npm/index.d.ts and the sub-paths'
// npm/*.types.d.ts) is the doc comment of its `#[wasm_bindgen]` function in bindings/js/src
// (written once, in Rust): the same prose, a link to another function of the package as a
// `{@link}` to its JavaScript name, Rust's other links as code. A declaration whose
// JSDoc carries a tag of its own (`@deprecated`), and the overloads of a function (each says
// which form it declares), keep theirs. This test fails while one differs;
// with CQC_ASSURANCE_REGENERATE=1 it rewrites them (scripts/generate.sh). It needs no build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "..", "src");
const npm = join(here, "..", "npm");
const WIDTH = 100;

/**
 * The doc comment of every `#[wasm_bindgen]` function, by its JavaScript name, with the Rust
 * names of the functions (for links).
 */
export function rustDocs() {
  const docs = new Map();
  const jsName = new Map();
  for (const file of readdirSync(src).filter((f) => f.endsWith(".rs"))) {
    const lines = readFileSync(join(src, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      const attr = line.match(/^#\[wasm_bindgen(?:\(js_name = "?(\w+)"?\))?\]$/);
      const fn = attr && lines[i + 1]?.match(/^pub fn (\w+)/);
      if (!fn) return;
      const name = attr[1] ?? fn[1];
      const doc = [];
      for (let j = i - 1; j >= 0 && lines[j].startsWith("///"); j--) {
        doc.unshift(lines[j].replace(/^\/\/\/ ?/, ""));
      }
      docs.set(name, doc);
      jsName.set(fn[1], name);
    });
  }
  return { docs, jsName };
}

/** A Rust doc comment as JSDoc prose: paragraphs joined into lines, links written as code. */
export function jsdocText(doc, jsName) {
  const paragraphs = doc.join("\n").split(/\n\s*\n/).map((p) => p.split(/\s+/).join(" ").trim());
  return paragraphs
    .filter((p) => p)
    .join("\n\n")
    .replace(/\[`([^`]+)`\](?:\([^)]*\))?/g, (_, name) =>
      jsName.has(name) ? `{@link ${jsName.get(name)}}` : `\`${name}\``,
    );
}

/** JSDoc text as a comment block: one line when it fits, otherwise wrapped at WIDTH columns. */
export function commentBlock(text) {
  if (!text.includes("\n") && `/** ${text} */`.length <= WIDTH) return [`/** ${text} */`];
  const out = ["/**"];
  for (const paragraph of text.split("\n\n")) {
    if (out.length > 1) out.push(" *");
    let line = " *";
    // Words, a code span with spaces in it (`cqc-assurance report`) counting as one.
    for (const word of paragraph.match(/(?:`[^`]*`|[^\s`]+)+/g)) {
      if (line.length + 1 + word.length > WIDTH && line !== " *") {
        out.push(line);
        line = " *";
      }
      line += ` ${word}`;
    }
    out.push(line);
  }
  out.push(" */");
  return out;
}

/** The prose of a comment block (lines from `/**` to `*\/`), paragraphs kept. */
function proseOf(block) {
  const body = block
    .join("\n")
    .replace(/^\s*\/\*\*/, "")
    .replace(/\*\/\s*$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""));
  return body
    .join("\n")
    .split(/\n\s*\n/)
    .map((p) => p.split(/\s+/).join(" ").trim())
    .filter((p) => p)
    .join("\n\n");
}

/** The declaration files and, in each, every `export function` with its JSDoc block's lines. */
function declarations() {
  const files = readdirSync(npm).filter((f) => f === "index.d.ts" || f.endsWith(".types.d.ts"));
  return files.map((file) => {
    const lines = readFileSync(join(npm, file), "utf8").split("\n");
    const functions = [];
    lines.forEach((line, i) => {
      const m = line.match(/^export function (\w+)/);
      if (!m) return;
      let start = i;
      if (lines[i - 1]?.trimEnd().endsWith("*/")) {
        start = i - 1;
        while (start > 0 && !lines[start].trimStart().startsWith("/**")) start--;
      }
      functions.push({ name: m[1], start, end: i, block: lines.slice(start, i) });
    });
    return { file, lines, functions };
  });
}

/** Every declaration whose JSDoc is not its Rust function's, with the block it should have. */
function differences() {
  const { docs, jsName } = rustDocs();
  const wrong = [];
  const files = declarations();
  const count = new Map();
  for (const fn of files.flatMap((f) => f.functions)) count.set(fn.name, (count.get(fn.name) ?? 0) + 1);
  for (const f of files) {
    for (const fn of f.functions) {
      // An overload's JSDoc says which form it declares; a tag (`@deprecated`) is the
      // declaration's own.
      const tagged = fn.block.some((l) => /^\s*(\/\*\*|\*)\s*@\w/.test(l));
      if (!docs.has(fn.name) || count.get(fn.name) > 1 || tagged) continue;
      const want = jsdocText(docs.get(fn.name), jsName);
      if (proseOf(fn.block) !== want) wrong.push({ file: f, fn, want });
    }
  }
  return { wrong, files, docs };
}

test("the JSDoc of every declared function is its Rust function's doc comment", () => {
  let { wrong, files } = differences();
  if (wrong.length && process.env.CQC_ASSURANCE_REGENERATE) {
    for (const f of files) {
      // From the bottom up, so that the line numbers of the edits still to make hold.
      const edits = wrong.filter((w) => w.file === f).sort((a, b) => b.fn.start - a.fn.start);
      for (const { fn, want } of edits) {
        f.lines.splice(fn.start, fn.end - fn.start, ...commentBlock(want));
      }
      if (edits.length) writeFileSync(join(npm, f.file), f.lines.join("\n"));
    }
    ({ wrong } = differences());
  }
  assert.deepEqual(
    wrong.map((w) => `${w.file.file} ${w.fn.name}: ${JSON.stringify(proseOf(w.fn.block))}, the Rust doc ${JSON.stringify(w.want)}`),
    [],
    "run scripts/generate.sh",
  );
});

test("the check reads every declared function and converts Rust's doc comments", () => {
  const { files, docs } = differences();
  const declared = files.flatMap((f) => f.functions.map((fn) => fn.name));
  // Every function of the Rust binding the package exports is declared, and is compared.
  const exported = [...docs.keys()].filter((name) => !name.startsWith("_"));
  assert.ok(exported.length > 40, `${exported.length} functions found in the Rust binding`);
  assert.deepEqual(exported.filter((name) => !declared.includes(name)), []);
  const jsName = new Map([["import_csv", "importCsv"]]);
  assert.equal(
    jsdocText(["Reads it back ([`import_csv`], [`Workbook`](cqc::Workbook)).", "", "Then  more."], jsName),
    "Reads it back ({@link importCsv}, `Workbook`).\n\nThen more.",
  );
  assert.deepEqual(commentBlock("Short."), ["/** Short. */"]);
  const long = commentBlock(`${"word ".repeat(30).trim()}\n\nSecond.`);
  assert.ok(long.every((l) => l.length <= WIDTH) && long.includes(" *") && long.at(-1) === " */");
  assert.equal(proseOf(long), `${"word ".repeat(30).trim()}\n\nSecond.`);
  // A code span is never broken across lines.
  const code = commentBlock(`${"word ".repeat(18)}\`cqc-assurance report --docx\` writes it.`);
  assert.ok(code.some((l) => l.includes("`cqc-assurance report --docx`")), code.join("\n"));
});
