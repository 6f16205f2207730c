// `cqc-assurance/timeline` in browsers and bundlers: fetches and instantiates the timeline
// module only (`cqc_assurance_timeline_bg.wasm`: the assessment timeline on real working days,
// bank holidays, working-day arithmetic), with a top-level await, so that every export is ready
// when the import resolves. Bundlers see the module through `new URL(..., import.meta.url)`.
import init from "./cqc_assurance_timeline.js";

await init({ module_or_path: new URL("./cqc_assurance_timeline_bg.wasm", import.meta.url) });

export * from "./timeline.api.js";
