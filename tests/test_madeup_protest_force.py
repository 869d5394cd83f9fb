"""Made-up notes of force on a protest and of protest forms strife did not read (issue #21).

ACLED's protest sub-events turn on what befell the protesters: arrested or dispersed while
protesting is a protest with intervention; shot dead at a protest is excessive force against
protesters, never a battle (a crowd at a protest is no armed side) nor an attack on civilians.
The protesters may be told by a relative clause on the arrested ('arrested 12 members of the
union who were staging a dharna'), by a participle ('protesting farmers') or as the victims
('two demonstrators were killed by police gunfire'). A protest about a killing is a protest: the
protesters' condemnation is their protest, and the body they carry is no toll of theirs. A ban
forbids a protest (none was held). Every town, group and person is invented.
"""

from __future__ import annotations

import pytest

P = "Protests"
PP, PI, EF = "Peaceful protest", "Protest with intervention", "Excessive force against protesters"
SA, AF, N20 = "2015-06-15", "2016-06-15", "2020-05-15"

CASES = [  # (note, published, sub-event type, fatalities or None)
    # arrested or dispersed while protesting: the clause on the arrested tells the protest
    ("On 6 May, police arrested 25 members of the Kelvar Growers Union who were holding a sit-in at the Tovari district office.", SA, PI, None),
    ("On 7 May, police detained dozens of nurses who tried to march towards the Tovari secretariat.", SA, PI, None),
    ("On 8 May, police detained 30 supporters of the Ponda Front who were trying to march to the governor's residence in Tovari.", SA, PI, None),
    ("On 9 May, police used force to disperse a sit-in of the Tovari Young Lawyers Forum.", SA, PI, None),
    # shot at a protest: excessive force, with the deaths on the row
    ("Police opened fire on protesting farmers in Tovari, killing two of them.", AF, EF, 2),
    ("Three demonstrators were killed by police gunfire during a march in Tovari.", AF, EF, 3),
    ("On 11 May, one protester was killed when police fired live rounds at a rally of the Ponda Front in Tovari.", SA, EF, 1),
    # protest forms: a strike told as tools laid down; a sit-down on the rail tracks
    ("Doctors at the Tovari referral hospital laid down their tools over poor working conditions.", AF, PP, None),
    ("On 12 May, members of the Kelvar Growers Union held a rail roko at Tovari station demanding a halt.", SA, PP, None),
    # the tagger's participle after an 'of' name, in a line with no other verb, is the line's verb
    ("On 6 February, students of Tovari Polytechnic boycotted classes demanding the release of their scholarship funds.", SA, PP, None),
    # South Asian and Central African idioms; a protest named by the programme or operation it is
    ("On 14 July, lawyers of the Tovari Bar Association abstained from courts for the third day.", SA, PP, None),
    ("Strike action by lecturers continued at Tovari University.", AF, PP, None),
    ("A 'ville morte' operation called by the opposition was largely observed in Tovari.", AF, PP, None),
    ("On 4 July, the Kelvar Party staged a jail bharo programme at Tovari demanding the release of its workers.", SA, PP, None),
    ("On 17 July, a road blockade programme was observed in Tovari by the Krishak Dal.", SA, PP, None),
    ("On 22 July, police firing on agitating farmers at Tovari left one dead.", SA, EF, 1),
    # a protest about a killing: protesters' condemnation is their protest; a body carried is no toll
    ("On 15 May 2020, demonstrators in Tovari (Kivu) condemned the attack on the Tovari health centre. [size=no report]", N20, PP, 0),
    ("On 18 March, villagers blocked the Tovari road with the body of a farmer who was killed in an elephant attack.", SA, PP, 0),
    ("On 14 May, residents of Tovari blocked the road with the body of a youth who was beaten to death, demanding the arrest of the killers.", SA, PP, 0),
    ("On 9 June, a shutter-down strike was observed in Tovari against the killing of a trader.", SA, PP, 0),
    ("Shutter-down strike observed in Tovari against the killing of a trader.", SA, PP, 0),
]
# what is not a protest held: a ban forbids one, an arrest's charge names one; people told protesting or angry who loot riot
OTHER_CASES = [  # (note, published, (type, sub-event type) or None)
    ("The government banned all protests in Tovari for three months.", AF, None),
    ("On 5 June, the Ponda Front announced a protest programme for the coming week in Tovari.", SA, None),
    ("On 4 June, the authorities banned a rally of the Ponda Front in Tovari.", SA, None),
    ("On 1 April, agitating students ransacked the principal's office at Tovari College.", SA, ("Riots", "Violent demonstration")),
    ("On 2 June, angry students ransacked the principal's office of Tovari College.", SA, ("Riots", "Mob violence")),
    # a protest an arrest charges ('for inciting protests') is the arrest's reason: the arrest is the row
    ("On 20 April, police arrested the leader of the Ponda Front in Tovari for inciting protests last month.", SA,
     ("Strategic developments", "Arrests")),
    ("Police arrested three students in Tovari for organising a protest against the fee hike.", AF,
     ("Strategic developments", "Arrests")),
]


@pytest.fixture(scope="module")
def rows(row_events):
    return row_events([(text, published) for text, published, _, _ in CASES])


@pytest.mark.parametrize("n", range(len(CASES)), ids=[c[0][:50] for c in CASES])
def test_force_on_a_protest_and_its_forms(rows, n):
    text, _, sub_type, deaths = CASES[n]
    event = rows[n]
    assert event is not None and (event.acled_event_type, event.acled_sub_event_type) == (P, sub_type), text
    if deaths:
        assert event.fatalities is not None and event.fatalities.best == deaths, text
    elif deaths == 0:
        assert event.fatalities is None or not event.fatalities.best, text


@pytest.fixture(scope="module")
def other_rows(row_events):
    return row_events([(text, published) for text, published, _ in OTHER_CASES])


@pytest.mark.parametrize("n", range(len(OTHER_CASES)), ids=[c[0][:50] for c in OTHER_CASES])
def test_a_ban_is_no_protest_and_protesters_who_loot_riot(other_rows, n):
    text, _, pair = OTHER_CASES[n]
    event = other_rows[n]
    got = (event.acled_event_type, event.acled_sub_event_type) if event is not None and event.acled_event_type else None
    assert got == pair, text
