"""Acts of nature, disease and accident: no political violence, whatever verb tells them.

"Lightning killed three herders", "a suspected meningitis outbreak has killed five people", "an
earthquake struck the province, destroying dozens of houses", "a bus plunged into a ravine, killing
22 passengers", "a gas cylinder explosion injured five": the verbs are the lexicon's verbs of
violence, but the doer is a natural hazard, a disease or an accident. ACLED records political
violence and demonstrations only; a death by a flood, an epidemic or a crash is no event, so such a
trigger gives no frame at all (no ACLED row, no PLOVER assault). The words are in
`data/event_hazards.csv`: a hazard noun as the act's doer (its subject, its 'by' agent, or a
modifier of the event noun), or an accident verb ("plunged", "collapsed") whose subject is a
vehicle or a structure, in the act's own clause or one it continues ("..., killing 22") or in a
'when' clause of the act ("were killed when a tunnel collapsed"). A person or group as the doer
keeps the act ("gunmen killed seven"; "the bomber crashed his car into the gate").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from spacy.tokens import Token

from strife.datafiles import read_data_sets

#: Links by which a participle or a coordinated verb continues the clause above it ("..., killing 22").
CONTINUING_DEPS = frozenset({"advcl", "conj", "xcomp"})
#: Marks of a clause that tells the circumstance of the act ("killed when a tunnel collapsed").
WHEN_MARKS = frozenset({"when", "as"})


@functools.lru_cache(maxsize=1)
def hazard_words() -> dict[str, frozenset[str]]:
    """`event_hazards.csv`: kind ('hazard', 'hazard_modifier', 'mishap_verb', 'mishap_thing') -> lemmas."""
    return read_data_sets("event_hazards.csv", "kind", "word")


def caused_by_a_hazard(token: Token) -> bool:
    """The act told by `token` was done by a natural hazard, a disease or an accident."""
    words = hazard_words()
    hazards = words.get("hazard", frozenset())
    if token.pos_ in ("NOUN", "PROPN") and _named_by(token, hazards | words.get("hazard_modifier", frozenset())):
        return True  # 'lightning strikes', 'a gas cylinder explosion', 'the cholera epidemic'
    for clause in _clauses(token):
        if any(_is_hazard(doer, hazards) for doer in _doers(clause)):
            return True
        if _mishap(clause, words) or any(_mishap(c, words) for c in clause.children
                                         if c.dep_ == "advcl" and _marked_when(c)):
            return True
    return False


def _clauses(token: Token) -> Iterator[Token]:
    """The act's verb, then the clauses it continues: 'A landslide buried ten homes, killing six'
    -> killing, buried (at most three hops)."""
    node = token
    for _ in range(4):
        yield node
        if node.dep_ not in CONTINUING_DEPS or node.head.i == node.i or _has_subject(node):
            return  # a clause with a subject of its own does not continue the one above
        node = node.head


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _doers(verb: Token) -> Iterator[Token]:
    """The doer of a clause: its active subject, or the object of its 'by' agent."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            yield child
        elif child.dep_ == "agent":
            yield from (o for o in child.children if o.dep_ == "pobj")


def _is_hazard(noun: Token, hazards: frozenset[str]) -> bool:
    """'Lightning', 'a suspected meningitis outbreak', 'heavy rains', 'a heat wave', 'an outbreak of
    Lassa fever': the noun or one of its compounds or its 'of' object names a hazard."""
    if noun.lemma_.lower() in hazards or noun.lower_ in hazards:
        return True
    if _named_by(noun, hazards):
        return True
    return any(o.lemma_.lower() in hazards for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj")


def _named_by(noun: Token, words: frozenset[str]) -> bool:
    """A compound modifier of the noun names a hazard ('lightning strikes', 'gas explosion')."""
    return any(c.dep_ == "compound" and (c.lemma_.lower() in words or c.lower_ in words) for c in noun.children)


def _mishap(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """'a bus plunged', 'a building collapsed', 'a tanker overturned': a verb of an accident whose
    subject is a vehicle or a structure."""
    if verb.lemma_.lower() not in words.get("mishap_verb", frozenset()):
        return False
    things = words.get("mishap_thing", frozenset())
    return any(s.lemma_.lower() in things for s in verb.children if s.dep_ == "nsubj")


def _marked_when(clause: Token) -> bool:
    """A clause of circumstance: 'when a tunnel collapsed'."""
    return any(m.dep_ in ("mark", "advmod") and m.lower_ in WHEN_MARKS and m.i < clause.i for m in clause.children)
