"""A village's qualifier word is part of its name, and a region written as a country's holds its villages (issue #23).

"Verkhnia Sosnivka" (Upper Sosnivka) is not the Sosnivka 1,000 km away nor a village called
"Verkhnia": a qualified name the gazetteer lacks is an unknown village, placed at the region the text
puts it in ("in Ukraine's X region") or nowhere. The villages' qualified names here are invented.
"""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.extract.places.names import name_qualifiers
from strife.resolve.geocode import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def located(nlp, gazetteer, text):
    return [p for p in find_places(nlp(text), gazetteer)]


def test_the_qualifier_words_are_a_data_table():
    words = name_qualifiers()
    assert {"verkhnia", "nyzhnia", "velyka", "mala", "nova", "stara", "upper", "lower", "kafr", "tal", "deir",
            "bir", "ain"} <= words
    assert "greater" not in words  # "Greater Westvale" is the town's own area


def test_an_unknown_qualified_village_is_placed_at_the_region_the_sentence_names(nlp, gazetteer):
    text = "Two civilians were killed in Mala Sosnivka in Ukraine's Zaporizhzhia region on Monday."
    found = located(nlp, gazetteer, text)
    village = [p for p in found if p.span and text[p.span[0]:p.span[1]].startswith("Mala")]
    assert village, found
    assert (village[0].country, village[0].admin1, village[0].geo_precision) == ("UKR", "Zaporizhzhia", 3)
    assert text[village[0].span[0]:village[0].span[1]] == "Mala Sosnivka"
    assert not any(p.admin1 in ("Lviv", "Poltavska") for p in found), found


def test_a_village_in_a_countrys_region_is_not_a_namesake_elsewhere(nlp, gazetteer):
    text = "Two farmers were killed in Sosnivka in Ukraine's Zaporizhzhia region on Monday."
    found = located(nlp, gazetteer, text)
    assert found and all(p.admin1 == "Zaporizhzhia" for p in found if p.country == "UKR"
                         and p.feature != "country"), found


def test_an_unknown_qualified_village_with_no_region_is_not_its_last_words_namesake(nlp, gazetteer):
    found = located(nlp, gazetteer, "Shelling hit Mala Sosnivka on Monday, killing a man.")
    assert not any(p.name in ("Sosnivka", "Mala") for p in found), found


def test_a_qualifier_before_a_large_town_leaves_the_town_to_be_read(nlp, gazetteer):
    found = located(nlp, gazetteer, "Protesters marched in Nova Kharkiv on Monday.")
    assert any(p.name == "Kharkiv" for p in found), found


def test_a_qualifier_read_on_its_own_is_the_place_its_village_was_placed_at(nlp, gazetteer):
    # "Akaa" (here an invented village; the gazetteer's is a town of Finland) is placed at Guma, Benue's
    # district; "Guma" read on its own is that district, not a Philippine town once called so.
    found = located(nlp, gazetteer, "Herdsmen killed eight farmers at Akaa in Guma on Sunday.")
    assert found and {p.country for p in found} == {"NGA"}, [(p.name, p.country) for p in found]
