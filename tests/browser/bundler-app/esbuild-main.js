// The page as an esbuild user writes it: esbuild does not copy a module that an entry finds
// through `new URL(..., import.meta.url)`, so the page imports the .wasm itself (esbuild's
// `file` loader copies it and gives its URL; the `binary` loader embeds its bytes) and passes
// it to the explicit-init entry. No top-level await, so the same code bundles as an ES module
// and as an IIFE for ES2020.
import { init, rate, explain } from "cqc-assurance/rating/init";
import wasm from "cqc-assurance/cqc_assurance_bg.wasm";
import { show, showError } from "./show.js";

init(wasm).then(
  () => {
    const r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
    show({ rating: r.rating, percent: r.percent, steps: explain([2, 3, 3, 2, 2, 2, 2, 3, 3]).steps.length });
  },
  showError,
);
