"""A toll told for several acts goes to each act, divided among them (issue #24; `strife.extract.several_acts`).

"Gunmen attacked Kallo village. Militants raided Bedi village. Eight people were killed in the
attacks.": ACLED codes an event for each act and divides a total reported for several places
among them (codebook, "Reported fatalities"); each act's row carries the toll with its share
(`Count.split_over`, `strife.conventions.split_share`: the odd death to the share). A singular
"in the attack" after two acts is the last act's toll alone; a plural noun of fights ("the
clashes") does not take in an attack on civilians. Villages and groups are invented; the notes
are coded in one batch.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.conventions import acled_fatalities
from strife.evaluate.score import happened, is_relevant
from strife.model import Article

ACTS = "Gunmen attacked Kallo village. Militants raided Bedi village."
NOTES = {
    "the attacks": (f"{ACTS} Eight people were killed in the attacks.", [4, 4]),
    "the attacks as subject": (f"{ACTS} The attacks killed eight people.", [4, 4]),
    "both raids": (f"{ACTS} Eight people were killed in both raids.", [4, 4]),
    "the two attacks, an odd total": (f"{ACTS} Nine people were killed in the two attacks.", [5, 5]),
    "a bombing and an attack": ("Gunmen attacked Kallo village. A bomb exploded at a market in Bedi. "
                                "Ten people were killed in the attacks.", [5, 5]),
    "the attack: the last act's": (f"{ACTS} Eight people were killed in the attack.", [0, 8]),
    "an act with its own toll keeps it": ("Gunmen killed two farmers in Kallo village. Militants raided Bedi "
                                          "village. Eight people were killed in the attacks.", [2, 8]),
}


@pytest.fixture(scope="module")
def coded(engine):
    names = list(NOTES)
    results = engine.code_articles([Article(id=str(n), text=NOTES[name][0], published=dt.date(2016, 6, 22))
                                    for n, name in enumerate(names)])
    return {name: [e for e in happened(result.events) if is_relevant(e, "acled")] for name, result in zip(names, results)}


@pytest.mark.parametrize("name", list(NOTES))
def test_each_act_carries_its_share_of_a_toll_told_for_the_acts(coded, name):
    events = sorted(coded[name], key=lambda e: e.evidence.start)
    assert [acled_fatalities(e.fatalities, True) for e in events] == NOTES[name][1], [e.fatalities for e in events]
