"""Tolls in the forms of older African notes, round 6 of issue #24: made-up notes, one case per rule.

Each note is labelled with the fatalities an ACLED coder records for the one event of its row, under
the ACLED codebook ("Reported fatalities") and its FAQ "Fatalities":

* a breakdown is part of the toll it details, however the note abbreviates its cue: "5 dead incl. 3
  militants", "9 killed incl 4 women", "6 killed incl. 2 policemen when ..." (`strife.abbreviations`,
  `count_parts._cue_before_parent`, `count_words.victim_position`); a person picked "among them" is
  one of them ("3 people, among them a child": `unnumbered._picked_from_them`);
* ACLED codes an event a day: two acts told in one sentence, each on a day of its own, are two
  rows, each with its own dead (`figure_links._same_incident`);
* every reported death counts, whoever died and however it is worded: "claimed the lives of 2
  peacekeepers", "was trampled to death" (count_victims.csv, count_kinds.csv);
* people of another act told beside the dead are not dead: "2 deaths and the abduction of 9 people"
  (`count_words._another_act`);
* a wounded person who later died is a death of the event, and only those who died: "killing 2 and
  wounding 8. Two of the 8 wounded later died" is four (`count_parts.picks_from_told`);
* "on one side" counts a side, not a person: "5 dead on one side and 3 on the other" is eight
  (`counts._counts_sides`);
* where sources differ, the most conservative figure: "7 killed according to police, 12 according
  to local leaders" is seven; "the opposition said 6 people died, the government said 2" is two
  (`tolls._speaker`, `counts._rival_figure`, `counts._said_by`).

Villages, people and groups are invented. Each case failed before the rule its name gives; each
guard holds with the rule. The notes are coded in one batch.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

AFRICA = "2016-06-22"

#: name -> (note, published, the fatalities a coder records for its one row)
NOTES = {
    # abbreviated part cues
    "'9 killed incl 4 women': the women are among the nine": (
        "On 11 June, Kelo Front attacked Mabiri; at least 9 killed incl 4 women.", AFRICA, 9),
    "guard: '9 killed incl. 4 women' is nine": (
        "On 11 June, Kelo Front attacked Mabiri; 9 killed incl. 4 women.", AFRICA, 9),
    "guard: 'killing 12 incl. the 2 bombers' is twelve": (
        "On 18 June, Kelo Front suicide bombers attacked Waluri camp, killing 12 incl. the 2 bombers.", AFRICA, 12),
    "'6 killed incl. 2 policemen when ...': the six are the dead, not the killers": (
        "On 12 June, 6 killed incl. 2 policemen when gunmen attacked Wara town.", AFRICA, 6),
    "'4 killed incl. a soldier when ...'": (
        "On 12 June, 4 killed incl. a soldier when Kelo Front attacked Gamo.", AFRICA, 4),
    "'10 people, incl. 3 attackers, were killed'": (
        "On 16 June, 10 people, incl. 3 attackers, were killed in Kasiro.", AFRICA, 10),
    "'killed approx. 12 fishermen'": (
        "Kelo Front killed approx. 12 fishermen near Bagari on 14 June.", AFRICA, 12),
    "guard: 'killing 3 civilians (incl. a nurse)' is three": (
        "On 19 June, Dasiri fighters attacked Ngadwa village killing 3 civilians (incl. a nurse).", AFRICA, 3),
    "guard: '5 dead incl 3 Kelo Front' is five": (
        "Kelo Front attacked Mbalaka village on 12/06; 5 dead incl 3 Kelo Front.", AFRICA, 5),
    "'3 people, among them a child, were killed' is three": (
        "On 12 June, 3 people, among them a child, were killed when gunmen attacked Kakuma market.", AFRICA, 3),
    "'killed 4 villagers, among them a pregnant woman' is four": (
        "On 15 June, gunmen killed 4 villagers, among them a pregnant woman, in Dobiri.", AFRICA, 4),
    "guard: 'killed 4 villagers and a pregnant woman' is five": (
        "On 15 June, gunmen killed 4 villagers and a pregnant woman in Dobiri.", AFRICA, 5),
    # who died, how
    "'claimed the lives of 2 peacekeepers'": (
        "On 13 June, an ambush near Borodo claimed the lives of 2 peacekeepers.", AFRICA, 2),
    "'claimed the life of a peacekeeper'": (
        "On 13 June, an ambush near Borodo claimed the life of a peacekeeper.", AFRICA, 1),
    "'claimed the lives of 3 vigilantes'": (
        "On 14 June, a Kelo Front raid on Gamari claimed the lives of 3 vigilantes.", AFRICA, 3),
    "'one student was trampled to death'": (
        "On 17 June, police fired teargas at protesting students in Kuroba; one student was trampled to death.",
        AFRICA, 1),
    # another act's people
    "'2 deaths and the abduction of 9 people' is two": (
        "On 14 June, an attack by the Kelo Front on Zemba resulted in 2 deaths and the abduction of 9 people.",
        AFRICA, 2),
    "'the deaths of 2 soldiers and the abduction of 9 people' is two": (
        "On 14 June, a Kelo Front attack on Zemba resulted in the deaths of 2 soldiers and the abduction of 9 people.",
        AFRICA, 2),
    "guard: 'the deaths of 2 soldiers and 3 civilians' is five": (
        "On 14 June, a Kelo Front attack on Zemba resulted in the deaths of 2 soldiers and 3 civilians.", AFRICA, 5),
    # later deaths among the wounded, the told figure named again
    "'killing 2 and wounding 8. Two of the 8 wounded later died' is four": (
        "On 13 June, gunmen fired on a taxi rank in Umbali, killing 2 and wounding 8. Two of the 8 wounded later died.",
        AFRICA, 4),
    "'Two of the eight wounded later died in hospital'": (
        ("On 13 June, gunmen fired on a bus in Kaliro, killing 3 and wounding 8. Two of the eight wounded later died "
        "in hospital."), AFRICA, 5),
    "'Two of the 5 abducted were later killed'": (
        "On 12 June, gunmen abducted 5 traders near Dibiri. Two of the 5 abducted were later killed.", AFRICA, 2),
    "guard: 'Two of the 5 dead were policemen' is five": (
        "On 12 June, gunmen killed 5 people in Dibiri. Two of the 5 dead were policemen.", AFRICA, 5),
    "guard: 'Two of the 8 wounded are in critical condition' is two": (
        ("On 13 June, gunmen fired on a bus in Kaliro, killing 2 and wounding 8. Two of the 8 wounded are in "
        "critical condition."), AFRICA, 2),
    # two acts of one sentence, each on a day of its own: two rows, the first the row
    "'attacked A on 12 June, killing 3; on 13 June, raided B, killing 5': the first day's three": (
        ("On 12 June, Kelo Front insurgents attacked Gonari, killing 3; on 13 June, militants raided Katoro, "
        "killing 5."), AFRICA, 3),
    "guard: 'attacked A on 12 June, killing 3, and wounded 5': one act": (
        "On 12 June, Kelo Front insurgents attacked Gonari, killing 3 and wounding 5.", AFRICA, 3),
    "guard: 'kidnapped 2 on 12 June; one was found dead on 14 June': the finding is the act's": (
        "On 12 June, armed men kidnapped 2 traders near Kumbo; one was found dead on 14 June.", AFRICA, 1),
    "guard: 'killed 8 on 15 June; 5 more bodies recovered on 16 June': the bodies are the act's": (
        "On 15 June, herders killed 8 in Ukuma; 5 more bodies recovered on 16 June.", AFRICA, 13),
    # sides counted in a phrase of where the dead were
    "'5 dead on one side and 3 on the other' is eight": (
        "Clashes between two clans in Galdoro; 5 dead on one side and 3 on the other.", AFRICA, 8),
    "guard: '2 killed on each side' is four": (
        "Clashes between two clans in Galdoro; 2 killed on each side.", AFRICA, 4),
    # rival accounts
    "'7 killed according to police, 12 according to local leaders' is seven": (
        "On 13 June, herders attacked Ayilobo; 7 killed according to police, 12 according to local leaders.",
        AFRICA, 7),
    "'the opposition said 6 people died, the government said 2' is two": (
        ("Protesters clashed with police in Kirundo on 15 June; the opposition said 6 people died, the government "
        "said 2."), AFRICA, 2),
    "guard: 'police said 3 were killed, residents said 10' is three": (
        "On 14 June, police fired on protesters in Kasoli; police said 3 were killed, residents said 10.", AFRICA, 3),
}


@pytest.fixture(scope="module")
def rows(named_row_events):
    return named_row_events(NOTES)


@pytest.mark.parametrize("name", list(NOTES))
def test_the_toll_a_coder_records(rows, name):
    row, deaths = rows[name], NOTES[name][2]
    assert row is not None, name
    assert acled_fatalities(row.fatalities, True) == deaths, row.fatalities
