// The page state lives in the URL query string, so a view can be shared and a reload restores it.

/** Query parameters that filter events: the same names as the API's (see the API contract). */
export const FILTER_KEYS = [
  "since", "until", "type", "quad", "acled_type", "country", "actor", "q", "min_confidence", "include_unreal", "bbox",
];
/** Query parameters that only say what is shown. */
export const VIEW_KEYS = ["view", "color", "article", "event", "offset", "tiles"];
export const VIEWS = ["map", "network", "article"];

/** The state in a URL's query string: {filters: {...}, view, color, article, event, offset, tiles}. */
export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") filters[key] = value;
  }
  const view = VIEWS.includes(params.get("view")) ? params.get("view") : "map";
  return {
    filters,
    view,
    color: params.get("color") === "acled" ? "acled" : "quad",
    article: params.get("article") || null,
    event: params.get("event") || null,
    offset: Math.max(0, parseInt(params.get("offset") || "0", 10) || 0),
    tiles: params.get("tiles") || null,
  };
}

/** The query string of a state (defaults left out, so shared links stay short). */
export function stateQuery(state) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (state.filters[key] !== undefined && state.filters[key] !== "") params.set(key, state.filters[key]);
  }
  if (state.view !== "map") params.set("view", state.view);
  if (state.color !== "quad") params.set("color", state.color);
  if (state.article) params.set("article", state.article);
  if (state.event) params.set("event", state.event);
  if (state.offset) params.set("offset", String(state.offset));
  if (state.tiles) params.set("tiles", state.tiles);
  return params.toString();
}

/** Record a state in the address bar: a new history entry, so Back undoes a filter. */
export function pushState(state) {
  const query = stateQuery(state);
  const url = window.location.pathname + (query ? `?${query}` : "");
  if (url !== window.location.pathname + window.location.search) window.history.pushState(null, "", url);
}

/** API query parameters for the filters, leaving out the keys in `omit`. */
export function filterParams(filters, omit = []) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (!omit.includes(key) && filters[key] !== undefined && filters[key] !== "") params.set(key, filters[key]);
  }
  return params;
}

/** A key that changes exactly when the filters do (to know when data must be fetched again). */
export function filtersKey(filters) {
  return filterParams(filters).toString();
}
