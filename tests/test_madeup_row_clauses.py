"""Made-up notes: the record's row is the act the line is about (issue #21).

Every village, person and group is invented. An act told in a relative or reduced relative clause
('a classmate killed by police', 'a classmate who was killed by police') only says who a participant
is: it stays an event (it happened) but the row is the main clause's act. A 'to' infinitive of
purpose on a verb with its own object ('refused food to protest', 'stopped work to protest') says
why that act was done: a refusing or halting verb does not make the protest not happen. 'refused to
protest' (no object of its own): the infinitive is what was refused; soldiers cutting off a road are
no road blockade by a crowd. Only a refusal's purpose happened; what others stopped or prevented,
its purpose too did not. An act told on an earlier day in an 'after' clause of the sentence's act
('After gunmen abducted 5 passengers on 7 March, the army on 10 March raided their camp') sets the
scene: the row is the main clause's act (`strife.extract.lead_row.past_of_a_participant_yields`).

The notes are rows of `tests/data/madeup_row_clauses.csv`, read as `tests/test_madeup_types.py`
reads its table (`rule`, `text`, `published`, `expect`; the expectations of its docstring).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.test_madeup_types import assert_row_meets, assert_well_formed, case_ids, read_cases, with_typer_misreadings

CASES = read_cases(Path(__file__).resolve().parent / "data" / "madeup_row_clauses.csv")
P, VAC = "Protests", "Violence against civilians"


def test_the_table_is_well_formed():
    assert_well_formed(CASES, 12)


TYPER_MISREADINGS = {
    "a_refused_or_stopped_protest_is_still_not_one-1": "villagers stopped from protesting read as a protest",
}


@pytest.mark.parametrize("case", with_typer_misreadings(CASES, TYPER_MISREADINGS), ids=case_ids(CASES))
def test_the_note_has_the_rules_row(row_event, case):
    assert_row_meets(row_event(case["text"], case["published"]), case)


def test_the_killing_in_the_relative_clause_stays_an_event(engine):
    from strife.model import Article

    text = "On 3 May 2020, students held a silent march in Dovreth to mourn a classmate killed by police. [size=no report]"
    events = engine.code(Article(id="n", text=text, published=dt.date(2020, 5, 3))).events
    kinds = {e.acled_event_type for e in events if not (e.negated or e.hypothetical)}
    assert {P, VAC} <= kinds
