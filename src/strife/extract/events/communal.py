"""Who fights as a community: the sides of a clash ACLED codes as identity (communal) militias.

ACLED's codebook codes fighting between communities, clans, tribes or the people of rival villages as
a battle between communal militias, not a riot; the words are roles.yaml's communal_group_nouns,
named_communal_nouns, resident_nouns and rival_communal_nouns (strife.extract.events.
battle_sides.communal_clash asks).
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract import line_of
from strife.ontology import Ontology


def communal_group(token: Token, onto: Ontology) -> bool:
    """A side that is a community by its noun: a clan, a tribe, herders (communal_group_nouns), a
    'community' or 'people' after a proper name ('the Tobi community')."""
    lemma = token.lemma_.lower()
    if lemma in onto.words("communal_group_nouns") or token.lower_ in onto.words("communal_group_nouns"):
        return True
    if lemma not in onto.words("named_communal_nouns") and token.lower_ not in onto.words("named_communal_nouns"):
        return False
    return any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in token.children)


def rival_residents(token: Token, onto: Ontology) -> bool:
    """'Villagers of Kelumbo and Wadulo clashed', 'Kelumbo and Wadulo villagers clashed', 'residents of
    two villages clashed', 'two communities clashed': one side told as the people of two places or
    communities joined by 'and', in an 'of' phrase or as names before the noun (or of a plural
    'villages', 'communities', or the plural itself; roles.yaml resident_nouns, rival_communal_nouns).
    Their deadly clash fought with more than a crowd's stones and sticks is the two villages' communal
    militias fighting, which ACLED codes as a battle; a brawl that only injures, or stone pelting, stays
    mob violence (ACLED's South Asian communal riots). The caller asks for the deaths and the weapons."""
    if token.lower_ in onto.words("rival_communal_nouns"):
        return True  # 'two communities, the A and the B, clashed': two sides by themselves
    if token.lemma_.lower() not in onto.words("resident_nouns") and token.lower_ not in onto.words("resident_nouns"):
        return False
    if any(c.dep_ in ("compound", "nmod", "amod") and c.i < token.i and c.pos_ == "PROPN"
           and any(j.dep_ == "conj" and j.pos_ == "PROPN" for j in c.children) for c in token.children):
        return True  # 'Dara and Kilo villagers': the names before the noun, joined by 'and'
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if obj.lower_ in onto.words("rival_communal_nouns"):
                return True
            if obj.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in obj.children):
                return True
    return False


def line_tells_deaths(token: Token, onto: Ontology) -> bool:
    """'..., killing four', 'seven people were killed', 'leaving three dead': the line tells deaths
    (roles.yaml deadly_cause_words)."""
    words = onto.words("deadly_cause_words")
    return any(t.lemma_.lower() in words or t.lower_ in words for t in line_of(token))


def community_members(token: Token, onto: Ontology) -> bool:
    """'Youths from the Dima community', 'men of the Banto clan': people a 'from'/'of' phrase names as
    members of a community (communal_group)."""
    return any(communal_group(o, onto) for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
               for o in p.children if o.dep_ == "pobj")
