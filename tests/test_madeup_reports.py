"""One incident, one event, one toll on made-up wire, newspaper and broadcaster reports.

`tests/data/madeup_reports/` holds invented reports (invented villages, people and groups in real
countries and first-level divisions) with a careful coder's gold in the format of
`../shared/gold/real-reports.json`. Each is read as `strife extract FILE` reads it (the first line is
the headline), published on its gold date, and scored by `strife.evaluate.incidents.score_report`,
the function `bench/incidents.py` uses. The ones strife still gets wrong are strict xfails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.evaluate.incidents import QUESTIONS, describe, read_reports, score_report

DATA = Path(__file__).parent / "data" / "madeup_reports"
GOLDS = {g.name: g for g in read_reports(DATA / "gold.json")}

# report -> why strife still gets it wrong
STILL_WRONG: dict[str, str] = {}


@pytest.fixture(scope="module")
def scores(engine):
    from strife.ingest import read_inputs

    out = {}
    for name, gold in GOLDS.items():
        article = next(iter(read_inputs([str(DATA / name)])))
        out[name] = score_report(engine.code(article.model_copy(update={"published": gold.published})), gold)
    return out


def test_every_report_has_its_gold_and_every_gold_its_report():
    assert sorted(GOLDS) == sorted(p.name for p in DATA.glob("*.txt"))
    assert len(GOLDS) >= 28


@pytest.mark.parametrize("name", sorted(GOLDS))
def test_a_made_up_report_gives_its_incident_once(scores, name, request):
    if name in STILL_WRONG:
        request.applymarker(pytest.mark.xfail(reason=STILL_WRONG[name], strict=True))
    score = scores[name]
    assert all(score.answers[q] for q in QUESTIONS), describe(score, GOLDS[name])
