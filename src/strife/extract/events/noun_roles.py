"""Sources and targets of event nouns ('the Taliban attack on a checkpoint', 'clashes between X
and Y', 'a convoy came under attack by militants').

A noun has no subject or object of its own: its sides come from possessives and modifiers,
'by'/'of'/'between'/'on' phrases, the verb that says it happened ('clashes erupted between ...'),
the light verb that carries it ('carried out an attack'), or the clause it is told in ('killed
in shooting by gunmen'). Verbs' roles and the helpers both share stay in `roles`.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from strife.extract.events.arguments import expand_all, prep_objects
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import SUBJECT_DEPS, against_the_verbs_act, names_a_stance
from strife.extract.events.roles import (
    headline_passive,
    inherited_subjects,
    reciprocal,
    target_prepositions,
    two_sides,
)
from strife.extract.events.sides import lexical_side
from strife.extract.events.tables import coding_set
from strife.extract.events.triggers import word_keys
from strife.extract.events.weapons import names_a_weapon, struck_objects
from strife.ontology import Ontology


def noun_roles(frame: Frame, noun: Token, onto: Ontology) -> None:
    sources, targets = noun_own_roles(frame.plover, noun, onto)
    if not sources and not targets:
        sources, targets = _sides_of_occurrence(noun, onto)
    if not sources and not targets and reciprocal(noun, onto):
        sources, targets = _parties_of_the_dispute(noun)
    if not sources:
        sources = (_participants(noun, onto) or (_holders(noun, onto) if frame.plover == "PROTEST" else [])
                   or _agents_on_its_verb(noun, onto))
    if not targets:
        targets = _under_attack(noun)
        if targets and not sources:
            sources = _attackers_of_the_attacked(noun)
    governor, relation = _governor(noun)
    if relation == "prep" and against_the_verbs_act(noun):
        governor = None  # 'staged a sit-in against the killing of ...': the killing is not the stagers'
    carriers = onto.words("light_verbs") | (onto.words("mobilising_verbs") if frame.plover == "MOBILIZE" else frozenset())
    light = governor is not None and bool(word_keys(governor) & carriers)
    if governor is not None and (light or relation == "copula"):
        frame.anchors.add(governor.i)
        if not sources or all(s.pos_ == "PRON" for s in sources):
            sources = _governor_subjects(governor, relation) or [s for s in sources if s.pos_ != "PRON"]
        targets += prep_objects(governor, onto.words("target_preps") - {"with", "to"})
    elif (governor is not None and not sources and _killed_in(noun, governor, onto)
          and _victims_told_first(governor, onto)
          and not (reciprocal(noun, onto) and not _counterparts(noun, governor, onto))):
        sources = _counterparts(noun, governor, onto) if reciprocal(noun, onto) else _agents(governor)
        targets = _victims_told_first(governor, onto) + [t for t in targets if t not in sources]
    elif governor is not None and not sources and _killed_in(noun, governor, onto):
        sources = _governor_subjects(governor, relation)
        if not sources and reciprocal(noun, onto):
            sources, targets = _killed_by_counterpart(noun, governor, targets)
    sources = [s for s in sources if s.pos_ != "PRON" or s.lower_ not in ("their", "its", "his", "her", "our")]
    frame.sources, frame.targets = two_sides(expand_all(sources), expand_all(targets))


def _killed_in(noun: Token, verb: Token, onto: Ontology) -> bool:
    """'forces killed six civilians during a raid', 'a girl was killed in shooting by gunmen':
    whoever killed in or during an attack carried the attack out."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during")
            and verb.lemma_.lower() in onto.words("victim_verbs"))


def _counterparts(noun: Token, verb: Optional[Token] = None, onto: Optional[Ontology] = None) -> list[Token]:
    """The other side of a clash noun: its 'with' phrase ('a gunfight with police'), or the one the
    parser hangs on the verb it is told with ('killed in encounter with police'), a weapon aside."""
    own = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    if own or verb is None or onto is None:
        return own
    on_the_verb = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
                   if o.dep_ == "pobj" and not names_a_weapon(o, onto)]
    # 'killed in a police encounter': the force the clash is named after is the other side
    return on_the_verb or [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                           and lexical_side(c, onto) in ("state", "nonstate")]


def _agents(verb: Token) -> list[Token]:
    """The 'by' phrase of a passive participle: 'policemen injured in an attack by picketers'."""
    return [o for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            for o in c.children if o.dep_ == "pobj"]


def _victims_told_first(verb: Token, onto: Ontology) -> list[Token]:
    """'Two soldiers killed in roadside bomb', 'militants killed in an ambush near X': a victim verb
    with its 'were' left out, read as a reduced relative on the victims ('soldiers [who were] killed')
    or as a headline passive, names the victims before it, never who set off the bomb; of a clash
    with a named side ('killed in an encounter with police', 'in a police encounter'), that side
    killed them; of an attack 'by' someone ('injured in an attack by picketers'), the attackers."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head] if not any(c.dep_ == "dobj" for c in verb.children) else []
    if headline_passive(verb, onto):
        return [c for c in verb.children if c.dep_ == "nsubj"]
    return []


def _killed_by_counterpart(noun: Token, verb: Token, targets: list[Token]) -> tuple[list[Token], list[Token]]:
    """'A rebel commander was killed in a gunfight with police': the other side of the clash killed
    the one the passive names, so it is the source ('with police') and the one killed the target."""
    counterpart = _counterparts(noun)
    killed = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not counterpart or not killed:
        return [], targets
    return counterpart, killed + [t for t in targets if t not in counterpart]


def noun_own_roles(plover: str, noun: Token, onto: Ontology) -> tuple[list[Token], list[Token]]:
    sources: list[Token] = []
    targets: list[Token] = []
    target_preps = target_prepositions(plover, onto)
    for child in noun.children:
        if child.dep_ == "poss":
            sources.append(child)
        elif child.dep_ in ("prep", "agent"):
            objs = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
            word = child.lower_
            if word == "by":
                sources += objs
            elif word == "of":
                (sources if plover in coding_set("source_of_types") else targets).extend(objs)
            elif word == "between" and objs:
                sources.append(objs[0])
                targets += [c for o in objs for c in o.conjuncts]
            elif word in target_preps:
                targets += objs
        elif (child.dep_ in ("amod", "compound", "nmod") and names_an_actor(child) and not names_a_weapon(child, onto)
              and not names_a_stance(child, plover == "PROTEST")):
            sources.append(child)
        elif child.dep_ == "amod" and child.lower_ in onto.words("partner_participles"):
            sources += _partners(child)
        elif child.dep_ == "acl":
            agents = [o for c in child.children if c.dep_ in ("agent",) or (c.dep_ == "prep" and c.lower_ == "by") for o in c.children if o.dep_ == "pobj"]
            sources += agents
            targets += prep_objects(child, target_preps - {"with", "to"})
            if child.tag_ == "VBG" and child.lemma_.lower() in onto.words("aiming_verbs"):
                targets += [c for c in child.children if c.dep_ == "dobj"]  # 'air strikes targeting X'
    return sources, targets + struck_objects(noun, onto)


def _partners(participle: Token) -> list[Token]:
    """'the US-backed offensive', 'a Saudi-led air raid': the backer takes part in the event."""
    return [c for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod") and names_an_actor(c)]


def _holders(noun: Token, onto: Ontology) -> list[Token]:
    """'Teachers on strike over unpaid salaries', 'workers in protest': the people an 'on'/'in'
    phrase with a protest noun describes are the protesters. Only of a protest: 'killed 12 militants
    in air strikes' names whom the strikes hit, not who struck."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "in") or prep.head.pos_ not in ("NOUN", "PROPN"):
        return []
    return [prep.head] if noun.lemma_.lower() in onto.words("holder_nouns") else []


def _under_attack(noun: Token) -> list[Token]:
    """'A military convoy came under attack': the subject of 'come under' is the target."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.lemma_.lower() not in ("come", "fall"):
        return []
    return [c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _attackers_of_the_attacked(noun: Token) -> list[Token]:
    """'a patrol came under attack by militants', 'came under fire from gunmen': the parser hangs
    the attackers on 'came'; a 'by'/'from' phrase there names who attacked."""
    verb = noun.head.head
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("by", "from")
            for o in p.children if o.dep_ == "pobj"]


def _agents_on_its_verb(noun: Token, onto: Ontology) -> list[Token]:
    """'Attack on Kolbara village, Mali, by armed men leaves five dead': an active verb takes no
    'by' agent, so a 'by' phrase the parser hangs on the active verb whose subject is the event noun
    (after an apposition cut the noun from it) is the noun's own: its doers. A weapon ('by gunfire')
    is no doer, nor is a passive's agent."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.tag_ == "VBN" or any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "by" and p.i < verb.i
            for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and not names_a_weapon(o, onto)]


def _participants(noun: Token, onto: Ontology) -> list[Token]:
    """'The US is playing a decisive role in the brutal offensive', 'took part in the attack':
    whoever has a part in the event is among its sources."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in onto.words("participation_nouns"):
        return []
    verb = prep.head.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] or inherited_subjects(verb)


def _sides_of_occurrence(noun: Token, onto: Ontology) -> tuple[list[Token], list[Token]]:
    """'clashes erupted between X and Y', 'fighting broke out with Y': the parser hangs the
    sides on the verb that says the event happened, not on the event noun."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or not word_keys(verb) & onto.words("occurrence_verbs"):
        return [], []
    for prep in verb.children:
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ == "between" and objs:
            return [objs[0]], [c for o in objs for c in o.conjuncts] or _other_side(verb, prep)
        if prep.dep_ == "prep" and prep.lower_ == "with" and objs:
            return [], objs
    return [], []


def _other_side(verb: Token, between: Token) -> list[Token]:
    """'clashes were reported between X on one side and Y (on the other)': the parser may join the
    second side to the verb, not to the first; a noun conjoined to the verb after the 'between'
    phrase is the other side."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > between.i]


def _parties_of_the_dispute(noun: Token) -> tuple[list[Token], list[Token]]:
    """'clashes over a land dispute between X and Y': the parser hangs the sides on the dispute
    the clash is over; its parties are the clash's sides, the first named the source."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("over", "about"):
            continue
        for issue in (o for o in prep.children if o.dep_ == "pobj"):
            for between in (c for c in issue.children if c.dep_ == "prep" and c.lower_ == "between"):
                objs = [o for o in between.children if o.dep_ == "pobj"]
                if objs:
                    return [objs[0]], [c for o in objs for c in o.conjuncts]
    return [], []


def names_an_actor(token: Token) -> bool:
    """'Russian' in 'Russian attacks', 'US' in 'US airstrikes', 'Taliban' in 'Taliban attack'."""
    if token.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    return token.pos_ in ("ADJ", "PROPN") and token.text[:1].isupper() and token.i > token.sent.start


def _governor(noun: Token) -> tuple[Optional[Token], str]:
    """The verb an event noun hangs from, and how: 'dobj' (carried out airstrikes), 'prep' (pressed
    ahead with their advance), 'subjpass' (an attack was carried out by), 'acl' (airstrikes carried
    out by), 'copula' (are in control of)."""
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and _carries(child):
            return child, "acl"
    head = noun.head
    if noun.dep_ in ("dobj", "advmod", "npadvmod", "attr") and head.pos_ in ("VERB", "AUX"):
        return head, "dobj"
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB":
        return head, "subjpass"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        return verb, "copula" if verb.lemma_ == "be" else "prep"
    return None, ""


def _carries(participle: Token) -> bool:
    """'airstrikes carried out by X': a past participle after an event noun says who carried it
    out. Not a purpose ('a protest to denounce X') nor an active participle ('a protest demanding
    wages', 'airstrikes targeting X', 'an attack wounding two'): the event itself does that, so
    the subject of the verb the noun hangs from still names who acted."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in participle.children):
        return False
    return participle.tag_ != "VBG"


def _governor_subjects(governor: Token, relation: str) -> list[Token]:
    children = list(governor.children)
    agents = [o for c in children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for o in c.children if o.dep_ == "pobj"]
    if relation in ("acl", "subjpass") or any(c.dep_ == "auxpass" for c in children):
        return agents
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS and not _across_a_colon(c, governor)]
    if subjects:
        return subjects
    if governor.dep_ == "acl" and governor.head.pos_ in ("NOUN", "PROPN") and not agents:
        return [governor.head]
    return inherited_subjects(governor)


def _across_a_colon(subject: Token, verb: Token) -> bool:
    """'Movement of forces: On 9 May, HTS brought reinforcements': a colon never parts a subject from
    its verb, so a 'subject' before one is a note's heading the parser took for it."""
    return any(c.dep_ == "punct" and c.text == ":" and subject.i < c.i < verb.i for c in verb.children)
