"""Death tolls of made-up notes in the terse style of ACLED's 2015-16 coders, one per convention of
the codebook ("Reported fatalities") they exercise: which figure a coder takes when sources differ,
when a tally names one side's dead and another line the other side's, when a breakdown follows the
figure. Villages, people and groups are invented. Each note is read as a report of 22 June 2016; the
figure is what an ACLED export records for the note's row (`strife.conventions.acled_fatalities`).
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.conventions import acled_fatalities

PUBLISHED = dt.date(2016, 6, 22)

RULES = [
    pytest.param("Militia attacked IDP camp near Wosi, killing 8, among them 3 children.", 8,
                 id="a fronted 'among them' breakdown is the same people"),
    pytest.param("Gunmen raided Kallo village, killing 6, of them 2 women.", 6,
                 id="a fronted 'of them' breakdown is the same people"),
    pytest.param("Police said 3 people died in clashes between rival militias in Saba; residents said 10 were killed.", 3,
                 id="rival accounts of one toll: the most conservative"),
    pytest.param("Clashes between herders and farmers in Mudi. Police said 12 killed; local leaders said 30 were killed.", 12,
                 id="rival accounts of one toll: the most conservative"),
    pytest.param("Rebels attacked an army base in Pelo. 7 soldiers killed. 3 rebels also died.", 10,
                 id="a tally of one side's dead and the other side's add up"),
    pytest.param("Militants ambushed a patrol near Wara on 20/06. Three soldiers killed. Military says 10 militants killed in response.", 13,
                 id="a tally of one side's dead and the other side's add up"),
    pytest.param("Soldiers killed 7 militants in Dumbe forest. 2 soldiers killed.", 9,
                 id="a tally of one side's dead and the other side's add up"),
    pytest.param("Rebels attacked Kobo. 5 civilians killed. 5 civilians died, local sources said.", 5,
                 id="a tally of one side restated is within it"),
    pytest.param("Gunmen killed 3 soldiers and 2 civilians near Tesso. 5 people killed.", 5,
                 id="a tally naming no side totals every side"),
    pytest.param("At least 30 soldiers of the Kilo Brigade were killed on 4 June in heavy clashes with rebel forces near "
                 "the centre of Koyo. The fighting followed a new offensive by the brigade to take the centre of the town. "
                 "The number of rebel casualties is unknown although the brigade spoke of dozens dead.", 42,
                 id="an act the fighting followed is the same incident; both sides' dead add up"),
    pytest.param("At least 30 soldiers of the Kilo Brigade were killed on 4 June in heavy clashes with rebel forces near "
                 "the centre of Koyo. The fighting followed a new offensive by the brigade to take the centre of the town. "
                 "The number of rebel casualties is unknown although the brigade spoke of dozens dead. Army forces took "
                 "control of new areas including the radio station.", 42,
                 id="an act the fighting followed is the same incident; both sides' dead add up"),
    pytest.param("Rebels ambushed a convoy near Kasu killing 6; 2 more died of their wounds later.", 8,
                 id="'2 more died' after a toll is more victims, not a closing tally"),
    pytest.param("Clashes between two clans near Boru; 5 killed, more than 20 injured.", 5,
                 id="'more than' is a hedge, not more victims"),
    pytest.param("Clashes between soldiers and militiamen in Tira, one dead on each side.", 2,
                 id="a figure 'on each side' is each side's dead"),
    pytest.param("Clashes between soldiers and militiamen in Tira, two killed on either side.", 4,
                 id="a figure 'on each side' is each side's dead"),
    pytest.param("Clashes between soldiers and militiamen in Tira, three killed on both sides.", 3,
                 id="'on both sides' may be the total of both: the figure stands"),
    pytest.param("A suicide bomber detonated his vest at a checkpoint in Mara, killing 2 soldiers and himself.", 3,
                 id="the bomber listed with his victims is one more"),
    pytest.param("Militants attacked an army post in Lowa. 3 soldiers and an unknown number of militants killed.", 6,
                 id="groups listed on a tally line share its participle"),
    pytest.param("Protesters in Kalu blocked roads and burned tyres. Police fired live rounds, killing 2.", 2,
                 id="the police's fire right after a demonstration is its toll"),
    pytest.param("Protesters marched in Kalu against the governor. Police fired live rounds, killing 2.", 2,
                 id="the police's fire right after a demonstration is its toll"),
    pytest.param("Opposition supporters rioted in Bema after the election results. Police opened fire, 3 dead.", 3,
                 id="the police's fire right after a demonstration is its toll"),
    pytest.param("Traders protested new taxes in Bemba market. Police killed 2 armed robbers in Lowe.", 0,
                 id="police killing others elsewhere is another incident"),
    pytest.param("Gunmen abducted 3 traders near Biso and later killed one of them.", 1,
                 id="'killed one of them' after an abduction is a death, not one of the abducted"),
    pytest.param("Soldiers of the FARDC clashed with Mai-Mai militiamen in Kilo. The army claims to have killed 8 "
                 "militiamen; 2 soldiers were killed.", 10,
                 id="in a fight, one side's claim of the other side's dead adds up"),
    pytest.param("Soldiers clashed with militiamen in Kilo. 2 soldiers were killed. The army claims to have killed 8 militiamen.", 10,
                 id="in a fight, one side's claim of the other side's dead adds up"),
    pytest.param("The death toll from the Toko attack reached 11.", 11, id="'the toll reached N' gives the toll"),
    pytest.param("Gunmen attacked Toko village. The death toll is 6.", 6, id="'the toll is N' gives the toll"),
    pytest.param("Reports of 10 fatalities after clashes between herders and farmers in Toko.", 10,
                 id="deaths told as what followed clashes are their toll"),
    pytest.param("Clashes between herders and farmers in Toko on 19/06 and 20/06 left 12 dead.", 6,
                 id="a toll over two days written day/month is divided between them"),
    pytest.param("Herders clashed with farmers in Gara on 19-20/06. 10 killed.", 5,
                 id="a toll told after an act over a range of days is divided among them"),
    pytest.param("Gunmen attacked villages in Kuru district from 18/06 to 20/06. 9 villagers killed.", 3,
                 id="a toll told after an act over a range of days is divided among them"),
    pytest.param("Herders clashed with farmers in Gara on 19/06. 10 killed.", 10, id="one day: the toll stands"),
    pytest.param("The attack left 7 dead: 4 soldiers and 3 civilians.", 7,
                 id="a breakdown after a colon is the same people"),
    pytest.param("Three policemen and a civilian killed; two assailants also died.", 6,
                 id="figures told as other people after a tally add to it"),
    pytest.param("Five villagers killed in Mafa. Two more died in hospital the next day.", 7,
                 id="figures told as other people after a tally add to it"),
    pytest.param("Gunmen attacked Kallo village, killing twenty-one (21) people.", 21,
                 id="a figure in words restated in digits in brackets is one figure"),
    pytest.param("Gunmen attacked Tepa village; at least fifteen (15) people were killed.", 15,
                 id="a figure in words restated in digits in brackets is one figure"),
    pytest.param("Gunmen raided Sumo village; between 5 and 8 people were killed.", 5,
                 id="a range of deaths: the lowest figure"),
    pytest.param("Gunmen attacked Kuda village. Scores of people were killed.", 20,
                 id="'scores': one score, as 'dozens' is one dozen"),
    pytest.param("Gunmen attacked Kallo village on 20/06, killing 2 and wounding 5. Two of the wounded later died in hospital.", 4,
                 id="later deaths of the wounded add to the toll"),
    pytest.param("Bandits raided Temu village, killing 3 and wounding 6. One of the injured died on the way to hospital.", 4,
                 id="later deaths of the wounded add to the toll"),
    pytest.param("Bandits raided Temu village, killing 3 and wounding 6. Two of the wounded are in critical condition.", 3,
                 id="the wounded picked out without a death are no toll"),
    pytest.param("Bandits raided Temu village, killing 3 and wounding 6. Two of the dead were children.", 3,
                 id="the dead picked out are among the toll"),
    pytest.param("Bandits raided Temu village, killing 3 and wounding 6. The toll rose to five after two of the wounded died.", 5,
                 id="later deaths of the wounded told with a running total are within it"),
    pytest.param("Clashes between two clans in Buru over two days left 6 dead.", 3,
                 id="a toll of clashes told over days in the subject is divided among them"),
    pytest.param("Fighting over three days in Buru left 9 dead.", 3,
                 id="a toll of clashes told over days in the subject is divided among them"),
    pytest.param("Clashes between two communities in Buru left 6 dead.", 6,
                 id="the sides of a 'between' are one fight, not places to divide among"),
]


@pytest.mark.parametrize("text, deaths", RULES)
def test_a_2016_convention_of_how_deaths_are_counted(row_event, text, deaths):
    event = row_event(text, PUBLISHED)
    assert event is not None and acled_fatalities(event.fatalities, True) == deaths
