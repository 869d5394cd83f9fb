"""Toponym recognition in parsed text: places, parts, regions, qualifiers and metonyms."""

from __future__ import annotations

import pytest

from strife.extract.places import explain_places, find_places, focus_countries_of, is_metonym
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
    _, places = places_in(nlp, gazetteer, "Protesters gathered in Kurnool.")
    assert [(p.name, p.admin1, p.country) for p in places] == [("Kurnool", "Andhra Pradesh", "IND")]


def test_village_qualified_by_its_region(nlp, gazetteer) -> None:
    text = "Clashes in Lutuhyne, Luhansk killed two."
    _, places = places_in(nlp, gazetteer, text)
    assert len(places) == 1, "the qualifier is not a place of its own"
    village = places[0]
    assert (village.name, village.admin1, village.country) == ("Lutuhyne", "Luhansk", "UKR")
    assert haversine_km(village.lat, village.lon, 48.4043, 39.2130) < 25


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


# ---------------------------------------------------------------------------------------------
# qualified toponyms, kind words and attributes (issue 6)


def located(places):
    return [(p.name, p.admin1, p.country) for p in places]


def test_unknown_village_is_placed_at_its_qualifiers(nlp, gazetteer) -> None:
    text = "Unidentified armed men attacked Kibirizi (Walikale, Nord-Kivu) on Monday."
    _, places = places_in(nlp, gazetteer, text)
    assert len(places) == 1, "the qualifiers are not places of their own"
    place = places[0]
    # Placed at the most specific qualifier the gazetteer knows: the district of Walikale, in Nord-Kivu, which
    # has no town of its own known and so sits at its region's place, at region precision.
    assert (place.country, place.admin1, place.feature, place.geo_precision) == ("COD", "Nord Kivu", "region", 3)
    assert place.confidence <= 0.6, "a place known only from its qualifiers is a guess"
    assert written(text, place) == "Kibirizi (Walikale, Nord-Kivu)"


def test_bracketed_region_picks_the_reading_inside_it(nlp, gazetteer) -> None:
    # "Niger" is a country and a Nigerian state; Suleja is in the state.
    _, places = places_in(nlp, gazetteer, "Gunmen attacked Suleja (Tafa LGA, Niger) and abducted residents.")
    assert located(places) == [("Suleja", "Niger", "NGA")]


def test_region_named_next_to_a_village_beats_a_namesake_elsewhere(nlp, gazetteer) -> None:
    # The only Aktove the gazetteer knows is in Mykolaiv: the text says Donetsk.
    _, places = places_in(nlp, gazetteer, "The Ukrainian Forces fired mortars in the area of Aktove, Donetsk.")
    assert [(p.admin1, p.country) for p in places] == [("Donetsk", "UKR")]


def test_region_qualifier_with_its_kind_word(nlp, gazetteer) -> None:
    _, places = places_in(nlp, gazetteer, "Protesters blocked a road in Sinop, Mato Grosso.")
    assert located(places) == [("Sinop", "Mato Grosso", "BRA")]


def test_a_comma_list_is_not_a_qualification(nlp, gazetteer) -> None:
    _, places = places_in(nlp, gazetteer, "Shelling hit Aleppo, Idlib and Hama.")
    assert [p.name for p in places] == ["Aleppo", "Idlib", "Hama"]


def test_kind_words_after_a_name(nlp, gazetteer) -> None:
    text = "A police commander was killed in Kandahar city."
    _, places = places_in(nlp, gazetteer, text)
    assert located(places) == [("Kandahar", "Kandahar", "AFG")]
    assert places[0].feature == "city"


def test_entity_swallowing_brackets_is_split(nlp, gazetteer) -> None:
    # The small model tags "Yerevan (Yerevan, Armenia" as one entity.
    _, places = places_in(nlp, gazetteer, "Supporters held a protest in front of the courthouse in Yerevan (Yerevan, Armenia).")
    assert [(p.name, p.country) for p in places] == [("Yerevan", "ARM")]


def test_a_word_of_a_longer_unknown_name_is_not_a_place(nlp, gazetteer) -> None:
    text = "GNA air force targeted LNA positions at the Al Harsha airbase (An Nuqat Al Khams)."
    _, places = places_in(nlp, gazetteer, text)
    assert all(p.country == "LBY" for p in places), located(places)
    assert "Al" not in [p.name for p in places]


def test_countries_as_attributes_are_not_locations(nlp, gazetteer) -> None:
    text = "A militant was killed by a US drone strike in Sangin district, Helmand. Forces of Armenia fired back."
    doc = nlp(text)
    assert all(p.country != "USA" for p in find_places(doc, gazetteer))
    found = {t.written: t for t in explain_places(doc, gazetteer)}
    assert found["US"].not_a_location and found["US"].place.confidence <= 0.2
    assert found["Sangin district"].place.admin1 == "Helmand"


def test_actor_names_steer_the_focus_country(nlp, gazetteer) -> None:
    # No toponym says where this is; the armed group does (weakly).
    assert focus_countries_of(nlp("Taliban militants attacked a checkpoint on Monday."), gazetteer) == ["AFG"]
    # A toponym outweighs an actor: Turkish forces act in Syria.
    doc = nlp("Turkish forces shelled a village near Raqqa.")
    assert focus_countries_of(doc, gazetteer)[0] == "SYR"


def test_explanations_list_the_readings_weighed(nlp, gazetteer) -> None:
    found = explain_places(nlp("Clashes erupted in Tripoli (Tripoli)."), gazetteer)
    assert len(found) == 1
    data = found[0].to_dict(explain=True)
    scores = [c["score"] for c in data["candidates"]]
    assert scores == sorted(scores, reverse=True) and len(scores) > 1
    assert data["place"]["country"] == data["candidates"][0]["country"]


def test_event_takes_the_most_specific_place_of_its_sentence(engine) -> None:
    from strife.model import Article

    text = "On 8 May 2020, 1 Taliban militant was killed by a US drone strike in Sangin district, Helmand."
    outcome = next(iter(engine.run([Article(text=text, published="2020-05-08")])))
    located_events = [e for e in outcome.result.events if e.location is not None]
    assert located_events, "the strike has a place"
    assert {(e.location.admin1, e.location.country) for e in located_events} == {("Helmand", "AFG")}


def test_a_town_that_is_not_a_capital_is_never_read_as_a_state(engine) -> None:
    from strife.model import Article

    text = "On 9 May 2020, citizens protested from their balconies in Mali Idjos, Serbia, against the government."
    outcome = next(iter(engine.run([Article(text=text, published="2020-05-09")])))
    assert [(e.location.name, e.location.country) for e in outcome.result.events if e.location] == [("Mali Idjos", "SRB")]


def test_another_spelling_after_a_locative_cue_in_the_focus_country(nlp, gazetteer) -> None:
    # GeoNames writes Kafr Qasim; the text "Kafr Qaseem", in an article about Israel.
    text = "Shop owners protested in Kafr Qaseem, a town in central Israel, on Tuesday."
    _, places = places_in(nlp, gazetteer, text)
    kafr = [p for p in places if written(text, p).startswith("Kafr")]
    assert [(p.country, p.feature) for p in kafr] == [("ISR", "city")]


def test_another_spelling_abroad_is_not_a_place(nlp, gazetteer) -> None:
    # "Firsa" is a company; a skeleton match in Iran must not move a protest in Argentina.
    text = "In Puerto Madryn (Chubut), workers of Firsa protested to demand their unpaid wages."
    _, places = places_in(nlp, gazetteer, text)
    assert {p.country for p in places} == {"ARG"}


def test_word_of_a_longer_name_is_not_a_famous_namesake(nlp, gazetteer) -> None:
    text = "The military bombed militant targets in Rio Megaruma (Ancuabe, Cabo Delgado)."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.country, p.admin1) for p in places] == [("MOZ", "Cabo Delgado")]
    assert written(text, places[0]).startswith("Rio Megaruma")


def test_unknown_village_placed_at_its_district(nlp, gazetteer) -> None:
    text = "Presumed militants ambushed a gendarmerie unit in Kolmaro (Tongomayel, Soum) on Monday."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.country, p.admin1, p.feature, p.geo_precision) for p in places] == [("BFA", "Sahel", "region", 2)]


def test_region_abbreviation_qualifies_a_district(nlp, gazetteer) -> None:
    text = "Militants attacked a camp in Wazirbagh city (Ganderbal district, J&K) on Monday."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.country, p.admin1) for p in places] == [("IND", "Jammu and Kashmir")]


def test_possessive_of_a_capital_before_a_place_noun_is_a_location(nlp, gazetteer) -> None:
    text = "Taxi drivers demonstrated outside the Interior Ministry in Beirut's Gemmayzeh area."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.name, p.country) for p in places] == [("Beirut", "LBN")]


# --- third session: containment, unsupported namesakes, actor countries ---------------------------------


def test_a_place_written_in_a_region_is_the_reading_inside_it(nlp, gazetteer) -> None:
    # Ariha is also the Arabic name of a West Bank town; "in Idlib province" says which.
    text = "Hundreds demonstrated on Friday in the town of Ariha in Idlib province."
    _, places = places_in(nlp, gazetteer, text)
    ariha = [p for p in places if written(text, p) == "Ariha"]
    assert [(p.country, p.admin1, p.feature) for p in ariha] == [("SYR", "Idlib", "city")]


def test_a_village_known_only_abroad_is_placed_at_the_region_containing_it(nlp, gazetteer) -> None:
    # The gazetteer's only Dardara is in Morocco; the text puts it in the countryside of Ras al-Ain, Syria.
    text = "Artillery shelled the village of Dardara in the countryside of Ras Al Ain in Al-Hasakeh on Monday."
    _, places = places_in(nlp, gazetteer, text)
    dardara = [p for p in places if written(text, p) == "Dardara"]
    assert [(p.country, p.admin1) for p in dardara] == [("SYR", "Hasakah")]
    assert {p.country for p in places} == {"SYR"}


def test_a_small_namesake_in_an_unsupported_country_is_not_a_location(nlp, gazetteer) -> None:
    # Zesso names a village in Côte d'Ivoire; the article's actors are Malian.
    text = "Malian soldiers and JNIM fighters clashed near the commune of Zesso on Sunday."
    doc = nlp(text)
    assert focus_countries_of(doc, gazetteer)[0] == "MLI"
    places = find_places(doc, gazetteer)
    assert "CIV" not in {p.country for p in places}
    assert [(p.country, p.feature, p.geo_precision) for p in places] == [("MLI", "country", 3)]


def test_a_town_the_parser_tags_keeps_its_country_whoever_acts_there(nlp, gazetteer) -> None:
    text = "Turkish forces closed all of Manbij's entrances until further notice."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.name, p.country) for p in places] == [("Manbij", "SYR")]


def test_demonyms_are_never_places(nlp, gazetteer) -> None:
    text = "QSD and Turkish forces clashed from the Turkish side of the border near Amuda in al-Hasakeh."
    _, places = places_in(nlp, gazetteer, text)
    assert "Turkish" not in {written(text, p) for p in places}
    assert {p.country for p in places} == {"SYR"}


def test_brackets_place_a_village_whose_only_namesake_is_abroad(nlp, gazetteer) -> None:
    # The gazetteer's Qibyah is in the West Bank; the brackets say Juban, Ad Dali, Yemen.
    text = "Artillery shelled civilian areas of Qibyah (Juban, Ad Dali) with no reports of injuries."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.country, p.admin1) for p in places] == [("YEM", "Ad Dali")]


def test_a_name_with_imeni_is_one_name(nlp, gazetteer) -> None:
    text = "Forces fired mortars at positions in the area of Rudnik imeni Ostapenka, Donetsk, on Monday."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.country, p.admin1) for p in places] == [("UKR", "Donetsk")]
    assert written(text, places[0]).startswith("Rudnik imeni Ostapenka")


def test_a_mission_working_in_one_country_sets_the_focus(nlp, gazetteer) -> None:
    doc = nlp("The OSCE SMM observed 12 explosions overnight near the frontline.")
    assert focus_countries_of(doc, gazetteer) == ["UKR"]


def test_with_no_toponym_the_actors_country_is_the_place(nlp, gazetteer) -> None:
    text = "Houthi forces shelled farms on Monday, killing two farmers."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.name, p.country, p.geo_precision, written(text, p)) for p in places] == [("Yemen", "YEM", 3, "Houthi")]
    # At the capital, as ACLED codes a country-level event.
    assert haversine_km(places[0].lat, places[0].lon, 15.35, 44.21) < 25


def test_event_with_only_an_actor_country_is_placed_in_it(engine) -> None:
    from strife.model import Article

    text = "On 3 May 2020, Houthi forces shelled farms, killing two farmers."
    outcome = next(iter(engine.run([Article(text=text, published="2020-05-03")])))
    assert {(e.location.country, e.location.geo_precision) for e in outcome.result.events if e.location} == {("YEM", 3)}


def test_a_neighbourhood_read_in_another_region_belongs_to_the_town_written_with_its_region(engine) -> None:
    from strife.model import Article

    # The gazetteer's Laranjeiras are in Paraná and Sergipe; the article's town is Sinop, Mato Grosso.
    text = "On 4 May 2020, in Sinop, Mato Grosso, a man was stabbed in Laranjeiras neighborhood by an armed man."
    outcome = next(iter(engine.run([Article(text=text, published="2020-05-04")])))
    assert {(e.location.name, e.location.admin1) for e in outcome.result.events if e.location} == {("Sinop", "Mato Grosso")}


def test_a_place_people_came_from_is_not_where_they_clashed(engine) -> None:
    from strife.model import Article

    text = ("On 6 May 2020, migrant laborers from Bihar clashed at a railway station in Rewa town "
            "(Rewa, Madhya Pradesh) over food packets.")
    outcome = next(iter(engine.run([Article(text=text, published="2020-05-06")])))
    assert {(e.location.name, e.location.admin1) for e in outcome.result.events if e.location} == {("Rewa", "Madhya Pradesh")}


def test_names_written_with_apostrophes_for_arabic_letters_are_names(nlp, gazetteer) -> None:
    text = "Gunmen opened fire on a checkpoint on the outskirts of a village in Dar'a on Monday."
    _, places = places_in(nlp, gazetteer, text)
    assert [(written(text, p), p.country, p.admin1) for p in places] == [("Dar'a", "SYR", "Daraa")]


def test_another_spelling_in_an_article_nothing_else_places(nlp, gazetteer) -> None:
    # GeoNames writes Jablah, and only in Syria; nothing else in the text says where it is.
    text = "Coalition forces brought reinforcements to their base in Jebleh on Friday."
    _, places = places_in(nlp, gazetteer, text)
    assert [(p.country, p.admin1) for p in places] == [("SYR", "Latakia")]
    assert places[0].confidence <= 0.4
    # A demonym is never such a place, and the actors' country wins over a spelling abroad.
    _, places = places_in(nlp, gazetteer, "Taliban militants attacked a post in Jebleh on Friday.")
    assert [(p.country, p.feature) for p in places] == [("AFG", "country")]


def event_places(engine, text: str) -> set[tuple]:
    """(name, admin1, country) of every located event the full pipeline codes in `text`."""
    from strife.model import Article

    outcome = next(iter(engine.run([Article(text=text, published="2020-05-04")])))
    return {(e.location.name, e.location.admin1, e.location.country) for e in outcome.result.events if e.location}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The small model tags only "Sao Mateus" of "Sao Mateus do Sul" and "Rio Branco" (a bigger town) of "Rio Branco do Sul".
        ("On 28 April 2020, a man's body was found in Sao Mateus do Sul city in Parana state.", "Sao Mateus do Sul", "BRA"),
        ("On 5 May 2020, in Rio Branco do Sul, Parana, a man was shot to death.", "Rio Branco do Sul", "BRA"),
    ],
)
def test_an_entity_cut_short_grows_to_the_name_the_gazetteer_knows(nlp, gazetteer, text, name, country) -> None:
    _, places = places_in(nlp, gazetteer, text)
    assert (places[0].name, places[0].country) == (name, country)
    assert written(text, places[0]).startswith(name)


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2020, Taliban militants ambushed 4 local policemen in Kala Dewana I area of Pul-e Sarkash district, Baghlan.",
        "On 29 April 2020, a demonstration took place in the Jezzine town of Ain el Qortbaneh against the detentions.",
    ],
)
def test_an_entity_cut_short_of_an_unknown_name_is_not_a_namesake_abroad(nlp, gazetteer, text) -> None:
    # "Kala" is an alternate name of Calais, "Ain" a French department.
    _, places = places_in(nlp, gazetteer, text)
    assert {p.country for p in places} <= {"AFG", "LBN"}
    assert places


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The government declared a state of siege in Haiti on Saturday.", "HTI"),
        ("Helicopters evacuated the wounded from the besieged Bosnian town of Gorazde on Friday.", "BIH"),
        ("Zambia extradited a suspected militant to Britain on Sunday.", "GBR"),
    ],
)
def test_a_day_after_a_name_does_not_make_it_part_of_a_longer_one(nlp, gazetteer, text, country) -> None:
    _, places = places_in(nlp, gazetteer, text)
    assert country in {p.country for p in places if p.confidence >= 0.5}


def test_a_place_qualified_by_its_own_name_is_in_that_region(nlp, gazetteer) -> None:
    _, places = places_in(nlp, gazetteer, "On 4 May 2020, in Santa Ana (Santa Ana), workers protested.")
    assert (places[0].country, places[0].admin1) == ("SLV", "Santa Ana")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("On 4 May 2020, an IED exploded near Zuhayrah town in Deir-ez-Zor when QSD passed by it.", "Deir-ez-Zor"),
        ("On 6 May 2020, an airstrike killed 2 Taliban militants in Fayzabad district, Jowzjan.", "Jowzjan"),
        ("On 7 May 2020, in Calpulalpan, Veracruz, two armed men attacked a man.", "Veracruz"),
    ],
)
def test_a_qualifying_region_beats_a_bigger_namesake_elsewhere_in_the_country(nlp, gazetteer, text, admin1) -> None:
    _, places = places_in(nlp, gazetteer, text)
    assert places[0].admin1 == admin1


def test_the_widest_qualifier_is_the_region_not_a_village_of_its_name(nlp, gazetteer) -> None:
    # Guasabe is a misspelling the gazetteer lacks; "Sinaloa" is also a village in Chiapas.
    _, places = places_in(nlp, gazetteer, "On 8 May 2020, in Guasabe, Sinaloa, two armed men attacked a man.")
    assert (places[0].admin1, places[0].country, places[0].feature) == ("Sinaloa", "MEX", "admin1")


def test_a_town_qualifier_places_a_neighbourhood_known_only_far_away(nlp, gazetteer) -> None:
    # The gazetteer's only Busay is a village in Western Visayas; "Cebu City" is a name, not Cebu + city.
    text = "On 8 May 2020, demonstrators staged a protest in Busay, Cebu City after the broadcaster went off air."
    _, places = places_in(nlp, gazetteer, text)
    assert (places[0].name, places[0].admin1) == ("Cebu City", "Central Visayas")


def test_kind_words_between_a_name_and_its_brackets(nlp, gazetteer) -> None:
    text = "On 6 May 2020, India and Pakistan exchanged fire across the LoC in Bhimber sector area (Kupwara district, J&K)."
    _, places = places_in(nlp, gazetteer, text)
    bhimber = next(p for p in places if written(text, p).startswith("Bhimber"))
    # Not Bhimber in Azad Kashmir: placed at the district the brackets name.
    assert (bhimber.country, bhimber.admin1) == ("IND", "Jammu and Kashmir")


def test_a_clan_named_like_a_town_is_not_a_place(nlp, gazetteer) -> None:
    text = ("On 6 May 2020, militiamen from the Kendal sub-clan of Reer Kolmo clan killed a pastoralist "
            "near Kolmaro village (Adado, Galgaduud).")
    _, places = places_in(nlp, gazetteer, text)
    assert {p.country for p in places} == {"SOM"}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("On 5 May 2020, forces shelled fighters firing at homes on Sanaa Street in the city of Taiz.", "Taiz"),
        ("On 5 May 2020, police dispersed protesters on Damascus Street in Beirut.", "Beirut"),
        ("On 2 May 2020, journalists held a protest outside the Geo office on Kohat road in Sargodha city.",
         "Sargodha"),
        ("On 7 May 2020, in Puerto Vallarta, Jalisco, armed men attacked two men in Colonia Las Brisas.", "Puerto Vallarta"),
    ],
)
def test_a_street_or_neighbourhood_named_after_a_town_is_not_where_it_happened(engine, text, town) -> None:
    assert {name for name, _, _ in event_places(engine, text)} == {town}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("On 6 May 2020, 3 Katyusha rockets fell near Baghdad airport.", "Baghdad"),
        ("On 28 April 2020, about 30 doctors rallied outside a central Athens hospital.", "Athens"),
        ("On 28 April 2020, guards beat up a contractor in Monrovia city (Greater Monrovia, Montserrado).", "Monrovia"),
        ("On 8 May 2020, members of the church staged a protest at the cathedral in Malate, Manila.", "Manila"),
    ],
)
def test_a_capital_naming_where_something_is_places_the_event(engine, text, town) -> None:
    assert town in {name for name, _, _ in event_places(engine, text)}


def test_focus_support_without_a_mention_is_the_focus_of_the_other_votes(nlp, gazetteer) -> None:
    from strife.extract.places import focus

    doc = nlp("Houthi forces shelled Taizz and Aden. Syrian troops entered Idlib, Washington said, "
              "while Rovenky and Kabul saw clashes. Russian jets struck Homs.")
    mentions, votes = focus.mentions_and_votes(doc, gazetteer)
    names = [m.name(doc) for m in mentions]
    support = focus.FocusSupport(votes, names)
    assert len({v.country for v in votes}) >= 3
    for index in range(len(mentions)):
        others = [v for v in votes if v.mention is None or names[v.mention] != names[index]]
        assert support.without(index) == frozenset(focus.focus_of(others)), index


def test_last_mention_in_answers_as_a_scan_of_every_mention(nlp, gazetteer) -> None:
    from strife.extract.places import mentions, qualifiers

    doc = nlp("Clashes hit Kibirizi (Walikale, Nord-Kivu), Aleppo, Idlib and Hama, then Lutuhyne, Luhansk, "
              "and Rampur, Bareilly (UP) on Monday; Gorazde and Rio Branco do Sul, Parana were calm.")
    found = mentions.candidate_mentions(doc, gazetteer)
    starts = [m.start for m in found]
    assert len(found) >= 8
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 8) + 1):
            scanned = next((m for m in reversed(found) if start <= m.start and m.end <= end and m.candidates), None)
            assert qualifiers._last_mention_in(found, starts, start, end, set()) is scanned


def test_a_name_is_read_in_the_focus_the_rest_of_the_article_gives(nlp, gazetteer) -> None:
    # Tripoli alone votes for Libya (a capital, the bigger town); the rest of this text says Lebanon.
    text = ("On 29 April 2020, protesters of the movement against the political system in Lebanon gathered "
            "in Tebnine. Protesters in Tripoli also gathered.")
    _, places = places_in(nlp, gazetteer, text)
    assert [(written(text, p), p.country) for p in places] == [("Lebanon", "LBN"), ("Tebnine", "LBN"), ("Tripoli", "LBN")]
    _, alone = places_in(nlp, gazetteer, "Protesters in Tripoli gathered outside the court.")
    assert [p.country for p in alone] == ["LBY"]


def test_focus_ranked_without_a_mention_is_the_focus_of_the_other_votes(nlp, gazetteer) -> None:
    from strife.extract.places import focus

    doc = nlp("Houthi forces shelled Taizz and Aden. Syrian troops entered Idlib, Washington said, "
              "while Rovenky and Kabul saw clashes. Russian jets struck Homs and Aleppo, then Aden again.")
    mentions, votes = focus.mentions_and_votes(doc, gazetteer)
    names = [m.name(doc) for m in mentions]
    assert names.count("Aden") == 2
    support = focus.FocusSupport(votes, names)
    for index in range(len(mentions)):
        others = [v for v in votes if v.mention is None or names[v.mention] != names[index]]
        assert support.ranked_without(index) == focus.focus_of(others)


def test_focus_support_keeps_each_names_answer(nlp, gazetteer) -> None:
    """`FocusSupport` keeps each name's answer: asked again (of the name's other mention too), the
    same focus as the first time, whatever a caller did to the list it got."""
    from strife.extract.places import focus

    doc = nlp("Houthi forces shelled Taizz and Aden. Syrian troops entered Idlib, Washington said, "
              "while Rovenky and Kabul saw clashes. Russian jets struck Homs and Aleppo, then Aden again.")
    mentions, votes = focus.mentions_and_votes(doc, gazetteer)
    names = [m.name(doc) for m in mentions]
    support = focus.FocusSupport(votes, names)
    first = [support.ranked_without(index) for index in range(len(mentions))]
    for got in first:
        got.reverse()
    fresh = focus.FocusSupport(votes, names)
    for index in reversed(range(len(mentions))):
        assert support.ranked_without(index) == fresh.ranked_without(index) == first[index][::-1]
        assert support.without(index) == frozenset(first[index])
    assert len(support._ranked) == len(set(names)) < len(names)


def test_a_region_written_with_its_kind_word_sets_the_focus(nlp, gazetteer) -> None:
    # "Papua province" is a compound of its own kind word; it still says the article is in Indonesia.
    text = ("On 30 April 2020, villagers clashed in Bate village, coded as Demta district, Jayapura regency, "
            "Papua province.")
    _, places = places_in(nlp, gazetteer, text)
    bate = next(p for p in places if written(text, p).startswith("Bate"))
    assert bate.country == "IDN"


def test_one_name_is_one_place_in_a_paragraph(nlp, gazetteer) -> None:
    text = "An arson attack hit a chemical plant in Kartal industrial zone in Kartal, Istanbul."
    _, places = places_in(nlp, gazetteer, text, include_metonyms=True)
    kartals = [(p.name, p.admin1) for p in places if p.name == "Kartal"]
    assert kartals == [("Kartal", "Istanbul")] * 2  # the first mention too, not Kartal in Hungary or Gaziantep


def test_a_name_written_twice_does_not_vouch_for_itself(nlp, gazetteer) -> None:
    # GeoNames has a Kresh in France; the Kresh here are a people, twice.
    text = ("Militiamen clashed with farmers (presumed members of the Kolmo clan of the Kresh) in Raga "
            "county (Western Bahr el Ghazal). 3 Kresh were killed and 2 wounded.")
    found = explain_places(nlp(text), gazetteer)
    assert [t.place.country for t in found if not t.not_a_location] == ["SSD"]


def test_a_people_named_like_a_town_does_not_set_the_focus(nlp, gazetteer) -> None:
    text = "Ibo elders demanded that control of the Nigerian Interior Ministry be taken away from Hausa politicians."
    assert focus_countries_of(nlp(text), gazetteer)[:1] == ["NGA"]


def test_a_compass_word_before_a_name_is_a_direction_not_a_town(engine):
    """'Northwest Nigeria's Zamfara State': Northwest is the part of Nigeria, not a town named Northwest."""
    from strife.model import Article

    result = engine.code(Article(text="Gunmen killed 18 people in Northwest Nigeria's Zamfara State on Tuesday."))
    assert [p.name.lower() for p in result.places if p.name.lower() == "northwest"] == []
    assert {p.country for p in result.places} == {"NGA"}


def test_one_compass_word_test_and_one_demonym_lookup():
    """is_direction reads geo_parts.csv's compass words; demonym_country is the country of a country's
    adjective, none for a people's ("Arab") or for a word that is no adjective."""
    from strife.extract.places.names import HYPHENS, is_direction
    from strife.extract.places.plausibility import demonym_country, is_demonym

    assert all(is_direction(w) for w in ("north", "south-eastern", "central", "northwestern"))
    assert not any(is_direction(w) for w in ("outskirts", "market", "Northwestern"))
    assert "-" in HYPHENS and "–" in HYPHENS and "—" not in HYPHENS
    assert demonym_country("Malian") == "MLI"
    assert is_demonym("Arab") and demonym_country("Arab") is None
    assert demonym_country("Westvalian") is None and not is_demonym("Westvalian")
