"""Which side an event's arguments are on: 'state', 'nonstate', 'civilian' or 'protester'.

From the sectors the actor coder gave (classes of `data/sector_classes.csv`), else from head words (roles.yaml noun lists): an owner
noun takes its owner's side ('army positions'), a member noun its group's ('members of the
militia'). ACLED's event types turn on these sides.
"""

from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Token

from strife.extract import line_of
from strife.extract.events.armed_names import armed_name
from strife.extract.events.weapons import names_any
from strife.model import Actor
from strife.ontology import Ontology
from strife.resolve.actor_sectors import sector_class

ARMED = frozenset({"state", "nonstate"})  # the sides that bear arms


@functools.lru_cache(maxsize=None)
def sectors_of(sector_class_name: str) -> frozenset[str]:
    """A class of `data/sector_classes.csv` ('state_force', 'militia_like', ...), in lower case:
    actors' sectors are compared lower-cased here."""
    return frozenset(sector.lower() for sector in sector_class(sector_class_name))


@functools.lru_cache(maxsize=1)
def armed_state_sectors() -> frozenset[str]:
    """The sectors of a state's armed forces (army, police, intelligence), not its civil officials
    (`state_force` less `unarmed_state`), in lower case."""
    return sectors_of("state_force") - sectors_of("unarmed_state")


def side_of(tokens: list[Token], actors: list[Actor], onto: Ontology, attacked: bool = False) -> Optional[str]:
    """'state', 'nonstate', 'civilian' or None: who these arguments are, from coded sectors if
    the engine gave them, else from the head words. When `attacked`, a government official
    (GOV) is not an armed target: shooting a councillor is violence against civilians."""
    tokens = _collectives_as_members(_partitive_sets(tokens, onto), onto)
    sectors = {(a.sector or "").lower() for a in _head_actors(tokens, actors) if a.sector}
    if any(_backs_a_protest(t, onto) for t in tokens):
        return "protester"
    if sectors & sectors_of("nonstate_force"):
        return "nonstate"
    armed = armed_state_sectors() if attacked else sectors_of("state_force")
    if sectors & armed:
        return "state"
    if sectors & (sectors_of("mission") | sectors_of("unarmed_state")) and military_installation(tokens, onto):
        return "state"  # 'attacked an AU base', 'ambushed a government column': an armed force's
    if attacked and sectors & sectors_of("unarmed_state"):
        return _member_of_a_force(tokens, onto) or "civilian"
    if sectors & (sectors_of("civilian") | sectors_of("rioter")):
        return "nonstate" if any(_armed_group(t, onto) for t in tokens) else "civilian"
    if sectors & sectors_of("armed_when_told") and any(_armed_group(t, onto) for t in tokens):
        return "nonstate"  # 'armed robbers': criminals told as armed are an armed side
    for token in tokens:
        side = lexical_side(token, onto)
        if side:
            return side
    return None


def _partitive_sets(tokens: list[Token], onto: Ontology) -> list[Token]:
    """'killed 4 of the attacking bandits', 'wounded several of the soldiers': a number or a
    quantifier heading a partitive names no one; those hit are part of the set its 'of' noun names,
    whose side is theirs (English partitive, as roles._partitive_doers reads a subject)."""
    quantifiers = onto.words("partitive_quantifiers")
    kept = []
    for token in tokens:
        sets = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                if o.dep_ == "pobj" and o.pos_ == "NOUN"] if (token.like_num or token.lemma_.lower() in quantifiers) else []
        kept += [s for s in sets if s not in tokens and s not in kept] or [token]
    return kept


def _collectives_as_members(tokens: list[Token], onto: Ontology) -> list[Token]:
    """'a gang of youths', 'a band of villagers': a collective noun whose 'of' object names
    civilians is those civilians (English names the members after 'of'), not an armed gang; 'a
    gang of robbers' stays a gang (roles.yaml collective_nouns)."""
    kept = []
    for token in tokens:
        if token.lemma_.lower() in onto.words("collective_nouns"):
            members = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]
            if members and all(lexical_side(m, onto) == "civilian" for m in members):
                kept += [m for m in members if m not in tokens and m not in kept]
                continue
        kept.append(token)
    return kept or tokens


def _backs_a_protest(token: Token, onto: Ontology) -> bool:
    """'pro-blockade elements', 'pro-hartal activists': people a 'pro-' modifier names as backing a
    protest action (roles.yaml protest_action_words) are its enforcers, protesters."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    before = "".join(t.lower_ for t in token.subtree if t.i < token.i)
    return any(f"pro-{word}" in before or f"pro{word}" == before for word in onto.words("protest_action_words"))


def military_installation(tokens: list[Token], onto: Ontology) -> bool:
    """A base, barracks, post or patrol: an installation only an armed force keeps."""
    words = onto.words("military_installation_nouns")
    return any(t.lower_ in words or t.lemma_.lower() in words for t in tokens)


def _armed_group(token: Token, onto: Ontology) -> bool:
    """'armed herders', 'heavily-armed villagers': a community or trade told as carrying arms is,
    in ACLED's codebook, an identity (communal) militia, an organised armed side, not civilians
    or a mob; only the noun's own modifier counts ('farmers attacked by armed men' does not)."""
    words = onto.words("armed_group_modifiers")
    if any(c.dep_ in ("amod", "compound") and (c.lower_ in words or c.lemma_.lower() in words)
           or _armed_with_firearms(token, c, onto) for c in token.children):
        return True
    if _took_up_arms(token, onto) or _in_uniform(token, onto) or _fired_a_gun(token, onto):
        return True
    if token.lower_ in onto.words("mass_count_nouns"):
        # 'dozens of armed herders': a count of people names them in its 'of' phrase (English's
        # partitive head), so the armed group is the count's, as 'armed herders' is
        return any(_armed_group(o, onto) for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj")
    # 'youths of Kelumbo village armed with guns': the parser hangs the participle on the noun of the
    # 'of'/'from' phrase after the head; it tells of the head, the people who attacked
    return any(_armed_with_firearms(o, c, onto) for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
               for o in p.children if o.dep_ == "pobj" for c in o.children)


def _in_uniform(token: Token, onto: Ontology) -> bool:
    """'men in military uniform', 'gunmen in army fatigues': people told by the uniform they wear
    are an armed group whose allegiance the text does not tell, ACLED's unidentified armed group,
    not civilians (roles.yaml uniform_words)."""
    return token.lemma_.lower() in onto.words("person_nouns") and any(
        o.lemma_.lower() in onto.words("uniform_words")
        for p in token.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj")


def _fired_a_gun(token: Token, onto: Ontology) -> bool:
    """'two men fired at a shopkeeper', 'two persons shot a trader', 'men opened fire on a bus':
    people named only as people (roles.yaml person_nouns) who fire or shoot carry firearms, an armed
    group whose allegiance the text does not tell (ACLED's unidentified armed group), not a mob."""
    if token.lemma_.lower() not in onto.words("person_nouns") or token.dep_ != "nsubj":
        return False
    verb = token.head
    return verb.lemma_.lower() in onto.words("gun_firing_verbs") or (verb.lemma_.lower() == "open" and any(
        c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children))


def _took_up_arms(token: Token, onto: Ontology) -> bool:
    """'local youths took up arms and killed 2 of the attackers', 'villagers armed themselves and
    repulsed the bandits': the subject of a clause telling that its people armed themselves (roles.yaml
    taking_up_arms_phrases), or of a verb conjoined with one, is an armed side, as 'armed youths' is."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = token.head
    phrases = onto.words("taking_up_arms_phrases")
    return any(names_any(" ".join(t.lower_ for t in verb.doc[w.i:w.i + 4]), phrases) for w in (verb, *verb.conjuncts))


def _armed_with_firearms(token: Token, clause: Token, onto: Ontology) -> bool:
    """'herders armed with guns': a participle after its noun tells of it what the adjective before
    it does ('armed herders'), when the arms are firearms (roles.yaml clash_firearm_words); a crowd
    'armed with stones' or sticks stays a crowd, whose violence ACLED codes as rioting."""
    if clause.dep_ != "acl" or clause.i < token.i or clause.lower_ not in onto.words("armed_group_modifiers"):
        return False
    arms = " ".join(t.lower_ for t in clause.subtree if t.i > clause.i)
    return names_any(arms, onto.words("clash_firearm_words"))


def violent_crowd(token: Token, onto: Ontology) -> bool:
    """'rioters', 'a mob', 'violent protesters', 'stone-pelting demonstrators': a crowd the text
    tells was violent. ACLED keeps excessive force against protesters for force on a peaceful
    protest; force on rioters tells of a riot (Riots, violent demonstration)."""
    lemma = token.lemma_.lower()
    if lemma in onto.words("rioter_nouns"):
        return True
    if lemma not in onto.words("protester_nouns"):
        return False
    before = " ".join(t.lower_ for t in token.subtree if t.i < token.i).replace(" - ", "-").split()
    return bool(set(before) & onto.words("violent_crowd_modifiers"))


def _crowd_of_others(token: Token, onto: Ontology) -> bool:
    """'a crowd of displaced persons', 'a crowd of mourners': a crowd its 'of' phrase names as people
    other than protesters is no demonstration, so force on it is no force against protesters
    (ACLED keeps that for a protest) but violence against civilians; 'a crowd of protesters' stays."""
    members = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return bool(members) and not any(g.lemma_.lower() in onto.words("protester_nouns") for g in members)


def _head_actors(tokens: list[Token], actors: list[Actor]) -> list[Actor]:
    """'police assaulted a family in the market police area': the actor named by an argument's
    head word ('a family') is who it is; actors named only inside its modifiers ('police' in a
    place's name) are not, so they decide its side only when none names the head."""
    heads = [t.idx for t in tokens]
    named = [a for a in actors if a.span and any(a.span[0] <= i < a.span[1] for i in heads)]
    return named or actors


def lexical_side(token: Token, onto: Ontology) -> Optional[str]:
    lemma = token.lemma_.lower()
    phrase = [t for t in token.subtree if t.i <= token.i] if token.pos_ in ("NOUN", "PROPN") else [token]
    words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
    if lemma in onto.words("owner_nouns"):
        # 'army positions', 'a military post': a noun or adjective before the place names its owner
        owners = [t for t in phrase if t.i < token.i and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        for owner in owners:
            side = _lexical_side_word(owner.lemma_.lower(), words, onto)
            if side:
                return side
        side = held_side(token, onto) or _named_owner_side(token)
        if side:
            return side
    elif token.pos_ == "NOUN" and (side := held_side(token, onto)):
        return side  # 'a gold mine guarded by soldiers': whoever holds a place meets its attackers
    if lemma in onto.words("carrier_nouns"):
        side = _carried_side(token, onto)
        if side:
            return side
    if _self_defence(phrase, onto):
        return "nonstate"  # 'a self-defence group': a communal militia
    if lemma in onto.words("member_nouns"):
        side = _group_side(token, onto)
        if not side and lemma in onto.words("armed_member_nouns"):
            return "nonstate"  # 'IS militants', 'fighters of the Kavora Front': armed by their noun
        if side or _named_group(token):
            return side  # 'members of the Gulf Cartel': the group decides, and we do not know it
    if lemma in onto.words("person_nouns") and words & onto.words("armed_person_modifiers"):
        return "nonstate"  # 'armed men', 'unidentified individuals'
    if lemma in onto.words("protester_nouns"):
        return "civilian" if _crowd_of_others(token, onto) else "protester"
    if lemma in onto.words("civilian_places"):
        return "civilian"
    return _lexical_side_word(lemma, words, onto) or ("nonstate" if armed_name(token) else None)


def _named_owner_side(place: Token) -> str | None:
    """'a camp of the Kavora Liberation Front': a place whose 'of' phrase names an organisation its
    name tells is armed (strife.extract.events.armed_names) is that armed side's."""
    owners = [o for p in place.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return "nonstate" if any(armed_name(o) for o in owners) else None


def held_side(place: Token, onto: Ontology) -> str | None:
    """'a checkpoint manned by soldiers', 'a post held by the militia': a place is on the side of
    those said to hold it (the agent of a holding verb on the place)."""
    verbs = onto.words("holding_verbs")
    for clause in place.children:
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in verbs:
            for agent in clause.children:
                for holder in (agent.children if agent.dep_ == "agent" else ()):
                    side = lexical_side(holder, onto) if holder.dep_ == "pobj" else None
                    if side:
                        return side
    return None


def _carried_side(vehicle: Token, onto: Ontology) -> str | None:
    """'a vehicle carrying 5 militants': a vehicle is on the side of the people it carries."""
    verbs = onto.words("carrying_verbs")
    for clause in vehicle.children:
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in verbs:
            for load in clause.children:
                if load.dep_ == "dobj":
                    side = lexical_side(load, onto)
                    if side:
                        return side
    return None


def _named_group(member: Token) -> bool:
    """'members of Al Sham Corps', 'QSD members': the member belongs to a named organisation."""
    groups = [o for p in member.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    groups += [c for c in member.children if c.dep_ in ("compound", "poss") and c.i < member.i]
    return any(g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "NORP") for g in groups)


def _member_of_a_force(tokens: list[Token], onto: Ontology) -> Optional[str]:
    """'a member of the regime's state security was found killed': the coder names only the
    government he serves (an unarmed office when attacked), but a member of its security forces is
    armed, and ACLED codes his killing as a battle."""
    forces = onto.words("state_force_nouns") - onto.words("civil_authority_nouns")
    members = [t for t in tokens if t.lemma_.lower() in onto.words("member_nouns")]
    if any(group.lemma_.lower() in forces for member in members for group in _groups_of(member)):
        return "state"
    return None


def _groups_of(member: Token) -> list[Token]:
    """The group a member noun names: its 'of' object or its modifiers ('QSD members')."""
    groups = [o for p in member.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return groups + [c for c in member.children if c.dep_ in ("compound", "poss", "amod") and c.i < member.i]


def _group_side(member: Token, onto: Ontology) -> Optional[str]:
    """'a member of the regime's 4th Division', 'army officers', 'groups of migrant laborers':
    the group a member belongs to decides the side."""
    for group in _groups_of(member):
        if _self_defence([t for t in group.subtree if t.i <= group.i], onto):
            return "nonstate"  # 'members of the village's self-defence committee'
        words = {t.lower_ for t in group.subtree} | {t.lemma_.lower() for t in group.subtree}
        side = _lexical_side_word(group.lemma_.lower(), words, onto)
        if side is None and group.tag_ == "NNPS" and group.lower_.endswith("s"):
            side = _lexical_side_word(group.lower_[:-1], words, onto)  # 'Special Forces': a name's regular plural
        if side is None and group.lemma_.lower() in onto.words("protester_nouns"):
            side = "protester"
        if side is None and armed_name(group):
            side = "nonstate"  # 'members of the Kavora Liberation Front': a name that says it is armed
        if side:
            return side
    return None


def _self_defence(phrase: list[Token], onto: Ontology) -> bool:
    """Whether a noun's phrase names a group organised for armed defence (roles.yaml
    armed_group_phrases: 'self-defence committee'), which ACLED codes as a communal militia."""
    return names_any(" ".join(t.lower_ for t in phrase), onto.words("armed_group_phrases"))


def _lexical_side_word(lemma: str, words: set[str], onto: Ontology) -> Optional[str]:
    if lemma in onto.words("nonstate_force_nouns"):
        return "nonstate"
    if lemma in onto.words("state_force_nouns"):
        if words & onto.words("nonstate_modifiers"):
            return "nonstate"
        return "state"
    if lemma in onto.words("civilian_nouns"):
        return "civilian"
    return None


def named_as_a_place(doc, actor: Actor) -> bool:
    """A country or capital coded from where something happened ('signed an agreement in Niamey'):
    the object of 'in'/'at', not a party to the event (the locative cues of the actor dictionary)."""
    if actor.kind not in ("country", "capital") or actor.span is None:
        return False
    token = next((t for t in doc if t.idx == actor.span[0]), None)
    return token is not None and token.dep_ == "pobj" and token.head.lower_ in ("in", "at")


#: Words that point back to the one attacked in the sentence after the attack ('The victim was ...').
VICTIM_WORDS = frozenset({"victim", "deceased"})


def told_armed_afterwards(targets: list[Token], sources: list[Token], onto: Ontology) -> bool:
    """'A man was shot dead by gunmen. The victim was a member of a local gang.': a victim the
    next sentence of its line says is a member of an armed group (a gang, a militia, a drug
    trafficking ring) was one of an armed side, so ACLED codes his killing as a battle, not
    violence against civilians. The next sentence must be 'X was/were <noun>' whose subject
    points back to the victim: 'the victim', 'the deceased', the victim's own noun with 'the'
    ('the man'), or 'he'/'she' when the attackers are not one person."""
    if not targets:
        return False
    sent = targets[0].sent
    doc = sent.doc
    if sent.end >= len(doc) or doc[sent.end].sent.start != sent.end:
        return False
    after = doc[sent.end].sent
    if any(t.i >= line_of(targets[0]).end for t in after[:1]):
        return False  # another line: another report
    root = after.root
    if root.lemma_ != "be":
        return False
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    named = [c for c in root.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
    if len(subjects) != 1 or not named or not _points_back(subjects[0], targets, sources):
        return False
    return all(lexical_side(noun, onto) == "nonstate" for noun in named)


def _points_back(subject: Token, targets: list[Token], sources: list[Token]) -> bool:
    lemma = subject.lemma_.lower()
    if subject.lower_ in ("he", "she"):
        return len(targets) == 1 and targets[0].tag_ == "NN" and not any(s.tag_ == "NN" for s in sources)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return definite and (lemma in VICTIM_WORDS or any(lemma == t.lemma_.lower() for t in targets))
