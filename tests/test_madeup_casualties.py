"""A "casualties" figure is killed-or-wounded, its own count kind, never a death toll by itself (issue #24).

ACLED records only reported deaths: its codebook ("Reported fatalities") codes 0 when a report gives
only "casualties" (dead and/or wounded), and its FAQ says it does not collect injuries. So "causing
12 casualties" is kept as a count of kind casualties with its evidence, and the row's fatalities are
0 unless the text says the casualties died ("fatal casualties", "all dead") or gives the dead among
them ("12 casualties, including 3 dead": 3). "No casualties" is none killed and none wounded; people
missing are no deaths. Villages, districts and groups are invented.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

PUBLISHED = "2020-05-31"
DATED = "On 12 May 2020, "
ATTACK = "gunmen attacked Bamoro village in Tesso district"


@pytest.mark.parametrize("text, deaths", [
    pytest.param(f"{ATTACK}, causing 12 casualties.", 0, id="casualties alone: 0"),
    pytest.param(f"{ATTACK}. The attack left 9 casualties.", 0, id="left N casualties: 0"),
    pytest.param(f"{ATTACK}, causing 6 deadly casualties.", 6, id="deadly casualties"),
    pytest.param(f"{ATTACK}, causing 12 fatal casualties.", 12, id="fatal casualties"),
    pytest.param(f"{ATTACK}. 12 casualties, all dead.", 12, id="N casualties, all dead"),
    pytest.param(f"{ATTACK}. The attack left 9 casualties, all of them killed.", 9, id="all of them killed"),
    pytest.param(f"{ATTACK}, causing 12 casualties, including 3 dead.", 3, id="including M dead"),
    pytest.param(f"{ATTACK}, leaving 8 casualties, 2 of them dead.", 2, id="M of them dead"),
    pytest.param(f"{ATTACK}, killing 4 and causing 10 casualties.", 4, id="killed beside casualties"),
    pytest.param(f"{ATTACK}. 6 villagers are missing.", 0, id="missing people are no deaths"),
    pytest.param(f"{ATTACK}, inflicting heavy casualties.", 0, id="heavy casualties with no figure: 0"),
    pytest.param(f"{ATTACK}. Casualties were reported.", 0, id="casualties reported: 0"),
])
def test_casualties_are_deaths_only_when_told(row_event, text, deaths):
    event = row_event(DATED + text, PUBLISHED)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities


def test_a_casualties_figure_is_kept_as_its_own_kind(engine):
    import datetime as dt

    from strife.model import Article

    text = DATED + f"{ATTACK}, causing 12 casualties."
    counts = engine.code(Article(id="t", text=text, published=dt.date(2020, 5, 31))).counts
    assert [(c.kind, c.best, c.text) for c in counts] == [("casualties", 12, "12 casualties")]


def test_no_casualties_is_none_killed_and_none_wounded(row_event):
    event = row_event(DATED + f"{ATTACK}. No casualties were reported.", PUBLISHED)
    assert event is not None
    assert acled_fatalities(event.fatalities, True) == 0
    assert event.injured is not None and event.injured.best == 0
