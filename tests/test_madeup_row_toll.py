"""The record's row carries its incident's toll (`strife.extract.row_toll`), once.

Made-up notes (invented villages and groups): a note whose act and dead are told in two clauses the
merge keeps apart gives the act's row the toll, and the toll moves (it is on one event only, so the
events' fatalities still sum to it once); deaths told as another incident (what a crowd protests,
what came before the news) stay off the row. More notes are rows of `tests/data/madeup_tolls.csv`.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

MOVED = [
    ("On 11 May 2020 villagers clashed with herders in Vorla village over grazing land. "
     "The herders hacked two villagers to death.", 2),
]


@pytest.mark.parametrize("text,deaths", MOVED)
def test_the_row_takes_the_toll_and_no_other_event_keeps_it(code, row_event, text, deaths):
    row = row_event(text, "2020-05-31")
    assert acled_fatalities(row.fatalities, True) == deaths
    events = code(text)
    assert sum(e.fatalities.best for e in events if e.fatalities is not None) == deaths
    assert len([e for e in events if e.fatalities is not None]) == 1


def test_an_earlier_act_keeps_its_own_toll(code):
    """'The airstrikes came after the rebels killed 6 soldiers earlier that day': the killing keeps
    its dead (it is an event of its own), the strikes' row has none."""
    text = ("On 12 May 2020 the army conducted airstrikes on Kerbat rebels in Ollima. "
            "The airstrikes came after the rebels killed 6 soldiers in Ollima earlier that day.")
    tolls = [e.fatalities.best for e in code(text) if e.fatalities is not None]
    assert tolls == [6]


def test_the_row_and_other_people_told_after_it_carry_one_toll(code, row_event):
    """'killing three. A gendarme was also beaten to death by the crowd.': the row's dead and the
    other people told after them ('also', 'another', 'other') are parts of one toll, on the row once."""
    text = ("On 5 May 2020 gendarmes fired on demonstrators in Tamboula, killing three. "
            "A gendarme was also beaten to death by the crowd.")
    row = row_event(text, "2020-05-31")
    assert acled_fatalities(row.fatalities, True) == 4
    assert len([e for e in code(text) if e.fatalities is not None]) == 1


def test_the_same_dead_told_again_are_not_other_people(row_event):
    """'shot and killed a trader ... ambushed and killed him': a figure told again is not added."""
    text = ("On 2 May 2020 Kerbat militants shot and killed a trader near Tamboula. "
            "The trader was heading home when the militants ambushed and killed him on the road.")
    row = row_event(text, "2020-05-31")
    assert acled_fatalities(row.fatalities, True) == 1


def test_each_sides_dead_of_one_clash_are_one_toll_on_its_row(code, row_event):
    """'clashed ... The herders hacked two villagers to death. The villagers shot dead a herder.':
    two carriers of the clash's incident, their dead summed once on the clash's row."""
    text = ("On 3 May 2020 villagers clashed with herders in Tamboula over grazing land. "
            "The herders hacked two villagers to death. The villagers shot dead a herder.")
    row = row_event(text, "2020-05-31")
    assert row.trigger.text == "clashed"
    assert acled_fatalities(row.fatalities, True) == 3
    assert len([e for e in code(text) if e.fatalities is not None]) == 1
