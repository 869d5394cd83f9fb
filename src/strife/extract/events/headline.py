"""Headline grammar: a verb the tagger read as a noun.

Headlines and terse notes drop articles and auxiliaries ("Rebels ambush army convoy, 4 soldiers
dead"; "Youths torch police station over killing of colleague"), and spaCy, trained on running
prose, then tags the present-tense verb as a noun and reads the line as one long noun phrase. In a
line with no verb, a word of the lexicon's verb rows that follows its subject (a noun the parser
made its subject, or a plural noun: "youths torch", the agreement of the headline present) is that
line's verb. It is re-tagged as a present-tense verb and given the line's head, its subject and the
noun phrase it modified as its object, before the triggers are matched: the lexicon's verb rows, the
roles and the modality then read it as the clause's verb (the headline present tells a past event;
`strife.extract.events.modality` keeps a habit, "often attack", as background).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from strife.extract.events.grammar import SUBJECT_DEPS
from strife.ontology import Ontology

#: Tags the parser gives a headline verb it misreads (a common noun, singular or plural, an adjective).
MISREAD_TAGS = frozenset({"NN", "NNS", "JJ"})
#: Tags of a subject that agrees with a headline present verb ("Rebels", "Youths").
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


def mark_headline_verbs(doc: Doc, onto: Ontology) -> list[Token]:
    """Re-tag (and re-attach) the misread verb of every verbless sentence; return the tokens re-tagged."""
    marked = []
    for sent in doc.sents:
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        for token in sent:
            subject = _subject_of_misread_verb(token, sent, onto)
            if subject is not None:
                _make_verb(token, subject, sent)
                marked.append(token)
                break  # one verb per headline line
    return marked


def _subject_of_misread_verb(token: Token, sent: Span, onto: Ontology) -> Token | None:
    """The subject of a noun-tagged word that is a verb of the lexicon, or None: a subject the
    parser hung on it, else the plural noun right before it (never a line's first word)."""
    if token.tag_ not in MISREAD_TAGS or token.i == sent.start:
        return None
    if not any(row.pos == "VERB" for row in onto.index.get(token.lower_, ())):
        return None
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return subject
    before = token.doc[token.i - 1]
    if before.tag_ in PLURAL_NOUN_TAGS and before.head.i >= token.i:
        return before
    return None


def _make_verb(verb: Token, subject: Token, sent: Span) -> None:
    """The word as the sentence's present-tense verb: the subject and the noun it modified hang on it."""
    old_head, root = verb.head, sent.root
    verb.tag_, verb.pos_, verb.lemma_ = "VBP", "VERB", verb.lower_
    if verb.i != root.i:
        # the old root goes under the verb, keeping one root per sentence: the noun the verb
        # modified is its object ("ambush army convoy"), any other root a dependent
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, ("dobj" if old_head.i == root.i and root.i > verb.i else "dep")
    subject.head, subject.dep_ = verb, "nsubj"
