"""Made-up terse notes in the style of ACLED's 2015-2016 coders, for rules of event typing.

* The doer of a deed someone is arrested, charged or blamed for is the one arrested ('Police
  arrested 12 youths for attacking traders': the youths attacked, not the police), English object
  control of a 'for'/'of' gerund after a verb of judging or punishing (roles.reason_doers).
* A clash of communities, clans, tribes or herders is a battle between identity (communal)
  militias, as ACLED's codebook codes communal fighting, not a riot (coding._communal_clash,
  _communal_group); so is a clash whose sides fight with firearms ('groups of villagers armed with
  guns'; roles.yaml clash_firearm_words), organised armed groups; a crowd with no community named
  and no firearms stays rioters, and so do villagers facing the police.
* Forces that 'clear' places of a group named by its proper name retake territory, in the
  headline style of the older notes ('Troops clear Kadirolo and Bumsolo of the Wula Front'), as they
  already did of a group named by a common noun ('of militants'; lexicon object '@of_name').
* An international body's base, post or patrol is a peacekeeping mission's, an armed target: an
  attack on it is a battle (sector_classes.csv 'mission', roles.yaml military_installation_nouns);
  its offices and convoys stay civilian. The UN and the AU are the international institutions.
* A telegraphic tally after the act ('IED targeted an army vehicle; 2 soldiers killed') is the
  act's toll: it never takes the incident's coding from the act, and its counted subject is the
  victims, not a source (incidents._bare_tally); told after a riot, it is the riot's toll
  (incidents._tallies_of_riots).
* Labour protests told by their idioms: workers 'downed tools' (the parser often reads 'downed' as
  an adjective of 'tools': a noun row too), drivers 'staged a go-slow', a 'stay-away' observed
  (lexicon rows; ACLED codes strikes as peaceful protests).
* A 'human chain' is a protest (South Asian English for a line of protesters holding hands), its
  formers the protesters ('form' a light verb, roles.yaml).
* People a 'pro-' modifier names as backing a protest action ('pro-blockade elements', 'pro-hartal
  activists') are its enforcers, protesters, so their arson or petrol bombs are a riot, not an
  armed group's act (sides._backs_a_protest, roles.yaml protest_action_words).
* A 'jawan' (South Asian English for a soldier or a paramilitary constable) is a state force, so
  killing one is a battle, not violence against civilians (actor_nouns.csv, state_force_nouns).
* A verbless line of 'renewed', 'fresh', 'intense' or 'sporadic' fighting is a battle, as 'heavy
  fighting' and 'fierce fighting' were (lexicon rows).
* Burning or stoning someone to death, or burning someone alive, is a killing (lexicon rows, as
  'hacked to death'): by a mob or villagers a riot (mob violence), by gunmen an attack.
* An armed group's bans and blockades are its non-violent activity (the older codebook's
  "non-violent activity by a conflict actor", now Strategic developments/Other); the state's are
  no event (event_conflict_actor_acts.csv, COERCE).
* 'Agitators' (South Asian English for protesters) are protesters: their arson or stone pelting
  at the police is a riot, not a battle (roles.yaml protester_nouns).
* A government's or a country's column, base, checkpoint or patrol is its army's: ambushing a
  'government column' is a battle (roles.yaml military_installation_nouns with 'column').
* A blockade a crowd stages or puts up ('residents staged a road blockade', 'the villagers'
  blockade') is a protest, as the crowd's 'blocked the road' is; black flags waved or shown at an
  official are a protest (South Asian English). An army's blockade stays no ACLED event (lexicon rows).
* Park and game rangers and prison wardens are armed agents of the state, as guards and gendarmes
  are: killing them is a battle, not violence against civilians (roles.yaml state_force_nouns).
* An attack on a place that names no one attacked ('attacked a prison'), whose telegraphic tally
  counts an armed force's dead ('2 wardens killed'), met that force: a battle (incidents.
  _armed_dead_make_a_battle); a tally of passengers or villagers leaves it an attack on civilians.
* A collective noun whose 'of' object names civilians is those civilians: 'a gang of youths'
  torching a bus is mob violence, as 'youths' torching it is; 'a gang of robbers' stays an armed
  gang (sides._collectives_as_members, roles.yaml collective_nouns).

Villages, people and groups are invented. Older notes coded "Riots/Protests" as one type, so
either of Protests or Riots is right for them, as in the bench's `event_type_accepted`.
"""

from __future__ import annotations

import pytest

B, V, RP = ("Battles",), ("Violence against civilians",), ("Protests", "Riots")
OLD16 = "2016-06-15"
OLD15 = "2015-04-08"

ARRESTED_FOR = [
    ("Police arrested 12 youths in Mbarolo for allegedly attacking traders at the market.", RP, "youths"),
    ("Police detained 5 men from Kibogolo village for assaulting a local councillor.", RP, "men"),
    ("Security forces arrested 30 students of Nyakalo Secondary School for attacking teachers.", RP, "students"),
    ("Police arrested 8 residents of Kasolumbo for beating a suspected thief to death.", RP, "residents"),
    ("Four men were arrested for attacking a trader in Wombelo market.", RP, "men"),
]

COMMUNAL = [
    ("Clashes between Tobi and Kanyi communities over land left 3 dead in Mwendolo territory.", B),
    ("1 Kotolo man was killed and 4 others injured during a clash between Kotolo and Mandani people over farmland.", B),
    ("Herders and farmers clashed in Ugbolo village over grazing land; 2 killed.", B),
    ("Fighting between Muroi and Sabdo clans in Bakolo region; 5 killed.", B),
    ("Armed herders attacked farmers in Akpolo village, killing 3.", V),
    # sides that fight with firearms are organised armed groups (communal or political militias)
    ("Clashes between two rival groups of villagers armed with guns and machetes in Kabiri; 4 killed.", B),
    ("Supporters of two rival parties clashed with firearms in Kandolo bazaar; 3 killed.", B),
]

NOT_COMMUNAL = [  # crowds with no community, clan or tribe named as a side stay rioters
    ("Supporters of two rival parties clashed in Kandolo bazaar; 10 injured.", RP),
    ("Youths of Dabri and Mohal villages clashed over a football match; 6 injured.", RP),
    ("Villagers clashed with police over the demolition of a shrine.", RP),
    ("Two groups of people clashed in Asabolo market over a land dispute; 3 injured.", RP),
    ("Clash between two groups of villagers armed with machetes and clubs in Kabiri; 3 injured.", RP),
    ("Villagers clashed with police who fired guns in the air to disperse them in Kabiri.", RP),
]


@pytest.mark.parametrize("text,types,doer", ARRESTED_FOR)
def test_the_one_arrested_for_a_deed_did_it(row_event, text, types, doer):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, event
    assert any(a.name.split()[-1].lower() == doer for a in event.source), [a.name for a in event.source]
    assert not any(a.name.lower() in ("police", "security forces") for a in event.source)


def test_the_arrest_keeps_its_own_arrester(engine):
    import datetime as dt

    from strife.model import Article

    events = engine.code(Article(id="n", text=ARRESTED_FOR[0][0], published=dt.date(2016, 6, 15))).events
    arrest = next(e for e in events if e.trigger and e.trigger.text == "arrested")
    assert [a.name for a in arrest.source] == ["Police"]


@pytest.mark.parametrize("text,types", COMMUNAL + NOT_COMMUNAL)
def test_communal_fighting_is_a_battle_and_crowds_stay_rioters(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


CLEARED = [
    ("Military forces clear Tambolo and Gorelo of the Wula Front on 18/06. Four reported Wula Front dead.", B),
    ("Soldiers cleared Mokalumbo forest of the Wula Liberation Front on Sunday.", B),
    ("Army clears Sabolo and Dikso of Jamaat Kora; 5 militants killed.", B),
    ("Troops clear Kadirolo and Bumsolo villages of militants; 6 militants dead.", B),
]


@pytest.mark.parametrize("text,types", CLEARED)
def test_forces_clearing_places_of_a_named_group_retake_territory(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


@pytest.mark.parametrize("text", ["The court cleared Abdu Kamara of all charges.",
                                  "The tribunal cleared Mr Sinde of Lumbo of the charges against him."])
def test_clearing_a_person_of_charges_is_no_battle(row_event, text):
    event = row_event(text, OLD16)
    assert event is None or event.acled_event_type != "Battles"


MISSION_BASES = [
    ("Militants attacked an AU base near Bardulo.", B),
    ("Gunmen attacked a UN base in Kelumbo, killing 2 peacekeepers.", B),
    ("Insurgents attacked a UN checkpoint near Wadi Kora; 1 peacekeeper injured.", B),
    ("Gunmen attacked a UN office in Kelumbo.", V),
    ("Gunmen attacked a UN convoy carrying food aid near Kidal.", V),
]


@pytest.mark.parametrize("text,types", MISSION_BASES)
def test_an_attack_on_a_peacekeeping_base_is_a_battle(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


TALLIES = [
    ("IED targeted an army vehicle in Kafrala; 2 soldiers killed.", ("Explosions/Remote violence",)),
    ("Roadside bomb hit a police vehicle near Barisho; 3 policemen killed.", ("Explosions/Remote violence",)),
    ("Suicide bomber targeted a military checkpoint in Galoma; 4 soldiers killed.", ("Explosions/Remote violence",)),
    ("Government troops and rebel forces fought in Yuro county; 7 killed.", B),
    ("Rebels ambushed an army patrol near Kambiro; 3 soldiers killed, 2 injured.", B),
    ("Gunmen attacked Wadu village; 5 civilians killed.", V),
]


@pytest.mark.parametrize("text,types", TALLIES)
def test_a_telegraphic_tally_is_the_toll_of_the_act_before_it(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)
    assert not any(a.name.split()[-1] in ("soldiers", "policemen", "civilians") for a in event.source)


LABOUR = [
    "Workers of a sugar factory in Lundolo downed tools over unpaid wages.",
    "Nurses at Kibogolo hospital downed tools over unpaid allowances.",
    "Taxi drivers staged a go-slow on the Kamba highway.",
    "A stay-away called by the teachers union was observed in Pembolo town.",
]


@pytest.mark.parametrize("text", LABOUR)
def test_labour_idioms_tell_a_protest(row_event, text):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in RP, (event.acled_event_type if event else None)


def test_downing_people_is_no_strike(row_event):
    event = row_event("The police downed two suspects near Kambiro market.", OLD16)
    assert event is None or event.acled_event_type not in RP


HUMAN_CHAINS = [
    ("Students of Kamla University formed a human chain demanding a safe campus.", "Students"),
    ("Teachers of non-government schools formed a human chain in front of the press club in Morvadi.", "Teachers"),
    ("A human chain was formed in Gorvadi demanding the release of a journalist.", ""),
]


@pytest.mark.parametrize("text,source", HUMAN_CHAINS)
def test_a_human_chain_is_a_protest(row_event, text, source):
    event = row_event(text, "2015-04-08")
    assert event is not None and event.acled_event_type in RP, (event.acled_event_type if event else None)
    assert not source or event.source[0].name == source


def test_forming_a_committee_or_an_alliance_is_no_protest(row_event):
    for text in ("Villagers formed a committee to guard Kelumbo village.", "The rebels formed a new alliance in Kambiro."):
        event = row_event(text, OLD16)
        assert event is None or event.acled_event_type not in RP


PRO_PROTEST = [
    "Pro-blockade elements set fire to a truck at Kamalvadi; no one was hurt.",
    "Witnesses said the truck caught fire when pro-blockade elements hurled a petrol bomb at it near Ratovadi.",
    "Pro-hartal activists hurled petrol bombs at a bus in Kalivadi, injuring 3 passengers.",
    "Pro-strike men vandalised 4 vehicles at Sonavadi bazar.",
]


@pytest.mark.parametrize("text", PRO_PROTEST)
def test_the_backers_of_a_blockade_are_rioters(row_event, text):
    event = row_event(text, "2015-02-10")
    assert event is not None and event.acled_event_type in RP, (event.acled_event_type if event else None)


def test_a_pro_government_militia_stays_armed(row_event):
    event = row_event("Pro-government militiamen set fire to houses in Kelumbo village.", OLD16)
    assert event is not None and event.acled_event_type not in RP, event.acled_event_type


JAWANS = [
    ("A jawan was killed in sniper fire from across the border in Kolvadi sector.", B),
    ("Two jawans were injured when militants fired on their patrol near Banvadi.", B),
]


@pytest.mark.parametrize("text,types", JAWANS)
def test_a_jawan_is_a_soldier(row_event, text, types):
    event = row_event(text, "2015-04-08")
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


FIGHTING_LINES = [
    "Renewed fighting in Kajo Kelumbo.",
    "Fresh fighting in Kalmoro.",
    "Intense fighting reported around Kelumbo town; casualties unknown.",
]


@pytest.mark.parametrize("text", FIGHTING_LINES)
def test_a_verbless_line_of_fighting_is_a_battle(row_event, text):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in B, (event.acled_event_type if event else None)


KILLED_BY_BURNING_OR_STONING = [
    ("A suspected witch was burnt to death by villagers in Kigobe.", RP),
    ("Two suspected thieves were burnt alive by a mob in Kiboma.", RP),
    ("A man was stoned to death by a mob in Koloma village.", RP),
    ("Gunmen burned to death 5 villagers in Kurolo.", V),
]


@pytest.mark.parametrize("text,types", KILLED_BY_BURNING_OR_STONING)
def test_burning_or_stoning_to_death_is_a_killing(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


ARMED_GROUP_BANS = [
    "Jamaat Kora militants banned smartphones in Kelumbo.",
    "Jamaat Kora militants imposed a ban on khat trade in Bardulo.",
    "Rebels blockaded the main road to Kambiro.",
]


@pytest.mark.parametrize("text", ARMED_GROUP_BANS)
def test_an_armed_groups_ban_is_its_non_violent_activity(row_event, text):
    event = row_event(text, OLD16)
    assert event is not None and (event.acled_event_type, event.acled_sub_event_type) == ("Strategic developments", "Other")


def test_a_government_ban_is_no_event(row_event):
    assert row_event("The government banned smartphones in Kelumbo schools.", OLD16) is None


RIOT_TALLIES = [
    "Supporters of the two parties fought with stones and machetes in Kurolo; 3 killed.",
    "Rioters burned tyres in Kelumbo; 2 killed.",
    "Two killed and at least 30 wounded in clashes between political opponents after the mayoral election in Kelumbo.",
]


@pytest.mark.parametrize("text", RIOT_TALLIES)
def test_a_tally_after_a_riot_is_its_toll(row_event, text):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in RP, (event.acled_event_type if event else None)
    assert event.fatalities is not None and event.fatalities.best in (2, 3)


SIDES = [
    ("Curfew imposed in Kalaipur after agitators torched the police post.", RP),
    ("Agitators pelted stones at the police in Gaurpur; 5 policemen injured.", RP),
    ("Rebels ambushed a government column near Lauka; 5 soldiers killed.", B),
    ("Militants attacked a government checkpoint near Kelumbo; 2 killed.", B),
    ("Gunmen attacked a government office in Kelumbo.", V),
]


@pytest.mark.parametrize("text,types", SIDES)
def test_agitators_are_protesters_and_a_government_column_is_armed(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


CROWD_BLOCKADES = [
    ("Residents of Bakulia staged a road blockade demanding water supply.", RP),
    ("Residents put up a blockade on the Kelumbo road demanding its repair.", RP),
    ("The villagers' blockade of the Sonapur highway entered its second day.", RP),
    ("Activists of the Jana Manch waved black flags at the minister's convoy in Dharapur.", RP),
    ("Opposition workers showed black flags to the chief minister in Kalaipur.", RP),
]


@pytest.mark.parametrize("text,types", CROWD_BLOCKADES)
def test_a_crowds_blockade_and_black_flags_are_protests(row_event, text, types):
    event = row_event(text, OLD15)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


def test_an_armys_blockade_is_no_protest(row_event):
    event = row_event("The army imposed a blockade on Kadolo town.", OLD15)
    assert event is None or event.acled_event_type not in RP, event.acled_event_type


RANGERS_AND_WARDENS = [
    ("Unknown gunmen killed 3 park rangers in Mbolo reserve.", B),
    ("Poachers killed a game ranger in Kafolo park.", B),
    ("Two prison wardens were shot dead by gunmen in Kasando.", B),
    ("Militia attacked a ranger post in Mbolo park, killing 2 rangers.", B),
    ("Gunmen killed 2 tourists in Mbolo park.", V),
]


@pytest.mark.parametrize("text,types", RANGERS_AND_WARDENS)
def test_rangers_and_wardens_are_armed(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


ARMED_DEAD_IN_THE_TALLY = [
    ("Armed men attacked a prison in Kasando and freed inmates; 2 wardens killed.", B),
    ("Attack by armed men on a police station in Wombelo; 1 police officer killed.", B),
    ("Gunmen attacked a bus in Kadoro; 3 passengers killed.", V),
    ("Armed men attacked Kandolo village; 4 villagers killed.", V),
]


@pytest.mark.parametrize("text,types", ARMED_DEAD_IN_THE_TALLY)
def test_an_armed_forces_dead_in_the_tally_make_a_battle(row_event, text, types):
    event = row_event(text, OLD16)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)


COLLECTIVES = [
    ("A gang of youths set a bus on fire in Kalaipur.", RP),
    ("A gang of youths torched a bus in Kalaipur.", RP),
    ("A band of villagers torched a bus in Kalaipur.", RP),
    ("A gang of robbers attacked a police patrol in Kalaipur; 2 policemen killed.", B),
    ("A gang of armed robbers killed a trader in Kalaipur.", V),
]


@pytest.mark.parametrize("text,types", COLLECTIVES)
def test_a_gang_of_youths_is_youths(row_event, text, types):
    event = row_event(text, OLD15)
    assert event is not None and event.acled_event_type in types, (event.acled_event_type if event else None)
