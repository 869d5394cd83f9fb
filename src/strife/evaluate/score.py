"""Match predictions to gold and score them field by field.

Matching (deterministic; never gives credit for an event coded from other text):

* ``evidence`` (strife format): a prediction is a candidate for a gold event only when its
  evidence (or one of its mentions) overlaps the gold evidence's character range. Among
  candidates the one agreeing on the PLOVER type wins, then the largest overlap, then the
  earliest in the output (`strife.evaluate.strife_gold.match_events`).
* ``trigger`` (PLOVER GSR): candidates are the events whose trigger (or, lacking one, evidence)
  overlaps one of the gold's EVT spans; if none does, those whose evidence overlaps them. The
  best is the candidate with the highest confidence, ties broken by output order.
* ``row`` (ACLED, UCDP): the row's text is the article, so every event coded from it is the
  row's. The best is the *relevant* event with the highest confidence, ties by output order,
  chosen without looking at the gold: for ACLED an event with an ACLED type, for UCDP one of
  political violence (ACLED Battles, Explosions/Remote violence or Violence against civilians,
  or PLOVER FIGHT/ASSAULT).

Only events coded as having happened count (negated and hypothetical ones never match).
"Event detected" is the share of gold events with a match. Every other accuracy is computed on
the matched events whose gold has that field (a missed event is counted once, in recall, and
not again in each field). The count each figure is computed on is reported with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from strife.conventions import acled_fatalities
from strife.evaluate.metrics import DEFAULT_RESAMPLES, DEFAULT_SEED, Estimate, estimate
from strife.evaluate.records import EvalCase, GoldActor, GoldRecord, NotEvent
from strife.evaluate.strife_gold import overlap
from strife.model import ArticleResult, Event, Span
from strife.ontology.families import VIOLENCE

GEO_TOLERANCE_KM = 25.0
FATALITY_TOLERANCE = 0.10
VIOLENT_ACLED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
MISSED = "(missed)"

# (key, label): the order the report shows them in.
METRICS: tuple[tuple[str, str], ...] = (
    ("event_detected", "Event detected (recall)"),
    ("event_detected_required", "Event detected, required events"),
    ("plover_type", "PLOVER type"),
    ("acled_event_type", "ACLED event type"),
    ("acled_sub_event_type", "ACLED sub-event type"),
    ("cameo_root", "CAMEO root"),
    ("source_country", "Source country"),
    ("target_country", "Target country"),
    ("source_sector", "Source sector"),
    ("target_sector", "Target sector"),
    ("fatalities_exact", "Fatalities exact"),
    ("fatalities_within_10pct", "Fatalities within ±10%"),
    ("fatalities_exact_deaths", "Fatalities exact, gold deaths > 0"),
    ("location_25km", "Location within 25 km"),
    ("location_admin1", "Location admin1"),
    ("location_country", "Location country"),
    ("date_exact", "Date exact"),
    ("false_event_rate", "False-event rate on not_events (lower is better)"),
)
METRIC_LABELS = dict(METRICS)


@dataclass
class ScoredRecord:
    """One gold event, the prediction matched to it (or None) and each field's outcome."""

    case: EvalCase
    gold: GoldRecord
    predicted: Optional[Event]
    outcomes: dict[str, Optional[bool]]
    n_events: int = 0
    events: list[Event] = field(default_factory=list, repr=False)  # all coded from the case's text

    @property
    def failures(self) -> list[str]:
        return [name for name, ok in self.outcomes.items() if ok is False]


@dataclass
class NotEventOutcome:
    case: EvalCase
    not_event: NotEvent
    hit: Optional[Event]  # the prediction that coded it as having happened


# ---------------------------------------------------------------------------------------------
# matching


def happened(events: Iterable[Event]) -> list[Event]:
    """Events coded as having happened: negated and hypothetical ones never earn credit."""
    return [e for e in events if not (e.negated or e.hypothetical)]


def is_relevant(event: Event, relevance: str) -> bool:
    if relevance == "acled":
        return event.acled_event_type is not None
    if relevance == "violence":
        return event.acled_event_type in VIOLENT_ACLED_TYPES or event.event_type in VIOLENCE
    return True


def _span_overlap(spans: Sequence[tuple[int, int]], event_spans: Sequence[Span]) -> int:
    return max((overlap(a, b, s.start, s.end) for a, b in spans for s in event_spans), default=0)


def _evidence_spans(event: Event) -> list[Span]:
    return [event.evidence, *event.mentions]


def _most_confident(candidates: Sequence[Event]) -> Optional[Event]:
    """Highest confidence; `max` keeps the first of equals, so ties go to output order."""
    return max(candidates, key=lambda e: e.confidence, default=None)


def choose_event(case: EvalCase, gold: GoldRecord, events: Sequence[Event]) -> Optional[Event]:
    """The prediction credited to `gold` under the case's matching rule (see module docstring)."""
    real = happened(events)
    if case.matching == "evidence":
        candidates = [e for e in real if _span_overlap(gold.spans, _evidence_spans(e)) > 0]
        return max(candidates, key=lambda e: (gold.type_ok(e.event_type), _span_overlap(gold.spans, _evidence_spans(e))),
                   default=None)
    if case.matching == "trigger":
        by_trigger = [e for e in real if _span_overlap(gold.spans, [e.trigger or e.evidence]) > 0]
        by_evidence = [e for e in real if _span_overlap(gold.spans, _evidence_spans(e)) > 0]
        return _most_confident(by_trigger or by_evidence)
    return _most_confident([e for e in real if is_relevant(e, case.relevance)])


# ---------------------------------------------------------------------------------------------
# field comparisons


def _sector(code: Optional[str]) -> Optional[str]:
    return code[:3].upper() if code else None


def actors_country_ok(gold: Sequence[GoldActor], predicted: Sequence) -> Optional[bool]:
    """Any predicted actor carries a gold actor's country; None when the gold gives none."""
    wanted = {c for actor in gold for c in actor.countries}
    if not wanted:
        return None
    return any(a.country in wanted for a in predicted)


def actors_sector_ok(gold: Sequence[GoldActor], predicted: Sequence) -> Optional[bool]:
    """Any predicted actor's CAMEO sector (first three letters) is one the gold accepts."""
    wanted = {_sector(s) for actor in gold for s in actor.sectors} - {None}
    if not wanted:
        return None
    return any(_sector(a.sector) in wanted for a in predicted)


def predicted_deaths(event: Event, conventions: bool = False) -> int:
    """The predicted toll as ACLED would record it: best, else the low bound, else 0 (unknown);
    with ``conventions``, ACLED's figure for a vague or spread toll (`strife.conventions`)."""
    return acled_fatalities(event.fatalities, conventions)


def within(predicted: int, gold: int, tolerance: float = FATALITY_TOLERANCE) -> bool:
    return abs(predicted - gold) <= tolerance * gold


def _fatality_outcomes(gold: GoldRecord, event: Event) -> dict[str, Optional[bool]]:
    toll = gold.fatalities
    if toll is None or toll.best is None or not toll.comparable:
        return {"fatalities_exact": None, "fatalities_within_10pct": None, "fatalities_exact_deaths": None}
    guess = predicted_deaths(event, toll.conventions)
    exact = guess == toll.best
    return {
        "fatalities_exact": exact,
        "fatalities_within_10pct": within(guess, toll.best),
        "fatalities_exact_deaths": exact if toll.best > 0 else None,
    }


def same_admin1(predicted: Optional[str], gold: Optional[str], lat: Optional[float] = None,
                lon: Optional[float] = None) -> bool:
    """Region names compared as spellings vary: "Dar'a" = "Daraa", "Basra Governorate" = "Basra".

    With the gold's coordinates, the region the gazetteer puts them in also counts, so "Al-Hasakeh"
    (ACLED) and "Hasakah" (GeoNames) are the same region.
    """
    if not predicted or not gold:
        return False
    if _region_key(predicted) == _region_key(gold):
        return True
    from strife.resolve.geocode import Gazetteer, normalise_name

    gazetteer = Gazetteer.default()
    if normalise_name(predicted) in gazetteer.admin1_keys(gold):
        return True
    nearest = gazetteer.reverse(lat, lon) if lat is not None and lon is not None else None
    return bool(nearest and nearest.admin1 and _region_key(nearest.admin1) == _region_key(predicted))


def _region_key(name: str) -> str:
    """Letters only, doubled letters collapsed, common region words dropped."""
    from strife.resolve.geocode import normalise_name

    words = [w for w in normalise_name(name).split() if w not in _REGION_WORDS]
    letters = "".join(ch for ch in "".join(words) if ch.isalnum())
    return "".join(ch for i, ch in enumerate(letters) if i == 0 or ch != letters[i - 1])


_REGION_WORDS = frozenset({"province", "governorate", "state", "region", "oblast", "district", "department",
                           "prefecture", "county", "division", "territory", "wilayah", "muhafazat"})


def _location_outcomes(gold: GoldRecord, event: Event) -> dict[str, Optional[bool]]:
    from strife.resolve.distance import km_apart

    place, loc = gold.location, event.location
    if place is None:
        return {"location_25km": None, "location_admin1": None, "location_country": None}
    near: Optional[bool] = None
    if place.lat is not None and place.lon is not None:
        near = bool(loc and loc.lat is not None and loc.lon is not None
                    and km_apart(place, loc) <= GEO_TOLERANCE_KM)
    return {
        "location_25km": near,
        "location_admin1": None if not place.admin1 else bool(loc and same_admin1(loc.admin1, place.admin1, place.lat, place.lon)),
        "location_country": None if not place.country else bool(loc and loc.country == place.country),
    }


def date_ok(gold: GoldRecord, event: Event) -> Optional[bool]:
    """The predicted date range is the gold's: same first day, same last day (a day is its own range)."""
    if gold.date is None:
        return None
    return event.date == gold.date and (event.date_end or event.date) == (gold.date_end or gold.date)


def field_outcomes(gold: GoldRecord, event: Optional[Event]) -> dict[str, Optional[bool]]:
    """Every metric's outcome for one gold event: True, False, or None when it does not apply."""
    outcomes: dict[str, Optional[bool]] = {key: None for key, _ in METRICS if key != "false_event_rate"}
    outcomes["event_detected"] = event is not None
    outcomes["event_detected_required"] = (event is not None) if gold.required else None
    if event is None:
        return outcomes
    outcomes.update(
        plover_type=gold.type_ok(event.event_type) if gold.plover else None,
        acled_event_type=gold.acled_type_ok(event.acled_event_type) if gold.acled_type else None,
        acled_sub_event_type=(event.acled_sub_event_type == gold.acled_sub_type) if gold.acled_sub_type else None,
        cameo_root=(event.cameo_root == gold.cameo_root) if gold.cameo_root else None,
        source_country=actors_country_ok(gold.source, event.source),
        target_country=actors_country_ok(gold.target, event.target),
        source_sector=actors_sector_ok(gold.source, event.source),
        target_sector=actors_sector_ok(gold.target, event.target),
        date_exact=date_ok(gold, event),
    )
    outcomes.update(_fatality_outcomes(gold, event))
    outcomes.update(_location_outcomes(gold, event))
    return outcomes


# ---------------------------------------------------------------------------------------------
# cases and the whole evaluation


def score_case(case: EvalCase, result: Optional[ArticleResult]) -> tuple[list[ScoredRecord], list[NotEventOutcome]]:
    """Score one case's gold against what was coded from its text (None: the text was rejected)."""
    events = result.events if result is not None else []
    n_real = len(happened(events))
    records = []
    for gold in case.gold:
        chosen = choose_event(case, gold, events)
        records.append(ScoredRecord(case, gold, chosen, field_outcomes(gold, chosen), n_real, list(events)))
    misses = [NotEventOutcome(case, item, _unreal_hit(item, events)) for item in case.not_events]
    return records, misses


def _unreal_hit(item: NotEvent, events: Sequence[Event]) -> Optional[Event]:
    """A prediction whose trigger (or evidence) lies in the not-event's text, coded as having happened."""
    for event in happened(events):
        span = event.trigger or event.evidence
        if overlap(item.span[0], item.span[1], span.start, span.end) > 0:
            return event
    return None


@dataclass
class Evaluation:
    """All scored gold of one run; `metrics()` and `confusion()` summarise it."""

    format: str
    gold_path: str
    records: list[ScoredRecord] = field(default_factory=list)
    not_events: list[NotEventOutcome] = field(default_factory=list)
    problems: list = field(default_factory=list)
    seed: int = DEFAULT_SEED
    resamples: int = DEFAULT_RESAMPLES
    n_cases: int = 0
    half: str = "all"  # the fixed half of the gold scored ("dev", "sealed"; `strife.evaluate.halves`)

    def add(self, case: EvalCase, result: Optional[ArticleResult]) -> None:
        records, misses = score_case(case, result)
        self.records.extend(records)
        self.not_events.extend(misses)
        self.n_cases += 1

    def outcomes(self, name: str) -> list[bool]:
        if name == "false_event_rate":
            return [item.hit is not None for item in self.not_events]
        return [r.outcomes[name] for r in self.records if r.outcomes.get(name) is not None]

    def metrics(self) -> dict[str, Estimate]:
        """Each metric that applies to this gold, with its interval and count."""
        found = {}
        for name, _ in METRICS:
            values = self.outcomes(name)
            if not values:
                continue
            if name == "event_detected_required" and len(values) == len(self.outcomes("event_detected")):
                continue  # every gold event is required: the same figure as event_detected
            found[name] = estimate(name, values, seed=self.seed, resamples=self.resamples)
        return found

    def left_out(self) -> dict[str, int]:
        """Gold events kept out of a metric for a stated reason (ACLED fatality conventions)."""
        convention = sum(1 for r in self.records if r.gold.fatalities is not None and not r.gold.fatalities.comparable)
        return {"fatalities_coding_convention": convention} if convention else {}

    def confusion(self) -> dict[str, dict[str, dict[str, int]]]:
        """Gold label -> predicted label -> count, for the type metrics (MISSED when not detected)."""
        tables: dict[str, dict[str, dict[str, int]]] = {}
        for name, gold_label, predicted_label in _CONFUSIONS:
            table: dict[str, dict[str, int]] = {}
            for record in self.records:
                label = gold_label(record.gold)
                if not label:
                    continue
                guess = predicted_label(record.predicted) if record.predicted else MISSED
                row = table.setdefault(label, {})
                row[guess or "(none)"] = row.get(guess or "(none)", 0) + 1
            if table:
                tables[name] = table
        return tables

    def worst(self, limit: int = 30) -> list[ScoredRecord]:
        """The gold events with the most failed fields (missed events first among equals)."""
        failing = [r for r in self.records if r.failures]
        failing.sort(key=lambda r: (-len(r.failures), r.predicted is not None, r.case.origin, r.gold.id))
        return failing[:limit]


_CONFUSIONS: tuple[tuple[str, Callable, Callable], ...] = (
    ("plover_type", lambda g: g.plover, lambda e: e.event_type),
    ("acled_event_type", lambda g: g.acled_type, lambda e: e.acled_event_type),
    ("acled_sub_event_type", lambda g: g.acled_sub_type, lambda e: e.acled_sub_event_type),
)
