"""A matrix of made-up protest, strike and riot notes: every crowd noun with every light verb (issue #21).

A protest ACLED codes is told in many ways: a crowd noun (demonstration, sit-in, strike, dharna,
bandh, rasta roko ...) carried by a light verb (staged, held, organised, observed, took part in ...);
a verb of its own (protested, marched, picketed, took to the streets, blocked a road); a passive
('a rally was held'); or a verbless short note ('Protest by traders over taxes.'). Riots are told by
their acts (a mob that looted, torched or pelted stones). Every town, group and person here is
invented; each cell's row (`strife.rows.record_row_event`, as a user's export holds it) must carry
the ACLED type a coder gives it.
"""

from __future__ import annotations

import itertools

import pytest

P, R = "Protests", "Riots"
PP, PI, EF = "Peaceful protest", "Protest with intervention", "Excessive force against protesters"
VD, MV = "Violent demonstration", "Mob violence"
D20 = "2020-05-12"

NOUNS = ["a demonstration", "a protest", "a rally", "a protest march", "a sit-in", "a general strike", "a hunger strike",
         "a 24-hour strike", "a candlelight vigil", "a picket", "a boycott", "a road blockade", "a procession",
         "a human chain", "a walkout", "a go-slow", "a shutdown", "a dharna", "a bandh", "a hartal", "a gherao",
         "a rasta roko", "a chakka jam", "a shutter-down strike", "a wheel-jam strike", "a token strike"]
VERBS = ["staged", "held", "organised", "carried out", "observed", "launched", "began", "started", "joined",
         "took part in", "participated in", "continued"]
SUBJECTS = ["traders", "members of the Kelvar Growers Union", "dozens of people", "supporters of the Ponda Front",
            "lawyers", "residents of Nemri village", "students", "workers"]

# Pairs English leaves to the doer, left out: a shutdown or a blockade launched, begun, started or
# continued is as often an authority's lockdown or an army's siege; to observe a procession is to watch it.
NOT_BY_THEMSELVES = {(noun, verb) for noun in ("a shutdown", "a road blockade") for verb in ("launched", "began", "started", "continued")}
NOT_BY_THEMSELVES |= {("a procession", "observed")}
# every noun with every verb, the subjects in turn, in a 2020 note with a purpose clause
LIGHT_VERB_CELLS = [
    f"On 12 May 2020, {SUBJECTS[i % len(SUBJECTS)]} {verb} {noun} in Tovari town to demand higher wages. [size=no report]"
    for i, (noun, verb) in enumerate(itertools.product(NOUNS, VERBS)) if (noun, verb) not in NOT_BY_THEMSELVES
]
# verbless short notes and passives, as the older notes tell them ('a procession by' may be a funeral's)
SHORT_CELLS = [f"{noun[2].upper()}{noun[3:]} by traders in Tovari over taxes." for noun in NOUNS
               if noun not in ("a gherao", "a procession")] + [
    f"{noun[2].upper()}{noun[3:]} was held in Tovari town against price hikes." for noun in NOUNS]
# verbs and frames that tell a protest without a crowd noun
VERB_CELLS = [
    "On 12 May 2020, traders protested in Tovari town against new taxes. [size=no report]",
    "On 12 May 2020, dozens of people demonstrated outside the Tovari district office. [size=dozens]",
    "On 12 May 2020, students marched to the Tovari district office to denounce the fee hike. [size=no report]",
    "On 12 May 2020, farmers rallied in Tovari town in protest of the new land law. [size=no report]",
    "On 12 May 2020, nurses picketed the Tovari district hospital over unpaid wages. [size=no report]",
    "On 12 May 2020, residents of Nemri village took to the streets of Tovari to protest against power cuts. [size=no report]",
    "On 12 May 2020, villagers blocked the Tovari highway to demand a new bridge. [size=no report]",
    "On 12 May 2020, supporters of the Ponda Front chanted slogans against the governor in Tovari town. [size=no report]",
    "On 12 May 2020, hundreds of workers gathered in Tovari town to demand unpaid wages. [size=hundreds]",
    "On 12 May 2020, teachers assembled outside the Tovari education office to protest against transfers. [size=no report]",
    "On 12 May 2020, farmers converged on the Tovari district office to demand compensation. [size=no report]",
    "On 12 May 2020, doctors went on strike in Tovari town over unpaid salaries. [size=no report]",
    "On 12 May 2020, sanitation workers went on a hunger strike in Tovari town. [size=no report]",
    "On 12 May 2020, dock workers went on a go-slow in Tovari port. [size=no report]",
    "On 12 May 2020, lawyers boycotted the courts in Tovari town against the arrest of a colleague. [size=no report]",
    "Traders observed a complete strike in Tovari against extortion.",
    "Protest by traders in Tovari over taxes.",
    "Strike by doctors in Tovari.",
    "Students of Tovari college protest against fee hike.",
    "On 12 May 2020, workers of the Tovari mill staged a walk-out over unpaid wages. [size=no report]",
    "On 12 May 2020, students agitated in Tovari town against the fee hike. [size=no report]",
    "On 12 May 2020, protesters demanded the release of three detained activists in Tovari town. [size=no report]",
    "On 12 May 2020, markets remained shut in Tovari during a shutdown called by the Ponda Front. [size=no report]",
    "On 12 May 2020, transporters took part in a strike organised by the Tovari goods carriers' union. [size=no report]",
    # the forms of a 2020 demonstration: caravans of cars, pot-banging, flash mobs, placards
    "On 12 May 2020, about 20 people held a car caravan in Tovari against the lockdown. [size=about 20]",
    "On 12 May 2020, residents of Tovari held a cacerolazo against the government. [size=no report]",
    "On 12 May 2020, members of the Kelvar Growers Union held a motorcade in Tovari to demand relief. [size=no report]",
    "On 12 May 2020, activists of the Ponda Front carried out a protest action in Tovari. [size=no report]",
    "On 12 May 2020, health workers held a flash mob in Tovari to demand protective equipment. [size=no report]",
    "On 12 May 2020, a group of 15 people displayed placards in Tovari demanding food aid. [size=15]",
    # South Asian coding words: a satyagraha, courting arrest; demonstrators who call for
    "Satyagraha by villagers in Tovari against the dam.",
    "Ponda Front activists court arrest in Tovari.",
    "Demonstrators in Tovari called for the resignation of the mayor.",
]
RIOT_CELLS = [  # (note, sub-event type)
    ("On 12 May 2020, a mob looted shops in Tovari market. [size=no report]", MV),
    ("On 12 May 2020, a mob tore down a mobile phone mast in Tovari village. [size=no report]", MV),
    ("On 12 May 2020, an angry crowd ransacked the Tovari police post. [size=no report]", MV),
    ("On 12 May 2020, villagers burned the house of a suspected thief in Tovari. [size=no report]", MV),
    ("On 12 May 2020, protesters pelted stones at the Tovari district office during a demonstration against power cuts. [size=no report]", VD),
    ("On 12 May 2020, demonstrators torched vehicles in Tovari town during a protest against fuel prices. [size=no report]", VD),
    # ACLED: demonstrators burning tyres or barricades on a road are a violent demonstration
    ("On 12 May 2020, villagers burned tyres on the Tovari road to protest against power cuts. [size=no report]", VD),
    # a crowd's violence with no demonstration told is mob violence, not a battle
    ("On 12 May 2020, residents of Tovari clashed with police over the demolition of their homes. [size=no report]", MV),
    ("On 12 May 2020, supporters of the Ponda Front and the Kelvar Party clashed in Tovari, leaving 4 injured. [size=no report]", MV),
    ("On 12 May 2020, residents attacked a police patrol in Tovari with stones and sticks. [size=no report]", MV),
    ("On 12 May 2020, members of two communities clashed in Tovari with sticks and machetes, killing 2. [size=no report]", MV),
    ("On 12 May 2020, a mob set ablaze the house of a suspected witch in Tovari. [size=no report]", MV),
    ("On 12 May 2020, students protesting against fee hikes clashed with police in Tovari town. [size=no report]", VD),
]
BOUNDARY_CELLS = [  # (note, type, sub-event type)
    ("On 12 May 2020, police fired tear gas to disperse traders protesting in Tovari town against new taxes. [size=no report]", P, PI),
    ("On 12 May 2020, police used batons to disperse a sit-in by teachers in Tovari town. [size=no report]", P, PI),
    ("On 12 May 2020, police opened fire on a peaceful demonstration in Tovari town, killing 2 protesters. [size=no report]", P, EF),
    # looting by a crowd is the riot; by residents or soldiers, not told as a crowd, it stays looting
    ("On 12 May 2020, residents looted a food warehouse in Tovari. [size=no report]", "Strategic developments", "Looting/property destruction"),
    ("On 12 May 2020, soldiers looted shops in Tovari market. [size=no report]", "Strategic developments", "Looting/property destruction"),
]


@pytest.mark.parametrize("text", LIGHT_VERB_CELLS + SHORT_CELLS + VERB_CELLS)
def test_a_protest_however_told_is_a_protest(row_event, text):
    event = row_event(text, D20)
    assert event is not None and event.acled_event_type == P


@pytest.mark.parametrize("text,sub_type", RIOT_CELLS)
def test_a_riot_told_by_its_acts_is_a_riot(row_event, text, sub_type):
    event = row_event(text, D20)
    assert event is not None and (event.acled_event_type, event.acled_sub_event_type) == (R, sub_type)


@pytest.mark.parametrize("text,type_,sub_type", BOUNDARY_CELLS)
def test_force_on_a_protest_is_coded_as_acled_codes_it(row_event, text, type_, sub_type):
    event = row_event(text, D20)
    assert event is not None and (event.acled_event_type, event.acled_sub_event_type) == (type_, sub_type)


@pytest.mark.parametrize("text", [
    "The Kelvar Growers Union called a general strike in Tovari for next Monday.",
    "Traders announced they would observe a shutter-down strike in Tovari on Friday.",
    "On 12 May 2020, the Kelvar Growers Union said that a strike called for next Monday would go ahead.",
])
def test_a_strike_called_for_a_later_day_has_not_happened(row_event, text):
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != P
