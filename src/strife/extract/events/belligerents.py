"""The other side of a fight, from who is blamed for its casualties or who fought back.

"The army's offensive on the city of Portvale ... The media placed the blame for civilian casualties
in Portvale on the rebel fighters": a report that blames an armed party for the casualties of
fighting at a place says that party is fighting there. A fight at that place told with its
attackers but no opponent (an offensive "on a city": the city is the ground, not a party) gets
the blamed party as its target, when the blame is told in the same or the next sentence and the
blamed is an armed force that is not among the attackers. Likewise an attack whose attacked side
goes unnamed gets the armed force told fighting back ("Soldiers guarding the convoy returned fire").
A fight told as fending off an attack ("soldiers repelled a rebel attack on their base") has the
attacker named on the attack noun as its other side. Territory taken 'from' an armed party
("troops recaptured the town from the rebels") was taken from that party: ACLED's actor2 of a
government regaining or a non-state actor overtaking territory. One killed 'in a clash with' a
force ("a commander was gunned down in a clash with the army") was killed by that force. An
explosion set off by its victim ("stepped on a landmine planted by the rebels") was the act of
whoever planted the device. One killed or arrested 'during army operations' was killed or
arrested by the force whose operation it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from strife.extract import doc_lowers, doc_tokens, line_break_between
from strife.extract.events.frame import Frame
from strife.extract.events.noun_roles import names_an_actor
from strife.extract.events.arguments import expand_all
from strife.extract.events.sides import lexical_side
from strife.ontology import Ontology

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Blame:
    """One statement of blame: the blamed armed parties and the places its sentence names."""

    sentence_start: int
    blamed: tuple[Token, ...]
    places: frozenset[str]


def add_blamed_belligerents(frames: list[Frame], doc: Doc, onto: Ontology) -> None:
    """Give fights with attackers and no opponent the armed party blamed nearby for casualties at
    their place (see the module docstring)."""
    fights = [f for f in frames if f.plover == "FIGHT" and f.sources and not f.targets]
    if not fights:
        return
    blames = [b for b in (_blame(t, onto) for t in _blame_words(doc, onto)) if b is not None]
    for frame in fights:
        trigger = frame.trigger.token
        for blame in blames:
            if _near(trigger, blame, doc) and _places(trigger.sent) & blame.places:
                frame.targets = expand_all(
                    [x for x in blame.blamed if x not in frame.sources and not _same_side(x, frame.sources, onto)])
                if frame.targets:
                    break


def add_defenders(frames: list[Frame], doc: Doc, onto: Ontology) -> None:
    """'RENAMO gunmen attacked a convoy on the highway. Soldiers guarding the convoy returned fire.':
    an attack or fight with attackers and no one attacked, followed in its sentence or the next
    (same paragraph) by an armed force that fought back, has that force as its target."""
    attacks = [f for f in frames if f.plover in ("ASSAULT", "FIGHT") and f.sources and not f.targets]
    if not attacks:
        return
    defenders = _fought_back(doc, onto)
    for frame in attacks:
        trigger = frame.trigger.token
        for sentence_start, fighters in defenders:
            if _near(trigger, Blame(sentence_start, (), frozenset()), doc) and fighters[0].i > trigger.i:
                frame.targets = expand_all([x for x in fighters if x not in frame.sources
                                            and not _same_side(x, frame.sources, onto)])
                if frame.targets:
                    break


def add_repelled_attackers(frames: list[Frame], onto: Ontology) -> None:
    """'Soldiers repelled a rebel attack on their base', 'thwarted an assault by the militia': a
    fight told as fending off an attack is between the defenders (its source) and the attacker
    named on the attack noun, ACLED's other actor. The place attacked ('their base', 'the
    front') is the defenders' own and is no target; without a named attacker nothing changes."""
    verbs = onto.words("fending_off_verbs")
    for frame in frames:
        verb = frame.trigger.token
        if frame.plover != "FIGHT" or verb.lemma_.lower() not in verbs:
            continue
        attackers = [a for attack in verb.children if attack.dep_ in ("dobj", "nsubjpass")
                     and attack.lemma_.lower() in onto.words("fended_attack_nouns")
                     for a in _attackers(attack, onto) if a not in frame.sources]
        if attackers:
            frame.targets = expand_all(attackers)


def _attackers(attack: Token, onto: Ontology) -> list[Token]:
    """Who an attack noun says attacked: 'a rebel attack', 'an IS attack', 'the militia's attack'
    (a modifier naming an armed side or a group), 'an attack by/of the rebels'."""
    named = [c for c in attack.children if c.dep_ in ("poss", "compound", "amod", "nmod")
             and c.ent_type_ not in ("DATE", "TIME")
             and (names_an_actor(c) or lexical_side(c, onto) in ("state", "nonstate"))]
    named += [o for p in attack.children if p.dep_ == "prep" and p.lower_ in ("by", "of")
              for o in p.children if o.dep_ == "pobj"]
    return named


def _fought_back(doc: Doc, onto: Ontology) -> list[tuple[int, list[Token]]]:
    """(sentence start, armed fighters) of each clause that tells someone fought back ('soldiers
    returned fire', 'the police fought back', 'before being repelled by security forces'): a
    fight-back phrase of `fight_back_words` whose first word is a verb with an armed subject or agent."""
    phrases = [phrase.split() for phrase in onto.words("fight_back_words")]
    first_words = {words[0] for words in phrases}  # most tokens start none: passed by on their lower-case form
    lowers = doc_lowers(doc)
    found = []
    for token in doc_tokens(doc):
        if lowers[token.i] not in first_words or token.pos_ != "VERB" or not any(
                words[0] == token.lower_ and _spells(doc, token.i, words) for words in phrases):
            continue
        fighters = [c for c in token.children if c.dep_ == "nsubj"]  # 'soldiers returned fire'
        fighters += [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]  # 'repelled by'
        armed = [c for c in fighters if lexical_side(c, onto) in ("state", "nonstate")]
        if armed:
            found.append((token.sent.start, armed))
    return found


def _spells(doc: Doc, start: int, words: list[str]) -> bool:
    return start + len(words) <= len(doc) and list(doc_lowers(doc)[start:start + len(words)]) == words


def _blame_words(doc: Doc, onto: Ontology) -> list[Token]:
    words = onto.words("blame_words")
    return [t for t in doc_tokens(doc) if t.lemma_.lower() in words] if words else []


def _blame(word: Token, onto: Ontology) -> Blame | None:
    """The armed parties a blame word puts the blame on: 'placing the blame on X' (the 'on'
    phrase of the noun, of the verb that carries it, or of a noun in the noun's phrase), 'blamed
    X for' (the object), 'was blamed on X'."""
    holders = [word]
    if word.pos_ == "NOUN":  # the parser may hang 'on X' on the verb or inside 'for the casualties'
        holders += [a for a in word.ancestors if a.pos_ == "VERB"][:1] + [t for t in word.subtree if t.pos_ == "NOUN"]
    blamed = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
              for o in p.children if o.dep_ == "pobj"]
    if word.pos_ == "VERB" and any(p.dep_ == "prep" and p.lower_ == "for" for p in word.children):
        blamed += [c for c in word.children if c.dep_ == "dobj"]
    armed = onto.words("nonstate_force_nouns") | onto.words("state_force_nouns")
    blamed = [b for b in blamed if b.lemma_.lower() in armed]
    places = _places(word.sent)
    return Blame(word.sent.start, tuple(blamed), places) if blamed and places else None


def _places(sentence) -> frozenset[str]:
    """Names of places in a sentence, as written (lower case)."""
    return frozenset(t.lower_ for t in sentence if t.ent_type_ in _PLACE_LABELS and t.pos_ == "PROPN")


def _near(trigger: Token, blame: Blame, doc: Doc) -> bool:
    """The blame is told in the fight's sentence or the next one, in the same paragraph."""
    here = trigger.sent
    if blame.sentence_start == here.start:
        return True
    if here.end >= len(doc) or blame.sentence_start != here.end:
        return False
    return not line_break_between(trigger, doc[blame.sentence_start])


def _same_side(token: Token, sources: list[Token], onto: Ontology) -> bool:
    side = lexical_side(token, onto)
    return side is not None and any(lexical_side(s, onto) == side for s in sources)


def add_dispossessed(frames: list[Frame], onto: Ontology) -> None:
    """Give a taking of territory with no one it was taken from the armed party of its 'from'
    phrase ('recaptured the town of X from the rebels', 'seized the base from government forces');
    a 'from' naming a place ('advanced from the north', 'from Kidal') is where they came from."""
    for frame in frames:
        if frame.mode != "territory" or frame.targets:
            continue
        losers = [obj for prep in _from_phrases(frame.trigger.token)
                  for obj in prep.children if obj.dep_ == "pobj" and obj.ent_type_ not in _PLACE_LABELS
                  and (lexical_side(obj, onto) is not None or names_an_actor(obj))]
        frame.targets = expand_all([x for x in losers if x not in frame.sources])


def _from_phrases(verb: Token) -> list[Token]:
    """The 'from' phrases of the verb and of its object, where the parser often hangs them
    ('took control of a village near Mopti from the army')."""
    held = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    return [t for t in [*verb.children, *held] if t.dep_ == "prep" and t.lower_ == "from"]


def add_clash_counterparts(frames: list[Frame], onto: Ontology) -> None:
    """Give a killing or wounding with no one doing it the other side of the clash it happened in
    ('three militants were killed in an exchange of fire with soldiers', 'gunned down in a clash
    with the army'): the party the clash was 'with' killed them (see the module docstring)."""
    clashes = onto.words("reciprocal_events")
    for frame in frames:
        verb = frame.trigger.token
        if frame.sources or not frame.targets or verb.pos_ != "VERB":
            continue
        nouns = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in clashes]
        sides = [o for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "with"
                 for o in p.children if o.dep_ == "pobj"]
        frame.sources = expand_all([x for x in sides if x not in frame.targets])


def add_reporting_sides(frames: list[Frame], onto: Ontology) -> None:
    """Give a clash or an operation told in a force's own report with no one on its doing side
    ('police said three militants were killed in an encounter', 'the army said 12 insurgents died in
    the fighting') the force that reports it: a force speaking of a clash no other party is named in
    tells of its own fight, as ACLED's coders read such notes ("Police Forces of India" against the
    dead). Only a speaker that is an armed side (sides.lexical_side), never residents or officials'
    unnamed sources, and never one of those the clash killed."""
    occasions = onto.words("reciprocal_events") | onto.words("operation_nouns")
    for frame in frames:
        token = frame.trigger.token
        if frame.plover not in ("FIGHT", "ASSAULT", "COERCE"):
            continue
        if _owned_by_the_speaker(frame, token):
            speaker = _reporting_subject(token)
            if speaker is not None and lexical_side(speaker, onto) in ("state", "nonstate"):
                frame.sources = expand_all([speaker])  # 'the army said its jets struck ...': the army's jets
            continue
        if frame.sources:
            continue
        nouns = [token] if token.lemma_.lower() in occasions else [
            o for o in _occasions(token) if o.lemma_.lower() in occasions] if token.pos_ == "VERB" else []
        if not nouns or any(_counterpart_named(n) for n in nouns):
            continue
        speaker = _reporting_subject(token)
        if speaker is None or speaker in frame.targets or speaker in frame.victims:
            continue
        if lexical_side(speaker, onto) in ("state", "nonstate"):
            frame.sources = expand_all([speaker])


def _owned_by_the_speaker(frame: Frame, token: Token) -> bool:
    """Whether the doer of a reported act is told only by a possessive pronoun ('the army said its
    jets struck', 'soldiers said their patrol killed'): English refers such a pronoun in a reported
    clause to the reporter, so the doers are the reporter's."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"] if token.pos_ == "VERB" else []
    doers = subjects or frame.sources
    return bool(doers) and all(any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in d.children) for d in doers)


def _counterpart_named(noun: Token) -> bool:
    """Whether a clash or operation noun names a party ('with police', 'by the army', 'army operations')."""
    return any((c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "between", "of"))
               or (c.dep_ in ("compound", "amod", "nmod", "poss") and names_an_actor(c)) for c in noun.children)


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the verb of speech whose reported clause holds `token` ('police said [that ...
    killed in an encounter]'), climbing no further than that clause's own verbs."""
    from strife.extract.quotes import speech_verb

    child, head = token, token.head
    for _ in range(6):
        if head is child:
            return None
        if child.dep_ == "ccomp" and speech_verb(head) is not None:
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
        child, head = head, head.head
    return None


def add_operation_owners(frames: list[Frame], onto: Ontology) -> None:
    """Give a killing, wounding or arrest with no one doing it the force whose operation it
    happened in ('seven militants were killed during army operations', 'arrested in a police raid',
    'killed in an operation by Afghan forces'): the operation's owner, named by its modifiers or
    its 'by'/'of' phrase, did it (roles.yaml `operation_nouns`)."""
    operations = onto.words("operation_nouns")
    for frame in frames:
        verb = frame.trigger.token
        if frame.sources or not (frame.targets or frame.victims) or verb.pos_ != "VERB":
            continue
        held = _occasions(verb) or [o for v in verb.conjuncts for o in _occasions(v)]  # 'killed and arrested during'
        nouns = [o for o in held if o.lemma_.lower() in operations]
        owners = [o for n in nouns for o in _owners_of(n, onto)] + [o for o in held if _named_unit_operation(o, operations)]
        frame.sources = expand_all([x for x in owners if x not in frame.targets and x not in frame.victims])


def _occasions(verb: Token) -> list[Token]:
    """What an act happened in or during: the objects of the verb's 'in'/'during' phrases."""
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during") for o in p.children if o.dep_ == "pobj"]


def _named_unit_operation(name: Token, operations: frozenset[str]) -> bool:
    """'during [General Command of Police Special Units] operations': the parser takes the unit's
    name as what the killing was during, and the operations as its 'of' phrase; a capitalised name
    so read is the operation's owner."""
    return name.pos_ == "PROPN" and any(
        p.dep_ == "prep" and p.lower_ == "of" and o.dep_ == "pobj" and o.lemma_.lower() in operations
        for p in name.children for o in p.children)


def _owners_of(operation: Token, onto: Ontology) -> list[Token]:
    """Who runs the operation: 'by'/'of' phrases ('an operation by the army'), else the modifiers
    that name an actor or an armed side ('army operations', 'a police raid', 'GCPSU operations')."""
    agents = [o for p in operation.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "of")
              for o in p.children if o.dep_ == "pobj"]
    if agents:
        return agents
    return [c for c in operation.children if c.dep_ in ("compound", "amod", "nmod", "poss")
            and (names_an_actor(c) or lexical_side(c, onto) in ("state", "nonstate"))]


def add_device_planters(frames: list[Frame], onto: Ontology) -> None:
    """'A civilian was killed when he stepped on a landmine planted by the rebels': an explosion
    with no one setting it off has as its source the party that planted the device, named in the
    agent phrase of a placing participle on a device noun of its clause."""
    placing = onto.words("device_placing_verbs")
    for frame in frames:
        verb = frame.trigger.token
        if frame.sources or frame.mode != "IED" or verb.pos_ != "VERB":
            continue
        planters = [o for t in verb.subtree if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in placing
                    for a in t.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        frame.sources = expand_all([x for x in planters if x not in frame.targets])
