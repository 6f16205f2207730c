// The views: Start, Statements, Evidence, Actions, Indicators, Analysis, Timeline, Report.
// Each edits the open workbook's document in place (only the fields it shows) and calls
// `edited()`, which has the core check and analyse it, marks problems at their fields and
// saves. A view is drawn again only when its structure changes (a row added or removed), never
// on a keystroke, so focus stays where the person is typing.
import { app, edited, openDocument, createWorkbook, openFile, banner, render, showProblems, waysToNext } from "./main.js";
import { loadReport, loadOffice, loadTimeline } from "./engine.js";
import * as store from "./store.js";
import { h, todayIso, ukDate, isoFromTyped, pct, download, slug, uid, plural } from "./ui.js";

export const VIEWS = {
  start: { title: "Start", draw: drawStart },
  statements: { title: "Statements", draw: drawStatements },
  evidence: { title: "Evidence", draw: drawEvidence },
  actions: { title: "Actions", draw: drawActions },
  indicators: { title: "Indicators", draw: drawIndicators },
  analysis: { title: "Analysis", draw: drawAnalysis },
  timeline: { title: "Timeline", draw: drawTimeline },
  report: { title: "Report", draw: drawReport },
};

export function renderView(key, main) {
  VIEWS[key].draw(main);
}

/** Calls `fn` after every analysis while `el` is on the page. */
function whileShown(el, fn) {
  const listener = () => {
    if (!el.isConnected) document.removeEventListener("cqc:analysed", listener);
    else fn();
  };
  document.addEventListener("cqc:analysed", listener);
}

const doc = () => app.open.doc;
const ratingLabel = (id) => app.framework.ratings.find((r) => r.id === id)?.label ?? id;
const statementOf = (id) => app.framework.statements.find((s) => s.id === id);
const themeOf = (id) => app.framework.themes.find((t) => t.id === id);
const categoryOf = (id) => app.framework.evidenceCategories.find((c) => c.id === id);
const stName = (id) => {
  const s = statementOf(id);
  if (s) return `QS${s.number} ${s.name}`;
  const t = themeOf(id);
  return t ? `${t.name} (theme)` : id;
};

// ---- fields ----

/**
 * A labelled field bound to the document: `get()` gives its value as the file holds it,
 * `set(value)` writes what was typed. `path` is the core's path of the field, where its
 * problems are shown.
 */
function field({ label, hint, path, get, set, kind = "text", options, rows, cls, required, autocomplete }) {
  const id = uid("f");
  const hintId = hint ? `${id}-hint` : null;
  let input;
  const value = get();
  if (kind === "select") {
    input = h("select", { id, class: cls },
      options.map(([v, text]) => h("option", { value: v, selected: v === (value ?? "") }, text)));
    input.addEventListener("change", () => { set(input.value); edited(); });
  } else if (kind === "textarea") {
    input = h("textarea", { id, rows: rows ?? 4 });
    input.value = value ?? "";
    input.addEventListener("input", () => { set(input.value); edited(); });
  } else {
    const type = kind === "number" ? "text" : kind === "date" ? "text" : kind;
    input = h("input", {
      id, type, class: cls ?? (kind === "date" || kind === "number" ? "short" : null),
      inputmode: kind === "number" ? "decimal" : kind === "date" ? "numeric" : null,
      placeholder: kind === "date" ? "dd/mm/yyyy" : null,
      autocomplete: autocomplete ?? "off",
      "aria-required": required ? "true" : null,
    });
    input.value = kind === "date" ? ukDate(value ?? "") : value ?? "";
    input.addEventListener("input", () => { set(input.value); edited(); });
  }
  input.dataset.path = path;
  if (hintId) input.setAttribute("aria-describedby", hintId);
  return h("div", { class: "field" },
    h("label", { for: id }, label, required ? " (required)" : null),
    hint ? h("p", { class: "hint", id: hintId }, hint) : null,
    input);
}

/** Sets `obj[key]` to `value`, or removes the key when the value is empty (an optional field). */
function setOptional(obj, key, value) {
  if (value === "" || value === null || value === undefined) delete obj[key];
  else obj[key] = value;
}

/** A typed number as the file holds it: a number when it is one, else the text as typed (the core reports it). */
function numberFromTyped(text) {
  const t = text.trim().replace(/%$/, "");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

const dateField = (label, obj, key, path, { required, hint } = {}) =>
  field({
    label, path, kind: "date", required,
    hint: hint ?? "For example 15/10/2025.",
    get: () => obj[key],
    set: (v) => (required ? (obj[key] = isoFromTyped(v)) : setOptional(obj, key, isoFromTyped(v))),
  });

const lines = (list) => (Array.isArray(list) ? list.join("\n") : "");
const fromLines = (text) => text.split("\n").map((l) => l.trim()).filter((l) => l !== "");

/** Checkboxes for the statements (and whole themes) an item supports. */
function supportsField(item, key, path, legend) {
  const chosen = () => (Array.isArray(item[key]) ? item[key] : []);
  const box = (id, text) => {
    const cid = uid("c");
    const input = h("input", { type: "checkbox", id: cid, checked: chosen().includes(id) });
    input.addEventListener("change", () => {
      const now = new Set(chosen());
      if (input.checked) now.add(id);
      else now.delete(id);
      // In the framework's order, themes after statements.
      const order = [...app.framework.statements.map((s) => s.id), ...app.framework.themes.map((t) => t.id)];
      item[key] = [...now].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      edited();
    });
    return h("label", { for: cid }, input, text);
  };
  const fs = h("fieldset", { class: "field" },
    h("legend", {}, legend),
    app.framework.themes.map((t) => h("div", {},
      h("p", { class: "hint" }, t.name),
      h("div", { class: "choices" }, t.statements.map((s) => box(s, stName(s))), box(t.id, `the whole theme`)))));
  fs.dataset.path = path;
  fs.tabIndex = -1;
  return fs;
}

// ---- Start ----

function drawStart(main) {
  main.append(h("h1", {}, "Your council's self-assessment"));
  main.append(h("p", {}, "Prepare for CQC's assessment of your adult social care: score the nine quality statements, keep the evidence register and the action plan, and see the rating they would give, with the report to print. Everything stays in this browser: nothing is sent anywhere."));
  const result = h("div", { id: "open-result", role: "alert" });

  const saved = h("div", {}, h("p", {}, "Looking for workbooks saved in this browser…"));
  main.append(h("h2", {}, "Continue where you left off"), saved);
  store.listSaved().then((list) => {
    saved.replaceChildren();
    if (!list.length) {
      saved.append(h("p", {}, "No workbook is saved in this browser yet."));
      return;
    }
    saved.append(h("ul", {}, list.map((w) => h("li", {},
      h("button", { type: "button", class: app.open?.id === w.id ? "secondary" : null, onclick: async () => {
        const r = await store.load(w.id);
        if (r) openDocument(r.id, r.document, r.revision);
      } }, `Continue ${w.council || "(no name)"}`),
      ` last saved ${new Date(w.savedAt).toLocaleString("en-GB")} `,
      h("button", { type: "button", class: "danger", "aria-label": `Delete ${w.council || "(no name)"} from this browser`, onclick: async () => {
        if (!window.confirm(`Delete the workbook for ${w.council || "(no name)"} from this browser? Save it as a file first if you want to keep it.`)) return;
        await store.remove(w.id);
        if (app.open?.id === w.id) app.open = null;
        render();
      } }, "Delete")))));
  }).catch((e) => saved.replaceChildren(h("p", {}, `This browser does not keep workbooks (${e?.message ?? e}).`)));

  const council = h("input", { id: "council-name", type: "text", autocomplete: "organization", "aria-describedby": "council-hint" });
  main.append(h("h2", {}, "Start a new workbook"),
    h("form", { onsubmit: async (e) => {
      e.preventDefault();
      const name = council.value.trim();
      if (!name) {
        result.replaceChildren(h("div", { class: "notice error" }, h("p", {}, "Enter the council's name to start a workbook.")));
        council.setAttribute("aria-invalid", "true");
        council.focus();
        return;
      }
      await createWorkbook(name);
    } },
    h("label", { for: "council-name" }, "Council name"),
    h("p", { class: "hint", id: "council-hint" }, "As CQC names it, for example Liverpool City Council."),
    council,
    h("div", { class: "actions-row" }, h("button", { type: "submit" }, "Create workbook"))));

  const file = h("input", { id: "open-file", type: "file", accept: ".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "aria-describedby": "open-hint" });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    result.replaceChildren(h("p", {}, `Opening ${f.name}…`));
    let r;
    try {
      r = await openFile(f);
    } catch (e) {
      r = { error: `“${f.name}” could not be opened: ${e?.message ?? e}. Your current work is unchanged.` };
    }
    file.value = "";
    if (r.error) {
      result.replaceChildren(h("div", { class: "notice error" },
        h("p", {}, h("strong", {}, r.error)),
        r.problems?.length ? h("ul", { class: "problems" }, r.problems.map((p) => h("li", {}, p.message, " ", h("code", {}, p.code), p.path ? ` (${p.path})` : ""))) : null));
    }
  });
  main.append(h("h2", {}, "Open a workbook file"),
    h("label", { for: "open-file" }, "Workbook file (JSON or Excel)"),
    h("p", { class: "hint", id: "open-hint" }, "A workbook saved from this app, the cqc-assurance command or Python (.json), or the Excel workbook (.xlsx)."),
    file, result);
}

// ---- Statements ----

const SCORE_WORDS = { 1: "1 — significant shortfalls", 2: "2 — some shortfalls", 3: "3 — good", 4: "4 — exceptional" };

function scoreMode(score) {
  if (score === null || score === undefined) return "none";
  if (typeof score === "number") return String(score);
  if (Array.isArray(score)) {
    const nz = score.map((p, i) => [p, i]).filter(([p]) => p > 0);
    if (nz.length === 2 && nz[1][1] === nz[0][1] + 1) return "between";
    return "custom";
  }
  return "custom";
}

function drawStatements(main) {
  main.append(h("h1", {}, "The nine quality statements"),
    h("p", {}, "For each statement, your own score (1 to 4), what is strong, what needs to improve, and your account. When you are not sure, say it is between two scores and how likely the higher one is: the analysis then gives the chance of each rating."));
  main.append(h("div", { class: "field" }, field({
    label: "Council name", path: "council", required: true, autocomplete: "organization",
    get: () => doc().council, set: (v) => { doc().council = v; },
  })));
  for (const theme of app.framework.themes) {
    main.append(h("h2", {}, theme.name));
    for (const sid of theme.statements) main.append(statementCard(sid));
  }
}

function statementCard(sid) {
  const s = statementOf(sid);
  doc().statements[sid] ??= { self_score: null, strengths: [], areas_for_improvement: [] };
  const entry = doc().statements[sid];
  const base = `statements.${sid}`;
  const summary = h("p", { class: "hint" });
  const card = h("section", { class: "statement", "aria-labelledby": `h-${sid}` }, h("h3", { id: `h-${sid}` }, `QS${s.number} ${s.name}`), summary);
  // What the register, the plan and the indicators hold for this statement, from the analysis.
  const summarise = () => {
    const st = app.lastGood?.analysis?.statements.find((x) => x.statement === sid);
    summary.textContent = st ? `${plural(st.evidenceItems, "evidence item")}, ${plural(st.openActions, "open action")}, ${plural(st.indicators, "indicator")} for this statement.` : "";
  };
  summarise();
  whileShown(summary, summarise);
  const detail = h("div", {});
  const mode = scoreMode(entry.self_score);
  const name = `score-${sid}`;
  const choice = (value, text) => {
    const id = uid("r");
    const input = h("input", { type: "radio", name, id, value, checked: mode === value });
    input.addEventListener("change", () => {
      if (value === "none") entry.self_score = null;
      else if (value === "between") entry.self_score = [0, 0.5, 0.5, 0];
      else if (value === "custom") entry.self_score = Array.isArray(entry.self_score) ? entry.self_score : [0.25, 0.25, 0.25, 0.25];
      else entry.self_score = Number(value);
      drawDetail();
      edited();
    });
    return h("label", { for: id }, input, text);
  };
  const scoreSet = h("fieldset", {}, h("legend", {}, `Your score for QS${s.number}`),
    h("div", { class: "choices" }, ["1", "2", "3", "4"].map((v) => choice(v, SCORE_WORDS[v])),
      choice("between", "Between two scores"), choice("custom", "A chance for each score"), choice("none", "Not scored yet")));
  scoreSet.dataset.path = `${base}.self_score`;
  scoreSet.tabIndex = -1;
  const drawDetail = () => {
    detail.replaceChildren();
    const m = scoreMode(entry.self_score);
    if (m === "between") {
      const p = entry.self_score;
      const lower = p.findIndex((x) => x > 0);
      const pair = h("select", { id: uid("s"), class: "short" }, [0, 1, 2].map((i) => h("option", { value: i, selected: i === lower }, `between ${i + 1} and ${i + 2}`)));
      const higher = h("input", { id: uid("n"), type: "text", inputmode: "numeric", class: "short", "aria-describedby": `${uid("x")}` });
      higher.value = String(Math.round(p[lower + 1] * 100));
      const hintId = higher.getAttribute("aria-describedby");
      const write = () => {
        const lo = Number(pair.value);
        const t = higher.value.trim().replace(/%$/, "");
        const up = t === "" || !Number.isFinite(Number(t)) ? NaN : Number(t) / 100;
        const out = [0, 0, 0, 0];
        out[lo] = Number.isFinite(up) ? Math.round((1 - up) * 1e6) / 1e6 : 0.5;
        out[lo + 1] = Number.isFinite(up) ? up : 0.5;
        // What was typed and is not a chance (150, "abc") goes to the core as it is, to be reported.
        if (!Number.isFinite(up) && t !== "") out[lo + 1] = higher.value;
        entry.self_score = out;
        edited();
      };
      pair.addEventListener("change", write);
      higher.addEventListener("input", write);
      higher.dataset.path = `${base}.self_score`;
      detail.append(
        h("div", { class: "field" }, h("label", { for: pair.id }, "Which two scores"), pair),
        h("div", { class: "field" }, h("label", { for: higher.id }, "Chance of the higher score (%)"),
          h("p", { class: "hint", id: hintId }, "50 is an even chance of either; 70 means the higher score is more likely."), higher));
    } else if (m === "custom") {
      const p = entry.self_score;
      const fs = h("fieldset", {}, h("legend", {}, "Chance of each score (%), adding up to 100"));
      fs.dataset.path = `${base}.self_score`;
      fs.tabIndex = -1;
      [0, 1, 2, 3].forEach((i) => {
        const id = uid("n");
        const input = h("input", { id, type: "text", inputmode: "numeric", class: "short" });
        input.value = String(Math.round((Number(p[i]) || 0) * 1000) / 10);
        input.addEventListener("input", () => {
          const t = input.value.trim().replace(/%$/, "");
          const n = t === "" ? 0 : Number(t);
          entry.self_score[i] = Number.isFinite(n) ? n / 100 : input.value;
          edited();
        });
        fs.append(h("div", { class: "field" }, h("label", { for: id }, `Score ${i + 1}`), input));
      });
      detail.append(fs);
    }
  };
  drawDetail();
  card.append(scoreSet, detail,
    field({ label: "Strengths", hint: "One per line.", kind: "textarea", path: `${base}.strengths`,
      get: () => lines(entry.strengths), set: (v) => { entry.strengths = fromLines(v); } }),
    field({ label: "Areas for improvement", hint: "One per line.", kind: "textarea", path: `${base}.areas_for_improvement`,
      get: () => lines(entry.areas_for_improvement), set: (v) => { entry.areas_for_improvement = fromLines(v); } }),
    field({ label: "Narrative", hint: "Your account of the statement, as it will appear in the report.", kind: "textarea", rows: 5, path: `${base}.narrative`,
      get: () => entry.narrative, set: (v) => setOptional(entry, "narrative", v) }));
  return card;
}

// ---- registers (evidence, actions, indicators) ----

function nextId(list, prefix) {
  const used = new Set(list.map((x) => x.id));
  for (let n = list.length + 1; ; n += 1) {
    const id = `${prefix}-${String(n).padStart(2, "0")}`;
    if (!used.has(id)) return id;
  }
}

/** The CSV import and export of a register, through the core (importCsv, registerToCsv). */
function csvTools(part, label) {
  const out = h("div", { role: "status" });
  const inputId = uid("csv");
  const input = h("input", { type: "file", id: inputId, accept: ".csv,text/csv", "aria-describedby": `${inputId}-hint` });
  const mode = h("select", { id: `${inputId}-mode` },
    h("option", { value: "merge" }, "add to the register (rows with the same id replace items)"),
    h("option", { value: "replace" }, "replace the register with the file"));
  input.addEventListener("change", async () => {
    const f = input.files?.[0];
    if (!f) return;
    input.value = "";
    if (f.size > 20 * 1024 * 1024) {
      out.replaceChildren(h("div", { class: "notice error" }, h("p", {}, `“${f.name}” is ${(f.size / 1048576).toFixed(1)} MB, too large for a register. Nothing was imported.`)));
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    let r;
    try {
      r = app.engine.workbook.importCsv(doc(), part, bytes, { mode: mode.value });
    } catch (e) {
      out.replaceChildren(h("div", { class: "notice error" }, h("p", {}, "The workbook has a problem to fix before importing: ", e.message, " ", h("code", {}, e.code))));
      return;
    }
    const report = [
      r.errors.length ? h("ul", { class: "problems" }, r.errors.map((e) => h("li", {}, e.path ? `${e.path}: ` : "", e.message, " ", h("code", {}, e.code)))) : null,
      r.warnings.length ? h("ul", {}, r.warnings.map((w) => h("li", {}, w))) : null,
    ];
    if (r.written) {
      doc()[part] = r.workbook[part];
      render();
      edited();
      const c = r.changes[0];
      document.getElementById(`${part}-import-result`)?.replaceChildren(h("div", { class: "notice ok" },
        h("p", {}, `Imported ${plural(r.rows, "row")} from ${f.name}: ${c.added} added, ${c.replaced} replaced (${c.unchanged} unchanged), ${c.kept} kept${c.removed.length ? `, ${c.removed.length} removed (${c.removed.join(", ")})` : ""}.`), report));
    } else {
      out.replaceChildren(h("div", { class: "notice error" },
        h("p", {}, h("strong", {}, `Nothing was imported from ${f.name}`), ` (${plural(r.rows, "row")} read, ${r.rejected} rejected). Fix the file and import it again:`), report));
    }
  });
  out.id = `${part}-import-result`;
  const details = h("details", { class: "no-print", open: csvOpen[part] || null }, h("summary", {}, `Import or export ${label} as CSV`),
    h("div", { class: "field" }, h("label", { for: `${inputId}-mode` }, "When importing"), mode),
    h("div", { class: "field" }, h("label", { for: inputId }, `Import ${label} from a CSV file`),
      h("p", { class: "hint", id: `${inputId}-hint` }, "As Excel saves it (any encoding, comma or semicolon, UK dates such as 15/10/2025). Every row is checked; nothing is imported if a row is wrong."),
      input),
    h("div", { class: "actions-row" }, h("button", { type: "button", class: "secondary", onclick: () => {
      try {
        download(`${slug(doc().council)}-${part}.csv`, app.engine.workbook.registerToCsv(doc(), part), "text/csv;charset=utf-8");
      } catch (e) {
        out.replaceChildren(h("div", { class: "notice error" }, h("p", {}, "Fix the workbook's problems first: ", e.message, " ", h("code", {}, e.code))));
      }
    } }, `Export ${label} as CSV`)),
    out);
  details.addEventListener("toggle", () => { csvOpen[part] = details.open; });
  return details;
}

// Whether each register's CSV tools are open, across redraws.
const csvOpen = {};

function deleteButton(list, index, what, label) {
  return h("button", { type: "button", class: "danger", "aria-label": `Delete ${what}`, onclick: () => {
    if (!window.confirm(`Delete ${what}?`)) return;
    list.splice(index, 1);
    render();
    edited();
  } }, label ?? "Delete");
}

// Which item's form is open in each register (by index), across redraws.
const editing = { evidence: null, actions: null, indicators: null };

function drawEvidence(main) {
  const list = (doc().evidence ??= []);
  main.append(h("h1", {}, "Evidence register"),
    h("p", {}, "Each piece of evidence, the quality statements it supports, who owns it and when it is due for review. Evidence past its review date is flagged as stale in the analysis."));
  const cats = app.framework.localAuthorityCategories;
  const text = h("input", { id: "ev-filter-text", type: "search" });
  const st = h("select", { id: "ev-filter-statement" }, h("option", { value: "" }, "any statement"),
    app.framework.statements.map((s) => h("option", { value: s.id }, stName(s.id))));
  const cat = h("select", { id: "ev-filter-category" }, h("option", { value: "" }, "any category"),
    cats.map((c) => h("option", { value: c }, categoryOf(c)?.name ?? c)));
  const count = h("p", { role: "status", id: "ev-count" });
  const tbody = h("tbody");
  const supportsStatement = (item, sid) => (item.supports ?? []).some((x) => x === sid || themeOf(x)?.statements.includes(sid));
  const drawRows = () => {
    const q = text.value.trim().toLowerCase();
    tbody.replaceChildren();
    let shown = 0;
    list.forEach((item, i) => {
      if (q && !`${item.id} ${item.title} ${item.owner ?? ""} ${item.notes ?? ""}`.toLowerCase().includes(q)) return;
      if (st.value && !supportsStatement(item, st.value)) return;
      if (cat.value && item.category !== cat.value) return;
      shown += 1;
      tbody.append(h("tr", {},
        h("td", {}, item.id), h("td", {}, item.title),
        h("td", {}, categoryOf(item.category)?.name ?? item.category),
        h("td", {}, (item.supports ?? []).map((x) => stName(x)).join("; ")),
        h("td", {}, item.owner ?? ""), h("td", { class: "nowrap" }, ukDate(item.date)), h("td", { class: "nowrap" }, ukDate(item.review_by ?? item.expires ?? "")),
        h("td", {}, h("div", { class: "actions-row" },
          h("button", { type: "button", class: "secondary", "aria-label": `Edit ${item.id}`, onclick: () => { editing.evidence = i; render(); document.getElementById("edit-form")?.querySelector("input,select,textarea")?.focus(); } }, "Edit"),
          deleteButton(list, i, `evidence item ${item.id}`)))));
    });
    count.textContent = `${shown} of ${plural(list.length, "item")} shown.`;
  };
  for (const el of [text, st, cat]) el.addEventListener("input", drawRows);
  whileShown(tbody, () => { if (!tbody.contains(document.activeElement)) drawRows(); });
  main.append(
    h("div", { class: "filters no-print", role: "search", "aria-label": "Filter the evidence" },
      h("div", {}, h("label", { for: "ev-filter-text" }, "Filter by words"), text),
      h("div", {}, h("label", { for: "ev-filter-statement" }, "Statement"), st),
      h("div", {}, h("label", { for: "ev-filter-category" }, "Category"), cat)),
    count,
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Evidence items" },
      h("table", {}, h("caption", { class: "visually-hidden" }, "Evidence register"),
        h("thead", {}, h("tr", {}, ["Id", "Title", "Category", "Supports", "Owner", "Date", "Review by"].map((t) => h("th", { scope: "col" }, t)), h("th", { scope: "col" }, "Change"))),
        tbody)),
    h("div", { class: "actions-row" }, h("button", { type: "button", onclick: () => {
      list.push({ id: nextId(list, "EV"), title: "", category: "processes", supports: [], date: todayIso() });
      editing.evidence = list.length - 1;
      render();
      edited();
      document.getElementById("edit-form")?.querySelector("input")?.focus();
    } }, "Add evidence item")));
  drawRows();
  const i = editing.evidence;
  if (i !== null && list[i]) {
    const item = list[i];
    const p = `evidence[${i}]`;
    main.append(h("section", { id: "edit-form", "aria-labelledby": "edit-title", class: "card" },
      h("h2", { id: "edit-title" }, `Evidence item ${item.id || i + 1}`),
      field({ label: "Id", path: `${p}.id`, required: true, cls: "short", get: () => item.id, set: (v) => { item.id = v; } }),
      field({ label: "Title", path: `${p}.title`, required: true, get: () => item.title, set: (v) => { item.title = v; } }),
      field({ label: "Category", path: `${p}.category`, kind: "select", options: cats.map((c) => [c, categoryOf(c)?.name ?? c]).concat(cats.includes(item.category) ? [] : [[item.category, item.category]]),
        get: () => item.category, set: (v) => { item.category = v; } }),
      supportsField(item, "supports", `${p}.supports`, "Statements it supports"),
      field({ label: "Owner", path: `${p}.owner`, get: () => item.owner, set: (v) => setOptional(item, "owner", v) }),
      dateField("Date", item, "date", `${p}.date`, { required: true, hint: "When the evidence is from, for example 15/10/2025." }),
      dateField("Review by", item, "review_by", `${p}.review_by`),
      dateField("Expires", item, "expires", `${p}.expires`),
      field({ label: "Link", path: `${p}.link`, kind: "url", get: () => item.link, set: (v) => setOptional(item, "link", v) }),
      field({ label: "Notes", path: `${p}.notes`, kind: "textarea", rows: 2, get: () => item.notes, set: (v) => setOptional(item, "notes", v) }),
      h("div", { class: "actions-row" }, h("button", { type: "button", class: "secondary", onclick: () => { editing.evidence = null; render(); } }, "Done"))));
  }
  main.append(csvTools("evidence", "the evidence register"));
}

const STATUSES = [["not_started", "Not started"], ["in_progress", "In progress"], ["blocked", "Blocked"], ["done", "Done"], ["cancelled", "Cancelled"]];
const RAGS = [["", "not given"], ["red", "Red"], ["amber", "Amber"], ["green", "Green"]];

function drawActions(main) {
  const list = (doc().actions ??= []);
  main.append(h("h1", {}, "Action plan"), h("p", {}, "What the council will do, who owns it, when it is due, where it stands, with dated progress notes. Open actions past their due date are flagged in the analysis."));
  const rowsOf = () => list.map((a, i) => h("tr", {},
    h("td", {}, a.id), h("td", {}, a.description), h("td", {}, a.statement ? stName(a.statement) : ""),
    h("td", {}, a.owner ?? ""), h("td", { class: "nowrap" }, ukDate(a.due)), h("td", {}, STATUSES.find(([v]) => v === a.status)?.[1] ?? a.status),
    h("td", {}, RAGS.find(([v]) => v === (a.rag ?? ""))?.[1] ?? a.rag),
    h("td", {}, h("div", { class: "actions-row" },
      h("button", { type: "button", class: "secondary", "aria-label": `Edit ${a.id}`, onclick: () => { editing.actions = i; render(); document.getElementById("edit-form")?.querySelector("input")?.focus(); } }, "Edit"),
      deleteButton(list, i, `action ${a.id}`)))));
  const tbody = h("tbody", {}, rowsOf());
  whileShown(tbody, () => { if (!tbody.contains(document.activeElement)) tbody.replaceChildren(...rowsOf()); });
  main.append(h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Actions" },
    h("table", {}, h("caption", { class: "visually-hidden" }, "Action plan"),
      h("thead", {}, h("tr", {}, ["Id", "Action", "Statement", "Owner", "Due", "Status", "RAG", "Change"].map((t) => h("th", { scope: "col" }, t)))), tbody)),
  h("div", { class: "actions-row" }, h("button", { type: "button", onclick: () => {
    list.push({ id: nextId(list, "ACT"), description: "", due: todayIso(), status: "not_started" });
    editing.actions = list.length - 1;
    render();
    edited();
    document.getElementById("edit-form")?.querySelector("input")?.focus();
  } }, "Add action")));
  const i = editing.actions;
  if (i !== null && list[i]) {
    const a = list[i];
    const p = `actions[${i}]`;
    const notes = h("div", {});
    const drawNotes = () => {
      notes.replaceChildren(h("h3", {}, "Progress notes"));
      (a.progress ?? []).forEach((n, j) => {
        notes.append(h("div", { class: "card" },
          dateField(`Note ${j + 1}: date`, n, "date", `${p}.progress[${j}].date`, { required: true }),
          field({ label: `Note ${j + 1}: what happened`, kind: "textarea", rows: 2, path: `${p}.progress[${j}].note`, get: () => n.note, set: (v) => { n.note = v; } }),
          h("button", { type: "button", class: "danger", onclick: () => { a.progress.splice(j, 1); if (!a.progress.length) delete a.progress; drawNotes(); edited(); } }, `Delete note ${j + 1}`)));
      });
      notes.append(h("button", { type: "button", class: "secondary", onclick: () => {
        (a.progress ??= []).push({ date: todayIso(), note: "" });
        drawNotes();
        edited();
        notes.querySelectorAll("textarea")[a.progress.length - 1]?.focus();
      } }, "Add a progress note"));
    };
    drawNotes();
    main.append(h("section", { id: "edit-form", "aria-labelledby": "edit-title", class: "card" },
      h("h2", { id: "edit-title" }, `Action ${a.id || i + 1}`),
      field({ label: "Id", path: `${p}.id`, required: true, cls: "short", get: () => a.id, set: (v) => { a.id = v; } }),
      field({ label: "What will be done", path: `${p}.description`, required: true, kind: "textarea", rows: 2, get: () => a.description, set: (v) => { a.description = v; } }),
      field({ label: "Statement", path: `${p}.statement`, kind: "select", options: [["", "none in particular"], ...app.framework.statements.map((s) => [s.id, stName(s.id)])],
        get: () => a.statement ?? "", set: (v) => setOptional(a, "statement", v) }),
      field({ label: "Owner", path: `${p}.owner`, get: () => a.owner, set: (v) => setOptional(a, "owner", v) }),
      dateField("Due", a, "due", `${p}.due`, { required: true }),
      field({ label: "Status", path: `${p}.status`, kind: "select", options: STATUSES, get: () => a.status, set: (v) => { a.status = v; } }),
      field({ label: "RAG (red, amber, green)", path: `${p}.rag`, kind: "select", options: RAGS, get: () => a.rag ?? "", set: (v) => setOptional(a, "rag", v) }),
      dateField("Last updated", a, "updated", `${p}.updated`),
      notes,
      field({ label: "Notes", path: `${p}.notes`, kind: "textarea", rows: 2, get: () => a.notes, set: (v) => setOptional(a, "notes", v) }),
      h("div", { class: "actions-row" }, h("button", { type: "button", class: "secondary", onclick: () => { editing.actions = null; render(); } }, "Done"))));
  }
  main.append(csvTools("actions", "the action plan"));
}

function drawIndicators(main) {
  const list = (doc().indicators ??= []);
  main.append(h("h1", {}, "Indicators"), h("p", {}, "The council's figures against England's, with the year of each. The analysis says whether each is better, similar or worse."));
  list.forEach((ind, i) => {
    const p = `indicators[${i}]`;
    main.append(h("section", { class: "card", "aria-labelledby": `ind-${i}` },
      h("h2", { id: `ind-${i}` }, ind.name || `Indicator ${i + 1}`),
      field({ label: "Name", path: `${p}.name`, required: true, get: () => ind.name, set: (v) => { ind.name = v; } }),
      field({ label: "Collection", path: `${p}.collection`, required: true, get: () => ind.collection, set: (v) => { ind.collection = v; } }),
      field({ label: `Council's figure${ind.unit ? ` (${ind.unit})` : ""}`, path: `${p}.value`, kind: "number", hint: "Leave empty until you have it.",
        get: () => (ind.value ?? "").toString(), set: (v) => { ind.value = numberFromTyped(v); } }),
      field({ label: "Year of the council's figure", path: `${p}.year`, cls: "short", hint: "For example 2024-25.", get: () => ind.year, set: (v) => setOptional(ind, "year", v) }),
      field({ label: `England's figure${ind.unit ? ` (${ind.unit})` : ""}`, path: `${p}.england_average`, kind: "number", required: true,
        get: () => (ind.england_average ?? "").toString(), set: (v) => { ind.england_average = numberFromTyped(v); } }),
      field({ label: "Year of England's figure", path: `${p}.england_year`, cls: "short", get: () => ind.england_year, set: (v) => setOptional(ind, "england_year", v) }),
      field({ label: "Higher is better", path: `${p}.higher_is_better`, kind: "select", options: [["true", "yes"], ["false", "no"]],
        get: () => String(ind.higher_is_better ?? true), set: (v) => { ind.higher_is_better = v === "true"; } }),
      supportsField(ind, "statements", `${p}.statements`, "Statements it informs"),
      field({ label: "Source", path: `${p}.reference`, get: () => ind.reference, set: (v) => setOptional(ind, "reference", v) }),
      h("div", { class: "actions-row" }, deleteButton(list, i, `indicator ${ind.name || i + 1}`, "Delete indicator"))));
  });
  main.append(h("div", { class: "actions-row" }, h("button", { type: "button", onclick: () => {
    list.push({ name: "", collection: "", value: null, england_average: 0, higher_is_better: true, statements: [] });
    render();
    edited();
    document.getElementById(`ind-${list.length - 1}`)?.parentElement.querySelector("input")?.focus();
  } }, "Add indicator")), csvTools("indicators", "the indicators"));
}

// ---- Analysis ----

function drawAnalysis(main) {
  main.append(h("h1", {}, "Analysis"));
  const body = h("div", { id: "analysis-body" });
  main.append(body);
  fillAnalysis(body);
  whileShown(body, () => fillAnalysis(body));
}

function fillAnalysis(body) {
  body.replaceChildren();
  const a = app.lastGood?.analysis;
  body.append(h("p", { class: "live-time" }, `Analysed as of ${ukDate(todayIso())} in ${app.analysisMs?.toFixed(1)} ms.`));
  if (!a) {
    body.append(h("p", {}, "The workbook has problems to fix before it can be analysed (listed above)."));
    return;
  }
  const pr = a.prediction;
  const result = pr?.scenario?.result;
  const summary = h("div", { class: "summary-grid" });
  body.append(h("h2", {}, "The rating these scores would give"), summary);
  if (!pr) {
    summary.append(h("div", { class: "card" }, h("p", { class: "rating" }, "No statement scored yet"), h("p", {}, h("a", { href: "#statements" }, "Score the statements"), " to see the rating.")));
  } else {
    summary.append(
      h("div", { class: "card" },
        h("h3", { id: "headline-h" }, "Headline"),
        h("p", { class: "rating", id: "headline" }, pr.call.headline),
        h("p", {}, `${pr.scored} of 9 statements scored${pr.uncertain ? `, ${pr.uncertain} uncertain` : ""}.`),
        pr.call.tooCloseToCall ? h("p", {}, `Figures below assume ${ratingLabel(pr.call.prudentRating)}, the worse rating in contention.`) : null),
      h("div", { class: "card" },
        h("h3", {}, "Scores and band"),
        h("p", {}, `The figures assume ${pr.scenario.description}.`),
        h("dl", { class: "facts" },
          h("dt", {}, "Total"), h("dd", {}, `${result.total} of ${result.max}`),
          h("dt", {}, "Percentage"), h("dd", {}, `${result.percent}% (${result.percentExact.toFixed(1)}% rounded up)`),
          h("dt", {}, "Rating"), h("dd", {}, ratingLabel(result.rating)),
          h("dt", {}, "Band"), h("dd", {}, `${result.band.lowerPercent}–${result.band.upperPercent}%: ${result.band.wording}`),
          result.band.pointsToNextRating !== null ? [h("dt", {}, "To the next rating"), h("dd", {}, `${plural(result.band.pointsToNextRating, "point")} to ${ratingLabel(result.band.nextRating)}`)] : null,
          result.band.slackPoints !== null ? [h("dt", {}, "Slack"), h("dd", {}, `${plural(result.band.slackPoints, "point")} can be lost without dropping a rating`)] : null)),
      h("div", { class: "card" },
        h("h3", {}, "Chance of each rating"),
        h("table", {}, h("caption", { class: "visually-hidden" }, "Chance of each rating"),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Rating"), h("th", { scope: "col", class: "num" }, "Chance"))),
          h("tbody", {}, pr.probabilities.ratings.map((r) => h("tr", {}, h("th", { scope: "row" }, ratingLabel(r.rating)), h("td", { class: "num" }, pct(r.probability))))))));
    const plan = waysToNext(a);
    body.append(h("h2", {}, "The minimal ways to the next rating"));
    if (!plan) body.append(h("p", {}, "Outstanding is the top rating."));
    else if (!plan.paths.length) body.append(h("p", {}, plan.alreadyMet ? "Already met." : `${ratingLabel(plan.target)} cannot be reached from these scores.`));
    else {
      body.append(h("p", {}, `To ${ratingLabel(plan.target)}: ${plural(plan.pointsNeeded, "more point")}. Each of these is enough on its own:`),
        h("ol", {}, plan.paths.slice(0, 6).map((p) => h("li", {}, p.increases.map((inc) => `${stName(inc.statement)} from ${inc.from} to ${inc.to}`).join("; "), ` (${p.percent}%)`))),
        plan.paths.length > 6 ? h("p", {}, `and ${plan.paths.length - 6} more ways, the most realistic first above.`) : null);
    }
  }
  body.append(h("h2", {}, "Warnings"));
  body.append(a.warnings.length
    ? h("ul", {}, a.warnings.map((w) => h("li", {}, w.message, " ", h("code", {}, w.code), w.path ? ` (${w.path})` : "")))
    : h("p", {}, "None."));

  const cov = a.coverage;
  body.append(h("h2", {}, "Evidence coverage"),
    h("p", {}, `${cov.covered} of ${cov.cells} statement and category pairs have current evidence (${plural(a.evidenceItems, "item")} in the register).`),
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Evidence coverage" },
      h("table", {}, h("caption", { class: "visually-hidden" }, "Current evidence items by statement and category"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Statement"), cov.categories.map((c) => h("th", { scope: "col", class: "num" }, categoryOf(c)?.name ?? c)))),
        h("tbody", {}, cov.rows.map((r) => h("tr", {}, h("th", { scope: "row" }, stName(r.statement)),
          r.cells.map((c) => h("td", { class: "num" }, c.current === c.items ? String(c.current) : `${c.current} (${c.items} in all)`))))))),
    h("h3", {}, "Gaps"),
    cov.gaps.length ? h("ul", {}, cov.gaps.map((g) => h("li", {}, `${stName(g.statement)}: no current evidence from ${categoryOf(g.category)?.name ?? g.category}`))) : h("p", {}, "None."));

  body.append(h("h2", {}, "Stale or expired evidence"),
    a.evidenceAttention.length ? h("ul", {}, a.evidenceAttention.map((e) => h("li", {}, `${e.id} ${e.title}: ${e.reason}`))) : h("p", {}, "None."));
  body.append(h("h2", {}, "Overdue actions"),
    a.overdueActions.length ? h("ul", {}, a.overdueActions.map((o) => h("li", {}, `${o.id} ${o.description}: due ${ukDate(o.due)}, ${plural(o.daysOverdue, "day")} overdue${o.owner ? ` (${o.owner})` : ""}`))) : h("p", {}, "None."),
    h("p", {}, `${plural(a.actions.total, "action")}: ${a.actions.open} open, ${a.actions.done} done, ${a.actions.cancelled} cancelled, ${a.actions.overdue} overdue.`));
  body.append(h("h2", {}, "Indicators against England"),
    a.indicators.length ? h("ul", {}, a.indicators.map((i) => h("li", {}, `${i.name}: `,
      i.value === null ? "no figure yet" : `${i.value}${i.unit ?? ""}${i.year ? ` (${i.year})` : ""} against England's ${i.englandAverage}${i.unit ?? ""}${i.englandYear ? ` (${i.englandYear})` : ""}: ${i.comparison}`))) : h("p", {}, "None."));
}

// ---- Timeline ----

function drawTimeline(main) {
  main.append(h("h1", {}, "Assessment timeline"),
    h("p", {}, "When CQC's notice arrived and what has happened since: every milestone is planned from CQC's rules on England's working days, each with its rule and source."));
  const t = doc().timeline;
  const timelineDoc = () => (doc().timeline ??= {});
  const setDate = (key) => (v) => {
    const tl = timelineDoc();
    setOptional(tl, key, isoFromTyped(v));
    if (Object.keys(tl).length === 0) delete doc().timeline;
  };
  main.append(field({ label: "Date CQC's notice arrived", path: "timeline.notified", kind: "date", hint: "For example 06/01/2025. Leave empty until the council is notified.",
    get: () => t?.notified, set: setDate("notified") }));
  const body = h("div", {});
  main.append(body);
  const draw = () => {
    body.replaceChildren();
    const tl = app.lastGood?.analysis?.timeline;
    if (!tl) {
      body.append(h("p", {}, doc().timeline ? "Fix the problems above to see the timeline." : "No timeline yet: enter the date of CQC's notice."));
      return;
    }
    body.append(tl.status ? h("p", { class: "notice" }, tl.status.summary) : null,
      h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Milestones" },
        h("table", {}, h("caption", { class: "visually-hidden" }, "Milestones"),
          h("thead", {}, h("tr", {}, ["Milestone", "Date", "Basis", "Rule", "Source", "Recorded date"].map((x) => h("th", { scope: "col" }, x)))),
          h("tbody", {}, tl.milestones.map((m) => {
            const actualId = uid("act");
            const input = h("input", { id: actualId, type: "text", inputmode: "numeric", placeholder: "dd/mm/yyyy", class: "date-input" });
            const recorded = doc().timeline?.actuals?.[m.id];
            input.value = typeof recorded === "string" ? ukDate(recorded) : recorded ? ukDate(recorded.start ?? "") : "";
            input.dataset.path = `timeline.actuals.${m.id}`;
            input.disabled = typeof recorded === "object" && recorded !== null;
            input.addEventListener("change", () => {
              const tlDoc = timelineDoc();
              tlDoc.actuals ??= {};
              setOptional(tlDoc.actuals, m.id, isoFromTyped(input.value));
              if (!Object.keys(tlDoc.actuals).length) delete tlDoc.actuals;
              edited();
              draw();
            });
            return h("tr", {},
              h("th", { scope: "row" }, m.name),
              h("td", {}, h("span", { class: "nowrap" }, ukDate(m.date)), m.end ? h("span", { class: "nowrap" }, ` to ${ukDate(m.end)}`) : "", m.movedFrom ? h("p", { class: "hint" }, m.movedFrom) : null),
              h("td", {}, m.basis, m.state ? ` (${m.state.replaceAll("_", " ")})` : ""),
              h("td", {}, m.ruleText),
              h("td", { class: "source" }, m.source, m.sourceUrl ? [" ", h("a", { href: m.sourceUrl, rel: "noreferrer" }, "(source)")] : null),
              h("td", {}, h("label", { for: actualId, class: "visually-hidden" }, `Recorded date of ${m.name}`), input));
          })))),
      h("div", { class: "actions-row" }, h("button", { type: "button", onclick: async () => {
        try {
          const input = { council: doc().council, ...doc().timeline, today: todayIso() };
          const { timelineIcs } = await loadTimeline();
          download(`${slug(doc().council)}-assessment.ics`, timelineIcs(input), "text/calendar;charset=utf-8");
        } catch (e) {
          banner("error", h("p", {}, "The calendar file could not be made: ", e.message, " ", h("code", {}, e.code ?? "")));
        }
      } }, "Download the calendar (.ics)")),
      tl.planningNote ? h("p", { class: "hint" }, tl.planningNote) : null);
    showProblems();
  };
  draw();
  whileShown(body, () => { if (!body.contains(document.activeElement)) draw(); });
}

// ---- Report ----

/**
 * The core's report HTML shown in a shadow root: its stylesheet adopted as a constructed
 * stylesheet and its inline style attributes set through the CSSOM, both allowed by the
 * served build's Content-Security-Policy (which refuses inline <style> and style="").
 */
function showReport(container, html) {
  // Before the browser parses it (a parsed document applies this page's policy to what it
  // reads): the stylesheets taken out, the style attributes renamed.
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join("\n")
    .replace(/:root\b/g, ":host").replace(/(^|[\s,}])html(?=[\s,{])/g, "$1:host").replace(/(^|[\s,}])body(?=[\s,{.:])/g, "$1.report-body");
  const markup = html.replace(/<style>[\s\S]*?<\/style>/g, "").replace(/(<[a-zA-Z][^>]*?)\sstyle="/g, '$1 data-cqc-style="');
  const parsed = new DOMParser().parseFromString(markup, "text/html");
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const host = h("div", { class: "report-host" });
  const shadow = host.attachShadow({ mode: "open" });
  shadow.adoptedStyleSheets = [sheet];
  const wrap = document.createElement("div");
  wrap.className = "report-body";
  wrap.setAttribute("lang", parsed.documentElement.getAttribute("lang") ?? "en-GB");
  wrap.append(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  // The style attributes again, through the CSSOM.
  for (const el of wrap.querySelectorAll("[data-cqc-style]")) {
    el.style.cssText = el.getAttribute("data-cqc-style");
    el.removeAttribute("data-cqc-style");
  }
  shadow.append(wrap);
  container.replaceChildren(host);
}

function drawReport(main) {
  main.append(h("h1", {}, "Report"),
    h("p", { class: "no-print" }, "The board report, made by the same engine and templates as the cqc-assurance command, as of today. Print it (or save it as PDF from the print dialogue), or download it."));
  const status = h("p", { role: "status", class: "no-print" }, "Preparing the report…");
  const frame = h("div", { class: "report-frame" });
  const buttons = h("div", { class: "actions-row no-print" });
  main.append(buttons, status, frame);
  const today = todayIso();
  const name = slug(doc().council);
  loadReport().then((report) => {
    let html;
    try {
      html = report.workbookReportHtml(doc(), today);
    } catch (e) {
      status.textContent = "";
      status.append("The report needs the workbook's problems fixed first: ", e.message, " ", h("code", {}, e.code));
      return;
    }
    showReport(frame, html);
    status.textContent = `Report as of ${ukDate(today)}.`;
    // The Word and Excel writers, fetched now so that a download button answers at once.
    loadOffice().catch(() => {});
    const guard = (fn) => async () => {
      try {
        await fn();
      } catch (e) {
        status.textContent = `${e.message} (${e.code ?? "error"})`;
      }
    };
    buttons.append(
      h("button", { type: "button", onclick: () => window.print() }, "Print or save as PDF"),
      h("button", { type: "button", class: "secondary", onclick: guard(() => download(`${name}-report.html`, html, "text/html;charset=utf-8")) }, "Download the report (HTML)"),
      h("button", { type: "button", class: "secondary", onclick: guard(async () => download(`${name}-report.docx`, (await loadOffice()).workbookReportDocx(doc(), today), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")) }, "Download the report (Word)"),
      h("button", { type: "button", class: "secondary", onclick: guard(async () => download(`${name}-workbook.xlsx`, (await loadOffice()).workbookToXlsx(doc()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) }, "Download the workbook (Excel)"));
  }).catch((e) => {
    status.textContent = `The report engine could not load: ${e?.message ?? e}`;
  });
}

