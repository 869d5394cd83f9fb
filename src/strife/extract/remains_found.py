"""Remains found: the day of the finding is the day of the act (ACLED's convention).

ACLED codes a body found with signs of violence as an attack on the day it was found, not on the
day the victim went missing or was abducted: "On 9 May, the body of a teacher abducted on 2 May
was found in Tarvo" is an attack of 9 May. When the act strife reads is told by the clause that
describes the dead ("a teacher abducted on 2 May"), the verb that finds the remains dates it.
"""

from __future__ import annotations

from typing import Optional

from strife.extract.events.background_rows import RELATIVE_DEPS
from strife.extract.report_words import report_words

#: CAMEO 181: abduct, hijack or take hostage - the act whose victim's remains are later found
ABDUCTION_CAMEO = "181"
#: how the remains hang on the verb that finds them ("the body .. was found", "recovered the bodies")
_FOUND_AS = frozenset({"nsubjpass", "dobj"})


def finding_verb(trigger) -> Optional[object]:
    """The verb that finds the remains of the one whose describing clause holds `trigger`: "the
    body of a trader [abducted on 5 July] was discovered on 10 July" -> "discovered"; else None."""
    if trigger is None or trigger.dep_ not in RELATIVE_DEPS:
        return None
    words = report_words()
    dead = trigger.head
    if dead.pos_ in ("NOUN", "PROPN") and dead.dep_ == "pobj" and dead.head.lower_ == "of":
        remains = dead.head.head
    else:
        remains = dead  # the parse may hang the clause on "body" itself: "the body of a herder abducted .."
    kinds = words.get("remains", frozenset())
    # "remains" is lemmatised as the verb "remain": its word form counts too
    if not ({remains.lemma_.lower(), remains.lower_} & kinds) or remains.dep_ not in _FOUND_AS:
        return None
    verb = remains.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in words.get("discovery", frozenset()):
        return None
    return verb
