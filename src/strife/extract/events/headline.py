"""Headline grammar: a verb the tagger read as a noun.

Headlines and terse notes drop articles and auxiliaries ("Rebels ambush army convoy, 4 soldiers
dead"; "Police fire tear gas at protesters"), and spaCy, trained on running prose, then tags the
present-tense verb as a noun ("ambush", "fire") while still hanging the subject on it (``nsubj``).
A noun has no subject: a word that governs one in a line with no verb is that line's verb. It is
re-tagged as a present-tense verb before the triggers are matched, so the lexicon's verb rows,
the roles and the modality read it as the clause's verb (the headline present tells a past event;
`strife.extract.events.modality` keeps a habit, "often attack", as background).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from strife.extract.events.grammar import SUBJECT_DEPS
from strife.ontology import Ontology

#: Tags the parser gives a headline verb it misreads (a common noun, singular or plural, an adjective).
MISREAD_TAGS = frozenset({"NN", "NNS", "JJ"})


def mark_headline_verbs(doc: Doc, onto: Ontology) -> list[Token]:
    """Re-tag every noun that governs a subject in a verbless sentence and is a verb of the
    lexicon; return the tokens re-tagged."""
    marked = []
    for sent in doc.sents:
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        for token in sent:
            if _misread_verb(token, onto):
                token.tag_, token.pos_, token.lemma_ = "VBP", "VERB", token.lower_
                marked.append(token)
    return marked


def _misread_verb(token: Token, onto: Ontology) -> bool:
    """A noun-tagged word with a subject of its own whose form is a verb row of the lexicon."""
    if token.tag_ not in MISREAD_TAGS or not any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return False
    return any(row.pos == "VERB" for row in onto.index.get(token.lower_, ()))
