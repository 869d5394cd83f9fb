"""A place name is not cut short at a lowercase particle inside it (issue #23).

Swahili, Arabic and other names join their words with lowercase particles ("X ya Y", "X wa Y",
"X bint Y"): the name is the whole run, not its last capitalised word read as a namesake. The
village names here are invented.
"""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.name_particles import name_particles
from strife.resolve.geocode import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_swahili_joiners_are_place_joiners_in_the_particle_table():
    assert {"ya", "wa", "bint"} <= name_particles("place_joiner")
    assert {"ya", "wa", "bint"} <= name_particles("foreign_joiner")
    # They are no transliteration articles: the gazetteer's skeletons do not drop them.
    assert not {"ya", "wa", "bint"} & name_particles("transliteration_article")


def test_a_village_joined_by_ya_is_read_whole_and_placed_at_its_qualifier(nlp, gazetteer):
    text = "On 28 April 2020, soldiers clashed with a militia at Kimbo ya Nduru (Lubero, Nord-Kivu), killing 5."
    found = find_places(nlp(text), gazetteer)
    assert found, found
    place = found[0]
    assert text[place.span[0]:place.span[1]].startswith("Kimbo ya Nduru"), place
    assert (place.country, place.admin1) == ("COD", "Nord Kivu"), place


@pytest.mark.parametrize("text", [
    "Rebels killed three villagers near Kolbara in DR Congo.",
    "Rebels killed three villagers in DR Congo.",
])
def test_a_country_the_model_cuts_in_two_entities_is_read_whole(nlp, gazetteer, text):
    """'DR Congo': the small model may tag 'DR' and 'Congo' as two entities; 'DR' names no place, so
    it opens the longer name after it (mentions._stray_entity_word), not 'Congo' read alone as the
    other Congo."""
    countries = {p.country for p in find_places(nlp(text), gazetteer)}
    assert "COD" in countries and "COG" not in countries, countries
