"""A text no toponym places is placed where the organisations it names are named after."""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.resolve.geocode import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def placed(nlp, gazetteer, text: str) -> list[tuple]:
    return [(p.name, p.country, p.geo_precision, text[p.span[0] : p.span[1]])
            for p in find_places(nlp(text), gazetteer)]


def test_a_body_named_after_a_region_places_the_text_in_it(nlp, gazetteer) -> None:
    text = "Candidates for the Tasmania Public Service Commission examination staged a protest against delays."
    assert placed(nlp, gazetteer, text) == [("Tasmania", "AUS", 3, "Tasmania")]


def test_a_name_of_several_countries_alone_places_nothing(nlp, gazetteer) -> None:
    # Limburg is a province of the Netherlands and of Belgium.
    text = "Members of the Limburg Farmers Union blocked the road to demand higher milk prices."
    assert placed(nlp, gazetteer, text) == []


def test_another_body_settles_the_country_and_the_town_is_the_place(nlp, gazetteer) -> None:
    text = ("Members of the Limburg Farmers Union and the Venlo Traders Association blocked the road "
            "to demand higher milk prices.")
    assert placed(nlp, gazetteer, text) == [("Venlo", "NLD", 1, "Venlo")]


def test_a_toponym_of_the_text_comes_before_any_body_named_after_a_place(nlp, gazetteer) -> None:
    text = "Candidates for the Tasmania Public Service Commission examination protested in Hobart on Monday."
    assert [p.name for p in find_places(nlp(text), gazetteer)] == ["Hobart"]


def test_the_event_is_placed_where_the_body_is(engine) -> None:
    from strife.model import Article

    text = "On 3 May 2020, workers of the Tasmania State Electricity Board went on strike over unpaid wages."
    outcome = next(iter(engine.run([Article(text=text, published="2020-05-03")])))
    assert {(e.location.admin1, e.location.country, e.location.geo_precision)
            for e in outcome.result.events if e.location} == {("Tasmania", "AUS", 3)}


def test_a_crowd_of_a_note_with_no_toponym_takes_the_country_its_body_is_named_after(engine) -> None:
    """The crowd's country is the event place's (`localise_actors`), here the body's region."""
    from strife.model import Article

    text = "Employees of the Saskatchewan Transport Corporation went on strike over delayed salaries."
    outcome = next(iter(engine.run([Article(text=text, published="2021-03-02")])))
    protests = [e for e in outcome.result.events if e.acled_event_type == "Protests"]
    assert protests and protests[0].location.country == "CAN"
    assert {a.country for a in protests[0].source} == {"CAN"}


def test_a_body_named_by_an_old_name_of_a_large_town_is_in_that_town(nlp, gazetteer) -> None:
    text = "Workers of the Saigon Water Supply Company went on strike over unpaid wages."
    assert placed(nlp, gazetteer, text) == [("Ho Chi Minh City", "VNM", 1, "Saigon")]


def test_a_body_named_after_a_region_settles_the_town_of_another(nlp, gazetteer) -> None:
    # Valencia is a city in Spain and in Venezuela; Carabobo, a Venezuelan state, settles it.
    text = ("Members of the Carabobo Teachers Union protested against the Valencia Water Board "
            "over the sacking of forty teachers.")
    found = find_places(nlp(text), gazetteer)
    assert [(p.name, p.country, p.admin1) for p in found] == [("Valencia", "VEN", "Carabobo")]


def test_a_body_the_parser_does_not_tag_is_named_after_its_region_too(nlp, gazetteer) -> None:
    # "Kerala" begins a longer capitalised name the parser tags as no organisation.
    text = "The Kerala Coir Sangham picketed the collectorate on Monday."
    assert placed(nlp, gazetteer, text) == [("Kerala", "IND", 3, "Kerala")]


def test_a_site_named_after_a_region_places_the_text_in_it(nlp, gazetteer) -> None:
    # "Manipur" begins a site's name ("Manipur Bhawan"); nothing else in the text is a place.
    text = "Nurses held a sit-in at the Manipur Bhawan gate over unpaid wages."
    assert placed(nlp, gazetteer, text) == [("Manipur", "IND", 3, "Manipur")]


def test_a_later_word_of_a_longer_name_is_no_place_of_the_text(nlp, gazetteer) -> None:
    # "Plaza" is a word of the complex's name, not a place the complex is named after.
    text = "Two crude bombs exploded in front of the Westgate Plaza shopping complex, injuring a rickshaw-puller."
    assert placed(nlp, gazetteer, text) == []


def test_a_name_read_in_the_forces_country_places_a_raid_on_them(nlp, gazetteer) -> None:
    # The movement is Somali, the troops Kenyan; "Witu Forest" has a reading in Kenya only.
    text = "Al Shabaab militants ambushed a patrol of Kenyan troops in Witu Forest, killing two."
    assert [(name, country) for name, country, _, _ in placed(nlp, gazetteer, text)] == [("Witu", "KEN")]


def test_without_a_name_read_in_the_forces_country_the_movement_says_where(nlp, gazetteer) -> None:
    text = "Al Shabaab militants ambushed a patrol of Kenyan troops in Gololey Forest, killing two."
    assert [(name, country) for name, country, _, _ in placed(nlp, gazetteer, text)] == [("Somalia", "SOM")]


def test_a_body_named_of_a_region_places_the_text_in_it(nlp, gazetteer) -> None:
    # English also names a body after the place it serves with "of" ("the Government of X").
    text = "Clerks of the Revenue Department of the Government of Tasmania protested against unpaid salaries."
    assert placed(nlp, gazetteer, text) == [("Tasmania", "AUS", 3, "Tasmania")]


def test_a_national_body_named_of_a_country_is_no_place_of_its_own(nlp, gazetteer) -> None:
    text = "Porters of the Grain Corporation of Australia staged a sit-in against the new contracts."
    assert [p.feature for p in find_places(nlp(text), gazetteer) if p.span] in ([], ["country"])


def test_a_town_opening_a_longer_name_places_a_text_nothing_else_places(nlp, gazetteer) -> None:
    # The Kachcheri (district secretariat) and "Tral Bala" (an invented upper part of the town) are
    # not in the gazetteer; the town each opens is, and the text writes it as where the act was.
    text = "Tamil families protested outside the Kilinochchi Kachcheri over missing relatives."
    assert placed(nlp, gazetteer, text) == [("Kilinochchi", "LKA", 2, "Kilinochchi")]
    text = "Militants attacked a police post at Tral Bala, killing a constable."
    assert placed(nlp, gazetteer, text) == [("Tral", "IND", 2, "Tral")]
    # ... but not against the actors' country: Kenya's opposition (ODM) protests in Kenya.
    text = "Police fired on ODM protesters at Tral Bala, injuring four."
    assert [country for _, country, _, _ in placed(nlp, gazetteer, text)] == ["KEN"]


def test_a_body_named_of_a_town_is_not_named_after_an_english_word(nlp, gazetteer) -> None:
    # "University" is a town of Florida: the body is Batticaloa's university.
    text = "Students protested at the University of Batticaloa against the arrest of a lecturer."
    assert [(name, country) for name, country, _, _ in placed(nlp, gazetteer, text)] == [("Batticaloa", "LKA")]


def test_a_town_opening_a_name_the_parser_took_for_a_body_or_person_places_the_text(nlp, gazetteer) -> None:
    # "Omoku Ndoni" and "Yirol Nyangdit" (invented places of the towns) are tagged as organisations:
    # written after "at" or "in", their first word is the town the act was at or near.
    text = "Soldiers clashed with cultists at Omoku Ndoni, killing five."
    assert placed(nlp, gazetteer, text) == [("Omoku", "NGA", 2, "Omoku")]
    text = "Revenge killings between Dinka clans in Yirol Nyangdit left five dead."
    assert placed(nlp, gazetteer, text) == [("Yirol", "SSD", 2, "Yirol")]


def test_a_short_other_name_of_a_city_abroad_says_no_country(nlp, gazetteer) -> None:
    # "Tana" is a short name of Antananarivo; opening "Tana Delta" (a Kenyan sub-county the gazetteer
    # lacks), it says nothing of Madagascar. The village is invented.
    text = "Orma and Pokomo herders clashed in Kipao Bubesa, Tana Delta sub-county, killing four."
    assert "MDG" not in [country for _, country, _, _ in placed(nlp, gazetteer, text)]
