"""Code every gold case with the real pipeline, in batches, and score it.

    from strife.engine import LocalEngine
    from strife.evaluate import evaluate_file
    evaluation = evaluate_file("acled-2020-dev.csv", "acled", LocalEngine())
    for estimate in evaluation.metrics().values():
        print(estimate)
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional

from strife.engine import Coded, LocalEngine
from strife.evaluate.formats import GoldFile, read_gold
from strife.evaluate.halves import select_half
from strife.evaluate.metrics import DEFAULT_RESAMPLES, DEFAULT_SEED
from strife.evaluate.records import EvalCase
from strife.evaluate.score import Evaluation
from strife.ingest import InputProblem


def evaluate_cases(cases: Iterable[EvalCase], engine: LocalEngine, *, fmt: str = "", gold_path: str = "",
                   seed: int = DEFAULT_SEED, resamples: int = DEFAULT_RESAMPLES,
                   progress: Optional[Callable[[int], None]] = None) -> Evaluation:
    """Code each case's article (`engine.run`, batched, input order kept) and score its gold.

    A text the engine rejects scores as coded with no events (its gold events count as missed)
    and is listed in `problems`.
    """
    cases = list(cases)
    evaluation = Evaluation(format=fmt, gold_path=gold_path, seed=seed, resamples=resamples)
    for done, (case, outcome) in enumerate(zip(cases, engine.run(c.article for c in cases), strict=True), start=1):
        if isinstance(outcome, InputProblem):
            evaluation.problems.append(outcome)
            evaluation.add(case, None)
        else:
            assert isinstance(outcome, Coded)
            evaluation.add(case, outcome.result)
        if progress:
            progress(done)
    return evaluation


def evaluate_file(path: str | Path, fmt: str, engine: LocalEngine, *, text_path: str | Path | None = None,
                  published_from: Optional[str] = None, limit: Optional[int] = None, seed: int = DEFAULT_SEED,
                  resamples: int = DEFAULT_RESAMPLES, progress: Optional[Callable[[int], None]] = None,
                  half: str = "all", conventions: Optional[bool] = None) -> Evaluation:
    """Read a gold file (`read_gold`), code it and score it; unreadable rows go to `problems`.

    `half` ("dev", "sealed" or "all") keeps one fixed half of the file (`strife.evaluate.halves`);
    `conventions` compares ACLED tolls under ACLED's conventions or not (None: the environment's switch).
    """
    gold: GoldFile = read_gold(path, fmt, text_path=text_path, published_from=published_from, limit=limit,
                               conventions=conventions)
    evaluation = evaluate_cases(select_half(gold.cases, half), engine, fmt=fmt, gold_path=str(path), seed=seed,
                                resamples=resamples, progress=progress)
    evaluation.problems[:0] = gold.problems
    evaluation.half = half
    return evaluation
