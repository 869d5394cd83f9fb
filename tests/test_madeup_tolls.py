"""Death tolls of made-up notes written as ACLED's coders write them, read as a user meets them.

Each note is coded as a report published on 31 May 2020; its toll is the record's event's (the
event an ACLED export writes a row for, `strife.rows.record_row_event`) under ACLED's conventions
(`strife.conventions.acled_fatalities`: "several" 3, "dozens" 12, a toll over several days or
places divided among them, the most conservative of differing reports). The expected figure is
the one a coder following the ACLED codebook ("Reported fatalities") would record. The notes are
invented (places, people and groups made up, or capitals and national institutions) and cover the
ways deaths are told: numerals and number words, articles and determiners ("a policeman",
"another civilian", "both guards"), "died", "succumbed", "bodies found", "N killed and M injured",
tallies by side, deaths in a later line, vague figures, and injuries with no deaths.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.conventions import acled_fatalities

PUBLISHED = dt.date(2020, 5, 31)


def _acled_toll(event):
    """The fatalities an ACLED export records for the note's row (None when it yields no event)."""
    return None if event is None else acled_fatalities(event.fatalities, True)


#: Notes of 2020, dated and placed ("On 12 May 2020, ...").
DATED = [
    ('On 12 May 2020, Boko Haram militants attacked Kandiwa village in Borno state, killing 4 civilians and injuring 7 others.', 4),
    ('On 3 May 2020, a police officer was shot dead by unidentified gunmen in Tulmaro town, Kaduna state.', 1),
    ('On 14 May 2020, al Shabaab militants ambushed a SNA convoy near Bardaale village. 2 soldiers and a civilian died in the attack.', 3),
    ('On 9 May 2020, clashes between the Taliban and ANA forces took place in Qarabagh district. Several Taliban militants were killed.', 3),
    ('On 21 May 2020, the bodies of 3 men with gunshot wounds were found in a ditch near Las Palmitas, Guerrero.', 3),
    ('On 18 May 2020, gunmen attacked a police checkpoint in Daraban. One of the attackers was shot dead by the police.', 1),
    ('On 6 May 2020, security forces clashed with JNIM militants near Tindila. An unspecified number of militants were killed.', 3),
    ('On 11 May 2020, a roadside bomb struck a vehicle in Kharsan district. The death toll rose to 9 on 12 May.', 9),
    ('On 2 May 2020, a suicide bomber blew himself up at a market in Gubio town. 5 people including 2 children died.', 5),
    ('On 16 May 2020, ISWAP militants raided Matari village, killed 4 and injured 7.', 4),
    ('On 19 May 2020, an IED explosion on the Kalo road left 3 dead.', 3),
    ('On 25 May 2020, unidentified assailants threw a grenade at a shop in Bannu city, injuring 6.', 0),
    ('On 8 May 2020, fighting between the army and ADF rebels took place near Mbelo village. 6 ADF and 2 FARDC soldiers were killed.', 8),
    ('On 10 May 2020, Houthi forces shelled al-Qahira neighbourhood. A woman was killed.', 1),
    ('On 22 May 2020, militants attacked an army post in Torghar district. The army said 7 militants were killed; the militants denied any losses.', 7),
    ('On 4 May 2020, armed men abducted a farmer in Koura village. His body was found the next day.', 1),
    ("On 13 May 2020, a clash between two armed cattle herders' groups in Lakes state resulted in dozens of fatalities.", 12),
    ('On 15 May 2020, police opened fire on protesters in Tunga town, killing one protester.', 1),
    ('On 17 May 2020, a man was lynched by a mob in Rampur village after being accused of theft.', 1),
    ('On 20 May 2020, unknown gunmen killed a local councillor and his driver in Sabo town.', 2),
    ('On 23 May 2020, Syrian regime forces shelled positions of the rebels near Kafr Amin. No casualties were reported.', 0),
    ('On 24 May 2020, an airstrike by the Saudi-led coalition hit a house in Wadi Hamran, killing a family of five.', 5),
    ('On 26 May 2020, a landmine exploded under a car in Bayt Sahil, killing the driver.', 1),
    ('On 27 May 2020, gunmen killed 2 people in Tres Rios, Sinaloa. A third victim died later in hospital.', 3),
    ('On 28 May 2020, clashes between the LNA and GNA forces took place south of Tripoli, resulting in fatalities.', 3),
    ('On 29 May 2020, ISKP militants attacked a Sikh gathering in Kabul. At least 11 people were killed.', 11),
    ('On 30 May 2020, a Ukrainian soldier was killed by sniper fire near Vodiane.', 1),
    ('On 31 May 2020, NPA rebels ambushed a patrol of the AFP in Barangay Maligaya, killing a soldier and wounding two others.', 1),
    ('On 1 May 2020, a police constable succumbed to his injuries, a day after he was shot by militants in Shopian.', 1),
    ('On 5 May 2020, the Tatmadaw shelled Kyauk Taw village, killing 2 civilians and injuring 5.', 2),
    ('On 7 May 2020, communal clashes between Fulani herders and farmers erupted in Bokkos. 14 people were killed in the violence.', 14),
    ('On 9 May 2020, a soldier was killed and three others were wounded when militants attacked an army camp near Kambar.', 1),
    ('On 12 May 2020, unidentified gunmen shot and killed a journalist outside his home in San Felipe.', 1),
    ('On 14 May 2020, police killed 3 suspected robbers in a shootout in Kisuru.', 3),
    ('On 16 May 2020, al Shabaab fighters attacked AMISOM base in Tawakal. Both sides suffered casualties.', 0),
    ('On 18 May 2020, an explosion ripped through a bus in Jalalpur, killing at least 8 passengers. Another 12 were injured.', 8),
    ('On 20 May 2020, militants beheaded two villagers in Nanga village, Cabo Delgado.', 2),
    ('On 21 May 2020, a civilian was killed and 4 were injured by Russian airstrikes on Tal Abyad market.', 1),
    ('On 23 May 2020, the army reported that it had killed 15 Boko Haram fighters during clearance operations in Sambisa forest.', 15),
    ('On 25 May 2020, an Israeli drone strike killed two Hamas members in Beit Lahia.', 2),
    ('On 27 May 2020, gunmen killed 3 soldiers and a police officer in an attack on a checkpoint in Diafara. 2 assailants were also killed.', 6),
    ('On 29 May 2020, the Taliban attacked a police checkpoint in Khanabad. 4 policemen lost their lives.', 4),
    ('On 30 May 2020, a member of the ruling party was hacked to death by supporters of the opposition in Koragram.', 1),
    ('On 2 May 2020, two rival gangs clashed in Puerto Nuevo, leaving 5 dead.', 5),
    ('On 4 May 2020, security forces killed a suspected militant in an encounter in Pulwama district.', 1),
    ('On 6 May 2020, a mortar shell landed on a house in Tal Rifaat, killing a child and injuring his mother.', 1),
    ('On 8 May 2020, unknown gunmen killed the village chief of Ndaye.', 1),
    ('On 10 May 2020, Houthi and pro-Hadi forces clashed in Nihm district. Casualties were reported on both sides.', 0),
    ('On 11 May 2020, ISWAP militants killed a number of soldiers in an ambush near Damasak.', 3),
    ('On 13 May 2020, an air strike killed dozens of militants in the Jabal area.', 12),
    ('On 15 May 2020, 3 people were killed and 5 injured when a car bomb exploded outside a mosque in Chaman.', 3),
    ('On 17 May 2020, protesters clashed with the police in Gulbahar. One protester died of gunshot wounds.', 1),
    ('On 19 May 2020, a man was stabbed to death by a group of youths in Nakuru.', 1),
    ('On 22 May 2020, gunmen killed a man and his two sons in Ungwan Rimi village.', 3),
    ('On 24 May 2020, militants attacked a convoy on the Gao road. The attack killed 3 soldiers; 2 others are missing.', 3),
    ('On 26 May 2020, unidentified gunmen shot dead 2 traders on the Kumba road.', 2),
    ('On 30 May 2020, an IED planted by the Naxalites exploded in Bijapur district, killing a CRPF jawan.', 1),
    ('On 3 May 2020, a grenade attack on a police vehicle in Garissa wounded 3 officers.', 0),
    ('On 5 May 2020, armed bandits killed 11 people in 3 villages of Zurmi LGA. Fatalities split across 3 events.', 4),
    ('On 7 May 2020, a woman and her daughter were killed when a shell hit their house in Marib city.', 2),
    ('On 9 May 2020, government forces killed at least 6 rebels in fighting near Kumsa.', 6),
    ('On 11 May 2020, a soldier died after stepping on a landmine near Hodeidah.', 1),
    ('On 13 May 2020, a policeman was killed in an ambush by ELN guerrillas in Arauca.', 1),
    ('On 15 May 2020, 2 children were killed when an unexploded mortar round they were playing with exploded in Qala-i-Naw.', 2),
    ('On 17 May 2020, the body of an abducted teacher was recovered in Khyber district.', 1),
    ('On 19 May 2020, several people were killed when gunmen attacked a church in Pansi.', 3),
]

#: Older, terser notes, often with neither date nor place, often without numerals.
TERSE = [
    ('A policeman was killed.', 1),
    ('Militants attacked a police post in Dalwara, killing one.', 1),
    ('2 soldiers and a civilian died when militants ambushed an army patrol.', 3),
    ('Clashes between rebels and soldiers. Several killed.', 3),
    ('Bodies of 3 men were found near the river in Kalobe.', 3),
    ('One of the attackers was shot dead.', 1),
    ('Security forces attacked a militant hideout in Tikur. An unspecified number of militants were killed.', 3),
    ('Bomb blast at a bus stand in Sarpur. 5 people including 2 children died.', 5),
    ('Gunmen attacked a village in Mabo, killed 4 and injured 7.', 4),
    ('The attack left 3 dead.', 3),
    ('Rioters threw stones at police in Kanta, injuring 6.', 0),
    ('Soldiers clashed with militants in Dinde. 5 militants and 1 soldier were killed.', 6),
    ('Armed men killed a herder and stole his cattle.', 1),
    ('Police fired on rioters, killing 2.', 2),
    ('A trader was killed by unknown gunmen.', 1),
    ('A militant was killed in an exchange of fire with police.', 1),
    ('Three policemen were killed when militants attacked their vehicle.', 3),
    ('Rebels attacked a village. 7 civilians killed.', 7),
    ('Two killed in communal clash in Barola village.', 2),
    ('A political activist was shot dead by rival party workers.', 1),
    ('Clash between two factions of the ruling party; one dead, 10 injured.', 1),
    ('Unidentified gunmen killed 2 policemen at a checkpoint.', 2),
    ('A bomb exploded in a market, killing 4 and wounding 12.', 4),
    ('Mob lynched a suspected thief.', 1),
    ('A woman was killed by militants.', 1),
    ('Soldiers killed 12 rebels.', 12),
    ('Militants killed dozens of villagers.', 12),
    ('Tribal clashes over land; many killed.', 3),
    ('Attack on an army post. Fatalities reported.', 3),
    ('A soldier was killed and 2 injured in a landmine blast.', 1),
    ('Police recovered the body of a kidnapped businessman.', 1),
    ('Suspected rebels killed a chief and 2 of his guards.', 3),
    ('Army shelling killed a child.', 1),
    ('Armed robbers killed a shopkeeper.', 1),
    ('Grenade attack on a police station. No casualties.', 0),
    ('An activist was hacked to death.', 1),
    ('Gunmen shot dead a teacher.', 1),
    ('Militants attacked a checkpoint; 2 militants killed, 1 policeman injured.', 2),
    ('Maoists killed a villager suspecting him to be a police informer.', 1),
    ('Security forces killed 3 Maoists in an encounter.', 3),
    ('2 people died in clashes between the police and protesters.', 2),
    ('Police fired tear gas to disperse rioters. One person died.', 1),
    ('Clashes between herders and farmers left 8 people dead.', 8),
    ('Militants ambushed a convoy, killing a number of soldiers.', 3),
    ('An IED blast killed 2 soldiers and wounded 3.', 2),
    ('Villagers beat a suspected witch to death.', 1),
    ('Unknown gunmen killed 4 members of one family.', 4),
    ('A drone strike killed 5 suspected militants.', 5),
    ('Fighting between the army and rebels. Both sides claim heavy losses.', 0),
    ('Rebels killed a soldier. Another soldier was wounded.', 1),
    ('Gunmen stormed a mosque, killing 6 worshippers.', 6),
    ('Police killed 2 suspected kidnappers in a shootout.', 2),
    ('A man was burnt to death by a mob.', 1),
    ('Bandits attacked the village, killing one person and injuring 3 others.', 1),
    ('Rebels attacked the town. Casualties unknown.', 0),
    ('Gunmen killed 2 and abducted 5 in an attack on a farm.', 2),
    ('Party workers clashed; a worker of the opposition was killed.', 1),
    ('4 militants and 2 policemen killed in a gunfight.', 6),
    ('Security forces killed several militants in an operation.', 3),
    ('Militants blew up a school. No one was hurt.', 0),
    ('Landmine killed a farmer in his field.', 1),
    ('Unidentified assailants killed a Christian pastor.', 1),
    ('A bomb went off near a mosque, killing one and injuring 5.', 1),
    ('Police shot dead a protester.', 1),
    ('An attack on a bus left 2 passengers dead and 9 wounded.', 2),
    ('Both guards were killed when gunmen attacked the bank.', 2),
    ('Another civilian was killed by sniper fire.', 1),
    ('Attackers killed a soldier and fled.', 1),
]

#: Tallies by side, split totals, differing reports, deaths told in a later line.
TALLIES = [
    ('Gunmen attacked the villages of Tabo, Ruma and Kesse on 14/06, killing 27.', 9),
    ('Armed men raided two communities, Obiri and Akpata, killing at least 20 residents.', 10),
    ('Clashes between the army and rebels on 19 and 20 June left 12 dead.', 6),
    ('Air force jets bombed a rebel convoy near Duma, twenty dead.', 20),
    ('Troops cleared Kolwa of militants. Six militants reported dead.', 6),
    ('Heavy fighting between rival militias in Benu. 30 fighters of one militia were killed and 12 of the other militia dead.', 42),
    ('Rebels ambushed an army convoy. 9 soldiers were killed. The rebels lost 4 men.', 13),
    ('A total of four soldiers were killed and ten others wounded in fighting in the city.', 4),
    ('Gunmen killed 10 people, including 3 policemen, in an attack on a market.', 10),
    ('Militants killed 5 civilians and 2 soldiers in an attack on Garin village.', 7),
    ('The rebel group claimed to have killed 8 soldiers in an ambush. The army denied the claim.', 8),
    ('Militants attacked a police station. 3 policemen lost their lives.', 3),
    ('Four villagers perished when their homes were set on fire by attackers.', 4),
    ('Eleven civilians were massacred by militiamen in Bunda.', 11),
    ('Two soldiers were slain in an ambush on the Lere road.', 2),
    ('Insurgents executed 3 hostages.', 3),
    ('Militants beheaded a village elder.', 1),
    ('The bodies of seven fighters were recovered after clashes between the two factions.', 7),
    ('Clashes between two clans over grazing land. At least 6 killed, including a child.', 6),
    ('Militants attacked an army base. Eight soldiers and 12 militants killed, according to the army.', 20),
    ('A bomb exploded in a crowded market. Death toll now stands at 14.', 14),
    ('A roadside bomb killed 3 soldiers on Monday. A fourth soldier died in hospital on Tuesday.', 4),
    ('Soldiers shot dead two suspected militants at a checkpoint.', 2),
    ('A policeman and two civilians were killed in crossfire during a clash between police and gunmen.', 3),
    ('An airstrike killed 6 militants. Residents said 2 civilians were also killed.', 8),
    ('Rioters killed a police officer and burned a police station.', 1),
    ('Gunmen shot and killed a local chief and his wife.', 2),
    ('The army said it had neutralised 7 terrorists in an operation.', 7),
    ('An explosion killed one civilian and injured several others.', 1),
    ('Armed herders attacked farmers in Kotu, killing fifteen and displacing hundreds.', 15),
    ('Clashes between police and protesters left one dead and dozens injured.', 1),
    ('Militants ambushed a patrol, killing its commander and 3 soldiers.', 4),
    ('A grenade was thrown at a bar. 2 killed and 7 injured.', 2),
    ('Unidentified gunmen killed a man. No group claimed the killing.', 1),
    ('A soldier was killed, and his body was taken away by the attackers.', 1),
    ('A clash between two gangs resulted in 3 deaths.', 3),
    ('The clashes claimed the lives of 5 people.', 5),
    ('Five people lost their lives in the attack.', 5),
    ('A mob killed two men accused of cattle theft.', 2),
    ('At least 9 killed as militants storm a hotel.', 9),
    ('Militants killed a soldier in an ambush. Two attackers were also killed in the exchange of fire.', 3),
    ('The body of a missing soldier was found with gunshot wounds.', 1),
    ('At least 30 soldiers were killed on 4 June in heavy clashes with rebels near the town of Koyo. The number of rebel casualties is unknown although the army spoke of dozens dead.', 42),
    ('Villagers attacked a militia camp. A local paper reported 25 villagers were killed in the clash with the militia and 9 militiamen dead, on 3 June.', 34),
    ('Fighting between soldiers and rebels in Mota. 12 soldiers were killed. The army said 20 rebels were also killed.', 32),
    ('Militants attacked a police post. Two policemen died. Three of the attackers were killed when police returned fire.', 5),
    ('Clashes between two clans over a well. 4 members of one clan and 2 of the other were killed.', 6),
]

#: Other ways of telling deaths: headlines, 'claimed the lives', bodies, number words.
FORMS = [
    ('Gunmen kill 3 in attack on a village near Dala.', 3),
    ('Police shoot dead 2 protesters during a demonstration over fuel prices.', 2),
    ('3 dead in clash between herders and farmers in Kwara.', 3),
    ('The attack resulted in the death of 4 soldiers.', 4),
    ('Militants ambushed a patrol, resulting in the deaths of two soldiers.', 2),
    ('Clash between rival militias. One fatality.', 1),
    ('Rebels attacked an army base, killing at least 3 including 1 officer.', 3),
    ('4 people were reported dead after militants attacked a market.', 4),
    ('Two people were confirmed dead after gunmen opened fire on a bus.', 2),
    ('At least 5 people reportedly died in clashes between youths and police.', 5),
    ('The attack killed 2, injured 4.', 2),
    ('Twenty-three people were killed when militants attacked a village.', 23),
    ('Gunmen killed twenty-one villagers.', 21),
    ('Militants killed a dozen soldiers in an ambush.', 12),
    ('Clashes between the army and rebels left 4 people dead.', 4),
    ('Militants raided a village, leaving 3 dead.', 3),
    ('Clashes between two communities (3 fatalities).', 3),
    ('Fighting between rebels and soldiers, with a total of 8 fatalities.', 8),
    ('4 bodies were discovered near the market after clashes.', 4),
    ('Unknown gunmen attacked a bus. The driver was killed.', 1),
    ('Militants stormed a police post. The 3 policemen on duty were killed.', 3),
    ('Gunmen killed a father and his son.', 2),
    ('Rebels killed 2 soldiers and a civilian, and wounded 4 others.', 3),
    ('Soldiers shot and killed 2 suspected rebels.', 2),
    ('A soldier and 2 militants were killed in an exchange of fire.', 3),
    ('Clashes between police and rioters. A policeman and 3 rioters killed.', 4),
    ('Militants attacked a village and killed eleven, mostly women and children.', 11),
    ('The army killed 5 rebels and lost 2 soldiers.', 7),
    ('Rebels attacked the town; the army lost 3 soldiers.', 3),
    ('A woman died after being shot by police during a protest.', 1),
    ('Ten killed in an attack on a village by suspected herders.', 10),
    ('Gunmen killed one person in an attack on a bar.', 1),
    ('Rebels killed one soldier and injured two in an ambush.', 1),
    ('Four militants, including a commander, were killed in an airstrike.', 4),
    ('An unknown number of people were killed when militants attacked a village.', 3),
    ('Heavy fighting in the town; fatalities unknown.', 0),
    ('Police clashed with protesters; there were no deaths.', 0),
    ('Militants killed a soldier. The militants later released a video of the killing.', 1),
]


@pytest.mark.parametrize("text, deaths", DATED + TERSE + TALLIES + FORMS)
def test_a_made_up_note_has_the_toll_a_coder_records(row_event, text, deaths):
    assert _acled_toll(row_event(text, PUBLISHED)) == deaths


#: One note per rule of session 9, with the rule it guards.
RULES = [
    pytest.param('Unknown gunmen killed 4 members of one family.', 4, id='a figure naming the group of people counted is no more people'),
    pytest.param('Heavy fighting between rival militias in Benu. 30 fighters of one militia were killed and 12 of the other militia dead.', 42, id="the group's figure in an of-phrase"),
    pytest.param('A soldier was killed, and his body was taken away by the attackers.', 1, id='the body of a dead person counted in the sentence'),
    pytest.param('Insurgents executed 3 hostages.', 3, id='a status noun yields to the killing verb'),
    pytest.param('Gunmen killed 4 refugees in an attack on a camp.', 4, id='a status noun yields to the killing verb'),
    pytest.param('The army said it had neutralised 7 terrorists in an operation.', 7, id="military 'neutralise' is a killing"),
    pytest.param('Clashes between the army and rebels on 19 and 20 June left 12 dead.', 6, id='a toll over a range of days is split'),
    pytest.param('Fighting on 3-5 May killed 9 soldiers.', 3, id='a toll over a range of days is split'),
    pytest.param('Clashes between two communities (3 fatalities).', 3, id="the sides of a 'between' phrase are no places"),
    pytest.param('Clashes between police and rioters. A policeman and 3 rioters killed.', 4, id='a person without a numeral on a tally line'),
    pytest.param("Soldiers clashed with rebels in Kuma, Laso and Bedi. 9 fatalities, split between three locations.", 3,
                 id="a 'between' phrase of a split verb spreads the toll"),
    pytest.param("Policeman shot dead by militants in Kalpur.", 1, id="a headline's reduced passive with an agent"),
    pytest.param("Trader shot dead by gunmen.", 1, id="a headline's reduced passive with an agent"),
    pytest.param("Journalist killed by unknown gunmen in Dera.", 1, id="a headline's person and its participle"),
    pytest.param("Student shot dead by police during protest.", 1, id="a headline's reduced passive with an agent"),
    pytest.param("Policeman injured in grenade attack.", 0, id="a headline's wounded person is no death"),
    pytest.param("Rebels attacked the camp. The attack claimed the lives of 6 combatants and 2 civilians.", 8, id="combatants are people"),
    pytest.param("On 28 May 2020, the Taliban claimed to have killed 20 soldiers in an attack in Bala district. "
                 "The defence ministry said 2 soldiers were killed.", 2,
                 id="the attackers' claim bounds the toll, the other account gives it"),
    pytest.param("The rebel group claimed to have killed 8 soldiers in an ambush. The army denied the claim.", 8,
                 id="a claim no other account bounds is what the sources report"),
    pytest.param("Suicide bomber killed himself and 3 others.", 4, id="the perpetrator killed with his victims counts"),
    pytest.param("A suicide bomber killed himself and 6 worshippers at a mosque.", 7,
                 id="the perpetrator killed with his victims counts"),
    pytest.param("Rebels killed 3 soldiers; the army said it killed 10 rebels.", 13,
                 id="a side's claim of the other side's dead adds to the toll"),
    pytest.param("Militants attacked an army post, killing 4 soldiers. The army said it killed 6 militants in the fighting.", 10,
                 id="a side's claim of the other side's dead adds to the toll"),
    pytest.param("Gunmen killed two soldiers; another died later in hospital.", 3, id="'another' who died is one more"),
    pytest.param("A soldier was killed in an ambush. Another died of his wounds the next day.", 2,
                 id="'another' who died is one more"),
    pytest.param("Two civilians were killed and another was wounded by a landmine.", 2, id="'another' wounded is no death"),
]


@pytest.mark.parametrize("text, deaths", RULES)
def test_a_rule_of_how_deaths_are_told(row_event, text, deaths):
    assert _acled_toll(row_event(text, PUBLISHED)) == deaths


def test_half_a_dozen_dead_is_six(code) -> None:
    """"half a dozen" is half of the scale word; the "a dozen" inside it is not read on its own."""
    events = [e for e in code("Gunmen killed half a dozen villagers in a raid on Monday.") if e.fatalities]
    assert [e.fatalities.best for e in events] == [6]
