"""Link each event to its date, place, figures, attribution and quotes, and assemble the result.

The extractors find dates, places, figures and events independently; a human coder then reads
them together: the date and place of an event are the ones its own sentence names, or failing
that the nearest earlier ones in the same paragraph (news paragraphs keep one scene); a figure
belongs to the event of its sentence, or to the event just before it ("... was shelled. Two
nurses were killed in the attack."). These rules are deliberately local: a place two paragraphs
away is more often another story than the same one.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Optional, Sequence, TypeVar

from spacy.tokens import Doc

from strife.extract import doc_text
from strife.model import ArticleResult, Count, DateMention, Event, Place
from strife.resolve.coref import merge_mentions

T = TypeVar("T")
COUNT_FIELDS = {"killed": "fatalities", "injured": "injured", "displaced": "displaced"}
MATERIAL_QUADS = {"material_conflict", "material_cooperation"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "us", "them"}


class Layout:
    """Sentence and paragraph numbers of character offsets in one Doc."""

    def __init__(self, doc: Doc):
        self.sent_starts = [sent.start_char for sent in doc.sents]
        text = doc_text(doc)
        self.par_starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.par_starts, char) - 1


def assemble(doc: Doc, state: dict) -> ArticleResult:
    """The article's ArticleResult from the records the stages left in `state`."""
    meta = state["meta"]
    layout = Layout(doc)
    events: list[Event] = sorted(state.get("events", []), key=lambda e: e.evidence.start)
    counts: list[Count] = list(state.get("counts", []))
    places = [p for p in state.get("places", []) if p.lat is not None and p.span and not _is_actor(p, state)]
    dates = [d for d in state.get("dates", []) if d.date is not None and not d.future]
    focus_place = _focus_place(places)
    for number, event in enumerate(events, start=1):
        event.id = f"m{number}"
        anchor = (event.trigger or event.evidence).start
        _link_date(event, anchor, dates, layout)
        _link_place(event, anchor, places, layout, focus_place)
    _link_counts(events, counts, layout)
    merged = merge_mentions(events, doc, layout, _headline_end(doc, meta))
    _number_events(events, counts, merged, meta.sha256)
    _link_attribution(doc, events, state.get("claims", []))
    quotes = state.get("quotes", [])
    _link_quotes(events, quotes)
    return ArticleResult(
        article=meta,
        events=events,
        counts=counts,
        quotes=quotes,
        claims=state.get("claims", []),
        actors=state.get("actors", []),
        places=state.get("places", []),
        dates=state.get("dates", []),
    )


def _headline_end(doc: Doc, meta) -> Optional[int]:
    """End of the headline when the text starts with the article's title (as saved pages do)."""
    if not meta.title:
        return None
    text = doc_text(doc)
    start = len(text) - len(text.lstrip())
    if not text.startswith(meta.title, start):
        return None
    return start + len(meta.title)


def _number_events(events: list[Event], counts: list[Count], merged: dict[str, str], sha256: str) -> None:
    """Final ids (`<article>-<n>`, in text order) for the events and the figures linked to them."""
    final = {event.id: f"{sha256[:12]}-{n}" for n, event in enumerate(events, start=1)}
    for event in events:
        event.id = final[event.id]
    for count in counts:
        if count.event_id is not None:
            count.event_id = final[merged.get(count.event_id, count.event_id)]


def nearest_local(items: Sequence[T], anchor: int, layout: Layout, start_of) -> Optional[T]:
    """The item in the anchor's sentence closest to it, else the nearest earlier one in its paragraph."""
    sentence, paragraph = layout.sentence(anchor), layout.paragraph(anchor)
    same_sentence = [it for it in items if layout.sentence(start_of(it)) == sentence]
    if same_sentence:
        return min(same_sentence, key=lambda it: abs(start_of(it) - anchor))
    earlier = [it for it in items if start_of(it) < anchor and layout.paragraph(start_of(it)) == paragraph]
    return max(earlier, key=start_of) if earlier else None


def _link_date(event: Event, anchor: int, dates: Sequence[DateMention], layout: Layout) -> None:
    mention = nearest_local(dates, anchor, layout, lambda d: d.span[0])
    if mention is None and event.quad in MATERIAL_QUADS:
        # News names the day once, in the lead, and then tells what happened: an incident with no
        # date of its own in its paragraph took place on the last day the article named before it.
        earlier_days = [d for d in dates if d.precision == "day" and d.span[0] < anchor]
        mention = max(earlier_days, key=lambda d: d.span[0], default=None)
    if mention is not None:
        event.date, event.date_end, event.date_precision = mention.date, mention.date_end, mention.precision


def _link_place(event: Event, anchor: int, places: Sequence[Place], layout: Layout, focus: Optional[Place]) -> None:
    place = nearest_local(places, anchor, layout, lambda p: p.span[0])
    if place is None and focus is not None and event.quad in MATERIAL_QUADS:
        # An incident with no place in its paragraph happened, as far as the article says, where the
        # article is about; say so with a lower confidence rather than leaving it off the map.
        place = focus.model_copy(update={"confidence": min(focus.confidence, 0.5)})
    event.location = place


def _is_actor(place: Place, state: dict) -> bool:
    """A toponym the actor stage read as an acting state ("Russia, together with China, vetoed")."""
    start, end = place.span
    return any(
        a.span and a.span[0] < end and start < a.span[1] and a.sector in ("GOV", "IGO")
        for a in state.get("actors", [])
    )


def _focus_place(places: Iterable[Place]) -> Optional[Place]:
    """The town (else region) the article names most often: where its undated, unplaced scenes are."""
    tally: dict[tuple, list[Place]] = {}
    for place in places:
        tally.setdefault((place.geonames_id, place.name.lower()), []).append(place)
    if not tally:
        return None
    best = max(tally.values(), key=lambda group: (group[0].feature == "city", len(group), -group[0].span[0]))
    return best[0].model_copy(update={"part": None, "span": None, "geo_precision": max(best[0].geo_precision, 2)})


def _link_counts(events: list[Event], counts: list[Count], layout: Layout) -> None:
    """Attach each figure to the event of its sentence, else to the event just before it."""
    for count in counts:
        if count.span is None or count.kind is None:
            continue
        event = _event_for_count(events, count, layout)
        if event is None:
            continue
        count.event_id = event.id
        field = COUNT_FIELDS.get(count.kind)
        if field is None or count.part_of is not None:
            continue
        if getattr(event, field) is None or (getattr(event, field).total and not count.total):
            setattr(event, field, count)


def _event_for_count(events: list[Event], count: Count, layout: Layout) -> Optional[Event]:
    start = count.span[0]
    sentence = layout.sentence(start)
    same = [e for e in events if layout.sentence((e.trigger or e.evidence).start) == sentence and _real(e)]
    if same:
        return min(same, key=lambda e: (e.quad not in MATERIAL_QUADS, abs((e.trigger or e.evidence).start - start)))
    before = [
        e for e in events
        if _real(e) and e.quad in MATERIAL_QUADS and e.evidence.start < start
        and sentence - layout.sentence(e.evidence.start) <= 1
        and layout.paragraph(e.evidence.start) == layout.paragraph(start)
    ]
    return max(before, key=lambda e: e.evidence.start) if before else None


def _real(event: Event) -> bool:
    return not (event.negated or event.hypothetical)


def _link_attribution(doc: Doc, events: list[Event], claims: list) -> None:
    from strife.extract.quotes import attribution_for

    for event in events:
        if event.attribution is None:
            span = event.trigger or event.evidence
            event.attribution = attribution_for(doc, span.start, span.end, claims)


def _link_quotes(events: list[Event], quotes: list) -> None:
    """A quote is evidence for the events inside it; its speaker is their source when none is named."""
    for quote in quotes:
        start, end = quote.span
        inside = [e for e in events if start <= (e.trigger or e.evidence).start < end]
        if inside:
            quote.event_id = inside[0].id
        for event in inside:
            if quote.speaker is not None and not _names_actor(event):
                event.source = [quote.speaker]


def _names_actor(event: Event) -> bool:
    """Whether the event has a source that is more than a pronoun ("We will treat them as such")."""
    return any(a.country or a.sector or a.name.lower() not in PRONOUNS for a in event.source)
