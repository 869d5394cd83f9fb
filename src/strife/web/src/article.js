// The article view: the text with every evidence span highlighted (events, actors, places, dates,
// counts, quotes, claims); clicking a highlight shows the event fields it supports, and selecting
// an event scrolls to its evidence.
import { categoryOf, fmtAccounts, fmtActors, fmtCount, fmtEventDate, fmtPlace, h, quadOf, swatch } from "./format.js";

/** Span kinds in drawing order, with their legend labels (colours are in style.css, `.k-<kind>`). */
export const SPAN_KINDS = [
  ["event", "event evidence"], ["trigger", "trigger"], ["actor", "actor"], ["place", "place"],
  ["date", "date"], ["count", "count"], ["quote", "quote"], ["claim", "claim"],
];

const asPair = (span) => (Array.isArray(span) ? span : span ? [span.start, span.end] : null);

/** Every span of an article's result: [{start, end, kind, record, events: [ids it supports]}]. */
export function collectSpans(result) {
  const spans = [];
  const add = (kind, span, record, events = []) => {
    const pair = asPair(span);
    if (pair && pair[1] > pair[0]) spans.push({ start: pair[0], end: pair[1], kind, record, events });
  };
  const sameSpan = (a, b) => a && b && asPair(a)[0] === asPair(b)[0] && asPair(a)[1] === asPair(b)[1];
  const eventsWhere = (test) => result.events.filter(test).map((e) => e.id);
  for (const event of result.events) {
    add("event", event.evidence, event, [event.id]);
    if (event.trigger) add("trigger", event.trigger, event, [event.id]);
  }
  for (const actor of result.actors) {
    add("actor", actor.span, actor, eventsWhere((e) => [...e.source, ...e.target].some((a) => sameSpan(a.span, actor.span))));
  }
  for (const place of result.places) add("place", place.span, place, eventsWhere((e) => e.location && sameSpan(e.location.span, place.span)));
  for (const date of result.dates) {
    add("date", date.span, date, eventsWhere((e) => e.date && date.date && within(date.span, e.evidence) && e.date <= (date.date_end || date.date) && (e.date_end || e.date) >= date.date));
  }
  for (const count of result.counts) add("count", count.span, count, count.event_id ? [count.event_id] : []);
  for (const quote of result.quotes) add("quote", quote.span, quote, quote.event_id ? [quote.event_id] : []);
  for (const claim of result.claims) add("claim", claim.span, claim, eventsWhere((e) => within(claim.span, e.evidence) || within(asPair(e.evidence), { start: claim.span[0], end: claim.span[1] })));
  return spans;
}

function within(span, outer) {
  const [s, e] = asPair(span);
  return s >= outer.start && e <= outer.end;
}

/** Cut [0, length) at every span boundary: [{start, end, spans: [indexes of the spans covering it]}]. */
export function segmentsOf(length, spans) {
  const cuts = new Set([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end, spans: spans.flatMap((s, k) => (s.start <= start && s.end >= end ? [k] : [])) });
  }
  return out;
}

/**
 * The article view: `textBox` holds the text, `panel` the fields. `onSelect(eventId)` is called
 * when the reader picks an event in the text or in the panel's list; `onBack()` returns to the list.
 */
export class ArticleView {
  constructor(textBox, panel, { onSelect, onBack }) {
    this.textBox = textBox;
    this.panel = panel;
    this.onSelect = onSelect;
    this.onBack = onBack;
    this.doc = null;
    this.selected = null;
  }

  /** Show an article (`/api/articles/{id}`) with `eventId` selected (or none). */
  show(doc, eventId) {
    if (!this.doc || this.doc.sha256 !== doc.sha256) this.render(doc);
    this.select(eventId, { scroll: true });
  }

  render(doc) {
    this.doc = doc;
    this.events = new Map(doc.result.events.map((e) => [e.id, e]));
    this.spans = collectSpans(doc.result);
    const segments = segmentsOf(doc.text.length, this.spans);
    const body = h("div", { class: "article-text", lang: "en" });
    this.segmentEls = [];
    for (const seg of segments) {
      const text = doc.text.slice(seg.start, seg.end);
      if (!seg.spans.length) {
        body.append(text);
        continue;
      }
      const kinds = new Set(seg.spans.map((k) => this.spans[k].kind));
      const evidenceOf = seg.spans.filter((k) => this.spans[k].kind === "event").map((k) => this.spans[k].record.id);
      const el = h("span", {
        class: ["seg", ...[...kinds].map((k) => `k-${k}`)].join(" "),
        "data-start": seg.start,
        "data-end": seg.end,
        "data-events": evidenceOf.join(" ") || null,
      }, text);
      el.segment = seg;
      el.addEventListener("click", () => this.inspect(seg));
      body.append(el);
      this.segmentEls.push(el);
    }
    const meta = [doc.publisher, doc.published, doc.url ? h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "source") : null].filter(Boolean);
    this.textBox.replaceChildren(
      h("header", { class: "article-head" },
        h("h2", {}, doc.title || doc.id),
        h("p", { class: "muted" }, meta.flatMap((m, i) => (i ? [" · ", m] : [m])), ` · ${doc.result.events.length} events`),
        h("ul", { class: "span-legend", "aria-label": "Highlight colours" },
          SPAN_KINDS.map(([kind, label]) => h("li", {}, h("span", { class: `seg k-${kind}` }, label))))),
      body);
  }

  /** Highlight one event's evidence and the spans of its fields, and list its fields. */
  select(eventId, { scroll = false } = {}) {
    const event = eventId ? this.events.get(eventId) : null;
    this.selected = event ? event.id : null;
    for (const el of this.segmentEls) {
      const ids = (el.dataset.events || "").split(" ");
      el.classList.toggle("sel", Boolean(event) && ids.includes(event.id));
      el.classList.toggle("sel-field", Boolean(event) && !ids.includes(event.id) && el.segment.spans.some((k) => this.spans[k].kind !== "event" && this.spans[k].events.includes(event.id)));
    }
    this.renderPanel(null);
    if (event && scroll) {
      const first = this.segmentEls.find((el) => el.classList.contains("sel"));
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  /** A click on the text: show every span there; select the narrowest event evidence under it. */
  inspect(segment) {
    const evidence = segment.spans.map((k) => this.spans[k]).filter((s) => s.kind === "event").sort((a, b) => (a.end - a.start) - (b.end - b.start));
    if (evidence.length && !evidence.some((s) => s.record.id === this.selected)) {
      this.onSelect(evidence[0].record.id, { scroll: false });
    }
    this.renderPanel(segment);
  }

  renderPanel(segment) {
    const event = this.selected ? this.events.get(this.selected) : null;
    const here = segment ? segment.spans.map((k) => this.spans[k]).filter((s) => s.kind !== "event") : [];
    this.panel.replaceChildren(...[
      h("button", { type: "button", class: "link back", onclick: () => this.onBack() }, "← Event list"),
      segment ? h("section", { class: "here", "aria-label": "Highlights at the clicked text" },
        h("h3", {}, "Here in the text"),
        here.length ? h("ul", { class: "cards" }, here.map((span) => h("li", {}, this.spanCard(span)))) : h("p", { class: "muted" }, "Event evidence only.")) : null,
      event ? h("section", { class: "fields", "aria-label": "Selected event" }, h("h3", {}, "Selected event"), eventFields(event)) : h("p", { class: "muted" }, "Click a highlight or an event below."),
      h("section", { class: "article-events" }, h("h3", {}, `Events in this article (${this.doc.result.events.length})`),
        h("ol", {}, this.doc.result.events.map((e) => h("li", {},
          h("button", { type: "button", class: `link ev-pick${e.id === this.selected ? " selected" : ""}`, "data-event-id": e.id, onclick: () => this.onSelect(e.id, { scroll: true }) },
            swatch(categoryOf(e, "quad").color), ` ${e.event_type} `, h("span", { class: "muted" }, `${e.date || "undated"}${e.location ? ` · ${e.location.name}` : ""}${e.negated ? " · negated" : ""}${e.hypothetical ? " · hypothetical" : ""}`)))))),
    ].filter(Boolean));
  }

  spanCard(span) {
    const r = span.record;
    const supports = span.events.map((id) => this.events.get(id)).filter(Boolean);
    const what = {
      trigger: () => `trigger of ${r.event_type}`,
      actor: () => `${r.canonical || r.name}${r.country ? ` · ${r.country}` : ""}${r.sector ? ` · ${r.sector}` : ""}${r.kind ? ` · ${r.kind}` : ""}${r.uncertain ? " · uncertain" : ""}`,
      place: () => `${fmtPlace(r)}${r.lat != null ? ` · ${r.lat.toFixed(3)}, ${r.lon.toFixed(3)}` : ""} · geo-precision ${r.geo_precision}`,
      date: () => `${r.date || "unresolved"}${r.date_end && r.date_end !== r.date ? ` – ${r.date_end}` : ""} (${r.precision})${r.future ? " · future" : ""}`,
      count: () => `${r.kind || "count"}: ${fmtCount(r) || "?"}${r.victims ? ` ${r.victims}` : ""}${r.approximate ? " · approximate" : ""}${r.vague ? " · vague" : ""}${r.total ? " · running total" : ""}${r.aggregate ? " · statistic of a period, no incident's toll" : ""}${r.perpetrator_claim ? " · claimed by the attackers" : ""}`,
      quote: () => `quote${r.speaker ? ` by ${r.speaker.name}` : ""}`,
      claim: () => `claim reported by ${r.reporter}`,
    }[span.kind]();
    const role = (event) => {
      if (span.kind === "actor") return event.source.some((a) => sameActor(a, r)) ? "source of" : "target of";
      return { trigger: "trigger of", place: "location of", date: "date of", count: r.kind === "killed" ? "fatalities of" : `${r.kind || "count"} of`, quote: "quote in", claim: "claim in" }[span.kind];
    };
    return h("div", { class: `card k-card-${span.kind}` },
      h("p", {}, h("span", { class: `seg k-${span.kind}` }, span.kind), ` “${(r.text || r.name || "").slice(0, 120)}”`),
      h("p", { class: "muted" }, what),
      supports.length ? h("ul", { class: "supports" }, supports.map((e) => h("li", {}, `${role(e)} `,
        h("button", { type: "button", class: "link", onclick: () => this.onSelect(e.id, { scroll: true }) }, `${e.event_type} ${e.date || ""}`)))) : null);
  }
}

/** The accounts of a toll as a list, or null when one account gives it. */
function accountList(count) {
  const lines = fmtAccounts(count);
  return lines.length > 1 ? h("ul", { class: "accounts" }, lines.map((line) => h("li", {}, line))) : null;
}

const sameActor = (a, b) => a.span && b.span && a.span[0] === b.span[0] && a.span[1] === b.span[1];

/** An event's coded fields as a definition list: what a coder would put in one row. */
export function eventFields(event) {
  const row = (label, value) => (value === null || value === undefined || value === "" ? null : [h("dt", {}, label), h("dd", {}, value)]);
  const loc = event.location;
  return h("dl", { class: "event-fields", "data-event-id": event.id },
    row("PLOVER", [event.event_type, event.mode, event.context].filter(Boolean).join(" · ")),
    row("Quad", quadOf(event.quad)?.label || event.quad),
    row("CAMEO", [event.cameo_root, event.cameo_code].filter(Boolean).join(" / ")),
    row("ACLED", [event.acled_event_type, event.acled_sub_event_type].filter(Boolean).join(" · ")),
    row("Date", fmtEventDate(event)),
    row("Where", loc ? `${fmtPlace(loc)}${loc.lat != null ? ` (${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)})` : ""} · geo-precision ${loc.geo_precision}` : null),
    row("Source", fmtActors(event.source)),
    row("Target", fmtActors(event.target)),
    row("Killed", fmtCount(event.fatalities)),
    row("Accounts", accountList(event.fatalities)),
    row("Injured", fmtCount(event.injured)),
    row("Displaced", fmtCount(event.displaced)),
    row("Attribution", event.attribution),
    row("Status", [event.negated ? "negated" : null, event.hypothetical ? "hypothetical" : null].filter(Boolean).join(", ")),
    row("Confidence", event.confidence.toFixed(2)),
    row("Evidence", h("q", { class: "evidence-text" }, event.evidence.text)),
    row("Mentions", event.mentions && event.mentions.length > 1
      ? h("ul", { class: "mentions" }, event.mentions.map((m) => h("li", {}, h("q", {}, m.text)))) : null),
    row("Event id", h("code", {}, event.id)));
}
