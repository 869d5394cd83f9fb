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


def test_a_numbered_settlement_is_named_after_its_town():
    from strife.resolve.spellings import numbered_base

    assert numbered_base("Westvale-5") == "Westvale"
    assert numbered_base("Nova Hora-2") == "Nova Hora"
    # Weapons and diseases are written the same way, but not with a town's title-case name.
    assert numbered_base("MiG-29") is None
    assert numbered_base("Su-25") is None
    assert numbered_base("COVID-19") is None
    assert numbered_base("Boeing-737") is None


def test_a_numbered_settlement_the_gazetteer_lacks_is_read_as_its_town(nlp, gazetteer):
    # Siversk is a town of Donetsk oblast in no dev record; "Siversk-2" is an invented numbered settlement.
    found = find_places(nlp("Shelling hit Siversk-2, Donetsk, on Monday, the OSCE said."), gazetteer)
    assert found, found
    assert (found[0].country, found[0].admin1) == ("UKR", "Donetsk"), found
    assert abs(found[0].lat - 48.86) < 0.2 and abs(found[0].lon - 38.10) < 0.2, found


def test_a_numbered_settlement_is_not_another_name_of_a_town_elsewhere(gazetteer):
    # "Pressburg" is known to the gazetteer only as an old name of Bratislava: a numbered quarter
    # "Pressburg-2" is not read as that city.
    assert gazetteer.lookup("Pressburg")
    assert gazetteer.lookup("Pressburg-2") == []


def test_the_first_word_of_a_hyphenated_compound_is_no_place_a_site_is_named_after(nlp, gazetteer):
    """"the Bar Westo-el Kandi intersection" joins two places the gazetteer does not know: its first
    word alone ("Bar", a town in Montenegro) is a fragment of the first one, not where the junction is."""
    text = "Rioters blocked the Vrunko-Masso road at the Bar Westo-el Kandi intersection with burning tyres."
    found = find_places(nlp(text), gazetteer)
    assert not any(p.country == "MNE" for p in found), found


def test_a_numbered_settlement_has_no_far_spelling_variant(gazetteer):
    assert gazetteer.lookup_variants("Westvale-5") == []
