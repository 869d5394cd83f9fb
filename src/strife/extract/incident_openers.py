"""Clauses told as a new incident: 'Separately, ...', 'Elsewhere, ...', 'In another incident, ...'.

A report that moves on to another incident says so at the head of the clause; what that clause
tells (bodies recovered, a killing) is not a mention of the incident told before, nor its toll.
The words are data (``data/report_words.csv``, kinds new_incident_adverb and new_incident).
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract import clause_verb
from strife.extract.report_words import report_words


def opens_a_new_incident(token: Token) -> bool:
    """Whether the clause of `token` (its verb, or the verb its noun hangs on) is set apart as a new
    incident: an adverb ("Separately, police recovered 4 bodies", "Elsewhere, gunmen killed a
    farmer") or an "in" phrase whose noun is marked new ("In another incident", "In a separate
    attack")."""
    words = report_words()
    adverbs, new = words.get("new_incident_adverb", frozenset()), words.get("new_incident", frozenset())
    verb = clause_verb(token) or token.sent.root  # a verbless clause: its root ("Separately, four bodies")
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in adverbs:
            return True
        if child.dep_ == "prep" and child.lower_ == "in" and any(
                obj.dep_ == "pobj" and any(c.lower_ in new and c.dep_ in ("det", "amod") for c in obj.children)
                for obj in child.children):
            return True
    return False
