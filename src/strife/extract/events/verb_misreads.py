"""Past verbs of South Asian and terse notes the parser hangs on their objects as modifiers.

Two forms lose a crowd's act or the police's charge on it, so the line has no verb and the act is
lost or goes to a later word ('injuring 4' coded alone as an attack):

* a finite past verb right after a name that ends an 'of' phrase, with the name hung on the verb
  ("picketers of the BNP hurled brickbats at vehicles": 'the BNP-hurled brickbats' one noun
  phrase). A word tagged as a finite past form modifies no noun: the verb is the line's, the root
  noun phrase its subject and the noun after it its object;
* a verb written with its first part and a hyphen ("police lathi-charged protesters", "police
  baton-charged students"), a multiword verb of the lexicon, read as a modifier of the noun after
  it ('lathi-charged protesters'), with the doers' noun before it hung on its first part. A noun of
  doers before such a compound is its subject, and the noun after it its object.

Both only when no other finite verb stands before the act in its clause, so a real verb is never
displaced; a participle after it ('..., injuring 4') is no clause's finite verb. Called from
`misreads.repair_misread_words`, the one place for parse repairs.
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.ontology import Ontology

#: Tags of a finite verb or auxiliary: a clause that has one before the act has its verb.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Labels of a clause's subject, which the object of a hyphenated verb may have been given.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def repair_verb_misreads(doc, onto: Ontology) -> list[Token]:
    """Repair both forms in place; return the verbs repaired."""
    changed = []
    for token in doc:
        if token.dep_ != "amod" or not token.lower_.endswith("ed"):
            continue
        if _finite_verb_after_an_of_name(token, onto) or _hyphenated_verb_read_as_modifier(token, onto):
            changed.append(token)
    return changed


def _finite_before(token: Token) -> bool:
    """A finite verb or auxiliary before `token` in its clause (its sentence, from the last
    semicolon on): the clause already has its verb."""
    start = token.sent.start
    for t in token.doc[token.sent.start:token.i]:
        if t.text == ";":
            start = t.i
    return any(t.tag_ in FINITE_TAGS for t in token.doc[start:token.i])


def _finite_verb_after_an_of_name(token: Token, onto: Ontology) -> bool:
    """'Picketers of the BNP hurled brickbats at vehicles': a verb tagged finite past (VBD), hung as a
    modifier of the 'of' phrase's noun after it, with the name before it hung on it, is the line's
    verb: the root noun phrase its subject, the noun its object. The tagger may call the form a
    participle ('students of Rampal Polytechnic boycotted classes': VBN), which the same frame, a
    line whose root is a noun, still makes the verb. True when repaired."""
    if token.tag_ not in ("VBD", "VBN") or token.i == 0 or _finite_before(token):
        return False
    noun, name = token.head, token.doc[token.i - 1]
    if noun.i <= token.i or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    if name.tag_ not in ("NNP", "NNPS") or name.head.i not in (token.i, noun.i):
        return False
    root = noun.head.head
    if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN") or not onto.has_verb(token.lemma_.lower()):
        return False
    close_of_phrase(name, noun)  # 'the' of 'the BNP'
    for child in list(root.children):
        if child.i > noun.i:
            child.head = token  # the line's place, date, participle and punctuation are the verb's
    _participles_to_the_verb(token, (root, noun))
    token.pos_ = "VERB"
    token.head, token.dep_ = token, "ROOT"
    hang_arguments(token, root, noun)
    return True


def _hyphenated_verb_read_as_modifier(token: Token, onto: Ontology) -> bool:
    """'Police lathi-charged protesters', 'police baton-charged students; several were injured': a
    lexicon multiword verb written with a hyphen, read as a modifier of the noun after it, after a
    noun of doers hung on its first part, is that noun's verb and the noun after it its object (in
    a clause of its own beside a later verb it was made the subject of). True when repaired."""
    doc = token.doc
    if token.i < 3 or doc[token.i - 1].text not in ("-", "–") or _finite_before(token):
        return False
    part, subject, noun = doc[token.i - 2], doc[token.i - 3], token.head
    if part.head.i != token.i or part.pos_ != "NOUN" or noun.i <= token.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = token.lemma_.lower()
    if not any(row.pos == "VERB" and row.words == (part.lower_, lemma) for row in onto.index.get(lemma, ())):
        return False  # 'US-backed rebels': no verb of the lexicon
    if subject.pos_ not in ("NOUN", "PROPN") or subject.head.i not in (part.i, noun.i):
        return False
    if noun.dep_ == "ROOT":
        token.head, token.dep_ = token, "ROOT"
    elif noun.dep_ in SUBJECT_DEPS and noun.head.i > token.i:
        token.head, token.dep_ = noun.head, "parataxis"  # '...; several were injured': its own clause
    else:
        return False
    token.tag_, token.pos_ = "VBD", "VERB"
    hang_arguments(token, subject, noun)
    _participles_to_the_verb(token, (noun,))
    return True


def close_of_phrase(name: Token, noun: Token) -> None:
    """A name the parser hung on the noun after it closes the 'of' phrase it stands in: the words
    of the noun's phrase before the name are the name's, and the name is the preposition's object."""
    for child in list(noun.children):
        if child.i < name.i:
            child.head = name
    name.head, name.dep_ = noun.head, "pobj"


def hang_arguments(verb: Token, subject: Token, obj: Token) -> None:
    """A repaired verb takes the noun after it as its object and the doers' noun as its subject."""
    obj.head, obj.dep_ = verb, "dobj"
    subject.head, subject.dep_ = verb, "nsubj"


def _participles_to_the_verb(verb: Token, nouns: tuple[Token, ...]) -> None:
    """', injuring 4' after the act, read as a participle modifying a noun of the line (acl): set off
    by a comma it tells the act's outcome, so it is the verb's adverbial clause."""
    for noun in nouns:
        for child in list(noun.children):
            if child.dep_ == "acl" and child.tag_ == "VBG" and child.i > verb.i and verb.doc[child.i - 1].text == ",":
                child.head, child.dep_ = verb, "advcl"
    for child in list(verb.children):
        if child.dep_ == "acl" and child.tag_ == "VBG" and verb.doc[child.i - 1].text == ",":
            child.dep_ = "advcl"
