"""The dead of an earlier incident, told beside the report's news, are not its toll (issue #24).

"Police arrested 4 suspects over last week's attack that killed 5 villagers": the attack is named by
a past period (last week's, last month's, a month other than the report's: "a May attack", "a
similar attack in April"), so it is background beside the arrest, and the figure told of what it did
belongs to it alone (`strife.extract.events.remembered.past_period_clause`,
`strife.extract.figure_links`). ACLED codes that attack on its own day, from its own report. Told
alone ("Last week's attack killed 5 people, police said"), the act is what the report tells.
Terse 2015-16 notes and dated 2020 notes; villages, people and groups are invented. The notes are
coded in one batch.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

#: name -> (note, published, the fatalities a coder records for its one row)
NOTES = {
    "an arrest over last week's attack": (("Police arrested 4 suspects in Kuvo village, Tesso district, on 15 June "
                                           "over last week's attack that killed 5 villagers."), "2016-06-22", 0),
    "an arrest over a May attack": (("On 13 June, police arrested 3 suspects in Tharparkar over a May attack in which "
                                     "4 people were killed."), "2015-06-20", 0),
    "a raid beside last month's attack": (("On 18 June, militants attacked Kalofa town again, killing 2 civilians; last "
                                           "month's attack on the town killed 15."), "2016-06-22", 2),
    "a killing beside a similar attack in April": (("On 15 June, gunmen killed a village chief in Tando; a similar "
                                                    "attack in April killed 4 people."), "2016-06-22", 1),
    "guard: last week's attack told alone": (("Last week's attack on Bamoro village killed 5 people, police said on "
                                              "12 June 2020."), "2020-06-12", 5),
    "guard: the report's act after last month's raid": (("Gunmen attacked Kallo village on 12/06, killing 4 people, a "
                                                         "week after last month's raid."), "2016-06-22", 4),
}


@pytest.fixture(scope="module")
def rows(named_row_events):
    return named_row_events(NOTES)


@pytest.mark.parametrize("name", list(NOTES))
def test_the_toll_a_coder_records(rows, name):
    row, deaths = rows[name], NOTES[name][2]
    assert row is not None, name
    assert acled_fatalities(row.fatalities, True) == deaths, row.fatalities
