"""Unknown organisations told by the shape of their names (made-up groups and places). ACLED codes an
organisation whose name says it bears arms ('the X Liberation Front', 'the Y Brigades', 'the Z
Revolutionary Council') as a rebel group or political militia, so an attack on it, its members or
its camp is a battle, and so is a village's 'Defence Volunteers' or 'Vigilance Group' (ACLED codes
village defence and vigilante groups as militias); a union, an association, a party, an elders' council
or a relief body's volunteers is not armed unless told so, and an attack on it is violence against civilians. `data/event_armed_name_words.csv`."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from strife.model import Article
from strife.rows import record_row_event


def row_type(engine, text: str):
    events = engine.code(Article(id="t", text=text, published=dt.date(2020, 5, 9))).events
    row = record_row_event([e for e in events if not (e.negated or e.hypothetical)])
    return row and row.acled_event_type


ARMED_NAMES = ["the Kavora Liberation Front", "the Tesh Brigades", "the Komo Revolutionary Council",
               "the Molu Resistance Movement", "the Sendu People's Army", "the Kelo Defence Volunteers"]
UNARMED_NAMES = ["the Banu Farmers Union", "the Lito Traders Association", "the Nyasi Democratic Party",
                 "the Pelo Elders Council", "the Rafi Relief Volunteers"]
TARGETS = ["{}", "two members of {}", "a camp of {}"]
DOERS = ["Soldiers", "Gunmen"]
VERBS = ["attacked", "killed"]


def _cells():
    for name, target, doer, verb in itertools.product(ARMED_NAMES + UNARMED_NAMES, TARGETS, DOERS, VERBS):
        if target.startswith("a camp") and verb == "killed":
            continue  # one kills people, not a camp
        yield name, target.format(name), doer, verb, "Battles" if name in ARMED_NAMES else "Violence against civilians"


@pytest.mark.parametrize("name, target, doer, verb, acled", list(_cells()))
def test_attack_on_a_named_organisation(engine, name, target, doer, verb, acled):
    assert row_type(engine, f"{doer} {verb} {target} in the village of Lomaru on Friday.") == acled


@pytest.mark.parametrize("name", ARMED_NAMES)
def test_armed_name_as_doer(engine, name):
    """As the doer the name decides too: on a trader, violence against civilians; on a police
    station, a battle."""
    doer = name[0].upper() + name[1:]
    assert row_type(engine, f"{doer} attacked a trader in the village of Lomaru on Friday.") == "Violence against civilians"
    assert row_type(engine, f"{doer} attacked a police station in the village of Lomaru on Friday.") == "Battles"


def test_shape_of_the_name_only():
    """Only a capitalised name of two words or more is read: the common nouns and a place named
    with a marker word ('Liberation Square') are not armed groups."""
    from strife.engine import LocalEngine
    from strife.extract.events.armed_names import armed_name

    nlp = LocalEngine().nlp
    def head(text, word):
        return next(t for t in nlp(text) if t.text == word)
    assert armed_name(head("Troops attacked the Kavora Liberation Front near Lomaru.", "Front"))
    assert armed_name(head("Troops attacked the Front for the Liberation of Kavora.", "Front"))
    assert not armed_name(head("Troops advanced on the eastern front near Lomaru.", "front"))
    assert not armed_name(head("Police dispersed a crowd in Liberation Square in Lomaru.", "Square"))
    assert not armed_name(head("Police raided the office of the Kavora Liberation Party.", "Party"))
    assert not armed_name(head("Police raided the office of the Lomaru Youth Movement.", "Movement"))


def test_the_table_reads():
    from strife.extract.events.tables import armed_name_words

    table = armed_name_words()
    assert {"armed_head", "marked_head", "armed_marker", "unarmed_head"} <= set(table)
    assert "brigades" in table["armed_head"] and "front" in table["marked_head"] and "party" in table["unarmed_head"]
    assert not table["armed_head"] & table["unarmed_head"] and not table["marked_head"] & table["unarmed_head"]


@pytest.mark.parametrize("target", ["a vehicle carrying five KLF militants", "a truck carrying Tesh fighters",
                                    "two Kavora Liberation Front members"])
def test_armed_members_of_an_unknown_group(engine, target):
    """'KLF militants', 'Tesh fighters': a member noun that says its bearers bear arms (roles.yaml
    armed_member_nouns) is an armed side even when the group named before it is unknown; a vehicle
    carrying them is theirs (ACLED: an attack on an armed group is a battle)."""
    assert row_type(engine, f"Soldiers attacked {target} near the village of Lomaru on Friday.") == "Battles"


def test_members_of_an_unknown_group_are_not_armed_by_their_noun(engine):
    """'KLF members', 'party activists': members of a group no one has told is armed stay unarmed."""
    assert row_type(engine, "Gunmen killed two Nyasi Democratic Party activists near Lomaru on Friday.") == \
        "Violence against civilians"


def test_a_front_without_a_marker_may_be_a_party(engine):
    """'the Kavora Patriotic Front', 'the Popular Front': many fronts are parties, so a front is an
    armed side only when its name says so ('Liberation', 'Revolutionary', 'Resistance')."""
    assert row_type(engine, "Gunmen killed two supporters of the Kavora Patriotic Front in the village of Lomaru on Friday.") == \
        "Violence against civilians"
    assert row_type(engine, "Gunmen killed two members of the Kavora Liberation Front in the village of Lomaru on Friday.") == "Battles"
