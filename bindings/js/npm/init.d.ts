// Type declarations of `cqc-assurance/init`: the whole API (as `cqc-assurance`) with an explicit
// `init()` instead of a top-level await. Hand-written and kept apart from index.d.ts: only what
// the explicit-init entries add is declared here.

export * from "./index.js";

/**
 * Where a WebAssembly module comes from: a URL (string or `URL`), a `Request`, a `Response` or a
 * promise of one (fetched and instantiated as it streams), the module's bytes (`ArrayBuffer`,
 * typed array, node `Buffer`), or a compiled `WebAssembly.Module`.
 */
export type WasmSource =
  | string
  | URL
  | Request
  | Response
  | Promise<Response>
  | BufferSource
  | WebAssembly.Module;

/** Where each of the package's three modules comes from; a module not named is fetched (browsers) or read (node) from beside the entry. */
export interface WasmSources {
  /** `cqc_assurance_bg.wasm`: the framework, the rating, published results. */
  rating?: WasmSource;
  /** `cqc_assurance_timeline_bg.wasm`: the assessment timeline, working days. */
  timeline?: WasmSource;
  /** `cqc_assurance_workbook_bg.wasm`: the self-assessment workbook. */
  workbook?: WasmSource;
}

/**
 * Loads the three modules (in parallel); every function is ready when the promise resolves.
 * Calling it again does nothing. Throws a `TypeError` for a key other than `rating`,
 * `timeline` and `workbook`.
 *
 * @example
 * import { init, rate } from "cqc-assurance/init";
 * await init();
 * rate([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent; // 62
 */
export function init(sources?: WasmSources): Promise<void>;
