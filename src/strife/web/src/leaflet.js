// Leaflet as a global: the marker-cluster plugin extends the global `L`, and this module runs
// before any module that imports the plugin after it (`import L from "./leaflet.js"` first).
import L from "leaflet";

window.L = L;

export default L;
