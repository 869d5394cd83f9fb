"""An unknown village written "X of Y" is a place of the unit or town Y (issue #23).

South Asian papers write a village by the district it is of, with no kind word between ("in Westpurwa
of Rolpa", "at Northgaon of Jajarkot district"). The village the gazetteer lacks still places the
event, at the unit its text names, not nowhere (the run "Westpurwa of Doti" read as one name, as
"Bank of Westland" is). The villages and the bank here are invented; the districts are Nepal's.
"""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.resolve.geocode import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def places(nlp, gazetteer, text):
    return [(text[p.span[0]:p.span[1]], p) for p in find_places(nlp(text), gazetteer)]


def test_an_unknown_village_of_a_district_is_placed_at_the_district(nlp, gazetteer):
    found = places(nlp, gazetteer, "A man was killed in Westpurwa of Doti on Wednesday.")
    written = [w for w, _ in found]
    assert written[0] == "Westpurwa"
    assert {p.country for _, p in found} == {"NPL"}
    assert all(p.geo_precision in (2, 3) for _, p in found)


def test_an_unknown_village_of_a_district_with_its_kind_word(nlp, gazetteer):
    found = places(nlp, gazetteer, "Protesters blocked the highway at Northgaon of Jajarkot district on Sunday.")
    assert found and found[0][0] == "Northgaon"
    assert {p.country for _, p in found} == {"NPL"}


def test_the_district_as_written_with_its_kind_word_decides_the_country(nlp, gazetteer):
    # "Salyan district" is Nepal's; the bare name is also a region and a town of Azerbaijan.
    found = places(nlp, gazetteer, "Protesters blocked the road in Westpurwa of Salyan district on Wednesday.")
    assert found and {p.country for _, p in found} == {"NPL"}


def test_a_body_named_of_a_place_stays_one_name(nlp, gazetteer):
    found = places(nlp, gazetteer, "Workers protested at the Bank of Westland in Kathmandu on Monday.")
    assert [w for w, _ in found] == ["Kathmandu"]
    found = places(nlp, gazetteer, "Clerks protested in the Ministry of Home Affairs in Kathmandu on Monday.")
    assert [w for w, _ in found] == ["Kathmandu"]


def test_a_quarter_of_a_large_town_is_left_to_the_town(nlp, gazetteer):
    # "X of Y" with Y a large town is a quarter of it, read at the town as before (no split)
    found = places(nlp, gazetteer, "Protesters gathered in Westpurwa of Kathmandu on Monday.")
    assert [(p.name, p.country) for _, p in found] == [("Kathmandu", "NPL")]
