"""A place written "in Y city" is a quarter of that city, not a namesake town a few score kilometres away."""

from __future__ import annotations

from strife.resolve.distance import haversine_km


def test_a_quarter_of_a_city_is_not_the_namesake_town_nearby(row_event) -> None:
    # Palwal is a town of Haryana 57 km from Delhi; written "in Delhi city", the name is a quarter of Delhi.
    place = row_event("Protesters blocked traffic and burned tyres at Palwal in Delhi city.", "2016-06-20").location
    assert (place.country, place.admin1) == ("IND", "NCT of Delhi")
    assert haversine_km(place.lat, place.lon, 28.65, 77.23) <= 25


def test_the_namesake_town_itself_is_still_read_without_city(row_event) -> None:
    place = row_event("Protesters blocked traffic and burned tyres in Palwal.", "2016-06-20").location
    assert (place.name, place.admin1) == ("Palwal", "Haryana")


def test_a_town_written_with_its_possessive_names_the_part_of_it(row_event) -> None:
    # The parser tags "Mastung's" as an organisation; the area (invented) is a part of the town.
    text = "Gunmen attacked a bus at Mastung's Kanak Westwal area, killing five passengers."
    place = row_event(text, "2015-03-02").location
    assert (place.name, place.country, place.admin1) == ("Mastung", "PAK", "Balochistan")
    assert text[place.span[0] : place.span[1]] == "Mastung"  # the name, not its possessive ending
