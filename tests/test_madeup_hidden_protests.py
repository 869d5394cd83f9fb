"""Made-up notes: protests and explosions told without a plain protest or attack verb (issue #21).

Every village, person and group is invented. Two styles, as ACLED's coders write: 2020 notes ('On 3
May 2020, ...' with a size tag) and the terse South Asian notes of 2015 ('Traders observed a
shutter-down strike in X against extortion.'). Each note's row (`strife.rows.record_row_event`,
as a user's export holds it) must carry the ACLED event type a coder gives it.
"""

from __future__ import annotations

import pytest

P, E = "Protests", "Explosions/Remote violence"
D20, OLD15 = "2020-05-03", "2015-04-08"

NOTES = [
    # a shutdown people observe or stage is a strike; a lockdown authorities enforce is not
    (D20, "On 3 May 2020, traders observed a shutdown in Dovreth town against extortion. [size=no report]", P),
    (D20, "On 3 May 2020, a complete shutdown was observed in Dovreth town on the call of the traders' association. [size=no report]", P),
    (OLD15, "Traders' shutdown in Dovreth.", P),
    # named kinds of strike
    (OLD15, "Wheel-jam strike in Dovreth against fuel prices.", P),
    (OLD15, "Pen-down strike by clerks in Pelwan.", P),
    (D20, "On 3 May 2020, transporters went on a wheel-jam strike in Dovreth district against fuel price rises. [size=no report]", P),
    # slogans shouted, raised or chanted; sloganeering
    (D20, "On 3 May 2020, members of the youth wing shouted slogans against the government in Dovreth town. [size=no report]", P),
    (D20, "On 3 May 2020, workers raised slogans against the mill management outside the Pelwan sugar mill demanding unpaid dues. [size=no report]", P),
    (OLD15, "Sloganeering against the government by party workers in Tarsel.", P),
    # a protest meeting is no consultation; torch and candle processions
    (D20, "On 3 May 2020, women held a protest meeting in Tarsel against the sale of liquor. [size=no report]", P),
    (OLD15, "Torch procession taken out in Pelwan against the price hike.", P),
    (D20, "On 3 May 2020, activists took out a torchlight procession in Tarsel demanding the arrest of the accused. [size=no report]", P),
    # a memorandum a crowd hands in
    (D20, "On 3 May 2020, a crowd of villagers submitted a memorandum to the Pelwan deputy commissioner demanding a new bridge. [size=no report]", P),
    # the telegraphic passive of a headline: 'Strike (was) observed in X'
    (OLD15, "Complete strike observed in Tarsel on the call of the Jamaat Ittehad.", P),
    (OLD15, "Strike observed in Tarsel against the arrest of the party chief.", P),
    # a noun's doer after 'by': 'a blockade of the highway by villagers' is the villagers' protest
    (OLD15, "Blockade of the Pelwan highway by villagers demanding electricity.", P),
    (OLD15, "Road blockade by villagers in Tarsel over power cuts.", P),
    # a vehicle that runs over a mine sets it off
    (D20, "On 3 May 2020, 3 passengers were killed when their vehicle ran over a landmine near Tarsel.", E),
    (D20, "On 3 May 2020, an army truck drove over an IED near Pelwan, wounding 2 soldiers.", E),
    # an explosion that targets something is the explosion's attack, and what only tells who was hurt
    # in it ('2 soldiers were injured', no one named as doing it) is its outcome, not a battle
    (D20, "On 3 May 2020, an explosion targeted a military vehicle in Pelwan, killing 2 soldiers.", E),
    (D20, "On 3 May 2020, a blast occurred at a checkpoint in Pelwan; 2 soldiers were injured.", E),
    # placards or banners held or carried; an agitation by a crowd or one staged (South Asian English)
    (D20, "On 3 May 2020, a group of women held placards outside the Dovreth court demanding justice for a murdered girl. [size=no report]", P),
    (D20, "On 3 May 2020, activists carried banners through Tarsel market demanding the reopening of schools. [size=no report]", P),
    (OLD15, "Agitation by farmers in Pelwan for loan waiver.", P),
    (OLD15, "Farmers intensified their agitation in Pelwan for loan waiver.", P),
    # a crowd's siege or camp-in of an office; shutters down; vehicles kept off the roads by their owners
    (D20, "On 3 May 2020, villagers laid siege to the Pelwan police station demanding the release of a youth. [size=no report]", P),
    (D20, "On 3 May 2020, villagers besieged the Pelwan police station demanding the release of a youth. [size=no report]", P),
    (D20, "On 3 May 2020, residents camped outside the Tarsel district office demanding water. [size=no report]", P),
    (OLD15, "Shutter down in Pelwan against extortion.", P),
    (OLD15, "Shutter-down in Pelwan against extortion.", P),
    (D20, "On 3 May 2020, transporters kept their vehicles off the roads in Tarsel against fuel prices. [size=no report]", P),
    # shutters downed or pulled down; services suspended by those who give them; a crowd's lock-out
    (OLD15, "Traders downed shutters in Tarsel against extortion.", P),
    (D20, "On 3 May 2020, traders pulled down their shutters in Tarsel against extortion. [size=no report]", P),
    (D20, "On 3 May 2020, doctors suspended outpatient services in Pelwan demanding security. [size=no report]", P),
    (D20, "On 3 May 2020, students locked the gate of the Tarsel college demanding the removal of the principal. [size=no report]", P),
    (D20, "On 3 May 2020, villagers padlocked the Pelwan health centre demanding a doctor. [size=no report]", P),
    # a black day observed, black badges worn or worked with, a fast unto death
    (D20, "On 3 May 2020, lawyers observed a black day in Pelwan against the assault on a colleague. [size=no report]", P),
    (D20, "On 3 May 2020, employees worked with black badges in Tarsel demanding regularisation. [size=no report]", P),
    (D20, "On 3 May 2020, teachers wore black armbands in Tarsel against unpaid salaries. [size=no report]", P),
    (D20, "On 3 May 2020, workers went on a fast unto death in Pelwan demanding unpaid wages. [size=no report]", P),
    # forms that were already read, kept so they stay read
    (D20, "On 3 May 2020, around 40 nurses held a sit-in outside Kalgani hospital demanding unpaid wages. [size=around 40]", P),
    (D20, "On 3 May 2020, students formed a human chain in Dovreth town demanding the reopening of the college. [size=no report]", P),
    (D20, "On 3 May 2020, villagers staged a gherao of the Pelwan police station demanding the arrest of the accused. [size=no report]", P),
    (OLD15, "Hartal observed in Dovreth district.", P),
    (OLD15, "Traders observed a shutter-down strike in Pelwan against extortion.", P),
    (D20, "On 3 May 2020, an explosion occurred near a market in Dovreth town, injuring 3 civilians.", E),
    (D20, "On 3 May 2020, a blast was heard in Dovreth town; no casualties were reported.", E),
    (D20, "On 3 May 2020, an explosive device went off near a police checkpoint in Tarsel. No casualties reported.", E),
    (D20, "On 3 May 2020, a grenade exploded near a shop in Pelwan market, wounding two people.", E),
    (D20, "On 3 May 2020, an IED was detonated near a military convoy in Tarsel district.", E),
    (D20, "On 3 May 2020, a landmine blast killed a shepherd near Pelwan village.", E),
]


@pytest.mark.parametrize("published, text, event_type", NOTES)
def test_a_hidden_protest_or_explosion_is_found(row_event, published, text, event_type):
    event = row_event(text, published)
    assert event is not None, text
    assert event.acled_event_type == event_type


@pytest.mark.parametrize("text", [
    "On 3 May 2020, authorities enforced a shutdown of markets in Dovreth to curb the virus.",
    "Talks on the ceasefire agreed in March continued in Tarsel.",
    "On 3 May 2020, the Pelwan council submitted a memorandum to the ministry on road repairs.",
    "On 3 May 2020, the Pelwan council held a meeting on road repairs.",
    "On 3 May 2020, militants laid siege to Tarsel town.",
    "On 3 May 2020, troops camped outside Tarsel town.",
    "On 3 May 2020, police kept vehicles off the roads in Tarsel to enforce the curfew.",
    "On 3 May 2020, the government suspended bus services in Pelwan to curb the virus.",
    "On 3 May 2020, police locked the Tarsel party office.",
    "On 3 May 2020, Muslims in Tarsel observed the fast.",
])
def test_what_is_no_protest_stays_none(row_event, text):
    """A lockdown enforced by authorities, an earlier agreement named inside a sentence, and a
    council's memorandum are no protest; nor are armed men's siege or camp, nor police keeping traffic off the roads (the telegraphic reading is only for the noun heading a line)."""
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != P


def test_soldiers_who_fight_back_after_a_blast_still_fight(row_event):
    """The explosion leads only over a bare outcome: an exchange of fire told with its two sides stays a battle."""
    event = row_event("On 3 May 2020, militants clashed with soldiers near Pelwan; 2 soldiers were injured.", D20)
    assert event is not None and event.acled_event_type == "Battles"
