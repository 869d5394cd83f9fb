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
