"""Made-up notes in the style of ACLED's older coders (Africa 2016, South Asia 2015): where a
coder records the event (issue #23). Every village name is invented; the units, regions and
capitals are real, as a coder's note names them. Each note guards a convention of the codebook or
a rule of English place-writing:

- a village the gazetteer lacks, told with its unit and the unit's type word ("X village in Y
  Local Government Area", "Y district", "Z county", "W region", "V territory", "U upazila"), is
  placed at the smallest unit named (precision 2 for a district, 3 for a region), in that unit's
  country, never at a namesake of the village abroad;
- a region written with its type word is read even when spelled otherwise than the gazetteer
  spells it ("Galgaduud region"), and then outranks a near-namesake of a village abroad;
- a municipality is known by the name people write, without GeoNames' type words ("Chris
  Hani", not "... District Municipality"), even when the parser takes it for a person;
- a capital or a town of its own placed where it is;
- a village written in a unit of one country and known to the gazetteer only as another name of
  a large town abroad is the unit's village ("Boni village in Lamu county" is not Bonn);
- a village read only as a namesake in another part of the world from the country the note's
  actors say is no place of the event: the note is placed in the actors' country, at precision 3
  (a namesake near that country, across a border, may be where they went, and stays).
"""

from __future__ import annotations

import pytest

from strife.resolve.distance import km_apart
from strife.resolve.gazetteer_build import admin1_affixes, strip_admin_affixes
from strife.resolve.geocode import Gazetteer

NOTES = [
    ('Gunmen attacked Tudun Barkono village in Kauru Local Government Area of Kaduna state, killing four residents.',
     'NGA', 'Kaduna'),
    ('Herdsmen raided Agbaduvu village in Agatu local government area, Benue state, killing seven farmers.',
     'NGA', 'Benue'),
    ('Suspected Boko Haram militants killed three fishermen near Kwatamandi village in Ngala LGA.',
     'NGA', 'Borno'),
    ('Boko Haram insurgents attacked Lawanjiri village, Konduga LGA, Borno State. Two killed.',
     'NGA', 'Borno'),
    ('Unknown gunmen abducted a traditional ruler in Akoko-Edo local government of Edo state.',
     'NGA', 'Edo'),
    ('Fulani herdsmen attacked Ukpadoma village in Ohimini LGA, killing 12.',
     'NGA', 'Benue'),
    ('Al Shabaab militants attacked a government base in Buulo Dhaqane village in Lower Shabelle region. Three soldiers killed.',
     'SOM', 'Lower Shabeelle'),
    ('AMISOM and SNA forces clashed with Al Shabaab near Dhuun Qorrax in Bay region.',
     'SOM', 'Bay'),
    ('Clan militias fought over grazing land in Ceel Dhiig area of Galgaduud region, killing two.',
     'SOM', 'Galguduud'),
    ('Al Shabaab fighters took control of Garileey town in Middle Juba region after government troops withdrew.',
     'SOM', 'Middle Juba'),
    ('FARDC soldiers clashed with Mai-Mai militiamen in Bulengera village, Lubero territory, North Kivu.',
     'COD', 'Nord Kivu'),
    ('ADF rebels killed five civilians in Mamokwa village, Beni territory.',
     'COD', 'Nord Kivu'),
    ('Unidentified armed men looted Kisangwele village in Fizi territory, South Kivu province.',
     'COD', 'South Kivu'),
    ('Mai-Mai Nyabiondo militiamen attacked a mining site near Kalongelo in Kalehe territory.',
     'COD', 'South Kivu'),
    ('SPLA soldiers and SPLA-IO forces clashed in Morobo county of Central Equatoria state, killing six.',
     'SSD', 'Central Equatoria'),
    ('Cattle raiders from a neighbouring community killed 11 people in Pariang county, Unity state.',
     'SSD', 'Unity'),
    ('SAF aircraft bombed Kaudaro area in South Kordofan state, killing two children.',
     'SDN', 'Southern Kordofan'),
    ('RSF forces clashed with SLA-AW fighters in Jebel Tagabo area of Central Darfur.',
     'SDN', 'Central Darfur'),
    ('Unidentified gunmen killed a ruling party official in Mutimbuzi commune of Bujumbura Rural province.',
     'BDI', 'Bujumbura Rural'),
    ('A grenade attack in Kanyosha neighbourhood of Bujumbura injured three people.',
     'BDI', 'Bujumbura Mairie'),
    ('Residents of Mbalambu village in Tana River county protested over insecurity.',
     'KEN', 'Tana River'),
    ('Suspected Al Shabaab militants attacked a police camp in Arabiya area of Mandera county.',
     'KEN', 'Mandera'),
    ('Al Shabaab militants attacked Kotulow village in Wajir county, killing a chief.',
     'KEN', 'Wajir'),
    ('KDF soldiers repulsed an Al Shabaab attack on their camp at Baurengi in Lamu county.',
     'KEN', 'Lamu'),
    ('Liyu police killed six herders near Daratoleh village in Somali region.',
     'ETH', 'Somali'),
    ('Boko Haram militants raided Kolofadi village in Far North region of Cameroon, killing two.',
     'CMR', 'Far North'),
    ('Taliban militants attacked a police checkpoint in Khas Uruzgan district of Uruzgan province, killing five policemen.',
     'AFG', 'Oruzgan'),
    ('ANA forces conducted an operation against Taliban in Sangin district of Helmand province; 12 insurgents killed.',
     'AFG', 'Helmand'),
    ('A roadside bomb killed three civilians in Khogyani district, Nangarhar.',
     'AFG', 'Nangarhar'),
    ('Militants blew up a gas pipeline in Dera Bugti district of Balochistan.',
     'PAK', 'Balochistan'),
    ('A landmine blast killed two Levies personnel in Kohlu district.',
     'PAK', 'Balochistan'),
    ('Maoists torched three vehicles at a road construction site in Bijapur district of Chhattisgarh.',
     'IND', 'Chhattisgarh'),
    ('Villagers of Dhaulpuri village in Khunti district protested against land acquisition.',
     'IND', 'Jharkhand'),
    ('NSCN-K militants ambushed an Assam Rifles patrol in Chandel district of Manipur.',
     'IND', 'Manipur'),
    ('Suspected ULFA-I militants killed a trader in Dibrugarh district.',
     'IND', 'Assam'),
    ('Unidentified assailants hacked a Hindu priest to death in Debiganj upazila of Panchagarh district.',
     'BGD', 'Rangpur'),
    ('Unidentified men attacked the house of an opposition politician in Kurunegala district.',
     'LKA', 'North Western'),
    ('The Tatmadaw and the KIA clashed near Mohnyin township in Kachin state.',
     'MMR', 'Kachin'),
    ('Taxi drivers blocked roads in Motherwell township in Chris Hani.',
     'ZAF', 'Eastern Cape'),
    ('Parents marched in Kwazakhele to demand school meals at creches in Chris Hani.',
     'ZAF', 'Eastern Cape'),
    ('Protesters staged a sit-in at Maitighar, Kathmandu, demanding federalism.',
     'NPL', 'Central'),
    ('A magnetic bomb attached to a government vehicle exploded in Kabul, wounding two.',
     'AFG', 'Kabul'),
    ('Al Shabaab fighters fired mortars at the presidential palace in Mogadishu.',
     'SOM', 'Banaadir'),
]


def _row_place(row_event, text: str):
    """The place of the note's row, as a user's ACLED export holds it (the notes are of June 2016)."""
    event = row_event(text, "2016-06-20")
    assert event is not None, "no event coded"
    return event.location


@pytest.mark.parametrize(("note", "country", "admin1"), NOTES)
def test_a_note_is_placed_in_its_country_and_region(row_event, note: str, country: str, admin1: str) -> None:
    place = _row_place(row_event, note)
    assert place is not None
    assert (place.country, place.admin1) == (country, admin1)


IN_ITS_UNIT = [
    ("Police killed two suspected militants in Boni village in Lamu county.", "KEN", "Lamu"),
    ("Militants blew up a gas pipeline near Kala in Dera Bugti district.", "PAK", "Balochistan"),
    # a region written after the comma by its own name, the parser taking it for an organisation
    ("Unknown gunmen killed a village chief in Ndjamba, Ouham-Pende.", "CAF", "Ouham-Pendé"),
]

WITH_ITS_KIND_WORD = [
    # a name the gazetteer lacks, written with its kind word and qualified after a comma by a region
    # spelled otherwise than the gazetteer spells it
    ("Al Shabaab militants attacked Buulo Xaajiyow village, Middle Shabelle, killing two.", "SOM", "Middle Shabele"),
    ("Gunmen raided Gidan Kwarra village, Zamfara State, and abducted six.", "NGA", "Zamfara"),
]


@pytest.mark.parametrize(("note", "country", "admin1"), WITH_ITS_KIND_WORD)
def test_a_village_written_as_one_falls_to_the_region_after_the_comma(row_event, note: str, country: str,
                                                                     admin1: str) -> None:
    place = _row_place(row_event, note)
    assert (place.country, place.admin1, place.geo_precision) == (country, admin1, 3)


@pytest.mark.parametrize(("note", "country", "admin1"), IN_ITS_UNIT)
def test_another_name_of_a_town_abroad_yields_to_the_unit_named(row_event, note: str, country: str, admin1: str) -> None:
    place = _row_place(row_event, note)
    assert (place.country, place.admin1) == (country, admin1)
    assert place.geo_precision in (2, 3)


ACTORS_COUNTRY = [
    ("Boko Haram militants attacked Dalo village, killing four.", "NGA"),
    ("Taliban insurgents attacked a police post in Dalo, killing two policemen.", "AFG"),
    ("Al Shabaab militants executed two men in Lamba village.", "SOM"),
    # a country's own police and paramilitary forces say where (geo_focus_cues.csv)
    ("Liyu police killed four herders in Kala.", "ETH"),
    ("CRPF personnel fired at stone pelters in Dalo village.", "IND"),
    # a people's adjective ("Somali elders") does not outvote a state's police named twice
    ("Liyu police detained 40 Somali elders in Gorrowe Dheer village. Liyu police later released them.", "ETH"),
]


@pytest.mark.parametrize(("note", "country"), ACTORS_COUNTRY)
def test_a_namesake_far_abroad_yields_to_the_actors_country(row_event, note: str, country: str) -> None:
    place = _row_place(row_event, note)
    assert (place.country, place.geo_precision) == (country, 3)


def test_a_namesake_across_a_border_stays(row_event) -> None:
    place = _row_place(row_event, "Hezbollah fighters clashed with rebels in Masyaf.")
    assert (place.country, place.geo_precision) == ("SYR", 1)


def test_a_village_unknown_to_the_gazetteer_falls_to_its_named_unit(row_event) -> None:
    place = _row_place(row_event, "Gunmen killed two farmers in Gidan Tsamiya village in Kauru Local Government Area.")
    assert (place.country, place.geo_precision, place.name) == ("NGA", 2, "Kauru")


def test_municipal_type_words_are_stripped_from_unit_names() -> None:
    prefixes, suffixes = admin1_affixes()
    assert strip_admin_affixes("Westvale Bay Metropolitan Municipality", prefixes, suffixes) == "westvale bay"
    assert strip_admin_affixes("Hollin District Municipality", prefixes, suffixes) == "hollin"
    assert strip_admin_affixes("Hollin Local Municipality", prefixes, suffixes) == "hollin"
    assert strip_admin_affixes("Westguji Zone", prefixes, suffixes) == "westguji"  # Ethiopia's zones


def test_a_zone_is_found_by_the_name_written_before_the_word() -> None:
    """GeoNames names some of Ethiopia's zones with the word ("X Zone"), others without; a note writes
    "in X zone", and "zone" is a generic word dropped before look-up: the zone is indexed by its bare name."""
    assert any(c.country == "ETH" and c.kind == "admin2" for c in Gazetteer.default().lookup("Wag Hemra"))


@pytest.mark.parametrize("kind", ["village", "district", "town"])
def test_an_unknown_village_written_with_its_country_is_placed_in_that_country(row_event, kind: str) -> None:
    """"X village, Somalia": the village is unknown, so the event is placed at the country after
    the comma; the name before its kind word is a compound of that word, not a country used as an
    attribute ("US drone strike"), so the place is kept."""
    place = _row_place(row_event, f"Gunmen killed two herders in Dhagax Yare {kind}, Somalia.")
    assert place is not None and place.country == "SOM"


@pytest.mark.parametrize(("qualifier", "country"), [("DRC", "COD"), ("UAE", "ARE")])
def test_a_countrys_listed_short_form_qualifies_a_village(row_event, qualifier: str, country: str) -> None:
    """A country's listed short form (geo_country_aliases.csv) qualifies a name as a region's alias does;
    other short forms in brackets ("(IS)") still never do."""
    place = _row_place(row_event, f"Unknown gunmen killed two traders in Kisanga Mbili village, {qualifier}.")
    assert place is not None and place.country == country


@pytest.mark.parametrize(("note", "country"), [
    ("Militants attacked a police post in Kilamba, Burundi; one policeman was injured.", "BDI"),  # not Angola's
    ("Gunmen killed three men in Paris, Texas.", "USA"),  # a region qualifier keeps its own rule
    ("Protesters marched through Texas, USA.", "USA"),  # a region is never a village
])
def test_a_country_written_after_a_town_says_where_it_is(row_event, note: str, country: str) -> None:
    """A country written after a name ("Kilamba, Burundi") places a village the gazetteer knows only
    abroad in that country, even when the namesake abroad is a large town."""
    place = _row_place(row_event, note)
    assert place is not None and place.country == country


# Real Ukrainian names, as the gazetteer needs (no dev record names any of them): two villages of one
# name in one region, hundreds of km apart; the district written after the name is near the smaller.
NAMESAKES_IN_ONE_REGION = [
    ("Unknown gunmen set fire to a barn in Shevchenkove (Berezivka, Odesa).", "Berezivka"),
    ("Unknown gunmen set fire to a barn in Pokrovske (Nikopol district, Dnipropetrovsk).", "Nikopol"),
]


def _district_seats(district: str) -> list:
    return [c for c in Gazetteer.default().lookup(district) if c.country == "UKR" and c.kind == "admin2"]


@pytest.mark.parametrize(("note", "district"), NAMESAKES_IN_ONE_REGION)
def test_of_a_regions_namesakes_the_one_in_the_named_district_is_meant(row_event, note: str, district: str) -> None:
    """"X (District, Region)": of the region's villages called X, the note means the one in that
    district, not a larger namesake across the region (`Containers.near_seat`)."""
    place = _row_place(row_event, note)
    seats = _district_seats(district)
    assert place is not None and place.country == "UKR" and seats
    assert min(km_apart(place, s) for s in seats) <= 25


def test_without_a_district_the_larger_namesake_stays(row_event) -> None:
    place = _row_place(row_event, "Unknown gunmen set fire to a barn in Pokrovske, Dnipropetrovsk.")
    assert place is not None and place.admin1 == "Dnipropetrovsk"
    assert all(km_apart(place, s) > 60 for s in _district_seats("Nikopol"))


# "Y of Z", "Y in Z": a place written as the holder of the one before it is the wider of the two, even
# where the gazetteer reads the holder as its seat town; ACLED codes the smallest unit named.
HELD_BY_THE_NEXT = [
    ("Three villagers were injured in a clash with border guards at Dorkapur village in Ulipur upazila "
     "of Kurigram on Tuesday.", "Ulipur"),
    ("Gunmen invaded Ofatedo community in Badagry area of Lagos, killing 12 residents.", "Badagry"),
]


@pytest.mark.parametrize(("note", "smaller"), HELD_BY_THE_NEXT)
def test_the_smaller_of_a_place_and_its_holder_is_the_events(row_event, note: str, smaller: str) -> None:
    place = _row_place(row_event, note)
    assert place is not None and smaller in place.name


def test_a_holder_read_in_another_region_does_not_widen(row_event) -> None:
    """"Aleppo in Idlib" would be a misreading of one of them: the usual pick (the first named) stands."""
    place = _row_place(row_event, "Rebels shelled Kano of Lagos, killing three.")
    assert place is not None and place.name == "Kano"


@pytest.mark.parametrize(("note", "country"), [
    ("Displaced people protested over insecurity in Darfur.", "SDN"),
    ("Mai-Mai militiamen attacked Kalambo village in Kivu, killing five.", "COD"),
])
def test_a_name_shared_by_compass_divisions_is_the_whole_region(row_event, note: str, country: str) -> None:
    """"North Darfur", "South Darfur": writers call the whole "Darfur"; it is placed at its most
    populous division, in that country (`gazetteer_build._add_compass_bases`)."""
    place = _row_place(row_event, note)
    assert place is not None and place.country == country and place.geo_precision == 3


def test_a_compass_base_that_names_a_place_of_its_own_is_left_alone() -> None:
    """"Kazakhstan" is the country, not its most populous "... Kazakhstan" region."""
    readings = Gazetteer.default().lookup("Kazakhstan")
    assert readings and readings[0].kind == "country"


@pytest.mark.parametrize("word", ["Azerbaijan", "Red Sea", "Province", "Region"])
def test_a_compass_base_that_names_a_country_or_region_elsewhere_or_a_kind_is_not_added(word: str) -> None:
    """"East Azerbaijan" (Iran) does not make "Azerbaijan" Iranian, "Southern Red Sea" (Eritrea) does not
    take the name of Sudan's Red Sea state, and "Western Province" gives no region called "Province"."""
    readings = Gazetteer.default().lookup(word)
    assert not any(c.kind in ("admin1", "admin2") and c.name.casefold().split()[0] in ("east", "southern", "western",
                                                                                       "northern", "north", "south")
                   and c.country in ("IRN", "ERI", "LKA", "ZMB", "PNG", "SLB", "RWA", "SLE", "MWI", "NPL", "UGA")
                   for c in readings)


@pytest.mark.parametrize("note", [
    "Soldiers killed seven militants along the Gubio-Magumeri road.",
    "Gunmen ambushed a convoy on the Gubio-Magumeri road, killing seven soldiers.",
    "Soldiers killed seven militants in operations along Gubio-Magumeri and Kukawa-Monguno axis.",
])
def test_a_road_named_by_the_towns_it_joins_is_placed_at_one_of_them(row_event, note: str) -> None:
    """"The A-B road" runs between two towns: both are places, whatever their size and however the
    parser tags the pair (here as an organisation); the event is at the first. Coordinated pairs
    share the one kind word after the last ("A-B and C-D axis"): the first pair is a road too."""
    place = _row_place(row_event, note)
    assert place is not None and (place.name, place.country) == ("Gubio", "NGA")


def test_a_holder_read_as_a_region_or_as_hamlets_abroad_is_the_region(row_event) -> None:
    """"X region in central Sinai": the unknown X falls to what holds it, Egypt's Sinai, not to a
    hamlet called Sinai in Mexico (`qualifiers._region_over_hamlets`)."""
    place = _row_place(row_event, "An IED attack hit an armoured vehicle in the Al Wadi region in central Sinai.")
    assert place is not None and place.country == "EGY"


@pytest.mark.parametrize(("note", "name"), [
    ("Militia fighters attacked a police post near Ceel Dibiir, killing two officers.", "El Dibir"),
    ("Clan militiamen clashed with soldiers at Ceel Garaato, killing three.", "Agabar"),
])
def test_a_name_in_somali_spelling_is_read_by_its_english_one(row_event, note: str, name: str) -> None:
    """Somali writes the ayn English drops ("Ceel" = "El") and long vowels doubled ("Dibiir" =
    "Dibir"): the gazetteer's English spelling is found, in Somalia, not a namesake skeleton abroad."""
    place = _row_place(row_event, note)
    assert place is not None and (place.name, place.country) == (name, "SOM")


def test_a_somali_respelling_is_never_read_abroad() -> None:
    from strife.resolve.spellings import respellings

    assert ("el dibir", frozenset({"SOM", "ETH", "KEN", "DJI"})) in respellings("Ceel Dibiir")
    assert respellings("Kandahar") == ()
    candidates, countries = Gazetteer.default().lookup_respelled("Caleb")
    assert all(c.country in countries for c in candidates)


def test_a_longer_name_written_in_a_city_puts_its_first_word_in_that_city(nlp) -> None:
    """"X Embankment in Y city": the embankment named after quarter X is in city Y, so X is Y's
    quarter, not a town of that name 250 km away."""
    from strife.extract.places import explain_places

    found = explain_places(nlp("Assailants hurled crude bombs near Raipur Embankment in Nagpur city on Saturday morning."))
    first = found[0]
    assert first.written == "Raipur" and first.place.name == "Nagpur" and first.qualified_by


def test_a_name_written_twice_names_one_place(nlp) -> None:
    """Once written "in Nagpur city", Raipur is a quarter of Nagpur in the rest of the note too,
    not the city of Raipur its bare name reads as."""
    from strife.extract.places import explain_places

    found = explain_places(nlp("Gunmen torched a bus at Raipur in Nagpur city on Monday. Witnesses said the gang "
                               "blocked Raipur's main road before the attack."))
    raipur = [t for t in found if t.written.startswith("Raipur")]
    assert len(raipur) == 2 and {t.place.name for t in raipur} == {"Nagpur"}


@pytest.mark.parametrize("note", [
    "Truck drivers held a protest in Bukan county over unpaid wages.",
    "Farmers gathered outside the governor's office of Maragheh county to demand water.",
])
def test_a_district_is_placed_at_its_seat(row_event, note: str) -> None:
    """ACLED codes a district at its seat, a town mostly of the district's own name; the gazetteer
    puts some districts in the middle of their province, far from it."""
    place = _row_place(row_event, note)
    town = next(c for c in Gazetteer.default().lookup(note.split(" county")[0].split()[-1]) if c.kind == "city")
    assert place is not None and place.geo_precision == 2
    assert km_apart(place, town) < 5


ORIGINS = [
    # every place of a coordinated "from" phrase is where people came from, not where they acted
    ("Fighters from Kauru district and Zonkwa attacked Tudun Wada village in Kachia Local Government Area, killing four.",
     "Kachia"),
    # a town people came from is more specific than the country they were arrested in, and still not the place
    ("A teacher from Mombasa was arrested in Tanzania for sedition, police said.", "Tanzania"),
]


@pytest.mark.parametrize(("note", "place"), ORIGINS)
def test_a_place_people_came_from_yields_to_where_they_acted(row_event, note: str, place: str) -> None:
    assert _row_place(row_event, note).name == place


def test_a_place_people_came_from_stays_when_the_sentence_names_no_other(row_event) -> None:
    place = _row_place(row_event, "Gunmen from Zonkwa killed two farmers on Monday.")
    assert place is not None and place.name == "Zonkwa"


def test_a_county_the_parser_tags_as_a_person_is_the_district_of_its_name(row_event) -> None:
    """"in X county", X tagged as a person: a county is a district in South Sudan (a region in Kenya),
    and the unit of the name is where the note is, whatever population GeoNames gives it (none)."""
    place = _row_place(row_event, "Gunmen killed a chief in Kajo Keji county.")
    assert place is not None and (place.country, place.admin1) == ("SSD", "Central Equatoria")


# A name given as an example of places is written as a place (geo_example_cues.csv): the parser often
# takes a town after "such as" for a person, and without the cue it was no toponym at all, so the note
# fell to the region before it. ACLED codes the town the note names.
EXAMPLES = [
    ("Teachers staged protests in major cities of Punjab such as Kasur to demand higher pay.", "Kasur"),
    ("Lawyers boycotted courts throughout Punjab, including Sahiwal, over the arrest of a colleague.", "Sahiwal"),
    ("Nurses protested in several towns of Kenya, notably Nakuru, over unpaid salaries.", "Nakuru"),
]


@pytest.fixture(scope="module")
def examples_coded(engine):
    import datetime as dt

    from strife.evaluate.score import happened, is_relevant
    from strife.model import Article
    from strife.rows import record_row_event

    results = engine.code_articles([Article(id=str(n), text=note, published=dt.date(2016, 6, 20))
                                    for n, (note, _) in enumerate(EXAMPLES)])
    return [record_row_event([e for e in happened(r.events) if is_relevant(e, "acled")]) for r in results]


@pytest.mark.parametrize("index", range(len(EXAMPLES)))
def test_a_town_named_as_an_example_of_places_is_the_events(examples_coded, index: int) -> None:
    event = examples_coded[index]
    assert event is not None and event.location is not None
    assert event.location.name == EXAMPLES[index][1]


@pytest.mark.parametrize(("text", "expected"), [
    ("protests in major cities of Westland such as Eastvale", True),
    ("protests throughout Westland, including Eastvale", True),
    ("protests in several districts, notably Eastvale", True),
    ("protests in\u00a0cities of\u00a0Westland such as Eastvale", True),  # no-break spaces, as notes have
    ("party leaders, including Eastvale", False),  # people's examples are not places
    ("groups such as Eastvale", False),
    ("the Westland Party, including Eastvale", False),
])
def test_examples_of_places_are_cued_as_places(text: str, expected: bool) -> None:
    import spacy

    from strife.extract.places.names import named_as_place_example

    doc = spacy.blank("en")(text)
    for token in doc:  # what the tagger says of names; a blank pipeline has no tagger
        token.pos_ = "PROPN" if token.text[:1].isupper() else "NOUN"
    assert named_as_place_example(doc, len(doc) - 1) is expected


def test_the_example_cues_table_has_its_three_sets_in_lower_case() -> None:
    from strife.extract.places.names import example_cues

    cues = example_cues()
    assert {"marker", "places", "spread"} <= set(cues)
    assert "such as" in cues["marker"] and "cities" in cues["places"]
    assert all(word == word.lower() for words in cues.values() for word in words)
