"""Made-up minimal pairs: a text that tells no event of political violence beside one that does.

A user who feeds strife ordinary news meets war's words where nothing happened: a killer that is
a flood, a disease or an accident (ACLED codes none: `events.hazards`); a report that is denied,
retracted or called false (`modality._reported_as_false`), or whose subject denies the act ("no one
had been abducted"); a statistic over years ("since 2016", "between 2010 and 2020", "have counted
96 killings", "attacks rose from 12 to 31", "the valley saw three massacres in 2014":
`non_events.is_a_statistic`); a game or a market told
in the words of war (`events.metaphors`); an act remembered at an anniversary or a memorial, or
named by a past year (`building.commemorated`, `events.remembered`), or picked out as the extreme of
a past tally ("the worst year was 2014, when five were shot dead"); figures or a report 'released'
(`triggers`: no release of people); an act only rumoured; a person 'fired' from a post; the
alternative not taken ('rather than fighting'); what one asks permission for; an act only in someone's
word for it, an event noun alone in quotation marks (`modality._scare_quoted`). Each no-event text is paired
with an event text that shares its words, so each rule is checked on both sides: the event text
keeps its event (and its type where the pair is about the type). Villages, people and groups are
invented. The rules' own events are read (`origin == "rules"`): what the built-in typer proposes
where the rules see nothing is its own concern.
"""

from __future__ import annotations

import pytest

B, E, V, R = "Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"

#: (no-event text, event text sharing its words, the event text's ACLED type or None when any type will do)
PAIRS: tuple[tuple[str, str, str | None], ...] = (
    # --- the killer is a hazard, a disease or an accident
    ("Lightning killed two farmers working in a rice field near Kanduri on Tuesday.",
     "Bandits killed two farmers working in a rice field near Kanduri on Tuesday.", V),
    ("A suspected measles outbreak has killed nine children in the Lomasi area, health officials said.",
     "Militiamen have killed nine children in the Lomasi area, health officials said.", V),
    ("A landslide buried ten homes in the hill settlement of Puerto Lira, killing at least six residents.",
     "Gunmen raided the hill settlement of Puerto Lira, killing at least six residents.", V),
    ("A bus plunged into a ravine near Salvi on Monday, killing 22 passengers.",
     "Gunmen stopped a bus near Salvi on Monday, killing 22 passengers.", V),
    ("A gas cylinder explosion in a restaurant in Valdora injured five people.",
     "A bomb explosion in a restaurant in Valdora injured five people.", E),
    ("An earthquake struck the province early on Monday, destroying dozens of houses and killing three people.",
     "Artillery shells struck the town early on Monday, destroying dozens of houses and killing three people.", None),
    # --- a report denied, retracted, called false; an act its subject denies
    ("Residents of Gashuwa said reports of clashes between herders and farmers in the area were untrue.",
     "Residents of Gashuwa said herders and farmers clashed in the area on Monday.", None),
    ("Reports that gunmen had stormed the Ekiti-Nara health centre turned out to be false, the health board said.",
     "Gunmen stormed the Ekiti-Nara health centre on Sunday, the health board said.", V),
    ("Local officials said the rumours of an attack on the Moriba mission were unfounded.",
     "Local officials said gunmen attacked the Moriba mission on Friday.", V),
    ("The outlet withdrew its report of an ambush on a police patrol near Bekwai.",
     "Militants ambushed a police patrol near Bekwai on Monday.", B),
    ("The governor's office said no one had been abducted from the Dunari school.",
     "The governor's office said gunmen had abducted 12 pupils from the Dunari school.", V),
    ("The governor described as baseless reports that vigilantes had killed three herders near Tunga.",
     "The governor said vigilantes had killed three herders near Tunga.", V),
    # --- a statistic over years
    ("The figures show 45 aid workers killed in the country since 2016.",
     "Gunmen killed four aid workers in the north of the country on Monday.", V),
    ("Between 2010 and 2020, more than 1,200 farmers were killed in land disputes across the region.",
     "On Monday, 12 farmers were killed by herders in a land dispute in the region.", None),
    ("Police have recorded 340 murders in the city since 2015, most of them linked to robberies.",
     "Police said robbers murdered a trader in the city on Monday.", None),
    ("Attacks on schools rose from 12 in 2018 to 31 in 2020, the ministry said.",
     "Gunmen attacked two schools in Kolabari on Monday, the ministry said.", V),
    ("The annual report counted 23 attacks on polling stations.",
     "Gunmen carried out three attacks on polling stations in Kurmi on Monday.", V),
    ("The Ostrin valley saw three massacres in 2014, according to a report released on Monday.",
     "The Ostrin valley saw three attacks on Monday, in which gunmen killed seven villagers.", None),
    ("Last year the Kelvara region witnessed over 200 attacks by armed groups, the report said.",
     "On Sunday the Kelvara region witnessed heavy clashes between the army and rebels.", B),
    ("The Dunari camp suffered repeated attacks during 2015, aid workers said.",
     "The Dunari camp suffered an attack by gunmen on Friday, aid workers said.", None),
    ("At least 150 people have been killed in clashes across Velmora province this month.",
     "At least 15 people were killed in clashes between two clans in Velmora province on Monday.", None),
    ("In 2015 alone, 1,200 people were killed in sectarian attacks in the city of Tarsk.",
     "On 3 May 2015, 12 people were killed in a sectarian attack in the city of Tarsk.", None),
    ("Armed groups have burned more than 100 villages in Oruba since the conflict began.",
     "Armed men burned three villages in Oruba on Sunday after the fighting began.", None),
    ("Gunmen have abducted more than 400 people in the state since the insurgency began, officials said.",
     "Gunmen abducted 40 people in the state on Tuesday, officials said.", V),
    # --- war words in a game or a market
    ("Grandmaster Pavel Ostrin sacrificed a rook and launched a devastating attack on the black king in the fifth "
     "round of the tournament.",
     "Rebels launched a devastating attack on the army base in Ostrin on Monday.", B),
    ("Kelvara United fought back from two goals down to beat Rovano City 3-2 on Saturday.",
     "Soldiers fought back against rebels who attacked their base near Rovano on Saturday.", B),
    ("The tennis star battled through three sets to defeat the second seed in Valdora on Friday.",
     "Soldiers battled militants for three hours near Valdora on Friday.", B),
    ("The home side stormed to a 4-1 win, their biggest of the season.",
     "Troops stormed the rebel stronghold of Tamberi on Monday.", None),
    ("Striker Adu Mensah fired a shot into the top corner in the 89th minute to seal the victory.",
     "Fans fought in the stands after the match in Orlavo, and police arrested ten of them.", None),
    # --- an act remembered, or named by a past year
    ("A radio programme marked the anniversary of the massacre in Kurmi.",
     "Gunmen carried out a massacre in Kurmi on Sunday, killing 12 villagers.", V),
    ("Today marks five years since the Kolabari massacre, in which 27 villagers were killed by gunmen.",
     "Gunmen killed 27 villagers in Kolabari on Saturday.", V),
    ("Twenty years after soldiers burned the village of Tamberi, survivors are still waiting for compensation.",
     "Soldiers burned the village of Tamberi on Monday, survivors said.", None),
    ("A plaque bearing the names of 14 students killed in the attack was installed in Ketemi.",
     "Gunmen killed 14 students in an attack on a school in Ketemi on Monday.", V),
    ("The families of the victims of the 2014 Sandro market bombing met the governor on Monday.",
     "A bomb exploded at the Sandro market on Monday.", E),
    ("The Ranga bridge, destroyed by rebels in 2012, reopened to traffic on Monday.",
     "Rebels destroyed the Ranga bridge on Monday.", None),
    # --- a paragraph's statistic told by its extreme: a past year, or one of a past set (`remembered`)
    ("Attacks on clinics in Sarnuk have risen every year since 2012. The worst year was 2016, when 31 nurses were killed.",
     "Gunmen attacked a clinic in Sarnuk on Monday; 31 nurses were killed.", V),
    ("The union has counted 14 murdered teachers since 2011. The worst year was 2014, when five were shot dead.",
     "Gunmen shot dead five teachers in Benhali on Wednesday.", V),
    (("The group carried out dozens of suicide bombings between 2013 and 2016. The deadliest killed 73 people at a "
      "bus station."),
     "A suicide bomber killed 73 people at a bus station in Quorvata on Monday.", E),
    ("The district has had 18 grenade attacks since 2015. The worst, in 2016, wounded 22 people at a wedding.",
     "A grenade attack wounded 22 people at a wedding in Benhali on Saturday.", E),
    # --- an act told as how a thing of today's news came to be, in a clause naming a past year (`remembered`)
    ("Kelmor airport, closed in 2013 after fighting near the runway, has resumed flights to the coast.",
     "Fighting near the runway of Kelmor airport on Monday forced it to close.", B),
    ("The only bank in Dunmere has been closed since gunmen robbed it in 2016.",
     "Gunmen robbed the only bank in Dunmere on Monday.", None),
    ("The village school in Tarsk closed in 2016 after an attack by gunmen forced most families to flee.",
     "Gunmen attacked the village school in Tarsk on Monday, forcing most families to flee.", V),
    # --- an act only rumoured: the noun's 'that' clause set after its verb, or 'it was rumoured' (`modality`)
    ("Rumours circulated in Dunmere that soldiers had burned a village; officials said they were false.",
     "Soldiers burned a village near Dunmere on Tuesday, residents said.", None),
    ("It was rumoured in Kelmor that gunmen had attacked the market.",
     "Gunmen attacked the market in Kelmor on Monday.", V),
    # --- the alternative not taken ('rather than', 'instead of'); what one asks permission for (`modality`)
    ("Traders' associations in Tarsk issued a statement thanking the council for listening rather than fighting.",
     "Traders and council guards were fighting in the Tarsk market on Monday.", None),
    ("The Kelmor Renewal Movement says it will apply for permission to hold a torchlight procession before the vote.",
     "The Kelmor Renewal Movement held a torchlight procession in Kelmor before the vote.", "Protests"),
    # --- 'fired' a person from a post: no shooting (lexicon)
    ("The electoral commission chairman was fired by the president on Thursday.",
     "Gunmen fired on the car of the electoral commission chairman in Benhali on Thursday.", None),
    ("The Tarsk police chief was fired by the governor on Monday after a corruption scandal.",
     "Gunmen fired at the police chief in Tarsk on Monday.", None),  # what is aimed at is a target
    # --- acts said to be frequent or common, or a gerund subject over years (`non_events.is_a_statistic`)
    ("Air strikes on Lomasi province were frequent in 2016.",
     "Air strikes hit Lomasi province on Monday.", E),
    ("Kidnappings for ransom have become common on the Sarnuk highway.",
     "Gunmen kidnapped three traders on the Sarnuk highway on Monday.", V),
    ("Fighting for the border town of Quorvata has flared repeatedly since 2013.",
     "Fighting broke out between soldiers and rebels in the border town of Quorvata on Monday.", B),
    # --- an act only in someone's word for it: an event noun alone in quotation marks
    ("Residents of Kolvar said the \"gunfire\" heard overnight was a transformer popping during a storm.",
     "Residents of Kolvar said heavy gunfire was heard overnight as soldiers fought bandits near the town.", B),
    ("His campaign manager, who first spoke of an \"ambush\", later said the matter was under review.",
     "His campaign manager said gunmen had ambushed the convoy near Tolvo on Monday.", None),
    # --- 'released' figures, a report, names: no release of people, however the parse hangs them
    ("The figures, released on 3 March, show crime falling for a second year in Benhali.",
     "The hostages, released by the rebels on 3 March, were flown to Benhali.", "Strategic developments"),
    (("On the fifth anniversary of the earthquake, the Sarnuk council released figures showing 90% of damaged homes "
      "have been rebuilt."),
     "Rebels released 12 hostages in Sarnuk on Monday.", "Strategic developments"),
    ("The interior ministry released the names of the new district commissioners on Monday.",
     "The army released 40 detainees from the Quorvata barracks on Tuesday.", "Strategic developments"),
)


def _happened(events):
    """The rules' events coded as having happened with an ACLED type."""
    return [e for e in events if e.origin == "rules" and e.acled_event_type and not (e.negated or e.hypothetical)]


@pytest.mark.parametrize("quiet, _event, _type", PAIRS, ids=[p[0][:40] for p in PAIRS])
def test_no_event_text_codes_none(code, quiet, _event, _type):
    assert [(e.acled_event_type, e.evidence.text) for e in _happened(code(quiet))] == []


@pytest.mark.parametrize("_quiet, told, acled_type", PAIRS, ids=[p[1][:40] for p in PAIRS])
def test_event_text_keeps_its_event(code, _quiet, told, acled_type):
    events = _happened(code(told))
    assert events, told
    if acled_type is not None:
        assert acled_type in {e.acled_event_type for e in events}


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 people in what residents called a \"massacre\" in the village of Dorla on Sunday.",
    "\"There was heavy fighting in the town all night,\" a resident of Dorla said on Monday.",
])
def test_an_act_the_writer_tells_stands_beside_a_quoted_word(code, text):
    # only an event noun alone in quotation marks is someone's word; the killing told by the writer,
    # and a quoted sentence of a witness, keep their events
    assert _happened(code(text)), text


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police post in Dunari on Monday; no one was hurt.",  # a casualty denied, not the attack
    "No one was injured when a bomb exploded near the Dunari market on Monday.",
])
def test_a_denied_casualty_keeps_the_act(code, text):
    assert _happened(code(text))
