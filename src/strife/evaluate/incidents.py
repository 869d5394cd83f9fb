"""Score real news reports the way a dashboard sums them: one incident, one toll.

A report about one violent incident is coded; the violent events that happened (a violent ACLED
type, neither negated nor hypothetical), dated from the day before the incident to the
publication date or undated, are what a page header, `strife events` totals and every chart add
up. Four questions per report, each right or wrong:

- `toll`: their fatalities (`best`, else 0) summed lie within the gold's [low, high];
- `events`: there are at most the gold's `max_events` of them (and at least one);
- `admin1`: the deadliest of them is in the gold's first-level division;
- `day`: the deadliest of them is dated within the gold's days.

A report that tells no new violent event (a court case, an anniversary) has `max_events` 0 and toll
[0, 0]: it is right when nothing is counted, and its `admin1` and `day` are then right too.

The gold file is `../shared/gold/real-reports.json`: per report file, `published`, `date`
[first, last], `country`, `admin1` (accepted spellings), `toll` [low, high] and `max_events`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from strife.evaluate.score import VIOLENT_ACLED_TYPES, happened
from strife.evaluate.user import fold
from strife.model import ArticleResult, Event

QUESTIONS = ("toll", "events", "admin1", "day")


@dataclass(frozen=True)
class ReportGold:
    """What a careful coder records for one report's incident."""

    name: str
    published: dt.date
    first_day: dt.date
    last_day: dt.date
    country: str
    admin1: tuple[str, ...]
    toll: tuple[int, int]
    max_events: int


@dataclass
class ReportScore:
    """One report's answers to the four questions, with what was counted."""

    name: str
    counted: list[Event] = field(default_factory=list)
    toll: int = 0
    answers: dict[str, bool] = field(default_factory=dict)


def read_reports(path: str | Path) -> list[ReportGold]:
    """The gold of `real-reports.json` (keys starting with `_` are documentation)."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        ReportGold(
            name=name, published=dt.date.fromisoformat(item["published"]),
            first_day=dt.date.fromisoformat(item["date"][0]), last_day=dt.date.fromisoformat(item["date"][1]),
            country=item["country"], admin1=tuple(fold(a) for a in item["admin1"]),
            toll=(int(item["toll"][0]), int(item["toll"][1])), max_events=int(item.get("max_events", 2)),
        )
        for name, item in raw.items() if not name.startswith("_")
    ]


def counted_events(result: ArticleResult, gold: ReportGold) -> list[Event]:
    """The events a dashboard sums for the report's incident days: violent, happened, in the window or undated."""
    window_start = gold.first_day - dt.timedelta(days=1)

    def in_window(event: Event) -> bool:
        if event.date is None:
            return True
        end = event.date_end or event.date
        return end >= window_start and event.date <= gold.published

    return [e for e in happened(result.events) if e.acled_event_type in VIOLENT_ACLED_TYPES and in_window(e)]


def score_report(result: ArticleResult, gold: ReportGold) -> ReportScore:
    """The four answers for one coded report."""
    counted = counted_events(result, gold)
    toll = sum(_dead(e) for e in counted)
    deadliest = max(counted, key=lambda e: (_dead(e), e.confidence), default=None)
    place = deadliest.location if deadliest is not None else None
    day_ok = (deadliest is not None and deadliest.date is not None
              and gold.first_day <= deadliest.date <= gold.last_day)
    if gold.max_events == 0:  # no new event told: nothing may be counted
        quiet = not counted
        return ReportScore(name=gold.name, counted=counted, toll=toll,
                           answers={"toll": toll == 0, "events": quiet, "admin1": quiet, "day": quiet})
    return ReportScore(
        name=gold.name, counted=counted, toll=toll,
        answers={
            "toll": gold.toll[0] <= toll <= gold.toll[1],
            "events": 1 <= len(counted) <= gold.max_events,
            "admin1": place is not None and place.country == gold.country and fold(place.admin1 or "") in gold.admin1,
            "day": day_ok,
        },
    )


def _dead(event: Event) -> int:
    figure = event.fatalities
    return figure.best if figure is not None and figure.best is not None else 0


def summary(scores: list[ReportScore]) -> dict[str, tuple[int, int]]:
    """Per question: (reports right, reports)."""
    return {q: (sum(s.answers[q] for s in scores), len(scores)) for q in QUESTIONS}


def describe(score: ReportScore, gold: ReportGold) -> str:
    """One report's line: its answers and the events summed."""
    marks = " ".join(f"{q}={'ok' if score.answers[q] else 'NO'}" for q in QUESTIONS)
    lines = [f"{score.name}: toll {score.toll} (gold {gold.toll[0]}-{gold.toll[1]}), "
             f"{len(score.counted)} events (max {gold.max_events}); {marks}"]
    for event in score.counted:
        place = event.location
        where = f"{place.name}/{place.admin1}/{place.country}" if place else "-"
        lines.append(f"    {event.date} {event.acled_event_type:<28} dead={_dead(event):<3} {where:<40} "
                     f"{event.evidence.text[:70]!r}")
    return "\n".join(lines)
