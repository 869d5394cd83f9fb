"""The lead tells the news (`strife.extract.lead_row`): a report's row is the lead's deadly act.

Made-up reports (invented villages and people): the lead gives the attack and its toll, a later
paragraph a detail of the same incident whose trigger scores higher; the row is the lead's act, with
its toll, while a detail of another incident or a lead with no deaths leaves the order as it was.
"""

from __future__ import annotations

from pathlib import Path

from strife.conventions import acled_fatalities

REPORTS = Path(__file__).resolve().parent / "data" / "madeup_reports"

REPORT = """Attack on village kills 9

Gunmen attacked the village of Dorgo in Mali's central Mopti region on Tuesday, killing 9 civilians, a local official said.

"We buried them this afternoon," said the village chief, Amadou Sulou.

The attackers arrived on motorbikes and burned homes and shops before fleeing, he said.
"""


def test_the_lead_act_is_the_row_with_its_toll(row_event):
    row = row_event(REPORT, "2020-05-31")
    assert row.acled_event_type == "Violence against civilians"
    assert acled_fatalities(row.fatalities, True) == 9


def test_a_lead_without_deaths_leaves_the_order(row_event):
    text = REPORT.replace(", killing 9 civilians,", ",").replace("kills 9", "burned")
    row = row_event(text, "2020-05-31")
    assert row is not None and row.fatalities is None


def test_a_detail_scored_above_the_lead_yields_the_row(row_event):
    """The made-up AFP update: the lead's killing of 13 civilians, then 'The attackers ... burned
    homes and shops before fleeing' (a riot's trigger, more confident): the row is the lead's attack."""
    row = row_event((REPORTS / "afp-mopti-updated.txt").read_text(), "2019-05-16")
    assert row.acled_event_type == "Violence against civilians"
    assert acled_fatalities(row.fatalities, True) == 13


def test_a_lead_with_deaths_of_another_day_leaves_the_order(row_event):
    """A lead told as the cause of the news ('after gunmen killed 9 civilians last week') is no news
    act of the row: the later paragraph's act keeps its rank."""
    text = REPORT.replace("Gunmen attacked the village of Dorgo in Mali's central Mopti region on Tuesday, killing 9 civilians,",
                          "Villagers in Dorgo in Mali's central Mopti region are afraid after gunmen killed 9 civilians there last month,")
    with_lead = row_event(REPORT, "2020-05-31")
    row = row_event(text, "2020-05-31")
    assert row is not None and row.fatalities is None and row.trigger.text != with_lead.trigger.text
