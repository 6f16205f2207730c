// `cqc-assurance` (the root, the whole API) in browsers and bundlers: the convenient entry, and
// the heaviest: it fetches all three WebAssembly modules (rating, timeline, workbook) when
// imported. A page that needs only some of them imports the sub-paths instead
// (`cqc-assurance/rating`, `/timeline`, `/workbook`), which fetch one module each.
//
// Every function is synchronous and a browser can only fetch a module asynchronously, so each
// sub-path waits for its module with a top-level await. Sibling modules with a top-level await
// are evaluated concurrently, so the three are fetched and instantiated in parallel, and every
// export is ready when this import resolves.
export * from "./rating.web.js";
export * from "./timeline.web.js";
export * from "./workbook.web.js";
