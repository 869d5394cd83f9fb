"""A village placed from a town (issue #23): "Westivka, 12 km north of Eastford" is the Westivka
near Eastford. Made-up names and coordinates."""

from __future__ import annotations

from dataclasses import replace

from strife.extract.places.anchors import nearest_to_anchors, written_distance
from strife.extract.places.names import Mention
from strife.resolve.geocode import Candidate


def _village(lat: float, lon: float, admin1: str, population: int = 500) -> Candidate:
    return Candidate(None, "Westivka", "city", "UKR", admin1, lat, lon, population, False, 3)


TOWN = Candidate(None, "Eastford", "city", "UKR", "Marshland", 48.0, 37.0, 90_000, False, 12)


def _read(nlp, text: str, village_readings: list[tuple[Candidate, float]]):
    doc = nlp(text)
    at = {t.text: t.i for t in doc}
    village = Mention(at["Westivka"], at["Westivka"] + 1, True, name_end=at["Westivka"] + 1)
    town = Mention(at["Eastford"], at["Eastford"] + 1, True, name_end=at["Eastford"] + 1)
    towns = [(1, "eastford", ("UKR", "marshland"), TOWN)]
    return nearest_to_anchors(doc, [village, town], [village_readings, [(TOWN, 12.0)]], towns)[0]


def test_a_written_distance_from_a_placed_town_picks_the_namesake_there(nlp) -> None:
    far = _village(50.5, 30.0, "Hillside", population=2_000)  # the best reading alone, 500 km away
    near = _village(48.11, 37.02, "Marshland")  # about 12 km north of the town
    nearer_than_stated = _village(48.02, 37.01, "Marshland")
    readings = [(far, 9.0), (near, 8.0), (nearer_than_stated, 7.0)]
    text = "Shelling was reported in Westivka, 12 km north of Eastford, on Monday."
    read = _read(nlp, text, readings)
    assert read[0][0] is nearer_than_stated  # the nearest within the distance
    assert read[0][1] > 9.0  # and as sure as a town qualifier makes it, over every namesake
    assert _read(nlp, "Shelling hit Westivka, five miles from Eastford.", readings)[0][0] is far  # no figure read
    assert _read(nlp, "Shelling hit Westivka, 8 kilometres from Eastford.", readings)[0][0] is nearer_than_stated
    # no distance written: the anchor says nothing here (the region rule decides)
    assert _read(nlp, "Shelling hit Westivka and Eastford.", readings)[0][0] is far
    # no namesake within the distance (and slack): the reading stays
    assert _read(nlp, "Shelling hit Westivka, 12 km north of Eastford.", [(far, 9.0)])[0][0] is far


def test_written_distance(nlp) -> None:
    doc = nlp("Westivka, some 12km south-east of Eastford")
    assert written_distance(doc, 1, len(doc) - 1) == 12.0
    doc = nlp("Westivka, 3 miles from Eastford")
    assert round(written_distance(doc, 1, len(doc) - 1), 1) == 4.8
    doc = nlp("Westivka and Eastford")
    assert written_distance(doc, 1, 2) is None


def test_a_village_at_a_distance_from_a_known_town_is_its_namesake_there(nlp) -> None:
    """Ivanivka (dozens in Ukraine) 5 km from Kramatorsk (neither in any dev record): the one near
    Kramatorsk, as sure as the town, so an event there is coded at the village."""
    from strife.extract.places import find_places
    from strife.resolve.distance import km_apart
    from strife.resolve.geocode import Gazetteer

    found = find_places(nlp("Shelling damaged houses in Ivanivka, 5 km north of Kramatorsk."), Gazetteer.default())
    village = next(p for p in found if p.name == "Ivanivka")
    town = next(p for p in found if p.name == "Kramatorsk")
    assert km_apart(village, town) <= 5 + 15
    assert village.confidence >= 0.5


def test_a_village_near_a_placed_town_is_its_namesake_there(nlp) -> None:
    far = _village(50.5, 30.0, "Hillside", population=2_000)
    near = _village(48.2, 37.05, "Marshland")  # about 22 km from the town
    readings = [(far, 9.0), (near, 8.0)]
    for text in ("Shelling hit Westivka near Eastford.", "Shelling hit Westivka village, on the outskirts of Eastford.",
                 "Shelling hit Westivka, close to Eastford.", "Shelling hit Westivka just outside Eastford."):
        assert _read(nlp, text, readings)[0][0] is near, text
    # a village near no namesake of the town stays as read; so does one in another clause
    assert _read(nlp, "Shelling hit Westivka near Eastford.", [(far, 9.0)])[0][0] is far
    assert _read(nlp, "Shelling hit Westivka and the militia later regrouped near Eastford.", readings)[0][0] is far


def test_two_villages_between_which_something_happened_are_the_namesakes_near_each_other(nlp) -> None:
    from strife.extract.places.anchors import nearest_pairs

    doc = nlp("Clashes broke out between Westivka and Eastivka on Monday.")
    at = {t.text: t.i for t in doc}
    mentions = [Mention(at[n], at[n] + 1, True, name_end=at[n] + 1) for n in ("Westivka", "Eastivka")]
    west_far, west_near = _village(50.5, 30.0, "Hillside", 900), _village(48.0, 37.0, "Marshland")
    east = replace(_village(48.2, 37.2, "Marshland", 700), name="Eastivka")
    east_far = replace(east, lat=45.0, lon=34.0, admin1="Coastland", population=800)
    read = nearest_pairs(doc, mentions, [[(west_far, 9.0), (west_near, 8.0)], [(east_far, 9.5), (east, 8.0)]])
    assert read[0][0][0] is west_near and read[1][0][0] is east
    # already close together: left as read
    same = [[(west_near, 9.0), (west_far, 8.0)], [(east, 9.0)]]
    assert nearest_pairs(doc, mentions, same) == same
    # no namesakes near each other: left as read
    apart = [[(west_far, 9.0)], [(east_far, 9.0)]]
    assert nearest_pairs(doc, mentions, apart) == apart
    # a well-known town keeps its reading
    city = [[(replace(west_far, population=500_000), 9.0), (west_near, 8.0)], [(east_far, 9.5), (east, 8.0)]]
    assert nearest_pairs(doc, mentions, city)[0] == city[0]
    # a village that also bears the other name is not the pair
    both = replace(west_near, lat=50.0, lon=33.0)
    alias = replace(both, name="Eastivka", primary=False)
    one = [[(west_far, 9.0), (both, 8.0)], [(east_far, 9.5), (alias, 8.0)]]
    assert nearest_pairs(doc, mentions, one) == one


def test_distance_units_load_as_kilometres_per_word() -> None:
    """geo_distance_units.csv: each unit word once, lower case, with a positive length in km."""
    from strife.datafiles import read_data_csv
    from strife.extract.places.anchors import distance_units

    units = distance_units()
    assert units["km"] == 1.0 and units["kilometres"] == 1.0 and 1.6 < units["miles"] < 1.61
    assert all(word == word.casefold() and km > 0 for word, km in units.items())
    assert len(units) == len(read_data_csv("geo_distance_units.csv"))  # no word twice
