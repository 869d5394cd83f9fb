"""'They killed 4 people' after the act of its doers is that act's toll (issue #24).

"Bema militants attacked a police post in Kallo. They killed 4 people.": the second sentence names its
doers by a pronoun (or as "the attackers", a noun that names them by their act alone), so it tells
what the attack's doers did in it; a coder writes one row, the attack's, with its toll, though the
killing of "people" alone would be coded an attack on civilians. Kept narrow: only the next sentence
of the paragraph, only a killing, only when the act's doers are named and the killing's are they.
Villages, groups and people are invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.conventions import acled_fatalities
from strife.evaluate.score import happened, is_relevant
from strife.model import Article

DAY = dt.date(2016, 6, 22)
POST = "Bema militants attacked a police post in Kallo on Monday."


def _rows(engine, text):
    events = engine.code(Article(id="note", text=text, published=DAY)).events
    return [e for e in happened(events) if is_relevant(e, "acled")]


@pytest.mark.parametrize("text", [
    pytest.param(f"{POST} They killed 4 people.", id="a subject pronoun"),
    pytest.param(f"{POST} They shot dead 4 people.", id="a pronoun that shot dead: the attack still leads"),
    pytest.param("Gunmen attacked a police post in Kallo on Monday. The attackers killed 4 people.",
                 id="'the attackers' names the doers by their act"),
    pytest.param(f"{POST} 4 people were killed by the attackers.", id="'by the attackers' in the passive"),
])
def test_a_killing_by_the_doers_just_told_is_their_acts_toll(engine, text):
    rows = _rows(engine, text)
    assert [e.acled_event_type for e in rows] == ["Battles"], [(e.acled_event_type, e.evidence) for e in rows]
    assert acled_fatalities(rows[0].fatalities, True) == 4


def test_other_doers_told_between_keep_their_own_row(engine):
    """'Soldiers arrived later. They killed 4 militants.': 'they' are the soldiers, not the attackers."""
    rows = _rows(engine, f"{POST} Soldiers arrived later. They killed 4 militants.")
    assert len(rows) == 2
    assert [acled_fatalities(e.fatalities, True) for e in rows] == [0, 4]


def test_a_killing_two_sentences_on_is_not_joined_by_this_rule(engine):
    rows = _rows(engine, f"{POST} The post was burned. They killed 4 people in Tuwa village on Friday.")
    assert len(rows) >= 2
