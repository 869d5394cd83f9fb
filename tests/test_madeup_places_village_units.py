"""Made-up notes naming a village with the unit it lies in, as South Asian and Nigerian coders' notes
do ("X village of Y tehsil, Z", "X Para village under Y upazila of Z"): the note is placed in that
unit's country and region, never at a town abroad the village's name, or its first word, shares
(issue #23). Every village is invented (named after a famous city elsewhere, the hard case); the
tehsils, upazilas, districts and states are real, as a coder's note names them.

- a village of a tehsil that the gazetteer knows only outside the district written after it is
  placed where the tehsil is, at the district;
- a village's name of two words whose first word alone is a city abroad is one name, placed in the
  unit it is written in.
"""

from __future__ import annotations

import datetime as dt

import pytest

NOTES = [
    # the tehsil's only reading lies outside the district written after it
    ("Armed men killed a landlord in Madina village of Shorkot tehsil, Jhang.", "PAK", "Punjab"),
    ("Two groups clashed over irrigation water in Kufa village of Athara Hazari tehsil, Jhang; 3 killed.",
     "PAK", "Punjab"),
    # a two-word village name whose first word is a city abroad
    ("Two AL factions clashed at Toronto Para village under Porsha upazila of Naogaon; 12 injured.",
     "BGD", "Rajshahi"),
    ("Jamaat activists attacked police at Cairo Para village in Tala upazila, Satkhira.", "BGD", "Khulna"),
    ("A woman was killed by her brothers in Berlin Kot village of Lalian tehsil, Chiniot district.", "PAK", "Punjab"),
    (("Taliban fighters attacked a police post in Baghdad Kalay village of Nahr-e Saraj district, Helmand; "
      "3 police killed."), "AFG", "Helmand"),
]


@pytest.fixture(scope="module")
def notes_placed(row_events):
    """Each note's row place, the notes coded once."""
    return [event.location if event else None for event in row_events((note, dt.date(2015, 6, 20)) for note, _, _ in NOTES)]


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_a_village_is_placed_in_the_unit_written_with_it(notes_placed, index: int) -> None:
    note, country, admin1 = NOTES[index]
    place = notes_placed[index]
    assert place is not None, note
    assert (place.country, place.admin1) == (country, admin1), note
