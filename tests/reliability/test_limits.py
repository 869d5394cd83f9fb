"""Per-article limits: a pathological article cannot stall a batch, and memory stays bounded.

The time budget (`max_seconds`) is checked between strife's stages and, in the main thread,
interrupts a stage that runs over; the article is then rejected ("limit") and the batch goes on.
A stage that never returns is the worst case, so the tests add one to a real pipeline, the way a
user adds a component of their own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from strife.engine import Coded, LocalEngine, make_engine
from strife.ingest import InputProblem
from strife.model import Article
from strife.pipeline import load_pipeline, stage
from tests.reliability.badinputs import report
from tests.test_cli import STRIFE


@stage("reliability_stall")
def stall_stage(doc, state) -> None:
    """Spins without end on an article asking for it ('STALL'), sleeps on 'SLOW', else does nothing."""
    if "STALL" in doc.text:
        while True:
            pass
    if "SLOW" in doc.text:
        time.sleep(1.5)


@pytest.fixture(scope="module")
def stalling_nlp():
    nlp = load_pipeline()
    nlp.add_pipe("reliability_stall", after="strife_places")
    return nlp


def test_a_stage_that_never_returns_is_interrupted_and_the_batch_goes_on(stalling_nlp):
    engine = LocalEngine(nlp=stalling_nlp, max_seconds=1)
    articles = [Article(text=report(1)), Article(text=f"STALL {report(2)}", origin="stall.txt"), Article(text=report(3))]
    outcomes = list(engine.run(articles))
    assert [type(o) for o in outcomes] == [Coded, InputProblem, Coded]
    problem = outcomes[1]
    assert problem.origin == "stall.txt" and problem.stage == "limit" and problem.fatal
    assert problem.message.startswith("time limit exceeded (1 s per article) in reliability_stall")
    assert all(o.result.events for o in (outcomes[0], outcomes[2]))


def test_outside_the_main_thread_the_budget_is_checked_between_stages(stalling_nlp):
    engine = LocalEngine(nlp=stalling_nlp, max_seconds=1)
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(engine.run([Article(text=f"SLOW {report(4)}"),
                                                                      Article(text=report(5))])))
    worker.start()
    worker.join(timeout=120)
    assert [type(o) for o in found] == [InputProblem, Coded]
    assert found[0].message.startswith("time limit exceeded (1 s per article) before strife_dates")  # the next stage


def test_no_budget_means_no_limit(stalling_nlp):
    (outcome,) = LocalEngine(nlp=stalling_nlp, max_seconds=None).run([Article(text=f"SLOW {report(6)}")])
    assert isinstance(outcome, Coded) and outcome.result.events


def test_the_timer_is_disarmed_after_each_article(stalling_nlp):
    """No alarm may go off later, outside strife (it would kill the caller)."""
    import signal

    LocalEngine(nlp=stalling_nlp, max_seconds=5).code(Article(text=report(7)))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None, signal.default_int_handler)


def test_limits_are_checked_when_an_engine_is_made():
    with pytest.raises(ValueError, match="max_chars"):
        make_engine("local", max_chars=0)
    with pytest.raises(ValueError, match="max_seconds"):
        make_engine("local", max_seconds=-1)


PEAK_RSS = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.stdout.strip().splitlines()[-1])
"""


def peak_rss_kb(args: list[str]) -> tuple[int, int, dict]:
    """Exit code, peak RSS (KB) and JSON summary of one `strife` run in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "STRIFE_DB"}
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, STRIFE, *args], capture_output=True, text=True, env=env,
                         timeout=1200).stdout.split(maxsplit=2)
    return int(out[0]), int(out[1]), json.loads(out[2])


def write_batch(path: Path, good: int, huge_lines: int, line_chars: int = 1_000_000) -> int:
    """`good` short reports, then `huge_lines` articles of `line_chars` characters each; returns bytes."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(good):
            handle.write(json.dumps({"id": f"g{n}", "text": report(n)}) + "\n")
        filler = (report(0) + " ") * (line_chars // (len(report(0)) + 1))
        for n in range(huge_lines):
            handle.write(json.dumps({"id": f"h{n}", "text": f"{n} {filler}"}) + "\n")
    return path.stat().st_size


@pytest.mark.slow
def test_memory_stays_bounded_on_a_huge_jsonl(tmp_path):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    write_batch(small, good=20, huge_lines=2)
    size = write_batch(large, good=20, huge_lines=250)  # 250 MB of articles over the size limit
    base = ["ingest", "--json", "--max-chars", "200000"]
    rc_small, rss_small, summary_small = peak_rss_kb([*base, str(small), "--db", str(tmp_path / "s.db")])
    rc_large, rss_large, summary_large = peak_rss_kb([*base, str(large), "--db", str(tmp_path / "l.db")])
    assert rc_small == rc_large == 1
    assert summary_small["stored"] == summary_large["stored"] == 20
    assert summary_large["rejected"] == 250
    growth_mb = (rss_large - rss_small) / 1024
    assert growth_mb < size / 1e6 / 4, (rss_small, rss_large, size)  # a reader that held the file would grow by its size
