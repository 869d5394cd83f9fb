"""Bodies recovered after an act of the same report are that act's toll, not a row of their own (issue #24).

"Police recovered 4 bodies", "Four bodies were recovered from the scene", told after a clash, an
attack or a blast, tell the victims of that act: the finders took no part in it, and the finding,
which names no doers, is coded one row with the act, whatever type the event stage gave each
(ACLED codes an incident once, with its toll). A finder's "from the village" is where the bodies
lay, never a village taken back. Villages, towns and groups are invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.conventions import acled_fatalities
from strife.evaluate.score import happened, is_relevant
from strife.model import Article

DAY = dt.date(2016, 6, 22)
CLASH = "Soldiers clashed with Bema militants near Tuwa on Monday."
ATTACK = "Gunmen attacked Kallo village on Monday."
BLAST = "On 12 May 2020, a bomb exploded at Kallo market in Pelo district."


@pytest.mark.parametrize("text, published, kind", [
    pytest.param(f"{CLASH} Police recovered 4 bodies.", DAY, "Battles", id="a clash, then police recovered N bodies"),
    pytest.param(f"{CLASH} Four bodies were recovered from the scene.", DAY, "Battles",
                 id="a clash, then N bodies were recovered"),
    pytest.param(f"{CLASH} The army recovered the bodies of four militants.", DAY, "Battles",
                 id="a clash, then the bodies of N fighters"),
    pytest.param(f"{ATTACK} Police later recovered 4 bodies from the village.", DAY, "Violence against civilians",
                 id="'recovered N bodies from the village' is no village taken back"),
    pytest.param(f"{ATTACK} Police recovered 4 bodies.", DAY, "Violence against civilians", id="an attack, then bodies"),
    pytest.param(f"{ATTACK} Police recovered four corpses.", DAY, "Violence against civilians",
                 id="'corpses' is the plural of corpse (data/lemma_exceptions.csv), not 'corps'"),
    pytest.param(f"{BLAST} Rescuers recovered 4 bodies.", dt.date(2020, 5, 31), "Explosions/Remote violence",
                 id="a blast, then rescuers recovered N bodies"),
])
def test_bodies_recovered_after_an_act_are_its_toll(engine, text, published, kind):
    events = engine.code(Article(id="note", text=text, published=published)).events
    rows = [e for e in happened(events) if is_relevant(e, "acled")]
    assert [e.acled_event_type for e in rows] == [kind], [(e.acled_event_type, e.evidence) for e in rows]
    assert acled_fatalities(rows[0].fatalities, True) == 4


def test_a_village_taken_back_is_still_a_taking(engine):
    events = engine.code(Article(id="note", text="Troops recovered the town of Kallo from the Bema militia.",
                                 published=DAY)).events
    rows = [e for e in happened(events) if is_relevant(e, "acled")]
    assert [e.acled_sub_event_type for e in rows] == ["Government regains territory"]


def test_a_person_found_dead_is_still_an_event(engine):
    """'found dead' (a remains word the lexicon row of 'find' asks for) keeps its row."""
    text = "On 12 May 2020, in Kallo, Pelo district, a man was found dead. The body was in a plastic bag. 1 fatality."
    events = engine.code(Article(id="note", text=text, published=dt.date(2020, 5, 12))).events
    rows = [e for e in happened(events) if is_relevant(e, "acled")]
    assert [e.acled_event_type for e in rows] == ["Violence against civilians"]
    assert acled_fatalities(rows[0].fatalities, True) == 1


@pytest.mark.parametrize("opener", ["Separately, police", "Elsewhere, police", "In another incident, police"])
def test_bodies_told_as_a_new_incident_are_no_toll_of_the_clash(code, opener):
    """'Separately', 'Elsewhere', 'In another incident' open a new incident: the bodies recovered
    there are not the dead of the clash told before (issue #24)."""
    events = code(f"On 3 February 2021, clashes between the army and the Lirani militia took place in Babwato. "
                  f"{opener} recovered 4 bodies in Turuma town.")
    clash = next(e for e in events if e.trigger and e.trigger.text == "clashes")
    assert clash.fatalities is None or clash.fatalities.best in (None, 0)


@pytest.mark.parametrize(("sentence", "word", "opens"), [
    ("Separately, police recovered four bodies near Tobiru.", "bodies", True),
    ("In a separate attack, gunmen shot dead a farmer in Westkoro.", "farmer", True),
    ("Elsewhere, four bodies near Tobiru.", "bodies", True),  # no verb: the clause's root is read
    ("Police recovered four bodies near Tobiru.", "bodies", False),
])
def test_the_clause_a_new_incident_opens_is_found_by_the_one_clause_climb(nlp, sentence, word, opens):
    from strife.extract.incident_openers import opens_a_new_incident

    doc = nlp(sentence)
    assert opens_a_new_incident(next(t for t in doc if t.text == word)) is opens
