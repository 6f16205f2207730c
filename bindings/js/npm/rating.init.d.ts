// Type declarations of `cqc-assurance/rating/init`: `cqc-assurance/rating`'s functions and types with
// an explicit `init()` instead of a top-level await. Hand-written and kept apart from index.d.ts:
// only what the explicit-init entries add is declared here.

import type { WasmSource } from "./init.js";

export * from "./rating.js";
export type { WasmSource } from "./init.js";

/**
 * Loads the rating module (`cqc_assurance_bg.wasm`) from `source`, or, without one, from beside
 * the entry (fetched in browsers, read in node); every function is ready when the promise
 * resolves. Calling it again does nothing.
 */
export function init(source?: WasmSource): Promise<void>;
