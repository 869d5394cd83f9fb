"""Tolls of one fight told in two sentences, of breakdowns and of headings (issue #24, session 21).

Made-up notes in the terse styles of ACLED's 2015-2016 coders, each labelled with the fatalities a
coder records for the note's one event (ACLED codebook, "Reported fatalities"):

* ACLED codes one battle for one interaction of two armed sides on one day and place, with the dead
  of both sides: "Maoists ambushed a patrol, killing 2 jawans. The CRPF returned fire, killing 3
  Maoists." is one event with 5 dead (`strife.extract.row_toll.one_fight`); an attack on villagers
  followed by troops hunting the attackers, or each side's attack on the other's people, are not;
* a bracketed breakdown of a bare toll is the same dead again ("killing 2 (1 police, 1 civilian)");
* a part is never more than its whole ("killing three policemen, before police killed four of them");
* a heading opened by a gerund ("Killing of 2 people by gunmen") counts the "of" phrase's people;
* people listed as subjects of "died" are one toll, however the event is found;
* deaths told with a month, a year or a day of their own before the week of an undated report are
  another incident's ("Five soldiers were killed in the same area in May");
* "unclear how many militants died" gives no figure;
* a toll told for a range of days written month first ("between Jun.19-20"), or by a subject that
  counts the days ("Three days of clashes ... killed 12"), is divided among the days, as ACLED
  divides a toll told for several days (the first day takes the odd one);
* the company of a passive's subject ("A leader along with his driver was shot dead") are victims.

Villages, people and groups are invented; countries and provinces are real.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

AFRICA, SOUTH_ASIA = "2016-06-22", "2015-05-20"


@pytest.mark.parametrize("text, published, deaths", [
    pytest.param("Maoists ambushed a CRPF patrol near Korbandi village, killing 2 jawans. The CRPF returned fire, "
                 "killing 3 Maoists.", SOUTH_ASIA, 5,
                 id="the side attacked hits back in the next sentence: one battle, both sides' dead"),
    pytest.param("ADF rebels attacked FARDC positions at Mbelo on 17/06, killing 2 soldiers. FARDC killed 4 rebels "
                 "in the fighting.", AFRICA, 6, id="the reply is the surer event: it adds the attack's dead"),
    pytest.param("Kuru Front militants attacked a KDF convoy near Hosingo on 19/06. KDF said it killed 12 militants; "
                 "no KDF losses reported.", AFRICA, 12,
                 id="an attack with no dead of its own takes the attacked side's reply"),
    pytest.param("Police clashed with rioters in Kibwe on 11/06, killing 2 (1 police, 1 civilian).", AFRICA, 2,
                 id="'killing 2 (1 police, 1 civilian)': the brackets break the bare toll down"),
    pytest.param("Militants attacked a check post in Spinwam; 3 killed (2 FC, 1 civilian).", SOUTH_ASIA, 3,
                 id="'3 killed (2 FC, 1 civilian)': the brackets break the toll down"),
    pytest.param("Taliban militants stormed a checkpost in Gorwal area, killing three policemen, before police "
                 "killed four of them in a gunbattle.", SOUTH_ASIA, 7,
                 id="'four of them' after three: more than the whole is no part of it"),
    pytest.param("Killing of 2 people by unknown gunmen in Kambia on 13/06.", AFRICA, 2,
                 id="'Killing of 2 people': a gerund heading's of-phrase holds its victims"),
    pytest.param("A soldier and a civilian died in crossfire in Kalemie on 13/06.", AFRICA, 2,
                 id="'A soldier and a civilian died': both are the toll"),
    pytest.param("Two soldiers were killed by unknown armed men in Mugamba. The army said the attackers came from "
                 "Rwanda. Five soldiers were killed in the same area in May.", AFRICA, 2,
                 id="deaths told in an earlier month are another incident's"),
    pytest.param("Unknown gunmen killed a trader in Kiboko market. Four traders were killed in the same market in "
                 "2014.", AFRICA, 1, id="deaths told in an earlier year are another incident's"),
    pytest.param("LNA forces advanced in Ganfouda. 3 LNA soldiers were killed and 10 wounded. It was unclear how "
                 "many militants died.", AFRICA, 3, id="'unclear how many militants died' is no figure"),
    pytest.param("Clashes in Tumo village; how many died is unclear, but 4 bodies were recovered.", AFRICA, 4,
                 id="'how many died' is no figure beside the figure told"),
    pytest.param("Clashes between herders and militiamen in the Kouki area resulted in 9 killed, between Jun.19-20.",
                 AFRICA, 5, id="'between Jun.19-20': a month-first range of two days shares the toll"),
    pytest.param("Three days of clashes between rival youths in Lakor killed 12 people.", AFRICA, 4,
                 id="'Three days of clashes': the subject counts the days"),
    pytest.param("A local party leader along with his driver was shot dead by unidentified gunmen in Kalor.",
                 SOUTH_ASIA, 2, id="'a leader along with his driver was shot dead': both are victims"),
])
def test_the_row_has_the_toll_a_coder_records(row_event, text, published, deaths):
    event = row_event(text, published)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities


@pytest.mark.parametrize("text, published, deaths", [
    pytest.param("Boko Haram militants attacked Kulamari village on 15/06, killing 4 civilians. Troops later pursued "
                 "the militants to Gadowa forest and killed 6 of them.", AFRICA, 4,
                 id="troops hunting the attackers of villagers: another event"),
    pytest.param("Herders attacked farmers in Agatu; 12 people were killed. Reprisal attacks by farmers killed 3 "
                 "herders.", AFRICA, 12, id="each side's attack on the other's people: no battle, two events"),
    pytest.param("Gunmen killed 3 villagers in Tobiri on 11/06. The next day police tracked the gunmen to Mararo "
                 "and killed 2 of them.", AFRICA, 3, id="the police's hunt is no reply of the villagers"),
    pytest.param("Fighting in Galo village on 10/06: 5 civilians (2 men, 2 women and 1 child) were killed.", AFRICA, 5,
                 id="a breakdown after a counted noun stays a part"),
    pytest.param("Gunmen killed 8 people in Tumbi, 3 of them children.", AFRICA, 8,
                 id="a part no more than its whole stays a part"),
    pytest.param("Shelling of Kasra village by government forces on 13/06.", AFRICA, 0,
                 id="a gerund heading's of-phrase of a place counts nobody"),
    pytest.param("Gunmen attacked Kabo village. Five villagers were killed in June.", AFRICA, 5,
                 id="deaths told in the report's own month stay its toll"),
    pytest.param("Gunmen attacked Kabo village. Five villagers were killed on 20 June.", AFRICA, 5,
                 id="deaths told on a day of the report's week stay its toll"),
    pytest.param("Clashes in Toma on June 18 killed 4 people.", AFRICA, 4,
                 id="a month and one day is no range"),
    pytest.param("Clashes in Toma on June 18 left 7 dead and 2 to 4 houses burnt.", AFRICA, 7,
                 id="a range of houses after the day is no range of days"),
    pytest.param("A commander along with his guards attacked a police post in Kalor; one policeman was killed.",
                 SOUTH_ASIA, 1, id="the company of an active subject are its doers"),
    pytest.param("Two days of talks between the clans in Lakor ended; 3 people were killed in clashes later.", AFRICA, 3,
                 id="days of another clause's act share nothing"),
])
def test_what_the_rules_leave_alone(row_event, text, published, deaths):
    """Guards of the rules above: what each must not read."""
    event = row_event(text, published)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities
