"""Link each event to its date, place, figures, attribution and quotes, and assemble the result.

The extractors find dates, places, figures and events independently; a human coder then reads
them together: the date and place of an event are the ones its own sentence names, or failing
that the nearest earlier ones in the same paragraph (news paragraphs keep one scene); a figure
belongs to the event of its sentence, or to the event just before it ("... was shelled. Two
nurses were killed in the attack."). These rules are deliberately local: a place two paragraphs
away is more often another story than the same one. The nearest-item indexes are `nearby`; figures
and incidents' tolls are linked in `figure_links`.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterable, Optional, Sequence

from spacy.tokens import Doc

from strife.datafiles import read_data_csv
from strife.extract import Intervals, Layout, clause_verb, doc_text, verb_or_root
from strife.extract.actors import localise_actors, named_country
from strife.extract.date_context import dateline_day
from strife.extract.datelines import dateline_spans, in_dateline
from strife.extract.events.background_rows import describes_a_noun
from strife.extract.excessive_force import lethal_interventions
from strife.extract.figure_links import MATERIAL_QUADS, link_counts
from strife.extract.implied import add_implied_actors
from strife.extract.incidents import merge_report_incidents
from strife.extract.nearby import ByStart, Nearby
from strife.extract.judged import judge
from strife.extract.non_events import drop_non_events
from strife.extract.places.metonymy import is_place_possessive
from strife.extract.open_ranges import spread_since
from strife.extract.lead_row import lead_act_is_the_row, opening_date_is_the_row, past_of_a_participant_yields
from strife.extract.told_rows import told_acts_yield
from strife.extract.remains_found import ABDUCTION_CAMEO, finding_verb
from strife.extract.several_acts import divide_among_the_acts
from strife.extract.row_toll import row_takes_the_incident_toll
from strife.extract.tolls import COUNT_FIELDS
from strife.model import ArticleResult, Count, DateMention, Event, Place
from strife.resolve.coref import (
    is_real,
    merge_mentions,
    trigger_token,
)
from strife.rows import row_rank

PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "us", "them"}


def assemble(doc: Doc, state: dict) -> ArticleResult:
    """The article's ArticleResult from the records the stages left in `state`."""
    meta = state["meta"]
    layout = Layout(doc)
    counts: list[Count] = list(state.get("counts", []))
    coded = sorted(state.get("events", []), key=lambda e: e.evidence.start)
    events: list[Event] = drop_non_events(coded, counts, doc, state.get("dates", []), meta.published)
    kept = {id(e) for e in events}
    for dropped in (e for e in coded if id(e) not in kept):
        judge(doc, dropped.evidence.start)  # a statistic or a habit: the rules' judgement (strife.extract.judged)
    acting = Intervals([a for a in state.get("actors", []) if a.span and a.sector in ("GOV", "IGO")], lambda a: a.span)
    datelines = dateline_spans(doc_text(doc))
    places = [p for p in state.get("places", []) if p.lat is not None and p.span
              and not (_is_actor(p, acting) and not _written_as_a_location(p, doc))
              and not in_dateline(p.span, datelines)]
    places = _without_speakers_seats(places, doc)
    places = _without_origins(places, doc)
    places = _without_consequences(places, doc)
    dates = [d for d in state.get("dates", []) if (d.date is not None or d.precision == "ongoing") and not d.future]
    real_places = _places_of_real_clauses(places, events, doc)
    focus_place = _focus_place(real_places)
    usable_dates = _Dates(dates, layout, doc, datelines)
    widths = _widths(places, doc_text(doc))
    every_place = Nearby(places, layout, lambda p: p.span[0])
    nearby = {False: every_place,  # a hypothetical act may be placed where it would happen
              True: every_place if real_places is places else Nearby(real_places, layout, lambda p: p.span[0])}
    vague_country = state.get("actor_country") or named_country(state.get("actors", []))
    told: dict[str, Event] = {}  # trigger noun -> the last event it named, for "the bombing" told again
    for number, event in enumerate(events, start=1):
        event.id = f"m{number}"
        anchor = (event.trigger or event.evidence).start
        _link_date(event, anchor, usable_dates, doc, told)
        _link_place(event, anchor, nearby[is_real(event)], focus_place, widths)
        localise_actors(event, vague_country)
    _date_by_finding(events, usable_dates, doc)
    _date_by_head_noun(events, doc)
    spread_since(counts, state.get("dates", []), doc, meta.published)
    link_counts(events, counts, layout, doc, meta.published)
    merged = merge_mentions(events, doc, layout, _headline_end(doc, meta))
    _link_attribution(doc, events, state.get("claims", []), layout)
    quotes = state.get("quotes", [])
    # a wire report's undated act happened by the day its dateline names, not by a later reprint
    _date_by_publication(events, dateline_day(doc_text(doc), datelines, meta.published) or meta.published)
    in_report = merge_report_incidents(events, counts, doc, layout, state.get("claims", []), quotes, merged)
    merged = {old: in_report.get(new, new) for old, new in merged.items()} | in_report
    one_carrier_per_toll(events)
    divide_among_the_acts(events, doc, layout)
    told_acts_yield(events, doc)
    lead_act_is_the_row(events, doc, layout)
    opening_date_is_the_row(events, state.get("dates", []))
    past_of_a_participant_yields(events, doc)
    row_takes_the_incident_toll(events, doc, layout)
    lethal_interventions(events)
    add_implied_actors(events, vague_country)
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


def _date_by_head_noun(events: Sequence[Event], doc: Doc) -> None:
    """'the 2019 bombing of a hotel that killed 26 people': a relative clause tells what the act its
    noun names did, so it happened when that act did, not on the day of the sentence's main verb
    ("A court on Thursday sentenced two men for ..."); so did an act it "was followed by"."""
    by_trigger = {}
    for event in events:
        token = trigger_token(event, doc)
        if token is not None:
            by_trigger.setdefault(token.i, event)
    for event in events:
        token = trigger_token(event, doc)
        if token is None:
            continue
        head = token.head.i if token.dep_ == "relcl" else _followed(token)
        if head is None or head not in by_trigger:
            continue
        noun = by_trigger[head]
        if noun is not event and noun.date is not None and noun.date_precision not in ("reported", "unknown"):
            event.date, event.date_end, event.date_precision = noun.date, noun.date_end, noun.date_precision


def _date_by_finding(events: Sequence[Event], dates: "_Dates", doc: Doc) -> None:
    """'The body of a trader abducted on 5 July was discovered on 10 July': ACLED codes the attack
    on the day the remains were found, so an abduction told by the clause that describes the dead
    takes the day of the verb that found them, when that day is later (strife.extract.remains_found).
    A killing with a day of its own ("a trader killed on 5 July") keeps it."""
    for event in events:
        if not (event.cameo_code or "").startswith(ABDUCTION_CAMEO) or event.date is None:
            continue
        verb = finding_verb(trigger_token(event, doc))
        if verb is None:
            continue
        usable, _ = dates.usable(verb.i)
        mention = usable.nearest(verb.idx)
        mention = _not_of_a_told_clause(usable, verb.idx, verb, dates.layout, mention) or mention
        if mention is not None and mention.date is not None and mention.precision == "day" \
                and mention.date > (event.date_end or event.date):
            event.date, event.date_end, event.date_precision = mention.date, mention.date_end, mention.precision


def _followed(token) -> Optional[int]:
    """'The bombing was followed by a gun battle': the act that followed, on the day of the one
    it followed (the token index of that one's noun), or None."""
    agent = token.head if token.dep_ == "pobj" else None
    verb = agent.head if agent is not None and agent.dep_ == "agent" else None
    if verb is None or verb.lemma_ != "follow":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject.i if subject is not None else None


def _date_by_publication(events: Iterable[Event], published) -> None:
    """An event that happened and whose text names no date happened on or before publication:
    it takes that day with precision "reported", so timelines, date filters and exports keep it."""
    if published is None:
        return
    for event in events:
        if event.date is None and event.date_precision == "unknown" and is_real(event):
            event.date, event.date_precision = published, "reported"


def one_carrier_per_toll(events: list[Event]) -> None:
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


class _Dates:
    """An article's usable dates, indexed once: those free to date any event, and those that date
    only the noun they modify (by that noun's token index)."""

    def __init__(self, dates: Sequence[DateMention], layout: Layout, doc: Doc,
                 datelines: Sequence[tuple[int, int]] = ()):
        self.dates, self.layout = dates, layout
        # "KABUL, Oct 6 (Reuters) -": the day a report was filed dates no event (-1), as its city places none
        self.owners = [-1 if d.span and in_dateline(d.span, list(datelines)) else _date_owner(d, doc) for d in dates]
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


def _link_date(event: Event, anchor: int, dates: _Dates, doc: Doc, told: Optional[dict[str, Event]] = None) -> None:
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
    mention = _of_its_clause(usable, anchor, trigger, dates.layout, mention) or mention
    mention = _not_of_a_told_clause(usable, anchor, trigger, dates.layout, mention) or mention
    if mention is None and is_real(event):
        mention = days.last_before(anchor)
        before = _named_before(trigger, told, event)
        if before is not None and mention is not None and mention.date is not None and before.date is not None \
                and (mention.date - (before.date_end or before.date)).days > 7:
            # "the 2019 bombing ... The car bombing, claimed by ...": with no date of its own, an act
            # named again is the old one told before, not one of the last day the report named
            event.date, event.date_end, event.date_precision = before.date, before.date_end, before.date_precision
            return
    if mention is not None:
        event.date, event.date_end, event.date_precision = mention.date, mention.date_end, mention.precision
    if told is not None and trigger is not None and event.date is not None:
        if trigger.pos_ == "NOUN":
            told[trigger.lemma_.lower()] = event
        if event.acled_event_type:
            told[_TYPE_KEY + event.acled_event_type] = event


_TYPE_KEY = "type:"  # told's key of the last event of an ACLED type, for "killed in the bombing"
_POINTING_PREPS = frozenset({"in", "during", "by"})


def _of_its_clause(usable: Nearby, anchor: int, trigger, layout, nearest: Optional[DateMention]) -> Optional[DateMention]:
    """When the nearest date of the event's sentence lies outside its own clause (the trigger's
    subtree) and a date of that sentence lies inside it, the nearest inside: "the funeral on
    Monday of 16 villagers killed when gunmen attacked the village on Sunday": the killing is
    Sunday's, though Monday is nearer."""
    if trigger is None or nearest is None:
        return None
    start, end = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
    if start <= nearest.span[0] and nearest.span[1] <= end or not _dates_a_noun_above(nearest, trigger):
        return None
    inside = [d for d in usable.in_sentence(layout.sentence(anchor)) if start <= d.span[0] and d.span[1] <= end]
    return min(inside, key=lambda d: abs(d.span[0] - anchor), default=None)


def _not_of_a_told_clause(usable: Nearby, anchor: int, trigger, layout,
                          nearest: Optional[DateMention]) -> Optional[DateMention]:
    """'On 5 May, a teacher abducted on 28 April was released': a date inside a relative or
    participial clause that describes a noun dates that clause's act, the noun's past, not the verb
    of the sentence around it. When the nearest date lies in such a clause that does not hold the
    event's trigger, the nearest date of the sentence outside every such clause, if any; for an
    act whose sentence names no day, the last earlier such date of its paragraph."""
    if trigger is None or nearest is None or _in_a_told_clause(nearest, trigger) is None:
        return None
    sentence = usable.in_sentence(layout.sentence(anchor))
    if sentence:
        free = [d for d in sentence if _in_a_told_clause(d, trigger) is None]
        return min(free, key=lambda d: abs(d.span[0] - anchor), default=None)
    # "On 10 July, the body of a farmer who went missing on 6 July was found. He had been shot.":
    # an act with no date of its own takes the last earlier day of its paragraph that no such clause holds
    group = usable.by_paragraph.get(layout.paragraph(anchor))
    earlier = [d for d in (group.items if group else []) if d.span[0] < anchor]
    return next((d for d in reversed(earlier) if _in_a_told_clause(d, trigger) is None), None)


def _in_a_told_clause(mention: DateMention, trigger):
    """The verb of the relative or participial clause of a noun that holds the date and not the
    trigger, or None."""
    span = trigger.doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    above = set(trigger.ancestors) | {trigger}
    for token in span.root.ancestors:
        if token in above:
            return None
        if describes_a_noun(token):
            return token
    return None


def _dates_a_noun_above(mention: DateMention, trigger) -> bool:
    """Whether the date hangs on a noun whose phrase holds the event's clause ("the funeral on
    Monday of 16 villagers killed ..."): it dates that noun, not the clause inside its phrase."""
    span = trigger.doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    above = set(trigger.ancestors)
    if span.root in above:
        return True  # parsed "on Monday of 16 villagers killed ...": the clause hangs on the date itself
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    return head.pos_ == "NOUN" and head.i < span.start and head in above


def _named_before(trigger, told: Optional[dict[str, Event]], event: Optional[Event] = None) -> Optional[Event]:
    """The event an event noun with "the" names again ("the 2019 bombing ... The car bombing", "a
    truck bomb ... the blast": the last event of its ACLED type), or None. A clause that tells its victims "in the bombing" points back the same way ("whose two sons
    were killed in the bombing"): the last event of its ACLED type told before, when the noun is
    no other trigger's."""
    if told is None or trigger is None:
        return None
    if trigger.pos_ != "NOUN":
        nouns = [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in _POINTING_PREPS
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                 and any(c.dep_ == "det" and c.lower_ == "the" for c in o.children)]
        if not nouns or event is None or not event.acled_event_type:
            return None
        return told.get(nouns[0].lemma_.lower()) or told.get(_TYPE_KEY + event.acled_event_type)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.children):
        return None
    typed = told.get(_TYPE_KEY + event.acled_event_type) if event is not None and event.acled_event_type else None
    return told.get(trigger.lemma_.lower()) or typed  # "a truck bomb killed ... the site of the blast"


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
    lasting = _lasting_clause_of_a_noun(span)
    if lasting is None:
        lasting = _earlier_clause_of_a_noun(span)
    if lasting is not None:
        return lasting
    head = root.head
    speech = head.head if head.ent_type_ in ("DATE", "TIME") and head.i >= span.end else head  # "Wednesday morning"
    if speech.dep_ == "prep" and speech.lower_ == "on" and speech.i == span.start - 1:
        speech = speech.head  # "officials said on Tuesday"
    if speech.pos_ in ("VERB", "AUX") and speech.i < span.start and _is_speech(speech):
        return speech.i
    if head.pos_ not in ("NOUN", "PROPN") or not 0 <= head.i - span.end <= 3:
        return None
    determined = span.start > 0 and doc_[span.start - 1].tag_ in ("DT", "PRP$")
    possessive = span.end < len(doc_) and doc_[span.end].tag_ == "POS"
    return head.i if determined or possessive else None


def _lasting_clause_of_a_noun(span) -> Optional[int]:
    """'demanding their salaries that have been withheld for several months', 'release of their
    salaries withheld for the last 4 months': a length of time in a clause that describes a noun (a
    relative clause or a participle after it) tells how long that state has lasted, so it dates that
    clause only, not the protest or act the sentence reports (the token index of the clause's verb)."""
    if not re.search(r"\b(?:days?|weeks?|fortnights?|months?|years?|decades?)\b", span.text.lower()) or re.search(
            r"\b(?:ago|since|last|this|next)\s+(?:day|week|month|year)s?$|\bago$", span.text.lower()):
        return None  # a length of time, not a day or period placed from now ('last week', 'two days ago')
    prep = span.root if span.root.dep_ == "prep" else span.root.head
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in ("for", "over", "during") or verb.pos_ != "VERB":
        return None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
        return verb.i
    return None


def _earlier_clause_of_a_noun(span) -> Optional[int]:
    """'arrested 50 elders who had come to X to discuss the killing ... on 5 June': a date under a
    relative clause in the past perfect ('who had come') belongs to that clause, which English tells
    as earlier than the sentence's news; it dates the clause only (the token index of its verb)."""
    for verb in span.root.ancestors:
        if verb.dep_ == "relcl" and verb.pos_ in ("VERB", "AUX"):
            had = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
            return verb.i if had and verb.head.pos_ in ("NOUN", "PROPN", "PRON") else None
    return None


PLACE_SPECIFICITY = {"city": 0, "region": 1, "admin1": 2, "country": 3}  # region: a district
# "Y of Z", "Y in Z": the words between a place and the wider one that holds it.
_HELD_IN = re.compile(r"\s*(?:of|in)\s+(?:the\s+)?", re.IGNORECASE)


def _specificity(place: Place) -> float:
    return PLACE_SPECIFICITY.get(place.feature or "", 1)


def _widths(places: Sequence[Place], text: str) -> dict[int, float]:
    """How wide each place is, for picking the event's: its kind's `PLACE_SPECIFICITY`, except that a
    place written as the holder of the one before it ("Dorkapur village in Ulipur upazila of
    Kurigram", "in Badagry area of Lagos") is wider than what it holds, even when the gazetteer
    reads it as a town (a district named after its seat): ACLED codes the smallest unit named. Only
    when the two readings agree (same country and first-level region); a holder read in another
    region says nothing of which is the smaller. Keyed by `id` of the place."""
    widths = {id(p): float(_specificity(p)) for p in places}
    ordered = sorted(places, key=lambda p: p.span[0])
    for held, holder in zip(ordered, ordered[1:]):
        if held.span[1] > holder.span[0] or not _HELD_IN.fullmatch(text, held.span[1], holder.span[0]):
            continue
        if held.confidence < 0.5:
            continue  # a street named after a town ("Kohat road in Sargodha"): the holder is the place
        if holder.country == held.country and (holder.admin1 == held.admin1 or holder.feature == "country"):
            widths[id(holder)] = max(widths[id(holder)], widths[id(held)] + 0.5)
    return widths


def _link_place(event: Event, anchor: int, places: Nearby[Place], focus: Optional[Place],
                widths: Optional[dict[int, float]] = None) -> None:
    """The most specific place of the event's sentence (else of the nearest earlier sentence of its
    paragraph), the nearest of equals: "in Sangin district, Helmand ... US drone strike" is in
    Helmand; a country named with a town ("Mali Idjos, Serbia") is the town's; a place written as
    holding another ("Y upazila of Z") is wider than it (`_widths`)."""
    layout = places.layout
    nearest = places.nearest(anchor)
    place = None
    widths = widths or {}
    if nearest is not None:
        sentence = layout.sentence(nearest.span[0])
        rivals = places.in_sentence(sentence)
        place = min(rivals, key=lambda p: (widths.get(id(p), _specificity(p)), p.confidence < 0.5,
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
    still says where things were ("thwarted a Houthi attack on the Wadi Tayyim front").
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
    toponym's first word: "Mali Idjos" is a town, "As Safsaf (Tripoli)" a place qualified by one.
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


def _without_speakers_seats(places: list[Place], doc: Doc) -> list[Place]:
    """The places without the capitals written as where a speaker sits ("The Interior Ministry in Kabul
    said nine people were killed"): a ministry's seat is not where the deaths it reports were. Only a
    national capital modifying the subject of a speech verb, and only when the article names another place."""
    seats = [p for p in places if _speakers_seat(p, doc)]
    if not seats or len(seats) == len(places):
        return places
    seat_ids = {id(seat) for seat in seats}
    return [p for p in places if id(p) not in seat_ids]


def _without_origins(places: list[Place], doc: Doc) -> list[Place]:
    """The places without those written as where people came from ("reinforcements from Westvale
    district and Eastbrook arrived in Northfield"), in a sentence that names a place outright: the
    act is where they arrived or struck, however much more specific the place they came from is."""
    from strife.extract.places.resolution import written_as_origin

    return _without_placed_elsewhere(places, doc, lambda p: written_as_origin(doc, p.span))


def _without_placed_elsewhere(places: list[Place], doc: Doc, elsewhere: Callable[[Place], bool]) -> list[Place]:
    """The places without those `elsewhere` says tell no place of the act (an origin, a
    consequence), when their sentence names another place; alone in their sentence they stay."""
    skipped = {id(p) for p in places if elsewhere(p)}
    if not skipped:
        return places
    placing = {_sentence_start(p, doc) for p in places if id(p) not in skipped}
    return [p for p in places if id(p) not in skipped or _sentence_start(p, doc) not in placing]


@functools.lru_cache(maxsize=1)
def consequence_verbs() -> frozenset[str]:
    """The lemmas of geo_consequence_verbs.csv ("cause"): their participle tells an act's effect elsewhere."""
    return frozenset(row["lemma"] for row in read_data_csv("geo_consequence_verbs.csv"))


def _in_consequence(place: Place, doc: Doc) -> bool:
    """Is the place written in a participle clause telling what an act caused ("..., causing power
    cuts in areas of X")? Its first verb above is such a participle, hung on another verb."""
    span = doc.char_span(*place.span, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = verb_or_root(span.root)
    return (token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp") and token.lemma_.lower() in consequence_verbs()
            and token.head.pos_ in ("VERB", "AUX"))


def _without_consequences(places: list[Place], doc: Doc) -> list[Place]:
    """The places without those written where an act's consequence was felt ("gunmen blew up a
    pylon in Westvale area, causing power cuts in areas of Northfield"), in a sentence that names
    another place: the act is where it was done."""
    return _without_placed_elsewhere(places, doc, lambda p: _in_consequence(p, doc))


def _sentence_start(place: Place, doc: Doc) -> int:
    span = doc.char_span(*place.span, alignment_mode="expand")
    return span.sent.start if span is not None and len(span) else -1


def _speakers_seat(place: Place, doc: Doc) -> bool:
    from strife.extract.quotes import speech_verb

    if place.feature != "city" or not _can_stand_for_a_state(place):
        return False
    span = doc.char_span(*place.span, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token, via_preposition = span.root, False
    while token.head is not token:
        if token.dep_ == "prep":
            via_preposition = True
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = speech_verb(token.head)
            return via_preposition and verb is not None and verb.kind in ("speech", "report")
        if token.dep_ not in ("pobj", "prep", "compound", "appos", "amod", "det"):
            return False
        token = token.head
    return False


def _can_stand_for_a_state(place: Place) -> bool:
    if place.feature == "country":
        return True
    from strife.resolve.geocode import Gazetteer

    return place.feature == "city" and any(
        c.capital and c.geonames_id == place.geonames_id for c in Gazetteer.default().lookup(place.name)
    )


def _focus_place(places: Iterable[Place]) -> Optional[Place]:
    """The town (else region, else country) the article names most often: where its undated, unplaced
    scenes are. A region written once ("in Burundi's Kirundo province") says more of where than its
    country written three times: ACLED codes the most specific place the report gives."""
    tally: dict[tuple, list[Place]] = {}
    for place in places:
        tally.setdefault((place.geonames_id, place.name.lower()), []).append(place)
    if not tally:
        return None
    best = max(tally.values(), key=lambda group: (group[0].feature == "city", group[0].feature != "country", len(group),
                                                  -group[0].span[0]))
    return best[0].model_copy(update={"part": None, "span": None, "geo_precision": max(best[0].geo_precision, 2)})


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
