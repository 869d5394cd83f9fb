"""Toponym recognition in parsed text: places, parts, regions, qualifiers and metonyms."""

from __future__ import annotations

import pytest

from strife.extract.places import find_places, focus_countries_of, is_metonym
from strife.resolve.geocode import Gazetteer, haversine_km, split_admin_word


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="session")
def aleppo_places(nlp, gazetteer, aleppo_text):
    return find_places(nlp(aleppo_text), gazetteer, include_metonyms=True)


def places_in(nlp, gazetteer, text: str, **kwargs):
    doc = nlp(text)
    return doc, find_places(doc, gazetteer, **kwargs)


def written(text: str, place) -> str:
    return text[place.span[0] : place.span[1]]


def test_part_of_a_town(nlp, gazetteer) -> None:
    text = "Shelling hit eastern Aleppo on Monday."
    _, places = places_in(nlp, gazetteer, text)
    assert len(places) == 1
    aleppo = places[0]
    assert (aleppo.name, aleppo.country, aleppo.part, aleppo.geo_precision) == ("Aleppo", "SYR", "east", 2)
    assert written(text, aleppo) == "Aleppo"


def test_region_word_makes_an_admin1_with_its_span(nlp, gazetteer) -> None:
    text = "Two airstrikes in Idlib province killed dozens."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.name, p.feature, p.geo_precision, p.country) for p in places] == [("Idlib", "admin1", 3, "SYR")]
    assert written(text, places[0]) == "Idlib province"


def test_city_of_mosul_in_northern_iraq(nlp, gazetteer) -> None:
    text = "The offensive on the city of Mosul in northern Iraq continued."
    _, places = places_in(nlp, gazetteer, text)
    mosul, iraq = places
    assert (mosul.name, mosul.admin1, mosul.country, mosul.geo_precision, mosul.part) == ("Mosul", "Nineveh", "IRQ", 1, None)
    # A part of a country stays at region precision.
    assert (iraq.feature, iraq.part, iraq.geo_precision) == ("country", "north", 3)


def test_small_indian_city(nlp, gazetteer) -> None:
    _, places = places_in(nlp, gazetteer, "Protesters gathered in Vijayawada.")
    assert [(p.name, p.admin1, p.country) for p in places] == [("Vijayawada", "Andhra Pradesh", "IND")]


def test_village_qualified_by_its_region(nlp, gazetteer) -> None:
    text = "Clashes in Sentianivka, Luhansk killed two."
    _, places = places_in(nlp, gazetteer, text)
    assert len(places) == 1, "the qualifier is not a place of its own"
    village = places[0]
    assert (village.name, village.admin1, village.country) == ("Sentianivka", "Luhansk", "UKR")
    assert haversine_km(village.lat, village.lon, 48.6686, 38.7544) < 25


def test_outskirts_and_near(nlp, gazetteer) -> None:
    _, places = places_in(nlp, gazetteer, "Fighting raged on the outskirts of Homs and near Hama.")
    assert [(p.name, p.part, p.geo_precision) for p in places] == [("Homs", "outskirts", 2), ("Hama", "near", 2)]


def test_direction_before_an_area_noun(nlp, gazetteer) -> None:
    _, places = places_in(nlp, gazetteer, "Water supplies to eastern districts of Mosul were cut.")
    assert [(p.name, p.part, p.geo_precision) for p in places] == [("Mosul", "east", 2)]


def test_people_dates_and_nationalities_are_not_places(nlp, gazetteer) -> None:
    text = (
        "White House Press Secretary Josh Earnest spoke on Monday in March. "
        "Syrian and Iraqi forces, backed by the Lebanese Hezbollah, advanced."
    )
    _, places = places_in(nlp, gazetteer, text, include_metonyms=True)
    assert places == []


def test_gulf_and_middle_east_are_not_towns(nlp, gazetteer) -> None:
    _, places = places_in(nlp, gazetteer, "Weapons came from the Gulf sheikdoms and the Middle East.")
    assert places == []


def test_capital_as_government_is_a_metonym(nlp, gazetteer) -> None:
    text = "Not only did Washington foment the civil war, it sent troops to Damascus."
    doc, places = places_in(nlp, gazetteer, text)
    assert [p.name for p in places] == ["Damascus"]
    start = text.index("Washington")
    assert is_metonym(doc, (start, start + len("Washington")), gazetteer)
    assert not is_metonym(doc, (text.index("Damascus"), text.index("Damascus") + 8), gazetteer)
    kept = find_places(doc, gazetteer, include_metonyms=True)
    assert [(p.name, p.confidence <= 0.2) for p in kept] == [("Washington", True), ("Damascus", False)]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Moscow’s chief goal is to prop up the regime.", "Moscow", True),
        ("The US responded to Moscow and Beijing’s vote.", "Moscow", True),
        ("The US responded to Moscow and Beijing’s vote.", "Beijing", True),
        ("Mogherini proposed that Brussels could accept the plan.", "Brussels", True),
        ("The resolution was tabled by Spain.", "Spain", True),
        ("Aleppo’s residents fled the shelling.", "Aleppo", False),
        ("Talks will begin in Geneva next week.", "Geneva", False),
        ("Brussels would provide financial assistance.", "Brussels", True),
    ],
)
def test_is_metonym(nlp, gazetteer, text, name, expected) -> None:
    doc = nlp(text)
    start = text.index(name)
    assert is_metonym(doc, doc.char_span(start, start + len(name)), gazetteer) is expected


def test_focus_countries_come_from_the_places_not_the_modifiers(nlp, gazetteer) -> None:
    doc = nlp(
        "US officials and US-backed forces watched as troops entered Aleppo. "
        "Fighting also hit Homs and Hama, while Washington said little."
    )
    assert focus_countries_of(doc, gazetteer)[0] == "SYR"


def test_given_focus_steers_ambiguous_names(nlp, gazetteer) -> None:
    doc = nlp("Clashes broke out in Tripoli overnight.")
    assert find_places(doc, gazetteer, focus_countries=["LBN"])[0].country == "LBN"
    assert find_places(doc, gazetteer, focus_countries=["LBY"])[0].country == "LBY"


def test_spans_are_evidence(nlp, gazetteer, aleppo_text, aleppo_places) -> None:
    for place in aleppo_places:
        assert 0 <= place.span[0] < place.span[1] <= len(aleppo_text)
        bare, _ = split_admin_word(written(aleppo_text, place))
        assert any(c.country == place.country and c.kind == place.feature for c in gazetteer.lookup(bare)), bare


def _gold_locations(aleppo_gold):
    return [e["location"] for e in aleppo_gold["events"] if e.get("location") and e["location"].get("lat")]


def test_aleppo_article_gold_places(aleppo_places, aleppo_gold) -> None:
    for gold in _gold_locations(aleppo_gold):
        if gold.get("implicit"):
            continue
        matches = [
            p for p in aleppo_places
            if p.name == gold["name"] and p.country == gold["country"]
            and haversine_km(p.lat, p.lon, gold["lat"], gold["lon"]) <= 25
        ]
        assert matches, gold
        assert any(p.admin1 == gold["admin1"] for p in matches), gold
        if gold.get("level") == "admin1":
            assert any(p.feature == "admin1" and p.geo_precision == 3 for p in matches)
        if gold.get("part"):
            assert any(p.part == gold["part"] and p.geo_precision == 2 for p in matches), gold


def test_aleppo_article_metonyms(nlp, gazetteer, aleppo_text, aleppo_places) -> None:
    geneva = [p for p in aleppo_places if p.name == "Geneva"]
    assert geneva and geneva[0].country == "CHE" and geneva[0].confidence > 0.5
    brussels = [p for p in aleppo_places if p.name == "Brussels"]
    assert brussels and all(p.country == "BEL" and p.confidence <= 0.2 for p in brussels)
    washington = [p for p in aleppo_places if p.name == "Washington"]
    assert washington and all(p.confidence <= 0.2 for p in washington)
    default = find_places(nlp(aleppo_text), gazetteer)
    assert not {"Brussels", "Washington", "Moscow"} & {p.name for p in default}
    assert "Geneva" in {p.name for p in default}


def test_aleppo_article_has_no_false_towns(aleppo_places) -> None:
    assert {p.country for p in aleppo_places} <= {"SYR", "IRQ", "USA", "RUS", "CHN", "IRN", "CHE", "BEL", "ESP",
                                                   "EGY", "NZL", "LBN"}
    assert all(p.feature in ("city", "admin1", "country") for p in aleppo_places)
    assert not [p for p in aleppo_places if p.name in ("Earnest", "Monday", "Gulf", "Middle East", "Times")]
