"""Made-up notes spelling South Asian districts as older English and Urdu-English papers do, not as
GeoNames transliterates them (issue #23): q for k ("Qasur"), x for ksh ("Laxmipur"), oo and ee for
the long u and i ("Shikarpoor", "Naseerabad"), a vowel between a first consonant and w ("Gawadar",
"Sawabi"), ai for e ("Bunair"). The `south_asian` rows of geo_spelling_folds.csv respell such a
name, and the reading so found counts only in the countries that write it. A unit misspelt with a
kind word only some countries use ("Bajour Agency", tagged an organisation) is read by its
transliteration skeleton among those countries' places only, however much closer a town's spelling
elsewhere comes. People and villages are invented; the districts are real, as a coder's note names them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.resolve.geocode import Gazetteer
from strife.resolve.spellings import respellings

NOTES = [
    ("Residents staged a protest in Qasur over the murder of a child; police fired tear gas.", "PAK", "Punjab"),
    ("Police fired on party activists in Laxmipur; 2 killed.", "BGD", "Chittagong"),
    ("Gunmen killed 10 labourers at a construction site near Gawadar.", "PAK", "Balochistan"),
    ("Unidentified men shot dead a party worker in Sawabi district.", "PAK", "Khyber Pakhtunkhwa"),
    ("Police and militants exchanged fire in Bunair; 2 militants killed.", "PAK", "Khyber Pakhtunkhwa"),
    # a unit misspelt, with a kind word only one country uses
    ("A roadside bomb killed a peace committee member in Bajour Agency.", "PAK", "Khyber Pakhtunkhwa"),
    ("Tribesmen clashed over a land dispute in Kuram Agency; 5 killed.", "PAK", "Khyber Pakhtunkhwa"),
]


@pytest.fixture(scope="module")
def notes_placed(row_events):
    """Each note's row place, the notes coded once."""
    return [event.location if event else None for event in row_events((note, dt.date(2015, 6, 20)) for note, _, _ in NOTES)]


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_an_older_spelling_of_a_district_is_placed_there(notes_placed, index: int) -> None:
    note, country, admin1 = NOTES[index]
    place = notes_placed[index]
    assert place is not None, note
    assert (place.country, place.admin1) == (country, admin1), note


@pytest.mark.parametrize(("written", "english"), [
    ("Qasur", "kasur"), ("Laxmipur", "lakshmipur"), ("Shikarpoor", "shikarpur"),
    ("Naseerabad", "nasirabad"), ("Gawadar", "gwadar"), ("Bunair", "buner"),
])
def test_a_south_asian_spelling_is_read_in_english_only_where_it_is_written(written: str, english: str) -> None:
    spellings = dict(respellings(written))
    assert english in spellings
    assert "PAK" in spellings[english] and "EGY" not in spellings[english]


def test_a_respelled_name_is_not_read_as_its_namesake_elsewhere() -> None:
    gazetteer = Gazetteer.default()
    assert {c.country for c in gazetteer.lookup_variants("Qasur")} == {"PAK"}  # not El Ksar, Tunisia
    assert {c.country for c in gazetteer.lookup_variants("Bunair")} == {"PAK"}  # not Bon Air, Virginia


def test_a_units_other_spelling_is_ranked_among_the_kind_words_countries_only() -> None:
    gazetteer = Gazetteer.default()
    assert {c.country for c in gazetteer.lookup_variants_in("Bajour", frozenset({"PAK"}))} == {"PAK"}
    assert gazetteer.explain("Bajour Agency", variants=True)[0][0].name == "Bajaur"
