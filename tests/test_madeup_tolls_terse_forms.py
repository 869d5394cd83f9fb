"""Tolls of terse coder notes, round 3 of issue #24: made-up notes, one case per rule.

Each note is labelled with the fatalities an ACLED coder records for the one event of its row, under
the ACLED codebook ("Reported fatalities") and its FAQ "Fatalities":

* a total told for several places is divided among the events coded at each, the first place
  taking the odd one (`strife.conventions.split_share`); the places may be the objects of the act's
  verb ("clear A and B of militants", "raided A, B and C") or the routes it ran along ("along the
  A-B and C-D axis": two axes), and the total may come in the next sentence with no verb of its own;
* where sources differ, the most conservative figure: "12 killed, 19 according to another source";
* every side's dead add up: "each clan lost three men" is six dead;
* a group's members counted by a word of killing used in war ("Five Tamuri were eliminated").

Villages, people and groups are invented. Each case failed
before the rule its id names; each guard holds with the rule.
"""

from __future__ import annotations

import pytest

from strife.conventions import acled_fatalities

AFRICA, SOUTH_ASIA, GLOBAL = "2016-06-22", "2015-05-20", "2020-05-31"


@pytest.mark.parametrize("text, published, deaths", [
    # places struck, as the objects of the act's verb, share a total told after them
    pytest.param("Military forces clear Tumbiri and Gasaro of Kelo Front on 18/06. Four reported Kelo Front dead.",
                 AFRICA, 2, id="'clear A and B of militants' then a verbless total: two places share it"),
    pytest.param("Army cleared Kwadari and Lutti of Kelo Front on 16/06. Ten Kelo Front killed and weapons recovered.",
                 AFRICA, 5, id="'cleared A and B' then 'Ten killed': two places share the ten"),
    pytest.param("Kelo Front raided Gawa, Fulka and Ngamdo on 21/06, killing 15 civilians.", AFRICA, 5,
                 id="'raided A, B and C, killing 15': three places share it"),
    pytest.param("Herders raided Agatu-Oba and Ologo on 17/06, killing 9.", AFRICA, 5,
                 id="a hyphened name is one place: 'A-B and C' are two, the first takes the odd one"),
    pytest.param("Kelo Front stormed Dulmari and Yelwo on 14/06. Six civilians reported killed.", AFRICA, 3,
                 id="a toll the row takes from the next sentence is shared by the places the row's act struck"),
    # routes: "the A-B and C-D axis" is two axes
    pytest.param("Soldiers clashed with the Kelo Front along the Dimasa-Kurwa and Malam-Fotari axis, killing six insurgents.",
                 AFRICA, 3, id="'along the A-B and C-D axis': two axes share the toll"),
    # another source's figure is a rival account of the note's own
    pytest.param("Suicide bomber attacked a mosque in Kondiga; 12 killed, 19 according to another source.", AFRICA, 12,
                 id="'12 killed, 19 according to another source': rival accounts, the lowest"),
    pytest.param("Fighting in Wadiro between the Kelo Front and the army; 11 dead, another source says 4.", AFRICA, 4,
                 id="'11 dead, another source says 4': rival accounts, the lowest"),
    # a group's members killed by a word of war
    pytest.param("Five Tamuri were eliminated in an airstrike in Nadir district.", SOUTH_ASIA, 5,
                 id="'Five Tamuri were eliminated': a named group's members are people"),
    pytest.param("Three Tamuri were eliminated and two arrested during an operation in Zharo.", SOUTH_ASIA, 3,
                 id="'Three Tamuri were eliminated and two arrested': the eliminated are the toll"),
    # each side's dead
    pytest.param("Clashes between two clans in Qansah; each clan lost three men.", AFRICA, 6,
                 id="'each clan lost three men': both clans' dead, six"),
    pytest.param("Fighting between the Rer Dumal and Rer Kabo clans in Dhumo; each side lost two fighters.", AFRICA, 4,
                 id="'each side lost two fighters': four"),
    pytest.param("Clashes between two clans in Waafi; two men from each clan were killed.", AFRICA, 4,
                 id="'two men from each clan were killed': four"),
    pytest.param("Sectarian clash in Tirpur village; 2 people of each sect were killed.", SOUTH_ASIA, 4,
                 id="'2 people of each sect were killed': four"),
])
def test_a_terse_note_has_the_toll_a_coder_records(row_event, text, published, deaths):
    event = row_event(text, published)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities


@pytest.mark.parametrize("text, published, deaths", [
    pytest.param("Military forces clear Tumbiri of Kelo Front on 18/06. Four reported Kelo Front dead.", AFRICA, 4,
                 id="one place cleared keeps the whole toll"),
    pytest.param("Soldiers clashed with the Kelo Front along the Dimasa-Kurwa axis, killing six insurgents.", AFRICA, 6,
                 id="one axis keeps the whole toll"),
    pytest.param("On 3 May 2020, unidentified gunmen raided Danilo Ferraz and Rui Matos in Vila Orca. "
                 "Two men were killed.", GLOBAL, 2, id="people raided by name are no places to share among"),
    pytest.param("On 3 May 2020, militants attacked Kabiri and Dossa. Two soldiers were killed.", GLOBAL, 2,
                 id="what 'attacked' takes is as often a force or one target: no places to share among"),
    pytest.param("Militants raided Kabiri and Dossa on 20/06. Three soldiers were killed in Dossa.", AFRICA, 3,
                 id="a toll told with a place of its own is that place's, not shared"),
    pytest.param("Gunmen killed 6 people and 3 policemen in Dabo, according to officials.", AFRICA, 9,
                 id="one source's figures of other people add up"),
    pytest.param("Gunmen killed two farmers in Lobo; another farmer died of his wounds the next day.", AFRICA, 3,
                 id="'another farmer' is other people still"),
    pytest.param("Troops neutralised two explosive devices near Gurma market.", AFRICA, 0,
                 id="things neutralised are no dead"),
    pytest.param("Clashes between two clans in Qansah; three men were killed.", AFRICA, 3,
                 id="a figure with no 'each' is the toll itself"),
])
def test_what_the_terse_rules_leave_alone(row_event, text, published, deaths):
    """Guards of the rules above: what each must not read."""
    event = row_event(text, published)
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == deaths, event.fatalities
