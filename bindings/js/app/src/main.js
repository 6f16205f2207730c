// The workbook app: the views, the workbook being edited, live analysis and autosave.
//
// The workbook is held exactly as its JSON file holds it (the CLI's format, keys as in the
// file). The app edits only the fields it shows; every other part of the document (parts a
// newer version of the format adds) is kept as it was and saved with the rest. Every answer —
// whether the workbook reads, each problem with its code and path, the rating, "too close to
// call", coverage, stale evidence, overdue actions, the ways to the next rating, the timeline,
// the report — is the core's, through the npm package.
import { loadEngine, loadOffice } from "./engine.js";
import * as store from "./store.js";
import { h, todayIso, download, slug, uid } from "./ui.js";
import { renderView, VIEWS } from "./views.js";

/** Files larger than this are refused before they are read (a workbook file is far smaller). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const app = {
  engine: null,
  framework: null,
  /** The open workbook: `{ id, doc, revision }`, or null. */
  open: null,
  /** The latest check of the open workbook, and the latest one that read. */
  check: null,
  lastGood: null,
  /** Milliseconds the latest analysis took. */
  analysisMs: null,
  /** Set when another tab has written the open workbook since this tab last did. */
  conflict: null,
  saving: Promise.resolve(),
  dirty: false,
};

const SESSION_KEY = "cqc-assurance-workbook:open";

// ---- analysis ----

/** Checks and analyses the open workbook (the core's checkWorkbook), timing it. */
export function analyse() {
  if (!app.open) return;
  const t0 = performance.now();
  const check = app.engine.workbook.checkWorkbook(app.open.doc, todayIso());
  app.analysisMs = performance.now() - t0;
  app.check = check;
  if (check.valid) app.lastGood = check;
  window.__cqcAnalysisMs = app.analysisMs; // read by the browser test, which reports it
}

/** The minimal ways from the analysis's scenario to the next rating (the core's improvementPaths). */
export function waysToNext(analysis) {
  const band = analysis?.prediction?.scenario?.result?.band;
  if (!band?.nextRating) return null;
  const scores = analysis.statements.map((s) => s.scenarioScore ?? null);
  return app.engine.rating.improvementPaths(scores, band.nextRating);
}

// ---- editing and autosave ----

/** After any edit: analyse, mark the problems at their fields, refresh the summary, save. */
export function edited() {
  analyse();
  showProblems();
  refreshSummary();
  document.dispatchEvent(new CustomEvent("cqc:analysed"));
  autosave();
}

function autosave() {
  app.dirty = true;
  app.saving = app.saving.then(async () => {
    if (!app.dirty || !app.open) return;
    app.dirty = false;
    const { id, doc, revision } = app.open;
    if (app.conflict) return; // the user has to choose first; the edit stays in memory
    try {
      const r = await store.write(id, structuredClone(doc), revision);
      if (r.ok) {
        app.open.revision = r.revision;
        setSaved(`Saved in this browser at ${new Date().toLocaleTimeString("en-GB")}.`);
      } else {
        conflictFound(r.stored);
      }
    } catch (e) {
      banner("error", `This browser could not save the workbook (${e?.message ?? e}). Use “Save workbook” to keep a file now.`);
    }
  });
  return app.saving;
}

function setSaved(text) {
  const el = document.getElementById("saved");
  if (el) el.textContent = text;
}

function conflictFound(stored) {
  app.conflict = stored ?? { revision: "?" };
  const when = stored?.savedAt ? new Date(stored.savedAt).toLocaleString("en-GB") : "just now";
  banner(
    "warning",
    h("p", {}, h("strong", {}, "This workbook was changed in another tab or window "), `(saved ${when}). `,
      "Your changes in this tab are kept here but not saved over the other version. Choose what to do:"),
    h("div", { class: "actions-row" },
      h("button", { type: "button", onclick: () => useOtherVersion() }, "Load the other version"),
      h("button", { type: "button", class: "secondary", onclick: () => keepMine() }, "Keep my version (replace the other)"),
      h("button", { type: "button", class: "secondary", onclick: () => saveFile() }, "Save my version as a file"),
    ),
  );
}

async function useOtherVersion() {
  const record = await store.load(app.open.id);
  app.conflict = null;
  banner();
  if (record) openDocument(record.id, record.document, record.revision, { keepView: true });
}

async function keepMine() {
  app.conflict = null;
  banner();
  const r = await store.write(app.open.id, structuredClone(app.open.doc), app.open.revision, { force: true });
  app.open.revision = r.revision;
  setSaved(`Saved in this browser at ${new Date().toLocaleTimeString("en-GB")} (replacing the other version).`);
}

store.onOtherTabWrite((msg) => {
  if (app.open && msg.id === app.open.id && msg.revision !== app.open.revision && !app.conflict) {
    conflictFound({ revision: msg.revision, savedAt: msg.savedAt });
  }
});

// ---- opening, creating, saving ----

/** Makes `doc` the open workbook (stored under `id`, at `revision`), and shows it. */
export function openDocument(id, doc, revision, { keepView = false } = {}) {
  app.open = { id, doc, revision };
  app.conflict = null;
  sessionStorage.setItem(SESSION_KEY, id);
  analyse();
  renderNav();
  if (!keepView || !currentView() || currentView() === "start") go("statements");
  else render();
}

/** A new workbook for a council (the core's starterWorkbook), saved at once. */
export async function createWorkbook(council) {
  const doc = app.engine.workbook.starterWorkbook(council);
  const id = store.randomId();
  const r = await store.write(id, doc, 0);
  openDocument(id, doc, r.revision);
}

/**
 * Opens a workbook file (JSON, or the Excel workbook), or says why it cannot: too large, not
 * text, not JSON, another version, not a workbook. The open workbook is untouched unless the
 * file opens.
 */
export async function openFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    return { error: `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB: a workbook file is at most ${MAX_FILE_BYTES / 1048576} MB. Nothing was opened; your current work is unchanged.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let doc;
  if (/\.xlsx$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    try {
      const office = await loadOffice();
      doc = office.workbookFromXlsx(bytes);
    } catch (e) {
      const all = e?.errors?.length ? e.errors : [e];
      return { error: `“${file.name}” is not a workbook this app can read as Excel.`, problems: all.map(problemFromError) };
    }
  } else {
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { error: `“${file.name}” is not a text file in UTF-8, so it is not a workbook JSON file (is it a spreadsheet or a CSV? A CSV goes into the evidence register, the actions or the indicators). Nothing was opened; your current work is unchanged.` };
    }
    const check = app.engine.workbook.checkWorkbook(text, todayIso());
    // Not JSON, or a version this app does not read: the file is refused, with the core's
    // words. A workbook with problems in its fields opens, each problem shown at its field.
    const refused = (problems) => ({ error: `“${file.name}” cannot be opened as a workbook. Nothing was opened; your current work is unchanged.`, problems });
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const core = check.errors.filter((x) => x.code === "invalid_json").slice(0, 3);
      return refused(core.length ? core : [{ code: "invalid_json", message: e.message, path: null }]);
    }
    const version = check.errors.filter((e) => e.code === "unsupported_version");
    if (version.length) return refused(version);
    const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
    const lists = ["evidence", "actions", "indicators"].filter((k) => k in (isObject(doc) ? doc : {}) && !Array.isArray(doc[k]));
    if (!isObject(doc) || !isObject(doc.statements) || lists.length) {
      return { error: `“${file.name}” is JSON but not a workbook this app can edit (${!isObject(doc) || !isObject(doc.statements) ? "it has no statements" : `${lists.join(", ")} is not a list`}). Nothing was opened; your current work is unchanged.`, problems: check.errors.slice(0, 5) };
    }
  }
  const id = store.randomId();
  const r = await store.write(id, doc, 0);
  openDocument(id, doc, r.revision);
  return { ok: true };
}

/** A thrown CqcError as the problem list shows it. */
export function problemFromError(e) {
  return { code: e?.code ?? "error", message: e?.message ?? String(e), path: e?.path ?? null };
}

/** "Save workbook": the document as the JSON file the command and Python read. */
export function saveFile() {
  if (!app.open) return;
  download(`${slug(app.open.doc.council)}-workbook.json`, `${JSON.stringify(app.open.doc, null, 2)}\n`, "application/json");
  setSaved("Workbook file downloaded. It is also saved in this browser.");
}

// ---- problems at their fields ----

/** The field a core path belongs to: `evidence[3].supports[1]` → `evidence[3].supports`. */
function fieldFor(path) {
  let p = path;
  while (p) {
    const el = document.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
    const shorter = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, "");
    if (shorter === p) break;
    p = shorter;
  }
  return null;
}

/** Marks every problem of the latest check at its field, and lists those with no field here. */
export function showProblems() {
  for (const el of document.querySelectorAll(".field-error[data-for]")) el.remove();
  for (const el of document.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const desc = (el.getAttribute("aria-describedby") ?? "").split(" ").filter((d) => !d.startsWith("err-"));
    if (desc.length) el.setAttribute("aria-describedby", desc.join(" "));
    else el.removeAttribute("aria-describedby");
  }
  for (const el of document.querySelectorAll(".field-warning[data-for]")) el.remove();
  const list = document.getElementById("problems");
  if (!list || !app.check) return;
  list.replaceChildren();
  // Warnings (the workbook reads, but something is missing or inconsistent) at their fields too.
  for (const w of app.check.warnings ?? []) {
    const el = w.path ? fieldFor(w.path) : null;
    if (!el) continue;
    const id = `err-${uid()}`;
    (el.closest(".field") ?? el).append(h("p", { class: "field-warning", id, "data-for": w.path }, w.message, " ", h("code", {}, w.code)));
    el.setAttribute("aria-describedby", `${el.getAttribute("aria-describedby") ?? ""} ${id}`.trim());
  }
  const items = [];
  for (const e of app.check.errors) {
    const el = e.path ? fieldFor(e.path) : null;
    if (el) {
      const id = `err-${uid()}`;
      const msg = h("p", { class: "field-error", id, "data-for": e.path }, e.message, " ", h("code", {}, e.code));
      const anchor = el.closest(".field") ?? el;
      anchor.append(msg);
      el.setAttribute("aria-invalid", "true");
      el.setAttribute("aria-describedby", `${el.getAttribute("aria-describedby") ?? ""} ${id}`.trim());
    }
    items.push(problemItem(e, el));
  }
  if (items.length) {
    list.append(h("div", { class: "notice error" },
      h("h2", { id: "problems-title" }, app.check.errors.length === 1 ? "1 problem with this workbook" : `${app.check.errors.length} problems with this workbook`),
      h("p", {}, "The analysis below is from before the change that caused them. Fix each one at its field:"),
      h("ul", { class: "problems", "aria-labelledby": "problems-title" }, items)));
  }
}

function problemItem(e, el) {
  const where = e.path ? ` (${e.path})` : "";
  const text = [e.message, " ", h("code", {}, e.code), where];
  if (el?.id) {
    return h("li", {}, h("a", { href: `#${el.id}`, onclick: (ev) => { ev.preventDefault(); el.focus(); } }, text));
  }
  const view = e.path ? viewForPath(e.path) : null;
  return h("li", {}, text, view && view !== currentView() ? [" — ", h("a", { href: `#${view}` }, `go to ${VIEWS[view].title}`)] : null);
}

function viewForPath(path) {
  if (path.startsWith("statements")) return "statements";
  if (path.startsWith("evidence")) return "evidence";
  if (path.startsWith("actions")) return "actions";
  if (path.startsWith("indicators")) return "indicators";
  if (path.startsWith("timeline")) return "timeline";
  return "start";
}

// ---- the summary line and banners ----

export function refreshSummary() {
  const el = document.getElementById("summary");
  if (!el) return;
  const a = app.lastGood?.analysis;
  const headline = a?.prediction?.call?.headline ?? (a ? "No statement scored yet" : "");
  const next = `${app.open?.doc?.council ?? ""}: ${headline}`;
  if (el.dataset.text !== next) {
    el.dataset.text = next;
    el.textContent = next;
  }
}

/** Shows a notice above the view (`kind`: error, warning, ok), or clears it. */
export function banner(kind, ...content) {
  const el = document.getElementById("banner");
  el.replaceChildren();
  if (kind) el.append(h("div", { class: `notice ${kind}` }, content));
}

// ---- navigation ----

export function currentView() {
  const v = location.hash.replace(/^#/, "").split("/")[0];
  return v in VIEWS ? v : null;
}

export function go(view) {
  if (location.hash === `#${view}`) render();
  else location.hash = view;
}

function renderNav() {
  const nav = document.getElementById("nav");
  const view = currentView() ?? "start";
  nav.replaceChildren(
    ...Object.entries(VIEWS)
      .filter(([key]) => key === "start" || app.open)
      .map(([key, v]) => h("a", { href: `#${key}`, "aria-current": key === view ? "page" : null }, v.title)),
  );
  if (app.open) nav.append(h("span", { class: "spacer" }), h("button", { type: "button", class: "secondary", onclick: saveFile }, "Save workbook"));
}

export function render() {
  const view = currentView() ?? (app.open ? "statements" : "start");
  const usable = view === "start" || app.open;
  renderNav();
  const main = document.getElementById("main");
  document.body.classList.toggle("printing-report", view === "report");
  main.replaceChildren();
  const key = usable ? view : "start";
  document.title = `${VIEWS[key].title} — CQC self-assessment workbook${app.open ? ` — ${app.open.doc.council}` : ""}`;
  if (app.open) main.append(h("p", { class: "live-time no-print" }, h("span", { id: "summary", role: "status" }), " · ", h("span", { id: "saved" })));
  main.append(h("div", { id: "problems" }));
  renderView(key, main);
  refreshSummary();
  showProblems();
}

let lastView = null;
window.addEventListener("hashchange", () => {
  render();
  const view = currentView();
  if (view !== lastView) document.getElementById("main").focus();
  lastView = view;
});

// The skip link moves focus to the view without changing the address (the address is the view).
document.querySelector(".skip")?.addEventListener("click", (e) => {
  e.preventDefault();
  document.getElementById("main").focus();
});

// Flush before the page goes away (a closed tab, a reload).
window.addEventListener("pagehide", () => { if (app.dirty) autosave(); });

// ---- start ----

async function boot() {
  try {
    app.engine = await loadEngine();
    app.framework = app.engine.rating.framework();
  } catch (e) {
    document.getElementById("loading").textContent = `The workbook engine could not start in this browser: ${e?.message ?? e}`;
    return;
  }
  let record = null;
  try {
    const wanted = sessionStorage.getItem(SESSION_KEY);
    if (wanted) record = await store.load(wanted);
    if (!record && currentView() && currentView() !== "start") {
      const [latest] = await store.listSaved();
      if (latest) record = await store.load(latest.id);
    }
  } catch (e) {
    banner("warning", `This browser does not let the app keep your work between visits (${e?.message ?? e}). Use “Save workbook” to keep a file.`);
  }
  if (record) {
    app.open = { id: record.id, doc: record.document, revision: record.revision };
    sessionStorage.setItem(SESSION_KEY, record.id);
    analyse();
  }
  lastView = currentView();
  render();
  document.body.dataset.ready = "true";
}

boot();

