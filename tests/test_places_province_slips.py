"""A province written wrong after a well-known town or a district (issue #23): "(Westpur, Eastland)" with
the country's one Westpur in Northland is the writer's slip on the province, which is written from
memory, not a village of that name in Eastland. The villages are invented; Kolhapur (a district and a
city of Maharashtra) and Karnataka are real places picked for the test, not taken from any record."""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.extract.places.names import Mention
from strife.extract.places.qualifiers import _town_over_its_region
from strife.extract.places.readings import _district_over_province
from strife.resolve.geocode import Candidate, Gazetteer

NORTHLAND = Candidate(None, "Northland", "admin1", "IND", "Northland", 20.0, 75.0, 9_000_000)
EASTLAND = Candidate(None, "Eastland", "admin1", "IND", "Eastland", 15.0, 78.0, 8_000_000)
WESTPUR_DISTRICT = Candidate(None, "Westpur", "admin2", "IND", "Northland", 19.5, 74.5, 1_500_000)
WESTPUR_CITY = Candidate(None, "Westpur", "city", "IND", "Northland", 19.5, 74.5, 450_000)
WESTPUR_VILLAGE = Candidate(None, "Westpur", "city", "IND", "Southland", 12.0, 79.0, 900)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def _placed(nlp, gazetteer, text):
    return [(p.name, p.admin1) for p in find_places(nlp(text), gazetteer)]


def test_a_well_known_town_outside_the_region_written_after_it_is_read_as_itself(nlp, gazetteer) -> None:
    for text in ("A mob attacked police officers under a police station area (Kolhapur, Karnataka) on Monday.",
                 "Villagers clashed in Kolhapur (Karnataka) on Monday."):
        assert _placed(nlp, gazetteer, text) == [("Kolhapur", "Maharashtra")], text
    # a name written as a village's is a village of that region, placed at the region
    for text in ("Villagers clashed in Kolhapur village (Karnataka) on Monday.",
                 "Villagers clashed in the village of Kolhapur (Karnataka) on Monday."):
        assert _placed(nlp, gazetteer, text) == [("Karnataka", "Karnataka")], text


def test_a_district_outside_the_province_written_after_it_places_the_village_there(nlp, gazetteer) -> None:
    (place,) = find_places(nlp("Villagers clashed in Dhorvalli (Kolhapur, Karnataka) on Monday."), gazetteer)
    assert (place.name, place.admin1, place.geo_precision) == ("Kolhapur", "Maharashtra", 2)


def test_only_the_countrys_one_large_town_of_the_name_overrules_the_region() -> None:
    def head(*candidates: Candidate) -> Mention:
        return Mention(0, 1, True, name_end=1, candidates=list(candidates))

    assert _town_over_its_region(head(WESTPUR_DISTRICT, WESTPUR_CITY, WESTPUR_VILLAGE), [[EASTLAND]])
    # a small town's name is as often a village's in the region written: the region stands
    small = Candidate(None, "Westpur", "city", "IND", "Northland", 19.5, 74.5, 40_000)
    assert not _town_over_its_region(head(small, WESTPUR_VILLAGE), [[EASTLAND]])
    # ... unless it is the only place of its name in the country, and a town
    assert _town_over_its_region(head(small), [[EASTLAND]])
    assert not _town_over_its_region(head(Candidate(None, "Westpur", "city", "IND", "Northland", 19.5, 74.5, 4_000)),
                                     [[EASTLAND]])
    # two large towns of the name: nothing says which
    other = Candidate(None, "Westpur", "city", "IND", "Southland", 12.5, 79.5, 300_000)
    assert not _town_over_its_region(head(WESTPUR_CITY, other), [[EASTLAND]])
    # a district written among the qualifiers is the writer's own reading of the place
    district = Candidate(None, "Hilltop", "admin2", "IND", "Eastland", 15.2, 78.1, 700_000)
    assert not _town_over_its_region(head(WESTPUR_CITY), [[district], [EASTLAND]])
    # a town in another country than the region's is no slip on a province
    abroad = Candidate(None, "Westpur", "city", "NPL", "Hillside", 27.0, 85.0, 200_000)
    assert not _town_over_its_region(head(abroad), [[EASTLAND]])


def test_only_the_countrys_one_district_of_the_name_overrules_the_province() -> None:
    assert _district_over_province([(WESTPUR_DISTRICT, 9.0), (WESTPUR_VILLAGE, 5.0)], [EASTLAND]) == [
        (WESTPUR_DISTRICT, 9.0)]
    # no district of the name, or two: the province stands
    assert _district_over_province([(WESTPUR_CITY, 9.0), (WESTPUR_VILLAGE, 5.0)], [EASTLAND]) is None
    twin = Candidate(None, "Westpur", "admin2", "IND", "Southland", 12.0, 79.0, 800_000)
    assert _district_over_province([(WESTPUR_DISTRICT, 9.0), (twin, 8.0)], [EASTLAND]) is None
    # a district of another country is no slip on this country's province
    abroad = Candidate(None, "Westpur", "admin2", "NPL", "Hillside", 27.0, 85.0, 500_000)
    assert _district_over_province([(abroad, 9.0)], [EASTLAND]) is None
