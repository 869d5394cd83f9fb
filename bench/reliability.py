"""Reliability figures for bench/RESULTS.md: bad inputs tried and rejected (with reasons), crashes
survived, fuzz examples run, a stalled article bounded by the time budget, memory on a huge input.

Everything runs the real `strife` command in fresh processes on generated inputs in a temporary
folder (the bad-input corpus of tests/reliability/badinputs.py):

1. bad inputs: one `strife ingest --errors` over the corpus; inputs tried, articles stored, inputs
   rejected, how many rejections carry a reason, tracebacks (must be 0), exit code;
2. crashes: kill -9 `strife ingest` and `strife export` at random points, re-run, then check that
   nothing was lost or duplicated and `strife db check` passes;
3. fuzzing: the hypothesis targets of tests/reliability/test_fuzz.py with --examples each;
4. a stall: a batch of short reports with and without one pathological article (a single
   200 KB line of 1,500 reports, minutes of linking) under --max-seconds; wall-time ratio;
5. memory: peak RSS of `strife ingest` on a small and a 250 MB JSON Lines file.

    python bench/reliability.py                        # all of it, a few minutes on a busy machine
    python bench/reliability.py --crashes 3 --examples 300 --skip-memory
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.badinputs import report, write_bad_inputs  # noqa: E402
from tests.reliability.test_crash_export import fill_store  # noqa: E402
from tests.reliability.test_limits import peak_rss_kb, write_batch  # noqa: E402
from tests.test_cli import STRIFE  # noqa: E402
from tests.test_crash import assert_whole_and_unique, stored_articles, write_articles  # noqa: E402


from strife.engine import LocalEngine  # noqa: E402

BULK_ARTICLES = 3000


def run(*args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "STRIFE_DB"}
    return subprocess.run([STRIFE, *args], capture_output=True, text=True, timeout=timeout, env=env)


def bad_inputs(folder: Path, huge: bool) -> dict:
    cases = write_bad_inputs(folder / "bad", huge=huge)
    errors = folder / "errors.jsonl"
    shown = run("ingest", *(str(c.path) for c in cases), "--db", str(folder / "bad.db"), "--json", "--errors", str(errors))
    summary = json.loads(shown.stdout)
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    stages: dict[str, int] = {}
    for row in rows:
        stages[row["stage"]] = stages.get(row["stage"], 0) + 1
    return {
        "files": len(cases), "expected_articles": sum(c.coded for c in cases), "stored": summary["stored"],
        "rejected": summary["rejected"], "expected_rejections": sum(c.rejected for c in cases),
        "with_reason": sum(bool(row["error"]) for row in rows), "skipped_language": sum(summary["skipped"].values()),
        "warnings": summary["warnings"], "by_stage": stages, "tracebacks": shown.stderr.count("Traceback"),
        "exit_code": shown.returncode,
    }


def kill_when(command: list[str], ready, timeout: float = 600) -> bool:
    """Start `command` and kill -9 it as soon as `ready()` holds; False if it finished first."""
    env = {k: v for k, v in os.environ.items() if k != "STRIFE_DB"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None and not ready():
        time.sleep(0.02)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # renamed or removed since it was listed
        return 0


def crashes(folder: Path, rounds: int, rng: random.Random) -> dict:
    """kill -9 ingest `rounds` times and export `rounds` times; each followed by the checks."""
    n_articles = 20 * rounds + 20
    articles = write_articles(folder / "in", n=n_articles)
    db = f"sqlite:///{folder / 'crash.db'}"
    ingest = [STRIFE, "ingest", str(articles), "--db", db, "--published", "2020-05-09", "--json"]
    survived, killed = 0, 0
    for _ in range(rounds):  # each run is killed after storing 1-20 more articles, at a random one
        target = stored_articles(db) + rng.randint(1, 20)
        if kill_when(ingest, lambda target=target: stored_articles(db) >= target):
            killed += 1
            assert_whole_and_unique(db)
            survived += 1
    rerun = run(*ingest[1:])
    assert rerun.returncode == 0, rerun.stderr
    assert_whole_and_unique(db, n_articles)
    fill_store(db, LocalEngine(), BULK_ARTICLES)  # an export that takes seconds, to be killed in the middle of
    n_articles += BULK_ARTICLES
    exports, output = 0, folder / "events.csv"
    for _ in range(rounds):  # killed at a random size of its temporary file
        command = [STRIFE, "export", "--db", db, "-f", "acled-csv", "-o", str(output), "--all"]
        size = rng.randint(1, 400_000)
        if kill_when(command, lambda size=size: any(_size(p) >= size for p in folder.glob(".events.csv.*.partial"))):
            exports += 1
            assert not output.exists() or output.read_text(encoding="utf-8").count("\n") > 1
    final = run("export", "--db", db, "-f", "acled-csv", "-o", str(output), "--all", "--json")
    lines = output.read_text(encoding="utf-8").splitlines()
    ids = [line.split(",")[0] for line in lines[1:]]
    check = run("db", "check", "--db", db)
    return {"rounds": rounds, "ingest_kills": killed, "export_kills": exports, "survived": survived + exports,
            "articles_after_rerun": stored_articles(db), "expected_articles": n_articles,
            "exported_events": json.loads(final.stdout)["events"], "duplicate_rows": len(ids) - len(set(ids)),
            "db_check_exit": check.returncode}


def fuzz(examples: int) -> dict:
    env = {**os.environ, "STRIFE_FUZZ_EXAMPLES": str(examples)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore",
                           "--hypothesis-show-statistics", str(ROOT / "tests/reliability/test_fuzz.py")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=3600)
    runs = re.findall(r"(\d+) passing, (\d+) failing", done.stdout)  # one per phase of each target
    passing, failing = sum(int(p) for p, _ in runs), sum(int(f) for _, f in runs)
    targets = len(re.findall(r"^tests/reliability/test_fuzz\.py::\S+:$", done.stdout, re.MULTILINE))
    return {"targets": targets, "examples": passing + failing, "failing": failing,
            "seconds": round(time.perf_counter() - started, 1), "pytest_exit": done.returncode}


def stall(folder: Path, max_seconds: float) -> dict:
    """Wall time of a batch with and without one pathological article, under --max-seconds."""
    short, mixed = folder / "short", folder / "mixed"
    short.mkdir()
    mixed.mkdir()
    for n in range(20):
        for target in (short, mixed):
            (target / f"r{n:02d}.txt").write_text(report(n), encoding="utf-8")
    (mixed / "r10-pathological.txt").write_text(" ".join(report(n) for n in range(1500)), encoding="utf-8")
    timings = {}
    for name, target in (("baseline", short), ("with_stall", mixed)):
        started = time.perf_counter()
        shown = run("ingest", str(target), "--db", str(folder / f"{name}.db"), "--json", "--max-seconds", str(max_seconds))
        timings[name] = (time.perf_counter() - started, json.loads(shown.stdout), shown.returncode)
    return {"max_seconds": max_seconds, "baseline_s": round(timings["baseline"][0], 1),
            "with_stall_s": round(timings["with_stall"][0], 1),
            "ratio": round(timings["with_stall"][0] / timings["baseline"][0], 2),
            "stored_with_stall": timings["with_stall"][1]["stored"], "rejected_with_stall": timings["with_stall"][1]["rejected"]}


def memory(folder: Path) -> dict:
    small, large = folder / "small.jsonl", folder / "large.jsonl"
    write_batch(small, good=20, huge_lines=2)
    size = write_batch(large, good=20, huge_lines=250)
    base = ["ingest", "--json", "--max-chars", "200000"]
    _, rss_small, _ = peak_rss_kb([*base, str(small), "--db", str(folder / "s.db")])
    _, rss_large, summary = peak_rss_kb([*base, str(large), "--db", str(folder / "l.db")])
    return {"large_mb": round(size / 1e6), "peak_small_mb": round(rss_small / 1024), "peak_large_mb": round(rss_large / 1024),
            "ratio": round(rss_large / rss_small, 2), "stored": summary["stored"], "rejected": summary["rejected"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--crashes", type=int, default=5, help="kill -9 rounds for ingest and for export each")
    parser.add_argument("--examples", type=int, default=500, help="hypothesis examples per fuzz target")
    parser.add_argument("--huge", action="store_true", help="add the 50 MB single article to the corpus")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"# strife reliability, {dt.date.today()}, {platform.machine()} {os.cpu_count()} cores, "
          f"python {platform.python_version()} (busy machine: shared with other jobs)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print("bad inputs:", json.dumps(bad_inputs(folder, args.huge)))
        for part in ("crash", "stall"):
            (folder / part).mkdir()
        print("crashes:", json.dumps(crashes(folder / "crash", args.crashes, rng)))
        print("stall:", json.dumps(stall(folder / "stall", 5.0)))
        if not args.skip_memory:
            print("memory:", json.dumps(memory(folder)))
    print("fuzz:", json.dumps(fuzz(args.examples)))


if __name__ == "__main__":
    main()
