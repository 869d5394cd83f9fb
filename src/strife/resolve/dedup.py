"""Cross-article dedup: reports of one incident from different articles become one incident.

Two reports (events from different articles) may describe the same incident when their types are
compatible (`data/incident_type_groups.csv`), their dates lie within `window_days`, their places
within `radius_km` (or, without coordinates, in one country under similar names); then a score
weighs place, date, actors (rapidfuzz token-set similarity of names) and evidence wording, and the
report joins the best incident scoring at least `threshold`, else founds a new one.

Clustering is incremental and never reshuffles: an incident's id is "inc-" + the id of its first
event, and a new article only ever joins or founds incidents, so ids are stable as articles arrive.
An incident holds at most one event per article (the per-article events are kept as they are).

Disagreement is data: `Incident` lists every source's figures side by side and keeps the range as
low/best/high (best = median of the sources' best figures, as UCDP keeps a best estimate inside a
low-high range); `contradiction` flags sources whose figures cannot both be true.

Everything here is pure (reports and records in, incident ids and `Incident`s out): the database
side, reading the reports from the events tables and keeping the `incidents` table, is
`strife.store.dedup`, which calls this module and is never called by it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from pydantic import Field
from rapidfuzz import fuzz

from strife.datafiles import read_data_csv
from strife.model import Count, Record
from strife.resolve.distance import haversine_km as distance_km

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'-]{2,})")


@dataclass(frozen=True)
class DedupOptions:
    """How close two reports must be to count as one incident."""

    window_days: int = 2
    radius_km: float = 50.0
    threshold: float = 0.7


@dataclass(frozen=True)
class Report:
    """One event as dedup sees it."""

    event_id: str
    article: str  # the article it came from (sha256 or any key unique per article)
    event_type: str
    day: Optional[dt.date]
    day_end: Optional[dt.date] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    location: Optional[str] = None
    actors: frozenset[str] = field(default_factory=frozenset)
    evidence: str = ""

    @property
    def last_day(self) -> Optional[dt.date]:
        return self.day_end or self.day


@lru_cache(maxsize=1)
def type_groups() -> dict[str, str]:
    """PLOVER category -> clustering group, from `data/incident_type_groups.csv`."""
    return {row["plover"].upper(): row["group"] for row in read_data_csv("incident_type_groups.csv")}


def compatible_types(a: str, b: str) -> bool:
    groups = type_groups()
    return a == b or (a in groups and groups.get(a) == groups.get(b))


def day_gap(a: Report, b: Report) -> Optional[int]:
    """Days between the two reports' date ranges (0 when they overlap); None if either is undated."""
    if a.day is None or b.day is None:
        return None
    return max(0, (b.day - a.last_day).days, (a.day - b.last_day).days)


def place_score(a: Report, b: Report, options: DedupOptions) -> Optional[float]:
    """1 for the same spot, falling to 0 at the radius; None when the places rule a match out."""
    if a.country and b.country and a.country != b.country:
        return None
    named = fuzz.ratio(a.location.casefold(), b.location.casefold()) / 100 if a.location and b.location else None
    if None not in (a.lat, a.lon, b.lat, b.lon):
        km = distance_km(a.lat, a.lon, b.lat, b.lon)
        if km > options.radius_km:
            return None
        near = 1.0 - km / options.radius_km
        return near if named is None else (near + named) / 2
    if not (a.country and b.country):
        return None
    return 0.3 if named is None else named  # one country and maybe a name, no coordinates: weaker evidence


def actor_score(a: Report, b: Report) -> float:
    """Share of the smaller actor set found (fuzzily) in the other; 0.5 when either names no one."""
    if not a.actors or not b.actors:
        return 0.5
    small, large = sorted((a.actors, b.actors), key=len)
    return sum(max(fuzz.token_set_ratio(x, y) for y in large) >= 85 for x in small) / len(small)


def proper_names(text: str) -> set[str]:
    """Capitalised words not opening a sentence: the places, groups and people a report names."""
    return {m.group(1).casefold() for m in _PROPER.finditer(text)}


def names_score(a: Report, b: Report) -> float:
    """Jaccard overlap of the names two evidences mention; 0.5 when either names none.

    Two reports of one incident name the same village; two shellings on one front name two villages.
    """
    x, y = proper_names(a.evidence), proper_names(b.evidence)
    return len(x & y) / len(x | y) if x and y else 0.5


def similarity(a: Report, b: Report, options: DedupOptions = DedupOptions()) -> float:
    """How likely two reports describe one incident, 0..1 (0 when a hard condition fails)."""
    if a.article == b.article or not compatible_types(a.event_type, b.event_type):
        return 0.0
    gap = day_gap(a, b)
    if gap is None or gap > options.window_days:
        return 0.0
    place = place_score(a, b, options)
    if place is None:
        return 0.0
    when = 1.0 - gap / (options.window_days + 1)
    wording = fuzz.token_sort_ratio(a.evidence.casefold(), b.evidence.casefold()) / 100 if a.evidence and b.evidence else 0.5
    return 0.3 * place + 0.15 * when + 0.2 * actor_score(a, b) + 0.1 * wording + 0.25 * names_score(a, b)


def incident_id_for(report: Report) -> str:
    return f"inc-{report.event_id}"


def best_incident(report: Report, members: dict[str, list[Report]], options: DedupOptions) -> Optional[str]:
    """The incident the report joins (best average-link score at or above the threshold), if any.

    Average rather than single link, so a chain of near neighbours cannot grow one giant incident.
    """
    best, best_score = None, options.threshold
    for incident, reports in members.items():
        if any(r.article == report.article for r in reports):
            continue
        score = sum(similarity(report, r, options) for r in reports) / len(reports)
        if score >= best_score:
            best, best_score = incident, score
    return best


def cluster(reports: Iterable[Report], options: DedupOptions = DedupOptions(),
            existing: Optional[dict[str, list[Report]]] = None) -> dict[str, str]:
    """event id -> incident id, placing reports one by one in arrival order (in memory).

    `existing` holds incidents already formed (id -> member reports); they keep their ids.
    """
    members = {key: list(value) for key, value in (existing or {}).items()}
    placed: dict[str, str] = {}
    for report in reports:
        incident = best_incident(report, members, options) or incident_id_for(report)
        members.setdefault(incident, []).append(report)
        placed[report.event_id] = incident
    return placed


def pairwise_scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Precision, recall and F1 over pairs of reports put in one cluster (the usual dedup measure)."""
    def pairs(assignment: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for item, group in assignment.items():
            groups.setdefault(group, []).append(item)
        return {(x, y) for items in groups.values() for i, x in enumerate(sorted(items)) for y in sorted(items)[i + 1:]}

    found, truth = pairs(predicted), pairs(gold)
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted_pairs": len(found), "gold_pairs": len(truth)}


# --- the incident view -------------------------------------------------------------------------


class SourceFigure(Record):
    """What one source reported for one kind of figure."""

    event_id: str
    publisher: Optional[str] = None
    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None
    text: str


class Figure(Record):
    """One kind of figure across sources: the range kept as low/best/high, and whether sources clash."""

    kind: str
    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None
    sources: list[SourceFigure] = Field(default_factory=list)
    contradiction: bool = Field(False, description="Two sources give figures whose ranges do not overlap.")


class IncidentSource(Record):
    """One article's account of the incident, side by side with the others."""

    event_id: str
    article_id: str
    publisher: Optional[str] = None
    published: Optional[dt.date] = None
    title: Optional[str] = None
    event_type: str
    date: Optional[dt.date] = None
    date_end: Optional[dt.date] = None
    location: Optional[str] = None
    country: Optional[str] = None
    fatalities: Optional[Count] = None
    injured: Optional[Count] = None
    evidence: str


class Incident(Record):
    """Reports of one incident from different articles, with every source's figures."""

    id: str
    event_type: str
    country: Optional[str] = None
    date: Optional[dt.date] = None
    date_end: Optional[dt.date] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    n_sources: int
    sources: list[IncidentSource]
    fatalities: Optional[Figure] = None
    injured: Optional[Figure] = None
    contradiction: bool = False
    disagreements: list[str] = Field(default_factory=list, description="Each clash between sources, in words.")


def combine_figures(kind: str, sources: Sequence[IncidentSource]) -> Optional[Figure]:
    """The sources' figures of one kind as a low/best/high range, flagging ranges that exclude each other."""
    reported = []
    for source in sources:
        count: Optional[Count] = getattr(source, kind)
        if count is None or (count.best is None and count.low is None):
            continue
        low = count.low if count.low is not None else count.best
        high = count.high if count.high is not None else (None if count.vague or count.best is None else count.best)
        reported.append(SourceFigure(event_id=source.event_id, publisher=source.publisher, low=low, best=count.best, high=high, text=count.text))
    if not reported:
        return None
    bests = [f.best for f in reported if f.best is not None]
    highs = [f.high for f in reported if f.high is not None]
    clash = any(a.high is not None and b.low is not None and a.high < b.low for a in reported for b in reported)
    return Figure(
        kind=kind, low=min(f.low for f in reported if f.low is not None),
        best=int(statistics.median_low(bests)) if bests else None,
        high=max(highs) if highs and len(highs) == len(reported) else None,
        sources=reported, contradiction=clash,
    )


def describe_clash(figure: Figure) -> str:
    said = "; ".join(f"{f.text!r} ({f.publisher or f.event_id})" for f in figure.sources)
    return f"{figure.kind}: {said}"


def build_incident(row: dict, sources: list[IncidentSource]) -> Incident:
    fatalities = combine_figures("fatalities", sources)
    injured = combine_figures("injured", sources)
    clashes = [describe_clash(f) for f in (fatalities, injured) if f and f.contradiction]
    return Incident(
        id=row["incident_id"], event_type=row["event_type"], country=row["country"], date=row["day"],
        date_end=row["day_end"] if row["day_end"] != row["day"] else None, lat=row["lat"], lon=row["lon"],
        n_sources=len(sources), sources=sources, fatalities=fatalities, injured=injured,
        contradiction=bool(clashes), disagreements=clashes,
    )


def incident_source(record_json: str, article_id: str, publisher: Optional[str], published: Optional[dt.date],
                    title: Optional[str]) -> IncidentSource:
    """One source of an incident from its stored event record (the output contract's JSON) and its article."""
    record = json.loads(record_json)
    place = record.get("location") or {}
    return IncidentSource(
        event_id=record["id"], article_id=article_id, publisher=publisher, published=published, title=title,
        event_type=record["event_type"], date=record.get("date"), date_end=record.get("date_end"),
        location=place.get("name"), country=place.get("country"),
        fatalities=record.get("fatalities"), injured=record.get("injured"), evidence=record["evidence"]["text"],
    )
