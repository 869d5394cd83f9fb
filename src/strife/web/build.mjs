// Builds the web page into dist/: one JS bundle, one CSS bundle, index.html and the offline
// country boundaries (Natural Earth via world-atlas). `npm ci && npm run build` (run by `make install`).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const dev = process.argv.includes("--dev"); // unminified, for reading the bundle

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "geo"), { recursive: true });

await build({
  entryPoints: { app: join(here, "src", "main.js"), style: join(here, "src", "style.css") },
  bundle: true,
  minify: !dev,
  sourcemap: dev, // maps only for development builds: they would triple what an install writes
  target: ["es2020"],
  outdir: dist,
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "assets/[name]-[hash]",
  legalComments: "linked",
  logLevel: "info",
});

copyFileSync(join(here, "src", "index.html"), join(dist, "index.html"));
// Coarse boundaries for the world view, finer ones once the map is zoomed in (both offline).
for (const scale of ["110m", "50m"]) {
  copyFileSync(
    join(here, "node_modules", "world-atlas", `countries-${scale}.json`),
    join(dist, "geo", `countries-${scale}.json`),
  );
}
