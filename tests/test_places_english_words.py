"""An ordinary English word written with a capital is read only by places of that very name (issue #23).

A headline's or sentence's first word ("Grenade attack on ...", "Turn ...") is capitalised; GeoNames
also knows many places by other languages' names ("Grenade" is Granada in French). Such a word is no
other name of a town abroad, nor another spelling of one; a place whose own name it is may still be
meant, with the support any bare word needs, and a word in capitals ("UP") is an abbreviation.
"""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.extract.places.plausibility import english_words
from strife.resolve.geocode import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_the_vocabulary_holds_english_words_and_the_event_lexicon():
    words = english_words()
    assert {"grenade", "bar", "attack"} <= words
    assert "westmarsh" not in words


def test_a_capitalised_noun_is_no_other_name_of_a_town_abroad(nlp, gazetteer):
    text = ("Grenade attack on Zendara bar kills two\n\n"
            "A grenade attack on a bar in the town of Kavumbi in Burundi's Kirundo province killed two people.")
    names = [(p.name, p.country) for p in find_places(nlp(text), gazetteer)]
    assert not any(country == "ESP" for _, country in names), names
    assert ("Kirundo", "BDI") in names


def test_a_town_written_by_its_own_name_is_still_read(nlp, gazetteer):
    text = "Gunmen attacked a market in Kabul on Friday, police said."
    assert [(p.name, p.country) for p in find_places(nlp(text), gazetteer)] == [("Kabul", "AFG")]


def test_an_abbreviation_in_capitals_is_not_the_english_word(nlp, gazetteer):
    text = "On 3 June, labourers from UP and Bihar, employed at looms in Kharoli, threw stones at police (Bhavnagar, Gujarat)."
    names = [p.name for p in find_places(nlp(text), gazetteer)]
    assert "Uttar Pradesh" in names, names



def test_a_leader_known_by_one_name_is_no_village_of_that_name(nlp, gazetteer) -> None:
    """A person the actor dictionary knows by a one-word name ("marched against <surname>") is that
    person, not a small town of the name (Nasrallah is also two Tunisian towns, Stoltenberg a German
    village); written as a place ("in Nasrallah"), the name still reads as one. Made-up notes."""
    def places(text: str) -> list[tuple]:
        return [(p.name, p.country) for p in find_places(nlp(text), gazetteer)]

    assert places("Hundreds of demonstrators marched against Nasrallah on Friday.") == []
    assert places("Students waved black flags against Stoltenberg as his motorcade passed.") == []
    assert places("Villagers in Nasrallah protested against the price of bread on Friday.") == [("Nasrallah", "TUN")]
