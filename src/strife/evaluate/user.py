"""Accuracy as a user meets it: one record in, the event an export holds out, judged field by field.

A user who codes an ACLED record keeps, in an export, the events strife says happened (neither
negated nor hypothetical) that carry an ACLED type. The *record's event* is the one a coder writes
the row for (`strife.rows.record_row_event`: an act of disorder before a strategic development told
with it, then the most confident, ties to output order), chosen without looking at the gold. Two figures per field:

* **end to end** (the headline): on every record whose gold has the field; a record that yields no
  event is wrong for every field, because the user gets nothing right from it.
* **among detected** (second): on the records that yielded an event; how good the event is when
  there is one. It flatters strife by the share of records missed, so it never leads.

The record's event, per format:

* ACLED rows: as above.
* UCDP rows (the relevant events are those of political violence): the most confident of them.
* PLOVER GSR (one sentence, one gold event): the most confident happened event of the sentence, of
  any type. The gold's EVT mark-up is not looked at: `score.choose_event` picks among the events
  whose trigger lies inside it, which no user can do, so its figures are the matched ones.
* strife format (one article, many gold events): the event matched by evidence overlap
  (`score.choose_event`); an article's events cannot be told apart without it.

Places (country, within 25 km, admin1) are judged only on records whose text names the place: the
gold location or its admin1 appears in the text as whole words (case-insensitive, accents folded).
No coder can place a record whose text names neither, so such records say nothing about strife.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from strife.evaluate.metrics import Estimate, estimate
from strife.evaluate.records import GoldPlace, GoldRecord
from strife.evaluate.score import Evaluation, ScoredRecord, field_outcomes, happened, is_relevant
from strife.model import Event, Span
from strife.rows import record_row_event

DETECTED = "event_detected"
PLACE_FIELDS = ("location_country", "location_25km", "location_admin1")

# (key, label) in the order tables show them; labels say what the figure is computed on.
HEADLINE: tuple[tuple[str, str], ...] = (
    (DETECTED, "Event detected (record yields an event)"),
    ("acled_event_type", "ACLED event type"),
    ("acled_sub_event_type", "ACLED sub-event type"),
    ("plover_type", "PLOVER type"),
    ("fatalities_exact", "Fatalities exact"),
    ("fatalities_exact_deaths", "Fatalities exact, gold deaths > 0"),
    ("location_country", "Country (text names the place)"),
    ("location_25km", "Within 25 km (text names the place)"),
    ("location_admin1", "Admin1 (text names the place)"),
    ("date_exact", "Date exact"),
    ("source_country", "Source actor country"),
    ("target_country", "Target actor country"),
)
HEADLINE_LABELS = dict(HEADLINE)
AMONG_DETECTED = " among detected"  # suffix of the second figure's name (its own bootstrap stream)


@dataclass(frozen=True)
class HeadlineRow:
    """One field: its end-to-end figure and its among-detected figure (None for detection itself)."""

    key: str
    label: str
    end_to_end: Estimate
    detected: Optional[Estimate]


# ---------------------------------------------------------------------------------------------
# the record's event and the fields it is judged on


def most_confident(events: Sequence[Event]) -> Optional[Event]:
    """Highest confidence; `max` keeps the first of equals, so ties go to output order."""
    return max(events, key=lambda e: e.confidence, default=None)


def record_event(record: ScoredRecord) -> Optional[Event]:
    """The event a user's export holds for this record (see the module docstring), or None: an
    ACLED row's event is chosen as the export's row is (`strife.rows`), any other format's is the
    most confident."""
    case = record.case
    if case.matching == "evidence":
        return record.predicted
    candidates = [e for e in happened(record.events) if is_relevant(e, case.relevance)]
    return record_row_event(candidates) if case.relevance == "acled" else most_confident(candidates)


def fold(text: str) -> str:
    """Accents dropped and case folded, so "Bouaké" is named by "BOUAKE"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=8192)
def _word_pattern(name: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(fold(name.strip()))}(?!\w)")


def names_place(text: str, place: Optional[GoldPlace]) -> bool:
    """The text names the gold place or its admin1, as whole words: only then can it be placed."""
    if place is None:
        return False
    folded = fold(text)
    return any(name and name.strip() and _word_pattern(name).search(folded) for name in (place.name, place.admin1))


_BLANK = Event(id="", event_type="", evidence=Span(start=0, end=0, text=""))


def applicable(gold: GoldRecord) -> frozenset[str]:
    """The fields this gold can be judged on. It depends on the gold alone, so comparing it with an
    empty event tells which fields apply (field_outcomes gives None for the others)."""
    return frozenset(key for key, ok in field_outcomes(gold, _BLANK).items() if ok is not None) | {DETECTED}


def detected_outcomes(record: ScoredRecord, event: Optional[Event]) -> dict[str, Optional[bool]]:
    """Each headline field's outcome for the record's event: None when the field does not apply,
    the record yielded no event, or (places) the text names no place."""
    if event is None:
        return {key: None for key, _ in HEADLINE}
    outcomes = field_outcomes(record.gold, event)
    if not names_place(record.case.article.text, record.gold.location):
        outcomes.update({key: None for key in PLACE_FIELDS})
    return {key: outcomes.get(key) for key, _ in HEADLINE}


def end_to_end_outcomes(record: ScoredRecord, event: Optional[Event]) -> dict[str, Optional[bool]]:
    """As `detected_outcomes`, but a record with no event is wrong (False) on every field that applies."""
    if event is not None:
        return {**detected_outcomes(record, event), DETECTED: True}
    fields = applicable(record.gold)
    if not names_place(record.case.article.text, record.gold.location):
        fields -= set(PLACE_FIELDS)
    return {key: (False if key in fields else None) for key, _ in HEADLINE}


@dataclass(frozen=True)
class UserOutcomes:
    """One record as a user meets it: its event and both kinds of outcome."""

    record: ScoredRecord
    event: Optional[Event]
    end_to_end: dict[str, Optional[bool]]
    detected: dict[str, Optional[bool]]


def user_outcomes(record: ScoredRecord) -> UserOutcomes:
    event = record_event(record)
    return UserOutcomes(record, event, end_to_end_outcomes(record, event), detected_outcomes(record, event))


# ---------------------------------------------------------------------------------------------
# the headline table


def headline(evaluation: Evaluation) -> list[HeadlineRow]:
    """Every headline field that applies to this gold: end to end first, among detected second."""
    scored = [user_outcomes(r) for r in evaluation.records]
    rows = []
    for key, label in HEADLINE:
        whole = [u.end_to_end[key] for u in scored if u.end_to_end[key] is not None]
        if not whole:
            continue
        among = [u.detected[key] for u in scored if u.detected[key] is not None]
        rows.append(HeadlineRow(
            key, label,
            estimate(key, whole, seed=evaluation.seed, resamples=evaluation.resamples),
            None if key == DETECTED else estimate(key + AMONG_DETECTED, among, seed=evaluation.seed,
                                                  resamples=evaluation.resamples),
        ))
    return rows
