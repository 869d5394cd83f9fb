"""A security measure answering violence: the measure is the note's news, the violence its cause.

"Curfew imposed in Kaduna after clashes", "troops were deployed to Makuri after last week's
attacks", "army deployed to Lirangi to boost security in the wake of skirmishes": the main clause
tells what the state did (a curfew, a deployment), the violence only why, named by a noun in an
'after' / 'following' phrase or an 'in the wake of' / 'in the aftermath of' phrase (a clause that
tells who did what, 'after agitators torched the police post', reports the act). ACLED records
the violence on its own day from its own report, with its actors and toll; this note is the
measure, a strategic development. As a flight's cause is (`building.add_displacements`), the
violence told only as the measure's cause holds the row as a strategic development (Other)
(`Frame.measure_cause`, `event_codes.acled_pair`), when the note tells no deaths (a toll makes the
act the news a coder records) and no other act of disorder beside it.
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract.events.frame import Frame
from strife.extract.events.tables import coding_set
from strife.ontology import Ontology
from strife.ontology.families import VIOLENCE

#: prepositions and subordinators whose phrase or clause tells what came before the measure
BEFORE_WORDS = frozenset({"after", "following"})
#: nouns of an 'in the ... of' phrase that tells the same ('in the wake of', 'in the aftermath of')
WAKE_NOUNS = frozenset({"wake", "aftermath"})


def mark_measure_causes(frames: list[Frame], onto: Ontology) -> None:
    """Flag the violence told only as a security measure's cause (module docstring)."""
    measures = coding_set("security_measure_modes")
    for measure in frames:
        entry = measure.trigger.entry
        if entry.mode not in measures or entry.acled_event_type != "Strategic developments" \
                or measure.negated or measure.hypothetical:
            continue
        clause = _clause(measure.trigger.token)
        if clause is None:
            continue
        told = _cause_phrases(clause)
        causes = [f for f in frames if f.trigger.token.i in told and f.plover in VIOLENCE
                  and not (f.negated or f.hypothetical)]
        others = [f for f in frames if f is not measure and f.trigger.token.i not in told and _disorder(f)]
        if causes and not others and not _tells_deaths(measure.trigger.token.doc, onto):
            for cause in causes:
                cause.measure_cause = True


def _clause(token: Token) -> Token | None:
    """The main clause's verb the measure is told by: its own verb ('deployed'), or the verb its
    noun is the subject or object of ('Curfew imposed', 'imposed a curfew'), when that verb is the
    first sentence's root (the note's news, not a clause inside another act's story)."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.dep_ != "ROOT" or verb.sent.start != token.doc[0].sent.start:
        return None
    return verb


def _cause_phrases(verb: Token) -> set[int]:
    """The tokens of the verb's 'after'/'following' phrase and of its 'in the wake of' phrase; of
    its purpose clause's too ('deployed to boost security in the wake of skirmishes')."""
    told: set[int] = set()
    for child in verb.children:
        if _tells_what_came_before(child):
            told |= {t.i for t in child.subtree}
        elif child.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            told |= _cause_phrases(child)
    return told


def _tells_what_came_before(child: Token) -> bool:
    """'after clashes', 'following clashes', 'in the wake of skirmishes': a phrase that names the
    violence by a noun. A clause that tells who did what ('after agitators torched the police
    post') reports the act itself, which ACLED records as the note's event."""
    if child.dep_ != "prep":
        return False
    return child.lower_ in BEFORE_WORDS or (child.lower_ == "in" and any(o.lemma_.lower() in WAKE_NOUNS for o in child.children))


def _disorder(frame: Frame) -> bool:
    """A happened act the lexicon types as disorder (not a strategic development)."""
    acled = frame.trigger.entry.acled_event_type
    return bool(acled) and acled != "Strategic developments" and not (frame.negated or frame.hypothetical)


def _tells_deaths(doc, onto: Ontology) -> bool:
    """Whether the note tells deaths anywhere (roles.yaml deadly_cause_words): then the violence
    is an act ACLED records with its toll, the measure only its consequence."""
    words = onto.words("deadly_cause_words")
    return any(t.lemma_.lower() in words or t.lower_ in words for t in doc)
