"""Made-up notes: remains found date the act on the day of the finding (ACLED's convention).

Every village, person and group is invented. ACLED codes a body found with signs of violence as an
attack on the day it was found: "The body of a trader abducted on 5 July was discovered on 10 July"
is an attack of 10 July with one fatality, not an abduction of 5 July. A killing told with a day of
its own ("a trader killed on 5 July") keeps that day (`strife.extract.remains_found`).
"""

from __future__ import annotations

import datetime as dt

import pytest

from strife.evaluate.score import happened, is_relevant
from strife.rows import record_row_event

VAC = "Violence against civilians"

#: text, published, the row's date, its ACLED type, its fatalities
CASES = [
    ("The mutilated body of a herder abducted by gunmen on 5 July was discovered in Brenvo on 10 July.",
     "2019-07-11", "2019-07-10", VAC, 1),
    ("On 19 January 2021, the body of a man kidnapped on 16 January was found in Ulmesh (Torvik). 1 fatality.",
     "2021-01-20", "2021-01-19", VAC, 1),
    ("The body of a farmer kidnapped last Thursday was found on Tuesday in a maize field near Quarrow.",
     "2020-01-15", "2020-01-14", VAC, 1),
    ("The body of a priest kidnapped last week was found on Tuesday near Stelmo.",
     "2021-02-10", "2021-02-09", VAC, 1),
    ("On 12 March 2020, villagers recovered the body of a fisherman who had been abducted by bandits on 8 March in Pordel.",
     "2020-03-13", "2020-03-12", VAC, 1),
    # "remains" (lemmatised "remain") found by a verb with its object
    ("Police on 10 July exhumed the remains of a teacher kidnapped on 2 June in Varrish.",
     "2019-07-11", "2019-07-10", VAC, None),
    # a killing with its own day keeps it: the remains found later are its victim's
    ("The body of a herder killed by gunmen on 5 July was discovered in Brenvo on 10 July.",
     "2019-07-11", "2019-07-05", VAC, 1),
    # an abduction whose victim is not found dead stays the abduction of its own day
    ("On 10 July 2019, gunmen abducted a herder in Brenvo.", "2019-07-11", "2019-07-10", VAC, None),
]


@pytest.fixture(scope="module")
def rows(engine):
    from strife.model import Article

    results = engine.code_articles([Article(id=f"r{i}", text=text, published=dt.date.fromisoformat(published))
                                    for i, (text, published, *_) in enumerate(CASES)])
    return [record_row_event([e for e in happened(r.events) if is_relevant(e, "acled")]) for r in results]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_the_row_is_dated_by_the_finding(rows, index):
    text, _, day, kind, deaths = CASES[index]
    row = rows[index]
    assert row is not None and row.date is not None, text
    assert (row.date.isoformat(), row.acled_event_type) == (day, kind), text
    if deaths is not None:
        assert row.fatalities is not None and row.fatalities.best == deaths, text


def test_the_finding_verb_is_read_from_the_parse(nlp):
    from strife.extract.remains_found import finding_verb

    doc = nlp("The body of a herder abducted on 5 July was discovered on 10 July.")
    abducted = next(t for t in doc if t.lower_ == "abducted")
    assert finding_verb(abducted).lower_ == "discovered"
    doc = nlp("A herder abducted on 5 July was released on 10 July.")
    assert finding_verb(next(t for t in doc if t.lower_ == "abducted")) is None
