"""A ground assault after the fire that prepared it: "Troops shelled the village and then stormed
it; the fighting left six dead".

ACLED codes one incident as one event, and remote violence that supports a ground engagement as
part of it ("if Explosions/Remote violence occurs during an ongoing battle, it is recorded as a
part of the battle"): the storming is the incident, the shelling before it its preparation. So a
ground assault (roles.yaml `ground_assault_lemmas`) told after a shelling or an air strike
(event_coding_sets.csv `assault_support_modes`) by the same side, in the fire's sentence or the
next, leads the incident (`strife.extract.incidents`); when the other side fought ('the fighting',
'clashes', 'an exchange of fire', casualties on both sides: a two-sided word in the assault's
sentence or the next) the incident is a battle, an armed clash, and its toll the battle's; else it
stays the act the assault is. A shelling told alone, or followed only by civilians fleeing, stays
the shelling.
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from strife.extract.events.tables import coding_set
from strife.extract.events.weapons import names_any
from strife.model import Event
from strife.ontology import load_ontology
from strife.resolve.coref import trigger_token

#: the ACLED types a ground assault is coded as by the event stage (an attack, a battle)
ASSAULT_TYPES = ("Battles", "Violence against civilians")


def assault_after_fire(assault: Event, fire: Event, doc: Doc) -> bool:
    """Whether `assault` is a ground assault by doers of its own told after `fire`, a shelling or
    an air strike, in the fire's sentence or the next."""
    if fire.acled_event_type != "Explosions/Remote violence" or fire.mode not in coding_set("assault_support_modes"):
        return False
    if assault.acled_event_type not in ASSAULT_TYPES or not assault.source:
        return False
    at, ft = trigger_token(assault, doc), trigger_token(fire, doc)
    if not _ground_assault_verb(at) or ft is None or at.i <= ft.i:
        return False
    return at.sent.start == ft.sent.start or at.sent.start == ft.sent.end


def _ground_assault_verb(token: Optional[Token]) -> bool:
    """A verb of a ground assault (roles.yaml ground_assault_lemmas: stormed, overran, raided)."""
    return token is not None and token.pos_ == "VERB" and token.lemma_.lower() in load_ontology().words(
        "ground_assault_lemmas")


def _after_fire_told_on_it(assault: Event, doc: Doc) -> bool:
    """'troops stormed the village after heavy shelling': a ground assault whose own 'after' or
    'following' phrase (roles.yaml preparation_preps) names shelling or an air strike."""
    token = trigger_token(assault, doc)
    if assault.acled_event_type not in ASSAULT_TYPES or not _ground_assault_verb(token):
        return False
    onto = load_ontology()
    fire = onto.words("artillery_weapon_words") | onto.words("aerial_weapon_words")
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in onto.words("preparation_preps")]
    return any(names_any(" ".join(t.lower_ for t in p.subtree), fire) for p in preps)


def _next_sentence(sent: Span, doc: Doc) -> Optional[Span]:
    return doc[sent.end].sent if sent.end < len(doc) else None


def other_side_fought(assault: Event, doc: Doc) -> bool:
    """Whether the assault's sentence or the next tells two sides fighting: a two-sided word
    ('the fighting left six dead', 'clashes', 'an exchange of fire') or casualties 'on both sides'."""
    token = trigger_token(assault, doc)
    if token is None:
        return False
    two_sided = load_ontology().words("two_sided_lemmas")
    sentences = [token.sent, _next_sentence(token.sent, doc)]
    for sent in (s for s in sentences if s is not None):
        for t in sent:
            if t.lemma_.lower() in two_sided or t.lower_ in two_sided:
                return True
            if t.lower_ == "sides" and any(c.lower_ == "both" for c in t.children):
                return True
    return False


def assault_leads(group: Sequence[Event], doc: Doc) -> None:
    """Once the incident's mentions are merged: when its lead is a ground assault that followed the
    fire of one of its mentions, the assault keeps its own means (the shells' mode the merge filled
    in is the fire's, not the assault's), and when the other side fought the incident is an armed
    clash (ACLED Battles); an assault on no one fighting back stays the attack it is."""
    lead = group[0]
    if not (any(assault_after_fire(lead, m, doc) for m in group[1:]) or _after_fire_told_on_it(lead, doc)):
        return
    if lead.mode in coding_set("assault_support_modes"):
        lead.mode = None
    if (lead.acled_event_type, lead.acled_sub_event_type) != ("Violence against civilians", "Attack") \
            or not other_side_fought(lead, doc):
        return
    lead.event_type, lead.cameo_root, lead.cameo_code = "FIGHT", "19", "190"
    lead.acled_event_type, lead.acled_sub_event_type = "Battles", "Armed clash"
