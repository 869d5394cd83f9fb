"""Actors in ACLED's roles on made-up notes in the style of ACLED's coders (session 9, issue #22).

Each note is coded as a user meets it: the most confident happened event with an ACLED type is
the note's event, and its source (actor1) and target (actor2) are compared with what a coder
following the ACLED codebook records, by sector and country. The notes are invented (places are
capitals or well-known towns); they guard these rules:

- a demonstration's crowd is actor1 and the force that met it actor2, whichever the sentence
  names first (strife.extract.implied.crowd_first);
- a protest with intervention's actor2 is the force that intervened, never what the crowd
  protested against (strife.extract.implied.interveners_only);
- a riot the police broke up afterwards has the police as actor2
  (strife.extract.events.riot_targets);
- the two parties of an agreement named as one coordinated subject are actor1 and actor2
  (strife.extract.events.roles.reciprocal_sides);
- territory taken 'from' an armed party was taken from that party, ACLED's actor2
  (strife.extract.events.belligerents.add_dispossessed);
- one killed in an encounter or a shootout with a force was killed by that force, the clash's
  other side (roles.yaml reciprocal_events; strife.extract.events.noun_roles._killed_by_counterpart,
  and for a verb trigger strife.extract.events.belligerents.add_clash_counterparts);
- two names coordinated as the sides of a clash or the parties of an agreement are both actors,
  the second kept uncoded even where the NER model missed it or read it as a place
  (strife.extract.events.records._named_partner, strife.extract.events.roles.drop_ground);
- a name after 'anti-' (any event) or 'pro-' (a protest) says what the event is against or for,
  not who acts (strife.extract.events.grammar.names_a_stance);
- one killed or arrested 'during army operations', 'in a police raid' was killed or arrested by
  that force (strife.extract.events.belligerents.add_operation_owners);
- the month of a date ('On 3 March 2021') is no protest march (strife.extract.events.triggers);
- who brings in or rushes reinforcements mobilises them (roles.yaml mobilising_verbs), and the heading
  of a note ('Movement of forces: ...') is never the subject the parser may make of it
  (strife.extract.events.noun_roles._across_a_colon);
- an international mission's contingent 'from' a country is of that country, as ACLED names
  it ("MINUSMA: ... (Chad)"), and keeps its sector (strife.resolve.actor_phrases._code_composed);
- a clash 'reported' or 'recorded' between two sides has them as its sides, as one that 'erupted'
  between them (roles.yaml occurrence_verbs; strife.extract.events.noun_roles._other_side);
- the to-infinitive after an effort noun ('continued work to set up a base', 'made an attempt to
  storm') is done by the effort's maker, not by the noun (strife.extract.events.roles.effort_makers);
- a force keeps the country of its own nationality word, a unit the dictionary does not know too
  (strife.extract.actors._nationality_word_country), and unnamed aid workers are the civilians of the
  country they are in (session 16, issue #23);
- a force that reports a clash naming no other party, or reports what 'its'/'their' men did, is the
  doing side (strife.extract.events.belligerents.add_reporting_sides).
"""

from __future__ import annotations

import pytest

from strife.model import Actor, Event

# note, ACLED event type, (source sector, country), (target sector, country) or None for no target;
# a sector None is an actor the dictionary names without one
NOTES = [
    ("On 4 March 2021, police dispersed traders protesting against new market fees in Nairobi using tear gas.",
     "Protests", ("CVL", "KEN"), ("COP", "KEN")),
    ("Police clashed with students protesting tuition increases in Kampala. Three students were injured.",
     "Riots", ("EDU", "UGA"), ("COP", "UGA")),
    ("Soldiers opened fire on demonstrators in Khartoum, killing two.",
     "Protests", ("CVL", "SDN"), ("MIL", "SDN")),
    ("Security forces clashed with rioters who were burning tyres in Bamako.",
     "Riots", ("CVL", "MLI"), ("COP", "MLI")),
    ("Farmers protested in New Delhi; police used water cannon to disperse them.",
     "Protests", ("AGR", "IND"), ("COP", "IND")),
    ("Students of the university rallied in Addis Ababa. Police detained 20 of them.",
     "Protests", ("EDU", "ETH"), ("COP", "ETH")),
    ("Troops fired on a crowd of protesters in Yangon, killing three.",
     "Protests", ("CVL", "MMR"), ("MIL", "MMR")),
    ("Protesters pelted the police with stones in Tunis. Police responded with tear gas.",
     "Riots", ("CVL", "TUN"), ("COP", "TUN")),
    ("Police fired tear gas at opposition supporters marching in Harare.",
     "Protests", ("CVL", "ZWE"), ("COP", "ZWE")),
    ("Youths clashed with police in Conakry over the arrest of a trader; police used tear gas.",
     "Riots", ("CVL", "GIN"), ("COP", "GIN")),
    ("Villagers clashed with forest guards near Pokhara after the guards seized timber.",
     "Riots", ("CVL", "NPL"), ("COP", "NPL")),
    ("An angry mob attacked a police station in Dhaka after a man died in custody.",
     "Riots", ("CVL", "BGD"), ("COP", "BGD")),
    ("Workers demonstrated outside a garment factory in Dhaka demanding unpaid wages.",
     "Protests", ("LAB", "BGD"), None),
    ("The government and the Popular Defence Movement signed a ceasefire agreement in Niamey.",
     "Strategic developments", ("GOV", "NER"), (None, "NER")),
    ("On 3 March 2021, soldiers beat two civilians at a checkpoint in Juba.",
     "Violence against civilians", ("MIL", "SSD"), ("CVL", "SSD")),
    ("On 3 March 2021, unidentified gunmen shot dead a shopkeeper in Mogadishu.",
     "Violence against civilians", ("UAF", "SOM"), ("CVL", "SOM")),
    ("Suspected rebels killed five villagers in an attack on a village near Beni.",
     "Violence against civilians", ("REB", "COD"), ("CVL", "COD")),
    ("Gunmen killed a village chief in Kaduna state.", "Violence against civilians", ("UAF", "NGA"), ("CVL", "NGA")),
    ("Soldiers shot dead two men at a roadblock near Bangui.", "Violence against civilians", ("MIL", "CAF"), ("CVL", "CAF")),
    ("Maoist rebels killed two policemen in an ambush in Chhattisgarh.", "Battles", ("REB", "IND"), ("COP", "IND")),
    ("Police arrested a journalist in Phnom Penh.", "Strategic developments", ("COP", "KHM"), ("MED", "KHM")),
    ("Government troops recaptured a town near Gao from the rebels.", "Battles", ("MIL", "MLI"), ("REB", "MLI")),
    ("Troops recaptured the town of Kidal from the Sahel Freedom Front.", "Battles", ("MIL", "MLI"), (None, "MLI")),
    ("A militant was killed in an encounter with security forces in Ganderbal.", "Battles", ("COP", "IND"), ("REB", "IND")),
    ("A suspected robber was killed in a shootout with police in Dhaka.", "Battles", ("COP", "BGD"), ("CRM", "BGD")),
    ("Three militants were killed in an exchange of fire with soldiers near Khuzdar.", "Battles", ("MIL", "PAK"), ("REB", "PAK")),
    ("A rebel commander was gunned down in a clash with the army near Churachandpur.", "Battles", ("MIL", "IND"), ("REB", "IND")),
    # older, terser notes
    ("Police disperse opposition rally in Lusaka with tear gas.", "Protests", ("OPP", "ZMB"), ("COP", "ZMB")),
    ("Two killed as police clash with protesters in Conakry.", "Riots", ("CVL", "GIN"), ("COP", "GIN")),
    ("Students rioted over a fees hike at the university in Kampala. Police fired tear gas at them.",
     "Riots", ("EDU", "UGA"), ("COP", "UGA")),
    ("Mob burns suspected witch to death in Kisii.", "Riots", ("CVL", "KEN"), ("CVL", "KEN")),
    ("Militia attacks village near Mahagi, 12 civilians killed.", "Violence against civilians", ("UAF", "COD"), ("CVL", "COD")),
    ("Unknown gunmen kill two herders near Maiduguri.", "Violence against civilians", ("UAF", "NGA"), ("AGR", "NGA")),
    ("Rebels attack army base near Mahagi, casualties unknown.", "Battles", ("REB", "COD"), ("MIL", "COD")),
    # two villages' people clash or make peace: each name a side, the second however the NER model reads it
    ("At least 9 killed in clashes over a land dispute between Kolbara and Tiemsou near Mopti.",
     "Battles", (None, "MLI"), (None, "MLI")),
    ("Kolbara and Tiemsou sign peace agreement in Zalingei.", "Strategic developments", (None, "SDN"), (None, "SDN")),
    # South Asian English: a lathi charge written as one word
    ("Police lathicharged protesting farmers in Muzaffarpur.", "Protests", ("AGR", "IND"), ("COP", "IND")),
    # 'have' carries an event noun as 'hold' does
    ("Security forces had an encounter with militants near Ganderbal. Two militants were killed.",
     "Battles", ("COP", "IND"), ("REB", "IND")),
    # one killed or arrested during a force's operation was killed or arrested by that force
    ("Seven militants were killed during army operations near Kandahar.", "Battles", ("MIL", "AFG"), ("REB", "AFG")),
    ("Two suspected robbers were arrested in a police raid in Dhaka.", "Strategic developments", ("COP", "BGD"),
     ("CRM", "BGD")),
    # what a protest is for or against ('anti-X', 'pro-X') is not who protests
    ("Students held an anti-American rally in Umarkot.", "Protests", ("EDU", "PAK"), None),
    ("Villagers staged pro-India demonstrations in Khulna.", "Protests", ("CVL", "BGD"), None),
    # victims told first with their 'were' left out ('soldiers [who were] killed in a bomb') are victims
    ("Two soldiers killed in roadside bomb near Kolbara village, Afgoye.", "Explosions/Remote violence",
     ("UAF", "SOM"), ("MIL", "SOM")),
    ("Three policemen killed in IED blast near Tiemsou, Garissa.", "Explosions/Remote violence",
     ("UAF", "KEN"), ("COP", "KEN")),
    ("Two militants killed in encounter with police in Kolbara village, Kupwara.", "Battles", ("COP", "IND"), ("REB", "IND")),
    ("Three Maoists killed in police encounter in Kolbara forest, Chandrapur.", "Battles", ("COP", "IND"), ("REB", "IND")),
    ("Two policemen injured in attack by picketers in Bogra.", "Riots", ("CVL", "BGD"), ("COP", "BGD")),
    # a unit's operations the parser reads as 'during [Unit] of operations'; an occasion shared by two verbs
    ("Five militants were killed and two were arrested during Kolbara Special Police Units operations in Kandahar.",
     "Battles", ("COP", "AFG"), ("REB", "AFG")),
    # the hurt told first with their 'were' left out are no side of the clash the parser gives them to
    ("Five people injured as BNP and Awami League activists clashed in Noakhali.", "Riots", ("PTY", "BGD"), ("PTY", "BGD")),
    # an arrest no one is named making is by the police (event_implied_actors.csv)
    ("Two suspected robbers were arrested in Dhaka.", "Strategic developments", ("COP", "BGD"), ("CRM", "BGD")),
    # who found the body did not kill (roles.yaml finder_verbs): the killer is unidentified
    ("Police recovered the bullet-riddled body of a youth in Kolbara village near Jessore.",
     "Violence against civilians", ("UAF", "BGD"), ("CVL", "BGD")),
    ("Villagers found the body of a farmer with stab wounds in Tiemsou near Jessore.",
     "Violence against civilians", ("UAF", "BGD"), ("AGR", "BGD")),
    # who brings in reinforcements mobilises (roles.yaml mobilising_verbs); a note's heading is no subject
    ("Movement of forces: On 3 March 2021, regime forces brought in military reinforcements to Kadugo village in "
     "northern Burkina Faso.", "Strategic developments", ("MIL", "BFA"), None),
    ("Movement of forces: On 3 March 2021, the Wula Front brought reinforcements to Tembolo village in northern Mali.",
     "Strategic developments", (None, "MLI"), None),
    # an international mission's contingent 'from' a country is that country's (resolve.actor_phrases._code_composed)
    ("UN peacekeepers from Chad were attacked by gunmen near Kadugo village in northern Mali. One peacekeeper killed.",
     "Battles", ("UAF", "MLI"), ("IGO", "TCD")),
    # a clash reported in the passive has the sides of its 'between' phrase (roles.yaml occurrence_verbs),
    # the second side also when the parser joins it to the verb (noun_roles._other_side)
    ("On 28 April 2020, clashes were reported between police and fighters of a local militia in Kadugo area "
     "(Mopti, Mali).", "Battles", ("COP", "MLI"), ("REB", "MLI")),
    ("On 28 April 2020, clashes were reported between police on one side and fighters of a local militia on the "
     "other in Kadugo area (Mopti, Mali).", "Battles", ("COP", "MLI"), ("REB", "MLI")),
    # the infinitive after an effort noun is its maker's act (roles.effort_makers), and a foreign cue wins
    ("Headquarters or base established: On 3 March 2021, Chadian forces continued work to set up a base near "
     "Tembolo village in Niger.", "Strategic developments", ("MIL", "TCD"), None),
    # a foreign force keeps its own country, the people it meets take the event's (ACLED: "Military
    # Forces of Uganda" in Congo): troopers and rangers are armed forces (actor_nouns.csv), and a unit
    # the dictionary does not know is of the country its nationality word names
    ("Pakistani Rangers fired on villagers near Kolbara, India.", "Violence against civilians", ("MIL", "PAK"),
     ("CVL", "IND")),
    ("Ugandan troopers killed three rebels near Tiemsou village, DR Congo.", "Battles", ("MIL", "UGA"), ("REB", "COD")),
    ("Nigerien Kestrels clashed with gunmen near Tembolo village in Mali.", "Battles", (None, "NER"), ("UAF", "MLI")),
    # unnamed aid workers are the civilians of the country they are in ("Civilians (Sudan)")
    ("Gunmen abducted two aid workers near Kolbara village, Sudan.", "Violence against civilians", ("UAF", "SDN"),
     ("NGO", "SDN")),
    # a force reporting a clash that names no other party tells of its own fight
    # (belligerents.add_reporting_sides); residents who report one are no side of it
    ("Police said three militants were killed in an encounter in Kolbara village, India.", "Battles", ("COP", "IND"),
     ("REB", "IND")),
    ("The army said 12 insurgents were killed in fighting near Tiemsou, Afghanistan.", "Battles", ("MIL", "AFG"),
     ("REB", "AFG")),
    ("Residents said two men were killed in a clash near Kolbara, Mali.", "Battles", ("UAF", "MLI"), ("CVL", "MLI")),
    # 'its'/'their' doers in a force's report are the reporter's: a foreign force keeps its country
    ("Kenya's army said its aircraft bombed a militant camp at Kolbara, Somalia.", "Explosions/Remote violence",
     ("MIL", "KEN"), ("REB", "SOM")),
    ("Ugandan soldiers said their patrol killed 3 rebels near Kolbara, DR Congo.", "Battles", ("MIL", "UGA"),
     ("REB", "COD")),
    # a headline's 'by' phrase cut from its event noun by an apposition is the noun's doers
    # (noun_roles._agents_on_its_verb): an active verb takes no 'by' agent
    ("Attack on Kolbara village, Mali, by armed men leaves 5 civilians dead.", "Violence against civilians",
     ("UAF", "MLI"), ("CVL", "MLI")),
    ("Ambush on an army convoy near Tiemsou, Niger, by jihadists kills 4 soldiers.", "Battles", ("REB", "NER"),
     ("MIL", "NER")),
]


def holds(actors: list[Actor], sector: str, country: str) -> bool:
    return any(a.sector == sector and a.country == country for a in actors)


@pytest.mark.parametrize(("note", "acled_type", "source", "target"), NOTES, ids=[n[0][:48] for n in NOTES])
def test_made_up_note_has_its_actors_in_acleds_roles(row_event, note, acled_type, source, target):
    event = row_event(note)
    assert event is not None and event.acled_event_type == acled_type, event
    assert holds(event.source, *source), event.source
    if target is None:
        assert not event.target, event.target
    else:
        assert holds(event.target, *target), event.target


def test_a_force_named_first_stands_on_a_demonstrations_target_side():
    """'Police clashed with traders': the crowd is ACLED's actor1 whichever the sentence names first;
    a protest whose source is a civil official ('officials staged a counter-protest') is left alone."""
    from strife.extract.implied import crowd_first
    from strife.model import Span

    police = Actor(name="Police", sector="COP", country="KEN")
    traders = Actor(name="traders", sector="CVL", country="KEN")
    officials = Actor(name="officials", sector="GOV", country="KEN")
    riot = Event(id="e1", event_type="PROTEST", acled_event_type="Riots", evidence=Span(start=0, end=5, text="clash"),
                 source=[police], target=[traders])
    crowd_first(riot)
    assert riot.source == [traders] and riot.target == [police]
    protest = Event(id="e2", event_type="PROTEST", acled_event_type="Protests", evidence=Span(start=0, end=5, text="march"),
                    source=[officials])
    crowd_first(protest)
    assert protest.source == [officials] and not protest.target


def test_a_protest_with_intervention_keeps_only_the_intervening_force():
    """What the crowd protested against ('the governor') gives way to the force that broke it up."""
    from strife.extract.implied import interveners_only
    from strife.model import Span

    governor = Actor(name="governor", sector="GOV", country="KEN")
    police = Actor(name="police", sector="COP", country="KEN")
    event = Event(id="e1", event_type="PROTEST", acled_event_type="Protests", acled_sub_event_type="Protest with intervention",
                  evidence=Span(start=0, end=5, text="march"), target=[governor, police])
    interveners_only(event)
    assert event.target == [police]


@pytest.mark.parametrize("note", [
    "On 3 March 2021, protesters demonstrating against the high US dollar exchange rate blocked the main road in Tyre.",
    "On 3 March 2021, traders protested in Beirut against the collapse of the Lebanese pound against the dollar.",
])
def test_the_state_whose_money_it_is_is_no_actor(row_event, note):
    """'the US dollar', 'the Lebanese pound' name money (actor_cues.csv `currency`): the crowd
    protests its price, the state neither acts nor is acted upon."""
    event = row_event(note)
    assert event is not None and event.acled_event_type == "Protests", event
    assert not any(a.country == "USA" or a.sector == "GOV" for a in event.source + event.target), event


@pytest.mark.parametrize(("note", "sector", "country"), [
    ("VHP activists protested outside a cinema in Kolbara town.", "PTY", "IND"),
    ("Shibir activists clashed with police in Tiemsou bazaar.", "PTY", "BGD"),
    ("Renamo fighters attacked a bus near Kolbara, killing two passengers.", "REB", "MOZ"),
    ("CORD supporters demonstrated in Tiemsou town against the electoral commission.", "PTY", "KEN"),
    ("PTM supporters staged a sit-in in Tiemsou bazaar against enforced disappearances.", "PTY", "PAK"),
    ("White Army fighters attacked Kolbara village, killing three civilians.", "UAF", "SSD"),
    ("AIMIM workers blocked the highway near Tiemsou to protest the arrest of a leader.", "PTY", "IND"),
    ("MNLA fighters attacked an army post near Kolbara.", "REB", "MLI"),
    ("PDP supporters clashed with police in Tiemsou town.", "PTY", "IND"),
    ("Anganwadi workers staged a protest outside the block office in Tiemsou.", "LAB", "IND"),
], ids=["VHP", "Shibir", "Renamo", "CORD", "PTM", "White Army", "AIMIM", "MNLA", "PDP", "Anganwadi"])
def test_a_national_party_or_movement_is_of_its_country(row_event, note, sector, country):
    """A party, student wing or armed movement any coder of its country knows (actors.csv) is of
    that country even where the note names no place the gazetteer knows ('Protesters (India)')."""
    event = row_event(note, "2016-06-01")
    assert event is not None and holds(event.source, sector, country), event


def test_an_acronym_two_countries_use_is_the_one_of_the_articles_country():
    """'PDP' names a party in Kashmir and one in Nigeria; 'UPDF' Uganda's army and a party of the
    Chittagong Hill Tracts: the article's country tells which (`ActorDictionary.code`)."""
    import datetime as dt

    from strife.resolve.actors import ActorDictionary

    actors, day = ActorDictionary.default(), dt.date(2016, 6, 1)
    assert actors.code("PDP", day, "NGA").country == "NGA" and actors.code("PDP", day, "IND").country == "IND"
    assert actors.code("UPDF", day, "BGD").sector == "PTY" and actors.code("UPDF", day, "UGA").sector == "MIL"


def test_a_vague_actor_guessed_from_the_article_takes_the_country_of_its_events_place():
    """'Police', 'residents' get the article's country as a guess when coded (`vague_actor_country`);
    an act done on the spot (a protest, an attack) placed in another country has them of that country, as ACLED writes "Police Forces of
    Kenya" for police firing in a Kenyan town whatever else the report names. A country the text
    gives ('Rwandan police'), and international bodies, are kept."""
    from strife.extract.actors import localise_actors
    from strife.model import Place, Span

    police = Actor(name="Police", sector="COP", country="RWA", kind="noun", confidence=0.7)
    named = Actor(name="Rwandan police", sector="COP", country="RWA", kind="noun", confidence=0.85)
    crowd = Actor(name="protesters", sector="CVL", kind="noun", confidence=0.7)
    monitors = Actor(name="UN monitors", sector="IGO", country="RWA", kind="noun", confidence=0.7)
    event = Event(id="e1", event_type="PROTEST", acled_event_type="Protests", evidence=Span(start=0, end=5, text="march"),
                  location=Place(name="Kolbara", country="KEN"), source=[crowd], target=[police, named, monitors])
    localise_actors(event, "RWA")
    assert [a.country for a in event.source] == ["KEN"]
    assert [a.country for a in event.target] == ["KEN", "RWA", "RWA"]
    same = Event(id="e2", event_type="PROTEST", acled_event_type="Protests", evidence=Span(start=0, end=5, text="march"),
                 location=Place(name="Tiemsou", country="RWA"), target=[police])
    localise_actors(same, "RWA")
    assert same.target[0].country == "RWA"
    talks = Event(id="e3", event_type="CONSULT", acled_event_type="Strategic developments",
                  evidence=Span(start=0, end=5, text="talks"), location=Place(name="Kolbara", country="KEN"),
                  source=[police])
    localise_actors(talks, "RWA")  # talks held abroad about the police at home
    assert talks.source[0].country == "RWA"


@pytest.mark.parametrize("note", [
    "The army killed 12 militants in air strikes near Kolbara, Kandahar province.",
    "Soldiers killed five fighters in drone strikes in Tiemsou village near Rutshuru.",
])
def test_those_killed_in_strikes_are_no_strikers(row_event, note):
    """'killed 12 militants in air strikes': a strike is a protest's noun only for a protest ('teachers
    on strike'); whom an air strike hit is its target, never its source."""
    event = row_event(note, "2016-06-01")
    assert event is not None and event.source, event
    assert all(a.sector == "MIL" for a in event.source), event.source
    assert any(a.sector in ("REB", "UAF") for a in event.target), event.target


def test_one_killed_in_a_crossfire_with_a_force_was_killed_by_it(row_event):
    """'killed in a crossfire with police' is the security forces' word for a gunfight, like
    'an encounter' (roles.yaml reciprocal_events): the force the crossfire was with killed him."""
    event = row_event("A suspected robber was killed in a crossfire with police in Tiemsou village near Khulna.")
    assert event is not None and holds(event.source, "COP", "BGD"), event
    assert any(a.sector == "CRM" for a in event.target), event.target


def test_cadres_of_a_party_are_the_party():
    """'cadres of the X' are members of X (actor_cues.csv partitive), as 'members of the X' are."""
    import datetime as dt

    from strife.resolve.actors import ActorDictionary

    code = ActorDictionary.default().code("Cadres of the Nepali Congress", dt.date(2015, 6, 1))
    assert code is not None and (code.sector, code.country) == ("PTY", "NPL"), code


@pytest.mark.parametrize("note", [
    "Kolbara forces killed four rebels near Rutshuru and recovered weapons.",
    "Soldiers recovered territory after a clash with rebels near Rutshuru.",
])
def test_recovering_weapons_or_ground_is_no_finding_of_the_dead(row_event, note):
    """Only a finder of the dead (roles.yaml remains_nouns) is no actor of the killing: forces that
    'recovered weapons' or 'recovered territory' still did what the sentence says."""
    event = row_event(note, "2016-06-01")
    assert event is not None and any(a.sector == "MIL" for a in event.source), event


@pytest.mark.parametrize(("note", "country"), [
    ("Supporters of Raila Odinga demonstrated in Tiemsou town against the electoral commission.", "KEN"),
    ("Supporters of Khaleda Zia clashed with police in Kolbara bazaar.", "BGD"),
    ("Muslim Brotherhood supporters marched in Kolbara village after Friday prayers.", "EGY"),
    ("Activists staged a sit-in in Ngarevu hill against a decision of Pierre Nkurunziza.", "BDI"),
])
def test_a_national_leader_or_movement_places_a_note_that_names_no_known_place(row_event, note, country):
    """A head of state or government, a main opposition leader or a national movement any coder of
    the country knows (actors.csv, with their terms of office) tells the country of the crowd of a
    note whose place the gazetteer does not know, as ACLED writes 'Protesters (Kenya)'."""
    event = row_event(note, "2016-06-01")
    assert event is not None and any(a.country == country for a in event.source), event


def test_a_common_surname_of_a_leader_is_no_leader():
    """'Keita', 'Hussain', 'Sharif', 'Conde' are borne by millions: alone they name no head of state
    (actor_cues.csv not_a_surname), while a rare one does ('Kiir')."""
    import datetime as dt

    from strife.resolve.actors import ActorDictionary

    actors, day = ActorDictionary.default(), dt.date(2016, 6, 1)
    for common in ("Keita", "Hussain", "Sharif", "Conde", "Bashir", "Lungu", "Ouattara"):
        assert actors.code(common, day) is None, common
    assert actors.code("Kiir", day).country == "SSD"
