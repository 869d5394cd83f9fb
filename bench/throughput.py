"""Throughput of strife against bare spaCy, and of the Dask engine against the local one.

One command, every figure a ratio measured in this run on the same texts:

1. pipeline: strife (parse + stages + storing into SQLite in batches, as `strife ingest` does)
   against bare spaCy parsing of the same texts with the same model and batch size, in one
   process; the two alternate chunk by chunk so a neighbour's load on the machine hits both
   alike. Aim: ratio >= 0.8. `cpu_ratio` is the same ratio of CPU seconds (`process_time`),
   which a neighbour's load changes less than the clock.
2. scale: the Dask engine with 2 workers (LocalCluster, 1 thread each) against the local engine
   in 1 process on the same batches, both coding and storing into SQLite, models and caches
   warmed on the same texts outside the timings, checking both give identical records; with
   the CPU seconds of every process, which other load on the machine changes less than the
   clock. Aim: >= 1.8x.
3. memory: peak RSS of each Dask worker after the run. Aim: < 600 MB.
4. n_process: spaCy's own multiprocessing (bare parsing, n_process=2 against 1), to show whether
   the local engine would gain from it on this machine.

    python bench/throughput.py                 # 2,000 articles (over 10 minutes on 2 cores)
    python bench/throughput.py --n 300 --scale-n 120 --json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402  (bench/corpus.py, beside this file)

BATCH_SIZE = 16


def _words(articles) -> int:
    return sum(len(a.text.split()) for a in articles)


def _warm(engine) -> None:
    """Load what stages load on first use (gazetteer, dictionaries), outside the timings."""
    from strife.model import Article

    engine.code(Article(text="Rebels shelled a village near Aleppo on Monday, killing three civilians, officials said."))


def pipeline_vs_spacy(articles, chunk: int = 100) -> dict:
    """Bare spaCy and full strife with storage, alternating chunk by chunk."""
    import spacy

    from strife.engine import LocalEngine
    from strife.pipeline import model_name
    from strife.store import Store

    bare = spacy.load(model_name())
    engine = LocalEngine(batch_size=BATCH_SIZE)
    _warm(engine)
    list(bare.pipe([a.text for a in articles[:8]]))
    seconds = {"spacy": 0.0, "strife": 0.0, "store": 0.0}
    cpu = {"spacy": 0.0, "strife": 0.0}
    events = 0
    with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "bench.db")) as store:
        for number, start in enumerate(range(0, len(articles), chunk)):
            part = articles[start:start + chunk]
            runs = [("spacy", lambda: _parse(bare, part)), ("strife", lambda: _code_and_store(engine, store, part, seconds))]
            for name, run in (runs if number % 2 == 0 else runs[::-1]):
                began, began_cpu = time.perf_counter(), time.process_time()
                found = run()
                seconds[name] += time.perf_counter() - began
                cpu[name] += time.process_time() - began_cpu
                events += found if name == "strife" else 0
    words = _words(articles)
    return {
        "articles": len(articles), "words": words, "events": events,
        "spacy_articles_per_s": round(len(articles) / seconds["spacy"], 2),
        "spacy_words_per_s": round(words / seconds["spacy"]),
        "strife_articles_per_s": round(len(articles) / seconds["strife"], 2),
        "strife_words_per_s": round(words / seconds["strife"]),
        "store_share": round(seconds["store"] / seconds["strife"], 3),
        "ratio": round(seconds["spacy"] / seconds["strife"], 3),
        "ratio_without_store": round(seconds["spacy"] / (seconds["strife"] - seconds["store"]), 3),
        "cpu_ratio": round(cpu["spacy"] / cpu["strife"], 3),
    }


def _parse(nlp, articles) -> int:
    for _ in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE):
        pass
    return 0


def _code_and_store(engine, store, articles, seconds: dict, results: Optional[list] = None) -> int:
    """Code and store as `strife ingest` does: results stream into a `BatchWriter` (one
    transaction per 50 articles), written in full by the end of the chunk. `results` collects
    the coded records, when given."""
    from strife.store import BatchWriter

    stored = []
    with BatchWriter(store) as writer:
        for outcome in engine.run(articles):
            if results is not None:
                results.append(outcome.result)
            began = time.perf_counter()
            stored += writer.add(outcome.result, outcome.article.text, outcome.article.origin)
            seconds["store"] += time.perf_counter() - began
        began = time.perf_counter()
        stored += writer.flush()
        seconds["store"] += time.perf_counter() - began
    return sum(done.n_events for done in stored)


def dask_vs_local(articles, workers: int = 2, repeat: int = 2) -> dict:
    """The same articles coded and stored into SQLite by the local engine (1 process) and the Dask
    engine (`workers`), as `strife ingest` does.

    `articles` holds `repeat + 1` sets: both engines first code the warm-up set (models, gazetteer
    and per-word caches loaded outside the timings, on the same texts for both), then each timed
    set once, the order alternating so that a neighbour's load hits both alike. No text is coded
    twice by an engine, so neither profits from caches of texts it has already seen. Wall-clock
    speed-up, and the CPU seconds of every process (robust to other load on the machine).
    """
    from distributed import get_task_stream

    from strife.engine import DaskEngine, LocalEngine
    from strife.store import Store

    size = len(articles) // (repeat + 1)
    warm_up, rounds = articles[:size], [articles[size * (r + 1):size * (r + 2)] for r in range(repeat)]
    local = LocalEngine(batch_size=BATCH_SIZE)
    began = time.perf_counter()
    dask = DaskEngine(batch_size=BATCH_SIZE, workers=workers)
    startup = time.perf_counter() - began
    seconds = {"local": 0.0, "dask": 0.0}
    cpu = {"local": 0.0, "dask_client": 0.0, "dask_workers": {}}
    identical, tail_idle = True, []
    try:
        with tempfile.TemporaryDirectory() as folder:
            stores = {name: Store(str(Path(folder) / f"{name}.db")) for name in ("local", "dask")}
            for engine, store in ((local, stores["local"]), (dask, stores["dask"])):
                _code_and_store(engine, store, warm_up, {"store": 0.0})
            for number, part in enumerate(rounds):
                results: dict[str, list] = {}
                order = ("local", "dask") if number % 2 == 0 else ("dask", "local")
                for name in order:
                    engine = local if name == "local" else dask
                    workers_before = dask.client.run(time.process_time) if name == "dask" else {}
                    began, began_cpu = time.perf_counter(), time.process_time()
                    with get_task_stream(client=dask.client) if name == "dask" else contextlib.nullcontext() as stream:
                        results[name] = []
                        _code_and_store(engine, stores[name], part, {"store": 0.0}, results[name])
                    seconds[name] += time.perf_counter() - began
                    cpu["local" if name == "local" else "dask_client"] += time.process_time() - began_cpu
                    if name == "dask":
                        for address, after in dask.client.run(time.process_time).items():
                            cpu["dask_workers"][address] = cpu["dask_workers"].get(address, 0.0) + after - workers_before[address]
                        tail_idle.append(_tail_idle(stream.data))
                identical = identical and results["local"] == results["dask"]
            for store in stores.values():
                store.close()
        rss = dask.client.run(_peak_rss_mb)
    finally:
        dask.close()
    n = repeat * size
    worker_cpu = sorted(cpu["dask_workers"].values())
    return {
        "articles": size, "workers": workers, "repeat": repeat, "stored": "SQLite, BatchWriter (50 a transaction)",
        "local_articles_per_s": round(n / seconds["local"], 2),
        "dask_articles_per_s": round(n / seconds["dask"], 2),
        "speedup": round(seconds["local"] / seconds["dask"], 3),
        "cpu_s": {"local": round(cpu["local"], 2), "dask_client_and_scheduler": round(cpu["dask_client"], 2),
                  "dask_workers": [round(v, 2) for v in worker_cpu]},
        # local CPU over all CPU the Dask run used: the speed-up two idle cores would allow, before waits
        "cpu_efficiency": round(cpu["local"] / (cpu["dask_client"] + sum(worker_cpu)), 3),
        "worker_busy": round(sum(worker_cpu) / (workers * seconds["dask"]), 3),
        "tail_idle_s": [round(t, 2) for t in tail_idle],
        "dask_startup_s": round(startup, 2),
        "identical_records": identical,
        "worker_peak_rss_mb": sorted(round(v) for v in rss.values()),
        "local_process_peak_rss_mb": round(_peak_rss_mb()),
    }


def _tail_idle(tasks: list[dict]) -> float:
    """Seconds between the first and the last worker finishing its last batch (0 with one worker)."""
    last: dict[str, float] = {}
    for task in tasks:
        for step in task["startstops"]:
            if step["action"] == "compute":
                last[task["worker"]] = max(last.get(task["worker"], 0.0), step["stop"])
    return max(last.values()) - min(last.values()) if last else 0.0


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def spacy_n_process(articles) -> dict:
    """Bare spaCy with n_process=2 against n_process=1 (start-up of the second process included)."""
    import spacy

    from strife.pipeline import model_name

    nlp = spacy.load(model_name())
    list(nlp.pipe([a.text for a in articles[:8]]))
    texts = [a.text for a in articles]
    seconds = {}
    for n in (1, 2):
        began = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n):
            pass
        seconds[n] = time.perf_counter() - began
    return {"articles": len(articles), "speedup_n_process_2": round(seconds[1] / seconds[2], 3)}


def machine() -> dict:
    return {"date": time.strftime("%Y-%m-%d"), "python": platform.python_version(), "cpus": os.cpu_count(),
            "cpu": _cpu_name(), "load_average_1m": round(os.getloadavg()[0], 2)}


def _cpu_name() -> Optional[str]:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles for the pipeline ratio (default 2000)")
    parser.add_argument("--scale-n", type=int, default=400, help="articles per set for Dask against local: a warm-up set and two timed sets (default 400)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip", action="append", default=[], choices=["pipeline", "scale", "n_process"])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    missing = corpus.shared_missing()
    if missing:
        print(f"throughput: {missing}", file=sys.stderr)
        return 2
    articles = corpus.articles(max(args.n, 3 * args.scale_n))  # scale: a warm-up set and two timed sets
    report = {"machine": machine(), "corpus": corpus.describe([{"text": a.text} for a in articles[:args.n]])}
    if "pipeline" not in args.skip:
        report["pipeline"] = pipeline_vs_spacy(articles[:args.n])
    if "scale" not in args.skip:
        report["scale"] = dask_vs_local(articles[:3 * args.scale_n], args.workers)
    if "n_process" not in args.skip:
        report["n_process"] = spacy_n_process(articles[:min(200, args.scale_n)])
    report["machine"]["load_average_1m_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
