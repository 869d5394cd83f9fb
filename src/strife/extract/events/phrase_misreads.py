"""Noun phrases the parser splits or joins wrongly, repaired with the other misread words
(`misreads.repair_misread_words`, the one place for parse repairs):

* coordinated modifiers share their head noun: in "Kora Party and Wula Party supporters clashed"
  the parser joins the first name to the second's whole phrase ('[Kora Party] and [Wula Party
  supporters]'), so the first party's name becomes a side of its own and a clash of two parties'
  supporters becomes one of a party and supporters. English coordinates like with like: a name
  joined by 'and' to a name that modifies a member noun ('supporters', 'members'), both names
  ending in the same word ('Party' ... 'Party'), is the second modifier's fellow, and the member
  noun is the head of both ('supporters of the Kora Party and the Wula Party');
* an '-ed' complement of a verb that keeps a state ('markets remained closed against the killing of a
  trader', 'shops stayed closed over taxes') is read as an adjective, so the closure as a strike is
  lost and the grievance becomes the news. The state kept is the verb's: a complement that takes
  the preposition its lexicon verb takes ('close ... against') is that verb's past participle.
"""

from __future__ import annotations

from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from strife.ontology import Ontology

#: Tags of a proper name's head word.
NAME_TAGS = frozenset({"NNP", "NNPS"})
#: Tags of the common noun two coordinated names may modify ('supporters', 'member').
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})


def repair_phrase_misreads(doc: Doc, onto: Ontology) -> list[Token]:
    """Repair the noun phrases read wrongly; return the tokens whose place in the tree changed."""
    members = onto.words("member_nouns")
    conj = doc.vocab.strings["conj"]
    conjuncts = [doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == conj]
    changed = [t for t in conjuncts if _shared_head(t, members)]
    keeping = onto.words("state_keeping_verbs")
    acomp = doc.vocab.strings["acomp"]
    complements = [doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == acomp]
    return changed + [t for t in complements if _state_kept_by_a_participle(t, keeping, onto)]


def _shared_head(noun: Token, members: frozenset[str]) -> bool:
    """'Kora Party and Wula Party supporters': `noun` ('supporters') is the conjunct of a name
    ('Party' of 'Kora Party') and carries a name of its own as its modifier ('Wula Party') ending
    in the same word; the first name becomes a modifier of `noun` too, the two names conjuncts,
    and `noun` takes the first name's place. True when repaired."""
    first = noun.head
    if noun.tag_ not in COMMON_NOUN_TAGS or noun.lemma_.lower() not in members or first.i >= noun.i:
        return False
    if first.tag_ not in NAME_TAGS or any(c.dep_ in ("det", "poss") for c in first.children):
        return False
    second = noun.doc[noun.i - 1]
    if second.head.i != noun.i or second.dep_ != "compound" or second.tag_ not in NAME_TAGS:
        return False
    if second.lower_ != first.lower_ or second.i <= first.i + 1:
        return False
    ands = [c for c in first.children if c.dep_ == "cc" and first.i < c.i < second.i]
    if len(ands) != 1 or ands[0].lower_ != "and":
        return False
    noun.head, noun.dep_ = (noun, "ROOT") if first.dep_ == "ROOT" else (first.head, first.dep_)
    for child in list(first.children):
        if child.i > noun.i:
            child.head = noun  # what followed the whole phrase ('in Kamlolo', the full stop of a verbless line)
    first.head, first.dep_ = noun, "compound"
    second.head, second.dep_ = first, "conj"
    return True


def _state_kept_by_a_participle(token: Token, keeping: frozenset[str], onto: Ontology) -> bool:
    """'Markets remained closed against the killing of a trader': an '-ed' adjective complement of
    a state-keeping verb ('remain', 'stay'), with a prepositional phrase that the lexicon's verb of
    the same stem takes ('close' with 'against'), is that verb's past participle; re-tag it (True
    when changed). A complement with no such phrase ('remained injured after the attack') stays."""
    if token.tag_ != "JJ" or not token.lower_.endswith("ed") or token.head.lemma_.lower() not in keeping:
        return False
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    word = token.lower_
    for stem in (word[:-1], word[:-2]):
        if any(row.pos == "VERB" and preps & row.prep for row in onto.index.get(stem, ())):
            token.tag_, token.pos_, token.lemma_ = "VBN", "VERB", stem
            return True
    return False
