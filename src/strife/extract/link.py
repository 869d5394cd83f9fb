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
from typing import Callable, Generic, Iterable, Optional, Sequence, TypeVar

from spacy.tokens import Doc, Token

from strife.extract import Intervals, Layout, clause_verb, doc_text
from strife.extract.actors import localise_actors
from strife.extract.datelines import dateline_spans, in_dateline
from strife.extract.excessive_force import lethal_interventions
from strife.extract.implied import add_implied_actors
from strife.extract.incidents import (
    drop_non_events,
    merge_report_incidents,
    sources_agree,
)
from strife.extract.places.metonymy import is_place_possessive
from strife.extract.tolls import COUNT_FIELDS, incident_toll, is_tally_line
from strife.model import ArticleResult, Count, DateMention, Event, Place
from strife.ontology import load_ontology
from strife.ontology.families import VIOLENCE
from strife.resolve.coref import (
    event_anchor,
    is_real,
    merge_mentions,
    places_agree,
    trigger_token,
)
from strife.rows import row_rank

T = TypeVar("T")
#: ACLED's type for violent demonstrations, a violent act though not an ASSAULT or FIGHT in PLOVER.
RIOTS = "Riots"
PROTESTS = "Protests"
MATERIAL_QUADS = {"material_conflict", "material_cooperation"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "us", "them"}


class ByStart(Generic[T]):
    """Items in order of where they start (ties in list order), to find the last one before an
    offset by bisection rather than by scanning every item for every event."""

    def __init__(self, items: Iterable[T], start_of: Callable[[T], int]):
        self.items = sorted(items, key=start_of)
        self.starts = [start_of(item) for item in self.items]

    def last_before(self, anchor: int) -> Optional[T]:
        """The item starting latest before `anchor`, the first listed of equals (as `max` picks)."""
        before = bisect.bisect_left(self.starts, anchor)
        if before == 0:
            return None
        return self.items[bisect.bisect_left(self.starts, self.starts[before - 1])]


class Nearby(Generic[T]):
    """Items (dates, places) grouped by sentence and paragraph, for `nearest_local` per event.

    Built once per article: asking every item for every event made linking quadratic in the
    number of events, minutes on a long single-line text of many reports.
    """

    def __init__(self, items: Iterable[T], layout: Layout, start_of: Callable[[T], int]):
        self.layout, self.start_of = layout, start_of
        self.by_sentence: dict[int, list[T]] = {}
        by_paragraph: dict[int, list[T]] = {}
        for item in items:
            start = start_of(item)
            self.by_sentence.setdefault(layout.sentence(start), []).append(item)
            by_paragraph.setdefault(layout.paragraph(start), []).append(item)
        self.by_paragraph = {number: ByStart(group, start_of) for number, group in by_paragraph.items()}

    def in_sentence(self, sentence: int) -> list[T]:
        """The items of one sentence, in list order."""
        return self.by_sentence.get(sentence, [])

    def nearest(self, anchor: int) -> Optional[T]:
        """The item in the anchor's sentence closest to it, else the nearest earlier one in its paragraph."""
        same_sentence = self.in_sentence(self.layout.sentence(anchor))
        if same_sentence:
            return min(same_sentence, key=lambda it: abs(self.start_of(it) - anchor))
        earlier = self.by_paragraph.get(self.layout.paragraph(anchor))
        return earlier.last_before(anchor) if earlier is not None else None


def assemble(doc: Doc, state: dict) -> ArticleResult:
    """The article's ArticleResult from the records the stages left in `state`."""
    meta = state["meta"]
    layout = Layout(doc)
    counts: list[Count] = list(state.get("counts", []))
    events: list[Event] = drop_non_events(sorted(state.get("events", []), key=lambda e: e.evidence.start), counts, doc,
                                          state.get("dates", []), meta.published)
    acting = Intervals([a for a in state.get("actors", []) if a.span and a.sector in ("GOV", "IGO")], lambda a: a.span)
    datelines = dateline_spans(doc_text(doc))
    places = [p for p in state.get("places", []) if p.lat is not None and p.span
              and not (_is_actor(p, acting) and not _written_as_a_location(p, doc))
              and not in_dateline(p.span, datelines)]
    dates = [d for d in state.get("dates", []) if (d.date is not None or d.precision == "ongoing") and not d.future]
    real_places = _places_of_real_clauses(places, events, doc)
    focus_place = _focus_place(real_places)
    usable_dates = _Dates(dates, layout, doc)
    every_place = Nearby(places, layout, lambda p: p.span[0])
    nearby = {False: every_place,  # a hypothetical act may be placed where it would happen
              True: every_place if real_places is places else Nearby(real_places, layout, lambda p: p.span[0])}
    for number, event in enumerate(events, start=1):
        event.id = f"m{number}"
        anchor = (event.trigger or event.evidence).start
        _link_date(event, anchor, usable_dates, doc)
        _link_place(event, anchor, nearby[is_real(event)], focus_place)
        localise_actors(event, state.get("actor_country"))
    _link_counts(events, counts, layout, doc)
    merged = merge_mentions(events, doc, layout, _headline_end(doc, meta))
    _link_attribution(doc, events, state.get("claims", []), layout)
    quotes = state.get("quotes", [])
    _date_by_publication(events, meta.published)
    in_report = merge_report_incidents(events, counts, doc, layout, state.get("claims", []), quotes, merged)
    merged = {old: in_report.get(new, new) for old, new in merged.items()} | in_report
    _one_carrier_per_toll(events)
    lethal_interventions(events)
    add_implied_actors(events, state.get("actor_country"))
    _number_events(events, counts, merged, meta.sha256)
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


def _date_by_publication(events: Iterable[Event], published) -> None:
    """An event that happened and whose text names no date happened on or before publication:
    it takes that day with precision "reported", so timelines, date filters and exports keep it."""
    if published is None:
        return
    for event in events:
        if event.date is None and event.date_precision == "unknown" and is_real(event):
            event.date, event.date_precision = published, "reported"


def _one_carrier_per_toll(events: list[Event]) -> None:
    """Each toll on one event only, so summing fatalities over events never counts a death twice.

    Several events can tell one incident ("3 militants were killed, 1 injured and 1 captured"); the
    toll stays on the one a coder would write the row for (`strife.rows.row_rank`: a happened,
    ACLED-typed act of disorder first, then the most confident, then the first), and the figures keep their `event_id` links for the others.
    """
    for field in COUNT_FIELDS.values():
        carriers: dict[tuple, Event] = {}
        for event in events:
            figure = getattr(event, field)
            if figure is None:
                continue
            key = (figure.span, figure.text, figure.best, figure.low)
            best = carriers.get(key)
            if best is None or _carrier_rank(event) > _carrier_rank(best):
                if best is not None:
                    setattr(best, field, None)
                carriers[key] = event
            else:
                setattr(event, field, None)


def _carrier_rank(event: Event) -> tuple:
    """The record's row first (`strife.rows.row_rank`), then the earlier in the text."""
    return (*row_rank(event), -event.evidence.start)


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
    own = (getattr(event, field) for event in events for field in COUNT_FIELDS.values())
    figures = {id(count): count for count in (*counts, *own) if count is not None}  # an incident's toll is a copy
    for count in figures.values():
        if count.event_id is not None:
            count.event_id = final[merged.get(count.event_id, count.event_id)]


def nearest_local(items: Sequence[T], anchor: int, layout: Layout, start_of) -> Optional[T]:
    """The item in the anchor's sentence closest to it, else the nearest earlier one in its paragraph.

    For one anchor; for many, build a `Nearby` once and ask it.
    """
    return Nearby(items, layout, start_of).nearest(anchor)


class _Dates:
    """An article's usable dates, indexed once: those free to date any event, and those that date
    only the noun they modify (by that noun's token index)."""

    def __init__(self, dates: Sequence[DateMention], layout: Layout, doc: Doc):
        self.dates, self.layout = dates, layout
        self.owners = [_date_owner(d, doc) for d in dates]
        self.owned = {owner for owner in self.owners if owner is not None}
        self.free = Nearby([d for d, o in zip(dates, self.owners) if o is None], layout, _date_start)
        self.free_days = ByStart([d for d, o in zip(dates, self.owners) if o is None and d.precision == "day"],
                                 _date_start)

    def usable(self, trigger: Optional[int]) -> tuple[Nearby[DateMention], ByStart[DateMention]]:
        """The dates an event whose trigger is token `trigger` may take, and their days."""
        if trigger not in self.owned:
            return self.free, self.free_days
        usable = [d for d, o in zip(self.dates, self.owners) if o in (None, trigger)]
        return Nearby(usable, self.layout, _date_start), ByStart([d for d in usable if d.precision == "day"], _date_start)


def _is_speech(verb) -> bool:
    """A verb of saying ("said", "told"); "were reported Monday" dates what was reported."""
    from strife.extract.quotes import speech_verb

    found = speech_verb(verb)
    return found is not None and found.kind == "speech"


def _date_start(mention: DateMention) -> int:
    return mention.span[0]


def _link_date(event: Event, anchor: int, dates: _Dates, doc: Doc) -> None:
    """The event's date: the nearest of its sentence, else the nearest earlier one of its paragraph.

    A date that modifies a noun ("the 2011 civil war", "last week's attack") dates that noun only,
    so background years do not leak into the clauses around them. A length of time that runs up
    to now ("has waged war for two decades") makes the event "ongoing", with no day. A real event
    with no date of its own in its paragraph happened, as far as the article says, on the last day
    it named before it (news names the day once, in the lead: "Lavrov demanded Monday ...").
    """
    trigger = trigger_token(event, doc)
    usable, days = dates.usable(trigger.i if trigger is not None else None)
    mention = usable.nearest(anchor)
    if mention is None and is_real(event):
        mention = days.last_before(anchor)
    if mention is not None:
        event.date, event.date_end, event.date_precision = mention.date, mention.date_end, mention.precision


def _date_owner(mention: DateMention, doc: Doc) -> Optional[int]:
    """The noun a date modifies ("the 2011 civil war", "last week's attack" -> war, attack), or the
    speech verb it follows ("officials said Wednesday": the day of the saying, not of the killing
    it reports), as a token index, or None; -1 (no event's) for the first day of a period ("since Jan. 4"). A noun only inside a determined noun phrase: the parse
    of a lead date ("Around 6 May 2020, members of ...") often hangs it on a noun it does not
    modify; a speech verb only before the date: "On 9 May, police said ..." dates what they said."""
    span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    root, doc_ = span.root, span.doc
    if span.text.lower().startswith("since") or any(a.lower_ == "since" and a.dep_ == "prep" for a in list(root.ancestors)[:4]):
        return -1  # "the toll of deaths since Jan. 4": where a period starts dates no event
    head = root.head
    speech = head.head if head.ent_type_ in ("DATE", "TIME") and head.i >= span.end else head  # "Wednesday morning"
    if speech.pos_ in ("VERB", "AUX") and speech.i < span.start and _is_speech(speech):
        return speech.i
    if head.pos_ not in ("NOUN", "PROPN") or not 0 <= head.i - span.end <= 3:
        return None
    determined = span.start > 0 and doc_[span.start - 1].tag_ in ("DT", "PRP$")
    possessive = span.end < len(doc_) and doc_[span.end].tag_ == "POS"
    return head.i if determined or possessive else None


PLACE_SPECIFICITY = {"city": 0, "region": 1, "admin1": 2, "country": 3}  # region: a district


def _link_place(event: Event, anchor: int, places: Nearby[Place], focus: Optional[Place]) -> None:
    """The most specific place of the event's sentence (else of the nearest earlier sentence of its
    paragraph), the nearest of equals: "in Nahri Saraj district, Helmand ... US drone strike" is in
    Helmand; a country named with a town ("Mali Zvornik, Serbia") is the town's."""
    layout = places.layout
    nearest = places.nearest(anchor)
    place = None
    if nearest is not None:
        sentence = layout.sentence(nearest.span[0])
        rivals = places.in_sentence(sentence)
        place = min(rivals, key=lambda p: (PLACE_SPECIFICITY.get(p.feature or "", 1), p.confidence < 0.5,
                                           abs(p.span[0] - anchor)))
        if (place.feature == "country" and sentence != layout.sentence(anchor) and focus is not None
                and focus.country == place.country):
            # Only a country named earlier ("... in Syria. ... leave the city"): the article's own town
            # in that country is the better guess.
            place = focus.model_copy(update={"confidence": min(focus.confidence, 0.5)})
    if place is None and focus is not None and event.quad in MATERIAL_QUADS:
        # An incident with no place in its paragraph happened, as far as the article says, where the
        # article is about; say so with a lower confidence rather than leaving it off the map.
        place = focus.model_copy(update={"confidence": min(focus.confidence, 0.5)})
    event.location = place


def _places_of_real_clauses(places: list[Place], events: Sequence[Event], doc: Doc) -> list[Place]:
    """The places not written in the clause of an act that is only supposed.

    "US officials refused to confirm whether talks with Russia would begin in Geneva": Geneva is
    where the unconfirmed talks would be, not where Lavrov made the demand the next sentence
    reports; only the talks themselves (coded as hypothetical) may be placed there. A negated act
    still says where things were ("thwarted a Houthi attack on the Qaniyah front").
    """
    verbs: dict[bool, set[int]] = {True: set(), False: set()}  # clause verbs of hypothetical events and of others
    for event in events:
        if (token := trigger_token(event, doc)) is not None and (verb := clause_verb(token)) is not None:
            verbs[event.hypothetical].add(verb.i)
    unreal = verbs[True] - verbs[False]
    if not unreal:
        return places
    return [p for p in places if not _in_clauses(p, unreal, doc)]


def _in_clauses(place: Place, verbs: set[int], doc: Doc) -> bool:
    """Is the place written in the clause of one of these verbs (token indices)?"""
    span = doc.char_span(*place.span, alignment_mode="expand")
    verb = clause_verb(span.root) if span is not None and len(span) else None
    return verb is not None and verb.i in verbs


def _is_actor(place: Place, acting: Intervals) -> bool:
    """A toponym the actor stage read as an acting state ("Russia, together with China, vetoed").

    Only a country or a national capital stands for a state, and only when the actor covers the
    toponym's first word: "Mali Zvornik" is a town, "As Sabaa (Tripoli)" a place qualified by one.
    `acting` holds the article's government and IGO mentions by offset (scanning them all for
    every place was quadratic in a long text of many reports).
    """
    start, _ = place.span
    if place.inferred_from is not None or not _can_stand_for_a_state(place):
        return False  # a place inferred from the actors has their words for its span: not a state acting
    return bool(acting.overlapping(start, start + 1))  # a mention covering the toponym's first character


def _written_as_a_location(place: Place, doc: Doc) -> bool:
    """A place noun the place owns ("Beirut's southern suburbs") is where things happen, whatever
    the actor stage read the name as. (Not yet "the southern suburbs of Beirut": on the dev sets
    that moved as many events off as onto their place.)"""
    return is_place_possessive(doc_text(doc), place.span[1])


def _can_stand_for_a_state(place: Place) -> bool:
    if place.feature == "country":
        return True
    from strife.resolve.geocode import Gazetteer

    return place.feature == "city" and any(
        c.capital and c.geonames_id == place.geonames_id for c in Gazetteer.default().lookup(place.name)
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


def _link_counts(events: list[Event], counts: list[Count], layout: Layout, doc: Doc) -> None:
    """Attach each figure to its event, then give every event the toll of the incident it tells.

    News tells one incident in several clauses ("GNA aircraft conducted airstrikes ... Thirteen
    LNA soldiers were killed"), and the event stage codes each clause; a coder writes one row with
    the incident's toll. So each figure is linked (`Count.event_id`) to the one event its
    sentence names, and each event's `fatalities`/`injured`/`displaced` is the toll of its
    incident: the same Count object on every event of the incident (deduplicate by span when
    summing over events), summed over the victims listed ("Forty GNA soldiers and eight LNA
    soldiers" -> 48), restatements counted once, and a stated total winning over the parts.
    """
    told, clause_of = _ToldEvents(events, layout), _ClauseOf(doc)
    for count in counts:
        if count.span is None or count.kind is None or count.aggregate:
            continue
        event = _event_for_count(told, count, layout, doc, clause_of)
        if event is not None:
            count.event_id = event.id
    text = doc_text(doc)
    tallies = {id(c) for c in counts if c.total and c.span and is_tally_line(c, doc)}
    linked: dict[str, list[tuple[int, Count]]] = {}  # event id -> its figures (with their place in `counts`)
    for position, count in enumerate(counts):
        if count.event_id is not None:
            linked.setdefault(count.event_id, []).append((position, count))
    for incident in _incidents(events, layout, doc, counts, clause_of):
        ids = {event.id for event in incident}
        told_in = frozenset(layout.sentence(event_anchor(event)) for event in incident)

        def own_total(count: Count, told_in: frozenset[int] = told_in) -> bool:
            # a total told with the incident, or the report's closing tally; "A total of eight
            # deaths were reported in government-controlled areas" tallies a wider day or area
            return id(count) in tallies or layout.sentence(count.span[0]) in told_in

        of_incident = [c for _, c in sorted((pair for i in ids for pair in linked.get(i, ())), key=lambda pair: pair[0])]
        for kind, field in COUNT_FIELDS.items():
            figures = [c for c in of_incident if c.kind == kind and c.part_of is None]
            toll = incident_toll(figures, text, layout, own_total, lambda c: id(c) in tallies)
            if toll is None:
                continue
            for event in incident:
                setattr(event, field, toll)


def _incidents(events: Sequence[Event], layout: Layout, doc: Doc, counts: Sequence[Count] = (),
               clause_of: Optional[Callable[[Event], Optional[int]]] = None) -> list[list[Event]]:
    """Events grouped by the incident they tell, in text order; every event is in one group.

    Two violent events (ASSAULT, FIGHT) are one incident when one sentence tells both
    ("clashed ..., killing 13 militants"), unless one is in a clause of earlier events ("attacked
    police after two children were killed"); or when the later one only tells the outcome of the
    earlier ("... airstrikes on the airbase. Thirteen soldiers were killed."): an outcome trigger
    (a casualty word of count_kinds.csv) with no source of its own, within the next two
    sentences of the same paragraph, at a place that agrees. A closing tally line ("3
    fatalities.") makes the violent events of its paragraph before it one report.
    """
    groups: list[list[Event]] = []
    # Only a group with an event in the same sentence or in the two before can take an event in
    # (see `_same_incident`); asking every group made linking quadratic in the number of events.
    told_in: dict[int, set[int]] = {}  # sentence -> numbers of the groups with an event told there
    clause_of = clause_of or _ClauseOf(doc)
    for event in events:
        sentence = layout.sentence(event_anchor(event))
        home = None
        if is_real(event) and (_violent(event) or event.acled_event_type == PROTESTS):
            near = sorted(set().union(*(told_in.get(s, ()) for s in (sentence - 2, sentence - 1, sentence))), reverse=True)
            home = next((n for n in near if _same_incident(groups[n], event, layout, doc, clause_of)), None)
        if home is None:
            home = len(groups)
            groups.append([event])
        else:
            groups[home].append(event)
        told_in.setdefault(sentence, set()).add(home)
    for tally in (c for c in counts if c.total and c.span and is_tally_line(c, doc)):
        groups = _merge_reported_before(groups, tally, layout)
    return groups


def _merge_reported_before(groups: list[list[Event]], tally: Count, layout: Layout) -> list[list[Event]]:
    """One group for the violent groups of the tally's paragraph that come before it."""
    paragraph = layout.paragraph(tally.span[0])

    def covered(group: list[Event]) -> bool:
        first = group[0]
        return (is_real(first) and first.event_type in VIOLENCE and event_anchor(first) < tally.span[0]
                and layout.paragraph(event_anchor(first)) == paragraph)

    merged = [event for group in groups if covered(group) for event in group]
    if not merged:
        return groups
    rest = [group for group in groups if not covered(group)]
    return sorted([*rest, merged], key=lambda group: event_anchor(group[0]))


def _same_incident(group: Sequence[Event], event: Event, layout: Layout, doc: Doc,
                   clause_of: Optional[Callable[[Event], Optional[int]]] = None) -> bool:
    last = group[-1]
    if _protested(event, doc):
        return False
    if _one_protest(last, event, layout, doc):
        return True
    if not _violent(last) or not is_real(last):
        return False
    clause_of = clause_of or (lambda e: _clause_of(e, doc))
    sentence = layout.sentence(event_anchor(event))
    clause = clause_of(event)
    if any(layout.sentence(event_anchor(e)) == sentence and clause_of(e) == clause for e in group):
        return True
    gap = sentence - layout.sentence(event_anchor(last))
    same_paragraph = layout.paragraph(event_anchor(event)) == layout.paragraph(event_anchor(last))
    if not (same_paragraph and 0 < gap <= 2 and clause is None and places_agree(last, event)):
        return False
    if gap == 1 and _is_response(event, doc):
        return True
    if _is_anaphoric(event, doc) and sources_agree(last.source, event.source):
        return True  # "Three soldiers died in the attack": the attack told before, by the same attackers
    return not event.source and (_is_outcome(event, doc) or _finds_the_dead(event, doc))


def _one_protest(protest: Event, event: Event, layout: Layout, doc: Doc) -> bool:
    """ "Police disperse protest, 1 dead"; "Traders protest over new taxes, 2 killed": a protest, the
    intervention on it told in its sentence (an act typed Protests) and deaths told there with no
    killer named are one incident, one row with the protest's toll (ACLED codes the incident once)."""
    if protest.acled_event_type != PROTESTS or not is_real(protest):
        return False
    if layout.sentence(event_anchor(event)) != layout.sentence(event_anchor(protest)):
        return False
    return event.acled_event_type == PROTESTS or (not event.source and _is_outcome(event, doc))


def _protested(event: Event, doc: Doc) -> bool:
    """ "torched the police office to protest the death of a student during protests": an act told
    inside what is protested is an earlier incident, never part of the protest's."""
    from strife.extract.counts import count_cues

    token = trigger_token(event, doc) if event.trigger is not None else None
    if token is None:
        return False
    grievances = count_cues().get("grievance", frozenset())
    below = token
    for above in list(token.ancestors)[:10]:
        if above.lemma_.lower() in grievances and below.dep_ in ("dobj", "prep", "pobj"):
            return True  # inside the object of "protest", however deep the phrase goes
        below = above
    return False


def _violent(event: Event) -> bool:
    """An act of violence for the incident it tells: an ASSAULT or a FIGHT, or a riot (ACLED's
    violent demonstration), whose deaths told with it or right after it are its toll."""
    return event.event_type in VIOLENCE or event.acled_event_type == RIOTS


class _ClauseOf:
    """`_clause_of` for one article's events, each worked out once (figures and incidents ask again)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.known: dict[int, Optional[int]] = {}  # id(event) -> clause; events outlive the linking

    def __call__(self, event: Event) -> Optional[int]:
        if id(event) not in self.known:
            self.known[id(event)] = _clause_of(event, self.doc)
        return self.known[id(event)]


def _clause_of(event: Event, doc: Doc) -> Optional[int]:
    """The clause of earlier events the event's trigger sits in (its head token's index), or None."""
    token = trigger_token(event, doc)
    return _background_at(token) if token is not None else None


def _background_at(token) -> Optional[int]:
    from strife.extract.counts import background_clause

    head = background_clause(token)
    return head.i if head is not None else None


#: Edges that stay inside one noun phrase or its preposition (a relative clause is a clause of its own).
_PHRASE_EDGES = frozenset({"pobj", "prep", "dobj", "compound", "nummod", "amod", "appos", "conj", "poss", "nmod"})


def _grievance_of(token: Token) -> Optional[Token]:
    """What a protest or a mourning is about, when the figure is in it ("to protest the death of a
    student", "protests over the killing of 3 men"): the head of the object of a ``grievance`` word
    of count_cues.csv, reached without leaving the noun phrase; else None."""
    from strife.extract.counts import count_cues

    grievances = count_cues().get("grievance", frozenset())
    current = token
    for _ in range(8):
        if current.dep_ not in _PHRASE_EDGES or current.head is current or _tally_set_off(current):
            return None
        if current.head.lemma_.lower() in grievances:
            return current
        current = current.head
    return None


#: Marks that set a headline's tally off from the clause before it ("protest over fees, 1 dead").
_TALLY_MARKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014"})


def _tally_set_off(phrase: Token) -> bool:
    """A headline's closing tally ("Residents protest over fees, one dead"): an appositive after a
    comma or a semicolon that holds a casualty word tells the deaths of the incident, which the
    parser hangs on the last noun before it; it is never part of what is protested."""
    from strife.extract.counts import count_kind_for

    if phrase.dep_ != "appos" or phrase.left_edge.i == 0:
        return False
    if phrase.doc[phrase.left_edge.i - 1].text not in _TALLY_MARKS:
        return False
    return any(count_kind_for(t) in ("killed", "injured") for t in phrase.subtree)


def _is_cause(head: Optional[int], doc: Doc) -> bool:
    """Whether the background clause headed by token `head` is opened by a word telling an act
    that came before the main clause ("after", a ``cause`` cue of count_cues.csv)."""
    from strife.extract.counts import count_cues

    if head is None:
        return False
    causes = count_cues().get("cause", frozenset())
    token = doc[head]
    return any(c.dep_ == "mark" and c.lower_ in causes for c in token.children) or (
        token.dep_ == "pobj" and token.head.lower_ in causes)


def _is_outcome(event: Event, doc: Doc) -> bool:
    """Whether the event's trigger only says what happened to people ("killed", "died", "wounded")."""
    from strife.extract.counts import count_kind_for

    token = trigger_token(event, doc) if event.trigger is not None else None
    return token is not None and count_kind_for(token) in ("killed", "injured")


def _finds_the_dead(event: Event, doc: Doc) -> bool:
    """ "His body was found on Tuesday": an act whose object is the body of someone told before
    (a possessive or definite outcome noun) tells the end of the earlier incident."""
    from strife.extract.counts import trigger_for

    token = trigger_token(event, doc) if event.trigger is not None else None
    if token is None:
        return False
    for child in token.children:
        trigger = trigger_for(child) if child.dep_ in ("nsubjpass", "dobj") else None
        if trigger is not None and trigger.role == "noun" and trigger.kind == "killed" and any(
                grand.dep_ == "poss" or (grand.dep_ == "det" and grand.lower_ in load_ontology().words("anaphoric_dets"))
                for grand in child.children):
            return True
    return False


def _is_response(event: Event, doc: Doc) -> bool:
    """ "Security forces responded with gunfire": an act told as the answer to the one told just
    before (a ``response`` cue of count_cues.csv on its trigger or the verb it hangs on) is part of
    that incident, as ACLED codes it, whoever does it."""
    from strife.extract.counts import count_cues

    token = trigger_token(event, doc) if event.trigger is not None else None
    responses = count_cues().get("response", frozenset())
    for _ in range(3):
        if token is None:
            return False
        if token.lemma_.lower() in responses:
            return True
        if token.dep_ not in ("pobj", "prep", "dobj", "xcomp", "advcl") or token.head is token:
            return False
        token = token.head
    return False


def _is_anaphoric(event: Event, doc: Doc) -> bool:
    """Whether the event's trigger is a definite event noun pointing back ("in the attack")."""
    token = trigger_token(event, doc) if event.trigger is not None else None
    determiners = load_ontology().words("anaphoric_dets")
    return token is not None and token.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in determiners for child in token.children
    )


class _ToldEvents:
    """An article's events by the sentence they are told in, and its real material events by
    paragraph, so each figure finds its event without scanning them all."""

    def __init__(self, events: Sequence[Event], layout: Layout):
        self.by_sentence: dict[int, list[Event]] = {}
        material: dict[int, list[Event]] = {}
        for event in events:
            if not is_real(event):
                continue
            self.by_sentence.setdefault(layout.sentence(event_anchor(event)), []).append(event)
            if event.quad in MATERIAL_QUADS:
                material.setdefault(layout.paragraph(event.evidence.start), []).append(event)
        self.violent = {n: ByStart([e for e in group if e.event_type in VIOLENCE], _evidence_start)
                        for n, group in material.items()}
        self.material = {n: ByStart(group, _evidence_start) for n, group in material.items()}

    def last_material_before(self, start: int, paragraph: int) -> Optional[Event]:
        """The last violent event before `start` in the paragraph, else the last material one."""
        if paragraph not in self.material:
            return None
        return self.violent[paragraph].last_before(start) or self.material[paragraph].last_before(start)


def _evidence_start(event: Event) -> int:
    return event.evidence.start


def _event_for_count(told: _ToldEvents, count: Count, layout: Layout, doc: Doc,
                     clause_of: Optional[Callable[[Event], Optional[int]]] = None) -> Optional[Event]:
    """The event a figure belongs to: the one of its sentence and clause (material first, then
    nearest), else the last incident before it in its paragraph (the previous sentence, or any
    earlier one when the figure's sentence tells no event: "... attacked a man. 1 fatality.").

    A figure in a clause of earlier events ("... after two children were killed") belongs only
    to an event of that clause: with none coded there, it stays unlinked.
    """
    start = count.span[0]
    sentence = layout.sentence(start)
    counted = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
    clause = _background_at(counted.root) if counted is not None and len(counted) else None
    grievance = _grievance_of(counted.root) if counted is not None and len(counted) else None
    same = told.by_sentence.get(sentence, [])
    if grievance is not None:
        # only an act told inside what is protested ("protests over the killing of 3 men") owns it
        inside = [e for e in same if (t := trigger_token(e, doc)) is not None
                  and grievance.left_edge.i <= t.i <= grievance.right_edge.i]
        return min(inside, key=lambda e: abs(event_anchor(e) - start)) if inside else None
    if same:
        clause_of = clause_of or _ClauseOf(doc)
        own = [e for e in same if clause_of(e) == clause]
        if not own and clause is None:
            # "One police officer died after militants attacked a checkpoint": the deaths of a
            # clause telling no act are the toll of the act told as what came before them
            own = [e for e in same if e.event_type in VIOLENCE and _is_cause(clause_of(e), doc)]
        if not own:
            return None
        return min(own, key=lambda e: (e.quad not in MATERIAL_QUADS, abs(event_anchor(e) - start)))
    if clause is not None:
        return None
    return told.last_material_before(start, layout.paragraph(start))


def _link_attribution(doc: Doc, events: list[Event], claims: list, layout: Layout) -> None:
    from strife.extract.quotes import attribution_for

    by_span = Intervals(claims, lambda claim: claim.span)
    for event in events:
        if event.attribution is None:
            span = event.trigger or event.evidence
            # only a claim that overlaps the span can cover it; most events overlap none
            overlapping = by_span.overlapping(span.start, span.end)
            event.attribution = attribution_for(doc, span.start, span.end, overlapping, layout.sentence) if overlapping else None


def _link_quotes(events: list[Event], quotes: list) -> None:
    """A quote is evidence for the event it expresses (`Quote.event_id`): the first event stated
    inside it, else an event whose evidence takes the quote in ("Lavrov declared the resolution to
    be a “provocation”"). Its speaker is the source of the events inside it when none is named."""
    for quote in quotes:
        start, end = quote.span
        inside = [e for e in events if start <= (e.trigger or e.evidence).start < end]
        expressed = inside or [e for e in events if e.evidence.start < end and start < e.evidence.end]
        if expressed:
            # the event the quote states, else the one whose evidence takes the quote in
            quote.event_id = expressed[0].id
        for event in inside:
            if quote.speaker is not None and not _names_actor(event):
                event.source = [quote.speaker]


def _names_actor(event: Event) -> bool:
    """Whether the event has a source that is more than a pronoun ("We will treat them as such") or
    than the actor its ACLED type implies (strife.extract.implied): the text names neither."""
    return any(a.kind != "implied" and (a.country or a.sector or a.name.lower() not in PRONOUNS)
               for a in event.source)
