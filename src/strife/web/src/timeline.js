// The timeline: events (bars) and fatalities (line) per day, week or month, drawn as SVG.
// Dragging across it selects a date range (a brush); the keyboard alternative is the date filters.

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 104;
const MARGIN = { top: 8, right: 34, bottom: 18, left: 34 };
const DAY_MS = 86_400_000;
const MIN_BAR_PX = 3; // below this a day's bar is too thin: bin by week, then month

const toMs = (day) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The bin of a day: its Monday for "week", its first day for "month", itself for "day". */
export function binStart(ms, bin) {
  if (bin === "day") return ms;
  const d = new Date(ms);
  if (bin === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return ms - ((d.getUTCDay() + 6) % 7) * DAY_MS;
}

/** The first day after a bin. */
export function binEnd(ms, bin) {
  if (bin === "day") return ms + DAY_MS;
  if (bin === "week") return ms + 7 * DAY_MS;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Sum per-day rows into bins: [{start, end, events, fatalities}] in time order. */
export function binRows(perDay, bin) {
  const bins = new Map();
  for (const row of perDay) {
    if (!row.day) continue;
    const start = binStart(toMs(row.day), bin);
    const b = bins.get(start) || { start, end: binEnd(start, bin), events: 0, fatalities: 0 };
    b.events += row.events || 0;
    b.fatalities += row.fatalities || 0;
    bins.set(start, b);
  }
  return [...bins.values()].sort((a, b) => a.start - b.start);
}

function el(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (parent) parent.append(node);
  return node;
}

/** `onRange(since, until)` receives the days a drag selected (YYYY-MM-DD, both inclusive). */
export class Timeline {
  constructor(container, { onRange }) {
    this.container = container;
    this.onRange = onRange;
    this.perDay = [];
    this.selection = [null, null];
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /** Draw `perDay` rows ({day, events, fatalities}); `selection` = [since, until] or nulls. */
  update(perDay, selection) {
    this.perDay = perDay || [];
    this.selection = selection;
    this.draw();
  }

  draw() {
    const width = this.container.clientWidth;
    if (!width) return;
    this.container.replaceChildren();
    const svg = el("svg", { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, class: "timeline-svg", role: "img" });
    this.container.append(svg);
    const days = this.perDay.filter((r) => r.day).map((r) => toMs(r.day));
    if (!days.length) {
      svg.setAttribute("aria-label", "No dated events");
      el("text", { x: width / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "tl-empty" }, svg).textContent = "No dated events";
      return;
    }
    const plotWidth = width - MARGIN.left - MARGIN.right;
    let lo = Math.min(...days);
    let hi = Math.max(...days) + DAY_MS;
    if (hi - lo < 14 * DAY_MS) { // a short range still gets room on both sides
      const pad = (14 * DAY_MS - (hi - lo)) / 2;
      lo -= pad; hi += pad;
    }
    const bin = ["day", "week", "month"].find((b) => (plotWidth * ({ day: 1, week: 7, month: 30 }[b] * DAY_MS)) / (hi - lo) >= MIN_BAR_PX) || "month";
    document.getElementById("timeline-bin").textContent = bin;
    lo = binStart(lo, bin);
    hi = binEnd(binStart(hi - 1, bin), bin);
    const bins = binRows(this.perDay, bin);
    const x = (ms) => MARGIN.left + ((ms - lo) / (hi - lo)) * plotWidth;
    const msAt = (px) => lo + ((px - MARGIN.left) / plotWidth) * (hi - lo);
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const maxEvents = Math.max(1, ...bins.map((b) => b.events));
    const maxFatal = Math.max(1, ...bins.map((b) => b.fatalities));
    const yEvents = (n) => MARGIN.top + plotHeight - (n / maxEvents) * plotHeight;
    const yFatal = (n) => MARGIN.top + plotHeight - (n / maxFatal) * plotHeight;
    const total = bins.reduce((s, b) => s + b.events, 0);
    svg.setAttribute("aria-label", `${total} events from ${toDay(lo)} to ${toDay(hi - DAY_MS)}, per ${bin}`);

    this.drawAxes(svg, { lo, hi, x, maxEvents, maxFatal, width });
    const bars = el("g", { class: "tl-bars" }, svg);
    for (const b of bins) {
      const bx = x(b.start);
      const bw = Math.max(1.5, x(b.end) - bx - 1);
      const rect = el("rect", { x: bx, y: yEvents(b.events), width: bw, height: Math.max(1, yEvents(0) - yEvents(b.events)), class: "tl-bar" }, bars);
      el("title", {}, rect).textContent = `${toDay(b.start)}${bin === "day" ? "" : ` (${bin})`}: ${b.events} events, ${b.fatalities} killed`;
    }
    // Fatalities as stems on their own scale (right axis): a line would invent deaths between reports.
    const stems = el("g", { class: "tl-fatal" }, svg);
    for (const b of bins.filter((row) => row.fatalities > 0)) {
      const cx = Math.max(x(b.start) + 1, (x(b.start) + x(b.end)) / 2);
      const g = el("g", {}, stems);
      el("line", { x1: cx, x2: cx, y1: yFatal(0), y2: yFatal(b.fatalities) }, g);
      el("circle", { cx, cy: yFatal(b.fatalities), r: 2.5 }, g);
      el("title", {}, g).textContent = `${toDay(b.start)}${bin === "day" ? "" : ` (${bin})`}: ${b.fatalities} killed`;
    }
    this.drawSelection(svg, x, msAt, bin);
  }

  drawAxes(svg, { lo, hi, x, maxEvents, maxFatal, width }) {
    const axis = el("g", { class: "tl-axis" }, svg);
    const base = HEIGHT - MARGIN.bottom;
    el("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: base, y2: base }, axis);
    for (const { ms, label } of ticks(lo, hi, (width - MARGIN.left - MARGIN.right) / 70)) {
      el("line", { x1: x(ms), x2: x(ms), y1: base, y2: base + 3 }, axis);
      el("text", { x: x(ms), y: HEIGHT - 4, "text-anchor": "middle" }, axis).textContent = label;
    }
    el("text", { x: MARGIN.left - 4, y: MARGIN.top + 8, "text-anchor": "end", class: "tl-max-events" }, axis).textContent = String(maxEvents);
    el("text", { x: width - MARGIN.right + 4, y: MARGIN.top + 8, "text-anchor": "start", class: "tl-max-fatal" }, axis).textContent = String(maxFatal);
  }

  /** The selected range as a shaded band, and the drag handling that sets a new one. */
  drawSelection(svg, x, msAt, bin) {
    const [since, until] = this.selection;
    const top = MARGIN.top;
    const height = HEIGHT - MARGIN.top - MARGIN.bottom;
    const band = el("rect", { class: "tl-brush", y: top, height, x: 0, width: 0, visibility: "hidden" }, svg);
    const show = (a, b) => {
      band.setAttribute("x", Math.min(a, b));
      band.setAttribute("width", Math.abs(b - a));
      band.setAttribute("visibility", "visible");
    };
    if (since || until) {
      const [lo, hi] = [x(since ? toMs(since) : 0), x(until ? toMs(until) + DAY_MS : 8.64e15)];
      const left = Math.max(MARGIN.left, lo);
      const right = Math.min(svg.viewBox.baseVal.width - MARGIN.right, hi);
      if (right > left) show(left, right);
    }
    const overlay = el("rect", { class: "tl-overlay", x: MARGIN.left, y: 0, width: svg.viewBox.baseVal.width - MARGIN.left - MARGIN.right, height: HEIGHT }, svg);
    let start = null;
    const px = (e) => e.clientX - svg.getBoundingClientRect().left;
    overlay.addEventListener("pointerdown", (e) => {
      start = px(e);
      overlay.setPointerCapture(e.pointerId);
      show(start, start);
    });
    overlay.addEventListener("pointermove", (e) => { if (start !== null) show(start, px(e)); });
    overlay.addEventListener("pointerup", (e) => {
      if (start === null) return;
      const end = px(e);
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      if (b - a < 3) return this.draw(); // a click, not a drag: keep the selection as it was
      const since = toDay(binStart(msAt(a), bin));
      const until = toDay(binEnd(binStart(msAt(b), bin), bin) - DAY_MS);
      this.onRange(since, until);
    });
  }
}

/** About `count` round ticks between lo and hi: [{ms, label}] on days, months or years. */
export function ticks(lo, hi, count) {
  const spanDays = (hi - lo) / DAY_MS;
  const out = [];
  const month = (ms) => new Date(ms).toLocaleString("en", { month: "short", timeZone: "UTC" });
  if (spanDays / Math.max(1, count) < 20) { // every n days, labelled "5 Dec"
    const step = [1, 2, 7, 14].find((s) => spanDays / s <= count) || 14;
    for (let ms = lo; ms < hi; ms += step * DAY_MS) out.push({ ms, label: `${new Date(ms).getUTCDate()} ${month(ms)}` });
    return out;
  }
  const step = [1, 2, 3, 6, 12, 24, 60].find((m) => spanDays / (30 * m) <= count) || 120; // months
  const start = new Date(lo);
  let index = Math.ceil((start.getUTCFullYear() * 12 + start.getUTCMonth() + 1) / step) * step; // months since year 0
  for (;; index += step) {
    const ms = Date.UTC(Math.floor(index / 12), index % 12, 1);
    if (ms >= hi) break;
    const year = String(Math.floor(index / 12));
    out.push({ ms, label: step >= 12 ? year : index % 12 === 0 || !out.length ? `${month(ms)} ${year}` : month(ms) });
  }
  return out;
}
