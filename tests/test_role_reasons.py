"""`explain_roles`: why each actor of a record has its role, from made-up records."""

from __future__ import annotations

from strife.extract.role_reasons import explain_roles
from strife.model import Actor, Event, Span

TEXT = "Gunmen shot a man. Police dispersed the protest."


def event(**fields) -> Event:
    return Event(id="e1", event_type="ASSAULT", evidence=Span(start=0, end=17, text=TEXT[:17]),
                 trigger=Span(start=7, end=11, text="shot"), **fields)


def test_a_phrase_of_the_event_says_which_word_gave_it_its_role():
    lines = explain_roles(event(source=[Actor(name="Gunmen", span=(0, 6), sector="UAF")],
                                target=[Actor(name="man", span=(14, 17), sector="CVL")]))
    assert lines[0] == "source 'Gunmen' [- UAF]: the parse gives this phrase the source role of 'shot' (characters 0-6, before it)"
    assert "target role of 'shot'" in lines[1] and "after it" in lines[1]


def test_an_implied_actor_cites_acleds_convention_and_no_role_is_said():
    lines = explain_roles(event(acled_event_type="Violence against civilians",
                                source=[Actor(name="unidentified armed group", country="MEX", sector="UAF", kind="implied")]))
    assert lines[0].startswith("source 'unidentified armed group' [MEX UAF]: implied:")
    assert "'Violence against civilians'" in lines[0]
    assert lines[1] == "target: none; the parse gave no phrase this role"


def test_the_intervening_force_and_the_unassigned_are_named():
    lines = explain_roles(event(acled_sub_event_type="Protest with intervention",
                                target=[Actor(name="Police", span=(19, 25), sector="COP")],
                                unassigned=[Actor(name="residents", span=(40, 49), sector="CVL")]))
    assert any("the force that dispersed or arrested the protesters" in line for line in lines)
    assert lines[-1] == "named in the sentence with no role from the parse (not promoted): 'residents' [- CVL]"


def test_a_riot_target_from_another_act_of_its_line_says_so():
    lines = explain_roles(event(acled_event_type="Riots", target=[Actor(name="Police", span=(19, 25), sector="COP")]))
    assert any("whom the crowd attacked in another act of the same line" in line for line in lines)
