"""A name's own words say what it names (issue #23): a camp or settlement named after a place lies at
home, a people before its members' noun is who, a two-word demonym is one people, and a district across
a rebel group's border is a sign of that country. All names of villages, camps and people are made up
or general (real countries and provinces)."""

from __future__ import annotations

import pytest


def _countries(code, text):
    return [(e.location.country if e.location else None) for e in code(text)]


@pytest.mark.parametrize("text, country", [
    # a camp named like a Saudi region, in a note about Darfur
    ("Gunmen attacked displaced women outside Jizan camp in North Darfur, injuring 3.", "SDN"),
    ("Gunmen killed a displaced man near Tabuk camp in West Darfur.", "SDN"),
    # a settlement named like a Nigerian state, in a Ugandan district
    ("Militiamen attacked the Ondo settlement for refugees in Adjumani district; 2 killed.", "UGA"),
])
def test_a_site_named_after_a_place_lies_in_the_notes_country(code, text, country):
    countries = _countries(code, text)
    assert countries and all(c == country for c in countries), countries


@pytest.mark.parametrize("text, country", [
    # a rebel group's home or foreign forces say nothing of where a site named after a town lies
    ("Boko Haram attacked the Maradi military base, killing 5 soldiers.", "NER"),
    ("Al Shabaab mortars hit the Beledweyne airport, killing 2.", "SOM"),
])
def test_a_site_named_after_a_town_abroad_from_a_rebel_home_stays_there(code, text, country):
    countries = _countries(code, text)
    assert countries and all(c == country for c in countries), countries


def test_a_people_before_its_members_noun_is_who_not_where(code):
    # "Luba" is also a town in Equatorial Guinea; the sentence says where: near Kabalo
    countries = _countries(code, "Twa militiamen killed 6 Luba villagers near Kabalo Tembwe.")
    assert countries and all(c == "COD" for c in countries), countries


def test_a_name_after_in_before_villagers_is_still_the_place(code):
    countries = _countries(code, "Gunmen attacked villagers in Dibaya territory, Kasai-Central, killing 3.")
    assert countries and all(c == "COD" for c in countries), countries


@pytest.mark.parametrize("text, country", [
    ("Sierra Leonean police clashed with youths in Makeni Toloba, Northern Province, 2 killed.", "SLE"),
    ("Sierra Leonean soldiers beat traders in the Northern Province.", "SLE"),
])
def test_a_two_word_demonym_says_which_northern_province(code, text, country):
    # many countries have a "Northern Province"; the actors' people says which
    countries = _countries(code, text)
    assert countries and all(c == country for c in countries), countries


def test_a_district_across_a_rebel_groups_border_places_its_raid(code):
    # Boko Haram's home is Nigeria, but Mayo-Tsanaga is a Cameroonian department: the text's sign
    countries = _countries(code, "Boko Haram attacked Zevedeled Gouzda in Mayo-Tsanaga, killing 2 civilians.")
    assert countries and all(c == "CMR" for c in countries), countries


def test_a_rebel_group_alone_still_places_an_unknown_village_at_home(code):
    countries = _countries(code, "Boko Haram militants attacked Dalokimba village, killing 3.")
    assert countries and all(c == "NGA" for c in countries), countries


@pytest.mark.parametrize("text, country", [
    # a unit written as one hyphenated word with a lowercase joiner, the parser tagging its first word only
    ("Boko Haram gunmen killed 4 at Tolkomedi Dala in Logone-et-Chari.", "CMR"),
])
def test_a_hyphenated_unit_name_is_read_whole(code, text, country):
    countries = _countries(code, text)
    assert countries and all(c == country for c in countries), countries
