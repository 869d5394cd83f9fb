"""Made-up notes in the style of ACLED's coders: protests, riots and strategic developments.

Each note is invented (names of villages and groups made up, or capitals and national
institutions), written from the ACLED codebook's definitions of every sub-event type of Protests
(peaceful protest; protest with intervention; excessive force against protesters), Riots (violent
demonstration; mob violence) and Strategic developments (agreement; arrests; change to
group/activity; disrupted weapons use; headquarters or base established; looting/property
destruction; non-violent transfer of territory), in two styles: 2020 notes ("On 12 May 2020, ...",
with a size tag) and the terser older notes of 2015-2016, with no date. Each carries what a coder
records: the accepted ACLED types (older notes coded "Riots/Protests" as one type, so either is
right), the sub-event type (2020 notes), and actor1/actor2 as ACLED names them, whose country the
record event's source and target must carry (as the bench reads them: `strife.evaluate.formats.actor_country`).
The record event is the one a user's export holds (`strife.rows.record_row_event`).
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.evaluate.formats import actor_country
from strife.model import Article

P, R, S = "Protests", "Riots", "Strategic developments"
PP, PI, EF = "Peaceful protest", "Protest with intervention", "Excessive force against protesters"
VD, MV = "Violent demonstration", "Mob violence"
AG, AR, CG, DW, HQ, LO, NT = ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                              "Headquarters or base established", "Looting/property destruction",
                              "Non-violent transfer of territory")
D20, OLD16, OLD15 = "2020-05-12", "2016-06-15", "2015-04-08"

# (published, note, accepted ACLED types, sub-event type or "", actor1, actor2)
NOTES = [
    (D20, 'On 12 May 2020, around 200 farmers staged a sit-in outside the district collectorate in Muzaffarpur, demanding compensation for crops damaged by hailstorm. [size=around 200]',
     (P,), PP, 'Protesters (India)', ''),
    (D20, "On 12 May 2020, members of the teachers' union held a rally in Islamabad to demand the release of pending salaries. [size=no report]",
     (P,), PP, 'Protesters (Pakistan)', ''),
    (D20, 'On 12 May 2020, sanitation workers went on strike in Nairobi over unpaid wages. [size=no report]',
     (P,), PP, 'Protesters (Kenya)', ''),
    (D20, 'On 12 May 2020, residents blocked the road to Kibera to demand the restoration of water supply in Nairobi. [size=no report]',
     (P,), PP, 'Protesters (Kenya)', ''),
    (D20, "On 12 May 2020, hundreds of students marched to the governor's office in Kano city, Nigeria, to protest against the increase in school fees. [size=hundreds]",
     (P,), PP, 'Protesters (Nigeria)', ''),
    (D20, 'On 12 May 2020, dozens of people demonstrated in front of the central bank in Beirut against the collapse of the Lebanese pound. [size=dozens]',
     (P,), PP, 'Protesters (Lebanon)', ''),
    (D20, 'On 12 May 2020, health workers protested outside a hospital in Santiago, Chile, demanding more protective equipment. [size=no report]',
     (P,), PP, 'Protesters (Chile)', ''),
    (D20, 'On 12 May 2020, around 50 people gathered outside the state capitol in Washington, DC, to protest against stay-at-home orders. [size=around 50]',
     (P,), PP, 'Protesters (United States)', ''),
    (D20, 'On 12 May 2020, nurses held a demonstration in front of the health ministry in Paris to demand higher pay. [size=no report]',
     (P,), PP, 'Protesters (France)', ''),
    (D20, 'On 12 May 2020, members of the Sandile Civic Movement picketed outside the municipal offices in Pretoria over the lack of electricity. [size=no report]',
     (P,), PP, 'Protesters (South Africa)', ''),
    (D20, 'On 12 May 2020, pensioners rallied in Kyiv near the Verkhovna Rada against the planned pension reform. [size=no report]',
     (P,), PP, 'Protesters (Ukraine)', ''),
    (D20, 'On 12 May 2020, families of detainees held a vigil in Sanaa, demanding the release of their relatives. [size=no report]',
     (P,), PP, 'Protesters (Yemen)', ''),
    (D20, 'On 12 May 2020, residents of Kafr Tal village near Damascus, demonstrated against the opening of a crossing with regime-held areas. [size=no report]',
     (P,), PP, 'Protesters (Syria)', ''),
    (D20, 'On 12 May 2020, graduates demonstrated in front of the provincial council building in Basra, Iraq, demanding jobs. [size=no report]',
     (P,), PP, 'Protesters (Iraq)', ''),
    (D20, 'On 12 May 2020, shopkeepers observed a shutter-down strike in Sargodha against the closure of markets. [size=no report]',
     (P,), PP, 'Protesters (Pakistan)', ''),
    (D20, 'On 12 May 2020, lawyers boycotted court proceedings in Islamabad to protest against the arrest of a colleague. [size=no report]',
     (P,), PP, 'Protesters (Pakistan)', ''),
    (D20, 'On 12 May 2020, migrant workers staged a protest at the railway station in Pune, demanding trains to return to their home states. [size=no report]',
     (P,), PP, 'Protesters (India)', ''),
    (D20, 'On 12 May 2020, women of Dhanpur village near Muzaffarpur, India, protested against the sale of liquor in their village. [size=no report]',
     (P,), PP, 'Protesters (India)', ''),
    (D20, 'On 12 May 2020, truck drivers held a protest in Ibadan over extortion by traffic officials. [size=no report]',
     (P,), PP, 'Protesters (Nigeria)', ''),
    (D20, "On 12 May 2020, activists staged a car protest in Beirut against the government's economic plan. [size=no report]",
     (P,), PP, 'Protesters (Lebanon)', ''),
    (D20, 'On 12 May 2020, about 30 residents protested in Johannesburg against the delay in food parcels distribution. [size=about 30]',
     (P,), PP, 'Protesters (South Africa)', ''),
    (D20, 'On 12 May 2020, fishermen took to the streets in Mombasa to protest the curfew. [size=no report]',
     (P,), PP, 'Protesters (Kenya)', ''),
    (D20, 'On 12 May 2020, supporters of the opposition party held a sit-in in front of the parliament in Baghdad. [size=no report]',
     (P,), PP, 'Protesters (Iraq)', ''),
    (D20, "On 12 May 2020, Yellow Vest protesters marched in Paris against the government's handling of the health crisis. [size=no report]",
     (P,), PP, 'Protesters (France)', ''),
    (D20, 'On 12 May 2020, university students organised a hunger strike in Santiago to demand the reduction of tuition fees. [size=no report]',
     (P,), PP, 'Protesters (Chile)', ''),
    (D20, 'On 12 May 2020, police dispersed a protest by unemployed youths in Tunis. [size=no report]',
     (P,), PI, 'Protesters (Tunisia)', 'Police Forces of Tunisia (2014-)'),
    (D20, 'On 12 May 2020, police arrested 15 protesters who had gathered in front of the parliament in Nairobi to demand the release of detained activists. [size=no report]',
     (P,), PI, 'Protesters (Kenya)', 'Police Forces of Kenya (2013-)'),
    (D20, 'On 12 May 2020, Chilean police (Carabineros) used water cannon to disperse demonstrators protesting against food shortages in Santiago. [size=no report]',
     (P,), PI, 'Protesters (Chile)', 'Police Forces of Chile (2018-2022)'),
    (D20, 'On 12 May 2020, police fired tear gas to disperse students protesting peacefully in Islamabad. [size=no report]',
     (P,), PI, 'Protesters (Pakistan)', 'Police Forces of Pakistan (2018-)'),
    (D20, 'On 12 May 2020, security forces broke up a sit-in of contract workers in Baghdad and detained several of them. [size=no report]',
     (P,), PI, 'Protesters (Iraq)', 'Military Forces of Iraq (2014-)'),
    (D20, 'On 12 May 2020, police detained 40 people who protested against the lockdown in Moscow. [size=no report]',
     (P,), PI, 'Protesters (Russia)', 'Police Forces of Russia (2000-)'),
    (D20, 'On 12 May 2020, riot police dispersed a demonstration of street vendors in Abuja. [size=no report]',
     (P,), PI, 'Protesters (Nigeria)', 'Police Forces of Nigeria (2015-)'),
    (D20, 'On 12 May 2020, police opened fire on protesters demanding electricity in Ibadan, killing two. [size=no report]',
     (P,), EF, 'Police Forces of Nigeria (2015-)', 'Protesters (Nigeria)'),
    (D20, 'On 12 May 2020, security forces shot dead a demonstrator during a peaceful protest in Baghdad. [size=no report]',
     (P,), EF, 'Military Forces of Iraq (2014-)', 'Protesters (Iraq)'),
    (D20, 'On 12 May 2020, police fired live ammunition at peaceful protesters in Nairobi, killing one man. [size=no report]',
     (P,), EF, 'Police Forces of Kenya (2013-)', 'Protesters (Kenya)'),
    (D20, 'On 12 May 2020, soldiers killed three peaceful demonstrators in Conakry, Guinea. [size=no report]',
     (P,), EF, 'Military Forces of Guinea (2010-2021)', 'Protesters (Guinea)'),
    (D20, 'On 12 May 2020, police beat and injured several peacefully protesting nurses in Harare. [size=no report]',
     (P,), EF, 'Police Forces of Zimbabwe (2017-)', 'Protesters (Zimbabwe)'),
    (D20, 'On 12 May 2020, protesters threw stones at police and burned tyres in Beirut. Police fired tear gas. [size=no report]',
     (R,), VD, 'Rioters (Lebanon)', 'Police Forces of Lebanon (2016-)'),
    (D20, 'On 12 May 2020, demonstrators set fire to the provincial council building in Basra, Iraq. [size=no report]',
     (R,), VD, 'Rioters (Iraq)', ''),
    (D20, 'On 12 May 2020, residents protesting power cuts pelted stones at a police vehicle in Sargodha. [size=no report]',
     (R,), VD, 'Rioters (Pakistan)', 'Police Forces of Pakistan (2018-)'),
    (D20, 'On 12 May 2020, protesters vandalised the office of the electricity company in Sanaa. [size=no report]',
     (R,), VD, 'Rioters (Yemen)', ''),
    (D20, 'On 12 May 2020, a violent protest broke out in Johannesburg as residents barricaded roads with burning tyres. [size=no report]',
     (R,), VD, 'Rioters (South Africa)', ''),
    (D20, 'On 12 May 2020, demonstrators attacked the police station in Santiago with stones and Molotov cocktails. [size=no report]',
     (R,), VD, 'Rioters (Chile)', 'Police Forces of Chile (2018-2022)'),
    (D20, 'On 12 May 2020, youths protesting the killing of a boy burned tyres and blocked roads in Nairobi. Police fired tear gas. [size=no report]',
     (R,), VD, 'Rioters (Kenya)', 'Police Forces of Kenya (2013-)'),
    (D20, 'On 12 May 2020, protesters stormed the district office in Kabul and set it on fire. [size=no report]',
     (R,), VD, 'Rioters (Afghanistan)', ''),
    (D20, 'On 12 May 2020, a mob beat a man to death on suspicion of child abduction in Muzaffarpur, India.',
     (R,), MV, 'Rioters (India)', 'Civilians (India)'),
    (D20, 'On 12 May 2020, a mob attacked and injured two health workers in Islamabad.',
     (R,), MV, 'Rioters (Pakistan)', 'Civilians (Pakistan)'),
    (D20, 'On 12 May 2020, two groups of villagers clashed over a land dispute near Muzaffarpur, India, injuring five.',
     (R,), MV, 'Rioters (India)', 'Rioters (India)'),
    (D20, 'On 12 May 2020, an angry mob set ablaze a suspected kidnapper in Abuja.',
     (R,), MV, 'Rioters (Nigeria)', 'Civilians (Nigeria)'),
    (D20, 'On 12 May 2020, supporters of two rival parties clashed in Sargodha with sticks and stones.',
     (R,), MV, 'Rioters (Pakistan)', 'Rioters (Pakistan)'),
    (D20, 'On 12 May 2020, villagers attacked a police team that had come to arrest a suspect near Muzaffarpur, India, injuring three policemen.',
     (R,), MV, 'Rioters (India)', 'Police Forces of India (2014-)'),
    (D20, 'On 12 May 2020, the Government of Yemen and the Southern Transitional Council signed a ceasefire agreement in Riyadh.',
     (S,), AG, 'Government of Yemen (2017-)', 'STC: Southern Transitional Council'),
    (D20, 'On 12 May 2020, the Government of Sudan and a rebel movement agreed to a ceasefire in Juba.',
     (S,), AG, 'Government of Sudan (2019-)', ''),
    (D20, 'On 12 May 2020, the two rival clans signed a peace agreement in Mogadishu, Somalia, ending the dispute over grazing land.',
     (S,), AG, '', ''),
    (D20, 'On 12 May 2020, the Taliban and the Government of Afghanistan exchanged prisoners in Kabul.',
     (S,), AG, 'Taliban', 'Government of Afghanistan (2014-2021)'),
    (D20, 'On 12 May 2020, police arrested an opposition leader in Harare.',
     (S,), AR, 'Police Forces of Zimbabwe (2017-)', 'Civilians (Zimbabwe)'),
    (D20, 'On 12 May 2020, security forces arrested 12 suspected members of a militant cell in Baghdad.',
     (S,), AR, 'Military Forces of Iraq (2014-)', ''),
    (D20, 'On 12 May 2020, police detained a journalist in Islamabad over a social media post.',
     (S,), AR, 'Police Forces of Pakistan (2018-)', 'Civilians (Pakistan)'),
    (D20, 'On 12 May 2020, the SBU detained a man suspected of spying for Russia in Kyiv.',
     (S,), AR, 'Police Forces of Ukraine (2019-)', 'Civilians (Ukraine)'),
    (D20, 'On 12 May 2020, police arrested 5 people in New Delhi for violating the lockdown.',
     (S,), AR, 'Police Forces of India (2014-)', 'Civilians (India)'),
    (D20, 'On 12 May 2020, the army arrested two human rights activists in Damascus.',
     (S,), AR, 'Military Forces of Syria (2000-)', 'Civilians (Syria)'),
    (D20, 'On 12 May 2020, a student leader was arrested by police in Dhaka.',
     (S,), AR, 'Police Forces of Bangladesh (2009-)', 'Civilians (Bangladesh)'),
    (D20, 'On 12 May 2020, the government of Nigeria imposed a curfew in Abuja.',
     (S,), CG, 'Government of Nigeria (2015-)', ''),
    (D20, 'On 12 May 2020, the Syrian regime sent military reinforcements to the frontline near Saraqab, Syria.',
     (S,), CG, 'Military Forces of Syria (2000-)', ''),
    (D20, 'On 12 May 2020, the army deployed troops to Sargodha to enforce the lockdown.',
     (S,), CG, 'Military Forces of Pakistan (2018-)', ''),
    (D20, 'On 12 May 2020, 20 militants surrendered to the army in Kabul.',
     (S,), AG, '', 'Military Forces of Afghanistan (2014-2021)'),
    (D20, 'On 12 May 2020, the army defused an IED planted on the road in Kabul.',
     (S,), DW, 'Military Forces of Afghanistan (2014-2021)', ''),
    (D20, 'On 12 May 2020, police seized a cache of weapons and explosives in a house in Baghdad.',
     (S,), DW, 'Police Forces of Iraq (2014-)', ''),
    (D20, 'On 12 May 2020, a bomb disposal squad defused a bomb found near a mosque in Sargodha, Pakistan.',
     (S,), DW, 'Police Forces of Pakistan (2018-)', ''),
    (D20, 'On 12 May 2020, security forces defused two explosive devices in Kyiv.',
     (S,), DW, 'Police Forces of Ukraine (2019-)', ''),
    (D20, 'On 12 May 2020, Turkish forces established a new military post near Ariha, Syria.',
     (S,), HQ, 'Military Forces of Turkey (2016-)', ''),
    (D20, 'On 12 May 2020, the army set up a new base in the village of Kodorila, Mali.',
     (S,), HQ, 'Military Forces of Mali (2012-2021)', ''),
    (D20, 'On 12 May 2020, militants established a camp near Gidan Tamba village, Nigeria.',
     (S,), HQ, '', ''),
    (D20, 'On 12 May 2020, Houthi forces blew up a house in Ibb, Yemen.',
     ('Explosions/Remote violence',), 'Remote explosive/landmine/IED', 'Military Forces of Yemen (2017-) Houthi', ''),
    (D20, 'On 12 May 2020, Israeli forces demolished a Palestinian house in Nablus.',
     (S,), LO, 'Military Forces of Israel (2009-)', 'Civilians (Palestine)'),
    (D20, 'On 12 May 2020, unidentified persons set fire to a mobile phone mast in Johannesburg.',
     (S,), LO, 'Unidentified Armed Group (South Africa)', ''),
    (OLD16, 'Party supporters clashed with each other in Kampala.',
     (P, R,), "", 'Rioters (Uganda)', 'Rioters (Uganda)'),
    (OLD16, 'Traders protested against new taxes in Nakuru town.',
     (P, R,), "", 'Protesters (Kenya)', ''),
    (OLD16, 'Students at the university in Harare protested against the increase in fees.',
     (P, R,), "", 'Protesters (Zimbabwe)', ''),
    (OLD16, 'Police fired tear gas to disperse opposition supporters in Nairobi.',
     (P, R,), "", 'Protesters (Kenya)', 'Police Forces of Kenya (2013-)'),
    (OLD16, 'Residents of a township in Pretoria rioted over lack of services, burning tyres and blocking roads.',
     (P, R,), "", 'Rioters (South Africa)', ''),
    (OLD16, 'Mob killed a suspected thief in Kampala.',
     (P, R,), "", 'Rioters (Uganda)', 'Civilians (Uganda)'),
    (OLD16, 'Teachers went on strike in Abuja over unpaid salaries.',
     (P, R,), "", 'Protesters (Nigeria)', ''),
    (OLD16, 'Police arrested 20 opposition activists in Kampala.',
     (S,), "", 'Police Forces of Uganda (1986-)', 'Civilians (Uganda)'),
    (OLD16, 'Government and rebels signed a peace deal in Bangui.',
     (S,), "", 'Government of Central African Republic (2016-)', ''),
    (OLD16, 'Youths burned a police post in Conakry after a young man died in custody.',
     (P, R,), "", 'Rioters (Guinea)', 'Police Forces of Guinea (2010-)'),
    (OLD16, 'Hundreds of workers marched in Johannesburg to demand higher wages.',
     (P, R,), "", 'Protesters (South Africa)', ''),
    (OLD16, 'Demonstrators in Kinshasa demanded the departure of the president; police dispersed them with tear gas.',
     (P, R,), "", 'Protesters (Democratic Republic of Congo)', 'Police Forces of Democratic Republic of Congo (2001-2019)'),
    (OLD15, 'Activists of the ruling party and the opposition clashed in Dhaka, injuring 10.',
     (P, R,), "", 'Rioters (Bangladesh)', 'Rioters (Bangladesh)'),
    (OLD15, 'Traders observed a shutter-down strike in Sargodha against extortion.',
     (P, R,), "", 'Protesters (Pakistan)', ''),
    (OLD15, 'Villagers blocked the highway near Muzaffarpur demanding the arrest of the killers of a local youth.',
     (P, R,), "", 'Protesters (India)', ''),
    (OLD15, 'Farmers staged a demonstration in front of the district office in Bareilly demanding compensation.',
     (P, R,), "", 'Protesters (India)', ''),
    (OLD15, 'Students held a rally in Kathmandu against the new constitution.',
     (P, R,), "", 'Protesters (Nepal)', ''),
    (OLD15, 'An angry mob torched two vehicles in Dhaka after a road accident.',
     (P, R,), "", 'Rioters (Bangladesh)', ''),
    (OLD15, 'Protesters pelted stones at the police in Muzaffarpur; police used tear gas.',
     (P, R,), "", 'Rioters (India)', 'Police Forces of India (2014-)'),
    (OLD15, 'Lawyers boycotted the courts in Islamabad in protest against the killing of a lawyer.',
     (P, R,), "", 'Protesters (Pakistan)', ''),
    (OLD15, 'Police arrested three suspected militants in Sargodha.',
     (S,), "", 'Police Forces of Pakistan (2013-2018)', ''),
    (OLD15, 'Security forces recovered a huge cache of arms and ammunition in Sargodha.',
     (S,), "", 'Military Forces of Pakistan (2013-2018)', ''),
    (OLD15, 'Villagers beat a suspected thief to death in Dhaka.',
     (P, R,), "", 'Rioters (Bangladesh)', 'Civilians (Bangladesh)'),
    (OLD15, 'Party workers held a hunger strike in Kathmandu demanding the release of their leader.',
     (P, R,), "", 'Protesters (Nepal)', ''),
    (OLD15, 'Bomb disposal squad defused a bomb planted near a school in Sargodha.',
     (S,), "", 'Police Forces of Pakistan (2013-2018)', ''),
    (D20, 'On 12 May 2020, members of the student union took out a candle march in Pune to protest against the rape of a minor. [size=no report]',
     (P,), PP, 'Protesters (India)', ''),
    (D20, 'On 12 May 2020, doctors staged a walkout at a public hospital in Nairobi over the lack of protective gear. [size=no report]',
     (P,), PP, 'Protesters (Kenya)', ''),
    (D20, 'On 12 May 2020, residents held a demonstration outside the governorate building in Sanaa, demanding the payment of salaries. [size=no report]',
     (P,), PP, 'Protesters (Yemen)', ''),
    (D20, 'On 12 May 2020, around 100 workers of a textile factory demonstrated in Sargodha over unpaid wages. [size=around 100]',
     (P,), PP, 'Protesters (Pakistan)', ''),
    (D20, 'On 12 May 2020, supporters of the ruling party rallied in Kampala in support of the president. [size=no report]',
     (P,), PP, 'Protesters (Uganda)', ''),
    (D20, 'On 12 May 2020, a group of women marched to the police station in Abuja to demand the release of their sons. [size=no report]',
     (P,), PP, 'Protesters (Nigeria)', ''),
    (D20, 'On 12 May 2020, protesters blocked a highway near Baghdad with burning tyres, demanding jobs. [size=no report]',
     (R,), VD, 'Rioters (Iraq)', ''),
    (D20, 'On 12 May 2020, police used tear gas to disperse students protesting in Kampala. [size=no report]',
     (P,), PI, 'Protesters (Uganda)', 'Police Forces of Uganda (1986-)'),
    (D20, 'On 12 May 2020, police arrested 10 activists who were protesting against the new law in Minsk. [size=no report]',
     (P,), PI, 'Protesters (Belarus)', 'Police Forces of Belarus (1994-)'),
    (D20, 'On 12 May 2020, an angry crowd beat a suspected robber to death in Ibadan.',
     (R,), MV, 'Rioters (Nigeria)', 'Civilians (Nigeria)'),
    (D20, 'On 12 May 2020, a mob attacked a mosque in Colombo, damaging its windows.',
     (R,), MV, 'Rioters (Sri Lanka)', ''),
    (D20, 'On 12 May 2020, police arrested three men suspected of kidnapping in Abuja.',
     (S,), AR, 'Police Forces of Nigeria (2015-)', ''),
    (D20, 'On 12 May 2020, the army seized a large cache of weapons in a raid on a house in Kabul.',
     (S,), DW, 'Military Forces of Afghanistan (2014-2021)', ''),
    (D20, 'On 12 May 2020, the warring parties agreed to a ceasefire in Tripoli, Libya.',
     (S,), AG, '', ''),
    (D20, 'On 12 May 2020, unidentified people looted a warehouse of the World Food Programme in Juba, South Sudan.',
     (S,), LO, '', ''),
    (OLD16, 'Opposition supporters rioted in Kinshasa, burning cars and looting shops.',
     (P, R,), "", 'Rioters (Democratic Republic of Congo)', ''),
    (OLD16, 'Students demonstrated in Khartoum against rising bread prices; police dispersed them with tear gas.',
     (P, R,), "", 'Protesters (Sudan)', 'Police Forces of Sudan (1989-2019)'),
    (OLD15, 'Activists of two student wings clashed on the campus in Dhaka.',
     (P, R,), "", 'Rioters (Bangladesh)', 'Rioters (Bangladesh)'),
    (OLD15, 'Police lathi-charged the students who were protesting outside the college in Muzaffarpur.',
     (P, R,), "", 'Protesters (India)', 'Police Forces of India (2014-)'),
    (D20, 'On 12 May 2020, a protest was held in front of the parliament in Tunis against unemployment. [size=no report]',
     (P,), PP, 'Protesters (Tunisia)', ''),
    (D20, 'On 12 May 2020, a general strike was observed in Kathmandu, called by opposition parties. [size=no report]',
     (P,), PP, 'Protesters (Nepal)', ''),
    (D20, 'On 12 May 2020, villagers staged a dharna outside the block office near Muzaffarpur, India, demanding drinking water. [size=no report]',
     (P,), PP, 'Protesters (India)', ''),
    (D20, 'On 12 May 2020, traders observed a hartal in Dhaka to protest against the eviction of street vendors. [size=no report]',
     (P,), PP, 'Protesters (Bangladesh)', ''),
    (D20, 'On 12 May 2020, students boycotted classes at the university in Khartoum to protest against the killing of a colleague. [size=no report]',
     (P,), PP, 'Protesters (Sudan)', ''),
    (D20, 'On 12 May 2020, a peaceful protest of taxi drivers in Nairobi was dispersed by police using tear gas. [size=no report]',
     (P,), PI, 'Protesters (Kenya)', 'Police Forces of Kenya (2013-)'),
    (D20, 'On 12 May 2020, protesters were injured when police fired rubber bullets at a demonstration in Santiago. [size=no report]',
     (P,), PI, 'Protesters (Chile)', 'Police Forces of Chile (2018-2022)'),
    (D20, 'On 12 May 2020, police shot and killed a protester during a demonstration against police brutality in Washington, DC. [size=no report]',
     (P,), EF, 'Police Forces of the United States (2017-2021)', 'Protesters (United States)'),
    (D20, 'On 12 May 2020, residents gheraoed the police station in Muzaffarpur, India, and pelted stones after a youth died in custody. [size=no report]',
     (R,), VD, 'Rioters (India)', 'Police Forces of India (2014-)'),
    (D20, 'On 12 May 2020, protesters clashed with security forces in Baghdad. Several protesters were wounded. [size=no report]',
     (R,), VD, 'Rioters (Iraq)', 'Military Forces of Iraq (2014-)'),
    (D20, 'On 12 May 2020, three activists were arrested by police in Harare.',
     (S,), AR, 'Police Forces of Zimbabwe (2017-)', 'Civilians (Zimbabwe)'),
    (D20, 'On 12 May 2020, a journalist was detained by security forces in Damascus.',
     (S,), AR, 'Military Forces of Syria (2000-)', 'Civilians (Syria)'),
    (D20, 'On 12 May 2020, unknown gunmen stole two vehicles belonging to an aid organisation in Bangui.',
     (S,), LO, '', ''),
    (OLD16, 'Protest against power cuts in Kampala.',
     (P, R,), "", 'Protesters (Uganda)', ''),
    (OLD16, 'Rioting by students in Nairobi after a lecturer was attacked.',
     (P, R,), "", 'Rioters (Kenya)', ''),
    (OLD15, 'Clash between two groups of villagers over land near Muzaffarpur; 5 injured.',
     (P, R,), "", 'Rioters (India)', 'Rioters (India)'),
    # a peaceful protest and the force used on it in one line: ACLED's one row is the force
    (D20, 'On 12 May 2020, traders staged a peaceful protest in Tema against new market fees; police fired live rounds at them, killing 1 trader. [size=no report]',
     (P,), EF, 'Protesters (Ghana)', 'Police Forces of Ghana (2017-)'),
    (D20, 'On 12 May 2020, farmers protested in Nairobi against land seizures; soldiers opened fire on them, wounding 4. [size=no report]',
     (P,), EF, 'Protesters (Kenya)', ''),
    # territory handed over is a non-violent transfer of territory (the lexicon row's own coding)
    (D20, 'On 12 May 2020, the army handed over control of Marwa town to the national police, Sudan.',
     (S,), NT, 'Military Forces of Sudan (2019-)', 'Police Forces of Sudan (2019-)'),
    (OLD16, 'Rebels handed over control of the border post of Tolmara to a local militia.', (S,), '', '', ''),
]


@pytest.mark.parametrize("published, text, types, sub_type, actor1, actor2", NOTES)
def test_a_made_up_note_is_coded_as_an_acled_coder_would(row_event, published, text, types, sub_type, actor1, actor2):
    event = row_event(text, published)
    assert event is not None
    assert event.acled_event_type in types
    if sub_type:
        assert event.acled_sub_event_type == sub_type
    for name, actors in ((actor1, event.source), (actor2, event.target)):
        country = actor_country(name) if name else None
        if country:
            assert country in {a.country for a in actors}, name


# ------------------------------------------------------------------ the rules the notes guard, and their limits


def test_force_on_a_protest_in_its_line_decides_the_protest(row_event):
    """'staged a peaceful protest; police fired live rounds at them': one incident, coded as the force."""
    text = "Farmers held a protest in Kuma town; soldiers opened fire on them, wounding 4."
    event = row_event(text, D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, EF)


def test_breaking_up_a_gathering_is_an_intervention(row_event):
    """'Police broke up a rally': force used to end a protest, told before it (ACLED: protest with intervention)."""
    event = row_event("Police broke up a rally of opposition supporters in Lusaka.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, PI)


def test_territory_handed_over_is_a_non_violent_transfer(row_event):
    event = row_event("Rebels handed over control of Kovu town to the army.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (S, NT)


def test_territory_taken_after_fighting_stays_a_battle(row_event):
    event = row_event("Troops took control of the town after heavy fighting.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Government regains territory")


def test_what_someone_is_suspected_of_did_not_happen(engine, row_event):
    text = "A mob beat a man to death on suspicion of child abduction."
    events = engine.code(Article(id="note", text=text, published=dt.date(2020, 5, 12))).events
    abduction = next(e for e in events if e.trigger.text == "abduction")
    assert abduction.hypothetical
    assert row_event(text, D20).acled_sub_event_type == MV


def test_an_arrest_told_before_the_protest_of_those_arrested_is_an_intervention(row_event):
    event = row_event("Police arrested 30 teachers who protested outside the ministry.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, PI)


def test_a_protest_about_an_earlier_arrest_stays_peaceful(row_event):
    event = row_event("Students protested against the arrest of their leader in the capital.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, PP)


def test_the_clause_before_a_semicolon_is_a_main_clause(row_event):
    event = row_event("Workers demanded their unpaid wages; police dispersed them with tear gas.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, PI)


def test_what_a_person_is_suspected_of_is_no_event_but_an_alleged_attack_is(row_event):
    arrest = row_event("Police arrested two men suspected of kidnapping.", D20)
    assert arrest.acled_sub_event_type == AR
    attack = row_event("Militants are suspected of attacking the post.", D20)
    assert attack.acled_event_type != S


def test_the_owner_of_property_burned_is_its_target(row_event):
    event = row_event("Rioters torched a truck owned by a businessman.", D20)
    assert [a.name for a in event.target] == ["businessman"]


def test_arrests_made_in_a_raid_are_the_arrests(row_event):
    event = row_event("Police arrested five suspects in a raid on a house.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (S, AR)


def test_rallying_support_is_no_rally(engine):
    events = engine.code(Article(id="note", text="The party rallied support for the bill.", published=dt.date(2020, 5, 12))).events
    assert all(e.acled_event_type is None for e in events)


def test_less_lethal_force_that_injures_is_an_intervention_unless_the_injuries_are_serious(row_event):
    minor = row_event("Police fired rubber bullets at the protesters, injuring two.", D20)
    assert (minor.acled_event_type, minor.acled_sub_event_type) == (P, PI)
    serious = row_event("Police fired rubber bullets at protesters, seriously injuring three.", D20)
    assert (serious.acled_event_type, serious.acled_sub_event_type) == (P, EF)


def test_a_gherao_is_a_demonstration_so_its_stone_pelting_is_a_violent_one(row_event):
    event = row_event("Students gheraoed the vice chancellor's office and pelted stones.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (R, VD)


def test_riot_control_means_fired_at_a_protest_are_no_battle(row_event):
    event = row_event("Protesters were injured when police fired rubber bullets at a demonstration.", D20)
    assert (event.acled_event_type, event.acled_sub_event_type) == (P, PI)
    assert "police" not in [a.name for a in event.target if a.kind == "implied"]
    armed = row_event("Police exchanged fire with gunmen near the protest site.", D20)
    assert armed.acled_event_type == "Battles"
