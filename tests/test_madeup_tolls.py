"""Death tolls of made-up notes written as ACLED's coders write them, read as a user meets them.

The notes are rows of `tests/data/madeup_tolls.csv`: `rule`, `text`, `published` (the report's
date) and `deaths`, the toll of the record's event (the event an ACLED export writes a row for,
`strife.rows.record_row_event`) under ACLED's conventions (`strife.conventions.acled_fatalities`:
"several" 3, "dozens" 12, a toll over several days or places divided among them, the most
conservative of differing reports): the figure a coder following the ACLED codebook ("Reported
fatalities") would record. The notes are invented (places, people and groups made up, or capitals
and national institutions).

Notes of 2020, read as reports of 31 May 2020, cover the ways deaths are told: numerals and number
words, articles and determiners ("a policeman", "another civilian", "both guards"), "died",
"succumbed", "bodies found", "N killed and M injured", tallies by side, deaths in a later line, vague
figures, and injuries with no deaths. Their `rule` is

* `dated`: notes of 2020, dated and placed ("On 12 May 2020, ...");
* `terse`: older, terser notes, often with neither date nor place, often without numerals;
* `tallies`: tallies by side, split totals, differing reports, deaths told in a later line;
* `forms`: other ways of telling deaths: headlines, 'claimed the lives', bodies, number words;
* otherwise the rule of session 9 the note guards.

Notes in the terse style of ACLED's 2015-16 coders, read as reports of 22 June 2016, are one per
convention of the codebook they exercise (the `rule`): which figure a coder takes when sources
differ, when a tally names one side's dead and another line the other side's, when a breakdown
follows the figure.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from strife.conventions import acled_fatalities
from tests.test_madeup_types import case_ids

CASES = Path(__file__).resolve().parent / "data" / "madeup_tolls.csv"


def read_cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CASE_ROWS = read_cases()


def test_the_table_is_well_formed():
    """Every row names its rule, a note, a date and a toll (a whole number); no note is told twice
    under one rule."""
    assert len(CASE_ROWS) >= 292
    for case in CASE_ROWS:
        assert case["rule"] and case["text"].strip() and len(case["published"]) == 10, case
        assert case["deaths"].isdigit(), case
    assert len({(c["rule"], c["text"]) for c in CASE_ROWS}) == len(CASE_ROWS)


@pytest.mark.parametrize("case", CASE_ROWS, ids=case_ids(CASE_ROWS))
def test_a_made_up_note_has_the_toll_a_coder_records(row_event, case):
    event = row_event(case["text"], case["published"])
    assert event is not None, "no row"
    assert acled_fatalities(event.fatalities, True) == int(case["deaths"]), event.fatalities


def test_half_a_dozen_dead_is_six(code) -> None:
    """"half a dozen" is half of the scale word; the "a dozen" inside it is not read on its own."""
    events = [e for e in code("Gunmen killed half a dozen villagers in a raid on Monday.") if e.fatalities]
    assert [e.fatalities.best for e in events] == [6]
