"""Made-up notes in the style of older East African coder notes that place the event "in <region>
across the border from <town>" or "over the border from <town>": the town is the other side of the
border, never where the event was, even when the note's actors are of the town's country ("attacked a
KDF base ... across the border from <Kenyan town>" is in Somalia; issue #23). Villages are invented;
the regions and towns are real, as a coder's note names them.
"""

from __future__ import annotations

import datetime as dt

import pytest

# (note, the event's country, the admin1 it lies in)
NOTES = [
    ("Al Shabaab attacked a KDF base at Ceel-Yarow in Gedo region across the border from Mandera.", "SOM", "Gedo"),
    ("Al Shabaab attacked a Kenyan police post at Dhex-Yarey in Lower Juba across the border from Lamu.",
     "SOM", "Lower Juba"),
]


@pytest.fixture(scope="module")
def coded(row_events):
    """Each note's row event, the notes coded once."""
    return row_events((note, dt.date(2016, 6, 20)) for note, _, _ in NOTES)


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_the_town_a_place_lies_across_the_border_from_is_not_the_place(coded, index: int) -> None:
    note, country, admin1 = NOTES[index]
    event = coded[index]
    assert event is not None and event.location is not None, note
    assert (event.location.country, event.location.admin1) == (country, admin1), note
