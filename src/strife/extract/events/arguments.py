"""The arguments of a role: each with its conjuncts and listed members, cleaned, and its noun phrase.

`expand_all` widens an argument token to its conjuncts, 'including' members and the items of a
list the parser hung on an apposition (resolving relative pronouns); `clean_args` drops pronouns,
the trigger itself, times and arguments across a line break; `prep_objects` reads a word's
prepositional objects (never a time); `argument_phrase` is the noun phrase an argument heads, the
text the actor coder is given. Shared by verb roles (`roles`), noun roles (`noun_roles`), speech
roles (`speech_roles`) and the builders of frames and records.
"""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Span, Token

from strife.extract import line_break_between, line_of
from strife.extract.events.grammar import PERSONAL_PRONOUNS, PHRASE_DROP_DEPS
from strife.extract.events.triggers import resolve_relative


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions, never a time ('on Tuesday' is not a target)."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]

def expand_all(tokens: Iterable[Token]) -> list[Token]:
    """Each argument with its conjuncts and 'including' members, resolving relative pronouns."""
    out: list[Token] = []
    for token in tokens:
        token = resolve_relative(token)
        for member in [token, *token.conjuncts, *_listed(token)]:
            if member not in out:
                out.append(member)
            for child in member.children:
                if child.dep_ == "prep" and child.lower_ in ("including", "include"):
                    for obj in child.children:
                        for inner in [obj, *obj.conjuncts]:
                            if inner.dep_ in ("pobj", "conj") and inner not in out:
                                out.append(inner)
    return out


def _listed(token: Token) -> list[Token]:
    """'the Iraqi army, Kurdish Peshmerga and US-led coalition': the parser often makes the second
    item an apposition of the first and hangs the rest on it; an apposition with conjuncts is a
    list, and all its items are arguments."""
    items: list[Token] = []
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ == "cc" for c in child.children) and child.conjuncts:
            items += [child, *child.conjuncts]
    return items


def clean_args(tokens: list[Token], trigger: Token) -> list[Token]:
    """Drop pronouns, the trigger itself, times ('on Monday' after an 'on' target preposition),
    and arguments across a line break."""
    kept = []
    for token in tokens:
        if token.i == trigger.i or token in kept or token.ent_type_ in ("DATE", "TIME"):
            continue
        if token.pos_ in ("PRON", "DET") and token.lower_ in PERSONAL_PRONOUNS or token.pos_ == "PRON":
            continue
        if line_break_between(token, trigger):
            continue
        kept.append(token)
    return kept


_PHRASES_KEY = ("strife", "argument_phrases")


def argument_phrase(token: Token) -> Span:
    """The noun phrase an argument heads, without relative clauses, appositions, conjuncts and
    edge punctuation: what `actors_for` is asked to code. Kept per token on the Doc: an event's
    actors and its evidence ask for the same phrases, and the parse no longer changes once events
    are read (headline verbs are re-tagged first)."""
    kept = token.doc.user_data.setdefault(_PHRASES_KEY, {})
    if token.i not in kept:
        kept[token.i] = _argument_phrase(token)
    return kept[token.i]


def _argument_phrase(token: Token) -> Span:
    doc = token.doc
    if token.dep_ == "amod" or (token.pos_ == "ADJ"):
        return doc[token.i: token.i + 1]
    dropped: set[int] = set()
    for child in token.children:
        if child.dep_ in PHRASE_DROP_DEPS or (child.dep_ == "prep" and child.lower_ in ("including", "include")):
            dropped.update(t.i for t in child.subtree)
    kept = {t.i for t in token.subtree} - dropped
    start = end = token.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    line = line_of(token)
    start, end = max(start, line.start), min(end, line.end - 1)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space or doc[end].dep_ == "case"):
        end -= 1
    return doc[start: end + 1]
