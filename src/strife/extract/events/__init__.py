"""Event detection over a parsed spaCy Doc: triggers, roles, modality and coding.

A trigger is a token matched by a row of the lexicon (`strife/ontology/data/lexicon.csv`); its
roles come from the dependency parse, its modality from the words that govern it, and its coding
(PLOVER, CAMEO, ACLED) from the lexicon row, refined by mode and by who acts on whom:

    from strife.extract.events import find_events
    events = find_events(nlp(text))                      # list[Event], in text order
    events = find_events(doc, actors_for=code_span)      # code phrases into Actors with sectors

Design choices a user should know:

* One trigger gives at most one event. A result verb ("killed", "cost the lives", "left ... dead")
  whose subject is an event noun ("Two airstrikes ... killed dozens") is folded into that event;
  an event noun that is the argument of a same-family verb trigger ("hit a roadside bomb") is
  folded into the verb's event.
* Modality is kept, not filtered: `negated` (a `neg`, "no", or a negating governor such as
  "refused to", "denied", "failed to") and `hypothetical` (modals, conditionals, "whether", acts
  governed by "call for", "plan", "threaten", "authorize", "a deal to ...", generic relatives such
  as "those groups that refuse"). Background aggregates ("costing the lives of millions", "for two
  decades") are also flagged `hypothetical`: they are not dated incidents; the record model has no
  separate flag for them. A result verb with no event to fold into ("costing the lives of
  millions" after a non-event) is dropped.
* A future act by an actor ("will support", "will be regarded as terrorists" in a quote) is coded
  as CAMEO does: a conflictual act becomes THREATEN, a cooperative one AGREE (intent to cooperate).
  So is readiness ("is willing to withdraw", roles.yaml `intent_adjectives`) and a conditional
  promise or threat ("will boycott the vote unless ..."; the condition itself stays hypothetical).
  A cooperative act announced as not going to happen ("will not accept refugees") and an agreement
  that did not happen ("failed to reach agreement") are REJECT.
* Lexicon frames beyond plain triggers: `obligation` ("said that Sudan must return ...": a demand
  by the speaker on the obliged), `preparation` ("prepared to resume shelling": MOBILIZE, only
  when the prepared act is violence), `intent`, `evaluation`, `consequence`/`result`,
  `displacement`. A demand that is the purpose of a protest ("staged demonstrations to demand
  reforms") is part of the protest, not a second event.
* Confidence = lexicon base + 0.1 with a source + 0.05 with a target (or victims) - 0.1 with
  neither - 0.1 for an anaphoric event noun ("the attack"); halved when negated or hypothetical;
  x0.7 when the clause names a year well before the publication date (`on`); clipped to
  [0.05, 0.99]. That raw score is then mapped through `ontology/data/calibration.csv`, an
  isotonic fit of "the credited event has the gold's type" on the dev gold (refit with
  `bench/events_accuracy.py --fit`), so 0.8 means about 80% right; the map keeps the order of
  distinct raw scores, so the most confident event of a text stays the same.
* ACLED coding looks at who is on each side: whoever kills soldiers or militants fights a battle
  (even unnamed); residents, crowds and party supporters clashing are rioters (mob violence, or a
  violent demonstration when the line tells of a protest); small arms make a shelling an
  armed clash. One incident, one row: police dispersing or arresting protesters make the protest
  a "Protest with intervention", and arrests told beside violence or a protest lose their own
  ACLED type (the PLOVER COERCE event stays).

The package, one module per job (each module's docstring says more):

    headline.py   headline verbs the tagger read as nouns ("Rebels ambush army convoy"), re-tagged
    triggers.py   lexicon rows matched to tokens (`find_triggers`)
    frame.py      `Frame`: what is known about one event while it is built
    building.py   one frame per trigger; results, same-family nouns and flights folded in; anaphora
    hazards.py    acts of nature, disease and accident ("lightning killed"): no event
    remembered.py acts named by a past year, or in a description dated years back: recalled, not news
    roles.py      sources and targets from the parse: verbs (nouns: noun_roles.py)
    speech_roles.py  sources and targets of what is said: evaluations, obligations, documents
    arguments.py  an argument's conjuncts and listed members, cleaning, its noun phrase
    owners.py     installations and vehicles named after their owner ('militant hideouts')
    belligerents.py  the opponent of a fight from who is blamed for its casualties
    metaphors.py  war words in a game or a market ("the battle for the title"): no event
    modality.py   negated, hypothetical, future; future acts coded as threats or promises
    sides.py      which side an argument is on: state, nonstate, civilian, protester
    coding.py     type refinement by sides and weapons; ACLED, CAMEO; confidence
    records.py    `Event` records: actors, evidence, trigger span; `confident`
    grammar.py    dependency labels and pronouns the modules share
    tables.py     loaders of the coder's tables in `strife/data/event_*.csv` (sets, fallbacks, sectors)
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from spacy.tokens import Doc

from strife.extract.events.belligerents import (
    add_blamed_belligerents,
    add_clash_counterparts,
    add_defenders,
    add_device_planters,
    add_dispossessed,
    add_operation_owners,
    add_reporting_sides,
    add_repelled_attackers,
)
from strife.extract.events.building import (
    absorbed_nouns,
    add_displacements,
    attach_noun,
    attach_result,
    build_frame,
    fold_results,
    mark_background,
    protest_purposes,
    resolve_anaphora,
    told_outcome_nouns,
)
from strife.extract.events.background_rows import yield_to_the_news
from strife.extract.events.incident_rows import adjust_acled_within_lines
from strife.extract.events.measure_causes import mark_measure_causes
from strife.extract.events.frame import Frame
from strife.extract.events.hazards import caused_by_a_hazard
from strife.extract.judged import judge
from strife.extract.events.headline import mark_headline_verbs
from strife.extract.events.modality import finish_modality
from strife.extract.events.remembered import mark_remembered
from strife.extract.events.metaphors import figurative
from strife.extract.events.records import ActorsFor, confident, to_event
from strife.extract.events.riot_targets import share_riot_targets
from strife.extract.events.triggers import Trigger, find_triggers
from strife.model import Event
from strife.ontology import Ontology, load_ontology


def find_events(
    doc: Doc,
    actors_for: Optional[ActorsFor] = None,
    on: Optional[dt.date] = None,
    ontology: Optional[Ontology] = None,
) -> list[Event]:
    """Events in `doc`, in text order, ids e1, e2, ...

    `actors_for` codes a noun phrase (a spaCy Span) into actors; without it each phrase becomes
    `Actor(name=text, span=...)`. `on` is the publication date: clauses naming a year well before
    it are background and get a lower confidence. Date, location and counts are left empty.
    """
    onto = ontology or load_ontology()
    mark_headline_verbs(doc, onto)  # 'Rebels ambush army convoy': the tagger's noun is the verb
    triggers = find_triggers(doc, onto)
    told = told_outcome_nouns(triggers, onto)
    triggers = [t for t in triggers if t.token.i not in told]  # 'the fighting left six dead' after the acts
    hosts = {t.token.i: t for t in triggers}
    folded = fold_results(triggers, hosts, onto)
    absorbed = absorbed_nouns(triggers, hosts, onto)
    absorbed.update(protest_purposes(triggers, hosts))
    frames: list[Frame] = []
    for trig in triggers:
        if trig.token.i in folded or trig.token.i in absorbed:
            continue
        if trig.entry.frame == "result":
            continue  # a result with no event to attach to ("costing the lives of millions")
        if trig.entry.frame == "displacement":
            continue  # coded below, once the violence it follows from is known
        if caused_by_a_hazard(trig.token):
            judge(doc, trig.token.idx)  # the built-in typer leaves the judged words alone (strife.extract.judged)
            continue  # 'lightning killed three herders': no event (hazards)
        if figurative(trig):
            continue  # 'the battle for the title': no event (metaphors)
        frame = build_frame(trig, triggers, onto)
        if frame is None:
            continue
        frames.append(frame)
    by_token = {f.trigger.token.i: f for f in frames}
    for result_i, host in folded.items():
        host = absorbed.get(host.token.i, host)  # 'killed ... following an attack' the verb covers
        if host.token.i in by_token:
            attach_result(by_token[host.token.i], doc[result_i], onto)
    for noun_i, verb in absorbed.items():
        if verb.token.i in by_token:
            attach_noun(by_token[verb.token.i], doc[noun_i], onto)
    resolve_anaphora(frames, onto)
    add_blamed_belligerents(frames, doc, onto)
    add_defenders(frames, doc, onto)
    add_repelled_attackers(frames, onto)
    add_dispossessed(frames, onto)
    add_clash_counterparts(frames, onto)
    add_operation_owners(frames, onto)
    add_reporting_sides(frames, onto)
    add_device_planters(frames, onto)
    frames = add_displacements(frames, triggers, onto)
    mark_measure_causes(frames, onto)  # 'curfew imposed after clashes': the measure is the news
    mark_background(frames, onto)
    mark_remembered(frames, on)  # 'the 2014 market bombing': a past act recalled, not today's news
    events = []
    for frame in frames:
        finish_modality(frame, onto, on)
        events.append(to_event(frame, doc, actors_for, onto))
    adjust_acled_within_lines(frames, events, onto)
    share_riot_targets(frames, events)
    yield_to_the_news(frames, events)
    for number, event in enumerate(events, start=1):
        event.id = f"e{number}"
    return events


__all__ = ["ActorsFor", "Trigger", "confident", "find_events", "find_triggers"]
