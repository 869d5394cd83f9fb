"""Load bench for the HTTP API: 100,000 stored events, a real `strife serve` on 127.0.0.1, many clients.

    python bench/api_load.py                               # 100k events, 20 clients, then 50 for 60 s
    python bench/api_load.py --events 20000 --seconds 20   # quicker
    python bench/api_load.py --db /tmp/api100k.db          # keep (and reuse) the database

Events come from `bench/store_scale.py`'s generator (towns from the gazetteer, ACLED-like type mix,
Zipf actors, five years), each given its PLOVER quad, an ACLED type and a spread of confidences, so
every filter of the API has something realistic to select. Then, against the served API:

(a) 20 concurrent clients, --requests mixed /api/events queries (first pages with country, type,
    30-day windows, boxes, actors, quad, ACLED type, confidence, evidence text, deeper pages):
    p50/p95/max and errors; CPU per request of the server and of the clients. Baseline, timed in
    this process on the same database: the same queries in the same order as library calls
    (`strife.api.reads.event_page_json`, what the endpoint calls, with a `QueryCache` as the
    server keeps), one at a time:
    ratio = HTTP p50 / library p50 (the cost of HTTP, JSON and sharing two cores between 20
    clients), and server CPU per request / library CPU per call (what HTTP, FastAPI and the page's
    JSON add to the same reads, whatever else the machine runs).
(b) time to first map: GET /, /api/stats and /api/events?format=geojson&compact=1&limit=10000 in
    turn, as the page starts: total ms (first try as soon as the server answers, before (a); then
    the median of 5 after it).
(c) issue 13's load test: --load-clients (50) clients for --seconds (60): requests served, errors,
    p50/p95 per 10 s window (stable latency means the windows agree).
Also timed in this process: a page of 100 events served from the stored JSON as is (what the API
does) versus parsed into `Event` models and dumped again (the obvious way): ratio = parsed / raw.

Loopback only; the machine's load matters (say "busy machine" next to figures from a shared one).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import itertools
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Optional

import httpx
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from store_scale import DAYS, START, World, generate

from strife.api import reads
from strife.model import Event
from strife.ontology import load_ontology
from strife.store import EventQuery, Store, articles, events

ACLED_OF = {  # PLOVER type -> a typical ACLED (event type, sub-event type)
    "ASSAULT": ("Violence against civilians", "Attack"), "FIGHT": ("Battles", "Armed clash"),
    "PROTEST": ("Protests", "Peaceful protest"), "COERCE": ("Strategic developments", "Arrests"),
    "MOBILIZE": ("Strategic developments", "Headquarters or base established"),
}
MAP_LIMIT = 10_000
WINDOW_S = 10


def enriched(world: World, n_events: int):
    """The store bench's articles with quad, ACLED type and a spread of confidences filled in."""
    onto, rng = load_ontology(), random.Random(5)
    for result, text, origin in generate(world, n_events):
        for ev in result.events:
            ev.quad = onto.quad(ev.event_type)
            ev.acled_event_type, ev.acled_sub_event_type = ACLED_OF.get(ev.event_type, (None, None))
            ev.confidence = round(rng.uniform(0.3, 0.95), 2)
        yield result, text, origin


def build_database(path: Path, n_events: int) -> tuple[World, float]:
    """Store n_events (reusing a file that already holds them); returns the world and seconds taken."""
    world = World()
    if path.exists():
        with Store(str(path), upgrade=True) as store:  # an older bench's file gets today's indexes
            if store.counts()["events"] == n_events:
                return world, 0.0
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(str(path)) as store:
        items = enriched(world, n_events)
        while chunk := list(itertools.islice(items, 500)):
            store.add_many(chunk)
    return world, time.perf_counter() - started


def query_params(world: World, rng: random.Random) -> dict:
    """One /api/events query string as an analyst or the page sends it."""
    def window() -> dict:
        since = START + dt.timedelta(days=rng.randrange(DAYS - 30))
        return {"since": since.isoformat(), "until": (since + dt.timedelta(days=30)).isoformat()}

    iso = world.country(rng)
    town = world.town(rng, iso)
    kind = rng.choice(["country+type+30d", "bbox+30d", "actor", "quad+country", "acled+30d", "confidence", "text",
                       "page", "country", "nothing"])
    if kind == "country+type+30d":
        return {"country": iso, "type": rng.choice(["ASSAULT", "FIGHT", "PROTEST"]), **window()}
    if kind == "bbox+30d":
        lat, lon = town[2], town[3]
        return {"bbox": f"{lon - 0.5:.3f},{lat - 0.5:.3f},{lon + 0.5:.3f},{lat + 0.5:.3f}", **window()}
    if kind == "actor":
        return {"actor": world.two_actors(rng, iso)[0].split(" of ")[0]}
    if kind == "quad+country":
        return {"quad": rng.choice(["MATCON", "VERBCON", "VERBCOOP"]), "country": iso}
    if kind == "acled+30d":
        return {"acled_type": rng.choice(["Battles", "Protests"]), **window()}
    if kind == "confidence":
        return {"min_confidence": 0.9, "country": iso}
    if kind == "text":
        return {"q": town[0], **window()}
    if kind == "page":
        return {"offset": rng.choice([100, 500, 2000])}
    if kind == "country":
        return {"country": iso}
    return {}


def library_query(params: dict, actors: reads.ActorIndex, store: Store) -> EventQuery:
    """The EventQuery the API builds from these parameters (same mapping as `strife.api.app.event_query`)."""
    from strife.api.app import QUAD_CODES, parse_bbox

    return EventQuery(
        country=params.get("country"), event_type=params.get("type"), quad=QUAD_CODES.get(params.get("quad", ""), None),
        acled_event_type=params.get("acled_type"), actor=params.get("actor"), text=params.get("q"),
        since=dt.date.fromisoformat(params["since"]) if "since" in params else None,
        until=dt.date.fromisoformat(params["until"]) if "until" in params else None,
        bbox=parse_bbox(params["bbox"]) if "bbox" in params else None, min_confidence=params.get("min_confidence"),
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: Path, workers: int = 1, threads: Optional[int] = None) -> tuple[subprocess.Popen, str]:
    strife = shutil.which("strife", path=str(Path(sys.executable).parent)) or "strife"
    port = free_port()
    command = [strife, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command + (["--threads", str(threads)] if threads else []), stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"strife serve did not start: {process.stderr.read() if process.stderr else ''}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process and its live children (the --workers) have used (Linux
    /proc), to cost requests on a shared machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") + sum(cpu_seconds(int(c)) for c in children)


def timed_get(http: httpx.Client, path: str, params: dict) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        answer = http.get(path, params=params)
        ok = answer.status_code == 200
        answer.read()
    except httpx.HTTPError:
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def query_kind(params: dict) -> str:
    """The filters a query string uses ('country+type', 'nothing'), dates left out."""
    return "+".join(sorted(name for name in params if name not in ("since", "until"))) or "nothing"


def concurrent_requests(base: str, plans: list[list[dict]]) -> tuple[list[float], int, dict[str, list[float]]]:
    """Each plan on its own client thread; (latencies ms, errors, latencies per query kind)."""
    def run(plan: list[dict]) -> list[tuple[float, bool, str]]:
        with httpx.Client(base_url=base, timeout=60) as http:
            return [(*timed_get(http, "/api/events", params), query_kind(params)) for params in plan]

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(plans)) as pool:
        results = [item for done in pool.map(run, plans) for item in done]
    per_kind: dict[str, list[float]] = {}
    for ms, _, kind in results:
        per_kind.setdefault(kind, []).append(ms)
    return [ms for ms, _, _ in results], sum(1 for _, ok, _ in results if not ok), per_kind


def first_map(base: str) -> float:
    """ms for what the page asks before it can draw the map: the page, the stats, the compact layer."""
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=60) as http:
        http.get("/")  # 503 until the web page is built; its cost is counted either way
        for path, params in (("/api/stats", {}), ("/api/events", {"format": "geojson", "compact": 1, "limit": MAP_LIMIT})):
            answer = http.get(path, params=params)
            answer.raise_for_status()
    return (time.perf_counter() - started) * 1000


def sustained(base: str, world: World, clients: int, seconds: float) -> list[tuple[int, int, float, float]]:
    """clients hammering /api/events for `seconds`: per window (served, errors, p50, p95)."""
    start = time.perf_counter()
    stop = start + seconds
    records: list[tuple[float, float, bool]] = []
    lock = threading.Lock()

    def run(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=60) as http:
            while time.perf_counter() < stop:
                ms, ok = timed_get(http, "/api/events", query_params(world, rng))
                with lock:
                    records.append((time.perf_counter() - start, ms, ok))

    threads = [threading.Thread(target=run, args=(seed,)) for seed in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    windows = []
    for first in range(0, int(seconds), WINDOW_S):
        inside = [(ms, ok) for at, ms, ok in records if first <= at < first + WINDOW_S]
        latencies = [ms for ms, _ in inside]
        windows.append((len(inside), sum(1 for _, ok in inside if not ok), pct(latencies, 0.5), pct(latencies, 0.95)))
    return windows


def serialisation_ratio(store: Store, repeat: int = 50) -> tuple[float, float]:
    """ms for a page of 100 events read from the database: stored JSON as is with the article's
    fields written in (the API) vs parsed into Event and dumped again with them (the obvious way)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.record, *reads.ARTICLE_REF_COLUMNS).join(articles).limit(100)).all()

    def raw() -> str:
        return ",".join(reads.EventRow(record, reads.article_ref_json(*article)).item_json() for record, *article in rows)

    def parsed() -> str:
        return json.dumps([{**Event.model_validate_json(row.record).model_dump(mode="json"),
                            "article": reads.article_ref(row)} for row in rows], ensure_ascii=False)

    def best(run: Callable[[], object]) -> float:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    return best(raw), best(parsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse (default: a temporary one)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="total requests of part (a)")
    parser.add_argument("--load-clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0, help="duration of part (c); 0 skips it")
    parser.add_argument("--workers", type=int, default=1, help="strife serve --workers")
    parser.add_argument("--threads", type=int, help="strife serve --threads (default: its own)")
    args = parser.parse_args()
    workdir = None if args.db else Path(tempfile.mkdtemp(prefix="strife-api-load-"))
    db = args.db or workdir / "api.db"
    print(f"strife API load bench, {dt.date.today()}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} at start")
    world, seconds = build_database(db, args.events)
    print(f"database: {args.events:,} events in {db}" + (f" (built in {seconds:.0f} s)" if seconds else " (reused)"))
    rng = random.Random(9)
    plans = [[query_params(world, rng) for _ in range(args.requests // args.clients)] for _ in range(args.clients)]

    with Store(str(db)) as store:
        actors = reads.ActorIndex()
        library, library_cpu, cache = [], time.process_time(), reads.QueryCache()
        for params in [p for plan in plans for p in plan]:
            started = time.perf_counter()
            reads.event_page_json(store, library_query(params, actors, store), 100, params.get("offset", 0), cache=cache)
            library.append((time.perf_counter() - started) * 1000)
        library_cpu = (time.process_time() - library_cpu) * 1000 / len(library)
        raw_ms, parsed_ms = serialisation_ratio(store)
    process, base = serve(db, args.workers, args.threads)
    print(f"server: strife serve --workers {args.workers}" + (f" --threads {args.threads}" if args.threads else ""))
    try:
        first = first_map(base)  # as a visitor who opens the page just after the server started
        server_cpu, client_cpu, started = cpu_seconds(process.pid), time.process_time(), time.perf_counter()
        latencies, errors, per_kind = concurrent_requests(base, plans)
        wall = time.perf_counter() - started
        server_cpu, client_cpu = cpu_seconds(process.pid) - server_cpu, time.process_time() - client_cpu
        http_p50 = pct(latencies, 0.5)
        print(f"(a) {args.clients} clients, {len(latencies):,} /api/events requests in {wall:.1f} s "
              f"({len(latencies) / wall:.0f}/s): p50 {http_p50:.1f} ms, "
              f"p95 {pct(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms, errors {errors}")
        server_ms = server_cpu * 1000 / len(latencies)
        print(f"    CPU per request: server {server_ms:.2f} ms, "
              f"clients (this process) {client_cpu * 1000 / len(latencies):.2f} ms; the clients used "
              f"{client_cpu / wall:.2f} of a core, the server {server_cpu / wall:.2f}")
        print(f"    CPU per request, server / library call ({library_cpu:.2f} ms) = {server_ms / library_cpu:.2f}x")
        print("    per query kind, p50 / p95 ms: " + ", ".join(
            f"{kind} {pct(values, 0.5):.0f}/{pct(values, 0.95):.0f}" for kind, values in sorted(per_kind.items())))
        print(f"    baseline, the same queries as library calls one at a time: p50 {pct(library, 0.5):.1f} ms, "
              f"p95 {pct(library, 0.95):.1f} ms; ratio HTTP p50 / library p50 = {http_p50 / pct(library, 0.5):.1f}x")
        print(f"    a page of 100 events: stored JSON as is {raw_ms:.2f} ms vs parsed and dumped {parsed_ms:.2f} ms "
              f"({parsed_ms / raw_ms:.0f}x)")
        maps = [first, *(first_map(base) for _ in range(5))]
        with httpx.Client(base_url=base, timeout=60) as http:
            layer = http.get("/api/events", params={"format": "geojson", "compact": 1, "limit": MAP_LIMIT})
        print(f"(b) time to first map (page + stats + {MAP_LIMIT:,}-event compact GeoJSON, "
              f"{len(layer.content) / 1e6:.1f} MB): first {maps[0]:.0f} ms, median of 5 more {statistics.median(maps[1:]):.0f} ms")
        if args.seconds > 0:
            windows = sustained(base, world, args.load_clients, args.seconds)
            served, failed = sum(w[0] for w in windows), sum(w[1] for w in windows)
            print(f"(c) {args.load_clients} clients for {args.seconds:.0f} s: {served:,} requests served "
                  f"({served / args.seconds:.0f}/s), {failed} errors")
            for number, (n, bad, p50, p95) in enumerate(windows):
                print(f"    {number * WINDOW_S:>3}-{(number + 1) * WINDOW_S:<3} s: {n:>6,} requests, {bad} errors, "
                      f"p50 {p50:6.1f} ms, p95 {p95:6.1f} ms")
    finally:
        process.terminate()
        process.wait(timeout=30)
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"load average at end {os.getloadavg()[0]:.1f} (busy machine: other processes share the 2 cores)")


if __name__ == "__main__":
    main()
