"""Compare coded events with human-coded gold, matching by evidence overlap.

Matching never gives credit for position in a list: a predicted event matches a gold event only
when their evidence character ranges overlap in the same article text. Each gold event is matched
to the overlapping prediction that agrees with it best (type first, then the largest overlap), so
one long prediction cannot claim credit for several gold events' types unless it overlaps them.
This module holds the `strife` gold format's own matching (the Aleppo file's); `strife eval`
builds on it (see `strife.evaluate.formats` for the format itself).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from strife.model import ArticleResult, Event


@dataclass
class GoldEvent:
    """One hand-coded event: its evidence range in the article and the coding to compare with."""

    id: str
    start: int
    end: int
    plover: Optional[str]
    accept: tuple[str, ...]
    required: bool
    source_countries: tuple[str, ...]
    raw: dict = field(repr=False)

    def type_ok(self, event_type: str) -> bool:
        return event_type == self.plover or event_type in self.accept


@dataclass
class Match:
    gold: GoldEvent
    predicted: Optional[Event]

    @property
    def found(self) -> bool:
        return self.predicted is not None

    @property
    def type_ok(self) -> bool:
        return self.predicted is not None and self.gold.type_ok(self.predicted.event_type)

    @property
    def source_country_ok(self) -> bool:
        """Any predicted source actor has a gold source country (gold may list several)."""
        if self.predicted is None:
            return False
        if not self.gold.source_countries:
            return True
        return any(a.country in self.gold.source_countries for a in self.predicted.source)


def locate(text: str, evidence: str) -> tuple[int, int]:
    """Character range of a gold evidence string in the article (gold evidence is an exact substring)."""
    start = text.find(evidence)
    if start < 0:
        raise ValueError(f"gold evidence not found in the article text: {evidence[:60]!r}")
    return start, start + len(evidence)


def load_strife_gold(path: Path, text: str) -> list[GoldEvent]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [_gold_event(raw, text) for raw in data["events"]]


def _gold_event(raw: dict, text: str) -> GoldEvent:
    start, end = locate(text, raw["evidence"])
    countries: list[str] = []
    for actor in raw.get("source", []):
        value = actor.get("country")
        countries.extend(value if isinstance(value, list) else [value] if value else [])
    return GoldEvent(
        id=raw["id"], start=start, end=end, plover=raw.get("plover"), accept=tuple(raw.get("accept", ())),
        required=bool(raw.get("required")), source_countries=tuple(countries), raw=raw,
    )


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def real_events(result: ArticleResult) -> list[Event]:
    """Events coded as having happened: negated and hypothetical ones are kept out of the credit."""
    return [e for e in result.events if not (e.negated or e.hypothetical)]


def match_events(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> list[Match]:
    """For each gold event, the best overlapping prediction (or none)."""
    matches = []
    for g in gold:
        candidates = [p for p in predicted if _event_overlap(g, p) > 0]
        best = max(candidates, key=lambda p: (g.type_ok(p.event_type), _event_overlap(g, p)), default=None)
        matches.append(Match(g, best))
    return matches


def _event_overlap(g: GoldEvent, p: Event) -> int:
    spans = [p.evidence, *p.mentions]
    return max(overlap(g.start, g.end, s.start, s.end) for s in spans)


def unreal_hits(not_events: Sequence[dict], text: str, predicted: Sequence[Event]) -> list[dict]:
    """Gold `not_events` that a prediction codes as having happened (should be empty)."""
    hits = []
    for item in not_events:
        start, end = locate(text, item["evidence"])
        if any(_trigger_within(p, start, end) for p in predicted if not (p.negated or p.hypothetical)):
            hits.append(item)
    return hits


def _trigger_within(p: Event, start: int, end: int) -> bool:
    span = p.trigger or p.evidence
    return overlap(start, end, span.start, span.end) > 0


def summary(matches: Sequence[Match]) -> dict:
    """Counts an analyst reads first: found, right type, right source country (all and required)."""
    def tally(items: Sequence[Match]) -> dict:
        return {
            "gold": len(items),
            "found": sum(m.found for m in items),
            "type_ok": sum(m.type_ok for m in items),
            "source_country_ok": sum(m.source_country_ok for m in items),
        }

    return {"all": tally(matches), "required": tally([m for m in matches if m.gold.required])}


@dataclass
class RoleHit:
    """One gold actor in its role, and whether a happened, overlapping event has it there."""

    gold_id: str
    role: str
    name: str
    found: bool


def actor_roles(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> list[RoleHit]:
    """Each gold source/target actor, credited only when some happened event whose evidence
    overlaps the gold evidence has, in the same role, an actor with the gold country (gold
    country null: the gold sector). Presence elsewhere in the sentence earns nothing: the
    question is who did what to whom."""
    hits = []
    for g in gold:
        overlapping = [p for p in predicted if _event_overlap(g, p) > 0]
        for role in ("source", "target"):
            for actor in g.raw.get(role, []):
                found = any(_same_actor(actor, a) for p in overlapping for a in getattr(p, role))
                hits.append(RoleHit(g.id, role, actor.get("name", ""), found))
    return hits


def _same_actor(gold: dict, actor) -> bool:
    country = gold.get("country")
    if country:
        wanted = country if isinstance(country, list) else [country]
        return actor.country in wanted
    return bool(gold.get("sector")) and actor.sector == gold.get("sector")
