"""Deaths in every wording, round 4 of issue #24: made-up notes, one case per rule.

Each note is labelled with the fatalities an ACLED coder records for the one event of its row, under
the ACLED codebook ("Reported fatalities") and its FAQ "Fatalities":

* every reported death counts, however the note words it: "breathed his last", "passed away",
  "laid down their lives", "fell in the fighting", "fatally stabbed"; a wounded person who later
  died of the wounds is a death of the event ("was shot and later died");
* a wounded person who died of the wounds counts ("injuring 4, one fatally"); remains count as the
  one dead they are ("a body of a man");
* ACLED does not count injuries or arrests: "2 dead and 40 arrested" is two, and a clause whose
  auxiliary was dropped ("2 soldiers were killed and 5 militants arrested") tells the arrested
  apart from the dead;
* each person listed with the dead is one more ("3 soldiers and their commander": four);
* a figure restated in brackets is one figure ("three (03)", "2 (two)"); "over N" is N+1, as
  ``data/number_modifiers.csv`` reads it.

Villages, people and groups are invented. Each case failed before the rule its id names; each
guard holds with the rule.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

AFRICA, SOUTH_ASIA, GLOBAL = "2016-06-22", "2015-05-20", "2020-05-31"


@pytest.mark.parametrize("text, published, deaths", [
    # idioms of dying (count_kinds.csv)
    pytest.param("A constable was shot by unknown gunmen in Darel and breathed his last in hospital.", SOUTH_ASIA, 1,
                 id="'breathed his last' is a death"),
    pytest.param("Gunmen opened fire on a bus in Telpur; the driver breathed his last on the spot.", SOUTH_ASIA, 1,
                 id="'the driver breathed his last': one dead"),
    pytest.param("A protester was wounded by police fire in Kiroba on 13/06 and passed away in hospital.", AFRICA, 1,
                 id="'passed away' is a death"),
    pytest.param("Two policemen laid down their lives repulsing an attack on the Barkot police station.", SOUTH_ASIA, 2,
                 id="'laid down their lives' is a death"),
    pytest.param("Four jawans laid down their lives while fighting militants in Salwan forest.", SOUTH_ASIA, 4,
                 id="'jawans laid down their lives': four dead"),
    pytest.param("Three soldiers fell in the fighting with Kelo Front militants near Zamora village.", AFRICA, 3,
                 id="'fell in the fighting' is a death"),
    pytest.param("Five soldiers fell during clashes with Tamu rebels near Kalemba on 19/06.", AFRICA, 5,
                 id="'fell during clashes' is a death"),
    pytest.param("Two people were fatally stabbed in a clash between rival youth groups in Ombeni.", AFRICA, 2,
                 id="'fatally stabbed' is a death"),
    pytest.param("Gunmen fatally wounded a shopkeeper in Dawaki.", AFRICA, 1,
                 id="'fatally wounded' is a death, not a wound"),
    pytest.param("A man was fatally shot by police during a protest in Kiboro.", AFRICA, 1,
                 id="'fatally shot' is a death"),
    # a death told after the subject's own verb
    pytest.param("A soldier was shot and later died in hospital after militants attacked a post in Lirok.", AFRICA, 1,
                 id="'was shot and later died': the shot are the dead"),
    pytest.param("Three people were wounded and later died in hospital after a grenade attack on Tumbal market.",
                 AFRICA, 3, id="'were wounded and later died': the wounded are the dead"),
    pytest.param("Police fired on protesters in Ngoma; a student was wounded and later succumbed.", AFRICA, 1,
                 id="'was wounded and later succumbed': one dead"),
    # a clause with its auxiliary dropped tells its own people's fate
    pytest.param("Two soldiers were killed and 5 militants arrested in Kalo.", AFRICA, 2,
                 id="'killed and 5 militants arrested': the arrested are no dead"),
    pytest.param("On 14 May 2020, in Dumba, a child was killed and her mother injured by sniper fire.", GLOBAL, 1,
                 id="'a child was killed and her mother injured': the mother is wounded"),
    pytest.param("Army operation in Kulo hills: 12 militants killed, 5 hideouts destroyed and 8 suspects held.",
                 SOUTH_ASIA, 12, id="a tally line's items each with a participle of its own"),
    # the word after a bare figure says what befell it
    pytest.param("Clashes in Ombeni: 2 dead and 40 arrested.", AFRICA, 2,
                 id="'2 dead and 40 arrested': the 40 are arrested"),
    # one more person listed after people a figure counts
    pytest.param("Militants ambushed a patrol near Kalo, killing 3 soldiers and their commander.", AFRICA, 4,
                 id="'3 soldiers and their commander': four dead"),
    pytest.param("Herders attacked Tse-Odu village. A couple and their child were killed.", AFRICA, 3,
                 id="'a couple and their child': three dead"),
    # older notes' figures
    pytest.param("Three (03) militants were killed in an exchange of fire near Kelwa.", SOUTH_ASIA, 3,
                 id="'Three (03) militants': padded digits in brackets restate the figure"),
    pytest.param("Militants attacked a check post, killing 2 (two) Levies personnel near Darel.", SOUTH_ASIA, 2,
                 id="'2 (two) personnel': a word in brackets restates the digits"),
    pytest.param("A pair of policemen were shot dead at a checkpoint near Darel.", SOUTH_ASIA, 2,
                 id="'a pair of policemen' is two"),
    pytest.param("Over a dozen civilians were killed by Tamu rebels near Kelwa.", AFRICA, 13,
                 id="'Over a dozen civilians': the figure counts the people after it (over N: N+1)"),
    pytest.param("Two killed, several arrested as police break up a protest in Kiroba.", AFRICA, 2,
                 id="'Two killed, several arrested': the several are arrested"),
    pytest.param("Militants attacked a police post in Darel. Two of the injured policemen later succumbed to their "
                 "injuries.", SOUTH_ASIA, 2, id="'Two of the injured policemen later succumbed': two dead"),
    pytest.param("On 10 May 2020, in Cabo Delgado, insurgents decapitated three men in Nkala village.", GLOBAL, 3,
                 id="'decapitated' is a killing"),
    pytest.param("Five terrorists were sent to hell in an operation by security forces in Tirwa Agency.", SOUTH_ASIA, 5,
                 id="'sent to hell' is a killing"),
    # the harm of the wounded told as fatal after them, and remains told with whose they are
    pytest.param("Gunmen attacked a bar in Kelwa, injuring 4, one fatally.", AFRICA, 1,
                 id="'injuring 4, one fatally': one dead"),
    pytest.param("Gunmen attacked a bar in Kelwa, wounding three, two of them fatally.", AFRICA, 2,
                 id="'wounding three, two of them fatally': two dead"),
    pytest.param("A body of a man with bullet wounds was found in Tumbal.", AFRICA, 1,
                 id="'A body of a man': the man is whose body it is, one dead"),
    # a headline's present
    pytest.param("Gunmen kill a policeman in Kindo; one of the attackers was also killed.", AFRICA, 2,
                 id="'Gunmen kill a policeman': a headline's present tells a death"),
])
def test_deaths_in_every_wording(row_event, text, published, deaths):
    event = row_event(text, published)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities


@pytest.mark.parametrize("text, published, deaths", [
    pytest.param("The town of Kelwa fell to the rebels after fierce fighting with the army on 12/06.", AFRICA, 0,
                 id="'the town fell' is no death"),
    pytest.param("Two Kelo Front militants fell into the hands of troops during a search operation near Gamsa.",
                 AFRICA, 0, id="'fell into the hands of troops' is no death"),
    pytest.param("Kelo Front fighters fell back from Mugu after soldiers attacked their base.", AFRICA, 0,
                 id="'fell back' is no death"),
    pytest.param("A police officer sustained life-threatening injuries when gunmen attacked a checkpoint in Ombeni.",
                 AFRICA, 0, id="'life-threatening injuries' are no death"),
    pytest.param("A shopkeeper nearly lost his life when gunmen opened fire on his shop in Darel; he was injured.",
                 SOUTH_ASIA, 0, id="'nearly lost his life' is no death"),
    pytest.param("Three soldiers were wounded and two of them later died when rebels attacked a post in Lirok.",
                 AFRICA, 2, id="'two of them later died': only the two"),
    pytest.param("Militants ambushed a bus near Kito, killing 2 soldiers and 3 civilians caught in the crossfire.",
                 AFRICA, 5, id="a participle on the last victim listed is no clause of its own"),
    pytest.param("Police dispersed protesters in Kiroba; dozens arrested and several injured.", AFRICA, 0,
                 id="arrests and wounds are no deaths"),
    pytest.param("Gunmen threatened to kill a policeman in Kindo.", AFRICA, 0,
                 id="'threatened to kill' is no death"),
    pytest.param("Two injured policemen were taken to hospital after militants attacked a post in Darel.", SOUTH_ASIA, 0,
                 id="the injured with no word of dying are no dead"),
    pytest.param("Gunmen attacked a bar in Kelwa, injuring four people seriously.", AFRICA, 0,
                 id="an adverb of no killing after the wounded is no death"),
    pytest.param("Gunmen executed 3 hostages in Kelwa.", AFRICA, 3,
                 id="people named by what befell them before are killed by the word of killing"),
    pytest.param("Fifteen (15) people were killed in an attack on Kelwa market.", AFRICA, 15,
                 id="a figure in words restated in digits is one figure"),
])
def test_what_the_rules_leave_alone(row_event, text, published, deaths):
    """Guards of the rules above: what each must not read."""
    event = row_event(text, published)
    deaths_read = 0 if event is None else acled_fatalities(event.fatalities, True)
    assert deaths_read == deaths, None if event is None else event.fatalities
