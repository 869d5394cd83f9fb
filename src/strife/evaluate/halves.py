"""Two fixed halves of every dev set: "dev" to look at while working, "sealed" to check on.

A rule change tuned while reading the dev half's errors shows its worth on the sealed half, whose
records nobody looked at; a gain on one half only is a gain on those records, not on news.

The rule is fixed here and never depends on the file's order or size, so a record stays in its
half when a file grows or is re-sorted:

* the key of a case is, for ACLED, its `event_id_cnty` ("UKR37045"); for PLOVER GSR, its record
  `id` and its text joined by a newline (one id occurs twice in the file, on two sentences); for
  any other format, its article id and text joined by a newline;
* the half is "dev" when the first byte of the SHA-256 of the key (UTF-8) is even, else "sealed".

A trained model is checked "cross-over" (`strife.learn.holdout.crossover`): the sealed half is cut
in two parts by the *second* byte of the same digest (`sealed_part`, 0 when even, 1 when odd), a
model fitted on the dev half and one part is scored on the other part, and the two are pooled.
The second byte is independent of the first, so each part is a fair half of the sealed records.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Iterable, Literal

from strife.evaluate.records import EvalCase
from strife.evaluate.score import Evaluation

Half = Literal["dev", "sealed"]
HALVES: tuple[Half, ...] = ("dev", "sealed")
CHOICES = ("all", *HALVES)


def half_key(case: EvalCase) -> str:
    """The text a case's half is computed from (see the module docstring)."""
    raw = case.gold[0].raw if case.gold else {}
    acled_id = str(raw.get("event_id_cnty") or "").strip()
    if acled_id:
        return acled_id
    if raw.get("id") and isinstance(raw.get("text"), str):
        return f"{raw['id']}\n{raw['text']}"
    return f"{case.article.id}\n{case.article.text}"


def half_of_key(key: str) -> Half:
    """ "dev" when the first byte of sha256(key) is even, "sealed" when it is odd."""
    return "dev" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "sealed"


def half_of(case: EvalCase) -> Half:
    return half_of_key(half_key(case))


def sealed_part_of_key(key: str) -> int:
    """The part (0 or 1) of the sealed half a key falls in: the parity of its digest's second byte."""
    return hashlib.sha256(key.encode("utf-8")).digest()[1] % 2


def sealed_part(case: EvalCase) -> int:
    """The cross-over part of a case (see the module docstring); meaningful for sealed cases."""
    return sealed_part_of_key(half_key(case))


def check_half(half: str) -> str:
    if half not in CHOICES:
        raise ValueError(f"half must be one of {', '.join(CHOICES)}, not {half!r}")
    return half


def select_half(cases: Iterable[EvalCase], half: str) -> list[EvalCase]:
    """The cases of one half ("all": every case), in file order."""
    cases = list(cases)
    if check_half(half) == "all":
        return cases
    return [case for case in cases if half_of(case) == half]


def half_evaluation(evaluation: Evaluation, half: str) -> Evaluation:
    """The scored records of one half of an evaluation, without coding anything again."""
    if check_half(half) == "all":
        return evaluation
    records = [r for r in evaluation.records if half_of(r.case) == half]
    not_events = [o for o in evaluation.not_events if half_of(o.case) == half]
    cases = {id(r.case) for r in records} | {id(o.case) for o in not_events}
    return replace(evaluation, records=records, not_events=not_events, n_cases=len(cases), half=half,
                   problems=list(evaluation.problems))
