// Small DOM helpers: elements built from data (never from HTML strings, never a style
// attribute, so the page works under a strict Content-Security-Policy), dates shown the UK way
// (dd/mm/yyyy) and kept ISO in the file, and downloads.

/** `h("p", { class: "x", onclick }, "text", child)`: an element. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key in el && typeof value !== "string") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Today's date in this browser's time zone, `YYYY-MM-DD`. */
export function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `2025-10-15` as `15/10/2025`; anything else as it is. */
export function ukDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? "");
}

/**
 * What a person typed as a date, as the file holds it: `15/10/2025` (or `15-10-2025`,
 * `15.10.2025`, one-digit days and months) as `2025-10-15`, an ISO date as it is, anything else
 * as typed, so that the core reports it at its field (`invalid_date`).
 */
export function isoFromTyped(text) {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return t;
}

/** A percentage for people: 0.8333 → "83%". */
export function pct(p) {
  return `${Math.round(p * 100)}%`;
}

/** Offers `data` (a string or bytes) as a file called `name`. */
export function download(name, data, type) {
  const blob = new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "visually-hidden" }, name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from a council's name: `Anytown Council` → `anytown-council`. */
export function slug(text) {
  return (text || "workbook").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "workbook";
}

let ids = 0;
/** A fresh element id. */
export function uid(prefix = "f") {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A number with its noun, singular for exactly 1: `plural(1, "open action")` is "1 open action". */
export function plural(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
