"""One incident, one event, one toll: a whole news report read as a coder reads it.

The event stage codes every clause that tells violence, and the linker merges mentions that sit
close together (`strife.resolve.coref`). A wire report tells one incident many more times, far
apart: the lead, each side's account ("Afghan officials said ... 11 villagers", "the American
military said it killed five militants"), the details three paragraphs down ("four men, four
children and three women were killed in the American attack"). Summing their tolls counts the
dead again and again. This module adds what a coder knows of how news is written:

- **Not events.** A death figure of a period up to now ("have been killed since the invasion",
  "the war has killed half a million") is a statistic (`Count.aggregate`), and the clause telling
  it is no incident; an act told as a habit ("frequently stages attacks") is none either.
- **One incident.** A violent event that happened joins the incident told before it when nothing
  sets them apart: the same place or none (a town and its province agree, two provinces do not),
  the same day or none (a short span of days agrees with a day inside it; an undated event is the
  report's news, of the publication day or the day before), no contradicting perpetrators (an
  actor named by common nouns, "a warplane", can be anyone's; a country alone is its state's
  side), nothing that announces another incident ("another attack", "a similar attack"), and it
  is told in the same sentence, or with the same ACLED type, as the attackers' own claim, or as a
  mention that only points back ("the attack",
  "were killed", a crosshead); within one paragraph only within two sentences of the incident's
  last mention and not when each tells a toll of its own, so a digest of reports on one line stays
  one event per report. The incident keeps the coding of the
  mention the event stage was surest of, and its confidence (far mentions in one report are not
  independent witnesses).
- **One toll.** The incident's figure of each kind is read per paragraph (within one, figures of
  different victims add up, as `strife.extract.tolls.incident_toll` adds them); each paragraph's figure
  is one account. Following the inverted pyramid, `best` is the first account's (the headline's
  or the lead's), `low` and `high` are the smallest and largest of all accounts, listed in
  `Count.accounts` with who gave them. A figure claimed by the side that did the killing ("We
  killed 10 people", a spokesman of the group that claimed the attack) bounds the toll but is
  never its best.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Token

from strife.extract import Layout, clause_verb, doc_text, doc_tokens
from strife.extract.count_words import lookup_keys, victim_nouns
from strife.extract.counts import count_cues, count_kind_for
from strife.extract.events.tables import coding_set
from strife.extract.incident_doers import its_doers_kill_on, sources_agree
from strife.extract.incident_openers import opens_a_new_incident
from strife.extract.report_words import report_words
from strife.extract.tolls import COUNT_FIELDS, died_later, incident_toll, is_tally_line, other_people, sum_known, victim_rank
from strife.model import Claim, Count, DateMention, Event, Quote
from strife.ontology import load_ontology
from strife.ontology.families import VIOLENCE
from strife.resolve.coref import (
    absorb,
    event_anchor,
    is_real,
    places_agree,
    remember_mentions,
    trigger_token,
)

#: A week or less of days agrees with a day inside it ("the weekend raid", "Sunday night").
SHORT_SPAN_DAYS = 7
KILLING_VERBS = frozenset({"kill", "shoot", "slay", "execute", "eliminate", "neutralize", "neutralise", "behead"})
HEADING_CHARS = 100  # a headline or crosshead: one short line
NEAR_SENTENCES = 2  # within a paragraph, a mention joins an incident told this many sentences before at most
FIRST_PERSON = frozenset({"we", "us", "our"})
BOUND_PRONOUNS = frozenset({"it", "they", "we"})
SPEECH_OF_CLAIMS = frozenset({"say", "claim", "state", "announce"})


# -- not events: statistics and habits ----------------------------------------------------------


def mark_aggregates(counts: Sequence[Count], doc: Doc, dates: Sequence[DateMention] = (),
                    published: Optional[dt.date] = None) -> set[int]:
    """Flag the figures that total a period up to now; return the token indices of their clauses' verbs.

    A period of the last few days is the incident's own ("killing five since Monday"): only a
    period that starts more than a week before publication, or at an event ("since the war
    began"), makes a statistic."""
    recent = [d.span for d in dates if d.date is not None and published is not None
              and (published - d.date).days <= SHORT_SPAN_DAYS]
    verbs: set[int] = set()
    for count in counts:
        if count.span is None or count.kind is None:
            continue
        span = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
        verb = clause_verb(span.root) if span is not None and len(span) else None
        if verb is not None and _totals_a_period(verb, span.root, recent):
            count.aggregate = True
            verbs.add(verb.i)
    return verbs


def _totals_a_period(verb: Token, figure: Token, recent: Sequence[tuple[int, int]] = ()) -> bool:
    """'have been killed since ...', 'so far this year', 'brought ... the toll of deaths since', 'the war has killed'."""
    period = count_cues().get("period", frozenset())
    for token in verb.subtree:
        if token.lower_ not in period or _starts_recently(token, recent):
            continue
        if token.dep_ == "prep" and getattr(clause_verb(token.head), "i", None) == verb.i:
            return True  # "killed since the invasion", "the toll of deaths since Jan. 4"
        if token.dep_ == "mark" and token.head.head.i == verb.i:
            return True  # "killed since Russia invaded"
    if any(_phrase(t) in period for t in (*verb.children, *figure.head.children) if t.dep_ in ("advmod", "npadvmod")):
        return True  # "this year"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return perfect and any(s.lemma_.lower() in report_words().get("aggregate_subject", ()) for s in subjects)


def _starts_recently(since: Token, recent: Sequence[tuple[int, int]]) -> bool:
    """'since Monday': the period's start is a date of the last week."""
    phrase = since.head if since.dep_ == "mark" else since
    start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
    return any(start <= a and b <= end for a, b in recent)


def _phrase(token: Token) -> str:
    """An adverbial with its own modifiers, in lower case ("so far", "this year")."""
    return " ".join(t.lower_ for t in token.subtree)


def _counted_in_a_statistic(token: Token, statistic_verbs: set[int]) -> bool:
    """'More than 80 people have been killed in militant attacks this year': the plural event noun of
    a statistic's clause names the many incidents the total sums, none of them this report's. Only as
    the object of the verb's preposition: "Recent attacks have killed eight leaders since July" tells
    the attacks themselves."""
    if token.tag_ != "NNS" or token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    verb = clause_verb(token.head)
    return verb is not None and verb.i == token.head.head.i and verb.i in statistic_verbs


def is_habitual(event: Event, doc: Doc) -> bool:
    """An act told as a habit: a present-tense verb with a word of frequency ("frequently stages attacks",
    "carries out frequent attacks"), not an incident that happened on a day."""
    token = trigger_token(event, doc)
    verb = clause_verb(token) if token is not None else None
    if verb is None or verb.tag_ not in ("VBZ", "VBP"):
        return False
    habitual = report_words().get("habitual", frozenset())
    words = [*verb.children, *(token.children if token.i != verb.i else ())]
    return any(w.lower_ in habitual and w.dep_ in ("advmod", "amod") for w in words)


def drop_non_events(events: list[Event], counts: Sequence[Count], doc: Doc, dates: Sequence[DateMention] = (),
                    published: Optional[dt.date] = None) -> list[Event]:
    """The events without statistics of a period and habits (figures of a period are flagged on `counts`)."""
    statistic_verbs = mark_aggregates(counts, doc, dates, published)
    kept = []
    for event in events:
        token = trigger_token(event, doc)
        if token is not None and (token.i in statistic_verbs or _counted_in_a_statistic(token, statistic_verbs)):
            continue
        if event.event_type in VIOLENCE and is_habitual(event, doc):
            continue
        kept.append(event)
    return kept


# -- one incident ---------------------------------------------------------------------------------


def merge_report_incidents(events: list[Event], counts: Sequence[Count], doc: Doc, layout: Layout,
                           claims: Sequence[Claim] = (), quotes: Sequence[Quote] = (),
                           merged: Optional[dict[str, str]] = None) -> dict[str, str]:
    """Merge the mentions of one incident across the report, in place; return absorbed id -> survivor id.

    `merged` maps ids the earlier merge absorbed to their survivors, so figures linked to an
    absorbed mention still count for its incident.
    """
    incidents: list[list[Event]] = []
    absorbed: dict[str, str] = _tallies_of_riots(events, doc, layout)
    reporters = _Reporters(doc, claims, quotes, events)
    shared = _shared_tolls(events)
    text = doc_text(doc)
    found = frozenset(e.id for e in events if _finds_the_dead(e, doc))
    for event in events:
        if event.id in absorbed:
            continue
        toll_of = _names_the_toll_of(event, doc, incidents)
        if toll_of is not None:
            # "the death toll from the raid had risen to eight": the incident told before, by its
            # definite noun, whatever its own coding and the day it was said
            absorb(toll_of[0], event)
            toll_of.append(event)
            absorbed[event.id] = toll_of[0].id
            continue
        if not _is_violent(event):
            continue
        if incidents and event.fatalities is None and _names_the_told_ones(event, doc):
            # "No one claimed responsibility for either attack": the incidents told before, none new
            survivor = incidents[-1][0]
            remember_mentions(survivor, event)
            absorbed[event.id] = survivor.id
            continue
        if _announces_another(event, doc):
            incidents.append([event])
            continue
        refers = reporters.claims_the_killing(event) or _points_back(event, doc, layout)
        # the headline tells the lead's incident, in other words: the first mention of the body joins
        # the headline's incident whatever type each is coded (when nothing sets them apart)
        leading = not _in_heading(event_anchor(event), text, layout) and all(
            _in_heading(event_anchor(e), text, layout) for group in incidents for e in group)
        # an act the event stage could give no ACLED type ('burned shelters before fleeing') is no
        # incident to point back to while a typed one told before also agrees
        borrowed = _place_from_another_clause(event, doc)
        joining = (group for group in reversed(incidents) if _joins(group, event, layout, refers or leading, found, borrowed))
        home = _typed_first(joining)
        # 'They killed 4 people' after the act of its doers: that act's toll, the act leading
        kills_on = home is None and bool(incidents) and _is_violent(incidents[-1][0]) and incident_places_agree(
            incidents[-1][0], event) and incident_days_agree(incidents[-1][0], event) and its_doers_kill_on(incidents[-1], event, doc, layout)
        home = incidents[-1] if kills_on else home
        if home is None:
            incidents.append([event])
            continue
        survivor, mention = home[0], event
        finding = (event.id in found, survivor.id in found)
        if not incident_days_agree(survivor, event) and not any(finding):
            pass  # joined through the remains found: of another day than the act that leads, never leading it
        elif finding[0] != finding[1]:
            if finding[1]:  # the act that killed them leads, on its own day, not the day the bodies were found
                survivor, mention = event, survivor
                home[0] = survivor
        elif kills_on:
            pass
        elif _leads(event, survivor, doc) and not _bare_tally(event, doc) or _bare_tally(survivor, doc) and not _bare_tally(event, doc):
            survivor, mention = event, survivor  # the incident keeps the coding the event stage was surest of
            home[0] = survivor
        confidence = max(survivor.confidence, mention.confidence)
        if _bare_tally(mention, doc) and not _bare_tally(survivor, doc):
            mention.target, mention.source = [*mention.target, *mention.source], []  # '2 soldiers killed': the victims
            _armed_dead_make_a_battle(survivor, mention)
        absorb(survivor, mention)
        survivor.confidence = confidence  # a far mention in the same report is no independent witness
        if mention.id in found:
            pass  # the day remains were found is not the day of the act that killed them
        elif any(e.id in found for e in home[1:]) and survivor.date_precision == "reported" and mention.date:
            # 'bodies found' joined the headline's undated attack; the act told with its day dates it
            survivor.date, survivor.date_end, survivor.date_precision = mention.date, mention.date_end, mention.date_precision
        elif incident_days_agree(survivor, mention):
            _take_the_day(survivor, mention, _in_heading(event_anchor(survivor), text, layout))
        home.append(mention)
        absorbed[mention.id] = survivor.id
    if not absorbed:
        return {}
    absorbed = {old: _final(old, absorbed) for old in absorbed}
    owner = {**(merged or {}), **absorbed}
    for group in incidents:
        if len(group) > 1:
            _set_tolls(group, counts, doc, layout, owner, reporters, shared)
    events[:] = [event for event in events if event.id not in absorbed]
    return absorbed


def _typed_first(groups: Iterable[list[Event]]) -> Optional[list[Event]]:
    """The first incident whose lead has an ACLED type, else the first of all; stops at the first
    typed one, as the incidents it is given are tested for joining one by one."""
    first = None
    for group in groups:
        if group[0].acled_event_type:
            return group
        if first is None:
            first = group
    return first


def _leads(event: Event, survivor: Event, doc: Doc) -> bool:
    """Whether the incident takes `event`'s coding over its lead's: a ground engagement over the
    explosives or shells it was fought with; an explosion over what only tells its outcome ('a blast
    occurred at a checkpoint; 2 soldiers were injured': ACLED codes the explosion, whoever was hurt);
    an act the codebook ranks first within one event type ('abducted and raped': sexual violence);
    an act with an ACLED type over one without told in the same sentence (a flight, which takes its
    cause's coding); else the surer coding."""
    if _engages(event, doc) and _part_of_a_clash(survivor):
        return True
    if _engages(survivor, doc) and _part_of_a_clash(event):
        return False
    for act, outcome, answer in ((event, survivor, True), (survivor, event, False)):
        if (act.acled_event_type == "Explosions/Remote violence" != outcome.acled_event_type
                and _tells_only_the_outcome(outcome, doc)):
            return answer
    ranked = coding_set("precedent_modes")
    if event.acled_event_type == survivor.acled_event_type and (event.mode in ranked) != (survivor.mode in ranked):
        return event.mode in ranked
    if bool(event.acled_event_type) != bool(survivor.acled_event_type) and _one_sentence(event, survivor, doc):
        return bool(event.acled_event_type)  # 'families evacuated following hostilities': the coded act leads the flight
    return event.confidence > survivor.confidence


def _one_sentence(a: Event, b: Event, doc: Doc) -> bool:
    """Whether the two events' triggers lie in one sentence."""
    ta, tb = trigger_token(a, doc), trigger_token(b, doc)
    return ta is not None and tb is not None and ta.sent.start == tb.sent.start


def _engages(event: Event, doc: Doc) -> bool:
    """A ground engagement told as an act with its doer: small-arms fire ('then opened fire on the
    soldiers') or a two-sided word ('clashed with', 'exchanged fire'); not a tally of what befell
    people ('two soldiers were killed'), nor heavy weapons fired at an enemy ('fired artillery
    targeting militants'), which is no clash on the ground."""
    if (event.acled_event_type, event.acled_sub_event_type) != ("Battles", "Armed clash") or not event.source:
        return False
    token = trigger_token(event, doc)
    if token is None or count_kind_for(token) in ("killed", "injured"):
        return False
    return event.mode == "firearms" or token.lemma_.lower() in load_ontology().words("two_sided_lemmas")


def _part_of_a_clash(event: Event) -> bool:
    """An IED, grenade or shelling (clash_part_modes) that an armed clash of its incident was
    fought with: ACLED codes an explosion that is part of an armed clash as the battle."""
    return event.acled_event_type == "Explosions/Remote violence" and event.mode in coding_set("clash_part_modes")


def _in_heading(offset: int, text: str, layout: Layout) -> bool:
    """Whether the offset is in a heading: a short paragraph of one line with no full stop. The
    paragraph comes from the layout (one bisection), never from scanning the text around each event."""
    number = layout.paragraph(offset)
    start = layout.par_starts[number]
    end = layout.par_starts[number + 1] if number + 1 < len(layout.par_starts) else len(text)
    if end - start > 2 * HEADING_CHARS:
        return False
    line = text[start:end].strip()
    return 0 < len(line) <= HEADING_CHARS and "\n" not in line and not line.endswith((".", "!", "?", ":", '"', "\u201d"))


def _tells_only_the_outcome(event: Event, doc: Doc) -> bool:
    """'were killed', 'died', 'wounded' with no perpetrator: what befell people, not the act."""
    token = trigger_token(event, doc)
    return token is not None and not event.source and count_kind_for(token) in ("killed", "injured")


def _tallies_of_riots(events: list[Event], doc: Doc, layout: Layout) -> dict[str, str]:
    """'Supporters of the two parties fought in Kuru; 3 killed': a telegraphic tally told in the
    sentence of a riot (a crowd's fight, re-typed Riots, so no act of violence for the merge) is
    the riot's toll, one row; absorbed tally id -> riot id."""
    riots = [e for e in events if e.acled_event_type == "Riots" and is_real(e)]
    absorbed: dict[str, str] = {}
    for event in events:
        if not riots or any(r is event for r in riots) or not is_real(event) or not _bare_tally(event, doc):
            continue  # a tally typed a riot itself ('Two killed in clashes between opponents') is the riot
        sentence = layout.sentence(event_anchor(event))
        riot = next((r for r in riots if layout.sentence(event_anchor(r)) == sentence and r.id not in absorbed), None)
        if riot is None:
            continue
        event.target, event.source = [*event.target, *event.source], []
        confidence = riot.confidence
        absorb(riot, event)
        riot.confidence = max(confidence, event.confidence)
        absorbed[event.id] = riot.id
    return absorbed


def _bare_tally(event: Event, doc: Doc) -> bool:
    """'IED targeted an army vehicle; 2 soldiers killed', 'fought in Yuro county; 7 killed': a
    casualty participle with no auxiliary and no agent, its subject a number or counted, tells the
    toll of the act it joins, never that act's coding (the terse notes' telegraphic tally)."""
    token = trigger_token(event, doc)
    if token is None or token.tag_ != "VBN" or count_kind_for(token) not in ("killed", "injured"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.like_num or any(c.dep_ == "nummod" for c in s.children) for s in subjects)


def _armed_dead_make_a_battle(survivor: Event, tally: Event) -> None:
    """'Armed men attacked a prison; 2 wardens killed': an attack on a place that names no one
    attacked, whose tally counts an armed force's dead, met that force: ACLED codes it as a battle,
    not violence against civilians (the tally's own coding, a fight, is the incident's)."""
    if survivor.acled_event_type != "Violence against civilians" or survivor.target or survivor.mode:
        return
    if tally.event_type != "FIGHT" or tally.acled_event_type != "Battles":
        return
    survivor.event_type, survivor.mode = tally.event_type, tally.mode
    survivor.cameo_root, survivor.cameo_code = tally.cameo_root, tally.cameo_code
    survivor.acled_event_type, survivor.acled_sub_event_type = tally.acled_event_type, tally.acled_sub_event_type


def _is_violent(event: Event) -> bool:
    return is_real(event) and event.event_type in VIOLENCE


def _joins(group: Sequence[Event], event: Event, layout: Layout, refers: bool = False,
           found: frozenset[str] = frozenset(), borrowed: bool = False) -> bool:
    """Whether `event` is another mention of the incident `group` tells (its first event leads it):
    nothing sets them apart, and it is told in the same sentence as one of the group's, is of the
    same ACLED type, or `refers` to an incident told before (it only points back, or it is the
    attackers' own claim of the killing), or one of the two tells remains `found`. A place `borrowed` from another clause of the mention's
    sentence sets nothing apart."""
    lead = group[0]
    days = incident_days_agree(lead, event) or any(_found_later(e, event, found) for e in group)
    if not ((borrowed or incident_places_agree(lead, event)) and days and sources_agree(lead.source, event.source)):
        return False
    sentence = layout.sentence(event_anchor(event))
    if any(layout.sentence(event_anchor(e)) == sentence for e in group):
        return True
    last = group[-1]
    if layout.paragraph(event_anchor(event)) == layout.paragraph(event_anchor(last)):
        # Within one paragraph a story moves on: only a mention of the sentences just before joins
        # ("... Two nurses were killed in the attack."); a digest of reports on one line ("Gunmen
        # attacked a checkpoint in Kabul ... Gunmen attacked ...") stays one event per report.
        # A toll of its own sets a mention apart, unless it points back ("Three soldiers were
        # killed in the attack"): then it tells the other side's dead of the same incident.
        if sentence - layout.sentence(event_anchor(last)) > NEAR_SENTENCES or (_own_other_toll(group, event) and not refers):
            return False
    # remains found ("Police recovered 4 bodies") are the victims of the act told, whatever type
    # each is coded: the finding has no doers, so its own coding (an attack) says nothing apart
    return lead.acled_event_type == event.acled_event_type or refers or any(
        e.id in found and not e.source for e in (lead, event))


def _names_the_toll_of(event: Event, doc: Doc, incidents: Sequence[list[Event]]) -> Optional[list[Event]]:
    """The incident told before whose toll the event's definite noun names ("the death toll from the
    raid", "the toll of the attack"), when the event tells nothing else: the latest typed incident of
    an agreeing place, or None."""
    token = trigger_token(event, doc)
    if token is None or token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in ("from", "of"):
        return None
    if token.head.head.lemma_.lower() not in report_words().get("toll", frozenset()):
        return None
    if not any(c.dep_ == "det" and c.lower_ in load_ontology().words("anaphoric_dets") for c in token.children):
        return None
    return next((group for group in reversed(incidents) if _is_violent(group[0]) and group[0].acled_event_type
                 and incident_places_agree(group[0], event)), None)


def _finds_the_dead(event: Event, doc: Doc) -> bool:
    """'Fifteen bodies had been found', 'rescuers recovered seven more bodies': remains found, the
    victims of an act, not an act of the day they were found."""
    token = trigger_token(event, doc)
    if token is None:
        return False
    words = report_words()
    remains, discovery = words.get("remains", frozenset()), words.get("discovery", frozenset())
    if token.lemma_.lower() in remains:
        return token.head.lemma_.lower() in discovery or any(c.lemma_.lower() in discovery for c in token.children)
    return token.lemma_.lower() in discovery and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in remains for c in token.children)


def _found_later(a: Event, b: Event, found: frozenset[str]) -> bool:
    """Remains found on a later day than the act the report tells (within SHORT_SPAN_DAYS x 2: 'days
    later'): the act's victims, so the finding joins the act whatever its day."""
    if (a.id in found) == (b.id in found):
        return False
    act, finding = (b, a) if a.id in found else (a, b)
    if act.date is None or finding.date is None:
        return True
    return act.date <= finding.date <= (act.date_end or act.date) + dt.timedelta(days=2 * SHORT_SPAN_DAYS)


def incident_places_agree(a: Event, b: Event) -> bool:
    """No place, or the same country and first-level division where both are known (a town and its
    province agree; Aleppo and Idlib province do not), and the same town where both are towns."""
    if a.location is None or b.location is None:
        return True
    if a.location.admin1 and b.location.admin1 and a.location.admin1 != b.location.admin1:
        return False
    return places_agree(a, b)


def _take_the_day(incident: Event, mention: Event, headline: bool = False) -> None:
    """The lead says "in the weekend raid", a later paragraph "Sunday night": the incident carries Sunday.
    A headline names no day (the publication day, "reported"): the lead's day is the incident's."""
    if mention.date_precision != "day" or incident.date_precision not in ("range", "week", "reported") or incident.date is None:
        return
    if headline and incident.date_precision == "reported" and mention.date is not None and incident_days_agree(incident, mention):
        incident.date, incident.date_end, incident.date_precision = mention.date, None, "day"
        return
    if incident.date <= mention.date <= (incident.date_end or incident.date):
        incident.date, incident.date_end, incident.date_precision = mention.date, None, "day"


def _own_other_toll(group: Sequence[Event], event: Event) -> bool:
    """Each with a toll of its own ("... in Mosul, killing 6 ... in Kidal, killing 7"): two reports."""
    spans = {e.fatalities.span for e in group if e.fatalities is not None}
    return event.fatalities is not None and bool(spans) and event.fatalities.span not in spans


def incident_days_agree(a: Event, b: Event) -> bool:
    """No date, the same day, or a short span of days (a weekend, a week) holding the other's days.

    An event the text gives no date ("reported": the publication day) is the report's news: it
    agrees with the publication day and the day before, never with "two days ago".
    """
    if a.date is None or b.date is None:
        return True
    reported = [e for e in (a, b) if e.date_precision == "reported"]
    if reported:
        other = b if reported[0] is a else a
        if other.date_precision == "reported":
            return True
        return (other.date_end or other.date) >= reported[0].date - dt.timedelta(days=1) and other.date <= reported[0].date
    a_end, b_end = a.date_end or a.date, b.date_end or b.date
    if not (a.date <= b_end and b.date <= a_end):
        return False
    return all((end - start).days < SHORT_SPAN_DAYS for start, end in ((a.date, a_end), (b.date, b_end)))


def _place_from_another_clause(event: Event, doc: Doc) -> bool:
    """'3 villagers were killed and 2 wounded; it is not clear whether there were fatalities from
    the Alpha militia': a mention that tells only what befell people, whose place is a word outside
    its own clause (another clause of the sentence), names no scene of its own; what it tells is
    the toll of the act told before, wherever that was."""
    if event.location is None or event.location.span is None or event.location.inferred_from:
        return False
    token = trigger_token(event, doc)
    if token is None or not _tells_only_the_outcome(event, doc) or token.pos_ != "VERB":
        return False
    start, end = event.location.span
    first, last = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    sentence = token.sent
    return sentence.start_char <= start < sentence.end_char and not (first <= start and end <= last)


def _announces_another(event: Event, doc: Doc) -> bool:
    """'another attack', 'a similar night attack', 'a second blast': a new incident, not a mention."""
    token = trigger_token(event, doc)
    if token is None:
        return False
    new = report_words().get("new_incident", frozenset())
    return opens_a_new_incident(token) or any(
        child.lower_ in new and child.dep_ in ("det", "amod", "advmod", "nummod") for child in token.children)


def _names_the_told_ones(event: Event, doc: Doc) -> bool:
    """'either attack', 'both blasts', 'each bombing': an event noun that names the incidents already
    told together, so it is a mention of them and never an incident of its own."""
    token = trigger_token(event, doc)
    told = report_words().get("told_before", frozenset())
    return token is not None and token.pos_ == "NOUN" and any(
        c.dep_ in ("det", "predet", "preconj") and c.lower_ in told for c in token.children)


def _points_back(event: Event, doc: Doc, layout: Layout) -> bool:
    """A mention that only points back to an incident: a definite event noun ("the American attack"),
    or what befell people ("were killed", "were wounded") with no perpetrator of its own."""
    token = trigger_token(event, doc)
    if token is None:
        return False
    if _in_heading(token.idx, doc_text(doc), layout):
        return True  # a crosshead ("Al-Shabab claims attack") names what the paragraphs tell
    if token.pos_ == "NOUN":
        determiners = load_ontology().words("anaphoric_dets")
        return any(c.dep_ == "det" and c.lower_ in determiners for c in token.children)
    return _tells_only_the_outcome(event, doc)


# -- one toll -------------------------------------------------------------------------------------


class _Reporters:
    """Who gives each figure: the claim or quote it sits in, else the attribution of its event; and
    which reporters speak for the side that did the killing (the group that claimed the attack)."""

    def __init__(self, doc: Doc, claims: Sequence[Claim], quotes: Sequence[Quote], events: Sequence[Event]):
        self.doc, self.claims, self.quotes = doc, claims, quotes
        self.attribution = {event.id: event.attribution for event in events}
        self.claimants = _claimants(doc)

    def reporter(self, count: Count, event_id: Optional[str]) -> Optional[str]:
        start = count.span[0]
        for quote in self.quotes:
            if quote.span[0] <= start < quote.span[1] and quote.speaker is not None:
                speaker = quote.speaker
                return f"{speaker.name}, {speaker.affiliation}" if speaker.affiliation else speaker.name
        for claim in self.claims:
            if claim.span[0] <= start < claim.span[1]:
                return claim.reporter
        return self.attribution.get(event_id) if event_id else None

    def claims_the_killing(self, event: Event) -> bool:
        """The attackers telling their own attack: "We killed 10 soldiers," a claimant's spokesman, or
        the group that claimed responsibility acting (the claimed attack itself)."""
        if any(self.claimants & _name_keys(actor.name) for actor in event.source):
            return True
        token = trigger_token(event, self.doc)
        if token is None:
            return False
        figure = next((c for c in token.children if c.dep_ == "dobj"), None)
        if figure is not None and _killer_speaks(figure):
            return True
        reporter = event.attribution or next((q.speaker.name for q in self.quotes if q.speaker is not None
                                              and q.span[0] <= event_anchor(event) < q.span[1]), None)
        return bool(reporter and self.claimants & _name_keys(reporter))

    def is_perpetrator_claim(self, count: Count, reporter: Optional[str]) -> bool:
        if reporter and self.claimants & _name_keys(reporter):
            return True
        span = self.doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
        return span is not None and len(span) > 0 and _killer_speaks(span.root)


def _claimants(doc: Doc) -> frozenset[str]:
    """Name words of those who 'claimed responsibility' (or credit) for an attack in the article."""
    keys: set[str] = set()
    for token in doc_tokens(doc):
        if token.lemma_ == "claim" and any(c.dep_ == "dobj" and c.lemma_ in ("responsibility", "credit") for c in token.children):
            for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
                keys |= _name_keys(" ".join(t.text for t in subject.subtree))
    return frozenset(keys)


def _name_keys(text: str) -> set[str]:
    """The capitalised words of a name, folded ('al-Shabab's spokesman' -> {'shabab'})."""
    words = re.findall(r"[A-Z][A-Za-z]{2,}", text)
    return {w.lower() for w in words}


def _killer_speaks(figure: Token) -> bool:
    """'We killed 10 people'; 'the military said it killed five militants'; 'the group claimed to
    have killed 20 soldiers' (the speaker is the subject of its own infinitive): the killer gives
    the figure."""
    verb = figure.head
    while verb.dep_ in ("conj", "appos", "nummod", "compound") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in KILLING_VERBS:
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_ in SPEECH_OF_CLAIMS and any(c.dep_ == "nsubj" for c in verb.head.children):
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in FIRST_PERSON:
        return True
    speech = verb.head if verb.dep_ in ("ccomp", "conj") else None
    return subject.lower_ in BOUND_PRONOUNS and speech is not None and speech.lemma_ in SPEECH_OF_CLAIMS


def _shared_tolls(events: Sequence[Event]) -> dict[tuple[str, str], tuple[int, int]]:
    """(event id, toll field) -> the span of the toll the linker gave the event: the toll of the
    incident it told close together (`strife.extract.figure_links`), a sum whose span covers its
    parts, whose figures stay the incident's when the report-level pass reads its toll again."""
    return {(event.id, field): toll.span for event in events for field in COUNT_FIELDS.values()
            if (toll := getattr(event, field)) is not None and toll.span is not None}


def _set_tolls(group: Sequence[Event], counts: Sequence[Count], doc: Doc, layout: Layout,
               owner: dict[str, str], reporters: _Reporters,
               shared: Optional[dict[tuple[str, str], tuple[int, int]]] = None) -> None:
    """Give the incident's first event one toll of each kind, from all its mentions' figures (and
    the figures inside the toll the linker gave its lead, `_shared_tolls`)."""
    ids = {event.id for event in group}
    told_in = frozenset(layout.sentence(event_anchor(e)) for e in group)
    for kind, field in COUNT_FIELDS.items():
        within = (shared or {}).get((group[0].id, field))
        figures = [c for c in counts if c.kind == kind and c.span is not None and c.part_of is None
                   and not c.aggregate and (_final(c.event_id, owner) in ids
                                            or (within is not None and within[0] <= c.span[0] and c.span[1] <= within[1]))]
        if not figures:
            continue
        accounts = _accounts(figures, layout, doc, told_in, reporters)
        # the attacker the incident names first: a merged incident lists the other side's claimant after it
        attackers = frozenset(actor.sector for actor in group[0].source[:1] if actor.sector)
        figure = _incident_figure(accounts, figures[0].kind)
        fight = group[0].acled_event_type == "Battles"
        setattr(group[0], field, _with_other_sides_claims(figure, accounts, doc, attackers, fight))


def _final(event_id: Optional[str], owner: dict[str, str]) -> Optional[str]:
    seen = 0
    while event_id in owner and seen < 100:
        event_id, seen = owner[event_id], seen + 1
    return event_id


def _accounts(figures: Sequence[Count], layout: Layout, doc: Doc, told_in: frozenset[int],
              reporters: _Reporters) -> list[Count]:
    """One figure per paragraph (a perpetrator's claim apart), in text order, each with its reporter.

    Within a paragraph the figures add up as the linker adds them; a stated total of the incident
    (told with it, or the report's closing tally line "2 fatalities.") wins over its parts."""
    text = doc_text(doc)

    def own_total(count: Count) -> bool:
        return layout.sentence(count.span[0]) in told_in or is_tally_line(count, doc)

    by_paragraph: dict[tuple[int, bool], list[Count]] = {}
    for count in figures:
        reporter = reporters.reporter(count, count.event_id)
        claimed = reporters.is_perpetrator_claim(count, reporter)
        by_paragraph.setdefault((layout.paragraph(count.span[0]), claimed), []).append(
            count.model_copy(update={"reported_by": reporter, "perpetrator_claim": claimed}))
    accounts: list[Count] = []
    for (_, claimed), group in sorted(by_paragraph.items(), key=lambda item: item[1][0].span[0]):
        toll = incident_toll(group, text, layout, own_total, lambda c: c.total and is_tally_line(c, doc), doc)
        if toll is None:
            continue
        if accounts and not claimed and all(_dies_later(c, doc) for c in group):
            # "Two more victims later died": every account given before it rises; "A third victim
            # later died" names the total itself (3), which an account already at or above keeps
            rank = victim_rank(group[0]) if len(group) == 1 else None
            accounts[:] = [a if a.perpetrator_claim else _with_later_dead(a, toll, rank) for a in accounts]
            continue
        accounts.append(toll.model_copy(update={"reported_by": group[0].reported_by, "perpetrator_claim": claimed}))
    return accounts


def _dies_later(count: Count, doc: Doc) -> bool:
    span = doc.char_span(count.span[0], count.span[1], alignment_mode="expand")
    return span is not None and len(span) > 0 and died_later(span.root) and other_people(count, doc_text(doc))


def _with_later_dead(account: Count, more: Count, rank: Optional[int]) -> Count:
    """The account's toll with the dead told later: `more` added to it (bounds only where both have
    them) or, for an ordinal ("a third victim later died": `rank` 3), raised to the total it names
    (an account already at or above it stays). A low bound defaults to the best figure."""
    bounds = _bounds(account)
    if rank is None:
        values = [sum_known(pair) for pair in zip(bounds, _bounds(more))]
    else:
        values = [None if value is None else max(value, rank) for value in bounds]
    return account.model_copy(update=dict(zip(("low", "best", "high"), values)))


def _bounds(count: Count) -> tuple[Optional[int], Optional[int], Optional[int]]:
    """A figure's (low, best, high), its best standing for a low it does not give."""
    return (count.low if count.low is not None else count.best), count.best, count.high


def _with_other_sides_claims(figure: Optional[Count], accounts: Sequence[Count], doc: Doc,
                             attackers: frozenset[str], fight: bool = False) -> Optional[Count]:
    """ "Rebels killed 3 soldiers; the army said it killed 10 rebels": the victims' side claiming the
    attackers it killed in return gives no rival account of the toll but the attackers' losses,
    which ACLED adds (each side's dead count). Only when the claimed dead are of the attackers'
    sector and the toll's victims of another; "the military said it killed four fighters" of its
    own raid's victims is a rival account, and only bounds the toll. In a fight (``fight``: a
    battle, both sides armed) either side may claim the other's dead: "Soldiers clashed with
    militiamen. The army claims to have killed 8 militiamen; 2 soldiers were killed." is 10, a
    claim of dead of another sector than the toll's victims adding up."""
    if figure is None or figure.best is None or figure.perpetrator_claim or not attackers:
        return figure
    own = _victims_sector(figure, doc)
    claims = [a for a in accounts if a.perpetrator_claim and a.best is not None and own is not None
              and ((own not in attackers and _victims_sector(a, doc) in attackers)
                   or (fight and _victims_sector(a, doc) not in (None, own)))]
    if not claims:
        return figure
    added = sum(a.best for a in claims)
    total = figure.best + added
    return figure.model_copy(update={"best": total, "low": (figure.low if figure.low is not None else figure.best) + added,
                                     "high": max(figure.high or 0, total)})


def _victims_sector(count: Count, doc: Doc) -> Optional[str]:
    """The CAMEO sector the figure's victim noun names ("soldiers" MIL, "rebels" REB), or None."""
    span = doc.char_span(count.span[0], count.span[1], alignment_mode="expand") if count.span else None
    if span is None or len(span) == 0:
        return None
    table = victim_nouns()
    return next((table[key] for key in lookup_keys(span.root) if table.get(key)), None)


def _incident_figure(accounts: list[Count], kind) -> Optional[Count]:
    """The incident's figure: the first account that is no perpetrator's claim, bounded by all accounts."""
    if not accounts:
        return None
    if len(accounts) == 1:
        only = accounts[0]
        if only.perpetrator_claim and only.best is not None:
            # "We killed 10 people so far": the killers' own figure bounds the toll, never gives it
            return only.model_copy(update={"low": None, "best": None, "high": only.high or only.best})
        return only
    lead = next((a for a in accounts if not a.perpetrator_claim and a.best is not None), None) \
        or next((a for a in accounts if not a.perpetrator_claim), accounts[0])
    # "the death toll from the raid had risen to eight" told later: a stated total above the first
    # account is the incident's toll now (tolls only rise)
    risen = [a for a in accounts[accounts.index(lead) + 1:] if a.total and not a.perpetrator_claim
             and a.best is not None and lead.best is not None and a.best > lead.best]
    lead = risen[-1] if risen else lead
    lows = [a.low if a.low is not None else a.best for a in accounts]
    highs = [a.high if a.high is not None else a.best for a in accounts]
    return lead.model_copy(update={
        "low": min((v for v in lows if v is not None), default=lead.low),
        "high": max((v for v in highs if v is not None), default=lead.high),
        "accounts": accounts,
    })
