"""Made-up notes in the style of older African coder notes that name no country and no place the
gazetteer knows, but a country's leader as the actor dictionary knows them ("War veterans
demonstrated against Mugabe at <village>"): a leader named is a sign of the country, weak as a
people's adjective is, so the note is placed in that country rather than nowhere, and a first name
is never read as a village abroad ("troops loyal to Salva Kiir" is no Romanian Salva; issue #23).
The villages are invented; the leaders are real, as a coder's note names them.
"""

from __future__ import annotations

import datetime as dt

import pytest

NOTES = [
    ("War veterans demonstrated against Mugabe at Mabvuku-Tafara.", "ZWE"),
    ("Soldiers loyal to Riek Machar clashed with troops loyal to Salva Kiir at Gudele-Kator; 12 killed.", "SSD"),
    ("Youths burnt an effigy of Buhari at Ugwuaji-Nike.", "NGA"),
    ("Opposition supporters protested against Kabila at Ndjili-Kingasani.", "COD"),
    ("Supporters of Uhuru Kenyatta clashed with NASA supporters at Kondele-Manyatta; 2 injured.", "KEN"),
]


@pytest.fixture(scope="module")
def coded(row_events):
    """Each note's row event, the notes coded once."""
    return row_events((note, dt.date(2016, 6, 20)) for note, _ in NOTES)


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_a_leader_named_places_a_note_in_their_country(coded, index: int) -> None:
    note, country = NOTES[index]
    event = coded[index]
    assert event is not None and event.location is not None, note
    assert event.location.country == country, note
    # ACLED's civilians, protesters and rioters take the event's country
    assert all(actor.country == country for actor in (*event.source, *event.target) if actor.country), note
