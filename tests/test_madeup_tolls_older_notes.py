"""Tolls of terse coder notes in the styles of 2015-2016 (issue #24): made-up notes, one case per rule.

Each note is labelled with the fatalities an ACLED coder records for its one event, under the ACLED
codebook ("Reported fatalities") and ACLED's FAQ "Fatalities" (Uses and limitations of ACLED data):

* where sources differ, ACLED uses the most conservative estimate, so a range ("between 6 and 10")
  is its low bound and rival sources' figures of the same dead are the lowest of them;
* an unknown plural ("civilians were killed", like "several" or plural "fatalities") is coded 3
  (strife's ``data/acled_fatality_conventions.csv``, the lower of the codebook's 3 or 10);
* "when summarized fatalities are reported but events occur across several days or in multiple
  locations", the total is divided among the events, so the note's row holds its share (the first
  share, `strife.conventions.split_share`);
* ACLED records deaths, not injuries: of a brief tally line ("1 killed 4 injured") only the dead
  count, and a wounded person who later died is a death of the event.

Villages, people and groups are invented; the countries' own words ("jawan") are English as the
coders of South Asia write it. Each case failed before the rule its id names.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

AFRICA, SOUTH_ASIA = "2016-06-22", "2015-05-20"


@pytest.mark.parametrize("text, published, deaths", [
    # a range of people the entity tagger reads as a date ("between 6 and 10 June") is a head count
    pytest.param("Between 6 and 10 civilians were killed in an air strike on Tumbal market.", AFRICA, 6,
                 id="a range opening the note, tagged a date, is a head count: its low bound"),
    # the parser may read the range's opener after the verb as a preposition
    pytest.param("An air strike on Hadu market killed between 6 and 10 civilians.", AFRICA, 6,
                 id="'killed between 6 and 10 civilians': the range is the object"),
    # a brief tally line: each figure has its own outcome word
    pytest.param("Grenade attack in Buyenzo, 1 killed 4 injured.", AFRICA, 1,
                 id="'1 killed 4 injured': the second figure is no victim of the first's verb"),
    pytest.param("Grenade attack in Tamuli, one killed and four injured.", AFRICA, 1,
                 id="'one killed and four injured': the first figure's own word, not the last's"),
    # people a toll counts
    pytest.param("Three Maoists and a jawan were killed in an encounter in Sukmal forest.", SOUTH_ASIA, 4,
                 id="a jawan (a soldier) is a person a toll counts"),
    pytest.param("Two bodyguards of a district official were shot dead by gunmen in Lakki Dara.", SOUTH_ASIA, 2,
                 id="the person whose counted people were killed is no victim"),
    pytest.param("Three sons of a farmer were killed by bandits in Pelo village.", AFRICA, 3,
                 id="'3 sons of a farmer': the farmer is whose they were"),
    # an unnumbered plural of people killed
    pytest.param("Civilians killed in airstrike on Jirba market.", AFRICA, 3,
                 id="a bare plural of people killed is an unknown number: ACLED codes 3"),
    pytest.param("Soldiers were killed when rebels ambushed a convoy near Moro.", AFRICA, 3,
                 id="a bare plural passive subject of a killing is an unknown number: 3"),
    # rival sources of the same dead: the most conservative
    pytest.param("Clashes between herders and farmers in Agwu village. Police said 6 people died; local leaders said 23.",
                 AFRICA, 6, id="the clause before a semicolon has its own source: rival accounts, the lowest"),
    # rival sources of one side's dead: that side's most conservative figure; the sides add up
    pytest.param("On 28 May 2020, Kelo Front fighters attacked an army base in Bulo; the Kelo Front claimed 17 soldiers "
                 "were killed, while the army said 3 soldiers and 11 militants were killed.", "2020-05-31", 14,
                 id="one side's dead told by rival sources: the lowest, plus the other side's"),
    pytest.param("Rebels of the Tamu Movement attacked a police camp at Sokoro. The Tamu Movement claimed 30 policemen "
                 "were killed; police said 4 policemen and 9 rebels died.", AFRICA, 13,
                 id="the attackers' claim of the police's dead against the police's own figure: the lowest"),
    pytest.param("Fighting between the army and rebels in Kusa; the rebels say 20 soldiers died, the army says 6.",
                 AFRICA, 6, id="'the army says 6' after another source's figure is a rival account: the lowest"),
    # in a fight, either side's claim of the other's dead adds, whatever the dictionary knows of the attacker
    pytest.param("The Kelo Front attacked an army post in Dabo. The ministry said 12 Kelo fighters were killed; "
                 "the Kelo Front claimed to have killed 8 soldiers.", AFRICA, 20,
                 id="each side claims the other's dead: both add up"),
    # a toll told for places written as a list is divided among them
    pytest.param("Fighting between rebels and the army in Kado and Maru left 6 dead.", AFRICA, 3,
                 id="places listed after the sides of a fight divide its toll"),
    pytest.param("Clashes in Kado and later in Maru between herders and militiamen resulted in 16 killed.", AFRICA, 8,
                 id="'in A and later in B' lists two places"),
    pytest.param("Clashes in Kado as well as Maru and Tebo between the army and militants. "
                 "A total of six soldiers were killed.", AFRICA, 2,
                 id="'in A as well as B and C' lists three places; the toll told after is divided"),
    # a toll told over a range of days is divided among them, the range tagged a date or not
    pytest.param("Reports indicate that 13 people died in clashes in Kero between 15 and 17 June.", AFRICA, 5,
                 id="a range of days before a month's name the tagger left untagged divides the toll"),
    # the wounded who later died
    pytest.param("Three soldiers were wounded in an ambush near Bedo; one of them later died.", AFRICA, 1,
                 id="one of the wounded who later died is a death, not a part of the wounded's count"),
    pytest.param("A grenade was thrown at a shop in Dulai, wounding 3 people, one of whom died later.", SOUTH_ASIA, 1,
                 id="'wounding 3 people, one of whom died': the clause tells the fate of one, not of the 3"),
    # remains of people found after an attack are its dead, as bodies are ("remains" is a noun, not "remain")
    pytest.param("Gunmen attacked Bokan village. The remains of 5 villagers were found in the burnt houses the "
                 "following day.", AFRICA, 5, id="the remains of 5 villagers found after an attack: 5 dead"),
    pytest.param("Human remains of 3 people were found in a well in Dibo after gunmen attacked the village.", AFRICA, 3,
                 id="'human remains of 3 people': 3 dead"),
    # military abbreviations right after the people they count
    pytest.param("Militants ambushed an army patrol near Garo; two KIA and three WIA.", AFRICA, 2,
                 id="'two KIA and three WIA': killed in action, the wounded apart"),
    pytest.param("Army patrol ambushed near Sako: 3 soldiers KIA, 4 wounded.", AFRICA, 3,
                 id="'3 soldiers KIA': killed in action"),
    # people killed along with the verb's own victim
    pytest.param("A local commander was killed along with 3 bodyguards in an ambush near Tamu.", SOUTH_ASIA, 4,
                 id="'killed along with 3 bodyguards': the commander and the 3"),
    pytest.param("Militants killed a village chief along with two of his sons in Pelo.", AFRICA, 3,
                 id="'killed a chief along with two of his sons': 3"),
    pytest.param("A police inspector was shot dead along with his driver near Lakki Dara.", SOUTH_ASIA, 2,
                 id="'shot dead along with his driver': one more victim without a figure"),
    pytest.param("A district official was killed together with 2 guards in a bomb attack in Kalai.", SOUTH_ASIA, 3,
                 id="'together with 2 guards' is the same company"),
    # a low and a high bound joined across commas and hedges are one figure: its low bound
    pytest.param("At least 7, and possibly as many as 15, civilians were killed when the army shelled Kuru.", AFRICA, 7,
                 id="'at least 7, and possibly as many as 15, civilians': the low bound"),
    pytest.param("Gunmen killed at least 6, possibly up to 10, people in Dako village.", AFRICA, 6,
                 id="'killed at least 6, possibly up to 10, people': the low bound"),
    pytest.param("Up to 20, but at least 8, people were killed in clashes in Ndali.", AFRICA, 8,
                 id="'up to 20, but at least 8': the bounds told the other way round"),
    pytest.param("Between 3 and possibly 8 soldiers were killed in an ambush near Marda.", AFRICA, 3,
                 id="'between 3 and possibly 8 soldiers': a hedge inside a range"),
    # a tally line that drops its word of killing before the wounded
    pytest.param("Militants attacked a police post in Garwa; 3 policemen were and 5 others wounded.", SOUTH_ASIA, 3,
                 id="'3 policemen were and 5 others wounded': the first figure is the dead"),
    pytest.param("Gunmen ambushed a bus near Tasso. Two passengers were and 6 others injured.", AFRICA, 2,
                 id="'Two passengers were and 6 others injured': the dead before the injured"),
    # people a toll counts
    pytest.param("Two bandits were neutralized by police in a gunfight near Rumbo.", AFRICA, 2,
                 id="bandits are people a toll counts"),
    pytest.param("Rebels attacked an army base at Wantu; the army lost four of its own.", AFRICA, 4,
                 id="'lost four of its own': its own people"),
    # each side claims the other's dead: ACLED sums every side's dead
    pytest.param("Two rival militias fought in Kafra. Each side claimed to have killed 10 of the other's fighters.",
                 AFRICA, 20, id="'each side claimed to have killed 10': each side's figure, twice"),
    pytest.param("Clashes between the army and rebels near Lirok; both sides claimed to have killed 15 of the other's "
                 "men.", AFRICA, 30, id="'both sides claimed to have killed 15 of the other's men': 30, the sides no dead"),
    # a pronoun after a person counted without a figure in the same sentence is that person
    pytest.param("Villagers found the body of a man in a forest near Tingo; police suspect he was killed by rebels.",
                 AFRICA, 1, id="'the body of a man ... he was killed': one dead, told twice"),
])
def test_an_older_note_has_the_toll_a_coder_records(row_event, text, published, deaths):
    event = row_event(text, published)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities


@pytest.mark.parametrize("text, published, deaths", [
    pytest.param("Between four and seven villagers were killed when gunmen raided Dakoro.", AFRICA, 4,
                 id="a range in words opening the note is a head count: its low bound"),
    pytest.param("Gunmen killed 12 people in Kero, aged between 15 and 17.", AFRICA, 12,
                 id="a range of ages is no range of days"),
    pytest.param("Militants attacked Kiru, killing 4 people, the governor said 12.", AFRICA, 4,
                 id="a bare figure of the same speaker as the toll is no rival account"),
    pytest.param("Clashes in Kado, Maru district left 6 dead.", AFRICA, 6,
                 id="a town and its district joined by a comma are one place: the toll stands"),
    pytest.param("Clashes in Kado and Maru villages left 6 dead.", AFRICA, 6,
                 id="names before a plural noun are one area's parts: the toll stands"),
    pytest.param("Gunmen killed 4 people in Kado and police arrested 2 suspects in Maru.", AFRICA, 4,
                 id="a place of another clause is no place of the toll"),
    pytest.param("Gunmen attacked Kallo village, killing 2 and wounding 5.", AFRICA, 2,
                 id="a figure before 'and wounding' keeps the verb's outcome"),
    pytest.param("Civilians were not killed in the attack on Tasso; 3 guards were wounded.", AFRICA, 0,
                 id="a negated killing of a bare plural is no toll"),
    pytest.param("The situation in Koya remains tense after clashes between two clans; no fatalities were reported.",
                 AFRICA, 0, id="the verb 'remains' is no remains of the dead"),
    pytest.param("Two villagers were killed when gunmen attacked Udo; 4 others remain in hospital.", AFRICA, 2,
                 id="'4 others remain in hospital' are no dead"),
    pytest.param("Fighting in Bakana between KIA and the army. KIA said 11 soldiers were killed, while state media "
                 "said 4 KIA fighters were killed.", SOUTH_ASIA, 15, id="KIA the group's name is no outcome"),
    pytest.param("A local councillor was shot dead by gunmen in Dabo; his 2 bodyguards were wounded along with a "
                 "passer-by.", AFRICA, 1, id="company of the wounded is no dead"),
    pytest.param("A local commander was arrested along with 3 bodyguards near Tamu; one policeman was killed.",
                 SOUTH_ASIA, 1, id="company of the arrested is no dead"),
    pytest.param("Gunmen attacked Kallo village, killing at least 5, and 2 others were wounded.", AFRICA, 5,
                 id="a low bound joined to another clause's figure stays alone"),
    pytest.param("Two soldiers were abducted and 4 others wounded when rebels attacked a patrol near Sako.", AFRICA, 0,
                 id="a 'were' with its own participle drops no word of killing"),
    pytest.param("Clashes between the army and rebels near Lirok; each side blamed the other for the fighting. "
                 "3 soldiers were killed.", AFRICA, 3, id="a figure no side claims is told once"),
    pytest.param("The army claimed to have killed 12 militants in Bari hills.", AFRICA, 12,
                 id="the subject of 'claimed to have killed' is the killer, no victim"),
    pytest.param("Gunmen shot a trader in Kiru market and he died in hospital.", AFRICA, 1,
                 id="a pronoun after a person only shot is the one death"),
])
def test_what_the_rules_leave_alone(row_event, text, published, deaths):
    """Guards of the rules above: what each must not read."""
    event = row_event(text, published)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities
