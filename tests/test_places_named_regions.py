"""Among a village's namesakes, the one in a region the article names elsewhere (issue #23).

Villages share names across a country's regions; a report that names the region anywhere ("the
governor of X region said") says which one it means. Only a small place gives way, and only to a
reading of its own name in that region: a well-known town stays itself.
"""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.resolve.geocode import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def places(nlp, gazetteer, text):
    return {p.name: p for p in find_places(nlp(text), gazetteer)}


def test_a_village_is_the_namesake_in_the_region_named_in_another_sentence(nlp, gazetteer):
    text = ("Artillery fire hit Ivanivka on Monday, killing two civilians.\n\n"
            "Five others were wounded, the governor of Donetsk region said on Tuesday.")
    found = places(nlp, gazetteer, text)
    assert found["Ivanivka"].admin1 == "Donetsk", found


def test_a_large_town_stays_itself_whatever_region_is_named(nlp, gazetteer):
    text = ("A drone struck an office in Kharkiv on Monday.\n\n"
            "Two people were wounded in Donetsk region on the same day, officials said.")
    found = places(nlp, gazetteer, text)
    assert found["Kharkiv"].admin1 == "Kharkiv", found


def _reading(name, kind, country, admin1, population=0, primary=False):
    from strife.resolve.geocode import Candidate

    return Candidate(None, name, kind, country, admin1, 1.0, 40.0, population, False, 1, primary)


def test_a_name_known_only_by_other_spellings_takes_the_one_in_the_named_region():
    """"... in Marshvale region, forces struck a camp near Ceel Harar": the gazetteer holds the name
    only as "El Harar", a town across the border and a district of the named region; no reading is its
    own name, so the one in the named region is as much its own as the larger town is."""
    from strife.extract.places.names import Mention
    from strife.extract.places.readings import prefer_named_regions

    region = Mention(0, 2, True, feature="admin1")
    village = Mention(5, 7, True, variant=True)
    readings = [
        [(_reading("Marshvale", "admin1", "SOM", "Marshvale", primary=True), 17.0)],
        [(_reading("El Harar", "city", "KEN", "Northdale", 60_000), 7.3),
         (_reading("El Harar", "admin2", "SOM", "Marshvale"), 5.3)],
    ]
    out = prefer_named_regions([region, village], readings)
    assert (out[1][0][0].country, out[1][0][0].admin1) == ("SOM", "Marshvale")
    # A name read by its own spelling keeps that reading over another name of a place in the region.
    own = Mention(5, 7, True)
    readings[1] = [(_reading("Harar", "city", "KEN", "Northdale", 60_000, primary=True), 7.3),
                   (_reading("El Harar", "admin2", "SOM", "Marshvale"), 5.3)]
    out = prefer_named_regions([region, own], readings)
    assert out[1][0][0].country == "KEN"


def test_a_stop_listed_region_name_with_its_kind_word_is_the_region(nlp, gazetteer):
    """"in Burkina Faso's northern Sahel region": the small model tags "Sahel" a DATE and the word is
    stop-listed (the belt across Africa is no place to code), but a unit's kind word after it says it is
    the first-level region of that name (a real first-level division; the village is made up)."""
    text = "Gunmen killed four herders at Wendtenga in Burkina Faso's northern Sahel region on Sunday."
    found = places(nlp, gazetteer, text)
    assert ("Sahel" in found and found["Sahel"].country == "BFA" and found["Sahel"].admin1 == "Sahel"), found


def test_the_belt_across_africa_without_a_kind_word_is_no_region(nlp, gazetteer):
    text = "Armed groups have spread across the Sahel since 2012, the report said."
    found = places(nlp, gazetteer, text)
    assert "Sahel" not in found, found


def test_a_unit_written_as_a_countrys_is_in_that_country(nlp, gazetteer):
    """"<Country>'s [compass word] <name> region": the possessive says whose unit it is. A compass name
    many countries use ("North region") or another country's other name for a region is never read
    abroad: with no unit of that name in the country, the place is the country (the village is made up)."""
    found = places(nlp, gazetteer, "Gunmen killed five herders at Wendkoro in Burkina Faso's North region.")
    assert found and all(p.country == "BFA" for p in found.values()), found
    found = places(nlp, gazetteer, "Gunmen killed five herders at Wendkoro in Kenya's Coast region.")
    assert found and all(p.country == "KEN" for p in found.values()), found
    found = places(nlp, gazetteer, "Gunmen killed five herders at Wendkoro in Nigeria's north-eastern Borno state.")
    assert found["Borno"].country == "NGA" and found["Borno"].admin1 == "Borno", found


def test_a_compass_named_unit_written_in_english_is_the_countrys_unit_of_that_name(nlp, gazetteer):
    """"Burkina Faso's North region" is its "Nord", "Cameroon's Northwest region" its "North West"
    (real first-level divisions; the village is made up), not a unit called North elsewhere."""
    found = places(nlp, gazetteer, "Gunmen killed five herders at Wendkoro in Burkina Faso's North region.")
    assert [(p.country, p.admin1) for p in found.values()] == [("BFA", "Nord")], found
    found = places(nlp, gazetteer, "Gunmen killed five herders at Wendkoro in Cameroon's Northwest region.")
    assert [(p.country, p.feature) for p in found.values()] == [("CMR", "admin1")], found


def test_the_compass_names_table_loads_lower_case_words():
    from strife.extract.places.qualifiers import compass_names

    table = compass_names()
    assert "nord" in table["north"] and "north-west" in table["northwest"]
    assert all(word == word.casefold() for word in table)


def test_a_village_with_no_namesake_in_the_named_region_is_placed_at_the_region(nlp, gazetteer):
    """The one region a note names in the village's country holds none of the village's namesakes: the
    village is one the gazetteer lacks (the note's region is the evidence), placed at that region by the
    village's words, not at a namesake in another oblast."""
    text = ("Artillery fire hit Zhuravno on Monday, killing two civilians.\n\n"
            "Five others were wounded, the governor of Kharkiv region said on Tuesday.")
    found = find_places(nlp(text), gazetteer)
    village = [p for p in found if p.span and text[p.span[0]:p.span[1]] == "Zhuravno"]
    assert village and (village[0].admin1, village[0].geo_precision) == ("Kharkiv", 3), found


def test_two_named_regions_leave_the_village_its_own_reading(nlp, gazetteer):
    text = ("Artillery fire hit Zhuravno on Monday, killing two civilians.\n\n"
            "Shelling was also reported in Kharkiv region and in Sumy region, officials said.")
    found = places(nlp, gazetteer, text)
    assert found["Zhuravno"].name == "Zhuravno", found


def test_a_village_is_the_namesake_in_the_region_of_a_town_the_note_also_names(nlp, gazetteer):
    """A town placed for sure (one region holds all its readings, or it is well known) says where the
    note is as a named region does: the village read with it is the namesake in its region."""
    text = ("Artillery fire hit Ivanivka on Monday, killing two civilians.\n\n"
            "Later a drone struck a market in Kramatorsk, officials said.")
    found = places(nlp, gazetteer, text)
    assert found["Ivanivka"].admin1 == "Donetsk", found


def test_a_facility_named_after_a_village_is_not_moved_to_a_towns_region():
    from strife.extract.places.names import Mention
    from strife.extract.places.readings import prefer_named_regions

    town = Mention(0, 1, True)
    prison = Mention(5, 7, False)
    readings = [
        [(_reading("Westford", "city", "MEX", "Northland", 150_000, primary=True), 9.0)],
        [(_reading("Santa Lucina", "city", "MEX", "Southland", 20_000, primary=True), 7.0),
         (_reading("Santa Lucina", "city", "MEX", "Northland", 500, primary=True), 6.0)],
    ]
    moved = prefer_named_regions([town, prison], readings)
    assert moved[1][0][0].admin1 == "Northland"
    kept = prefer_named_regions([town, prison], readings, facilities={1})
    assert kept[1][0][0].admin1 == "Southland"


def test_a_lone_village_with_namesakes_all_over_the_country_is_placed_at_the_country(nlp, gazetteer):
    """"near Dibrova", in a note naming no other place: the gazetteer has dozens of Dibrovas across
    Ukraine, none a town, and nothing says which; ACLED codes such a place at the country (precision 3),
    the name kept, rather than at a village picked by chance."""
    from strife.extract.places.resolution import explain_places

    text = "On 7 May 2020, observers heard a total of 16 explosions involving unknown weapons near Dibrova."
    found = explain_places(nlp(text), gazetteer)
    place = [t for t in found if t.written == "Dibrova"][0]
    assert (place.place.country, place.place.geo_precision) == ("UKR", 3), place
    assert "nothing else in the note says which" in place.to_dict(explain=True)["reason"]


def test_a_region_named_in_the_note_decides_between_the_namesakes(nlp, gazetteer):
    text = "Artillery hit Dibrova on Monday, the governor of Donetsk region said."
    found = places(nlp, gazetteer, text)
    assert (found["Dibrova"].admin1, found["Dibrova"].geo_precision) == ("Donetsk", 1), found


def _placed(name, kind, country, admin1, lat, lon, population=0):
    from strife.resolve.geocode import Candidate

    return Candidate(None, name, kind, country, admin1, lat, lon, population, False, 1, True)


def test_a_village_is_the_namesake_near_a_town_the_note_places_even_over_a_border():
    """"shelling near Westford and in Eastbrook": no Eastbrook in Westford's region, but one 25 km from
    Westford across the regional border is the one meant, not one 900 km away."""
    from strife.extract.places.names import Mention
    from strife.extract.places.readings import prefer_named_regions

    town, village = Mention(0, 1, True), Mention(5, 6, True)
    readings = [
        [(_placed("Westford", "city", "UKR", "Northland", 48.0, 37.0, 150_000), 9.0)],
        [(_placed("Eastbrook", "city", "UKR", "Southland", 45.0, 28.0, 900), 7.0),
         (_placed("Eastbrook", "city", "UKR", "Marshland", 48.2, 37.1, 300), 6.0)],
    ]
    out = prefer_named_regions([town, village], readings)
    assert out[1][0][0].admin1 == "Marshland"


def test_a_village_is_read_in_the_region_its_actors_are_named_after(nlp, gazetteer):
    """"positions of the Sumy Volunteer Brigade (an invented group) in the area of Dibrova": a group
    named after its region acts there; of the many Dibrovas, the one in Sumy oblast is meant."""
    text = "On 9 May 2020, soldiers fired mortars at the positions of the Sumy Volunteer Brigade in the area of Dibrova."
    found = places(nlp, gazetteer, text)
    assert (found["Dibrova"].admin1, found["Dibrova"].geo_precision) == ("Sumy", 1), found


def test_the_explain_table_says_why_a_lone_village_is_placed_at_the_country():
    from typer.testing import CliRunner

    from strife.cli import app

    text = "On 7 May 2020, observers heard a total of 16 explosions involving unknown weapons near Dibrova."
    result = CliRunner().invoke(app, ["geocode", text, "--explain"])
    assert result.exit_code == 0, result.output
    assert "nothing else in the note says which: placed at the country" in " ".join(result.output.split())


def test_readings_put_first_and_compared_by_region() -> None:
    """The helpers the region and anchor rules share: a chosen reading first (optionally rescored),
    the others in their order; a reading's region as (country, normalised region name); the
    distance between two readings. Made-up places."""
    from strife.extract.places.readings import put_first, region_key
    from strife.resolve.distance import haversine_km, km_apart
    from strife.resolve.geocode import Candidate

    west = Candidate(None, "Westivka", "city", "UKR", "Marshland Oblast", 48.1, 37.0, 500, False, 3)
    east = Candidate(None, "Westivka", "city", "UKR", None, 49.0, 36.0, 800, False, 3)
    ranked = [(east, 9.0), (west, 8.0)]
    assert put_first(ranked, ranked[1]) == [(west, 8.0), (east, 9.0)]
    assert put_first(ranked, ranked[1], 9.5) == [(west, 9.5), (east, 9.0)]
    assert region_key(east) == ("UKR", "") and region_key(west)[0] == "UKR"
    assert km_apart(west, east) == haversine_km(48.1, 37.0, 49.0, 36.0)
