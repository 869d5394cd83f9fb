"""Whether an organisation no dictionary knows is armed, from the shape of its name.

ACLED codes an organisation whose name says it bears arms ('the Kavora Liberation Front', 'the Tesh
Brigades', 'the Komo Revolutionary Council') as a rebel group or political militia: an attack on it,
its members or its camp is a battle, not violence against civilians. A name is read only when it is
capitalised (a proper name of two words or more, its last word capitalised), so the common nouns
('on the front', 'a liberation movement') are never read; its last word decides (the words of
`data/event_armed_name_words.csv`): an armed head arms it ('Brigades'), an unarmed head ('Party',
'Union', 'Association') never does, an organisation's head ('Front', 'Council', 'Movement') is armed only
when a marker word in the name says so ('Revolutionary', 'Liberation', 'Resistance'), and any other
last word ('Liberation Square') names no organisation.
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract.events.tables import armed_name_words

#: Marks that join a name's capitalised words on either side of its head ('Kavora's Brigades', 'Al-Tesh').
_LINKS = frozenset({"'s", "’s", "-"})
#: Lowercase words a name may also hold after its head ('Front for the Liberation of X').
_JOINERS = _LINKS | {"for", "of", "the", "and"}


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def name_words(head: Token) -> list[Token]:
    """The words of the proper name `head` ends or heads: the capitalised words (and the joiners
    between them) running left of it in the same sentence and, after it, its 'for'/'of' phrase
    ('the Front for the Liberation of Kavora'); empty when `head` is not capitalised."""
    if not _capitalised(head) or head.pos_ not in ("PROPN", "NOUN"):
        return []
    sent = head.sent
    left = []
    i = head.i - 1
    while i >= sent.start and (_capitalised(head.doc[i]) or head.doc[i].lower_ in _LINKS):
        left.insert(0, head.doc[i])
        i -= 1
    right = []
    j = head.i + 1
    while j < sent.end and (_capitalised(head.doc[j]) or head.doc[j].lower_ in _JOINERS):
        right.append(head.doc[j])
        j += 1
    while right and not _capitalised(right[-1]):
        right.pop()
    return left + [head] + right


def armed_name(head: Token) -> bool:
    """Whether `head` ends a capitalised organisation name whose words say it is armed."""
    words = name_words(head)
    if not any(_capitalised(t) and t.i != head.i and t.i != head.sent.start for t in words):
        return False  # one capitalised word, or only a sentence's first word with it: no name
    table = armed_name_words()
    last = head.lower_
    if last in table["unarmed_head"] or head.lemma_.lower() in table["unarmed_head"]:
        return False
    if last in table["armed_head"]:
        return True
    if last not in table["marked_head"]:
        return False  # 'Liberation Square': a marker in a place's name arms no one
    return any(t.lower_ in table["armed_marker"] for t in words)
