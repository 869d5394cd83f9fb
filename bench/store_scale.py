"""Scale bench for the store: N synthetic-but-realistic events, write rates, p50/p95 of the filtered queries.

    python bench/store_scale.py --events 1000000                    # SQLite file + a throwaway PostgreSQL
    python bench/store_scale.py --events 100000 --backends sqlite
    python bench/store_scale.py --pg postgresql://user@host/db      # an existing (empty) database

The generator streams articles of 1-8 events in publication order over five years (as a feed or
an archive is ingested): 24 countries weighted like a conflict news feed, towns of each country
from strife's gazetteer (the larger ones more often, events scattered around them), event types
by their share in ACLED-coded data, actors from strife's actor dictionary plus the ACLED generic
kinds ("Military Forces of Syria") and invented local militias, popular ones more often
(Zipf), 1% of events spanning a date range. Each article is a full `ArticleResult`, as `strife
ingest` stores it.

Writes: the bulk rate (`Store.add_many`, --batch articles a transaction), then on a further 5,000
events the rate of `strife ingest`'s `BatchWriter` (50 articles a transaction) and of one
transaction per article (what `strife ingest` did before): ratios batch / per-article. Rates are
store time only (making the records is the pipeline's work), wall clock and this process's CPU.

Queries, each over --repeat random instances: country + type + 30 days; 1x1 degree box + 30 days;
actor name contains (any name of the pool, as an analyst picks one); a broad actor (the ACLED
generic kinds, "Military Forces" matching about a third of all events); each as a first page
oldest first (`Store.events`, --page rows), as a first page newest first (the API's order and
deferred join), as all matching ids, and as count(*) (the API's totals). Baselines, timed in the
same process on the same rows: the box query as revision 0002 ran it (latitude/longitude index, no
grid cells; the index is built for the comparison and dropped after), the actor pages as revision
0003 ran them (every match gathered through the key index, then sorted), and the revision-0001
shape of the others (date = COALESCE(date, published)); ratio = baseline p95 / newest-first p95.

The PostgreSQL server the bench starts is durable (fsync and synchronous commit on, as a real
server runs; the test suite's server turns them off for speed). The load average is printed
before each backend, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from strife.datafiles import read_data_csv  # noqa: E402
from strife.model import Actor, Article, ArticleResult, Count, Event, Place, Span  # noqa: E402
from strife.resolve.geocode import Gazetteer  # noqa: E402
from strife.store import (  # noqa: E402
    BatchWriter,
    EventQuery,
    Store,
    articles,
    event_filters,
    events,
    max_span_days,
    query_filters,
)

# Share of events by country, roughly as in a year of ACLED data on the conflicts news covers most.
COUNTRY_WEIGHTS = {
    "UKR": 14, "SYR": 10, "MMR": 8, "YEM": 6, "MEX": 6, "IND": 6, "BRA": 5, "PAK": 4, "NGA": 4, "IRQ": 3,
    "AFG": 3, "SOM": 3, "COD": 3, "SDN": 3, "COL": 3, "PHL": 2, "MLI": 2, "BFA": 2, "ETH": 2, "LBY": 1,
    "ISR": 2, "PSE": 2, "LBN": 1, "CMR": 1,
}
# Event types by their share in ACLED-coded conflict data (PLOVER names).
TYPE_WEIGHTS = {"ASSAULT": 30, "FIGHT": 25, "PROTEST": 20, "COERCE": 7, "MOBILIZE": 4, "ACCUSE": 3, "THREATEN": 3,
                "CONSULT": 2, "AGREE": 2, "DISAPPROVE": 2, "DEMAND": 1, "AID": 1}
ACLED_KINDS = ["Military Forces of {c}", "Police Forces of {c}", "Protesters ({c})", "Rioters ({c})",
               "Unidentified Armed Group ({c})", "Civilians ({c})", "Government of {c}", "Militia ({c})"]
MILITIA_WORDS = ["Brigade", "Front", "Army", "Movement", "Battalion", "Guard", "Council", "Militia", "Faction", "Legion"]
NAME_WORDS = ["Northern", "Free", "Popular", "Islamic", "National", "Revolutionary", "Tribal", "United", "Southern",
              "Liberation", "Democratic", "Martyrs", "Desert", "Mountain", "River", "Eastern", "Western", "Patriotic"]
START = dt.date(2019, 1, 1)
DAYS = 5 * 365
TOWNS_PER_COUNTRY = 80


class World:
    """Countries with their towns (gazetteer) and actors (dictionary + generic + invented), with weights."""

    def __init__(self, seed: int = 8):
        rng = random.Random(seed)
        gazetteer = Gazetteer.default()
        dictionary = read_data_csv("actors.csv")
        self.countries = list(COUNTRY_WEIGHTS)
        self.country_weights = list(COUNTRY_WEIGHTS.values())
        self.towns: dict[str, list[tuple]] = {}
        self.town_weights: dict[str, list[float]] = {}
        self.actors: dict[str, list[str]] = {}
        self.actor_weights: dict[str, list[float]] = {}
        for iso in self.countries:
            name = gazetteer.conn.execute("SELECT name FROM places WHERE kind = 'country' AND country = ?", (iso,)).fetchone()[0]
            towns = gazetteer.conn.execute(
                "SELECT name, admin1, lat, lon, population FROM places WHERE kind = 'city' AND country = ? "
                "ORDER BY population DESC LIMIT ?", (iso, TOWNS_PER_COUNTRY)).fetchall()
            self.towns[iso] = towns
            self.town_weights[iso] = [math.sqrt(max(population, 1000)) for *_, population in towns]
            known = [row["name"] for row in dictionary if row["country"] == iso and row["kind"] in ("group", "org", "country")]
            invented = sorted({f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)} {rng.choice(MILITIA_WORDS)} of {name}"
                               for _ in range(150)})[:120]
            pool = [kind.format(c=name) for kind in ACLED_KINDS] + known + invented
            self.actors[iso] = pool
            self.actor_weights[iso] = [1 / (rank + 1) for rank in range(len(pool))]  # Zipf: a few actors in most events

    def country(self, rng: random.Random) -> str:
        return rng.choices(self.countries, self.country_weights)[0]

    def town(self, rng: random.Random, iso: str) -> tuple:
        return rng.choices(self.towns[iso], self.town_weights[iso])[0]

    def two_actors(self, rng: random.Random, iso: str) -> tuple[str, str]:
        while True:
            source, target = rng.choices(self.actors[iso], self.actor_weights[iso], k=2)
            if source != target:
                return source, target


def generate(world: World, n_events: int, seed: int = 8, first: int = 0) -> Iterator[tuple[ArticleResult, str, None]]:
    """Articles (as `Store.add_many` takes them), in publication order, until n_events events are made."""
    rng = random.Random(seed)
    types, type_weights = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
    made, number = 0, first
    while made < n_events:
        number += 1
        iso = world.country(rng)
        published = START + dt.timedelta(days=min(DAYS - 1, int(DAYS * made / n_events) + rng.randint(0, 1)))
        n = min(rng.randint(1, 8), n_events - made)
        sentences, plans, offset = [], [], 0
        for _ in range(n):
            town, admin1, lat, lon, _ = world.town(rng, iso)
            kind = rng.choices(types, type_weights)[0]
            source, target = world.two_actors(rng, iso)
            killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
            sentence = f"In {town}, {source} clashed with {target}" + (f", killing {killed} people." if killed else ".")
            plans.append(((offset, offset + len(sentence)), town, admin1, lat + rng.gauss(0, 0.1), lon + rng.gauss(0, 0.1),
                          kind, source, target, killed))
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(sentences) + f" (report {number})"
        meta = Article(id=f"bench-{number}", text=text, published=published, publisher=rng.choice(["AFP", "AP", "Reuters", "BBC"])).meta()
        evs = []
        for i, ((start, end), town, admin1, lat, lon, kind, source, target, killed) in enumerate(plans):
            date = published - dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
            long_running = rng.random() < 0.01
            evs.append(Event(
                id=f"{meta.sha256[:12]}-{i + 1}", event_type=kind, date=date,
                date_end=date + dt.timedelta(days=rng.randint(2, 60)) if long_running else None,
                date_precision="range" if long_running else "day",
                source=[Actor(name=source, canonical=source, country=iso)], target=[Actor(name=target, canonical=target, country=iso)],
                location=Place(name=town, admin1=admin1, country=iso, lat=round(lat, 4), lon=round(lon, 4), geo_precision=1),
                fatalities=Count(best=killed, text=f"{killed} people", kind="killed") if killed else None,
                evidence=Span(start=start, end=end, text=text[start:end]), confidence=0.8,
            ))
        made += n
        yield ArticleResult(article=meta, events=evs), text, None


class Clock:
    """Wall and process CPU time spent inside `timed` blocks."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    def timed(self, action: Callable[[], object]) -> object:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return action()
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu


def bulk_load(store: Store, world: World, n_events: int, batch: int) -> Clock:
    """Load n_events with add_many, `batch` articles a transaction; store time only."""
    clock, done, reported = Clock(), 0, 0
    items = generate(world, n_events)
    while chunk := list(itertools.islice(items, batch)):
        clock.timed(lambda: store.add_many(chunk))
        done += sum(len(result.events) for result, _, _ in chunk)
        if done - reported >= 100_000:
            reported = done
            print(f"  loaded {done:,} events ({done / clock.wall:,.0f}/s wall, {done / clock.cpu:,.0f}/s CPU)", flush=True)
    return clock


def write_rates(store: Store, world: World, n_events: int = 5000) -> dict[str, float]:
    """Events/s of BatchWriter (as `strife ingest`) and of one transaction per article, on fresh articles."""
    items = list(generate(world, 2 * n_events, seed=99, first=10_000_000))
    batched, single = items[: len(items) // 2], items[len(items) // 2:]
    rates = {}
    clock = Clock()
    with BatchWriter(store) as writer:
        for item in batched:
            clock.timed(lambda: writer.add(*item))
        clock.timed(writer.flush)
    rates["batch writer (50 articles a transaction)"] = sum(len(r.events) for r, _, _ in batched) / clock.wall
    clock = Clock()
    for item in single:
        clock.timed(lambda: store.add(*item))
    rates["one transaction per article"] = sum(len(r.events) for r, _, _ in single) / clock.wall
    return rates


def percentiles(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(p50, p95) in ms of `repeat` calls."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def query_makers(world: World, rng: random.Random, page: int) -> dict[str, Callable[[], EventQuery]]:
    def window() -> tuple[dt.date, dt.date]:
        since = START + dt.timedelta(days=rng.randrange(DAYS - 30))
        return since, since + dt.timedelta(days=30)

    def country_type() -> EventQuery:
        since, until = window()
        return EventQuery(country=rng.choice(world.countries), event_type=rng.choice(["ASSAULT", "FIGHT", "PROTEST"]),
                          since=since, until=until, limit=page)

    def bbox() -> EventQuery:
        _, _, lat, lon, _ = rng.choice(world.towns[rng.choice(world.countries)])
        since, until = window()
        return EventQuery(bbox=(lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5), since=since, until=until, limit=page)

    def actor() -> EventQuery:  # an analyst's query: any actor of the pool, the name's distinctive part
        name = rng.choice(world.actors[rng.choice(world.countries)])
        return EventQuery(actor=name.split(" of ")[0].split(" (")[0] if rng.random() < 0.3 else name, limit=page)

    def broad_actor() -> EventQuery:  # the generic kinds every country has, alone or of one country
        kind = rng.choice(ACLED_KINDS[:3] + ACLED_KINDS[5:6])
        name = kind.format(c="").split(" of ")[0].split(" (")[0] if rng.random() < 0.5 else rng.choice(
            [actor for actor in world.actors[rng.choice(world.countries[:5])] if actor.startswith(kind[:8])])
        return EventQuery(actor=name, limit=page)

    return {"country+type+30 days": country_type, "bbox 1x1 deg+30 days": bbox, "actor contains": actor,
            "broad actor": broad_actor}


NEWEST_FIRST = (events.c.day.desc().nulls_last(), events.c.event_id)  # the API's page order (`strife.api.reads`)


def newest_page(store: Store, query: EventQuery, planned: bool = True) -> list:
    """A first page newest first as the API reads it: the page's keys, then their records (a deferred
    join). `planned=False`: the filters as revision 0003 built them (no actor plan)."""
    with store.engine.connect() as conn:
        where = query_filters(conn, query) if planned else event_filters(query, max_span_days(conn))
        keys = select(events.c.pk).where(*where).order_by(*NEWEST_FIRST).limit(query.limit).subquery()
        stmt = (select(events.c.record).select_from(keys.join(events, events.c.pk == keys.c.pk))
                .order_by(*NEWEST_FIRST))
        return conn.execute(stmt).all()


def count_matching(store: Store, query: EventQuery) -> int:
    with store.engine.connect() as conn:
        stmt = select(func.count()).select_from(events).where(*query_filters(conn, query, every_match=True))
        return conn.execute(stmt).scalar_one()


def baseline_ids(store: Store, query: EventQuery) -> list:
    """The revision-0001 query shape on the same tables: an unindexable date condition."""
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
    stmt = select(events.c.event_id).select_from(events.join(articles)).where(*where).order_by(events.c.date, events.c.pk)
    if query.limit:
        stmt = stmt.limit(query.limit)
    with store.engine.connect() as conn:
        return conn.execute(stmt).all()


def bbox_0002_ids(store: Store, query: EventQuery) -> list:
    """The box query as revision 0002 ran it: latitude/longitude between, no grid cell condition."""
    plain = EventQuery(**{**query.__dict__, "bbox": None})
    min_lon, min_lat, max_lon, max_lat = query.bbox
    with store.engine.connect() as conn:
        stmt = (select(events.c.pk, events.c.event_id)
                .where(*event_filters(plain, max_span_days(conn)), events.c.lat.between(min_lat, max_lat),
                       events.c.lon.between(min_lon, max_lon))
                .order_by(events.c.day.asc().nulls_first(), events.c.pk).limit(query.limit))
        return conn.execute(stmt).all()


def time_queries(store: Store, world: World, args) -> None:
    print(f"{'query':22} {'page p50':>9} {'page p95':>9} {'newest p95':>11} {'ids p95':>9} {'count p95':>10} {'rows':>7} "
          f"{'base p95':>9} {'ratio':>6}")
    for label, make in query_makers(world, random.Random(1), args.page).items():
        queries = [make() for _ in range(args.repeat)]
        unlimited = [EventQuery(**{**q.__dict__, "limit": None}) for q in queries]
        pages, newest, ids, counts = iter(queries), iter(queries), iter(unlimited), iter(unlimited)
        page_p50, page_p95 = percentiles(lambda: list(store.events(next(pages))), args.repeat)
        _, newest_p95 = percentiles(lambda: newest_page(store, next(newest)), args.repeat)
        _, ids_p95 = percentiles(lambda: store.event_ids(next(ids)), args.repeat)
        _, count_p95 = percentiles(lambda: count_matching(store, next(counts)), args.repeat)
        rows = statistics.mean(count_matching(store, q) for q in unlimited[:50])
        base_n = max(5, args.repeat // 10)
        if label.startswith("bbox"):
            ddl(store, "CREATE INDEX ix_events_lat_lon_bench ON events (lat, lon)")
            base = iter(queries)
            _, base_p95 = percentiles(lambda: bbox_0002_ids(store, next(base)), base_n)
            ddl(store, "DROP INDEX ix_events_lat_lon_bench")
            base_label = "0002"
        elif "actor" in label:
            base = iter(queries)
            _, base_p95 = percentiles(lambda: newest_page(store, next(base), planned=False), base_n)
            base_label = "0003"
        else:
            base = iter(queries)
            _, base_p95 = percentiles(lambda: baseline_ids(store, next(base)), base_n)
            base_label = "0001"
        print(f"{label:22} {page_p50:7.1f}ms {page_p95:7.1f}ms {newest_p95:9.1f}ms {ids_p95:7.1f}ms {count_p95:8.1f}ms "
              f"{rows:7.0f} {base_p95:7.1f}ms {base_p95 / newest_p95:5.1f}x (vs {base_label})", flush=True)


def ddl(store: Store, statement: str) -> None:
    """The 0002 index for the baseline (raw DDL: an `Index` object would join strife's metadata), then fresh statistics."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql(statement)
    analyse(store)


def analyse(store: Store) -> None:
    """Planner statistics, as a database in use has them (PostgreSQL autovacuum, `strife db` on SQLite)."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def bench_backend(name: str, url: str, world: World, args) -> None:
    print(f"\n== {name}: {args.events:,} events -> {url} (load average {load_average()}, {os.cpu_count()} CPUs)", flush=True)
    with Store(url) as store:
        clock = bulk_load(store, world, args.events, args.batch)
        print(f"bulk ingest (add_many, {args.batch} articles a transaction): {args.events / clock.wall:,.0f} events/s wall, "
              f"{args.events / clock.cpu:,.0f} events/s of this process's CPU ({clock.wall:,.0f} s)", flush=True)
        rates = write_rates(store, world)
        per_article = rates["one transaction per article"]
        for label, rate in rates.items():
            print(f"{label}: {rate:,.0f} events/s ({rate / per_article:.1f}x one per article)", flush=True)
        analyse(store)
        print(f"stored: {store.counts()}; load average {load_average()}", flush=True)
        time_queries(store, world, args)
        print(f"load average {load_average()}", flush=True)


def durable_server_class():
    """The test suite's throwaway server, started with durable settings (fsync, synchronous commit
    and full page writes on: what a real server runs, so write rates are not flattered)."""
    from tests.conftest_pg import START_TIMEOUT_S, PostgresServer

    class DurablePostgresServer(PostgresServer):
        def start(self) -> None:
            if self.as_user:
                import shutil

                shutil.chown(self.data_dir, user=self.as_user)
            cluster = self.data_dir / "cluster"
            self._run("initdb", "-D", str(cluster), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale")
            options = f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1 -c max_wal_size=4GB"
            self._run("pg_ctl", "-D", str(cluster), "-o", options, "-l", str(self.data_dir / "server.log"),
                      "-w", "-t", str(START_TIMEOUT_S), "start")

    return DurablePostgresServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500, help="articles per add_many transaction")
    parser.add_argument("--repeat", type=int, default=200, help="instances per query kind")
    parser.add_argument("--page", type=int, default=100, help="rows in a first page")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--sqlite", help="SQLite file (default: a temporary one)")
    parser.add_argument("--pg", help="PostgreSQL URL (default: a throwaway server, as the tests start)")
    args = parser.parse_args()
    world = World()
    with tempfile.TemporaryDirectory(prefix="strife-bench-") as tmp:
        if "sqlite" in args.backends:
            bench_backend("sqlite", f"sqlite:///{args.sqlite or Path(tmp) / 'bench.db'}", world, args)
        if "postgresql" in args.backends:
            if args.pg:
                bench_backend("postgresql", args.pg, world, args)
            else:
                from tests.conftest_pg import create_database, find_pg_bin

                server = durable_server_class()(find_pg_bin())
                server.start()
                try:
                    bench_backend("postgresql", create_database(server, "strife_bench"), world, args)
                finally:
                    server.stop()


if __name__ == "__main__":
    main()
