// Builds the workbook app two ways (build.sh runs both):
//
//   vite build --mode web     dist/web/: a static folder for any web server or intranet, with no
//                              inline script (it works under `default-src 'self'; script-src
//                              'self' 'wasm-unsafe-eval'`); each WebAssembly module is a file,
//                              the report's module fetched only when the report is first needed.
//   vite build --mode single  dist/single/: one script with everything, the WebAssembly modules
//                              inlined as base64 (the virtual module `virtual:wasm-sources`),
//                              which scripts/single-file.mjs puts into one HTML file that works
//                              from file:// with no network.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { defineConfig } from "vite";

const require = createRequire(import.meta.url);
const MODULES = { workbook: "cqc_assurance_workbook", timeline: "cqc_assurance_timeline", rating: "cqc_assurance", report: "cqc_assurance_report", office: "cqc_assurance_office" };

/** `virtual:wasm-sources`: where each module comes from (undefined: beside its entry). */
function wasmSources(single) {
  const id = "\0virtual:wasm-sources";
  return {
    name: "cqc-wasm-sources",
    resolveId: (source) => (source === "virtual:wasm-sources" ? id : null),
    load(loaded) {
      if (loaded !== id) return null;
      if (!single) return "export const inlined = false;\nexport const sources = {};\n";
      const lines = ["export const inlined = true;", "export const sources = {"];
      for (const [name, glue] of Object.entries(MODULES)) {
        const file = require.resolve(`cqc-assurance/${glue}_bg.wasm`);
        lines.push(`  ${name}: ${JSON.stringify(readFileSync(file).toString("base64"))},`);
      }
      lines.push("};");
      return lines.join("\n");
    },
  };
}

/**
 * In the single file, the package's default module locations (`new URL("x_bg.wasm",
 * import.meta.url)`, used only when init() is given no source) are dropped, so that no
 * WebAssembly file is emitted beside the page: every init() there is given the inlined bytes.
 */
function noWasmFiles() {
  const url = /new URL\((["'])(\.\/)?cqc_assurance[a-z_]*_bg\.wasm\1, import\.meta\.url\)/g;
  return {
    name: "cqc-no-wasm-files",
    enforce: "pre",
    transform(code, id) {
      if (!/cqc_assurance|\.init\.web\.js$/.test(id) || !url.test(code)) return null;
      url.lastIndex = 0;
      return { code: code.replace(url, "undefined"), map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  const single = mode === "single";
  return {
    base: "./",
    plugins: single ? [wasmSources(true), noWasmFiles()] : [wasmSources(false)],
    build: {
      outDir: single ? "dist/single" : "dist/web",
      emptyOutDir: true,
      target: "es2022",
      // Every WebAssembly module as a file in the served build (never a data: URL, which the CSP
      // refuses); in the single file they come from virtual:wasm-sources instead.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      // The single file's one script carries every module (several MB): that is its purpose.
      chunkSizeWarningLimit: single ? 10000 : 500,
      rollupOptions: single ? { output: { inlineDynamicImports: true } } : {},
    },
  };
});
