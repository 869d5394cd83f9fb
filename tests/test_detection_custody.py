"""Issue #21, detection: deaths and injuries in custody, an 'if' that is a slip for 'of', a body found after a
list of places, an encounter with an armed side, fist fights between groups, and an act named by its
month, forces fortifying ground, force told as the use of a weapon, clashes between opponents, and
a burnt residence. Every sentence is made up."""

from __future__ import annotations

import datetime as dt

from strife.extract.events import find_events
from strife.model import Article


def _happened(nlp, text: str):
    return [e for e in find_events(nlp(text)) if e.acled_event_type and not (e.negated or e.hypothetical)]


def test_a_death_in_custody_is_violence_against_a_civilian(nlp):
    """The one who died is the victim, not the attacker, and the state that held him is not named."""
    for text in ("A man died in police custody on Sunday.",
                 "A detainee who suffered severe injuries in police custody died after being hospitalised.",
                 "A young trader suffered injuries in custody."):
        found = _happened(nlp, text)
        assert found, text
        event = max(found, key=lambda e: e.confidence)
        assert (event.event_type, event.acled_event_type) == ("ASSAULT", "Violence against civilians"), text
        assert not event.source or not event.source[0].name.lower().endswith(("man", "detainee", "trader")), text


def test_dying_elsewhere_is_no_event(nlp):
    assert not _happened(nlp, "The former mayor died in hospital after a long illness.")


def test_if_before_a_bare_noun_phrase_is_no_condition(nlp):
    """'against the administration if the hospital' has no clause after 'if': a slip for 'of'."""
    found = _happened(nlp, "Residents of several areas recorded a protest demonstration against the administration if the hospital.")
    assert [e.acled_event_type for e in found] == ["Protests"]


def test_a_real_condition_stays_hypothetical(nlp):
    found = find_events(nlp("Teachers will demonstrate if the ministry cuts their pay."))
    assert all(e.hypothetical or e.event_type != "PROTEST" for e in found)


def test_a_body_found_after_an_opening_list_of_places(nlp):
    """The parser hangs 'the body' on the last place of the list as an apposition; the auxiliary
    right after it shows it is the subject of 'was found'."""
    text = ("Around 8 May 2020 (as reported), between the cities of Tarvel, Osmundo, and Belcarra, Quintana, "
            "the body of a man was found with gunshot wounds and partially burnt.")
    body = next(t for t in nlp(text) if t.text == "body")
    assert body.dep_ == "appos"  # the misparse this rule repairs
    assert [e.acled_event_type for e in _happened(nlp, text)] == ["Violence against civilians"]


def test_an_encounter_with_an_armed_side_is_a_gunfight(nlp):
    for text in ("Police had an encounter with militants in the forest.",
                 "An encounter between troops and rebels took place near the border."):
        assert "Battles" in [e.acled_event_type for e in _happened(nlp, text)], text
    assert not _happened(nlp, "The minister had an encounter with the press.")


def test_fist_fights_between_groups_are_mob_violence(engine):
    """As a user meets it (actors coded): unarmed groups fighting are a riot, not an attack."""
    for text in ("Supporters of two parties scuffled outside the polling station.",
                 "A brawl broke out between two groups of villagers.",
                 "Two groups of students came to blows at the college.",
                 "Villagers thrashed a man suspected of theft."):
        found = [e for e in engine.code(Article(text=text)).events
                 if e.acled_event_type and not (e.negated or e.hypothetical)]
        assert found, text
        assert max(found, key=lambda e: e.confidence).acled_event_type == "Riots", text


def test_an_act_named_by_its_month_is_background(engine):
    """'the March attack' is an earlier act the news refers to: it counts for no more than today's explosion."""
    text = ("A man was injured following the explosion of a mine in a house in the town. "
            "The house was damaged during the March attack carried out by armed men.")
    events = engine.code(Article(text=text, published=dt.date(2020, 5, 4))).events
    confidence = {e.trigger.text: e.confidence for e in events if e.trigger}
    assert confidence["attack"] <= confidence["explosion"]


def test_forces_fortifying_ground_establish_a_base(nlp):
    for text in ("Rebel forces established fortifications east of the stadium.",
                 "Gunmen installed a checkpoint on the main road.",
                 "Troops dug trenches around the town.",
                 "Militants turned a school into a base."):
        found = _happened(nlp, text)
        assert [e.acled_sub_event_type for e in found] == ["Headquarters or base established"], text
    assert not _happened(nlp, "The city turned the old factory into a museum.")


def test_force_told_as_the_use_of_a_weapon(nlp):
    found = _happened(nlp, "Soldiers used live ammunition against villagers.")
    assert [e.event_type for e in found] == ["ASSAULT"]
    assert not _happened(nlp, "The company uses knives made in Germany.")


def test_clashes_between_political_opponents_are_a_riot(engine):
    """Opponents, like supporters, are people, not an armed force: their clash is mob violence."""
    events = engine.code(Article(text="Two people were killed in clashes between political opponents after the vote.")).events
    found = [e for e in events if e.acled_event_type and not (e.negated or e.hypothetical)]
    assert max(found, key=lambda e: e.confidence).acled_event_type == "Riots"


def test_a_burnt_residence_is_arson(nlp):
    found = _happened(nlp, "The residence of a shopkeeper was burnt by unknown men.")
    assert found and found[0].event_type == "ASSAULT"
