"""Proportions with bootstrap confidence intervals: every figure with its count and its spread.

A metric is a list of per-item outcomes (True = right, False = wrong; items where the metric
does not apply are not in the list). Its value is the share of True; its 95% interval is the
percentile bootstrap over items (2,000 resamples). The generator is seeded from the run's seed
and the metric's name, so a figure never depends on which other metrics were computed first,
and the same outcomes always give the same interval.
"""

from __future__ import annotations

import zlib
from dataclasses import asdict, dataclass
from typing import Optional, Sequence

import numpy as np

DEFAULT_SEED = 12
DEFAULT_RESAMPLES = 2000


@dataclass(frozen=True)
class Estimate:
    """A proportion `hits / n` with its bootstrap interval [low, high] (None when n is 0)."""

    name: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    n: int
    hits: int

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.name}: n/a (n=0)"
        return f"{self.name}: {self.value:.3f} [{self.low:.3f}, {self.high:.3f}] ({self.hits}/{self.n})"


def bootstrap_interval(outcomes: Sequence[bool], name: str, *, seed: int = DEFAULT_SEED,
                       resamples: int = DEFAULT_RESAMPLES, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of `outcomes` (deterministic for a name and seed)."""
    values = np.asarray(outcomes, dtype=float)
    if values.size == 0:
        raise ValueError("no outcomes to resample")
    rng = np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])
    means = np.empty(resamples)
    chunk = max(1, 2_000_000 // values.size)  # bound memory on large gold files
    for start in range(0, resamples, chunk):
        stop = min(resamples, start + chunk)
        picks = rng.integers(0, values.size, size=(stop - start, values.size))
        means[start:stop] = values[picks].mean(axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return float(low), float(high)


def estimate(name: str, outcomes: Sequence[bool], *, seed: int = DEFAULT_SEED,
             resamples: int = DEFAULT_RESAMPLES) -> Estimate:
    """The share of True outcomes with its interval and the count it is computed on."""
    n = len(outcomes)
    if n == 0:
        return Estimate(name, None, None, None, 0, 0)
    hits = int(sum(bool(o) for o in outcomes))
    low, high = bootstrap_interval(outcomes, name, seed=seed, resamples=resamples)
    return Estimate(name, hits / n, low, high, n, hits)
