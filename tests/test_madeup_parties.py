"""Parties, their crowds and national forces on made-up notes (session 22): whose country an actor is.

The notes are invented (invented villages, people; real countries and regions) in the terse style of
ACLED's older coders. Each is coded once as a user meets it (the note's row event) and its source
(actor1) and target (actor2) are compared with the country a coder following the codebook writes:
"Rioters (Ghana)" with the New Patriotic Party as associated actor for 'NPP supporters'. They guard:

- the parties of the states of Africa and South Asia and the larger ones elsewhere
  (data/actor_parties.csv, one dictionary with data/actors.csv: the packaged files' rows add up,
  `strife.resolve.actor_files.ActorFiles.load`);
- an acronym several countries' parties use is the one of the country the note's other known names
  share where no place says it (`strife.resolve.actor_lookups.ActorLookups.shared_country`);
- a demonym two states share ('Congolese') is the one of the article's country
  (`strife.resolve.actor_lookups.ActorLookups.demonym`), and an older one ('Zairean') still names its state;
- a note that names no place and no state is of the one country of the peoples it names
  ('Murle Ethnic Militia (South Sudan)': data/actor_homelands.csv,
  `strife.resolve.actor_lookups.ActorLookups.homeland`, `strife.extract.actors.article_actor_country`).
"""

from __future__ import annotations

import datetime as dt

import pytest

# note, source country, target country (None: not checked)
NOTES = [
    ("NPP supporters clashed with NDC supporters at Dabokrom, leaving 4 injured.", "GHA", "GHA"),
    ("Suspected NDC youths attacked NPP members at a polling station in Kwesikrom.", "GHA", "GHA"),
    ("Supporters of the NPP burnt tyres to protest the disqualification of their candidate.", "GHA", None),
    ("SLPP supporters marched to the police station to demand the release of their chairman.", "SLE", None),
    ("APC youths attacked SLPP supporters at Kpetewoma after a rally.", "SLE", "SLE"),
    ("PDP thugs attacked APC members at a rally in Ikot Udo; 3 injured.", "NGA", "NGA"),
    ("DPP supporters demonstrated against the arrest of a party official.", "MWI", None),
    ("PF cadres beat up a trader at Mwandila market.", "ZMB", None),
    ("MPLA militants beat UNITA supporters at a campaign meeting.", "AGO", "AGO"),
    ("Suspected RPF cadres attacked a village headman at Kageyo.", "RWA", None),
    ("RHDP supporters attacked PDCI youths after the count; 3 injured.", "CIV", "CIV"),
    ("PNDS supporters attacked Lumana activists at Dan Kourou; 2 injured.", "NER", "NER"),
    ("PDG supporters clashed with Union Nationale supporters at Mbeyi; 2 injured.", "GAB", "GAB"),
    ("UDP supporters protested the death of an opposition official in custody.", "GMB", None),
    ("LDF workers clashed with UDF workers at Kuzhipuram; 4 injured.", "IND", "IND"),
    ("Congolese police fired tear gas at protesters in Brazzaville.", "COG", "COG"),
    ("Congolese soldiers clashed with militiamen near Goma.", "COD", "COD"),  # the other Congo, as before
    ("Zairean soldiers looted shops in the market.", "COD", "COD"),
    ("Murle youths attacked a Dinka cattle camp, killing 6.", "SSD", "SSD"),
    ("Misseriya gunmen clashed with Rizeigat militia over grazing land; 12 killed.", "SDN", "SDN"),
    ("Hema militiamen attacked a Lendu village, killing 5.", "COD", "COD"),
    ("Armed Toposa youths attacked Didinga herders, killing 2.", "SSD", "SSD"),
]


@pytest.fixture(scope="module")
def rows(row_event):
    return {note: row_event(note, "2016-05-10") for note, _, _ in NOTES}


@pytest.mark.parametrize(("note", "source", "target"), NOTES, ids=[n[0][:40] for n in NOTES])
def test_a_party_or_force_is_of_its_country(rows, note, source, target):
    event = rows[note]
    assert event is not None, note
    assert source in {a.country for a in event.source}, event.source
    assert target is None or target in {a.country for a in event.target}, event.target


def test_a_party_acronym_of_two_states_is_read_by_its_date_and_the_articles_country():
    """'SLPP' is Sierra Leone's party, and Sri Lanka's from its founding in 2016; the article's
    country tells which after that, as for 'APC' (Nigeria's party or Sierra Leone's)."""
    from strife.resolve.actors import ActorDictionary

    actors = ActorDictionary.default()
    assert actors.code("SLPP", dt.date(2016, 5, 10)).country == "SLE"
    assert actors.code("SLPP", dt.date(2020, 5, 10), "LKA").country == "LKA"
    assert actors.code("SLPP", dt.date(2020, 5, 10), "SLE").country == "SLE"
    assert actors.code("APC", dt.date(2016, 5, 10), "SLE").country == "SLE"
    assert actors.code("APC", dt.date(2016, 5, 10), "NGA").country == "NGA"


@pytest.mark.parametrize(("text", "country"), [
    ("PDP thugs attacked APC members.", "NGA"),
    ("APC youths attacked SLPP supporters.", "SLE"),
    ("NPP supporters clashed with police.", None),  # one name of one country: nothing to choose
    ("APC members demonstrated.", None),  # one name of two countries: nothing to choose by
])
def test_the_country_a_notes_known_names_share(text, country):
    from strife.resolve.actors import ActorDictionary

    assert ActorDictionary.default().shared_country(text, dt.date(2016, 5, 10)) == country


def test_a_demonym_two_states_share_is_the_articles_countrys():
    from strife.resolve.actors import ActorDictionary

    actors = ActorDictionary.default()
    assert actors.demonym("Congolese", "COG")[0] == "COG"
    assert actors.demonym("Congolese", "COD")[0] == "COD"
    assert actors.demonym("Congolese")[0] == "COD"
    assert actors.demonym("Congolese", "KEN")[0] == "COD"


def test_packaged_files_add_up_and_a_users_file_replaces(tmp_path):
    """The packaged actor files are one dictionary split by theme ("SLPP" of two states from two
    files); a user's file still replaces what it names."""
    from strife.resolve.actors import ActorDictionary

    actors = ActorDictionary.default()
    assert {e.country for e in actors.lookup("SLPP")} == {"SLE", "LKA"}
    user = tmp_path / "my_actors.csv"
    user.write_text("name,aliases,kind,country,sector\nKora Front,SLPP,group,GHA,PTY\n", encoding="utf-8")
    assert {e.country for e in actors.extend(user).lookup("SLPP")} == {"GHA"}


@pytest.mark.parametrize(("text", "country"), [
    ("Murle youths attacked a Dinka cattle camp.", "SSD"),
    ("Dogon hunters attacked a Fulani hamlet.", "MLI"),  # the Fulani live in many states: they say nothing
    ("Fulani herders clashed with farmers.", None),
    ("Murle youths clashed with Turkana raiders.", None),  # peoples of two countries
    ("Kenyan police clashed with Turkana raiders.", None),  # a state named: its country, not a homeland
    ("The Ruvona government met Dinka elders in Kenya.", None),
])
def test_the_one_country_of_the_peoples_a_note_names(text, country):
    from strife.resolve.actors import ActorDictionary

    assert ActorDictionary.default().homeland(text) == country


def test_every_homeland_is_a_country():
    import pycountry

    from strife.resolve.actors import ActorDictionary

    homelands = ActorDictionary.default().homelands
    assert len(homelands) >= 80
    assert all(pycountry.countries.get(alpha_3=country) for country in homelands.values())
