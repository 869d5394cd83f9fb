"""One incident, one event, one toll: a whole news report read as a coder reads it.

The event stage codes every clause that tells violence, and the linker merges mentions that sit
close together (`strife.resolve.coref`). A wire report tells one incident many more times, far
apart: the lead, each side's account ("Afghan officials said ... 11 villagers", "the American
military said it killed five militants"), the details three paragraphs down ("four men, four
children and three women were killed in the American attack"). Summing their tolls counts the
dead again and again. This module adds what a coder knows of how news is written:

- **Not events** (`strife.extract.non_events`). A death figure of a period up to now ("have been killed since the invasion",
  "the war has killed half a million") is a statistic (`Count.aggregate`), and the clause telling
  it is no incident; an act told as a habit ("frequently stages attacks") is none either.
- **One incident** (this module; what one mention tells, `strife.extract.incident_mentions`; when
  places and days agree, `strife.extract.incident_agreement`). A violent event that happened joins the incident told before it when nothing
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
- **One toll** (`strife.extract.incident_tolls`). The incident's figure of each kind is read per paragraph (within one, figures of
  different victims add up, as `strife.extract.tolls.incident_toll` adds them); each paragraph's figure
  is one account. Following the inverted pyramid, `best` is the first account's (the headline's
  or the lead's), `low` and `high` are the smallest and largest of all accounts, listed in
  `Count.accounts` with who gave them. A figure claimed by the side that did the killing ("We
  killed 10 people", a spokesman of the group that claimed the attack) bounds the toll but is
  never its best.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc

from strife.extract import Layout, doc_text
from strife.extract.count_words import count_kind_for
from strife.extract.events.tables import coding_set
from strife.extract.incident_assaults import assault_after_fire, assault_leads
from strife.extract.incident_agreement import (
    found_later,
    incident_days_agree,
    incident_places_agree,
    own_other_toll,
    take_the_day,
)
from strife.extract.incident_doers import its_doers_kill_on, sources_agree
from strife.extract.incident_mentions import (
    announces_another,
    bare_tally,
    finds_the_dead,
    in_heading,
    is_violent,
    names_the_told_ones,
    names_the_toll_of,
    place_from_another_clause,
    points_back,
    tells_only_the_outcome,
)
from strife.extract.incident_tolls import Reporters, final, set_tolls, shared_tolls
from strife.extract.tolls import dead_elsewhere
from strife.model import Claim, Count, Event, Quote
from strife.ontology import load_ontology
from strife.resolve.coref import (
    absorb,
    event_anchor,
    is_real,
    remember_mentions,
    trigger_token,
)

NEAR_SENTENCES = 2  # within a paragraph, a mention joins an incident told this many sentences before at most


def merge_report_incidents(events: list[Event], counts: Sequence[Count], doc: Doc, layout: Layout,
                           claims: Sequence[Claim] = (), quotes: Sequence[Quote] = (),
                           merged: Optional[dict[str, str]] = None) -> dict[str, str]:
    """Merge the mentions of one incident across the report, in place; return absorbed id -> survivor id.

    `merged` maps ids the earlier merge absorbed to their survivors, so figures linked to an
    absorbed mention still count for its incident.
    """
    incidents: list[list[Event]] = []
    absorbed: dict[str, str] = _tallies_of_riots(events, doc, layout)
    reporters = Reporters(doc, claims, quotes, events)
    shared = shared_tolls(events)
    text = doc_text(doc)
    found = frozenset(e.id for e in events if finds_the_dead(e, doc))
    elsewhere = dead_elsewhere(counts, doc)
    for event in events:
        if event.id in absorbed:
            continue
        toll_of = names_the_toll_of(event, doc, incidents)
        if toll_of is not None:
            # "the death toll from the raid had risen to eight": the incident told before, by its
            # definite noun, whatever its own coding and the day it was said
            absorb(toll_of[0], event)
            toll_of.append(event)
            absorbed[event.id] = toll_of[0].id
            continue
        if not is_violent(event):
            continue
        if incidents and event.fatalities is None and names_the_told_ones(event, doc):
            # "No one claimed responsibility for either attack": the incidents told before, none new
            survivor = incidents[-1][0]
            remember_mentions(survivor, event)
            absorbed[event.id] = survivor.id
            continue
        if announces_another(event, doc) or event.id in elsewhere:
            incidents.append([event])
            continue
        refers = reporters.claims_the_killing(event) or points_back(event, doc, layout)
        # the headline tells the lead's incident, in other words: the first mention of the body joins
        # the headline's incident whatever type each is coded (when nothing sets them apart)
        leading = not in_heading(event_anchor(event), text, layout) and all(
            in_heading(event_anchor(e), text, layout) for group in incidents for e in group)
        # an act the event stage could give no ACLED type ('burned shelters before fleeing') is no
        # incident to point back to while a typed one told before also agrees
        borrowed = place_from_another_clause(event, doc)
        joining = (group for group in reversed(incidents) if _joins(group, event, layout, refers or leading, found, borrowed))
        home = _typed_first(joining)
        # 'They killed 4 people' after the act of its doers: that act's toll, the act leading
        kills_on = home is None and bool(incidents) and is_violent(incidents[-1][0]) and incident_places_agree(
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
        elif _leads(event, survivor, doc) and not bare_tally(event, doc) or bare_tally(survivor, doc) and not bare_tally(event, doc):
            survivor, mention = event, survivor  # the incident keeps the coding the event stage was surest of
            home[0] = survivor
        confidence = max(survivor.confidence, mention.confidence)
        if bare_tally(mention, doc) and not bare_tally(survivor, doc):
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
            take_the_day(survivor, mention, in_heading(event_anchor(survivor), text, layout))
        home.append(mention)
        absorbed[mention.id] = survivor.id
    for group in incidents:
        assault_leads(group, doc)  # 'shelled the village and then stormed it; the fighting ...': a battle
    if not absorbed:
        return {}
    absorbed = {old: final(old, absorbed) for old in absorbed}
    owner = {**(merged or {}), **absorbed}
    for group in incidents:
        if len(group) > 1:
            set_tolls(group, counts, doc, layout, owner, reporters, shared)
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
    if assault_after_fire(event, survivor, doc):
        return True  # 'shelled the village and then stormed it': the ground assault is the incident
    if assault_after_fire(survivor, event, doc):
        return False
    if _engages(event, doc) and _part_of_a_clash(survivor):
        return True
    if _engages(survivor, doc) and _part_of_a_clash(event):
        return False
    if _engages(event, doc) and _attack_that_met_a_fight(survivor, event, doc):
        return True  # 'attacked the village and fought its militia': the attack met armed men
    if _engages(survivor, doc) and _attack_that_met_a_fight(event, survivor, doc):
        return False
    for act, outcome, answer in ((event, survivor, True), (survivor, event, False)):
        if (act.acled_event_type == "Explosions/Remote violence" != outcome.acled_event_type
                and tells_only_the_outcome(outcome, doc)):
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


def _attack_that_met_a_fight(attack: Event, fight: Event, doc: Doc) -> bool:
    """'Armed men attacked the village and fought its militia': an attack on civilians whose verb's
    conjunct tells the same attackers engaging an armed side met armed resistance, one incident that
    ACLED codes as the battle (two armed, organised sides), not as violence against civilians. A
    fight of other sides told beside it ('a week after soldiers clashed with militants') is not its."""
    if (attack.acled_event_type, attack.acled_sub_event_type) != ("Violence against civilians", "Attack"):
        return False
    a, f = trigger_token(attack, doc), trigger_token(fight, doc)
    return a is not None and f is not None and ((f.dep_ == "conj" and f.head == a) or (a.dep_ == "conj" and a.head == f))


def _part_of_a_clash(event: Event) -> bool:
    """An IED, grenade or shelling (clash_part_modes) that an armed clash of its incident was
    fought with: ACLED codes an explosion that is part of an armed clash as the battle."""
    return event.acled_event_type == "Explosions/Remote violence" and event.mode in coding_set("clash_part_modes")


def _tallies_of_riots(events: list[Event], doc: Doc, layout: Layout) -> dict[str, str]:
    """'Supporters of the two parties fought in Kuru; 3 killed': a telegraphic tally told in the
    sentence of a riot (a crowd's fight, re-typed Riots, so no act of violence for the merge) is
    the riot's toll, one row; absorbed tally id -> riot id."""
    riots = [e for e in events if e.acled_event_type == "Riots" and is_real(e)]
    absorbed: dict[str, str] = {}
    for event in events:
        if not riots or any(r is event for r in riots) or not is_real(event) or not bare_tally(event, doc):
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


def _joins(group: Sequence[Event], event: Event, layout: Layout, refers: bool = False,
           found: frozenset[str] = frozenset(), borrowed: bool = False) -> bool:
    """Whether `event` is another mention of the incident `group` tells (its first event leads it):
    nothing sets them apart, and it is told in the same sentence as one of the group's, is of the
    same ACLED type, or `refers` to an incident told before (it only points back, or it is the
    attackers' own claim of the killing), or one of the two tells remains `found`. A place `borrowed` from another clause of the mention's
    sentence sets nothing apart."""
    lead = group[0]
    days = incident_days_agree(lead, event) or any(found_later(e, event, found) for e in group)
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
        if sentence - layout.sentence(event_anchor(last)) > NEAR_SENTENCES or (own_other_toll(group, event) and not refers):
            return False
    # remains found ("Police recovered 4 bodies") are the victims of the act told, whatever type
    # each is coded: the finding has no doers, so its own coding (an attack) says nothing apart
    return lead.acled_event_type == event.acled_event_type or refers or any(
        e.id in found and not e.source for e in (lead, event))
