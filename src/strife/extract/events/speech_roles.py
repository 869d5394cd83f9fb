"""Sources and targets of what is said: evaluations, obligations, and a document's body.

An evaluation ("called the resolution a provocation", "X is a threat, the minister said") has the
speaker as source and the one judged as target; an obligation a speaker lays on someone else
("Russia said that Sudan must return the helicopter") is a demand on the obliged; a document
("the resolution") stands for the body named on it. Verb and noun roles are `roles` and
`noun_roles`; the arguments' expansion is `arguments`.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from strife.extract.events.arguments import expand_all
from strife.extract.events.frame import Frame
from strife.extract.events.grammar import PERSONAL_PRONOUNS, SUBJECT_DEPS
from strife.extract.events.roles import inherited_subjects
from strife.extract.events.triggers import word_keys
from strife.ontology import Ontology


def evaluation_roles(frame: Frame, onto: Ontology) -> bool:
    word = frame.trigger.token
    if word.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp"):
        verb = word.head
    elif word.dep_ == "pobj" and word.head.lower_ == "as":
        verb = word.head.head
    else:
        return False
    frame.anchors.add(verb.i)
    labeling = bool(word_keys(verb) & onto.words("labeling_verbs"))
    if verb.lemma_ == "be":
        frame.targets = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        speaker = verb.head if verb.dep_ in ("ccomp", "xcomp", "conj") else None
        if speaker is None or not word_keys(speaker) & onto.words("speech_verbs"):
            return False
        frame.anchors.add(speaker.i)
        frame.sources = [c for c in speaker.children if c.dep_ in SUBJECT_DEPS] or inherited_subjects(speaker)
    elif labeling:
        children = list(verb.children)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
            frame.targets = [c for c in children if c.dep_ == "nsubjpass"]
            frame.sources = [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        else:
            frame.sources = [c for c in children if c.dep_ in SUBJECT_DEPS] or inherited_subjects(verb)
            frame.targets = [c for c in children if c.dep_ == "dobj"]
    else:
        return False
    frame.sources = expand_all(frame.sources)
    frame.targets = expand_all(frame.targets)
    return True


def obligation_roles(frame: Frame, onto: Ontology) -> bool:
    """'Russia said that Sudan must return the helicopter': an obligation a speaker lays on
    someone else is a demand (CAMEO 10); the speaker is the source, the obliged the target. An
    obligation on a pronoun ('said it must respond') is usually on the speaker: no demand."""
    modal = frame.trigger.token
    verb = modal.head
    if modal.dep_ != "aux" or verb.i == modal.i or verb.dep_ != "ccomp":
        return False
    speaker = verb.head
    if not word_keys(speaker) & (onto.words("speech_verbs") | onto.words("intent_speech_verbs")):
        return False
    obliged = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not obliged or any(o.lower_ in PERSONAL_PRONOUNS for o in obliged):
        return False
    frame.anchors.update((speaker.i, verb.i))
    frame.pivot = speaker
    frame.sources = expand_all([c for c in speaker.children if c.dep_ in SUBJECT_DEPS] or inherited_subjects(speaker))
    frame.targets = expand_all(obliged)
    return True


def document_body(token: Token, onto: Ontology) -> Optional[Span]:
    """'tabled the resolution', 'called the resolution a provocation': a document stands for the
    body it belongs to, named on it ('a UN Security Council resolution') or on an earlier mention
    of the same document when this one is definite ('the resolution')."""
    if token.lemma_.lower() not in onto.words("document_nouns"):
        return None
    owner = _named_owner(token)
    if owner is not None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        return owner
    for earlier in reversed(token.doc[max(0, token.sent.start - 200): token.i]):
        if earlier.lemma_.lower() == token.lemma_.lower():
            owner = _named_owner(earlier)
            if owner is not None:
                return owner
    return None


def _named_owner(document: Token) -> Optional[Span]:
    """The organisation named as a modifier of a document noun, as a span of the text."""
    for child in document.children:
        if child.dep_ in ("compound", "nmod", "poss") and child.i < document.i and child.ent_type_ == "ORG":
            left = min(t.i for t in child.subtree)
            return document.doc[left: child.i + 1]
    return None
