"""An act someone is accused of is a claim, not the news: the record's row is the act told as fact.

An ACLED note tells the act it records as fact, and may add what one side accuses another of
('the militia were accused of firing shells into a warehouse', 'the group was blamed for shelling a
market', 'soldiers are alleged to have burned homes'): the accusation reports a claim about the doer,
and the row is the act told as fact. A confident trigger in the accusation ('firing shells', 0.99)
can still score above the attack, so each accused act that outranks the best act told as fact (of
the same rank: happened, typed, an act of disorder) is made a little less confident than it. All
stay events; only their order changes (as `lead_row` and `events.background_rows` do). Runs after
the mentions of an incident are merged, whose corroboration would otherwise undo the order. An act
alone in its note keeps the row ('police arrested two men accused of killing a trader': the arrest is
no act of disorder, so nothing changes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from spacy.tokens import Doc, Token

from strife.model import Event
from strife.ontology import Ontology, load_ontology
from strife.resolve.coref import is_real, trigger_token
from strife.rows import is_disorder, just_below, row_rank

def told_acts_yield(events: Sequence[Event], doc: Doc) -> None:
    """Make the acts told as what someone is accused of yield the row to the act told as fact (module doc)."""
    onto = load_ontology()
    acts = [(e, t) for e in events if is_real(e) and is_disorder(e) and (t := trigger_token(e, doc)) is not None]
    if len(acts) < 2:
        return
    accused = {id(e) for e, t in acts if _accused(t, onto)}
    facts = [(e, t) for e, t in acts if id(e) not in accused]
    if not accused or not facts:
        return
    best = max((f for f, _ in facts), key=row_rank)
    for event, _ in acts:
        if id(event) not in accused:
            continue
        if row_rank(event)[:3] == row_rank(best)[:3] and event.confidence >= best.confidence:
            event.confidence = round(just_below(best), 3)


def _accused(token: Token, onto: Ontology) -> bool:
    """'were accused of firing shells', 'was blamed for the shelling', 'are alleged to have shelled':
    the act is in the 'of'/'for' phrase or the complement of a verb of accusation."""
    verbs = onto.words("accusation_verbs")
    child: Optional[Token] = token
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in verbs:
            if child is not None and (child.dep_ in ("xcomp", "ccomp")
                                      or (child.dep_ == "prep" and child.lower_ in ("of", "for"))):
                return True
            return False
        child = ancestor
    return False
