"""Made-up notes naming a district or town called after a person ("Dera Ismail Khan", "Tando
Muhammad Khan", "Sant Kabir Nagar"): the tagger takes the person's name for a person and the word
before it for a place of its own, so the note was placed at a town elsewhere called "Dera" or
"Tando" (issue #23). The whole run of capitalised words across the person's name, when the
gazetteer knows it whole as a place's own name, is the place. People and villages are invented; the
districts are real, as a coder's note names them. A person's name beside a place ("Imran Khan in
Lahore") stays a person's.
"""

from __future__ import annotations

import datetime as dt

import pytest

NOTES = [
    ("Militants attacked a police post in Dera Ismail Khan; 2 killed.", "PAK", "Khyber Pakhtunkhwa"),
    ("Unidentified gunmen shot dead a lawyer in Dera Ismail Khan district.", "PAK", "Khyber Pakhtunkhwa"),
    ("A bomb exploded in Dera Ghazi Khan, killing 2.", "PAK", "Punjab"),
    ("Police killed 3 suspected militants in an encounter near Dera Ghazi Khan.", "PAK", "Punjab"),
    ("Two tribes clashed in Tando Muhammad Khan; 3 killed.", "PAK", "Sindh"),
    ("Two groups clashed in Sant Kabir Nagar district; 1 killed.", "IND", "Uttar Pradesh"),
    ("Police lathicharged protesters in Shahid Bhagat Singh Nagar.", "IND", "Punjab"),
    # a person's name beside a place stays a person's
    ("Supporters of Farhan Ali Khan clashed with police in Lahore; 6 injured.", "PAK", "Punjab"),
]


@pytest.fixture(scope="module")
def notes_placed(row_events):
    """Each note's row place, the notes coded once."""
    return [event.location if event else None for event in row_events((note, dt.date(2015, 6, 20)) for note, _, _ in NOTES)]


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_a_place_named_after_a_person_is_placed_there(notes_placed, index: int) -> None:
    note, country, admin1 = NOTES[index]
    place = notes_placed[index]
    assert place is not None, note
    assert (place.country, place.admin1) == (country, admin1), note
