// The event list: one dense row per event, paged with limit/offset.
import { categoryOf, fmtActors, fmtCount, fmtInt, h, swatch } from "./format.js";

export const PAGE_SIZE = 50;

/** Render a page of `/api/events` into the list; `onOpen(event)` opens one, `onPage(offset)` pages. */
export function renderList(listEl, pagerEl, page, { colorBy, selected, onOpen, onPage }) {
  listEl.replaceChildren(...page.items.map((event) => eventRow(event, { colorBy, selected, onOpen })));
  if (!page.items.length) listEl.append(h("li", { class: "empty" }, "No events match these filters."));
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.items.length;
  pagerEl.replaceChildren(
    h("button", { type: "button", disabled: page.offset <= 0, "aria-label": "Previous page", onclick: () => onPage(Math.max(0, page.offset - PAGE_SIZE)) }, "‹"),
    h("span", { class: "pager-text" }, `${fmtInt(first)}–${fmtInt(last)} of ${fmtInt(page.total)}`),
    h("button", { type: "button", disabled: last >= page.total, "aria-label": "Next page", onclick: () => onPage(page.offset + PAGE_SIZE) }, "›"),
  );
}

function eventRow(event, { colorBy, selected, onOpen }) {
  const category = categoryOf(event, colorBy);
  const killed = fmtCount(event.fatalities);
  const place = event.location ? (event.location.part ? `${event.location.name} (${event.location.part})` : event.location.name) : "—";
  const actors = [fmtActors(event.source), fmtActors(event.target)].filter(Boolean).join(" → ");
  const flags = [event.negated ? "negated" : null, event.hypothetical ? "hypothetical" : null].filter(Boolean);
  return h("li", {},
    h("button", {
      type: "button",
      class: `ev-row${event.id === selected ? " selected" : ""}`,
      "data-event-id": event.id,
      "aria-current": event.id === selected ? "true" : null,
      onclick: () => onOpen(event),
    },
    h("span", { class: "ev-line1" },
      swatch(category.color),
      h("span", { class: "ev-date" }, event.date || "undated"),
      h("span", { class: "ev-type" }, event.event_type),
      event.acled_event_type ? h("span", { class: "ev-acled" }, event.acled_event_type) : null,
      killed ? h("span", { class: "ev-killed", title: "killed" }, `✝ ${killed}`) : null,
      h("span", { class: "ev-conf", title: "confidence" }, event.confidence.toFixed(2))),
    h("span", { class: "ev-line2" },
      h("span", { class: "ev-place" }, place),
      actors ? h("span", { class: "ev-actors" }, actors) : null,
      flags.length ? h("span", { class: "ev-flags" }, flags.join(", ")) : null),
    h("span", { class: "ev-evidence" }, event.evidence.text)));
}
