"""Made-up notes that qualify a village with its unit or region after a comma, as South Asian and
African coders' notes do ("village X, district Y", "X village, Z province"): the note is placed at
that unit, never at a town elsewhere that the village's name matches or is respelled as (issue #23).
Every village is invented; the tehsils, districts and provinces are real, as a coder names them.

- a unit's kind word written before its name after the comma ("village X, tehsil Y, district Z")
  makes that name a qualifier of the village, as "Y tehsil" after it does;
- a reading of the village in the qualifiers' region but farther than a day's walk from the district
  or town written with it (a respelling across the state: "Kharakpuri" read as Gorakhpur) is a namesake:
  the village is placed at the district;
- a large town abroad whose name the village bears, written with a village word ("Osaka village,
  Khyber Pakhtunkhwa"), is only the village's namesake: the region after the comma places it;
- a unit the gazetteer lacks, named after its seat town and a compass word, as South Sudan's counties
  are ("X Kete, Tonj North county"), is placed at that town, in its region, not at a region "North".
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.resolve.distance import haversine_km
from strife.resolve.geocode import Gazetteer

# (note, country, admin1, the unit the note is placed at, or None where the region places it)
NOTES = [
    # the unit's kind word before its name; the village's respelling lies elsewhere
    ("Two groups clashed over a land dispute in village Kharakpuri, district Muzaffarnagar; 3 injured.",
     "IND", "Uttar Pradesh", "Muzaffarnagar"),
    ("Naxals killed a villager at village Kotmi, tehsil Etapalli, district Gadchiroli.",
     "IND", "Maharashtra", "Gadchiroli"),
    ("Unknown men killed a shopkeeper in village Chakwali, tehsil Kabirwala, district Khanewal.",
     "PAK", "Punjab", "Kabirwala"),
    ("A man was shot dead in village Bhagalpuri, district Etah.", "IND", "Uttar Pradesh", "Etah"),
    ("Two groups clashed in village Jodhpuri, district Bulandshahr; 2 injured.", "IND", "Uttar Pradesh", "Bulandshahr"),
    # a village named like a large city abroad, its region after the comma
    ("Police killed 6 militants in Osaka village, Khyber Pakhtunkhwa.", "PAK", "Khyber Pakhtunkhwa", None),
    ("Unidentified gunmen shot dead 2 teachers in Valencia village, Khyber Pakhtunkhwa.",
     "PAK", "Khyber Pakhtunkhwa", None),
    # a county the gazetteer lacks, named after its seat town and a compass word
    ("Cattle raiders attacked Makuach Kete, Tonj North county, killing 7.", "SSD", "Warrap", "Tonj"),
    ("Two sections of a clan fought in Malueth Kete, Rumbek East county; 9 killed.", "SSD", "Lakes", "Rumbek"),
    ("Armed youths raided cattle at Wunrok Kete, Gogrial West county; 4 killed.", "SSD", "Warrap", "Gogrial"),
]


@pytest.fixture(scope="module")
def notes_placed(row_events):
    """Each note's row place, the notes coded once."""
    return [event.location if event else None for event in row_events((note, dt.date(2015, 6, 20)) for note, *_ in NOTES)]


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_a_village_is_placed_at_the_unit_after_the_comma(notes_placed, index: int) -> None:
    note, country, admin1, unit = NOTES[index]
    place = notes_placed[index]
    assert place is not None, note
    assert (place.country, place.admin1) == (country, admin1), note
    if unit is not None:
        seat = max((c for c in Gazetteer.default().lookup(unit) if c.country == country), key=lambda c: c.population)
        assert haversine_km(place.lat, place.lon, seat.lat, seat.lon) <= 25, note
