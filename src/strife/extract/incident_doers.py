"""Who did an incident: whether two mentions' doers agree, and a killing whose doers point back.

`strife.extract.incidents` merges the mentions of one incident; these are its tests on the doers
(`sources_agree`), and its narrow join of "They killed 4 people" to the act its doers were just
told doing (`its_doers_kill_on`).
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from strife.extract import Layout
from strife.extract.count_words import count_kind_for
from strife.model import Actor, Event
from strife.ontology import load_ontology
from strife.resolve.actor_sectors import sector_class
from strife.resolve.coref import event_anchor, trigger_token

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def sources_agree(a: Sequence[Actor], b: Sequence[Actor]) -> bool:
    """Either side unnamed, an actor in common, or an actor of no country on either side ("a warplane",
    "gunmen"): the perpetrators of one incident, told by different witnesses, never contradict."""
    if not a or not b:
        return True
    if any(same_actor(x, y) for x in a for y in b):
        return True
    return all(is_generic(x) for x in a) or all(is_generic(y) for y in b)


def opposed_forces(a: Sequence[Actor], b: Sequence[Actor]) -> bool:
    """'Soldiers shelled Kavra. Later that day rebels attacked a checkpoint, killing two soldiers':
    doers all of a state's forces on one side and all of armed non-state groups on the other
    (sector_classes `state_force`, `nonstate_force`; unidentified armed men, UAF, are anyone's) are
    the two sides of a war, each telling an act of its own, even when common nouns name them."""
    state, nonstate = sector_class("state_force"), sector_class("nonstate_force") - {"UAF"}

    def side(actors: Sequence[Actor]) -> str:
        sides = {"state" if x.sector in state else "nonstate" if x.sector in nonstate else "" for x in actors}
        return sides.pop() if len(sides) == 1 else ""

    sa, sb = side(a), side(b)
    return bool(sa and sb) and sa != sb


def _side(actor: Actor) -> str:
    return "state" if actor.sector in STATE_SECTORS or actor.sector is None else actor.sector


def is_generic(actor: Actor) -> bool:
    """An actor named by common nouns alone ("a warplane", "gunmen", "the attacker"): anyone's."""
    return not any(word[:1].isupper() for word in actor.name.split())


def same_actor(x: Actor, y: Actor) -> bool:
    """One name within the other, or the same country on the same side: a country or demonym alone
    ("American", "U.S.") stands for its state, so it is the side of the army, not of the rebels."""
    if x.country and x.country == y.country and _side(x) == _side(y):
        return True
    kx, ky = (x.canonical or x.name).lower(), (y.canonical or y.name).lower()
    return kx in ky or ky in kx


def its_doers_kill_on(group: Sequence[Event], event: Event, doc: Doc, layout: Layout) -> bool:
    """'Bema militants attacked a police post. They killed 4 people.': a killing told in the next
    sentence of the paragraph whose doers only point back (a subject pronoun, or a definite noun that
    names attackers by their act alone, 'the attackers', roles.yaml unorganised_attacker_nouns) tells
    the toll of the act just told, by its doers, whatever type each is coded: one row. Only when the
    act's own doers are named, and the killing's are they (the pronoun resolved to them) or attackers
    by their act; never across other doers ('Soldiers arrived later. They killed ...'). The caller
    asks that the act is violent and that places and days agree."""
    lead, last = group[0], group[-1]
    if not (lead.source and event.source and lead.acled_event_type):
        return False
    anchor, before = event_anchor(event), event_anchor(last)
    if layout.paragraph(anchor) != layout.paragraph(before) or layout.sentence(anchor) - layout.sentence(before) != 1:
        return False
    token = trigger_token(event, doc)
    if token is None or token.pos_ != "VERB" or count_kind_for(token) != "killed":
        return False
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if not doers:
        return False
    onto = load_ontology()
    by_their_act, anaphoric = onto.words("unorganised_attacker_nouns"), onto.words("anaphoric_dets")
    for doer in doers:
        if doer.pos_ == "PRON" and doer.lower_ in ("they", "he", "she"):
            continue
        if doer.lemma_.lower() in by_their_act and any(c.dep_ == "det" and c.lower_ in anaphoric for c in doer.children) \
                and not any(c.ent_type_ or c.pos_ == "PROPN" for c in doer.children):
            continue
        return False
    attackers = {word.rstrip("s") for word in by_their_act}
    return all(any(same_actor(actor, have) for have in lead.source) or actor.name.lower().split()[-1].rstrip("s") in attackers
               for actor in event.source)
