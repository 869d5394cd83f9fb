"""Scale bench for the store: N synthetic-but-realistic events, bulk ingest rate, p95 of the filtered queries.

    python bench/store_scale.py --events 1000000                    # SQLite file + a throwaway PostgreSQL
    python bench/store_scale.py --events 100000 --backends sqlite
    python bench/store_scale.py --pg postgresql://user@host/db      # an existing (empty) database

The generator writes articles of 1-8 events (conflict-heavy type mix, 12 countries weighted like a
news feed, dates over four years, events scattered around real city coordinates, actor names from
per-country pools), each a full `ArticleResult` as `strife ingest` stores it. Queries, each timed
over --repeat random instances: country + type + 30-day range; 1x1 degree box + 30-day range; actor
name contains; each as a first page (--page rows, as the API serves) and as all matching ids.
The baseline, timed in the same process on the same rows, is the revision-0001 query shape
(date = COALESCE(events.date, articles.published), actor = lower(name) LIKE over every actor row);
ratios are baseline / current.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import func, or_, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from strife.model import Actor, Article, ArticleResult, Count, Event, Place, Span  # noqa: E402
from strife.store import EventQuery, Store, articles, event_actors, events  # noqa: E402

COUNTRIES = [  # iso3, demonym, weight, cities (name, lat, lon)
    ("SYR", "Syria", 12, [("Aleppo", 36.2, 37.16), ("Idlib", 35.93, 36.63), ("Damascus", 33.51, 36.29), ("Deir ez-Zor", 35.33, 40.14)]),
    ("YEM", "Yemen", 10, [("Taiz", 13.58, 44.02), ("Sanaa", 15.35, 44.21), ("Marib", 15.46, 45.33), ("Hodeidah", 14.8, 42.95)]),
    ("UKR", "Ukraine", 10, [("Donetsk", 48.0, 37.8), ("Luhansk", 48.57, 39.33), ("Avdiivka", 48.14, 37.74), ("Mariupol", 47.1, 37.55)]),
    ("AFG", "Afghanistan", 9, [("Kabul", 34.53, 69.17), ("Kandahar", 31.61, 65.71), ("Kunduz", 36.73, 68.86)]),
    ("IND", "India", 9, [("Srinagar", 34.08, 74.8), ("Delhi", 28.65, 77.23), ("Kolkata", 22.57, 88.36)]),
    ("MEX", "Mexico", 8, [("Culiacan", 24.8, -107.39), ("Guadalajara", 20.67, -103.35), ("Tijuana", 32.53, -117.02)]),
    ("NGA", "Nigeria", 8, [("Maiduguri", 11.85, 13.16), ("Kaduna", 10.52, 7.44), ("Lagos", 6.45, 3.39)]),
    ("IRQ", "Iraq", 7, [("Baghdad", 33.34, 44.4), ("Mosul", 36.34, 43.13), ("Kirkuk", 35.47, 44.39)]),
    ("SOM", "Somalia", 7, [("Mogadishu", 2.04, 45.34), ("Kismayo", -0.36, 42.55)]),
    ("PAK", "Pakistan", 7, [("Peshawar", 34.01, 71.58), ("Quetta", 30.19, 67.01), ("Karachi", 24.86, 67.01)]),
    ("COL", "Colombia", 6, [("Cali", 3.44, -76.52), ("Cucuta", 7.89, -72.5)]),
    ("LBY", "Libya", 7, [("Tripoli", 32.89, 13.19), ("Sirte", 31.21, 16.59), ("Benghazi", 32.12, 20.07)]),
]
TYPES = [("ASSAULT", 30), ("FIGHT", 25), ("PROTEST", 18), ("COERCE", 8), ("ACCUSE", 5), ("THREATEN", 4),
         ("CONSULT", 4), ("AGREE", 3), ("MOBILIZE", 3)]
ACTOR_KINDS = ["Military Forces of {c}", "Police Forces of {c}", "Protesters ({c})", "Rioters ({c})",
               "Unidentified Armed Group ({c})", "Civilians ({c})", "Government of {c}"]
MILITIA_WORDS = ["Brigade", "Front", "Army", "Movement", "Battalion", "Guard", "Council", "Militia", "Faction", "Legion"]
NAME_WORDS = ["Northern", "Free", "Popular", "Islamic", "National", "Revolutionary", "Tribal", "United", "Southern",
              "Liberation", "Democratic", "Martyrs", "Desert", "Mountain", "River", "Eastern", "Western", "Patriotic"]
START = dt.date(2018, 1, 1)
DAYS = 4 * 365


def actor_pools(rng: random.Random) -> dict[str, list[str]]:
    """About 250 actor names per country: the standard ACLED kinds plus invented militias."""
    pools = {}
    for iso, demonym, _, _ in COUNTRIES:
        names = [kind.format(c=demonym) for kind in ACTOR_KINDS]
        names += sorted({f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)} {rng.choice(MILITIA_WORDS)} of {demonym}" for _ in range(300)})[:243]
        pools[iso] = names
    return pools


def generate(n_events: int, seed: int = 8) -> Iterator[tuple[ArticleResult, str, None]]:
    """Articles (as `Store.add_many` takes them) until n_events events have been made."""
    rng = random.Random(seed)
    pools = actor_pools(rng)
    weights = [c[2] for c in COUNTRIES]
    made, number = 0, 0
    while made < n_events:
        number += 1
        iso, _, _, cities = rng.choices(COUNTRIES, weights)[0]
        published = START + dt.timedelta(days=rng.randrange(DAYS))
        n = min(rng.randint(1, 8), n_events - made)
        sentences, spans, plans = [], [], []
        offset = 0
        for i in range(n):
            city, lat, lon = rng.choice(cities)
            kind = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
            source, target = rng.sample(pools[iso], 2)
            killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
            sentence = f"In {city}, {source} clashed with {target}" + (f", killing {killed} people." if killed else ".")
            sentences.append(sentence)
            spans.append((offset, offset + len(sentence)))
            offset += len(sentence) + 1
            plans.append((city, lat + rng.gauss(0, 0.15), lon + rng.gauss(0, 0.15), kind, source, target, killed))
        text = " ".join(sentences) + f" (report {number})"
        meta = Article(id=f"bench-{number}", text=text, published=published, publisher=rng.choice(["AFP", "AP", "Reuters", "BBC"])).meta()
        evs = []
        for i, ((start, end), (city, lat, lon, kind, source, target, killed)) in enumerate(zip(spans, plans)):
            date = published - dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
            long_running = rng.random() < 0.01
            evs.append(Event(
                id=f"{meta.sha256[:12]}-{i + 1}", event_type=kind, date=date,
                date_end=date + dt.timedelta(days=rng.randint(2, 60)) if long_running else None,
                date_precision="range" if long_running else "day",
                source=[Actor(name=source, canonical=source, country=iso)], target=[Actor(name=target, canonical=target, country=iso)],
                location=Place(name=city, country=iso, lat=round(lat, 4), lon=round(lon, 4), geo_precision=1),
                fatalities=Count(best=killed, text=f"{killed} people", kind="killed") if killed else None,
                evidence=Span(start=start, end=end, text=text[start:end]), confidence=0.8,
            ))
        made += n
        yield ArticleResult(article=meta, events=evs), text, None


def bulk_load(store: Store, n_events: int, batch: int) -> float:
    """Load n_events with add_many in batches of articles; returns events per second of store time
    (generating the records, which an ingest gets from the pipeline, is not counted)."""
    writing, chunk, done = 0.0, [], 0
    for item in generate(n_events):
        chunk.append(item)
        if len(chunk) >= batch:
            writing += timed_add(store, chunk)
            done += sum(len(r.events) for r, _, _ in chunk)
            chunk = []
            if done % 100_000 < batch * 5:
                print(f"  loaded {done:,} events ({done / writing:,.0f}/s)", flush=True)
    if chunk:
        writing += timed_add(store, chunk)
    return n_events / writing


def timed_add(store: Store, chunk: list) -> float:
    started = time.perf_counter()
    store.add_many(chunk)
    return time.perf_counter() - started


def one_by_one_rate(store: Store, n_events: int) -> float:
    """Events/s when each article is its own transaction (`Store.add`, what `strife ingest` does)."""
    items = list(generate(n_events, seed=99))
    started = time.perf_counter()
    for result, text, origin in items:
        store.add(result, text, origin)
    return n_events / (time.perf_counter() - started)


def p95_ms(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.quantiles(timings, n=20)[-1], statistics.median(timings)


def query_makers(rng: random.Random, page: int) -> dict[str, Callable[[], EventQuery]]:
    pools = actor_pools(random.Random(8))

    def window() -> tuple[dt.date, dt.date]:
        since = START + dt.timedelta(days=rng.randrange(DAYS - 30))
        return since, since + dt.timedelta(days=30)

    def country_type() -> EventQuery:
        since, until = window()
        return EventQuery(country=rng.choice(COUNTRIES)[0], event_type=rng.choice(["ASSAULT", "FIGHT", "PROTEST"]), since=since, until=until, limit=page)

    def bbox() -> EventQuery:
        _, lat, lon = rng.choice(rng.choice(COUNTRIES)[3])
        since, until = window()
        return EventQuery(bbox=(lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5), since=since, until=until, limit=page)

    def actor() -> EventQuery:
        return EventQuery(actor=rng.choice(pools[rng.choice(COUNTRIES)[0]]).split(" of ")[0].lower(), limit=page)

    return {"country+type+30 days": country_type, "bbox 1x1 deg+30 days": bbox, "actor contains": actor}


def baseline_ids(store: Store, query: EventQuery) -> list:
    """The revision-0001 query shape on the same tables: unindexable date and actor conditions."""
    when = func.coalesce(events.c.date, articles.c.published)
    where = [events.c.negated.is_(False), events.c.hypothetical.is_(False)]
    if query.country:
        where.append(events.c.country == query.country)
    if query.event_type:
        where.append(events.c.event_type == query.event_type)
    if query.since:
        where.append(func.coalesce(events.c.date_end, when) >= query.since)
    if query.until:
        where.append(when <= query.until)
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        where += [events.c.lat.between(min_lat, max_lat), events.c.lon.between(min_lon, max_lon)]
    if query.actor:
        pattern = f"%{query.actor}%"
        where.append(events.c.pk.in_(select(event_actors.c.event_pk).where(
            or_(func.lower(event_actors.c.name).like(pattern), func.lower(event_actors.c.canonical).like(pattern)))))
    stmt = select(events.c.event_id).select_from(events.join(articles)).where(*where).order_by(events.c.date, events.c.pk)
    if query.limit:
        stmt = stmt.limit(query.limit)
    with store.engine.connect() as conn:
        return conn.execute(stmt).all()


def bench_backend(name: str, url: str, args) -> None:
    print(f"\n== {name}: {args.events:,} events -> {url}", flush=True)
    with Store(url) as store:
        rate = bulk_load(store, args.events, args.batch)
        print(f"bulk ingest (add_many, {args.batch} articles per transaction): {rate:,.0f} events/s", flush=True)
        single = one_by_one_rate(store, 5000)
        print(f"one transaction per article (add, as strife ingest): {single:,.0f} events/s", flush=True)
        if name == "postgresql":
            with store.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
        counts = store.counts()
        print(f"stored: {counts}", flush=True)
        print(f"{'query':24} {'page p95':>9} {'all-ids p95':>12} {'median':>8} {'rows':>7} {'base p95':>9} {'ratio':>7}")
        for label, make in query_makers(random.Random(1), args.page).items():
            queries = [make() for _ in range(args.repeat)]
            it = iter(queries * 3)
            page_p95, page_med = p95_ms(lambda: list(store.events(next(it))), args.repeat)
            it_all = iter([EventQuery(**{**q.__dict__, "limit": None}) for q in queries])
            all_p95, _ = p95_ms(lambda: store.event_ids(next(it_all)), args.repeat)
            rows = statistics.mean(len(store.event_ids(EventQuery(**{**q.__dict__, "limit": None}))) for q in queries[:20])
            base_n = max(5, args.repeat // 10)
            it_base = iter(queries)
            base_p95, _ = p95_ms(lambda: baseline_ids(store, next(it_base)), base_n)
            print(f"{label:24} {page_p95:8.1f}ms {all_p95:11.1f}ms {page_med:7.1f}ms {rows:7.0f} {base_p95:8.1f}ms {base_p95 / page_p95:6.1f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=200, help="articles per add_many transaction")
    parser.add_argument("--repeat", type=int, default=200, help="instances per query kind")
    parser.add_argument("--page", type=int, default=100, help="rows in a first page")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--sqlite", help="SQLite file (default: a temporary one)")
    parser.add_argument("--pg", help="PostgreSQL URL (default: a throwaway server, as the tests start)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="strife-bench-") as tmp:
        if "sqlite" in args.backends:
            bench_backend("sqlite", f"sqlite:///{args.sqlite or Path(tmp) / 'bench.db'}", args)
        if "postgresql" in args.backends:
            if args.pg:
                bench_backend("postgresql", args.pg, args)
            else:
                from tests.conftest_pg import PostgresServer, create_database, find_pg_bin

                server = PostgresServer(find_pg_bin())
                server.start()
                try:
                    bench_backend("postgresql", create_database(server, "strife_bench"), args)
                finally:
                    server.stop()


if __name__ == "__main__":
    main()
