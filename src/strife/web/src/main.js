// The strife web page: wires the URL state, the filters, and the views to the HTTP API.
import { ApiError, apiUrl, getJSON } from "./api.js";
import { ArticleView } from "./article.js";
import { ACLED_TYPES, PLOVER_TYPES, QUADS, fmtInt, h, quadOf } from "./format.js";
import { PAGE_SIZE, renderList } from "./list.js";
import { EventMap, MAP_LIMIT } from "./map.js";
import { renderNetwork } from "./network.js";
import { FILTER_KEYS, filterParams, filtersKey, pushState, readState } from "./state.js";
import { Timeline } from "./timeline.js";

const COMPACT_ABOVE = 5000; // beyond this many events the map asks for compact GeoJSON
const FILTER_LABELS = {
  since: "from", until: "to", type: "type", quad: "quad", acled_type: "ACLED", country: "country",
  actor: "actor", q: "text", min_confidence: "confidence ≥", include_unreal: "with negated/hypothetical", bbox: "in map area",
};

const $ = (id) => document.getElementById(id);
const form = $("filters");
let state = readState();
const loaded = { filters: null, list: null, network: null, article: null };
const generation = {}; // per loader: answers to an older request are dropped
const actorNames = new Map(); // actor id -> name, to label an actor-id filter
let pendingScroll = true;

const map = new EventMap($("map"), {
  tiles: state.tiles,
  onOpenEvent: (event) => openEvent(event),
  onColorBy: (color) => setState({ color }),
  onArea: (bbox) => setFilters({ ...state.filters, bbox }),
  fetchEvent: (id) => getJSON(`events/${encodeURIComponent(id)}`),
  onDrawn: () => {
    performance.mark("strife:map-drawn");
    document.body.dataset.mapDrawn = loaded.filters; // scripts can wait for this
  },
});
const timeline = new Timeline($("timeline"), {
  onRange: (since, until) => setFilters({ ...state.filters, since, until }),
});
const articleView = new ArticleView($("view-article"), $("evidence-body"), {
  onSelect: (eventId, { scroll }) => {
    pendingScroll = scroll;
    setState({ event: eventId });
  },
  onBack: () => {
    $("list").hidden = false;
    $("evidence").hidden = true;
    $("list").focus();
  },
});

/** Change the state, record it in the URL, and update what it changes. */
function setState(patch) {
  state = { ...state, ...patch };
  pushState(state);
  apply();
}

function setFilters(filters) {
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  setState({ filters: clean, offset: 0 });
}

function openEvent(event) {
  pendingScroll = true;
  setState({ view: "article", article: event.article?.sha256 || event.article?.id, event: event.id });
}

/** Bring every part of the page in line with `state`, fetching only what changed. */
function apply() {
  syncForm();
  syncChips();
  syncTabs();
  const key = filtersKey(state.filters);
  if (loaded.filters !== key) {
    loaded.filters = key;
    loadStatsAndMap(key);
    loadTimeline();
  }
  const listKey = `${key}|${state.offset}`;
  if (loaded.list !== listKey) {
    loaded.list = listKey;
    loadList();
  } else if (lastPage) {
    showList(lastPage); // the colouring or the selected event changed: nothing to fetch
  }
  if (map.colorBy !== state.color) map.setColorBy(state.color);
  map.showArea(state.filters.bbox);
  if (state.view === "network" && loaded.network !== key) {
    loaded.network = key;
    loadNetwork();
  }
  if (state.view === "article") loadArticle();
  const dl = (format) => apiUrl("events", { ...Object.fromEntries(filterParams(state.filters)), format, limit: MAP_LIMIT });
  $("dl-csv").href = dl("csv");
  $("dl-geojson").href = dl("geojson");
}

/**
 * Run a loader: `load()` fetches and returns a function that shows what it fetched, which runs
 * only if no newer call of the same loader started meanwhile. Errors go to the notice line.
 */
async function latest(name, load) {
  const mine = (generation[name] = (generation[name] || 0) + 1);
  try {
    const show = await load();
    if (generation[name] === mine) {
      show();
      notice(name, null);
    }
  } catch (error) {
    if (generation[name] === mine) notice(name, errorText(error));
  }
}

function errorText(error) {
  return error instanceof ApiError ? error.message : `Could not reach the strife API (${error.message})`;
}

const problems = new Map(); // loader -> its last error: one view loading fine does not hide another's error

/** Show (or, with null, clear) a loader's error on the notice line under the header. */
function notice(name, message) {
  if (message) problems.set(name, message);
  else problems.delete(name);
  const shown = [...new Set(problems.values())].join(" · ");
  $("notice").hidden = !shown;
  $("notice").textContent = shown;
}

let shownArea; // the bbox filter the map was last fitted with: setting one keeps the view as it is
let knownTotal = null; // events matching the last filters (at first, all stored): is compact GeoJSON needed?
let firstMapAsked; // resolves once the first map data has arrived (or failed)
const firstMap = new Promise((resolve) => { firstMapAsked = resolve; });

/**
 * The map first, then the summary. The map's GeoJSON is asked before the statistics, which cost
 * the server more and are not needed to draw it: with 100,000 events the map is drawn while the
 * statistics are still being counted (measured by bench/web_first_view.py).
 */
function loadStatsAndMap(key) {
  const params = filterParams(state.filters);
  const mine = (generation.map = (generation.map || 0) + 1);
  const current = () => generation.map === mine;
  (async () => {
    try {
      const geo = await fetchMapData(params);
      performance.mark("strife:map-data"); // bench/web_first_view.py reads these marks
      if (!current()) return;
      const areaJustSet = Boolean(state.filters.bbox) && state.filters.bbox !== shownArea;
      shownArea = state.filters.bbox;
      map.setEvents(geo, { colorBy: state.color, total: null, fit: !areaJustSet });
      document.body.dataset.mapKey = key; // tests and scripts can wait for this
      firstMapAsked();
      const stats = await getJSON("stats", params);
      if (!current()) return;
      knownTotal = stats.events;
      showSummary(stats);
      map.setTotal(stats.events);
      notice("map", null);
    } catch (error) {
      firstMapAsked();
      if (!current()) return;
      notice("map", errorText(error));
      $("summary").textContent = "No events shown";
      map.setEvents({ features: [] }, { colorBy: state.color, total: null, fit: false }); // none match a bad filter
    }
  })();
}

/** The map's GeoJSON: compact when many events are expected, full (places, evidence) when few. */
async function fetchMapData(params) {
  const geojson = (compact) => getJSON("events", new URLSearchParams({ ...Object.fromEntries(params), format: "geojson", compact: compact ? "1" : "0", limit: MAP_LIMIT }));
  if (knownTotal === null) knownTotal = (await getJSON("health")).events;
  const compact = knownTotal > COMPACT_ABOVE;
  const geo = await geojson(compact);
  return compact && geo.features.length <= COMPACT_ABOVE ? geojson(false) : geo; // few after all
}

function showSummary(stats) {
  const killed = stats.fatalities ? ` · ${fmtInt(stats.fatalities)} killed` : "";
  const range = stats.date_range && stats.date_range[0] ? ` · ${stats.date_range[0]} – ${stats.date_range[1]}` : "";
  $("summary").textContent = `${fmtInt(stats.events)} events${killed}${range}`;
}

function loadTimeline() {
  const params = filterParams(state.filters, ["since", "until"]);
  latest("timeline", async () => {
    await firstMap; // the map's data first (see loadStatsAndMap); then often the same stats request
    const stats = await getJSON("stats", params);
    return () => {
      timeline.update(stats.per_day, [state.filters.since || null, state.filters.until || null]);
    };
  });
}

let lastPage = null; // the page of events the list shows

function loadList() {
  const params = filterParams(state.filters);
  params.set("limit", PAGE_SIZE);
  params.set("offset", state.offset);
  latest("list", async () => {
    const page = await getJSON("events", params);
    return () => showList(page);
  });
}

function showList(page) {
  lastPage = page;
  renderList($("events"), $("pager"), page, {
    colorBy: state.color,
    selected: state.event,
    onOpen: openEvent,
    onPage: (offset) => setState({ offset }),
  });
  $("list-title").textContent = `Events (${fmtInt(page.total)})`;
}

function loadNetwork() {
  const box = $("view-network");
  latest("network", async () => {
    const graph = await getJSON("network", filterParams(state.filters));
    return () => {
      for (const node of graph.nodes) actorNames.set(node.id, node.name);
      renderNetwork(box, graph, { onActor: (node) => setFilters({ ...state.filters, actor: node.id }) });
    };
  });
}

function loadArticle() {
  $("list").hidden = true;
  $("evidence").hidden = false;
  if (!state.article && state.event) { // a link naming only the event: find its article
    latest("article", async () => {
      const event = await getJSON(`events/${encodeURIComponent(state.event)}`);
      return () => openEvent(event);
    });
    return;
  }
  if (!state.article) return;
  const scroll = pendingScroll;
  pendingScroll = false;
  if (loaded.article === state.article && articleView.doc) {
    articleView.select(state.event, { scroll });
    return;
  }
  loaded.article = state.article;
  latest("article", async () => {
    const doc = await getJSON(`articles/${encodeURIComponent(state.article)}`);
    return () => {
      articleView.show(doc, state.event);
      document.body.dataset.article = doc.sha256;
    };
  });
}

/** Fill the form from the state (after a reload, Back, or a change made elsewhere). */
function syncForm() {
  for (const key of FILTER_KEYS) {
    const input = form.elements[key];
    if (!input) continue;
    const value = state.filters[key] ?? "";
    if (input.type === "checkbox") input.checked = value === "1" || value === "true";
    else if (input.type === "range") input.value = value || "0";
    else {
      if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
        input.append(h("option", { value }, value));
      }
      input.value = value;
    }
  }
  $("conf-out").textContent = form.elements.min_confidence.value;
}

/** The filters as the form holds them. */
function formFilters() {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const input = form.elements[key];
    if (!input) continue;
    if (input.type === "checkbox") { if (input.checked) filters[key] = "1"; }
    else if (input.type === "range") { if (Number(input.value) > 0) filters[key] = input.value; }
    else if (input.value.trim()) filters[key] = input.value.trim();
  }
  return filters;
}

function syncChips() {
  const chips = Object.entries(state.filters).map(([key, value]) => {
    const shown = key === "actor" ? actorNames.get(value) || value : key === "quad" ? quadOf(value)?.label || value : ["include_unreal", "bbox"].includes(key) ? "" : value;
    return h("li", {}, h("button", {
      type: "button", class: "chip", title: "Remove this filter", "aria-label": `Remove filter ${FILTER_LABELS[key]} ${shown}`,
      onclick: () => { const rest = { ...state.filters }; delete rest[key]; setFilters(rest); },
    }, `${FILTER_LABELS[key]} ${shown}`.trim(), h("span", { "aria-hidden": "true" }, " ×")));
  });
  $("chips").replaceChildren(...chips);
  $("timeline-clear").hidden = !(state.filters.since || state.filters.until);
}

function syncTabs() {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.view === state.view;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !on;
  }
  document.body.dataset.view = state.view;
  if (state.view !== "article") {
    $("list").hidden = false;
    $("evidence").hidden = true;
  }
  if (state.view === "map") map.resize();
}

function fillOptions(select, entries) {
  select.append(...entries.map(([value, label]) => h("option", { value }, label)));
}

/** Options that do not depend on the filters: types, quads, countries and actor names in the data. */
async function loadChoices() {
  fillOptions(form.elements.type, PLOVER_TYPES.map((t) => [t, t]));
  fillOptions(form.elements.quad, QUADS.map((q) => [q.key, q.label]));
  fillOptions(form.elements.acled_type, ACLED_TYPES.map((t) => [t.key, t.key]));
  syncForm();
  try {
    await firstMap; // not needed to draw the first view: asked after it, so they do not slow it down
    const stats = await getJSON("stats");
    const actors = await getJSON("actors", { top: 500 });
    const countries = Object.entries(stats.per_country || {}).sort((a, b) => a[0].localeCompare(b[0]));
    fillOptions(form.elements.country, countries.filter(([c]) => c !== state.filters.country).map(([c, n]) => [c, `${c} (${fmtInt(n)})`]));
    for (const actor of actors.items) actorNames.set(actor.id, actor.name);
    $("actor-names").replaceChildren(...[...new Set(actors.items.map((a) => a.canonical))].map((name) => h("option", { value: name })));
    syncForm();
    syncChips();
  } catch (error) {
    notice("choices", errorText(error));
  }
}

form.addEventListener("submit", (e) => { e.preventDefault(); setFilters(formFilters()); });
form.addEventListener("change", () => setFilters(formFilters()));
form.elements.min_confidence.addEventListener("input", () => { $("conf-out").textContent = form.elements.min_confidence.value; });
$("reset").addEventListener("click", () => setFilters({}));
$("timeline-clear").addEventListener("click", () => { const { since, until, ...rest } = state.filters; setFilters(rest); });
for (const tab of document.querySelectorAll("[role=tab]")) {
  tab.addEventListener("click", () => setState({ view: tab.dataset.view }));
  tab.addEventListener("keydown", (e) => {
    const tabs = [...document.querySelectorAll("[role=tab]")];
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
    next.focus();
    setState({ view: next.dataset.view });
  });
}
window.addEventListener("popstate", () => { state = readState(); pendingScroll = true; apply(); });
if (window.matchMedia("(max-width: 760px)").matches) $("filters-box").open = false;

loadChoices();
apply();

// For the browser console (and scripts driving the page): the Leaflet map and the current state.
window.strife = { map: map.map, clusters: map.clusters, state: () => state };
