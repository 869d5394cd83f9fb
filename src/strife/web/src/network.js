// The actor network: who acts on whom, laid out with d3-force, edges coloured by their main quad.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { QUADS, SECTOR_COLORS, fmtInt, h, swatch } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
const MAX_NODES = 80; // the most active actors; more makes an unreadable hairball
const MAX_LABELS = 30; // names written next to the busiest nodes; the others show theirs on hover and focus
const LEGEND_PX = 58;
const TICKS = 300;

function el(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (parent) parent.append(node);
  return node;
}

/** The quad an edge carries most events of. */
function mainQuad(edge) {
  let best = null;
  for (const q of QUADS) if ((edge[q.stored] || 0) > (best ? edge[best.stored] || 0 : 0)) best = q;
  return best;
}

const nodeRadius = (node) => 4 + 2.2 * Math.sqrt(node.events || 1);

/** Draw node-link JSON (`/api/network`) into `container`; `onActor(node)` filters by an actor. */
export function renderNetwork(container, graph, { onActor }) {
  const width = Math.max(300, container.clientWidth);
  const height = Math.max(240, container.clientHeight - LEGEND_PX);
  const nodes = [...graph.nodes].sort((a, b) => (b.events || 0) - (a.events || 0)).slice(0, MAX_NODES).map((n) => ({ ...n }));
  const kept = new Set(nodes.map((n) => n.id));
  const links = (graph.edges || graph.links || []).filter((e) => kept.has(e.source) && kept.has(e.target)).map((e) => ({ ...e }));
  const note = graph.nodes.length > nodes.length
    ? `The ${nodes.length} most active of ${fmtInt(graph.nodes.length)} actors.` : `${fmtInt(nodes.length)} actors, ${fmtInt(links.length)} links.`;
  if (!nodes.length) {
    container.replaceChildren(h("p", { class: "empty" }, "No actors in the events these filters keep."));
    return;
  }
  forceSimulation(nodes)
    .force("link", forceLink(links).id((n) => n.id).distance(70).strength(0.4))
    .force("charge", forceManyBody().strength(-320))
    .force("center", forceCenter(width / 2, height / 2))
    .force("x", forceX(width / 2).strength(0.06))
    .force("y", forceY(height / 2).strength(0.09))
    .force("collide", forceCollide((n) => nodeRadius(n) + 3))
    .stop()
    .tick(TICKS);
  fitInto(nodes, width, height, 40);

  const svg = el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "network-svg", role: "group", "aria-label": "Actor network" });
  const defs = el("defs", {}, svg);
  for (const q of QUADS) {
    const marker = el("marker", { id: `arrow-${q.key}`, viewBox: "0 -4 8 8", refX: 8, refY: 0, markerWidth: 6, markerHeight: 6, orient: "auto" }, defs);
    el("path", { d: "M0,-4L8,0L0,4", fill: q.color }, marker);
  }
  const edgeLayer = el("g", { class: "net-edges" }, svg);
  for (const link of links) {
    const quad = mainQuad(link) || QUADS[0];
    const { x1, y1, x2, y2 } = trimmed(link.source, link.target);
    const line = el("line", { x1, y1, x2, y2, stroke: quad.color, "stroke-width": Math.min(6, 0.8 + Math.sqrt(link.weight || 1)), "marker-end": `url(#arrow-${quad.key})` }, edgeLayer);
    el("title", {}, line).textContent = `${link.source.name} → ${link.target.name}: ${link.weight} events (${QUADS.map((q) => `${q.label.toLowerCase()} ${link[q.stored] || 0}`).join(", ")})${link.first_day ? `, ${link.first_day} – ${link.last_day}` : ""}`;
  }
  const nodeLayer = el("g", { class: "net-nodes" }, svg);
  for (const [rank, node] of nodes.entries()) {
    const g = el("g", { class: "net-node", transform: `translate(${node.x},${node.y})`, tabindex: 0, role: "button", "data-actor-id": node.id, "aria-label": `${node.name}: ${node.events} events; filter by this actor` }, nodeLayer);
    el("circle", { r: nodeRadius(node), fill: SECTOR_COLORS[node.sector] || "#9aa0a6" }, g);
    el("text", { x: nodeRadius(node) + 3, y: 4, class: rank < MAX_LABELS ? "" : "on-hover" }, g).textContent = node.name;
    el("title", {}, g).textContent = `${node.canonical} (${[node.country, node.sector].filter(Boolean).join(", ")}): ${node.events} events, ${node.as_source} as source, ${node.as_target} as target. Click to filter by this actor.`;
    const choose = () => onActor(node);
    g.addEventListener("click", choose);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(); } });
  }
  const sectors = [...new Set(nodes.map((n) => n.sector).filter(Boolean))];
  const legend = h("div", { class: "net-legend" },
    h("p", {}, note, " Node size: events; click an actor to filter by it."),
    h("p", {}, "Actors: ", sectors.map((s) => h("span", { class: "entry" }, swatch(SECTOR_COLORS[s] || "#9aa0a6"), ` ${s} `))),
    h("p", {}, "Links: ", QUADS.map((q) => h("span", { class: "entry" }, swatch(q.color), ` ${q.label} `))));
  container.replaceChildren(legend, svg);
}

/** Scale and move the laid-out nodes to fill the box, keeping `pad` pixels free at the edges. */
function fitInto(nodes, width, height, pad) {
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(1.6, (width - 2 * pad - 80) / Math.max(1, x1 - x0), (height - 2 * pad) / Math.max(1, y1 - y0));
  for (const n of nodes) {
    n.x = pad + (n.x - x0) * scale + (width - 2 * pad - 80 - (x1 - x0) * scale) / 2;
    n.y = pad + (n.y - y0) * scale + (height - 2 * pad - (y1 - y0) * scale) / 2;
  }
}

/** A link's line from circle edge to circle edge, so the arrowhead stays visible. */
function trimmed(a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const [ra, rb] = [nodeRadius(a), nodeRadius(b) + 2];
  return { x1: a.x + (dx * ra) / length, y1: a.y + (dy * ra) / length, x2: b.x - (dx * rb) / length, y2: b.y - (dy * rb) / length };
}
