"""Figures to events, and every event the toll of the incident it tells.

A figure belongs to the event its sentence names, or to the event just before it ("... was
shelled. Two nurses were killed in the attack."); the events that tell one incident (one sentence,
or an outcome told just after) share its toll, as a coder writes one row with the incident's
toll. `link` calls `link_counts` once the events have their dates and places.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Optional, Sequence

from spacy.tokens import Doc, Token

from strife.extract import Layout, doc_text
from strife.extract.count_spread import (clause_names, days_of_range, names_of_unit, places_as_objects,
                                         places_listed, places_written_as_a_list)
from strife.extract.count_totals import revises_the_told_toll
from strife.extract.count_words import background_clause, count_cues, count_kind_for, trigger_for
from strife.extract.events.grammar import against_the_verbs_act
from strife.extract.events.remembered import past_period_clause
from strife.extract.incident_agreement import SHORT_SPAN_DAYS, incident_days_agree
from strife.extract.incident_doers import sources_agree
from strife.extract.incident_openers import opens_a_new_incident
from strife.extract.nearby import ByStart
from strife.extract.tolls import (COUNT_FIELDS, dead_elsewhere, died_later, incident_toll, is_tally_line,
                                  unlink_elsewhere)
from strife.model import Count, Event
from strife.ontology import load_ontology
from strife.ontology.families import VIOLENCE
from strife.resolve.coref import event_anchor, is_real, places_agree, trigger_token

#: ACLED's type for violent demonstrations, a violent act though not an ASSAULT or FIGHT in PLOVER.
RIOTS = "Riots"
PROTESTS = "Protests"
MATERIAL_QUADS = {"material_conflict", "material_cooperation"}


def link_counts(events: list[Event], counts: list[Count], layout: Layout, doc: Doc,
                published: dt.date | None = None) -> None:
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
        if event is not None and not _may_hold(event, count, doc, published):
            event = None  # "arrested 4 over last week's attack that killed 5": that attack's dead
        if event is not None:
            count.event_id = event.id
    unlink_elsewhere(counts, doc)
    text = doc_text(doc)
    tallies = {id(c) for c in counts if c.total and c.span and is_tally_line(c, doc)}
    linked: dict[str, list[tuple[int, Count]]] = {}  # event id -> its figures (with their place in `counts`)
    for position, count in enumerate(counts):
        if count.event_id is not None:
            linked.setdefault(count.event_id, []).append((position, count))
    acts_told = frozenset(layout.sentence(event_anchor(event)) for event in events)
    for incident in _incidents(events, layout, doc, counts, clause_of, published):
        ids = {event.id for event in incident}
        told_in = frozenset(layout.sentence(event_anchor(event)) for event in incident)

        def own_total(count: Count, told_in: frozenset[int] = told_in) -> bool:
            # a total told with the incident, or the report's closing tally; "A total of eight
            # deaths were reported in government-controlled areas" tallies a wider day or area;
            # "The death toll was later raised to 7." revises the toll told before it
            sentence = layout.sentence(count.span[0])
            return (id(count) in tallies or sentence in told_in
                    or (sentence not in acts_told and revises_the_told_toll(count, doc)))

        of_incident = [c for _, c in sorted((pair for i in ids for pair in linked.get(i, ())), key=lambda pair: pair[0])]
        for count in of_incident:
            spread_over_days_told(count, incident[0], layout, doc)
        for kind, field in COUNT_FIELDS.items():
            figures = [c for c in of_incident if c.kind == kind and c.part_of is None]
            toll = incident_toll(figures, text, layout, own_total, lambda c: id(c) in tallies, doc)
            if toll is None:
                continue
            for event in incident:
                setattr(event, field, toll)
    _own_place_only(events, counts, layout, doc)


def _own_place_only(events: Sequence[Event], counts: Sequence[Count], layout: Layout, doc: Doc) -> None:
    """ "Bandits killed three farmers in Kadiri. Another farmer was killed in Wanko the same day.": the
    second killing is told at a place of its own (`dead_elsewhere`), so a place borrowed from another
    sentence (the first act's, when the gazetteer does not know its own) is not its place: it has none
    rather than the other event's; and the place of the second ("Fura" when "Tulmaro" is unknown) is not
    the first act's either."""
    elsewhere = dead_elsewhere(counts, doc)
    if not elsewhere:
        return
    theirs = {layout.sentence(event_anchor(e)) for e in events if e.id in elsewhere}
    their_places = {(e.location.name, e.location.country) for e in events if e.id in elsewhere and e.location
                    and e.location.span is not None and layout.sentence(e.location.span[0]) in theirs}
    for event in events:
        place, own = event.location, layout.sentence(event_anchor(event))
        if place is None:
            continue
        if place.span is None:  # the report's one place, given to an act whose own the gazetteer lacks
            if event.id not in elsewhere and (place.name, place.country) in their_places:
                event.location = None
            continue
        if layout.sentence(place.span[0]) == own:
            continue
        if event.id in elsewhere or layout.sentence(place.span[0]) in theirs:
            event.location = None


def spread_over_days_told(count: Count, event: Event, layout: Layout, doc: Doc) -> None:
    """ "Inter-communal fighting in Lodomo on 19-20/06. 10 killed.": a figure told in a sentence of
    its own after an act told over a range of days (or at a list of named places) is its toll over
    those days (places), which ACLED divides among them, as it does a figure told with the range
    (`strife.extract.counts`)."""
    anchor = event_anchor(event)
    if count.split_over is not None or layout.sentence(count.span[0]) == layout.sentence(anchor):
        return
    told = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    days = days_of_range(told.sent) if told is not None and len(told) else None
    if days is None and told is not None and len(told):
        figure = doc.char_span(*count.span, alignment_mode="expand")
        days = _places_told(told.root, figure is not None and len(figure) > 0 and _names_a_scene(figure.sent))
    if days is not None:
        count.split_over = days


def _names_a_scene(sentence) -> bool:
    """ "3 soldiers were killed in Dolow": the figure's sentence names a place of its own (a name after
    a locative preposition, cue role spread_place), so its toll is that place's, not one to share."""
    preps = count_cues().get("spread_place", frozenset())
    return any(token.dep_ == "pobj" and token.pos_ == "PROPN" and token.head.lower_ in preps for token in sentence)


def _places_told(trigger: Token, own_place: bool = False) -> Optional[int]:
    """ "Soldiers clashed with rebels in Kuma and Bedi. 8 rebels killed.", "Troops cleared Kuma and Bedi
    of militants. Four reported dead.": the named places the act's clause lists
    (`strife.extract.count_spread.places_listed`, `places_as_objects`), among which ACLED divides the
    toll told after it, as it does one told with the list; None when it lists none. Places the act
    strikes as its objects are not shared out when the figure's sentence names its own (``own_place``:
    "attacked A and B. 3 soldiers were killed in B.")"""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    listed = max((places_listed(name) for name in clause_names(verb)), default=0)
    listed = max(listed, places_written_as_a_list(verb), 0 if own_place else places_as_objects(verb))
    listed = max(listed, max((names_of_unit(unit) for unit in verb.children if unit.dep_ in ("dobj", "nsubjpass")), default=0))
    return listed if listed >= 2 else None


def _incidents(events: Sequence[Event], layout: Layout, doc: Doc, counts: Sequence[Count] = (),
               clause_of: Optional[Callable[[Event], Optional[int]]] = None,
               published: dt.date | None = None) -> list[list[Event]]:
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
    elsewhere = dead_elsewhere(counts, doc)
    for event in events:
        sentence = layout.sentence(event_anchor(event))
        home = None
        if is_real(event) and (_violent(event) or event.acled_event_type == PROTESTS) and event.id not in elsewhere:
            near = sorted(set().union(*(told_in.get(s, ()) for s in (sentence - 2, sentence - 1, sentence))), reverse=True)
            home = next((n for n in near if _same_incident(groups[n], event, layout, doc, clause_of, published)), None)
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
                   clause_of: Optional[Callable[[Event], Optional[int]]] = None,
                   published: dt.date | None = None) -> bool:
    last = group[-1]
    if _protested(event, doc):
        return False
    if _one_protest(last, event, layout, doc):
        return True
    if _put_down(last, event) and is_real(last) and _next_sentence(last, event, layout) and places_agree(last, event):
        return True  # "Protesters blocked roads in Kalu. Police fired live rounds, killing 2."
    if not _violent(last) or not is_real(last):
        return False
    clause_of = clause_of or (lambda e: _clause_of(e, doc))
    sentence = layout.sentence(event_anchor(event))
    clause = clause_of(event)
    if any(layout.sentence(event_anchor(e)) == sentence and clause_of(e) == clause
           and not _acts_of_their_own_days(e, event, doc) for e in group):
        return True
    gap = sentence - layout.sentence(event_anchor(last))
    same_paragraph = layout.paragraph(event_anchor(event)) == layout.paragraph(event_anchor(last))
    if not (same_paragraph and 0 < gap <= 2 and clause is None and places_agree(last, event)):
        return False
    if _days_told_apart(last, event, published) and _is_outcome(event, doc) and _told_by_a_verb(event, doc):
        return False  # "Gunmen killed 2 in Kuma on Monday. On Tuesday, 3 were killed in Bedi.": two days, two rows
    if (token := trigger_token(event, doc)) is not None and opens_a_new_incident(token):
        return False  # "Separately, police recovered 4 bodies": another incident, not this one's toll
    if gap == 1 and _is_response(event, doc):
        return True
    if _is_anaphoric(event, doc) and sources_agree(last.source, event.source):
        return True  # "Three soldiers died in the attack": the attack told before, by the same attackers
    if gap == 1 and _told_of_the_fighting(event, doc):
        return True  # "The fighting followed a new offensive by the brigade": the offensive began it
    return not event.source and (_is_outcome(event, doc) or _finds_the_dead(event, doc))


def _acts_of_their_own_days(last: Event, event: Event, doc: Doc) -> bool:
    """ "attacked A on 12 June, killing 3; on 13 June, militants raided B, killing 5": two acts of one
    sentence, each told on a day of its own with a doer of its own, are two events (ACLED codes an
    event a day), each with its own dead; not an outcome or a finding told on a later day with no
    doer ("killed 8; 5 more bodies recovered on 16 June", "kidnapped 2; one was found dead on 14
    June"), which is the act's."""
    return (bool(event.source) and _days_told_apart(last, event) and not _is_outcome(event, doc)
            and not _is_outcome(last, doc))


def _days_told_apart(last: Event, event: Event, published: dt.date | None = None) -> bool:
    """Two acts each told on a day of its own that do not meet ("killed 2 villagers on Monday. On
    Tuesday, 3 people were killed"): ACLED codes an event a day, so the later deaths are another
    event's, not the earlier act's toll. An act the text gives no day (the report's news) or a span
    of days holding the other's day may still be its outcome (`incident_days_agree`). The caller
    asks it of deaths told alone by a verb ("3 were killed"), never of remains found days later.
    Deaths told on a day, in a month or in a year of their own that ends before the week of the
    report, after an act the text gives no day (the report's news), are another incident too ("Two
    soldiers were killed in Kabo. Five soldiers were killed in the same area in May.")."""
    if last.date is None and published is not None and event.date_precision in ("day", "month", "year"):
        return (event.date_end or event.date) < published - dt.timedelta(days=SHORT_SPAN_DAYS)
    if last.date_precision != "day" or event.date_precision != "day":
        return False
    return not incident_days_agree(last, event)


def _told_by_a_verb(event: Event, doc: Doc) -> bool:
    """Whether the event's trigger is a verb ("were killed", "died"), not a noun of remains ("bodies")."""
    token = trigger_token(event, doc) if event.trigger is not None else None
    return token is not None and token.pos_ == "VERB"


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
    token = trigger_token(event, doc) if event.trigger is not None else None
    if token is None:
        return False
    grievances = count_cues().get("grievance", frozenset())
    if against_the_verbs_act(token):
        return True  # 'staged a sit-in against the killing of a teacher': what the sit-in is against
    below = token
    for above in list(token.ancestors)[:10]:
        if (above.lemma_.lower() in grievances or _carried_remains(above)) and below.dep_ in ("dobj", "prep", "pobj"):
            return True  # inside the object of "protest" (or the body carried), however deep the phrase goes
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
    head = background_clause(token)
    return head.i if head is not None else None


#: Edges that stay inside one noun phrase or its preposition (a relative clause is a clause of its own).
_PHRASE_EDGES = frozenset({"pobj", "prep", "dobj", "compound", "nummod", "amod", "appos", "conj", "poss", "nmod"})


def _grievance_of(token: Token) -> Optional[Token]:
    """What a protest or a mourning is about, when the figure is in it ("to protest the death of a
    student", "protests over the killing of 3 men"): the head of the object of a ``grievance`` word
    of count_cues.csv, reached without leaving the noun phrase; else None."""
    grievances = count_cues().get("grievance", frozenset())
    current = token
    for _ in range(8):
        if current.dep_ not in _PHRASE_EDGES or current.head is current or _tally_set_off(current):
            return None
        if current.head.lemma_.lower() in grievances or against_the_verbs_act(current):
            return current  # 'staged a sit-in against the killing of a teacher': what the sit-in is against
        if _carried_remains(current.head):
            return current  # 'blocked the road with the body of a youth who was beaten to death'
        current = current.head
    return None


def _carried_remains(noun: Token) -> bool:
    """'blocked the road with the body of a farmer', 'placed the body on the highway', 'carrying the
    bodies of two men': remains (roles.yaml remains_nouns) a crowd has with it or carries
    (count_cues.csv carried_remains) are what its protest is about, the dead of an earlier incident."""
    if noun.lemma_.lower() not in load_ontology().words("remains_nouns"):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        return True
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in count_cues().get("carried_remains", frozenset())


#: Marks that set a headline's tally off from the clause before it ("protest over fees, 1 dead").
_TALLY_MARKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014"})


def _tally_set_off(phrase: Token) -> bool:
    """A headline's closing tally ("Residents protest over fees, one dead"): an appositive after a
    comma or a semicolon that holds a casualty word tells the deaths of the incident, which the
    parser hangs on the last noun before it; it is never part of what is protested."""
    if phrase.dep_ != "appos" or phrase.left_edge.i == 0:
        return False
    if phrase.doc[phrase.left_edge.i - 1].text not in _TALLY_MARKS:
        return False
    return any(count_kind_for(t) in ("killed", "injured") for t in phrase.subtree)


def _is_cause(head: Optional[int], doc: Doc) -> bool:
    """Whether the background clause headed by token `head` is opened by a word telling an act
    that came before the main clause ("after", a ``cause`` cue of count_cues.csv)."""
    if head is None:
        return False
    causes = count_cues().get("cause", frozenset())
    token = doc[head]
    return any(c.dep_ == "mark" and c.lower_ in causes for c in token.children) or (
        token.dep_ == "pobj" and token.head.lower_ in causes)


def _is_outcome(event: Event, doc: Doc) -> bool:
    """Whether the event's trigger only says what happened to people ("killed", "died", "wounded")."""
    token = trigger_token(event, doc) if event.trigger is not None else None
    return token is not None and count_kind_for(token) in ("killed", "injured")


def _finds_the_dead(event: Event, doc: Doc) -> bool:
    """ "His body was found on Tuesday": an act whose object is the body of someone told before
    (a possessive or definite outcome noun) tells the end of the earlier incident."""
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


def _next_sentence(last: Event, event: Event, layout: Layout) -> bool:
    """Whether `event` is told in the sentence right after `last`'s, in its paragraph."""
    start, end = event_anchor(last), event_anchor(event)
    return layout.paragraph(start) == layout.paragraph(end) and layout.sentence(end) - layout.sentence(start) == 1


#: The sectors of the forces that police a demonstration (CAMEO: police, military).
_FORCES_OF_ORDER = frozenset({"COP", "MIL"})


def _put_down(demonstration: Event, event: Event) -> bool:
    """ "Protesters blocked roads and burned tyres. Police fired live rounds, killing 2.": the
    police's violence told right after a demonstration, with no other target named, is its
    intervention on it, and ACLED codes the demonstration with the deaths of the intervention (one
    row, "Riots/Protests" then; excessive force or a riot now)."""
    if demonstration.acled_event_type not in (RIOTS, PROTESTS) or event.event_type not in VIOLENCE:
        return False
    if not event.source or not all(actor.sector in _FORCES_OF_ORDER for actor in event.source):
        return False
    return not event.target or all(actor.sector in ("OPP", "CVL", None) for actor in event.target)


def _is_response(event: Event, doc: Doc) -> bool:
    """ "Security forces responded with gunfire": an act told as the answer to the one told just
    before (a ``response`` cue of count_cues.csv on its trigger or the verb it hangs on) is part of
    that incident, as ACLED codes it, whoever does it."""
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


def _told_of_the_fighting(event: Event, doc: Doc) -> bool:
    """ "The fighting followed a new offensive by the brigade"; "The clashes came after an attack on
    a camp": an act told as what the violence told just before followed (its clause's subject a
    definite violent event noun pointing back) is how that incident began, one incident with it."""
    from strife.resolve.coref import violent_event_nouns

    token = trigger_token(event, doc) if event.trigger is not None else None
    if token is None:
        return False
    determiners, nouns = load_ontology().words("anaphoric_dets"), violent_event_nouns()
    return any(verb.pos_ in ("VERB", "AUX") and verb.i <= token.i and any(
                   child.dep_ == "nsubj" and child.lemma_.lower() in nouns
                   and any(d.dep_ == "det" and d.lower_ in determiners for d in child.children)
                   for child in verb.children)
               for verb in [token, *token.ancestors])


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
        self.all_violent = ByStart([e for group in material.values() for e in group if e.event_type in VIOLENCE],
                                   _evidence_start)
        self.material = {n: ByStart(group, _evidence_start) for n, group in material.items()}

    def last_material_before(self, start: int, paragraph: int) -> Optional[Event]:
        """The last violent event before `start` in the paragraph, else the last material one."""
        if paragraph not in self.material:
            return None
        return self.violent[paragraph].last_before(start) or self.material[paragraph].last_before(start)


def _may_hold(event: Event, count: Count, doc: Doc, published: dt.date | None) -> bool:
    """A figure told in a clause of what an act of a past period did (`past_period_clause`) counts
    that earlier incident's dead: only an event told inside that clause holds it."""
    counted = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
    clause = past_period_clause(counted.root, published) if counted is not None and len(counted) else None
    if clause is None:
        return True
    token = trigger_token(event, doc)
    return token is not None and clause.start <= token.i < clause.end


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
            own = [e for e in same if _violent(e) and _is_cause(clause_of(e), doc)]
        if not own:
            return None
        return min(own, key=lambda e: (e.quad not in MATERIAL_QUADS, abs(event_anchor(e) - start)))
    if clause is not None:
        return None
    found = told.last_material_before(start, layout.paragraph(start))
    if found is None and counted is not None and len(counted) and died_later(counted.root):
        # "A third victim later died in hospital": a death told after the incident, in a paragraph
        # of its own, is that incident's toll rising
        found = told.all_violent.last_before(start)
    return found
