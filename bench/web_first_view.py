"""Browser bench of the web page: how long until the first map view is ready, with 100,000 events.

    python bench/web_first_view.py                              # 100k events (a temporary database)
    python bench/web_first_view.py --db /tmp/api100k.db         # reuse bench/api_load.py's database
    python bench/web_first_view.py --events 20000 --repeat 3    # quicker

Builds the database with bench/api_load.py's generator (towns, ACLED-like mix, quads, confidences),
starts a real `strife serve` on 127.0.0.1 and opens the page in Debian's Chromium (Playwright, as
the browser tests do), each time in a fresh browser context (cold cache). "Ready" is the moment
every marker of the first map view is clustered and drawn (the page's `strife:map-drawn`
performance mark; the list and timeline load alongside). Reported: median and worst of --repeat
loads, split into the time until the map's data arrived (`strife:map-data`) and the drawing.

Baseline, timed in this process: the same page over a database of --baseline-events (1,000)
built the same way: ratio = 100k median / baseline median, the cost of the size alone.
Loopback only; the machine's load matters (say "busy machine" next to figures from a shared one).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api_load import build_database, serve

from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP

READY = "() => performance.getEntriesByName('strife:map-drawn').length > 0"
MARKS = """() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    return {data: at('strife:map-data'), drawn: at('strife:map-drawn'),
            markers: document.querySelectorAll('.leaflet-marker-icon').length,
            onMap: strife.clusters.getLayers().length};
}"""


def first_views(base: str, repeat: int) -> list[dict]:
    """Timings (ms since navigation start) of `repeat` cold loads of the page."""
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(repeat):
            context = browser.new_context(viewport=DESKTOP)
            page = context.new_page()
            page.goto(base + "/")
            page.wait_for_function(READY, timeout=120_000)
            runs.append(page.evaluate(MARKS))
            context.close()
        browser.close()
    return runs


def measure(db: Path, n_events: int, repeat: int) -> list[dict]:
    _, built = build_database(db, n_events)
    if built:
        print(f"  stored {n_events:,} events in {built:,.0f} s", flush=True)
    process, base = serve(db)
    try:
        first_views(base, 1)  # warm the server's caches and the OS page cache, as a running server has them
        return first_views(base, repeat)
    finally:
        process.terminate()
        process.wait(timeout=15)


def report(label: str, runs: list[dict]) -> float:
    drawn = [r["drawn"] for r in runs]
    data = [r["data"] for r in runs]
    median = statistics.median(drawn)
    print(f"{label}: first map view ready in {median:,.0f} ms median, {max(drawn):,.0f} ms worst "
          f"(data in {statistics.median(data):,.0f} ms, drawing {median - statistics.median(data):,.0f} ms); "
          f"{runs[-1]['onMap']:,} events on the map, {runs[-1]['markers']:,} markers and clusters drawn", flush=True)
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--baseline-events", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="database file for --events (reused when it holds that many)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="strife-web-bench-") as tmp:
        baseline = report(f"baseline, {args.baseline_events:,} events",
                          measure(Path(tmp) / "baseline.db", args.baseline_events, args.repeat))
        large = report(f"{args.events:,} events", measure(args.db or Path(tmp) / "large.db", args.events, args.repeat))
    print(f"ratio {args.events:,} / {args.baseline_events:,} events: {large / baseline:.1f}x", flush=True)


if __name__ == "__main__":
    main()
