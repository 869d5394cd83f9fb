"""Installations and vehicles named after their owner ('the positions of the militia', 'army posts',
'a vehicle belonging to X', 'militant hideouts'): an attack on one is an attack on its owner, and one
with no owner named is only where the attack happened. `owner_nouns` in roles.yaml lists them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from strife.ontology import Ontology


def ownerless_installation(target: Token, onto: Ontology) -> bool:
    """'a checkpoint', 'a check point', 'the base', with no owner named (not 'an army post', not
    'the positions of the militia'): a place that says nothing of whose it is."""
    installations = onto.words("owner_nouns")
    joined = [c for c in target.children if c.dep_ == "compound" and c.i == target.i - 1
              and c.lower_ + target.lemma_.lower() in installations]  # 'check point'
    if target.lemma_.lower() not in installations and not joined:
        return False
    owners = [c for c in target.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c not in joined]
    owners += [c for c in target.children if c.dep_ == "prep" and c.lower_ == "of"]
    holders = onto.words("carrying_verbs") | onto.words("holding_verbs")
    owners += [c for c in target.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in holders]
    owners += belongs_to(target)
    return not owners  # 'a vehicle carrying militants', 'a checkpoint manned by soldiers': whose it is


def belongs_to(target: Token) -> list[Token]:
    """'a vehicle belonging to a councilor', 'shops owned by traders' -> 'a councilor', 'traders':
    whose the thing is."""
    return [o for acl in target.children if acl.dep_ in ("acl", "relcl")
            for prep in acl.children if _owner_preposition(acl, prep)
            for o in prep.children if o.dep_ == "pobj"]


def _owner_preposition(verb: Token, prep: Token) -> bool:
    """The preposition that introduces the owner: 'belonging to X', 'owned by X'."""
    lemma = verb.lemma_.lower()
    return (lemma == "belong" and prep.dep_ == "prep" and prep.lower_ == "to") or (
        lemma == "own" and prep.dep_ == "agent")


def is_owner_noun(token: Token, onto: Ontology) -> bool:
    """An installation or vehicle named after its owner (`owner_nouns`), by lemma or as written:
    the lemmatiser reads 'bases' as 'basis'."""
    return bool({token.lemma_.lower(), token.lower_} & onto.words("owner_nouns"))


def owner_of(target: Token, onto: Ontology) -> Token:
    """'the positions of the militia' -> 'the militia'; 'a vehicle belonging to X' -> X."""
    if is_owner_noun(target, onto):
        belongs = belongs_to(target)
        if belongs:
            return belongs[0]
        for child in target.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return target


def installation_owner(token: Token, onto: Ontology) -> Span | None:
    """'shelled militant hideouts', 'bombed Islamist militant bases', 'looted a civilian boat': an
    installation or vehicle (`owner_nouns`) named after its owner stands for the owner, the words
    before it that are not counts or determiners; None when it has no such words."""
    if not is_owner_noun(token, onto):
        return None
    modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
    if not modifiers:
        return None
    start = min(t.i for m in modifiers for t in m.subtree)
    return token.doc[start: token.i]


def taken_installations(verb: Token, onto: Ontology) -> list[Token]:
    """'the rebels captured an army outpost', 'overran a militia stronghold': an installation taken
    whose owner is named stands for the owner, who lost it (ACLED's actor2 of a territory change);
    one with no owner named ('captured a base') is only the ground taken."""
    return [owner_of(o, onto) for o in verb.children if o.dep_ == "dobj" and is_owner_noun(o, onto)
            and not ownerless_installation(o, onto)]


def downed_craft(target: Token, onto: Ontology) -> bool:
    """'shot down two rebel drones', 'intercepted an army helicopter': an aircraft brought down
    is no weapon used on the target but the target itself, standing for its owner (ACLED codes
    the force whose drone was downed as actor2). `downing_verbs` in roles.yaml; 'down' may be
    the verb's particle ('shot down', 'brought down')."""
    if target.dep_ not in ("dobj", "nsubjpass") or not is_owner_noun(target, onto):
        return False
    verb = target.head
    downing = onto.words("downing_verbs")
    return verb.lemma_.lower() in downing or any(c.dep_ == "prt" and c.lower_ in downing for c in verb.children)
