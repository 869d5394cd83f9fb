"""Made-up notes: how an act is told decides whether it is the record's row (issues #21, #24).

Every village, person and group is invented. An act someone is accused of, blamed for or alleged to
have done is a claim about the doer: beside an act the note tells as fact, the row is the fact
(`strife.extract.told_rows`); alone, the accused act keeps the row. An act after 'since' in a
counted span of time ('five years since the massacre', 'one year since soldiers killed ...') is a
past act remembered, background to the day's news (`strife.extract.events.building.commemorated`);
an uncounted 'since' ('the first attack since the army withdrew') is not. A flight told with its
cause is the note's news (ACLED's strategic development 'Other') only when the cause tells no deaths:
'fled after an attack that killed four farmers' is the attack's row, with its toll. An arrest told
as after the protest ('was arrested right after the protest') came once it was over: no force used
on it, so the protest stays peaceful (`incident_rows._after_the_protest`). An act in an 'after'
clause measured by a counted span ('two days after soldiers clashed there') happened that long
before the main clause's news: background, and no mention of the news's incident.

The notes are rows of `tests/data/madeup_told_rows.csv`, read as `tests/test_madeup_types.py`
reads its table (`rule`, `text`, `published`, `expect`; the expectations of its docstring).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.test_madeup_types import assert_row_meets, assert_well_formed, case_ids, read_cases

CASES = read_cases(Path(__file__).resolve().parent / "data" / "madeup_told_rows.csv")


def test_the_table_is_well_formed():
    assert_well_formed(CASES, 12)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_the_note_has_the_rules_row(row_event, case):
    assert_row_meets(row_event(case["text"], case["published"]), case)


def test_the_accused_act_stays_an_event(engine):
    from strife.model import Article

    text = ("On 3 May 2020, villagers from Karvesh attacked a Velmor militia camp. "
            "The militia was blamed for shelling a market in the village.")
    events = engine.code(Article(id="n", text=text, published=dt.date(2020, 5, 3))).events
    assert "Explosions/Remote violence" in {e.acled_event_type for e in events if not (e.negated or e.hypothetical)}


def test_the_accusation_lists_are_in_the_ontology():
    from strife.ontology import load_ontology

    onto = load_ontology()
    assert {"accuse", "blame", "allege"} <= onto.words("accusation_verbs")
    assert {"year", "day"} <= onto.words("elapsed_span_nouns")
    assert {"kill", "dead"} <= onto.words("deadly_cause_words")



def test_the_killing_told_before_the_measured_clash_keeps_its_toll_and_day(row_event):
    event = row_event("On 3 May 2020, gunmen killed two farmers in Karvesh, two days after soldiers clashed with "
                      "militants there.", "2020-05-03")
    assert event.acled_event_type == "Violence against civilians"
    assert event.fatalities is not None and event.fatalities.best == 2 and event.date == dt.date(2020, 5, 3)
