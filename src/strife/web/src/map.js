// The map: events as markers, clustered when dense, over offline country boundaries.
import L from "./leaflet.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import { categoryOf, fmtActors, fmtCount, fmtEventDate, fmtInt, fmtPlace, h, legendOf, swatch } from "./format.js";

const SEA = "#dfe7ec";
const LAND = { color: "#a9b1b7", weight: 0.7, fillColor: "#f6f5f1", fillOpacity: 1 };
const FINE_BOUNDARIES_ZOOM = 4; // below it the 1:110m boundaries, from it the 1:50m ones
const EVIDENCE_PREVIEW = 280; // characters of evidence shown in a marker's popup
/** The most events the map asks for at once: the API's largest page. */
export const MAP_LIMIT = 10000;

/** Marker diameter in pixels: grows with the square root of the fatalities (an area scale). */
export function markerSize(fatalities) {
  return fatalities ? Math.min(34, 11 + 3 * Math.sqrt(fatalities)) : 11;
}

/**
 * The event map. `onOpenEvent(event)` opens an event's evidence; `onColorBy(colorBy)` switches the
 * colouring; `onArea(bbox)` filters to the area in view; `fetchEvent(id)` returns the full event for a marker's popup; `onDrawn()` is called
 * once every marker of a `setEvents` is clustered and on the map.
 */
export class EventMap {
  constructor(element, { tiles, onOpenEvent, onColorBy, onArea, fetchEvent, onDrawn = () => {} }) {
    this.onOpenEvent = onOpenEvent;
    this.onColorBy = onColorBy;
    this.fetchEvent = fetchEvent;
    this.colorBy = "quad";
    this.features = [];
    this.map = L.map(element, { zoomSnap: 0.5, minZoom: 2, maxZoom: 13, worldCopyJump: true, preferCanvas: false });
    this.map.getContainer().style.background = SEA;
    this.map.setView([30, 30], 3); // integer zoom limits: the cluster plugin keeps one grid per whole zoom level
    this.map.attributionControl.setPrefix(false);
    if (tiles) L.tileLayer(tiles, { attribution: "Tiles: user-configured", maxZoom: 18 }).addTo(this.map);
    this.boundaries = new Boundaries(this.map, !tiles);
    this.clusters = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 36,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (cluster) => this.clusterIcon(cluster),
      // Called after each chunk of markers; the last one is drawn right after this call returns.
      chunkProgress: (done, total) => {
        if (done === total && this.drawing) {
          this.drawing = false;
          setTimeout(onDrawn, 0);
        }
      },
    });
    this.clusters.on("click", (e) => this.openPopup(e.layer));
    this.icons = new Map();
    this.map.addLayer(this.clusters);
    this.legend = L.control({ position: "bottomright" });
    this.legend.onAdd = () => this.legendElement();
    this.legend.addTo(this.map);
    this.areaControl = L.control({ position: "topleft" });
    this.areaControl.onAdd = () => {
      const button = h("button", { type: "button", class: "area-button", title: "Keep only the events in the area shown (bbox filter)" }, "Filter to view");
      L.DomEvent.disableClickPropagation(button);
      button.addEventListener("click", () => onArea(bboxOf(this.map.getBounds())));
      return button;
    };
    this.areaControl.addTo(this.map);
    this.area = null;
    this.note = L.control({ position: "topright" });
    this.note.onAdd = () => h("div", { class: "map-note", "aria-live": "polite" });
    this.note.addTo(this.map);
  }

  /** Show a GeoJSON FeatureCollection of events; `fit` zooms to them. */
  setEvents(collection, { colorBy, total, fit }) {
    this.features = collection.features || [];
    this.colorBy = colorBy;
    this.total = total;
    this.redraw();
    if (fit) this.fitToEvents();
  }

  /** The number of events the filters match (located or not), once the statistics know it. */
  setTotal(total) {
    this.total = total;
    this.updateNote();
  }

  setColorBy(colorBy) {
    this.colorBy = colorBy;
    this.redraw();
  }

  redraw() {
    this.drawing = true; // cleared once the cluster layer has taken every marker
    this.clusters.clearLayers();
    this.clusters.addLayers(this.features.map((f) => this.marker(f)));
    this.legend.remove();
    this.legend.addTo(this.map);
    this.updateNote();
  }

  updateNote() {
    const shown = this.features.length;
    const note = this.note.getContainer();
    note.textContent = this.total > shown ? `${fmtInt(shown)} of ${fmtInt(this.total)} events on the map` : `${fmtInt(shown)} events on the map`;
    note.title = this.total > shown
      ? `${fmtInt(this.total - shown)} events have no coordinates${this.total > MAP_LIMIT ? ` or are beyond the first ${fmtInt(MAP_LIMIT)}` : ""}` : "";
  }

  /** Zoom to the events, keeping them clear of the legend and the note drawn over the map. */
  fitToEvents() {
    if (!this.features.length) return;
    const bounds = L.latLngBounds(this.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    const size = this.map.getSize();
    const legend = this.legend.getContainer()?.getBoundingClientRect() || { width: 0, height: 0 };
    const note = this.note.getContainer()?.getBoundingClientRect() || { height: 0 };
    // The legend sits bottom-right: leave its width free when the map is wide, else its height.
    const beside = size.x - legend.width > 260;
    this.map.fitBounds(bounds, {
      maxZoom: 7,
      animate: false,
      paddingTopLeft: [50, note.height + 24],
      paddingBottomRight: beside ? [legend.width + 30, 30] : [30, legend.height + 30],
    });
  }

  /** Outline the bbox filter's area (min_lon,min_lat,max_lon,max_lat), or remove the outline. */
  showArea(bbox) {
    if (this.area && this.area.bbox === bbox) return;
    if (this.area) this.area.remove();
    this.area = null;
    const corners = (bbox || "").split(",").map(Number);
    if (corners.length !== 4 || corners.some(Number.isNaN)) return;
    const [w, south, e, north] = corners;
    this.area = L.rectangle([[south, w], [north, e]], { color: "#1f4e79", weight: 1.5, dashArray: "5 4", fill: false, interactive: false });
    this.area.bbox = bbox;
    this.area.addTo(this.map);
  }

  /** Leaflet needs this after its container was hidden or resized. */
  resize() {
    this.map.invalidateSize();
  }

  marker(f) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const category = categoryOf(p, this.colorBy);
    const place = p.location || "";
    const title = [p.date || "undated", p.event_type, place, p.fatalities ? `${p.fatalities} killed` : ""].filter(Boolean).join(" · ");
    const marker = L.marker([lat, lon], { title, alt: title, riseOnHover: true, icon: this.icon(category, markerSize(p.fatalities), place) });
    marker.event = p;
    marker.category = category;
    return marker;
  }

  /** One icon per colour, size and place, shared by the markers that look alike (10,000 on a big map). */
  icon(category, size, place) {
    const key = `${category.key}|${size}|${place}`;
    if (!this.icons.has(key)) {
      this.icons.set(key, L.divIcon({
        className: "ev-marker",
        iconSize: [size, size],
        html: `<span class="dot" style="background:${category.color}" data-place="${escapeAttr(place)}" data-category="${escapeAttr(category.key)}"></span>`,
      }));
    }
    return this.icons.get(key);
  }

  /** A marker's popup (one handler on the cluster layer rather than a popup bound to each marker). */
  openPopup(marker) {
    L.popup({ maxWidth: 340, minWidth: 240 }).setLatLng(marker.getLatLng()).setContent(this.popupFor(marker.event)).openOn(this.map);
  }

  clusterIcon(cluster) {
    const markers = cluster.getAllChildMarkers();
    const byCategory = new Map();
    const byPlace = new Map();
    let fatalities = 0;
    for (const m of markers) {
      const c = m.category;
      byCategory.set(c.key, { color: c.color, n: (byCategory.get(c.key)?.n || 0) + 1 });
      if (m.event.location) byPlace.set(m.event.location, (byPlace.get(m.event.location) || 0) + 1);
      fatalities += m.event.fatalities || 0;
    }
    const n = markers.length;
    let at = 0;
    const stops = [...byCategory.values()].map(({ color, n: k }) => {
      const from = (at / n) * 100;
      at += k;
      return `${color} ${from}% ${(at / n) * 100}%`;
    });
    const places = [...byPlace.entries()].sort((a, b) => b[1] - a[1]);
    const title = `${n} events${fatalities ? `, ${fatalities} killed` : ""}${places.length ? `: ${places.map(([p, k]) => `${p} (${k})`).join(", ")}` : ""}`;
    const size = Math.round(26 + 7 * Math.log10(n));
    return L.divIcon({
      className: "ev-cluster",
      iconSize: [size, size],
      html: `<div class="pie" style="background:conic-gradient(${stops.join(",")})" title="${escapeAttr(title)}" aria-label="${escapeAttr(title)}" data-places="${escapeAttr(places.map(([p]) => p).join("|"))}"><span>${n}</span></div>`,
    });
  }

  popupFor(properties) {
    const box = h("div", { class: "popup" }, h("p", { class: "muted" }, "Loading…"));
    this.fetchEvent(properties.id).then(
      (event) => box.replaceChildren(...popupContent(event, () => this.onOpenEvent(event))),
      (error) => box.replaceChildren(h("p", { class: "error" }, error.message)),
    );
    return box;
  }

  legendElement() {
    const counts = new Map();
    for (const f of this.features) {
      const key = categoryOf(f.properties, this.colorBy).key;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const choice = (value, label) => h("label", {},
      h("input", { type: "radio", name: "color-by", value, checked: this.colorBy === value, onchange: () => this.onColorBy(value) }),
      ` ${label}`);
    const entries = legendOf(this.colorBy).filter((e) => counts.get(e.key) || e.key !== "");
    const box = h("details", { class: "legend", open: this.legendOpen ?? !window.matchMedia("(max-width: 760px)").matches },
      h("summary", {}, "Legend"),
      h("fieldset", {}, h("legend", {}, "Colour by"), choice("quad", "PLOVER quad"), choice("acled", "ACLED type")),
      h("ul", {}, entries.map((e) => h("li", { class: counts.get(e.key) ? "" : "none" },
        swatch(e.color), ` ${e.label || e.key} `, h("span", { class: "n" }, fmtInt(counts.get(e.key) || 0))))),
      h("div", { class: "sizes", "aria-label": "Marker size: fatalities" }, "Killed ",
        [0, 10, 100].map((k) => h("span", { class: "size" },
          h("span", { class: "dot", style: `width:${markerSize(k)}px;height:${markerSize(k)}px` }), ` ${k}`))));
    box.addEventListener("toggle", () => { this.legendOpen = box.open; });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  }
}

/** The body of a marker's popup: what happened, where, to whom, and the sentence it rests on. */
function popupContent(event, openEvidence) {
  const category = categoryOf(event, "quad");
  const evidence = event.evidence.text.length > EVIDENCE_PREVIEW
    ? `${event.evidence.text.slice(0, EVIDENCE_PREVIEW)}…` : event.evidence.text;
  return [
    h("p", { class: "popup-head" }, swatch(category.color), h("strong", {}, event.event_type),
      event.acled_event_type ? ` · ${event.acled_event_type}` : "", h("br"), fmtEventDate(event)),
    h("dl", { class: "popup-fields" },
      event.location ? [h("dt", {}, "Where"), h("dd", {}, fmtPlace(event.location))] : null,
      event.source?.length ? [h("dt", {}, "Source"), h("dd", {}, fmtActors(event.source))] : null,
      event.target?.length ? [h("dt", {}, "Target"), h("dd", {}, fmtActors(event.target))] : null,
      event.fatalities ? [h("dt", {}, "Killed"), h("dd", {}, fmtCount(event.fatalities))] : null),
    h("blockquote", {}, evidence),
    h("button", { type: "button", class: "primary", onclick: openEvidence }, "Read the evidence"),
  ];
}

/** Country boundaries from the bundled Natural Earth TopoJSON: coarse first, finer when zoomed in. */
class Boundaries {
  constructor(map, visible) {
    this.map = map;
    this.layer = null;
    this.scale = null;
    this.visible = visible;
    this.renderer = L.canvas({ padding: 0.5 });
    map.attributionControl.addAttribution("Boundaries: Natural Earth");
    this.load("110m");
    map.on("zoomend", () => {
      if (this.scale === "110m" && map.getZoom() >= FINE_BOUNDARIES_ZOOM) this.load("50m");
    });
  }

  async load(scale) {
    this.scale = scale;
    const response = await fetch(`geo/countries-${scale}.json`);
    if (!response.ok) return;
    const topology = await response.json();
    const countries = feature(topology, topology.objects.countries);
    // Antarctica's ring runs along the antimeridian to the pole: in Web Mercator it smears a band
    // across the map's edge, and no conflict event is coded there.
    countries.features = countries.features.filter((f) => f.properties?.name !== "Antarctica");
    for (const f of countries.features) unwrapAntimeridian(f.geometry);
    const layer = L.geoJSON(countries, {
      style: () => (this.visible ? LAND : { ...LAND, fillOpacity: 0, weight: 0.6 }),
      renderer: this.renderer,
      interactive: false,
    });
    layer.addTo(this.map);
    layer.bringToBack();
    if (this.layer) this.layer.remove();
    this.layer = layer;
  }
}

/**
 * Make rings that cross the antimeridian (Russia, Fiji) continuous in longitude, in place:
 * Leaflet draws the jump from 180 to -180 as a line across the whole map otherwise.
 */
export function unwrapAntimeridian(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const jump = ring[i][0] - ring[i - 1][0];
        if (Math.abs(jump) > 180) ring[i][0] -= 360 * Math.sign(jump);
      }
    }
  }
}

/** A map area as the API's bbox parameter, to 3 decimals (about 100 m) and within the world. */
export function bboxOf(bounds) {
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(3);
  return [clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -90, 90), clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -90, 90)].join(",");
}

function escapeAttr(value) {
  return String(value ?? "").replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
