// Functions of the rating module that only the package's own glue calls (npm/rate.js, the fast
// path of `rate`): their names start with `_`, no entry exports them and no `.d.ts` declares
// them. Shared by the node tests (helpers.mjs) and the browser tests (tests/browser/entries.test.mjs).
export const INTERNAL = ["_ratePacked", "_packedNames", "_packedWording"];
