// Autosave in the browser: every workbook the user works on is kept in IndexedDB (database
// `cqc-assurance-workbook`, store `workbooks`, one record per workbook: its document exactly as
// the app holds it, a revision number, when and by which tab it was last written).
//
// Nothing typed is lost and nothing is silently overwritten: a tab writes a revision only if
// the stored one is still the revision it last read or wrote (checked inside the write's own
// transaction); otherwise the write is refused and the tab is told (`conflict`), keeping its
// own copy in memory until the user chooses. Each write is also announced on a
// BroadcastChannel, so another tab showing the same workbook hears of it at once.

const DB = "cqc-assurance-workbook";
const STORE = "workbooks";
/**
 * A random id (RFC 4122 version 4). `crypto.randomUUID` exists only in secure contexts; an
 * intranet served over plain http is not one, `crypto.getRandomValues` works everywhere.
 */
export function randomId() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((n) => n.toString(16).padStart(2, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export const TAB = randomId();

let dbPromise;
function db() {
  dbPromise ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: "id" });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return dbPromise;
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every saved workbook, most recently written first: `{ id, council, revision, savedAt }`. */
export async function listSaved() {
  const tx = (await db()).transaction(STORE, "readonly");
  const all = await request(tx.objectStore(STORE).getAll());
  return all
    .map(({ id, document, revision, savedAt }) => ({ id, council: document?.council ?? "", revision, savedAt }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** A saved workbook's record, or undefined. */
export async function load(id) {
  const tx = (await db()).transaction(STORE, "readonly");
  return request(tx.objectStore(STORE).get(id));
}

/** Deletes a saved workbook. */
export async function remove(id) {
  const tx = (await db()).transaction(STORE, "readwrite");
  await request(tx.objectStore(STORE).delete(id));
}

/**
 * Writes `document` as revision `expected + 1` of workbook `id` if the stored revision is still
 * `expected` (0: not stored yet), or whatever it is when `force`. Resolves to
 * `{ ok: true, revision }` or `{ ok: false, stored }` (the record another tab wrote).
 */
export async function write(id, document, expected, { force = false } = {}) {
  const tx = (await db()).transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  const stored = await request(store.get(id));
  const current = stored?.revision ?? 0;
  if (current !== expected && !force) {
    tx.abort();
    return { ok: false, stored };
  }
  const record = { id, document, revision: current + 1, savedAt: new Date().toISOString(), tab: TAB };
  store.put(record);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("the browser refused to save"));
  });
  channel?.postMessage({ id, revision: record.revision, tab: TAB, savedAt: record.savedAt });
  return { ok: true, revision: record.revision };
}

const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(DB) : null;

/** Calls `listener({ id, revision, tab, savedAt })` when another tab writes a workbook. */
export function onOtherTabWrite(listener) {
  channel?.addEventListener("message", (e) => {
    if (e.data?.tab !== TAB) listener(e.data);
  });
}
