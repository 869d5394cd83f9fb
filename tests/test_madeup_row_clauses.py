"""Made-up notes: the record's row is the act the line is about (issue #21).

Every village, person and group is invented. An act told in a relative or reduced relative clause
('a classmate killed by police', 'a classmate who was killed by police') only says who a participant
is: it stays an event (it happened) but the row is the main clause's act. A 'to' infinitive of
purpose on a verb with its own object ('refused food to protest', 'stopped work to protest') says
why that act was done: a refusing or halting verb does not make the protest not happen.
"""

from __future__ import annotations

import datetime as dt

import pytest

P, VAC = "Protests", "Violence against civilians"
D20 = "2020-05-03"

ROWS = [
    ("On 3 May 2020, students held a silent march in Dovreth to mourn a classmate killed by police. [size=no report]", P),
    ("On 3 May 2020, students held a silent march in Dovreth to mourn a classmate who was killed by police. [size=no report]", P),
    ("On 3 May 2020, prisoners refused food in Pelwan jail to protest the death of an inmate. [size=no report]", P),
    ("On 3 May 2020, workers stopped work at the Pelwan mill to protest the arrest of their leader. [size=no report]", P),
    ("On 3 May 2020, traders closed their shops in Tarsel to protest extortion. [size=no report]", P),
    # the purpose of a refusal: the refusal is the protest's form
    ("On 3 May 2020, drivers refused to ply their buses in Pelwan to protest the fuel price hike. [size=no report]", P),
    # a crowd cutting off a road to pressure authorities for an arrest: a blockade, the arrest only demanded
    ("On 3 May 2020, villagers cut off the road linking Pelwan to Tarsel to pressure authorities for the arrest of the killers of a farmer. [size=no report]", P),
]


@pytest.mark.parametrize("text, event_type", ROWS)
def test_the_row_is_the_main_clauses_act(row_event, text, event_type):
    event = row_event(text, D20)
    assert event is not None, text
    assert event.acled_event_type == event_type


def test_the_killing_in_the_relative_clause_stays_an_event(engine):
    from strife.model import Article

    text = "On 3 May 2020, students held a silent march in Dovreth to mourn a classmate killed by police. [size=no report]"
    events = engine.code(Article(id="n", text=text, published=dt.date(2020, 5, 3))).events
    kinds = {e.acled_event_type for e in events if not (e.negated or e.hypothetical)}
    assert {P, VAC} <= kinds


@pytest.mark.parametrize("text", [
    "On 3 May 2020, the students refused to protest in Dovreth.",
    "On 3 May 2020, police stopped the villagers from protesting in Tarsel.",
    "On 3 May 2020, soldiers cut off the road to Tarsel.",
])
def test_a_refused_or_stopped_protest_is_still_not_one(row_event, text):
    """'refused to protest' (no object of its own): the infinitive is what was refused; soldiers
    cutting off a road are no road blockade by a crowd."""
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != P


@pytest.mark.parametrize("text", [
    "On 3 May 2020, soldiers stopped militants from crossing the river to attack Tarsel town.",
    "On 3 May 2020, soldiers prevented militants from crossing the river to attack Tarsel town.",
])
def test_the_purpose_of_a_stopped_act_did_not_happen_either(row_event, text):
    """Only a refusal's purpose happened; what others stopped or prevented, its purpose too did not."""
    event = row_event(text, D20)
    assert event is None or event.acled_event_type != "Violence against civilians"
