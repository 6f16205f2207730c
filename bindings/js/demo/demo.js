// The demo page: every figure comes from the cqc-assurance package; this file only builds the
// form, calls the package and shows what it returns.
//
// It imports the two sub-paths it needs, as a page using the installed package would: the
// browser then fetches the rating and timeline modules only, not the workbook's. (The page has
// no bundler: the import map in index.html points the two specifiers at the built package.)
import { framework, rate, improvementPaths } from "cqc-assurance/rating";
import { planTimeline, timelineIcs } from "cqc-assurance/timeline";

const fw = framework();
const LIVERPOOL = [2, 3, 3, 2, 2, 2, 2, 3, 3];
const label = (ratingId) => fw.ratings.find((r) => r.id === ratingId).label;
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// ---- The nine pickers, grouped by theme ------------------------------------------------------
function buildForm() {
  const form = $("scores");
  form.replaceChildren();
  for (const theme of fw.themes) {
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = `Theme ${theme.number}: ${theme.name}`;
    fieldset.append(legend);
    for (const id of theme.statements) {
      const st = fw.statements.find((s) => s.id === id);
      const row = document.createElement("div");
      row.className = "statement";
      const lab = document.createElement("label");
      lab.htmlFor = `qs-${st.id}`;
      lab.textContent = `QS${st.number} ${st.name}`;
      lab.title = st.description;
      const select = document.createElement("select");
      select.id = `qs-${st.id}`;
      select.name = st.id;
      select.dataset.index = String(st.index);
      const none = new Option("Not assessed", "");
      select.append(none);
      for (const s of fw.scores) select.append(new Option(`${s.score}: ${s.descriptor.replace("Evidence shows ", "")}`, String(s.score)));
      select.value = String(LIVERPOOL[st.index]);
      row.append(lab, select);
      fieldset.append(row);
    }
    form.append(fieldset);
  }
  form.addEventListener("change", update);
  form.addEventListener("input", update);
}

function currentScores() {
  const scores = Array(9).fill(null);
  for (const select of $("scores").querySelectorAll("select")) {
    scores[Number(select.dataset.index)] = select.value === "" ? null : Number(select.value);
  }
  return scores;
}

// ---- Chart: nine bars and the percentage scale with band edges --------------------------------
function drawChart(scores, result) {
  const width = 460, barTop = 20, barHeight = 150, scaleY = 230;
  const root = svg("svg", { viewBox: `0 0 ${width} 270`, width: "100%", role: "img", "aria-labelledby": "chart-title" });
  root.append(svg("title", { id: "chart-title" }, `Scores ${scores.map((s) => s ?? "not assessed").join(", ")}; ${result ? `${result.percent}%, ${label(result.rating)}` : "no rating"}`));
  const left = 30, step = (width - left - 10) / 9, barWidth = step * 0.62;
  for (let v = 1; v <= 4; v++) {
    const y = barTop + barHeight - (v / 4) * barHeight;
    root.append(svg("line", { x1: left, x2: width - 10, y1: y, y2: y, stroke: "#e1e5ea" }));
    root.append(svg("text", { x: left - 8, y: y + 4, "text-anchor": "end" }, String(v)));
  }
  fw.statements.forEach((st, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    const s = scores[i];
    if (s !== null) {
      const h = (s / 4) * barHeight;
      root.append(svg("rect", { class: "bar", "data-statement": st.id, x, y: barTop + barHeight - h, width: barWidth, height: h, fill: "#00549f" }));
    } else {
      root.append(svg("text", { x: x + barWidth / 2, y: barTop + barHeight - 4, "text-anchor": "middle", fill: "#555" }, "–"));
    }
    root.append(svg("text", { x: x + barWidth / 2, y: barTop + barHeight + 16, "text-anchor": "middle" }, `QS${st.number}`));
  });
  // Percentage scale 25-100 with the bands' lower edges from the framework.
  const px = (p) => left + ((p - 25) / 75) * (width - left - 10);
  const colours = { inadequate: "#f3c7cb", requires_improvement: "#f6dfbd", good: "#cce5d6", outstanding: "#c9dcef" };
  for (const r of fw.ratings) {
    root.append(svg("rect", { x: px(r.lowerPercent), y: scaleY - 12, width: px(r.upperPercent) - px(r.lowerPercent), height: 24, fill: colours[r.id] }));
    root.append(svg("line", { class: "band-edge", x1: px(r.lowerPercent), x2: px(r.lowerPercent), y1: scaleY - 16, y2: scaleY + 16, stroke: "#1d1d1b" }));
    root.append(svg("text", { x: px(r.lowerPercent) + 2, y: scaleY + 30 }, `${r.lowerPercent}%`));
  }
  if (result) {
    root.append(svg("path", { class: "marker", d: `M ${px(result.percent)} ${scaleY - 14} l -6 -10 h 12 z`, fill: "#1d1d1b" }));
    root.append(svg("text", { x: px(result.percent), y: scaleY - 28, "text-anchor": "middle" }, `${result.percent}%`));
  }
  $("chart").replaceChildren(root);
}

// ---- Results -------------------------------------------------------------------------------
function showError(err) {
  $("error").hidden = false;
  $("error").textContent = `${err.message} (${err.code})`;
}

function update() {
  const scores = currentScores();
  $("error").hidden = true;
  let result = null;
  try {
    result = rate(scores);
    $("rating").textContent = label(result.rating);
    $("rating").dataset.rating = result.rating;
    $("percent").textContent = `${result.percent}%`;
    $("percent-exact").textContent = `(${result.total} of ${result.max} points = ${result.percentExact.toFixed(1)}%, published rounded up)`;
    const b = result.band;
    let text = b.wording;
    if (b.nextRating !== null) text += `; ${b.pointsToNextRating} more point${b.pointsToNextRating === 1 ? "" : "s"} to ${label(b.nextRating).toLowerCase()}`;
    $("band").textContent = text;
  } catch (err) {
    $("rating").textContent = "No rating";
    $("rating").dataset.rating = "";
    $("percent").textContent = "–";
    $("percent-exact").textContent = "";
    $("band").textContent = "–";
    showError(err);
  }
  drawChart(scores, result);
  updatePaths(scores);
}

function updatePaths(scores) {
  const out = $("paths");
  let plan;
  try {
    plan = improvementPaths(scores, $("target").value);
  } catch {
    out.replaceChildren();
    return;
  }
  const p = document.createElement("p");
  if (plan.alreadyMet) {
    p.textContent = `These scores already reach ${label(plan.target).toLowerCase()}.`;
    out.replaceChildren(p);
    return;
  }
  const name = (id) => fw.statements.find((s) => s.id === id);
  p.textContent = `${plan.pointsNeeded} more point${plan.pointsNeeded === 1 ? "" : "s"} needed (${plan.currentTotal} → ${plan.targetTotal}); ${plan.paths.length} way${plan.paths.length === 1 ? "" : "s"} with no point to spare:`;
  const list = document.createElement("ol");
  list.className = "paths";
  for (const path of plan.paths.slice(0, 8)) {
    const li = document.createElement("li");
    li.textContent = path.increases.map((inc) => `QS${name(inc.statement).number} ${name(inc.statement).name} ${inc.from} → ${inc.to}`).join("; ") + ` (${path.percent}%)`;
    list.append(li);
  }
  out.replaceChildren(p, list);
  if (plan.paths.length > 8) {
    const more = document.createElement("p");
    more.textContent = `… and ${plan.paths.length - 8} more.`;
    out.append(more);
  }
}

// ---- Timeline ------------------------------------------------------------------------------
let icsUrl = null;
function updateTimeline() {
  const out = $("timeline");
  const notified = $("notified").value;
  if (!notified) {
    out.replaceChildren();
    return;
  }
  try {
    const input = { notified };
    const t = planTimeline(input);
    const table = document.createElement("table");
    table.id = "milestones";
    const caption = document.createElement("caption");
    caption.textContent = `Milestones from a notification on ${t.notified} (dates on working days in England)`;
    const head = table.createTHead().insertRow();
    for (const h of ["Milestone", "Date", "Rule", "Source"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    for (const m of t.milestones) {
      const row = body.insertRow();
      row.dataset.milestone = m.id;
      const cells = [m.name, m.date, m.ruleText || "recorded", m.source];
      cells.forEach((c, i) => {
        const cell = i === 0 ? document.createElement("th") : row.insertCell();
        if (i === 0) {
          cell.scope = "row";
          row.append(cell);
        }
        cell.textContent = c;
      });
    }
    table.prepend(caption);
    // A wide table scrolls within its own region (reachable by keyboard), never the page.
    const wrap = document.createElement("div");
    wrap.className = "table-wrap";
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Milestones table");
    wrap.append(table);
    out.replaceChildren(wrap);
    if (icsUrl) URL.revokeObjectURL(icsUrl);
    icsUrl = URL.createObjectURL(new Blob([timelineIcs(input)], { type: "text/calendar" }));
    $("ics").href = icsUrl;
  } catch (err) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = `${err.message} (${err.code})`;
    out.replaceChildren(p);
  }
}

// ---- Start ---------------------------------------------------------------------------------
buildForm();
for (const r of fw.ratings) $("target").append(new Option(r.label, r.id));
$("target").value = "good";
$("target").addEventListener("change", () => updatePaths(currentScores()));
$("notified").addEventListener("change", updateTimeline);
$("notified").addEventListener("input", updateTimeline);
update();
updateTimeline();
document.body.dataset.ready = "true";
