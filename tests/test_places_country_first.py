"""Geocoding that travels (issue #23): the text's own countries first, named units as places,
facilities in their town. Made-up texts; no rule names a place."""

from __future__ import annotations

import pytest

from strife.extract.places import find_places
from strife.extract.places.readings import country_first
from strife.resolve.geocode import Candidate, Containers, Gazetteer, in_kind_countries, split_kind_word


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def places(nlp, gazetteer, text: str):
    return find_places(nlp(text), gazetteer)


def _candidate(country: str, population: int, n_names: int = 5, capital: bool = False) -> Candidate:
    return Candidate(1, "X", "city", country, "A", 0.0, 0.0, population, capital, n_names)


def test_country_first_keeps_readings_in_the_text_countries() -> None:
    big_abroad, small_home = _candidate("IRN", 150_000), _candidate("NPL", 20_000)
    ranked = [(big_abroad, 9.0), (small_home, 6.0)]
    assert country_first(ranked, ["NPL"], Containers()) == [(small_home, 6.0)]
    assert country_first(ranked, [], Containers()) == ranked  # no sign of a country: all stay
    assert country_first(ranked, ["USA"], Containers()) == ranked  # no reading at home: all stay


def test_country_first_lets_world_known_places_stand_on_their_own() -> None:
    famous, capital, home = _candidate("CHE", 200_000, n_names=60), _candidate("FRA", 10, capital=True), _candidate("USA", 900)
    ranked = [(famous, 9.0), (capital, 8.0), (home, 7.0)]
    assert country_first(ranked, ["USA"], Containers()) == ranked


def test_a_country_named_inside_an_organisation_steers_a_town(nlp, gazetteer) -> None:
    (ilam,) = places(nlp, gazetteer, "Activists of the Nepal Teachers Association rallied in Ilam on Friday.")
    assert ilam.country == "NPL"


def test_kind_words_of_some_countries_split_and_restrict() -> None:
    assert split_kind_word("Logo local government") == ("Logo", "local government")
    assert split_kind_word("Idlib province") == ("Idlib", "province")
    abroad, home = _candidate("PAK", 100_000), _candidate("BGD", 1_000)
    assert in_kind_countries([abroad, home], "upazila") == [home]
    assert in_kind_countries([abroad], "upazila") == []  # never a namesake in a country that has no upazilas
    assert in_kind_countries([abroad, home], "district") == [abroad, home]
    niger, nigeria = _candidate("NER", 1_000), _candidate("NGA", 100_000)
    assert in_kind_countries([nigeria, niger], "department") == [niger]  # Nigeria's units are LGAs


def test_local_government_area_is_a_nigerian_district(nlp, gazetteer) -> None:
    found = places(nlp, gazetteer, "Gunmen attacked farmers in Gwoza local government on Sunday.")
    assert [(p.country, p.feature, p.geo_precision) for p in found] == [("NGA", "region", 2)]


def test_unknown_village_of_a_named_district_is_placed_at_the_district(nlp, gazetteer) -> None:
    text = "Police fired at protesters in Bhimpur village of Ukhrul district."
    found = places(nlp, gazetteer, text)
    village = min(found, key=lambda p: p.span[0])
    assert text[village.span[0]:village.span[1]].startswith("Bhimpur")  # the raw toponym stays the evidence
    assert (village.name, village.admin1, village.geo_precision) == ("Ukhrul", "Manipur", 2)


def test_facility_places_the_event_in_its_town(nlp, gazetteer) -> None:
    (town,) = places(nlp, gazetteer, "A rocket landed outside the Kabul University hostel on Monday.")
    assert (town.name, town.country) == ("Kabul", "AFG")


def test_a_capitalised_word_tagged_as_a_date_can_still_be_a_place(nlp, gazetteer) -> None:
    found = places(nlp, gazetteer, "Turkish forces shelled positions in Dahuk.")
    assert [p.country for p in found] == ["IRQ"]


def test_a_kind_word_of_one_country_votes_for_it_and_under_contains(nlp, gazetteer) -> None:
    text = "Two groups clashed at Dharampur village under Moulvibazar sadar upazila on Friday."
    found = places(nlp, gazetteer, text)
    village = min(found, key=lambda p: p.span[0])
    assert text[village.span[0]:village.span[1]].startswith("Dharampur")
    assert (village.country, village.admin1, village.geo_precision) == ("BGD", "Sylhet", 2)


def test_a_unit_that_names_a_building_places_it(nlp, gazetteer) -> None:
    found = places(nlp, gazetteer, "Protesters gathered outside the Tyre Governorate building.")
    assert [p.country for p in found] == ["LBN"]


def test_countryside_after_a_name_is_its_region(nlp, gazetteer) -> None:
    (region,) = places(nlp, gazetteer, "Regime forces shelled positions in Hama countryside.")
    assert (region.country, region.feature, region.geo_precision) == ("SYR", "admin1", 3)


def test_an_actors_demonym_is_not_the_place(nlp, gazetteer) -> None:
    assert places(nlp, gazetteer, "Israeli drones struck a car between two unnamed villages.") == []
    (yemen,) = places(nlp, gazetteer, "Houthi forces shelled positions, killing two.")
    assert yemen.country == "YEM"  # a group's country still places a note with no toponym


@pytest.mark.parametrize("text", [
    "On 5 May 2020, protesters blocked roads with burning tyres in Beirut's southern suburbs.",
])
def test_a_capitals_parts_place_the_event_even_when_read_as_a_government(engine, text) -> None:
    from strife.model import Article

    result = engine.code(Article(id="t", text=text, published="2020-05-05"))
    assert result.events and result.events[0].location is not None
    assert result.events[0].location.country == "LBN"


def test_is_place_possessive() -> None:
    from strife.extract.places.metonymy import is_place_possessive

    text = "Beirut's southern suburbs and Moscow's chief goal"
    assert is_place_possessive(text, 6)
    assert not is_place_possessive(text, text.index("Moscow") + 6)


def test_a_demonym_of_no_armed_actor_still_says_the_country(nlp, gazetteer) -> None:
    (country,) = places(nlp, gazetteer, "Protesters angry at the fall of the Lebanese pound gathered on Friday.")
    assert country.country == "LBN"


def test_kind_and_facility_tables_are_well_formed() -> None:
    import pycountry

    from strife.datafiles import read_data_csv
    from strife.extract.places.mentions import facility_words
    from strife.resolve.geocode import MAX_KIND_WORDS, admin_words, kind_countries

    for row in read_data_csv("geo_kind_countries.csv"):
        assert row["feature"] in ("admin1", "admin2", "city"), row
        assert len(row["word"].split()) <= MAX_KIND_WORDS, row
    for countries in kind_countries().values():
        assert all(pycountry.countries.get(alpha_3=code) for code in countries), countries
    assert max(len(word.split()) for word in admin_words()) <= MAX_KIND_WORDS
    assert {"hospital", "university", "building"} <= facility_words()


def test_a_district_written_as_one_is_not_an_unsupported_namesake() -> None:
    from strife.extract.places.names import Mention
    from strife.extract.places.resolution import unsupported_namesake

    district = Candidate(1, "Xandu", "admin2", "IND", "A", 0.0, 0.0, 20_000)
    written_as_district = Mention(0, 2, from_entity=False, feature="admin2", name_end=1)
    bare = Mention(0, 1, from_entity=False, name_end=1)
    assert not unsupported_namesake(written_as_district, [(district, 9.0)], {"USA"})
    assert unsupported_namesake(bare, [(district, 9.0)], {"USA"})  # nothing in the text says it is the district


def test_a_district_is_the_place_whatever_country_the_actors_name(engine) -> None:
    from strife.model import Article

    text = "Unidentified armed men kidnapped and killed a man in remote Ukhrul district on Wednesday. " \
           "The victim was a Congress candidate."
    result = engine.code(Article(id="t", text=text, published="2015-06-03"))
    place = result.events[0].location
    assert (place.name, place.country, place.geo_precision) == ("Ukhrul", "IND", 2)


def test_a_quarter_written_in_a_town_is_placed_at_the_town(nlp, gazetteer) -> None:
    text = "Gunmen torched a bus at Raipur in Nagpur city on Monday."
    quarter = min(places(nlp, gazetteer, text), key=lambda p: p.span[0])
    assert text[quarter.span[0]:quarter.span[1]] == "Raipur"  # the raw toponym stays the evidence
    assert (quarter.name, quarter.admin1, quarter.geo_precision) == ("Nagpur", "Maharashtra", 2)


def test_a_countrys_adjective_before_a_town_word_is_no_quarter(nlp, gazetteer) -> None:
    text = "Three soldiers were killed outside of the Iraqi city of Basra."
    assert {(p.country, p.geo_precision) for p in places(nlp, gazetteer, text)} == {("IRQ", 1)}


@pytest.mark.parametrize("text", [
    "Members of the Muslim community held a protest after a speech by a Hindu leader.",
    "Employees in the Presidency of the Republic gathered in protest outside the Presidential Palace.",
    "The party protested the delay in widening National Highway-12.",
])
def test_adjectives_of_a_state_or_faith_are_no_places(nlp, gazetteer, text) -> None:
    assert places(nlp, gazetteer, text) == []


def test_an_alternate_name_yields_to_the_place_whose_own_name_it_is() -> None:
    from dataclasses import replace

    from strife.resolve.geocode import ALTERNATE_MARGIN, own_names_first

    port = replace(_candidate("FRA", 180_000), primary=False, lat=49.5, lon=0.1)  # an old name of a large town abroad
    town = replace(_candidate("NPL", 25_000), lat=27.0, lon=85.0)  # the name is this town's own
    scored = [(port, 7.0), (town, 6.5)]
    assert own_names_first(scored, [], Containers()) == [(port, 6.5 - ALTERNATE_MARGIN), (town, 6.5)]
    assert own_names_first(scored, ["FRA"], Containers()) == scored  # the text points to the port's country
    assert own_names_first(scored, [], Containers(countries=frozenset({"FRA"}))) == scored
    assert own_names_first([(port, 7.0)], [], Containers()) == [(port, 7.0)]  # no place owns the name
    assert own_names_first([(port, 3.0), (town, 6.5)], [], Containers()) == [(port, 3.0), (town, 6.5)]
    exonym = replace(port, population=10 * 25_000)  # far larger than the owner: known by the name
    assert own_names_first([(exonym, 7.0), (town, 6.5)], [], Containers()) == [(exonym, 7.0), (town, 6.5)]
    region = replace(town, kind="admin1", lat=27.1)  # a region owning the name of its own town
    seat = replace(town, primary=False)
    assert own_names_first([(seat, 9.0), (region, 5.0)], [], Containers()) == [(seat, 9.0), (region, 5.0)]


def test_an_acronym_is_no_other_spelling_of_a_place(gazetteer) -> None:
    from strife.resolve.geocode import is_acronym

    assert is_acronym("KRD") and not is_acronym("Kord") and not is_acronym("J&K")
    assert gazetteer.lookup_variants("KRD") == []  # initials, though their skeleton matches a town
    assert gazetteer.lookup_variants("Kordd")  # a word of the same skeleton still finds it


def test_a_body_named_after_its_town_places_the_event_there(nlp, gazetteer) -> None:
    text = "Sanitation workers protested outside the Nagpur Municipal Corporation office on Monday."
    assert [(p.name, p.country) for p in places(nlp, gazetteer, text)] == [("Nagpur", "IND")]


def test_a_country_naming_a_groups_branch_is_not_where_it_happened(nlp, gazetteer) -> None:
    # "the Islamic State in <country>" names the group's branch (who), not the event's place.
    text = ("A man was injured when a mine exploded near a school in Douz. "
            "The mine was laid by armed men affiliated to the Islamic State in Algeria.")
    found = places(nlp, gazetteer, text)
    assert [(p.name, p.country) for p in found] == [("Douz", "TUN")]


def test_foreign_forces_do_not_make_the_town_they_strike_a_namesake(nlp, gazetteer) -> None:
    # "Israeli tanks" says who fired, not where: the town keeps its own (only) reading.
    found = places(nlp, gazetteer, "Israeli tanks fired four shells at targets in Tubas.")
    assert [(p.name, p.country) for p in found] == [("Tubas", "PSE")]


def test_a_name_placed_at_a_namesake_qualifier_is_no_location_either() -> None:
    from strife.extract.places.resolution import Toponym, mark_placed_at_namesakes
    from strife.model import Place

    town = Place(name="Yonder", country="CIV", lat=7.0, lon=-5.0, confidence=0.2, feature="city")
    namesake = Toponym("Yonder", town, [], ["NGA"], not_a_location=True)
    placed_there = Toponym("Hamlet", town.model_copy(update={"confidence": 0.6}), [], ["NGA"], qualified_by="Yonder")
    elsewhere = Toponym("Other", town.model_copy(update={"confidence": 0.6}), [], ["NGA"], qualified_by="Thither")
    mark_placed_at_namesakes([namesake, placed_there, elsewhere])
    assert placed_there.not_a_location and placed_there.place.confidence <= 0.2
    assert not elsewhere.not_a_location


def test_a_part_of_a_town_is_no_large_town_abroad(nlp, gazetteer) -> None:
    # "the town's X area" names a quarter; a large town of that name in another country is a namesake.
    found = find_places(nlp("Traders protested in Nakuru on Monday. Police dispersed a crowd in the town's "
                            "Tiruppur area."), gazetteer)
    assert {p.country for p in found} == {"KEN"}


def test_a_region_written_right_after_a_town_picks_its_reading(nlp, gazetteer) -> None:
    # No comma, but the region still says which of the town's namesakes is meant.
    (perth, *_) = places(nlp, gazetteer, "Farmers protested in Perth Tasmania on Friday.")
    assert (perth.country, perth.admin1) == ("AUS", "Tasmania")


def test_locality_words_load() -> None:
    from strife.extract.places.resolution import locality_words

    assert {"area", "neighbourhood"} <= locality_words()


def test_a_short_form_in_brackets_is_no_place(nlp, gazetteer) -> None:
    # "(Bra)" after "Brookfield Rail Alliance" is the body's short form, not a town of that spelling.
    assert places(nlp, gazetteer, "Workers of the Brookfield Rail Alliance (Bra) went on strike on Monday.") == []


def test_bracketed_abbreviation_reads_the_name_before_it(nlp) -> None:
    from strife.extract.places.names import bracketed_abbreviation

    doc = nlp("Students of the Westvale University of Science and Technology (Wusat) marched.")
    assert bracketed_abbreviation(doc, [t.text for t in doc].index("Wusat"))
    doc = nlp("Fighting went on in Westvale Town (Lagos) on Friday.")
    assert not bracketed_abbreviation(doc, [t.text for t in doc].index("Lagos"))  # not the name's letters
    doc = nlp("Fighting went on in Westvale (Wale) on Friday.")
    assert not bracketed_abbreviation(doc, [t.text for t in doc].index("Wale"))  # a one-word name has no short form


def test_a_police_station_area_of_a_town_is_in_that_town(nlp, gazetteer) -> None:
    # "X police station area of Y": a part of Y, not the large town of X's name abroad.
    found = places(nlp, gazetteer, "Police beat a trader in Tiruppur police station area of Nakuru on Monday.")
    assert {p.country for p in found if p.confidence > 0.3} == {"KEN"}


def test_a_name_read_as_another_name_abroad_does_not_outweigh_a_places_own_name() -> None:
    # "riots in Westvale and Eastmoor": Eastmoor is only an alternate name of a town abroad, Westvale
    # a village's own name at home; the alternate reading abroad does not make Westvale a namesake.
    from dataclasses import replace

    from strife.extract.places.focus import FocusSupport, FocusVote
    from strife.extract.places.names import Mention
    from strife.extract.places.resolution import support_for, unsupported_namesake

    village = _candidate("BGD", 50_000, n_names=1)
    votes = [FocusVote("UZB", 1.0, (10, 18), 0, alternate=True), FocusVote("BGD", 1.0, (23, 31), 1)]
    names = ["eastmoor", "westvale"]
    every = FocusSupport(votes, names)
    own_names = FocusSupport([v for v in votes if not v.alternate], names)
    ranked = [(village, 6.5)]
    assert support_for(ranked, own_names, every).without(1) == frozenset()
    assert every.without(1) == frozenset({"UZB"})
    mention = Mention(start=3, end=4, from_entity=False, name_end=4)
    assert not unsupported_namesake(mention, ranked, support_for(ranked, own_names, every).without(1))
    assert unsupported_namesake(mention, ranked, every.without(1))  # as before: a vote abroad, no vote at home
    alternate_reading = [(replace(village, primary=False), 6.5)]
    assert support_for(alternate_reading, own_names, every) is every  # an alternate reading is judged as before


def test_a_shortened_name_of_a_large_town_abroad_is_a_namesake_where_the_text_is_elsewhere(nlp, gazetteer) -> None:
    # "Oklahoma" is read as a shortened name of Oklahoma City: among Kenyan towns it is a place
    # the gazetteer lacks, not the American city; alone in a text, it still reads as the city.
    text = "Traders protested over new taxes in Eldoret, Nakuru and Oklahoma on Monday."
    assert {p.country for p in places(nlp, gazetteer, text)} == {"KEN"}
    (alone,) = places(nlp, gazetteer, "Traders protested over new taxes in Oklahoma on Monday.")
    assert alone.country == "USA"


def test_part_of_longer_name_needs_the_whole_written_name_inside_the_own_name() -> None:
    from dataclasses import replace

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from strife.extract.places.names import Mention
    from strife.extract.places.resolution import part_of_longer_name

    doc = Doc(Vocab(), words=["in", "Lake", "Vale"])  # no parse needed: Mention.name reads the words
    mention = Mention(start=1, end=3, from_entity=True, name_end=3)
    town = replace(_candidate("USA", 200_000), name="Lake Vale City", primary=False)
    assert part_of_longer_name(doc, mention, [(town, 7.0)])
    assert not part_of_longer_name(doc, mention, [(replace(town, primary=True), 7.0)])  # its own name
    assert not part_of_longer_name(doc, mention, [(replace(town, name="Lakevale"), 7.0)])  # another spelling
    assert not part_of_longer_name(doc, mention, [(replace(town, name="Vale Lake City"), 7.0)])  # words apart


def test_a_name_several_countries_bodies_bear_gives_no_country(nlp, gazetteer) -> None:
    """A bare "Congress" is the US legislature or India's party (and "Parliament", "Senate",
    "Assembly" bodies of many countries): it says no country, so a town the text names is read
    where the town's own evidence puts it; "the US Congress" still says the United States."""
    from strife.extract.places.focus import focus_countries_of

    for body in ("Congress", "Parliament", "Senate", "Assembly"):
        assert focus_countries_of(nlp(f"The {body} met on Monday to debate the budget."), gazetteer) == []
    assert focus_countries_of(nlp("Congress workers rallied on Monday against the budget."), gazetteer) == []
    assert focus_countries_of(nlp("The US Congress met on Monday to debate the budget."), gazetteer) == ["USA"]
    assert focus_countries_of(nlp("Congress party workers rallied on Monday against the budget."), gazetteer) == ["IND"]


def test_congress_workers_in_an_indian_town_are_indias_party(code) -> None:
    """"Congress workers protested in Salem": not the US Congress, so not Salem, Oregon."""
    events = code("Congress workers protested in Salem over the fuel price rise.")
    protest = next(e for e in events if e.acled_event_type == "Protests")
    assert protest.location is not None and protest.location.country == "IND"
    assert {a.country for a in protest.source} == {"IND"}


def test_unnamed_actors_are_of_the_country_a_namesake_town_was_read_in(code) -> None:
    """"Tripoli" alone says Libya, but read in the Lebanon the rest of the note names it says
    Lebanon: the crowd and the gunmen are of the country the town was read in (issue #22)."""
    protest = next(e for e in code("Protesters blocked the main road in Tripoli against the collapse of the Lebanese pound.")
                   if e.acled_event_type == "Protests")
    assert protest.location.country == "LBN"
    assert {a.country for a in protest.source} == {"LBN"}
    clash = next(e for e in code("Lebanese army troops clashed with gunmen in Tripoli on Monday.") if e.acled_event_type)
    assert {a.country for a in clash.source + clash.target} == {"LBN"}


def test_a_peoples_adjective_leading_a_compound_says_no_country(nlp, gazetteer) -> None:
    """"Saudi-led coalition", "Iranian-backed militias": who leads or backs, not where the thing
    acts, as "Damascus-based" says nothing of where; "Saudi forces" still says who they are."""
    from strife.extract.places.focus import focus_countries_of

    # no Saudi focus from the adjective; the coalition itself is at work in Yemen only (geo_focus_cues.csv)
    assert focus_countries_of(nlp("Saudi-led coalition airstrikes hit a market on Monday."), gazetteer) == ["YEM"]
    assert focus_countries_of(nlp("Iranian-backed militias shelled the camp on Monday."), gazetteer) == []
    assert focus_countries_of(nlp("Saudi forces shelled the border post on Monday."), gazetteer) == ["SAU"]


def test_a_people_named_like_a_town_far_abroad_says_nothing_of_the_country(nlp, gazetteer) -> None:
    """"3 Kimovsk were killed" in a note placed in a South Sudanese county: the name is read as
    a Russian town and set aside as a namesake, and then gives the article no Russian focus
    either (the unnamed actors would take it)."""
    from strife.extract.places import places_and_focus

    doc = nlp("Militiamen clashed with farmers of the Kimovsk clan at an unspecified location in Mundri county "
              "(Western Equatoria). 3 Kimovsk were killed and 2 Kimovsk wounded.")
    places, focus = places_and_focus(doc, gazetteer)
    assert focus == ["SSD"]
    assert {p.country for p in places} == {"SSD"}


def test_a_region_the_note_gives_no_sign_of_is_a_namesake_of_its_own_countrys(nlp, gazetteer) -> None:
    # Kenya has no first-level region called "Coast" in the gazetteer, Tanzania does: a note whose
    # people are Kenyan means Kenya's coast, placed at the country rather than across the border.
    found = places(nlp, gazetteer, "Kenyan herders clashed with farmers near Olmarok village in the Coast region.")
    assert [p.country for p in found] == ["KEN"]
    assert found[0].geo_precision == 3
    # A region of the note's own country is read as before.
    (region,) = places(nlp, gazetteer, "Ghanaian traders protested in the Central region over taxes.")
    assert (region.country, region.feature) == ("GHA", "admin1")


def test_a_capital_compounded_into_the_object_of_in_is_a_place_whatever_its_head_is_tagged(nlp) -> None:
    # "in Lusaka Vally" with the misspelt head tagged as an adverb (as the tagger does in some
    # sentences): the capital names where, not a government acting.
    from spacy.tokens import Doc

    from strife.extract.actors import is_location
    from strife.resolve.actors import ActorDictionary

    words = ["Police", "detained", "strikers", "in", "Lusaka", "Vally", "on", "Sunday", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1, 5, 3, 1, 6, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "prep", "pobj", "punct"],
              pos=["NOUN", "VERB", "NOUN", "ADP", "PROPN", "ADV", "ADP", "PROPN", "PUNCT"])
    assert is_location(doc[4], ActorDictionary.default())


def test_a_town_far_from_every_region_the_note_names_is_a_namesake(nlp, gazetteer) -> None:
    # A town of 100,000 in another continent is no evidence of its own against the province the
    # note names: the gazetteer lacks the village and holds a namesake abroad.
    text = "Gunmen killed two herders near Moreno. The attack is the third this month in Kasai-Central province."
    assert [p.country for p in places(nlp, gazetteer, text)] == ["COD"]


def test_a_village_abroad_does_not_unmake_the_region_the_note_names(nlp, gazetteer) -> None:
    # The region rule above asks for the note's people, not for a namesake village's country.
    text = "Gunmen killed two herders in Lisieux. The attack is the third this month in Sankuru province."
    found = places(nlp, gazetteer, text)
    assert [(p.country, p.feature) for p in found] == [("COD", "admin1")]


def test_a_town_far_from_the_country_of_the_notes_people_is_a_namesake(nlp, gazetteer) -> None:
    # Unarmed people's adjective says where the note is; a town of 100,000 on another continent
    # is not evidence enough against it: the note is placed in their country.
    (country,) = places(nlp, gazetteer, "Sudanese teachers went on strike in Moreno over unpaid salaries.")
    assert (country.country, country.feature) == ("SDN", "country")


def _where(nlp, gazetteer, text):
    return [(p.name, p.country, p.feature) for p in places(nlp, gazetteer, text)]


def test_a_country_adjective_before_a_kind_word_places_the_town_in_that_country(nlp, gazetteer) -> None:
    """"the Malian town of Brunn": the invented town is known to the gazetteer only as another name
    of a Czech city; the adjective says the country, so it is placed at Mali, never at the namesake."""
    found = _where(nlp, gazetteer, "Gunmen attacked the Malian town of Brunn on Sunday, killing three.")
    assert found and all(country == "MLI" for _, country, _ in found), found
    found = _where(nlp, gazetteer, "Gunmen raided the Nigerian village of Fiume on Sunday, killing two herders.")
    assert found and all(country == "NGA" for _, country, _ in found), found


def test_a_country_adjective_keeps_the_town_of_that_name_there(nlp, gazetteer) -> None:
    found = _where(nlp, gazetteer, "Gunmen killed three people in the Nigerian city of Zaria on Sunday.")
    assert ("Zaria", "NGA", "city") in found, found


def test_another_name_of_a_town_abroad_yields_to_the_country_the_note_names(nlp, gazetteer) -> None:
    """"Brunn, in central Mali": a name that is only another name of a large town abroad (not known
    worldwide) is a namesake when the note names another country as a place; alone it stays the town."""
    found = _where(nlp, gazetteer, "Gunmen attacked Brunn, in central Mali, on Sunday, killing three.")
    assert found and all(country == "MLI" for _, country, _ in found), found
    found = _where(nlp, gazetteer, "Protesters marched in Brunn on Sunday against rising prices.")
    assert ("Brno", "CZE", "city") in found, found


def test_a_villages_own_name_beats_a_town_of_its_country_that_bore_it_once() -> None:
    """Within one country, "Novo-X" is the villages that bear it still, not the town renamed from it;
    a national capital, a town of a million or a region's namesake seat keeps its old names."""
    from dataclasses import replace

    from strife.resolve.geocode import ALTERNATE_MARGIN, own_names_first

    town = replace(_candidate("UKR", 150_000), name="Westgrad", admin1="Eastmoor", primary=False, lat=46.8, lon=35.4)
    village = replace(_candidate("UKR", 1_600), name="Novo Zarichne", admin1="Northvale", lat=48.3, lon=39.6)
    scored = [(town, 11.6), (village, 10.5)]
    assert own_names_first(scored, ["UKR"], Containers()) == [(town, 10.5 - ALTERNATE_MARGIN), (village, 10.5)]
    assert own_names_first(scored, [], Containers()) == [(town, 10.5 - ALTERNATE_MARGIN), (village, 10.5)]
    # a qualifier putting the name in the town's region keeps the town
    assert own_names_first(scored, ["UKR"], Containers(regions=frozenset({("UKR", "eastmoor")}))) == scored
    # the well known keep their old names: a capital, a town of a million, a region's namesake seat
    for known in (replace(town, capital=True), replace(town, population=1_200_000), replace(town, admin1="Westgrad")):
        assert own_names_first([(known, 11.6), (village, 10.5)], ["UKR"], Containers()) == [(known, 11.6), (village, 10.5)]
    # a village next to the town: either reading puts the event in the same place
    near = replace(village, lat=46.9, lon=35.5)
    assert own_names_first([(town, 11.6), (near, 10.5)], ["UKR"], Containers()) == [(town, 11.6), (near, 10.5)]
    # only towns own a name against a town: a region of the name leaves its seat alone
    region = replace(village, kind="admin1")
    assert own_names_first([(town, 11.6), (region, 10.5)], ["UKR"], Containers()) == [(town, 11.6), (region, 10.5)]
    # a region written next to the name ("Novo Zarichne, Eastmoor") keeps the town there
    assert own_names_first(scored, ["UKR"], Containers(), frozenset({"eastmoor"})) == scored
    # the country written after the name is no sign of which of its places is meant
    assert own_names_first(scored, ["UKR"], Containers(countries=frozenset({"UKR"}))) == [
        (town, 10.5 - ALTERNATE_MARGIN), (village, 10.5)]
    # a region of the name around the town makes it the region's seat, known by the name
    seat_region = replace(village, kind="admin1", lat=46.85, lon=35.45)
    assert own_names_first([(town, 11.6), (village, 10.5), (seat_region, 9.0)], ["UKR"], Containers()) == [
        (town, 11.6), (village, 10.5), (seat_region, 9.0)]


def test_a_village_of_a_unit_is_in_the_unit_where_its_namesakes_are(nlp, gazetteer) -> None:
    # An invented village with a common South Asian name, of a Nepali district whose name is also a
    # region of Azerbaijan: the district is the Nepali one, near the village name's namesakes.
    text = "Protesters blocked the highway in Ramnagar of Salyan on Wednesday."
    (village,) = places(nlp, gazetteer, text)
    assert text[village.span[0]:village.span[1]].startswith("Ramnagar")
    assert (village.country, village.geo_precision) == ("NPL", 2)


def test_namesakes_countries_pick_the_wider_readings() -> None:
    from strife.extract.places.names import Mention
    from strife.extract.places.qualifiers import _in_namesakes_countries

    def city(country: str, lat: float, lon: float) -> Candidate:
        return Candidate(1, "X", "city", country, "A", lat, lon, 1_000)

    far_unit, near_unit = city("SDN", 13.7, 30.4), city("NPL", 27.0, 85.0)
    village = Mention(0, 1, False, candidates=[city("IND", 26.0, 84.0)])
    assert _in_namesakes_countries(village, [far_unit, near_unit]) == [near_unit]  # across the border
    village = Mention(0, 1, False, candidates=[city("SDN", 14.0, 30.0)])
    assert _in_namesakes_countries(village, [far_unit, near_unit]) == [far_unit]  # in the same country
    village = Mention(0, 1, False, candidates=[city("PER", -12.0, -77.0)])
    assert _in_namesakes_countries(village, [far_unit, near_unit]) == [far_unit, near_unit]  # no evidence


def test_a_village_of_a_unit_abroad_from_its_namesake_town_is_the_units(nlp, gazetteer) -> None:
    # A large town of this name is in India; the text calls it a village of a Pakistani tehsil.
    for text in ("Two men were killed in Sultanpur village in Landi Kotal tehsil on Monday.",
                 "Two men were killed in the village of Sultanpur in Landi Kotal tehsil on Monday."):
        village = min(places(nlp, gazetteer, text), key=lambda p: p.span[0])
        assert text[village.span[0]:village.span[1]].startswith("Sultanpur")
        assert (village.country, village.geo_precision) == ("PAK", 2)


def test_a_village_in_a_towns_area_is_near_the_town(nlp, gazetteer) -> None:
    # A town of the village's name lies about 100 km away in the next state: a village under a
    # town's police station, or in its area, is within a district's reach of that town.
    for text in ("Maoists killed a villager in Kondapalli village under Kottagudem police station area.",
                 "Maoists killed a villager in Kondapalli village in Kottagudem area."):
        village = min(places(nlp, gazetteer, text), key=lambda p: p.span[0])
        assert text[village.span[0]:village.span[1]].startswith("Kondapalli")
        assert (village.admin1, village.geo_precision) == ("Telangana", 2)


def test_a_ward_number_after_a_town_is_the_town(nlp, gazetteer) -> None:
    # Nepali papers write a municipality's ward as "<town>-<number>": the place is the town.
    text = "Cadres vandalised a bus at Ghorahi-5 of Dang on Friday."
    town = min(places(nlp, gazetteer, text), key=lambda p: p.span[0])
    assert (town.name, town.country, town.geo_precision) == ("Ghorahi", "NPL", 1)
    assert [c.name for c in gazetteer.lookup("Ghorahi-5")] == ["Ghorahi"]


def test_a_ward_number_is_read_by_the_towns_own_name_only(gazetteer) -> None:
    from strife.extract.places.names import WARD_NUMBERED

    assert all(c.primary for c in gazetteer.lookup("Westabad-3"))
    assert gazetteer.lookup_variants("Westabad-3") == []  # no like-spelled place abroad for a ward
    assert WARD_NUMBERED.match("Westpur-12") and not WARD_NUMBERED.match("Westpur-123")
    for weapon in ("AK-47", "Mi-8", "COVID-19", "MiG-29"):  # no weapon, aircraft or disease is a ward
        assert not WARD_NUMBERED.match(weapon)


def test_a_zone_is_read_only_in_a_country_that_has_zones(nlp, gazetteer) -> None:
    # Ethiopia's second-level units are zones; a German hamlet of the name is no "Kelenso zone".
    assert places(nlp, gazetteer, "Police arrested five men in Kelenso zone.") == []
    assert in_kind_countries([_candidate("DEU", 100), _candidate("ETH", 10)], "zone") == [_candidate("ETH", 10)]


@pytest.mark.parametrize("text", [
    "Security forces killed two militants in a raid in Kasli, Bajaur.",
    "Militants torched a school in Maku, Lower Dir.",
])
def test_a_district_written_after_a_village_outweighs_its_namesake_abroad(nlp, gazetteer, text) -> None:
    """"X, Y district" as ACLED writes it: a district written by its own name after the comma (no
    town shares it) says where the village is, as a first-level region does; a namesake town abroad
    (a Russian Kasli, an Iranian Maku) is not it, and the village falls to the district."""
    found = _where(nlp, gazetteer, text)
    assert found and all(country == "PAK" for _, country, _ in found), found
