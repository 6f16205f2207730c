// `cqc-assurance/rating` in browsers and bundlers: fetches and instantiates the rating module
// only (`cqc_assurance_bg.wasm`: the framework, the rating, what it would take to change it,
// probabilities, published results). Every function is synchronous and a browser can only
// fetch a module asynchronously, so the import waits for it (top-level await): every export is
// ready when the import resolves. Bundlers see the module through `new URL(..., import.meta.url)`
// and copy it.
import init from "./cqc_assurance.js";

await init({ module_or_path: new URL("./cqc_assurance_bg.wasm", import.meta.url) });

export * from "./rating.api.js";
