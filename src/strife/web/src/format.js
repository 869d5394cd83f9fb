// Colours, labels and small formatting helpers shared by the views.

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "DEMAND", "ACCUSE",
  "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
];

/** The PLOVER quads: API filter value, stored value, label and colour (cooperation green, conflict red). */
export const QUADS = [
  { key: "VERBCOOP", stored: "verbal_cooperation", label: "Verbal cooperation", color: "#7fbf7b" },
  { key: "MATCOOP", stored: "material_cooperation", label: "Material cooperation", color: "#1b7837" },
  { key: "VERBCON", stored: "verbal_conflict", label: "Verbal conflict", color: "#e08214" },
  { key: "MATCON", stored: "material_conflict", label: "Material conflict", color: "#b2182b" },
];

/** ACLED event types with the colours analysts know from ACLED's dashboard (approximately). */
export const ACLED_TYPES = [
  { key: "Battles", color: "#c0392b" },
  { key: "Explosions/Remote violence", color: "#e67e22" },
  { key: "Violence against civilians", color: "#8e44ad" },
  { key: "Protests", color: "#2980b9" },
  { key: "Riots", color: "#16a085" },
  { key: "Strategic developments", color: "#7f8c8d" },
];
export const NO_CATEGORY = { key: "", label: "Not coded", color: "#9aa0a6" };

/** Actor sectors (CAMEO actor types) as network node colours. */
export const SECTOR_COLORS = {
  GOV: "#2166ac", MIL: "#b2182b", REB: "#e08214", OPP: "#d6604d", CVL: "#1b7837", IGO: "#762a83",
  NGO: "#5aae61", MED: "#878787", BUS: "#8c510a", REL: "#01665e", COP: "#4393c3", JUD: "#9970ab",
};

const quadByStored = Object.fromEntries(QUADS.map((q) => [q.stored, q]));
const quadByKey = Object.fromEntries(QUADS.map((q) => [q.key, q]));
const acledByKey = Object.fromEntries(ACLED_TYPES.map((t) => [t.key.toLowerCase(), t]));

/** The quad entry of a quad value as stored (verbal_conflict) or as filtered (VERBCON). */
export function quadOf(value) {
  if (!value) return null;
  return quadByStored[value] || quadByKey[String(value).toUpperCase()] || null;
}

/** Legend category {key, label, color} of an event (or GeoJSON properties) under a colouring. */
export function categoryOf(event, colorBy) {
  if (colorBy === "acled") {
    const t = event.acled_event_type && acledByKey[event.acled_event_type.toLowerCase()];
    return t ? { key: t.key, label: t.key, color: t.color } : NO_CATEGORY;
  }
  const q = quadOf(event.quad);
  return q ? { key: q.key, label: q.label, color: q.color } : NO_CATEGORY;
}

/** The legend entries of a colouring. */
export function legendOf(colorBy) {
  const entries = colorBy === "acled"
    ? ACLED_TYPES.map((t) => ({ key: t.key, label: t.key, color: t.color }))
    : QUADS.map((q) => ({ key: q.key, label: q.label, color: q.color }));
  return [...entries, NO_CATEGORY];
}

const numberFormat = new Intl.NumberFormat("en");
export const fmtInt = (n) => numberFormat.format(n || 0);

/** `best` of a count, as text ("12", "10-15", "at least 40"), or "". */
export function fmtCount(count) {
  if (!count) return "";
  const { low, best, high } = count;
  if (best != null && low != null && high != null && (low !== best || high !== best)) return `${best} (${low}–${high})`;
  if (best != null) return String(best);
  if (low != null && high != null) return `${low}–${high}`;
  if (low != null) return `at least ${low}`;
  return "";
}

/** The accounts behind an incident's toll, one line each: "11 (Afghan officials)", "5 claimed by the attackers (US military)". */
export function fmtAccounts(count) {
  if (!count || !count.accounts || !count.accounts.length) return [];
  return count.accounts.map((a) => `${fmtCount(a) || "?"}${a.perpetrator_claim ? " claimed by the attackers" : ""}${a.reported_by ? ` (${a.reported_by})` : ""}`);
}

/** The date of an event as coded: "2016-12-05", "2016-09-01 – 2016-09-30 (month)", "undated". */
export function fmtEventDate(event) {
  if (!event.date) return "undated";
  let text = event.date;
  if (event.date_end && event.date_end !== event.date) text += ` – ${event.date_end}`;
  if (event.date_precision && !["day", "unknown"].includes(event.date_precision)) text += ` (${event.date_precision})`;
  return text;
}

/** Actors as "Name, Name" using the name as written. */
export const fmtActors = (actors) => (actors || []).map((a) => a.name).join(", ");

/** A place as "Aleppo (east), Aleppo, SYR". */
export function fmtPlace(place) {
  if (!place) return "";
  const name = place.part ? `${place.name} (${place.part})` : place.name;
  return [name, place.admin1 !== place.name ? place.admin1 : null, place.country].filter(Boolean).join(", ");
}

/** Create an element: h("p", {class: "x", onclick: f}, "text", child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A colour swatch for legends and lists. */
export const swatch = (color, cls = "swatch") => h("span", { class: cls, style: `background:${color}`, "aria-hidden": "true" });
